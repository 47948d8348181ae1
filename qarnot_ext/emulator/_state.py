"""The emulator's state: tenants and their accounts, and the scheduler that moves resources forward.

The scheduler is a queue of timed events (dispatch, final state, pool readiness, snapshot steps …).
:meth:`EmulatorState.sync` runs every event due at "now" in time order, so the outcome depends only on
the emulated clock, not on how often it is called. Every API request syncs first, under one lock;
with a real-time clock the server also syncs a few times per second so that results reach S3
without anyone polling.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import itertools
import logging
import re
import threading
import uuid as uuid_module
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Final, Generic, Protocol, TypeVar

from qarnot_ext import DateSpan
from qarnot_ext.emulator._clock import Clock, ManualClock
from qarnot_ext.emulator._model import Job, Line, Pool, Snapshot, Stream, Task
from qarnot_ext.emulator._storage import BucketRegistry, S3Backend
from qarnot_ext.wire import SECRET_PREFIX

__all__ = ["Account", "Collection", "EmulatorState", "Tenant"]

_log = logging.getLogger("qarnot_ext.emulator")
_EMAIL: Final = re.compile(r"^[^\s:@]+@[^\s:@]+$")


@dataclass(frozen=True)
class Tenant:
    """An account of the emulated platform: its email, its API token, and what it may read.

    ``can_read`` lists the emails of accounts whose data this tenant may read with the header
    ``QarnotReadOnlyRequestForAccount: <email>``. The token never appears in ``repr``.
    """

    email: str
    token: str = field(repr=False)
    can_read: tuple[str, ...] = ()
    max_tasks: int = 100_000
    max_pools: int = 1_000
    max_jobs: int = 1_000
    max_buckets: int = 100

    def __post_init__(self) -> None:
        if not _EMAIL.match(self.email):
            raise ValueError(f"tenant email must look like name@domain, not {self.email!r}")
        if not self.token or any(ch.isspace() for ch in self.token):
            raise ValueError(f"the token of {self.email} must be non-empty and without blanks")
        object.__setattr__(self, "can_read", tuple(e.lower() for e in self.can_read))

    @classmethod
    def parse(cls, text: str) -> Tenant:
        """Parse ``EMAIL:TOKEN`` (the ``--tenant`` option)."""
        email, sep, token = text.partition(":")
        if not sep:
            raise ValueError("a tenant is written EMAIL:TOKEN")
        return cls(email, token)


class _Keyed(Protocol):
    uuid: str
    seq: int

    @property
    def shortname(self) -> str | None: ...


R = TypeVar("R", bound=_Keyed)


class Collection(Generic[R]):
    """One account's tasks, pools or jobs: by uuid, by shortname, and in creation order.

    Creation order is a list of sequence numbers with tombstones for deleted items, so that a page
    after a given item is found by bisection (cost of a page, not of the collection).
    """

    def __init__(self) -> None:
        self.by_uuid: dict[str, R] = {}
        self.by_shortname: dict[str, R] = {}
        self._seqs: list[int] = []
        self._by_seq: dict[int, R] = {}

    def __len__(self) -> int:
        return len(self.by_uuid)

    def add(self, item: R) -> None:
        """Add an item (its ``seq`` must be larger than every other's)."""
        self.by_uuid[item.uuid] = item
        if item.shortname:
            self.by_shortname[item.shortname] = item
        self._seqs.append(item.seq)
        self._by_seq[item.seq] = item

    def remove(self, item: R) -> None:
        """Delete an item."""
        self.by_uuid.pop(item.uuid, None)
        if item.shortname and self.by_shortname.get(item.shortname) is item:
            del self.by_shortname[item.shortname]
        self._by_seq.pop(item.seq, None)
        if len(self._seqs) > 64 and len(self._by_seq) < len(self._seqs) // 2:
            self._seqs = [s for s in self._seqs if s in self._by_seq]  # drop tombstones

    def get(self, key: str) -> R | None:
        """Find by uuid (any case) or by shortname."""
        return self.by_uuid.get(key.lower()) or self.by_shortname.get(key)

    def at(self, seq: int) -> R | None:
        """The item with sequence number ``seq``, if it still exists."""
        return self._by_seq.get(seq)

    def __iter__(self) -> Iterator[R]:
        return iter(list(self._by_seq.values()))

    def walk(self, after: int | None, descending: bool) -> Iterator[R]:
        """Items in creation order (or reversed), strictly after the item with sequence ``after``."""
        seqs = self._seqs
        if descending:
            index = len(seqs) - 1 if after is None else bisect.bisect_left(seqs, after) - 1
            while index >= 0:
                item = self._by_seq.get(seqs[index])
                if item is not None:
                    yield item
                index -= 1
        else:
            index = 0 if after is None else bisect.bisect_right(seqs, after)
            while index < len(seqs):
                item = self._by_seq.get(seqs[index])
                if item is not None:
                    yield item
                index += 1


class Account:
    """A tenant's data: everything another tenant must never see."""

    def __init__(self, tenant: Tenant) -> None:
        self.tenant = tenant
        self.email = tenant.email.lower()
        self.tasks: Collection[Task] = Collection()
        self.pools: Collection[Pool] = Collection()
        self.jobs: Collection[Job] = Collection()
        self.secrets: dict[str, str] = {}

    def __repr__(self) -> str:
        return f"Account({self.email!r})"


@dataclass(order=True)
class _Event:
    time: float
    order: int
    kind: str = field(compare=False)
    target: Any = field(compare=False)
    version: int = field(compare=False)
    data: Any = field(compare=False, default=None)


@dataclass
class Cursor:
    """A server-side page cursor: the sequence numbers of a filtered or reordered listing."""

    seqs: list[int]
    total: int
    fingerprint: str


class EmulatorState:
    """Everything the emulator knows, and the scheduler. Thread-safe: take :attr:`lock` around use."""

    def __init__(
        self,
        tenants: Iterable[Tenant],
        *,
        clock: Clock | None = None,
        storage: S3Backend | None = None,
        buckets: BucketRegistry | None = None,
        instance_seconds: float = 3.0,
        storage_url: str | None = None,
    ) -> None:
        self.clock: Clock = clock if clock is not None else ManualClock()
        self.storage = storage
        self.buckets = buckets if buckets is not None else BucketRegistry()
        self.storage_url = storage_url
        self.instance_seconds = float(instance_seconds)
        self.lock = threading.RLock()
        self.accounts: dict[str, Account] = {}
        self._by_token: dict[str, Account] = {}
        for tenant in tenants:
            self.add_tenant(tenant)
        self._seq = itertools.count(1)
        self._order = itertools.count()
        self._events: list[_Event] = []
        self._waiting_on: dict[str, list[Task]] = {}
        self.cursors: OrderedDict[str, Cursor] = OrderedDict()
        self.violations: list[str] = []
        """Emulator bugs seen while serving (invalid responses, crashes): tests assert it stays empty."""

    # -- tenants --------------------------------------------------------------------------------

    def add_tenant(self, tenant: Tenant) -> Account:
        """Register a tenant (emails are case-insensitive and unique, tokens unique)."""
        with self.lock:
            email = tenant.email.lower()
            if email in self.accounts:
                raise ValueError(f"tenant {tenant.email} is already registered")
            if tenant.token in self._by_token:
                raise ValueError(f"tenant {tenant.email} reuses another tenant's token")
            account = Account(tenant)
            self.accounts[email] = account
            self._by_token[tenant.token] = account
            return account

    def authenticate(self, token: str | None) -> Account | None:
        """The account of a token, or ``None``."""
        if not token:
            return None
        return self._by_token.get(token)

    def readable(self, reader: Account, email: str) -> Account | None:
        """The account ``reader`` may read as ``email`` (itself, or one it was granted), else ``None``."""
        target = email.strip().lower()
        if not target or target == reader.email:
            return reader
        if target in reader.tenant.can_read:
            return self.accounts.get(target)
        return None

    # -- ids and time ---------------------------------------------------------------------------

    def next_seq(self) -> int:
        """A new creation sequence number (global, increasing)."""
        return next(self._seq)

    @staticmethod
    def new_uuid() -> str:
        """A new resource uuid."""
        return str(uuid_module.uuid4())

    def now(self) -> float:
        """The emulated time."""
        return self.clock.now()

    # -- scheduler ------------------------------------------------------------------------------

    def schedule(self, at: float, kind: str, target: Any, data: Any = None) -> None:
        """Queue an event for ``target`` at its current version."""
        heapq.heappush(self._events, _Event(at, next(self._order), kind, target, target.version, data))

    def sync(self, now: float | None = None) -> float:
        """Run every event due at ``now`` (default: the clock) in time order; return ``now``."""
        with self.lock:
            moment = self.clock.now() if now is None else now
            while self._events and self._events[0].time <= moment:
                event = heapq.heappop(self._events)
                if event.version != event.target.version:
                    continue  # superseded (the task was stopped, the pool closed …)
                handler: Callable[[_Event], None] = getattr(self, f"_on_{event.kind}")
                handler(event)
            return moment

    # -- tasks: life cycle ----------------------------------------------------------------------

    def submit(self, account: Account, task: Task) -> None:
        """Add a created task and decide when it becomes ready."""
        account.tasks.add(task)
        self._try_release(account, task, task.created)

    def _try_release(self, account: Account, task: Task, at: float) -> None:
        if task.ready is not None or task.stop_at is not None:
            return
        for dep_uuid in task.depends_on:
            dep = account.tasks.by_uuid.get(dep_uuid)
            if dep is None:
                continue  # deleted after success was recorded, see _on_task_final
            final = dep.final_state_at(at)
            if final is None:
                self._waiting_on.setdefault(dep.uuid, []).append(task)
                return
            if final != "Success":
                self.stop(
                    task, at, "Cancelled", error=("DependencyFailed", f"dependency {dep.uuid} ended {final}")
                )
                return
        if task.pool_uuid is not None:
            pool = account.pools.by_uuid.get(task.pool_uuid)
            if pool is None or not pool.is_open(at):
                self.stop(task, at, "Cancelled", error=("PoolClosed", f"pool {task.pool_uuid} is closed"))
                return
            if pool.executing_at > at:
                return  # released by the pool's "ready" event
        self._make_ready(task, at)

    def _make_ready(self, task: Task, at: float) -> None:
        task.ready = at
        assert task.dispatched is not None
        assert task.natural_end is not None
        assert task.exec_start is not None
        self.schedule(task.dispatched, "task_dispatch", task)
        self.schedule(task.natural_end, "task_final", task)
        if task.snapshot_interval > 0:
            self.schedule(task.exec_start + task.snapshot_interval, "task_periodic", task, task.periodic_gen)

    def stop(self, task: Task, at: float, state: str, *, error: tuple[str, str] | None = None) -> bool:
        """Stop a task at ``at`` (Cancelled or Failure) unless it is final; return whether it stopped."""
        if task.final_state_at(at) is not None:
            return False
        task.stop_at = at
        task.stop_state = state
        if error is not None:
            task.add_error(*error)
        task.version += 1
        task.modified = at
        self.schedule(at, "task_final", task)
        return True

    def _on_task_dispatch(self, event: _Event) -> None:
        task: Task = event.target
        account = self.accounts[task.account]
        if not task.machines():
            self.stop(
                task,
                event.time,
                "Failure",
                error=("NoMatchingHardware", "no machine satisfies the hardware constraints"),
            )
            return
        found = self.read_inputs(account, task.body)
        if isinstance(found, str):
            self.stop(task, event.time, "Failure", error=("BucketNotFound", found))
            return
        task.inputs = found

    def read_inputs(self, account: Account, body: dict[str, Any]) -> tuple[tuple[str, int], ...] | str:
        """List the files of a task's resource buckets, or say which bucket is missing.

        Another tenant's bucket and a missing one read the same: existence is not revealed. Without
        storage there are no files.
        """
        inputs: list[tuple[str, int]] = []
        if self.storage is None:
            return ()
        for name, prefix, strip in _resource_buckets(body):
            if self.buckets.owner(name) != account.email:
                return f"resource bucket {name} not found"
            for key, size in self.storage.list(name, prefix):
                inputs.append((key.removeprefix(strip) if strip else key, size))
        return tuple(sorted(inputs))

    def _on_task_final(self, event: _Event) -> None:
        task: Task = event.target
        account = self.accounts[task.account]
        at = event.time
        state = task.final_state_at(at)
        if state is None:  # pragma: no cover - final events are only queued for final instants
            return
        upload = state != "Cancelled" or bool(task.body.get("uploadResultsOnCancellation"))
        if upload and not task.dispatch_failed and self.storage is not None:
            problem = self._write_results(account, task, at)
            if problem is not None and state != "Failure":
                # The results could not be stored: the task fails at the instant it would have succeeded.
                task.stop_at, task.stop_state = at, "Failure"
                task.add_error("ResultsUploadFailed", problem)
        task.final_at = at
        task.modified = at
        for waiter in self._waiting_on.pop(task.uuid, []):
            if waiter.uuid in account.tasks.by_uuid:
                self._try_release(account, waiter, at)
        if task.body.get("autoDeleteOnCompletion"):
            ttl = DateSpan.parse_lenient(task.body.get("completionTimeToLive"))
            delay = max(0.0, ttl.total_seconds()) if ttl is not None else 0.0
            self.schedule(at + delay, "task_delete", task)

    def _on_task_delete(self, event: _Event) -> None:
        task: Task = event.target
        account = self.accounts[task.account]
        if account.tasks.by_uuid.get(task.uuid) is task:
            account.tasks.remove(task)

    def _on_task_periodic(self, event: _Event) -> None:
        task: Task = event.target
        at = event.time
        if event.data != task.periodic_gen or task.snapshot_interval <= 0:
            return  # stopped, or superseded by a later start_periodic_snapshot
        if task.is_final(at) or task.done is None or at >= task.done:
            return
        self._write_snapshot(task, at, dict(task.snapshot_overrides))
        self.schedule(at + task.snapshot_interval, "task_periodic", task, task.periodic_gen)

    def delete_task(self, account: Account, task: Task, now: float) -> None:
        """Abort (if needed) and remove a task."""
        self.stop(task, now, "Cancelled")
        self.sync(now)
        task.version += 1  # no more events for a deleted task
        account.tasks.remove(task)

    # -- snapshots ------------------------------------------------------------------------------

    def request_snapshot(self, task: Task, now: float, config: dict[str, Any]) -> Snapshot:
        """Trigger a unique snapshot; it is InProgress after 0.5 s and done after 1.5 s."""
        stamp = _stamp(now)
        base = f"snap_{task.uuid}_{stamp}"
        snap_id = base
        for n in itertools.count(2):
            if snap_id not in task.snapshots:
                break
            snap_id = f"{base}_{n}"
        snapshot = Snapshot(snap_id, task.uuid, now, config, updated=now)
        task.snapshots = {**task.snapshots, snap_id: snapshot}
        self.schedule(now + 0.5, "snapshot_step", task, snapshot)
        self.schedule(now + 1.5, "snapshot_step", task, snapshot)
        return snapshot

    def _on_snapshot_step(self, event: _Event) -> None:
        snapshot: Snapshot = event.data
        task: Task = event.target
        if snapshot.state == "Triggered":
            snapshot.state, snapshot.updated = "InProgress", event.time
            return
        written = self._write_snapshot(task, snapshot.triggered, snapshot.config)
        snapshot.updated = event.time
        if written is None:
            snapshot.state = "Failure"
        else:
            snapshot.state, snapshot.size, snapshot.transferred = "Success", written, written

    # -- pools and jobs -------------------------------------------------------------------------

    def add_pool(self, account: Account, pool: Pool) -> None:
        """Add a created pool and queue its readiness."""
        account.pools.add(pool)
        self.schedule(pool.executing_at, "pool_ready", pool)

    def _on_pool_ready(self, event: _Event) -> None:
        pool: Pool = event.target
        account = self.accounts[pool.account]
        for task in account.tasks:
            if task.pool_uuid == pool.uuid and task.ready is None and task.stop_at is None:
                self._try_release(account, task, event.time)

    def close_pool(self, account: Account, pool: Pool, now: float) -> None:
        """Close a pool: its unfinished tasks are cancelled, it is Closed one second later."""
        pool.closed_at = now
        pool.modified = now
        pool.version += 1
        for task in list(account.tasks):
            if task.pool_uuid == pool.uuid:
                self.stop(task, now, "Cancelled", error=("PoolClosed", f"pool {pool.uuid} was closed"))

    def add_job(self, account: Account, job: Job) -> None:
        """Add a created job and queue its wall-time limit."""
        account.jobs.add(job)
        if job.max_wall_time is not None and job.max_wall_time.total_seconds() > 0:
            self.schedule(job.created + job.max_wall_time.total_seconds(), "job_walltime", job)

    def _on_job_walltime(self, event: _Event) -> None:
        job: Job = event.target
        self.terminate_job(self.accounts[job.account], job, event.time, reason="maxWallTime reached")

    def terminate_job(self, account: Account, job: Job, now: float, *, reason: str = "terminated") -> None:
        """Cancel the job's unfinished tasks: Terminating now, Completed one second later."""
        if job.state != "Active":
            return
        for task in list(account.tasks):
            if task.job_uuid == job.uuid:
                self.stop(task, now, "Cancelled", error=("JobTerminated", f"job {job.uuid}: {reason}"))
        job.transitions.append(("Terminating", now))
        job.modified = now
        job.version += 1
        self.schedule(now + 1.0, "job_completed", job)

    def _on_job_completed(self, event: _Event) -> None:
        job: Job = event.target
        job.transitions.append(("Completed", event.time))
        job.modified = event.time

    # -- outputs --------------------------------------------------------------------------------

    @staticmethod
    def render(lines: list[Line], stream: Stream, *, prefixed: bool) -> list[str]:
        """Lines of one stream as text lines; whole-task output prefixes each with its instance id."""
        out = []
        for line in lines:
            if line.stream != stream:
                continue
            if prefixed and line.instance is not None:
                out.append(f"{line.instance}> {line.text}\n")
            else:
                out.append(line.text + "\n")
        return out

    @staticmethod
    def fresh(target: Task | Pool, key: tuple[Stream, int | None], text: list[str]) -> str:
        """What was written since the last fresh read of ``key`` (and move its cursor)."""
        start = target.cursors.get(key, 0)
        target.cursors = {**target.cursors, key: len(text)}
        return "".join(text[start:])

    # -- storage --------------------------------------------------------------------------------

    def _bucket_for(self, account: Account, name: str) -> str | None:
        """Make ``name`` usable by ``account`` (creating it if nobody has it); a problem text if not."""
        assert self.storage is not None
        owner = self.buckets.owner(name)
        if owner is None:
            if not self.buckets.claim(name, account.email):
                return f"bucket {name} is not accessible"
            self.storage.create(name)
            return None
        if owner != account.email:
            return f"bucket {name} is not accessible"
        return None

    def _write_results(self, account: Account, task: Task, at: float) -> str | None:
        bucket = task.body.get("resultsBucket") or task.body.get("resultBucket")
        if not bucket:
            return None
        problem = self._bucket_for(account, str(bucket))
        if problem is not None:
            return problem
        assert self.storage is not None
        prefix = str(task.body.get("resultsBucketPrefix") or "")
        keep = _file_filter(task.body.get("resultsWhitelist"), task.body.get("resultsBlacklist"))
        failed = task.failed_terminal(at)
        results: dict[int, tuple[str, ...]] = {}
        for instance in task.succeeded(at) | failed:
            status = "failure" if instance in failed else "success"
            files = {
                f"output-{instance}.txt": _result_text(task, instance, status),
                f"logs/instance-{instance}.log": "".join(
                    self.render(task.lines(at, instance), "stdout", prefixed=False)
                ),
            }
            written = []
            for name, text in files.items():
                if keep(name):
                    self.storage.put(str(bucket), prefix + name, text.encode())
                    written.append(prefix + name)
            results[instance] = tuple(written)
        task.results = results
        return None

    def _write_snapshot(self, task: Task, at: float, config: dict[str, Any]) -> int | None:
        """Write the running instances' working files; return the bytes written (``None`` on failure)."""
        if self.storage is None:
            return 0
        account = self.accounts[task.account]
        bucket = (
            config.get("bucket")
            or task.body.get("snapshotBucket")
            or task.body.get("resultsBucket")
            or task.body.get("resultBucket")
        )
        if not bucket:
            return 0
        if self._bucket_for(account, str(bucket)) is not None:
            return None
        prefix = str(config.get("bucketPrefix") or task.body.get("snapshotBucketPrefix") or "")
        keep = _file_filter(
            config.get("whitelist") or task.body.get("snapshotWhitelist"),
            config.get("blacklist") or task.body.get("snapshotBlacklist"),
        )
        total = 0
        for instance in task.started_once(at):
            name = f"instance-{instance}/progress.txt"
            if not keep(name):
                continue
            data = f"task {task.name}, instance {instance}: {task.progress(at):.2f}% at snapshot\n".encode()
            self.storage.put(str(bucket), prefix + name, data)
            total += len(data)
        return total


def _stamp(now: float) -> str:
    return dt.datetime.fromtimestamp(now, dt.UTC).strftime("%Y%m%d%H%M%S")


def _resource_buckets(body: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(bucket, prefix filter, prefix to strip) for every resource bucket of a task or pool."""
    for name in body.get("resourceBuckets") or []:
        yield str(name), "", ""
    for item in body.get("advancedResourceBuckets") or []:
        filtering = (item.get("filtering") or {}).get("prefixFiltering") or {}
        strip = (item.get("resourcesTransformation") or {}).get("stripPrefix") or {}
        yield str(item["bucketName"]), str(filtering.get("prefix") or ""), str(strip.get("prefix") or "")


def _file_filter(white: object, black: object) -> Callable[[str], bool]:
    """Keep a file when it matches the white list (a regex, if any) and not the black list."""
    white_re = re.compile(str(white)) if white else None
    black_re = re.compile(str(black)) if black else None

    def keep(name: str) -> bool:
        if white_re is not None and not white_re.search(name):
            return False
        return not (black_re is not None and black_re.search(name))

    return keep


def _result_text(task: Task, instance: int, status: str) -> str:
    inputs = task.updated_inputs if task.updated_inputs is not None else task.inputs
    size = sum(s for _, s in inputs)
    lines = [
        f"task: {task.name}",
        f"instance: {instance}",
        f"status: {status}",
        f"inputs: {len(inputs)} file(s), {size} bytes",
        *(f"  {key} {length}" for key, length in inputs),
        f"constants: {', '.join(k for k, _ in task.constants if not k.startswith(SECRET_PREFIX)) or '-'}",
    ]
    return "\n".join(lines) + "\n"
