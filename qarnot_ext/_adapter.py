"""The only module of ``qarnot_ext`` that imports the generated client (``qarnot_api``).

It does four things:

1. Builds the httpx clients and the generated ``Client`` over them (:func:`build_http`,
   :func:`build_async_http`, :func:`generated_client`): token auth, finite timeouts, TLS and proxy
   settings, the retrying transport, and a response hook that raises our exceptions for every
   status >= 400 before the generated code parses anything.
2. Describes each operation as an :class:`Op`: the generated request builder (``_get_kwargs`` of the
   operation's module: path, query, headers and body exactly as the spec says) and how to decode the
   answer. The I/O is one call in :class:`Executor` and one in :class:`AsyncExecutor`; the generated
   ``sync``/``asyncio`` shells are not used because they decode with the slow ``from_dict`` and keep
   raw fallbacks silently.
3. Decodes every response through :class:`~qarnot_ext._decode.Decoders` (fast path, repair of raw
   fallbacks, :class:`~qarnot_ext.ParseError` naming the path for a body that does not match).
4. Builds the secrets-manager paths itself, percent-encoding each segment of a key (the generated
   code would encode ``team/db`` as one segment ``team%2Fdb``).

Resource modules import the :class:`Op` constants and the model types from here.
"""

from __future__ import annotations

import json
import ssl
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, Generic, TypeVar, cast
from urllib.parse import quote

import attrs
import httpx

import qarnot_api.models as _models
from qarnot_api.api.api import get_api_root, get_settings, get_status, list_versions
from qarnot_api.api.hardware_constraints import (
    list_hardware_constraints,
    search_cpu_model_constraints,
)
from qarnot_api.api.jobs import (
    create_job,
    delete_job,
    get_job,
    list_job_tasks,
    list_jobs,
    paginate_jobs,
    search_jobs,
    terminate_job,
)
from qarnot_api.api.pools import (
    check_pool_scaling,
    clone_pool,
    close_pool,
    create_pool,
    delete_pool,
    get_pool,
    get_pool_fresh_stderr,
    get_pool_fresh_stdout,
    get_pool_instance_fresh_stderr,
    get_pool_instance_fresh_stdout,
    get_pool_instance_stderr,
    get_pool_instance_stdout,
    get_pool_scaling,
    get_pool_stderr,
    get_pool_stdout,
    list_pool_jobs,
    list_pool_summaries,
    list_pool_tasks,
    list_pools,
    paginate_pool_summaries,
    paginate_pools,
    search_pools,
    update_pool,
    update_pool_resources,
    update_pool_scaling,
)
from qarnot_api.api.profiles import get_profile, list_profiles
from qarnot_api.api.tasks import (
    abort_task,
    clone_task,
    create_task,
    delete_task,
    get_snapshot_status,
    get_task,
    get_task_fresh_stderr,
    get_task_fresh_stdout,
    get_task_instance_fresh_stderr,
    get_task_instance_fresh_stdout,
    get_task_instance_stderr,
    get_task_instance_stdout,
    get_task_stderr,
    get_task_stdout,
    list_task_summaries,
    list_tasks,
    paginate_task_summaries,
    paginate_tasks,
    recover_task,
    request_snapshot,
    resume_task,
    retry_task,
    search_tasks,
    start_periodic_snapshot,
    update_task,
    update_task_resources,
)
from qarnot_api.api.users import get_user_info
from qarnot_api.client import Client as GeneratedClient
from qarnot_api.models import (
    BulkTaskResult,
    IdOutput,
    JobOutput,
    PoolOutput,
    PoolSummaryOutput,
    ProfileOutput,
    ScalingOutput,
    SecretKeysOutput,
    SecretValue,
    SettingsOutput,
    SnapshotIdOutput,
    SnapshotStatusOutput,
    TaskOutput,
    TaskSummaryOutput,
    UserOutput,
    VersionOutput,
)
from qarnot_api.types import UNSET
from qarnot_ext._config import ClientConfig
from qarnot_ext._decode import Decoders
from qarnot_ext._errors import InvalidValueError, ParseError, Problem
from qarnot_ext._http import (
    IDEMPOTENT_EXTENSION,
    AsyncRetryingTransport,
    Clock,
    RetryingTransport,
    RetryPolicy,
    TokenAuth,
    araise_for_api_error,
    raise_for_api_error,
)
from qarnot_ext._operations import OPERATIONS
from qarnot_ext._pagination import Page

