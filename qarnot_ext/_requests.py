"""Request bodies of the facade, built by pure functions shared by :class:`Qarnot` and :class:`AsyncQarnot`.

Bodies are plain JSON dicts with the spec's camelCase keys; the adapter turns them into the
generated input models. Every member of the creation and update inputs has a keyword argument
(:data:`FIELDS` maps each to its wire name and checks its type); objects the API returned (hardware
constraints, scaling policies, retry settings …) are accepted back as they are (``to_dict()``). An
``extra`` mapping is still merged last, but each of its keys must be a member of the operation's
input schema (:data:`SCHEMAS`), not already given as an argument: an unknown or misspelt key is an
:class:`~qarnot_ext.InvalidValueError` instead of a field the server silently ignores. Constants go
through :func:`~qarnot_ext._secrets.render_constants`, which refuses to send a masked
``"[SECRET]"`` back.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeAlias, TypedDict

from qarnot_ext._errors import InvalidValueError, Problem
from qarnot_ext._ranges import InstanceRange
from qarnot_ext._secrets import ConstantsInput, SecretConstant, SecretsAccess, render_constants
from qarnot_ext._timefmt import DateSpan

if TYPE_CHECKING:
    # Annotations only: the objects the API returned (generated models) are accepted back as inputs.
    from qarnot_ext._adapter import (
        ElasticPropertyInput,
        ElasticPropertyOutput,
        ForcedConstant,
        HardwareConstraint,
        KeyValue,
        PoolPreparationTaskInput,
        PoolPreparationTaskOutput,
        Privileges,
        ResourcesBucket,
        RetrySettings,
        ScalingInput,
        ScalingOutput,
        ScalingPolicy,
    )

__all__ = [
    "FIELDS",
    "SCHEMAS",
    "Instances",
    "JobOptions",
    "PoolOptions",
    "ResourceId",
    "TaskOptions",
    "job_body",
    "overrides_body",
    "pool_body",
    "resource_id",
    "scaling_body",
    "snapshot_body",
    "task_body",
    "task_update_body",
]

Instances: TypeAlias = int | InstanceRange | str
"""How many or which instances: a count, an :class:`InstanceRange` or its text (``"0-99,120"``)."""


def _problem(field: str, message: str) -> InvalidValueError:
    return InvalidValueError("request", [Problem(field, message)])


ResourceId: TypeAlias = "str | uuid.UUID | Any"
"""A task, pool or job: its uuid (``str`` or :class:`uuid.UUID`), its shortname, or a model with ``.uuid``."""


def resource_id(name: str, value: object) -> str:
    """The path segment of a resource argument, checked before any request.

    Accepts a non-blank ``str`` (uuid or shortname), a :class:`uuid.UUID`, or an object with a
    ``uuid`` attribute (a model returned earlier).

    Raises:
        InvalidValueError: ``None``, a blank string, or anything else; the message names ``name``.

    """
    target = value
    if not isinstance(value, str | uuid.UUID) and value is not None and hasattr(value, "uuid"):
        target = value.uuid
    if isinstance(target, uuid.UUID):
        return str(target)
    if isinstance(target, str):
        if target.strip() and "/" not in target:
            return target
        what = "a blank string" if not target.strip() else "a string with '/'"
        raise InvalidValueError(name, [Problem(target, f"expected a uuid or a shortname, got {what}")])
    raise InvalidValueError(
        name,
        [
            Problem(
                repr(value)[:80],
                f"expected a str, a uuid.UUID or a model with .uuid, not {type(value).__name__}",
            )
        ],
    )


def _instances(value: Instances | None) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, bool):
        raise _problem("instances", "expected a count, an InstanceRange or a range string, not a bool")
    if isinstance(value, int):
        if value < 1:
            raise _problem("instances", f"a count must be at least 1, got {value}")
        return {"instanceCount": value}
    rng = InstanceRange.parse(value) if isinstance(value, str) else value
    if not isinstance(rng, InstanceRange):
        raise _problem(
            "instances", f"expected a count, an InstanceRange or a range string, not {type(value).__name__}"
        )
    if not rng:
        raise _problem("instances", "the instance range is empty")
    return {"advancedRanges": str(rng)}


def _constants(constants: ConstantsInput | None, secrets: Iterable[SecretConstant] | None) -> dict[str, Any]:
    items: list[Any] = []
    if constants is not None:
        items.extend(constants.items() if isinstance(constants, Mapping) else constants)
    if secrets is not None:
        for secret in secrets:
            if not isinstance(secret, SecretConstant):
                raise _problem("secrets", f"expected SecretConstant items, got {type(secret).__name__}")
            items.append(secret)
    return {"constants": render_constants(items)} if items else {}


def _strings(name: str, values: Iterable[str] | None) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        raise _problem(name, "expected a list of strings, not one string")
    out = list(values)
    if not all(isinstance(v, str) for v in out):
        raise _problem(name, "every item must be a str")
    return out


def _span(name: str, value: DateSpan | dt.timedelta | str | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, DateSpan):
        return str(value)
    if isinstance(value, dt.timedelta):
        return str(DateSpan.from_timedelta(value))
    if isinstance(value, str):
        return str(DateSpan.parse(value))
    raise _problem(
        name, f"expected a DateSpan, a timedelta or a date-span string, not {type(value).__name__}"
    )


def _put(body: dict[str, Any], **values: Any) -> dict[str, Any]:
    body.update({k: v for k, v in values.items() if v is not None})
    return body


def _wire(value: Any, name: str) -> Any:
    """An object the API returned (a generated model) or a plain mapping, as JSON."""
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return value.to_dict()
    if isinstance(value, SecretsAccess):
        return value.to_wire()
    if isinstance(value, Mapping):
        return dict(value)
    raise _problem(name, f"expected a mapping or a model with to_dict(), not {type(value).__name__}")


def _objects(value: Any, name: str) -> list[Any]:
    if isinstance(value, Mapping | str) or not isinstance(value, Iterable):
        raise _problem(name, f"expected a list of objects, not {type(value).__name__}")
    return [_wire(v, f"{name}[{i}]") for i, v in enumerate(value)]


def _key_values(value: Any, name: str) -> list[Any]:
    if isinstance(value, Mapping):
        return [{"key": str(k), "value": str(v)} for k, v in value.items()]
    return _objects(value, name)


def _str(value: Any, name: str) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if not isinstance(value, str):
        raise _problem(name, f"expected a str, not {type(value).__name__}")
    return value


def _bool(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise _problem(name, f"expected a bool, not {type(value).__name__}")
    return value


def _int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _problem(name, f"expected an int, not {type(value).__name__}")
    return value


def _labels(value: Any, name: str) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise _problem(name, "expected a mapping of str to str")
    return dict(value)


def _scaling(value: Any, name: str) -> dict[str, Any]:
    """A ``ScalingInput``: a mapping, the pool's ``ScalingOutput`` or a list of scaling policies."""
    policies = getattr(value, "policies", None)
    if policies is not None and not isinstance(value, Mapping):
        return {"policies": _objects(policies, f"{name}.policies")}
    if isinstance(value, Mapping):
        unknown = sorted(set(value) - {"policies"})
        if unknown:
            raise _problem(name, f"unknown key(s) {', '.join(unknown)}; a scaling input has only 'policies'")
        return {"policies": _objects(value.get("policies") or [], f"{name}.policies")}
    return {"policies": _objects(value, name)}


