"""The emulator's resources (tasks, pools, jobs, snapshots) and the deterministic life of a task.

A task's life is a pure function of a few instants: when it became ready (dependencies and pool
satisfied), when it was stopped (aborted, cancelled, or failed at dispatch) and the per-instance
durations. Everything an API response shows (state, previous state, progress, ranges, outputs) is
computed from those instants and "now", so that a response never depends on how often the
scheduler ran; side effects (S3 reads and writes, releasing dependents) happen in the scheduler's
events (``_state.py``) at the same instants.

Phases, in emulated seconds::

    created ──(waits: dependencies, pool)── ready ─1s─ FullyDispatched ─1s─ FullyExecuting
        ─ each instance runs `duration` x attempts ─ UploadingResults ─1s─ Success | Failure
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final, Literal

from qarnot_ext import DateSpan, InstanceRange
from qarnot_ext.emulator._catalog import PROFILES, Machine, machines_for
from qarnot_ext.emulator._clock import format_time
from qarnot_ext.emulator._scaling import active_policy as _active_policy
from qarnot_ext.wire import MASKED_VALUE, SECRET_PREFIX

__all__ = [
    "DISPATCH_SECONDS",
    "ENVIRONMENT_SECONDS",
    "FAIL_CONSTANT",
    "FINAL_TASK_STATES",
    "INSTANCE_SECONDS_CONSTANT",
    "UPLOAD_SECONDS",
    "Job",
    "Line",
    "Pool",
    "Snapshot",
    "Task",
    "access_rights",
    "mask_constants",
    "span",
]

DISPATCH_SECONDS: Final = 1.0
"""Submitted → FullyDispatched, once a task is ready."""
ENVIRONMENT_SECONDS: Final = 1.0
"""FullyDispatched → FullyExecuting (downloading resources, preparing the environment)."""
UPLOAD_SECONDS: Final = 1.0
"""UploadingResults → the final state."""
MAX_STEP_LINES: Final = 20
"""Progress lines per attempt, whatever the duration (keeps outputs small for long instances)."""

FAIL_CONSTANT: Final = "EMULATOR_FAIL_INSTANCES"
"""Task constant naming the instances that fail (an instance range: ``"3,5"``, ``"0-9"``)."""
INSTANCE_SECONDS_CONSTANT: Final = "EMULATOR_INSTANCE_SECONDS"
"""Task constant setting how long each instance runs, in emulated seconds."""

FINAL_TASK_STATES: Final = frozenset({"Success", "Failure", "Cancelled"})
_EMPTY: Final[Mapping[Any, Any]] = MappingProxyType({})


def _empty() -> Mapping[Any, Any]:
    # One shared read-only mapping: a factory only because dataclasses refuse mapping defaults.
    return _EMPTY


_NO_INSTANCES: Final = InstanceRange.empty()
Stream = Literal["stdout", "stderr"]


@functools.lru_cache(maxsize=4096)
def span(seconds: float) -> str:
    """Format seconds as a .NET TimeSpan (the ``date-span`` format); cached, as values repeat a lot."""
    return str(DateSpan.of(ticks=round(max(0.0, seconds) * 10_000_000)))


def access_rights(given: Any) -> dict[str, Any]:
    """``secretsAccessRights`` as served: both lists always present (the official SDKs iterate them)."""
    given = given if isinstance(given, Mapping) else {}
    return {
        "bySecret": [dict(item) for item in given.get("bySecret") or []],
        "byPrefix": [dict(item) for item in given.get("byPrefix") or []],
    }


def mask_constants(constants: list[tuple[str, str | None]]) -> list[dict[str, Any]]:
    """Render constants for a response: the value of every ``QARNOT_SECRET__`` key is ``[SECRET]``."""
    return [
        {"key": key, "value": MASKED_VALUE if key.startswith(SECRET_PREFIX) else value}
        for key, value in constants
    ]


@dataclass(frozen=True)
class Line:
    """One line of output: when it was written, by which instance, on which stream.

    ``rank`` orders lines written at the same instant. Outputs must only ever grow at their end (the
    fresh variants keep an index into them), so a line caused by an action at time ``t`` (an update,
    an abort, a pool closing) ranks after every line the simulation wrote at ``t``, which a reader
    may already have seen.
    """

    time: float
    instance: int | None
    stream: Stream
    text: str
    rank: int = 0

    @property
    def key(self) -> tuple[float, int, int]:
        """Sort key of an output: time, then rank, then instance."""
        return (self.time, self.rank, -1 if self.instance is None else self.instance)


ACTION: Final = 1
"""Rank of the lines recorded for API actions (updates)."""
ENDING: Final = 2
"""Rank of the lines of stops (cancellation, shutdown)."""


@dataclass
class Snapshot:
    """A unique snapshot request and its progress."""

    id: str
    task_uuid: str
    triggered: float
    config: dict[str, Any]
    state: str = "Triggered"
    updated: float = 0.0
    size: int = 0
    transferred: int = 0

    def to_output(self) -> dict[str, Any]:
        """The ``SnapshotStatusOutput`` body."""
        return {
            "id": self.id,
            "taskUuid": self.task_uuid,
            "triggerDate": format_time(self.triggered),
            "lastUpdateDate": format_time(self.updated or self.triggered),
            "snapshotConfig": dict(self.config),
            "status": self.state,
            "sizeToUpload": self.size,
            "transferredSize": self.transferred,
        }


@dataclass
class Job:
    """A job: a group of tasks, optionally on a pool, optionally with dependencies."""

    uuid: str
    seq: int
    account: str
    name: str
    shortname: str | None
    pool_uuid: str | None
    use_dependencies: bool
    tags: list[str]
    max_wall_time: DateSpan | None
    auto_delete: bool | None
    ttl: DateSpan | None
    created: float
    transitions: list[tuple[str, float]] = field(default_factory=list)
    modified: float = 0.0
    version: int = 0

    @property
    def state(self) -> str:
        """The current state."""
        return self.transitions[-1][0]

    def to_output(self) -> dict[str, Any]:
        """The ``JobOutput`` body."""
        previous = self.transitions[-2] if len(self.transitions) > 1 else (None, None)
        return {
            "uuid": self.uuid,
            "name": self.name,
            "shortname": self.shortname,
            "poolUuid": self.pool_uuid,
            "state": self.state,
            "previousState": previous[0],
            "useDependencies": self.use_dependencies,
            "stateTransitionTime": format_time(self.transitions[-1][1]),
            "previousStateTransitionTime": format_time(previous[1]) if previous[1] is not None else None,
            "creationDate": format_time(self.created),
            "lastModified": format_time(self.modified or self.created),
            "maxWallTime": str(self.max_wall_time) if self.max_wall_time is not None else None,
            "tags": list(self.tags),
            "autoDeleteOnCompletion": self.auto_delete,
            "completionTimeToLive": str(self.ttl) if self.ttl is not None else None,
        }


def _pick(machines: list[Machine], index: int) -> Machine:
    return machines[index % len(machines)]


@dataclass
class Pool:
    """A pool: long-lived nodes that run the tasks submitted to it."""

    uuid: str
    seq: int
    account: str
    body: dict[str, Any]
    constants: list[tuple[str, str | None]]
    created: float
    executing_at: float
    closed_at: float | None = None
    modified: float = 0.0
    cursors: Mapping[tuple[Stream, int | None], int] = field(default_factory=_empty)
    extra_lines: tuple[Line, ...] = ()
    version: int = 0

    @property
    def name(self) -> str:
        """The pool's name."""
        return str(self.body.get("name") or "")

    @property
    def shortname(self) -> str | None:
        """The pool's shortname, if any."""
        value = self.body.get("shortname")
        return str(value) if value else None

    @property
    def profile(self) -> str:
        """The pool's profile."""
        return str(self.body.get("profile") or "")

    @property
    def tags(self) -> list[str]:
        """The pool's tags."""
        return list(self.body.get("tags") or [])

    def transitions(self, now: float) -> list[tuple[str, float]]:
        """States entered so far, oldest first."""
        out = [("Submitted", self.created)]
        stop = self.closed_at if self.closed_at is not None else math.inf
        for state, at in (
            ("FullyDispatched", self.executing_at - 1.0),
            ("FullyExecuting", self.executing_at),
        ):
            if at <= now and at < stop:
                out.append((state, at))
        if self.closed_at is not None and self.closed_at <= now:
            out.append(("Closing", self.closed_at))
            if self.closed_at + 1.0 <= now:
                out.append(("Closed", self.closed_at + 1.0))
        return out

    def state(self, now: float) -> str:
        """The state at ``now``."""
        return self.transitions(now)[-1][0]

    def is_open(self, now: float) -> bool:
        """Whether the pool still accepts and runs tasks."""
        return self.closed_at is None or now < self.closed_at

    def machines(self) -> list[Machine]:
        """Machines the pool's hardware constraints allow."""
        return machines_for(self.body.get("hardwareConstraints"))

    def node_count(self, queued_instances: int, now: float) -> int:
        """How many nodes the pool runs: fixed, elastic, or per its active scaling policy."""
        if self.state(now) not in ("FullyExecuting", "FullyDispatched", "Closing"):
            return 0
        policy = self.active_policy(now)
        if policy is not None:
            if policy.get("type") == "Fixed":
                return max(0, int(policy.get("slotsCount") or 0))
            low = int(policy.get("minTotalSlots") or 0)
            high = int(policy.get("maxTotalSlots") or low)
            wanted = queued_instances + int(policy.get("minIdleSlots") or 0)
            return max(low, min(high, wanted))
        elastic = self.body.get("elasticProperty") or {}
        if elastic.get("isElastic"):
            low = int(elastic.get("minTotalSlots") or 0)
            high = int(elastic.get("maxTotalSlots") or low)
            wanted = queued_instances + int(elastic.get("minIdleSlots") or 0)
            return max(low, min(high, wanted))
        return max(0, int(self.body.get("instanceCount") or 0))

    def active_policy(self, now: float) -> dict[str, Any] | None:
        """The first scaling policy with a period enabled at ``now``, or ``None``."""
        scaling = self.body.get("scaling") or {}
        return _active_policy(scaling.get("policies") or [], now)

    def note(self, line: Line) -> None:
        """Record a line of output (an API action the pool reports)."""
        self.extra_lines = (*self.extra_lines, line)

    def base_nodes(self) -> int:
        """The nodes the pool's output describes: its configured size, not the live (elastic) count.

        Outputs must only grow (the fresh variants keep a cursor into them), so they cannot follow a
        node count that goes down with the queue.
        """
        elastic = self.body.get("elasticProperty") or {}
        if elastic.get("isElastic"):
            return max(0, int(elastic.get("minTotalSlots") or 0))
        policies = (self.body.get("scaling") or {}).get("policies") or []
        if policies:
            first = policies[0]
            return max(0, int(first.get("slotsCount") or first.get("minTotalSlots") or 0))
        return max(0, int(self.body.get("instanceCount") or 0))

    def lines(self, now: float) -> list[Line]:
        """The pool's output so far: node boots, readiness, shutdown, and recorded events."""
        nodes = self.base_nodes()
        out: list[Line] = []
        machines = self.machines() or [None]  # type: ignore[list-item]
        boot = self.executing_at - 1.0
        for node in range(nodes):
            machine = machines[node % len(machines)]
            spec = machine.specification_key if machine is not None else "no matching hardware"
            if boot <= now:
                out.append(Line(boot, node, "stdout", f"node {node} booting on {spec}"))
            if self.executing_at <= now:
                out.append(Line(self.executing_at, node, "stdout", f"node {node} ready ({self.profile})"))
                out.append(
                    Line(self.executing_at, node, "stderr", f"node {node}: emulated node, no real work runs")
                )
            if self.closed_at is not None and self.closed_at <= now:
                out.append(Line(self.closed_at, node, "stdout", f"node {node} shutting down", ENDING))
        out.extend(line for line in self.extra_lines if line.time <= now)
        out.sort(key=lambda line: line.key)
        return out


