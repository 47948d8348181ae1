"""Edges of the value types that plausible one-line bugs cross (found by mutation testing).

Each test pins documented behaviour: the docstrings and README are the spec, and errors name the
offending part (the project rule: every argument or parse error names what is wrong and where).
"""

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Callable
from typing import Any

import pytest

from qarnot_ext._errors import InvalidTypeError
from qarnot_ext._ranges import InstanceRange, InstanceRangeError, InstanceStates, RangeSyntaxError
from qarnot_ext._secrets import RedactingFilter, Secret, register_secret, unregister_secret
from qarnot_ext._timefmt import (
    DateSpan,
    DateSpanError,
    TimeOfDay,
    TimeOfDayError,
    TimestampError,
    format_timestamp,
)


def _any(value: object) -> Any:
    """A deliberately wrong argument, passed past the type checker."""
    return value


# -- InstanceRange: errors name the offending part ---------------------------------------------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: InstanceRange.span(5, 3),
            "invalid instance range: '5-3': last id is smaller than the first",
        ),
        (
            lambda: InstanceRange.span(-1, 3),
            "invalid instance range: '-1': first id is outside 0..4294967295",
        ),
        (
            lambda: InstanceRange.span(0, 2**32),
            "invalid instance range: '4294967296': last id is outside 0..4294967295",
        ),
        (
            lambda: InstanceRange.of([1, 2**32]),
            "invalid instance range: '4294967296': instance id is outside 0..4294967295",
        ),
        (
            lambda: InstanceRange([(0, 1), (9, 2)]),
            "invalid instance range: '9-2': segment 1: last id is smaller than the first",
        ),
        (
            lambda: InstanceRange([(0, 1), (-4, 2)]),
            "invalid instance range: '-4': segment 1 first id is outside 0..4294967295",
        ),
        (
            lambda: InstanceRange([(0, 2**32)]),
            "invalid instance range: '4294967296': segment 0 last id is outside 0..4294967295",
        ),
        (lambda: InstanceRange.count(-1), "invalid instance range: '-1': count is outside 0..4294967296"),
    ],
)
def test_argument_errors_name_the_part_and_the_value(build: Callable[[], object], message: str) -> None:
    with pytest.raises(InstanceRangeError) as caught:
        build()
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: InstanceRange.span(_any(1.0), 2), "first id must be an int, not float"),
        (lambda: InstanceRange.count(_any("3")), "count must be an int, not str"),
        (lambda: InstanceRange.of([True]), "instance id must be an int, not bool"),
        (lambda: InstanceRange(_any([[1, 2]])), "segment 0 must be a (first, last) tuple, not [1, 2]"),
        (lambda: InstanceRange.parse(_any(b"1-2")), "an instance range is parsed from a str, not bytes"),
        (
            lambda: InstanceStates.of(42),
            "task or status must be a mapping, a model with to_dict(), or None; not int",
        ),
        (
            lambda: InstanceStates.of({"status": [1]}),
            "task status must be a mapping, a model with to_dict(), or None; not list",
        ),
    ],
)
def test_type_errors_name_the_argument_and_the_type(build: Callable[[], object], message: str) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        build()
    assert str(caught.value) == message


def test_parse_problems_name_each_item_with_its_message() -> None:
    with pytest.raises(RangeSyntaxError) as caught:
        InstanceRange.parse("1,,-3,x,9-3")
    assert [(p.text, p.message, p.position) for p in caught.value.problems] == [
        ("", "empty item (two commas in a row, or a leading or trailing comma)", 2),
        ("-3", "negative ids are not allowed", 3),
        ("x", "expected an id or an inclusive span 'first-last'", 6),
        ("9-3", "the last id of a span must not be smaller than the first", 8),
    ]


def test_only_the_bad_items_are_reported_next_to_valid_edge_values() -> None:
    # The largest id and a one-id span "5-5" are valid: only the junk item is reported.
    with pytest.raises(RangeSyntaxError) as caught:
        InstanceRange.parse("4294967295,5-5,x")
    assert [p.text for p in caught.value.problems] == ["x"]
    with pytest.raises(RangeSyntaxError) as caught:
        InstanceRange.parse("4294967296-4294967296")
    assert [p.message for p in caught.value.problems] == ["id 4294967296 is above 4294967295"]


def test_an_overlong_id_is_shortened_in_the_report() -> None:
    digits = "1" * 30
    with pytest.raises(RangeSyntaxError) as caught:
        InstanceRange.parse(digits)
    problem = caught.value.problems[0]
    assert problem.message == f"id {'1' * 19}… has more than 10 digits"
    # The item text is shortened to 40 characters: exactly 40 stays whole, 41 is cut to 39 + "…".
    with pytest.raises(RangeSyntaxError) as caught:
        InstanceRange.parse("2" * 40)
    assert caught.value.problems[0].text == "2" * 40
    with pytest.raises(RangeSyntaxError) as caught:
        InstanceRange.parse("2" * 41)
    assert caught.value.problems[0].text == "2" * 39 + "…"


