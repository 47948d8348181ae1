"""The contract the emulator serves: ``openapi.yaml`` loaded once, its operations and a path matcher.

openapi-core validates requests and responses, but its own path finder is not used:

* it tries every spec path with ``str.endswith`` before templates, so ``/pools/{poolUuid}/tasks``
  (and ``/jobs/{jobUuid}/tasks``) were validated as ``GET /tasks``, and a literal path without the
  method fell through to a templated sibling (``GET /tasks/paginate`` validated as ``get_task``);
* it cannot match the secrets-manager keys, which span several segments (``team/db``).

:meth:`Spec.match` therefore picks the operation itself (literal segments beat templates, position by
position; a best match without the method is a 405) and the validators are pinned to that operation
(:class:`_PinnedRequestUnmarshaller`, :class:`_PinnedResponseValidator`).
"""

from __future__ import annotations

import functools
import json
import os
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import unquote

import yaml
from jsonschema_path import SchemaPath
from openapi_core import OpenAPI
from openapi_core.configurations import Config
from openapi_core.templating.datatypes import TemplateResult
from openapi_core.templating.paths.datatypes import PathOperationServer
from openapi_core.unmarshalling.request.unmarshallers import V31RequestUnmarshaller
from openapi_core.validation.response.validators import V31ResponseValidator
from openapi_core.validation.schemas import oas31_schema_validators_factory

from qarnot_ext import DateSpan, InvalidValueError, TimeOfDay, parse_timestamp
from qarnot_ext.emulator._fastschema import FastSchemaValidatorsFactory

__all__ = ["FORMAT_VALIDATORS", "Match", "Operation", "Spec", "find_spec_path", "load_spec"]

SPEC_ENV: Final = "QARNOT_EMULATOR_SPEC"
"""Environment variable naming the ``openapi.yaml`` to serve (overrides the bundled copy)."""

API_VERSION: Final = "v1"
_METHODS: Final = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
# Path parameters that take the rest of the path: secret keys are folders ("team/db"), sent with
# each segment percent-encoded and the slashes kept (docs/spec-notes.md, "Secret keys with folders").
_GREEDY: Final = frozenset(
    {("/secrets-manager/data/{key}", "key"), ("/secrets-manager/search/{prefix}", "prefix")}
)
_SEARCH_ROOT: Final = "/secrets-manager/search/"
_PARAM: Final = re.compile(r"^\{([A-Za-z0-9_]+)\}$")


def _format_checker(parse: Callable[[str], object]) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        # Validators also see the ``null`` of nullable fields and non-strings: only strings carry
        # the format (openapi-core checks a format only when it knows it).
        if not isinstance(value, str):
            return True
        try:
            parse(value)
        except (InvalidValueError, ValueError):
            return False
        return True

    return check


FORMAT_VALIDATORS: Final[dict[str, Callable[[Any], bool]]] = {
    "date-span": _format_checker(DateSpan.parse),
    "qarnot-date-time": _format_checker(parse_timestamp),
    "time-of-day": _format_checker(TimeOfDay.parse),
}
"""Validators of the spec's custom formats (``docs/spec-notes.md``, "Formats"), built on the value types."""


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, as the emulator needs it."""

    operation_id: str
    method: str
    template: str
    secured: bool
    read_only_header: bool
    statuses: frozenset[str]
    has_body: bool
    body_required: bool

    def documents(self, status: int) -> bool:
        """Whether the spec lists ``status`` for this operation."""
        return str(status) in self.statuses or f"{str(status)[0]}XX" in self.statuses


@dataclass(frozen=True)
class Match:
    """The outcome of :meth:`Spec.match`: an operation, or a 404/405 with the ``Allow`` list."""

    operation: Operation | None
    params: dict[str, str]
    status: int
    allow: tuple[str, ...] = ()


class _Template:
    __slots__ = ("greedy", "methods", "names", "rank", "segments", "template")

    def __init__(self, template: str, methods: dict[str, Operation]) -> None:
        self.template = template
        self.methods = methods
        parts = template.strip("/").split("/") if template != "/" else []
        segments: list[str | None] = []
        names: list[str] = []
        for part in parts:
            param = _PARAM.match(part)
            if param:
                segments.append(None)
                names.append(param.group(1))
            else:
                segments.append(part)
        self.segments = tuple(segments)
        self.names = tuple(names)
        self.greedy = bool(names) and (template, names[-1]) in _GREEDY and segments[-1] is None
        # Literal segments first, position by position: (1, 1, 0) beats (1, 0, 1).
        self.rank = tuple(1 if s is not None else 0 for s in segments)

    def match(self, parts: list[str]) -> dict[str, str] | None:
        n = len(self.segments)
        if len(parts) != n and not (self.greedy and len(parts) > n):
            return None
        values: list[str] = []
        for index, expected in enumerate(self.segments):
            if expected is not None:
                if parts[index] != expected:
                    return None
                continue
            if self.greedy and index == n - 1:
                rest = parts[index:]
                if any(not piece for piece in rest):
                    return None
                values.append("/".join(unquote(piece) for piece in rest))
            else:
                if not parts[index]:
                    return None
                values.append(unquote(parts[index]))
        return dict(zip(self.names, values, strict=True))


class _PinnedRequestUnmarshaller(V31RequestUnmarshaller):
    """openapi-core's 3.1 request unmarshaller, told which operation to use (see the module doc)."""

    def _find_path(self, request: Any) -> PathOperationServer:
        pinned: PathOperationServer = request.pinned
        return pinned


