"""Pools and jobs: checking inputs, creating them, rendering them."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, Final

from qarnot_ext import DateSpan
from qarnot_ext.emulator._catalog import KNOWN_CONSTRAINTS, PROFILES
from qarnot_ext.emulator._clock import format_time
from qarnot_ext.emulator._model import ACTION, Job, Line, Pool, access_rights, mask_constants, span
from qarnot_ext.emulator._problems import bad_request, conflict, quota
from qarnot_ext.emulator._scaling import check_scaling
from qarnot_ext.emulator._state import Account, EmulatorState
from qarnot_ext.emulator._tasks import MAX_INSTANCES, check_constants, validate_bucket_name

__all__ = [
    "POOL_STARTUP_SECONDS",
    "clone_pool",
    "create_job",
    "create_pool",
    "pool_output",
    "pool_summary",
    "queued_instances",
    "update_pool",
]

POOL_STARTUP_SECONDS = 2.0
"""Submitted → FullyDispatched (1 s) → FullyExecuting (1 s more)."""

Errors = dict[str, list[str]]


def _add(errors: Errors, where: str, message: str) -> None:
    errors.setdefault(where, []).append(message)


def _check_elastic(elastic: Mapping[str, Any] | None, errors: Errors) -> None:
    if not elastic or not elastic.get("isElastic"):
        return
    low, high = elastic.get("minTotalSlots"), elastic.get("maxTotalSlots")
    if low is None or low < 0:
        _add(errors, "elasticProperty.minTotalSlots", "an elastic pool needs minTotalSlots >= 0")
    if high is None or (low is not None and high < low) or (high is not None and high > MAX_INSTANCES):
        _add(errors, "elasticProperty.maxTotalSlots", f"must be in [minTotalSlots, {MAX_INSTANCES}]")
    for key in ("minIdleSlots", "resizePeriod", "minIdleTimeSeconds"):
        value = elastic.get(key)
        if value is not None and value < 0:
            _add(errors, f"elasticProperty.{key}", "must be >= 0")
    factor = elastic.get("rampResizeFactor")
    if factor is not None and not 0 <= factor <= 1:
        _add(errors, "elasticProperty.rampResizeFactor", "must be in [0, 1]")


def _check_pool_body(account: Account, body: Mapping[str, Any], errors: Errors, *, creating: bool) -> None:
    profile = body.get("profile")
    if (creating or profile is not None) and profile not in PROFILES:
        _add(errors, "profile", f"unknown profile {profile!r}; see GET /profiles")
    shortname = body.get("shortname")
    if shortname:
        if account.pools.by_shortname.get(str(shortname)) is not None:
            raise conflict(f"a pool with shortname {shortname} already exists")
        if not str(shortname).replace("-", "").isalnum() or str(shortname).endswith("-"):
            _add(errors, "shortname", "use a-z A-Z 0-9 and '-', not ending with '-'")
    elastic = body.get("elasticProperty")
    scaling = body.get("scaling")
    count = body.get("instanceCount")
    _check_elastic(elastic, errors)
    if scaling is not None and scaling.get("policies") is not None:
        for where, messages in check_scaling(scaling).items():
            errors.setdefault(f"scaling.{where}", []).extend(messages)
    static = not (elastic or {}).get("isElastic") and not (scaling or {}).get("policies")
    if creating and static and (count is None or count < 1):
        _add(errors, "instanceCount", "a pool that is neither elastic nor scaled needs instanceCount >= 1")
    if count is not None and count > MAX_INSTANCES:
        _add(errors, "instanceCount", f"at most {MAX_INSTANCES}")
    check_constants(body.get("constants"), errors)
    check_constants(body.get("constraints"), errors, "constraints")
    for index, constraint in enumerate(body.get("hardwareConstraints") or []):
        if constraint.get("discriminator") not in KNOWN_CONSTRAINTS:
            _add(errors, f"hardwareConstraints[{index}].discriminator", "unknown hardware constraint")
    for index, bucket in enumerate(body.get("resourceBuckets") or []):
        problem = validate_bucket_name(bucket)
        if problem:
            _add(errors, f"resourceBuckets[{index}]", problem)
    for index, item in enumerate(body.get("advancedResourceBuckets") or []):
        problem = validate_bucket_name(item.get("bucketName"))
        if problem:
            _add(errors, f"advancedResourceBuckets[{index}].bucketName", problem)
    tags = body.get("tags") or []
    if len(tags) > 10 or any(not t or len(t) > 511 for t in tags):
        _add(errors, "tags", "at most 10 tags of 1-511 characters")


def _new_pool(state: EmulatorState, account: Account, body: dict[str, Any], now: float) -> Pool:
    constants = [(str(c["key"]), c.get("value")) for c in body.get("constants") or []]
    pool = Pool(
        uuid=state.new_uuid(),
        seq=state.next_seq(),
        account=account.email,
        body=body,
        constants=constants,
        created=now,
        executing_at=now + POOL_STARTUP_SECONDS,
        modified=now,
    )
    state.add_pool(account, pool)
    return pool


def create_pool(state: EmulatorState, account: Account, raw: Mapping[str, Any], now: float) -> Pool:
    """Check a ``PoolCreationInput`` and create the pool."""
    if len(account.pools) >= account.tenant.max_pools:
        raise quota(f"pool quota reached ({account.tenant.max_pools} pools)")
    errors: Errors = {}
    _check_pool_body(account, raw, errors, creating=True)
    if errors:
        raise bad_request("The pool is invalid.", errors)
    return _new_pool(state, account, copy.deepcopy(dict(raw)), now)


def clone_pool(
    state: EmulatorState, account: Account, original: Pool, raw: Mapping[str, Any], now: float
) -> Pool:
    """Create a pool from ``original`` with the given fields replaced."""
    if len(account.pools) >= account.tenant.max_pools:
        raise quota(f"pool quota reached ({account.tenant.max_pools} pools)")
    body = copy.deepcopy(original.body)
    body.pop("shortname", None)
    body.update(copy.deepcopy({k: v for k, v in raw.items() if v is not None}))
    errors: Errors = {}
    _check_pool_body(account, body, errors, creating=True)
    if errors:
        raise bad_request("The clone request is invalid.", errors)
    return _new_pool(state, account, body, now)


_UPDATABLE: Final = frozenset({"constants", "constraints", "tags", "elasticProperty", "scaling"})


def update_pool(account: Account, pool: Pool, raw: Mapping[str, Any], now: float) -> None:
    """PUT: replace constants, constraints, tags, elasticity and scaling of an open pool."""
    if not pool.is_open(now):
        raise conflict(f"pool {pool.uuid} is {pool.state(now)}")
    # The official SDKs PUT the whole pool document back: only these fields change (the rest,
    # schedulingType or name, is the creation's and stays as it was).
    given = {k: v for k, v in raw.items() if v is not None and k in _UPDATABLE}
    errors: Errors = {}
    _check_pool_body(account, given, errors, creating=False)
    if errors:
        raise bad_request("The update is invalid.", errors)
    pool.body.update(copy.deepcopy(given))
    if "constants" in given:
        pool.constants = [(str(c["key"]), c.get("value")) for c in given["constants"]]
    pool.modified = now
    pool.note(Line(now, None, "stdout", "Pool configuration updated", ACTION))


def queued_instances(state: EmulatorState, account: Account, pool: Pool, now: float) -> int:
    """Instances of the pool's tasks that are queued or running at ``now``."""
    del state
    return sum(
        len(task.instances)
        for task in account.tasks
        if task.pool_uuid == pool.uuid and not task.is_final(now)
    )


