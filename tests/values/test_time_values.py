"""DateSpan, timestamps and TimeOfDay: exact to the tick, tolerant on input, canonical on output."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from qarnot_ext._errors import InvalidValueError
from qarnot_ext._timefmt import (
    DateSpan,
    DateSpanError,
    DateSpanSyntaxError,
    TimeOfDay,
    TimeOfDayError,
    TimeOfDaySyntaxError,
    TimestampError,
    TimestampSyntaxError,
    format_timestamp,
    parse_timestamp,
)
from tests.strategies import (
    INT64_MAX,
    INT64_MIN,
    TICKS_PER_DAY,
    aware_datetimes,
    date_span_texts,
    date_spans,
    times_of_day,
    timestamp_texts,
)

UTC = dt.UTC

# -- DateSpan --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical", "ticks"),
    [
        ("1.03:16:50.5000000", "1.03:16:50.5000000", 982_105_000_000),
        ("00:30:00", "00:30:00", 18_000_000_000),
        ("00:00:25.1000003", "00:00:25.1000003", 251_000_003),  # the 7th digit survives
        ("10:02:17", "10:02:17", 361_370_000_000),
        ("30:00:00", "1.06:00:00", 1_080_000_000_000),  # hours above 23, as in the reference
        ("1.5:0:0", "1.05:00:00", 1_044_000_000_000),
        ("00:00:01.5", "00:00:01.5000000", 15_000_000),
        ("-00:00:01", "-00:00:01", -10_000_000),
        ("-00:00:00", "00:00:00", 0),
        (" 00:00:00.0000001 ", "00:00:00.0000001", 1),
        ("10675199.02:48:05.4775807", "10675199.02:48:05.4775807", INT64_MAX),
        ("-10675199.02:48:05.4775808", "-10675199.02:48:05.4775808", INT64_MIN),
    ],
)
def test_date_span_golden(text: str, canonical: str, ticks: int) -> None:
    span = DateSpan.parse(text)
    assert span.ticks == ticks
    assert str(span) == canonical
    assert repr(span) == f"DateSpan({canonical!r})"


@pytest.mark.parametrize(
    ("text", "fragment", "position"),
    [
        ("string", "expected", None),  # the reference's placeholder
        ("", "expected", None),
        ("1:2", "expected", None),
        ("00:00:00.12345678", "expected", None),
        ("--00:00:01", "expected", None),
        ("1.00:00", "expected", None),
        ("00:75:00", "minutes", 3),
        ("00:00:60", "seconds", 6),
        ("1.24:00:00", "hours", 2),
        (" 00:99:00", "minutes", 4),
        ("10675199.02:48:05.4775808", "range", None),
        ("\u0661:00:00", "expected", None),
    ],
)
def test_date_span_rejects(text: str, fragment: str, position: int | None) -> None:
    with pytest.raises(DateSpanSyntaxError) as info:
        DateSpan.parse(text)
    assert fragment in str(info.value)
    assert info.value.problems[0].position == position
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, InvalidValueError)


def test_date_span_reports_every_bad_field() -> None:
    with pytest.raises(DateSpanSyntaxError) as info:
        DateSpan.parse("00:60:61")
    assert [(p.text, p.position) for p in info.value.problems] == [("60", 3), ("61", 6)]


def test_date_span_lenient_and_types() -> None:
    assert DateSpan.parse_lenient(None) is None
    assert DateSpan.parse_lenient("  ") is None
    assert DateSpan.parse_lenient("00:30:00") == DateSpan.of(minutes=30)
    with pytest.raises(DateSpanSyntaxError):
        DateSpan.parse_lenient("string")
    with pytest.raises(TypeError):
        DateSpan.parse(30)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        DateSpan(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        DateSpan(True)
    with pytest.raises(DateSpanError):
        DateSpan(INT64_MAX + 1)
    with pytest.raises(DateSpanError):
        DateSpan.from_timedelta(dt.timedelta.max)
    with pytest.raises(TypeError):
        DateSpan.of(hours=1.5)  # type: ignore[arg-type]


def test_date_span_arithmetic() -> None:
    hour = DateSpan.of(hours=1)
    assert hour + DateSpan.of(minutes=30) == DateSpan.parse("01:30:00")
    assert hour - DateSpan.of(hours=2) == DateSpan.parse("-01:00:00")
    assert -hour == DateSpan.parse("-01:00:00")
    assert abs(-hour) == hour
    assert +hour == hour
    assert hour * 2 == 2 * hour == DateSpan.parse("02:00:00")
    assert hour * 1.5 == DateSpan.parse("01:30:00")
    assert hour / 3 == DateSpan.parse("00:20:00")
    assert DateSpan(3) / 2 == DateSpan(2)  # half-even, to the tick
    assert DateSpan(5) / 2 == DateSpan(2)
    assert hour / DateSpan.of(minutes=40) == 1.5
    assert hour // DateSpan.of(minutes=40) == 1
    assert hour // 7 == DateSpan(hour.ticks // 7)
    assert hour % DateSpan.of(minutes=40) == DateSpan.of(minutes=20)
    assert divmod(hour, DateSpan.of(minutes=40)) == (1, DateSpan.of(minutes=20))
    assert DateSpan.of(minutes=59) < hour <= hour < DateSpan.of(hours=2)
    assert not DateSpan(0)
    assert DateSpan(1)
    assert hour.total_seconds() == 3600.0
    start = dt.datetime(2024, 1, 1, tzinfo=UTC)
    assert start + hour == dt.datetime(2024, 1, 1, 1, tzinfo=UTC)
    assert start - hour == dt.datetime(2023, 12, 31, 23, tzinfo=UTC)
    with pytest.raises(DateSpanError):
        hour * float("nan")
    with pytest.raises(ZeroDivisionError):
        hour / 0
    with pytest.raises(DateSpanError):
        DateSpan(INT64_MAX) + DateSpan(1)
    with pytest.raises(TypeError):
        _ = hour + dt.timedelta(hours=1)
    with pytest.raises(TypeError):
        _ = hour < dt.timedelta(hours=1)  # type: ignore[operator]
    assert hour != dt.timedelta(hours=1)


def test_date_span_and_timedelta() -> None:
    assert DateSpan.from_timedelta(dt.timedelta(days=1, microseconds=5)).ticks == 864_000_000_050
    assert DateSpan.parse("00:00:01.0000015").to_timedelta() == dt.timedelta(seconds=1, microseconds=2)
    assert DateSpan.parse("00:00:01.0000025").to_timedelta() == dt.timedelta(seconds=1, microseconds=2)
    assert DateSpan.parse("-00:00:00.0000015").to_timedelta() == dt.timedelta(microseconds=-2)


@given(date_spans)
def test_date_span_text_round_trip(span: DateSpan) -> None:
    text = str(span)
    assert DateSpan.parse(text) == span
    assert str(DateSpan.parse(text)) == text
    assert hash(DateSpan.parse(text)) == hash(span)
    assert pickle.loads(pickle.dumps(span)) == span
    delta = span.to_timedelta()
    micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
    assert abs(micros * 10 - span.ticks) <= 5  # rounded to the nearest microsecond


@given(date_span_texts())
def test_date_span_parses_tolerant_input_exactly(case: tuple[str, int]) -> None:
    text, ticks = case
    assume(INT64_MIN <= ticks <= INT64_MAX)
    span = DateSpan.parse(text)
    assert span.ticks == ticks
    assert DateSpan.parse(str(span)) == span


@given(st.timedeltas(min_value=dt.timedelta(days=-10_000_000), max_value=dt.timedelta(days=10_000_000)))
def test_date_span_timedelta_round_trip(value: dt.timedelta) -> None:
    assert DateSpan.from_timedelta(value).to_timedelta() == value


@given(date_spans, date_spans)
def test_date_span_order_and_arithmetic_follow_ticks(a: DateSpan, b: DateSpan) -> None:
    assert (a < b) == (a.ticks < b.ticks)
    assert (a == b) == (a.ticks == b.ticks)
    if INT64_MIN <= a.ticks + b.ticks <= INT64_MAX:
        assert (a + b) - b == a
    if b.ticks and INT64_MIN <= a.ticks // b.ticks * b.ticks <= INT64_MAX:
        quotient, remainder = divmod(a, b)
        assert quotient * b.ticks + remainder.ticks == a.ticks
        assert a // b == quotient
        assert a % b == remainder


# -- timestamps ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-05-01T19:00:00Z", dt.datetime(2021, 5, 1, 19, tzinfo=UTC)),
        ("2021-05-01T08:56:48.1234567Z", dt.datetime(2021, 5, 1, 8, 56, 48, 123456, tzinfo=UTC)),
        ("2021-05-01T08:56:48.9999999Z", dt.datetime(2021, 5, 1, 8, 56, 48, 999999, tzinfo=UTC)),
        ("2021-05-01T21:00:00+02:00", dt.datetime(2021, 5, 1, 19, tzinfo=UTC)),
        ("2021-05-01T14:30:00-0430", dt.datetime(2021, 5, 1, 19, tzinfo=UTC)),
        ("2021-05-01T19:00:00", dt.datetime(2021, 5, 1, 19, tzinfo=UTC)),  # no zone: UTC
        ("2021-05-01T19:00:00Z ", dt.datetime(2021, 5, 1, 19, tzinfo=UTC)),
        ("2021-05-01 19:00:00.5z", dt.datetime(2021, 5, 1, 19, 0, 0, 500000, tzinfo=UTC)),
        ("0001-01-01T00:00:00Z", None),  # .NET DateTime.MinValue: "not set"
        ("0001-01-01T00:00:00 ", None),  # the reference's own example
        ("0001-01-01T00:00:00.0000000Z", None),
        ("0001-01-01T00:00:00+00:00", None),
        ("0001-01-01T00:00:00.0000001Z", dt.datetime(1, 1, 1, tzinfo=UTC)),
        (None, None),
    ],
)
def test_parse_timestamp_golden(text: str | None, expected: dt.datetime | None) -> None:
    got = parse_timestamp(text)
    assert got == expected
    if got is not None:
        assert got.tzinfo is UTC


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2021-02-30T00:00:00Z", "day is out of range"),
        ("2021-13-01T00:00:00Z", "month"),
        ("2021-05-01", "expected"),
        ("2021-05-01T19:00:00.12345678Z", "expected"),
        ("2021-05-01T24:00:00Z", "hour"),
        ("2021-05-01T19:00:00+24:00", "offset"),
        ("0001-01-01T00:30:00+01:00", "range once in UTC"),
        ("9999-12-31T23:30:00-01:00", "range once in UTC"),
        ("string", "expected"),
        ("", "expected"),
    ],
)
def test_parse_timestamp_rejects(text: str, fragment: str) -> None:
    with pytest.raises(TimestampSyntaxError, match=fragment):
        parse_timestamp(text)


def test_format_timestamp() -> None:
    paris = dt.timezone(dt.timedelta(hours=2))
    assert format_timestamp(dt.datetime(2021, 5, 1, 21, tzinfo=paris)) == "2021-05-01T19:00:00Z"
    assert format_timestamp(dt.datetime(5, 1, 2, 3, 4, 5, 60, tzinfo=UTC)) == "0005-01-02T03:04:05.000060Z"
    with pytest.raises(TimestampError, match="naive"):
        format_timestamp(dt.datetime(2021, 5, 1))
    with pytest.raises(TypeError):
        format_timestamp("2021-05-01T19:00:00Z")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_timestamp(dt.datetime(2021, 5, 1, tzinfo=UTC))  # type: ignore[arg-type]


@given(aware_datetimes)
def test_timestamp_round_trip(value: dt.datetime) -> None:
    text = format_timestamp(value)
    assert text.endswith("Z")
    parsed = parse_timestamp(text)
    assert parsed == value
    assert parsed is not None
    assert parsed.tzinfo is UTC
    assert format_timestamp(parsed) == text


@given(timestamp_texts(), timestamp_texts())
def test_parse_timestamp_truncates_and_keeps_order(
    a: tuple[str, dt.datetime], b: tuple[str, dt.datetime]
) -> None:
    assert parse_timestamp(a[0]) == a[1]
    assert parse_timestamp(b[0]) == b[1]
    parsed_a, parsed_b = parse_timestamp(a[0]), parse_timestamp(b[0])
    assert parsed_a is not None
    assert parsed_b is not None
    if a[1] < b[1]:
        assert parsed_a <= parsed_b


# -- time of day -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("23:59:59.9999999", "23:59:59.9999999"),
        ("19:30:00", "19:30:00"),
        ("7:05:00", "07:05:00"),
        ("00:00:00.5", "00:00:00.5000000"),
        (" 12:00:00 ", "12:00:00"),
    ],
)
def test_time_of_day_golden(text: str, canonical: str) -> None:
    value = TimeOfDay.parse(text)
    assert str(value) == canonical
    assert TimeOfDay.parse(canonical) == value


@pytest.mark.parametrize(
    ("text", "positions"), [("24:00:00", [0]), ("12:60:60", [3, 6]), ("12:00", None), ("x", None)]
)
def test_time_of_day_rejects(text: str, positions: list[int] | None) -> None:
    with pytest.raises(TimeOfDaySyntaxError) as info:
        TimeOfDay.parse(text)
    if positions is not None:
        assert [p.position for p in info.value.problems] == positions


def test_time_of_day_components() -> None:
    value = TimeOfDay.parse("23:59:59.9999999")
    assert (value.hour, value.minute, value.second) == (23, 59, 59)
    assert value.to_time() == dt.time(23, 59, 59, 999999)
    assert TimeOfDay.of(19, 30) == TimeOfDay.parse("19:30:00") < value
    assert TimeOfDay.from_time(dt.time(8, 15, 0, 250)) == TimeOfDay.parse("08:15:00.00025")
    assert TimeOfDay.from_time(dt.time(8, tzinfo=UTC)) == TimeOfDay.of(8)
    bad: list[Any] = [
        lambda: TimeOfDay.of(24),
        lambda: TimeOfDay.of(1, 60),
        lambda: TimeOfDay(TICKS_PER_DAY),
        lambda: TimeOfDay.from_time(dt.time(8, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
    ]
    for build in bad:
        with pytest.raises(TimeOfDayError):
            build()
    with pytest.raises(TypeError):
        TimeOfDay.of(1.5)  # type: ignore[arg-type]


@given(times_of_day)
def test_time_of_day_round_trip(value: TimeOfDay) -> None:
    assert TimeOfDay.parse(str(value)) == value
    assert TimeOfDay.from_time(value.to_time()).ticks == value.ticks - value.ticks % 10
