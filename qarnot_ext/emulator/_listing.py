"""Search and pagination: the filter tree evaluated server-side, ordering, selection and page tokens.

Filters are parsed and checked with the toolkit's own :mod:`qarnot_ext._filters` (the same rules a
client is held to), then evaluated here against the emulator's objects:

* every operator: ``Equal``/``NotEqual`` (on an array field: contains / does not contain), the four
  orderings, ``Like`` (SQL ``%`` and ``_``, case-insensitive), ``In``/``NotIn``, ``And``/``Or``;
* states and uuids compare case-insensitively, other text exactly; timestamps and date-spans compare
  as instants and durations; a ``null`` field matches only ``Equal null`` (and ``NotEqual`` non-null).

Pages: without a filter and in creation order, a token is a key ("after sequence number N") and a
page costs what the page holds. With a filter or another order, the first page snapshots the
matching ids in a server-side cursor and later pages slice it (tokens name the cursor; the last 64
cursors are kept). Tokens are opaque, bound to the account and to the request's filter and order.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import itertools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from qarnot_ext import DateSpan, F, InvalidValueError, parse_timestamp
from qarnot_ext.emulator._model import Job, Task
from qarnot_ext.emulator._problems import bad_request
from qarnot_ext.emulator._state import Account, Collection, Cursor, EmulatorState
from qarnot_ext.wire import FilterLeaf, FilterNode, Resource, select_fields, sort_fields

__all__ = ["DEFAULT_PAGE_SIZE", "MAX_PAGE_SIZE", "paginate", "parse_filter", "search", "select", "with_tags"]

DEFAULT_PAGE_SIZE: Final = 50
MAX_PAGE_SIZE: Final = 1000
_CURSORS_KEPT: Final = 64

Getter = Callable[[Any, float], Any]
# kinds: text, ci (case-insensitive text: states, uuids), time, span, num, bool, texts, cis (arrays)
_Spec = tuple[str, Getter]


def _state_time(index: int) -> Getter:
    def get(obj: Any, now: float) -> float | None:
        transitions = obj.transitions(now) if not isinstance(obj, Job) else obj.transitions
        if len(transitions) < -index:
            return None
        return float(transitions[index][1])

    return get


def _state_name(index: int) -> Getter:
    def get(obj: Any, now: float) -> str | None:
        transitions = obj.transitions(now) if not isinstance(obj, Job) else obj.transitions
        if len(transitions) < -index:
            return None
        return str(transitions[index][0])

    return get


def _body(key: str) -> Getter:
    return lambda obj, now: obj.body.get(key)


def _end_date(obj: Any, now: float) -> float | None:
    if isinstance(obj, Task):
        return obj.transitions(now)[-1][1] if obj.is_final(now) else None
    transitions = obj.transitions(now)
    return transitions[-1][1] if transitions[-1][0] == "Closed" else None


_COMMON: Final[dict[str, _Spec]] = {
    "Uuid": ("ci", lambda o, n: o.uuid),
    "Name": ("text", lambda o, n: o.name),
    "Shortname": ("text", lambda o, n: o.shortname),
    "State": ("ci", _state_name(-1)),
    "PreviousState": ("ci", _state_name(-2)),
    "StateTransitionTime": ("time", _state_time(-1)),
    "PreviousStateTransitionTime": ("time", _state_time(-2)),
    "LastModified": ("time", lambda o, n: max(o.modified, _state_time(-1)(o, n) or 0.0)),
    "CreationDate": ("time", lambda o, n: o.created),
    "Tags": ("texts", lambda o, n: list(o.tags)),
}
_TASK_FIELDS: Final[dict[str, _Spec]] = {
    **_COMMON,
    "Profile": ("text", lambda o, n: o.profile),
    "EndDate": ("time", _end_date),
    "ExecutionTime": ("span", lambda o, n: o.execution_seconds(n)),
    "WallTime": ("span", lambda o, n: o.wall_seconds(n)),
    "InstanceCount": ("num", lambda o, n: 0 if o.body.get("advancedRanges") else len(o.instances)),
    "RunningCoreCount": (
        "num",
        lambda o, n: sum((m.core_count if (m := o.machine(i)) else 0) for i in o.running(n)),
    ),
    "RunningInstanceCount": ("num", lambda o, n: len(o.running(n))),
    "DefaultResourcesCacheTTLSec": ("num", _body("defaultResourcesCacheTTLSec")),
    "PoolUuid": ("ci", lambda o, n: o.pool_uuid),
    "JobUuid": ("ci", lambda o, n: o.job_uuid),
    "ResultBucket": ("text", lambda o, n: o.body.get("resultsBucket") or o.body.get("resultBucket")),
    "ResultsBucketPrefix": ("text", _body("resultsBucketPrefix")),
    "ResultsCount": ("num", lambda o, n: sum(len(v) for v in o.results.values())),
    "ResultsWhitelist": ("text", _body("resultsWhitelist")),
    "ResultsBlacklist": ("text", _body("resultsBlacklist")),
    "SnapshotBucket": ("text", _body("snapshotBucket")),
    "SnapshotBucketPrefix": ("text", _body("snapshotBucketPrefix")),
    "SnapshotInterval": ("num", lambda o, n: o.snapshot_interval),
    "SnapshotWhitelist": ("text", _body("snapshotWhitelist")),
    "SnapshotBlacklist": ("text", _body("snapshotBlacklist")),
    "Dependencies.DependsOn": ("cis", lambda o, n: list(o.depends_on)),
}


def _elastic(key: str) -> Getter:
    return lambda o, n: (o.body.get("elasticProperty") or {}).get(key)


_POOL_FIELDS: Final[dict[str, _Spec]] = {
    **_COMMON,
    "Profile": ("text", lambda o, n: o.profile),
    "EndDate": ("time", _end_date),
    "InstanceCount": ("num", lambda o, n: o.body.get("instanceCount")),
    "DefaultResourcesCacheTTLSec": ("num", _body("defaultResourcesCacheTTLSec")),
    "ElasticProperty.IsElastic": ("bool", _elastic("isElastic")),
    "ElasticProperty.MinTotalSlots": ("num", _elastic("minTotalSlots")),
    "ElasticProperty.MaxTotalSlots": ("num", _elastic("maxTotalSlots")),
    "ElasticProperty.MinIdleSlots": ("num", _elastic("minIdleSlots")),
    "ElasticProperty.ResizePeriod": ("num", _elastic("resizePeriod")),
    "ElasticProperty.RampResizeFactor": ("num", _elastic("rampResizeFactor")),
    "ElasticProperty.MinIdleTimeSeconds": ("num", _elastic("minIdleTimeSeconds")),
    "PreparationTask.CommandLine": (
        "text",
        lambda o, n: (o.body.get("preparationTask") or {}).get("commandLine"),
    ),
}
_JOB_FIELDS: Final[dict[str, _Spec]] = {
    **_COMMON,
    "State": ("ci", lambda o, n: o.state),
    "PoolUuid": ("ci", lambda o, n: o.pool_uuid),
    "UseDependencies": ("bool", lambda o, n: o.use_dependencies),
}
_FIELDS: Final[dict[str, dict[str, _Spec]]] = {
    "tasks": _TASK_FIELDS,
    "pools": _POOL_FIELDS,
    "jobs": _JOB_FIELDS,
}


def _normal(kind: str, value: Any) -> Any:
    """Bring a field value or a filter value to a comparable form."""
    if value is None:
        return None
    if kind in ("ci", "cis"):
        return str(value).lower()
    if kind == "time":
        if isinstance(value, int | float):
            return float(value)
        stamp = parse_timestamp(str(value))
        return None if stamp is None else stamp.timestamp()
    if kind == "span":
        if isinstance(value, int | float):
            return float(value)
        return DateSpan.parse(str(value)).total_seconds()
    if kind == "num":
        return float(value)
    return value


def _like(pattern: str) -> re.Pattern[str]:
    parts = [".*" if ch == "%" else "." if ch == "_" else re.escape(ch) for ch in pattern]
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def _compare(op: str, actual: Any, expected: Any) -> bool:
    if op == "Equal":
        return bool(actual == expected)
    if op == "NotEqual":
        return bool(actual != expected)
    if actual is None or expected is None:
        return False
    try:
        if op == "LessThan":
            return bool(actual < expected)
        if op == "LessThanOrEqual":
            return bool(actual <= expected)
        if op == "GreaterThan":
            return bool(actual > expected)
        if op == "GreaterThanOrEqual":
            return bool(actual >= expected)
    except TypeError:
        return False  # e.g. a number compared with text: no match, as in a typed database
    if op == "Like":
        return bool(_like(str(expected)).fullmatch(str(actual)))
    raise AssertionError(op)  # pragma: no cover - operators are checked when parsing


Predicate = Callable[[Any, float], bool]


def _compile(node: FilterLeaf | FilterNode, fields: dict[str, _Spec]) -> Predicate:
    if isinstance(node, FilterNode):
        children = [_compile(child, fields) for child in node.filters]
        if node.operator == "And":
            return lambda obj, now: all(child(obj, now) for child in children)
        return lambda obj, now: any(child(obj, now) for child in children)
    kind, getter = fields.get(node.field, ("text", lambda o, n: None))
    op = node.operator
    element_kind = {"texts": "text", "cis": "ci"}.get(kind)
    if op in ("In", "NotIn"):
        values = {_normal(element_kind or kind, v) for v in node.value}  # type: ignore[union-attr]

        def multi(obj: Any, now: float) -> bool:
            actual = getter(obj, now)
            if element_kind is not None:
                found = any(_normal(element_kind, item) in values for item in actual or [])
            else:
                found = _normal(kind, actual) in values
            return found if op == "In" else not found

        return multi
    expected = _normal(element_kind or kind, node.value)

    def unit(obj: Any, now: float) -> bool:
        actual = getter(obj, now)
        if element_kind is not None:
            items = [_normal(element_kind, item) for item in actual or []]
            if op == "Equal":
                return expected in items
            if op == "NotEqual":
                return expected not in items
            return any(_compare(op, item, expected) for item in items)
        return _compare(op, _normal(kind, actual), expected)

    return unit


def parse_filter(data: object, resource: Resource) -> Predicate | None:
    """Check a wire filter for ``resource`` and compile it; 400 listing every problem."""
    if data is None:
        return None
    try:
        tree = F.from_dict(data).validate_for(resource)
    except InvalidValueError as exc:
        errors: dict[str, list[str]] = {}
        for problem in exc.problems:
            errors.setdefault(f"filter {problem.text}".strip(), []).append(problem.message)
        raise bad_request("The filter is invalid.", errors) from None
    return _compile(tree, _FIELDS[resource])


def _order_key(resource: Resource, order_by: str) -> Callable[[Any, float], Any]:
    if order_by == "name":
        return lambda obj, now: (obj.name or "").lower()
    if order_by == "state":
        if resource == "jobs":
            return lambda obj, now: obj.state
        return lambda obj, now: obj.state(now)
    if order_by == "executionTime":
        if resource == "tasks":
            return lambda obj, now: obj.execution_seconds(now)
        return lambda obj, now: max(0.0, now - obj.executing_at)
    return lambda obj, now: obj.seq


def _order(resource: Resource, value: object) -> str | None:
    if value is None:
        return None
    for name in sort_fields(resource):
        if str(value).lower() == name.lower():
            return name
    raise bad_request(
        "The page request is invalid.",
        {"orderBy": [f"cannot sort {resource} on {value!r}; use one of {', '.join(sort_fields(resource))}"]},
    )


def _limit(value: object, default: int | None) -> int | None:
    if value is None:
        return default
    if not isinstance(value, int | float):
        raise bad_request("The request is invalid.", {"maximumResults": ["must be an integer"]})
    number = int(value)  # a JSON Schema integer may arrive as 1.0 (JSON Schema counts 1.0 as an integer)
    if number < 1:
        raise bad_request("The request is invalid.", {"maximumResults": ["must be at least 1"]})
    return min(number, MAX_PAGE_SIZE)


def _encode(doc: Mapping[str, Any]) -> str:
    raw = json.dumps(doc, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(token: str) -> dict[str, Any]:
    try:
        padded = token + "=" * (-len(token) % 4)
        doc = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError):
        doc = None
    if not isinstance(doc, dict):
        raise bad_request("The page request is invalid.", {"token": ["not a page token of this server"]})
    return doc


def paginate(
    state: EmulatorState,
    account: Account,
    resource: Resource,
    collection: Collection[Any],
    body: Mapping[str, Any],
    now: float,
    render: Callable[[Any], dict[str, Any]],
) -> dict[str, Any]:
    """Answer a ``PageDetailRequest`` (see the module doc); ``render`` turns an object into its output."""
    predicate = parse_filter(body.get("filter"), resource)
    order_by = _order(resource, body.get("orderBy"))
    descending = body.get("orderType") == "DESC"
    limit = _limit(body.get("maximumResults"), DEFAULT_PAGE_SIZE)
    assert limit is not None
    fingerprint = hashlib.sha256(
        json.dumps(
            [account.email, resource, body.get("filter"), order_by, descending], sort_keys=True
        ).encode()
    ).hexdigest()[:16]
    token = body.get("token")
    doc = _decode(str(token)) if token else None
    if doc is not None and doc.get("f") != fingerprint:
        raise bad_request(
            "The page request is invalid.",
            {"token": ["the token belongs to another filter, order or account"]},
        )
    if predicate is None and order_by in (None, "creationDate"):
        after = doc.get("a") if doc else None
        if after is not None and not isinstance(after, int):
            raise bad_request("The page request is invalid.", {"token": ["not a page token of this server"]})
        window = list(itertools.islice(collection.walk(after, descending), limit + 1))
        page, more = window[:limit], len(window) > limit
        total = len(collection)
        next_token = _encode({"f": fingerprint, "a": page[-1].seq}) if more else None
    else:
        if doc is None:
            key = _order_key(resource, order_by or "creationDate")
            matches = [obj for obj in collection if predicate is None or predicate(obj, now)]
            matches.sort(key=lambda obj: (key(obj, now), obj.seq), reverse=descending)
            cursor_id = state.new_uuid()
            cursor = Cursor([obj.seq for obj in matches], len(matches), fingerprint)
            state.cursors[cursor_id] = cursor
            while len(state.cursors) > _CURSORS_KEPT:
                state.cursors.popitem(last=False)
            offset = 0
        else:
            cursor_id, raw_offset = str(doc.get("c")), doc.get("o")
            found = state.cursors.get(cursor_id)
            if (
                found is None
                or not isinstance(raw_offset, int)
                or raw_offset < 0
                or found.fingerprint != fingerprint
            ):
                raise bad_request("The page request is invalid.", {"token": ["the page token has expired"]})
            offset = raw_offset
            cursor = found
            state.cursors.move_to_end(cursor_id)
        found_items = (collection.at(s) for s in cursor.seqs[offset : offset + limit])
        page = [obj for obj in found_items if obj is not None]
        more = offset + limit < len(cursor.seqs)
        total = cursor.total
        next_token = _encode({"f": fingerprint, "c": cursor_id, "o": offset + limit}) if more else None
    data = [render(obj) for obj in page]
    return {
        "data": data,
        "count": len(data),
        "total": total,
        "isTruncated": more,
        "nextToken": next_token,
        "token": next_token,
    }


def select(doc: dict[str, Any], paths: list[str] | None) -> dict[str, Any]:
    """Keep only the selected fields (PascalCase paths) of an output, and always ``uuid``."""
    if not paths:
        return doc
    out: dict[str, Any] = {"uuid": doc["uuid"]}
    for path in paths:
        segments = [s[:1].lower() + s[1:] for s in path.split(".")]
        source: Any = doc
        target = out
        for index, segment in enumerate(segments):
            if not isinstance(source, dict) or segment not in source:
                break
            if index == len(segments) - 1 or source[segment] is None:
                target[segment] = source[segment]
                break
            source = source[segment]
            target = target.setdefault(segment, {})
    return out


def _select_paths(resource: Resource, data: object) -> list[str] | None:
    if not isinstance(data, Mapping) or not data.get("fields"):
        return None
    allowed = {name.lower(): name for name in select_fields(resource)}
    paths, errors = [], []
    for name in data["fields"]:
        known = allowed.get(str(name).lower())
        if known is None:
            errors.append(f"{name!r} cannot be selected on {resource}")
        else:
            paths.append(known)
    if errors:
        raise bad_request("The select is invalid.", {"select.fields": errors})
    return paths


def search(
    resource: Resource,
    collection: Collection[Any],
    body: Mapping[str, Any],
    now: float,
    render: Callable[[Any], dict[str, Any]],
) -> list[dict[str, Any]]:
    """Answer a ``DataDetailRequest``: filtered, in creation order, optionally limited and selected."""
    predicate = parse_filter(body.get("filter"), resource)
    paths = _select_paths(resource, body.get("select"))
    limit = _limit(body.get("maximumResults"), None)
    matches = (obj for obj in collection.walk(None, False) if predicate is None or predicate(obj, now))
    chosen = list(itertools.islice(matches, limit)) if limit is not None else list(matches)
    return [select(render(obj), paths) for obj in chosen]


def with_tags(items: Iterable[Any], tags: list[str] | None) -> list[Any]:
    """Items having at least one of ``tags`` (all items when no tag is given)."""
    if not tags:
        return list(items)
    wanted = set(tags)
    return [item for item in items if wanted.intersection(item.tags)]
