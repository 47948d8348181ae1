"""Every field the reference shows is in the spec, with the type, format and nullability it states.

Fields come mechanically from the reference (``_spec_reference``): the named rows of each
operation's parameter and body tables, and every key path of each operation's JSON examples.
``reference_fields.json`` is the committed extraction (refreshed by
``python tests/spec/_spec_reference.py``) and is checked against ``../shared/reference`` when present.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.spec._spec_reference import FIELDS_JSON, extracted_fields, load_shared, normalise_path
from tests.spec._spec_tools import deref, is_nullable, load_spec, operations, parameters_of

ENUM_VALUES = re.compile(r'"([^"]+)"')
# Example fields the spec declares, but not where the reference's example puts them: the reference
# contradicts itself there (docs/spec-notes.md lists why the spec follows the schema).
MISPLACED_IN_REFERENCE = {"#2 response [].cpuModel": "C5"}


def _reference() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(FIELDS_JSON.read_text(encoding="utf-8"))
    return data


def _table() -> dict[int, tuple[str, str]]:
    from tests.spec._spec_reference import OPERATIONS_TSV

    table = {}
    for line in OPERATIONS_TSV.read_text(encoding="utf-8").splitlines():
        number, method, path = line.split("\t")
        table[int(number)] = (method, normalise_path(path))
    return table


def _spec_op(number: int) -> tuple[str, dict[str, Any], dict[str, Any]]:
    method, path = _table()[number]
    for m, p, op in operations():
        if m == method and normalise_path(p) == path:
            return p, op, load_spec()["paths"][p]
    raise KeyError(number)


def _request_schema(op: dict[str, Any]) -> dict[str, Any] | None:
    body = op.get("requestBody")
    if body is None:
        return None
    schema = body["content"]["application/json"]["schema"]
    # create_task takes one task or an array: the table describes one task.
    return deref(schema["oneOf"][0]) if "oneOf" in schema else deref(schema)


def _response_schema(op: dict[str, Any]) -> dict[str, Any] | None:
    for code in ("200", "201"):
        content = deref(op["responses"].get(code, {})).get("content", {})
        if "application/json" in content:
            schema: dict[str, Any] = content["application/json"]["schema"]
            return schema
    return None


def _types(schema: dict[str, Any]) -> set[str]:
    schema = deref(schema) if "$ref" in schema else schema
    kinds: set[str] = set()
    kind = schema.get("type")
    if isinstance(kind, str):
        kinds.add(kind)
    elif isinstance(kind, list):
        kinds.update(kind)
    for branch in schema.get("oneOf", []):
        kinds |= _types(branch)
    return kinds


def _format(schema: dict[str, Any]) -> str | None:
    if "format" in schema:
        return str(schema["format"])
    for branch in schema.get("oneOf", []):
        if (fmt := _format(deref(branch))) is not None:
            return fmt
    return None


def _enum(schema: dict[str, Any]) -> list[str] | None:
    for branch in [schema, *schema.get("oneOf", [])]:
        target = deref(branch)
        if "enum" in target:
            return list(target["enum"])
    return None


def _row_problems(
    name: str, required: bool, text: str, schema: dict[str, Any], is_required: bool
) -> list[str]:
    """Compare one reference row with the spec's schema for it; return what disagrees."""
    problems = []
    if required != is_required:
        problems.append(f"required {required} vs {is_required}")
    kinds = _types(schema) - {"null"}
    first = text.split(" ", 1)[0]
    if text.startswith("Array of strings"):
        items = schema.get("items", {})
        if kinds != {"array"} or _types(items) != {"string"}:
            problems.append(f"expected array of strings, got {kinds}")
    elif first in ("string", "integer", "boolean") and kinds != {first}:
        problems.append(f"expected {first}, got {kinds}")
    for fmt in ("int32", "uuid", "date-span"):
        if f"<{fmt}>" in text and _format(schema) != fmt:
            problems.append(f"expected format {fmt}, got {_format(schema)}")
    if ("or null" in text) != is_nullable(schema):
        problems.append(f"nullable: reference {'or null' in text}, spec {is_nullable(schema)}")
    if "non-empty" in text and schema.get("minLength") != 1:
        problems.append("non-empty without minLength: 1")
    if "Enum:" in text:
        listed = ENUM_VALUES.findall(text.split("Enum:", 1)[1])
        if sorted(listed) != sorted(_enum(schema) or []):
            problems.append(f"enum {listed} vs {_enum(schema)}")
    if "Default: false" in text and schema.get("default") is not False:
        problems.append("missing default false")
    return [f"{name}: {p}" for p in problems]


def test_committed_extraction_matches_the_shared_reference() -> None:
    shared = load_shared()
    if shared is None:
        pytest.skip("../shared/reference is not beside the repository")
    assert extracted_fields(shared[1]) == _reference()


