"""A faster JSON Schema engine for openapi-core's response validation.

openapi-core validates a response in two parts: the protocol (documented status, media type,
headers) and the body against its JSON Schema. The second part runs the pure-Python ``jsonschema``
package and costs ~5 ms per task document: 0.7 s for a page of 100 full tasks, which made every list
and page of the emulator slow to validate. openapi-core lets a validator choose its schema-validator
factory; this one evaluates schemas with ``jsonschema_rs`` (a JSON Schema 2020-12 implementation in
Rust, installed with schemathesis), ~200x faster, and falls back to openapi-core's own validator:

* to explain a failure: when the fast check fails, openapi-core's validator runs and its detailed
  errors are reported; if it disagrees (finds nothing), the fast validator's errors are reported;
* for everything but ``validate`` (type and format helpers, ``evolve``), which openapi-core uses
  while unmarshalling, not while validating.

The OpenAPI formats ``int32``/``int64`` apply to numbers, which the fast engine's format hooks never
see: the compiled schemas carry them as ``minimum``/``maximum`` instead (a .NET service answers 400
to a number its 32-bit field cannot hold). Custom string formats (``date-span`` …) are checked by
both.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import Any, Final
from urllib.parse import quote

import jsonschema_rs
from jsonschema_path import SchemaPath
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue
from openapi_core.validation.schemas.factories import SchemaValidatorsFactory
from openapi_core.validation.schemas.validators import SchemaValidator

__all__ = ["FastSchemaValidatorsFactory", "with_integer_ranges"]

_INTEGER_RANGES: Final = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


def _pointer(parts: list[Any]) -> str:
    # A JSON pointer in a URI fragment: "~" and "/" escaped, then percent-encoded ("{taskUuid}").
    escaped = (str(p).replace("~", "~0").replace("/", "~1") for p in parts)
    return "#/" + "/".join(quote(segment, safe="~!$&'()*+,;=:@") for segment in escaped)


def with_integer_ranges(node: Any) -> Any:
    """A copy of ``node`` where every ``int32``/``int64`` schema also states its range as bounds."""
    if isinstance(node, list):
        return [with_integer_ranges(item) for item in node]
    if not isinstance(node, dict):
        return node
    copy = {key: with_integer_ranges(value) for key, value in node.items()}
    fmt = copy.get("format")
    bounds = _INTEGER_RANGES.get(fmt) if isinstance(fmt, str) else None
    if bounds is not None:
        low, high = bounds
        copy["minimum"] = max(low, copy.get("minimum", low))
        copy["maximum"] = min(high, copy.get("maximum", high))
    return copy


def _step(node: Any, part: Any) -> Any:
    return node[int(part)] if isinstance(node, list) else node[part]


def _canonical(document: Mapping[str, Any], parts: tuple[Any, ...]) -> list[Any]:
    """The location of ``parts`` in the raw document, following the ``$ref``s met on the way.

    openapi-core's paths are logical (``…/responses/404/content/…`` even when ``404`` is a
    ``$ref`` to a shared response); a JSON pointer does not go through references.
    """
    path: list[Any] = []
    node: Any = document
    for part in parts:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
            path = [p.replace("~1", "/").replace("~0", "~") for p in node["$ref"][2:].split("/")]
            node = document
            for item in path:
                node = _step(node, item)
        node = _step(node, part)
        path.append(part)
    return path


class _FastError(Exception):
    """A fast-engine error with the attributes the middleware reports (``message``, ``absolute_path``)."""

    def __init__(self, error: Any) -> None:
        super().__init__(str(error.message))
        self.message = str(error.message)
        self.absolute_path = list(error.instance_path)


class _FastSchemaValidator(SchemaValidator):
    """openapi-core's ``SchemaValidator``, whose ``validate`` asks the fast engine first."""

    def __init__(self, schema: SchemaPath, fast: Any, slow: Callable[[], SchemaValidator]) -> None:
        # The base class's __init__ would build the slow validator at once; build it only when used.
        self.schema = schema
        self._fast = fast
        self._slow = slow

    @cached_property
    def _slow_validator(self) -> SchemaValidator:
        return self._slow()

    @cached_property
    def validator(self) -> Any:
        """The slow engine's validator, for openapi-core's type and format helpers."""
        return self._slow_validator.validator

    def validate(self, value: Any) -> None:
        """Raise openapi-core's ``InvalidSchemaValue`` when ``value`` does not match the schema."""
        if self._fast.is_valid(value):
            return
        self._slow_validator.validate(value)
        schema_type = (self.schema / "type").read_str_or_list("any")
        errors = [_FastError(error) for error in self._fast.iter_errors(value)]
        raise InvalidSchemaValue(value, schema_type, schema_errors=errors)

    def evolve(self, schema: SchemaPath) -> SchemaValidator:
        """Delegate to the slow engine (used by unmarshalling, not by validation)."""
        return self._slow_validator.evolve(schema)


class FastSchemaValidatorsFactory(SchemaValidatorsFactory):
    """Wraps openapi-core's 3.1 factory; compiles one fast validator per schema location (cached)."""

    def __init__(
        self,
        base: SchemaValidatorsFactory,
        document: Mapping[str, Any],
        formats: Mapping[str, Callable[[Any], bool]],
    ) -> None:
        super().__init__(base.schema_validator_cls, base.format_checker)
        self._base = base
        self._document = document
        self._root = {
            key: with_integer_ranges(document[key]) for key in ("paths", "components") if key in document
        }
        self._formats = dict(formats)
        self._compiled: dict[tuple[Any, ...], Any] = {}
        self._lock = threading.Lock()

    def _fast(self, parts: tuple[Any, ...]) -> Any:
        with self._lock:
            compiled = self._compiled.get(parts)
            if compiled is None:
                root = {**self._root, "$ref": _pointer(_canonical(self._document, parts))}
                compiled = jsonschema_rs.Draft202012Validator(
                    root, formats=self._formats, validate_formats=True
                )
                self._compiled[parts] = compiled
            return compiled

    def compiled(self, parts: tuple[Any, ...]) -> Any:
        """The compiled ``jsonschema_rs`` validator of the schema at ``parts`` (a logical spec path)."""
        return self._fast(parts)

    def create(
        self,
        spec: SchemaPath,
        schema: SchemaPath,
        format_validators: Any = None,
        extra_format_validators: Any = None,
        forbid_unspecified_additional_properties: bool = False,
        enforce_properties_required: bool = False,
    ) -> SchemaValidator:
        """A validator for ``schema`` (located in the spec by its path)."""

        def slow() -> SchemaValidator:
            return self._base.create(
                spec,
                schema,
                format_validators=format_validators,
                extra_format_validators=extra_format_validators,
                forbid_unspecified_additional_properties=forbid_unspecified_additional_properties,
                enforce_properties_required=enforce_properties_required,
            )

        return _FastSchemaValidator(schema, self._fast(tuple(schema.parts)), slow)
