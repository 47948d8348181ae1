"""The state a run shares with the code schemathesis calls back (hooks and checks, in worker threads).

schemathesis' custom checks and ``before_call`` hooks are process-wide; they find the run they belong
to through :func:`context_for`, keyed by the identity of the loaded spec document. Code called for a
schema that is not a contract run (another schemathesis suite in the same process) finds nothing and
does nothing.
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import httpx

from qarnot_ext.contract._drift import DriftPolicy
from qarnot_ext.contract._redact import Redactor
from qarnot_ext.contract._resources import ResourceGuard
from qarnot_ext.contract._results import DriftWarning
from qarnot_ext.contract._spec import OperationInfo

__all__ = ["RunContext", "active", "context_for"]


class RunContext:
    """Per-run state for hooks and checks (thread-safe).

    Args:
        operations: the contract's operations, by label (``METHOD /path``).
        redactor: removes the token from anything written.
        drift: the tolerance switches.
        guard: full mode's resource guard, ``None`` in safe mode.
        probe_client: an httpx client (no auth header) for the checks' own probes.
    """

    def __init__(
        self,
        *,
        operations: dict[str, OperationInfo],
        redactor: Redactor,
        drift: DriftPolicy,
        guard: ResourceGuard | None,
        probe_client: httpx.Client,
    ) -> None:
        self.operations = operations
        self.redactor = redactor
        self.drift = drift
        self.guard = guard
        self.probe_client = probe_client
        self.lock = threading.Lock()
        self.warnings: list[DriftWarning] = []
        self.auth_probed: set[str] = set()
        self.reaimed: set[str] = set()
        self.validators: dict[tuple[str, str, str | None], Any] = {}
        # One per run, and redacted like the token: a server that echoes it does not make two runs
        # with the same seed differ.
        self.wrong_token = f"invalid-{uuid.uuid4().hex}"
        redactor.add(self.wrong_token)

    def operation_id(self, label: str) -> str:
        """The operationId for a schemathesis label (the label itself when unknown)."""
        info = self.operations.get(label)
        return info.operation_id if info is not None else label

    def warn(self, warning: DriftWarning) -> None:
        """Record a drift warning once."""
        with self.lock:
            if warning not in self.warnings:
                self.warnings.append(warning)


_ACTIVE: dict[int, RunContext] = {}


def context_for(case: Any) -> RunContext | None:
    """The run a schemathesis case belongs to, if any."""
    return _ACTIVE.get(id(case.operation.schema.raw_schema))


@contextlib.contextmanager
def active(document: dict[str, Any], context: RunContext) -> Iterator[None]:
    """Make ``context`` the run of every case generated from ``document`` while the block runs."""
    _ACTIVE[id(document)] = context
    try:
        yield
    finally:
        _ACTIVE.pop(id(document), None)