def _dependencies(value: Any, name: str) -> dict[str, Any]:
    ids = [resource_id(f"{name}[{i}]", v) for i, v in enumerate(_list(value, name))]
    if len(set(ids)) != len(ids):
        raise _problem(name, "a task depends on each task once")
    return {"dependsOn": ids}


def _list(value: Any, name: str) -> list[Any]:
    if isinstance(value, str | Mapping) or not isinstance(value, Iterable):
        raise _problem(name, f"expected a list, not {type(value).__name__}")
    return list(value)


def _str_list(value: Any, name: str) -> list[str] | None:
    return _strings(name, value)


def _span_text(value: Any, name: str) -> str | None:
    return _span(name, value)


def _id(value: Any, name: str) -> str:
    return resource_id(name, value)


Converter: TypeAlias = Callable[[Any, str], Any]

FIELDS: Final[dict[str, tuple[str, Converter]]] = {
    # keyword argument: (wire name, converter)
    "shortname": ("shortname", _str),
    "profile": ("profile", _str),
    "pool": ("poolUuid", _id),
    "job": ("jobUuid", _id),
    "resource_buckets": ("resourceBuckets", _str_list),
    "advanced_resource_buckets": ("advancedResourceBuckets", _objects),
    "result_bucket": ("resultBucket", _str),
    "forced_constants": ("forcedConstants", _objects),
    "constraints": ("constraints", _key_values),
    "hardware_constraints": ("hardwareConstraints", _objects),
    "secrets_access": ("secretsAccessRights", _wire),
    "tags": ("tags", _str_list),
    "snapshot_whitelist": ("snapshotWhitelist", _str),
    "snapshot_blacklist": ("snapshotBlacklist", _str),
    "snapshot_bucket": ("snapshotBucket", _str),
    "snapshot_bucket_prefix": ("snapshotBucketPrefix", _str),
    "results_whitelist": ("resultsWhitelist", _str),
    "results_blacklist": ("resultsBlacklist", _str),
    "results_bucket": ("resultsBucket", _str),
    "results_bucket_prefix": ("resultsBucketPrefix", _str),
    "priority": ("priority", _int),
    "depends_on": ("dependencies", _dependencies),
    "auto_delete_on_completion": ("autoDeleteOnCompletion", _bool),
    "completion_time_to_live": ("completionTimeToLive", _span_text),
    "wait_for_pool_resources_synchronization": ("waitForPoolResourcesSynchronization", _bool),
    "upload_results_on_cancellation": ("uploadResultsOnCancellation", _bool),
    "labels": ("labels", _labels),
    "scheduling_type": ("schedulingType", _str),
    "targeted_reserved_machine_key": ("targetedReservedMachineKey", _str),
    "default_resources_cache_ttl_sec": ("defaultResourcesCacheTTLSec", _int),
    "privileges": ("privileges", _wire),
    "retry_settings": ("retrySettings", _wire),
    # pools
    "elastic_property": ("elasticProperty", _wire),
    "scaling": ("scaling", _scaling),
    "preparation_task": ("preparationTask", _wire),
    "task_default_wait_for_pool_resources_synchronization": (
        "taskDefaultWaitForPoolResourcesSynchronization",
        _bool,
    ),
    "default_retry_settings": ("defaultRetrySettings", _wire),
    # jobs
    "use_dependencies": ("useDependencies", _bool),
    "max_wall_time": ("maxWallTime", _span_text),
}
"""Every keyword argument of the request builders that maps to one wire member, with its check."""

