"""Hypothesis strategies for the value types of ``qarnot_ext``: ranges, time values, filters, secrets.

Shared by the tests (and usable by the fuzzers): every strategy yields valid values unless its
name says otherwise, so that properties can assume validity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from qarnot_ext._filters import (
    _ALL_FIELDS,
    _ARRAYS,
    _FILTER_FIELDS,
    _LIKE_KINDS,
    _ORDERED_KINDS,
    _STATES,
    F,
    Filter,
    FilterLeaf,
    FilterNode,
    Resource,
    _Kind,
)
from qarnot_ext._ranges import MAX_INSTANCE_ID, InstanceRange
from qarnot_ext._timefmt import DateSpan, TimeOfDay

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
TICKS_PER_DAY = 864_000_000_000
BLANKS = st.text(alphabet=" \t", max_size=2)

# -- instance ranges -----------------------------------------------------------------------------


def instance_ids(max_id: int = MAX_INSTANCE_ID) -> st.SearchStrategy[int]:
    """Ids in ``0..max_id``, biased towards both ends (where off-by-one bugs live)."""
    return st.one_of(
        st.integers(0, min(20, max_id)),
        st.integers(max(0, max_id - 20), max_id),
        st.integers(0, max_id),
    )


@st.composite
def segment_lists(draw: st.DrawFn, max_id: int = MAX_INSTANCE_ID, max_size: int = 8) -> list[tuple[int, int]]:
    """Inclusive ``(first, last)`` pairs in any order, overlapping, adjacent or duplicated."""
    pairs = []
    for _ in range(draw(st.integers(0, max_size))):
        first = draw(instance_ids(max_id))
        last = draw(
            st.one_of(st.just(first), st.integers(first, min(max_id, first + 5)), instance_ids(max_id))
        )
        pairs.append((min(first, last), max(first, last)))
    return pairs


def instance_ranges(max_id: int = MAX_INSTANCE_ID) -> st.SearchStrategy[InstanceRange]:
    """Any :class:`InstanceRange` with ids up to ``max_id``."""
    return st.builds(InstanceRange, segment_lists(max_id))


@st.composite
def range_texts(draw: st.DrawFn, max_id: int = MAX_INSTANCE_ID) -> tuple[str, set[int] | None]:
    """A valid strict range string (blanks, any order, overlaps, ``a-a``) and, for small ids, its ids."""
    pairs = draw(segment_lists(max_id, max_size=6))
    items = []
    for first, last in pairs:
        if first == last and draw(st.booleans()):
            items.append(f"{draw(BLANKS)}{first}{draw(BLANKS)}")
        else:
            items.append(f"{draw(BLANKS)}{first}{draw(BLANKS)}-{draw(BLANKS)}{last}{draw(BLANKS)}")
    text = ",".join(items) if items else draw(BLANKS)
    ids = None
    if max_id <= 1000:
        ids = {i for first, last in pairs for i in range(first, last + 1)}
    return text, ids


small_id_sets = st.frozensets(st.integers(0, 40), max_size=25)
"""Sets of small ids, for checking the set algebra against Python's ``set``."""

# -- time values ---------------------------------------------------------------------------------

date_span_ticks = st.one_of(
    st.integers(INT64_MIN, INT64_MAX),
    st.integers(-10 * TICKS_PER_DAY, 10 * TICKS_PER_DAY),
    st.sampled_from([0, 1, -1, 9_999_999, 10_000_000, INT64_MIN, INT64_MAX]),
)
date_spans = st.builds(DateSpan, date_span_ticks)


@st.composite
def date_span_texts(draw: st.DrawFn) -> tuple[str, int]:
    """A valid, often non-canonical time-span string and its ticks.

    Hours above 23 without a day part, one-digit fields, 1 to 7 fractional digits.
    """
    negative = draw(st.booleans())
    with_days = draw(st.booleans())
    days = draw(st.integers(0, 10_000)) if with_days else 0
    hours = draw(st.integers(0, 23)) if with_days else draw(st.integers(0, 200_000))
    minutes, seconds = draw(st.integers(0, 59)), draw(st.integers(0, 59))
    digits = draw(st.integers(0, 7))
    fraction = draw(st.integers(0, 10**digits - 1)) if digits else 0
    short = draw(st.booleans())
    text = "-" if negative else ""
    text += f"{days}." if with_days else ""
    text += f"{hours}:{minutes}:{seconds}" if short else f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    text += f".{fraction:0{digits}d}" if digits else ""
    ticks = (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 10_000_000
    ticks += fraction * 10 ** (7 - digits) if digits else 0
    return text, -ticks if negative else ticks


zones = st.sampled_from(
    [
        dt.UTC,
        dt.timezone(dt.timedelta(hours=2)),
        dt.timezone(-dt.timedelta(hours=5, minutes=30)),
        dt.timezone(dt.timedelta(hours=23, minutes=59)),
    ]
)
aware_datetimes = st.datetimes(
    min_value=dt.datetime(2, 1, 1), max_value=dt.datetime(9998, 12, 31), timezones=zones
)
"""Aware datetimes that stay representable once converted to UTC."""


@st.composite
def timestamp_texts(draw: st.DrawFn) -> tuple[str, dt.datetime]:
    """A valid API timestamp string (0-7 fraction digits, Z/offset/none, blanks) and its instant.

    The expected instant truncates the 7th fractional digit.
    """
    local = draw(st.datetimes(min_value=dt.datetime(2, 1, 1), max_value=dt.datetime(9998, 12, 31)))
    digits = draw(st.integers(0, 7))
    fraction = draw(st.integers(0, 10**digits - 1)) if digits else 0
    zone = draw(st.sampled_from(["Z", "", "+02:00", "-05:30", "+0100"]))
    text = local.replace(microsecond=0).isoformat()
    text += f".{fraction:0{digits}d}" if digits else ""
    text += zone + draw(st.sampled_from(["", " ", "  "]))
    micro = fraction * 10 ** (7 - digits) // 10 if digits else 0
    offsets = {"Z": 0, "": 0, "+02:00": 120, "-05:30": -330, "+0100": 60}
    expected = local.replace(
        microsecond=micro, tzinfo=dt.timezone(dt.timedelta(minutes=offsets[zone]))
    ).astimezone(dt.UTC)
    return text, expected


times_of_day = st.builds(TimeOfDay, st.integers(0, TICKS_PER_DAY - 1))

# -- filters -------------------------------------------------------------------------------------

_ALL_STATES = sorted({state for states in _STATES.values() for state in states})


def _scalar_values(kind: _Kind, states: list[str]) -> st.SearchStrategy[Any]:
    """Python values a field of ``kind`` accepts (several types per kind, as users write them)."""
    if kind in {_Kind.STRING, _Kind.STRING_ARRAY}:
        return st.text(max_size=12)
    if kind in {_Kind.UUID, _Kind.UUID_ARRAY}:
        return st.one_of(st.uuids(), st.uuids().map(str))
    if kind is _Kind.STATE:
        return st.sampled_from(states).flatmap(lambda s: st.sampled_from([s, s.lower(), s.upper()]))
    if kind is _Kind.INT:
        return st.integers(-(2**31), 2**31 - 1)
    if kind is _Kind.FLOAT:
        return st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.integers(-1000, 1000))
    if kind is _Kind.BOOL:
        return st.booleans()
    if kind is _Kind.DATETIME:
        return st.one_of(aware_datetimes, timestamp_texts().map(lambda pair: pair[0].strip()))
    if kind is _Kind.DATESPAN:
        return st.one_of(
            date_spans,
            st.timedeltas(min_value=dt.timedelta(days=-10_000), max_value=dt.timedelta(days=10_000)),
            date_span_texts().map(lambda pair: pair[0]),
        )
    raise AssertionError(kind)  # pragma: no cover


