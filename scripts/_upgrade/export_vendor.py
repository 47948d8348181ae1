"""Render ``openapi.yaml`` in the vendor dialect: the fixture generator of the upgrade tests.

The vendor's published description must never enter the repository, so the tests make their own
document in that dialect from ours: :func:`export_vendor` writes what ASP.NET Core with
Swashbuckle would emit for the same API (``docs/spec-dialect.md``, "The vendor dialect"):

- OpenAPI 3.0.3, ``nullable: true`` (``allOf: [{$ref}]`` + ``nullable`` for references), a
  multi-type as a ``oneOf`` of bare types;
- request bodies under ``application/json-patch+json``, ``application/json``, ``text/json`` and
  ``application/*+json``; JSON responses under ``text/plain``, ``application/json`` and
  ``text/json``; error statuses inline with ``ProblemDetails``;
- the house's discriminated unions as a base schema with ``discriminator.mapping`` and variants
  ``allOf: [base, {...}]``; ``additionalProperties: false`` on every class;
- ``format: date-time`` (and ``time``) without the house's patterns;
- paths under ``/v{version}``, no operationIds, controller-style tags (``HardwareConstraints``);
- other component names (``Qarnot.Compute.Contracts.TaskResponse`` for ``TaskOutput``);
- no house material: no ``x-undocumented`` operations, examples, links or ``x-`` keys.

Usage: ``python scripts/_upgrade/export_vendor.py openapi.yaml > vendor.json``.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

__all__ = ["NAMESPACE", "export_vendor", "vendor_name"]

NAMESPACE = "Qarnot.Compute.Contracts."
PREFIX = "#/components/schemas/"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_REQUEST_MEDIA = ("application/json-patch+json", "application/json", "text/json", "application/*+json")
_RESPONSE_MEDIA = ("text/plain", "application/json", "text/json")
_FORMATS = {"qarnot-date-time": "date-time", "time-of-day": "time"}
_HOUSE_FORMATS = ("qarnot-date-time", "date-span", "time-of-day")
_DROPPED = ("examples", "example", "links")


def vendor_name(name: str) -> str:
    """The Swashbuckle-style full name the exporter gives a house component."""
    return NAMESPACE + name.replace("Output", "Response").replace("Input", "Request")


def _ref_name(node: Any) -> str | None:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith(PREFIX):
        return str(node["$ref"][len(PREFIX) :])
    return None


def _is_null(node: Any) -> bool:
    return isinstance(node, dict) and node.get("type") == "null" and len(node) == 1


def _strip_house(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _strip_house(v) for k, v in node.items() if not k.startswith("x-") and k not in _DROPPED}
    if isinstance(node, list):
        return [_strip_house(v) for v in node]
    return node


def _schema(node: Any, names: Mapping[str, str]) -> Any:
    """One schema, 3.1 house spelling -> 3.0 vendor spelling."""
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("items", "additionalProperties", "not") and isinstance(value, dict):
            out[key] = _schema(value, names)
        elif key in ("oneOf", "anyOf", "allOf") and isinstance(value, list):
            out[key] = [_schema(v, names) for v in value]
        elif key == "properties" and isinstance(value, dict):
            out[key] = {k: _schema(v, names) for k, v in value.items()}
        elif key == "$ref" and _ref_name(node) in names:
            out[key] = PREFIX + names[str(_ref_name(node))]
        else:
            out[key] = value
    nullable = False
    kind = out.get("type")
    if isinstance(kind, list):
        nullable = "null" in kind
        kinds = [k for k in kind if k != "null"]
        if len(kinds) == 1:
            out["type"] = kinds[0]
        else:
            del out["type"]
            out["oneOf"] = [{"type": k} for k in kinds]
    for union in ("oneOf", "anyOf"):
        members = out.get(union)
        if isinstance(members, list) and any(_is_null(m) for m in members):
            nullable = True
            members = [m for m in members if not _is_null(m)]
            if len(members) == 1 and "$ref" in members[0]:
                del out[union]
                out = {"allOf": members, **out}
            else:
                out[union] = members
    fmt = out.get("format")
    if fmt in _HOUSE_FORMATS:
        out.pop("pattern", None)
        out["format"] = _FORMATS.get(str(fmt), fmt)
    if out.get("type") == "object" and "properties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    if nullable:
        out["nullable"] = True
    return out


def _unions(schemas: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """``{closed union: (open wrapper, unknown variant)}`` of the house's discriminated unions."""
    found: dict[str, tuple[str, str]] = {}
    for name, schema in schemas.items():
        members = schema.get("oneOf") if isinstance(schema, dict) else None
        if not (isinstance(members, list) and len(members) == 2):
            continue
        closed, unknown = _ref_name(members[0]), _ref_name(members[1])
        if closed is None or unknown is None or closed not in schemas or unknown not in schemas:
            continue
        if "discriminator" in schemas[closed]:
            found[closed] = (name, unknown)
    return found