def pool_output(state: EmulatorState, account: Account, pool: Pool, now: float) -> dict[str, Any]:
    """The ``PoolOutput`` body at ``now``."""
    body = pool.body
    transitions = pool.transitions(now)
    previous = transitions[-2] if len(transitions) > 1 else None
    nodes = pool.node_count(queued_instances(state, account, pool, now), now)
    machines = pool.machines()
    running_seconds = max(0.0, (pool.closed_at if pool.closed_at is not None else now) - pool.executing_at)
    running_seconds = min(running_seconds, max(0.0, now - pool.executing_at))
    elastic = body.get("elasticProperty")
    scaling = body.get("scaling")
    policy = pool.active_policy(now)
    status = {
        "timestamp": format_time(now),
        "lastUpdateTimestamp": format_time(max(pool.modified, transitions[-1][1])),
        "downloadProgress": 100.0 if now >= pool.executing_at else 0.0,
        "executionProgress": 0.0,
        "uploadProgress": 0.0,
        "instanceCount": nodes,
        "downloadTime": span(0.0),
        "downloadTimeSec": 0.0,
        "environmentTime": span(1.0 if now >= pool.executing_at else 0.0),
        "environmentTimeSec": 1.0 if now >= pool.executing_at else 0.0,
        "executionTime": span(running_seconds * nodes),
        "executionTimeSec": round(running_seconds * nodes, 3),
        "executionTimeByCpuModel": [],
        "executionTimeByMachineSpecification": [],
        "executionTimeByInstanceId": [],
        "executionTimeGhzByCpuModel": [],
        "uploadTime": span(0.0),
        "uploadTimeSec": 0.0,
        "wallTime": span(running_seconds),
        "wallTimeSec": round(running_seconds, 3),
        "succeededRange": "",
        "executedRange": "",
        "failedRange": "",
        "cancelledRange": "",
        "failedOnlyRange": "",
        "startedOnceRange": f"0-{nodes - 1}" if nodes and now >= pool.executing_at else "",
        "runningInstancesInfo": {
            "perRunningInstanceInfo": [
                {
                    "phase": "execution",
                    "instanceId": node,
                    "specificationKey": machines[node % len(machines)].specification_key
                    if machines
                    else None,
                    "cpuModel": machines[node % len(machines)].cpu_model if machines else None,
                    "coreCount": machines[node % len(machines)].core_count if machines else None,
                }
                for node in range(nodes if pool.state(now) == "FullyExecuting" else 0)
            ],
            "timestamp": format_time(now),
        },
    }
    return {
        "uuid": pool.uuid,
        "name": pool.name,
        "shortname": pool.shortname,
        "profile": pool.profile,
        "state": transitions[-1][0],
        "previousState": previous[0] if previous else None,
        "instanceCount": nodes,
        "stateTransitionTime": format_time(transitions[-1][1]),
        "previousStateTransitionTime": format_time(previous[1]) if previous else None,
        "creationDate": format_time(pool.created),
        "lastModified": format_time(max(pool.modified, transitions[-1][1])),
        "endDate": format_time(transitions[-1][1]) if transitions[-1][0] == "Closed" else None,
        "errors": [],
        "elasticProperty": copy.deepcopy(elastic) if elastic is not None else None,
        "scaling": (
            {
                "policies": copy.deepcopy(scaling.get("policies")),
                "activePolicyName": policy.get("name") if policy else None,
            }
            if scaling
            else None
        ),
        "preparationTask": copy.deepcopy(body.get("preparationTask")),
        "constants": mask_constants(pool.constants),
        "secretsAccessRights": access_rights(body.get("secretsAccessRights")),
        "tags": pool.tags,
        "resourceBuckets": list(body.get("resourceBuckets") or []),
        "advancedResourceBuckets": copy.deepcopy(body.get("advancedResourceBuckets") or []),
        "status": status,
        "totalSlotCapacity": nodes,
        "poolUsage": 0.0,
        "hardwareConstraints": copy.deepcopy(body.get("hardwareConstraints") or []),
        "schedulingType": body.get("schedulingType") or "flex",
        "targetedReservedMachineKey": body.get("targetedReservedMachineKey"),
        "autoDeleteOnCompletion": body.get("autoDeleteOnCompletion"),
        "completionTimeToLive": body.get("completionTimeToLive"),
        "labels": dict(body.get("labels") or {}),
        "privileges": copy.deepcopy(body.get("privileges")),
        "defaultRetrySettings": copy.deepcopy(body.get("defaultRetrySettings")),
        "taskDefaultWaitForPoolResourcesSynchronization": body.get(
            "taskDefaultWaitForPoolResourcesSynchronization"
        ),
    }


