"""``qarnot-contract`` as a user meets it: usage errors, exit codes, reports, secrecy of the token,
tolerance switches, Ctrl-C."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Sequence
from typing import Any
from xml.etree import ElementTree as ET

import httpx
import pytest
from schemathesis.checks import CHECKS
from schemathesis.hooks import GLOBAL_HOOK_DISPATCHER

from qarnot_ext import QarnotError
from qarnot_ext.contract import ContractResult, RunOptions, UsageError, Verdict, run_contract
from qarnot_ext.contract import _runner as runner_module
from qarnot_ext.contract._checks import CUSTOM_CHECKS, before_call
from qarnot_ext.emulator import Emulator
from tests.contract._helpers import TOKEN, Cli, emulator_app, serve
from tests.contract._mutants import RewriteJson, lower_case_state, unknown_state

NOWHERE = "http://127.0.0.1:9/v1"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    ("args", "token", "message"),
    [
        ((), TOKEN, "the following arguments are required: command"),
        (("run",), TOKEN, "the following arguments are required: --base-url"),
        (("run", "--base-url", "ftp://example.com/v1"), TOKEN, "must be an http(s) URL"),
        (("run", "--base-url", NOWHERE), None, "no token: pass --token or set QARNOT_CLIENT_TOKEN"),
        (("run", "--base-url", NOWHERE, "--operations", "("), TOKEN, "not a valid regular expression"),
        (
            ("run", "--base-url", NOWHERE, "--operations", "^create_task$"),
            TOKEN,
            "no safe-mode operation matches",
        ),
        (("run", "--base-url", NOWHERE, "--phases", "stateful"), TOKEN, "needs --mode full"),
        (("run", "--base-url", NOWHERE, "--phases", "examples,bogus"), TOKEN, "choose from examples"),
        (("run", "--base-url", NOWHERE, "--max-examples", "0"), TOKEN, "must be at least 1"),
        (("run", "--base-url", NOWHERE, "--mode", "reckless"), TOKEN, "invalid choice: 'reckless'"),
        (
            ("run", "--base-url", NOWHERE, "--spec", "/nonexistent/openapi.yaml"),
            TOKEN,
            "cannot read the spec",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and " " in value else "",
)
def test_usage_errors_exit_2_with_a_clear_message(
    cli: Cli, args: Sequence[str], token: str | None, message: str
) -> None:
    run = cli(*args, token=token)
    assert run.code == 2
    assert message in run.err
    assert run.out == ""


def test_an_unreachable_server_exits_2(cli: Cli) -> None:
    run = cli("run", "--base-url", f"http://127.0.0.1:{_closed_port()}/v1")
    assert run.code == 2
    assert "cannot reach" in run.err
    # From Python, the same condition is a typed error of the toolkit's tree.
    with pytest.raises(UsageError, match="cannot reach") as caught:
        run_contract(RunOptions(base_url=f"http://127.0.0.1:{_closed_port()}/v1", token=TOKEN))
    assert isinstance(caught.value, QarnotError)


def test_a_rejected_token_exits_2(cli: Cli, emulator: Emulator) -> None:
    run = cli("run", "--base-url", emulator.url, token="not-the-token")
    assert run.code == 2
    assert "rejected the token (HTTP 401 on GET /info)" in run.err


def test_help_and_python_m_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "qarnot_ext.contract", "run", "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for option in ("--base-url", "--token", "--mode", "--operations", "--allow-case-drift", "--report-dir"):
        assert option in done.stdout


def echo_token(app: Any) -> Any:
    """GET /info answers with the caller's token in its body (wrong type too, so the case fails)."""

    class Echo:
        async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
            headers = dict(scope.get("headers", []))
            token = headers.get(b"authorization", b"").decode()
            inner = RewriteJson(app, "GET", "/info", lambda doc: {**doc, "email": token, "taskCount": token})
            await inner(scope, receive, send)

    return Echo()


@pytest.mark.parametrize("env_token", [True, False], ids=["token from env", "token from --token"])
def test_the_token_never_appears_in_output_or_reports(cli: Cli, env_token: bool) -> None:
    app, _ = emulator_app()
    with serve(echo_token(app)) as url:
        run = cli(
            "run",
            "--base-url",
            url,
            "--operations",
            "^(get_user_info|list_profiles)$",
            "--phases",
            "examples,fuzzing",
            "--max-examples",
            "3",
            "--seed",
            "1",
            env_token=env_token,
        )
    assert run.code == 1
    assert ("get_user_info", "response_schema_conformance") in run.findings()
    written = run.out + run.err + run.files_text()
    assert TOKEN not in written
    har = json.loads((run.report_dir / "failures.har").read_text(encoding="utf-8"))
    entries = har["log"]["entries"]
    assert entries
    # The echoed body and the Authorization header are both replaced.
    assert all(
        h["value"] == "[REDACTED]"
        for e in entries
        for h in e["request"]["headers"]
        if h["name"].lower() == "authorization"
    )
    assert any("[REDACTED]" in e["response"]["content"].get("text", "") for e in entries)


