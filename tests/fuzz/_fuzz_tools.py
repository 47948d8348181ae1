"""Client-side fuzzing helpers: a synthetic spec for schemathesis and a schema-directed checker.

``check_parsed(doc, schema, obj)`` walks a JSON document, the contract's schema for it and the object
the generated models produced, side by side. It fails when

* a union picked another branch than the one JSON Schema validation picks (wrong variant of a
  discriminated union, a known tag parsed as ``Unknown...``, a filter leaf of the wrong kind);
* a model came back as a raw ``dict``/``list`` (the generator's silent fallback for failed unions);
* a value was changed (unknown enum values and floats in integer fields must be kept verbatim; only
  ``uuid``, ``date`` and ``qarnot-date-time`` are converted to Python types, the last one checked
  against ``expected_datetime``, an oracle written independently of the generated parser);
* a key of the document is neither a declared property nor kept in ``additional_properties``.

``canonical(doc, schema)`` rewrites the converted formats to one spelling so that round trips can be
compared with ``==`` (``UUID`` lowercases, ``date`` re-serialises, a date-time is written in UTC
with ``Z`` and at most 6 digits, the "unset" sentinel becomes ``null``).
"""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import functools
import re
import uuid
from pathlib import Path
from typing import Any

import yaml
from openapi_python_client.strings import PythonIdentifier
from openapi_schema_validator import OAS31Validator

import qarnot_api.models
from qarnot_api.types import Unset

REPO = Path(__file__).resolve().parent.parent.parent
SPEC_PATH = REPO / "openapi.yaml"
SCHEMA_PREFIX = "#/components/schemas/"
FIELD_PREFIX = "field_"  # the generator's default, used for names that are not identifiers


@functools.cache
def load_spec() -> dict[str, Any]:
    """The parsed ``openapi.yaml`` (cached: treat it as read-only)."""
    with SPEC_PATH.open(encoding="utf-8") as fh:
        doc: dict[str, Any] = yaml.safe_load(fh)
    return doc


def components() -> dict[str, Any]:
    """The component schemas of the contract."""
    schemas: dict[str, Any] = load_spec()["components"]["schemas"]
    return schemas


def ref_name(node: dict[str, Any]) -> str | None:
    """``X`` for ``{"$ref": "#/components/schemas/X"}``."""
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
        return ref[len(SCHEMA_PREFIX) :]
    return None


def deref(node: dict[str, Any]) -> dict[str, Any]:
    """Follow schema ``$ref`` chains."""
    while (name := ref_name(node)) is not None:
        node = components()[name]
    return node


def model_class(name: str) -> type[Any] | None:
    """The generated class of a component schema, or ``None`` (unions, arrays, enums)."""
    cls = getattr(qarnot_api.models, name, None)
    return cls if isinstance(cls, type) else None


def synthetic_spec() -> dict[str, Any]:
    """A copy of the contract with one ``POST /__gen__/<Schema>`` per component schema.

    ``readOnly``/``writeOnly`` are stripped so that generated request bodies keep every property,
    and examples are dropped so that the generator explores instead of replaying them.
    """
    schemas = copy.deepcopy(components())

    def strip(node: Any) -> None:
        if isinstance(node, dict):
            for key in ("readOnly", "writeOnly", "example", "examples"):
                node.pop(key, None)
            for value in node.values():
                strip(value)
        elif isinstance(node, list):
            for value in node:
                strip(value)

    strip(schemas)
    paths = {
        f"/__gen__/{name}": {
            "post": {
                "operationId": f"gen_{name}",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": SCHEMA_PREFIX + name}}},
                },
                "responses": {"200": {"description": "unused"}},
            }
        }
        for name in schemas
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "synthetic", "version": "0"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


@functools.cache
def _validator(ref: str) -> OAS31Validator:
    # No format checker: branch choice must not depend on format assertions (they are annotations
    # in JSON Schema 2020-12, and the generator ignores all but uuid/date).
    return OAS31Validator({"$ref": ref, "components": load_spec()["components"]})


def _valid(doc: Any, branch: dict[str, Any]) -> bool:
    if "$ref" in branch:
        return bool(_validator(branch["$ref"]).is_valid(doc))
    root = dict(branch)
    root["components"] = load_spec()["components"]
    return bool(OAS31Validator(root).is_valid(doc))


def _tag_target(doc: Any, schema: dict[str, Any]) -> dict[str, Any] | None:
    """The variant a discriminated union maps the document's tag to, if the tag is mapped."""
    disc = schema.get("discriminator")
    if not disc or not isinstance(doc, dict):
        return None
    tag = doc.get(disc["propertyName"])
    target = disc.get("mapping", {}).get(tag) if isinstance(tag, str) else None
    return {"$ref": target} if target else None


