"""Waiting for tasks, pools, jobs and snapshots: polling with backoff, a real deadline, and hooks.

The official SDKs poll every 10 s, compute elapsed time with the 0-59 seconds *component* of a
time span (so timeouts of a minute or more never fire) and treat ``PendingCancel`` as finished.
Here:

* polling starts fast and backs off: ``initial * multiplier**n`` seconds, capped, with ±``jitter``
  (so that many waiters do not poll in step); the last sleep is cut to the deadline;
* the deadline is measured on a monotonic clock (injectable: tests use a fake one);
* which states end the wait is data (:data:`TASK_FINAL` …), compared case-insensitively since the
  API also sends ``success``; ``until`` is one state name or a collection of them, each checked
  against the resource's states (:data:`TASK_STATES` …) before any request;
* a wait stops as soon as the resource reaches a state from which no target can be reached any
  more (a task in ``Success`` when waiting for ``FullyExecuting``): it raises
  :class:`~qarnot_ext.UnreachableStateError` carrying that state and the resource, instead of
  polling until the deadline; ``PendingCancel`` is not final, but only leads to the end states;
* every wait has a finite default deadline (:data:`DEFAULT_WAIT_TIMEOUT`, one hour;
  :data:`DEFAULT_SNAPSHOT_TIMEOUT` for snapshots); ``timeout=None`` waits without one, explicitly;
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

from qarnot_ext._errors import InvalidValueError, Problem, UnreachableStateError, WaitTimeoutError
from qarnot_ext._filters import JOB_STATES, POOL_STATES, TASK_STATES
from qarnot_ext._http import Clock

__all__ = [
    "DEFAULT_SNAPSHOT_TIMEOUT",
    "DEFAULT_WAIT_TIMEOUT",
    "JOB",
    "JOB_FINAL",
    "JOB_STATES",
    "POOL",
    "POOL_FINAL",
    "POOL_READY",
    "POOL_STATES",
    "SNAPSHOT",
    "SNAPSHOT_FINAL",
    "SNAPSHOT_STATES",
    "TASK",
    "TASK_FINAL",
    "TASK_STATES",
    "Lifecycle",
    "Progress",
    "WaitPolicy",
    "check_until",
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


DEFAULT_WAIT_TIMEOUT: Final = 3600.0
"""Seconds a task, pool or job wait lasts by default (one hour); pass ``timeout=None`` for no deadline."""
DEFAULT_SNAPSHOT_TIMEOUT: Final = 600.0
"""Seconds a snapshot wait lasts by default."""

SNAPSHOT_STATES: Final = ("Triggered", "InProgress", "Success", "Failure")
"""Every snapshot state (the API's ``SnapshotState``)."""


@attrs.frozen
class Lifecycle:
    """A resource's states and, for the states that narrow the future, the states still reachable.

    A state absent from ``reachable`` may lead anywhere; one mapped to an empty set is the end.
    """

    kind: str
    states: tuple[str, ...]
    reachable: dict[str, frozenset[str]]

    def unreachable(self, state: str | None, targets: Collection[str]) -> bool:
        """Whether no target can be reached from ``state`` (which is not itself a target)."""
        if state is None or is_in(state, targets):
            return False
        key = next((s for s in self.reachable if s.casefold() == state.casefold()), None)
        if key is None:
            return False
        return not any(is_in(s, targets) for s in self.reachable[key])


_TASK_ENDS: Final = frozenset({"Cancelled", "Success", "Failure", "PendingDelete"})
TASK: Final = Lifecycle(
    "task",
    TASK_STATES,
    {
        "PendingCancel": _TASK_ENDS,
        "Cancelled": frozenset({"PendingDelete"}),
        "Success": frozenset({"PendingDelete"}),
        "Failure": frozenset({"PendingDelete"}),
        "PendingDelete": frozenset(),
    },
)
"""The task lifecycle: a finished task only goes to ``PendingDelete``."""
POOL: Final = Lifecycle(
    "pool",
    POOL_STATES,
    {
        "Closing": frozenset({"Closed", "Failure", "PendingDelete"}),
        "Closed": frozenset({"PendingDelete"}),
        "Failure": frozenset({"Closing", "Closed", "PendingDelete"}),
        "PendingDelete": frozenset(),
    },
)
"""The pool lifecycle."""
JOB: Final = Lifecycle(
    "job",
    JOB_STATES,
    {
        "Terminating": frozenset({"Completed", "Deleting"}),
        "Completed": frozenset({"Deleting"}),
        "Deleting": frozenset(),
    },
)
"""The job lifecycle."""
SNAPSHOT: Final = Lifecycle("snapshot", SNAPSHOT_STATES, {"Success": frozenset(), "Failure": frozenset()})
"""The snapshot lifecycle."""


def check_until(lifecycle: Lifecycle, until: str | Collection[str]) -> frozenset[str]:
    """The target states of a wait: one state name or a collection, each one of ``lifecycle``'s states.

    A bare string is one state (never its letters). Names are matched case-insensitively and
    returned in the API's spelling.

    Raises:
        InvalidValueError: an unknown name, a non-string item, or no state at all; the message
            lists the valid states.

    """
    items: list[object] = (
        [until] if isinstance(until, str) else list(until) if isinstance(until, Collection) else []
    )
    valid = "one of " + ", ".join(lifecycle.states)
    if not items:
        raise InvalidValueError(
            "until",
            [Problem(repr(until), f"expected a {lifecycle.kind} state or a collection of them: {valid}")],
        )
    canonical = {s.casefold(): s for s in lifecycle.states}
    problems: list[Problem] = []
    out: set[str] = set()
    for item in items:
        if isinstance(item, str) and item.casefold() in canonical:
            out.add(canonical[item.casefold()])
        else:
            problems.append(
                Problem(
                    repr(item) if not isinstance(item, str) else item,
                    f"not a {lifecycle.kind} state; {valid}",
                )
            )
    if problems:
        raise InvalidValueError("until", problems)
    return frozenset(out)


def is_in(state: str | None, states: Collection[str]) -> bool:
    """Case-insensitive membership: ``is_in("success", TASK_FINAL)`` is true."""
    if state is None:
        return False
    folded = state.casefold()
    return any(folded == s.casefold() for s in states)


def _non_negative(_inst: object, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise InvalidValueError(
            f"WaitPolicy.{attribute.name}", [Problem(repr(value), "must be a finite, non-negative number")]
        )


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
        lifecycle: Lifecycle | None = None,
        rng: random.Random | None = None,
    ) -> None:
        if timeout is not None and (
            isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout >= 0
        ):
            raise InvalidValueError(
                "timeout", [Problem(repr(timeout), "expected a non-negative number of seconds, or None")]
            )
        self.what = what
        self.final = final
        self.lifecycle = lifecycle
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

    def check_reachable(self, resource: object) -> None:
        """Raise :class:`UnreachableStateError` if the last state can no longer lead to a target."""
        if self.lifecycle is not None and self.lifecycle.unreachable(self.last_state, self.final):
            state = self.last_state or ""
            raise UnreachableStateError(
                f"{self.what} is {state}, from which {' / '.join(sorted(self.final))} cannot be reached "
                f"({self.polls} polls)",
                state=state,
                resource=resource,
            )

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
        progress.check_reachable(obj)
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
        progress.check_reachable(obj)
        await clock.asleep(progress.sleep_for(clock.monotonic()))
