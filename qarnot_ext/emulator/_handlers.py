"""One handler per operationId of ``openapi.yaml``.

A handler receives a validated :class:`Call` (its account already resolved, the scheduler already
synced to ``call.now``) and returns a :class:`Reply` or raises :class:`HttpProblem`. Handlers run
under the state lock, in a worker thread (some touch S3).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

from qarnot_ext.emulator._catalog import HARDWARE_CONSTRAINTS, PROFILES, search_cpu_models
from qarnot_ext.emulator._listing import paginate, search, with_tags
from qarnot_ext.emulator._model import ACTION, Job, Line, Pool, Stream, Task
from qarnot_ext.emulator._pools_jobs import (
    clone_pool,
    create_job,
    create_pool,
    pool_output,
    pool_summary,
    update_pool,
)
from qarnot_ext.emulator._problems import HttpProblem, bad_request, conflict, not_found
from qarnot_ext.emulator._scaling import check_scaling
from qarnot_ext.emulator._spec import API_VERSION, Operation
from qarnot_ext.emulator._state import Account, EmulatorState
from qarnot_ext.emulator._tasks import (
    create_task,
    derive_task,
    problem_for_item,
    task_output,
    task_summary,
    update_task,
)

__all__ = ["HANDLERS", "NO_BODY", "Call", "Reply"]

NO_BODY: Final = object()
"""Marks a reply without a body."""


@dataclass
class Call:
    """A validated request, ready for its handler."""

    operation: Operation
    state: EmulatorState
    account: Account | None
    path: dict[str, Any]
    query: dict[str, Any]
    body: Any
    now: float
    base: str
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def acct(self) -> Account:
        """The account the operation works on (secured operations always have one)."""
        assert self.account is not None
        return self.account


@dataclass
class Reply:
    """What a handler answers."""

    status: int = 200
    json: Any = NO_BODY
    text: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[Call], Reply]
HANDLERS: dict[str, Handler] = {}


def handler(operation_id: str) -> Callable[[Handler], Handler]:
    """Register a handler for an operationId."""

    def register(func: Handler) -> Handler:
        HANDLERS[operation_id] = func
        return func

    return register


def _created(call: Call, kind: str, uuid: str) -> Reply:
    return Reply(200, {"uuid": uuid}, headers={"Location": f"{call.base}/{kind}/{uuid}"})


def _task(call: Call) -> Task:
    key = str(call.path["taskUuid"])
    task = call.acct.tasks.get(key)
    if task is None:
        raise not_found("task", key)
    return task


def _pool(call: Call) -> Pool:
    key = str(call.path["poolUuid"])
    pool = call.acct.pools.get(key)
    if pool is None:
        raise not_found("pool", key)
    return pool


def _job(call: Call) -> Job:
    key = str(call.path["jobUuid"])
    job = call.acct.jobs.get(key)
    if job is None:
        raise not_found("job", key)
    return job


def _body(call: Call) -> dict[str, Any]:
    return call.body if isinstance(call.body, dict) else {}


# -- api, status, settings, versions, users, profiles, hardware --------------------------------------


@handler("get_api_root")
def _get_api_root(call: Call) -> Reply:
    del call
    return Reply()


@handler("get_status")
def _get_status(call: Call) -> Reply:
    del call
    return Reply()


@handler("get_settings")
def _get_settings(call: Call) -> Reply:
    return Reply(json={"storage": call.state.storage_url})


@handler("list_versions")
def _list_versions(call: Call) -> Reply:
    del call
    return Reply(json=[{"version": API_VERSION, "endOfLife": None}])


@handler("get_user_info")
def _get_user_info(call: Call) -> Reply:
    account, now, state = call.acct, call.now, call.state
    tenant = account.tenant
    tasks = list(account.tasks)
    running_tasks = [t for t in tasks if not t.is_final(now)]
    running = [len(t.running(now)) for t in running_tasks]
    cores = sum((m.core_count if (m := t.machine(i)) else 0) for t in running_tasks for i in t.running(now))
    pools = list(account.pools)
    buckets = state.buckets.owned_by(account.email)
    used = state.storage.size(buckets) if state.storage is not None else 0
    quota_bytes = 100 * 1024**3
    return Reply(
        json={
            "email": tenant.email,
            "maxBucket": tenant.max_buckets,
            "maxTask": tenant.max_tasks,
            "taskCount": len(tasks),
            "maxJob": tenant.max_jobs,
            "jobCount": len(account.jobs),
            "maxPool": tenant.max_pools,
            "poolCount": len(pools),
            "maxRunningTask": tenant.max_tasks,
            "maxRunningPool": tenant.max_pools,
            "runningTaskCount": len(running_tasks),
            "runningPoolCount": sum(1 for p in pools if p.is_open(now)),
            "runningInstanceCount": sum(running),
            "runningCoreCount": cores,
            "maxFlexInstances": 2048,
            "maxFlexCores": 65536,
            "maxOnDemandInstances": 0,
            "maxOnDemandCores": 0,
            "reservedQuotas": [],
            "quotaBytes": quota_bytes,
            "quotaBytesBucket": quota_bytes,
            "usedQuotaBytesBucket": used,
            "usedQuotaBytes": used,
            "defaultScheduling": "flex",
            "defaultReservedSpecificationKey": None,
        }
    )


@handler("list_profiles")
def _list_profiles(call: Call) -> Reply:
    del call
    return Reply(json=sorted(PROFILES))


@handler("get_profile")
def _get_profile(call: Call) -> Reply:
    name = str(call.path["name"])
    profile = PROFILES.get(name)
    if profile is None:
        raise not_found("profile", name)
    return Reply(json=profile.to_output())


@handler("list_hardware_constraints")
def _list_hardware_constraints(call: Call) -> Reply:
    limit = call.query.get("Limit")
    offset = call.query.get("Offset")
    limit = 50 if limit is None else int(limit)
    offset = 0 if offset is None else int(offset)
    errors = {}
    if not 1 <= limit <= 50:
        errors["Limit"] = ["must be between 1 and 50"]
    if offset < 0:
        errors["Offset"] = ["must be >= 0"]
    if errors:
        raise bad_request("The page request is invalid.", errors)
    data = [dict(item) for item in HARDWARE_CONSTRAINTS[offset : offset + limit]]
    return Reply(json={"data": data, "offset": offset, "limit": limit, "total": len(HARDWARE_CONSTRAINTS)})


@handler("search_cpu_model_constraints")
def _search_cpu_models(call: Call) -> Reply:
    return Reply(json=search_cpu_models(str(call.query.get("cpuModel") or "")))


# -- tasks -------------------------------------------------------------------------------------------


def _render_task(call: Call) -> Callable[[Task], dict[str, Any]]:
    return lambda task: task_output(task, call.now)


@handler("list_tasks")
def _list_tasks(call: Call) -> Reply:
    tasks = with_tags(call.acct.tasks.walk(None, False), call.query.get("tag"))
    return Reply(json=[task_output(t, call.now) for t in tasks])


@handler("list_task_summaries")
def _list_task_summaries(call: Call) -> Reply:
    tasks = with_tags(call.acct.tasks.walk(None, False), call.query.get("tag"))
    return Reply(json=[task_summary(t, call.now) for t in tasks])


@handler("create_task")
def _create_task(call: Call) -> Reply:
    if isinstance(call.body, list):
        results: list[dict[str, Any]] = []
        for item in call.body:
            try:
                task = create_task(call.state, call.acct, item, call.now)
            except HttpProblem as exc:
                results.append({"statusCode": exc.status, "uuid": None, "message": problem_for_item(exc)})
            else:
                results.append({"statusCode": 201, "uuid": task.uuid, "message": None})
        failed = any(r["statusCode"] >= 400 for r in results)
        return Reply(207 if failed else 200, results)
    task = create_task(call.state, call.acct, _body(call), call.now)
    return _created(call, "tasks", task.uuid)


@handler("paginate_tasks")
def _paginate_tasks(call: Call) -> Reply:
    acct = call.acct
    return Reply(
        json=paginate(call.state, acct, "tasks", acct.tasks, _body(call), call.now, _render_task(call))
    )


@handler("paginate_task_summaries")
def _paginate_task_summaries(call: Call) -> Reply:
    acct = call.acct
    return Reply(
        json=paginate(
            call.state, acct, "tasks", acct.tasks, _body(call), call.now, lambda t: task_summary(t, call.now)
        )
    )


@handler("search_tasks")
def _search_tasks(call: Call) -> Reply:
    return Reply(json=search("tasks", call.acct.tasks, _body(call), call.now, _render_task(call)))


@handler("get_task")
def _get_task(call: Call) -> Reply:
    return Reply(json=task_output(_task(call), call.now))


@handler("update_task")
def _update_task(call: Call) -> Reply:
    update_task(call.state, _task(call), _body(call), call.now)
    return Reply()


@handler("update_task_resources")
def _update_task_resources(call: Call) -> Reply:
    task = _task(call)
    if task.is_final(call.now):
        raise conflict(
            f"task {task.uuid} is {task.state(call.now)}: resources can only be updated while it runs"
        )
    task.modified = call.now
    found = call.state.read_inputs(call.acct, task.body)
    if isinstance(found, str):
        message = f"Resources update failed: {found}"
    else:
        task.updated_inputs = found
        message = f"Resources updated: {len(found)} file(s), {sum(size for _, size in found)} bytes"
    task.note(Line(call.now, None, "stdout", message, ACTION))
    return Reply()


@handler("delete_task")
def _delete_task(call: Call) -> Reply:
    call.state.delete_task(call.acct, _task(call), call.now)
    return Reply()


@handler("abort_task")
def _abort_task(call: Call) -> Reply:
    task = _task(call)
    if not call.state.stop(task, call.now, "Cancelled"):
        raise conflict(f"task {task.uuid} is already {task.state(call.now)}")
    call.state.sync(call.now)
    return Reply()


def _derive(how: str) -> Handler:
    def derive(call: Call) -> Reply:
        task = derive_task(call.state, call.acct, _task(call), _body(call), call.now, how)
        return _created(call, "tasks", task.uuid)

    return derive


for _how in ("clone", "retry", "recover", "resume"):
    handler(f"{_how}_task")(_derive(_how))


def _output(call: Call, target: Task | Pool, stream: Stream, *, fresh: bool) -> Reply:
    instance = call.path.get("instanceId")
    now = call.now
    if isinstance(target, Task):
        lines = target.lines(now, instance)
    else:
        lines = [ln for ln in target.lines(now) if instance is None or ln.instance == instance]
    text = EmulatorState.render(lines, stream, prefixed=instance is None)
    if fresh:
        return Reply(text=EmulatorState.fresh(target, (stream, instance), text))
    return Reply(text="".join(text))


def _register_outputs() -> None:
    for kind, getter in (("task", _task), ("pool", _pool)):
        for stream in ("stdout", "stderr"):
            for instance in ("", "_instance"):
                for fresh in (False, True):
                    name = f"get_{kind}{instance}{'_fresh' if fresh else ''}_{stream}"

                    def serve(
                        call: Call,
                        getter: Callable[[Call], Task | Pool] = getter,
                        stream: Stream = stream,
                        fresh: bool = fresh,
                    ) -> Reply:
                        return _output(call, getter(call), stream, fresh=fresh)

                    handler(name)(serve)


_register_outputs()


@handler("request_snapshot")
def _request_snapshot(call: Call) -> Reply:
    task = _task(call)
    _check_snapshot_body(_body(call))
    if task.state(call.now) != "FullyExecuting":
        raise conflict(f"task {task.uuid} is {task.state(call.now)}: snapshots are taken while it executes")
    config = {k: _body(call).get(k) for k in ("whitelist", "blacklist", "bucket", "bucketPrefix")}
    snapshot = call.state.request_snapshot(task, call.now, config)
    return Reply(json={"id": snapshot.id})


def _check_snapshot_body(body: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    for key in ("whitelist", "blacklist"):
        value = body.get(key)
        if value:
            try:
                re.compile(str(value))
            except re.error as exc:
                errors[key] = [f"not a valid regular expression: {exc}"]
    if errors:
        raise bad_request("The snapshot request is invalid.", errors)


@handler("start_periodic_snapshot")
def _start_periodic_snapshot(call: Call) -> Reply:
    task = _task(call)
    body = _body(call)
    interval = body.get("interval")
    if interval is None or int(interval) < 0:
        raise bad_request(
            "The snapshot request is invalid.", {"interval": ["give an interval in seconds >= 0"]}
        )
    _check_snapshot_body(body)
    if task.is_final(call.now):
        raise conflict(f"task {task.uuid} is {task.state(call.now)}")
    interval = int(interval)
    # The platform clamps short intervals; the emulator's floor is 1 s.
    task.snapshot_interval = 0 if interval == 0 else max(1, interval)
    task.snapshot_overrides = {
        k: body.get(k) for k in ("whitelist", "blacklist", "bucket", "bucketPrefix") if body.get(k)
    }
    # A new generation supersedes the ticks queued by an earlier call (or by the task's start).
    task.periodic_gen += 1
    if task.snapshot_interval and task.exec_start is not None:
        start = max(call.now, task.exec_start)
        call.state.schedule(start + task.snapshot_interval, "task_periodic", task, task.periodic_gen)
    task.modified = call.now
    return Reply()


@handler("get_snapshot_status")
def _get_snapshot_status(call: Call) -> Reply:
    task = _task(call)
    snapshot_id = str(call.path["snapshotId"])
    snapshot = task.snapshots.get(snapshot_id)
    if snapshot is None:
        raise not_found("snapshot", snapshot_id)
    return Reply(json=snapshot.to_output())


# -- pools ---------------------------------------------------------------------------------------------


def _render_pool(call: Call) -> Callable[[Pool], dict[str, Any]]:
    return lambda pool: pool_output(call.state, call.acct, pool, call.now)


@handler("list_pools")
def _list_pools(call: Call) -> Reply:
    pools = with_tags(call.acct.pools.walk(None, False), call.query.get("tag"))
    return Reply(json=[pool_output(call.state, call.acct, p, call.now) for p in pools])


@handler("list_pool_summaries")
def _list_pool_summaries(call: Call) -> Reply:
    pools = with_tags(call.acct.pools.walk(None, False), call.query.get("tag"))
    return Reply(json=[pool_summary(call.state, call.acct, p, call.now) for p in pools])


@handler("create_pool")
def _create_pool(call: Call) -> Reply:
    pool = create_pool(call.state, call.acct, _body(call), call.now)
    return _created(call, "pools", pool.uuid)


@handler("clone_pool")
def _clone_pool(call: Call) -> Reply:
    pool = clone_pool(call.state, call.acct, _pool(call), _body(call), call.now)
    return _created(call, "pools", pool.uuid)


@handler("paginate_pools")
def _paginate_pools(call: Call) -> Reply:
    acct = call.acct
    return Reply(
        json=paginate(call.state, acct, "pools", acct.pools, _body(call), call.now, _render_pool(call))
    )


@handler("paginate_pool_summaries")
def _paginate_pool_summaries(call: Call) -> Reply:
    acct = call.acct
    return Reply(
        json=paginate(
            call.state,
            acct,
            "pools",
            acct.pools,
            _body(call),
            call.now,
            lambda p: pool_summary(call.state, acct, p, call.now),
        )
    )


@handler("search_pools")
def _search_pools(call: Call) -> Reply:
    return Reply(json=search("pools", call.acct.pools, _body(call), call.now, _render_pool(call)))


@handler("get_pool")
def _get_pool(call: Call) -> Reply:
    return Reply(json=pool_output(call.state, call.acct, _pool(call), call.now))


@handler("update_pool")
def _update_pool(call: Call) -> Reply:
    update_pool(call.acct, _pool(call), _body(call), call.now)
    return Reply()


@handler("update_pool_resources")
def _update_pool_resources(call: Call) -> Reply:
    pool = _pool(call)
    if pool.is_open(call.now):
        pool.modified = call.now
        pool.note(Line(call.now, None, "stdout", "Resources update requested", ACTION))
    return Reply()


@handler("close_pool")
def _close_pool(call: Call) -> Reply:
    pool = _pool(call)
    if not pool.is_open(call.now):
        raise conflict(f"pool {pool.uuid} is already {pool.state(call.now)}")
    call.state.close_pool(call.acct, pool, call.now)
    call.state.sync(call.now)
    return Reply()


@handler("delete_pool")
def _delete_pool(call: Call) -> Reply:
    pool = _pool(call)
    busy = [t for t in call.acct.tasks if t.pool_uuid == pool.uuid and not t.is_final(call.now)]
    if busy:
        raise conflict(
            f"pool {pool.uuid} still has {len(busy)} unfinished task(s): abort them or close the pool"
        )
    if pool.is_open(call.now):
        call.state.close_pool(call.acct, pool, call.now)
    pool.version += 1
    call.acct.pools.remove(pool)
    return Reply()


@handler("list_pool_jobs")
def _list_pool_jobs(call: Call) -> Reply:
    pool = _pool(call)
    return Reply(json=[j.to_output() for j in call.acct.jobs.walk(None, False) if j.pool_uuid == pool.uuid])


@handler("list_pool_tasks")
def _list_pool_tasks(call: Call) -> Reply:
    pool = _pool(call)
    return Reply(
        json=[task_output(t, call.now) for t in call.acct.tasks.walk(None, False) if t.pool_uuid == pool.uuid]
    )


@handler("get_pool_scaling")
def _get_pool_scaling(call: Call) -> Reply:
    pool = _pool(call)
    scaling = pool.body.get("scaling") or {}
    policy = pool.active_policy(call.now)
    return Reply(
        json={
            "policies": list(scaling.get("policies") or []),
            "activePolicyName": policy.get("name") if policy else None,
        }
    )


@handler("update_pool_scaling")
def _update_pool_scaling(call: Call) -> Reply:
    pool = _pool(call)
    errors = check_scaling(_body(call))
    if errors:
        raise bad_request("The scaling is invalid.", errors)
    if not pool.is_open(call.now):
        raise bad_request(
            "The pool is closed.", {"poolUuid": [f"pool {pool.uuid} is {pool.state(call.now)}"]}
        )
    pool.body["scaling"] = {"policies": list(_body(call).get("policies") or [])}
    pool.modified = call.now
    return Reply(json={})


@handler("check_pool_scaling")
def _check_pool_scaling(call: Call) -> Reply:
    errors = check_scaling(_body(call))
    if errors:
        raise bad_request("The scaling is invalid.", errors)
    return Reply(json={})


# -- jobs ----------------------------------------------------------------------------------------------


@handler("list_jobs")
def _list_jobs(call: Call) -> Reply:
    jobs = with_tags(call.acct.jobs.walk(None, False), call.query.get("tag"))
    return Reply(json=[j.to_output() for j in jobs])


@handler("create_job")
def _create_job(call: Call) -> Reply:
    job = create_job(call.state, call.acct, _body(call), call.now)
    return _created(call, "jobs", job.uuid)


@handler("search_jobs")
def _search_jobs(call: Call) -> Reply:
    return Reply(json=search("jobs", call.acct.jobs, _body(call), call.now, lambda j: j.to_output()))


@handler("paginate_jobs")
def _paginate_jobs(call: Call) -> Reply:
    acct = call.acct
    return Reply(
        json=paginate(call.state, acct, "jobs", acct.jobs, _body(call), call.now, lambda j: j.to_output())
    )


@handler("get_job")
def _get_job(call: Call) -> Reply:
    return Reply(json=_job(call).to_output())


@handler("terminate_job")
def _terminate_job(call: Call) -> Reply:
    job = _job(call)
    if job.state != "Active":
        raise conflict(f"job {job.uuid} is already {job.state}")
    call.state.terminate_job(call.acct, job, call.now)
    call.state.sync(call.now)
    return Reply()


@handler("delete_job")
def _delete_job(call: Call) -> Reply:
    job = _job(call)
    tasks = [t for t in call.acct.tasks if t.job_uuid == job.uuid]
    busy = [t for t in tasks if not t.is_final(call.now)]
    if busy and not call.query.get("force"):
        raise conflict(f"job {job.uuid} has {len(busy)} unfinished task(s); delete with force=true")
    call.state.terminate_job(call.acct, job, call.now, reason="deleted")
    for task in tasks:
        call.state.delete_task(call.acct, task, call.now)
    job.version += 1
    call.acct.jobs.remove(job)
    return Reply()


@handler("list_job_tasks")
def _list_job_tasks(call: Call) -> Reply:
    job = _job(call)
    return Reply(
        json=[task_output(t, call.now) for t in call.acct.tasks.walk(None, False) if t.job_uuid == job.uuid]
    )


# -- secrets manager -------------------------------------------------------------------------------------


def _secret_key(call: Call) -> str:
    key = str(call.path["key"])
    if not key or key.startswith("/") or key.endswith("/") or "//" in key or len(key) > 2048:
        raise bad_request(
            "The secret key is invalid.", {"key": ["1-2048 characters, folders separated by single '/'"]}
        )
    return key


@handler("get_secret")
def _get_secret(call: Call) -> Reply:
    key = str(call.path["key"])
    value = call.acct.secrets.get(key)
    if value is None:
        raise not_found("secret", key)
    return Reply(json={"value": value})


@handler("create_secret")
def _create_secret(call: Call) -> Reply:
    key = _secret_key(call)
    if key in call.acct.secrets:
        raise conflict(f"secret {key} already exists")
    call.acct.secrets[key] = str(_body(call)["value"])
    return Reply()


@handler("update_secret")
def _update_secret(call: Call) -> Reply:
    key = str(call.path["key"])
    if key not in call.acct.secrets:
        raise not_found("secret", key)
    call.acct.secrets[key] = str(_body(call)["value"])
    return Reply()


@handler("delete_secret")
def _delete_secret(call: Call) -> Reply:
    key = str(call.path["key"])
    if call.acct.secrets.pop(key, None) is None:
        raise not_found("secret", key)
    return Reply()


@handler("search_secrets")
def _search_secrets(call: Call) -> Reply:
    prefix = str(call.path.get("prefix") or "").strip("/")
    folder = f"{prefix}/" if prefix else ""
    entries: set[str] = set()
    for key in call.acct.secrets:
        if key.startswith(folder):
            rest = key[len(folder) :]
            head, slash, _ = rest.partition("/")
            entries.add(head + slash)
    return Reply(json={"keys": sorted(entries)})
