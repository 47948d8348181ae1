"""Emulated time: every timestamp and every step of the scheduler reads one of these clocks.

Time is a float of seconds since the Unix epoch. :class:`SpeedClock` runs ``speed`` times faster
than the wall clock; :class:`ManualClock` only moves when told to, so that tests step the scheduler
exactly.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import threading
import time
from typing import Final, Protocol

__all__ = ["Clock", "ManualClock", "SpeedClock", "format_time"]

# A fixed, round start for manual clocks: outputs of stepped tests do not depend on the day they run.
DEFAULT_START: Final = dt.datetime(2030, 1, 1, tzinfo=dt.UTC).timestamp()


class Clock(Protocol):
    """What the emulator needs from a clock."""

    def now(self) -> float:
        """Return the emulated time in seconds since the epoch."""
        ...


class SpeedClock:
    """Wall time, accelerated: ``speed`` emulated seconds pass per real second (monotonic)."""

    def __init__(self, speed: float = 1.0, start: float | None = None) -> None:
        if not math.isfinite(speed) or speed <= 0:
            raise ValueError(f"speed must be a positive number, not {speed!r}")
        self.speed = speed
        self._origin = time.time() if start is None else start
        self._mono = time.monotonic()
        self._skew = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        """Return the emulated time."""
        return self._origin + (time.monotonic() - self._mono) * self.speed + self._skew

    def advance(self, seconds: float) -> None:
        """Jump ``seconds`` ahead on top of the running time (to skip a wait in a demo or test)."""
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(f"a clock only moves forward; got {seconds!r}")
        with self._lock:
            self._skew += seconds


class ManualClock:
    """A clock that only moves with :meth:`advance`."""

    def __init__(self, start: float = DEFAULT_START) -> None:
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> float:
        """Return the emulated time."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move the clock ``seconds`` forward."""
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(f"a clock only moves forward; got {seconds!r}")
        with self._lock:
            self._now += seconds


@functools.lru_cache(maxsize=8192)
def format_time(seconds: float) -> str:
    """Write emulated time as the reference shows it: ISO 8601 UTC, at most 6 fractional digits.

    Trailing zeros are trimmed (``….5Z``) and a whole second has no fraction: the official Python SDK
    parses at most 6 digits (the ``seven-digit-times`` quirk mode sends .NET's 7).
    Cached: a page of tasks repeats the same few instants (now, creation times, transitions).
    """
    micros = round(seconds * 1_000_000)
    whole, frac = divmod(micros, 1_000_000)
    stamp = dt.datetime.fromtimestamp(whole, dt.UTC)
    fraction = f".{frac:06d}".rstrip("0") if frac else ""
    return f"{stamp:%Y-%m-%dT%H:%M:%S}{fraction}Z"
