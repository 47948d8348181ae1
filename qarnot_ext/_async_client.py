"""The client: :class:`AsyncQarnot` and its resources (this file is the source of ``_sync_client.py``).

``scripts/unasync_client.py`` writes the synchronous twin (:class:`~qarnot_ext.Qarnot`) from this
file, so that both clients have the same methods, arguments and docstrings; a test fails when the
generated file is stale. Everything that decides (request bodies, paging, waiting, decoding) lives in
shared modules; the methods here only wire them to one request each.

Usage::

    async with AsyncQarnot() as aq:
        uuid = await aq.tasks.create(name="render", profile="docker-batch", instances=4)
        task = await aq.tasks.wait(uuid, timeout=3600, on_state=print)
        async for t in aq.tasks.iter(filter=F.state == "Failure", page_size=500):
            ...
"""

from __future__ import annotations

import builtins
import os
import ssl
import uuid
from collections.abc import AsyncIterator, Callable, Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar, Unpack

import httpx

from qarnot_ext._adapter import (
    OPS,
    AsyncExecutor,
    Op,
    build_async_http,
    generated_client,
)
from qarnot_ext._config import ClientConfig, resolve_config
from qarnot_ext._errors import ConfigError, InvalidValueError, OutcomeUnknownError, ParseError, Problem
from qarnot_ext._filters import Field, Filter, OrderBy, Select, page_request, search_request
from qarnot_ext._http import Clock, RetryPolicy, SystemClock
from qarnot_ext._pagination import AsyncPager, Page
from qarnot_ext._ranges import InstanceRange
from qarnot_ext._requests import (
    Instances,
    JobOptions,
    PoolOptions,
    ResourceId,
    TaskOptions,
    job_body,
    overrides_body,
    pool_body,
    resource_id,
    scaling_body,
    snapshot_body,
    task_body,
    task_update_body,
)
from qarnot_ext._secrets import ConstantsInput, Secret, SecretConstant, register_secret
from qarnot_ext._secrets_manager import DEFAULT_CONCURRENCY, walk_async
from qarnot_ext._waits import (
    DEFAULT_SNAPSHOT_TIMEOUT,
    DEFAULT_WAIT_TIMEOUT,
    JOB,
    JOB_FINAL,
    POOL,
    POOL_READY,
    SNAPSHOT,
    SNAPSHOT_FINAL,
    TASK,
    TASK_FINAL,
    Progress,
    WaitPolicy,
    check_until,
    wait_async,
)

if TYPE_CHECKING:
    # Annotations only: the generated models load on first use, not at `import qarnot_ext`.
    from qarnot_ext._adapter import (
        BulkTaskResult,
        GeneratedClient,
        HardwareConstraint,
        JobOutput,
        PoolOutput,
        PoolSummaryOutput,
        ProfileOutput,
        ScalingOutput,
        SettingsOutput,
        SnapshotStatusOutput,
        TaskOutput,
        TaskSummaryOutput,
        UserOutput,
        VersionOutput,
    )
    from qarnot_ext.storage import AsyncStorage

__all__ = [
    "AsyncHardwareConstraints",
    "AsyncJobs",
    "AsyncPools",
    "AsyncProfiles",
    "AsyncQarnot",
    "AsyncSecrets",
    "AsyncTasks",
    "AsyncUser",
]

R = TypeVar("R")
FilterArg = Filter | Mapping[str, Any] | None
OrderArg = OrderBy | str | None
SelectArg = Select | Iterable[str | Field] | None