__all__ = [
    "DECODERS",
    "OPS",
    "AsyncExecutor",
    "BulkTaskResult",
    "Executor",
    "GeneratedClient",
    "HardwareConstraint",
    "IdOutput",
    "JobOutput",
    "Op",
    "PoolOutput",
    "PoolSummaryOutput",
    "ProfileOutput",
    "ScalingOutput",
    "SettingsOutput",
    "SnapshotIdOutput",
    "SnapshotStatusOutput",
    "TaskOutput",
    "TaskSummaryOutput",
    "UserOutput",
    "VersionOutput",
    "build_async_http",
    "build_http",
    "generated_client",
    "secret_path",
]

R = TypeVar("R")
M = TypeVar("M")

DECODERS: Final = Decoders(vars(_models), UNSET)
"""The compiled decoders of the generated models (one per process)."""

HardwareConstraint = (
    _models.CpuModelHardwareConstraint
    | _models.GpuHardwareConstraint
    | _models.MaximumCoreHardwareConstraint
    | _models.MaximumRamCoreRatioHardwareConstraint
    | _models.MaximumRamHardwareConstraint
    | _models.MinimumCoreHardwareConstraint
    | _models.MinimumRamCoreRatioHardwareConstraint
    | _models.MinimumRamHardwareConstraint
    | _models.NoGpuHardwareConstraint
    | _models.NoSSDHardwareConstraint
    | _models.SpecificHardwareConstraint
    | _models.SSDHardwareConstraint
    | _models.UnknownHardwareConstraint
)
"""Any hardware constraint; unknown kinds arrive as ``UnknownHardwareConstraint``."""
ScalingPolicy = (
    _models.FixedScalingPolicy | _models.ManagedTasksQueueScalingPolicy | _models.UnknownScalingPolicy
)
"""Any scaling policy of a pool; unknown kinds arrive as ``UnknownScalingPolicy``."""
TimePeriod = _models.AlwaysTimePeriod | _models.WeeklyTimePeriod | _models.UnknownTimePeriod
"""Any time period of a scaling policy; unknown kinds arrive as ``UnknownTimePeriod``."""
_HARDWARE_CONSTRAINTS: Final = (
    _models.CpuModelHardwareConstraint,
    _models.GpuHardwareConstraint,
    _models.MaximumCoreHardwareConstraint,
    _models.MaximumRamCoreRatioHardwareConstraint,
    _models.MaximumRamHardwareConstraint,
    _models.MinimumCoreHardwareConstraint,
    _models.MinimumRamCoreRatioHardwareConstraint,
    _models.MinimumRamHardwareConstraint,
    _models.NoGpuHardwareConstraint,
    _models.NoSSDHardwareConstraint,
    _models.SpecificHardwareConstraint,
    _models.SSDHardwareConstraint,
    _models.UnknownHardwareConstraint,
)

_USER_AGENT: Final = "qarnot-toolkit/0.1.0"

# -- HTTP clients -----------------------------------------------------------------------------


def _ssl(verify: bool | str | ssl.SSLContext) -> bool | ssl.SSLContext:
    # httpx 0.28 deprecates a CA bundle path for ``verify``: build the context ourselves.
    if isinstance(verify, str):
        return ssl.create_default_context(cafile=verify)
    return verify


def _base_path(config: ClientConfig) -> str:
    return httpx.URL(config.base_url).path.rstrip("/")


def _client_args(config: ClientConfig) -> dict[str, Any]:
    return {
        "base_url": config.base_url,
        "timeout": config.timeout,
        "auth": TokenAuth(config.token) if config.token is not None else None,
        "headers": {"User-Agent": _USER_AGENT, "Accept": "application/json"},
        "follow_redirects": False,
    }


