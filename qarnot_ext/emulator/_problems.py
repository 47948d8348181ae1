"""Errors the emulator answers with: RFC 7807 problem details (``application/problem+json``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

__all__ = ["HttpProblem", "bad_request", "conflict", "forbidden", "not_found", "problem_body", "quota"]

_TITLES: Final = {
    400: "One or more validation errors occurred.",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    500: "Internal Server Error",
}
_TYPES: Final = {
    400: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
    401: "https://tools.ietf.org/html/rfc9110#section-15.5.2",
    402: "https://tools.ietf.org/html/rfc9110#section-15.5.3",
    403: "https://tools.ietf.org/html/rfc9110#section-15.5.4",
    404: "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    405: "https://tools.ietf.org/html/rfc9110#section-15.5.6",
    409: "https://tools.ietf.org/html/rfc9110#section-15.5.10",
    500: "https://tools.ietf.org/html/rfc9110#section-15.6.1",
}


class HttpProblem(Exception):
    """Raised by the emulator's handlers: the request gets this status and a problem body."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        errors: Mapping[str, Sequence[str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = {k: list(v) for k, v in (errors or {}).items()}
        self.headers = dict(headers or {})


def problem_body(
    status: int, detail: str, trace_id: str, errors: Mapping[str, Sequence[str]] | None = None
) -> dict[str, Any]:
    """The problem-details document for a status."""
    body: dict[str, Any] = {
        "type": _TYPES.get(status, "about:blank"),
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "traceId": trace_id,
    }
    if errors:
        body["errors"] = {k: list(v) for k, v in errors.items()}
    return body


def bad_request(detail: str, errors: Mapping[str, Sequence[str]] | None = None) -> HttpProblem:
    """400 with per-field messages."""
    return HttpProblem(400, detail, errors=errors)


def not_found(kind: str, key: str) -> HttpProblem:
    """404 for a resource the caller's account does not have (whoever else may have it)."""
    shown = key if len(key) <= 80 else key[:79] + "…"
    return HttpProblem(404, f"No such {kind}: {shown}")


def conflict(detail: str) -> HttpProblem:
    """409: the resource exists already, or its state forbids the operation."""
    return HttpProblem(409, detail)


def forbidden(detail: str) -> HttpProblem:
    """403: authenticated, but not allowed."""
    return HttpProblem(403, detail)


def quota(detail: str) -> HttpProblem:
    """402: the account's quota is exhausted."""
    return HttpProblem(402, detail)