def test_every_table_row_is_a_parameter_or_body_field_as_the_reference_states() -> None:
    problems: list[str] = []
    rows = 0
    for chunk in _reference():
        _path, op, path_item = _spec_op(chunk["number"])
        params = {p["name"].lower(): p for p in parameters_of(op, path_item)}
        body = _request_schema(op)
        for name, required, text in chunk["rows"]:
            rows += 1
            where = f"#{chunk['number']} {op['operationId']}"
            if name.lower() in params:
                param = params[name.lower()]
                problems += [
                    f"{where} {p}"
                    for p in _row_problems(
                        name, required or param["in"] == "path", text, param["schema"], param["required"]
                    )
                ]
                if "or null" not in text and is_nullable(param["schema"]):
                    problems.append(f"{where} {name}: parameter is nullable")
                continue
            if body is None or name not in body.get("properties", {}):
                problems.append(f"{where} {name}: neither a parameter nor a body field")
                continue
            problems += [
                f"{where} {p}"
                for p in _row_problems(
                    name, required, text, body["properties"][name], name in body.get("required", [])
                )
            ]
    assert problems == []
    print(f"reference table rows checked: {rows}")


def _candidates(doc: Any, node: dict[str, Any]) -> list[dict[str, Any]]:
    """The object schemas a document may be read with (unions resolved by tag, else all branches)."""
    schema = deref(node)
    if "oneOf" not in schema:
        return [schema]
    disc = schema.get("discriminator")
    if disc and isinstance(doc, dict) and doc.get(disc["propertyName"]) in disc.get("mapping", {}):
        return _candidates(doc, {"$ref": disc["mapping"][doc[disc["propertyName"]]]})
    out: list[dict[str, Any]] = []
    for branch in schema["oneOf"]:
        if branch.get("type") != "null":
            out += _candidates(doc, branch)
    return out


def _missing(doc: Any, node: dict[str, Any], where: str, found: set[str]) -> list[str]:
    """Key paths of ``doc`` that the schema does not declare at that place."""
    if isinstance(doc, list):
        for schema in _candidates(doc, node):
            if "items" in schema:
                out: list[str] = []
                for item in doc:
                    out += _missing(item, schema["items"], f"{where}[]", found)
                return out
        return [f"{where}: a list where the schema has no array"]
    if not isinstance(doc, dict):
        return []
    candidates = _candidates(doc, node)
    arrays = [s for s in candidates if "items" in s]
    if arrays and not any("properties" in s for s in candidates):
        # The reference shows one object where the operation returns an array (C3 in spec-notes).
        return _missing(doc, arrays[0]["items"], f"{where}[]", found)
    out = []
    for key, value in doc.items():
        path = f"{where}.{key}" if where else key
        owners = [s for s in candidates if key in s.get("properties", {})]
        if owners:
            found.add(path)
            out += _missing(value, owners[0]["properties"][key], path, found)
        elif not any(isinstance(s.get("additionalProperties"), dict) for s in candidates):
            out.append(path)
    return out


def test_every_field_of_every_reference_example_is_declared_where_it_appears() -> None:
    missing: list[str] = []
    example_paths: set[str] = set()
    names: set[str] = set()
    for chunk in _reference():
        _path, op, _item = _spec_op(chunk["number"])
        examples = list(chunk["examples"])
        targets: list[tuple[str, dict[str, Any] | None]] = []
        if "requestBody" in op and examples:
            targets.append(("request", op["requestBody"]["content"]["application/json"]["schema"]))
        targets += [("response", _response_schema(op))] * (len(examples) - len(targets))
        for (kind, schema), example in zip(targets, examples, strict=True):
            assert schema is not None, f"#{chunk['number']}: example for an operation without a JSON {kind}"
            found: set[str] = set()
            missing += [f"#{chunk['number']} {kind} {p}" for p in _missing(example, schema, "", found)]
            missing.sort()
            example_paths |= {f"#{chunk['number']} {kind} {p}" for p in found}
            names |= {p.rsplit(".", 1)[-1].removesuffix("[]") for p in found}
    assert missing == sorted(MISPLACED_IN_REFERENCE)
    row_names = {name for chunk in _reference() for name, _r, _t in chunk["rows"]}
    spec_names = {
        prop
        for schema in load_spec()["components"]["schemas"].values()
        for prop in schema.get("properties", {})
    }
    reference_names = names | (
        row_names
        - {
            "QarnotReadOnlyRequestForAccount",
            "tag",
            "Limit",
            "Offset",
            "cpuModel",
            "force",
            "jobUuid",
            "jobuuid",
            "pooluuid",
            "poolUuid",
            "taskUuid",
            "instanceId",
        }
    )
    absent = sorted(n for n in reference_names if n not in spec_names)
    assert absent == []
    print(
        f"reference example key paths located in the spec: {len(example_paths)}; "
        f"distinct field names: reference {len(reference_names)}, "
        f"present in spec {len(reference_names) - len(absent)}, "
        f"spec declares {len(spec_names)}"
    )