def build_http(
    config: ClientConfig,
    policy: RetryPolicy,
    clock: Clock,
    transport: httpx.BaseTransport | None = None,
) -> httpx.Client:
    """Build the sync httpx client: retries over ``transport`` (default: a real one), error hook."""
    inner = transport or httpx.HTTPTransport(verify=_ssl(config.verify), proxy=config.proxy)
    return httpx.Client(
        transport=RetryingTransport(inner, policy, clock, base_path=_base_path(config)),
        event_hooks={"response": [raise_for_api_error]},
        **_client_args(config),
    )


def build_async_http(
    config: ClientConfig,
    policy: RetryPolicy,
    clock: Clock,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """Build the async httpx client (see :func:`build_http`)."""
    inner = transport or httpx.AsyncHTTPTransport(verify=_ssl(config.verify), proxy=config.proxy)
    return httpx.AsyncClient(
        transport=AsyncRetryingTransport(inner, policy, clock, base_path=_base_path(config)),
        event_hooks={"response": [araise_for_api_error]},
        **_client_args(config),
    )


def generated_client(
    config: ClientConfig, http: httpx.Client | None = None, async_http: httpx.AsyncClient | None = None
) -> GeneratedClient:
    """The generated client over our httpx clients (its ``repr`` shows no token: auth is in httpx)."""
    client = GeneratedClient(base_url=config.base_url)
    if http is not None:
        client.set_httpx_client(http)
    if async_http is not None:
        client.set_async_httpx_client(async_http)
    return client


# -- decoding ---------------------------------------------------------------------------------


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise ParseError(
            f"the {response.request.method} {response.request.url.path} answer is not JSON "
            f"({len(response.content)} bytes, {response.headers.get('content-type', 'no content type')})"
        ) from None


def _model(cls: type[M]) -> Callable[[httpx.Response], M]:
    def decode(response: httpx.Response) -> M:
        return cast(M, DECODERS.decode(cls, _json(response)))

    return decode


def _model_list(cls: type[M]) -> Callable[[httpx.Response], list[M]]:
    def decode(response: httpx.Response) -> list[M]:
        # Parse and decode in one pass when the array is well-formed (see Decoders.stream_page).
        items = DECODERS.stream_list(cls, response.content)
        if items is None:
            items = DECODERS.decode_list(cls, _json(response))
        return cast(list[M], items)

    return decode


def _hardware_constraints(response: httpx.Response) -> list[HardwareConstraint]:
    return cast(list[HardwareConstraint], DECODERS.decode_union_list(_HARDWARE_CONSTRAINTS, _json(response)))


def _text(response: httpx.Response) -> str:
    return response.text


def _nothing(response: httpx.Response) -> None:
    # The answer's body (none, "{}" or a Location-only 200) carries no information.
    return None


def _strings(response: httpx.Response) -> list[str]:
    doc = _json(response)
    if not isinstance(doc, list) or not all(isinstance(x, str) for x in doc):
        raise ParseError("expected an array of strings", schema="ProfileNames", path="$")
    return doc


def _optional_int(doc: Mapping[str, Any], key: str, schema: str) -> int | None:
    value = doc.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ParseError(f"expected a number, got {type(value).__name__}", schema=schema, path=f"$.{key}")
    return int(value)


def _token_page(cls: type[M], schema: str) -> Callable[[httpx.Response], Page[M]]:
    """Decode a token page; items one by one (a bad item is named by its index)."""

    def decode(response: httpx.Response) -> Page[M]:
        # Parse and decode in one pass when the page is well-formed (see Decoders.stream_page).
        doc = DECODERS.stream_page(cls, response.content, "data")
        if doc is not None:
            items = doc["data"]
        else:
            doc = _json(response)
            if not isinstance(doc, dict):
                raise ParseError(f"expected an object, got {type(doc).__name__}", schema=schema, path="$")
            if "data" not in doc:
                raise ParseError("missing required member 'data'", schema=schema, path="$")
            items = DECODERS.decode_list(cls, doc["data"], where="$.data")
        next_token = doc.get("nextToken")
        if next_token is not None and not isinstance(next_token, str):
            raise ParseError("expected a string", schema=schema, path="$.nextToken")
        truncated = doc.get("isTruncated")
        if truncated is not None and not isinstance(truncated, bool):
            raise ParseError("expected a boolean", schema=schema, path="$.isTruncated")
        # A page without ``isTruncated`` is truncated when it hands out a next token.
        is_truncated = bool(next_token) if truncated is None else truncated
        request_token = _request_token(response)
        return Page(
            items, next_token or None, is_truncated, _optional_int(doc, "total", schema), request_token
        )

    return decode


def _request_token(response: httpx.Response) -> str | None:
    try:
        body = json.loads(response.request.content or b"{}")
    except ValueError:
        return None
    token = body.get("token") if isinstance(body, dict) else None
    return token if isinstance(token, str) else None


def _offset_page(response: httpx.Response) -> Page[HardwareConstraint]:
    schema = "HardwareConstraintOffsetPage"
    doc = _json(response)
    if not isinstance(doc, dict) or "data" not in doc:
        raise ParseError("expected an object with 'data'", schema=schema, path="$")
    items = cast(
        list[HardwareConstraint], DECODERS.decode_union_list(_HARDWARE_CONSTRAINTS, doc["data"], "$.data")
    )
    offset = _optional_int(doc, "offset", schema) or 0
    total = _optional_int(doc, "total", schema)
    after = offset + len(items)
    more = bool(items) and (total is None or after < total)
    return Page(items, str(after) if more else None, more, total, str(offset))


def _bulk(response: httpx.Response) -> IdOutput | list[BulkTaskResult]:
    doc = _json(response)
    if isinstance(doc, list):
        return cast(list[BulkTaskResult], DECODERS.decode_list(BulkTaskResult, doc))
    return cast(IdOutput, DECODERS.decode(IdOutput, doc))


# -- operations -------------------------------------------------------------------------------


@attrs.frozen
class Op(Generic[R]):
    """One operation: its id (a key of ``OPERATIONS``), request builder, body model and decoder."""

    id: str
    build: Callable[..., dict[str, Any]]
    decode: Callable[[httpx.Response], R]
    body: Callable[[Any], Any] | None = None


def _body(cls: Any) -> Callable[[Any], Any]:
    """Turn a request-body dict into the generated input model (``from_dict`` checks required members)."""

    def convert(value: Any) -> Any:
        if isinstance(value, cls):
            return value
        if not isinstance(value, Mapping):
            raise InvalidValueError(
                "request body", [Problem(cls.__name__, f"expected a mapping, got {type(value).__name__}")]
            )
        try:
            return cls.from_dict(value)
        except KeyError as exc:
            raise InvalidValueError(
                "request body", [Problem(cls.__name__, f"missing required {exc.args[0]!r}")]
            ) from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise InvalidValueError("request body", [Problem(cls.__name__, str(exc))]) from None

    return convert


def _task_bodies(value: Any) -> Any:
    convert = _body(_models.TaskCreationInput)
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return [convert(item) for item in value]
    return convert(value)


_page_body = _body(_models.PageDetailRequest)
_search_body = _body(_models.DataDetailRequest)
_scaling_body = _body(_models.ScalingInput)


def secret_path(kind: str, key: str) -> str:
    """``/secrets-manager/<kind>/<key>`` with each segment of ``key`` percent-encoded on its own.

    ``kind`` is ``data`` (one secret) or ``search`` (a prefix; ``""`` lists the root). Empty, ``.``
    and ``..`` segments are refused: servers and proxies collapse them, so the request would reach
    another key.
    """
    if not isinstance(key, str):
        raise InvalidValueError(
            "secret key", [Problem(repr(key), f"expected a str, got {type(key).__name__}")]
        )
    stripped = key.strip("/")
    if kind == "data" and not stripped:
        raise InvalidValueError("secret key", [Problem(key, "a secret key cannot be empty")])
    segments = stripped.split("/") if stripped else []
    bad = [s for s in segments if s in ("", ".", "..")]
    if bad:
        raise InvalidValueError("secret key", [Problem(key, "empty, '.' and '..' segments are not allowed")])
    encoded = "/".join(quote(segment, safe="") for segment in segments)
    if kind == "search" and encoded:
        encoded += "/"
    return f"/secrets-manager/{kind}/{encoded}"


def _secret_kwargs(method: str, kind: str) -> Callable[..., dict[str, Any]]:
    def build(key: str, body: Any = None) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"method": method, "url": secret_path(kind, key)}
        if body is not None:
            kwargs["json"] = body.to_dict()
        return kwargs

    return build


