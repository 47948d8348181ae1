"""Filters, ordering and field selection for the search and paginate endpoints.

The API filters ``/tasks|pools|jobs/search`` and ``…/paginate`` with a JSON tree: nodes
``{"operator": "And" | "Or", "filters": [...]}`` and leaves ``{"field", "operator", "value"}``
(``"values"``, an array, for ``In`` and ``NotIn``), fields being PascalCase property paths such as
``CreationDate`` or ``Dependencies.DependsOn``. :data:`F` builds those trees with Python operators::

    (F.state == "Success") & (F.creation_date > datetime(2024, 1, 1, tzinfo=UTC))

Each leaf is checked when it is built: the field must exist on at least one resource and the value
must have the field's type (a datetime or timestamp string for ``CreationDate``, an int for
``InstanceCount`` …). :meth:`FilterLeaf.validate_for` then checks the tree against one resource
("tasks", "pools" or "jobs"). :class:`OrderBy`, :class:`Select`, :func:`page_request` and
:func:`search_request` build the rest of the request bodies.

The allow-lists below come from the API reference, ``docs/real-world-quirks.md`` and the field list
the official C# SDK filters on; ``F.raw("Some.Path")`` is the escape hatch for a field they do not
know yet.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import math
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final, Literal, NoReturn, TypeAlias, cast

import attrs

from qarnot_ext._errors import FilterError, InvalidTypeError, Problem
from qarnot_ext._timefmt import DateSpan, DateSpanError, TimestampError, format_timestamp, parse_timestamp

__all__ = [
    "JOB_STATES",
    "POOL_STATES",
    "TASK_STATES",
    "F",
    "Field",
    "Filter",
    "FilterError",
    "FilterLeaf",
    "FilterNode",
    "OrderBy",
    "Resource",
    "Select",
    "filter_fields",
    "page_request",
    "search_request",
    "select_fields",
    "sort_fields",
]

JsonScalar: TypeAlias = str | int | float | bool | None
"""A JSON scalar: what a leaf's value is on the wire."""

Resource: TypeAlias = Literal["tasks", "pools", "jobs"]
"""The resources whose search and paginate endpoints take filters."""

_RESOURCES: Final[tuple[Resource, ...]] = ("tasks", "pools", "jobs")
_NODE_OPERATORS: Final = ("And", "Or")
_UNIT_OPERATORS: Final = (
    "Equal",
    "NotEqual",
    "LessThan",
    "LessThanOrEqual",
    "GreaterThan",
    "GreaterThanOrEqual",
    "Like",
)
_MULTI_OPERATORS: Final = ("In", "NotIn")
_ORDERING: Final = frozenset({"LessThan", "LessThanOrEqual", "GreaterThan", "GreaterThanOrEqual"})
_INT32_MAX: Final = 2**31 - 1


def _fail(text: str, message: str) -> NoReturn:
    raise FilterError([Problem(text, message)])


class _Kind(enum.Enum):
    STRING = "a string"
    UUID = "a UUID (str or uuid.UUID)"
    STATE = "a state name (str or enum)"
    INT = "an int"
    FLOAT = "a number"
    BOOL = "a bool"
    DATETIME = "an aware datetime or an ISO 8601 timestamp string"
    DATESPAN = "a DateSpan, a timedelta or a date-span string"
    STRING_ARRAY = "an array of strings (compare one element with .contains())"
    UUID_ARRAY = "an array of UUIDs (compare one element with .contains())"


_ARRAYS: Final = frozenset({_Kind.STRING_ARRAY, _Kind.UUID_ARRAY})
_ORDERED_KINDS: Final = frozenset({_Kind.STRING, _Kind.INT, _Kind.FLOAT, _Kind.DATETIME, _Kind.DATESPAN})
_LIKE_KINDS: Final = frozenset({_Kind.STRING, _Kind.UUID, _Kind.STATE})

