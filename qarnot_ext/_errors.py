"""The exception tree of ``qarnot_ext``: every error the toolkit raises is a :class:`QarnotError`.

All the classes live in this module; each is also importable from its public home (``qarnot_ext``,
or ``qarnot_ext.storage`` for the storage errors). A test compares this drawing with the real tree.

::

    QarnotError
    ├── ConfigError (ValueError)                  bad configuration (arguments, environment, INI file)
    │   └── MissingExtraError (ImportError)       an optional part needs a package of an extra
    ├── InvalidValueError (ValueError)            an argument or a value-type input is invalid
    │   ├── InvalidTypeError (TypeError)          ... because it has the wrong type
    │   ├── FilterError                           a filter, ordering or selection
    │   ├── InstanceRangeError                    an instance range
    │   │   └── RangeSyntaxError                  ... whose text breaks the syntax
    │   ├── DateSpanError                         a date-span (.NET time span)
    │   │   └── DateSpanSyntaxError
    │   ├── TimestampError                        an ISO 8601 timestamp
    │   │   └── TimestampSyntaxError
    │   ├── TimeOfDayError                        a time of day
    │   │   └── TimeOfDaySyntaxError
    │   ├── SecretKeyError                        a constant's key or value
    │   └── MaskedSecretError                     a body would send "[SECRET]" back
    ├── ParseError (ValueError)                   a response body does not match the contract
    ├── PaginationError                           the server broke the paging protocol (would loop)
    ├── WaitTimeoutError (TimeoutError)           a wait reached its deadline before its target
    ├── UnreachableStateError                     a wait's target can no longer be reached
    ├── TransportError                            the request never got an HTTP answer
    │   ├── APITimeoutError (TimeoutError)        ... because a connect/read/write/pool timeout fired
    │   └── OutcomeUnknownError                   a non-repeatable request may or may not have happened
    ├── APIError                                  the server answered with an error status
    │   ├── BadRequest                            400
    │   ├── Unauthorized                          401
    │   ├── PaymentRequired                       402
    │   ├── Forbidden                             403
    │   ├── NotFound                              404
    │   ├── Conflict                              409
    │   ├── RateLimited                           429 (``retry_after`` in seconds when the server said)
    │   └── ServerError                           5xx
    └── StorageError                              an S3 operation failed (bucket, key, code)
        ├── StorageQuotaExceeded                  QuotaExceeded, TooManyBuckets
        ├── BucketNotFound                        NoSuchBucket, or 404 on a bucket
        ├── ObjectNotFound                        NoSuchKey, or 404 on an object of an existing bucket
        ├── BucketAlreadyExists                   the name belongs to another account
        ├── BucketNotEmpty                        delete without ``force=True`` on a non-empty bucket
        ├── StorageAccessDenied                   AccessDenied, bad access key or signature (403)
        └── StorageConnectionError                no HTTP answer: refused, TLS failure, timeout

Names in parentheses are builtin bases too: ``except ValueError`` still catches an
:class:`InvalidValueError`, ``except TypeError`` an :class:`InvalidTypeError` and
``except TimeoutError`` an :class:`APITimeoutError`.

Exceptions carry what a user needs to act (status, code, message, problem details, trace id and
the request's method and path) and never the token: the request's headers are not kept.
"""

from __future__ import annotations

import builtins
import email.utils
import importlib
import json
import time
from collections.abc import Mapping
from typing import Any

__all__ = [
    "APIError",
    "APITimeoutError",
    "BadRequest",
    "BucketAlreadyExists",
    "BucketNotEmpty",
    "BucketNotFound",
    "ConfigError",
    "Conflict",
    "DateSpanError",
    "DateSpanSyntaxError",
    "FilterError",
    "Forbidden",
    "InstanceRangeError",
    "InvalidTypeError",
    "InvalidValueError",
    "MaskedSecretError",
    "MissingExtraError",
    "NotFound",
    "ObjectNotFound",
    "OutcomeUnknownError",
    "PaginationError",
    "ParseError",
    "PaymentRequired",
    "Problem",
    "QarnotError",
    "RangeSyntaxError",
    "RateLimited",
    "SecretKeyError",
    "ServerError",
    "StorageAccessDenied",
    "StorageConnectionError",
    "StorageError",
    "StorageQuotaExceeded",
    "TimeOfDayError",
    "TimeOfDaySyntaxError",
    "TimestampError",
    "TimestampSyntaxError",
    "TransportError",
    "Unauthorized",
    "UnreachableStateError",
    "WaitTimeoutError",
    "api_error_from_response",
    "parse_error_body",
    "parse_retry_after",
]


