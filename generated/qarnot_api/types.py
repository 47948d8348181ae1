"""Contains some shared types for properties, and the one date-time parser of the API's models"""

import datetime
import re
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


_DATE_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?\s*")
_UTC = datetime.UTC
_ONE_SECOND = datetime.timedelta(seconds=1)


def parse_qarnot_datetime(value: str) -> datetime.datetime | None:
    """Parse one of the API's date-times (format ``qarnot-date-time``) into an aware ``datetime``.

    Accepted: ``YYYY-MM-DDTHH:MM:SS`` with 0 to 7 fractional digits, then ``Z``, an offset
    ``+HH:MM``/``-HH:MM`` or nothing (read as UTC, the API's zone), then trailing whitespace
    (the API writes some times with a trailing space).

    Precision: the API keeps 100 ns ticks (7 digits), Python microseconds (6): the 7th digit is
    rounded to the nearest microsecond, ties to even (``.1234565`` -> ``.123456``, ``.1234575`` ->
    ``.123458``), carrying into the seconds when needed.

    ``0001-01-01T00:00:00Z`` (any zero fraction, ``Z``, ``+00:00`` or no zone, trailing spaces too)
    is the API's "unset" value (.NET's ``DateTime.MinValue``): it returns ``None``.

    Raises:
        ValueError: ``value`` is not such a date-time, or rounding carries it past year 9999 (the
            message quotes it).

    """
    match = _DATE_TIME.fullmatch(value)
    if match is None:
        raise ValueError(f"not a date-time: {value!r}")
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    ticks = int(fraction.ljust(7, "0")) if fraction else 0
    if (
        year == "0001"
        and month == "01"
        and day == "01"
        and hour == minute == second == "00"
        and ticks == 0
        and zone in (None, "Z", "+00:00", "-00:00")
    ):
        return None
    micro, tick = divmod(ticks, 10)
    if tick > 5 or (tick == 5 and micro % 2):
        micro += 1
    if zone is None or zone == "Z":
        tz = _UTC
    else:
        sign = -1 if zone[0] == "-" else 1
        tz = datetime.timezone(sign * datetime.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])))
    carry = micro == 1_000_000
    result = datetime.datetime(
        int(year), int(month), int(day), int(hour), int(minute), int(second), 0 if carry else micro, tz
    )
    if not carry:
        return result
    try:
        return result + _ONE_SECOND
    except OverflowError:
        raise ValueError(f"date-time out of range once rounded to the microsecond: {value!r}") from None


def format_qarnot_datetime(value: datetime.datetime) -> str:
    """Write a ``datetime`` as the API reads it: UTC, ``Z``, at most 6 fractional digits.

    A naive ``datetime`` is taken as UTC; an aware one is converted to UTC first, except when UTC is
    beyond ``datetime``'s range (year 1 east of Greenwich, year 9999 west of it): that one is
    written with its own offset (``+HH:MM``), which the API's format also accepts.
    """
    suffix = "Z"
    if value.tzinfo is not None:
        try:
            value = value.astimezone(_UTC)
        except OverflowError:
            offset = value.utcoffset() or datetime.timedelta(0)
            sign = "-" if offset < datetime.timedelta(0) else "+"
            minutes = abs(offset) // datetime.timedelta(minutes=1)
            suffix = f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    text = f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    if value.microsecond:
        text += f".{value.microsecond:06d}"
    return text + suffix


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "format_qarnot_datetime",
    "parse_qarnot_datetime",
]
