"""Merge a new upstream revision into ``openapi.yaml``: ours, plus upstream's semantic changes.

:func:`merge` starts from our document and applies what the aligned, normalized NEW
(:func:`_upgrade.semantic.prepare`) says differently about the API itself:

- operations NEW has and we do not are added (with the operationId :mod:`_upgrade.normalize`
  gave them), with the components they reach;
- for operations both have: new parameters are added and changed ones take NEW's schema and
  ``required``; request and success-response JSON bodies are merged schema by schema; new
  statuses are added; our error responses (the standard ones) stay;
- component schemas both have are merged: properties NEW adds are added; for each keyword that
  decides which documents are valid (``type``, ``format``, ``enum``, ``const``, ``items``,
  ``oneOf``, ``$ref``, ``required``, bounds...) NEW's value wins, so nullability, types,
  formats and requiredness come from the new revision; enum values and union members we have
  and NEW lacks are kept;
- house material is never touched: descriptions, summaries, examples, links, ``x-`` keys, tags,
  operationIds of existing operations, the ``x-undocumented`` operations, the open wrappers.

Anything NEW removed (an operation, a property, a status, an enum value) stays in our document;
:func:`kept_removals` lists it so the upgrade report flags it for review. Keys keep our order,
and a document merged with no change is equal to ours, so writing it back is a no-op.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from _upgrade.classify import Finding
from _upgrade.normalize import ERROR_RESPONSES, PREFIX, operations
from _upgrade.semantic import Prepared, operation_shape

__all__ = ["HOUSE_KEYS", "REMOVAL_KINDS", "MergeResult", "kept_removals", "merge", "merge_schema"]

HOUSE_KEYS = frozenset(
    {
        "description",
        "summary",
        "title",
        "example",
        "examples",
        "externalDocs",
        "$comment",
        "links",
        "deprecated",
    }
)
"""Keywords that are ours to write: they never come from upstream when we have them."""

_KEEP_WHEN_ABSENT = frozenset({"default"})
_UNION_LISTS = ("enum",)
REMOVAL_KINDS: frozenset[str] = frozenset(  # what upstream removed: kept, flagged for review
    {
        "operation-removed",
        "property-removed",
        "property-removed-required",
        "enum-value-removed",
        "variant-removed",
        "success-status-removed",
        "error-status-removed",
        "parameter-removed",
        "parameter-removed-required",
    }
)


@dataclass
class MergeResult:
    """The merged document and what the merge did.

    Attributes:
        document: ours with upstream's changes.
        added_operations: ``METHOD /path (operationId)`` of the operations added.
        added_components: component schemas added.
        changed: whether the document differs from ours.

    """

    document: dict[str, Any]
    added_operations: list[str] = field(default_factory=list)
    added_components: list[str] = field(default_factory=list)
    changed: bool = False


def _is_house(key: str) -> bool:
    return key in HOUSE_KEYS or key.startswith("x-")


def _ref(node: Any) -> str | None:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        return str(node["$ref"])
    return None


def _member_key(node: Any) -> str:
    ref = _ref(node)
    if ref is not None:
        return ref
    if isinstance(node, dict):
        return f"type:{node.get('type')}"
    return repr(node)


def merge_schema(ours: Any, new: Any) -> Any:
    """Merge one schema: NEW's validation keywords, our annotations, nothing of ours dropped silently.

    ``properties`` are merged by name (ours kept, NEW's added), ``required`` is NEW's plus ours for
    the properties NEW does not have, ``enum`` is NEW's values then ours NEW lacks, union members
    are matched by ``$ref`` (or bare type) and merged.
    """
    if not isinstance(ours, dict) or not isinstance(new, dict):
        return copy.deepcopy(new)
    out: dict[str, Any] = {}
    keys = list(ours) + [k for k in new if k not in ours]
    for key in keys:
        if _is_house(key):
            if key in ours:
                out[key] = ours[key]
            elif key in new:
                out[key] = copy.deepcopy(new[key])
            continue
        if key not in new:
            if key in _KEEP_WHEN_ABSENT or (key == "required" and "properties" not in new):
                out[key] = ours[key]
            elif key == "required":
                kept = [r for r in ours[key] if r not in (new.get("properties") or {})]
                if kept:
                    out[key] = kept
            continue
        if key not in ours:
            out[key] = copy.deepcopy(new[key])
            continue
        out[key] = _merge_key(key, ours, new)
    # Our key order, then NEW's new keys; a `$ref` replacing a `oneOf` goes where the oneOf was.
    return out


def _merge_key(key: str, ours: Mapping[str, Any], new: Mapping[str, Any]) -> Any:
    before, after = ours[key], new[key]
    if (
        key in ("properties", "$defs", "patternProperties")
        and isinstance(before, dict)
        and isinstance(after, dict)
    ):
        merged = {k: merge_schema(v, after[k]) if k in after else v for k, v in before.items()}
        merged.update({k: copy.deepcopy(v) for k, v in after.items() if k not in before})
        return merged
    if key == "required" and isinstance(before, list) and isinstance(after, list):
        new_props = new.get("properties") or {}
        return [r for r in before if r in after or r not in new_props] + [r for r in after if r not in before]
    if key in _UNION_LISTS and isinstance(before, list) and isinstance(after, list):
        return list(before) + [v for v in after if v not in before]
    if key in ("items", "additionalProperties", "not", "contains") and isinstance(before, dict):
        return merge_schema(before, after)
    if key in ("oneOf", "anyOf", "allOf") and isinstance(before, list) and isinstance(after, list):
        ours_by_key = {_member_key(m): m for m in before}
        merged_members = [
            merge_schema(ours_by_key[_member_key(m)], m)
            if _member_key(m) in ours_by_key
            else copy.deepcopy(m)
            for m in after
        ]
        if key == "oneOf" and new.get("discriminator") is not None:
            present = {_member_key(m) for m in merged_members}
            merged_members += [copy.deepcopy(m) for m in before if _member_key(m) not in present]
        return merged_members
    if key == "discriminator" and isinstance(before, dict) and isinstance(after, dict):
        merged_disc = {**copy.deepcopy(before), **{k: v for k, v in after.items() if k != "mapping"}}
        mapping = dict(after.get("mapping") or {})
        for tag, ref in (before.get("mapping") or {}).items():
            mapping.setdefault(tag, ref)
        if mapping:
            merged_disc["mapping"] = {t: mapping[t] for t in before.get("mapping") or {} if t in mapping}
            merged_disc["mapping"].update(
                {t: r for t, r in mapping.items() if t not in merged_disc["mapping"]}
            )
        return merged_disc
    if before == after:
        return before
    return copy.deepcopy(after)


def _schemas(document: Mapping[str, Any]) -> dict[str, Any]:
    return dict((document.get("components") or {}).get("schemas") or {})


def _refs(node: Any) -> set[str]:
    found: set[str] = set()
    stack = [node]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            ref = _ref(value)
            if ref is not None and ref.startswith(PREFIX):
                found.add(ref[len(PREFIX) :])
            mapping = value.get("mapping")
            if isinstance(mapping, dict):
                found.update(str(r)[len(PREFIX) :] for r in mapping.values() if str(r).startswith(PREFIX))
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found


def _deref_parameter(document: Mapping[str, Any], node: Any) -> Any:
    ref = _ref(node)
    if ref is not None and ref.startswith("#/components/parameters/"):
        return ((document.get("components") or {}).get("parameters") or {}).get(ref.rsplit("/", 1)[1], {})
    return node


def _merge_parameters(
    document: Mapping[str, Any], ours: list[Any], new: list[Any], upstream: Mapping[str, Any]
) -> list[Any]:
    out = list(ours)
    index = {}
    for position, parameter in enumerate(ours):
        resolved = _deref_parameter(document, parameter)
        if isinstance(resolved, dict):
            index[(resolved.get("in"), resolved.get("name"))] = position
    for parameter in new:
        resolved = _deref_parameter(upstream, parameter)
        if not isinstance(resolved, dict):
            continue
        key = (resolved.get("in"), resolved.get("name"))
        if key not in index:
            out.append(copy.deepcopy(resolved))
            continue
        mine = _deref_parameter(document, ours[index[key]])
        merged = dict(mine)
        for name in ("required", "style", "explode", "allowReserved"):
            if name in resolved and resolved[name] != mine.get(name):
                merged[name] = resolved[name]
        if "schema" in resolved:
            merged["schema"] = merge_schema(mine.get("schema"), resolved["schema"])
        if merged != mine:
            out[index[key]] = merged
    return out


def _merge_content(ours: dict[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    content = dict(ours.get("content") or {})
    for media, body in (new.get("content") or {}).items():
        if media not in content:
            content[media] = copy.deepcopy(body)
        elif isinstance(body, dict) and "schema" in body:
            merged_body = dict(content[media])
            merged_body["schema"] = merge_schema(merged_body.get("schema"), body["schema"])
            content[media] = merged_body
    out = dict(ours)
    if content:
        out["content"] = content
    return out


def _merge_operation(
    document: Mapping[str, Any], ours: dict[str, Any], new: Mapping[str, Any], upstream: Mapping[str, Any]
) -> dict[str, Any]:
    out = dict(ours)
    if new.get("parameters"):
        parameters = _merge_parameters(
            document, list(ours.get("parameters") or []), list(new["parameters"]), upstream
        )
        if parameters != list(ours.get("parameters") or []):
            out["parameters"] = parameters
    if "requestBody" in new:
        if "requestBody" not in ours:
            out["requestBody"] = copy.deepcopy(new["requestBody"])
        elif "$ref" not in ours["requestBody"]:
            body = _merge_content(ours["requestBody"], new["requestBody"])
            if "required" in new["requestBody"]:
                body["required"] = new["requestBody"]["required"]
            out["requestBody"] = body
    responses = dict(ours.get("responses") or {})
    for status, response in (new.get("responses") or {}).items():
        if status not in responses:
            responses[status] = copy.deepcopy(response)
        elif status not in ERROR_RESPONSES and "$ref" not in responses[status] and isinstance(response, dict):
            responses[status] = _merge_content(responses[status], response)
    out["responses"] = responses
    return out


_IDEMPOTENT_METHODS: Final = frozenset({"get", "head", "options", "put", "delete"})
_SAFE_METHODS: Final = frozenset({"get", "head", "options"})


def merge(ours: Mapping[str, Any], prepared: Prepared) -> MergeResult:
    """Return ours with upstream's semantic changes (see the module docstring).

    Args:
        ours: our document (``openapi.yaml``, parsed; not modified).
        prepared: OLD = ours and NEW, normalized and aligned (:func:`_upgrade.semantic.prepare`).

    """
    document = copy.deepcopy(dict(ours))
    upstream = prepared.new
    result = MergeResult(document)
    paths = document.setdefault("paths", {})
    our_ops = {operation_shape(m, p): (m, p) for m, p, _ in operations(document)}
    for method, path, operation in operations(upstream):
        shape = operation_shape(method, path)
        if shape not in our_ops:
            added = copy.deepcopy(operation)
            # The generator needs both policy facts for every operation; a new one gets them from its
            # method (HTTP's own rule: GET/HEAD/PUT/DELETE may be repeated, only GET/HEAD change
            # nothing), and the report lists it for review since a POST may well be safe.
            added.setdefault("x-qarnot-idempotent", method.lower() in _IDEMPOTENT_METHODS)
            added.setdefault("x-qarnot-changes-state", method.lower() not in _SAFE_METHODS)
            paths.setdefault(path, {})[method] = added
            result.added_operations.append(f"{method.upper()} {path} ({operation.get('operationId')})")
            continue
        our_method, our_path = our_ops[shape]
        item = paths[our_path]
        item[our_method] = _merge_operation(document, item[our_method], operation, upstream)
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    upstream_schemas = _schemas(upstream)
    for name in list(schemas):
        if name in upstream_schemas:
            schemas[name] = merge_schema(schemas[name], upstream_schemas[name])
    responses = components.get("responses") or {}
    for name, response in ((upstream.get("components") or {}).get("responses") or {}).items():
        if name not in responses:
            components.setdefault("responses", {})[name] = copy.deepcopy(response)
    # Bring in the components the merged document now reaches and does not define.
    missing = sorted(_refs(document) - set(schemas))
    while missing:
        name = missing.pop()
        if name in schemas or name not in upstream_schemas:
            continue
        schemas[name] = copy.deepcopy(upstream_schemas[name])
        result.added_components.append(name)
        missing.extend(sorted(_refs(schemas[name]) - set(schemas)))
    result.added_components.sort()
    result.changed = document != ours
    return result


def kept_removals(findings: list[Finding]) -> list[Finding]:
    """The findings about things upstream removed that the merge kept: to review by hand."""
    return [f for f in findings if f.kind in REMOVAL_KINDS]
