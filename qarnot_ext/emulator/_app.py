"""The ASGI app: Starlette, with a middleware that holds every request and response to ``openapi.yaml``.

:class:`OpenAPIMiddleware`, in order:

1. reads the body; strips the ``/v1`` prefix (unversioned routes are served too, as the SDKs call them);
2. matches the operation itself (``_spec.Spec.match``): unknown path → 404, known path without the
   method → 405 with ``Allow`` (JSON bodies for both);
3. authenticates: a missing or unknown token → 401 (``/settings`` and ``/versions`` are public);
4. resolves ``QarnotReadOnlyRequestForAccount`` (see :meth:`EmulatorState.readable`): another account
   only if the caller was granted read access to it, else 403 — on reads; a write that names another
   account is refused with 403 too;
5. validates the request with openapi-core (bad body or query → 400, bad path parameter → 404, as no
   such resource can exist; openapi-core's crashes on odd input are caught and answered 400);
6. runs the endpoint, then validates its response: a response that breaks the contract (schema,
   undocumented status, content type) is an emulator bug, answered 500 with a problem body saying so
   and recorded in ``state.violations`` so that tests fail on it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import traceback
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from typing import Any, Final
from urllib.parse import parse_qsl

import anyio.to_thread

# jsonschema ships no type hints here (types-jsonschema is not a dependency).
from jsonschema.exceptions import (  # type: ignore[import-untyped, unused-ignore]
    ValidationError as JsonSchemaError,
)
from jsonschema.exceptions import best_match  # type: ignore[import-untyped, unused-ignore]
from openapi_core.datatypes import RequestParameters
from openapi_core.validation.response.exceptions import MissingData
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from werkzeug.datastructures import Headers, ImmutableMultiDict

from qarnot_ext.emulator._clock import SpeedClock
from qarnot_ext.emulator._fastrequest import FastRequestValidator
from qarnot_ext.emulator._handlers import HANDLERS, NO_BODY, Call, Reply
from qarnot_ext.emulator._liberal import BodyNormalizer
from qarnot_ext.emulator._problems import HttpProblem, problem_body
from qarnot_ext.emulator._quirks import apply_quirks
from qarnot_ext.emulator._spec import API_VERSION, Operation, Spec, load_spec
from qarnot_ext.emulator._state import EmulatorState

__all__ = ["OpenAPIMiddleware", "create_app"]

_log = logging.getLogger("qarnot_ext.emulator")
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_RO_HEADER: Final = "qarnotreadonlyrequestforaccount"
_VERSION_PREFIX: Final = re.compile(r"^/v([0-9]+)(?=/|$)")
_CALL_KEY: Final = "qarnot.call"
_REQUEST_ID_KEY: Final = "qarnot.request_id"
_PROBLEM: Final = "application/problem+json"
_TICK_SECONDS: Final = 0.2


def _safe_str(exc: BaseException) -> str:
    # openapi-core's MediaTypeDeserializeError.__str__ raises UnicodeDecodeError on non-UTF-8 bodies.
    try:
        return str(exc)
    except Exception:
        return type(exc).__name__


class _CoreRequest:
    """openapi-core's Request protocol over what the middleware read, pinned to one operation."""

    host_url = "http://emulator"

    def __init__(
        self,
        method: str,
        path: str,
        headers: list[tuple[str, str]],
        query: list[tuple[str, str]],
        body: bytes,
        pinned: Any,
        path_params: dict[str, str],
        operation: Operation,
    ) -> None:
        self.method = method.lower()
        self.path = path
        self.body = body or None
        self.query_items = query
        self.validated_path = path_params
        self.content_type = next((v for k, v in headers if k.lower() == "content-type"), "").lower()
        self.pinned = pinned
        self.operation = operation
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(query),
            header=Headers(headers),
            cookie=ImmutableMultiDict(),
            path=path_params,
        )


class _CoreResponse:
    """openapi-core's Response protocol over a buffered response."""

    def __init__(self, status: int, headers: list[tuple[str, str]], data: bytes) -> None:
        self.status_code = status
        self.headers = Headers(headers)
        self.content_type = (self.headers.get("content-type") or "").lower()
        self.data = data


