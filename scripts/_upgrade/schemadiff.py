"""Compare two JSON Schemas (the OpenAPI 3.1 dialect, 3.0 ``nullable`` also understood).

The comparison yields atomic :class:`Change` s whose ``kind`` is a key of
:data:`_upgrade.rules.RULES`; it does not classify them, because that depends on where the
schema travels (see :mod:`_upgrade.rules`).

Conventions of our spec that the comparison understands:

- nullability is ``type: [T, "null"]`` or ``oneOf: [{$ref}, {type: "null"}]`` (also ``anyOf``,
  ``enum`` with ``null``, and 3.0 ``nullable: true``): all are read as "T, nullable", so moving
  from one form to another is not a change;
- a discriminated union is a ``oneOf`` of ``$ref`` variants with ``const`` tags; variants are
  matched by component name, inline ones by their tag;
- ``allOf`` with the same members on both sides compares only the schema's own keywords (the
  members are compared as components); otherwise both sides are flattened.

``$ref`` handling: a reference to the same component on both sides stops the walk, because every
component is compared once, by name, and classified by all the places that use it. A reference
that changes target is reported (``schema-ref-changed``) and the two targets are compared
structurally; a set of visited pairs guards against recursive schemas.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Access", "Change", "SchemaComparer", "component_name", "render_path"]

Access = Literal["read", "write"] | None

_COMPONENT_PREFIX = "#/components/schemas/"

# Keywords that make no difference to which documents are valid: ignored when deciding whether
# a ``oneOf: [X, null]`` is a plain nullable wrapper.
_ANNOTATIONS = frozenset(
    {"description", "title", "example", "examples", "deprecated", "default", "externalDocs", "$comment"}
)

# Formats that change the Python type openapi-python-client generates (others stay str/int/float).
_FORMAT_PYTHON_TYPES = {"date-time": "datetime", "date": "date", "uuid": "UUID", "binary": "File"}

# (keyword, direction): "min" means a larger value is tighter, "max" a smaller one.
_BOUNDS = (
    ("minimum", "min"),
    ("exclusiveMinimum", "min"),
    ("minLength", "min"),
    ("minItems", "min"),
    ("minProperties", "min"),
    ("maximum", "max"),
    ("exclusiveMaximum", "max"),
    ("maxLength", "max"),
    ("maxItems", "max"),
    ("maxProperties", "max"),
)


@dataclass(frozen=True)
class Change:
    """One atomic difference between two schemas.

    Attributes:
        kind: a key of :data:`_upgrade.rules.RULES`.
        path: where, from the root: the component name or an operation label, then property
            names, ``[]`` (array items), ``{}`` (additional properties) and ``<Variant>``.
        message: what changed, old and new values included.
        access: ``"read"`` when the change sits under a ``readOnly`` property (it only travels in
            responses), ``"write"`` under ``writeOnly`` (only in requests).

    """

    kind: str
    path: tuple[str, ...]
    message: str
    access: Access = None


def render_path(path: tuple[str, ...]) -> str:
    """Render a change path readably: ``TaskOutput.constraints[].value``, ``Pool.tags{}``."""
    text = path[0] if path else ""
    for part in path[1:]:
        if part in ("[]", "{}") or part.startswith("<"):
            text += part
        else:
            text += f".{part}"
    return text


def component_name(schema: Any) -> str | None:
    """Return ``X`` when ``schema`` is exactly a reference to ``#/components/schemas/X``."""
    if isinstance(schema, Mapping):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(_COMPONENT_PREFIX):
            return ref[len(_COMPONENT_PREFIX) :].replace("~1", "/").replace("~0", "~")
    return None


def _is_null_schema(schema: Any) -> bool:
    if not isinstance(schema, Mapping):
        return False
    if schema.get("type") == "null" or schema.get("type") == ["null"]:
        return True
    if "const" in schema and schema["const"] is None:
        return True
    return schema.get("enum") == [None]


