"""HTTP plumbing under the generated client: token auth, idempotency-aware retries, error mapping.

Retries live in an httpx transport wrapper (:class:`RetryingTransport` and its async twin), not in a
loop around each call, so that the generated client used directly (``q.api``) gets them too. A
library was considered: ``httpx-retries`` keys retries on the HTTP method only (it cannot tell
``POST /tasks/paginate``, safe, from ``POST /tasks``, a creation), has no overall deadline and no
injectable clock; ``tenacity``/``stamina`` wrap calls, not transports. The decision is a pure
function (:meth:`RetryPolicy.delay`); the two transports only sleep and resend.

* Which requests: idempotent ones only, per the operation table (``_operations.py``): the adapter
  marks each request with ``extensions["qarnot.idempotent"]``; requests without the mark (``q.api``)
  are looked up by method and path.
* When: transport errors (connection refused/reset, timeouts, a body cut short) and statuses 408,
  425, 429, 500, 502, 503, 504.
* How long: ``Retry-After`` (seconds or HTTP-date) when the server sends it, else full-jitter
  exponential backoff ``uniform(0, min(cap, base * 2**n))``; at most ``max_attempts`` attempts and
  never past ``deadline`` seconds after the first (a ``Retry-After`` that would cross it ends the
  retries: the caller gets the 429 with its ``retry_after``). The deadline is a hard cap: each
  attempt's connect/read/write/pool timeouts are cut to the time left, so a hung server ends the
  call at ``deadline`` seconds, not at the deadline plus one more full timeout.
* What is said: a request that got no answer raises :class:`~qarnot_ext.TransportError` naming the
  method, host, port, path, attempts and seconds spent (:class:`~qarnot_ext.APITimeoutError` for
  timeouts). A non-repeatable request (a creation) whose answer was lost after it was sent raises
  :class:`~qarnot_ext.OutcomeUnknownError` with the ``X-Request-Id`` the client sent (each logical
  request gets one, kept across its retries), since the server may have acted on it.
* Retries are logged at DEBUG on ``qarnot_ext.http`` (method, path, attempt, delay, cause), through a
  :class:`~qarnot_ext._secrets.RedactingFilter`; headers are never logged.
"""

from __future__ import annotations

import logging
import math
import random
import time
import uuid
from collections.abc import Generator
from typing import Any, Final, Protocol

import anyio
import attrs
import httpx

from qarnot_ext._errors import (
    APITimeoutError,
    InvalidValueError,
    OutcomeUnknownError,
    Problem,
    TransportError,
    api_error_from_response,
    parse_retry_after,
)
from qarnot_ext._operations import is_idempotent
from qarnot_ext._secrets import RedactingFilter, Secret

__all__ = [
    "IDEMPOTENT_EXTENSION",
    "AsyncRetryingTransport",
    "Clock",
    "RetryPolicy",
    "RetryingTransport",
    "SystemClock",
    "TokenAuth",
    "araise_for_api_error",
    "raise_for_api_error",
]

IDEMPOTENT_EXTENSION: Final = "qarnot.idempotent"
REQUEST_ID_HEADER: Final = "X-Request-Id"
# Failures that happen before any byte of the request reached the server: nothing was done there.
_NOT_SENT: Final = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)
_TIMEOUT_KEYS: Final = ("connect", "read", "write", "pool")
RETRY_STATUSES: Final = frozenset({408, 425, 429, 500, 502, 503, 504})

logger = logging.getLogger("qarnot_ext.http")
logger.addFilter(RedactingFilter())


class Clock(Protocol):
    """Time as the client sees it: injectable so that tests run retries and waits without waiting."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin, never going back."""
        ...

    def sleep(self, seconds: float) -> None:
        """Block for ``seconds``."""
        ...

    async def asleep(self, seconds: float) -> None:
        """Sleep ``seconds`` without blocking the event loop."""
        ...


class SystemClock:
    """The real clock: :func:`time.monotonic`, :func:`time.sleep`, :func:`anyio.sleep`."""

    def monotonic(self) -> float:
        """Return :func:`time.monotonic`."""
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        """Call :func:`time.sleep`."""
        time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        """Await :func:`anyio.sleep` (asyncio and trio)."""
        await anyio.sleep(seconds)

    def __repr__(self) -> str:
        return "SystemClock()"


