"""What a contract run found, operation by operation, and the verdict it leads to.

Exit codes (also the verdict's): ``0`` conformant, ``1`` at least one violation, ``2`` the run could
not reach a verdict (usage error, connection refused, the server stopped answering), ``130`` stopped
by Ctrl-C (after cleaning up).
"""

from __future__ import annotations

import enum
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from qarnot_ext.contract._causes import Cause, group
from qarnot_ext.contract._names import EXIT_CONFORMANT, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_VIOLATIONS
from qarnot_ext.contract._spec import OperationInfo

__all__ = [
    "EXIT_CONFORMANT",
    "EXIT_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_VIOLATIONS",
    "Cause",
    "ContractResult",
    "DriftWarning",
    "Finding",
    "OperationResult",
    "RunError",
    "Verdict",
    "percentile",
]


class Verdict(enum.StrEnum):
    """The one-word outcome of a run."""

    CONFORMANT = "CONFORMANT"
    NOT_CONFORMANT = "NOT CONFORMANT"
    INCONCLUSIVE = "INCONCLUSIVE"
    INTERRUPTED = "INTERRUPTED"


@dataclass
class Finding:
    """One distinct contract violation: an operation broke a check.

    Attributes:
        operation_id: the operation the violation is reported against.
        check: the name of the check that failed (schemathesis' or one of ``_checks``).
        code: schemathesis' stable failure code (``ST108`` ...), or ``QC…`` for the runner's own checks.
        title: a short description.
        message: details (already redacted).
        reproduction: a ``curl`` command reproducing the failing request, token removed.
        exchanges: the HTTP exchanges that lead to the failure, as HAR entries (already redacted).
        occurrences: how many failing cases showed this same violation.
        cause: what it has in common with the same check's failures elsewhere (``_causes``).
        response: the failing response's status and body (truncated, redacted).
    """

    operation_id: str
    check: str
    code: str
    title: str
    message: str
    reproduction: str = ""
    exchanges: list[dict[str, Any]] = field(default_factory=list)
    occurrences: int = 1
    cause: str = ""
    response: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary (without the HAR exchanges, which go to the cassette)."""
        return {
            "operation": self.operation_id,
            "check": self.check,
            "code": self.code,
            "title": self.title,
            "message": self.message,
            "reproduction": self.reproduction,
            "occurrences": self.occurrences,
            "cause": self.cause,
            "response": self.response,
        }


@dataclass(frozen=True)
class DriftWarning:
    """A known real-world deviation that a tolerance switch turned from a failure into a warning."""

    operation_id: str
    check: str
    kind: str
    message: str

    def as_dict(self) -> dict[str, str]:
        """JSON-ready form."""
        return {
            "operation": self.operation_id,
            "check": self.check,
            "kind": self.kind,
            "message": self.message,
        }


@dataclass(frozen=True)
class RunError:
    """Something that kept the runner from testing (not a violation of the contract)."""

    title: str
    message: str
    operation_id: str | None = None
    connection: bool = False

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "title": self.title,
            "message": self.message,
            "operation": self.operation_id,
            "connection": self.connection,
        }


def percentile(values: list[float], fraction: float) -> float | None:
    """The nearest-rank percentile of ``values`` (``None`` when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


@dataclass
class OperationResult:
    """Everything the run observed for one operation."""

    info: OperationInfo
    cases: int = 0
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)
    warnings: int = 0
    served: bool = True
    unserved_allowed: bool = False
    unserved_reason: str = ""
    masked: int = 0

    @property
    def failures_by_check(self) -> dict[str, int]:
        """Distinct violations per check name."""
        counts: Counter[str] = Counter(f.check for f in self.findings)
        return dict(sorted(counts.items()))

    @property
    def p50(self) -> float | None:
        """Median latency in seconds."""
        return percentile(self.latencies, 0.5)

    @property
    def p95(self) -> float | None:
        """95th percentile latency in seconds."""
        return percentile(self.latencies, 0.95)

    @property
    def status(self) -> str:
        """``not served``, ``fail``, ``pass`` or ``skipped`` (no request reached the server).

        An operation the server does not have at all (every answer a "no such path") is not served:
        neither a pass (its 404s are documented) nor a list of schema failures about 404 pages.
        """
        if not self.served:
            return "not served"
        if self.findings:
            return "fail"
        return "pass" if self.cases else "skipped"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "operation": self.info.operation_id,
            "method": self.info.method,
            "path": self.info.path,
            "safe": self.info.safe,
            "cases": self.cases,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "failures_by_check": self.failures_by_check,
            "warnings": self.warnings,
            "p50_ms": None if self.p50 is None else round(self.p50 * 1000, 2),
            "p95_ms": None if self.p95 is None else round(self.p95 * 1000, 2),
            "status": self.status,
            "not_served_reason": self.unserved_reason or None,
            "not_served_allowed": self.unserved_allowed,
            "findings_on_not_served": self.masked,
        }