class QarnotError(Exception):
    """Root of every exception raised by ``qarnot_ext``."""


class ConfigError(QarnotError, ValueError):
    """The configuration (arguments, environment or INI file) is invalid; the message names the source."""


class MissingExtraError(ConfigError, ImportError):
    """An optional part of the toolkit needs a package that is not installed.

    The message names the missing package and the extra that brings it
    (``pip install 'qarnot-toolkit[emulator]'``); :attr:`name` is the missing module, as on
    :class:`ModuleNotFoundError`.
    """

    def __init__(self, message: str, *, name: str | None = None, extra: str) -> None:
        ConfigError.__init__(self, message)
        self.msg = message
        self.name = name
        self.path = None
        self.extra = extra

    @classmethod
    def import_module(cls, module: str, *, extra: str, what: str) -> Any:
        """Import ``module``; a third-party package it lacks becomes a :class:`MissingExtraError`.

        ``what`` names the part that needs the extra, as the message's subject ("the emulator").
        A missing module of the toolkit itself is a bug, not a missing extra: it propagates as is.

        Example:
            >>> MissingExtraError.import_module("json", extra="emulator", what="the emulator").__name__
            'json'

        """
        try:
            return importlib.import_module(module)
        except ModuleNotFoundError as exc:
            missing = (exc.name or "").partition(".")[0]
            if not missing or missing in {"qarnot_ext", "qarnot_api"}:
                raise
            raise cls(
                f"{what} needs {missing!r}, which is not installed: pip install 'qarnot-toolkit[{extra}]'",
                name=missing,
                extra=extra,
            ) from exc


class Problem:
    """One offending part of an input: where it is, what it is, and what is wrong with it."""

    __slots__ = ("message", "position", "text")

    def __init__(self, text: str, message: str, position: int | None = None) -> None:
        self.text = text
        self.message = message
        self.position = position

    def __repr__(self) -> str:
        return f"Problem(text={self.text!r}, message={self.message!r}, position={self.position!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.text, self.message, self.position) == (other.text, other.message, other.position)

    def __hash__(self) -> int:
        return hash((self.text, self.message, self.position))

    def __str__(self) -> str:
        where = f" at position {self.position}" if self.position is not None else ""
        return f"{self.text!r}{where}: {self.message}"


