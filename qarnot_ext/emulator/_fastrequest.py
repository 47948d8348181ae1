"""Requests and responses checked by compiled validators; openapi-core only for what they do not accept.

openapi-core's request unmarshaller resolves every parameter's schema through ``jsonschema_path`` on
each call: ~3 ms for ``GET /tasks/{uuid}``, most of the emulator's time per request. The contract's
parameters are few and simple (strings, integers, one boolean, one exploded string array), so
:class:`FastRequestValidator` checks them from a table built once per operation, and the JSON body
with one ``jsonschema_rs`` validator per operation (the engine of ``_fastschema``).

It only ever *accepts*: whenever a request is not plainly valid (a missing required parameter, an
integer written ``+2``, a boolean written ``yes``, a body the fast engine rejects, another media
type…) it answers ``None`` and the middleware runs openapi-core, which decides and explains. The
values it returns are those openapi-core returns for the same request (defaults applied, integers
and booleans cast, ``tag`` as a list); a test holds the two to the same answers.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from qarnot_ext.emulator._fastschema import FastSchemaValidatorsFactory
from qarnot_ext.emulator._spec import Operation, Spec

__all__ = ["FastRequestValidator"]

_INTEGER: Final = re.compile(r"^-?[0-9]{1,10}$")
_BOOLEANS: Final = {"true": True, "false": False}
_INT32: Final = (-(2**31), 2**31 - 1)
_NO_DEFAULT: Final = object()


@dataclass(frozen=True)
class _Param:
    name: str
    location: str
    required: bool
    kind: str
    min_length: int
    minimum: int | None
    default: Any


@dataclass(frozen=True)
class _Plan:
    params: tuple[_Param, ...]
    body: Any  # a compiled validator, or None without a JSON body
    body_required: bool
    simple: bool  # every parameter is of a kind this module handles


class FastRequestValidator:
    """Validates requests of one :class:`Spec` (see the module doc)."""

    def __init__(self, spec: Spec, factory: FastSchemaValidatorsFactory) -> None:
        self._spec = spec
        self._factory = factory
        self._plans: dict[str, _Plan] = {}
        self._responses: dict[tuple[str, int, str], Any] = {}
        self._lock = threading.Lock()

    def check(
        self,
        operation: Operation,
        query: list[tuple[str, str]],
        path: Mapping[str, str],
        body: bytes,
        content_type: str,
    ) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """``(query, path)`` values as openapi-core would unmarshal them, or ``None`` to ask it."""
        plan = self._plan(operation)
        if not plan.simple:
            return None
        if body:
            if plan.body is None or content_type.split(";")[0].strip() != "application/json":
                return None
            try:
                payload = json.loads(body)
            except ValueError:
                return None
            if not plan.body.is_valid(payload):
                return None
        elif plan.body_required:
            return None
        values: dict[str, list[str]] = {}
        for key, value in query:
            values.setdefault(key, []).append(value)
        out_query: dict[str, Any] = {}
        out_path: dict[str, Any] = {}
        for param in plan.params:
            if param.location == "header":
                continue  # a plain string: nothing to check or cast
            given = [path[param.name]] if param.location == "path" and param.name in path else None
            if param.location == "query":
                given = values.get(param.name)
            if not given:
                if param.required:
                    return None
                if param.default is not _NO_DEFAULT:
                    out_query[param.name] = param.default
                continue
            value = _cast(param, given)
            if value is _NO_DEFAULT:
                return None
            (out_path if param.location == "path" else out_query)[param.name] = value
        return out_query, out_path

    def response_ok(self, operation: Operation, status: int, content_type: str, data: bytes) -> bool:
        """Whether a response plainly keeps the contract (``False``: ask openapi-core, which explains).

        The status is documented, the media type is one the spec lists for it, and the body matches
        its schema (JSON) or is text (``text/plain``); a response with declared headers goes the slow
        way (only 429s have them).
        """
        key = (operation.operation_id, status, content_type)
        target = self._responses.get(key, _NO_DEFAULT)
        if target is _NO_DEFAULT:
            target = self._response_target(operation, status, content_type)
            with self._lock:
                self._responses[key] = target
        if target is None:
            return False
        if target == "no-body":
            return not data
        if target == "text":
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                return False
            return True
        try:
            document = json.loads(data)
        except ValueError:
            return False
        return bool(target.is_valid(document))

    def _response_target(self, operation: Operation, status: int, content_type: str) -> Any:
        document = self._spec.document
        responses = document["paths"][operation.template][operation.method].get("responses", {})
        code = next(
            (c for c in (str(status), f"{str(status)[0]}XX", "default") if c in responses),
            None,
        )
        if code is None:
            return None
        response = _deref(document, responses[code])
        if response.get("headers"):
            return None
        content = response.get("content") or {}
        if not content:
            return "no-body"
        media = content_type.split(";")[0].strip().lower()
        if media not in content:
            return None
        schema = _deref(document, content[media].get("schema") or {})
        if media == "text/plain":
            return (
                "text" if schema.get("type") == "string" and set(schema) <= {"type", "description"} else None
            )
        if media not in ("application/json", "application/problem+json"):
            return None
        parts = ("paths", operation.template, operation.method, "responses", code, "content", media, "schema")
        return self._factory.compiled(parts)

    def _plan(self, operation: Operation) -> _Plan:
        plan = self._plans.get(operation.operation_id)
        if plan is None:
            plan = self._build(operation)
            with self._lock:
                self._plans[operation.operation_id] = plan
        return plan

    def _build(self, operation: Operation) -> _Plan:
        document = self._spec.document
        item = document["paths"][operation.template]
        op = item[operation.method]
        params: list[_Param] = []
        simple = True
        for raw in [*item.get("parameters", []), *op.get("parameters", [])]:
            param = _deref(document, raw)
            schema = _deref(document, param.get("schema") or {})
            kind = schema.get("type")
            if kind == "array":
                items = _deref(document, schema.get("items") or {})
                simple &= (
                    items.get("type") == "string"
                    and param.get("explode", True)
                    and param.get("style", "form") == "form"
                    and set(items) <= {"type", "description"}
                )
            elif kind not in ("string", "integer", "boolean"):
                simple = False
            allowed = {"type", "minLength", "minimum", "format", "default", "description", "items"}
            simple &= set(schema) <= allowed and schema.get("format") in (None, "int32")
            params.append(
                _Param(
                    name=param["name"],
                    location=param["in"],
                    required=bool(param.get("required")),
                    kind=str(kind),
                    min_length=int(schema.get("minLength", 0)),
                    minimum=schema.get("minimum"),
                    default=schema.get("default", _NO_DEFAULT),
                )
            )
        body = None
        body_required = False
        raw_body = op.get("requestBody")
        if raw_body is not None:
            request_body = _deref(document, raw_body)
            body_required = bool(request_body.get("required"))
            content = request_body.get("content") or {}
            if set(content) != {"application/json"}:
                simple = False
            else:
                parts = ("paths", operation.template, operation.method, "requestBody")
                body = self._factory.compiled((*parts, "content", "application/json", "schema"))
        return _Plan(tuple(params), body, body_required, simple)


def _cast(param: _Param, given: list[str]) -> Any:
    """The value of a parameter as openapi-core casts it, or ``_NO_DEFAULT`` when unsure."""
    if param.kind == "array":
        return list(given)
    if len(given) != 1:
        return _NO_DEFAULT
    text = given[0]
    if param.kind == "string":
        return text if len(text) >= param.min_length else _NO_DEFAULT
    if param.kind == "boolean":
        return _BOOLEANS.get(text, _NO_DEFAULT)
    if not _INTEGER.match(text):
        return _NO_DEFAULT
    number = int(text)
    if not _INT32[0] <= number <= _INT32[1] or (param.minimum is not None and number < param.minimum):
        return _NO_DEFAULT
    return number


def _deref(document: Mapping[str, Any], node: Any) -> Any:
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node