def test_blanks_are_only_space_tab_cr_lf() -> None:
    # Other whitespace (vertical tab, form feed, no-break space) is junk, not a blank.
    for blank in ("\x0b", "\x0c", "\u00a0"):
        with pytest.raises(RangeSyntaxError) as caught:
            InstanceRange.parse(f"1,{blank}")
        assert caught.value.problems[0].message == "expected an id or an inclusive span 'first-last'"
        with pytest.raises(RangeSyntaxError):
            InstanceRange.parse_lenient(f"1,{blank}")
    with pytest.raises(RangeSyntaxError) as caught:
        InstanceRange.parse("1,\x0b-2")
    assert caught.value.problems[0].message == "expected an id or an inclusive span 'first-last'"
    with pytest.raises(RangeSyntaxError) as caught:
        InstanceRange.parse("1, \x0b ,2")
    assert caught.value.problems[0].position == 3


def test_a_minus_then_other_whitespace_is_not_a_negative_id() -> None:
    with pytest.raises(RangeSyntaxError) as caught:
        InstanceRange.parse("-\x0b5")
    assert caught.value.problems[0].message == "expected an id or an inclusive span 'first-last'"
    with pytest.raises(RangeSyntaxError) as caught:
        InstanceRange.parse("- 5")
    assert caught.value.problems[0].message == "negative ids are not allowed"


def test_a_span_of_one_id() -> None:
    assert InstanceRange.span(7, 7) == InstanceRange.of([7])
    assert InstanceRange([(7, 7)]) == InstanceRange.of([7])


def test_status_problems_are_all_reported_with_their_keys() -> None:
    status = {"succeededRange": 3, "failedRange": "x", "cancelledRange": [1]}
    with pytest.raises(InstanceRangeError) as caught:
        InstanceStates.of(status)
    assert [(p.text, p.message) for p in caught.value.problems] == [
        ("succeededRange", "expected a range string or null, not int"),
        ("x", "in failedRange: expected an id or an inclusive span 'first-last'"),
        ("cancelledRange", "expected a range string or null, not list"),
    ]


def test_min_and_max_of_the_empty_range_say_so() -> None:
    with pytest.raises(
        InstanceRangeError, match=r"^invalid instance range: '': min\(\) of an empty InstanceRange$"
    ):
        InstanceRange.empty().min()
    with pytest.raises(
        InstanceRangeError, match=r"^invalid instance range: '': max\(\) of an empty InstanceRange$"
    ):
        InstanceRange.empty().max()


def test_a_long_repr_is_cut_at_an_item_boundary() -> None:
    r = InstanceRange.of(range(0, 200, 2))
    text = str(r)
    head = text[:80].rsplit(",", 1)[0]
    assert repr(r) == f"<InstanceRange 100 segments, 100 ids: {head},…>"
    assert head.startswith("0,2,4,")
    assert len(head) < 80


def test_short_repr_up_to_exactly_80_characters() -> None:
    ids = [*range(1000, 1030, 2), 10000]  # 15 four-digit ids and one five-digit id: 80 characters
    r80 = InstanceRange.of(ids)
    assert len(str(r80)) == 80
    assert repr(r80) == f"InstanceRange({str(r80)!r})"
    r81 = InstanceRange.of([*ids, 100000])
    assert repr(r81).startswith("<InstanceRange 17 segments, 17 ids: ")


def test_reversed_walks_every_segment_backwards() -> None:
    r = InstanceRange.parse("0-1,5,9-10")
    assert list(reversed(r)) == [10, 9, 5, 1, 0]


@pytest.mark.parametrize(
    ("op", "left", "right", "expected"),
    [
        (operator.le, "1-2", "0-3", True),
        (operator.le, "0-3", "0-3", True),
        (operator.le, "0-4", "0-3", False),
        (operator.lt, "0-3", "0-3", False),
        (operator.lt, "1-2", "0-3", True),
        (operator.ge, "0-3", "1-2", True),
        (operator.ge, "1-2", "0-3", False),
        (operator.gt, "0-3", "0-3", False),
        (operator.gt, "0-3", "1", True),
    ],
)
def test_subset_and_superset_comparisons(
    op: Callable[[Any, Any], bool], left: str, right: str, expected: bool
) -> None:
    assert op(InstanceRange.parse(left), InstanceRange.parse(right)) is expected


@pytest.mark.parametrize("op", [operator.le, operator.lt, operator.ge, operator.gt])
def test_comparing_with_a_non_range_is_a_type_error(op: Callable[[Any, Any], bool]) -> None:
    with pytest.raises(TypeError):
        op(InstanceRange.parse("1"), {1})


# -- DateSpan.of: every unit has its own factor --------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "ticks"),
    [
        ("days", 864_000_000_000),
        ("hours", 36_000_000_000),
        ("minutes", 600_000_000),
        ("seconds", 10_000_000),
        ("milliseconds", 10_000),
        ("microseconds", 10),
        ("ticks", 1),
    ],
)
def test_date_span_of_each_unit(unit: str, ticks: int) -> None:
    assert DateSpan.of(**{unit: 1}).ticks == ticks
    assert DateSpan.of(**{unit: -3}).ticks == -3 * ticks
    # Agrees with timedelta where timedelta has the unit.
    if unit != "ticks":
        assert DateSpan.of(**{unit: 7}).to_timedelta() == dt.timedelta(**{unit: 7})