class InvalidValueError(QarnotError, ValueError):
    """A value-type parser (ranges, date-spans, timestamps, filters, secrets) rejected its input.

    ``problems`` lists every offending part at once, so that a user fixes them all in one go.
    """

    def __init__(self, kind: str, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.kind = kind
        self.problems: tuple[Problem, ...] = tuple(problems)
        listed = "; ".join(str(p) for p in self.problems)
        super().__init__(f"invalid {kind}: {listed}")


class InvalidTypeError(InvalidValueError, TypeError):
    """An argument has the wrong type; ``problems`` names the argument (``text``) and what is wrong.

    Also a builtin :class:`TypeError` (and, as every :class:`InvalidValueError`, a
    :class:`ValueError`), so that ``except TypeError`` keeps working. The message is the sentence
    of each problem, which names the argument and the type it got, never the value (it may be a
    secret).

    Example:
        >>> from qarnot_ext import DateSpan
        >>> try:
        ...     DateSpan.of(hours="1")
        ... except InvalidTypeError as exc:
        ...     print(exc, exc.problems[0].text, sep=" | ")
        hours must be an int, not str | hours

    """

    def __init__(self, kind: str, problems: list[Problem] | tuple[Problem, ...]) -> None:
        super().__init__(kind, problems)
        # The sentence already names the argument: no "invalid <kind>: 'name':" prefix to repeat it.
        self.args = ("; ".join(p.message for p in self.problems),)

    @classmethod
    def expected(cls, kind: str, name: str, expected: str, got: object) -> InvalidTypeError:
        """Build the error "``name`` must be ``expected``, not <type of got>" for a ``kind`` input.

        Example:
            >>> str(InvalidTypeError.expected("page", "limit", "an int", "10"))
            'limit must be an int, not str'

        """
        return cls(kind, [Problem(name, f"{name} must be {expected}, not {type(got).__name__}")])


class FilterError(InvalidValueError):
    """A filter, ordering or selection is invalid; ``problems`` names each offending field or path.

    Example:
        >>> from qarnot_ext import F
        >>> try:
        ...     F.creation_date > "yesterday"
        ... except FilterError as exc:
        ...     print(exc.problems[0].text)
        CreationDate

    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        super().__init__("filter", problems)


class InstanceRangeError(InvalidValueError):
    """An instance range, or a value given to build one, is invalid; ``problems`` names each part."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        super().__init__("instance range", problems)


class RangeSyntaxError(InstanceRangeError):
    """A range string does not follow the syntax; ``problems`` lists every bad item and its position.

    Example:
        >>> from qarnot_ext import InstanceRange
        >>> try:
        ...     InstanceRange.parse("1-5,x,9-3")
        ... except RangeSyntaxError as exc:
        ...     [(p.text, p.position) for p in exc.problems]
        [('x', 4), ('9-3', 6)]

    """


class DateSpanError(InvalidValueError):
    """A date-span value is invalid (out of the .NET range, wrong unit …); ``problems`` says why."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        super().__init__("date-span", problems)


class DateSpanSyntaxError(DateSpanError):
    """A string is not a .NET time span ``[-][d.]hh:mm:ss[.fffffff]``.

    Example:
        >>> from qarnot_ext import DateSpan
        >>> try:
        ...     DateSpan.parse("00:75:00")
        ... except DateSpanSyntaxError as exc:
        ...     print(exc)
        invalid date-span: '75' at position 3: minutes must be 0..59

    """


class TimestampError(InvalidValueError):
    """A timestamp value is invalid (naive datetime, out of range …); ``problems`` says why."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        super().__init__("timestamp", problems)


class TimestampSyntaxError(TimestampError):
    """A string is not an ISO 8601 timestamp ``YYYY-MM-DDTHH:MM:SS[.fffffff][Z|±HH:MM]``."""


class TimeOfDayError(InvalidValueError):
    """A time-of-day value is invalid; ``problems`` says why."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        super().__init__("time of day", problems)


class TimeOfDaySyntaxError(TimeOfDayError):
    """A string is not a time of day ``HH:MM:SS[.fffffff]``."""


class SecretKeyError(InvalidValueError):
    """A constant's key or value breaks the API's rules; ``problems`` names the key, never the value.

    Example:
        >>> from qarnot_ext import SecretConstant
        >>> try:
        ...     SecretConstant("API KEY", "x")
        ... except SecretKeyError as exc:
        ...     print(exc.problems[0])
        'API KEY' at position 3: character ' ' is not allowed (use a-z A-Z 0-9 _ - .)

    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        super().__init__("constant", problems)


class MaskedSecretError(InvalidValueError):
    """A body built from a response would send ``"[SECRET]"`` back; ``problems`` names the keys."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        super().__init__("constants for resubmission", problems)


class ParseError(QarnotError, ValueError):
    """A response body does not match the contract (``openapi.yaml``)."""

    def __init__(self, message: str, *, schema: str | None = None, path: str | None = None) -> None:
        self.schema = schema
        self.path = path
        where = "".join(
            [f" (schema {schema}" if schema else "", f" at {path}" if path else "", ")" if schema else ""]
        )
        super().__init__(f"{message}{where}")


class PaginationError(QarnotError):
    """The server broke the paging protocol (truncated without a token, or a repeated token)."""


class WaitTimeoutError(QarnotError, builtins.TimeoutError):
    """A wait reached its deadline before its target; ``last_state`` says where the resource was."""

    def __init__(self, message: str, *, last_state: str | None = None) -> None:
        self.last_state = last_state
        super().__init__(message)


class UnreachableStateError(QarnotError):
    """A wait stopped early: the resource reached a final state that is not a target of the wait.

    ``state`` is that final state and ``resource`` the last object fetched (a task, pool, job or
    snapshot status), so that its details can be read without another request.
    """

    def __init__(self, message: str, *, state: str, resource: Any = None) -> None:
        self.state = state
        self.resource = resource
        super().__init__(message)


class TransportError(QarnotError):
    """The request got no HTTP answer (connection refused, reset, TLS failure, timeout).

    Attributes:
        method, path: what was requested (never the query or the headers).
        host, port: where it was sent.
        attempts: how many times it was sent.
        elapsed: seconds from the first attempt to the end of the last one.

    """

    def __init__(
        self,
        message: str,
        *,
        method: str | None = None,
        path: str | None = None,
        host: str | None = None,
        port: int | None = None,
        attempts: int | None = None,
        elapsed: float | None = None,
    ) -> None:
        self.method = method
        self.path = path
        self.host = host
        self.port = port
        self.attempts = attempts
        self.elapsed = elapsed
        bits = [message]
        if method and path:
            target = f"{host}:{port}" if host else ""
            bits.append(f"({method} {target}{path})" if target else f"({method} {path})")
        if attempts is not None:
            spent = f" in {elapsed:.1f} s" if elapsed is not None else ""
            bits.append(f"after {attempts} attempt{'s' if attempts != 1 else ''}{spent}")
        super().__init__(" ".join(bits))


class APITimeoutError(TransportError, builtins.TimeoutError):
    """A connect, read, write or pool timeout fired (or the retry deadline cut the last attempt short).

    Also an instance of the builtin :class:`TimeoutError`, which this class does not shadow.
    """


class OutcomeUnknownError(TransportError):
    """A request that must not be repeated (a creation, an abort …) was sent, and its answer was lost.

    The server may or may not have acted on it, so it is not retried: resending a creation could
    run the work twice. Look the resource up before trying again: ``request_id`` is the
    ``X-Request-Id`` header the client sent (quote it to support), ``lookup`` the client-side
    identifier of the creation when there is one (the ``shortname`` or the ``name`` given).
    """

    def __init__(
        self, message: str, *, request_id: str | None = None, lookup: str | None = None, **where: Any
    ) -> None:
        self.request_id = request_id
        self.lookup = lookup
        hint = f"; request id {request_id}" if request_id else ""
        super().__init__(f"{message}{hint}", **where)


class APIError(QarnotError):
    """The server answered with an error status.

    Attributes:
        status: the HTTP status code.
        message: the server's human-readable message (or the reason phrase).
        code: the server's error code when it sent one.
        errors: RFC 7807 ``errors`` map: field name -> messages.
        trace_id: the server's trace id (``traceId`` or ``extensions.traceId``).
        request_id: the ``X-Request-Id``-style header of the response, when present.
        method, path: what was requested (the path, never the headers or the token).
        body: the raw body as text, truncated to 2,000 characters.
    """

    status: int = 0

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | int | None = None,
        errors: Mapping[str, list[str]] | None = None,
        trace_id: str | None = None,
        request_id: str | None = None,
        method: str | None = None,
        path: str | None = None,
        body: str | None = None,
    ) -> None:
        if status is not None:
            self.status = status
        self.message = message
        self.code = code
        self.errors: dict[str, list[str]] = dict(errors or {})
        self.trace_id = trace_id
        self.request_id = request_id
        self.method = method
        self.path = path
        self.body = body[:2000] if body is not None else None
        super().__init__(self._render())

    def _render(self) -> str:
        parts = [f"{self.status} {self.message}"]
        if self.method and self.path:
            parts.append(f"({self.method} {self.path})")
        if self.code is not None:
            parts.append(f"[code {self.code}]")
        if self.errors:
            details = "; ".join(f"{k}: {', '.join(v)}" for k, v in sorted(self.errors.items()))
            parts.append(f"errors: {details}")
        if self.trace_id:
            parts.append(f"trace {self.trace_id}")
        return " ".join(parts)


class BadRequest(APIError):
    """400: the request is invalid; ``errors`` names the offending fields when the server said."""

    status = 400


class Unauthorized(APIError):
    """401: the token is missing or wrong."""

    status = 401


class PaymentRequired(APIError):
    """402: the account has no credits or quota left for this operation."""

    status = 402


class Forbidden(APIError):
    """403: the token is valid but not allowed to do this."""

    status = 403


class NotFound(APIError):
    """404: no such resource for this account."""

    status = 404


class Conflict(APIError):
    """409: the resource already exists or is in a state that forbids the operation."""

    status = 409


class RateLimited(APIError):
    """429: too many requests; ``retry_after`` is the server's hint in seconds, if it gave one."""

    status = 429

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)