@dataclass(slots=True)
class Task:
    """A task and the instants its life is computed from."""

    uuid: str
    seq: int
    account: str
    name: str
    body: dict[str, Any]
    instances: InstanceRange
    constants: list[tuple[str, str | None]]
    created: float
    pool_uuid: str | None = None
    job_uuid: str | None = None
    # Containers that most tasks never fill default to shared immutable empties and are replaced
    # (copy on write) when they change: 100,000 tasks take ~4x less memory than with a dict each.
    depends_on: tuple[str, ...] = ()
    duration: float = 3.0
    fail: InstanceRange = _NO_INSTANCES
    extra_attempts: Mapping[int, int] = field(default_factory=_empty)
    ready: float | None = None
    stop_at: float | None = None
    stop_state: str | None = None
    errors: tuple[dict[str, Any], ...] = ()
    inputs: tuple[tuple[str, int], ...] = ()
    # Files seen by a later resources update (PATCH); the start lines keep showing ``inputs``, as
    # outputs never change once written.
    updated_inputs: tuple[tuple[str, int], ...] | None = None
    results: Mapping[int, tuple[str, ...]] = field(default_factory=_empty)
    final_at: float | None = None
    modified: float = 0.0
    snapshot_interval: int = 0
    periodic_gen: int = 0
    snapshot_overrides: Mapping[str, Any] = field(default_factory=_empty)
    snapshots: Mapping[str, Snapshot] = field(default_factory=_empty)
    cursors: Mapping[tuple[Stream, int | None], int] = field(default_factory=_empty)
    extra_lines: tuple[Line, ...] = ()
    version: int = 0
    _machines: list[Machine] | None = field(default=None, repr=False)

    # -- configuration ----------------------------------------------------------------------

    @property
    def shortname(self) -> str | None:
        """The shortname, if any."""
        value = self.body.get("shortname")
        return str(value) if value else None

    @property
    def tags(self) -> list[str]:
        """The tags."""
        return list(self.body.get("tags") or [])

    @property
    def profile(self) -> str | None:
        """The profile (the pool's, for a task in a pool)."""
        value = self.body.get("profile")
        return str(value) if value else None

    def machines(self) -> list[Machine]:
        """Machines the task's hardware constraints allow (computed once)."""
        if self._machines is None:
            self._machines = machines_for(self.body.get("hardwareConstraints"))
        return self._machines

    def machine(self, instance: int) -> Machine | None:
        """The machine an instance runs on, or ``None`` when no machine fits."""
        machines = self.machines()
        return _pick(machines, instance) if machines else None

    # -- timeline -----------------------------------------------------------------------------

    @property
    def dispatched(self) -> float | None:
        """When the task is fully dispatched (``None`` while it waits)."""
        return None if self.ready is None else self.ready + DISPATCH_SECONDS

    @property
    def exec_start(self) -> float | None:
        """When instances start."""
        return None if self.ready is None else self.ready + DISPATCH_SECONDS + ENVIRONMENT_SECONDS

    def attempts(self, instance: int) -> int:
        """How many times an instance runs (1, plus its retries when it fails)."""
        return 1 + self.extra_attempts.get(instance, 0)

    def end_of(self, instance: int) -> float:
        """When an instance finishes its last attempt (the task must be ready)."""
        assert self.exec_start is not None
        return self.exec_start + self.duration * self.attempts(instance)

    @property
    def done(self) -> float | None:
        """When the last instance finishes."""
        if self.exec_start is None:
            return None
        most = max(self.extra_attempts.values(), default=0)
        return self.exec_start + self.duration * (1 + most)

    @property
    def natural_end(self) -> float | None:
        """When the task would reach its final state if nothing stopped it."""
        done = self.done
        return None if done is None else done + UPLOAD_SECONDS

    @property
    def dispatch_failed(self) -> bool:
        """Whether the task failed before any instance started."""
        return (
            self.stop_state == "Failure"
            and self.stop_at is not None
            and (self.exec_start is None or self.stop_at < self.exec_start)
        )

    def final_state_at(self, now: float) -> str | None:
        """The final state if the task has one at ``now``."""
        if self.stop_at is not None and self.stop_at <= now:
            return self.stop_state
        end = self.natural_end
        if end is not None and end <= now:
            return "Failure" if self.failed_terminal(now) else "Success"
        return None

    def transitions(self, now: float) -> list[tuple[str, float]]:
        """States entered up to ``now``, oldest first."""
        out: list[tuple[str, float]] = [("Submitted", self.created)]
        stop = self.stop_at if self.stop_at is not None else math.inf
        if self.ready is not None:
            assert self.dispatched is not None
            assert self.exec_start is not None
            assert self.done is not None
            for state, at in (
                ("FullyDispatched", self.dispatched),
                ("FullyExecuting", self.exec_start),
                ("UploadingResults", self.done),
            ):
                if at <= now and at < stop:
                    out.append((state, at))
        final = self.final_state_at(now)
        if final is not None:
            natural = self.natural_end
            end = stop if stop <= now or natural is None else natural
            out.append((final, end))
        return out

    def state(self, now: float) -> str:
        """The state at ``now``."""
        return self.transitions(now)[-1][0]

    def is_final(self, now: float) -> bool:
        """Whether the task is in a final state at ``now``."""
        return self.final_state_at(now) is not None

    def _effective(self, now: float) -> float:
        return min(now, self.stop_at) if self.stop_at is not None else now

    # -- instance sets ------------------------------------------------------------------------

    def started_once(self, now: float) -> InstanceRange:
        """Instances that started at least once."""
        start = self.exec_start
        if start is None or self.dispatch_failed or self._effective(now) < start:
            return InstanceRange.empty()
        return self.instances

    def succeeded(self, now: float) -> InstanceRange:
        """Instances that finished successfully."""
        start = self.exec_start
        if start is None or self.dispatch_failed or self._effective(now) < start + self.duration:
            return InstanceRange.empty()
        return self.instances - self.fail

    def failed_terminal(self, now: float) -> InstanceRange:
        """Instances that ran out of attempts with a failure (``failedOnlyRange``)."""
        if self.dispatch_failed:
            return self.instances
        if self.exec_start is None:
            return InstanceRange.empty()
        eff = self._effective(now)
        return InstanceRange.of(i for i in self.fail if self.end_of(i) <= eff)

    def cancelled(self, now: float) -> InstanceRange:
        """Instances stopped before they finished (abort, job end, pool close, failed dependency)."""
        if self.stop_at is None or now < self.stop_at or self.stop_state != "Cancelled":
            return InstanceRange.empty()
        return self.instances - self.succeeded(now) - self.failed_terminal(now)

    def failed(self, now: float) -> InstanceRange:
        """Instances that did not succeed once started (``failedRange``, includes running cancelled)."""
        return self.failed_terminal(now) | (self.cancelled(now) & self.started_once(now))

    def running(self, now: float) -> InstanceRange:
        """Instances running at ``now``."""
        start = self.exec_start
        if start is None or self.dispatch_failed or (self.stop_at is not None and now >= self.stop_at):
            return InstanceRange.empty()
        if now < start:
            return InstanceRange.empty()
        if now < start + self.duration:
            return self.instances
        return InstanceRange.of(i for i in self.fail if now < self.end_of(i))

    def progress(self, now: float) -> float:
        """Overall progress in percent (0-100)."""
        if self.final_state_at(now) == "Success":
            return 100.0
        start = self.exec_start
        if start is None or self.dispatch_failed or not self.instances:
            return 0.0
        eff = self._effective(now)
        total = len(self.instances)
        normal = total - len(self.fail)
        done = normal * min(1.0, max(0.0, (eff - start) / self.duration))
        for i in self.fail:
            done += min(1.0, max(0.0, (eff - start) / (self.duration * self.attempts(i))))
        return round(100.0 * done / total, 2)

    def execution_seconds(self, now: float) -> float:
        """Core-independent execution time summed over instances so far."""
        start = self.exec_start
        if start is None or self.dispatch_failed:
            return 0.0
        eff = self._effective(now)
        if eff <= start:
            return 0.0
        normal = len(self.instances) - len(self.fail)
        total = normal * min(eff - start, self.duration)
        for i in self.fail:
            total += min(eff, self.end_of(i)) - start
        return total

    def wall_seconds(self, now: float) -> float:
        """Time since the instances started, up to the end."""
        start = self.exec_start
        if start is None or self.dispatch_failed:
            return 0.0
        end = self._effective(now)
        natural = self.natural_end
        if natural is not None:
            end = min(end, natural)
        return max(0.0, end - start)

    # -- outputs --------------------------------------------------------------------------------

    def note(self, line: Line) -> None:
        """Record a line of output (an API action the task reports)."""
        self.extra_lines = (*self.extra_lines, line)

    def add_error(self, code: str, message: str) -> None:
        """Record an error shown in the task's ``errors``."""
        self.errors = (*self.errors, {"code": code, "message": message, "debug": None})

    def _constant(self, key: str) -> str | None:
        for name, value in self.constants:
            if name == key:
                return value
        return None

    def command(self, instance: int) -> str:
        """The profile's command as an instance runs it.

        ``INSTANCE_ID`` and the non-secret constants are expanded; secret references stay as they are.
        """
        profile = PROFILES.get(self.profile or "")
        if profile is None:
            return "(no profile)"
        text = profile.command
        values = dict(profile.constants)
        values.update(self.constants)
        values["INSTANCE_ID"] = str(instance)
        for name, value in values.items():
            if name.startswith(SECRET_PREFIX) or value is None:
                continue
            # A constant that aliases a secret ("X: ${QARNOT_SECRET__X}") must stay unexpanded.
            if SECRET_PREFIX in value:
                continue
            text = text.replace("${" + name + "}", value)
        return text

    def instance_lines(self, instance: int, now: float) -> Iterator[Line]:
        """Deterministic output of one instance up to ``now``."""
        start = self.exec_start
        if start is None or self.dispatch_failed:
            return
        eff = self._effective(now)
        machine = self.machine(instance)
        spec = machine.specification_key if machine else "?"

        def emit(at: float, stream: Stream, text: str) -> Iterator[Line]:
            if at <= eff:
                yield Line(at, instance, stream, text)

        yield from emit(
            start,
            "stdout",
            f"Starting instance {instance} of task '{self.name}' on {spec} (INSTANCE_ID={instance})",
        )
        yield from emit(start, "stdout", f"Running: {self.command(instance)}")
        size = sum(s for _, s in self.inputs)
        yield from emit(start, "stdout", f"Found {len(self.inputs)} resource file(s), {size} bytes")
        attempts = self.attempts(instance)
        failing = instance in self.fail
        steps = max(1, min(MAX_STEP_LINES, int(self.duration)))
        for attempt in range(attempts):
            begin = start + attempt * self.duration
            if attempt:
                yield from emit(
                    begin, "stdout", f"Retrying instance {instance} (attempt {attempt + 1} of {attempts})"
                )
            for step in range(1, steps + 1):
                at = begin + self.duration * step / steps
                if step < steps:
                    yield from emit(at, "stdout", f"step {step}/{steps}")
            end = begin + self.duration
            if failing:
                yield from emit(
                    end,
                    "stderr",
                    f"error: instance {instance} failed with exit code 1 (requested by {FAIL_CONSTANT})",
                )
            else:
                yield from emit(end, "stdout", f"step {steps}/{steps}")
                yield from emit(end, "stdout", f"Instance {instance} finished successfully")
        stopped = self.stop_state == "Cancelled" and self.stop_at is not None and self.stop_at <= now
        if stopped and instance in self.cancelled(now) and instance in self.started_once(now):
            assert self.stop_at is not None
            yield Line(self.stop_at, instance, "stderr", f"Instance {instance} cancelled", ENDING)

    def lines(self, now: float, instance: int | None = None) -> list[Line]:
        """Output so far of one instance, or of the whole task (ordered by time, then instance)."""
        if instance is not None:
            out = list(self.instance_lines(instance, now)) if instance in self.instances else []
        else:
            out = [line for i in self.instances for line in self.instance_lines(i, now)]
        out.extend(
            line
            for line in self.extra_lines
            if line.time <= now and (instance is None or line.instance in (None, instance))
        )
        out.sort(key=lambda line: line.key)
        return out

    # -- rendering ------------------------------------------------------------------------------

    def status(self, now: float) -> dict[str, Any]:
        """The ``TaskStatus`` body at ``now``."""
        start = self.exec_start
        eff = self._effective(now)
        running = self.running(now)
        executed = self.succeeded(now) | self.failed(now)
        per_instance = []
        completed_ids = executed
        exec_total = self.execution_seconds(now)
        download = (
            ENVIRONMENT_SECONDS if start is not None and eff >= start and not self.dispatch_failed else 0.0
        )
        upload_done = self.final_state_at(now) in ("Success", "Failure") and not self.dispatch_failed
        for i in running:
            machine = self.machine(i)
            assert start is not None
            attempt_elapsed = (now - start) % self.duration
            per_instance.append(
                {
                    "phase": "execution",
                    "instanceId": i,
                    "maxFrequencyGHz": machine.max_ghz if machine else None,
                    "currentFrequencyGHz": round(machine.max_ghz * machine.clock_ratio, 3)
                    if machine
                    else None,
                    "cpuUsage": 100.0,
                    "maxMemoryMB": machine.memory_mb if machine else None,
                    "currentMemoryMB": 512.0,
                    "memoryUsage": round(512.0 / machine.memory_mb, 6) if machine else None,
                    "networkInKbps": 0.0,
                    "networkOutKbps": 0.0,
                    "progress": round(100.0 * attempt_elapsed / self.duration, 2),
                    "executionTimeSec": round(now - start, 3),
                    "executionTimeGHz": round((now - start) * (machine.max_ghz if machine else 0.0), 3),
                    "specificationKey": machine.specification_key if machine else None,
                    "cpuModel": machine.cpu_model if machine else None,
                    "coreCount": machine.core_count if machine else None,
                    "executionAttemptCount": 1 + int((now - start) // self.duration),
                    "clockRatio": machine.clock_ratio if machine else None,
                    "activeForwards": [],
                    "vpnConnections": [],
                }
            )
        by_model: dict[str, list[float]] = {}
        for i in completed_ids:
            machine = self.machine(i)
            if machine is None:
                continue
            seconds = min(eff, self.end_of(i)) - (start or 0.0)
            entry = by_model.setdefault(
                machine.cpu_model, [0.0, 0.0, float(machine.core_count), machine.clock_ratio]
            )
            entry[0] += seconds
            entry[1] += seconds * machine.max_ghz
        ranges = {
            "succeededRange": str(self.succeeded(now)),
            "executedRange": str(executed),
            "failedRange": str(self.failed(now)),
            "cancelledRange": str(self.cancelled(now)),
            "failedOnlyRange": str(self.failed_terminal(now)),
            "startedOnceRange": str(self.started_once(now)),
        }
        wall = self.wall_seconds(now)
        progress_exec = 0.0 if not self.instances else self.progress(now)
        return {
            "timestamp": format_time(now),
            "lastUpdateTimestamp": format_time(max(self.modified, self.transitions(now)[-1][1])),
            "downloadProgress": 100.0 if download else 0.0,
            "executionProgress": progress_exec,
            "uploadProgress": 100.0 if upload_done else 0.0,
            "instanceCount": len(self.instances),
            "downloadTime": span(download),
            "downloadTimeSec": download,
            "environmentTime": span(0.0),
            "environmentTimeSec": 0.0,
            "executionTime": span(exec_total),
            "executionTimeSec": round(exec_total, 3),
            "executionTimeByCpuModel": [
                {"model": model, "time": round(v[0], 3), "core": int(v[2])} for model, v in by_model.items()
            ],
            "executionTimeByMachineSpecification": [],
            "executionTimeByInstanceId": [],
            "executionTimeGhzByCpuModel": [
                {"model": model, "timeGhz": round(v[1], 3), "clockRatio": v[3], "core": int(v[2])}
                for model, v in by_model.items()
            ],
            "uploadTime": span(UPLOAD_SECONDS if upload_done else 0.0),
            "uploadTimeSec": UPLOAD_SECONDS if upload_done else 0.0,
            "wallTime": span(wall),
            "wallTimeSec": round(wall, 3),
            **ranges,
            "runningInstancesInfo": {
                "perRunningInstanceInfo": per_instance,
                "snapshotResults": [],
                "timestamp": format_time(now),
                "averageFrequencyGHz": None,
                "maxFrequencyGHz": None,
                "minFrequencyGHz": None,
                "averageMaxFrequencyGHz": None,
                "averageCpuUsage": 100.0 if per_instance else 0.0,
                "clusterPowerIndicator": None,
                "averageMemoryUsage": None,
                "averageNetworkInKbps": 0.0,
                "averageNetworkOutKbps": 0.0,
                "totalNetworkInKbps": 0.0,
                "totalNetworkOutKbps": 0.0,
                "runningCoreCountByCpuModel": [],
            },
        }

    def completed_instances(self, now: float) -> list[dict[str, Any]]:
        """``completedInstances``: one entry per instance that finished (success or failure)."""
        start = self.exec_start
        out: list[dict[str, Any]] = []
        if start is None or self.dispatch_failed:
            return out
        eff = self._effective(now)
        failed = self.failed_terminal(now)
        for i in self.succeeded(now) | failed:
            machine = self.machine(i)
            seconds = min(eff, self.end_of(i)) - start
            ghz = machine.max_ghz if machine else 0.0
            out.append(
                {
                    "instanceId": i,
                    "state": "Failure" if i in failed else "Success",
                    "wallTimeSec": round(seconds, 3),
                    "execTimeSec": round(seconds, 3),
                    "execTimeSecGHz": round(seconds * ghz, 3),
                    "peakMemoryMB": 512.0,
                    "results": list(self.results.get(i, [])),
                    "error": (
                        {
                            "code": "InstanceFailed",
                            "message": "exit code 1",
                            "debug": f"requested by {FAIL_CONSTANT}",
                        }
                        if i in failed and i in self.fail
                        else None
                    ),
                    "specificationKey": machine.specification_key if machine else None,
                    "cpuModel": machine.cpu_model if machine else None,
                    "coreCount": machine.core_count if machine else None,
                    "clockRatio": machine.clock_ratio if machine else None,
                    "averageGHz": round(ghz * machine.clock_ratio, 3) if machine else None,
                    "executionAttemptCount": self.attempts(i),
                }
            )
        return out
