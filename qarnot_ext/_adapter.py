"""The only module of ``qarnot_ext`` that imports the generated client (``qarnot_api``).

It does four things:

1. Builds the httpx clients and the generated ``Client`` over them (:func:`build_http`,
   :func:`build_async_http`, :func:`generated_client`): token auth, finite timeouts, TLS and proxy
   settings, the retrying transport, and a response hook that raises our exceptions for every
   status >= 400 before the generated code parses anything.
2. Describes each operation as an :class:`Op`: its request is built from the generated operation
   table (``qarnot_api.operations``: method, path, parameters and their names on the wire, all from
   the spec) and its answer decoded by the generated models. The I/O is one call in
   :class:`Executor` and one in :class:`AsyncExecutor`.
3. Decodes every response through :class:`~qarnot_ext._decode.Decoders` (the generated ``from_dict``,
   repair of raw fallbacks, :class:`~qarnot_ext.ParseError` naming the path for a body that does not
   match).
4. Builds the secrets-manager paths itself, percent-encoding each segment of a key (one segment per
   path parameter would encode ``team/db`` as ``team%2Fdb``).

Nothing here loads the generated models at import: they are imported on first use (an operation's
first answer, or a model name read from this module, PEP 562), which keeps ``import qarnot_ext``
cheap. Resource modules import the :class:`Op` constants and the model types from here.
"""

from __future__ import annotations

import importlib
import json
import ssl
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar, cast
from urllib.parse import quote

import attrs
import httpx

from qarnot_api.operations import OPERATIONS as TABLE
from qarnot_api.types import UNSET
from qarnot_ext._config import ClientConfig
from qarnot_ext._decode import Decoders
from qarnot_ext._errors import InvalidTypeError, InvalidValueError, ParseError, Problem
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
from qarnot_ext._pagination import Page

if TYPE_CHECKING:
    from qarnot_api.client import Client as GeneratedClient
    from qarnot_api.models import (
        AlwaysTimePeriod,
        BulkTaskResult,
        CpuModelHardwareConstraint,
        ElasticPropertyInput,
        ElasticPropertyOutput,
        FixedScalingPolicy,
        ForcedConstant,
        GpuHardwareConstraint,
        IdOutput,
        JobOutput,
        JobState,
        KeyValue,
        ManagedTasksQueueScalingPolicy,
        MaximumCoreHardwareConstraint,
        MaximumRamCoreRatioHardwareConstraint,
        MaximumRamHardwareConstraint,
        MinimumCoreHardwareConstraint,
        MinimumRamCoreRatioHardwareConstraint,
        MinimumRamHardwareConstraint,
        NoGpuHardwareConstraint,
        NoSSDHardwareConstraint,
        PoolOutput,
        PoolPreparationTaskInput,
        PoolPreparationTaskOutput,
        PoolState,
        PoolSummaryOutput,
        Privileges,
        ProfileOutput,
        ResourcesBucket,
        RetrySettings,
        ScalingInput,
        ScalingOutput,
        SecretKeysOutput,
        SecretValue,
        SettingsOutput,
        SnapshotIdOutput,
        SnapshotStatusOutput,
        SpecificHardwareConstraint,
        SSDHardwareConstraint,
        TaskOutput,
        TaskState,
        TaskStatus,
        TaskSummaryOutput,
        UnknownHardwareConstraint,
        UnknownScalingPolicy,
        UnknownTimePeriod,
        UserOutput,
        VersionOutput,
        WeeklyTimePeriod,
    )

    HardwareConstraint = (
        CpuModelHardwareConstraint
        | GpuHardwareConstraint
        | MaximumCoreHardwareConstraint
        | MaximumRamCoreRatioHardwareConstraint
        | MaximumRamHardwareConstraint
        | MinimumCoreHardwareConstraint
        | MinimumRamCoreRatioHardwareConstraint
        | MinimumRamHardwareConstraint
        | NoGpuHardwareConstraint
        | NoSSDHardwareConstraint
        | SpecificHardwareConstraint
        | SSDHardwareConstraint
        | UnknownHardwareConstraint
    )
    """Any hardware constraint; unknown kinds arrive as ``UnknownHardwareConstraint``."""
    ScalingPolicy = FixedScalingPolicy | ManagedTasksQueueScalingPolicy | UnknownScalingPolicy
    """Any scaling policy of a pool; unknown kinds arrive as ``UnknownScalingPolicy``."""
    TimePeriod = AlwaysTimePeriod | WeeklyTimePeriod | UnknownTimePeriod
    """Any time period of a scaling policy; unknown kinds arrive as ``UnknownTimePeriod``."""