Builder = Callable[[Any, Any], FilterLeaf]
_MULTI: list[tuple[str, Builder]] = [("in", lambda f, v: f.in_(v)), ("not_in", lambda f, v: f.not_in(v))]
_EQUALITY: list[tuple[str, Builder]] = [("==", lambda f, v: f == v), ("!=", lambda f, v: f != v)]
_ARRAY: list[tuple[str, Builder]] = [
    ("contains", lambda f, v: f.contains(v)),
    ("not_contains", lambda f, v: f.not_contains(v)),
]
_ORDER: list[tuple[str, Builder]] = [
    ("<", lambda f, v: f < v),
    ("<=", lambda f, v: f <= v),
    (">", lambda f, v: f > v),
    (">=", lambda f, v: f >= v),
]


def _builders(kind: _Kind) -> list[tuple[str, Builder]]:
    """The ways to build a leaf on a field of ``kind``, by name."""
    if kind in _ARRAYS:
        return _ARRAY + _MULTI
    out = _EQUALITY + _MULTI
    if kind in _ORDERED_KINDS:
        out += _ORDER
    if kind in _LIKE_KINDS and kind is not _Kind.UUID:
        out.append(("like", lambda f, v: f.like(v)))
    return out


@st.composite
def filter_leaves(draw: st.DrawFn, resource: Resource | None = None) -> FilterLeaf:
    """A leaf built with :data:`F` on a field of ``resource`` (any resource when ``None``)."""
    fields = _FILTER_FIELDS[resource] if resource else _ALL_FIELDS
    path = draw(st.sampled_from(sorted(fields)))
    kind = fields[path]
    states = list(_STATES[resource]) if resource else _ALL_STATES
    name, builder = draw(st.sampled_from(_builders(kind)))
    values = _scalar_values(kind, states)
    if name in {"in", "not_in"}:
        value: Any = draw(st.lists(values, min_size=1, max_size=3))
    elif name in {"==", "!="}:
        value = draw(st.one_of(st.none(), values))
    else:
        value = draw(values)
    return builder(F.field(path), value)


def filters(resource: Resource | None = None) -> st.SearchStrategy[Filter]:
    """Filter trees (leaves, And/Or nodes, nested), valid for ``resource`` when given."""

    def node(children: st.SearchStrategy[Filter]) -> st.SearchStrategy[Filter]:
        return st.builds(
            FilterNode, st.sampled_from(["And", "Or"]), st.lists(children, min_size=1, max_size=4).map(tuple)
        )

    return st.recursive(filter_leaves(resource), node, max_leaves=8)


# -- secrets -------------------------------------------------------------------------------------

constant_keys = st.from_regex(r"[A-Za-z0-9_.\-]{1,40}", fullmatch=True)
"""Valid constant keys (and secret names)."""

secret_values = st.text(min_size=1, max_size=60)
"""Any non-empty secret value."""

log_safe_secret_values = st.text(
    alphabet=st.characters(exclude_characters="\r\n", exclude_categories=["Cs"]), min_size=1, max_size=40
).filter(lambda v: v.strip("*") != "")
"""Secret values for log-redaction properties: no line breaks (a value spanning the message and
the traceback that the formatter appends is out of reach of a record filter) and not only ``*``
(the mask itself)."""


__all__ = [
    "aware_datetimes",
    "constant_keys",
    "date_span_texts",
    "date_span_ticks",
    "date_spans",
    "filter_leaves",
    "filters",
    "instance_ids",
    "instance_ranges",
    "log_safe_secret_values",
    "range_texts",
    "secret_values",
    "segment_lists",
    "small_id_sets",
    "times_of_day",
    "timestamp_texts",
]
