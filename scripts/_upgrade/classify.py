"""The whole-document diff: operations, parameters, bodies, statuses, security and components.

:func:`diff_documents` compares two revisions and returns classified :class:`Finding` s:

- operations are matched by method and path *shape* (``/tasks/{}``), so a renamed path
  parameter is a rename, not a removal plus an addition;
- inline schemas of an operation are classified by their position there (request or response);
- every component schema is compared once, by name, and each change is classified by all the
  positions the component reaches (through ``$ref`` s, transitively, with a cycle guard), so a
  schema used in both requests and responses gets both classifications. ``readOnly`` properties
  only count in responses and ``writeOnly`` ones only in requests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from _upgrade.rules import RULES, Effect, Position
from _upgrade.schemadiff import Change, SchemaComparer, component_name, render_path

__all__ = ["Finding", "OperationInfo", "component_usage", "diff_documents"]

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PATH_PARAMETER = re.compile(r"\{([^}]*)\}")
_EFFECT_ORDER = {Effect.CLIENT: 0, Effect.SERVER: 1, Effect.COMPATIBLE: 2}


@dataclass(frozen=True)
class OperationInfo:
    """The operation a finding belongs to, as both revisions name it.

    Attributes:
        method: ``GET``, ``POST``...
        path: the path in NEW (in OLD when the operation was removed).
        operation_id: the ``operationId`` in NEW (OLD when removed).
        tag: the first tag in NEW (OLD when removed); the generator files the operation under it.
        old_operation_id: the ``operationId`` in OLD, when it exists there.
        old_tag: the first tag in OLD, when the operation exists there.

    """

    method: str
    path: str
    operation_id: str | None
    tag: str
    old_operation_id: str | None = None
    old_tag: str | None = None

    @property
    def label(self) -> str:
        """``METHOD /path``."""
        return f"{self.method} {self.path}"


@dataclass(frozen=True)
class Finding:
    """One classified difference between two revisions.

    Attributes:
        kind: a key of :data:`_upgrade.rules.RULES`.
        location: where, readably: ``TaskOutput.maxRetriesPerInstance``, ``POST /tasks 200``.
        message: what changed.
        effects: the classification (``compatible`` alone, or clients and/or servers).
        positions: the positions that decided it (empty for operation-level kinds).
        used_in: for a component change, the operations and statuses it reaches.
        schema: the component schema changed, if any.
        property_path: JSON names from the schema (or operation root) down to the change.
        operation: the operation changed, for operation-level and inline changes.
        parameter: the parameter concerned (its OLD name), for parameter kinds.
        note: anything that qualifies the classification.
        by_position: the classification each position alone gives (schema-level kinds only).
        referrers: for a component change, the names of the properties that refer to the component
            (tools that inline schemas report the change there).
        containers: for a component change, the components that contain it, transitively (code
            handling those may handle this one).

    """

    kind: str
    location: str
    message: str
    effects: frozenset[Effect]
    positions: frozenset[Position] = frozenset()
    used_in: tuple[str, ...] = ()
    schema: str | None = None
    property_path: tuple[str, ...] = ()
    operation: OperationInfo | None = None
    parameter: str | None = None
    note: str = ""
    by_position: tuple[tuple[Position, frozenset[Effect]], ...] = ()
    referrers: tuple[str, ...] = ()
    containers: tuple[str, ...] = ()

    def effects_at(self, position: Position) -> frozenset[Effect]:
        """Return the classification in one position (the overall one for operation-level kinds)."""
        for where, effects in self.by_position:
            if where is position:
                return effects
        return self.effects

    @property
    def breaking(self) -> bool:
        """Whether the change breaks clients or servers."""
        return Effect.COMPATIBLE not in self.effects

    def sort_key(self) -> tuple[int, str, str]:
        """Most severe first, then by location."""
        return (min(_EFFECT_ORDER[e] for e in self.effects), self.location, self.message)

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        operation = None
        if self.operation is not None:
            operation = {
                "method": self.operation.method,
                "path": self.operation.path,
                "operationId": self.operation.operation_id,
                "tag": self.operation.tag,
                "oldOperationId": self.operation.old_operation_id,
                "oldTag": self.operation.old_tag,
            }
        return {
            "kind": self.kind,
            "title": RULES[self.kind].title,
            "location": self.location,
            "message": self.message,
            "classification": sorted((e.value for e in self.effects), key=lambda v: _EFFECT_ORDER[Effect(v)]),
            "positions": sorted(p.value for p in self.positions),
            "usedIn": list(self.used_in),
            "schema": self.schema,
            "propertyPath": list(self.property_path),
            "operation": operation,
            "parameter": self.parameter,
            "note": self.note,
        }


def _effects(kind: str, positions: Iterable[Position], *, closed_enums: bool) -> frozenset[Effect]:
    rule = RULES[kind]
    effects: set[Effect] = set()
    for position in positions:
        if position is Position.REQUEST:
            effects |= rule.request
        elif closed_enums and rule.closed_enums_response is not None:
            effects |= rule.closed_enums_response
        else:
            effects |= rule.response
    if not effects:
        return frozenset({Effect.COMPATIBLE})
    if Effect.CLIENT in effects or Effect.SERVER in effects:
        effects.discard(Effect.COMPATIBLE)
    return frozenset(effects)


def _by_position(
    kind: str, positions: Iterable[Position], *, closed_enums: bool
) -> tuple[tuple[Position, frozenset[Effect]], ...]:
    return tuple((p, _effects(kind, [p], closed_enums=closed_enums)) for p in sorted(positions))


def _deref(document: Mapping[str, Any], node: Any) -> Any:
    """Follow ``$ref`` s of parameters, bodies, responses and headers (with a guard)."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
        seen.add(node["$ref"])
        target: Any = document
        for raw in node["$ref"][2:].split("/"):
            part = raw.replace("~1", "/").replace("~0", "~")
            target = target.get(part) if isinstance(target, Mapping) else None
        node = target
    return node if isinstance(node, Mapping) else {}