_K = _Kind
_COMMON: Final[dict[str, _Kind]] = {
    "Uuid": _K.UUID,
    "Name": _K.STRING,
    "Shortname": _K.STRING,
    "State": _K.STATE,
    "PreviousState": _K.STATE,
    "StateTransitionTime": _K.DATETIME,
    "PreviousStateTransitionTime": _K.DATETIME,
    "LastModified": _K.DATETIME,
    "CreationDate": _K.DATETIME,
    "Tags": _K.STRING_ARRAY,
}
_TASKS_AND_POOLS: Final[dict[str, _Kind]] = {
    **_COMMON,
    "Profile": _K.STRING,
    "EndDate": _K.DATETIME,
    "ExecutionTime": _K.DATESPAN,
    "WallTime": _K.DATESPAN,
    "InstanceCount": _K.INT,
    "RunningCoreCount": _K.INT,
    "RunningInstanceCount": _K.INT,
    "ProjectUuid": _K.UUID,
    "DefaultResourcesCacheTTLSec": _K.INT,
}
_FILTER_FIELDS: Final[dict[Resource, dict[str, _Kind]]] = {
    "tasks": {
        **_TASKS_AND_POOLS,
        "PoolUuid": _K.UUID,
        "JobUuid": _K.UUID,
        "ResultBucket": _K.STRING,
        "ResultsBucketPrefix": _K.STRING,
        "ResultsCount": _K.INT,
        "ResultsWhitelist": _K.STRING,
        "ResultsBlacklist": _K.STRING,
        "SnapshotBucket": _K.STRING,
        "SnapshotBucketPrefix": _K.STRING,
        "SnapshotInterval": _K.INT,
        "SnapshotWhitelist": _K.STRING,
        "SnapshotBlacklist": _K.STRING,
        "MaxTimeQueueSeconds": _K.INT,
        "Dependencies.DependsOn": _K.UUID_ARRAY,
    },
    "pools": {
        **_TASKS_AND_POOLS,
        "ElasticProperty.IsElastic": _K.BOOL,
        "ElasticProperty.MinTotalSlots": _K.INT,
        "ElasticProperty.MaxTotalSlots": _K.INT,
        "ElasticProperty.MinIdleSlots": _K.INT,
        "ElasticProperty.ResizePeriod": _K.INT,
        "ElasticProperty.RampResizeFactor": _K.FLOAT,
        "ElasticProperty.MinIdleTimeSeconds": _K.INT,
        "PreparationTask.CommandLine": _K.STRING,
    },
    "jobs": {**_COMMON, "PoolUuid": _K.UUID, "UseDependencies": _K.BOOL},
}
# Fields that can be selected but not filtered on (objects, maps, lists of objects), per the C# SDK's
# attributes and the output schemas of the reference.
_SELECT_ONLY: Final[dict[Resource, tuple[str, ...]]] = {
    "tasks": (
        "Status",
        "Errors",
        "Labels",
        "Constants",
        "Constraints",
        "ForcedConstants",
        "ForcedNetworkRules",
        "HardwareConstraints",
        "Privileges",
        "RetrySettings",
        "CompletedInstances",
        "ResourceBuckets",
        "AdvancedResourceBuckets",
        "SchedulingType",
        "SecretsAccessRights",
        "TargetedReservationName",
        "TargetedReservedMachineKey",
        "MaxRetriesPerInstance",
        "Dependencies",
        "Progress",
    ),
    "pools": (
        "Status",
        "Errors",
        "Labels",
        "Constants",
        "Constraints",
        "ForcedConstants",
        "ForcedNetworkRules",
        "HardwareConstraints",
        "Privileges",
        "DefaultRetrySettings",
        "ResourceBuckets",
        "AdvancedResourceBuckets",
        "SchedulingType",
        "SecretsAccessRights",
        "TargetedReservationName",
        "TargetedReservedMachineKey",
        "ElasticProperty",
        "PreparationTask",
        "Scaling",
    ),
    "jobs": ("MaxWallTime", "AutoDeleteOnCompletion", "CompletionTimeToLive"),
}
_SORT_FIELDS: Final[dict[Resource, tuple[str, ...]]] = {
    "tasks": ("creationDate", "executionTime", "name", "state"),
    "pools": ("creationDate", "executionTime", "name", "state"),
    "jobs": ("creationDate", "name", "state"),
}
TASK_STATES: Final = (
    "Submitted",
    "PartiallyDispatched",
    "FullyDispatched",
    "PartiallyExecuting",
    "FullyExecuting",
    "UploadingResults",
    "DownloadingResults",
    "PendingCancel",
    "Cancelled",
    "Success",
    "Failure",
    "PendingDelete",
)
"""Every task state, in lifecycle order (the API's ``TaskState``)."""
POOL_STATES: Final = (
    "Submitted",
    "PartiallyDispatched",
    "FullyDispatched",
    "PartiallyExecuting",
    "FullyExecuting",
    "Closing",
    "Closed",
    "Failure",
    "PendingDelete",
)
"""Every pool state (the API's ``PoolState``)."""
JOB_STATES: Final = ("Active", "Terminating", "Completed", "Deleting")
"""Every job state (the API's ``JobState``)."""
_STATES: Final[dict[Resource, tuple[str, ...]]] = {
    "tasks": TASK_STATES,
    "pools": POOL_STATES,
    "jobs": JOB_STATES,
}

_ALL_FIELDS: Final[dict[str, _Kind]] = {
    path: kind for fields in _FILTER_FIELDS.values() for path, kind in fields.items()
}
_ALL_SELECTABLE: Final[frozenset[str]] = frozenset(_ALL_FIELDS).union(*_SELECT_ONLY.values())
_ALL_SORT_FIELDS: Final[frozenset[str]] = frozenset().union(*_SORT_FIELDS.values())

_CAMEL_BOUNDARY: Final = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _snake(segment: str) -> str:
    return _CAMEL_BOUNDARY.sub("_", segment).lower()


# snake_case segment -> wire segment, learnt from the allow-lists so that irregular names such as
# ``DefaultResourcesCacheTTLSec`` (snake: ``default_resources_cache_ttl_sec``) map back exactly.
_SEGMENTS: Final[dict[str, str]] = {
    _snake(segment): segment for path in _ALL_SELECTABLE for segment in path.split(".")
}


def _wire_segment(name: str) -> str:
    """Map one attribute name (snake_case, camelCase or PascalCase) to a PascalCase path segment."""
    if not name or not name.replace("_", "").isalnum():
        _fail(name, "a field name is made of letters, digits and underscores")
    known = _SEGMENTS.get(name) or _SEGMENTS.get(_snake(name))
    if known is not None:
        return known
    if "_" in name or name.islower():
        return "".join(part[:1].upper() + part[1:] for part in name.split("_"))
    return name[:1].upper() + name[1:]


def _wire_path(name: str) -> str:
    return ".".join(_wire_segment(segment) for segment in name.split("."))


