"""The emulator against the contract: a full-mode run over every operation, one verdict per operation.

The default run (``make test``) sends every operation through the examples, fuzzing and stateful
phases with a few examples each; the coverage phase (boundary values, missing headers, undocumented
methods), by far the most expensive, runs on every operation only in the deeper ``make contract``
(``QARNOT_CONTRACT_EXAMPLES`` set) and on a representative sample in ``test_safe_mode.py``.

Known emulator bugs are listed in ``KNOWN_FAILURES`` (operation -> checks and why) and marked
``xfail(strict=True)``: a fixed bug makes its test fail until it is removed from the list, and a new
failure anywhere else fails at once.
"""

from __future__ import annotations

import os
from typing import Final

import httpx
import pytest

from qarnot_ext.contract import PHASES, ContractResult, RunOptions, run_contract
from qarnot_ext.contract._spec import default_spec_path, load_document, operations_of
from qarnot_ext.emulator import Emulator

EXAMPLES: Final = int(os.environ.get("QARNOT_CONTRACT_EXAMPLES", "0") or 0)
SEED: Final = 20300101
ALL_OPERATIONS: Final = [op.operation_id for op in operations_of(load_document(default_spec_path()))]

# The deep run takes about four minutes on a busy two-core machine; the default per-test limit is 300 s.
pytestmark = pytest.mark.timeout(1200 if EXAMPLES else 300)

KNOWN_FAILURES: Final[dict[str, str]] = {}
"""Emulator bugs found by the contract run: operationId -> the failing checks and the reason."""


def _params() -> list[object]:
    return [
        pytest.param(op, marks=pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[op]))
        if op in KNOWN_FAILURES
        else op
        for op in ALL_OPERATIONS
    ]


@pytest.fixture(scope="module")
def full_run(emulator: Emulator) -> ContractResult:
    before = len(emulator.state.violations)
    options = RunOptions(
        base_url=emulator.url,
        token=emulator.token,
        mode="full",
        seed=SEED,
        max_examples=EXAMPLES or 3,
        phases=PHASES if EXAMPLES else ("examples", "fuzzing", "stateful"),
    )
    result = run_contract(options)
    assert emulator.state.violations[before:] == [], "\n".join(emulator.state.violations[before:])
    return result


def test_every_operation_of_the_contract_is_exercised(full_run: ContractResult) -> None:
    assert len(ALL_OPERATIONS) == 73
    assert set(full_run.operations) == set(ALL_OPERATIONS)
    not_run = [op for op, result in full_run.operations.items() if result.cases == 0]
    assert not_run == []
    assert full_run.errors == []
    assert not full_run.interrupted


@pytest.mark.parametrize("operation_id", _params())
def test_operation_conforms(full_run: ContractResult, operation_id: str) -> None:
    findings = full_run.operations[operation_id].findings
    assert findings == [], "\n\n".join(
        f"{f.check} [{f.code}] {f.title}\n{f.message}\n{f.reproduction}" for f in findings
    )


def test_the_stateful_scenarios_created_and_cleaned_up(full_run: ContractResult, emulator: Emulator) -> None:
    # Without successful creations the stateful checks (use after delete, resource availability)
    # would pass vacuously.
    assert full_run.created >= 3
    assert full_run.leftovers == []
    tag = f"qarnot-contract-{full_run.run_id}"
    with httpx.Client(base_url=emulator.url, headers={"Authorization": emulator.token}) as client:
        for path in ("/tasks", "/pools", "/jobs"):
            remaining = [
                item
                for item in client.get(path, params={"tag": tag}).json()
                if item.get("state") != "PendingDelete"
            ]
            assert remaining == [], f"{path}: {remaining}"
