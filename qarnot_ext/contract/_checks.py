"""The runner's own checks and hooks, plugged into schemathesis for the duration of a run.

Checks schemathesis does not have:

* ``custom_format_conformance`` (``QC108``): values in ``qarnot-date-time``, ``date-span`` and
  ``time-of-day`` fields must parse with the toolkit's value types (schemathesis validates only the
  standard formats such as ``uuid`` and ``date-time``; the patterns cannot reject ``00:75:00``).
* ``auth_rejected_with_401`` (``QC401``): the contract says a missing or wrong token is answered
  **401**. schemathesis' ``ignored_auth`` also accepts 403, and its ``missing_required_header`` only
  runs in the coverage phase. After the first success of each secured operation, this check sends the
  same request once without ``Authorization`` and once with a wrong token, and wants 401 for both.

Hooks:

* ``before_call`` (process-wide in schemathesis): full mode's resource guard (``_resources``);
* ``after_call``: records what full mode created;
* ``filter_failure``: turns tolerated drift into warnings (``_drift``).

Everything is registered by :func:`installed` and removed afterwards, so that nothing leaks into other
schemathesis users of the same process.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any, ClassVar, Final

import httpx
import jsonschema_rs
import schemathesis
from schemathesis.checks import CHECKS, CheckContext
from schemathesis.core import NOT_SET
from schemathesis.core.failures import Failure, Severity
from schemathesis.generation import GenerationMode
from schemathesis.generation.meta import TestPhase
from schemathesis.hooks import GLOBAL_HOOK_DISPATCHER, HookContext
from schemathesis.openapi.checks import EnsureResourceAvailability, JsonSchemaError

from qarnot_ext import DateSpan, InvalidValueError, TimeOfDay, parse_timestamp
from qarnot_ext.contract._context import RunContext, context_for
from qarnot_ext.contract._drift import drift_kind
from qarnot_ext.contract._formats import CUSTOM_FORMATS, FORMAT_VALIDATORS
from qarnot_ext.contract._redact import MIN_SCRUBBED_LENGTH
from qarnot_ext.contract._results import DriftWarning

__all__ = [
    "CUSTOM_CHECKS",
    "AuthNotRejected",
    "FormatViolation",
    "installed",
    "response_schema",
    "schema_hooks",
]

_JSON_TYPES: Final = ("application/json", "application/problem+json")
_MAX_LISTED: Final = 5


class FormatViolation(Failure):
    """A response value does not parse as its custom format."""

    code: ClassVar[str] = "QC108"
    checks: ClassVar[tuple[str, ...]] = ("custom_format_conformance",)
    kind_title: ClassVar[str] = "Response value violates a custom format"


class AuthNotRejected(Failure):
    """A request without a valid token was not answered 401."""

    code: ClassVar[str] = "QC401"
    checks: ClassVar[tuple[str, ...]] = ("auth_rejected_with_401",)
    kind_title: ClassVar[str] = "Missing or invalid token not answered 401"


def _media_type(response: Any) -> str:
    values = response.headers.get("content-type") or [""]
    return str(values[0]).split(";")[0].strip().lower()


def _document(response: Any) -> tuple[bool, Any]:
    try:
        return True, json.loads(response.content)
    except ValueError:
        return False, None


def response_schema(case: Any, response: Any) -> tuple[Any, str, str | None] | None:
    """(bundled schema, documented status key, media type) of a JSON response, if documented."""
    media = _media_type(response)
    if media not in _JSON_TYPES:
        return None
    definition = case.operation.responses.find_by_status_code(response.status_code)
    if definition is None:
        return None
    resolved = definition.get_schema(media)
    if resolved.schema is None:
        return None
    return resolved.schema, definition.status_code, resolved.media_type


def _format_validator(run: RunContext, case: Any, schema: Any, key: tuple[str, str, str | None]) -> Any:
    with run.lock:
        if key in run.validators:
            return run.validators[key]
    text = json.dumps(schema)
    validator = None
    if any(f'"format": "{name}"' in text for name in CUSTOM_FORMATS):
        validator_cls = case.operation.schema.adapter.jsonschema_validator_cls
        validator = validator_cls(schema, validate_formats=True, formats=FORMAT_VALIDATORS)
    with run.lock:
        run.validators[key] = validator
    return validator


def _reason(name: str, value: Any) -> str:
    parsers = {
        "qarnot-date-time": parse_timestamp,
        "date-span": DateSpan.parse,
        "time-of-day": TimeOfDay.parse,
    }
    try:
        parsers[name](value)
    except InvalidValueError as exc:
        return str(exc)
    return f"not a valid {name}"  # pragma: no cover - the validator and the parser are the same code


def custom_format_conformance(ctx: CheckContext, response: Any, case: Any) -> bool | None:
    """Values of the contract's custom formats must parse (see the module doc)."""
    del ctx
    run = context_for(case)
    if run is None:
        return None
    found = response_schema(case, response)
    if found is None:
        return None
    schema, status_key, media = found
    validator = _format_validator(run, case, schema, (case.operation.label, status_key, media))
    if validator is None:
        return None
    ok, document = _document(response)
    if not ok:
        return None  # malformed JSON is response_schema_conformance's finding
    problems = []
    for error in validator.iter_errors(document):
        if (
            isinstance(error.kind, jsonschema_rs.ValidationErrorKind.Format)
            and error.kind.format in CUSTOM_FORMATS
        ):
            where = "/" + "/".join(str(p) for p in error.instance_path)
            problems.append(f"{where}: {error.instance!r}: {_reason(error.kind.format, error.instance)}")
    if not problems:
        return None
    listed = "\n".join(f"- {p}" for p in problems[:_MAX_LISTED])
    more = f"\n(and {len(problems) - _MAX_LISTED} more)" if len(problems) > _MAX_LISTED else ""
    raise FormatViolation(
        operation=case.operation.label,
        message=run.redactor.text(f"HTTP {response.status_code}, {media}:\n{listed}{more}"),
        severity=Severity.HIGH,
    )


