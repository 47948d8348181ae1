"""The contract run: schemathesis' engine pointed at a server, its events folded into a verdict.

One run:

1. reads the spec and selects the operations (safe ones only in ``safe`` mode, ``--operations``);
2. checks that the server answers and accepts the token (refused connection or 401 → exit 2: no
   verdict is possible);
3. runs schemathesis' phases (examples, coverage, fuzzing, and in ``full`` mode the stateful scenarios
   along the spec's links) with the checks of :data:`CHECKS` and the runner's own (``_checks``);
4. folds every scenario into per-operation results (cases, statuses, latencies, distinct violations
   with their HTTP exchanges, the failing response and the cause they share with others: ``_causes``);
5. tells the operations the server does not have at all from the others (``_served``);
6. in ``full`` mode, deletes what it created, also after Ctrl-C.

Nothing from an earlier run changes a new one: schemathesis' cache (``.schemathesis`` in the working
directory) and hypothesis' example database are off, so a seed replays the same findings; the seed
and the command line (token redacted) are in the reports.
"""

from __future__ import annotations

import json
import random
import re
import shlex
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, Protocol

import httpx
import requests
import schemathesis
from schemathesis.engine import Status, StopReason, events, from_schema

from qarnot_ext import ConfigError
from qarnot_ext.contract._causes import cause_of
from qarnot_ext.contract._checks import installed, response_schema, schema_hooks
from qarnot_ext.contract._context import RunContext, active
from qarnot_ext.contract._drift import DriftPolicy
from qarnot_ext.contract._formats import registered_formats
from qarnot_ext.contract._messages import response_excerpt, schema_errors
from qarnot_ext.contract._names import CHECKS, FULL_ONLY_CHECKS, PHASES
from qarnot_ext.contract._redact import Redactor
from qarnot_ext.contract._reports import har_entry
from qarnot_ext.contract._resources import ResourceGuard
from qarnot_ext.contract._results import ContractResult, Finding, OperationResult, RunError
from qarnot_ext.contract._served import allowed_unserved, classify
from qarnot_ext.contract._spec import (
    OperationInfo,
    SpecError,
    creators,
    default_spec_path,
    load_document,
    operations_of,
    select,
    taggable_operations,
)

__all__ = ["CHECKS", "PHASES", "Progress", "RunOptions", "UsageError", "run_contract"]

_MAX_EXCHANGES: Final = 25


class UsageError(ConfigError):
    """The run cannot start: bad options, unreadable spec, unreachable server, rejected token (exit 2)."""


@dataclass(frozen=True)
class RunOptions:
    """What to test and how.

    Attributes:
        base_url: the server, including the version (``https://api.qarnot.com/v1``, ``emu.url``).
        token: the API token; never written anywhere.
        spec: the contract (default: the packaged or repository ``openapi.yaml``).
        mode: ``safe`` (read-only operations) or ``full`` (also creates, updates, deletes).
        operations: a regular expression searched in each operationId and ``METHOD /path``.
        max_examples: generated examples per operation and phase.
        seed: the generation seed (random when ``None``; reported so that a run can be replayed).
        workers: concurrent requests.
        phases: the phases to run (default: all that apply to the mode).
        allow_unknown_enum_values: report unknown enum values in responses as warnings.
        allow_case_drift: report enum values that differ only in case as warnings.
        request_timeout: seconds to wait for each response.
        stateful_steps: maximum steps of one stateful scenario.
        allow_unserved: operations the server knowingly does not implement (a comma-separated list of
            operationIds or a regular expression): reported as not served without failing the run.
        command: the command line that started the run, for the reports (default: an equivalent
            ``qarnot-contract run`` command); the token is redacted from it.
    """

    base_url: str
    token: str = field(repr=False)
    spec: Path | None = None
    mode: Literal["safe", "full"] = "safe"
    operations: str | None = None
    max_examples: int = 20
    seed: int | None = None
    workers: int = 1
    phases: tuple[str, ...] | None = None
    allow_unknown_enum_values: bool = False
    allow_case_drift: bool = False
    request_timeout: float = 10.0
    stateful_steps: int = 10
    allow_unserved: str | None = None
    command: str | None = None


