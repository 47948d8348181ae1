"""Turn a description of the Qarnot API, in the vendor or the house dialect, into the house dialect.

:func:`normalize` is pure and deterministic: the same input gives the same output, and the input
is never modified. ``docs/spec-dialect.md`` lists both dialects and why the house one is what it
is; in short, the output is OpenAPI 3.1 where

- nullability is ``type: [T, "null"]`` for scalars and arrays and
  ``oneOf: [{$ref}, {type: "null"}]`` for references (3.0 ``nullable: true`` and
  ``allOf: [{$ref}]`` wrappers are rewritten);
- a base schema with ``discriminator.mapping`` whose variants are ``allOf: [base, {...}]``
  becomes the house trio: the closed union (the base's name: ``oneOf`` of the variants plus the
  discriminator), flattened variants whose tag is ``const`` with a ``default``, the
  ``Unknown<Base>`` variant (tag ``not: {enum: [...]}``) and the open wrapper ``Any<Base>``
  (``oneOf: [<Base>, Unknown<Base>]``) that every use site references;
- JSON bodies are ``application/json`` only (``text/json``, ``application/*+json`` and
  ``application/json-patch+json`` duplicates dropped; text outputs kept); error responses are
  references to the standard ``components/responses`` (``BadRequest``, ``NotFound``...);
- ``format: date-time`` is ``qarnot-date-time``, ``time`` is ``time-of-day``, and each of the
  house's own formats carries its pattern;
- a ``/v{version}`` (or ``/v1``) path prefix moves to the server URL;
- operations get the operationIds of ``docs/operation-ids.md`` for known (method, path), else
  the rule of :func:`derive_operation_id`; tags are kebab-case;
- Swashbuckle's full type names (``Qarnot.Api.Models.TaskResponse``) are shortened to the last
  segment when that is unique; ``additionalProperties: false`` (or ``{}``) is dropped.

A document already in the house dialect goes through unchanged (apart from operationIds missing
from it). Swagger 2.0 is refused with an :class:`UpgradeError` that says so.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from _upgrade.errors import UpgradeError

__all__ = [
    "DATE_SPAN_PATTERN",
    "DATE_TIME_PATTERN",
    "ERROR_RESPONSES",
    "METHODS",
    "TIME_OF_DAY_PATTERN",
    "derive_operation_id",
    "is_vendor_dialect",
    "load_operation_ids",
    "normalize",
    "operations",
]

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
PREFIX = "#/components/schemas/"
DATE_TIME_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?(Z|[+-][0-9]{2}:[0-9]{2})? ?$"
)
DATE_SPAN_PATTERN = r"^-?([0-9]+\.)?[0-9]+:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?$"
TIME_OF_DAY_PATTERN = r"^[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?$"

# Vendor format -> house format; house formats carry the pattern the API's values follow.
_FORMATS = {"date-time": "qarnot-date-time", "time": "time-of-day"}
_PATTERNS = {
    "qarnot-date-time": DATE_TIME_PATTERN,
    "date-span": DATE_SPAN_PATTERN,
    "time-of-day": TIME_OF_DAY_PATTERN,
}

ERROR_RESPONSES = {
    "400": "BadRequest",
    "401": "Unauthorized",
    "402": "PaymentRequired",
    "403": "Forbidden",
    "404": "NotFound",
    "409": "Conflict",
    "429": "TooManyRequests",
}
"""Error statuses the house describes once, under ``components/responses``."""

_JSON_MEDIA = ("application/json", "text/json", "application/*+json", "application/json-patch+json")
_VERSION_PREFIX = re.compile(r"^/v(\{[^}/]+\}|[0-9]+(\.[0-9]+)?)(?=/|$)")
_SCHEMA_KEYS = ("items", "additionalProperties", "not", "contains", "propertyNames")
_SCHEMA_LISTS = ("oneOf", "anyOf", "allOf", "prefixItems")
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs")


# --- operationIds --------------------------------------------------------------------------------


def load_operation_ids(path: Path) -> dict[tuple[str, str], str]:
    """Read the ``| # | Method | Path | operationId |`` table of ``docs/operation-ids.md``.

    Returns:
        ``{(method, path): operationId}`` with a lower-case method; empty when the file is missing.

    """
    if not path.exists():
        return {}
    table: dict[tuple[str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[1].lower() not in METHODS or not cells[2].startswith("/"):
            continue
        operation_id = cells[3].split()[0] if cells[3] else ""
        if operation_id:
            table[(cells[1].lower(), cells[2])] = operation_id
    return table


def _snake(text: str) -> str:
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    return re.sub(r"[^a-zA-Z0-9]+", "_", text).strip("_").lower()


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def derive_operation_id(method: str, path: str) -> str:
    """The operationId of an operation ``docs/operation-ids.md`` does not list.

    The rule: a verb from the method, then the literal path segments in snake_case, each one
    followed by a path parameter made singular. The verb is ``list`` for a ``GET`` of a
    collection (the last segment is literal), ``get`` for other ``GET`` s, ``create`` for a
    ``POST`` to a collection, ``update`` for ``PUT`` and ``PATCH``, ``delete`` for ``DELETE``;
    a ``POST`` to an action (``/tasks/{taskUuid}/abort``) puts the action first
    (``abort_task``). Examples: ``GET /tasks/{taskUuid}/outputs`` → ``list_task_outputs``,
    ``GET /tasks/{taskUuid}`` → ``get_task``, ``POST /pools/{poolUuid}/drain`` → ``drain_pool``.
    """
    segments = [s for s in path.strip("/").split("/") if s]
    words: list[str] = []
    for index, segment in enumerate(segments):
        if segment.startswith("{"):
            continue
        followed = index + 1 < len(segments) and segments[index + 1].startswith("{")
        word = _snake(segment)
        words.append(_singular(word) if followed else word)
    last_literal = bool(segments) and not segments[-1].startswith("{")
    method = method.lower()
    if method == "post" and last_literal and len(segments) >= 2 and segments[-2].startswith("{"):
        return "_".join([words[-1], *words[:-1]]) or "post_root"
    verb = {
        "get": "list" if last_literal else "get",
        "post": "create",
        "put": "update",
        "patch": "update",
        "delete": "delete",
    }.get(method, method)
    if verb == "create" and words:
        words[-1] = _singular(words[-1])
    return "_".join([verb, *words]) if words else f"{verb}_root"


def operations(document: Mapping[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(method, path, operation)`` for every operation of a document, in document order."""
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                yield method, path, operation