def test_date_span_of_sums_all_components() -> None:
    span = DateSpan.of(days=1, hours=2, minutes=3, seconds=4, milliseconds=5, microseconds=6, ticks=7)
    assert str(span) == "1.02:03:04.0050067"


# -- redaction: a longer secret goes whole ---------------------------------------------------------


def test_a_registered_secret_containing_another_is_redacted_whole() -> None:
    # Registered short first and long last, and the reverse: either way no tail of the longer leaks.
    # A secret that is a prefix of another, and one inside another: the longer value goes whole.
    pairs = [("abc-short", "abc-short-and-longer-tail"), ("zz-inner", "aa-zz-inner")]
    for order in [*pairs, *(pair[::-1] for pair in pairs)]:
        short, long = sorted(order, key=len)
        secrets = [register_secret(Secret(value)) for value in order]
        try:
            assert RedactingFilter().redact(f"x {long} y") == "x *** y"
            assert RedactingFilter().redact(f"x {short} y") == "x *** y"
        finally:
            for secret in secrets:
                unregister_secret(secret)


# -- DateSpan and TimeOfDay: errors name the offending part ------------------------------------


@pytest.mark.parametrize(
    ("build", "error", "message"),
    [
        (
            lambda: DateSpan.parse("x" * 61),
            DateSpanError,
            f"invalid date-span: '{'x' * 59}…': expected [-][d.]hh:mm:ss[.fffffff]",
        ),
        (
            lambda: DateSpan.parse("y" * 60),
            DateSpanError,
            f"invalid date-span: '{'y' * 60}': expected [-][d.]hh:mm:ss[.fffffff]",
        ),
        (
            lambda: DateSpan.of(hours=1) * math.inf,
            DateSpanError,
            "invalid date-span: 'inf': a span can only be scaled by a finite number",
        ),
        (lambda: TimeOfDay(-1), TimeOfDayError, "invalid time of day: '-1': ticks must be 0..863999999999"),
        (
            lambda: TimeOfDay.of(24, 60, 60, 10_000_000),
            TimeOfDayError,
            "invalid time of day: '24': hour must be 0..23; '60': minute must be 0..59; "
            "'60': second must be 0..59; '10000000': ticks must be 0..9999999",
        ),
        (
            lambda: TimeOfDay.parse(" 24:60:60"),
            TimeOfDayError,
            "invalid time of day: '24' at position 1: hours must be 0..23; "
            "'60' at position 4: minutes must be 0..59; '60' at position 7: seconds must be 0..59",
        ),
        (
            lambda: TimeOfDay.parse("7h"),
            TimeOfDayError,
            "invalid time of day: '7h': expected HH:MM:SS[.fffffff]",
        ),
        (
            lambda: TimeOfDay.from_time(dt.time(8, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
            TimeOfDayError,
            "invalid time of day: '08:00:00+01:00': times of day are UTC; convert it first",
        ),
        (
            lambda: format_timestamp(dt.datetime(2021, 5, 1)),
            TimestampError,
            "invalid timestamp: '2021-05-01T00:00:00': naive datetime: attach a timezone (e.g. UTC)",
        ),
    ],
)
def test_time_errors_name_the_part_and_the_value(
    build: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        build()
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: DateSpan.of(days=_any(1.5)), "days must be an int, not float"),
        (lambda: DateSpan.of(hours=_any("1")), "hours must be an int, not str"),
        (lambda: DateSpan.of(minutes=_any(None)), "minutes must be an int, not NoneType"),
        (lambda: DateSpan.of(seconds=_any(True)), "seconds must be an int, not bool"),
        (lambda: DateSpan.of(milliseconds=_any(1.0)), "milliseconds must be an int, not float"),
        (lambda: DateSpan.of(microseconds=_any(1.0)), "microseconds must be an int, not float"),
        (lambda: DateSpan.of(ticks=_any(1.0)), "ticks must be an int, not float"),
        (lambda: TimeOfDay(_any(1.0)), "TimeOfDay ticks must be an int, not float"),
        (lambda: TimeOfDay.of(_any(1.0)), "hour must be an int, not float"),
        (lambda: TimeOfDay.parse(_any(5)), "a TimeOfDay is parsed from a str, not int"),
        (lambda: TimeOfDay.from_time(_any("08:00")), "expected a time, not str"),
    ],
)
def test_time_type_errors_name_the_argument(build: Callable[[], object], message: str) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        build()
    assert str(caught.value) == message


@pytest.mark.parametrize("number", [True, False])
def test_spans_are_not_scaled_by_booleans(number: bool) -> None:
    span = DateSpan.of(hours=1)
    for op in (operator.mul, operator.truediv, operator.floordiv):
        with pytest.raises(TypeError):
            op(span, number)
