"""Contract testing of any Qarnot-compatible server against ``openapi.yaml``, built on schemathesis.

The command line is ``qarnot-contract run`` (also ``python -m qarnot_ext.contract run``); from Python::

    from qarnot_ext.contract import RunOptions, run_contract

    result = run_contract(RunOptions(base_url=emu.url, token=emu.token, mode="full", seed=1))
    assert result.verdict == "CONFORMANT", result.verdict_line()

Needs the ``contract`` extra (schemathesis, hypothesis, rich).
"""

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