class _PinnedResponseValidator(V31ResponseValidator):
    """openapi-core's 3.1 response validator, pinned like the request side, aware of our formats.

    Each :class:`Spec` subclasses it to evaluate schemas with the fast engine of ``_fastschema``.
    """

    def __init__(self, spec: SchemaPath, **kwargs: Any) -> None:
        # OpenAPI.response_validator does not forward ``extra_format_validators``; without them a
        # malformed date-span in a response would pass (unknown formats are ignored).
        kwargs.setdefault("extra_format_validators", FORMAT_VALIDATORS)
        super().__init__(spec, **kwargs)

    def _find_path(self, request: Any) -> PathOperationServer:
        pinned: PathOperationServer = request.pinned
        return pinned


class Spec:
    """The parsed contract: the document, the openapi-core app and the operation table."""

    def __init__(self, document: dict[str, Any], source: Path) -> None:
        self.source = source
        self.document = document
        served = dict(document)
        # openapi-core matches the request host against ``servers``; a relative "/" matches any host.
        served["servers"] = [{"url": "/"}]
        fast = FastSchemaValidatorsFactory(oas31_schema_validators_factory, served, FORMAT_VALIDATORS)
        self.fast_schemas = fast
        """The compiled schema validators (shared by response and request validation)."""
        response_validator_cls = type(
            "_SpecResponseValidator", (_PinnedResponseValidator,), {"schema_validators_factory": fast}
        )
        self.openapi = OpenAPI.from_dict(
            served,
            config=Config(
                spec_validator_cls=None,  # the spec is linted by tests/spec; skip it at startup
                extra_format_validators=FORMAT_VALIDATORS,
                # Error bodies are RFC 7807 documents: parse them as JSON to validate them.
                extra_media_type_deserializers={"application/problem+json": json.loads},
                request_unmarshaller_cls=_PinnedRequestUnmarshaller,
                response_validator_cls=response_validator_cls,
            ),
        )
        self._schema_root = self.openapi.spec
        self.operations: dict[str, Operation] = {}
        templates: list[_Template] = []
        global_security = document.get("security") or []
        for template, item in document["paths"].items():
            methods: dict[str, Operation] = {}
            for method in _METHODS:
                op = item.get(method)
                if op is None:
                    continue
                params = [*item.get("parameters", []), *op.get("parameters", [])]
                security = op.get("security", global_security)
                body = op.get("requestBody")
                operation = Operation(
                    operation_id=op["operationId"],
                    method=method,
                    template=template,
                    secured=bool(security),
                    read_only_header=any(
                        self._deref(p).get("name") == "QarnotReadOnlyRequestForAccount" for p in params
                    ),
                    statuses=frozenset(str(code) for code in op.get("responses", {})),
                    has_body=body is not None,
                    body_required=bool(body and self._deref(body).get("required")),
                )
                methods[method] = operation
                self.operations[operation.operation_id] = operation
            templates.append(_Template(template, methods))
        # Most literal first, so that the first template that matches is the most specific one.
        self._templates = sorted(templates, key=lambda t: t.rank, reverse=True)
        self._pinned: dict[tuple[str, str], tuple[SchemaPath, SchemaPath, SchemaPath]] = {}
        self._lock = threading.Lock()

    def _deref(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        ref = node.get("$ref")
        if not isinstance(ref, str):
            return node
        target: Any = self.document
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        return self._deref(target)

    def declares_body(self, operation: Operation, status: int) -> bool:
        """Whether the spec's response for ``status`` has content (``True`` when it is undocumented)."""
        responses = self.document["paths"][operation.template][operation.method].get("responses", {})
        response = (
            responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") or responses.get("default")
        )
        return response is None or bool(self._deref(response).get("content"))

    def match(self, path: str, method: str) -> Match:
        """Find the operation for an (unversioned, undecoded) request path and a method.

        ``path`` is the raw path (percent-encoding kept) without the ``/v1`` prefix. The most
        specific template wins; when it lacks ``method`` the answer is 405 with its ``Allow`` list,
        even if a less specific template has the method (``GET /tasks/paginate`` is a 405).
        """
        method = method.lower()
        if path == _SEARCH_ROOT:
            # Listing the root of the secrets manager: an empty path parameter, which OpenAPI
            # cannot express (docs/spec-notes.md).
            return self._resolve(self._template("/secrets-manager/search/{prefix}"), {"prefix": ""}, method)
        if len(path) > 1 and path.endswith("/"):
            path = path[:-1]  # the Python SDK posts to "/jobs/"
        parts = path.strip("/").split("/") if path not in ("", "/") else []
        for template in self._templates:
            params = template.match(parts)
            if params is not None:
                return self._resolve(template, params, method)
        return Match(None, {}, 404)

    def _template(self, template: str) -> _Template:
        for candidate in self._templates:
            if candidate.template == template:
                return candidate
        raise KeyError(template)  # pragma: no cover - the spec always has the secrets paths

    @staticmethod
    def _resolve(template: _Template, params: dict[str, str], method: str) -> Match:
        operation = template.methods.get(method)
        if operation is None:
            allow = tuple(m.upper() for m in template.methods)
            return Match(None, params, 405, allow)
        return Match(operation, params, 200)

    def pinned(self, operation: Operation, params: dict[str, str]) -> PathOperationServer:
        """The openapi-core path/operation/server triple for ``operation`` (see the module doc)."""
        key = (operation.template, operation.method)
        with self._lock:
            parts = self._pinned.get(key)
            if parts is None:
                root = self._schema_root
                path = root / "paths" / operation.template
                parts = (path, path / operation.method, root / "servers" / 0)
                self._pinned[key] = parts
        path, op, server = parts
        return PathOperationServer(
            path, op, server, TemplateResult(operation.template, dict(params)), TemplateResult("/", {})
        )


def find_spec_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Locate ``openapi.yaml``: the argument, ``$QARNOT_EMULATOR_SPEC``, a bundled copy, the repository's.

    Raises ``FileNotFoundError`` naming every place tried.
    """
    candidates: list[Path] = []
    if explicit is not None:
        candidates.append(Path(explicit))
    elif os.environ.get(SPEC_ENV):
        candidates.append(Path(os.environ[SPEC_ENV]))
    else:
        package = Path(__file__).resolve().parents[1]
        # The wheel ships the contract as qarnot_ext/openapi.yaml; a checkout has it at the root.
        candidates += [package / "openapi.yaml", package.parent / "openapi.yaml"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"openapi.yaml not found (tried {tried}); set {SPEC_ENV}")


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int) -> Spec:
    with open(path, "rb") as handle:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster when present
        document = yaml.load(handle, Loader=loader)  # noqa: S506 - a SafeLoader variant
    if not isinstance(document, dict) or "paths" not in document:
        raise ValueError(f"{path} is not an OpenAPI document")
    return Spec(document, Path(path))


def load_spec(path: str | os.PathLike[str] | None = None) -> Spec:
    """Load (once per file version, then from a cache) the spec the emulator serves."""
    found = find_spec_path(path)
    return _load(str(found), found.stat().st_mtime_ns)