@dataclass
class _Operation:
    method: str
    path: str
    data: Mapping[str, Any]
    path_item: Mapping[str, Any]

    @property
    def shape(self) -> tuple[str, str]:
        return self.method, _PATH_PARAMETER.sub("{}", self.path)

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def tag(self) -> str:
        tags = self.data.get("tags") or []
        # openapi-python-client files untagged operations under ``default``.
        return str(tags[0]) if tags else "default"

    @property
    def operation_id(self) -> str | None:
        value = self.data.get("operationId")
        return str(value) if value is not None else None


def _operations(document: Mapping[str, Any]) -> dict[tuple[str, str], _Operation]:
    found: dict[tuple[str, str], _Operation] = {}
    for path, item in (document.get("paths") or {}).items():
        item = _deref(document, item)
        for method in _METHODS:
            data = item.get(method)
            if isinstance(data, Mapping):
                operation = _Operation(method.upper(), str(path), data, item)
                found.setdefault(operation.shape, operation)
    return found


def _parameters(
    document: Mapping[str, Any], operation: _Operation
) -> dict[tuple[str, str], Mapping[str, Any]]:
    """Parameters by ``(in, key)``; path parameters keyed by position, headers case-insensitively."""
    merged: dict[tuple[str, str], Mapping[str, Any]] = {}
    for source in (operation.path_item.get("parameters") or [], operation.data.get("parameters") or []):
        for raw in source:
            parameter = _deref(document, raw)
            where, name = str(parameter.get("in", "")), str(parameter.get("name", ""))
            merged[(where, name.lower() if where == "header" else name)] = parameter
    order = _PATH_PARAMETER.findall(operation.path)
    keyed: dict[tuple[str, str], Mapping[str, Any]] = {}
    for (where, name), parameter in merged.items():
        if where == "path" and name in order:
            keyed[("path", f"#{order.index(name)}")] = parameter
        else:
            keyed[(where, name)] = parameter
    return keyed


def _parameter_schema(parameter: Mapping[str, Any]) -> Any:
    if "schema" in parameter:
        return parameter["schema"]
    for media in (parameter.get("content") or {}).values():
        return (media or {}).get("schema", {})
    return {}


