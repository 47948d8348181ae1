"""Evidence that the tester can fail: each broken variant of the emulator is caught, on the right
operation and by the right check, and the operations it did not break stay clean.

The variants are ASGI middlewares around the unchanged emulator (``_mutants``), served on loopback,
and tested through the command line exactly as a user would (``qarnot-contract run``). The mutation
score is the share of these tests that pass: every introduced breakage must be detected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.contract._helpers import TOKEN, Cli, emulator_app, serve
from tests.contract._mutants import (
    DeleteDoesNotDelete,
    FailWith500,
    IgnoreToken,
    RewriteJson,
    impossible_timestamp,
    without_required,
    wrong_type,
)

SEED = "7"


def each(edit: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Apply ``edit`` to every item of a list response."""
    return lambda document: [edit(item) for item in document]


def create_task(url: str) -> None:
    """Give the account one task, so that listings have something to break."""
    body = {"name": "seed", "profile": "docker-batch", "instanceCount": 1}
    response = httpx.post(f"{url}/tasks", json=body, headers={"Authorization": TOKEN})
    assert response.status_code == 200, response.text


@dataclass(frozen=True)
class Mutant:
    name: str
    wrap: Callable[[Any], Any]
    args: tuple[str, ...]
    broken: str
    checks: frozenset[str]
    clean: tuple[str, ...]
    setup: Callable[[str], None] | None = None


MUTANTS = [
    Mutant(
        "response field of the wrong type",
        lambda app: RewriteJson(app, "GET", "/info", wrong_type),
        ("--operations", "^(get_user_info|list_profiles)$", "--phases", "examples,fuzzing"),
        "get_user_info",
        frozenset({"response_schema_conformance"}),
        ("list_profiles",),
    ),
    Mutant(
        "required field missing",
        lambda app: RewriteJson(app, "GET", "/versions", without_required),
        ("--operations", "^(list_versions|get_settings)$", "--phases", "examples,fuzzing"),
        "list_versions",
        frozenset({"response_schema_conformance"}),
        ("get_settings",),
    ),
    Mutant(
        "500 on one operation",
        lambda app: FailWith500(app, "GET", "/profiles"),
        ("--operations", "^(list_profiles|get_user_info)$", "--phases", "examples,fuzzing"),
        "list_profiles",
        frozenset({"not_a_server_error"}),
        ("get_user_info",),
    ),
    Mutant(
        "token not checked",
        lambda app: IgnoreToken(app, TOKEN),
        ("--operations", "^(get_user_info|list_versions)$", "--phases", "examples,fuzzing"),
        "get_user_info",
        frozenset({"auth_rejected_with_401", "ignored_auth"}),
        ("list_versions",),
    ),
    Mutant(
        "delete that does not delete",
        lambda app: DeleteDoesNotDelete(app, r"/tasks/[^/]+"),
        (
            "--mode",
            "full",
            "--operations",
            "^(create_task|get_task|delete_task)$",
            "--phases",
            "stateful",
            "--max-examples",
            "10",
        ),
        "delete_task",
        frozenset({"use_after_free"}),
        ("create_task", "get_task"),
    ),
    Mutant(
        "impossible timestamp that matches the pattern",
        lambda app: RewriteJson(app, "GET", "/tasks", each(impossible_timestamp)),
        ("--operations", "^(list_tasks|list_profiles)$", "--phases", "examples,fuzzing"),
        "list_tasks",
        frozenset({"custom_format_conformance"}),
        ("list_profiles",),
        setup=create_task,
    ),
]


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m.name for m in MUTANTS])
def test_broken_variant_is_reported_against_the_right_operation_and_check(cli: Cli, mutant: Mutant) -> None:
    app, state = emulator_app()
    with serve(mutant.wrap(app)) as url:
        if mutant.setup is not None:
            mutant.setup(url)
        run = cli("run", "--base-url", url, "--seed", SEED, "--max-examples", "5", *mutant.args)
    assert run.code == 1, run.out + run.err
    found = run.findings()
    checks = {check for operation, check in found if operation == mutant.broken}
    assert mutant.checks <= checks, (
        f"{mutant.name}: expected {sorted(mutant.checks)} on {mutant.broken}, got {found}"
    )
    for operation in mutant.clean:
        assert not {c for o, c in found if o == operation}, f"{operation} was not broken: {found}"
        assert any(op["operation"] == operation and op["cases"] for op in run.summary["operations"])
    assert "NOT CONFORMANT" in run.out
    # The emulator itself stayed valid: the breakage is the middleware's alone.
    assert state.violations == []
