"""Liberal in what it accepts: request bodies brought to the contract's spelling before validation.

The real API reads JSON keys case-insensitively (the C# SDK sends ``{"Value": …}``) and ignores a
``null`` in an optional field (the Python SDK always sends ``"preparationTask": null`` when creating
a pool). Walking the request schema alongside the body, :class:`BodyNormalizer`:

* renames a key that matches a declared property only up to case (``Value`` → ``value``) — only
  where the schema declares properties: the keys of maps (``labels``) are user data and kept;
* drops a ``null`` given for a property that is optional and not nullable;
* spells an enumerated string as the contract does (``Flex`` → ``flex``).

Everything else is left to validation, so a body that is wrong in another way is still a 400.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any, Final

__all__ = ["BodyNormalizer"]

_MAX_DEPTH: Final = 64


class _Shape:
    """What the normalizer needs from an object schema: its properties (by lower-cased name)."""

    __slots__ = ("by_lower", "enum", "items", "nullable", "properties", "required", "values")

    def __init__(self) -> None:
        self.properties: dict[str, Any] = {}
        self.by_lower: dict[str, str] = {}
        self.required: set[str] = set()
        self.items: Any = None
        self.values: Any = None
        self.nullable = False
        self.enum: dict[str, str] = {}


class BodyNormalizer:
    """Normalises request bodies against the schemas of one OpenAPI document (see the module doc)."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._document = document
        self._shapes: dict[int, _Shape] = {}
        self._lock = threading.Lock()

    def request_schema(self, template: str, method: str) -> Any:
        """The JSON request-body schema of an operation, or ``None``."""
        operation = self._document["paths"][template][method]
        body = self._deref(operation.get("requestBody") or {})
        content = body.get("content") or {}
        media = content.get("application/json") or next(iter(content.values()), None)
        return None if media is None else media.get("schema")

    def normalize(self, payload: Any, schema: Any) -> Any:
        """``payload`` with its keys spelt as ``schema`` declares them and ignorable nulls dropped."""
        if schema is None:
            return payload
        return self._walk(payload, schema, 0)

    def _deref(self, node: Any) -> Any:
        seen = 0
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and seen < _MAX_DEPTH:
            target: Any = self._document
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
            seen += 1
        return node

    def _shape(self, schema: Any) -> _Shape:
        key = id(schema)
        shape = self._shapes.get(key)
        if shape is None:
            shape = _Shape()
            self._collect(schema, shape, 0)
            shape.by_lower = {name.lower(): name for name in shape.properties}
            with self._lock:
                self._shapes[key] = shape
        return shape

    def _collect(self, schema: Any, shape: _Shape, depth: int) -> None:
        schema = self._deref(schema)
        if not isinstance(schema, Mapping) or depth > _MAX_DEPTH:
            return
        kind = schema.get("type")
        if kind == "null" or (isinstance(kind, list) and "null" in kind) or schema.get("nullable") is True:
            shape.nullable = True
        if schema.get("const", 0) is None:
            shape.nullable = True
        for choice in schema.get("enum") or ():
            if isinstance(choice, str):
                shape.enum.setdefault(choice.lower(), choice)
        for name, sub in (schema.get("properties") or {}).items():
            shape.properties.setdefault(name, sub)
        shape.required.update(schema.get("required") or ())
        if "items" in schema and shape.items is None:
            shape.items = schema["items"]
        extra = schema.get("additionalProperties")
        if isinstance(extra, Mapping) and shape.values is None:
            shape.values = extra
        for combinator in ("allOf", "oneOf", "anyOf"):
            for branch in schema.get(combinator) or ():
                self._collect(branch, shape, depth + 1)

    def _allows_null(self, schema: Any) -> bool:
        return self._shape(schema).nullable

    def _walk(self, value: Any, schema: Any, depth: int) -> Any:
        if depth > _MAX_DEPTH:
            return value
        if isinstance(value, list):
            shape = self._shape(schema)
            if shape.items is None:
                return value
            return [self._walk(item, shape.items, depth + 1) for item in value]
        if isinstance(value, str):
            # Enumerations too are read case-insensitively (the SDK sends "Flex" for "flex").
            return self._shape(schema).enum.get(value.lower(), value)
        if not isinstance(value, dict):
            return value
        shape = self._shape(schema)
        if not shape.properties:
            if shape.values is not None:
                return {k: self._walk(v, shape.values, depth + 1) for k, v in value.items()}
            return value
        out: dict[str, Any] = {}
        for key, item in value.items():
            name = key
            if key not in shape.properties:
                canonical = shape.by_lower.get(key.lower()) if isinstance(key, str) else None
                # A key given in both spellings keeps the exact one.
                if canonical is not None and canonical not in value:
                    name = canonical
            sub = shape.properties.get(name)
            if sub is None:
                out[name] = item
                continue
            if item is None and name not in shape.required and not self._allows_null(sub):
                continue
            out[name] = self._walk(item, sub, depth + 1)
        return out