class Progress(Protocol):
    """What a run reports while it runs (the console's live display implements it)."""

    def started(self, result: ContractResult, phases: Sequence[str]) -> None:
        """The run starts: the operations are in ``result``, the phases that will run are given."""

    def phase(self, name: str, finished: bool) -> None:
        """A phase started (``finished`` false) or finished."""

    def scenario(self, result: ContractResult, operation_ids: Sequence[str]) -> None:
        """A scenario finished; ``result`` has been updated with it."""

    def note(self, text: str) -> None:
        """A line worth showing (cleanup, interruption)."""


def _validate(options: RunOptions) -> None:
    url = httpx.URL(options.base_url)
    if url.scheme not in ("http", "https") or not url.host:
        raise UsageError(f"--base-url must be an http(s) URL, got {options.base_url!r}")
    if not options.token:
        raise UsageError("no token: pass --token or set QARNOT_CLIENT_TOKEN")
    if options.mode not in ("safe", "full"):
        raise UsageError(f"--mode must be safe or full, got {options.mode!r}")
    if options.max_examples < 1:
        raise UsageError("--max-examples must be at least 1")
    if options.workers < 1:
        raise UsageError("--workers must be at least 1")
    if options.request_timeout <= 0:
        raise UsageError("--request-timeout must be positive")
    unknown = sorted(set(options.phases or ()) - set(PHASES))
    if unknown:
        raise UsageError(f"unknown phase(s) {', '.join(unknown)}; choose from {', '.join(PHASES)}")
    if options.mode == "safe" and "stateful" in (options.phases or ()):
        raise UsageError("the stateful phase creates resources: it needs --mode full")
    try:
        allowed_unserved(options.allow_unserved)
    except re.error as exc:
        raise UsageError(
            f"--allow-unserved is not a list of operations nor a regular expression: {exc}"
        ) from exc


def equivalent_command(options: RunOptions, seed: int) -> str:
    """A ``qarnot-contract run`` command that replays ``options`` with ``seed`` (token from the env)."""
    words = ["qarnot-contract", "run", "--base-url", options.base_url, "--mode", options.mode]
    if options.spec is not None:
        words += ["--spec", str(options.spec)]
    if options.operations:
        words += ["--operations", options.operations]
    words += ["--max-examples", str(options.max_examples), "--seed", str(seed)]
    if options.phases:
        words += ["--phases", ",".join(options.phases)]
    if options.workers != 1:
        words += ["--workers", str(options.workers)]
    if options.allow_unserved:
        words += ["--allow-unserved", options.allow_unserved]
    words += ["--allow-unknown-enum-values"] if options.allow_unknown_enum_values else []
    words += ["--allow-case-drift"] if options.allow_case_drift else []
    return shlex.join(words)


def _phases(options: RunOptions) -> tuple[str, ...]:
    wanted = options.phases or PHASES
    return tuple(p for p in PHASES if p in wanted and (p != "stateful" or options.mode == "full"))


def _security_scheme(document: dict[str, Any]) -> str:
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    for name, scheme in schemes.items():
        if isinstance(scheme, dict) and scheme.get("type") == "apiKey" and scheme.get("in") == "header":
            return str(name)
    raise UsageError("the spec declares no apiKey header security scheme to send the token with")


def _profile(client: httpx.Client) -> str | None:
    """A profile the account may use (for the stateful scenarios' creations), if the server lists one."""
    try:
        response = client.get("/profiles")
        names = response.json() if response.status_code == 200 else []
    except (httpx.HTTPError, ValueError):
        return None
    usable = sorted(n for n in names if isinstance(n, str) and n) if isinstance(names, list) else []
    return usable[0] if usable else None


def _preflight(client: httpx.Client, operations: Sequence[OperationInfo]) -> None:
    """Fail fast, with a clear message, when no verdict is possible."""
    by_id = {op.operation_id: op for op in operations}
    public = by_id.get("list_versions") or next(
        (op for op in operations if not op.secured and op.method == "GET" and "{" not in op.path), None
    )
    try:
        client.get(public.path if public is not None else "/", headers={"Authorization": ""})
    except httpx.HTTPError as exc:
        raise UsageError(f"cannot reach {client.base_url}: {type(exc).__name__}: {exc}") from exc
    secured = by_id.get("get_user_info") or next(
        (op for op in operations if op.secured and op.method == "GET" and "{" not in op.path), None
    )
    if secured is None:
        return
    try:
        response = client.get(secured.path)
    except httpx.HTTPError as exc:
        raise UsageError(f"cannot reach {client.base_url}: {type(exc).__name__}: {exc}") from exc
    if response.status_code in (401, 403):
        raise UsageError(
            f"the server rejected the token (HTTP {response.status_code} on {secured.label}); "
            "check --token / QARNOT_CLIENT_TOKEN and --base-url"
        )