def choose_branch(doc: Any, schema: dict[str, Any], where: str) -> dict[str, Any]:
    """The ``oneOf`` branch the contract assigns to ``doc``.

    Tags decide first, as the contract says: a discriminated union maps the tag to its variant, and
    an open wrapper (``AnyHardwareConstraint`` = known union + ``Unknown...``) takes the known union
    when the tag is mapped there and the ``Unknown...`` branch otherwise. This keeps the expected
    branch right for documents whose other fields are off-contract (quirks). Unions without tags
    (filters, error shapes) are decided by JSON Schema validation: exactly one branch must match.
    """
    branches = [b for b in schema["oneOf"] if b.get("type") != "null"]
    if len(branches) == 1:
        return dict(branches[0])
    DISPATCH_CHECKS[where] = DISPATCH_CHECKS.get(where, 0) + 1
    target = _tag_target(doc, schema)
    if schema.get("discriminator"):
        if target is None:
            raise AssertionError(f"{where}: tag of {doc!r} is not mapped by the discriminated union")
        return target
    tagged = [b for b in branches if deref(b).get("discriminator")]
    if tagged:
        mapped = [b for b in tagged if _tag_target(doc, deref(b)) is not None]
        if mapped:
            return dict(mapped[0])
        untagged = [b for b in branches if b not in tagged]
        if len(untagged) == 1:
            return dict(untagged[0])
    valid = [b for b in branches if _valid(doc, b)]
    if len(valid) != 1:
        names = [ref_name(b) or b.get("type") for b in valid]
        raise AssertionError(f"{where}: document matches {len(valid)} branches {names} of a oneOf")
    return dict(valid[0])


def _types(schema: dict[str, Any]) -> set[str]:
    kind = schema.get("type")
    if isinstance(kind, list):
        return set(kind)
    return {kind} if isinstance(kind, str) else set()


def check_parsed(doc: Any, node: dict[str, Any], obj: Any, where: str = "$") -> None:
    """Assert that ``obj`` is what the generated models must make of ``doc`` (see module doc)."""
    name = ref_name(node)
    schema = deref(node)
    if "oneOf" in schema:
        if doc is None:
            assert obj is None, f"{where}: null became {obj!r}"
            return
        check_parsed(doc, choose_branch(doc, schema, where), obj, where)
        return
    types = _types(schema)
    if doc is None:
        assert obj is None, f"{where}: null became {obj!r}"
        return
    if "object" in types or "properties" in schema:
        _check_object(doc, schema, name, obj, where)
    elif "array" in types:
        assert isinstance(obj, list), f"{where}: expected a list, got {type(obj).__name__}"
        assert len(obj) == len(doc), f"{where}: {len(doc)} items became {len(obj)}"
        for i, (item_doc, item_obj) in enumerate(zip(doc, obj, strict=True)):
            check_parsed(item_doc, schema.get("items", {}), item_obj, f"{where}[{i}]")
    else:
        _check_scalar(doc, schema, obj, where)


def _check_object(doc: Any, schema: dict[str, Any], name: str | None, obj: Any, where: str) -> None:
    assert not isinstance(obj, dict | list), f"{where}: raw {type(obj).__name__} instead of a model"
    expected = model_class(name) if name else None
    if expected is not None:
        assert type(obj) is expected, f"{where}: parsed as {type(obj).__name__}, expected {expected.__name__}"
    assert hasattr(obj, "additional_properties"), f"{where}: {type(obj).__name__} is not a generated model"
    properties: dict[str, Any] = schema.get("properties", {})
    for key, value in doc.items():
        if key in properties:
            attr = PythonIdentifier(key, FIELD_PREFIX)
            check_parsed(value, properties[key], getattr(obj, attr), f"{where}.{key}")
        else:
            assert obj.additional_properties.get(key, object()) == value, f"{where}.{key}: extra key lost"
    for key in properties.keys() - doc.keys():
        value = getattr(obj, PythonIdentifier(key, FIELD_PREFIX))
        assert isinstance(value, Unset), f"{where}.{key}: absent key became {value!r}"


_DATE_TIME = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})T(?P<time>\d{2}:\d{2}:\d{2})(?P<fraction>\.\d{1,7})?(?P<zone>Z|[+-]\d{2}:\d{2})?\s*"
)


def expected_datetime(text: str) -> dt.datetime | None:
    """What a ``qarnot-date-time`` string must become: the documented rules, computed another way.

    The sentinel ``0001-01-01T00:00:00`` (zero fraction, UTC or no zone) is ``None``; otherwise an
    aware datetime whose fraction is rounded to the microsecond, ties to even (``decimal`` does the
    rounding here, the generated parser does integer arithmetic). Raises ``ValueError`` for a
    string that only looks like one (month 13, year 0, rounding past year 9999).
    """
    match = _DATE_TIME.fullmatch(text)
    if match is None:
        raise ValueError(f"not a qarnot-date-time: {text!r}")
    fraction = decimal.Decimal("0" + (match["fraction"] or ""))
    zone = match["zone"] or "Z"
    sentinel = match["date"] == "0001-01-01" and match["time"] == "00:00:00" and not fraction
    if sentinel and zone in ("Z", "+00:00", "-00:00"):
        return None
    micro = int((fraction * 1_000_000).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_EVEN))
    base = dt.datetime.fromisoformat(f"{match['date']}T{match['time']}{'+00:00' if zone == 'Z' else zone}")
    try:
        return base + dt.timedelta(microseconds=micro)
    except OverflowError:
        raise ValueError(f"out of range: {text!r}") from None


