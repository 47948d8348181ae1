"""Waiting for tasks, pools, jobs and snapshots: polling with backoff, a real deadline, and hooks.

The official SDKs poll every 10 s, compute elapsed time with the 0-59 seconds *component* of a
time span (so timeouts of a minute or more never fire) and treat ``PendingCancel`` as finished.
Here:

* polling starts fast and backs off: ``initial * multiplier**n`` seconds, capped, with ±``jitter``
  (so that many waiters do not poll in step); the last sleep is cut to the deadline;
* the deadline is measured on a monotonic clock (injectable: tests use a fake one);
* which states end the wait is data (:data:`TASK_FINAL` …), compared case-insensitively since the
  API also sends ``success``; ``PendingCancel`` and unknown states are not final;
* ``on_state(state)`` is called at each state change, ``on_output(text)`` with each new chunk of
  standard output (read with the "fresh" operation, which is never retried);
* reaching the deadline raises :class:`~qarnot_ext.WaitTimeoutError` carrying the last state.

The decisions (:class:`WaitPolicy`, :class:`Progress`) are shared; :func:`wait_sync` and
:func:`wait_async` only fetch and sleep.
"""

from __future__ import annotations

import inspect
import math
import random
from collections.abc import Awaitable, Callable, Collection
from typing import Any, Final, TypeVar

import attrs

from qarnot_ext._errors import WaitTimeoutError
from qarnot_ext._http import Clock

__all__ = [
    "JOB_FINAL",
    "POOL_FINAL",
    "POOL_READY",
    "SNAPSHOT_FINAL",
    "TASK_FINAL",
    "Progress",
    "WaitPolicy",
    "is_in",
    "wait_async",
    "wait_sync",
]

T = TypeVar("T")

TASK_FINAL: Final = frozenset({"Success", "Failure", "Cancelled"})
"""Final task states (``PendingCancel`` is not: the task may still upload results)."""
POOL_FINAL: Final = frozenset({"Closed", "Failure"})
"""States after which a pool will not run anything."""
POOL_READY: Final = frozenset({"FullyExecuting"}) | POOL_FINAL
"""What :meth:`~qarnot_ext.Qarnot.pools` ``.wait`` waits for by default: running on every node, or over."""
JOB_FINAL: Final = frozenset({"Completed"})
"""Final job state."""
SNAPSHOT_FINAL: Final = frozenset({"Success", "Failure"})
"""Final snapshot states (the API sends them in any case)."""


def is_in(state: str | None, states: Collection[str]) -> bool:
    """Case-insensitive membership: ``is_in("success", TASK_FINAL)`` is true."""
    if state is None:
        return False
    folded = state.casefold()
    return any(folded == s.casefold() for s in states)


def _non_negative(_inst: object, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise ValueError(f"{attribute.name} must be a finite, non-negative number, got {value!r}")


@attrs.frozen
class WaitPolicy:
    """How often a wait polls: ``initial * multiplier**n`` seconds, at most ``cap``, ± ``jitter``.

    The defaults poll after 1, 1.6, 2.6, 4.1 … seconds, then every 30 s: quick for short tasks,
    cheap for long ones.
    """

    initial: float = attrs.field(default=1.0, validator=_non_negative)
    multiplier: float = attrs.field(default=1.6, validator=_non_negative)
    cap: float = attrs.field(default=30.0, validator=_non_negative)
    jitter: float = attrs.field(default=0.1, validator=_non_negative)

    def interval(self, n: int, rng: random.Random) -> float:
        """Seconds before poll number ``n + 1`` (``n`` = polls done so far, from 0)."""
        base = min(self.cap, self.initial * self.multiplier ** min(n, 64))
        spread = base * min(self.jitter, 1.0)
        return max(0.0, base + rng.uniform(-spread, spread))


class Progress:
    """The state of one wait: deadline, last state, polls done; decides what happens next (pure)."""

    def __init__(
        self,
        *,
        what: str,
        final: Collection[str],
        timeout: float | None,
        policy: WaitPolicy,
        start: float,
        rng: random.Random | None = None,
    ) -> None:
        if timeout is not None and (
            isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout >= 0
        ):
            raise ValueError(f"timeout must be a non-negative number of seconds or None, got {timeout!r}")
        self.what = what
        self.final = final
        self.deadline = math.inf if timeout is None else start + timeout
        self.timeout = timeout
        self.policy = policy
        self.polls = 0
        self.last_state: str | None = None
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography

    def observe(self, state: str | None) -> bool:
        """Record a poll's state; return whether it changed since the previous poll."""
        self.polls += 1
        changed = self.polls == 1 or state != self.last_state
        self.last_state = state
        return changed

    def done(self) -> bool:
        """Whether the last observed state is final."""
        return is_in(self.last_state, self.final)

    def sleep_for(self, now: float) -> float:
        """Seconds to sleep before the next poll; raises :class:`WaitTimeoutError` at the deadline."""
        remaining = self.deadline - now
        if remaining <= 0:
            raise WaitTimeoutError(
                f"{self.what} did not reach {' / '.join(sorted(self.final))} within {self.timeout} s "
                f"(last state {self.last_state!r}, {self.polls} polls)",
                last_state=self.last_state,
            )
        return min(self.policy.interval(self.polls - 1, self._rng), remaining)


def wait_sync(
    fetch: Callable[[], T],
    state_of: Callable[[T], str | None],
    progress: Progress,
    clock: Clock,
    *,
    on_state: Callable[[str], object] | None = None,
    on_output: Callable[[str], object] | None = None,
    fetch_output: Callable[[], str] | None = None,
) -> T:
    """Poll ``fetch`` until ``state_of`` its result is final; return that last result."""
    while True:
        obj = fetch()
        state = state_of(obj)
        if progress.observe(state) and on_state is not None and state is not None:
            on_state(state)
        if on_output is not None and fetch_output is not None:
            text = fetch_output()
            if text:
                on_output(text)
        if progress.done():
            return obj
        clock.sleep(progress.sleep_for(clock.monotonic()))


async def _maybe_await(value: object) -> None:
    if inspect.isawaitable(value):
        await value


async def wait_async(
    fetch: Callable[[], Awaitable[T]],
    state_of: Callable[[T], str | None],
    progress: Progress,
    clock: Clock,
    *,
    on_state: Callable[[str], Any] | None = None,
    on_output: Callable[[str], Any] | None = None,
    fetch_output: Callable[[], Awaitable[str]] | None = None,
) -> T:
    """The async twin of :func:`wait_sync`; the hooks may be plain functions or coroutines."""
    while True:
        obj = await fetch()
        state = state_of(obj)
        if progress.observe(state) and on_state is not None and state is not None:
            await _maybe_await(on_state(state))
        if on_output is not None and fetch_output is not None:
            text = await fetch_output()
            if text:
                await _maybe_await(on_output(text))
        if progress.done():
            return obj
        await clock.asleep(progress.sleep_for(clock.monotonic()))