def _schema_messages(exc: BaseException) -> list[tuple[str, str]]:
    """(JSON path, message) pairs from an openapi-core error and its causes."""
    out: list[tuple[str, str]] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        for error in getattr(current, "schema_errors", None) or []:
            if isinstance(error, JsonSchemaError):
                # A oneOf failure says "not valid under any of the given schemas": name the field
                # that made the closest branch fail instead.
                error = best_match([error]) or error
            path = ".".join(str(p) for p in getattr(error, "absolute_path", []) or [])
            out.append((path, _safe_str(getattr(error, "message", error))[:300]))
        current = current.__cause__ or current.__context__
    return out


def _request_problem(operation: Operation, errors: list[BaseException]) -> HttpProblem:
    """Turn openapi-core request errors into 400 (body, query) or 404 (path parameters)."""
    fields: dict[str, list[str]] = {}
    path_error = False
    for error in errors:
        location = getattr(error, "location", None)
        name = getattr(error, "name", None)
        if location == "path":
            path_error = True
        where = f"{location}.{name}" if location and name else "body"
        messages = _schema_messages(error) or [("", _safe_str(error))]
        for sub, message in messages:
            fields.setdefault(f"{where}.{sub}" if sub else where, []).append(message)
    if path_error or not operation.documents(400):
        return HttpProblem(404, "No such resource: a path parameter is not valid", errors=fields)
    return HttpProblem(400, "The request does not match the API contract.", errors=fields)


