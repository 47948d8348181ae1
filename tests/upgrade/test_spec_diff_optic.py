"""Optic beside our classifier: reading its results, matching them to our findings, surviving its crashes.

``fixtures/optic/<case>.ci-run-details.json`` were recorded from ``@useoptic/optic`` 1.0.9 (with
the ajv override) on the fixture pairs of the same name.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
import yaml
from _upgrade.classify import diff_documents
from _upgrade.optic import OpticReport, _report_from_details, compare_with_optic, find_optic, run_optic
from _upgrade.render import SpecDiffReport, render

from tests.upgrade.upgrade_fixtures import FIXTURES, REPO, load_pair


def _recorded(name: str) -> OpticReport:
    data = json.loads((FIXTURES / "optic" / f"{name}.ci-run-details.json").read_text(encoding="utf-8"))
    return _report_from_details(data, "optic diff OLD NEW --check", 1.0)


def _compare(name: str) -> tuple[OpticReport, list[tuple[str, bool, bool, tuple[str, ...]]]]:
    pair = load_pair(name)
    report = _recorded(name)
    rows = compare_with_optic(diff_documents(pair.old, pair.new), report)
    return report, [(r.label, r.optic_breaking, r.ours_breaking, r.our_kinds) for r in rows]


def test_recorded_results_are_read_into_issues_with_areas() -> None:
    report = _recorded("response-status-removed")
    assert report.available
    (issue,) = report.issues
    assert issue.rule == "prevent response status code removal"
    assert issue.area == ("GET", "/tasks/{}", "response 404")
    assert issue.leaf == ""


def test_new_response_enum_value_optic_breaking_ours_compatible() -> None:
    report, rows = _compare("new-response-enum-value")
    assert len(report.issues) == 3
    assert {label for label, *_ in rows} == {
        "GET /tasks/{taskUuid} response 200 · state",
        "POST /tasks response 200 · state",
        "POST /tasks/search response 200 · state",
    }
    for _, optic, ours, kinds in rows:
        assert (optic, ours, kinds) == (True, False, ("enum-value-added (compatible)",))


def test_error_status_removed_optic_breaking_ours_servers_only() -> None:
    _, rows = _compare("response-status-removed")
    assert rows == [
        ("GET /tasks/{taskUuid} response 404", True, False, ("error-status-removed (breaking-for-servers)",))
    ]


def test_changes_optic_is_silent_on_are_listed_as_ours_only() -> None:
    report, rows = _compare("removed-response-field")
    assert report.issues == []  # optic does not look inside the nullable oneOf of Task.output
    assert [(label, optic, ours) for label, optic, ours, _ in rows] == [
        ("GET /tasks/{taskUuid} response 200 · maxRetriesPerInstance", False, True),
        ("POST /tasks response 200 · maxRetriesPerInstance", False, True),
        ("POST /tasks/search response 200 · maxRetriesPerInstance", False, True),
    ]
    _, rows = _compare("security-added")
    assert rows == [("GET /status request", False, True, ("security-tightened (breaking-for-clients)",))]


def test_report_shows_disagreements_with_the_reason() -> None:
    pair = load_pair("new-response-enum-value")
    report = SpecDiffReport(
        "old.yaml", "new.yaml", diff_documents(pair.old, pair.new), optic=_recorded(pair.name)
    )
    text = render(report, "text")
    assert "Optic: breaking, 3 failed checks" in text
    assert "0 verdicts agree, 3 differ (client side):" in text
    assert "we classify it as not breaking for clients" in text
    markdown = render(report, "markdown")
    assert "| `GET /tasks/{taskUuid} response 200 · state` | breaking | ok |" in markdown
    data = json.loads(render(report, "json"))
    assert data["optic"]["breaking"] is True
    assert [row["agree"] for row in data["optic"]["comparison"]] == [False, False, False]


def _fake_executable(path: Path, script: str) -> Path:
    path.write_text(script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_a_crashing_optic_is_reported_not_fatal(tmp_path: Path) -> None:
    # What optic 1.0.9 prints when a drifted ajv breaks ajv-errors' generated code.
    optic = _fake_executable(
        tmp_path / "optic",
        "#!/bin/sh\n"
        "echo 'Error compiling schema, function code: const schema16 = scope.schema[10];' >&2\n"
        "echo \"SyntaxError: Unexpected token ':'\" >&2\n"
        "echo '    at new Function (<anonymous>)' >&2\n"
        "exit 1\n",
    )
    report = run_optic("openapi: 3.1.0\n", "openapi: 3.1.0\n", optic=optic)
    assert not report.available
    assert report.reason == "optic exited with code 1: SyntaxError: Unexpected token ':'"
    pair = load_pair("removed-response-field")
    text = render(SpecDiffReport("a", "b", diff_documents(pair.old, pair.new), optic=report), "text")
    assert "Optic: unavailable (optic exited with code 1: SyntaxError" in text
    assert "our classification stands alone" in text


def test_optic_runs_offline_with_telemetry_off_in_its_own_directory(tmp_path: Path) -> None:
    record = tmp_path / "environment.txt"
    optic = _fake_executable(
        tmp_path / "optic",
        f'#!/bin/sh\necho "$OPTIC_TELEMETRY_LEVEL $CI $*" > {record}\n'
        'echo \'{"completed": [], "failed": [], "noop": [{"apiName": "old.yaml"}]}\' > ci-run-details.json\n',
    )
    report = run_optic("a: 1\n", "a: 1\n", optic=optic)
    assert report.available
    assert report.issues == []
    assert record.read_text(encoding="utf-8").strip() == "off true diff old.yaml new.yaml --check --json"


def test_real_optic_agrees_with_the_recording(tmp_path: Path) -> None:
    optic = find_optic(REPO)
    if optic is None:
        pytest.skip("node_modules/.bin/optic is not installed (make bootstrap)")
    pair = load_pair("new-response-enum-value")
    old, new = yaml.safe_dump(pair.old, sort_keys=False), yaml.safe_dump(pair.new, sort_keys=False)
    report = run_optic(old, new, optic=optic)
    if not report.available:
        pytest.skip(f"optic cannot run here: {report.reason} (package.json needs the ajv override)")
    assert sorted((i.rule, i.area, i.leaf) for i in report.issues) == sorted(
        (i.rule, i.area, i.leaf) for i in _recorded(pair.name).issues
    )