_TASK_COMMON: Final = frozenset(
    {
        "name",
        "shortname",
        "profile",
        "jobUuid",
        "resourceBuckets",
        "advancedResourceBuckets",
        "resultBucket",
        "constants",
        "forcedConstants",
        "constraints",
        "hardwareConstraints",
        "secretsAccessRights",
        "tags",
        "snapshotWhitelist",
        "snapshotBlacklist",
        "snapshotBucket",
        "snapshotBucketPrefix",
        "resultsWhitelist",
        "resultsBlacklist",
        "resultsBucket",
        "resultsBucketPrefix",
        "priority",
        "dependencies",
        "autoDeleteOnCompletion",
        "completionTimeToLive",
        "waitForPoolResourcesSynchronization",
        "uploadResultsOnCancellation",
        "labels",
        "schedulingType",
        "targetedReservedMachineKey",
        "defaultResourcesCacheTTLSec",
        "privileges",
        "retrySettings",
    }
)
_POOL_CREATION: Final = frozenset(
    {
        "name",
        "shortname",
        "profile",
        "instanceCount",
        "elasticProperty",
        "scaling",
        "constants",
        "constraints",
        "hardwareConstraints",
        "secretsAccessRights",
        "tags",
        "resourceBuckets",
        "advancedResourceBuckets",
        "priority",
        "preparationTask",
        "autoDeleteOnCompletion",
        "completionTimeToLive",
        "taskDefaultWaitForPoolResourcesSynchronization",
        "labels",
        "schedulingType",
        "targetedReservedMachineKey",
        "defaultResourcesCacheTTLSec",
        "privileges",
        "defaultRetrySettings",
    }
)
SCHEMAS: Final[dict[str, frozenset[str]]] = {
    "TaskCreationInput": _TASK_COMMON | {"poolUuid", "instanceCount", "advancedRanges"},
    "TaskCloneInput": _TASK_COMMON | {"instanceCount", "advancedRanges"},
    "TaskRetryInput": _TASK_COMMON,
    "TaskRecoverInput": _TASK_COMMON,
    "TaskResumeInput": _TASK_COMMON,
    "TaskUpdateInput": frozenset({"constants", "constraints", "tags"}),
    "PoolCreationInput": _POOL_CREATION,
    "PoolCloneInput": _POOL_CREATION,
    "PoolUpdateInput": frozenset({"constants", "constraints", "tags", "elasticProperty", "scaling"}),
    "JobCreationInput": frozenset(
        {
            "name",
            "shortname",
            "poolUuid",
            "useDependencies",
            "tags",
            "maxWallTime",
            "autoDeleteOnCompletion",
            "completionTimeToLive",
        }
    ),
}
"""The writable members of each input schema the facade sends (a test compares them to ``openapi.yaml``)."""