def test_reports_describe_the_run(cli: Cli) -> None:
    app, _ = emulator_app()
    with serve(RewriteJson(app, "GET", "/info", lambda doc: {**doc, "taskCount": "many"})) as url:
        run = cli(
            "run", "--base-url", url, "--operations", "^(get_user_info|list_versions)$",
            "--phases", "examples,fuzzing", "--max-examples", "3", "--seed", "2",
        )  # fmt: skip
    assert run.code == 1
    summary = run.summary
    assert summary["verdict"] == "NOT CONFORMANT"
    assert summary["exit_code"] == 1
    assert summary["seed"] == 2
    assert {op["operation"] for op in summary["operations"]} == {"get_user_info", "list_versions"}
    info = next(op for op in summary["operations"] if op["operation"] == "get_user_info")
    assert info["cases"] > 0
    assert info["p95_ms"] >= info["p50_ms"] > 0
    suite = ET.parse(run.report_dir / "junit.xml").getroot().find("testsuite")
    assert suite is not None
    cases = {case.get("name", "").split(" ")[0]: case for case in suite.iter("testcase")}
    assert set(cases) == {"get_user_info", "list_versions"}
    failures = cases["get_user_info"].findall("failure")
    assert [f.get("type") for f in failures] == ["response_schema_conformance"]
    assert cases["list_versions"].findall("failure") == []
    assert "NOT CONFORMANT: 2 operations: 1 passed, 1 failed, 0 not served, 0 skipped" in run.out
    assert summary["operations_by_status"] == {"passed": 1, "failed": 1, "not_served": 0, "skipped": 0}
    assert [c["cause"] for c in summary["causes"]] == ["taskCount: fails 'type'"]
    assert run.out.rstrip().splitlines()[-1].startswith("NOT CONFORMANT")
    # The run's checks and hooks are gone afterwards: other schemathesis users see no change.
    assert not {check.__name__ for check in CUSTOM_CHECKS} & set(CHECKS.get_all_names())
    assert before_call not in GLOBAL_HOOK_DISPATCHER.get_all_by_name("before_call")


@pytest.fixture
def account_with_a_task() -> Any:
    """A fresh emulator app whose account has one task (so that listings carry enum values)."""

    def make(edit: Any) -> Any:
        app, _ = emulator_app()
        return RewriteJson(app, "GET", "/tasks", lambda doc: [edit(item) for item in doc])

    return make


@pytest.mark.parametrize(
    ("edit", "switches", "code", "warning"),
    [
        (lower_case_state, (), 1, None),
        (lower_case_state, ("--allow-case-drift",), 0, "case-drift"),
        (unknown_state, ("--allow-case-drift",), 1, None),
        (unknown_state, ("--allow-unknown-enum-values",), 0, "unknown-enum-value"),
    ],
    ids=["re-cased, strict", "re-cased, tolerated", "unknown, wrong switch", "unknown, tolerated"],
)
def test_tolerance_switches_turn_known_drift_into_warnings(
    cli: Cli, account_with_a_task: Any, edit: Any, switches: tuple[str, ...], code: int, warning: str | None
) -> None:
    with serve(account_with_a_task(edit)) as url:
        body = {"name": "seed", "profile": "docker-batch", "instanceCount": 1}
        assert httpx.post(f"{url}/tasks", json=body, headers={"Authorization": TOKEN}).status_code == 200
        run = cli(
            "run", "--base-url", url, "--operations", "^list_tasks$", "--phases", "examples,fuzzing",
            "--max-examples", "3", "--seed", "4", *switches,
        )  # fmt: skip
    assert run.code == code, run.out
    summary = run.summary
    if warning is None:
        assert ("list_tasks", "response_schema_conformance") in run.findings()
        assert summary["warnings"] == []
    else:
        assert summary["findings"] == []
        assert {w["kind"] for w in summary["warnings"]} == {warning}
        assert all(w["operation"] == "list_tasks" for w in summary["warnings"])
        assert "warning: list_tasks" in run.out


class _InterruptInScenarios:
    """A progress listener that presses Ctrl-C once the stateful scenarios have created something."""

    def __init__(self) -> None:
        self.phase_name = ""
        self.scenarios = 0

    def started(self, result: ContractResult, phases: Sequence[str]) -> None:
        del result, phases

    def phase(self, name: str, finished: bool) -> None:
        if not finished:
            self.phase_name = name

    def scenario(self, result: ContractResult, operation_ids: Sequence[str]) -> None:
        del operation_ids
        created = result.operations["create_task"].statuses[200]
        if self.phase_name == "stateful" and created:
            raise KeyboardInterrupt

    def note(self, text: str) -> None:
        del text


def test_ctrl_c_stops_the_run_and_still_cleans_up() -> None:
    app, _ = emulator_app()
    with serve(app) as url:
        options = RunOptions(
            base_url=url,
            token=TOKEN,
            mode="full",
            operations="^(create_task|get_task)$",
            phases=("stateful",),
            max_examples=50,
            seed=5,
        )
        result = run_contract(options, _InterruptInScenarios())
        with httpx.Client(base_url=url, headers={"Authorization": TOKEN}) as client:
            left = [t for t in client.get("/tasks").json() if t.get("state") != "PendingDelete"]
    assert result.interrupted
    assert result.verdict is Verdict.INTERRUPTED
    assert result.exit_code == 130
    assert result.created >= 1
    assert result.leftovers == []
    assert left == []


def test_ctrl_c_before_any_result_exits_130(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: Any, **kwargs: Any) -> ContractResult:
        raise KeyboardInterrupt

    monkeypatch.setattr(runner_module, "run_contract", interrupted)
    run = cli("run", "--base-url", NOWHERE)
    assert run.code == 130
    assert "interrupted" in run.err
