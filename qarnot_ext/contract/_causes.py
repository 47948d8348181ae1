"""Findings grouped by cause: one entry per (check, root cause), whatever the operations it shows on.

A server that accepts any token breaks ``auth_rejected_with_401`` on every secured operation; a wrong
field type in a shared schema breaks ``response_schema_conformance`` on every operation that returns
it. Each is one fact to fix, so each is one :class:`Cause`, listing the operations and cases it covers
and its smallest reproducing case.

The cause of a failure is what stays the same when it shows up elsewhere: for schema failures the
failing keyword and the field path (array indices and the operation dropped); for status failures
the status (and for server errors the gist of the body); for the authentication checks nothing at
all (the server either checks tokens or it does not); for any other failure, its title and message
with the values that vary (identifiers, numbers, quoted values, the request's path) blanked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

__all__ = ["Cause", "blank", "cause_of", "group", "json_path"]

_UUID: Final = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.IGNORECASE)
_HEX: Final = re.compile(r"\b[0-9a-f]{10,}\b", re.IGNORECASE)
_NUMBER: Final = re.compile(r"(?<![A-Za-z_])-?\d+(?:\.\d+)?")
_QUOTED: Final = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_MAX_KEY: Final = 300

# Checks whose every failure is one fact about the server, whatever the operation or request.
_SERVER_WIDE: Final = {
    "auth_rejected_with_401": "the server accepts requests without a valid token",
    "ignored_auth": "the server does not check the token",
    "missing_required_header": "a request without Authorization is not answered 401",
}


def json_path(parts: Iterable[Any]) -> str:
    """A JSON path (``$.data[0].coreCount``) for a validator's instance path."""
    text = "$"
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(part)):
            text += f".{part}"
        else:
            text += f"[{str(part)!r}]"
    return text


def _field(parts: Iterable[Any]) -> str:
    # Indices and the page wrapper vary between a list and a single read of the same resource.
    names = [str(p) for p in parts if not isinstance(p, int)]
    return ".".join(names) or "(document)"


def blank(text: str, path: str, *, quoted: bool = True) -> str:
    """``text`` with what varies between cases (the path, identifiers, numbers, quoted values) blanked."""
    if path:
        text = text.replace(path, "{path}")
    text = _UUID.sub("{id}", text)
    text = _HEX.sub("{hex}", text)
    if quoted:
        text = _QUOTED.sub("{value}", text)
    return _NUMBER.sub("{n}", text)


def cause_of(check: str, failure: Any, path: str = "", body: str = "") -> str:
    """The root cause of a schemathesis failure, as a short stable text (see the module doc).

    ``body``: the failing response's body; server errors with different messages are different causes.
    """
    if check in _SERVER_WIDE:
        return _SERVER_WIDE[check]
    instance_path = getattr(failure, "instance_path", None)
    schema_path = getattr(failure, "schema_path", None)
    if instance_path is not None and schema_path is not None:
        keyword = str(schema_path[-1]) if schema_path else "schema"
        return f"{_field(instance_path)}: fails '{keyword}'"
    status = getattr(failure, "status_code", None)
    if isinstance(status, int):
        first = blank(body.strip().split("\n")[0], path)[:120] if check == "not_a_server_error" else ""
        return f"HTTP {status}: {first}" if first else f"HTTP {status}"
    text = f"{failure.title}: {blank(str(failure.message).split(chr(10))[0], path)}"
    return text[:_MAX_KEY]


@dataclass
class Cause:
    """One root cause of violations, with everything it covers.

    Attributes:
        check: the check that failed.
        code: the failure code (``ST108``, ``QC401`` ...).
        title: the failure's short description.
        cause: what the failing cases have in common (the grouping key with ``check``).
        operations: the operations where it showed, in order of appearance.
        cases: failing cases, over all its operations.
        findings: distinct findings grouped here (per operation and failure).
        example: the smallest reproducing finding (shortest request).
    """

    check: str
    code: str
    title: str
    cause: str
    operations: list[str] = field(default_factory=list)
    cases: int = 0
    findings: int = 0
    example: Any = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form, with the smallest reproducing case."""
        example = self.example
        return {
            "check": self.check,
            "code": self.code,
            "title": self.title,
            "cause": self.cause,
            "operations": list(self.operations),
            "cases": self.cases,
            "findings": self.findings,
            "example": None if example is None else example.as_dict(),
        }


def _size(finding: Any) -> tuple[int, int, str]:
    return (len(finding.reproduction or ""), len(finding.message), finding.operation_id)


def group(findings: Iterable[Any]) -> list[Cause]:
    """Group findings (``_results.Finding``) by (check, cause), in order of first appearance."""
    causes: dict[tuple[str, str], Cause] = {}
    for finding in findings:
        key = (finding.check, finding.cause)
        cause = causes.get(key)
        if cause is None:
            cause = causes[key] = Cause(finding.check, finding.code, finding.title, finding.cause)
        if finding.operation_id not in cause.operations:
            cause.operations.append(finding.operation_id)
        cause.cases += finding.occurrences
        cause.findings += 1
        if cause.example is None or _size(finding) < _size(cause.example):
            cause.example = finding
    return list(causes.values())