# --- detection -----------------------------------------------------------------------------------


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    stack = [node]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            yield value
            stack.extend(v for v in value.values() if isinstance(v, dict | list))
        elif isinstance(value, list):
            stack.extend(v for v in value if isinstance(v, dict | list))


def is_vendor_dialect(document: Mapping[str, Any]) -> bool:
    """Whether a document looks generated (Swashbuckle) rather than written in the house dialect.

    The house writes OpenAPI 3.1 with operationIds everywhere; the vendor writes 3.0 without
    operationIds (or with a version prefix in the paths).
    """
    if not str(document.get("openapi", "")).startswith("3.1"):
        return True
    ops = list(operations(document))
    if any(_VERSION_PREFIX.match(path) for _, path, _ in ops):
        return True
    return bool(ops) and not all("operationId" in op for _, _, op in ops)


# --- schemas: 3.0 -> 3.1 and the house's spelling ---------------------------------------------------


def _ref_name(node: Any) -> str | None:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith(PREFIX):
        return str(node["$ref"][len(PREFIX) :])
    return None


def _null() -> dict[str, Any]:
    return {"type": "null"}


def _schema(node: Any) -> Any:
    """Rewrite one schema (recursively) into the house spelling."""
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _SCHEMA_KEYS and isinstance(value, dict):
            out[key] = _schema(value)
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            out[key] = [_schema(v) for v in value]
        elif key in _SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {k: _schema(v) for k, v in value.items()}
        else:
            out[key] = value
    nullable = out.pop("nullable", False) is True
    if out.get("additionalProperties") is False or out.get("additionalProperties") in ({}, True):
        del out["additionalProperties"]
    # ``allOf: [{$ref}]`` is how 3.0 puts a description or nullability beside a reference.
    all_of = out.get("allOf")
    if isinstance(all_of, list) and len(all_of) == 1 and _ref_name(all_of[0]) is not None:
        del out["allOf"]
        out = {"$ref": all_of[0]["$ref"], **out}
    # A union of bare types is how 3.0 writes a multi-type (``type: [integer, string]``).
    one_of = out.get("oneOf")
    if (
        isinstance(one_of, list)
        and len(one_of) > 1
        and all(isinstance(m, dict) and set(m) == {"type"} and isinstance(m["type"], str) for m in one_of)
    ):
        del out["oneOf"]
        out["type"] = [m["type"] for m in one_of]
    fmt = out.get("format")
    if isinstance(fmt, str) and fmt in _FORMATS:
        out["format"] = fmt = _FORMATS[fmt]
    if isinstance(fmt, str) and fmt in _PATTERNS and "pattern" not in out:
        out["pattern"] = _PATTERNS[fmt]
    if nullable:
        out = _nullable(out)
    return out