class ServerError(APIError):
    """5xx: the server failed."""

    status = 500


class StorageError(QarnotError):
    """An S3 operation on the account's storage failed."""

    def __init__(
        self,
        message: str,
        *,
        bucket: str | None = None,
        key: str | None = None,
        code: str | None = None,
        operation: str | None = None,
    ) -> None:
        self.bucket = bucket
        self.key = key
        self.code = code
        self.operation = operation
        target = "/".join(x for x in (bucket, key) if x)
        bits = [message]
        if operation:
            bits.append(f"[{operation}]")
        if target:
            bits.append(f"on {target}")
        if code:
            bits.append(f"(code {code})")
        super().__init__(" ".join(bits))


class StorageQuotaExceeded(StorageError):
    """The storage quota of the account is exhausted."""


class BucketNotFound(StorageError):
    """The bucket does not exist (S3 ``NoSuchBucket``)."""


class ObjectNotFound(StorageError):
    """The object does not exist in an existing bucket (S3 ``NoSuchKey``)."""


class BucketAlreadyExists(StorageError):
    """The bucket name is taken by another account (S3 ``BucketAlreadyExists``)."""


class BucketNotEmpty(StorageError):
    """The bucket still holds objects; pass ``force=True`` to empty it first."""


class StorageAccessDenied(StorageError):
    """The storage refused the credentials or the operation (403)."""