def _positive(_inst: object, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
        raise InvalidValueError(
            f"RetryPolicy.{attribute.name}", [Problem(repr(value), "must be a non-negative number")]
        )


def _attempts(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidValueError(
            f"RetryPolicy.{attribute.name}", [Problem(repr(value), "must be an int >= 1")]
        )


def _finite(_inst: object, attribute: attrs.Attribute[float], value: float) -> None:
    _positive(_inst, attribute, value)
    if not math.isfinite(value):
        raise InvalidValueError(f"RetryPolicy.{attribute.name}", [Problem(repr(value), "must be finite")])


@attrs.frozen
class RetryPolicy:
    """How idempotent requests are retried; ``RetryPolicy(max_attempts=1)`` turns retries off.

    Attributes:
        max_attempts: attempts in all, the first included.
        base: the first backoff ceiling in seconds (doubled at each retry).
        cap: the largest backoff ceiling in seconds.
        deadline: the hard cap, in seconds from the first attempt: no retry starts after it and
            every attempt's timeouts are cut to the time left before it.
        statuses: the statuses worth retrying.

    """

    max_attempts: int = attrs.field(default=5, validator=_attempts)
    base: float = attrs.field(default=0.5, validator=_positive)
    cap: float = attrs.field(default=30.0, validator=_positive)
    deadline: float = attrs.field(default=120.0, validator=_finite)
    statuses: frozenset[int] = attrs.field(default=RETRY_STATUSES, converter=frozenset)

    def backoff(self, retry: int, rng: random.Random) -> float:
        """Full-jitter backoff before retry number ``retry`` (1 for the first retry)."""
        ceiling = min(self.cap, self.base * 2 ** (retry - 1))
        return rng.uniform(0.0, ceiling)

    def delay(
        self,
        *,
        attempt: int,
        elapsed: float,
        idempotent: bool,
        status: int | None,
        retry_after: float | None,
        rng: random.Random,
    ) -> float | None:
        """Seconds to wait before the next attempt, or ``None`` to stop (pure: no I/O, no clock).

        Args:
            attempt: the number of the attempt that just failed (1 for the first).
            elapsed: seconds since the first attempt started.
            idempotent: whether the request may be repeated.
            status: the response status, or ``None`` for a transport error.
            retry_after: the server's ``Retry-After`` in seconds, if any.
            rng: the source of jitter.

        """
        if not idempotent or attempt >= self.max_attempts:
            return None
        if status is not None and status not in self.statuses:
            return None
        wait = retry_after if retry_after is not None else self.backoff(attempt, rng)
        if elapsed + wait > self.deadline:
            return None
        return wait


class TokenAuth(httpx.Auth):
    """Sends the raw token in ``Authorization`` (no ``Bearer``), revealing it only into the request."""

    def __init__(self, token: Secret) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the header and send."""
        request.headers["Authorization"] = self._token.reveal()
        yield request

    def __repr__(self) -> str:
        return "TokenAuth(***)"


def _relative_path(request: httpx.Request, base_path: str) -> str:
    path = request.url.path
    return path[len(base_path) :] or "/" if base_path and path.startswith(base_path) else path


def _wrap(
    exc: httpx.TransportError, request: httpx.Request, attempts: int, elapsed: float, idempotent: bool
) -> TransportError:
    # The message names the method, host, port and path only: never the URL's query or any header.
    where: dict[str, Any] = {
        "method": request.method,
        "path": request.url.path,
        "host": request.url.host,
        "port": request.url.port or (443 if request.url.scheme == "https" else 80),
        "attempts": attempts,
        "elapsed": elapsed,
    }
    text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if not idempotent and not isinstance(exc, _NOT_SENT):
        return OutcomeUnknownError(
            f"the answer was lost after the request was sent ({text}); it was not retried because it "
            "is not repeatable: check whether it took effect before sending it again",
            request_id=request.headers.get(REQUEST_ID_HEADER),
            **where,
        )
    kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else TransportError
    return kind(text, **where)


def _deadline_exceeded(request: httpx.Request, attempts: int, elapsed: float) -> APITimeoutError:
    return APITimeoutError(
        "the retry deadline passed before another attempt could start",
        method=request.method,
        path=request.url.path,
        host=request.url.host,
        port=request.url.port or (443 if request.url.scheme == "https" else 80),
        attempts=attempts,
        elapsed=elapsed,
    )


class _RetryCore:
    """What both transports share: the policy, the clock, the idempotency lookup and the logging."""

    def __init__(self, policy: RetryPolicy, clock: Clock, base_path: str, rng: random.Random | None) -> None:
        self.policy = policy
        self.clock = clock
        self.base_path = base_path.rstrip("/")
        self.rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography

    def prepare(self, request: httpx.Request) -> dict[str, float | None]:
        """Give the request its id (kept across retries); return its own timeouts, to clamp from."""
        if REQUEST_ID_HEADER not in request.headers:
            request.headers[REQUEST_ID_HEADER] = str(uuid.uuid4())
        configured = request.extensions.get("timeout")
        return dict(configured) if isinstance(configured, dict) else {}

    def clamp(
        self, request: httpx.Request, timeouts: dict[str, float | None], start: float, attempt: int
    ) -> None:
        """Cut this attempt's timeouts to the time left before the deadline (the hard cap)."""
        elapsed = self.clock.monotonic() - start
        left = self.policy.deadline - elapsed
        if left <= 0:
            raise _deadline_exceeded(request, attempt - 1, elapsed)
        request.extensions["timeout"] = {
            key: left if timeouts.get(key) is None else min(left, float(timeouts[key] or 0.0))
            for key in _TIMEOUT_KEYS
        }

    def idempotent(self, request: httpx.Request) -> bool:
        mark = request.extensions.get(IDEMPOTENT_EXTENSION)
        if isinstance(mark, bool):
            return mark
        return is_idempotent(request.method, _relative_path(request, self.base_path))

    def after_response(
        self, request: httpx.Request, response: httpx.Response, attempt: int, start: float, idempotent: bool
    ) -> float | None:
        if response.status_code < 400:
            return None
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        delay = self.policy.delay(
            attempt=attempt,
            elapsed=self.clock.monotonic() - start,
            idempotent=idempotent,
            status=response.status_code,
            retry_after=retry_after,
            rng=self.rng,
        )
        if delay is not None:
            logger.debug(
                "retrying %s %s after status %d (attempt %d) in %.3f s",
                request.method,
                request.url.path,
                response.status_code,
                attempt,
                delay,
            )
        return delay

    def after_error(
        self, request: httpx.Request, exc: httpx.TransportError, attempt: int, start: float, idempotent: bool
    ) -> float:
        delay = self.policy.delay(
            attempt=attempt,
            elapsed=self.clock.monotonic() - start,
            idempotent=idempotent,
            status=None,
            retry_after=None,
            rng=self.rng,
        )
        if delay is None:
            raise _wrap(exc, request, attempt, self.clock.monotonic() - start, idempotent) from exc
        logger.debug(
            "retrying %s %s after %s (attempt %d) in %.3f s",
            request.method,
            request.url.path,
            type(exc).__name__,
            attempt,
            delay,
        )
        return delay


class RetryingTransport(httpx.BaseTransport):
    """Wraps a transport: reads each body, retries idempotent requests, maps transport errors.

    Transport errors that are not retried (or no longer) become :class:`~qarnot_ext.TransportError`
    (:class:`~qarnot_ext.APITimeoutError` for timeouts).
    """

    def __init__(
        self,
        inner: httpx.BaseTransport,
        policy: RetryPolicy,
        clock: Clock,
        *,
        base_path: str = "",
        rng: random.Random | None = None,
    ) -> None:
        self._inner = inner
        self._core = _RetryCore(policy, clock, base_path, rng)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``, retrying per the policy."""
        core = self._core
        idempotent = core.idempotent(request)
        timeouts = core.prepare(request)
        start = core.clock.monotonic()
        attempt = 0
        while True:
            attempt += 1
            core.clamp(request, timeouts, start, attempt)
            try:
                response = self._inner.handle_request(request)
                try:
                    # Read here so that a body cut short is a retryable transport error too.
                    response.read()
                finally:
                    response.close()
            except httpx.TransportError as exc:
                core.clock.sleep(core.after_error(request, exc, attempt, start, idempotent))
                continue
            delay = core.after_response(request, response, attempt, start, idempotent)
            if delay is None:
                return response
            core.clock.sleep(delay)

    def close(self) -> None:
        """Close the wrapped transport."""
        self._inner.close()


class AsyncRetryingTransport(httpx.AsyncBaseTransport):
    """The async twin of :class:`RetryingTransport`."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        clock: Clock,
        *,
        base_path: str = "",
        rng: random.Random | None = None,
    ) -> None:
        self._inner = inner
        self._core = _RetryCore(policy, clock, base_path, rng)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``, retrying per the policy."""
        core = self._core
        idempotent = core.idempotent(request)
        timeouts = core.prepare(request)
        start = core.clock.monotonic()
        attempt = 0
        while True:
            attempt += 1
            core.clamp(request, timeouts, start, attempt)
            try:
                response = await self._inner.handle_async_request(request)
                try:
                    await response.aread()
                finally:
                    await response.aclose()
            except httpx.TransportError as exc:
                await core.clock.asleep(core.after_error(request, exc, attempt, start, idempotent))
                continue
            delay = core.after_response(request, response, attempt, start, idempotent)
            if delay is None:
                return response
            await core.clock.asleep(delay)

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self._inner.aclose()


def _api_error(response: httpx.Response) -> Exception:
    request = response.request
    return api_error_from_response(
        response.status_code,
        response.content,
        headers=response.headers,
        method=request.method,
        path=request.url.path,
        reason=response.reason_phrase,
    )


def raise_for_api_error(response: httpx.Response) -> None:
    """Httpx response hook: raise the :class:`~qarnot_ext.APIError` of any status >= 400.

    It runs before the generated code parses the body, which would crash on the empty or non-JSON
    error bodies the API also sends.
    """
    if response.status_code >= 400:
        response.read()
        raise _api_error(response)


async def araise_for_api_error(response: httpx.Response) -> None:
    """The async twin of :func:`raise_for_api_error`."""
    if response.status_code >= 400:
        await response.aread()
        raise _api_error(response)