class TaskOptions(TypedDict, total=False):
    """The task settings beyond the common arguments (each one member of the task inputs)."""

    shortname: str
    tags: Iterable[str]
    resource_buckets: Iterable[str]
    advanced_resource_buckets: Iterable[ResourcesBucket | Mapping[str, Any]]
    result_bucket: str
    forced_constants: Iterable[ForcedConstant | Mapping[str, Any]]
    constraints: Mapping[str, str] | Iterable[KeyValue | Mapping[str, Any]]
    hardware_constraints: Iterable[HardwareConstraint | Mapping[str, Any]]
    secrets_access: SecretsAccess | Mapping[str, Any]
    snapshot_whitelist: str
    snapshot_blacklist: str
    snapshot_bucket: str
    snapshot_bucket_prefix: str
    results_whitelist: str
    results_blacklist: str
    results_bucket: str
    results_bucket_prefix: str
    priority: int
    depends_on: Iterable[ResourceId]
    auto_delete_on_completion: bool
    completion_time_to_live: DateSpan | dt.timedelta | str
    wait_for_pool_resources_synchronization: bool
    upload_results_on_cancellation: bool
    labels: Mapping[str, str]
    scheduling_type: str
    targeted_reserved_machine_key: str
    default_resources_cache_ttl_sec: int
    privileges: Privileges | Mapping[str, Any]
    retry_settings: RetrySettings | Mapping[str, Any]


class PoolOptions(TypedDict, total=False):
    """The pool settings beyond the common arguments (each one member of the pool inputs)."""

    shortname: str
    resource_buckets: Iterable[str]
    advanced_resource_buckets: Iterable[ResourcesBucket | Mapping[str, Any]]
    constraints: Mapping[str, str] | Iterable[KeyValue | Mapping[str, Any]]
    hardware_constraints: Iterable[HardwareConstraint | Mapping[str, Any]]
    secrets_access: SecretsAccess | Mapping[str, Any]
    priority: int
    elastic_property: ElasticPropertyInput | ElasticPropertyOutput | Mapping[str, Any]
    scaling: ScalingInput | ScalingOutput | Mapping[str, Any] | Iterable[ScalingPolicy | Mapping[str, Any]]
    preparation_task: PoolPreparationTaskInput | PoolPreparationTaskOutput | Mapping[str, Any]
    auto_delete_on_completion: bool
    completion_time_to_live: DateSpan | dt.timedelta | str
    task_default_wait_for_pool_resources_synchronization: bool
    labels: Mapping[str, str]
    scheduling_type: str
    targeted_reserved_machine_key: str
    default_resources_cache_ttl_sec: int
    privileges: Privileges | Mapping[str, Any]
    default_retry_settings: RetrySettings | Mapping[str, Any]


class JobOptions(TypedDict, total=False):
    """The job settings beyond the common arguments."""

    shortname: str
    auto_delete_on_completion: bool
    completion_time_to_live: DateSpan | dt.timedelta | str


def _build(
    schema: str, body: dict[str, Any], fields: Mapping[str, Any], extra: Mapping[str, Any] | None
) -> dict[str, Any]:
    """Convert each keyword ``field`` of ``schema`` into ``body``, then merge the checked ``extra``."""
    allowed = SCHEMAS[schema]
    problems: list[Problem] = []
    for key, value in fields.items():
        if value is None:
            continue
        spec = FIELDS.get(key)
        if spec is None or spec[0] not in allowed:
            problems.append(Problem(key, f"not a setting of {schema}"))
            continue
        wire, convert = spec
        converted = convert(value, key)
        if converted is not None:
            body[wire] = converted
    if problems:
        raise InvalidValueError("request", problems)
    if extra:
        if not isinstance(extra, Mapping):
            raise _problem("extra", f"expected a mapping of wire names, not {type(extra).__name__}")
        for key in extra:
            if key not in allowed:
                problems.append(
                    Problem(
                        str(key),
                        f"not a writable member of {schema} (unknown or read-only); valid: "
                        + ", ".join(sorted(allowed)),
                    )
                )
            elif key in body:
                problems.append(Problem(str(key), "given both as a keyword argument and in extra"))
        if problems:
            raise InvalidValueError("extra", problems)
        body.update(extra)
    return body


