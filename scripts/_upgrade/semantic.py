"""The dialect-blind part of the spec diff: normalize both sides and align NEW to OLD.

:func:`prepare` turns two revisions (either dialect) into a pair the classifier
(:func:`_upgrade.classify.diff_documents`) compares fairly:

1. both are normalized (:func:`_upgrade.normalize.normalize`);
2. operations are matched by method and path shape (``/tasks/{}``);
3. component schemas are matched **by structure as reached from the matched operations**: the
   walk goes through parameters, request and response bodies, properties, items, union
   members (discriminated ones by tag) and records which NEW component sits where each OLD one
   does. NEW's components are then renamed to OLD's names, so a component that only changed
   its name produces no finding, and one that moved is compared with what it replaced;
4. when NEW comes from the vendor (:func:`_upgrade.normalize.is_vendor_dialect`), house material
   is taken from OLD: the operationIds and tags of matched operations (the vendor has none of
   ours), the standard error responses (the vendor documents ``ProblemDetails`` only), the
   ``x-undocumented`` operations it does not have (reported as "house-only, kept"), and the
   component schemas it has no counterpart for. Whether a schema is used is decided by the
   operations, not by the presence of a component of some name.
"""

from __future__ import annotations

import copy
import re
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from _upgrade.normalize import ERROR_RESPONSES, PREFIX, is_vendor_dialect, normalize, operations

__all__ = ["Prepared", "align_components", "operation_shape", "prepare", "rename_components"]

_PARAMETER = re.compile(r"\{[^}]*\}")


@dataclass
class Prepared:
    """Two revisions ready for the classifier.

    Attributes:
        old: OLD, normalized.
        new: NEW, normalized, its components renamed to OLD's, house material adopted.
        renames: ``{NEW's component name: OLD's}`` for components found by structure.
        house_only: the house operations NEW does not have, kept (``METHOD /path``).
        vendor: whether NEW was in the vendor dialect.
        added_components: NEW's components OLD has no counterpart for (after renaming).

    """

    old: dict[str, Any]
    new: dict[str, Any]
    renames: dict[str, str] = field(default_factory=dict)
    house_only: list[str] = field(default_factory=list)
    vendor: bool = False
    added_components: list[str] = field(default_factory=list)


def operation_shape(method: str, path: str) -> tuple[str, str]:
    """``(method, path with every parameter written {})``: how operations are matched."""
    return method.lower(), _PARAMETER.sub("{}", path)


def _schemas(document: Mapping[str, Any]) -> dict[str, Any]:
    return dict((document.get("components") or {}).get("schemas") or {})


def _deref_response(document: Mapping[str, Any], node: Any) -> Any:
    ref = node.get("$ref") if isinstance(node, dict) else None
    if isinstance(ref, str) and ref.startswith("#/components/responses/"):
        return ((document.get("components") or {}).get("responses") or {}).get(ref.rsplit("/", 1)[1], {})
    return node


def _deref_parameter(document: Mapping[str, Any], node: Any) -> Any:
    ref = node.get("$ref") if isinstance(node, dict) else None
    if isinstance(ref, str) and ref.startswith("#/components/parameters/"):
        return ((document.get("components") or {}).get("parameters") or {}).get(ref.rsplit("/", 1)[1], {})
    return node


def _name(node: Any) -> str | None:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith(PREFIX):
        return str(node["$ref"][len(PREFIX) :])
    return None