def _security(document: Mapping[str, Any], operation: _Operation) -> list[frozenset[str]]:
    requirements = operation.data["security"] if "security" in operation.data else document.get("security")
    alternatives = [frozenset(r.keys()) for r in requirements or [] if isinstance(r, Mapping)]
    return alternatives or [frozenset()]


def _accepted(alternative: frozenset[str], others: list[frozenset[str]]) -> bool:
    """Whether a caller holding the credentials of ``alternative`` satisfies some of ``others``."""
    return any(other <= alternative for other in others)


def _is_success(status: str) -> bool:
    return status.startswith("2")


def _walk_refs(node: Any, position: Position) -> set[str]:
    """Components referenced directly by a schema (not through other components)."""
    found: set[str] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, list):
            stack.extend(current)
            continue
        if not isinstance(current, Mapping):
            continue
        name = component_name(current)
        if name is not None:
            found.add(name)
        for key, value in current.items():
            if key == "properties" and isinstance(value, Mapping):
                for prop in value.values():
                    if isinstance(prop, Mapping):
                        # readOnly properties never travel in requests, writeOnly ones never in responses.
                        if position is Position.REQUEST and prop.get("readOnly"):
                            continue
                        if position is Position.RESPONSE and prop.get("writeOnly"):
                            continue
                    stack.append(prop)
            elif isinstance(value, Mapping | list):
                stack.append(value)
    return found


def _operation_roots(
    document: Mapping[str, Any], operation: _Operation
) -> Iterator[tuple[Position, str, Any]]:
    """Yield ``(position, label, schema)`` for every schema an operation carries."""
    for parameter in _parameters(document, operation).values():
        yield Position.REQUEST, f"{operation.label} request", _parameter_schema(parameter)
    body = _deref(document, operation.data.get("requestBody"))
    for media in (body.get("content") or {}).values():
        yield Position.REQUEST, f"{operation.label} request", (media or {}).get("schema", {})
    for status, raw in (operation.data.get("responses") or {}).items():
        response = _deref(document, raw)
        for media in (response.get("content") or {}).values():
            yield Position.RESPONSE, f"{operation.label} {status}", (media or {}).get("schema", {})
        for header in (response.get("headers") or {}).values():
            yield Position.RESPONSE, f"{operation.label} {status}", _deref(document, header).get("schema", {})


def _property_referrers(document: Mapping[str, Any]) -> dict[str, set[str]]:
    """Map each component to the names of the properties whose schema refers to it directly.

    "Directly" means through ``oneOf``/``anyOf``/``allOf``/``items``/``additionalProperties`` but
    not through another component or another level of properties.
    """
    referrers: dict[str, set[str]] = {}
    stack: list[Any] = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, Mapping):
            continue
        properties = node.get("properties")
        if isinstance(properties, Mapping):
            for name, schema in properties.items():
                pending = [schema]
                while pending:
                    current = pending.pop()
                    if isinstance(current, list):
                        pending.extend(current)
                    elif isinstance(current, Mapping):
                        target = component_name(current)
                        if target is not None:
                            referrers.setdefault(target, set()).add(str(name))
                            continue
                        for key in ("oneOf", "anyOf", "allOf", "items", "additionalProperties"):
                            if key in current:
                                pending.append(current[key])
        stack.extend(v for v in node.values() if isinstance(v, Mapping | list))
    return referrers


def _containers(document: Mapping[str, Any]) -> dict[str, set[str]]:
    """Map each component to the components that reach it through references, transitively."""
    schemas: Mapping[str, Any] = (document.get("components") or {}).get("schemas") or {}
    parents: dict[str, set[str]] = {}
    for name, schema in schemas.items():
        for child in _walk_refs(schema, Position.RESPONSE) | _walk_refs(schema, Position.REQUEST):
            parents.setdefault(child, set()).add(name)
    closure: dict[str, set[str]] = {}
    for name in schemas:
        seen: set[str] = set()
        pending = list(parents.get(name, ()))
        while pending:
            parent = pending.pop()
            if parent not in seen:
                seen.add(parent)
                pending.extend(parents.get(parent, ()))
        closure[name] = seen - {name}
    return closure


