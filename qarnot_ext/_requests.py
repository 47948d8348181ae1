"""Request bodies of the facade, built by pure functions shared by :class:`Qarnot` and :class:`AsyncQarnot`.

Bodies are plain JSON dicts with the spec's camelCase keys; the adapter turns them into the
generated input models. Every ``extra`` mapping is merged last, for fields the keyword arguments do
not cover (it may not repeat one of them). Constants go through
:func:`~qarnot_ext._secrets.render_constants`, which refuses to send a masked ``"[SECRET]"`` back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeAlias

from qarnot_ext._errors import InvalidValueError, Problem
from qarnot_ext._ranges import InstanceRange
from qarnot_ext._secrets import ConstantsInput, SecretConstant, SecretsAccess, render_constants
from qarnot_ext._timefmt import DateSpan

__all__ = [
    "Instances",
    "job_body",
    "overrides_body",
    "pool_body",
    "scaling_body",
    "snapshot_body",
    "task_body",
    "task_update_body",
]

Instances: TypeAlias = int | InstanceRange | str
"""How many or which instances: a count, an :class:`InstanceRange` or its text (``"0-99,120"``)."""


def _problem(field: str, message: str) -> InvalidValueError:
    return InvalidValueError("request", [Problem(field, message)])


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


def _merge(body: dict[str, Any], extra: Mapping[str, Any] | None) -> dict[str, Any]:
    if extra:
        clash = sorted(set(body) & set(extra))
        if clash:
            raise _problem(", ".join(clash), "given both as a keyword argument and in extra")
        body.update(extra)
    return body


def _put(body: dict[str, Any], **values: Any) -> dict[str, Any]:
    body.update({k: v for k, v in values.items() if v is not None})
    return body


def _secrets_access(value: SecretsAccess | Mapping[str, Any] | None) -> Any:
    if value is None:
        return None
    return value.to_wire() if isinstance(value, SecretsAccess) else dict(value)


def task_body(
    *,
    name: str,
    profile: str | None = None,
    instances: Instances | None = 1,
    shortname: str | None = None,
    pool: str | None = None,
    job: str | None = None,
    constants: ConstantsInput | None = None,
    secrets: Iterable[SecretConstant] | None = None,
    tags: Iterable[str] | None = None,
    labels: Mapping[str, str] | None = None,
    hardware_constraints: Sequence[Mapping[str, Any]] | None = None,
    secrets_access: SecretsAccess | Mapping[str, Any] | None = None,
    resource_buckets: Iterable[str] | None = None,
    advanced_resource_buckets: Sequence[Mapping[str, Any]] | None = None,
    result_bucket: str | None = None,
    depends_on: Iterable[str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The body of ``POST /tasks`` (one ``TaskCreationInput``)."""
    if not isinstance(name, str) or not name:
        raise _problem("name", "a task needs a non-empty name")
    if profile is None and pool is None and not (extra and ("profile" in extra or "poolUuid" in extra)):
        raise _problem("profile", "a task needs a profile, or a pool to run in")
    body = _put(
        {"name": name},
        profile=profile,
        shortname=shortname,
        poolUuid=pool,
        jobUuid=job,
        tags=_strings("tags", tags),
        labels=dict(labels) if labels is not None else None,
        hardwareConstraints=[dict(h) for h in hardware_constraints]
        if hardware_constraints is not None
        else None,
        secretsAccessRights=_secrets_access(secrets_access),
        resourceBuckets=_strings("resource_buckets", resource_buckets),
        advancedResourceBuckets=[dict(b) for b in advanced_resource_buckets]
        if advanced_resource_buckets is not None
        else None,
        resultBucket=result_bucket,
        dependencies={"dependsOn": _strings("depends_on", depends_on)} if depends_on is not None else None,
    )
    body.update(_instances(instances))
    body.update(_constants(constants, secrets))
    return _merge(body, extra)


def overrides_body(
    *,
    instances: Instances | None = None,
    name: str | None = None,
    constants: ConstantsInput | None = None,
    secrets: Iterable[SecretConstant] | None = None,
    tags: Iterable[str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The body of clone/retry/recover/resume: only the fields that change."""
    body = _put({}, name=name, tags=_strings("tags", tags))
    body.update(_instances(instances))
    body.update(_constants(constants, secrets))
    return _merge(body, extra)


def task_update_body(
    *,
    constants: ConstantsInput | None = None,
    secrets: Iterable[SecretConstant] | None = None,
    tags: Iterable[str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The body of ``PUT /tasks/{uuid}`` and ``PUT /pools/{uuid}`` (constants, constraints, tags …)."""
    body = _put({}, tags=_strings("tags", tags))
    body.update(_constants(constants, secrets))
    body = _merge(body, extra)
    if not body:
        raise _problem("update", "nothing to update")
    return body


def pool_body(
    *,
    name: str,
    profile: str,
    instances: int | None = 1,
    shortname: str | None = None,
    constants: ConstantsInput | None = None,
    secrets: Iterable[SecretConstant] | None = None,
    tags: Iterable[str] | None = None,
    hardware_constraints: Sequence[Mapping[str, Any]] | None = None,
    scaling: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The body of ``POST /pools``."""
    if not isinstance(name, str) or not name or not isinstance(profile, str) or not profile:
        raise _problem("name/profile", "a pool needs a non-empty name and profile")
    if instances is not None and (
        isinstance(instances, bool) or not isinstance(instances, int) or instances < 0
    ):
        raise _problem("instances", f"expected a non-negative int, got {instances!r}")
    body = _put(
        {"name": name, "profile": profile},
        instanceCount=instances,
        shortname=shortname,
        tags=_strings("tags", tags),
        hardwareConstraints=[dict(h) for h in hardware_constraints]
        if hardware_constraints is not None
        else None,
        scaling=dict(scaling) if scaling is not None else None,
    )
    body.update(_constants(constants, secrets))
    return _merge(body, extra)


def job_body(
    *,
    name: str,
    shortname: str | None = None,
    pool: str | None = None,
    use_dependencies: bool | None = None,
    tags: Iterable[str] | None = None,
    max_wall_time: DateSpan | dt.timedelta | str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The body of ``POST /jobs``."""
    if not isinstance(name, str) or not name:
        raise _problem("name", "a job needs a non-empty name")
    body = _put(
        {"name": name},
        shortname=shortname,
        poolUuid=pool,
        useDependencies=use_dependencies,
        tags=_strings("tags", tags),
        maxWallTime=_span("max_wall_time", max_wall_time),
    )
    return _merge(body, extra)


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


def scaling_body(scaling: Mapping[str, Any]) -> dict[str, Any]:
    """A ``ScalingInput`` (``{"activePolicyName", "policies": [...]}``), checked to be a mapping."""
    if not isinstance(scaling, Mapping):
        raise _problem("scaling", f"expected a mapping, got {type(scaling).__name__}")
    return dict(scaling)
