"""Tasks: checking what a client sends, creating tasks (also by clone/retry/recover/resume), rendering them.

Checks go beyond the schema, as the real API does: profile, instance count or ranges, constants,
buckets, regular expressions, references to pools, jobs and dependencies. Each problem is reported
under its JSON path in a 400 problem body.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Mapping
from typing import Any, Final

from qarnot_ext import DateSpan, InstanceRange
from qarnot_ext.emulator._catalog import KNOWN_CONSTRAINTS, PROFILES
from qarnot_ext.emulator._clock import format_time
from qarnot_ext.emulator._model import (
    ACTION,
    FAIL_CONSTANT,
    INSTANCE_SECONDS_CONSTANT,
    Line,
    Task,
    access_rights,
    mask_constants,
    span,
)
from qarnot_ext.emulator._problems import HttpProblem, bad_request, conflict, quota
from qarnot_ext.emulator._state import Account, EmulatorState

__all__ = [
    "MAX_INSTANCES",
    "check_constants",
    "create_task",
    "derive_task",
    "problem_for_item",
    "task_output",
    "task_summary",
    "update_task",
    "validate_bucket_name",
]

MAX_INSTANCES: Final = 2048
_MAX_CONSTANTS: Final = 150
_MAX_TAGS: Final = 10
_MAX_TAG_LENGTH: Final = 511
_MAX_NAME: Final = 2047
_KEY: Final = re.compile(r"^[A-Za-z0-9_.\-]+$")
_SHORTNAME: Final = re.compile(r"^[A-Za-z0-9-]*[A-Za-z0-9]$")
_BUCKET: Final = re.compile(r"^[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]$")
_MAX_INSTANCE_SECONDS: Final = 7 * 86400.0

Errors = dict[str, list[str]]


def _add(errors: Errors, where: str, message: str) -> None:
    errors.setdefault(where, []).append(message)


def validate_bucket_name(name: object) -> str | None:
    """Why ``name`` is not a valid S3 bucket name, or ``None``."""
    if not isinstance(name, str) or not _BUCKET.match(name) or ".." in name:
        return "a bucket name has 3-63 characters: lower-case letters, digits, '.' and '-'"
    return None


def check_constants(
    constants: list[Mapping[str, Any]] | None, errors: Errors, where: str = "constants"
) -> list[tuple[str, str | None]]:
    """Validate constants (limits, key characters, duplicates) and return them as pairs."""
    out: list[tuple[str, str | None]] = []
    if not constants:
        return out
    if len(constants) > _MAX_CONSTANTS:
        _add(errors, where, f"at most {_MAX_CONSTANTS} constants")
    seen: set[str] = set()
    for index, item in enumerate(constants):
        key = str(item.get("key"))
        value = item.get("value")
        if not _KEY.match(key):
            _add(errors, f"{where}[{index}].key", "use 1-2048 characters among a-z A-Z 0-9 _ - .")
        elif key in seen:
            _add(errors, f"{where}[{index}].key", f"duplicate constant {key!r}")
        seen.add(key)
        out.append((key, None if value is None else str(value)))
    return out


def _regex(value: object, where: str, errors: Errors) -> None:
    if value is None or value == "":
        return
    try:
        re.compile(str(value))
    except re.error as exc:
        _add(errors, where, f"not a valid regular expression: {exc}")


def _check_common(state: EmulatorState, account: Account, body: Mapping[str, Any], errors: Errors) -> None:
    """Checks shared by creation and derived tasks (buckets, lists, tags, constraints, retries)."""
    name = body.get("name")
    if isinstance(name, str) and len(name) > _MAX_NAME:
        _add(errors, "name", f"at most {_MAX_NAME} characters")
    shortname = body.get("shortname")
    if shortname is not None and shortname != "":
        if not _SHORTNAME.match(str(shortname)):
            _add(errors, "shortname", "use a-z A-Z 0-9 and '-', not ending with '-'")
        elif account.tasks.by_shortname.get(str(shortname)) is not None:
            raise conflict(f"a task with shortname {shortname} already exists")
    tags = body.get("tags") or []
    if len(tags) > _MAX_TAGS:
        _add(errors, "tags", f"at most {_MAX_TAGS} tags")
    for index, tag in enumerate(tags):
        if not tag or len(tag) > _MAX_TAG_LENGTH:
            _add(errors, f"tags[{index}]", f"a tag has 1-{_MAX_TAG_LENGTH} characters")
    for index, bucket in enumerate(body.get("resourceBuckets") or []):
        problem = validate_bucket_name(bucket)
        if problem:
            _add(errors, f"resourceBuckets[{index}]", problem)
    for index, item in enumerate(body.get("advancedResourceBuckets") or []):
        problem = validate_bucket_name(item.get("bucketName"))
        if problem:
            _add(errors, f"advancedResourceBuckets[{index}].bucketName", problem)
    for key in ("resultBucket", "resultsBucket", "snapshotBucket"):
        if body.get(key):
            problem = validate_bucket_name(body[key])
            if problem:
                _add(errors, key, problem)
    for key in ("resultsWhitelist", "resultsBlacklist", "snapshotWhitelist", "snapshotBlacklist"):
        _regex(body.get(key), key, errors)
    for index, constraint in enumerate(body.get("hardwareConstraints") or []):
        if constraint.get("discriminator") not in KNOWN_CONSTRAINTS:
            _add(errors, f"hardwareConstraints[{index}].discriminator", "unknown hardware constraint")
    retry = body.get("retrySettings") or {}
    for key in ("maxTotalRetries", "maxPerInstanceRetries"):
        value = retry.get(key)
        if value is not None and value < 0:
            _add(errors, f"retrySettings.{key}", "must be >= 0")
    for index, forced in enumerate(body.get("forcedConstants") or []):
        if not forced.get("constantName"):
            _add(errors, f"forcedConstants[{index}].constantName", "must not be empty")


def _emulator_settings(
    state: EmulatorState, constants: list[tuple[str, str | None]], instances: InstanceRange, errors: Errors
) -> tuple[float, InstanceRange]:
    values = dict(constants)
    duration = state.instance_seconds
    raw = values.get(INSTANCE_SECONDS_CONSTANT)
    if raw:
        try:
            duration = float(raw)
        except ValueError:
            duration = math.nan
        if not math.isfinite(duration) or not 0 < duration <= _MAX_INSTANCE_SECONDS:
            _add(
                errors, "constants", f"{INSTANCE_SECONDS_CONSTANT} must be a number of seconds in (0, 604800]"
            )
            duration = state.instance_seconds
    fail = InstanceRange.empty()
    raw_fail = values.get(FAIL_CONSTANT)
    if raw_fail:
        try:
            fail = InstanceRange.parse(raw_fail) & instances
        except ValueError as exc:
            _add(errors, "constants", f"{FAIL_CONSTANT} is not an instance range: {exc}")
    return duration, fail


def _extra_attempts(body: Mapping[str, Any], fail: InstanceRange) -> dict[int, int]:
    """Retries of failing instances, per ``retrySettings`` (per instance, capped in total)."""
    retry = body.get("retrySettings") or {}
    per_instance = int(retry.get("maxPerInstanceRetries") or 0)
    total = retry.get("maxTotalRetries")
    remaining = math.inf if total is None else int(total)
    out: dict[int, int] = {}
    if per_instance <= 0:
        return out
    for instance in fail:
        extra = int(min(per_instance, remaining))
        if extra <= 0:
            break
        out[instance] = extra
        remaining -= extra
    return out


def _resolve_placement(
    account: Account, body: dict[str, Any], now: float, errors: Errors
) -> tuple[str | None, str | None]:
    """Check the pool and job a task goes to; return (pool uuid, job uuid)."""
    pool_uuid = body.get("poolUuid")
    job_uuid = body.get("jobUuid")
    job = None
    if job_uuid:
        job = account.jobs.get(str(job_uuid))
        if job is None:
            _add(errors, "jobUuid", "no such job")
        elif job.state != "Active":
            raise conflict(f"job {job.uuid} is {job.state}: it accepts no more tasks")
        elif job.pool_uuid:
            if pool_uuid and str(pool_uuid).lower() != job.pool_uuid:
                _add(errors, "poolUuid", "a task of a job runs on the job's pool")
            pool_uuid = job.pool_uuid
    pool = None
    if pool_uuid:
        pool = account.pools.get(str(pool_uuid))
        if pool is None:
            _add(errors, "poolUuid", "no such pool")
        elif not pool.is_open(now):
            raise conflict(f"pool {pool.uuid} is closed")
    profile = body.get("profile")
    if pool is not None:
        if profile and profile != pool.profile:
            _add(errors, "profile", "a task in a pool runs the pool's profile")
        body["profile"] = pool.profile
    elif not profile:
        if pool_uuid is None:
            _add(errors, "profile", "a task outside a pool needs a profile")
    elif profile not in PROFILES:
        _add(errors, "profile", f"unknown profile {profile!r}; see GET /profiles")
    deps = [str(d).lower() for d in (body.get("dependencies") or {}).get("dependsOn") or []]
    if deps:
        if job is None or not job.use_dependencies:
            _add(errors, "dependencies.dependsOn", "dependencies need a job created with useDependencies")
        else:
            for index, dep in enumerate(deps):
                other = account.tasks.by_uuid.get(dep)
                if other is None or other.job_uuid != job.uuid:
                    _add(errors, f"dependencies.dependsOn[{index}]", "no such task in this job")
    return (pool.uuid if pool else None), (job.uuid if job else None)


def _instances(body: Mapping[str, Any], errors: Errors) -> InstanceRange:
    ranges = body.get("advancedRanges")
    count = body.get("instanceCount")
    if ranges:
        try:
            instances = InstanceRange.parse(str(ranges))
        except ValueError as exc:
            _add(errors, "advancedRanges", str(exc))
            return InstanceRange.empty()
        if not instances:
            _add(errors, "advancedRanges", "the range is empty")
    elif count is None:
        _add(errors, "instanceCount", "give instanceCount or advancedRanges")
        return InstanceRange.empty()
    elif count < 1:
        _add(errors, "instanceCount", "must be at least 1")
        return InstanceRange.empty()
    else:
        instances = InstanceRange.count(min(int(count), MAX_INSTANCES + 1))
    if len(instances) > MAX_INSTANCES:
        _add(errors, "advancedRanges" if ranges else "instanceCount", f"at most {MAX_INSTANCES} instances")
    return instances


def create_task(state: EmulatorState, account: Account, raw: Mapping[str, Any], now: float) -> Task:
    """Check a ``TaskCreationInput`` and submit the task (raises :class:`HttpProblem`)."""
    if len(account.tasks) >= account.tenant.max_tasks:
        raise quota(f"task quota reached ({account.tenant.max_tasks} tasks)")
    body = copy.deepcopy(dict(raw))
    errors: Errors = {}
    _check_common(state, account, body, errors)
    pool_uuid, job_uuid = _resolve_placement(account, body, now, errors)
    instances = _instances(body, errors)
    constants = check_constants(body.get("constants"), errors)
    check_constants(body.get("constraints"), errors, "constraints")
    duration, fail = _emulator_settings(state, constants, instances, errors)
    if errors:
        raise bad_request("The task is invalid.", errors)
    return _submit(state, account, body, now, instances, constants, duration, fail, pool_uuid, job_uuid)


def _submit(
    state: EmulatorState,
    account: Account,
    body: dict[str, Any],
    now: float,
    instances: InstanceRange,
    constants: list[tuple[str, str | None]],
    duration: float,
    fail: InstanceRange,
    pool_uuid: str | None,
    job_uuid: str | None,
) -> Task:
    body["constants"] = [{"key": k, "value": v} for k, v in constants]
    task = Task(
        uuid=state.new_uuid(),
        seq=state.next_seq(),
        account=account.email,
        name=str(body.get("name") or ""),
        body=body,
        instances=instances,
        constants=constants,
        created=now,
        pool_uuid=pool_uuid,
        job_uuid=job_uuid,
        depends_on=tuple(str(d).lower() for d in (body.get("dependencies") or {}).get("dependsOn") or []),
        duration=duration,
        fail=fail,
        extra_attempts=_extra_attempts(body, fail),
        modified=now,
    )
    state.submit(account, task)
    return task


_DERIVED_SETS: Final = {
    "clone": None,
    "retry": "failed",
    "recover": "failed+cancelled",
    "resume": "cancelled",
}


def derive_task(
    state: EmulatorState, account: Account, original: Task, raw: Mapping[str, Any], now: float, how: str
) -> Task:
    """Create a task from ``original`` (clone, retry, recover, resume), overriding fields from ``raw``.

    Fields given (non-null) replace the original's, except ``constants``, merged by key (so that a
    secret constant is kept without being sent again). Retry runs the failed instances, recover the
    failed and cancelled ones, resume the cancelled ones; clone runs the original's instances unless
    ``instanceCount``/``advancedRanges`` say otherwise.
    """
    if len(account.tasks) >= account.tenant.max_tasks:
        raise quota(f"task quota reached ({account.tenant.max_tasks} tasks)")
    which = _DERIVED_SETS[how]
    if which is not None and not original.is_final(now):
        raise conflict(f"task {original.uuid} is {original.state(now)}: {how} needs a finished task")
    body = copy.deepcopy(original.body)
    for key in ("shortname", "instanceCount", "advancedRanges", "poolUuid"):
        body.pop(key, None)
    errors: Errors = {}
    overrides = {k: v for k, v in raw.items() if v is not None}
    merged = dict(original.constants)
    for key, value in check_constants(overrides.pop("constants", None), errors):
        merged[key] = value
    constants = list(merged.items())
    body.update(copy.deepcopy(overrides))
    body["poolUuid"] = original.pool_uuid
    if original.pool_uuid and "jobUuid" not in overrides:
        body["jobUuid"] = original.job_uuid
    if which is None:
        if "instanceCount" not in overrides and "advancedRanges" not in overrides:
            body["advancedRanges"] = original.body.get("advancedRanges")
            body["instanceCount"] = original.body.get("instanceCount")
        instances = _instances(body, errors)
    else:
        if which == "failed":
            instances = original.failed_terminal(now)
        elif which == "cancelled":
            instances = original.cancelled(now)
        else:
            instances = original.failed(now) | original.cancelled(now)
        if not instances:
            raise conflict(f"task {original.uuid} has no {which.replace('+', ' or ')} instances to {how}")
        body["advancedRanges"] = str(instances)
        body["instanceCount"] = None
    _check_common(state, account, body, errors)
    pool_uuid, job_uuid = _resolve_placement(account, body, now, errors)
    duration, fail = _emulator_settings(state, constants, instances, errors)
    if errors:
        raise bad_request(f"The {how} request is invalid.", errors)
    return _submit(state, account, body, now, instances, constants, duration, fail, pool_uuid, job_uuid)


def update_task(state: EmulatorState, task: Task, raw: Mapping[str, Any], now: float) -> None:
    """PUT: replace constants, constraints and tags of an unfinished task."""
    if task.is_final(now):
        raise conflict(f"task {task.uuid} is {task.state(now)}: only unfinished tasks can be updated")
    errors: Errors = {}
    constants = check_constants(raw.get("constants"), errors) if raw.get("constants") is not None else None
    if raw.get("constraints") is not None:
        check_constants(raw.get("constraints"), errors, "constraints")
    tags = raw.get("tags")
    if tags is not None:
        _check_common(state, state.accounts[task.account], {"tags": tags}, errors)
    if errors:
        raise bad_request("The update is invalid.", errors)
    if constants is not None:
        task.constants = constants
        task.body["constants"] = [{"key": k, "value": v} for k, v in constants]
    if raw.get("constraints") is not None:
        task.body["constraints"] = copy.deepcopy(raw["constraints"])
    if tags is not None:
        task.body["tags"] = list(tags)
    task.modified = now
    task.note(Line(now, None, "stdout", "Task configuration updated", ACTION))


def task_output(task: Task, now: float) -> dict[str, Any]:
    """The ``TaskOutput`` body at ``now``."""
    body = task.body
    transitions = task.transitions(now)
    previous = transitions[-2] if len(transitions) > 1 else None
    final = task.final_state_at(now)
    results = sum(len(v) for v in task.results.values())
    running = task.running(now)
    cores = 0
    for instance in running:
        machine = task.machine(instance)
        cores += machine.core_count if machine else 0
    return {
        "uuid": task.uuid,
        "name": task.name,
        "shortname": task.shortname,
        "profile": task.profile,
        "poolUuid": task.pool_uuid,
        "jobUuid": task.job_uuid,
        "progress": task.progress(now),
        "runningInstanceCount": len(running),
        "runningCoreCount": cores,
        "executionTime": span(task.execution_seconds(now)),
        "wallTime": span(task.wall_seconds(now)),
        "state": transitions[-1][0],
        "previousState": previous[0] if previous else None,
        "instanceCount": 0 if body.get("advancedRanges") else len(task.instances),
        "advancedRanges": body.get("advancedRanges") or None,
        "stateTransitionTime": format_time(transitions[-1][1]),
        "previousStateTransitionTime": format_time(previous[1]) if previous else None,
        "lastModified": format_time(max(task.modified, transitions[-1][1])),
        "creationDate": format_time(task.created),
        "endDate": format_time(transitions[-1][1]) if final else None,
        "waitForPoolResourcesSynchronization": body.get("waitForPoolResourcesSynchronization"),
        "errors": list(task.errors),
        "resourceBuckets": list(body.get("resourceBuckets") or []),
        "advancedResourceBuckets": copy.deepcopy(body.get("advancedResourceBuckets") or []),
        "resultBucket": body.get("resultsBucket") or body.get("resultBucket"),
        "completedInstances": task.completed_instances(now),
        "status": task.status(now),
        "snapshotInterval": task.snapshot_interval,
        "resultsCount": results,
        "constants": mask_constants(task.constants),
        "secretsAccessRights": access_rights(body.get("secretsAccessRights")),
        "tags": task.tags,
        "snapshotWhitelist": body.get("snapshotWhitelist"),
        "snapshotBlacklist": body.get("snapshotBlacklist"),
        "snapshotBucket": body.get("snapshotBucket"),
        "snapshotBucketPrefix": body.get("snapshotBucketPrefix"),
        "resultsWhitelist": body.get("resultsWhitelist"),
        "resultsBlacklist": body.get("resultsBlacklist"),
        "resultsBucket": body.get("resultsBucket") or body.get("resultBucket"),
        "resultsBucketPrefix": body.get("resultsBucketPrefix"),
        "uploadResultsOnCancellation": body.get("uploadResultsOnCancellation"),
        "dependencies": {"dependsOn": list(task.depends_on)},
        "autoDeleteOnCompletion": body.get("autoDeleteOnCompletion"),
        "completionTimeToLive": _span_text(body.get("completionTimeToLive")),
        "hardwareConstraints": copy.deepcopy(body.get("hardwareConstraints") or []),
        "labels": dict(body.get("labels") or {}),
        "schedulingType": body.get("schedulingType") or "flex",
        "targetedReservedMachineKey": body.get("targetedReservedMachineKey"),
        "privileges": copy.deepcopy(body.get("privileges")),
        "retrySettings": copy.deepcopy(body.get("retrySettings")),
        "maxRetriesPerInstance": int((body.get("retrySettings") or {}).get("maxPerInstanceRetries") or 0),
    }


def task_summary(task: Task, now: float) -> dict[str, Any]:
    """The ``TaskSummaryOutput`` body at ``now``."""
    transitions = task.transitions(now)
    previous = transitions[-2] if len(transitions) > 1 else None
    final = task.final_state_at(now)
    running = task.running(now)
    cores = sum((m.core_count if (m := task.machine(i)) else 0) for i in running)
    return {
        "uuid": task.uuid,
        "name": task.name,
        "shortname": task.shortname,
        "profile": task.profile,
        "poolUuid": task.pool_uuid,
        "jobUuid": task.job_uuid,
        "progress": task.progress(now),
        "runningInstanceCount": len(running),
        "runningCoreCount": cores,
        "executionTime": span(task.execution_seconds(now)),
        "wallTime": span(task.wall_seconds(now)),
        "state": transitions[-1][0],
        "previousState": previous[0] if previous else None,
        "instanceCount": 0 if task.body.get("advancedRanges") else len(task.instances),
        "advancedRanges": task.body.get("advancedRanges") or None,
        "stateTransitionTime": format_time(transitions[-1][1]),
        "previousStateTransitionTime": format_time(previous[1]) if previous else None,
        "lastModified": format_time(max(task.modified, transitions[-1][1])),
        "creationDate": format_time(task.created),
        "endDate": format_time(transitions[-1][1]) if final else None,
        "waitForPoolResourcesSynchronization": task.body.get("waitForPoolResourcesSynchronization"),
    }


def _span_text(value: object) -> str | None:
    if value is None:
        return None
    try:
        return str(DateSpan.parse(str(value)))
    except ValueError:
        return None


def problem_for_item(exc: HttpProblem) -> str:
    """One line describing a rejected item of a bulk creation."""
    if exc.errors:
        first = next(iter(exc.errors.items()))
        return f"{exc.detail} {first[0]}: {first[1][0]}"
    return exc.detail