def _nullable(out: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in out:
        rest = {k: v for k, v in out.items() if k != "$ref"}
        return {"oneOf": [{"$ref": out["$ref"]}, _null()], **rest}
    for union in ("oneOf", "anyOf"):
        if isinstance(out.get(union), list):
            if not any(m == _null() for m in out[union]):
                out[union] = [*out[union], _null()]
            return out
    kind = out.get("type")
    if isinstance(kind, str) and kind != "null":
        out["type"] = [kind, "null"]
    elif isinstance(kind, list) and "null" not in kind:
        out["type"] = [*kind, "null"]
    if isinstance(out.get("enum"), list) and None not in out["enum"]:
        out["enum"] = [*out["enum"], None]
    return out


def _rewrite_refs(node: Any, renames: Mapping[str, str], *, mappings: bool = True) -> None:
    for value in _walk(node):
        name = _ref_name(value)
        if name is not None and name in renames:
            value["$ref"] = PREFIX + renames[name]
        mapping = value.get("mapping")
        if mappings and isinstance(mapping, dict):
            for key, ref in mapping.items():
                target = _ref_name({"$ref": ref})
                if target is not None and target in renames:
                    mapping[key] = PREFIX + renames[target]


# --- inheritance -> house unions ---------------------------------------------------------------------


def _inheritance(schemas: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Turn each base-with-mapping and its ``allOf`` variants into the house's union trio.

    Returns:
        The schemas, and ``{base: open wrapper}`` for the references outside the components.

    """
    bases = [
        name
        for name, schema in schemas.items()
        if isinstance(schema, dict)
        and isinstance(schema.get("discriminator"), dict)
        and "oneOf" not in schema
        and "anyOf" not in schema
    ]
    if not bases:
        return schemas, {}
    out = dict(schemas)
    wrappers: dict[str, str] = {}
    for base_name in bases:
        base = schemas[base_name]
        tag = str(base["discriminator"].get("propertyName", "type"))
        mapping: dict[str, str] = dict(base["discriminator"].get("mapping") or {})
        base_props = {k: v for k, v in (base.get("properties") or {}).items() if k != tag}
        base_required = [r for r in base.get("required") or [] if r != tag and r in base_props]
        known: dict[str, str] = {}
        for value, ref in mapping.items():
            variant_name = _ref_name({"$ref": ref})
            if variant_name is None or variant_name not in schemas or variant_name == base_name:
                continue
            known[str(value)] = variant_name
            out[variant_name] = _flatten_variant(
                schemas[variant_name], base_name, tag, str(value), base_props, base_required
            )
        short = base_name
        unknown_name, any_name = f"Unknown{short}", f"Any{short}"
        union: dict[str, Any] = {}
        if "description" in base:
            union["description"] = base["description"]
        union["oneOf"] = [{"$ref": PREFIX + v} for v in known.values()]
        union["discriminator"] = {"propertyName": tag, "mapping": {k: PREFIX + v for k, v in known.items()}}
        out[base_name] = union
        unknown: dict[str, Any] = {"type": "object", "required": [tag, *base_required]}
        unknown["properties"] = {tag: {"type": "string", "not": {"enum": list(known)}}, **base_props}
        out[unknown_name] = unknown
        out[any_name] = {"oneOf": [{"$ref": PREFIX + base_name}, {"$ref": PREFIX + unknown_name}]}
        wrappers[base_name] = any_name
    # Use sites (anything but the unions themselves) take the open wrapper.
    for name, schema in out.items():
        if name in wrappers or name in wrappers.values():
            continue
        _rewrite_refs(schema, wrappers, mappings=False)
    return out, wrappers


def _flatten_variant(
    variant: Any,
    base_name: str,
    tag: str,
    value: str,
    base_props: Mapping[str, Any],
    base_required: list[str],
) -> dict[str, Any]:
    own_props: dict[str, Any] = {}
    own_required: list[str] = []
    description = variant.get("description") if isinstance(variant, dict) else None
    members = variant.get("allOf") if isinstance(variant, dict) and "allOf" in variant else [variant]
    for member in members or []:
        if not isinstance(member, dict) or _ref_name(member) == base_name:
            continue
        own_props.update({k: v for k, v in (member.get("properties") or {}).items() if k != tag})
        own_required += [r for r in member.get("required") or [] if r != tag]
        description = description or member.get("description")
    flat: dict[str, Any] = {}
    if description:
        flat["description"] = description
    flat["type"] = "object"
    required = [tag, *base_required, *(r for r in own_required if r not in base_required)]
    flat["required"] = required
    tag_schema = {"type": "string", "const": value, "default": value}
    flat["properties"] = {tag: tag_schema, **base_props, **own_props}
    return flat


# --- operations, responses, media types ---------------------------------------------------------------


def _json_content(content: Mapping[str, Any]) -> dict[str, Any]:
    """Keep ``application/json`` for JSON bodies (the generator takes the first media type)."""
    json_types = [m for m in content if m in _JSON_MEDIA]
    if not json_types:
        return dict(content)
    chosen = content.get("application/json") or content[json_types[0]]
    out: dict[str, Any] = {}
    for media, body in content.items():
        if media in _JSON_MEDIA:
            if "application/json" not in out:
                out["application/json"] = chosen
        elif media == "text/plain" and isinstance(body, dict) and body.get("schema") == chosen.get("schema"):
            continue  # Swashbuckle lists text/plain for every JSON output: the same schema again.
        else:
            out[media] = body
    return out


def _error_response(status: str, response: Any, problem: str | None) -> Any:
    """A standard error response: the problem body under ``application/problem+json``."""
    if not isinstance(response, dict) or "$ref" in response:
        return response
    out: dict[str, Any] = {"description": response.get("description", "")}
    schemas = [
        body.get("schema") for body in (response.get("content") or {}).values() if isinstance(body, dict)
    ]
    if schemas and problem is not None and any(_ref_name(s) == problem for s in schemas):
        out["content"] = {"application/problem+json": {"schema": {"$ref": PREFIX + problem}}}
    elif response.get("content"):
        out["content"] = _json_content(response["content"])
    if "headers" in response:
        out["headers"] = response["headers"]
    return out


def _tag(text: str) -> str:
    return re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", text).replace("_", "-").replace(" ", "-").lower()


def _version(document: Mapping[str, Any]) -> str:
    for _, path, operation in operations(document):
        match = _VERSION_PREFIX.match(path)
        if match is None:
            continue
        if not match.group(1).startswith("{"):
            return match.group(1)
        name = match.group(1)[1:-1]
        for parameter in operation.get("parameters") or []:
            if isinstance(parameter, dict) and parameter.get("name") == name:
                schema = parameter.get("schema") or {}
                for key in ("default", "example"):
                    if key in schema or key in parameter:
                        return str(schema.get(key, parameter.get(key)))
                if schema.get("enum"):
                    return str(schema["enum"][0])
        return "1"
    return ""


def _resolve_parameter(document: Mapping[str, Any], parameter: Any) -> Any:
    ref = parameter.get("$ref") if isinstance(parameter, dict) else None
    if isinstance(ref, str) and ref.startswith("#/components/parameters/"):
        return ((document.get("components") or {}).get("parameters") or {}).get(
            ref.rsplit("/", 1)[1], parameter
        )
    return parameter


def _short_names(schemas: Mapping[str, Any]) -> dict[str, str]:
    """Swashbuckle's full type names → their last segment, when that is unique and free."""
    shorts: dict[str, list[str]] = {}
    for name in schemas:
        short = re.split(r"[.+]", name)[-1] if re.fullmatch(r"[A-Za-z0-9_.+]+", name) else name
        shorts.setdefault(short, []).append(name)
    renames: dict[str, str] = {}
    for short, names in shorts.items():
        if len(names) == 1 and names[0] != short and short not in schemas:
            renames[names[0]] = short
    return renames


def _problem_component(schemas: Mapping[str, Any]) -> str | None:
    for name, schema in schemas.items():
        props = set((schema or {}).get("properties") or {}) if isinstance(schema, dict) else set()
        if {"type", "title", "status", "detail", "instance"} <= props:
            return name
    return None


def normalize(
    document: Mapping[str, Any],
    *,
    operation_ids: Mapping[tuple[str, str], str] | None = None,
    server: str = "https://api.qarnot.com",
) -> dict[str, Any]:
    """Return ``document`` in the house dialect (see the module docstring).

    Args:
        document: a parsed OpenAPI 3.0.x or 3.1 description of this API, either dialect.
        operation_ids: ``{(method, path): operationId}`` (:func:`load_operation_ids`); operations
            not listed keep theirs, else get :func:`derive_operation_id`'s.
        server: the API's base URL, used when the document names no server.

    Raises:
        UpgradeError: a Swagger 2.0 document, or one that is not OpenAPI 3.

    """
    version = str(document.get("openapi", document.get("swagger", "")))
    if version.startswith("2"):
        raise UpgradeError("Swagger 2.0 is not supported: convert it to OpenAPI 3 first (swagger2openapi)")
    if not version.startswith("3."):
        raise UpgradeError(f"not an OpenAPI 3 document (openapi: {version or 'missing'})")
    source = copy.deepcopy(dict(document))
    vendor = is_vendor_dialect(source)
    table = dict(operation_ids or {})
    components: dict[str, Any] = dict(source.get("components") or {})
    schemas: dict[str, Any] = {k: _schema(v) for k, v in (components.get("schemas") or {}).items()}
    renames = _short_names(schemas)
    if renames:
        schemas = {renames.get(k, k): v for k, v in schemas.items()}
        _rewrite_refs(schemas, renames)
        _rewrite_refs(source, renames)
    schemas, wrappers = _inheritance(schemas)
    problem = _problem_component(schemas)

    out: dict[str, Any] = {"openapi": "3.1.0"}
    for key, value in source.items():
        if key not in ("openapi", "paths", "components", "servers"):
            out[key] = value
    prefix_version = _version(source)
    servers = source.get("servers")
    if prefix_version:
        base = str((servers or [{}])[0].get("url") or server).rstrip("/")
        servers = [{"url": f"{base}/v{prefix_version}", "description": f"API version {prefix_version}."}]
    if servers:
        out["servers"] = servers
    paths: dict[str, Any] = {}
    error_components: dict[str, Any] = {}
    for raw_path, item in (source.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        match = _VERSION_PREFIX.match(raw_path)
        path = raw_path[match.end() :] or "/" if match else raw_path
        prefix_parameter = match.group(1)[1:-1] if match and match.group(1).startswith("{") else None
        shared = [p for p in item.get("parameters") or [] if _parameter_kept(source, p, prefix_parameter)]
        new_item: dict[str, Any] = {}
        for key, value in item.items():
            if key in METHODS and isinstance(value, dict):
                new_item[key] = _operation(
                    source,
                    key,
                    path,
                    value,
                    shared,
                    prefix_parameter,
                    table,
                    vendor,
                    problem,
                    error_components,
                )
            elif key != "parameters":
                new_item[key] = value
        paths.setdefault(path, {}).update(new_item)
    out["paths"] = paths
    new_components: dict[str, Any] = {}
    for key, value in components.items():
        if key == "schemas":
            new_components[key] = schemas
        elif key == "parameters" and isinstance(value, dict):
            new_components[key] = {
                k: {**v, "schema": _schema(v.get("schema"))} if "schema" in v else v for k, v in value.items()
            }
        elif key == "responses" and isinstance(value, dict):
            new_components[key] = {k: _response_schemas(v) for k, v in value.items()}
        else:
            new_components[key] = value
    if "schemas" not in new_components and schemas:
        new_components["schemas"] = schemas
    responses = dict(new_components.get("responses") or {})
    for name, response in error_components.items():
        responses.setdefault(name, response)
    if responses:
        new_components["responses"] = responses
    if new_components:
        out["components"] = new_components
    _rewrite_refs(out["paths"], wrappers)
    _rewrite_refs(new_components.get("responses") or {}, wrappers)
    _rewrite_refs(new_components.get("parameters") or {}, wrappers)
    return out


def _parameter_kept(document: Mapping[str, Any], parameter: Any, prefix_parameter: str | None) -> bool:
    resolved = _resolve_parameter(document, parameter)
    return not (
        prefix_parameter is not None
        and isinstance(resolved, dict)
        and resolved.get("in") == "path"
        and resolved.get("name") == prefix_parameter
    )


def _response_schemas(response: Any) -> Any:
    if not isinstance(response, dict) or "content" not in response:
        return response
    content = {
        m: ({**b, "schema": _schema(b["schema"])} if isinstance(b, dict) and "schema" in b else b)
        for m, b in response["content"].items()
    }
    out = dict(response)
    out["content"] = content
    if isinstance(response.get("headers"), dict):
        out["headers"] = {
            k: ({**h, "schema": _schema(h["schema"])} if isinstance(h, dict) and "schema" in h else h)
            for k, h in response["headers"].items()
        }
    return out


def _operation(
    document: Mapping[str, Any],
    method: str,
    path: str,
    operation: dict[str, Any],
    shared: list[Any],
    prefix_parameter: str | None,
    table: Mapping[tuple[str, str], str],
    vendor: bool,
    problem: str | None,
    error_components: dict[str, Any],
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    tags = operation.get("tags")
    if isinstance(tags, list) and tags:
        out["tags"] = [_tag(str(t)) for t in tags] if vendor else tags
    # The vendor's own operationIds (action names, when it has any) are not our vocabulary.
    own_id = None if vendor else operation.get("operationId")
    operation_id = own_id or table.get((method, path)) or derive_operation_id(method, path)
    out["operationId"] = operation_id
    for key, value in operation.items():
        if key in ("tags", "operationId", "parameters", "requestBody", "responses"):
            continue
        out[key] = value
    own = [p for p in operation.get("parameters") or [] if _parameter_kept(document, p, prefix_parameter)]
    own_names = {
        (p.get("in"), p.get("name"))
        for p in (_resolve_parameter(document, p) for p in own)
        if isinstance(p, dict)
    }
    merged = [
        p
        for p in shared
        if (lambda r: (r.get("in"), r.get("name")))(_resolve_parameter(document, p)) not in own_names
    ]
    parameters = [
        ({**p, "schema": _schema(p["schema"])} if isinstance(p, dict) and "schema" in p else p)
        for p in merged + own
    ]
    if parameters:
        out["parameters"] = parameters
    body = operation.get("requestBody")
    if isinstance(body, dict):
        new_body = dict(body)
        if isinstance(body.get("content"), dict):
            content = _json_content(body["content"])
            new_body["content"] = {
                m: ({**b, "schema": _schema(b["schema"])} if isinstance(b, dict) and "schema" in b else b)
                for m, b in content.items()
            }
        out["requestBody"] = new_body
    responses: dict[str, Any] = {}
    for status, response in (operation.get("responses") or {}).items():
        status = str(status)
        if vendor and status in ERROR_RESPONSES and isinstance(response, dict) and "$ref" not in response:
            name = ERROR_RESPONSES[status]
            error_components.setdefault(name, _response_schemas(_error_response(status, response, problem)))
            responses[status] = {"$ref": f"#/components/responses/{name}"}
            continue
        if isinstance(response, dict) and isinstance(response.get("content"), dict):
            response = {**response, "content": _json_content(response["content"])}
        responses[status] = _response_schemas(response)
    out["responses"] = responses
    return out
