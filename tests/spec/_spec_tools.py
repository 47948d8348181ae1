"""Helpers shared by the spec tests: load ``openapi.yaml``, walk it, validate documents against it."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from openapi_schema_validator import OAS31Validator, oas31_format_checker

REPO = Path(__file__).resolve().parent.parent.parent
SPEC_PATH = REPO / "openapi.yaml"
METHODS = ("get", "put", "post", "delete", "patch")
SCHEMA_PREFIX = "#/components/schemas/"


@functools.cache
def load_spec() -> dict[str, Any]:
    """The parsed ``openapi.yaml`` (cached: treat it as read-only)."""
    with SPEC_PATH.open(encoding="utf-8") as fh:
        doc: dict[str, Any] = yaml.safe_load(fh)
    return doc


def operations(spec: dict[str, Any] | None = None) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(METHOD, path, operation)`` for every operation, in document order."""
    spec = spec or load_spec()
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield method.upper(), path, item[method]


def operation_by_id(op_id: str) -> tuple[str, str, dict[str, Any]]:
    """Find an operation by its operationId."""
    for method, path, op in operations():
        if op["operationId"] == op_id:
            return method, path, op
    raise KeyError(op_id)


def deref(node: dict[str, Any], spec: dict[str, Any] | None = None) -> dict[str, Any]:
    """Follow ``$ref`` chains to a component (parameters, responses, schemas, links)."""
    spec = spec or load_spec()
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def ref_name(node: dict[str, Any]) -> str | None:
    """The component name of a ``{"$ref": "#/components/schemas/X"}`` node, else ``None``."""
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
        return ref[len(SCHEMA_PREFIX) :]
    return None


def parameters_of(op: dict[str, Any], path_item: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The resolved parameters of an operation (path-level ones included)."""
    params = list((path_item or {}).get("parameters", [])) + list(op.get("parameters", []))
    return [deref(p) for p in params]


def validation_errors(instance: Any, schema: dict[str, Any]) -> list[Any]:
    """Validate ``instance`` against ``schema`` (which may ``$ref`` components) as OpenAPI 3.1 does.

    Returns jsonschema ``ValidationError``s sorted by location (empty when valid).
    """
    root = dict(schema)
    root["components"] = load_spec()["components"]
    validator = OAS31Validator(root, format_checker=oas31_format_checker)
    return sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))


def is_nullable(schema: dict[str, Any]) -> bool:
    """Whether ``null`` is accepted, written the two ways the generator handles."""
    kind = schema.get("type")
    if isinstance(kind, list) and "null" in kind:
        return True
    return any(branch.get("type") == "null" for branch in schema.get("oneOf", []))


def schema_refs(node: Any) -> Iterator[str]:
    """Every component schema name referenced anywhere inside ``node``."""
    if isinstance(node, dict):
        name = ref_name(node)
        if name:
            yield name
        for value in node.values():
            yield from schema_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from schema_refs(value)


def reachable_schemas(roots: list[Any]) -> set[str]:
    """Names of the component schemas reachable from ``roots`` (transitively)."""
    schemas = load_spec()["components"]["schemas"]
    seen: set[str] = set()
    todo = [name for root in roots for name in schema_refs(root)]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(schema_refs(schemas[name]))
    return seen


def response_schemas() -> set[str]:
    """Component schemas that can appear in a response body (transitively)."""
    roots: list[Any] = []
    for _method, _path, op in operations():
        for response in op["responses"].values():
            roots.append(deref(response).get("content", {}))
    return reachable_schemas(roots)


def request_schemas() -> set[str]:
    """Component schemas that can appear in a request body (transitively)."""
    return reachable_schemas([op.get("requestBody", {}) for _m, _p, op in operations()])