def component_usage(
    document: Mapping[str, Any], labels: Mapping[tuple[str, str], str] | None = None
) -> dict[str, dict[Position, set[str]]]:
    """Map each component schema to the positions and operation labels that reach it.

    Args:
        document: a spec.
        labels: display labels by operation shape (so that OLD's ``/tasks/{taskUuid}`` shows as
            NEW's ``/tasks/{uuid}``); an operation's own ``METHOD /path`` otherwise.

    Returns:
        ``{component: {position: {"GET /tasks 200", ...}}}``, transitively through ``$ref`` s.

    """
    schemas: Mapping[str, Any] = (document.get("components") or {}).get("schemas") or {}
    graph = {
        position: {name: _walk_refs(schema, position) for name, schema in schemas.items()}
        for position in Position
    }
    usage: dict[str, dict[Position, set[str]]] = {}
    for operation in _operations(document).values():
        shown = (labels or {}).get(operation.shape, operation.label)
        for position, label, schema in _operation_roots(document, operation):
            label = shown + label[len(operation.label) :]
            pending = list(_walk_refs(schema, position))
            seen: set[str] = set()
            # The guard: recursive schemas (a filter node containing nodes) are visited once.
            while pending:
                name = pending.pop()
                if name in seen:
                    continue
                seen.add(name)
                usage.setdefault(name, {}).setdefault(position, set()).add(label)
                pending.extend(graph[position].get(name, ()))
    return usage