@dataclass
class ContractResult:
    """The outcome of a run: per-operation results, findings, warnings, errors, and the verdict."""

    run_id: str
    mode: str
    seed: int
    base_url: str
    spec: str
    operations: dict[str, OperationResult]
    command: str = ""
    findings: list[Finding] = field(default_factory=list)
    warnings: list[DriftWarning] = field(default_factory=list)
    errors: list[RunError] = field(default_factory=list)
    duration: float = 0.0
    interrupted: bool = False
    created: int = 0
    leftovers: list[str] = field(default_factory=list)

    @property
    def cases(self) -> int:
        """Requests sent, over every operation."""
        return sum(op.cases for op in self.operations.values())

    @property
    def covered(self) -> int:
        """Operations that received at least one request."""
        return sum(1 for op in self.operations.values() if op.cases)

    @property
    def causes(self) -> list[Cause]:
        """The findings grouped by (check, root cause)."""
        return group(self.findings)

    @property
    def unserved(self) -> list[str]:
        """Operations the server does not have, and ``--allow-unserved`` does not excuse."""
        return [
            op.info.operation_id
            for op in self.operations.values()
            if not op.served and not op.unserved_allowed
        ]

    def counts(self) -> dict[str, int]:
        """Operations by status: passed, failed, not served, skipped."""
        statuses = Counter(op.status for op in self.operations.values())
        return {
            "passed": statuses["pass"],
            "failed": statuses["fail"],
            "not_served": statuses["not served"],
            "skipped": statuses["skipped"],
        }

    @property
    def verdict(self) -> Verdict:
        """Violations win over errors: a violation found is a violation even if the run was cut short.

        An operation the server does not serve is a violation unless ``--allow-unserved`` names it.
        """
        if self.findings or self.unserved:
            return Verdict.NOT_CONFORMANT
        if self.interrupted:
            return Verdict.INTERRUPTED
        if self.errors:
            return Verdict.INCONCLUSIVE
        return Verdict.CONFORMANT

    @property
    def exit_code(self) -> int:
        """The process exit code for this verdict."""
        return {
            Verdict.CONFORMANT: EXIT_CONFORMANT,
            Verdict.NOT_CONFORMANT: EXIT_VIOLATIONS,
            Verdict.INCONCLUSIVE: EXIT_ERROR,
            Verdict.INTERRUPTED: EXIT_INTERRUPTED,
        }[self.verdict]

    def verdict_line(self) -> str:
        """The one-line verdict printed last."""
        counts = self.counts()
        base = (
            f"{self.verdict.value}: {len(self.operations)} operations: {counts['passed']} passed, "
            f"{counts['failed']} failed, {counts['not_served']} not served, {counts['skipped']} skipped; "
            f"{self.cases} cases, {len(self.causes)} cause(s) of {len(self.findings)} violation(s), "
            f"{len(self.warnings)} warning(s)"
        )
        if self.errors:
            base += f", {len(self.errors)} error(s)"
        failing = sorted({f.operation_id for f in self.findings} | set(self.unserved))
        if failing:
            shown = ", ".join(failing[:5]) + (", ..." if len(failing) > 5 else "")
            base += f" in {shown}"
        return f"{base} [mode {self.mode}, seed {self.seed}, run {self.run_id}, {self.duration:.1f} s]"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (the ``summary.json`` report)."""
        return {
            "verdict": self.verdict.value,
            "exit_code": self.exit_code,
            "run_id": self.run_id,
            "mode": self.mode,
            "seed": self.seed,
            "base_url": self.base_url,
            "spec": self.spec,
            "command": self.command,
            "duration_s": round(self.duration, 3),
            "cases": self.cases,
            "operations_covered": self.covered,
            "operations_selected": len(self.operations),
            "operations": [op.as_dict() for op in self.operations.values()],
            "findings": [f.as_dict() for f in self.findings],
            "operations_by_status": self.counts(),
            "not_served": [op.info.operation_id for op in self.operations.values() if not op.served],
            "causes": [c.as_dict() for c in self.causes],
            "violations_by_check": dict(sorted(Counter(f.check for f in self.findings).items())),
            "causes_by_check": dict(sorted(Counter(c.check for c in self.causes).items())),
            "warnings": [w.as_dict() for w in self.warnings],
            "errors": [e.as_dict() for e in self.errors],
            "interrupted": self.interrupted,
            "resources_created": self.created,
            "leftovers": list(self.leftovers),
        }