__all__ = [
    "DECODERS",
    "OPS",
    "TABLE",
    "AlwaysTimePeriod",
    "AsyncExecutor",
    "BulkTaskResult",
    "CpuModelHardwareConstraint",
    "ElasticPropertyInput",
    "ElasticPropertyOutput",
    "Executor",
    "FixedScalingPolicy",
    "ForcedConstant",
    "GeneratedClient",
    "GpuHardwareConstraint",
    "HardwareConstraint",
    "IdOutput",
    "JobOutput",
    "JobState",
    "KeyValue",
    "ManagedTasksQueueScalingPolicy",
    "MaximumCoreHardwareConstraint",
    "MaximumRamCoreRatioHardwareConstraint",
    "MaximumRamHardwareConstraint",
    "MinimumCoreHardwareConstraint",
    "MinimumRamCoreRatioHardwareConstraint",
    "MinimumRamHardwareConstraint",
    "NoGpuHardwareConstraint",
    "NoSSDHardwareConstraint",
    "Op",
    "PoolOutput",
    "PoolPreparationTaskInput",
    "PoolPreparationTaskOutput",
    "PoolState",
    "PoolSummaryOutput",
    "Privileges",
    "ProfileOutput",
    "ResourcesBucket",
    "RetrySettings",
    "SSDHardwareConstraint",
    "ScalingInput",
    "ScalingOutput",
    "ScalingPolicy",
    "SettingsOutput",
    "SnapshotIdOutput",
    "SnapshotStatusOutput",
    "SpecificHardwareConstraint",
    "TaskOutput",
    "TaskState",
    "TaskStatus",
    "TaskSummaryOutput",
    "TimePeriod",
    "UnknownHardwareConstraint",
    "UnknownScalingPolicy",
    "UnknownTimePeriod",
    "UserOutput",
    "VersionOutput",
    "WeeklyTimePeriod",
    "build_async_http",
    "build_http",
    "generated_client",
    "model",
    "models_namespace",
    "secret_path",
]

R = TypeVar("R")
M = TypeVar("M")

_HARDWARE_CONSTRAINT_NAMES: Final = (
    "CpuModelHardwareConstraint",
    "GpuHardwareConstraint",
    "MaximumCoreHardwareConstraint",
    "MaximumRamCoreRatioHardwareConstraint",
    "MaximumRamHardwareConstraint",
    "MinimumCoreHardwareConstraint",
    "MinimumRamCoreRatioHardwareConstraint",
    "MinimumRamHardwareConstraint",
    "NoGpuHardwareConstraint",
    "NoSSDHardwareConstraint",
    "SpecificHardwareConstraint",
    "SSDHardwareConstraint",
    "UnknownHardwareConstraint",
)
_UNIONS: Final = {
    "HardwareConstraint": _HARDWARE_CONSTRAINT_NAMES,
    "ScalingPolicy": ("FixedScalingPolicy", "ManagedTasksQueueScalingPolicy", "UnknownScalingPolicy"),
    "TimePeriod": ("AlwaysTimePeriod", "WeeklyTimePeriod", "UnknownTimePeriod"),
}


class _ModelsNamespace(Mapping[str, Any]):
    """The generated models package as a mapping, imported on first read."""

    def _package(self) -> Any:
        return importlib.import_module("qarnot_api.models")

    def __getitem__(self, name: str) -> Any:
        try:
            return getattr(self._package(), name)
        except AttributeError:
            raise KeyError(name) from None

    def __iter__(self) -> Any:
        return iter(self._package().__all__)

    def __len__(self) -> int:
        return len(self._package().__all__)


def models_namespace() -> Mapping[str, Any]:
    """The generated models by class name (each model module imported on first read)."""
    return _NAMESPACE


_NAMESPACE: Final = _ModelsNamespace()


def model(name: str) -> Any:
    """The generated model class ``name`` (its module imported now if it was not)."""
    return _NAMESPACE[name]


def __getattr__(name: str) -> Any:
    # Model names and the unions, loaded on first use (PEP 562): see the module docstring.
    if name == "GeneratedClient":
        value: Any = importlib.import_module("qarnot_api.client").Client
    elif name in _UNIONS:
        classes = [model(n) for n in _UNIONS[name]]
        value = classes[0]
        for cls in classes[1:]:
            value = value | cls
    else:
        try:
            value = model(name)
        except KeyError:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    globals()[name] = value
    return value


DECODERS: Final = Decoders(_NAMESPACE, UNSET)
"""The decoders of the generated models (one per process)."""

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
    client: GeneratedClient = importlib.import_module("qarnot_api.client").Client(base_url=config.base_url)
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