class StorageConnectionError(StorageError):
    """The storage endpoint gave no HTTP answer (refused, reset, TLS failure or timeout)."""


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequest,
    401: Unauthorized,
    402: PaymentRequired,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    429: RateLimited,
}


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Parse a ``Retry-After`` header (delta-seconds or HTTP-date) into seconds from now.

    Returns ``None`` when the header is absent or unreadable; never a negative number.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return float(int(text))
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return str(value)


def parse_error_body(body: bytes | str | None) -> dict[str, Any]:
    """Read any of the API's error-body shapes into ``message``, ``code``, ``errors``, ``trace_id``.

    Shapes handled (see ``docs/real-world-quirks.md``, quirk 6): ``{"message": …}``;
    ``{"error": {"message": …, "code": …}, "data": {}}``; ``{"error": "…"}``; RFC 7807 problem
    details ``{title, detail, status, errors, traceId | extensions.traceId}``; plain text; empty.
    Missing parts are ``None`` (``errors`` is an empty dict); this function never raises.
    """
    out: dict[str, Any] = {"message": None, "code": None, "errors": {}, "trace_id": None}
    if body is None:
        return out
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    if not text.strip():
        return out
    try:
        doc = json.loads(text)
    except ValueError:
        out["message"] = text.strip()[:500]
        return out
    if isinstance(doc, str):
        out["message"] = doc
        return out
    if not isinstance(doc, dict):
        return out
    err = doc.get("error")
    if isinstance(err, dict):
        out["message"] = _as_str(err.get("message"))
        out["code"] = err.get("code")
    elif isinstance(err, str):
        out["message"] = err
    if out["message"] is None:
        detail = _as_str(doc.get("detail"))
        title = _as_str(doc.get("title"))
        message = _as_str(doc.get("message"))
        out["message"] = message or (f"{title}: {detail}" if title and detail else (detail or title))
    if out["code"] is None and "code" in doc and isinstance(doc["code"], str | int):
        out["code"] = doc["code"]
    errors = doc.get("errors")
    if isinstance(errors, dict):
        out["errors"] = {
            str(k): [str(m) for m in v] if isinstance(v, list) else [str(v)] for k, v in errors.items()
        }
    trace = doc.get("traceId")
    ext = doc.get("extensions")
    if trace is None and isinstance(ext, dict):
        trace = ext.get("traceId")
    out["trace_id"] = _as_str(trace)
    return out


def api_error_from_response(
    status: int,
    body: bytes | str | None,
    *,
    headers: Mapping[str, str] | None = None,
    method: str | None = None,
    path: str | None = None,
    reason: str | None = None,
) -> APIError:
    """Build the right :class:`APIError` subclass for an error response.

    ``headers`` must be the *response* headers; they are read for ``Retry-After`` and a request id
    and are not kept. ``path`` should not contain query strings with secrets (the client passes the
    URL path only).
    """
    info = parse_error_body(body)
    hdrs = {k.lower(): v for k, v in (headers or {}).items()}
    cls: type[APIError] = _BY_STATUS.get(status, ServerError if status >= 500 else APIError)
    message = info["message"] or reason or "error"
    raw = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    common: dict[str, Any] = {
        "status": status,
        "code": info["code"],
        "errors": info["errors"],
        "trace_id": info["trace_id"],
        "request_id": hdrs.get("x-request-id") or hdrs.get("x-correlation-id"),
        "method": method,
        "path": path,
        "body": raw,
    }
    if cls is RateLimited:
        return RateLimited(message, retry_after=parse_retry_after(hdrs.get("retry-after")), **common)
    return cls(message, **common)