def _config(options: RunOptions, scheme: str, seed: int, phases: Sequence[str]) -> schemathesis.Config:
    checks: dict[str, Any] = {"enabled": False}
    for name in CHECKS:
        if name in FULL_ONLY_CHECKS and options.mode != "full":
            continue
        checks[name] = {"enabled": True}
    return schemathesis.Config.from_dict(
        {
            "seed": seed,
            "base-url": options.base_url.rstrip("/"),
            "workers": options.workers,
            "request-timeout": options.request_timeout,
            # Health checks judge the generator, not the server: they are no part of a verdict.
            "suppress-health-check": ["all"],
            "auth": {"openapi": {scheme: {"api_key": options.token}}},
            "generation": {"max-examples": options.max_examples, "database": "none", "mode": "all"},
            # No state from an earlier run in this directory (schemathesis' .schemathesis cache replays
            # and skips requests it has seen): the same seed gives the same findings.
            "cache": {"enabled": False},
            "phases": {
                name: {
                    "enabled": name in phases,
                    **({"max-steps": options.stateful_steps} if name == "stateful" else {}),
                }
                for name in PHASES
            },
            "checks": checks,
            "warnings": False,
        }
    )


class _Folder:
    """Folds engine events into a :class:`ContractResult`."""

    def __init__(self, result: ContractResult, run: RunContext) -> None:
        self.result = result
        self.run = run
        self._seen: dict[tuple[str, str], list[tuple[Any, Finding]]] = {}

    def scenario(self, event: events.ScenarioFinished) -> list[str]:
        recorder = event.recorder
        touched: set[str] = set()
        for case_id, node in recorder.cases.items():
            operation_id = self.run.operation_id(node.value.operation.label)
            interaction = recorder.interactions.get(case_id)
            op = self.result.operations.get(operation_id)
            if op is None or interaction is None or interaction.response is None:
                continue
            op.cases += 1
            op.latencies.append(interaction.response.elapsed)
            op.statuses[interaction.response.status_code] += 1
            touched.add(operation_id)
        for case_id, checks in recorder.checks.items():
            for check in checks:
                if check.status == Status.FAILURE and check.failure_info is not None:
                    touched.add(self._failure(recorder, case_id, check.name, check.failure_info))
        return sorted(touched)

    def _failure(self, recorder: Any, case_id: str, check: str, info: Any) -> str:
        failure = info.failure
        failing_id = failure.case_id or case_id
        label = failure.operation
        if not label and failing_id in recorder.cases:
            label = recorder.cases[failing_id].value.operation.label
        operation_id = self.run.operation_id(label or "")
        known = self._seen.setdefault((operation_id, check), [])
        for previous, finding in known:
            if previous == failure:
                finding.occurrences += 1
                return operation_id
        redact = self.run.redactor.text
        node = recorder.cases.get(failing_id)
        case = node.value if node is not None else None
        interaction = recorder.interactions.get(failing_id)
        response = interaction.response if interaction is not None else None
        secret = self._secret_bodies(case)
        message = str(failure.message)
        if case is not None and response is not None and check == "response_schema_conformance":
            details = _schema_details(case, response)
            if details:
                message = "Failing fields:\n" + "\n".join(details) + "\n\n" + message
        finding = Finding(
            operation_id=operation_id,
            check=check,
            code=str(getattr(type(failure), "code", "")),
            title=redact(str(failure.title)),
            message=redact(message),
            reproduction=redact(info.code_sample or ""),
            exchanges=self._exchanges(recorder, failing_id, failure, check),
            cause=redact(
                cause_of(
                    check,
                    failure,
                    case.formatted_path if case is not None else "",
                    _body_text(response),
                )
            ),
            response=response_excerpt(response, self.run.redactor, secret),
        )
        known.append((failure, finding))
        self.result.findings.append(finding)
        op = self.result.operations.get(operation_id)
        if op is not None:
            op.findings.append(finding)
        return operation_id

    def _secret_bodies(self, case: Any) -> bool:
        info = self.run.operations.get(case.operation.label) if case is not None else None
        return info is not None and info.resource == "secret"

    def _exchanges(self, recorder: Any, case_id: str, failure: Any, check: str) -> list[dict[str, Any]]:
        try:
            chain = list(
                recorder.iter_chain_cases(case_id=case_id, related_case_ids=failure.related_case_ids())
            )
        except (KeyError, AttributeError):
            chain = []
        if not any(case.id == case_id for case in chain) and case_id in recorder.cases:
            chain.append(recorder.cases[case_id].value)
        entries = []
        for case in chain[-_MAX_EXCHANGES:]:
            interaction = recorder.interactions.get(case.id)
            if interaction is None:
                continue
            comment = f"{self.run.operation_id(case.operation.label)}" + (
                f" - failed {check}" if case.id == case_id else ""
            )
            entries.append(har_entry(interaction, self.run.redactor, comment, self._secret_bodies(case)))
        return entries

    def error(self, event: events.NonFatalError) -> None:
        connection = isinstance(event.value, requests.RequestException)
        operation_id = self.run.operation_id(event.label) if event.related_to_operation else None
        error = RunError(
            title=self.run.redactor.text(event.info.title),
            message=self.run.redactor.text(event.info.message),
            operation_id=operation_id,
            connection=connection,
        )
        if error not in self.result.errors:
            self.result.errors.append(error)