class OpenAPIMiddleware:
    """Validates requests and responses against the spec; see the module doc."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        spec: Spec,
        state: EmulatorState,
        validate_responses: bool = True,
        quirks: frozenset[str] = frozenset(),
    ) -> None:
        self.app = app
        self.spec = spec
        self.state = state
        self.validate_responses = validate_responses
        self.quirks = quirks
        self.normalizer = BodyNormalizer(spec.document)
        self.fast_requests = FastRequestValidator(spec, spec.fast_schemas)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        body = bytearray()
        while True:
            message = await receive()
            body.extend(message.get("body", b""))
            if not message.get("more_body"):
                break
        raw_path = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1")
        base = ""
        version = _VERSION_PREFIX.match(raw_path)
        if version:
            if f"v{version.group(1)}" != API_VERSION:
                await self._send_problem(
                    send, HttpProblem(404, f"API version v{version.group(1)} does not exist"), request_id
                )
                return
            base = version.group(0)
            raw_path = raw_path[len(base) :] or "/"
        method = scope["method"]
        match = self.spec.match(raw_path, method)
        if match.operation is None:
            if match.status == 405:
                problem = HttpProblem(
                    405, f"{method} is not allowed on this path", headers={"Allow": ", ".join(match.allow)}
                )
            else:
                problem = HttpProblem(404, "No such API path")
            await self._send_problem(send, problem, request_id)
            return
        operation = match.operation
        if body and operation.has_body:
            body = self._liberal(operation, body)
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope.get("headers", [])]
        query = _query_items(scope.get("query_string", b""))
        core_request = _CoreRequest(
            method,
            raw_path,
            headers,
            query,
            bytes(body),
            self.spec.pinned(operation, match.params),
            # The empty prefix (listing the secrets root) cannot pass minLength: validate a placeholder.
            {k: (v or "/") for k, v in match.params.items()},
            operation,
        )
        try:
            # Validation is CPU-bound: a worker thread would only add a hop (the GIL serialises it
            # anyway). Handlers, which may wait for S3, run in worker threads.
            call = self._prepare(operation, core_request, headers, match.params, bytes(body), base)
        except HttpProblem as problem:
            await self._checked_send(
                send, core_request, operation, _problem_response(problem, request_id), request_id
            )
            return
        scope[_CALL_KEY] = call
        scope[_REQUEST_ID_KEY] = request_id
        captured: dict[str, Any] = {"body": bytearray()}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = [
                    (k.decode("latin-1"), v.decode("latin-1")) for k, v in message.get("headers", [])
                ]
            elif message["type"] == "http.response.body":
                captured["body"].extend(message.get("body", b""))

        async def replay() -> Message:
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        try:
            await self.app(scope, replay, capture)
        except Exception as exc:
            detail = f"emulator bug in {operation.operation_id}: {type(exc).__name__}: {_safe_str(exc)}"
            self._violation(detail, "".join(traceback.format_exception(exc)))
            await self._send_problem(send, HttpProblem(500, detail), request_id)
            return
        response = (captured.get("status", 500), captured.get("headers", []), bytes(captured["body"]))
        await self._checked_send(send, core_request, operation, response, request_id)

    def _liberal(self, operation: Operation, body: bytearray) -> bytearray:
        """The body with keys spelt as the contract does and ignorable nulls dropped (``_liberal``)."""
        try:
            payload = json.loads(body)
        except ValueError:
            return body  # not JSON: validation says so
        normalized = self.normalizer.normalize(
            payload, self.normalizer.request_schema(operation.template, operation.method)
        )
        if normalized == payload:
            return body
        return bytearray(json.dumps(normalized, separators=(",", ":")).encode())

    def _prepare(
        self,
        operation: Operation,
        core_request: _CoreRequest,
        headers: list[tuple[str, str]],
        params: dict[str, str],
        body: bytes,
        base: str,
    ) -> Call:
        header_map = {k.lower(): v for k, v in headers}
        caller = None
        if operation.secured:
            caller = self.state.authenticate(header_map.get("authorization"))
            if caller is None:
                raise HttpProblem(401, "Bad authentication token")
        account = caller
        other = (header_map.get(_RO_HEADER) or "").strip()
        if caller is not None and other:
            target = self.state.readable(caller, other)
            if target is None:
                raise HttpProblem(403, "No read access to the requested account")
            if target is not caller and not operation.read_only_header:
                raise HttpProblem(403, "Read-only access to another account cannot modify it")
            account = target
        fast = self.fast_requests.check(
            operation, core_request.query_items, core_request.validated_path, body, core_request.content_type
        )
        if fast is not None:
            query, cast_path = fast
        else:
            # Not plainly valid: openapi-core decides, and explains a rejection.
            errors: list[BaseException]
            try:
                result = self.spec.openapi.unmarshal_request(core_request)
                errors = list(result.errors)
                parameters = result.parameters
            except Exception as exc:
                errors, parameters = [exc], None
            if errors:
                raise _request_problem(operation, errors)
            query = dict(parameters.query) if parameters is not None else {}
            cast_path = dict(parameters.path) if parameters is not None else {}
        payload: Any = None
        if body and operation.has_body:
            payload = json.loads(body)  # validated, so it is JSON
        path = dict(params)
        for key, value in cast_path.items():
            if not isinstance(value, str):
                path[key] = value  # cast by the spec (instanceId is an integer)
        return Call(operation, self.state, account, path, query, payload, 0.0, base, header_map)

    async def _checked_send(
        self,
        send: Send,
        core_request: _CoreRequest,
        operation: Operation,
        response: tuple[int, list[tuple[str, str]], bytes],
        request_id: str,
    ) -> None:
        status, headers, data = response
        if self.validate_responses and status != 500:
            try:
                errors = self._response_errors(core_request, response)
            except Exception as exc:
                errors = [f"validator crashed: {type(exc).__name__}: {_safe_str(exc)}"]
            if errors:
                detail = (
                    "emulator produced a response that violates openapi.yaml "
                    f"({operation.operation_id}, {status})"
                )
                self._violation(detail, "; ".join(errors))
                status, headers, data = _problem_response(
                    HttpProblem(500, f"{detail}: {'; '.join(errors)[:2000]}"), request_id
                )
        if self.quirks and status < 300 and data:
            status, headers, data = self._quirky(status, headers, data)
        headers = [*headers, ("x-request-id", request_id)]
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers],
            }
        )
        await send({"type": "http.response.body", "body": data})

    def _quirky(
        self, status: int, headers: list[tuple[str, str]], data: bytes
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        """The (validated) response as the opt-in quirk modes change it (``_quirks``)."""
        kind = next((v for k, v in headers if k.lower() == "content-type"), "")
        if not kind.startswith("application/json"):
            return status, headers, data
        data = json.dumps(apply_quirks(json.loads(data), self.quirks), separators=(",", ":")).encode()
        headers = [(k, str(len(data)) if k.lower() == "content-length" else v) for k, v in headers]
        return status, headers, data

    def _response_errors(
        self, core_request: _CoreRequest, response: tuple[int, list[tuple[str, str]], bytes]
    ) -> list[str]:
        status, headers, data = response
        content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
        if self.fast_requests.response_ok(core_request.operation, status, content_type, data):
            return []
        core_response = _CoreResponse(*response)
        validator = self.spec.openapi.response_validator
        out = []
        if response[2] and not self.spec.declares_body(core_request.operation, response[0]):
            # openapi-core ignores the body of a response documented without content.
            out.append(
                f"the spec declares no body for {response[0]}, the emulator sent {len(response[2])} bytes"
            )
        for error in validator.iter_errors(core_request, core_response):
            if (
                isinstance(error, MissingData)
                and not core_response.data
                and core_response.content_type.startswith("text/")
            ):
                # An empty output is a valid text/plain string; openapi-core treats any empty body as missing.
                continue
            details = _schema_messages(error)
            if details:
                out.extend(f"{type(error).__name__} at {path or '/'}: {message}" for path, message in details)
            else:
                out.append(f"{type(error).__name__}: {_safe_str(error)}")
        return out

    def _violation(self, summary: str, details: str) -> None:
        # A broken response may quote request data: scrub every tenant's token before keeping it.
        text = f"{summary}: {details}"
        for account in list(self.state.accounts.values()):
            text = text.replace(account.tenant.token, "***")
        self.state.violations.append(text)
        _log.error("%s", text)

    async def _send_problem(self, send: Send, problem: HttpProblem, request_id: str) -> None:
        status, headers, data = _problem_response(problem, request_id)
        headers = [*headers, ("x-request-id", request_id)]
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers],
            }
        )
        await send({"type": "http.response.body", "body": data})


def _query_items(raw: bytes) -> list[tuple[str, str]]:
    return parse_qsl(raw.decode("latin-1"), keep_blank_values=True)


def _problem_response(problem: HttpProblem, request_id: str) -> tuple[int, list[tuple[str, str]], bytes]:
    body = json.dumps(problem_body(problem.status, problem.detail, request_id, problem.errors)).encode()
    headers = [("content-type", _PROBLEM), ("content-length", str(len(body))), *problem.headers.items()]
    return problem.status, headers, body


def _reply_response(reply: Reply) -> Response:
    if reply.text is not None:
        return Response(
            reply.text, reply.status, headers=reply.headers, media_type="text/plain; charset=utf-8"
        )
    if reply.json is NO_BODY:
        return Response(b"", reply.status, headers=reply.headers)
    data = json.dumps(reply.json, separators=(",", ":")).encode()
    return Response(data, reply.status, headers=reply.headers, media_type="application/json")


def create_app(
    state: EmulatorState,
    *,
    spec: Spec | None = None,
    validate_responses: bool = True,
    quirks: frozenset[str] = frozenset(),
) -> Starlette:
    """The emulator as an ASGI app over ``state`` (for uvicorn, httpx's ASGITransport or schemathesis).

    ``quirks`` (names from :data:`qarnot_ext.emulator.QUIRKS`) makes responses deviate from the
    contract the way the real service has been seen to, after they were validated.
    """
    spec = spec if spec is not None else load_spec()

    async def endpoint(scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        call: Call = request.scope[_CALL_KEY]

        def run() -> Response:
            with state.lock:
                call.now = state.sync()
                try:
                    reply = HANDLERS[call.operation.operation_id](call)
                except HttpProblem as problem:
                    trace = str(request.scope.get(_REQUEST_ID_KEY, ""))
                    body = json.dumps(problem_body(problem.status, problem.detail, trace, problem.errors))
                    return Response(body, problem.status, headers=problem.headers, media_type=_PROBLEM)
                # Rendered under the lock: the body reads live state.
                return _reply_response(reply)

        response = await anyio.to_thread.run_sync(run)
        await response(scope, receive, send)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        del app
        ticker = asyncio.create_task(_tick(state)) if isinstance(state.clock, SpeedClock) else None
        try:
            yield
        finally:
            if ticker is not None:
                ticker.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await ticker

    missing = set(spec.operations) - set(HANDLERS)
    if missing:  # pragma: no cover - guarded by the test that every operation has a handler
        raise RuntimeError(f"no handler for {', '.join(sorted(missing))}")
    app = Starlette(
        middleware=[
            Middleware(
                OpenAPIMiddleware,
                spec=spec,
                state=state,
                validate_responses=validate_responses,
                quirks=frozenset(quirks),
            )
        ],
        lifespan=lifespan,
    )
    # No route table: the middleware already matched the operation, and Starlette's path regexes
    # would answer their own text/plain 404 for a path parameter holding a newline ("%0A").
    app.router.default = endpoint
    return app


async def _tick(state: EmulatorState) -> None:
    """With a running clock, run due events even when nobody asks (results reach S3 on time)."""
    while True:
        await asyncio.sleep(_TICK_SECONDS)
        try:
            await anyio.to_thread.run_sync(state.sync)
        except Exception:
            state.violations.append("scheduler tick failed: " + traceback.format_exc())
            _log.exception("scheduler tick failed")