class _Aligner:
    """Walks OLD and NEW side by side and pairs the components found at the same places."""

    def __init__(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        self.old_schemas, self.new_schemas = _schemas(old), _schemas(new)
        self.mapping: dict[str, str] = {}
        self.taken: set[str] = set()
        self.queue: deque[tuple[str, str]] = deque()

    def pair(self, old: Any, new: Any) -> None:
        old_name, new_name = _name(old), _name(new)
        if old_name is not None and new_name is not None:
            if new_name in self.mapping or old_name in self.taken:
                return
            if old_name not in self.old_schemas or new_name not in self.new_schemas:
                return
            self.mapping[new_name] = old_name
            self.taken.add(old_name)
            self.queue.append((old_name, new_name))
            return
        if not (isinstance(old, dict) and isinstance(new, dict)):
            return
        for key in ("items", "additionalProperties", "not"):
            if isinstance(old.get(key), dict) and isinstance(new.get(key), dict):
                self.pair(old[key], new[key])
        old_props, new_props = old.get("properties") or {}, new.get("properties") or {}
        for key in old_props:
            if key in new_props:
                self.pair(old_props[key], new_props[key])
        for union in ("oneOf", "anyOf", "allOf"):
            self._members(old, new, union)

    def _members(self, old: Mapping[str, Any], new: Mapping[str, Any], union: str) -> None:
        old_members, new_members = old.get(union), new.get(union)
        if not (isinstance(old_members, list) and isinstance(new_members, list)):
            return
        old_map = (old.get("discriminator") or {}).get("mapping") or {}
        new_map = (new.get("discriminator") or {}).get("mapping") or {}
        for tag in old_map:
            if tag in new_map:
                self.pair({"$ref": old_map[tag]}, {"$ref": new_map[tag]})
        if len(old_members) == len(new_members):
            for before, after in zip(old_members, new_members, strict=True):
                self.pair(before, after)

    def run(self) -> None:
        while self.queue:
            old_name, new_name = self.queue.popleft()
            self.pair(self.old_schemas[old_name], self.new_schemas[new_name])


def _operation_pairs(
    old: Mapping[str, Any], new: Mapping[str, Any]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    old_ops = {operation_shape(m, p): op for m, p, op in operations(old)}
    new_ops = {operation_shape(m, p): op for m, p, op in operations(new)}
    return [(old_ops[s], new_ops[s]) for s in sorted(old_ops.keys() & new_ops.keys())]


def align_components(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, str]:
    """Return ``{NEW component: OLD component}`` for the components at the same places.

    Places are reached from the operations both revisions have: parameters by location and
    name, request bodies and responses (per status) by media type, then properties by name,
    array items, additional properties and union members (by discriminator tag, else by
    position when both unions have as many members). The first pairing of a component wins;
    the walk is breadth-first over sorted operations, so the result is deterministic.
    Components no operation reaches on both sides are paired by name when OLD's is still free.
    """
    aligner = _Aligner(old, new)
    for old_op, new_op in _operation_pairs(old, new):
        old_params = {
            (p.get("in"), p.get("name")): p
            for p in (_deref_parameter(old, q) for q in old_op.get("parameters") or [])
            if isinstance(p, dict)
        }
        for q in new_op.get("parameters") or []:
            p = _deref_parameter(new, q)
            if isinstance(p, dict) and (p.get("in"), p.get("name")) in old_params:
                aligner.pair(old_params[(p.get("in"), p.get("name"))].get("schema"), p.get("schema"))
        bodies = [(old_op.get("requestBody") or {}, new_op.get("requestBody") or {})]
        old_responses, new_responses = old_op.get("responses") or {}, new_op.get("responses") or {}
        bodies += [
            (_deref_response(old, old_responses[s]), _deref_response(new, new_responses[s]))
            for s in sorted(old_responses.keys() & new_responses.keys())
        ]
        for before, after in bodies:
            old_content, new_content = before.get("content") or {}, after.get("content") or {}
            for media in sorted(old_content.keys() & new_content.keys()):
                aligner.pair(
                    (old_content[media] or {}).get("schema"), (new_content[media] or {}).get("schema")
                )
        aligner.run()
    for name in sorted(aligner.new_schemas):
        if name not in aligner.mapping and name in aligner.old_schemas and name not in aligner.taken:
            aligner.pair({"$ref": PREFIX + name}, {"$ref": PREFIX + name})
            aligner.run()
    return dict(aligner.mapping)


def rename_components(document: dict[str, Any], renames: Mapping[str, str]) -> dict[str, Any]:
    """Rename component schemas (and every reference to them) in place; return the document."""
    if not renames:
        return document
    components = document.setdefault("components", {})
    components["schemas"] = {renames.get(k, k): v for k, v in (components.get("schemas") or {}).items()}
    stack: list[Any] = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            name = _name(node)
            if name is not None and name in renames:
                node["$ref"] = PREFIX + renames[name]
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
            mapping = node.get("mapping")
            if isinstance(mapping, dict):
                for key, ref in mapping.items():
                    target = _name({"$ref": ref})
                    if target is not None and target in renames:
                        mapping[key] = PREFIX + renames[target]
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, dict | list))
    return document