def _model(name: str) -> Callable[[httpx.Response], Any]:
    def decode(response: httpx.Response) -> Any:
        return DECODERS.decode(model(name), _json(response))

    return decode


def _model_list(name: str) -> Callable[[httpx.Response], list[Any]]:
    def decode(response: httpx.Response) -> list[Any]:
        return DECODERS.decode_list(model(name), _json(response))

    return decode


def _constraint_classes() -> tuple[type, ...]:
    return tuple(model(n) for n in _HARDWARE_CONSTRAINT_NAMES)


def _hardware_constraints(response: httpx.Response) -> list[HardwareConstraint]:
    items = DECODERS.decode_union_list(_constraint_classes(), _json(response))
    return cast(list["HardwareConstraint"], items)


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


def _token_page(name: str, schema: str) -> Callable[[httpx.Response], Page[Any]]:
    """Decode a token page; items one by one (a bad item is named by its index)."""

    def decode(response: httpx.Response) -> Page[Any]:
        doc = _json(response)
        if not isinstance(doc, dict):
            raise ParseError(f"expected an object, got {type(doc).__name__}", schema=schema, path="$")
        if "data" not in doc:
            raise ParseError("missing required member 'data'", schema=schema, path="$")
        # A page whose data is null (seen on empty listings) is an empty page.
        data = doc["data"]
        items = [] if data is None else DECODERS.decode_list(model(name), data, where="$.data")
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
    data = doc["data"]
    items = cast(
        list["HardwareConstraint"],
        [] if data is None else DECODERS.decode_union_list(_constraint_classes(), data, "$.data"),
    )
    offset = _optional_int(doc, "offset", schema) or 0
    total = _optional_int(doc, "total", schema)
    after = offset + len(items)
    more = bool(items) and (total is None or after < total)
    return Page(items, str(after) if more else None, more, total, str(offset))


def _bulk(response: httpx.Response) -> IdOutput | list[BulkTaskResult]:
    doc = _json(response)
    if isinstance(doc, list):
        return cast(list["BulkTaskResult"], DECODERS.decode_list(model("BulkTaskResult"), doc))
    return cast("IdOutput", DECODERS.decode(model("IdOutput"), doc))


# -- operations -------------------------------------------------------------------------------


@attrs.frozen
class Op(Generic[R]):
    """One operation: its id (a key of the generated ``TABLE``), request builder, decoder, body model."""

    id: str
    build: Callable[..., dict[str, Any]]
    decode: Callable[[httpx.Response], R]
    body: Callable[[Any], Any] | None = None


def _request(op_id: str) -> Callable[..., dict[str, Any]]:
    """The request builder of one operation, from the generated table (names and locations from the spec)."""
    entry = TABLE[op_id]

    def build(body: Any = None, **kwargs: Any) -> dict[str, Any]:
        path_values: dict[str, str] = {}
        params: dict[str, Any] = {}
        headers: dict[str, str] = {}
        for param in entry.params:
            value = kwargs.pop(param.name, None)
            if value is None:
                value = param.default
            if value is None:
                if param.required:
                    raise InvalidTypeError(
                        "arguments",
                        [Problem(param.name, f"{op_id}() missing required argument {param.name!r}")],
                    )
                continue
            if param.location == "path":
                path_values[param.wire] = quote(str(value), safe="")
            elif param.location == "query":
                params[param.wire] = value
            else:
                headers[param.wire] = str(value)
        if kwargs:
            raise InvalidTypeError(
                "arguments",
                [Problem(name, f"{op_id}() got an unexpected argument {name!r}") for name in sorted(kwargs)],
            )
        request: dict[str, Any] = {"method": entry.method, "url": entry.path.format(**path_values)}
        if params:
            request["params"] = params
        if headers:
            request["headers"] = headers
        if body is not None:
            request["json"] = [item.to_dict() for item in body] if isinstance(body, list) else body.to_dict()
        return request

    return build


def _body(name: str) -> Callable[[Any], Any]:
    """Turn a request-body dict into the generated input model (``from_dict`` checks required members)."""

    def convert(value: Any) -> Any:
        cls = model(name)
        if isinstance(value, cls):
            return value
        if not isinstance(value, Mapping):
            raise InvalidValueError(
                "request body", [Problem(name, f"expected a mapping, got {type(value).__name__}")]
            )
        try:
            return cls.from_dict(value)
        except KeyError as exc:
            missing = f"missing required {exc.args[0]!r}"
            raise InvalidValueError("request body", [Problem(name, missing)]) from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise InvalidValueError("request body", [Problem(name, str(exc))]) from None

    return convert


