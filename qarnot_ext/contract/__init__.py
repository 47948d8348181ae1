"""Contract testing of any Qarnot-compatible server against ``openapi.yaml``, built on schemathesis.

The command line is ``qarnot-contract run`` (also ``python -m qarnot_ext.contract run``); from Python::

    from qarnot_ext.contract import RunOptions, run_contract

    result = run_contract(RunOptions(base_url=emu.url, token=emu.token, mode="full", seed=1))
    assert result.verdict == "CONFORMANT", result.verdict_line()

Needs the ``contract`` extra (``pip install "qarnot-toolkit[contract]"``: schemathesis, hypothesis,
rich); the names below load on first use, so a missing extra is reported in one line naming it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from qarnot_ext import MissingExtraError

if TYPE_CHECKING:
    from qarnot_ext.contract._causes import Cause
    from qarnot_ext.contract._names import CHECKS, PHASES
    from qarnot_ext.contract._results import (
        ContractResult,
        DriftWarning,
        Finding,
        OperationResult,
        RunError,
        Verdict,
    )
    from qarnot_ext.contract._runner import Progress, RunOptions, UsageError, run_contract

__all__ = [
    "CHECKS",
    "PHASES",
    "Cause",
    "ContractResult",
    "DriftWarning",
    "Finding",
    "OperationResult",
    "Progress",
    "RunError",
    "RunOptions",
    "UsageError",
    "Verdict",
    "run_contract",
]

_HOMES: Final = {
    "CHECKS": "_names",
    "PHASES": "_names",
    "Cause": "_causes",
    "ContractResult": "_results",
    "DriftWarning": "_results",
    "Finding": "_results",
    "OperationResult": "_results",
    "RunError": "_results",
    "Verdict": "_results",
    "Progress": "_runner",
    "RunOptions": "_runner",
    "UsageError": "_runner",
    "run_contract": "_runner",
}


def _load(module: str) -> Any:
    """Import ``qarnot_ext.contract.<module>``; a missing dependency is a :class:`MissingExtraError`."""
    return MissingExtraError.import_module(f"{__name__}.{module}", extra="contract", what="contract testing")


def __getattr__(name: str) -> Any:
    # Loaded on first use: the client install lacks the extra, and the console script must be able to
    # import this package to say so in one line.
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_load(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