def _uuid_text(value: object) -> uuid.UUID:
    """A created resource's id, as the models hold it (:class:`uuid.UUID`)."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


class _HasState(Protocol):
    @property
    def state(self) -> object: ...


def _state(resource: _HasState) -> str | None:
    state = resource.state
    return state if isinstance(state, str) else None


def _snapshot_state(snapshot: SnapshotStatusOutput) -> str | None:
    return snapshot.status if isinstance(snapshot.status, str) else None


def _tag_list(tags: Iterable[str] | None) -> builtins.list[str] | None:
    if tags is None:
        return None
    if isinstance(tags, str):
        raise InvalidValueError("tags", [Problem(tags, "expected a list of tags, not one string")])
    return list(tags)


def _secret_key(key: object) -> str:
    if not isinstance(key, str) or not key.strip("/ "):
        raise InvalidValueError(
            "key", [Problem(repr(key)[:80], "a secret key is a non-blank str (team/db/password)")]
        )
    return key


def _instance_id(instance: int | None) -> int | None:
    if instance is not None and (isinstance(instance, bool) or not isinstance(instance, int) or instance < 0):
        raise InvalidValueError("instance", [Problem(repr(instance), "an instance id is a non-negative int")])
    return instance


_PUBLIC_OPS: Final = frozenset({OPS.get_settings.id, OPS.list_versions.id})
"""The only operations the API serves without a token."""


class _TokenGuard:
    """Runs operations, refusing those that need a token when none is configured (before any I/O)."""

    def __init__(self, executor: AsyncExecutor, config: ClientConfig) -> None:
        self._executor = executor
        self._config = config

    async def run(self, op: Op[R], /, **kwargs: Any) -> R:
        if self._config.token is None and op.id not in _PUBLIC_OPS:
            raise ConfigError(
                f"{op.id} needs an API token and none is configured: pass token=…, set "
                "QARNOT_CLIENT_TOKEN, or give a config file with [client] token"
            )
        return await self._executor.run(op, **kwargs)


def _lookup(exc: OutcomeUnknownError, name: str, shortname: object) -> None:
    """Name the creation in an "outcome unknown" error: its shortname, else its name."""
    exc.lookup = shortname if isinstance(shortname, str) else name


class _Resource:
    def __init__(self, client: AsyncQarnot) -> None:
        self._c = client
        self._x = client._x

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._c!r}>"


class AsyncTasks(_Resource):
    """Tasks: read, list, create, change, follow and clean up."""

    async def get(self, task: ResourceId) -> TaskOutput:
        """Return the task with this uuid or shortname.

        Raises:
            NotFound: no such task.

        """
        return await self._x.run(OPS.get_task, task_uuid=resource_id("task", task))

    async def list(self, *, tags: Iterable[str] | None = None) -> builtins.list[TaskOutput]:
        """Every task (optionally with all these tags) in one unpaged request; prefer :meth:`iter`."""
        return await self._x.run(OPS.list_tasks, tag=_tag_list(tags))

    async def list_summaries(self, *, tags: Iterable[str] | None = None) -> builtins.list[TaskSummaryOutput]:
        """Every task summary in one unpaged request; prefer :meth:`summaries`."""
        return await self._x.run(OPS.list_task_summaries, tag=_tag_list(tags))

    async def search(
        self, filter: FilterArg = None, *, select: SelectArg = None, limit: int | None = None
    ) -> builtins.list[TaskOutput]:
        """Tasks matching ``filter`` (``POST /tasks/search``), at most ``limit``, ``select`` fields only."""
        body = search_request(resource="tasks", filter=filter, select=select, maximum_results=limit)
        return await self._x.run(OPS.search_tasks, body=body)

    def iter(
        self,
        *,
        filter: FilterArg = None,
        order_by: OrderArg = None,
        page_size: int | None = None,
        limit: int | None = None,
        start_token: str | None = None,
    ) -> AsyncPager[TaskOutput]:
        """Lazily iterate over full tasks (``POST /tasks/paginate``), page after page.

        Args:
            filter: a filter built with :data:`~qarnot_ext.F` (or its wire dict).
            order_by: an :class:`~qarnot_ext.OrderBy` or a sort field name.
            page_size: items per request (the server's default when ``None``).
            limit: stop after this many items.
            start_token: resume from a page's ``next_token``.

        Raises:
            PaginationError: the server breaks the paging protocol (while iterating).
            FilterError: the filter or ordering does not apply to tasks (at once).

        """
        page_request(resource="tasks", filter=filter, order_by=order_by)  # check now, not at first page

        async def fetch(token: str | None, size: int | None) -> Page[TaskOutput]:
            body = page_request(
                resource="tasks", filter=filter, order_by=order_by, maximum_results=size, token=token
            )
            return await self._x.run(OPS.paginate_tasks, body=body)

        return AsyncPager(fetch, start_token=start_token, page_size=page_size, limit=limit)

    def pages(
        self,
        *,
        filter: FilterArg = None,
        order_by: OrderArg = None,
        page_size: int | None = None,
        limit: int | None = None,
        start_token: str | None = None,
    ) -> AsyncIterator[Page[TaskOutput]]:
        """The pages of :meth:`iter` (each with ``items`` and ``next_token``, to resume later)."""
        return self.iter(
            filter=filter, order_by=order_by, page_size=page_size, limit=limit, start_token=start_token
        ).pages()

    def summaries(
        self,
        *,
        filter: FilterArg = None,
        order_by: OrderArg = None,
        page_size: int | None = None,
        limit: int | None = None,
        start_token: str | None = None,
    ) -> AsyncPager[TaskSummaryOutput]:
        """Like :meth:`iter`, over task summaries (``POST /tasks/summaries/paginate``): lighter items."""
        page_request(resource="tasks", filter=filter, order_by=order_by)

        async def fetch(token: str | None, size: int | None) -> Page[TaskSummaryOutput]:
            body = page_request(
                resource="tasks", filter=filter, order_by=order_by, maximum_results=size, token=token
            )
            return await self._x.run(OPS.paginate_task_summaries, body=body)

        return AsyncPager(fetch, start_token=start_token, page_size=page_size, limit=limit)

    def summary_pages(
        self,
        *,
        filter: FilterArg = None,
        order_by: OrderArg = None,
        page_size: int | None = None,
        limit: int | None = None,
        start_token: str | None = None,
    ) -> AsyncIterator[Page[TaskSummaryOutput]]:
        """The pages of :meth:`summaries`."""
        return self.summaries(
            filter=filter, order_by=order_by, page_size=page_size, limit=limit, start_token=start_token
        ).pages()

    async def create(
        self,
        name: str,
        profile: str | None = None,
        *,
        instances: Instances | None = 1,
        pool: ResourceId | None = None,
        job: ResourceId | None = None,
        constants: ConstantsInput | None = None,
        secrets: Iterable[SecretConstant] | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[TaskOptions],
    ) -> uuid.UUID:
        """Create a task and return its uuid (a :class:`uuid.UUID`, as in the models); never retried.

        A lost answer is an :class:`~qarnot_ext.OutcomeUnknownError`, not a second task.

        A task runs on a ``profile``, in a ``pool`` or in a ``job`` (the job's pool, if it has one):
        give the job alone, never a pool and a job together. ``instances`` is a count or an
        :class:`~qarnot_ext.InstanceRange` (or its text, ``"0-99"``); ``secrets`` are
        :class:`~qarnot_ext.SecretConstant` (write-only constants). Every other member of
        ``TaskCreationInput`` is a keyword argument (``shortname``, ``tags``, ``labels``,
        ``hardware_constraints``, ``secrets_access``, ``advanced_resource_buckets``,
        ``results_bucket``, ``retry_settings``, ``depends_on`` … see :class:`TaskOptions`);
        models the API returned are accepted as they are. ``extra`` adds members by wire name,
        each checked against the schema.

        Raises:
            InvalidValueError: an argument, an option or an ``extra`` key is invalid.
            OutcomeUnknownError: the request was sent but its answer lost; the task may exist.

        """
        body = task_body(
            name=name,
            profile=profile,
            instances=instances,
            pool=pool,
            job=job,
            constants=constants,
            secrets=secrets,
            extra=extra,
            **options,
        )
        try:
            created = await self._x.run(OPS.create_task, body=body)
        except OutcomeUnknownError as exc:
            _lookup(exc, name, options.get("shortname"))
            raise
        if isinstance(created, list):
            raise ParseError("a single task creation was answered with a bulk result", schema="IdOutput")
        return _uuid_text(created.uuid)

    async def create_many(self, tasks: Sequence[Mapping[str, Any]]) -> builtins.list[BulkTaskResult]:
        """Create several tasks in one request; return one result per task, in order.

        Each item holds the keyword arguments of :meth:`create` (``{"name": …, "profile": …}``).
        A result has ``status_code``, ``uuid`` (when created) and ``message``; check each one.
        """
        if isinstance(tasks, Mapping) or not tasks:
            raise InvalidValueError(
                "tasks", [Problem("tasks", "expected a non-empty list of task arguments")]
            )
        bodies = []
        for index, item in enumerate(tasks):
            try:
                if not isinstance(item, Mapping):
                    raise InvalidValueError(
                        "task", [Problem(repr(item)[:80], "expected a mapping of arguments")]
                    )
                bodies.append(task_body(**dict(item)))
            except InvalidValueError as exc:
                raise InvalidValueError(f"tasks[{index}] {exc.kind}", exc.problems) from exc
            except TypeError as exc:  # an unknown argument name
                raise InvalidValueError(f"tasks[{index}]", [Problem(str(item)[:80], str(exc))]) from exc
        created = await self._x.run(OPS.create_task, body=bodies)
        if not isinstance(created, list):
            raise ParseError("a bulk creation was answered with a single id", schema="BulkTaskResults")
        if len(created) != len(bodies):
            raise ParseError(
                f"{len(bodies)} tasks submitted, {len(created)} results", schema="BulkTaskResults"
            )
        return created

    async def update(
        self,
        task: ResourceId,
        *,
        constants: ConstantsInput | None = None,
        secrets: Iterable[SecretConstant] | None = None,
        tags: Iterable[str] | None = None,
        constraints: Mapping[str, str] | Iterable[Any] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        """Change a running task's constants, constraints or tags (``PUT``: all ``TaskUpdateInput`` holds)."""
        body = task_update_body(
            constants=constants, secrets=secrets, tags=tags, constraints=constraints, extra=extra
        )
        await self._x.run(OPS.update_task, task_uuid=resource_id("task", task), body=body)

    async def update_resources(self, task: ResourceId) -> None:
        """Have the running instances fetch the resource buckets again (deleted files stay)."""
        await self._x.run(OPS.update_task_resources, task_uuid=resource_id("task", task))

    async def abort(self, task: ResourceId) -> None:
        """Abort a task (never retried)."""
        await self._x.run(OPS.abort_task, task_uuid=resource_id("task", task))

    async def delete(self, task: ResourceId) -> None:
        """Delete a task, aborting it first if needed."""
        await self._x.run(OPS.delete_task, task_uuid=resource_id("task", task))

    async def clone(
        self,
        task: ResourceId,
        *,
        instances: Instances | None = None,
        name: str | None = None,
        profile: str | None = None,
        job: ResourceId | None = None,
        constants: ConstantsInput | None = None,
        secrets: Iterable[SecretConstant] | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[TaskOptions],
    ) -> uuid.UUID:
        """Create a copy of ``task`` with these fields changed; return the new uuid."""
        body = overrides_body(
            "TaskCloneInput",
            instances=instances,
            name=name,
            profile=profile,
            job=job,
            constants=constants,
            secrets=secrets,
            extra=extra,
            **options,
        )
        return _uuid_text(
            (await self._x.run(OPS.clone_task, task_uuid=resource_id("task", task), body=body)).uuid
        )

    async def retry(
        self,
        task: ResourceId,
        *,
        instances: InstanceRange | str | None = None,
        name: str | None = None,
        profile: str | None = None,
        job: ResourceId | None = None,
        constants: ConstantsInput | None = None,
        secrets: Iterable[SecretConstant] | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[TaskOptions],
    ) -> uuid.UUID:
        """Run the failed instances of ``task`` again in a new task; return its uuid.

        Without ``instances`` the server picks the failed instances (``POST /retry``). With
        ``instances`` (e.g. ``InstanceStates.of(task).failed``) exactly those run: ``/retry`` takes
        no range, so the task is cloned with that range instead.
        """
        if instances is not None:
            return await self.clone(
                task,
                instances=instances,
                name=name,
                profile=profile,
                job=job,
                constants=constants,
                secrets=secrets,
                extra=extra,
                **options,
            )
        body = overrides_body(
            "TaskRetryInput",
            name=name,
            profile=profile,
            job=job,
            constants=constants,
            secrets=secrets,
            extra=extra,
            **options,
        )
        return _uuid_text(
            (await self._x.run(OPS.retry_task, task_uuid=resource_id("task", task), body=body)).uuid
        )

    async def recover(
        self,
        task: ResourceId,
        *,
        name: str | None = None,
        profile: str | None = None,
        job: ResourceId | None = None,
        constants: ConstantsInput | None = None,
        secrets: Iterable[SecretConstant] | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[TaskOptions],
    ) -> uuid.UUID:
        """Run the failed and cancelled instances of ``task`` again in a new task; return its uuid."""
        body = overrides_body(
            "TaskRecoverInput",
            name=name,
            profile=profile,
            job=job,
            constants=constants,
            secrets=secrets,
            extra=extra,
            **options,
        )
        return _uuid_text(
            (await self._x.run(OPS.recover_task, task_uuid=resource_id("task", task), body=body)).uuid
        )

    async def resume(
        self,
        task: ResourceId,
        *,
        name: str | None = None,
        profile: str | None = None,
        job: ResourceId | None = None,
        constants: ConstantsInput | None = None,
        secrets: Iterable[SecretConstant] | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[TaskOptions],
    ) -> uuid.UUID:
        """Run the cancelled instances of ``task`` again in a new task; return its uuid."""
        body = overrides_body(
            "TaskResumeInput",
            name=name,
            profile=profile,
            job=job,
            constants=constants,
            secrets=secrets,
            extra=extra,
            **options,
        )
        return _uuid_text(
            (await self._x.run(OPS.resume_task, task_uuid=resource_id("task", task), body=body)).uuid
        )

    async def stdout(self, task: ResourceId, *, instance: int | None = None, fresh: bool = False) -> str:
        """The task's standard output, of one ``instance`` or all.

        With ``fresh=True`` only what was written since the last fresh read (this consumes it on the
        server, so it is never retried: a lost answer loses that output).
        """
        instance = _instance_id(instance)
        if instance is None:
            op = OPS.get_task_fresh_stdout if fresh else OPS.get_task_stdout
            return await self._x.run(op, task_uuid=resource_id("task", task))
        op = OPS.get_task_instance_fresh_stdout if fresh else OPS.get_task_instance_stdout
        return await self._x.run(op, task_uuid=resource_id("task", task), instance_id=instance)

    async def stderr(self, task: ResourceId, *, instance: int | None = None, fresh: bool = False) -> str:
        """The task's error output; see :meth:`stdout`."""
        instance = _instance_id(instance)
        if instance is None:
            op = OPS.get_task_fresh_stderr if fresh else OPS.get_task_stderr
            return await self._x.run(op, task_uuid=resource_id("task", task))
        op = OPS.get_task_instance_fresh_stderr if fresh else OPS.get_task_instance_stderr
        return await self._x.run(op, task_uuid=resource_id("task", task), instance_id=instance)

    async def snapshot(
        self,
        task: ResourceId,
        *,
        whitelist: str | None = None,
        blacklist: str | None = None,
        bucket: str | None = None,
        bucket_prefix: str | None = None,
    ) -> str:
        """Request one snapshot of the running task's files; return the snapshot id (never retried)."""
        body = snapshot_body(
            whitelist=whitelist, blacklist=blacklist, bucket=bucket, bucket_prefix=bucket_prefix
        )
        result = await self._x.run(OPS.request_snapshot, task_uuid=resource_id("task", task), body=body)
        return str(result.id)

    async def snapshot_status(self, task: ResourceId, snapshot_id: str) -> SnapshotStatusOutput:
        """The progress of a snapshot requested with :meth:`snapshot`."""
        snapshot_id = resource_id("snapshot_id", snapshot_id)
        return await self._x.run(
            OPS.get_snapshot_status, task_uuid=resource_id("task", task), snapshot_id=snapshot_id
        )

    async def wait_snapshot(
        self,
        task: ResourceId,
        snapshot_id: str,
        *,
        timeout: float | None = DEFAULT_SNAPSHOT_TIMEOUT,
        until: str | Collection[str] = SNAPSHOT_FINAL,
        policy: WaitPolicy | None = None,
    ) -> SnapshotStatusOutput:
        """Poll :meth:`snapshot_status` until the snapshot succeeds or fails; return the last status.

        ``timeout`` defaults to :data:`~qarnot_ext._waits.DEFAULT_SNAPSHOT_TIMEOUT` (600 s);
        ``None`` waits without a deadline.

        Raises:
            WaitTimeoutError: the deadline passed first.
            UnreachableStateError: the snapshot ended in a state that is not in ``until``.

        """
        progress = Progress(
            what=f"snapshot {snapshot_id}",
            final=check_until(SNAPSHOT, until),
            lifecycle=SNAPSHOT,
            timeout=timeout,
            policy=policy or self._c.wait_policy,
            start=self._c.clock.monotonic(),
        )

        async def fetch() -> SnapshotStatusOutput:
            return await self.snapshot_status(task, snapshot_id)

        return await wait_async(fetch, _snapshot_state, progress, self._c.clock)

    async def periodic_snapshot(
        self,
        task: ResourceId,
        interval: int,
        *,
        whitelist: str | None = None,
        blacklist: str | None = None,
        bucket: str | None = None,
        bucket_prefix: str | None = None,
    ) -> None:
        """Snapshot the task every ``interval`` seconds (``0`` stops it)."""
        body = snapshot_body(
            interval=interval,
            whitelist=whitelist,
            blacklist=blacklist,
            bucket=bucket,
            bucket_prefix=bucket_prefix,
        )
        await self._x.run(OPS.start_periodic_snapshot, task_uuid=resource_id("task", task), body=body)

    async def wait(
        self,
        task: ResourceId,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        until: str | Collection[str] = TASK_FINAL,
        on_state: Callable[[str], Any] | None = None,
        on_output: Callable[[str], Any] | None = None,
        policy: WaitPolicy | None = None,
    ) -> TaskOutput:
        """Wait until the task is in ``until`` (default ``Success``, ``Failure`` or ``Cancelled``); return it.

        ``until`` is one state (``"FullyExecuting"``) or a collection of them, checked against the
        task states. A failed task is returned, not raised, when ``Failure`` is a target: check
        ``task.state`` (and ``InstanceStates.of(task).failed``). ``on_state(state)`` runs at each state
        change, ``on_output(text)`` with each new chunk of standard output. ``timeout`` defaults to
        one hour (:data:`~qarnot_ext._waits.DEFAULT_WAIT_TIMEOUT`); ``None`` waits without a deadline.

        Raises:
            InvalidValueError: ``until`` names no task state (the message lists them).
            WaitTimeoutError: ``timeout`` seconds passed first.
            UnreachableStateError: the task reached a state from which no target can be reached
                (``Success`` while waiting for ``FullyExecuting``); it carries the task.

        """
        task_id = resource_id("task", task)
        progress = Progress(
            what=f"task {task_id}",
            final=check_until(TASK, until),
            lifecycle=TASK,
            timeout=timeout,
            policy=policy or self._c.wait_policy,
            start=self._c.clock.monotonic(),
        )

        async def fetch() -> TaskOutput:
            return await self.get(task_id)

        async def output() -> str:
            return await self.stdout(task_id, fresh=True)

        return await wait_async(
            fetch,
            _state,
            progress,
            self._c.clock,
            on_state=on_state,
            on_output=on_output,
            fetch_output=output if on_output is not None else None,
        )


class AsyncPools(_Resource):
    """Pools: long-lived groups of nodes that run tasks."""

    async def get(self, pool: ResourceId) -> PoolOutput:
        """Return the pool with this uuid or shortname."""
        return await self._x.run(OPS.get_pool, pool_uuid=resource_id("pool", pool))

    async def list(self, *, tags: Iterable[str] | None = None) -> builtins.list[PoolOutput]:
        """Every pool in one unpaged request; prefer :meth:`iter`."""
        return await self._x.run(OPS.list_pools, tag=_tag_list(tags))

    async def list_summaries(self, *, tags: Iterable[str] | None = None) -> builtins.list[PoolSummaryOutput]:
        """Every pool summary in one unpaged request; prefer :meth:`summaries`."""
        return await self._x.run(OPS.list_pool_summaries, tag=_tag_list(tags))

    async def search(
        self, filter: FilterArg = None, *, select: SelectArg = None, limit: int | None = None
    ) -> builtins.list[PoolOutput]:
        """Pools matching ``filter`` (``POST /pools/search``)."""
        body = search_request(resource="pools", filter=filter, select=select, maximum_results=limit)
        return await self._x.run(OPS.search_pools, body=body)

    def iter(
        self,
        *,
        filter: FilterArg = None,
        order_by: OrderArg = None,
        page_size: int | None = None,
        limit: int | None = None,
        start_token: str | None = None,
    ) -> AsyncPager[PoolOutput]:
        """Lazily iterate over full pools (``POST /pools/paginate``); see :meth:`AsyncTasks.iter`."""
        page_request(resource="pools", filter=filter, order_by=order_by)

        async def fetch(token: str | None, size: int | None) -> Page[PoolOutput]:
            body = page_request(
                resource="pools", filter=filter, order_by=order_by, maximum_results=size, token=token
            )
            return await self._x.run(OPS.paginate_pools, body=body)

        return AsyncPager(fetch, start_token=start_token, page_size=page_size, limit=limit)

    def pages(
        self,
        *,
        filter: FilterArg = None,
        order_by: OrderArg = None,
        page_size: int | None = None,
        limit: int | None = None,
        start_token: str | None = None,
    ) -> AsyncIterator[Page[PoolOutput]]:
        """The pages of :meth:`iter`."""
        return self.iter(
            filter=filter, order_by=order_by, page_size=page_size, limit=limit, start_token=start_token
        ).pages()

    def summaries(
        self,
        *,
        filter: FilterArg = None,
        order_by: OrderArg = None,
        page_size: int | None = None,
        limit: int | None = None,
        start_token: str | None = None,
    ) -> AsyncPager[PoolSummaryOutput]:
        """Like :meth:`iter`, over pool summaries (``POST /pools/summaries/paginate``)."""
        page_request(resource="pools", filter=filter, order_by=order_by)

        async def fetch(token: str | None, size: int | None) -> Page[PoolSummaryOutput]:
            body = page_request(
                resource="pools", filter=filter, order_by=order_by, maximum_results=size, token=token
            )
            return await self._x.run(OPS.paginate_pool_summaries, body=body)

        return AsyncPager(fetch, start_token=start_token, page_size=page_size, limit=limit)

    def summary_pages(
        self,
        *,
        filter: FilterArg = None,
        order_by: OrderArg = None,
        page_size: int | None = None,
        limit: int | None = None,
        start_token: str | None = None,
    ) -> AsyncIterator[Page[PoolSummaryOutput]]:
        """The pages of :meth:`summaries`."""
        return self.summaries(
            filter=filter, order_by=order_by, page_size=page_size, limit=limit, start_token=start_token
        ).pages()

    async def create(
        self,
        name: str,
        profile: str,
        *,
        instances: int | None = 1,
        constants: ConstantsInput | None = None,
        secrets: Iterable[SecretConstant] | None = None,
        tags: Iterable[str] | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[PoolOptions],
    ) -> uuid.UUID:
        """Create a pool and return its uuid (never retried).

        Every member of ``PoolCreationInput`` is a keyword argument (``shortname``,
        ``hardware_constraints``, ``scaling`` — a mapping, a pool's scaling as returned, or a list of
        scaling policies —, ``elastic_property``, ``default_retry_settings`` … see
        :class:`PoolOptions`); ``extra`` keys are checked against the schema.
        """
        body = pool_body(
            name=name,
            profile=profile,
            instances=instances,
            constants=constants,
            secrets=secrets,
            tags=tags,
            extra=extra,
            **options,
        )
        try:
            created = await self._x.run(OPS.create_pool, body=body)
        except OutcomeUnknownError as exc:
            _lookup(exc, name, options.get("shortname"))
            raise
        return _uuid_text(created.uuid)

    async def clone(
        self,
        pool: ResourceId,
        *,
        name: str | None = None,
        profile: str | None = None,
        instances: int | None = None,
        constants: ConstantsInput | None = None,
        secrets: Iterable[SecretConstant] | None = None,
        tags: Iterable[str] | None = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[PoolOptions],
    ) -> uuid.UUID:
        """Create a copy of ``pool`` with these fields changed; return the new uuid."""
        if isinstance(instances, bool) or not isinstance(instances, int | None):
            raise InvalidValueError(
                "instances", [Problem(repr(instances), "a pool's instance count is an int")]
            )
        body = overrides_body(
            "PoolCloneInput",
            instances=instances,
            name=name,
            profile=profile,
            constants=constants,
            secrets=secrets,
            tags=tags,
            extra=extra,
            **options,
        )
        return _uuid_text(
            (await self._x.run(OPS.clone_pool, pool_uuid=resource_id("pool", pool), body=body)).uuid
        )

    async def update(
        self,
        pool: ResourceId,
        *,
        constants: ConstantsInput | None = None,
        secrets: Iterable[SecretConstant] | None = None,
        tags: Iterable[str] | None = None,
        constraints: Mapping[str, str] | Iterable[Any] | None = None,
        elastic_property: Any = None,
        scaling: Any = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        """Change a pool's constants, constraints, tags, elastic property or scaling (``PUT``)."""
        body = task_update_body(
            "PoolUpdateInput",
            constants=constants,
            secrets=secrets,
            tags=tags,
            constraints=constraints,
            elastic_property=elastic_property,
            scaling=scaling,
            extra=extra,
        )
        await self._x.run(OPS.update_pool, pool_uuid=resource_id("pool", pool), body=body)

    async def update_resources(self, pool: ResourceId) -> None:
        """Have the pool's nodes fetch the resource buckets again."""
        await self._x.run(OPS.update_pool_resources, pool_uuid=resource_id("pool", pool))

    async def close(self, pool: ResourceId) -> None:
        """Close a pool: its nodes stop once their tasks end (never retried)."""
        await self._x.run(OPS.close_pool, pool_uuid=resource_id("pool", pool))

    async def delete(self, pool: ResourceId) -> None:
        """Delete a pool."""
        await self._x.run(OPS.delete_pool, pool_uuid=resource_id("pool", pool))

    async def jobs(self, pool: ResourceId) -> builtins.list[JobOutput]:
        """The jobs of a pool."""
        return await self._x.run(OPS.list_pool_jobs, pool_uuid=resource_id("pool", pool))

    async def tasks(self, pool: ResourceId) -> builtins.list[TaskOutput]:
        """The tasks of a pool."""
        return await self._x.run(OPS.list_pool_tasks, pool_uuid=resource_id("pool", pool))

    async def stdout(self, pool: ResourceId, *, instance: int | None = None, fresh: bool = False) -> str:
        """The pool's standard output; see :meth:`AsyncTasks.stdout`."""
        instance = _instance_id(instance)
        if instance is None:
            op = OPS.get_pool_fresh_stdout if fresh else OPS.get_pool_stdout
            return await self._x.run(op, pool_uuid=resource_id("pool", pool))
        op = OPS.get_pool_instance_fresh_stdout if fresh else OPS.get_pool_instance_stdout
        return await self._x.run(op, pool_uuid=resource_id("pool", pool), instance_id=instance)

    async def stderr(self, pool: ResourceId, *, instance: int | None = None, fresh: bool = False) -> str:
        """The pool's error output; see :meth:`AsyncTasks.stdout`."""
        instance = _instance_id(instance)
        if instance is None:
            op = OPS.get_pool_fresh_stderr if fresh else OPS.get_pool_stderr
            return await self._x.run(op, pool_uuid=resource_id("pool", pool))
        op = OPS.get_pool_instance_fresh_stderr if fresh else OPS.get_pool_instance_stderr
        return await self._x.run(op, pool_uuid=resource_id("pool", pool), instance_id=instance)

    async def scaling(self, pool: ResourceId) -> ScalingOutput:
        """The pool's scaling policies."""
        return await self._x.run(OPS.get_pool_scaling, pool_uuid=resource_id("pool", pool))

    async def update_scaling(self, pool: ResourceId, scaling: Any) -> None:
        """Replace the pool's scaling policies.

        ``scaling`` is a ``{"policies": [...]}`` mapping, the ``ScalingOutput`` of :meth:`scaling`, or
        a list of scaling policies (the generated variant classes, or mappings).
        """
        await self._x.run(
            OPS.update_pool_scaling, pool_uuid=resource_id("pool", pool), body=scaling_body(scaling)
        )

    async def check_scaling(self, scaling: Any) -> None:
        """Ask the API whether a scaling specification is valid; raises :class:`BadRequest` if not."""
        await self._x.run(OPS.check_pool_scaling, body=scaling_body(scaling))

    async def wait(
        self,
        pool: ResourceId,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        until: str | Collection[str] = POOL_READY,
        on_state: Callable[[str], Any] | None = None,
        policy: WaitPolicy | None = None,
    ) -> PoolOutput:
        """Wait until the pool runs on all its nodes (``FullyExecuting``) or is over; return it.

        ``until``, ``timeout`` (one hour by default, ``None`` for none) and the errors are as in
        :meth:`AsyncTasks.wait`.
        """
        pool_id = resource_id("pool", pool)
        progress = Progress(
            what=f"pool {pool_id}",
            final=check_until(POOL, until),
            lifecycle=POOL,
            timeout=timeout,
            policy=policy or self._c.wait_policy,
            start=self._c.clock.monotonic(),
        )

        async def fetch() -> PoolOutput:
            return await self.get(pool_id)

        return await wait_async(fetch, _state, progress, self._c.clock, on_state=on_state)


class AsyncJobs(_Resource):
    """Jobs: groups of tasks, possibly with dependencies between them."""

    async def get(self, job: ResourceId) -> JobOutput:
        """Return the job with this uuid or shortname."""
        return await self._x.run(OPS.get_job, job_uuid=resource_id("job", job))

    async def list(self, *, tags: Iterable[str] | None = None) -> builtins.list[JobOutput]:
        """Every job in one unpaged request; prefer :meth:`iter`."""
        return await self._x.run(OPS.list_jobs, tag=_tag_list(tags))

    async def search(
        self, filter: FilterArg = None, *, select: SelectArg = None, limit: int | None = None
    ) -> builtins.list[JobOutput]:
        """Jobs matching ``filter`` (``POST /jobs/search``)."""
        body = search_request(resource="jobs", filter=filter, select=select, maximum_results=limit)
        return await self._x.run(OPS.search_jobs, body=body)

    def iter(
        self,
        *,
        filter: FilterArg = None,
        order_by: OrderArg = None,
        page_size: int | None = None,
        limit: int | None = None,
        start_token: str | None = None,
    ) -> AsyncPager[JobOutput]:
        """Lazily iterate over jobs (``POST /jobs/paginate``); see :meth:`AsyncTasks.iter`."""
        page_request(resource="jobs", filter=filter, order_by=order_by)

        async def fetch(token: str | None, size: int | None) -> Page[JobOutput]:
            body = page_request(
                resource="jobs", filter=filter, order_by=order_by, maximum_results=size, token=token
            )
            return await self._x.run(OPS.paginate_jobs, body=body)

        return AsyncPager(fetch, start_token=start_token, page_size=page_size, limit=limit)

    def pages(
        self,
        *,
        filter: FilterArg = None,
        order_by: OrderArg = None,
        page_size: int | None = None,
        limit: int | None = None,
        start_token: str | None = None,
    ) -> AsyncIterator[Page[JobOutput]]:
        """The pages of :meth:`iter`."""
        return self.iter(
            filter=filter, order_by=order_by, page_size=page_size, limit=limit, start_token=start_token
        ).pages()

    async def create(
        self,
        name: str,
        *,
        pool: ResourceId | None = None,
        use_dependencies: bool | None = None,
        tags: Iterable[str] | None = None,
        max_wall_time: Any = None,
        extra: Mapping[str, Any] | None = None,
        **options: Unpack[JobOptions],
    ) -> uuid.UUID:
        """Create a job; return its uuid (never retried). ``max_wall_time``: DateSpan, timedelta or text.

        Tasks run in it with ``tasks.create(…, job=uuid)`` (no pool: the job's pool is used);
        ``use_dependencies=True`` lets them name ``depends_on``.
        """
        body = job_body(
            name=name,
            pool=pool,
            use_dependencies=use_dependencies,
            tags=tags,
            max_wall_time=max_wall_time,
            extra=extra,
            **options,
        )
        try:
            created = await self._x.run(OPS.create_job, body=body)
        except OutcomeUnknownError as exc:
            _lookup(exc, name, options.get("shortname"))
            raise
        return _uuid_text(created.uuid)

    async def terminate(self, job: ResourceId) -> None:
        """Terminate a job: its tasks are cancelled (never retried)."""
        await self._x.run(OPS.terminate_job, job_uuid=resource_id("job", job))

    async def delete(self, job: ResourceId, *, force: bool = False) -> None:
        """Delete a job; ``force`` deletes it even with running tasks."""
        await self._x.run(OPS.delete_job, job_uuid=resource_id("job", job), force=force)

    async def tasks(self, job: ResourceId) -> builtins.list[TaskOutput]:
        """The tasks of a job."""
        return await self._x.run(OPS.list_job_tasks, job_uuid=resource_id("job", job))

    async def wait(
        self,
        job: ResourceId,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        until: str | Collection[str] = JOB_FINAL,
        on_state: Callable[[str], Any] | None = None,
        policy: WaitPolicy | None = None,
    ) -> JobOutput:
        """Wait until the job is ``Completed`` (or in ``until``); return it.

        ``until``, ``timeout`` (one hour by default, ``None`` for none) and the errors are as in
        :meth:`AsyncTasks.wait`.
        """
        job_id = resource_id("job", job)
        progress = Progress(
            what=f"job {job_id}",
            final=check_until(JOB, until),
            lifecycle=JOB,
            timeout=timeout,
            policy=policy or self._c.wait_policy,
            start=self._c.clock.monotonic(),
        )

        async def fetch() -> JobOutput:
            return await self.get(job_id)

        return await wait_async(fetch, _state, progress, self._c.clock, on_state=on_state)


class AsyncProfiles(_Resource):
    """Profiles: the software templates tasks and pools run."""

    async def list(self) -> builtins.list[str]:
        """The names of the profiles this account may use."""
        return await self._x.run(OPS.list_profiles)

    async def get(self, name: str) -> ProfileOutput:
        """A profile's details (constants, licenses)."""
        return await self._x.run(OPS.get_profile, name=name)


class AsyncHardwareConstraints(_Resource):
    """The hardware constraints available to this account (offset-paged)."""

    def iter(
        self, *, page_size: int | None = 50, limit: int | None = None, start_token: str | None = None
    ) -> AsyncPager[HardwareConstraint]:
        """Lazily iterate over the constraints; unknown kinds arrive as ``UnknownHardwareConstraint``.

        ``start_token`` is the offset to resume from (a page's ``next_token``).
        """
        if start_token is not None and not start_token.isdigit():
            raise InvalidValueError("start_token", [Problem(start_token, "an offset token is a number")])

        async def fetch(token: str | None, size: int | None) -> Page[HardwareConstraint]:
            offset = int(token) if token is not None else None
            return await self._x.run(OPS.list_hardware_constraints, limit=size, offset=offset)

        return AsyncPager(fetch, start_token=start_token, page_size=page_size, limit=limit)

    def pages(
        self, *, page_size: int | None = 50, limit: int | None = None, start_token: str | None = None
    ) -> AsyncIterator[Page[HardwareConstraint]]:
        """The pages of :meth:`iter`."""
        return self.iter(page_size=page_size, limit=limit, start_token=start_token).pages()

    async def search_cpu_model(self, cpu_model: str) -> builtins.list[HardwareConstraint]:
        """The CPU-model constraints matching ``cpu_model``."""
        return await self._x.run(OPS.search_cpu_model_constraints, cpu_model=cpu_model)


class AsyncSecrets(_Resource):
    """The secrets manager: values readable by tasks granted access (``secrets_access``)."""

    async def get(self, key: str) -> Secret:
        """The value of ``key`` (``team/db/password``), as a :class:`~qarnot_ext.Secret`."""
        value = (await self._x.run(OPS.get_secret, key=_secret_key(key))).value
        if not isinstance(value, str):
            raise ParseError(
                f"expected a string value, got {type(value).__name__}", schema="SecretValue", path="$.value"
            )
        return register_secret(Secret(value))

    async def create(self, key: str, value: str | Secret) -> None:
        """Create ``key``; raises :class:`~qarnot_ext.Conflict` if it exists (never retried)."""
        await self._x.run(
            OPS.create_secret, key=_secret_key(key), body={"value": Secret.coerce(value).reveal()}
        )

    async def update(self, key: str, value: str | Secret) -> None:
        """Change the value of ``key``; raises :class:`~qarnot_ext.NotFound` if it does not exist."""
        await self._x.run(
            OPS.update_secret, key=_secret_key(key), body={"value": Secret.coerce(value).reveal()}
        )

    async def delete(self, key: str) -> None:
        """Delete ``key``."""
        await self._x.run(OPS.delete_secret, key=_secret_key(key))

    async def list(
        self, prefix: str = "", *, recursive: bool = False, concurrency: int = DEFAULT_CONCURRENCY
    ) -> builtins.list[str]:
        """The keys under ``prefix`` (full keys, sorted); folders end with ``/`` unless ``recursive``.

        With ``recursive=True`` every folder is listed, up to ``concurrency`` at once.
        """
        if recursive:
            return await walk_async(self._list_one, prefix, concurrency)
        return sorted(
            (prefix.strip("/") + "/" if prefix.strip("/") else "") + k for k in await self._list_one(prefix)
        )

    async def _list_one(self, prefix: str) -> builtins.list[str]:
        keys = (await self._x.run(OPS.search_secrets, key=prefix)).keys
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise ParseError("expected an array of strings", schema="SecretKeysOutput", path="$.keys")
        return keys


class AsyncUser(_Resource):
    """The authenticated user."""

    async def info(self) -> UserOutput:
        """The user's email, quotas and counts (``GET /info``)."""
        return await self._x.run(OPS.get_user_info)


class AsyncQarnot:
    """The asyncio client of the Qarnot Compute API (use it as an async context manager).

    Args:
        base_url: the API root; ``https://api.qarnot.com`` and ``…/v1`` are both accepted.
        token: the API token (a ``str`` or a :class:`~qarnot_ext.Secret`).
        timeout: seconds (read/write; connect at most 10 s) or an ``httpx.Timeout``.
        storage_url: the S3 endpoint of :attr:`storage` (default: from ``GET /settings``).
        config_file: an INI file in the official SDK's format (``[cluster]``, ``[client]``, ``[storage]``).
        unsafe: disable TLS verification. verify: a CA bundle path or an ``ssl.SSLContext``.
        proxy: a proxy URL for the API.
        retry: the :class:`~qarnot_ext.RetryPolicy` of idempotent requests.
        wait_policy: the default :class:`~qarnot_ext.WaitPolicy` of the ``wait`` methods.
        transport: an httpx transport to send through (tests use ``httpx.MockTransport``).
        clock: what retries and waits sleep on (tests use a fake clock).
        env: the environment to read (default ``os.environ``).

    Settings not given are read by one precedence: arguments, then the ``config_file`` given here,
    then the environment (``QARNOT_CLIENT_TOKEN``, ``QARNOT_CLUSTER_URL`` …), then the file named by
    ``QARNOT_CONFIG_FILE``, then the defaults; :attr:`config` ``.sources`` says where each came
    from (the configuration page of the documentation lists every setting). Building the client
    does no network I/O; an operation that needs a token raises :class:`~qarnot_ext.ConfigError`
    before any request when none is configured.

    Resources (attributes):
        tasks: :class:`AsyncTasks` — create, list, wait for, retry and clean up tasks.
        pools: :class:`AsyncPools` — long-lived groups of nodes that run tasks.
        jobs: :class:`AsyncJobs` — groups of tasks, with dependencies.
        profiles: :class:`AsyncProfiles` — the software templates.
        hardware_constraints: :class:`AsyncHardwareConstraints` — the constraints available.
        secrets: :class:`AsyncSecrets` — the secrets manager.
        user: :class:`AsyncUser` — the account's quotas and counts.
        storage: the account's S3 storage (``qarnot_ext.storage``), opened on first use.
        api: the generated low-level client, sharing connections and retries.
        config: the resolved :class:`ClientConfig`.

    Every method taking a task, pool or job accepts its uuid (``str`` or :class:`uuid.UUID`), its
    shortname, or a model returned earlier (anything with ``.uuid``).

    Raises:
        ConfigError: a setting is invalid (the message names where it came from).

    """

    tasks: AsyncTasks
    pools: AsyncPools
    jobs: AsyncJobs
    profiles: AsyncProfiles
    hardware_constraints: AsyncHardwareConstraints
    secrets: AsyncSecrets
    user: AsyncUser

    def __init__(
        self,
        base_url: str | None = None,
        token: str | Secret | None = None,
        timeout: float | httpx.Timeout | None = None,
        *,
        storage_url: str | None = None,
        config_file: str | os.PathLike[str] | None = None,
        unsafe: bool | None = None,
        verify: bool | str | ssl.SSLContext | None = None,
        proxy: str | None = None,
        retry: RetryPolicy | None = None,
        wait_policy: WaitPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Clock | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.config: ClientConfig = resolve_config(
            base_url=base_url,
            token=token,
            timeout=timeout,
            unsafe=unsafe,
            verify=verify,
            storage_url=storage_url,
            proxy=proxy,
            config_file=config_file,
            env=env,
        )
        if self.config.token is not None:
            register_secret(self.config.token)  # redacted by every RedactingFilter from now on
        self.clock: Clock = clock or SystemClock()
        self.retry_policy = retry or RetryPolicy()
        self.wait_policy = wait_policy or WaitPolicy()
        self._http = build_async_http(self.config, self.retry_policy, self.clock, transport)
        self._x = _TokenGuard(AsyncExecutor(self._http), self.config)
        self.api: GeneratedClient = generated_client(self.config, async_http=self._http)
        """The generated low-level client (``qarnot_api``), sharing this client's connections and retries."""
        self.tasks = AsyncTasks(self)
        self.pools = AsyncPools(self)
        self.jobs = AsyncJobs(self)
        self.profiles = AsyncProfiles(self)
        self.hardware_constraints = AsyncHardwareConstraints(self)
        self.secrets = AsyncSecrets(self)
        self.user = AsyncUser(self)
        self._storage: AsyncStorage | None = None

    def __repr__(self) -> str:
        token = "***" if self.config.token is not None else None
        return f"{type(self).__name__}(base_url={self.config.base_url!r}, token={token})"

    async def settings(self) -> SettingsOutput:
        """The public settings of the API (``storage``: the S3 endpoint)."""
        return await self._x.run(OPS.get_settings)

    async def versions(self) -> builtins.list[VersionOutput]:
        """The API versions and their planned end of life."""
        return await self._x.run(OPS.list_versions)

    async def status(self) -> None:
        """Check that the API is up and the token valid; raises otherwise."""
        await self._x.run(OPS.get_status)

    async def root(self) -> None:
        """``GET /`` on the API root (the reference documents nothing more)."""
        await self._x.run(OPS.get_api_root)

    async def _settings_doc(self) -> Mapping[str, Any]:
        return (await self.settings()).to_dict()

    async def _user_doc(self) -> Mapping[str, Any]:
        return (await self.user.info()).to_dict()

    @property
    def storage(self) -> AsyncStorage:
        """The account's S3 storage; endpoint and access key are discovered on first use, not here."""
        if self._storage is None:
            # Imported on first use: boto3 is most of the cost of importing the storage package.
            from qarnot_ext.storage import AsyncStorage

            if self.config.token is None:
                raise ConfigError("storage needs the API token (its secret key); none was configured")
            verify = self.config.verify
            self._storage = AsyncStorage.lazy(
                self._settings_doc,
                self._user_doc,
                self.config.token,
                endpoint_url=self.config.storage_url,
                verify=verify if isinstance(verify, bool | str) else True,
            )
        return self._storage

    async def aclose(self) -> None:
        """Close the connections (the storage's too)."""
        await self._http.aclose()
        if self._storage is not None:
            await self._storage.close()

    async def __aenter__(self) -> AsyncQarnot:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