def _split_null(schema: Any) -> tuple[bool, dict[str, Any]]:
    """Return ``(nullable, core)``: the schema with every spelling of "or null" taken out."""
    if not isinstance(schema, Mapping):
        # ``true`` / ``{}`` accept anything; ``false`` nothing: model both as "any".
        return False, {}
    core = dict(schema)
    nullable = bool(core.pop("nullable", False))
    kind = core.get("type")
    if isinstance(kind, list) and "null" in kind and len(kind) > 1:
        rest = [t for t in kind if t != "null"]
        core["type"] = rest[0] if len(rest) == 1 else rest
        nullable = True
    if isinstance(core.get("enum"), list) and None in core["enum"] and len(core["enum"]) > 1:
        core["enum"] = [v for v in core["enum"] if v is not None]
        nullable = True
    for keyword in ("oneOf", "anyOf"):
        variants = core.get(keyword)
        if isinstance(variants, list) and any(_is_null_schema(v) for v in variants):
            rest = [v for v in variants if not _is_null_schema(v)]
            nullable = True
            siblings = {k: v for k, v in core.items() if k != keyword and k not in _ANNOTATIONS}
            if len(rest) == 1 and not siblings:
                # ``oneOf: [{$ref: X}, {type: "null"}]`` is "X, nullable": compare X itself.
                inner_nullable, inner = _split_null(rest[0])
                return nullable or inner_nullable, inner
            core[keyword] = rest
    return nullable, core


def _types(core: Mapping[str, Any]) -> frozenset[str] | None:
    """Return the JSON types a schema admits, or ``None`` for any type."""
    kind = core.get("type")
    if isinstance(kind, str):
        return frozenset({kind})
    if isinstance(kind, list):
        return frozenset(t for t in kind if isinstance(t, str))
    if any(k in core for k in ("properties", "additionalProperties", "required")):
        return frozenset({"object"})
    if "items" in core:
        return frozenset({"array"})
    values = _values(core)
    if values is not None:
        return frozenset(_json_type(v) for v in values)
    return None


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if value is None:
        return "null"
    return "object"