def pool_summary(state: EmulatorState, account: Account, pool: Pool, now: float) -> dict[str, Any]:
    """The ``PoolSummaryOutput`` body at ``now``."""
    full = pool_output(state, account, pool, now)
    keys = (
        "uuid",
        "name",
        "shortname",
        "profile",
        "state",
        "previousState",
        "instanceCount",
        "stateTransitionTime",
        "previousStateTransitionTime",
        "creationDate",
        "lastModified",
        "endDate",
        "taskDefaultWaitForPoolResourcesSynchronization",
    )
    out = {key: full[key] for key in keys}
    queued = queued_instances(state, account, pool, now)
    out["runningInstanceCount"] = full["instanceCount"] if full["state"] == "FullyExecuting" else 0
    out["runningCoreCount"] = sum(
        item.get("coreCount") or 0
        for item in full["status"]["runningInstancesInfo"]["perRunningInstanceInfo"]
    )
    out["queuedOrRunningTaskInstancesCount"] = queued
    out["executionTime"] = full["status"]["executionTime"]
    out["wallTime"] = full["status"]["wallTime"]
    return out


def create_job(state: EmulatorState, account: Account, raw: Mapping[str, Any], now: float) -> Job:
    """Check a ``JobCreationInput`` and create the job."""
    if len(account.jobs) >= account.tenant.max_jobs:
        raise quota(f"job quota reached ({account.tenant.max_jobs} jobs)")
    errors: Errors = {}
    shortname = raw.get("shortname")
    if shortname:
        if account.jobs.by_shortname.get(str(shortname)) is not None:
            raise conflict(f"a job with shortname {shortname} already exists")
        if not str(shortname).replace("-", "").isalnum() or str(shortname).endswith("-"):
            _add(errors, "shortname", "use a-z A-Z 0-9 and '-', not ending with '-'")
    pool_uuid = raw.get("poolUuid")
    if pool_uuid:
        pool = account.pools.get(str(pool_uuid))
        if pool is None:
            _add(errors, "poolUuid", "no such pool")
        elif not pool.is_open(now):
            raise conflict(f"pool {pool.uuid} is closed")
        else:
            pool_uuid = pool.uuid
    wall = DateSpan.parse_lenient(raw.get("maxWallTime"))
    if wall is not None and wall.ticks <= 0:
        _add(errors, "maxWallTime", "must be positive")
    ttl = DateSpan.parse_lenient(raw.get("completionTimeToLive"))
    if ttl is not None and ttl.ticks < 0:
        _add(errors, "completionTimeToLive", "must not be negative")
    tags = raw.get("tags") or []
    if len(tags) > 10 or any(not t or len(t) > 511 for t in tags):
        _add(errors, "tags", "at most 10 tags of 1-511 characters")
    if errors:
        raise bad_request("The job is invalid.", errors)
    job = Job(
        uuid=state.new_uuid(),
        seq=state.next_seq(),
        account=account.email,
        name=str(raw.get("name")),
        shortname=str(shortname) if shortname else None,
        pool_uuid=pool_uuid,
        use_dependencies=bool(raw.get("useDependencies")),
        tags=list(tags),
        max_wall_time=wall,
        auto_delete=raw.get("autoDeleteOnCompletion"),
        ttl=ttl,
        created=now,
        transitions=[("Active", now)],
        modified=now,
    )
    state.add_job(account, job)
    return job