def export_vendor(house: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``house`` (``openapi.yaml``, parsed) as the vendor would publish it."""
    source = copy.deepcopy(dict(house))
    components = source.get("components") or {}
    schemas: dict[str, Any] = dict(components.get("schemas") or {})
    unions = _unions(schemas)
    dropped = {n for wrapper, unknown in unions.values() for n in (wrapper, unknown)}
    names = {name: vendor_name(name) for name in schemas if name not in dropped}
    for closed, (wrapper, _) in unions.items():
        names[wrapper] = names[closed]
    variant_of: dict[str, str] = {}
    vendor_schemas: dict[str, Any] = {}
    for name, schema in schemas.items():
        if name in dropped:
            continue
        if name in unions:
            vendor_schemas[names[name]] = _base(schema, schemas[unions[name][1]], names)
            for ref in schema["discriminator"]["mapping"].values():
                variant_of[str(_ref_name({"$ref": ref}))] = name
            continue
        vendor_schemas[names[name]] = _schema(_strip_house(schema), names)
    for variant, closed in variant_of.items():
        base = schemas[unions[closed][1]]
        tag = schemas[closed]["discriminator"]["propertyName"]
        vendor_schemas[names[variant]] = _variant(schemas[variant], base, tag, names[closed], names)
    parameters = components.get("parameters") or {}
    responses = components.get("responses") or {}
    paths: dict[str, Any] = {}
    tags: set[str] = set()
    for path, item in (source.get("paths") or {}).items():
        new_item: dict[str, Any] = {}
        for method in _METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict) or operation.get("x-undocumented"):
                continue
            new_item[method] = _operation(operation, parameters, responses, names)
            tags.update(new_item[method].get("tags", []))
        if new_item:
            paths["/v{version}" + (path if path != "/" else "")] = new_item
    out: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {
            k: v for k, v in (source.get("info") or {}).items() if k in ("title", "version", "description")
        },
        "servers": [
            {"url": re.sub(r"/v[0-9]+$", "", str(s.get("url", "")))} for s in source.get("servers") or []
        ],
        "paths": paths,
        "components": {
            "schemas": _reachable(paths, vendor_schemas),
            "securitySchemes": _strip_house(components.get("securitySchemes") or {}),
        },
        "security": source.get("security") or [],
        "tags": [{"name": t} for t in sorted(tags)],
    }
    return out


def _refs(node: Any) -> set[str]:
    found: set[str] = set()
    stack = [node]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            name = _ref_name(value)
            if name is not None:
                found.add(name)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found


def _reachable(paths: Mapping[str, Any], schemas: Mapping[str, Any]) -> dict[str, Any]:
    """The schemas the operations reach (Swashbuckle emits no others), sorted by name."""
    seen: set[str] = set()
    todo = sorted(_refs(paths))
    while todo:
        name = todo.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        # A base reaches its variants through the discriminator mapping only.
        mapping = (schemas[name].get("discriminator") or {}).get("mapping") or {}
        todo.extend(
            sorted((_refs(schemas[name]) | {str(_ref_name({"$ref": r})) for r in mapping.values()}) - seen)
        )
    return {k: schemas[k] for k in sorted(seen)}


def _controller(tag: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[-_ ]", tag))


def _base(closed: Mapping[str, Any], unknown: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    tag = closed["discriminator"]["propertyName"]
    props = {
        k: ({"type": "string"} if k == tag else _schema(_strip_house(v), names))
        for k, v in (unknown.get("properties") or {}).items()
    }
    out: dict[str, Any] = {"required": list(unknown.get("required") or [tag]), "type": "object"}
    if "description" in closed:
        out["description"] = closed["description"]
    out["properties"] = props
    out["additionalProperties"] = False
    mapping = {
        k: PREFIX + names[str(_ref_name({"$ref": v}))] for k, v in closed["discriminator"]["mapping"].items()
    }
    out["discriminator"] = {"propertyName": tag, "mapping": mapping}
    return out


def _variant(
    variant: Mapping[str, Any], base: Mapping[str, Any], tag: str, base_name: str, names: Mapping[str, str]
) -> dict[str, Any]:
    base_props = set(base.get("properties") or {})
    own = {k: v for k, v in (variant.get("properties") or {}).items() if k not in base_props and k != tag}
    required = [r for r in variant.get("required") or [] if r not in base_props and r != tag]
    extension: dict[str, Any] = {"type": "object"}
    if required:
        extension["required"] = required
    extension["properties"] = {k: _schema(_strip_house(v), names) for k, v in own.items()}
    extension["additionalProperties"] = False
    out: dict[str, Any] = {"allOf": [{"$ref": PREFIX + base_name}, extension]}
    if "description" in variant:
        out["description"] = variant["description"]
    return out


def _inline(node: Any, kind: str, table: Mapping[str, Any]) -> Any:
    ref = node.get("$ref") if isinstance(node, dict) else None
    if isinstance(ref, str) and ref.startswith(f"#/components/{kind}/"):
        return copy.deepcopy(table[ref.rsplit("/", 1)[1]])
    return node


def _operation(
    operation: Mapping[str, Any],
    parameters: Mapping[str, Any],
    responses: Mapping[str, Any],
    names: Mapping[str, str],
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    out["tags"] = [_controller(str(t)) for t in operation.get("tags") or []][:1]
    for key in ("summary", "description", "deprecated", "security"):
        if key in operation:
            out[key] = operation[key]
    params = [{"name": "version", "in": "path", "required": True, "schema": {"type": "string"}}]
    for parameter in operation.get("parameters") or []:
        resolved = _strip_house(_inline(parameter, "parameters", parameters))
        if "schema" in resolved:
            resolved["schema"] = _schema(resolved["schema"], names)
        params.append(resolved)
    out["parameters"] = params
    body = operation.get("requestBody")
    if isinstance(body, dict):
        content = body.get("content") or {}
        schema = _schema(_strip_house((content.get("application/json") or {}).get("schema")), names)
        new_body: dict[str, Any] = {k: v for k, v in body.items() if k in ("description", "required")}
        if "application/json" in content:
            new_body["content"] = {m: {"schema": copy.deepcopy(schema)} for m in _REQUEST_MEDIA}
        else:
            new_body["content"] = _strip_house(content)
        out["requestBody"] = new_body
    new_responses: dict[str, Any] = {}
    for status, response in (operation.get("responses") or {}).items():
        resolved = _inline(response, "responses", responses)
        content = resolved.get("content") or {}
        new: dict[str, Any] = {"description": resolved.get("description", "")}
        if "application/problem+json" in content:
            problem = _schema(content["application/problem+json"]["schema"], names)
            new["content"] = {m: {"schema": copy.deepcopy(problem)} for m in _RESPONSE_MEDIA}
        elif "application/json" in content:
            schema = _schema(_strip_house(content["application/json"].get("schema")), names)
            new["content"] = {m: {"schema": copy.deepcopy(schema)} for m in _RESPONSE_MEDIA}
        elif content:
            new["content"] = {
                m: {"schema": _schema(_strip_house(b.get("schema")), names)} for m, b in content.items()
            }
        if resolved.get("headers"):
            new["headers"] = _strip_house(resolved["headers"])
        new_responses[str(status)] = new
    out["responses"] = new_responses
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the vendor-dialect rendering of a house document (JSON) on standard output."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: export_vendor.py openapi.yaml > vendor.json\n")
        return 2
    document = yaml.safe_load(Path(args[0]).read_text(encoding="utf-8"))
    sys.stdout.write(json.dumps(export_vendor(document), indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