def _covers(wide: frozenset[str] | None, narrow: frozenset[str] | None) -> bool:
    """Whether every value of type set ``narrow`` is admitted by ``wide`` (``None`` = any)."""
    if wide is None:
        return True
    if narrow is None:
        return False
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _values(core: Mapping[str, Any]) -> list[Any] | None:
    if "const" in core:
        return [core["const"]]
    enum = core.get("enum")
    return list(enum) if isinstance(enum, list) else None


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _show(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _type_text(types: frozenset[str] | None) -> str:
    return "any" if types is None else "|".join(sorted(types))


@dataclass
class SchemaComparer:
    """Compare schemas of two documents.

    Attributes:
        old_document: the OLD spec (its ``$ref`` s are resolved against it).
        new_document: the NEW spec.
        emit: called with every change found.

    """

    old_document: Mapping[str, Any]
    new_document: Mapping[str, Any]
    emit: Callable[[Change], None]
    _active: set[tuple[str, str]] = field(default_factory=set)

    def _component(self, document: Mapping[str, Any], name: str) -> Any:
        schemas = document.get("components", {}).get("schemas", {})
        return schemas.get(name, {})

    def _report(self, kind: str, path: tuple[str, ...], message: str, access: Access) -> None:
        self.emit(Change(kind, path, message, access))

    def compare(self, old: Any, new: Any, path: tuple[str, ...], access: Access = None) -> None:
        """Compare two schemas found at the same place.

        Args:
            old: the OLD schema (a mapping, possibly a ``$ref``).
            new: the NEW schema.
            path: where they sit (see :class:`Change`).
            access: inherited ``readOnly``/``writeOnly`` context.

        """
        old_nullable, old_core = _split_null(old)
        new_nullable, new_core = _split_null(new)
        if old_nullable != new_nullable:
            kind = "nullable-added" if new_nullable else "nullable-removed"
            self._report(kind, path, "null now allowed" if new_nullable else "null no longer allowed", access)
        old_ref, new_ref = component_name(old_core), component_name(new_core)
        if old_ref is not None and old_ref == new_ref:
            # The same component on both sides: compared once, by name, in its own right.
            return
        if old_ref == new_ref:
            self._compare_cores(old_core, new_core, path, access)
            return
        # A recursive schema meets the same pair of targets again below itself: the guard holds
        # the pairs being compared (the ancestors), so each is reported and walked once per branch.
        guard = (old_ref or "", new_ref or "")
        if guard in self._active:
            return
        self._report(
            "schema-ref-changed", path, f"schema {old_ref or 'inline'} -> {new_ref or 'inline'}", access
        )
        if old_ref is not None:
            old_core = self._resolved_core(self.old_document, old_ref)
        if new_ref is not None:
            new_core = self._resolved_core(self.new_document, new_ref)
        self._active.add(guard)
        try:
            self._compare_cores(old_core, new_core, path, access)
        finally:
            self._active.discard(guard)

    def compare_component(self, name: str) -> None:
        """Compare the component schema ``name``, present in both documents."""
        self.compare(
            self._component(self.old_document, name), self._component(self.new_document, name), (name,), None
        )

    def _resolved_core(self, document: Mapping[str, Any], name: str) -> dict[str, Any]:
        # Follow chains of aliases (``A: {$ref: B}``) to the first real schema, with a guard.
        seen: set[str] = set()
        schema = self._component(document, name)
        while (inner := component_name(schema)) is not None and inner not in seen:
            seen.add(inner)
            schema = self._component(document, inner)
        return _split_null(schema)[1]

    def _flatten(
        self, document: Mapping[str, Any], core: dict[str, Any], seen: frozenset[str]
    ) -> dict[str, Any]:
        """Merge ``allOf`` members into one schema (properties and required united)."""
        members = core.get("allOf")
        if not isinstance(members, list):
            return core
        merged: dict[str, Any] = {k: v for k, v in core.items() if k != "allOf"}
        properties: dict[str, Any] = dict(merged.get("properties", {}))
        required: list[str] = list(merged.get("required", []))
        for member in members:
            name = component_name(member)
            if name is not None:
                if name in seen:
                    continue
                part = self._flatten(document, self._resolved_core(document, name), seen | {name})
            else:
                part = self._flatten(document, _split_null(member)[1], seen)
            properties.update(part.get("properties", {}))
            required += [r for r in part.get("required", []) if r not in required]
            for keyword, value in part.items():
                if keyword not in ("properties", "required"):
                    merged.setdefault(keyword, value)
        if properties:
            merged["properties"] = properties
        if required:
            merged["required"] = required
        return merged

    def _compare_cores(
        self, old: dict[str, Any], new: dict[str, Any], path: tuple[str, ...], access: Access
    ) -> None:
        old_all, new_all = old.get("allOf"), new.get("allOf")
        if isinstance(old_all, list) or isinstance(new_all, list):
            same_members = (
                isinstance(old_all, list)
                and isinstance(new_all, list)
                and [component_name(m) for m in old_all] == [component_name(m) for m in new_all]
                and all(component_name(m) is not None for m in old_all)
            )
            if same_members:
                # Same named members: they are compared as components; compare the rest only.
                old = {k: v for k, v in old.items() if k != "allOf"}
                new = {k: v for k, v in new.items() if k != "allOf"}
            else:
                old = self._flatten(self.old_document, old, frozenset())
                new = self._flatten(self.new_document, new, frozenset())

        old_types, new_types = _types(old), _types(new)
        if old_types != new_types:
            shown = f"type {_type_text(old_types)} -> {_type_text(new_types)}"
            if _covers(new_types, old_types):
                self._report("type-widened", path, shown, access)
            elif _covers(old_types, new_types):
                self._report("type-narrowed", path, shown, access)
            else:
                self._report("type-changed", path, shown, access)
                if old_types is not None and new_types is not None and not (old_types & new_types):
                    # Disjoint types: nothing below (properties, items, enums) is comparable.
                    return

        self._compare_values(old, new, path, access)
        self._compare_format(old, new, path, access, new_types or old_types)
        self._compare_bounds(old, new, path, access)
        if old.get("default") != new.get("default") and ("default" in old or "default" in new):
            shown = f"default {_show(old.get('default'))} -> {_show(new.get('default'))}"
            self._report("default-changed", path, shown, access)
        self._compare_object(old, new, path, access)
        if "items" in old or "items" in new:
            self.compare(old.get("items", {}), new.get("items", {}), (*path, "[]"), access)
        self._compare_unions(old, new, path, access)

    def _compare_values(
        self, old: Mapping[str, Any], new: Mapping[str, Any], path: tuple[str, ...], access: Access
    ) -> None:
        old_values, new_values = _values(old), _values(new)
        if old_values is None and new_values is None:
            return
        if old_values is None:
            self._report("enum-added", path, f"restricted to {_show(new_values)}", access)
            return
        if new_values is None:
            self._report("enum-removed", path, f"no longer restricted to {_show(old_values)}", access)
            return
        if "const" in old and "const" in new:
            if _key(old["const"]) != _key(new["const"]):
                self._report(
                    "const-changed", path, f"const {_show(old['const'])} -> {_show(new['const'])}", access
                )
            return
        old_keys = {_key(v): v for v in old_values}
        new_keys = {_key(v): v for v in new_values}
        for key in sorted(new_keys.keys() - old_keys.keys()):
            self._report("enum-value-added", path, f"enum value {_show(new_keys[key])} added", access)
        for key in sorted(old_keys.keys() - new_keys.keys()):
            self._report("enum-value-removed", path, f"enum value {_show(old_keys[key])} removed", access)

    def _compare_format(
        self,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        path: tuple[str, ...],
        access: Access,
        types: frozenset[str] | None,
    ) -> None:
        old_format, new_format = old.get("format"), new.get("format")
        if old_format == new_format:
            return
        shown = f"format {old_format or 'none'} -> {new_format or 'none'}"
        if old_format is None:
            self._report("format-added", path, shown, access)
        elif new_format is None:
            self._report("format-removed", path, shown, access)
        else:
            self._report("format-changed", path, shown, access)
        if types is None or "string" in types:
            old_py = _FORMAT_PYTHON_TYPES.get(str(old_format), "str")
            new_py = _FORMAT_PYTHON_TYPES.get(str(new_format), "str")
            if old_py != new_py:
                self._report("generated-type-changed", path, f"generated type {old_py} -> {new_py}", access)

    def _compare_bounds(
        self, old: Mapping[str, Any], new: Mapping[str, Any], path: tuple[str, ...], access: Access
    ) -> None:
        for keyword, direction in _BOUNDS:
            before, after = old.get(keyword), new.get(keyword)
            if before == after or isinstance(before, bool) or isinstance(after, bool):
                continue
            shown = f"{keyword} {_show(before)} -> {_show(after)}"
            if before is None:
                tighter = True
            elif after is None:
                tighter = False
            elif not isinstance(before, int | float) or not isinstance(after, int | float):
                self._report("constraint-changed", path, shown, access)
                continue
            else:
                tighter = after > before if direction == "min" else after < before
            self._report("constraint-tightened" if tighter else "constraint-loosened", path, shown, access)
        for keyword in ("pattern", "multipleOf"):
            before, after = old.get(keyword), new.get(keyword)
            if before == after:
                continue
            shown = f"{keyword} {_show(before)} -> {_show(after)}"
            if before is None:
                self._report("constraint-tightened", path, shown, access)
            elif after is None:
                self._report("constraint-loosened", path, shown, access)
            else:
                self._report("constraint-changed", path, shown, access)
        before_not, after_not = old.get("not"), new.get("not")
        if before_not != after_not:
            # ``not`` is compared as a whole: adding one excludes values, removing one admits them.
            shown = f"not {_show(before_not)} -> {_show(after_not)}"
            kind = (
                "constraint-tightened"
                if before_not is None
                else "constraint-loosened"
                if after_not is None
                else "constraint-changed"
            )
            self._report(kind, path, shown, access)
        if bool(old.get("uniqueItems")) != bool(new.get("uniqueItems")):
            kind = "constraint-tightened" if new.get("uniqueItems") else "constraint-loosened"
            self._report(
                kind,
                path,
                f"uniqueItems {bool(old.get('uniqueItems'))} -> {bool(new.get('uniqueItems'))}",
                access,
            )

    def _compare_object(
        self, old: Mapping[str, Any], new: Mapping[str, Any], path: tuple[str, ...], access: Access
    ) -> None:
        old_props: Mapping[str, Any] = old.get("properties") or {}
        new_props: Mapping[str, Any] = new.get("properties") or {}
        old_required = set(old.get("required") or [])
        new_required = set(new.get("required") or [])
        for name in sorted(old_props.keys() | new_props.keys()):
            here = (*path, name)
            inner = _property_access(access, old_props.get(name), new_props.get(name))
            if name not in new_props:
                was = "required" if name in old_required else "optional"
                kind = "property-removed-required" if name in old_required else "property-removed"
                self._report(kind, here, f"property removed (was {was})", inner)
            elif name not in old_props:
                now = "required" if name in new_required else "optional"
                kind = "property-added-required" if name in new_required else "property-added"
                self._report(kind, here, f"property added ({now})", inner)
            else:
                if (name in old_required) != (name in new_required):
                    kind = "property-became-required" if name in new_required else "property-became-optional"
                    self._report(kind, here, kind.replace("property-", "").replace("-", " "), inner)
                self.compare(old_props[name], new_props[name], here, inner)
        self._compare_additional(old, new, path, access)

    def _compare_additional(
        self, old: Mapping[str, Any], new: Mapping[str, Any], path: tuple[str, ...], access: Access
    ) -> None:
        if "object" not in (_types(old) or frozenset()) | (_types(new) or frozenset()):
            return
        before = old.get("additionalProperties", True)
        after = new.get("additionalProperties", True)
        if before is False and after is not False:
            self._report(
                "additional-properties-opened", path, "additionalProperties: false -> allowed", access
            )
        elif before is not False and after is False:
            self._report(
                "additional-properties-closed", path, "additionalProperties: allowed -> false", access
            )
        elif isinstance(before, Mapping) or isinstance(after, Mapping):
            self.compare(
                before if isinstance(before, Mapping) else {},
                after if isinstance(after, Mapping) else {},
                (*path, "{}"),
                access,
            )

    def _compare_unions(
        self, old: Mapping[str, Any], new: Mapping[str, Any], path: tuple[str, ...], access: Access
    ) -> None:
        old_variants = old.get("oneOf", old.get("anyOf"))
        new_variants = new.get("oneOf", new.get("anyOf"))
        if not isinstance(old_variants, list) and not isinstance(new_variants, list):
            return
        old_by_key = _variants(old, old_variants if isinstance(old_variants, list) else [])
        new_by_key = _variants(new, new_variants if isinstance(new_variants, list) else [])
        for key in sorted(new_by_key.keys() - old_by_key.keys()):
            self._report("variant-added", path, f"variant {key} added", access)
        for key in sorted(old_by_key.keys() - new_by_key.keys()):
            self._report("variant-removed", path, f"variant {key} removed", access)
        for key in sorted(old_by_key.keys() & new_by_key.keys()):
            self.compare(old_by_key[key], new_by_key[key], (*path, f"<{key}>"), access)
        old_disc, new_disc = old.get("discriminator") or {}, new.get("discriminator") or {}
        if old_disc and new_disc:
            if old_disc.get("propertyName") != new_disc.get("propertyName"):
                shown = f"discriminator {old_disc.get('propertyName')} -> {new_disc.get('propertyName')}"
                self._report("discriminator-changed", path, shown, access)
            old_map, new_map = old_disc.get("mapping") or {}, new_disc.get("mapping") or {}
            for tag in sorted(old_map.keys() & new_map.keys()):
                if component_name({"$ref": old_map[tag]}) != component_name({"$ref": new_map[tag]}):
                    shown = f"tag {tag!r}: {old_map[tag]} -> {new_map[tag]}"
                    self._report("discriminator-changed", path, shown, access)


def _variants(schema: Mapping[str, Any], variants: list[Any]) -> dict[str, Any]:
    """Key union variants: by component name, else by discriminator tag, else by position."""
    tag_property = (schema.get("discriminator") or {}).get("propertyName")
    keyed: dict[str, Any] = {}
    for index, variant in enumerate(variants):
        key = component_name(variant)
        if key is None and tag_property and isinstance(variant, Mapping):
            tag_schema = (variant.get("properties") or {}).get(tag_property) or {}
            values = _values(tag_schema) if isinstance(tag_schema, Mapping) else None
            key = f"{tag_property}={values[0]}" if values and len(values) == 1 else None
        keyed[key or f"#{index}"] = variant
    return keyed


def _property_access(inherited: Access, old: Any, new: Any) -> Access:
    if inherited is not None:
        return inherited
    flags = [s for s in (old, new) if isinstance(s, Mapping)]
    if flags and all(s.get("readOnly") for s in flags):
        return "read"
    if flags and all(s.get("writeOnly") for s in flags):
        return "write"
    return None