def _suggest(path: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(path, sorted(candidates), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(close)}?" if close else ""


def _check_resource(resource: str) -> Resource:
    for known in _RESOURCES:
        if resource == known:
            return known
    _fail(str(resource), "unknown resource; expected 'tasks', 'pools' or 'jobs'")


def filter_fields(resource: Resource) -> tuple[str, ...]:
    """Return the field paths a filter may use on ``resource`` ("tasks", "pools" or "jobs").

    Example:
        >>> "Dependencies.DependsOn" in filter_fields("tasks")
        True

    """
    return tuple(_FILTER_FIELDS[_check_resource(resource)])


def select_fields(resource: Resource) -> tuple[str, ...]:
    """Return the field paths a :class:`Select` may list on ``resource``.

    Example:
        >>> "Status" in select_fields("tasks"), "Status" in filter_fields("tasks")
        (True, False)

    """
    resource = _check_resource(resource)
    return (*_FILTER_FIELDS[resource], *_SELECT_ONLY[resource])


def sort_fields(resource: Resource) -> tuple[str, ...]:
    """Return the ``orderBy`` values ``resource`` accepts.

    Example:
        >>> sort_fields("jobs")
        ('creationDate', 'name', 'state')

    """
    return _SORT_FIELDS[_check_resource(resource)]


# -- values -------------------------------------------------------------------------------------


class _BadValueError(Exception):
    """Internal: a value does not fit a field; the message says why (caught and re-raised typed)."""


def _describe(value: object) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 40 else text[:39] + '…'}"