@dataclass
class _Differ:
    old: Mapping[str, Any]
    new: Mapping[str, Any]
    closed_enums: bool
    findings: list[Finding] = field(default_factory=list)
    _buffer: list[Change] = field(default_factory=list)
    _referrers: dict[str, set[str]] = field(default_factory=dict)
    _containers: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._comparer = SchemaComparer(self.old, self.new, self._buffer.append)

    # --- helpers ----------------------------------------------------------------------------------
    def _schema_changes(self, old: Any, new: Any, root: str) -> list[Change]:
        self._buffer.clear()
        self._comparer.compare(old, new, (root,))
        changes = list(self._buffer)
        self._buffer.clear()
        return changes

    def _add(self, kind: str, location: str, message: str, **extra: Any) -> None:
        effects = _effects(kind, [Position.REQUEST], closed_enums=self.closed_enums)
        self.findings.append(Finding(kind, location, message, effects, **extra))

    def _add_inline(self, changes: list[Change], position: Position, operation: OperationInfo) -> None:
        for change in changes:
            positions = {position}
            note = ""
            if (change.access == "read" and position is Position.REQUEST) or (
                change.access == "write" and position is Position.RESPONSE
            ):
                positions = set()
                note = f"{change.access}Only: does not travel in this position"
            note = note or self._enum_note(change.kind, positions)
            rest = render_path(change.path[1:]) if len(change.path) > 1 else ""
            self.findings.append(
                Finding(
                    change.kind,
                    f"{change.path[0]}: {rest}" if rest else change.path[0],
                    change.message,
                    _effects(change.kind, positions, closed_enums=self.closed_enums),
                    positions=frozenset(positions),
                    used_in=(change.path[0],),
                    property_path=tuple(change.path[1:]),
                    operation=operation,
                    note=note,
                    by_position=_by_position(change.kind, positions, closed_enums=self.closed_enums),
                )
            )

    def _enum_note(self, kind: str, positions: set[Position]) -> str:
        if RULES[kind].closed_enums_response is None or Position.RESPONSE not in positions:
            return ""
        if self.closed_enums:
            return "classified for clients with closed enums (--closed-enums)"
        return "compatible for our open enums; breaking for clients with closed enums (--closed-enums)"

    # --- operations -------------------------------------------------------------------------------
    def operations(self) -> None:
        old_ops, new_ops = _operations(self.old), _operations(self.new)
        for shape in sorted(old_ops.keys() - new_ops.keys()):
            op = old_ops[shape]
            info = OperationInfo(op.method, op.path, op.operation_id, op.tag, op.operation_id, op.tag)
            self._add("operation-removed", op.label, "operation removed", operation=info)
        for shape in sorted(new_ops.keys() - old_ops.keys()):
            op = new_ops[shape]
            info = OperationInfo(op.method, op.path, op.operation_id, op.tag)
            self._add("operation-added", op.label, "operation added", operation=info)
        for shape in sorted(old_ops.keys() & new_ops.keys()):
            self._operation(old_ops[shape], new_ops[shape])

    def _operation(self, old: _Operation, new: _Operation) -> None:
        info = OperationInfo(new.method, new.path, new.operation_id, new.tag, old.operation_id, old.tag)
        label = new.label
        if old.operation_id != new.operation_id:
            self._add(
                "operation-id-changed",
                label,
                f"operationId {old.operation_id} -> {new.operation_id}",
                operation=info,
            )
        if old.tag != new.tag:
            self._add("operation-tag-changed", label, f"first tag {old.tag} -> {new.tag}", operation=info)
        if not old.data.get("deprecated") and new.data.get("deprecated"):
            self._add("operation-deprecated", label, "operation deprecated", operation=info)
        for old_name, new_name in zip(
            _PATH_PARAMETER.findall(old.path), _PATH_PARAMETER.findall(new.path), strict=True
        ):
            if old_name != new_name:
                self._add(
                    "path-parameter-renamed",
                    label,
                    f"path parameter {old_name} -> {new_name}",
                    operation=info,
                    parameter=old_name,
                )
        self._parameters(old, new, info)
        self._request_body(old, new, info)
        self._responses(old, new, info)
        self._security(old, new, info)

    def _parameters(self, old: _Operation, new: _Operation, info: OperationInfo) -> None:
        old_params, new_params = _parameters(self.old, old), _parameters(self.new, new)
        for key in sorted(old_params.keys() | new_params.keys()):
            before, after = old_params.get(key), new_params.get(key)
            shown = (after or before or {}).get("name", key[1])
            where = f"{new.label} {key[0]} parameter {shown}"
            old_name = str((before or after or {}).get("name", key[1]))
            if after is None:
                kind = (
                    "parameter-removed-required" if before and before.get("required") else "parameter-removed"
                )
                self._add(kind, where, "parameter removed", operation=info, parameter=old_name)
            elif before is None:
                kind = "parameter-added-required" if after.get("required") else "parameter-added"
                self._add(kind, where, "parameter added", operation=info, parameter=str(after.get("name")))
            else:
                if bool(before.get("required")) != bool(after.get("required")):
                    kind = (
                        "parameter-became-required" if after.get("required") else "parameter-became-optional"
                    )
                    self._add(
                        kind,
                        where,
                        kind.replace("parameter-", "").replace("-", " "),
                        operation=info,
                        parameter=old_name,
                    )
                changes = self._schema_changes(_parameter_schema(before), _parameter_schema(after), where)
                self._add_inline(changes, Position.REQUEST, info)

    def _request_body(self, old: _Operation, new: _Operation, info: OperationInfo) -> None:
        before = _deref(self.old, old.data.get("requestBody")) if "requestBody" in old.data else None
        after = _deref(self.new, new.data.get("requestBody")) if "requestBody" in new.data else None
        where = f"{new.label} request body"
        if before is None and after is None:
            return
        if before is None:
            kind = "request-body-added-required" if after and after.get("required") else "request-body-added"
            self._add(kind, where, "request body added", operation=info)
            return
        if after is None:
            kind = "request-body-removed-required" if before.get("required") else "request-body-removed"
            self._add(kind, where, "request body removed", operation=info)
            return
        if bool(before.get("required")) != bool(after.get("required")):
            kind = "request-body-became-required" if after.get("required") else "request-body-became-optional"
            self._add(kind, where, kind.replace("request-body-", "").replace("-", " "), operation=info)
        self._content(before, after, where, Position.REQUEST, info, "request-media-type")

    def _content(
        self,
        before: Mapping[str, Any],
        after: Mapping[str, Any],
        where: str,
        position: Position,
        info: OperationInfo,
        media_kind: str,
    ) -> None:
        old_content: Mapping[str, Any] = before.get("content") or {}
        new_content: Mapping[str, Any] = after.get("content") or {}
        for media in sorted(new_content.keys() - old_content.keys()):
            self._add(f"{media_kind}-added", where, f"media type {media} added", operation=info)
        for media in sorted(old_content.keys() - new_content.keys()):
            self._add(f"{media_kind}-removed", where, f"media type {media} removed", operation=info)
        common = sorted(old_content.keys() & new_content.keys())
        for media in common:
            root = where if len(common) == 1 else f"{where} {media}"
            changes = self._schema_changes(
                (old_content[media] or {}).get("schema", {}),
                (new_content[media] or {}).get("schema", {}),
                root,
            )
            self._add_inline(changes, position, info)

    def _responses(self, old: _Operation, new: _Operation, info: OperationInfo) -> None:
        old_responses: Mapping[str, Any] = old.data.get("responses") or {}
        new_responses: Mapping[str, Any] = new.data.get("responses") or {}
        for status in sorted(old_responses.keys() - new_responses.keys()):
            kind = "success-status-removed" if _is_success(status) else "error-status-removed"
            self._add(kind, f"{new.label} {status}", f"response {status} removed", operation=info)
        for status in sorted(new_responses.keys() - old_responses.keys()):
            kind = "success-status-added" if _is_success(status) else "error-status-added"
            self._add(kind, f"{new.label} {status}", f"response {status} added", operation=info)
        for status in sorted(old_responses.keys() & new_responses.keys()):
            before, after = _deref(self.old, old_responses[status]), _deref(self.new, new_responses[status])
            where = f"{new.label} {status}"
            if before.get("content") and not after.get("content"):
                self._add("response-body-removed", where, "response body removed", operation=info)
            elif after.get("content") and not before.get("content"):
                self._add("response-body-added", where, "response body added", operation=info)
            else:
                self._content(before, after, where, Position.RESPONSE, info, "response-media-type")
            self._headers(before, after, where, info)

    def _headers(
        self, before: Mapping[str, Any], after: Mapping[str, Any], where: str, info: OperationInfo
    ) -> None:
        old_headers = {str(k).lower(): _deref(self.old, v) for k, v in (before.get("headers") or {}).items()}
        new_headers = {str(k).lower(): _deref(self.new, v) for k, v in (after.get("headers") or {}).items()}
        for name in sorted(old_headers.keys() - new_headers.keys()):
            self._add(
                "response-header-removed", f"{where} header {name}", "response header removed", operation=info
            )
        for name in sorted(new_headers.keys() - old_headers.keys()):
            kind = (
                "response-header-added-required"
                if new_headers[name].get("required")
                else "response-header-added"
            )
            self._add(kind, f"{where} header {name}", "response header added", operation=info)
        for name in sorted(old_headers.keys() & new_headers.keys()):
            changes = self._schema_changes(
                old_headers[name].get("schema", {}),
                new_headers[name].get("schema", {}),
                f"{where} header {name}",
            )
            self._add_inline(changes, Position.RESPONSE, info)

    def _security(self, old: _Operation, new: _Operation, info: OperationInfo) -> None:
        before, after = _security(self.old, old), _security(self.new, new)
        clients = any(not _accepted(alternative, after) for alternative in before)
        servers = any(not _accepted(alternative, before) for alternative in after)
        if not (clients or servers):
            return
        kind = (
            "security-changed"
            if clients and servers
            else "security-tightened"
            if clients
            else "security-loosened"
        )

        def show(alternatives: list[frozenset[str]]) -> str:
            return " or ".join("+".join(sorted(a)) or "anonymous" for a in alternatives)

        self._add(kind, f"{new.label} security", f"security {show(before)} -> {show(after)}", operation=info)

    # --- components -------------------------------------------------------------------------------
    def components(self) -> None:
        old_schemas: Mapping[str, Any] = (self.old.get("components") or {}).get("schemas") or {}
        new_schemas: Mapping[str, Any] = (self.new.get("components") or {}).get("schemas") or {}
        for name in sorted(old_schemas.keys() - new_schemas.keys()):
            self._add("schema-removed", name, "component schema removed", schema=name)
        for name in sorted(new_schemas.keys() - old_schemas.keys()):
            self._add("schema-added", name, "component schema added", schema=name)
        referrers = _property_referrers(self.old)
        for name, names in _property_referrers(self.new).items():
            referrers.setdefault(name, set()).update(names)
        self._referrers = referrers
        containers = _containers(self.old)
        for name, names in _containers(self.new).items():
            containers.setdefault(name, set()).update(names)
        self._containers = containers
        labels = {shape: op.label for shape, op in _operations(self.new).items()}
        usage = component_usage(self.old, labels)
        for name, positions in component_usage(self.new, labels).items():
            for position, reached in positions.items():
                usage.setdefault(name, {}).setdefault(position, set()).update(reached)
        for name in sorted(old_schemas.keys() & new_schemas.keys()):
            self._buffer.clear()
            self._comparer.compare_component(name)
            changes = list(self._buffer)
            self._buffer.clear()
            for change in changes:
                self._add_component_change(name, change, usage.get(name, {}))
        old_schemes: Mapping[str, Any] = (self.old.get("components") or {}).get("securitySchemes") or {}
        new_schemes: Mapping[str, Any] = (self.new.get("components") or {}).get("securitySchemes") or {}
        for name in sorted(old_schemes.keys() & new_schemes.keys()):
            keys = ("type", "scheme", "in", "name", "bearerFormat")
            before = {k: _deref(self.old, old_schemes[name]).get(k) for k in keys}
            after = {k: _deref(self.new, new_schemes[name]).get(k) for k in keys}
            if before != after:
                changed = ", ".join(f"{k} {before[k]} -> {after[k]}" for k in keys if before[k] != after[k])
                self._add("security-scheme-changed", f"securitySchemes.{name}", changed)

    def _add_component_change(self, name: str, change: Change, usage: Mapping[Position, set[str]]) -> None:
        positions = {p for p, labels in usage.items() if labels}
        note = ""
        if not positions:
            # Not reachable from any operation: classify as if used everywhere (its class still exists).
            positions = {Position.REQUEST, Position.RESPONSE}
            note = "not used by any operation: classified for both positions"
        elif change.access == "read" and Position.REQUEST in positions:
            positions.discard(Position.REQUEST)
            note = "readOnly: only travels in responses"
        elif change.access == "write" and Position.RESPONSE in positions:
            positions.discard(Position.RESPONSE)
            note = "writeOnly: only travels in requests"
        labels = sorted(label for p in positions for label in usage.get(p, ()))
        note = note or self._enum_note(change.kind, positions)
        self.findings.append(
            Finding(
                change.kind,
                render_path(change.path),
                change.message,
                _effects(change.kind, positions, closed_enums=self.closed_enums),
                positions=frozenset(positions),
                used_in=tuple(labels),
                schema=name,
                property_path=tuple(change.path[1:]),
                note=note,
                by_position=_by_position(change.kind, positions, closed_enums=self.closed_enums),
                referrers=tuple(sorted(self._referrers.get(name, ()))),
                containers=tuple(sorted(self._containers.get(name, ()))),
            )
        )


def diff_documents(
    old: Mapping[str, Any], new: Mapping[str, Any], *, closed_enums: bool = False
) -> list[Finding]:
    """Compare two revisions of a spec and classify every difference.

    Args:
        old: the OLD document (parsed, ``$ref`` s checked).
        new: the NEW document.
        closed_enums: classify new response enum values as breaking for clients (clients whose
            enums are closed); ours are open, so the default is False.

    Returns:
        The findings, most severe first.

    """
    differ = _Differ(old, new, closed_enums)
    differ.operations()
    differ.components()
    return sorted(differ.findings, key=Finding.sort_key)
