"""The contract's custom string formats: Hypothesis strategies to generate them, validators to check them.

``openapi.yaml`` uses three formats that no JSON Schema tool knows (``docs/spec-notes.md``):

* ``qarnot-date-time``: ISO 8601 with up to 7 fractional digits, ``Z``, an offset or nothing, and a
  tolerated trailing space (``0001-01-01T00:00:00Z`` means "not set");
* ``date-span``: the .NET ``TimeSpan`` text ``[-][d.]hh:mm:ss[.fffffff]``;
* ``time-of-day``: ``HH:MM:SS[.fffffff]``.

Their ``pattern`` keywords already constrain the shape; the validators here add what a regular
expression cannot say (minutes up to 59, real calendar dates, the ``TimeSpan`` range) by running the
toolkit's own value parsers, so a server is held to exactly what the client can read.

schemathesis keeps format strategies in one process-wide registry. :func:`registered_formats` installs
ours for the duration of a run and puts back whatever was there before, so that a host process (a
pytest session with other schemathesis suites) sees no change afterwards.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any, Final

import schemathesis
from hypothesis import strategies as st
from schemathesis.specs.openapi import formats as _st_formats

from qarnot_ext import DateSpan, InvalidValueError, TimeOfDay, parse_timestamp
from qarnot_ext.wire import TICKS_PER_SECOND

__all__ = ["CUSTOM_FORMATS", "FORMAT_VALIDATORS", "format_strategies", "registered_formats"]

_TICKS_PER_DAY: Final = 86_400 * TICKS_PER_SECOND
# Realistic bounds: ten thousand days either way covers every wall time and TTL the API deals with.
_SPAN_TICKS: Final = 10_000 * _TICKS_PER_DAY


def _fraction(draw: st.DrawFn) -> str:
    digits = draw(st.integers(0, 7))
    if not digits:
        return ""
    return "." + str(draw(st.integers(0, 10**digits - 1))).zfill(digits)


@st.composite
def _date_spans(draw: st.DrawFn) -> str:
    # Both the canonical spelling (what the API writes) and the "hours above 23" one (what the
    # reference's examples show) are valid date-spans.
    if draw(st.booleans()):
        return str(DateSpan(draw(st.integers(-_SPAN_TICKS, _SPAN_TICKS))))
    sign = "-" if draw(st.booleans()) else ""
    hours = draw(st.integers(0, 999))
    return f"{sign}{hours:02d}:{draw(st.integers(0, 59)):02d}:{draw(st.integers(0, 59)):02d}{_fraction(draw)}"


@st.composite
def _timestamps(draw: st.DrawFn) -> str:
    moment = draw(st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9998, 12, 31)))
    zone = draw(st.sampled_from(["Z", "Z", "", "+00:00", "+02:00", "-05:30"]))
    trailing = draw(st.sampled_from(["", "", " "]))
    return moment.replace(microsecond=0).isoformat() + _fraction(draw) + zone + trailing


def format_strategies() -> dict[str, st.SearchStrategy[str]]:
    """Strategies generating valid values of each custom format (pattern and parser agree on them)."""
    return {
        "qarnot-date-time": _timestamps(),
        "date-span": _date_spans(),
        "time-of-day": st.integers(0, _TICKS_PER_DAY - 1).map(lambda ticks: str(TimeOfDay(ticks))),
    }


def _accepts(parse: Callable[[str], Any]) -> Callable[[Any], bool]:
    def validate(value: Any) -> bool:
        # JSON Schema applies formats to strings only: other types are the ``type`` keyword's business.
        if not isinstance(value, str):
            return True
        try:
            parse(value)
        except InvalidValueError:
            return False
        return True

    return validate


FORMAT_VALIDATORS: Final[dict[str, Callable[[Any], bool]]] = {
    "qarnot-date-time": _accepts(parse_timestamp),
    "date-span": _accepts(DateSpan.parse),
    "time-of-day": _accepts(TimeOfDay.parse),
}
"""Validators of the custom formats, by format name, for ``jsonschema_rs`` (``formats=``)."""

CUSTOM_FORMATS: Final = tuple(FORMAT_VALIDATORS)
"""The names of the contract's custom formats."""


def _registry() -> dict[str, Any]:
    # schemathesis 4.32 exposes registration (``schemathesis.openapi.format``) but no lookup; its
    # internal registry is read only to put back what a host process had registered before the run.
    registry: dict[str, Any] = _st_formats.STRING_FORMATS
    return registry


@contextlib.contextmanager
def registered_formats() -> Iterator[None]:
    """Register the custom format strategies for the duration of a run, then restore the registry."""
    registry = _registry()
    previous = {name: registry.get(name) for name in CUSTOM_FORMATS}
    for name, strategy in format_strategies().items():
        schemathesis.openapi.format(name, strategy)
    try:
        yield
    finally:
        for name, before in previous.items():
            if before is None:
                _st_formats.unregister_string_format(name)
            else:
                # Put the very object back: registering it again would wrap it a second time.
                registry[name] = before
