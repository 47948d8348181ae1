"""Time values of the API: .NET time spans, timestamps and times of day.

* :class:`DateSpan` is the .NET ``TimeSpan`` invariant form ``[-][d.]hh:mm:ss[.fffffff]`` used by
  ``maxWallTime``, ``completionTimeToLive`` and the time fields of outputs (``executionTime`` …). It is
  exact to the 100 ns tick: the 7th fractional digit survives, ``timedelta`` would lose it.
* :func:`parse_timestamp` / :func:`format_timestamp` read and write ``date-time`` values: up to 7
  fractional digits, ``Z`` or offsets, the ``0001-01-01T00:00:00Z`` "not set" sentinel (``None``), a
  stray trailing space; always an aware UTC :class:`~datetime.datetime`.
* :class:`TimeOfDay` is the ``HH:MM:SS[.fffffff]`` of scaling periods (``startTimeUtc`` …).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from fractions import Fraction
from typing import Final, overload

import attrs

from qarnot_ext._errors import (
    DateSpanError,
    DateSpanSyntaxError,
    InvalidTypeError,
    Problem,
    TimeOfDayError,
    TimeOfDaySyntaxError,
    TimestampError,
    TimestampSyntaxError,
)

__all__ = [
    "DateSpan",
    "DateSpanError",
    "DateSpanSyntaxError",
    "TimeOfDay",
    "TimeOfDayError",
    "TimeOfDaySyntaxError",
    "TimestampError",
    "TimestampSyntaxError",
    "format_timestamp",
    "parse_timestamp",
]

TICKS_PER_SECOND: Final = 10_000_000
_TICKS_PER_MICROSECOND: Final = 10
_TICKS_PER_DAY: Final = 86_400 * TICKS_PER_SECOND
# .NET TimeSpan is a signed 64-bit count of ticks.
_MIN_TICKS: Final = -(2**63)
_MAX_TICKS: Final = 2**63 - 1

_SPAN: Final = re.compile(
    r"(?P<sign>-)?(?:(?P<days>[0-9]{1,8})\.)?(?P<hours>[0-9]{1,10}):(?P<minutes>[0-9]{1,2}):"
    r"(?P<seconds>[0-9]{1,2})(?:\.(?P<fraction>[0-9]{1,7}))?",
    re.ASCII,
)
_TIME_OF_DAY: Final = re.compile(
    r"(?P<hours>[0-9]{1,2}):(?P<minutes>[0-9]{2}):(?P<seconds>[0-9]{2})(?:\.(?P<fraction>[0-9]{1,7}))?",
    re.ASCII,
)
_TIMESTAMP: Final = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})[Tt ]"
    r"(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})(?:[.,](?P<fraction>[0-9]{1,7}))?"
    r"(?:(?P<zulu>[Zz])|(?P<offset_sign>[+-])(?P<offset_hours>[0-9]{2}):?(?P<offset_minutes>[0-9]{2}))?",
    re.ASCII,
)


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fraction_ticks(digits: str | None) -> int:
    """Ticks of a fractional-seconds string of at most 7 digits (``"5"`` is 5,000,000 ticks)."""
    return int(digits.ljust(7, "0")) if digits else 0


def _require_int(value: object, what: str, kind: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError.expected(kind, what, "an int", value)
    return value


def _check_ticks(_instance: object, _attribute: object, value: int) -> None:
    _require_int(value, "DateSpan ticks", "date-span")
    if not _MIN_TICKS <= value <= _MAX_TICKS:
        raise DateSpanError([Problem(str(value), "outside the .NET TimeSpan range (signed 64-bit ticks)")])


def _round_half_even(value: Fraction) -> int:
    return round(value)


def _finite(number: float) -> Fraction:
    if not math.isfinite(number):
        raise DateSpanError([Problem(repr(number), "a span can only be scaled by a finite number")])
    return Fraction(number)


@attrs.frozen(order=True, repr=False)
class DateSpan:
    """A .NET ``TimeSpan``: a signed count of 100 ns ticks, written ``[-][d.]hh:mm:ss[.fffffff]``.

    ``str()`` is the canonical wire form (days only when non-zero, 7 fractional digits only when
    non-zero). Parsing tolerates hours above 23 (``30:00:00``) and 1 to 7 fractional digits.
    Arithmetic mirrors :class:`~datetime.timedelta`: ``+``, ``-``, unary ``-``, ``abs``, ``*`` and
    ``/`` by a number (rounded half-even to the tick), ``/`` and ``//`` and ``%`` by a span; ordering
    and hashing follow the ticks. ``datetime + span`` works (at microsecond precision).

    Example:
        >>> span = DateSpan.parse("1.03:16:50.5")
        >>> str(span), span.ticks
        ('1.03:16:50.5000000', 982105000000)
        >>> str(DateSpan.parse("30:00:00")), str(DateSpan.of(minutes=90) * 2)
        ('1.06:00:00', '03:00:00')

    """

    ticks: int = attrs.field(validator=_check_ticks)

    @classmethod
    def parse(cls, text: str) -> DateSpan:
        """Parse ``[-][d.]hh:mm:ss[.fffffff]`` (surrounding blanks ignored).

        Raises :class:`DateSpanSyntaxError` naming the offending part (``TypeError`` for a non-str).

        Example:
            >>> str(DateSpan.parse("00:00:25.1000003"))
            '00:00:25.1000003'

        """
        if not isinstance(text, str):
            raise InvalidTypeError(
                "date-span", [Problem("text", f"a DateSpan is parsed from a str, not {type(text).__name__}")]
            )
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        match = _SPAN.fullmatch(stripped)
        if match is None:
            raise DateSpanSyntaxError([Problem(_shorten(text), "expected [-][d.]hh:mm:ss[.fffffff]", None)])
        problems: list[Problem] = []
        days = int(match["days"]) if match["days"] else 0
        hours, minutes, seconds = int(match["hours"]), int(match["minutes"]), int(match["seconds"])
        if match["days"] is not None and hours > 23:
            problems.append(
                Problem(match["hours"], "hours must be 0..23 after a day part", lead + match.start("hours"))
            )
        if minutes > 59:
            problems.append(Problem(match["minutes"], "minutes must be 0..59", lead + match.start("minutes")))
        if seconds > 59:
            problems.append(Problem(match["seconds"], "seconds must be 0..59", lead + match.start("seconds")))
        if problems:
            raise DateSpanSyntaxError(problems)
        total = (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * TICKS_PER_SECOND
        total += _fraction_ticks(match["fraction"])
        ticks = -total if match["sign"] else total
        if not _MIN_TICKS <= ticks <= _MAX_TICKS:
            raise DateSpanSyntaxError([Problem(_shorten(text), "outside the .NET TimeSpan range", None)])
        return cls(ticks)

    @classmethod
    def parse_lenient(cls, text: str | None) -> DateSpan | None:
        """Like :meth:`parse`, but ``None`` and blank strings (server output) give ``None``.

        Example:
            >>> DateSpan.parse_lenient(None) is None, DateSpan.parse_lenient(" 00:30:00 ")
            (True, DateSpan('00:30:00'))

        """
        if text is None or (isinstance(text, str) and not text.strip()):
            return None
        return cls.parse(text)

    @classmethod
    def of(
        cls,
        *,
        days: int = 0,
        hours: int = 0,
        minutes: int = 0,
        seconds: int = 0,
        milliseconds: int = 0,
        microseconds: int = 0,
        ticks: int = 0,
    ) -> DateSpan:
        """Build a span from integer components (any sign, any size, summed).

        Example:
            >>> DateSpan.of(hours=1, minutes=30)
            DateSpan('01:30:00')

        """
        parts = (days, hours, minutes, seconds, milliseconds, microseconds, ticks)
        names = ("days", "hours", "minutes", "seconds", "milliseconds", "microseconds", "ticks")
        for name, part in zip(names, parts, strict=True):
            _require_int(part, name, "date-span")
        total = (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * TICKS_PER_SECOND
        total += milliseconds * 10_000 + microseconds * _TICKS_PER_MICROSECOND + ticks
        return cls(total)

    @classmethod
    def from_timedelta(cls, value: dt.timedelta) -> DateSpan:
        """Return the exact span of a :class:`~datetime.timedelta` (raises if beyond the .NET range).

        Example:
            >>> DateSpan.from_timedelta(dt.timedelta(days=1, microseconds=5))
            DateSpan('1.00:00:00.0000050')

        """
        if not isinstance(value, dt.timedelta):
            raise InvalidTypeError.expected("date-span", "value", "a datetime.timedelta", value)
        seconds = value.days * 86_400 + value.seconds
        return cls(seconds * TICKS_PER_SECOND + value.microseconds * _TICKS_PER_MICROSECOND)

    def to_timedelta(self) -> dt.timedelta:
        """Return the span as a :class:`~datetime.timedelta`, rounded half-even to the microsecond.

        Example:
            >>> DateSpan.parse("00:00:01.0000015").to_timedelta()
            datetime.timedelta(seconds=1, microseconds=2)

        """
        return dt.timedelta(microseconds=_round_half_even(Fraction(self.ticks, _TICKS_PER_MICROSECOND)))

    def total_seconds(self) -> float:
        """Return the span in seconds, as a float.

        Example:
            >>> DateSpan.parse("00:01:30").total_seconds()
            90.0

        """
        return self.ticks / TICKS_PER_SECOND

    def __str__(self) -> str:
        sign = "-" if self.ticks < 0 else ""
        seconds, fraction = divmod(abs(self.ticks), TICKS_PER_SECOND)
        days, seconds = divmod(seconds, 86_400)
        hours, seconds = divmod(seconds, 3_600)
        minutes, seconds = divmod(seconds, 60)
        out = f"{sign}{days}." if days else sign
        out += f"{hours:02d}:{minutes:02d}:{seconds:02d}"
        return f"{out}.{fraction:07d}" if fraction else out

    def __repr__(self) -> str:
        return f"DateSpan({str(self)!r})"

    def __bool__(self) -> bool:
        return self.ticks != 0

    def __neg__(self) -> DateSpan:
        return DateSpan(-self.ticks)

    def __pos__(self) -> DateSpan:
        return self

    def __abs__(self) -> DateSpan:
        return DateSpan(abs(self.ticks))

    def __add__(self, other: object) -> DateSpan:
        if not isinstance(other, DateSpan):
            return NotImplemented
        return DateSpan(self.ticks + other.ticks)

    def __sub__(self, other: object) -> DateSpan:
        if not isinstance(other, DateSpan):
            return NotImplemented
        return DateSpan(self.ticks - other.ticks)

    def __radd__(self, other: object) -> dt.datetime:
        if isinstance(other, dt.datetime):
            return other + self.to_timedelta()
        return NotImplemented

    def __rsub__(self, other: object) -> dt.datetime:
        if isinstance(other, dt.datetime):
            return other - self.to_timedelta()
        return NotImplemented

    def __mul__(self, factor: object) -> DateSpan:
        if isinstance(factor, bool) or not isinstance(factor, int | float):
            return NotImplemented
        return DateSpan(_round_half_even(Fraction(self.ticks) * _finite(factor)))

    __rmul__ = __mul__

    @overload
    def __truediv__(self, other: DateSpan) -> float: ...
    @overload
    def __truediv__(self, other: float) -> DateSpan: ...
    def __truediv__(self, other: object) -> DateSpan | float:
        if isinstance(other, DateSpan):
            return self.ticks / other.ticks
        if isinstance(other, bool) or not isinstance(other, int | float):
            return NotImplemented
        return DateSpan(_round_half_even(Fraction(self.ticks) / _finite(other)))

    @overload
    def __floordiv__(self, other: DateSpan) -> int: ...
    @overload
    def __floordiv__(self, other: int) -> DateSpan: ...
    def __floordiv__(self, other: object) -> DateSpan | int:
        if isinstance(other, DateSpan):
            return self.ticks // other.ticks
        if isinstance(other, bool) or not isinstance(other, int):
            return NotImplemented
        return DateSpan(self.ticks // other)

    def __mod__(self, other: object) -> DateSpan:
        if not isinstance(other, DateSpan):
            return NotImplemented
        return DateSpan(self.ticks % other.ticks)

    def __divmod__(self, other: object) -> tuple[int, DateSpan]:
        if not isinstance(other, DateSpan):
            return NotImplemented
        quotient, remainder = divmod(self.ticks, other.ticks)
        return quotient, DateSpan(remainder)


_UTC: Final = dt.UTC


def parse_timestamp(text: str | None) -> dt.datetime | None:
    """Parse an API timestamp into an aware UTC datetime; the "not set" sentinel gives ``None``.

    Accepts ``YYYY-MM-DDTHH:MM:SS`` with 1 to 7 fractional digits, ``Z`` or an offset ``±HH:MM``, and
    surrounding blanks; no zone means UTC. ``None`` and ``0001-01-01T00:00:00`` (any zone, any zero
    fraction: .NET's ``DateTime.MinValue``) give ``None``. The 7th fractional digit is truncated, so
    the order of timestamps is kept. Raises :class:`TimestampSyntaxError` naming the bad part.

    Example:
        >>> parse_timestamp("2021-05-01T08:56:48.1234567Z")
        datetime.datetime(2021, 5, 1, 8, 56, 48, 123456, tzinfo=datetime.timezone.utc)
        >>> parse_timestamp("0001-01-01T00:00:00 ") is None
        True

    """
    if text is None:
        return None
    if not isinstance(text, str):
        raise InvalidTypeError.expected("timestamp", "text", "a str or None", text)
    stripped = text.strip()
    match = _TIMESTAMP.fullmatch(stripped)
    if match is None:
        raise TimestampSyntaxError(
            [Problem(_shorten(text), "expected YYYY-MM-DDTHH:MM:SS[.fffffff][Z|±HH:MM]", None)]
        )
    fraction = match["fraction"] or ""
    is_midnight = match["hour"] == match["minute"] == match["second"] == "00"
    if stripped.startswith("0001-01-01") and is_midnight and not fraction.strip("0"):
        return None
    lead = len(text) - len(text.lstrip())
    offset = dt.timedelta(0)
    if match["offset_sign"]:
        offset_hours, offset_minutes = int(match["offset_hours"]), int(match["offset_minutes"])
        if offset_hours > 23 or offset_minutes > 59:
            where = lead + match.start("offset_sign")
            raise TimestampSyntaxError(
                [Problem(stripped[where - lead :], "offset must be within ±23:59", where)]
            )
        offset = dt.timedelta(hours=offset_hours, minutes=offset_minutes)
        if match["offset_sign"] == "-":
            offset = -offset
    try:
        local = dt.datetime(
            int(match["year"]),
            int(match["month"]),
            int(match["day"]),
            int(match["hour"]),
            int(match["minute"]),
            int(match["second"]),
            _fraction_ticks(fraction) // _TICKS_PER_MICROSECOND,
            tzinfo=dt.timezone(offset),
        )
    except ValueError as exc:
        raise TimestampSyntaxError([Problem(_shorten(stripped), str(exc), lead)]) from None
    try:
        return local.astimezone(_UTC)
    except OverflowError:
        raise TimestampSyntaxError(
            [Problem(_shorten(stripped), "outside the datetime range once in UTC", lead)]
        ) from None


def format_timestamp(value: dt.datetime) -> str:
    """Write an aware datetime in the wire form ``YYYY-MM-DDTHH:MM:SS[.ffffff]Z`` (converted to UTC).

    A naive datetime raises :class:`TimestampError`: its zone would be a guess.

    Example:
        >>> format_timestamp(dt.datetime(2021, 5, 1, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))))
        '2021-05-01T19:00:00Z'

    """
    if not isinstance(value, dt.datetime):
        raise InvalidTypeError.expected("timestamp", "value", "a datetime.datetime", value)
    if value.tzinfo is None or value.utcoffset() is None:
        raise TimestampError([Problem(value.isoformat(), "naive datetime: attach a timezone (e.g. UTC)")])
    try:
        utc = value.astimezone(_UTC)
    except OverflowError:
        raise TimestampError([Problem(value.isoformat(), "outside the datetime range once in UTC")]) from None
    out = f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}"
    if utc.microsecond:
        out += f".{utc.microsecond:06d}"
    return out + "Z"


def _check_time_ticks(_instance: object, _attribute: object, value: int) -> None:
    _require_int(value, "TimeOfDay ticks", "time of day")
    if not 0 <= value < _TICKS_PER_DAY:
        raise TimeOfDayError([Problem(str(value), f"ticks must be 0..{_TICKS_PER_DAY - 1}")])


@attrs.frozen(order=True, repr=False)
class TimeOfDay:
    """A time of day ``HH:MM:SS[.fffffff]`` exact to the 100 ns tick, as in scaling periods.

    ``ticks`` counts 100 ns since midnight. ``str()`` writes two-digit fields and 7 fractional digits
    when the fraction is non-zero.

    Example:
        >>> t = TimeOfDay.parse("23:59:59.9999999")
        >>> str(t), t.hour, TimeOfDay.parse("19:30:00") < t
        ('23:59:59.9999999', 23, True)

    """

    ticks: int = attrs.field(validator=_check_time_ticks)

    @classmethod
    def parse(cls, text: str) -> TimeOfDay:
        """Parse ``HH:MM:SS[.fffffff]`` (hours 0..23; surrounding blanks ignored).

        Example:
            >>> TimeOfDay.parse("7:05:00")
            TimeOfDay('07:05:00')

        """
        if not isinstance(text, str):
            raise InvalidTypeError(
                "time of day",
                [Problem("text", f"a TimeOfDay is parsed from a str, not {type(text).__name__}")],
            )
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        match = _TIME_OF_DAY.fullmatch(stripped)
        if match is None:
            raise TimeOfDaySyntaxError([Problem(_shorten(text), "expected HH:MM:SS[.fffffff]", None)])
        problems = [
            Problem(match[name], f"{name} must be 0..{limit - 1}", lead + match.start(name))
            for name, limit in (("hours", 24), ("minutes", 60), ("seconds", 60))
            if int(match[name]) >= limit
        ]
        if problems:
            raise TimeOfDaySyntaxError(problems)
        seconds = (int(match["hours"]) * 60 + int(match["minutes"])) * 60 + int(match["seconds"])
        return cls(seconds * TICKS_PER_SECOND + _fraction_ticks(match["fraction"]))

    @classmethod
    def of(cls, hour: int, minute: int = 0, second: int = 0, ticks: int = 0) -> TimeOfDay:
        """Build from components; ``ticks`` is the fraction of the second in 100 ns units.

        Example:
            >>> TimeOfDay.of(19, 30)
            TimeOfDay('19:30:00')

        """
        problems = [
            Problem(str(value), f"{name} must be 0..{limit - 1}")
            for name, value, limit in (
                ("hour", hour, 24),
                ("minute", minute, 60),
                ("second", second, 60),
                ("ticks", ticks, TICKS_PER_SECOND),
            )
            if not 0 <= _require_int(value, name, "time of day") < limit
        ]
        if problems:
            raise TimeOfDayError(problems)
        return cls(((hour * 60 + minute) * 60 + second) * TICKS_PER_SECOND + ticks)

    @classmethod
    def from_time(cls, value: dt.time) -> TimeOfDay:
        """Return the exact time of day of a :class:`~datetime.time` (a zone, if any, must be UTC).

        Example:
            >>> TimeOfDay.from_time(dt.time(8, 15, 0, 250))
            TimeOfDay('08:15:00.0002500')

        """
        if not isinstance(value, dt.time):
            raise InvalidTypeError(
                "time of day", [Problem("value", f"expected a time, not {type(value).__name__}")]
            )
        offset = value.utcoffset()
        if offset:
            raise TimeOfDayError([Problem(value.isoformat(), "times of day are UTC; convert it first")])
        return cls.of(value.hour, value.minute, value.second, value.microsecond * _TICKS_PER_MICROSECOND)

    def to_time(self) -> dt.time:
        """Return a naive :class:`~datetime.time`; the 7th fractional digit is truncated.

        Example:
            >>> TimeOfDay.parse("23:59:59.9999999").to_time()
            datetime.time(23, 59, 59, 999999)

        """
        fraction = self.ticks % TICKS_PER_SECOND
        return dt.time(self.hour, self.minute, self.second, fraction // _TICKS_PER_MICROSECOND)

    @property
    def hour(self) -> int:
        """The hour, 0..23."""
        return self.ticks // (3_600 * TICKS_PER_SECOND)

    @property
    def minute(self) -> int:
        """The minute, 0..59."""
        return self.ticks // (60 * TICKS_PER_SECOND) % 60

    @property
    def second(self) -> int:
        """The second, 0..59 (the fraction is ``ticks % 10_000_000``)."""
        return self.ticks // TICKS_PER_SECOND % 60

    def __str__(self) -> str:
        seconds, fraction = divmod(self.ticks, TICKS_PER_SECOND)
        minutes, seconds = divmod(seconds, 60)
        hours, minutes = divmod(minutes, 60)
        out = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
        return f"{out}.{fraction:07d}" if fraction else out

    def __repr__(self) -> str:
        return f"TimeOfDay({str(self)!r})"