def _probe(run: RunContext, request: Any, authorization: str | None) -> httpx.Response:
    headers = {
        name: value
        for name, value in request.headers.items()
        if name.lower() not in ("authorization", "content-length", "host")
    }
    if authorization is not None:
        headers["Authorization"] = authorization
    body = request.body.encode() if isinstance(request.body, str) else request.body
    return run.probe_client.request(request.method, request.url, headers=headers, content=body)


def auth_rejected_with_401(ctx: CheckContext, response: Any, case: Any) -> bool | None:
    """Missing or wrong tokens must be answered 401 (see the module doc)."""
    del ctx
    run = context_for(case)
    if run is None:
        return None
    info = run.operations.get(case.operation.label)
    if info is None or not info.secured or not 200 <= response.status_code < 300:
        return None
    with run.lock:
        if info.label in run.auth_probed:
            return None
        run.auth_probed.add(info.label)
    problems = []
    try:
        for description, authorization in (
            ("without a token", None),
            ("with a wrong token", run.wrong_token),
        ):
            probe = _probe(run, response.request, authorization)
            if run.guard is not None:
                # A server that ignores the token has just performed the request again.
                run.guard.observe(
                    info.operation_id, case.path_parameters, probe.status_code, _safe_json(probe)
                )
            if probe.status_code != 401:
                problems.append(f"{description}: HTTP {probe.status_code} {probe.text[:300]!r}")
    except httpx.HTTPError:
        with run.lock:
            run.auth_probed.discard(info.label)  # no answer, no verdict: try again on a later case
        return None
    if not problems:
        return None
    raise AuthNotRejected(
        operation=case.operation.label,
        message=run.redactor.text(
            f"{response.request.method} {case.formatted_path} succeeded with the token, and then\n"
            + "\n".join(f"- {p}" for p in problems)
            + "\nexpected HTTP 401 each time."
        ),
        severity=Severity.CRITICAL,
    )


def _safe_json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


CUSTOM_CHECKS: Final = (custom_format_conformance, auth_rejected_with_401)