def _canonical_datetime(text: str) -> str | None:
    try:
        value = expected_datetime(text)
    except ValueError:
        return text  # kept verbatim by the models (see _check_scalar)
    if value is None:
        return None
    zone = "Z"
    try:
        value = value.astimezone(dt.UTC)
    except OverflowError:  # UTC before year 1 or after 9999: written with its own offset
        zone = value.isoformat()[-6:]
    fraction = f".{value.microsecond:06d}" if value.microsecond else ""
    return f"{value.year:04d}-{value.strftime('%m-%dT%H:%M:%S')}{fraction}{zone}"


def _check_scalar(doc: Any, schema: dict[str, Any], obj: Any, where: str) -> None:
    fmt = schema.get("format")
    if fmt == "qarnot-date-time" and isinstance(doc, str):
        try:
            expected = expected_datetime(doc)
        except ValueError:
            # Matches the pattern but is no date: the generated model keeps the string (its raw
            # fallback); the client's decoders turn that into a ParseError (tests/client/test_decode.py).
            assert obj == doc, f"{where}: invalid date-time {doc!r} became {obj!r}"
            return
        assert obj == expected, f"{where}: date-time {doc!r} became {obj!r}, expected {expected!r}"
        assert expected is None or obj.utcoffset() == expected.utcoffset(), f"{where}: zone of {doc!r} lost"
    elif fmt == "uuid" and isinstance(doc, str):
        assert obj == uuid.UUID(doc), f"{where}: uuid {doc!r} became {obj!r}"
    elif fmt == "date" and isinstance(doc, str):
        assert obj == dt.date.fromisoformat(doc), f"{where}: date {doc!r} became {obj!r}"
    else:
        # Kept verbatim, type included: 32000.0 stays a float, an unknown enum value stays a str.
        assert obj == doc, f"{where}: {doc!r} became {obj!r}"
        assert type(obj) is type(doc), f"{where}: {type(doc).__name__} became {type(obj).__name__}"


def canonical(doc: Any, node: dict[str, Any], where: str = "$") -> Any:
    """``doc`` with ``uuid`` and ``date`` strings in the spelling the models write back."""
    schema = deref(node)
    if doc is None:
        return None
    if "oneOf" in schema:
        return canonical(doc, choose_branch(doc, schema, where), where)
    types = _types(schema)
    if isinstance(doc, dict) and ("object" in types or "properties" in schema):
        properties = schema.get("properties", {})
        return {
            k: canonical(v, properties[k], f"{where}.{k}") if k in properties else v for k, v in doc.items()
        }
    if isinstance(doc, list) and "array" in types:
        return [canonical(item, schema.get("items", {}), f"{where}[]") for item in doc]
    fmt = schema.get("format")
    if fmt == "qarnot-date-time" and isinstance(doc, str):
        return _canonical_datetime(doc)
    if fmt == "uuid" and isinstance(doc, str):
        return str(uuid.UUID(doc))
    if fmt == "date" and isinstance(doc, str):
        return dt.date.fromisoformat(doc).isoformat()
    return doc


def parse(name: str, doc: Any) -> Any:
    """Parse ``doc`` as component ``name`` the way the generated client does (arrays item by item)."""
    cls = model_class(name)
    if cls is not None:
        return cls.from_dict(doc)
    schema = components()[name]
    if _types(schema) == {"array"}:
        item = ref_name(schema["items"])
        assert item is not None, f"{name}: array of a non-component schema"
        return [parse(item, x) for x in doc]
    raise AssertionError(f"{name} has no generated model")


def response_roots() -> list[str]:
    """Component schemas that can appear in a response body and parse on their own.

    Every object schema reachable from a response (the generated client parses each with its
    ``from_dict``) plus top-level arrays of models; unions are exercised through their containers.
    """
    spec = load_spec()
    todo: list[str] = []

    def refs(node: Any) -> None:
        if isinstance(node, dict):
            if (name := ref_name(node)) is not None:
                todo.append(name)
            for value in node.values():
                refs(value)
        elif isinstance(node, list):
            for value in node:
                refs(value)

    for item in spec["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "responses" in op:
                for response in op["responses"].values():
                    target = response
                    if "$ref" in target:
                        target = spec["components"]["responses"][target["$ref"].rsplit("/", 1)[1]]
                    refs(target.get("content", {}))
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            refs(components()[name])
    roots = [
        name
        for name in seen
        if model_class(name) is not None
        or (_types(components()[name]) == {"array"} and ref_name(components()[name]["items"]))
    ]
    return sorted(roots)


DISPATCH_CHECKS: dict[str, int] = {}
"""Number of union decisions verified, per root schema (filled by the fuzz tests, for reporting)."""