def _task_bodies(value: Any) -> Any:
    convert = _body("TaskCreationInput")
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return [convert(item) for item in value]
    return convert(value)


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


def _secret_kwargs(op_id: str, kind: str) -> Callable[..., dict[str, Any]]:
    method = TABLE[op_id].method

    def build(key: str, body: Any = None) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"method": method, "url": secret_path(kind, key)}
        if body is not None:
            kwargs["json"] = body.to_dict()
        return kwargs

    return build


def _decoder_of(op_id: str) -> Callable[[httpx.Response], Any]:
    """The answer's decoder, from the table's response shape (special shapes are named in _SPECIAL)."""
    if op_id in _SPECIAL:
        return _SPECIAL[op_id]
    entry = TABLE[op_id]
    shape = entry.response
    if shape is None or shape == "EmptyResult":
        return _nothing
    if shape == "text":
        return _text
    if entry.pagination == "token":
        return _token_page(shape.removesuffix("Page"), shape)
    if shape.startswith("list[") and shape.endswith("]"):
        return _model_list(shape[5:-1])
    return _model(shape)


_SPECIAL: Final[dict[str, Callable[[httpx.Response], Any]]] = {
    "list_profiles": _strings,
    "list_hardware_constraints": _offset_page,
    "search_cpu_model_constraints": _hardware_constraints,
    "create_task": _bulk,
    # No JSON body is read from these (a Location-only 200, or "{}").
    "get_api_root": _nothing,
    "get_status": _nothing,
}


def _body_of(op_id: str) -> Callable[[Any], Any] | None:
    shape = TABLE[op_id].body
    if shape is None:
        return None
    if op_id == "create_task":
        return _task_bodies
    return _body(shape)


def _op(op_id: str) -> Op[Any]:
    if op_id in ("get_secret", "create_secret", "update_secret", "delete_secret", "search_secrets"):
        build = _secret_kwargs(op_id, "search" if op_id == "search_secrets" else "data")
    else:
        build = _request(op_id)
    return Op(op_id, build, _decoder_of(op_id), _body_of(op_id))