def _free_names(new_names: Iterable[str], mapping: Mapping[str, str], old_names: set[str]) -> dict[str, str]:
    """Renames for NEW components that keep their name but collide with an unrelated OLD one."""
    taken = set(old_names) | set(new_names)
    renames = dict(mapping)
    for name in sorted(new_names):
        if name in mapping or name not in old_names:
            continue
        candidate, n = f"{name}Upstream", 2
        while candidate in taken:
            candidate, n = f"{name}Upstream{n}", n + 1
        taken.add(candidate)
        renames[name] = candidate
    return renames


def prepare(
    old_document: Mapping[str, Any],
    new_document: Mapping[str, Any],
    *,
    operation_ids: Mapping[tuple[str, str], str] | None = None,
) -> Prepared:
    """Normalize and align two revisions (see the module docstring)."""
    vendor = is_vendor_dialect(new_document)
    old = normalize(old_document, operation_ids=operation_ids)
    new = normalize(new_document, operation_ids=operation_ids)
    mapping = align_components(old, new)
    old_names = set(_schemas(old))
    renames = _free_names(_schemas(new), mapping, old_names)
    rename_components(new, renames)
    prepared = Prepared(old, new, {k: v for k, v in mapping.items() if k != v}, vendor=vendor)
    if not vendor:
        return prepared
    _adopt_house_material(prepared, mapping)
    return prepared


def _adopt_house_material(prepared: Prepared, mapping: Mapping[str, str]) -> None:
    old, new = prepared.old, prepared.new
    old_ops = {operation_shape(m, p): (m, p, op) for m, p, op in operations(old)}
    new_ops = {operation_shape(m, p): (m, p, op) for m, p, op in operations(new)}
    for shape, (_, _, op) in new_ops.items():
        if shape in old_ops:
            old_op = old_ops[shape][2]
            for key in ("operationId", "tags"):
                if key in old_op:
                    op[key] = copy.deepcopy(old_op[key])
                else:
                    op.pop(key, None)
    paths = new.setdefault("paths", {})
    for shape in sorted(old_ops.keys() - new_ops.keys()):
        method, path, op = old_ops[shape]
        if op.get("x-undocumented"):
            paths.setdefault(path, {})[method] = copy.deepcopy(op)
            prepared.house_only.append(f"{method.upper()} {path}")
    components = new.setdefault("components", {})
    old_components = old.get("components") or {}
    responses = dict(components.get("responses") or {})
    for name, response in (old_components.get("responses") or {}).items():
        if name in responses or name in ERROR_RESPONSES.values():
            responses[name] = copy.deepcopy(response)
    if responses:
        components["responses"] = responses
    for key in ("parameters", "links", "securitySchemes"):
        merged = dict(old_components.get(key) or {})
        merged.update(components.get(key) or {})
        if merged:
            components[key] = merged
    schemas = components.setdefault("schemas", {})
    matched = set(mapping.values())
    prepared.added_components = sorted(set(schemas) - set(_schemas(old)))
    for name, schema in _schemas(old).items():
        if name not in schemas and name not in matched:
            schemas[name] = copy.deepcopy(schema)
