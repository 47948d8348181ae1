"""Vendor-dialect documents made from ``openapi.yaml`` (no vendor text is ever committed).

:func:`vendor_document` renders our contract the way the vendor's generator would publish it
(``_upgrade.export_vendor``); the :data:`MUTATIONS` edit that rendering the way a newer upstream
revision would differ, each with the finding it must produce and a check of the merged document.
``scripts``-side measurements reuse them (``newer_revision``).
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from _upgrade.export_vendor import NAMESPACE, export_vendor, vendor_name

from tests.upgrade.upgrade_fixtures import REPO

SCHEMAS = "#/components/schemas/"

Document = dict[str, Any]


@functools.cache
def _house_json() -> str:
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return json.dumps(yaml.load((REPO / "openapi.yaml").read_text(encoding="utf-8"), Loader=loader))


@functools.cache
def _vendor_json() -> str:
    return json.dumps(export_vendor(house_document()))


def house_document() -> Document:
    """``openapi.yaml``, parsed (a fresh copy each time)."""
    loaded: Document = json.loads(_house_json())
    return loaded


def vendor_document() -> Document:
    """``openapi.yaml`` in the vendor dialect (a fresh copy each time)."""
    loaded: Document = json.loads(_vendor_json())
    return loaded


def _schema(document: Document, house_name: str) -> dict[str, Any]:
    schema: dict[str, Any] = document["components"]["schemas"][vendor_name(house_name)]
    return schema


def _props(document: Document, house_name: str) -> dict[str, Any]:
    schema = _schema(document, house_name)
    props: dict[str, Any] = schema["properties"]
    return props


# --- mutations: each edits a vendor document in place ------------------------------------------------


def add_operation(document: Document) -> None:
    """``POST /v{version}/tasks/{taskUuid}/pause``: a new action (no body, 204)."""
    document["paths"]["/v{version}/tasks/{taskUuid}/pause"] = {
        "post": {
            "tags": ["Tasks"],
            "summary": "Pause a task.",
            "parameters": [
                {"name": "version", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "taskUuid", "in": "path", "required": True, "schema": {"type": "string"}},
            ],
            "responses": {
                "204": {"description": "Paused."},
                "404": {
                    "description": "Not Found",
                    "content": {
                        "application/json": {"schema": {"$ref": SCHEMAS + vendor_name("ProblemDetails")}}
                    },
                },
            },
        }
    }


def add_field(document: Document) -> None:
    """``TaskOutput.pausedSince``: a new optional, nullable date-time."""
    _props(document, "TaskOutput")["pausedSince"] = {
        "type": "string",
        "format": "date-time",
        "nullable": True,
    }


def remove_field(document: Document) -> None:
    """``TaskOutput.maxRetriesPerInstance`` is gone upstream."""
    del _props(document, "TaskOutput")["maxRetriesPerInstance"]


def change_type(document: Document) -> None:
    """``UserOutput.maxBucket``: an integer becomes a string."""
    _props(document, "UserOutput")["maxBucket"] = {"type": "string", "nullable": True}


def add_enum_value(document: Document) -> None:
    """``TaskState`` gains ``Paused``."""
    _schema(document, "TaskState")["enum"].append("Paused")


def loosen_nullability(document: Document) -> None:
    """``VersionOutput.version``: required, now nullable."""
    _props(document, "VersionOutput")["version"]["nullable"] = True


def tighten_nullability(document: Document) -> None:
    """``UserOutput.email``: no longer nullable."""
    del _props(document, "UserOutput")["email"]["nullable"]


def add_variant(document: Document) -> None:
    """A new hardware constraint, ``FpgaHardwareConstraint``, with its own field."""
    base = vendor_name("HardwareConstraint")
    variant = NAMESPACE + "FpgaHardwareConstraint"
    document["components"]["schemas"][variant] = {
        "allOf": [
            {"$ref": SCHEMAS + base},
            {
                "type": "object",
                "properties": {"fpgaModel": {"type": "string", "nullable": True}},
                "additionalProperties": False,
            },
        ]
    }
    document["components"]["schemas"][base]["discriminator"]["mapping"]["FpgaHardwareConstraint"] = (
        SCHEMAS + variant
    )


def rename_component(document: Document) -> None:
    """``TaskOutput`` (``…TaskResponse``) is published as ``…TaskDetailsDto``."""
    old, new = vendor_name("TaskOutput"), NAMESPACE + "TaskDetailsDto"
    text = json.dumps(document)
    renamed: Document = json.loads(text.replace(f'"{SCHEMAS}{old}"', f'"{SCHEMAS}{new}"'))
    schemas = renamed["components"]["schemas"]
    schemas[new] = schemas.pop(old)
    document.clear()
    document.update(renamed)


# --- expectations -------------------------------------------------------------------------------------


def _merged_props(merged: Document, name: str) -> dict[str, Any]:
    props: dict[str, Any] = merged["components"]["schemas"][name]["properties"]
    return props


def _check_operation(merged: Document) -> bool:
    operation = merged["paths"].get("/tasks/{taskUuid}/pause", {}).get("post", {})
    return bool(operation.get("operationId") == "pause_task" and "204" in operation.get("responses", {}))


def _check_field(merged: Document) -> bool:
    prop = _merged_props(merged, "TaskOutput").get("pausedSince", {})
    return bool(prop.get("type") == ["string", "null"] and prop.get("format") == "qarnot-date-time")


def _check_removed(merged: Document) -> bool:
    return "maxRetriesPerInstance" in _merged_props(merged, "TaskOutput")


def _check_type(merged: Document) -> bool:
    prop = _merged_props(merged, "UserOutput")["maxBucket"]
    return bool(prop["type"] == ["string", "null"] and "format" not in prop and "description" in prop)


def _check_enum(merged: Document) -> bool:
    return "Paused" in merged["components"]["schemas"]["TaskState"]["enum"]


def _check_loosened(merged: Document) -> bool:
    return bool(_merged_props(merged, "VersionOutput")["version"]["type"] == ["string", "null"])


def _check_tightened(merged: Document) -> bool:
    prop = _merged_props(merged, "UserOutput")["email"]
    return bool(prop["type"] == "string" and "description" in prop)


def _check_variant(merged: Document) -> bool:
    schemas = merged["components"]["schemas"]
    union = schemas["HardwareConstraint"]
    unknown_tags = schemas["UnknownHardwareConstraint"]["properties"]["discriminator"]["not"]["enum"]
    variant = schemas.get("FpgaHardwareConstraint", {})
    return bool(
        {"$ref": SCHEMAS + "FpgaHardwareConstraint"} in union["oneOf"]
        and union["discriminator"]["mapping"].get("FpgaHardwareConstraint")
        == SCHEMAS + "FpgaHardwareConstraint"
        and "FpgaHardwareConstraint" in unknown_tags
        and variant.get("properties", {}).get("discriminator", {}).get("const") == "FpgaHardwareConstraint"
        and "fpgaModel" in variant.get("properties", {})
    )


@dataclass(frozen=True)
class Mutation:
    """One upstream change and what the diff and the merge must make of it.

    Attributes:
        name: the test id.
        apply: edits a vendor document in place.
        kind: the finding's kind (``None``: no finding at all).
        location: the finding's location.
        classification: the finding's classification (JSON values, sorted as reported).
        merged: checks the merged ``openapi.yaml`` (parsed).

    """

    name: str
    apply: Callable[[Document], None]
    kind: str | None
    location: str
    classification: tuple[str, ...]
    merged: Callable[[Document], bool]


MUTATIONS = (
    Mutation(
        "operation-added",
        add_operation,
        "operation-added",
        "POST /tasks/{taskUuid}/pause",
        ("breaking-for-servers",),
        _check_operation,
    ),
    Mutation(
        "field-added",
        add_field,
        "property-added",
        "TaskOutput.pausedSince",
        ("compatible",),
        _check_field,
    ),
    Mutation(
        "field-removed",
        remove_field,
        "property-removed",
        "TaskOutput.maxRetriesPerInstance",
        ("breaking-for-clients",),
        _check_removed,
    ),
    Mutation(
        "type-changed",
        change_type,
        "type-changed",
        "UserOutput.maxBucket",
        ("breaking-for-clients", "breaking-for-servers"),
        _check_type,
    ),
    Mutation(
        "enum-value-added",
        add_enum_value,
        "enum-value-added",
        "TaskState",
        ("compatible",),
        _check_enum,
    ),
    Mutation(
        "nullability-loosened",
        loosen_nullability,
        "nullable-added",
        "VersionOutput.version",
        ("breaking-for-clients",),
        _check_loosened,
    ),
    Mutation(
        "nullability-tightened",
        tighten_nullability,
        "nullable-removed",
        "UserOutput.email",
        ("breaking-for-servers",),
        _check_tightened,
    ),
    Mutation(
        "variant-added",
        add_variant,
        "variant-added",
        "HardwareConstraint",
        ("breaking-for-clients", "breaking-for-servers"),
        _check_variant,
    ),
    Mutation("component-renamed", rename_component, None, "", (), lambda merged: merged == house_document()),
)


def mutated(mutation: Mutation) -> Document:
    """The vendor document with one mutation applied."""
    document = vendor_document()
    mutation.apply(document)
    return copy.deepcopy(document)


# --- a newer revision: the export plus a dozen realistic changes at once -----------------------------


def _add_more(document: Document) -> None:
    """Two more operations (one with a new request schema), more fields, nullability both ways."""
    version = {"name": "version", "in": "path", "required": True, "schema": {"type": "string"}}
    pool_uuid = {"name": "poolUuid", "in": "path", "required": True, "schema": {"type": "string"}}
    task_uuid = {"name": "taskUuid", "in": "path", "required": True, "schema": {"type": "string"}}
    drain = NAMESPACE + "PoolDrainRequest"
    document["components"]["schemas"][drain] = {
        "type": "object",
        "required": ["deadline"],
        "properties": {
            "deadline": {"type": "string", "format": "date-time"},
            "reason": {"type": "string", "nullable": True},
        },
        "additionalProperties": False,
    }
    media = ("application/json-patch+json", "application/json", "text/json", "application/*+json")
    document["paths"]["/v{version}/pools/{poolUuid}/drain"] = {
        "post": {
            "tags": ["Pools"],
            "parameters": [version, pool_uuid],
            "requestBody": {"content": {m: {"schema": {"$ref": SCHEMAS + drain}} for m in media}},
            "responses": {"200": {"description": "Success"}},
        }
    }
    page = SCHEMAS + vendor_name("KeyValue")
    document["paths"]["/v{version}/tasks/{taskUuid}/outputs"] = {
        "get": {
            "tags": ["Tasks"],
            "parameters": [version, task_uuid],
            "responses": {
                "200": {
                    "description": "Success",
                    "content": {
                        m: {"schema": {"type": "array", "items": {"$ref": page}}}
                        for m in ("text/plain", "application/json", "text/json")
                    },
                }
            },
        }
    }
    _props(document, "JobOutput")["priority"] = {"type": "integer", "format": "int32", "nullable": True}
    _props(document, "PoolOutput")["drainDeadline"] = {
        "type": "string",
        "format": "date-time",
        "nullable": True,
    }
    _props(document, "TaskCreationInput")["shortname"].pop("nullable", None)
    _props(document, "JobOutput")["uuid"]["nullable"] = True


NEWER_EXTRA = (
    ("operation-added", "POST /pools/{poolUuid}/drain", ("breaking-for-servers",)),
    ("operation-added", "GET /tasks/{taskUuid}/outputs", ("breaking-for-servers",)),
    ("property-added", "JobOutput.priority", ("compatible",)),
    ("property-added", "PoolOutput.drainDeadline", ("compatible",)),
    ("nullable-removed", "TaskCreationInput.shortname", ("breaking-for-clients",)),
    ("nullable-added", "JobOutput.uuid", ("breaking-for-clients",)),
)
"""The findings :func:`_add_more` must produce, beside those of :data:`MUTATIONS`."""


def newer_revision() -> Document:
    """A large vendor-dialect document of a newer revision: every mutation plus :func:`_add_more`."""
    document = vendor_document()
    for mutation in MUTATIONS:
        mutation.apply(document)
    _add_more(document)
    return document


def newer_revision_expected() -> list[tuple[str, str, tuple[str, ...]]]:
    """``(kind, location, classification)`` of every finding :func:`newer_revision` must produce."""
    expected = [(m.kind, m.location, m.classification) for m in MUTATIONS if m.kind is not None]
    return sorted(expected + list(NEWER_EXTRA))