class OPS:
    """The operations, by operationId (request, retry safety and shapes from the generated table)."""

    get_api_root: Final[Op[None]] = _op("get_api_root")
    get_settings: Final[Op[SettingsOutput]] = _op("get_settings")
    get_status: Final[Op[None]] = _op("get_status")
    list_versions: Final[Op[list[VersionOutput]]] = _op("list_versions")
    get_user_info: Final[Op[UserOutput]] = _op("get_user_info")
    list_profiles: Final[Op[list[str]]] = _op("list_profiles")
    get_profile: Final[Op[ProfileOutput]] = _op("get_profile")
    list_hardware_constraints: Final[Op[Page[HardwareConstraint]]] = _op("list_hardware_constraints")
    search_cpu_model_constraints: Final[Op[list[HardwareConstraint]]] = _op("search_cpu_model_constraints")
    list_jobs: Final[Op[list[JobOutput]]] = _op("list_jobs")
    create_job: Final[Op[IdOutput]] = _op("create_job")
    search_jobs: Final[Op[list[JobOutput]]] = _op("search_jobs")
    paginate_jobs: Final[Op[Page[JobOutput]]] = _op("paginate_jobs")
    terminate_job: Final[Op[None]] = _op("terminate_job")
    delete_job: Final[Op[None]] = _op("delete_job")
    get_job: Final[Op[JobOutput]] = _op("get_job")
    list_job_tasks: Final[Op[list[TaskOutput]]] = _op("list_job_tasks")
    list_pool_summaries: Final[Op[list[PoolSummaryOutput]]] = _op("list_pool_summaries")
    paginate_pool_summaries: Final[Op[Page[PoolSummaryOutput]]] = _op("paginate_pool_summaries")
    list_pools: Final[Op[list[PoolOutput]]] = _op("list_pools")
    create_pool: Final[Op[IdOutput]] = _op("create_pool")
    search_pools: Final[Op[list[PoolOutput]]] = _op("search_pools")
    paginate_pools: Final[Op[Page[PoolOutput]]] = _op("paginate_pools")
    clone_pool: Final[Op[IdOutput]] = _op("clone_pool")
    get_pool: Final[Op[PoolOutput]] = _op("get_pool")
    update_pool_resources: Final[Op[None]] = _op("update_pool_resources")
    update_pool: Final[Op[None]] = _op("update_pool")
    delete_pool: Final[Op[None]] = _op("delete_pool")
    close_pool: Final[Op[None]] = _op("close_pool")
    list_pool_jobs: Final[Op[list[JobOutput]]] = _op("list_pool_jobs")
    list_pool_tasks: Final[Op[list[TaskOutput]]] = _op("list_pool_tasks")
    get_pool_stdout: Final[Op[str]] = _op("get_pool_stdout")
    get_pool_fresh_stdout: Final[Op[str]] = _op("get_pool_fresh_stdout")
    get_pool_instance_stdout: Final[Op[str]] = _op("get_pool_instance_stdout")
    get_pool_instance_fresh_stdout: Final[Op[str]] = _op("get_pool_instance_fresh_stdout")
    get_pool_stderr: Final[Op[str]] = _op("get_pool_stderr")
    get_pool_fresh_stderr: Final[Op[str]] = _op("get_pool_fresh_stderr")
    get_pool_instance_stderr: Final[Op[str]] = _op("get_pool_instance_stderr")
    get_pool_instance_fresh_stderr: Final[Op[str]] = _op("get_pool_instance_fresh_stderr")
    get_pool_scaling: Final[Op[ScalingOutput]] = _op("get_pool_scaling")
    update_pool_scaling: Final[Op[None]] = _op("update_pool_scaling")
    check_pool_scaling: Final[Op[None]] = _op("check_pool_scaling")
    list_tasks: Final[Op[list[TaskOutput]]] = _op("list_tasks")
    create_task: Final[Op[IdOutput | list[BulkTaskResult]]] = _op("create_task")
    list_task_summaries: Final[Op[list[TaskSummaryOutput]]] = _op("list_task_summaries")
    paginate_task_summaries: Final[Op[Page[TaskSummaryOutput]]] = _op("paginate_task_summaries")
    search_tasks: Final[Op[list[TaskOutput]]] = _op("search_tasks")
    paginate_tasks: Final[Op[Page[TaskOutput]]] = _op("paginate_tasks")
    start_periodic_snapshot: Final[Op[None]] = _op("start_periodic_snapshot")
    request_snapshot: Final[Op[SnapshotIdOutput]] = _op("request_snapshot")
    get_snapshot_status: Final[Op[SnapshotStatusOutput]] = _op("get_snapshot_status")
    retry_task: Final[Op[IdOutput]] = _op("retry_task")
    recover_task: Final[Op[IdOutput]] = _op("recover_task")
    resume_task: Final[Op[IdOutput]] = _op("resume_task")
    clone_task: Final[Op[IdOutput]] = _op("clone_task")
    update_task: Final[Op[None]] = _op("update_task")
    update_task_resources: Final[Op[None]] = _op("update_task_resources")
    delete_task: Final[Op[None]] = _op("delete_task")
    get_task: Final[Op[TaskOutput]] = _op("get_task")
    abort_task: Final[Op[None]] = _op("abort_task")
    get_task_stdout: Final[Op[str]] = _op("get_task_stdout")
    get_task_fresh_stdout: Final[Op[str]] = _op("get_task_fresh_stdout")
    get_task_instance_stdout: Final[Op[str]] = _op("get_task_instance_stdout")
    get_task_instance_fresh_stdout: Final[Op[str]] = _op("get_task_instance_fresh_stdout")
    get_task_stderr: Final[Op[str]] = _op("get_task_stderr")
    get_task_fresh_stderr: Final[Op[str]] = _op("get_task_fresh_stderr")
    get_task_instance_stderr: Final[Op[str]] = _op("get_task_instance_stderr")
    get_task_instance_fresh_stderr: Final[Op[str]] = _op("get_task_instance_fresh_stderr")
    get_secret: Final[Op[SecretValue]] = _op("get_secret")
    create_secret: Final[Op[None]] = _op("create_secret")
    update_secret: Final[Op[None]] = _op("update_secret")
    delete_secret: Final[Op[None]] = _op("delete_secret")
    search_secrets: Final[Op[SecretKeysOutput]] = _op("search_secrets")


def all_ops() -> dict[str, Op[Any]]:
    """Every :class:`Op` by operationId."""
    return {name: op for name, op in vars(OPS).items() if isinstance(op, Op)}


def request_args(op: Op[Any], kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of one call (pure; shared by both executors).

    ``None`` arguments are left out (the spec's default, if any, is sent instead); a ``body`` is
    converted to the operation's input model first.
    """
    args = {k: v for k, v in kwargs.items() if v is not None}
    if "body" in args and op.body is not None:
        args["body"] = op.body(args["body"])
    request = op.build(**args)
    request["extensions"] = {IDEMPOTENT_EXTENSION: TABLE[op.id].idempotent}
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
