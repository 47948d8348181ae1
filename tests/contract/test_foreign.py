"""The runner against a server we did not write (``_foreign``): what a new user pointing it at a
third-party implementation must be able to read and trust.

One run of the command line over the double's served and unserved operations feeds most tests
(module fixture); the switches are tested with short runs of their own.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from qarnot_ext.contract.__main__ import TOKEN_ENV, main
from tests.contract._foreign import BROKEN_CONSTRAINT, SECRET_VALUE, SERVED, foreign_app
from tests.contract._helpers import TOKEN, Cli, CliRun, emulator_app, serve
from tests.contract._mutants import IgnoreToken

SHORT_TOKEN = "tok"  # also a prefix of the word "token", which the double's answers contain
UNSERVED = ("list_tasks", "get_task")
ARGS = (
    "--operations", f"^({'|'.join(SERVED + UNSERVED)})$", "--phases", "examples,fuzzing",
    "--max-examples", "3", "--seed", "1",
)  # fmt: skip


@pytest.fixture(scope="module")
def foreign_url() -> Iterator[str]:
    with serve(foreign_app()) as url:
        yield url


@pytest.fixture(scope="module")
def foreign_run(foreign_url: str, tmp_path_factory: pytest.TempPathFactory) -> CliRun:
    report_dir = tmp_path_factory.mktemp("foreign") / "report"
    out, err = io.StringIO(), io.StringIO()
    previous = os.environ.pop(TOKEN_ENV, None)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            argv = ["run", "--base-url", foreign_url, *ARGS, "--report-dir", str(report_dir)]
            code = main([*argv, "--token", SHORT_TOKEN])
    finally:
        if previous is not None:
            os.environ[TOKEN_ENV] = previous
    return CliRun(code, out.getvalue(), err.getvalue(), report_dir)


def _finding(run: CliRun, operation: str, check: str) -> dict[str, Any]:
    return next(f for f in run.summary["findings"] if f["operation"] == operation and f["check"] == check)


def test_verdict_counts_passed_failed_not_served_and_skipped(foreign_run: CliRun) -> None:
    summary = foreign_run.summary
    assert foreign_run.code == 1
    assert summary["operations_by_status"] == {"passed": 2, "failed": 4, "not_served": 2, "skipped": 0}
    assert sorted(summary["not_served"]) == sorted(UNSERVED)
    statuses = {op["operation"]: op["status"] for op in summary["operations"]}
    assert {op for op, status in statuses.items() if status == "pass"} == {"list_versions", "get_settings"}
    verdict = foreign_run.out.rstrip().splitlines()[-1]
    assert verdict.startswith("NOT CONFORMANT: 8 operations: 2 passed, 4 failed, 2 not served, 0 skipped;")
    # A 404 for a path the server does not have is neither a pass nor a pile of 404-page failures.
    unserved = {op["operation"]: op for op in summary["operations"] if op["status"] == "not served"}
    assert all(
        "exactly as to a path the contract does not have" in op["not_served_reason"]
        for op in unserved.values()
    )
    assert not {f["operation"] for f in summary["findings"]} & set(UNSERVED)
    suite = ET.parse(foreign_run.report_dir / "junit.xml").getroot().find("testsuite")
    assert suite is not None
    types = {
        case.get("name", "").split(" ")[0]: [f.get("type") for f in case.findall("failure")]
        for case in suite.iter("testcase")
    }
    assert all(types[op] == ["not_served"] for op in UNSERVED)


def test_findings_are_grouped_by_check_and_cause(foreign_run: CliRun) -> None:
    summary = foreign_run.summary
    causes = summary["causes"]
    assert len(causes) < len(summary["findings"])
    any_token = [c for c in causes if c["check"] == "auth_rejected_with_401"]
    assert len(any_token) == 1, any_token
    accepted = {"get_user_info", "list_profiles", "list_hardware_constraints", "get_secret"}
    assert set(any_token[0]["operations"]) == accepted
    assert any_token[0]["cause"] == "the server accepts requests without a valid token"
    assert any_token[0]["example"]["operation"] in accepted
    assert summary["causes_by_check"]["auth_rejected_with_401"] == 1
    assert summary["violations_by_check"]["auth_rejected_with_401"] == len(accepted)
    schema = sorted(c["cause"] for c in causes if c["check"] == "response_schema_conformance")
    assert schema == ["data: fails 'oneOf'", "taskCount: fails 'type'"]
    # The console shows each cause once, with its operations.
    assert foreign_run.out.count("the server accepts requests without a valid token") == 1


def test_a_oneof_failure_names_the_field_in_the_branch_its_tag_selects(foreign_run: CliRun) -> None:
    message = _finding(foreign_run, "list_hardware_constraints", "response_schema_conformance")["message"]
    tag = BROKEN_CONSTRAINT["discriminator"]
    assert f'- [{tag}] $.data[1].coreCount: "eight" is not of types "null", "integer"' in message
    # Branches ruled out by their tag are left out.
    assert "[NoGpuHardwareConstraint]" not in message
    assert "$.data[1]: matches none of 2 oneOf branches" in message


def test_unexpected_statuses_show_the_body_and_a_curl(foreign_run: CliRun) -> None:
    finding = _finding(foreign_run, "get_secret", "status_code_conformance")
    assert finding["response"] == 'HTTP 201 application/json: {"value": "[REDACTED]"}'
    assert finding["reproduction"].startswith("curl -X GET")
    assert "/secrets-manager/data/" in finding["reproduction"]


def test_redaction_replaces_values_not_substrings(foreign_run: CliRun) -> None:
    written = foreign_run.out + foreign_run.err + foreign_run.files_text()
    assert "[REDACTED]en" not in written
    assert "token accepted" in written
    assert SECRET_VALUE not in written
    info = _finding(foreign_run, "get_user_info", "response_schema_conformance")
    assert '"email":"[REDACTED]"' in info["response"]
    har = json.loads((foreign_run.report_dir / "failures.har").read_text(encoding="utf-8"))
    texts = [e["response"]["content"].get("text", "") for e in har["log"]["entries"]]
    assert any('"email":"[REDACTED]"' in t and "token accepted" in t for t in texts)
    assert any('"value": "[REDACTED]"' in t for t in texts)


def test_the_report_carries_the_seed_and_the_command_without_the_token(foreign_run: CliRun) -> None:
    summary = foreign_run.summary
    assert summary["seed"] == 1
    assert summary["command"].startswith("qarnot-contract run --base-url http://127.0.0.1:")
    assert summary["command"].endswith("--token '[REDACTED]'")
    assert "--seed 1" in summary["command"]


def _stable(run: CliRun) -> dict[str, Any]:
    summary = run.summary
    operations = [
        {k: op[k] for k in ("operation", "cases", "statuses", "status")} for op in summary["operations"]
    ]
    return {"findings": summary["findings"], "causes": summary["causes"], "operations": operations}


def test_the_same_seed_twice_from_the_same_directory_finds_the_same(
    cli: Cli, foreign_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    first = cli("run", "--base-url", foreign_url, *ARGS)
    second = cli("run", "--base-url", foreign_url, *ARGS)
    assert first.code == second.code == 1
    assert _stable(first) == _stable(second)
    assert first.summary["run_id"] != second.summary["run_id"]
    # No schemathesis cache in the working directory for a later run to replay.
    assert not (tmp_path / ".schemathesis").exists()


@pytest.mark.parametrize(
    ("allowed", "code", "verdict"),
    [
        (None, 1, "NOT CONFORMANT"),
        ("list_tasks,get_task", 0, "CONFORMANT"),
        ("^(list|get)_tasks?$", 0, "CONFORMANT"),
        ("^list_tasks$", 1, "NOT CONFORMANT"),
    ],
    ids=["strict", "list", "regex", "one of two"],
)
def test_allow_unserved_excuses_the_operations_it_names(
    cli: Cli, foreign_url: str, allowed: str | None, code: int, verdict: str
) -> None:
    switch = ("--allow-unserved", allowed) if allowed else ()
    run = cli(
        "run", "--base-url", foreign_url, "--operations", "^(list_versions|list_tasks|get_task)$",
        "--phases", "fuzzing", "--max-examples", "1", "--seed", "1", *switch,
    )  # fmt: skip
    assert run.code == code, run.out
    assert run.summary["operations_by_status"]["not_served"] == 2
    assert run.summary["verdict"] == verdict
    assert f"{verdict}: 3 operations: 1 passed, 0 failed, 2 not served, 0 skipped" in run.out


def test_operations_answering_only_404_are_served_when_the_404_says_no_such_resource(cli: Cli) -> None:
    # With the token checks off, nothing but 404 comes back for unknown tasks and secrets; the
    # emulator's "No such task: <id>" is not its "No such API path", so both are served.
    app, _ = emulator_app()
    with serve(IgnoreToken(app, TOKEN)) as url:
        run = cli(
            "run", "--base-url", url, "--operations", "^(get_task|get_secret)$",
            "--phases", "examples,fuzzing", "--max-examples", "3", "--seed", "7",
        )  # fmt: skip
    statuses = {op["operation"]: op["statuses"] for op in run.summary["operations"]}
    assert set(statuses["get_task"]) == {"404"}, statuses
    assert run.summary["operations_by_status"]["not_served"] == 0