def _body_text(response: Any) -> str:
    if response is None or not response.content:
        return ""
    return str(response.content[:2000].decode("utf-8", "replace"))


def _schema_details(case: Any, response: Any) -> list[str]:
    found = response_schema(case, response)
    if found is None:
        return []
    try:
        document = json.loads(response.content)
    except ValueError:
        return []
    return schema_errors(case.operation.schema.adapter.jsonschema_validator_cls, found[0], document)


def _new_result(
    options: RunOptions, run_id: str, seed: int, spec: Path, selected: list[OperationInfo]
) -> ContractResult:
    return ContractResult(
        run_id=run_id,
        mode=options.mode,
        seed=seed,
        base_url=options.base_url,
        spec=str(spec),
        operations={op.operation_id: OperationResult(op) for op in selected},
    )


def run_contract(
    options: RunOptions, progress: Progress | None = None, redactor: Redactor | None = None
) -> ContractResult:
    """Run the contract tests described by ``options``; see the module doc.

    ``redactor`` (by default one for the token) learns the secret values the run meets, so that the
    caller's reports and console can hide them too.

    Raises:
        UsageError: the run cannot start (exit code 2); the message says why.
    """
    _validate(options)
    spec_path = options.spec or _default_spec()
    try:
        document = load_document(spec_path)
    except SpecError as exc:
        raise UsageError(str(exc)) from exc
    everything = operations_of(document)
    try:
        selected = select(everything, safe_only=options.mode == "safe", pattern=options.operations)
    except re.error as exc:
        raise UsageError(f"--operations is not a valid regular expression: {exc}") from exc
    if not selected:
        raise UsageError(f"no {options.mode}-mode operation matches --operations {options.operations!r}")
    scheme = _security_scheme(document)
    seed = options.seed if options.seed is not None else random.SystemRandom().randrange(2**31)
    run_id = uuid.uuid4().hex[:10]
    if redactor is None:
        redactor = Redactor([options.token])
    redactor.add(options.token)
    allowed = allowed_unserved(options.allow_unserved)
    phases = _phases(options)
    timeout = httpx.Timeout(options.request_timeout)
    base = options.base_url.rstrip("/")
    with (
        httpx.Client(base_url=base, headers={"Authorization": options.token}, timeout=timeout) as client,
        httpx.Client(timeout=timeout) as probe_client,
    ):
        _preflight(client, everything)
        guard = (
            ResourceGuard(
                run_id,
                {op.operation_id: op for op in everything},
                creators(document),
                taggable_operations(document),
                _profile(client),
            )
            if options.mode == "full"
            else None
        )
        run = RunContext(
            operations={op.label: op for op in everything},
            redactor=redactor,
            drift=DriftPolicy(options.allow_unknown_enum_values, options.allow_case_drift),
            guard=guard,
            probe_client=probe_client,
        )
        result = _new_result(options, run_id, seed, spec_path, selected)
        result.command = redactor.text(options.command or equivalent_command(options, seed))
        started = time.monotonic()
        try:
            _execute(options, document, scheme, seed, phases, selected, run, result, progress)
            if not result.interrupted:
                classify(client, result, allowed)
        finally:
            _sort_findings(result)
            result.warnings = list(run.warnings)
            for warning in result.warnings:
                op = result.operations.get(warning.operation_id)
                if op is not None:
                    op.warnings += 1
            if guard is not None:
                _cleanup(guard, client, result, progress)
            result.duration = time.monotonic() - started
    return result