_secret_body = _body(SecretValue)


class OPS:
    """The operations, by operationId (see ``_operations.OPERATIONS`` for their retry safety)."""

    # api / users
    get_api_root: Final = Op("get_api_root", get_api_root._get_kwargs, _nothing)
    get_settings: Final = Op("get_settings", get_settings._get_kwargs, _model(SettingsOutput))
    get_status: Final = Op("get_status", get_status._get_kwargs, _nothing)
    list_versions: Final = Op("list_versions", list_versions._get_kwargs, _model_list(VersionOutput))
    get_user_info: Final = Op("get_user_info", get_user_info._get_kwargs, _model(UserOutput))
    # profiles, hardware constraints
    list_profiles: Final = Op("list_profiles", list_profiles._get_kwargs, _strings)
    get_profile: Final = Op("get_profile", get_profile._get_kwargs, _model(ProfileOutput))
    list_hardware_constraints: Final = Op(
        "list_hardware_constraints", list_hardware_constraints._get_kwargs, _offset_page
    )
    search_cpu_model_constraints: Final = Op(
        "search_cpu_model_constraints", search_cpu_model_constraints._get_kwargs, _hardware_constraints
    )
    # jobs
    list_jobs: Final = Op("list_jobs", list_jobs._get_kwargs, _model_list(JobOutput))
    create_job: Final = Op(
        "create_job", create_job._get_kwargs, _model(IdOutput), _body(_models.JobCreationInput)
    )
    search_jobs: Final = Op("search_jobs", search_jobs._get_kwargs, _model_list(JobOutput), _search_body)
    paginate_jobs: Final = Op(
        "paginate_jobs", paginate_jobs._get_kwargs, _token_page(JobOutput, "JobOutputPage"), _page_body
    )
    terminate_job: Final = Op("terminate_job", terminate_job._get_kwargs, _nothing)
    delete_job: Final = Op("delete_job", delete_job._get_kwargs, _nothing)
    get_job: Final = Op("get_job", get_job._get_kwargs, _model(JobOutput))
    list_job_tasks: Final = Op("list_job_tasks", list_job_tasks._get_kwargs, _model_list(TaskOutput))
    # pools
    list_pool_summaries: Final = Op(
        "list_pool_summaries", list_pool_summaries._get_kwargs, _model_list(PoolSummaryOutput)
    )
    paginate_pool_summaries: Final = Op(
        "paginate_pool_summaries",
        paginate_pool_summaries._get_kwargs,
        _token_page(PoolSummaryOutput, "PoolSummaryOutputPage"),
        _page_body,
    )
    list_pools: Final = Op("list_pools", list_pools._get_kwargs, _model_list(PoolOutput))
    create_pool: Final = Op(
        "create_pool", create_pool._get_kwargs, _model(IdOutput), _body(_models.PoolCreationInput)
    )
    search_pools: Final = Op("search_pools", search_pools._get_kwargs, _model_list(PoolOutput), _search_body)
    paginate_pools: Final = Op(
        "paginate_pools", paginate_pools._get_kwargs, _token_page(PoolOutput, "PoolOutputPage"), _page_body
    )
    clone_pool: Final = Op(
        "clone_pool", clone_pool._get_kwargs, _model(IdOutput), _body(_models.PoolCloneInput)
    )
    get_pool: Final = Op("get_pool", get_pool._get_kwargs, _model(PoolOutput))
    update_pool_resources: Final = Op("update_pool_resources", update_pool_resources._get_kwargs, _nothing)
    update_pool: Final = Op("update_pool", update_pool._get_kwargs, _nothing, _body(_models.PoolUpdateInput))
    delete_pool: Final = Op("delete_pool", delete_pool._get_kwargs, _nothing)
    close_pool: Final = Op("close_pool", close_pool._get_kwargs, _nothing)
    list_pool_jobs: Final = Op("list_pool_jobs", list_pool_jobs._get_kwargs, _model_list(JobOutput))
    list_pool_tasks: Final = Op("list_pool_tasks", list_pool_tasks._get_kwargs, _model_list(TaskOutput))
    get_pool_stdout: Final = Op("get_pool_stdout", get_pool_stdout._get_kwargs, _text)
    get_pool_fresh_stdout: Final = Op("get_pool_fresh_stdout", get_pool_fresh_stdout._get_kwargs, _text)
    get_pool_instance_stdout: Final = Op(
        "get_pool_instance_stdout", get_pool_instance_stdout._get_kwargs, _text
    )
    get_pool_instance_fresh_stdout: Final = Op(
        "get_pool_instance_fresh_stdout", get_pool_instance_fresh_stdout._get_kwargs, _text
    )
    get_pool_stderr: Final = Op("get_pool_stderr", get_pool_stderr._get_kwargs, _text)
    get_pool_fresh_stderr: Final = Op("get_pool_fresh_stderr", get_pool_fresh_stderr._get_kwargs, _text)
    get_pool_instance_stderr: Final = Op(
        "get_pool_instance_stderr", get_pool_instance_stderr._get_kwargs, _text
    )
    get_pool_instance_fresh_stderr: Final = Op(
        "get_pool_instance_fresh_stderr", get_pool_instance_fresh_stderr._get_kwargs, _text
    )
    get_pool_scaling: Final = Op("get_pool_scaling", get_pool_scaling._get_kwargs, _model(ScalingOutput))
    update_pool_scaling: Final = Op(
        "update_pool_scaling", update_pool_scaling._get_kwargs, _nothing, _scaling_body
    )
    check_pool_scaling: Final = Op(
        "check_pool_scaling", check_pool_scaling._get_kwargs, _nothing, _scaling_body
    )
    # tasks
    list_tasks: Final = Op("list_tasks", list_tasks._get_kwargs, _model_list(TaskOutput))
    create_task: Final = Op("create_task", create_task._get_kwargs, _bulk, _task_bodies)
    list_task_summaries: Final = Op(
        "list_task_summaries", list_task_summaries._get_kwargs, _model_list(TaskSummaryOutput)
    )
    paginate_task_summaries: Final = Op(
        "paginate_task_summaries",
        paginate_task_summaries._get_kwargs,
        _token_page(TaskSummaryOutput, "TaskSummaryOutputPage"),
        _page_body,
    )
    search_tasks: Final = Op("search_tasks", search_tasks._get_kwargs, _model_list(TaskOutput), _search_body)
    paginate_tasks: Final = Op(
        "paginate_tasks", paginate_tasks._get_kwargs, _token_page(TaskOutput, "TaskOutputPage"), _page_body
    )
    start_periodic_snapshot: Final = Op(
        "start_periodic_snapshot",
        start_periodic_snapshot._get_kwargs,
        _nothing,
        _body(_models.PeriodicSnapshot),
    )
    request_snapshot: Final = Op(
        "request_snapshot",
        request_snapshot._get_kwargs,
        _model(SnapshotIdOutput),
        _body(_models.UniqueSnapshot),
    )
    get_snapshot_status: Final = Op(
        "get_snapshot_status", get_snapshot_status._get_kwargs, _model(SnapshotStatusOutput)
    )
    retry_task: Final = Op(
        "retry_task", retry_task._get_kwargs, _model(IdOutput), _body(_models.TaskRetryInput)
    )
    recover_task: Final = Op(
        "recover_task", recover_task._get_kwargs, _model(IdOutput), _body(_models.TaskRecoverInput)
    )
    resume_task: Final = Op(
        "resume_task", resume_task._get_kwargs, _model(IdOutput), _body(_models.TaskResumeInput)
    )
    clone_task: Final = Op(
        "clone_task", clone_task._get_kwargs, _model(IdOutput), _body(_models.TaskCloneInput)
    )
    update_task: Final = Op("update_task", update_task._get_kwargs, _nothing, _body(_models.TaskUpdateInput))
    update_task_resources: Final = Op("update_task_resources", update_task_resources._get_kwargs, _nothing)
    delete_task: Final = Op("delete_task", delete_task._get_kwargs, _nothing)
    get_task: Final = Op("get_task", get_task._get_kwargs, _model(TaskOutput))
    abort_task: Final = Op("abort_task", abort_task._get_kwargs, _nothing)
    get_task_stdout: Final = Op("get_task_stdout", get_task_stdout._get_kwargs, _text)
    get_task_fresh_stdout: Final = Op("get_task_fresh_stdout", get_task_fresh_stdout._get_kwargs, _text)
    get_task_instance_stdout: Final = Op(
        "get_task_instance_stdout", get_task_instance_stdout._get_kwargs, _text
    )
    get_task_instance_fresh_stdout: Final = Op(
        "get_task_instance_fresh_stdout", get_task_instance_fresh_stdout._get_kwargs, _text
    )
    get_task_stderr: Final = Op("get_task_stderr", get_task_stderr._get_kwargs, _text)
    get_task_fresh_stderr: Final = Op("get_task_fresh_stderr", get_task_fresh_stderr._get_kwargs, _text)
    get_task_instance_stderr: Final = Op(
        "get_task_instance_stderr", get_task_instance_stderr._get_kwargs, _text
    )
    get_task_instance_fresh_stderr: Final = Op(
        "get_task_instance_fresh_stderr", get_task_instance_fresh_stderr._get_kwargs, _text
    )
    # secrets manager (paths built here: see secret_path)
    get_secret: Final = Op("get_secret", _secret_kwargs("GET", "data"), _model(SecretValue))
    create_secret: Final = Op("create_secret", _secret_kwargs("PUT", "data"), _nothing, _secret_body)
    update_secret: Final = Op("update_secret", _secret_kwargs("PATCH", "data"), _nothing, _secret_body)
    delete_secret: Final = Op("delete_secret", _secret_kwargs("DELETE", "data"), _nothing)
    search_secrets: Final = Op("search_secrets", _secret_kwargs("GET", "search"), _model(SecretKeysOutput))