def before_call(context: HookContext, case: Any, kwargs: dict[str, Any]) -> None:
    """Apply full mode's resource guard to the request about to be sent."""
    del context, kwargs
    run = context_for(case)
    if run is None or run.guard is None:
        return
    operation_id = run.operation_id(case.operation.label)
    meta = case.meta
    scenario = (
        meta is not None
        and meta.phase.name == TestPhase.STATEFUL
        and meta.generation.mode == GenerationMode.POSITIVE
    )
    path_parameters, body = run.guard.prepare(
        operation_id, case.path_parameters, _body(case), scenario=scenario
    )
    if path_parameters is not case.path_parameters:
        with run.lock:
            run.reaimed.add(case.id)
        case.path_parameters = path_parameters
    if body is not _body(case):
        case.body = body


def _body(case: Any) -> Any:
    return None if case.body is NOT_SET else case.body


def _learn_secrets(run: RunContext, case: Any, document: Any) -> None:
    """Secrets-manager values sent or received become secrets the reports must not show."""
    info = run.operations.get(case.operation.label)
    if info is None or info.resource != "secret":
        return
    values = []
    for source in (_body(case), document):
        if isinstance(source, dict):
            values += [v for k, v in source.items() if k.lower() == "value" and isinstance(v, str)]
    run.redactor.add(*(v for v in values if len(v) >= MIN_SCRUBBED_LENGTH))


def _after_call(context: HookContext, case: Any, response: Any) -> None:
    del context
    run = context_for(case)
    if run is None:
        return
    info = run.operations.get(case.operation.label)
    secret = info is not None and info.resource == "secret"
    if run.guard is None and not secret:
        return  # the common case: no body to parse
    ok, document = _document(response)
    if secret:
        _learn_secrets(run, case, document if ok else None)
    if run.guard is None:
        return
    run.guard.observe(
        run.operation_id(case.operation.label),
        case.path_parameters,
        response.status_code,
        document if ok else None,
    )


def _filter_failure(context: HookContext, failure: Failure, case: Any, response: Any) -> bool:
    del context
    run = context_for(case)
    if run is None:
        return True
    if isinstance(failure, EnsureResourceAvailability):
        # A request the guard re-aimed at a resource that cannot exist proves nothing about the one
        # just created (schemathesis counts the guard's edit as a link-supplied value).
        with run.lock:
            if case.id in run.reaimed:
                return False
    if not run.drift.enabled:
        return True
    # Only body schema failures can be enum drift (header failures carry another title).
    if not isinstance(failure, JsonSchemaError) or failure.title != JsonSchemaError.kind_title:
        return True
    found = response_schema(case, response)
    ok, document = _document(response)
    if found is None or not ok:
        return True
    validator_cls = case.operation.schema.adapter.jsonschema_validator_cls
    kind = drift_kind(run.drift, found[0], validator_cls, document, list(failure.instance_path))
    if kind is None:
        return True
    where = "/" + "/".join(str(p) for p in failure.instance_path)
    run.warn(
        DriftWarning(
            operation_id=run.operation_id(case.operation.label),
            check="response_schema_conformance",
            kind=kind,
            message=run.redactor.text(f"HTTP {response.status_code} {where}: {failure.instance!r} ({kind})"),
        )
    )
    return False


@contextlib.contextmanager
def installed() -> Iterator[None]:
    """Register the custom checks and the ``before_call`` hook for a run; remove them afterwards."""
    registered = []
    for check in CUSTOM_CHECKS:
        if check.__name__ not in CHECKS.get_all_names():
            schemathesis.check(check)
            registered.append(check.__name__)
    GLOBAL_HOOK_DISPATCHER.register_hook_with_name(before_call, "before_call")
    try:
        yield
    finally:
        GLOBAL_HOOK_DISPATCHER.unregister(before_call)
        for name in registered:
            CHECKS.unregister(name)


@contextlib.contextmanager
def schema_hooks(schema: Any) -> Iterator[None]:
    """Register the schema-scoped hooks (``after_call``, ``filter_failure``) on the run's schema."""
    schema.hooks.register_hook_with_name(_after_call, "after_call")
    schema.hooks.register_hook_with_name(_filter_failure, "filter_failure")
    try:
        yield
    finally:
        schema.hooks.unregister(_after_call)
        schema.hooks.unregister(_filter_failure)