def _plain(value: object) -> JsonScalar:
    """Convert a Python value to a JSON scalar without knowing the field (``F.raw`` fields)."""
    if isinstance(value, enum.Enum):
        value = value.value
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _BadValueError(f"{value!r} is not a JSON number")
        return value
    if isinstance(value, dt.datetime):
        return _timestamp(value)
    if isinstance(value, DateSpan):
        return str(value)
    if isinstance(value, dt.timedelta):
        return _span(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    raise _BadValueError(f"cannot send {_describe(value)} as a filter value")


def _timestamp(value: dt.datetime) -> str:
    try:
        return format_timestamp(value)
    except TimestampError as exc:
        raise _BadValueError(exc.problems[0].message) from None


def _span(value: dt.timedelta) -> str:
    try:
        return str(DateSpan.from_timedelta(value))
    except DateSpanError as exc:
        raise _BadValueError(exc.problems[0].message) from None


def _convert(kind: _Kind | None, value: object) -> JsonScalar:
    """Convert ``value`` to the wire form of a field of ``kind``; ``_BadValueError`` if it does not fit.

    Idempotent on wire values: a valid JSON scalar comes back unchanged, so the same function
    checks values built in Python and values read from JSON.
    """
    if kind is None:
        return _plain(value)
    if value is None:
        return None
    if isinstance(value, enum.Enum) and kind in {_K.STRING, _K.STATE, _K.STRING_ARRAY}:
        value = value.value
    if kind in {_K.STRING, _K.STATE, _K.STRING_ARRAY}:
        if isinstance(value, str):
            return value
    elif kind in {_K.UUID, _K.UUID_ARRAY}:
        if isinstance(value, uuid.UUID):
            return str(value)
        if isinstance(value, str):
            return value
    elif kind is _K.INT:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif kind is _K.FLOAT:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return _plain(value)
    elif kind is _K.BOOL:
        if isinstance(value, bool):
            return value
    elif kind is _K.DATETIME:
        if isinstance(value, dt.datetime):
            return _timestamp(value)
        if isinstance(value, str):
            try:
                parse_timestamp(value)
            except TimestampError:
                raise _BadValueError(f"{value!r} is not an ISO 8601 timestamp") from None
            return value
    elif kind is _K.DATESPAN:
        if isinstance(value, DateSpan):
            return str(value)
        if isinstance(value, dt.timedelta):
            return _span(value)
        if isinstance(value, str):
            try:
                DateSpan.parse(value)
            except DateSpanError:
                raise _BadValueError(f"{value!r} is not a date-span [-][d.]hh:mm:ss[.fffffff]") from None
            return value
    raise _BadValueError(f"expected {kind.value}, got {_describe(value)}")


def _operator_problem(kind: _Kind | None, operator: str) -> str | None:
    if kind is None:
        return None
    if operator == "Like" and kind not in _LIKE_KINDS:
        return f"Like applies to text fields, not to {kind.value}"
    if operator in _ORDERING and kind not in _ORDERED_KINDS:
        return f"{operator} does not apply to {kind.value}"
    return None


def _leaf_problems(field: str, operator: str, value: object, *, checked: bool, where: str) -> list[Problem]:
    """Everything wrong with one leaf, each problem naming its path (``where``)."""
    if not isinstance(field, str) or not field:
        return [Problem(f"{where}.field", "expected a non-empty field path (str)")]
    kind: _Kind | None = None
    if checked:
        kind = _ALL_FIELDS.get(field)
        if kind is None:
            return [Problem(f"{where}.field", f"unknown field {field!r}{_suggest(field, _ALL_FIELDS)}")]
    problems: list[Problem] = []
    reason = _operator_problem(kind, operator)
    if reason is not None:
        problems.append(Problem(f"{where}.operator", f"{field}: {reason}"))
    if operator in _MULTI_OPERATORS:
        if not isinstance(value, tuple | list):
            return [*problems, Problem(f"{where}.values", f"{operator} takes an array of values")]
        problems.extend(
            Problem(f"{where}.values[{i}]", f"{field}: {operator} values cannot be null")
            for i, v in enumerate(value)
            if v is None
        )
        items: Iterable[tuple[str, object]] = ((f"{where}.values[{i}]", v) for i, v in enumerate(value))
    else:
        if value is None and operator not in {"Equal", "NotEqual"}:
            problems.append(Problem(f"{where}.value", f"{field}: {operator} cannot compare with null"))
        items = [(f"{where}.value", value)]
    for path, item in items:
        if not isinstance(item, str | int | float | bool | None):
            problems.append(Problem(path, f"{field}: not a JSON scalar: {_describe(item)}"))
            continue
        try:
            converted = _convert(kind, item)
        except _BadValueError as exc:
            problems.append(Problem(path, f"{field}: {exc}"))
            continue
        if converted != item or type(converted) is not type(item):  # pragma: no cover - defensive
            problems.append(Problem(path, f"{field}: value is not in its wire form"))
    return problems


# -- the tree -----------------------------------------------------------------------------------


def _no_truth(_self: object) -> NoReturn:
    _fail(
        "filter",
        "a filter has no truth value: combine filters with & and | (not 'and', 'or', 'not'), "
        "and write each comparison once (no chained comparisons such as 1 < F.x < 5)",
    )


class _FilterOps:
    """Operations shared by :class:`FilterLeaf` and :class:`FilterNode`."""

    __slots__ = ()

    def __and__(self, other: object) -> FilterNode:
        return _combine("And", self, other)

    def __or__(self, other: object) -> FilterNode:
        return _combine("Or", self, other)

    def __rand__(self, other: object) -> FilterNode:
        return _combine("And", other, self)

    def __ror__(self, other: object) -> FilterNode:
        return _combine("Or", other, self)

    def __invert__(self) -> NoReturn:
        _fail("filter", "the API has no Not operator: negate the comparison instead (== to !=, < to >=)")

    __bool__ = _no_truth

    def to_dict(self) -> dict[str, Any]:
        """Return the wire JSON of this filter."""
        raise NotImplementedError  # pragma: no cover - both subclasses override it

    def leaves(self) -> Iterator[FilterLeaf]:
        """Yield every leaf of the tree, depth first, left to right."""
        raise NotImplementedError  # pragma: no cover - both subclasses override it

    def validate_for(self, resource: Resource, *, strict_states: bool = True) -> Filter:
        """Check the filter against one resource and return it; :class:`FilterError` lists all problems.

        Every field must be filterable on ``resource`` (fields made with ``F.raw`` are not checked)
        and, with ``strict_states``, every ``State``/``PreviousState`` value must be one of the
        resource's states (case-insensitive: responses vary the case).

        Example:
            >>> (F.use_dependencies == True).validate_for("tasks")
            Traceback (most recent call last):
            ...
            qarnot_ext._errors.FilterError: invalid filter: 'UseDependencies': not a filterable field ...

        """
        resource = _check_resource(resource)
        fields = _FILTER_FIELDS[resource]
        states = {state.lower() for state in _STATES[resource]}
        problems: list[Problem] = []
        for leaf in self.leaves():
            if not leaf.checked:
                continue
            if leaf.field not in fields:
                suggestion = _suggest(leaf.field, fields)
                problems.append(Problem(leaf.field, f"not a filterable field of {resource}{suggestion}"))
            elif strict_states and fields[leaf.field] is _K.STATE:
                values = leaf.value if isinstance(leaf.value, tuple) else (leaf.value,)
                problems.extend(
                    Problem(
                        leaf.field,
                        f"{value!r} is not a state of {resource} (one of {', '.join(_STATES[resource])})",
                    )
                    for value in values
                    if isinstance(value, str) and value.lower() not in states
                )
        if problems:
            raise FilterError(problems)
        return cast("Filter", self)


WireValue: TypeAlias = JsonScalar | tuple[JsonScalar, ...]


def _freeze(value: WireValue | list[JsonScalar]) -> WireValue:
    return tuple(value) if isinstance(value, list) else value


def _filter_tuple(filters: Iterable[Filter]) -> tuple[Filter, ...]:
    return tuple(filters)


@attrs.frozen
class FilterLeaf(_FilterOps):
    """One comparison: ``{"field", "operator", "value"}``, or ``"values"`` for ``In``/``NotIn``.

    Build leaves with :data:`F` rather than directly. ``value`` is held in its wire form (a JSON
    scalar, or a tuple of them for ``In``/``NotIn``).

    Example:
        >>> (F.state == "Success").to_dict()
        {'field': 'State', 'operator': 'Equal', 'value': 'Success'}

    """

    field: str
    operator: str
    value: WireValue = attrs.field(converter=_freeze)
    checked: bool = attrs.field(default=True, eq=False, repr=False)
    """Whether the field is checked against the allow-lists (``False`` for ``F.raw`` fields)."""

    def __attrs_post_init__(self) -> None:
        if self.operator not in _UNIT_OPERATORS and self.operator not in _MULTI_OPERATORS:
            expected = ", ".join((*_UNIT_OPERATORS, *_MULTI_OPERATORS))
            _fail("leaf.operator", f"unknown leaf operator {self.operator!r}; expected one of {expected}")
        problems = _leaf_problems(self.field, self.operator, self.value, checked=self.checked, where="leaf")
        if problems:
            raise FilterError(problems)

    def to_dict(self) -> dict[str, Any]:
        """Return the wire JSON of this leaf.

        Example:
            >>> F.state.in_(["Success", "Failure"]).to_dict()
            {'field': 'State', 'operator': 'In', 'values': ['Success', 'Failure']}

        """
        if isinstance(self.value, tuple):
            return {"field": self.field, "operator": self.operator, "values": list(self.value)}
        return {"field": self.field, "operator": self.operator, "value": self.value}

    def leaves(self) -> Iterator[FilterLeaf]:
        """Yield this leaf."""
        yield self


@attrs.frozen
class FilterNode(_FilterOps):
    """An ``And`` or ``Or`` of filters: ``{"operator": "And", "filters": [...]}``.

    Built by ``&`` and ``|``, which flatten nested nodes of the same operator.

    Example:
        >>> node = (F.name == "a") | (F.name == "b") | (F.name == "c")
        >>> node.operator, len(node.filters)
        ('Or', 3)

    """

    operator: Literal["And", "Or"]
    filters: tuple[Filter, ...] = attrs.field(converter=_filter_tuple)

    def __attrs_post_init__(self) -> None:
        if self.operator not in _NODE_OPERATORS:
            _fail("node.operator", f"unknown node operator {self.operator!r}; expected And or Or")
        if not self.filters:
            _fail("node.filters", "a node needs at least one filter")
        for index, child in enumerate(self.filters):
            if not isinstance(child, FilterLeaf | FilterNode):
                _fail(f"node.filters[{index}]", f"expected a filter, got {_describe(child)}")

    def to_dict(self) -> dict[str, Any]:
        """Return the wire JSON of this node."""
        return {"operator": self.operator, "filters": [child.to_dict() for child in self.filters]}

    def leaves(self) -> Iterator[FilterLeaf]:
        """Yield every leaf below this node, depth first."""
        for child in self.filters:
            yield from child.leaves()


Filter: TypeAlias = FilterLeaf | FilterNode
"""A filter tree: a leaf or a node."""


def _combine(operator: Literal["And", "Or"], left: object, right: object) -> FilterNode:
    for side in (left, right):
        if isinstance(side, Field):
            _fail(side.path, "a field alone is not a filter: compare it first (F.x == value)")
        if not isinstance(side, FilterLeaf | FilterNode):
            symbol = "&" if operator == "And" else "|"
            _fail(
                "filter",
                f"cannot combine a filter with {_describe(side)} using {symbol}; "
                "put each comparison in parentheses: (F.a == 1) & (F.b == 2)",
            )
    parts: list[Filter] = []
    for side in (left, right):
        if isinstance(side, FilterNode) and side.operator == operator:
            parts.extend(side.filters)
        elif isinstance(side, FilterLeaf | FilterNode):
            parts.append(side)
    return FilterNode(operator, tuple(parts))


# -- the builder --------------------------------------------------------------------------------


class Field:
    """A field path, waiting for a comparison: ``F.creation_date`` or ``F.dependencies.depends_on``.

    Comparisons build :class:`FilterLeaf` objects: ``==`` ``!=`` ``<`` ``<=`` ``>`` ``>=``,
    :meth:`like`, :meth:`in_`, :meth:`not_in`, and :meth:`contains`/:meth:`not_contains` for array
    fields such as ``Tags``. Attribute access goes one level down the path.

    Example:
        >>> F.dependencies.depends_on.path
        'Dependencies.DependsOn'
        >>> (F.instance_count >= 4).to_dict()
        {'field': 'InstanceCount', 'operator': 'GreaterThanOrEqual', 'value': 4}

    """

    __slots__ = ("_checked", "_path")

    def __init__(self, path: str, *, checked: bool = True) -> None:
        self._path = path
        self._checked = checked

    @property
    def path(self) -> str:
        """The PascalCase wire path, e.g. ``"CreationDate"``."""
        return self._path

    @property
    def checked(self) -> bool:
        """Whether the field is checked against the allow-lists (``False`` for ``F.raw`` fields)."""
        return self._checked

    def __getattr__(self, name: str) -> Field:
        if name.startswith("_"):
            raise AttributeError(name)
        return Field(f"{self._path}.{_wire_segment(name)}", checked=self._checked)

    def __repr__(self) -> str:
        return f"Field({self._path!r})" if self._checked else f"F.raw({self._path!r})"

    def _leaf(self, operator: str, value: object) -> FilterLeaf:
        kind: _Kind | None = None
        if self._checked:
            kind = _ALL_FIELDS.get(self._path)
            if kind is None:
                _fail(self._path, f"unknown field{_suggest(self._path, _ALL_FIELDS)}")
            if kind in _ARRAYS and operator in {"Equal", "NotEqual"} and not isinstance(value, _Element):
                method = "contains" if operator == "Equal" else "not_contains"
                _fail(self._path, f"is an array field: use .{method}(value) to test one element")
        if isinstance(value, _Element):
            value = value.value
        reason = _operator_problem(kind, operator)
        if reason is not None:
            _fail(self._path, reason)
        try:
            if operator in _MULTI_OPERATORS:
                if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
                    raise _BadValueError(f"{operator} takes an iterable of values, got {_describe(value)}")
                items = tuple(_convert(kind, v) for v in value)
                if any(v is None for v in items):
                    raise _BadValueError(f"{operator} values cannot be null")
                wire: WireValue = items
            else:
                if isinstance(value, Field):
                    raise _BadValueError("the API compares a field with a value, not with another field")
                wire = _convert(kind, value)
        except _BadValueError as exc:
            _fail(self._path, str(exc))
        return FilterLeaf(self._path, operator, wire, checked=self._checked)

    def __eq__(self, value: object) -> FilterLeaf:  # type: ignore[override]
        return self._leaf("Equal", value)

    def __ne__(self, value: object) -> FilterLeaf:  # type: ignore[override]
        return self._leaf("NotEqual", value)

    def __lt__(self, value: object) -> FilterLeaf:
        return self._leaf("LessThan", value)

    def __le__(self, value: object) -> FilterLeaf:
        return self._leaf("LessThanOrEqual", value)

    def __gt__(self, value: object) -> FilterLeaf:
        return self._leaf("GreaterThan", value)

    def __ge__(self, value: object) -> FilterLeaf:
        return self._leaf("GreaterThanOrEqual", value)

    # Comparisons build filters, so a Field cannot be hashed consistently with ``==``.
    __hash__ = None  # type: ignore[assignment]

    def like(self, pattern: str) -> FilterLeaf:
        """``Like``: match a text field against a pattern.

        Example:
            >>> F.name.like("render-%").operator
            'Like'

        """
        if not isinstance(pattern, str):
            _fail(self._path, f"Like takes a str pattern, got {_describe(pattern)}")
        return self._leaf("Like", pattern)

    def in_(self, values: Iterable[object]) -> FilterLeaf:
        """``In``: the field equals one of ``values`` (sent as the ``values`` array).

        Example:
            >>> F.state.in_(["Success", "Failure"]).value
            ('Success', 'Failure')

        """
        return self._leaf("In", values)

    def not_in(self, values: Iterable[object]) -> FilterLeaf:
        """``NotIn``: the field equals none of ``values``.

        Example:
            >>> F.state.not_in(["Cancelled"]).operator
            'NotIn'

        """
        return self._leaf("NotIn", values)

    def contains(self, value: object) -> FilterLeaf:
        """Array field holds ``value``: the API's ``Equal`` on an array field such as ``Tags``.

        Example:
            >>> F.tags.contains("nightly").to_dict()
            {'field': 'Tags', 'operator': 'Equal', 'value': 'nightly'}

        """
        self._require_array("contains")
        return self._leaf("Equal", _Element(value))

    def not_contains(self, value: object) -> FilterLeaf:
        """Array field does not hold ``value`` (the API's ``NotEqual`` on an array field).

        Example:
            >>> F.tags.not_contains("draft").operator
            'NotEqual'

        """
        self._require_array("not_contains")
        return self._leaf("NotEqual", _Element(value))

    def _require_array(self, method: str) -> None:
        if self._checked:
            kind = _ALL_FIELDS.get(self._path)
            if kind is not None and kind not in _ARRAYS:
                _fail(self._path, f"{method}() is for array fields; use == and != on {kind.value}")

    def _misuse(self, *_args: object) -> NoReturn:
        _fail(
            self._path,
            "a field alone is not a filter: compare it first, and put each comparison in "
            "parentheses: (F.a == 1) & (F.b == 2)",
        )

    __and__ = __rand__ = __or__ = __ror__ = __invert__ = __bool__ = _misuse

    def __contains__(self, _item: object) -> NoReturn:
        _fail(self._path, "'x in F.field' cannot build a filter: use F.field.contains(x)")


@attrs.frozen
class _Element:
    """Marks a value as one element of an array field (``contains``), not the whole array."""

    value: object


class _FieldFactory:
    """The type of :data:`F`: attribute access starts a field path."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Field:
        if name.startswith("_"):
            raise AttributeError(name)
        return Field(_wire_segment(name))

    def __repr__(self) -> str:
        return "F"

    def field(self, path: str) -> Field:
        """Return a checked field from a dotted path in any case style (``"Dependencies.DependsOn"``).

        Example:
            >>> F.field("elastic_property.min_total_slots").path
            'ElasticProperty.MinTotalSlots'

        """
        return Field(_wire_path(path))

    def raw(self, path: str) -> Field:
        """Return an unchecked field, sent as written: the escape hatch for fields not in the lists.

        Values are converted generically (datetimes, spans, enums, UUIDs) but not type-checked,
        and :meth:`FilterLeaf.validate_for` skips such leaves.

        Example:
            >>> (F.raw("Custom.Path") == 3).to_dict()
            {'field': 'Custom.Path', 'operator': 'Equal', 'value': 3}

        """
        if not isinstance(path, str) or not path:
            _fail(repr(path), "a raw field path is a non-empty str")
        return Field(path, checked=False)

    def all(self, *filters: Filter) -> Filter:
        """``And`` of ``filters`` (one filter is returned as is).

        Example:
            >>> F.all(F.name == "a", F.state == "Success").operator
            'And'

        """
        return self._fold("And", filters)

    def any(self, *filters: Filter) -> Filter:
        """``Or`` of ``filters`` (one filter is returned as is).

        Example:
            >>> F.any(*(F.tags.contains(t) for t in ["a", "b"])).to_dict()["operator"]
            'Or'

        """
        return self._fold("Or", filters)

    @staticmethod
    def _fold(operator: Literal["And", "Or"], filters: tuple[Filter, ...]) -> Filter:
        if not filters:
            _fail(operator, "needs at least one filter")
        result: object = filters[0]
        for item in filters[1:]:
            result = _combine(operator, result, item)
        if not isinstance(result, FilterLeaf | FilterNode):
            _fail(operator, f"expected a filter, got {_describe(result)}")
        return result

    def from_dict(self, data: object, *, strict: bool = True) -> Filter:
        """Parse a wire filter; :class:`FilterError` names every offending path (``filter.filters[1].value``).

        With ``strict=False`` unknown fields are accepted as ``F.raw`` fields instead of rejected.

        Example:
            >>> F.from_dict({"field": "State", "operator": "Equal", "value": "Success"})
            FilterLeaf(field='State', operator='Equal', value='Success')

        """
        problems: list[Problem] = []
        parsed = _parse(data, "filter", problems, strict=strict)
        if problems or parsed is None:
            raise FilterError(problems or [Problem("filter", "invalid filter")])
        return parsed


F: Final = _FieldFactory()
"""The filter builder: ``F.state == "Success"``, ``F.creation_date > when``, ``F.tags.contains("x")``.

Example:
    >>> flt = (F.state == "Success") & F.tags.contains("nightly")
    >>> flt.validate_for("tasks").to_dict()["operator"]
    'And'
"""


def _parse(data: object, where: str, problems: list[Problem], *, strict: bool) -> Filter | None:
    if not isinstance(data, Mapping):
        problems.append(Problem(where, f"expected an object, got {_describe(data)}"))
        return None
    operator = data.get("operator")
    if operator in _NODE_OPERATORS:
        extra = sorted(set(map(str, data)) - {"operator", "filters"})
        if extra:
            problems.append(Problem(where, f"unexpected keys for a node: {', '.join(extra)}"))
        children = data.get("filters")
        if not isinstance(children, list) or not children:
            problems.append(Problem(f"{where}.filters", "a node needs a non-empty array of filters"))
            return None
        parsed = [
            _parse(child, f"{where}.filters[{i}]", problems, strict=strict)
            for i, child in enumerate(children)
        ]
        nodes = [p for p in parsed if p is not None]
        if len(nodes) != len(parsed) or extra:
            return None
        return FilterNode("And" if operator == "And" else "Or", tuple(nodes))
    if operator not in _UNIT_OPERATORS and operator not in _MULTI_OPERATORS:
        known = ", ".join((*_NODE_OPERATORS, *_UNIT_OPERATORS, *_MULTI_OPERATORS))
        problems.append(
            Problem(f"{where}.operator", f"unknown operator {operator!r}; expected one of {known}")
        )
        return None
    value_key = "values" if operator in _MULTI_OPERATORS else "value"
    expected = {"field", "operator", value_key}
    before = len(problems)
    extra = sorted(set(map(str, data)) - expected)
    if extra:
        problems.append(Problem(where, f"unexpected keys for an {operator} leaf: {', '.join(extra)}"))
    missing = sorted(expected - set(data))
    if missing:
        problems.append(Problem(where, f"missing keys: {', '.join(missing)}"))
        return None
    field = data["field"]
    checked = strict or (isinstance(field, str) and field in _ALL_FIELDS)
    problems.extend(_leaf_problems(field, str(operator), data[value_key], checked=checked, where=where))
    if len(problems) != before:
        return None
    return FilterLeaf(field, str(operator), data[value_key], checked=checked)


# -- ordering, selection and request bodies ------------------------------------------------------


def _sort_field(value: str | Field) -> str:
    path = value.path if isinstance(value, Field) else _wire_path(value) if isinstance(value, str) else None
    if path is None:
        _fail(repr(value), "orderBy takes a field name (str) or a field (F.creation_date)")
    name = path[:1].lower() + path[1:]
    if name not in _ALL_SORT_FIELDS:
        _fail(str(value), f"cannot sort on it; sorting fields are {', '.join(sorted(_ALL_SORT_FIELDS))}")
    return name


def _check_descending(_instance: object, _attribute: object, value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidTypeError.expected("ordering", "descending", "a bool", value)


@attrs.frozen
class OrderBy:
    """Sorting for the paginate endpoints: ``{"orderBy": "creationDate", "orderType": "DESC"}``.

    ``field`` takes any case style or a :class:`Field`: ``"creationDate"``, ``"creation_date"``,
    ``F.creation_date``. Jobs sort on ``creationDate``, ``name``, ``state``; tasks and pools also on
    ``executionTime``.

    Example:
        >>> OrderBy("creation_date", descending=True).validate_for("jobs").to_dict()
        {'orderBy': 'creationDate', 'orderType': 'DESC'}

    """

    field: str = attrs.field(converter=_sort_field)
    descending: bool = attrs.field(default=False, validator=_check_descending)

    def validate_for(self, resource: Resource) -> OrderBy:
        """Check the field is a sorting field of ``resource`` and return self.

        Example:
            >>> OrderBy("executionTime").validate_for("jobs")
            Traceback (most recent call last):
            ...
            qarnot_ext._errors.FilterError: invalid filter: 'executionTime': jobs sort on creationDate, ...

        """
        resource = _check_resource(resource)
        if self.field not in _SORT_FIELDS[resource]:
            _fail(self.field, f"{resource} sort on {', '.join(_SORT_FIELDS[resource])}")
        return self

    def to_dict(self) -> dict[str, str]:
        """Return the ``orderBy``/``orderType`` members of a page request."""
        return {"orderBy": self.field, "orderType": "DESC" if self.descending else "ASC"}


def _select_path(value: object) -> tuple[str, bool]:
    if isinstance(value, Field):
        return value.path, value.checked
    if isinstance(value, str) and value:
        return _wire_path(value), True
    _fail(repr(value), "select takes field names (str) or fields (F.name)")


@attrs.frozen(init=False)
class Select:
    """The ``select`` of a search request: which fields the results carry.

    Fields take any case style or a :class:`Field`; they are checked against what any resource can
    select, then by :meth:`validate_for` against one resource (``F.raw`` fields are not checked).

    Example:
        >>> Select("name", "state", F.creation_date).to_dict()
        {'fields': ['Name', 'State', 'CreationDate']}

    """

    fields: tuple[str, ...]
    _unchecked: frozenset[str] = attrs.field(eq=False, repr=False)

    def __init__(self, *fields: str | Field) -> None:
        if not fields:
            _fail("select", "select at least one field")
        paths: list[str] = []
        unchecked: set[str] = set()
        problems: list[Problem] = []
        for value in fields:
            path, checked = _select_path(value)
            if not checked:
                unchecked.add(path)
            elif path not in _ALL_SELECTABLE:
                problems.append(Problem(path, f"unknown field{_suggest(path, _ALL_SELECTABLE)}"))
            if path not in paths:
                paths.append(path)
        if problems:
            raise FilterError(problems)
        self.__attrs_init__(tuple(paths), frozenset(unchecked))

    def validate_for(self, resource: Resource) -> Select:
        """Check every field can be selected on ``resource`` and return self.

        Example:
            >>> Select("use_dependencies").validate_for("jobs").fields
            ('UseDependencies',)

        """
        resource = _check_resource(resource)
        allowed = set(select_fields(resource))
        problems = [
            Problem(path, f"cannot be selected on {resource}{_suggest(path, allowed)}")
            for path in self.fields
            if path not in allowed and path not in self._unchecked
        ]
        if problems:
            raise FilterError(problems)
        return self

    def to_dict(self) -> dict[str, list[str]]:
        """Return the wire ``select`` object."""
        return {"fields": list(self.fields)}


def _as_filter(value: Filter | Mapping[str, Any]) -> Filter:
    if isinstance(value, FilterLeaf | FilterNode):
        return value
    if isinstance(value, Mapping):
        return F.from_dict(value)
    _fail("filter", f"expected a filter (F…) or its wire dict, got {_describe(value)}")


def _maximum(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        _fail("maximumResults", f"expected an int, got {_describe(value)}")
    if not 1 <= value <= _INT32_MAX:
        _fail("maximumResults", f"must be 1..{_INT32_MAX}, got {value}")
    return value


def page_request(
    *,
    resource: Resource | None = None,
    filter: Filter | Mapping[str, Any] | None = None,
    order_by: OrderBy | str | None = None,
    maximum_results: int | None = None,
    token: str | None = None,
) -> dict[str, Any]:
    """Build the body of a paginate request (``PageDetailRequest``); absent parts are left out.

    With ``resource``, the filter and the ordering are checked against it.

    Example:
        >>> page_request(
        ...     resource="tasks",
        ...     filter=F.state == "Success",
        ...     order_by=OrderBy("creationDate", descending=True),
        ...     maximum_results=50,
        ... )  # doctest: +NORMALIZE_WHITESPACE
        {'filter': {'field': 'State', 'operator': 'Equal', 'value': 'Success'},
         'maximumResults': 50, 'orderBy': 'creationDate', 'orderType': 'DESC'}

    """
    body: dict[str, Any] = {}
    if token is not None:
        if not isinstance(token, str):
            _fail("token", f"expected the str token of the previous page, got {_describe(token)}")
        body["token"] = token
    if filter is not None:
        tree = _as_filter(filter)
        if resource is not None:
            tree.validate_for(resource)
        body["filter"] = tree.to_dict()
    if maximum_results is not None:
        body["maximumResults"] = _maximum(maximum_results)
    if order_by is not None:
        order = order_by if isinstance(order_by, OrderBy) else OrderBy(order_by)
        if resource is not None:
            order.validate_for(resource)
        body.update(order.to_dict())
    if resource is not None:
        _check_resource(resource)
    return body


def search_request(
    *,
    resource: Resource | None = None,
    filter: Filter | Mapping[str, Any] | None = None,
    select: Select | Iterable[str | Field] | None = None,
    maximum_results: int | None = None,
) -> dict[str, Any]:
    """Build the body of a search request (``DataDetailRequest``); absent parts are left out.

    Example:
        >>> search_request(resource="jobs", filter=F.name.like("nightly%"), select=["name", "state"])
        ... # doctest: +NORMALIZE_WHITESPACE
        {'select': {'fields': ['Name', 'State']},
         'filter': {'field': 'Name', 'operator': 'Like', 'value': 'nightly%'}}

    """
    body: dict[str, Any] = {}
    if select is not None:
        chosen = select if isinstance(select, Select) else Select(*select)
        if resource is not None:
            chosen.validate_for(resource)
        body["select"] = chosen.to_dict()
    if filter is not None:
        tree = _as_filter(filter)
        if resource is not None:
            tree.validate_for(resource)
        body["filter"] = tree.to_dict()
    if maximum_results is not None:
        body["maximumResults"] = _maximum(maximum_results)
    if resource is not None:
        _check_resource(resource)
    return body