def all_ops() -> dict[str, Op[Any]]:
    """Every :class:`Op` by operationId."""
    return {name: op for name, op in vars(OPS).items() if isinstance(op, Op)}


def request_args(op: Op[Any], kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of one call (pure; shared by both executors).

    ``None`` arguments are left out (the generated builders use ``UNSET`` for "not given"); a
    ``body`` is converted to the operation's input model first.
    """
    args = {k: v for k, v in kwargs.items() if v is not None}
    if "body" in args and op.body is not None:
        args["body"] = op.body(args["body"])
    request = op.build(**args)
    request["extensions"] = {IDEMPOTENT_EXTENSION: OPERATIONS[op.id].idempotent}
    return request


class Executor:
    """Runs operations on a sync httpx client: the only sync I/O of the facade."""

    def __init__(self, http: httpx.Client) -> None:
        self.http = http

    def run(self, op: Op[R], /, **kwargs: Any) -> R:
        """Send ``op`` with ``kwargs`` (the generated builder's arguments) and decode the answer."""
        return op.decode(self.http.request(**request_args(op, kwargs)))


class AsyncExecutor:
    """Runs operations on an async httpx client: the only async I/O of the facade."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def run(self, op: Op[R], /, **kwargs: Any) -> R:
        """Send ``op`` with ``kwargs`` and decode the answer."""
        return op.decode(await self.http.request(**request_args(op, kwargs)))