def _sort_findings(result: ContractResult) -> None:
    """Order findings by the spec's operations, then check and cause.

    Not in the order in which worker threads and checks happened to report them: two runs with one
    seed then read the same.
    """
    order = {operation_id: index for index, operation_id in enumerate(result.operations)}

    def key(finding: Finding) -> tuple[int, str, str, str]:
        return (order.get(finding.operation_id, len(order)), finding.check, finding.cause, finding.message)

    result.findings.sort(key=key)
    for op in result.operations.values():
        op.findings.sort(key=key)


def _default_spec() -> Path:
    try:
        return default_spec_path()
    except SpecError as exc:
        raise UsageError(str(exc)) from exc


def _execute(
    options: RunOptions,
    document: dict[str, Any],
    scheme: str,
    seed: int,
    phases: Sequence[str],
    selected: list[OperationInfo],
    run: RunContext,
    result: ContractResult,
    progress: Progress | None,
) -> None:
    # The custom checks are registered before the engine reads a config that names them.
    with registered_formats(), installed():
        config = _config(options, scheme, seed, phases)
        loaded = schemathesis.openapi.from_dict(document, config=config)
        schema = loaded.include(operation_id=[op.operation_id for op in selected])
        with schema_hooks(schema), active(document, run):
            _consume(schema, result, run, phases, progress)


def _consume(
    schema: Any, result: ContractResult, run: RunContext, phases: Sequence[str], progress: Progress | None
) -> None:
    folder = _Folder(result, run)
    if progress is not None:
        progress.started(result, phases)
    stream = from_schema(schema).execute()
    try:
        for event in stream:
            _dispatch(event, folder, result, progress)
    except KeyboardInterrupt:
        result.interrupted = True
        stream.stop()
        if progress is not None:
            progress.note("interrupted: stopping the engine")
        # Let the workers wind down so that no request is in flight during cleanup.
        for event in stream:
            _dispatch(event, folder, result, None)
    finally:
        stream.generator.close()


def _dispatch(event: Any, folder: _Folder, result: ContractResult, progress: Progress | None) -> None:
    if isinstance(event, events.ScenarioFinished) and event.is_test_scenario:
        touched = folder.scenario(event)
        if progress is not None:
            progress.scenario(result, touched)
    elif isinstance(event, events.NonFatalError):
        folder.error(event)
    elif isinstance(event, events.PhaseStarted | events.PhaseFinished):
        # Disabled phases are announced too; they have nothing to show.
        if progress is not None and event.phase.is_enabled:
            progress.phase(event.phase.name.value, isinstance(event, events.PhaseFinished))
    elif isinstance(event, events.Interrupted):
        result.interrupted = True
    elif isinstance(event, events.EngineFinished) and event.stop_reason == StopReason.SERVER_UNAVAILABLE:
        result.errors.append(RunError("Server unavailable", "the server stopped answering", connection=True))


def _cleanup(
    guard: ResourceGuard, client: httpx.Client, result: ContractResult, progress: Progress | None
) -> None:
    if progress is not None:
        progress.note(f"cleaning up resources tagged {guard.tag}")
    try:
        deleted, leftovers = guard.cleanup(client)
    except KeyboardInterrupt:
        leftovers = [f"{kind} {identifier}" for kind, ids in guard.created.items() for identifier in ids]
        deleted = 0
        result.interrupted = True
    result.created = sum(len(ids) for ids in guard.created.values())
    result.leftovers = leftovers
    if progress is not None:
        progress.note(f"cleanup: {deleted} deleted, {len(leftovers)} left")