def task_body(
    *,
    name: str,
    profile: str | None = None,
    instances: Instances | None = 1,
    pool: Any = None,
    job: Any = None,
    constants: ConstantsInput | None = None,
    secrets: Iterable[SecretConstant] | None = None,
    extra: Mapping[str, Any] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """The body of ``POST /tasks`` (one ``TaskCreationInput``).

    A task runs on a ``profile``, in a ``pool``, or in a ``job`` (which may be on a pool); a pool
    and a job are never sent together (the job's pool is used, as the official SDK requires).
    """
    if not isinstance(name, str) or not name:
        raise _problem("name", "a task needs a non-empty name")
    if pool is not None and job is not None:
        raise _problem(
            "pool, job",
            "a task in a job runs on the job's pool: give the job only (create the job with pool=…)",
        )
    given = dict(extra or {})
    if (
        profile is None
        and pool is None
        and job is None
        and not ({"profile", "poolUuid", "jobUuid"} & set(given))
    ):
        raise _problem("profile", "a task needs a profile, a pool or a job to run in")
    if fields.get("depends_on") is not None and job is None and "jobUuid" not in given:
        raise _problem(
            "depends_on",
            "dependencies are between tasks of one job: give job=… (created with use_dependencies=True)",
        )
    body: dict[str, Any] = {"name": name}
    body.update(_instances(instances))
    body.update(_constants(constants, secrets))
    return _build("TaskCreationInput", body, {"profile": profile, "pool": pool, "job": job, **fields}, extra)


def overrides_body(
    schema: str = "TaskCloneInput",
    *,
    instances: Instances | None = None,
    name: str | None = None,
    constants: ConstantsInput | None = None,
    secrets: Iterable[SecretConstant] | None = None,
    extra: Mapping[str, Any] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """The body of clone/retry/recover/resume (``schema``): only the fields that change."""
    body = _put({}, name=_str(name, "name") if name is not None else None)
    body.update(_instances(instances))
    body.update(_constants(constants, secrets))
    return _build(schema, body, fields, extra)


def task_update_body(
    schema: str = "TaskUpdateInput",
    *,
    constants: ConstantsInput | None = None,
    secrets: Iterable[SecretConstant] | None = None,
    extra: Mapping[str, Any] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """The body of ``PUT /tasks/{uuid}`` and (``schema="PoolUpdateInput"``) ``PUT /pools/{uuid}``."""
    body = _constants(constants, secrets)
    body = _build(schema, body, fields, extra)
    if not body:
        raise _problem("update", "nothing to update")
    return body


def pool_body(
    *,
    name: str,
    profile: str,
    instances: int | None = 1,
    constants: ConstantsInput | None = None,
    secrets: Iterable[SecretConstant] | None = None,
    extra: Mapping[str, Any] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """The body of ``POST /pools``."""
    if not isinstance(name, str) or not name or not isinstance(profile, str) or not profile:
        raise _problem("name/profile", "a pool needs a non-empty name and profile")
    if instances is not None and (
        isinstance(instances, bool) or not isinstance(instances, int) or instances < 0
    ):
        raise _problem("instances", f"expected a non-negative int, got {instances!r}")
    body = _put({"name": name, "profile": profile}, instanceCount=instances)
    body.update(_constants(constants, secrets))
    return _build("PoolCreationInput", body, fields, extra)


def job_body(
    *, name: str, pool: Any = None, extra: Mapping[str, Any] | None = None, **fields: Any
) -> dict[str, Any]:
    """The body of ``POST /jobs``."""
    if not isinstance(name, str) or not name:
        raise _problem("name", "a job needs a non-empty name")
    return _build("JobCreationInput", {"name": name}, {"pool": pool, **fields}, extra)


def snapshot_body(
    *,
    interval: int | None = None,
    whitelist: str | None = None,
    blacklist: str | None = None,
    bucket: str | None = None,
    bucket_prefix: str | None = None,
) -> dict[str, Any]:
    """The body of a unique (``interval=None``) or periodic snapshot request."""
    if interval is not None and (isinstance(interval, bool) or not isinstance(interval, int) or interval < 0):
        raise _problem("interval", f"expected a non-negative number of seconds, got {interval!r}")
    return _put(
        {},
        interval=interval,
        whitelist=whitelist,
        blacklist=blacklist,
        bucket=bucket,
        bucketPrefix=bucket_prefix,
    )


def scaling_body(scaling: Any) -> dict[str, Any]:
    """A ``ScalingInput`` from a mapping, the pool's scaling as returned, or a list of policies."""
    return _scaling(scaling, "scaling")
