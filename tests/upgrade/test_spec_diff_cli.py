"""The ``spec_diff.py`` command line: paths, ``REF:path``, ``--base``, formats, exit codes, errors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import spec_diff
from _upgrade.errors import EXIT_BREAKING, EXIT_ERROR, EXIT_OK, UpgradeError
from _upgrade.rules import rules_markdown
from _upgrade.specsource import default_base_ref, load_spec

from tests.upgrade.upgrade_fixtures import BASE, REPO, git_commit_all, load_pair, write_pair


def _run(capsys: pytest.CaptureFixture[str], *args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    code = spec_diff.main(["--no-optic", *args], cwd=cwd)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pair_files(tmp_path: Path) -> tuple[Path, Path]:
    return write_pair(load_pair("removed-response-field"), tmp_path / "pair")


def test_breaking_pair_exits_1_and_names_the_change(
    capsys: pytest.CaptureFixture[str], pair_files: tuple[Path, Path]
) -> None:
    code, out, _ = _run(capsys, str(pair_files[0]), str(pair_files[1]))
    assert code == EXIT_BREAKING
    assert "TaskOutput.maxRetriesPerInstance: property removed (was optional) [property-removed]" in out
    assert "used in: GET /tasks/{taskUuid} 200, POST /tasks 200, POST /tasks/search 200" in out


def test_identical_specs_exit_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old, new = write_pair(load_pair("identical"), tmp_path)
    code, out, _ = _run(capsys, str(old), str(new))
    assert (code, "No differences." in out) == (EXIT_OK, True)


def test_compatible_change_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old, new = write_pair(load_pair("new-response-enum-value"), tmp_path)
    assert _run(capsys, str(old), str(new))[0] == EXIT_OK


def test_fail_on_narrows_what_counts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old, new = write_pair(load_pair("response-status-removed"), tmp_path)  # breaking for servers only
    assert _run(capsys, str(old), str(new))[0] == EXIT_BREAKING
    assert _run(capsys, str(old), str(new), "--fail-on", "clients")[0] == EXIT_OK
    assert _run(capsys, str(old), str(new), "--fail-on", "servers")[0] == EXIT_BREAKING


def test_json_format(capsys: pytest.CaptureFixture[str], pair_files: tuple[Path, Path]) -> None:
    code, out, _ = _run(capsys, str(pair_files[0]), str(pair_files[1]), "--format", "json")
    data = json.loads(out)
    assert code == EXIT_BREAKING
    assert data["verdict"] == "breaking"
    assert data["counts"] == {"breaking-for-clients": 1, "breaking-for-servers": 0, "compatible": 0}
    (finding,) = data["findings"]
    assert finding["location"] == "TaskOutput.maxRetriesPerInstance"
    assert finding["classification"] == ["breaking-for-clients"]
    assert finding["positions"] == ["response"]
    assert data["optic"] is None


def test_markdown_report_file(
    capsys: pytest.CaptureFixture[str], pair_files: tuple[Path, Path], tmp_path: Path
) -> None:
    report = tmp_path / "report.md"
    code, out, _ = _run(
        capsys, str(pair_files[0]), str(pair_files[1]), "--format", "markdown", "--report", str(report)
    )
    text = report.read_text(encoding="utf-8")
    assert code == EXIT_BREAKING
    assert out == f"breaking: report written to {report}\n"
    summary, _, appendix = text.partition("### Appendix: every place")
    assert "| breaking-for-clients | property removed (was optional) | `property-removed` |" in summary
    assert "#### Breaking for clients (1 place)" in appendix
    assert "| `TaskOutput.maxRetriesPerInstance` | property removed (was optional) |" in appendix


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copy2(BASE, repo / "openapi.yaml")
    git_commit_all(repo)
    pair = load_pair("removed-response-field")
    write_pair(pair, tmp_path / "pair")
    shutil.copy2(tmp_path / "pair" / "new.yaml", repo / "openapi.yaml")
    return repo


def test_ref_path_is_read_from_git(capsys: pytest.CaptureFixture[str], git_repo: Path) -> None:
    code, out, _ = _run(capsys, "HEAD:openapi.yaml", "openapi.yaml", cwd=git_repo)
    assert code == EXIT_BREAKING
    assert "Spec diff: HEAD:openapi.yaml -> openapi.yaml" in out
    assert "TaskOutput.maxRetriesPerInstance" in out


def test_base_compares_with_the_same_path_at_the_ref(
    capsys: pytest.CaptureFixture[str], git_repo: Path
) -> None:
    code, out, _ = _run(capsys, "--base", "HEAD", "openapi.yaml", cwd=git_repo)
    assert code == EXIT_BREAKING
    assert "Spec diff: HEAD:openapi.yaml -> openapi.yaml" in out


def test_base_auto_prefers_the_last_release_tag_then_falls_back_to_head(git_repo: Path) -> None:
    assert default_base_ref(git_repo) == "HEAD"
    subprocess.run(["git", "-C", str(git_repo), "tag", "v1.0.0"], check=True)
    assert default_base_ref(git_repo) == "v1.0.0"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("openapi: [unclosed", "invalid YAML"),
        ("- a list\n", "not an OpenAPI document"),
        ("swagger: '2.0'\npaths: {}\n", "not an OpenAPI 3 document"),
        (
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
            "components: {schemas: {A: {$ref: '#/components/schemas/Missing'}}}\n",
            "unknown $ref '#/components/schemas/Missing' at #/components/schemas/A",
        ),
        (
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
            "components: {schemas: {A: {$ref: 'other.yaml#/A'}}}\n",
            "external $ref 'other.yaml#/A'",
        ),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    code, out, err = _run(capsys, str(BASE), str(bad))
    assert (code, out) == (EXIT_ERROR, "")
    assert err.startswith("spec_diff: error: ")
    assert message in err
    assert str(bad) in err


def test_missing_file_and_unknown_git_ref_exit_2(capsys: pytest.CaptureFixture[str], git_repo: Path) -> None:
    code, _, err = _run(capsys, "nowhere.yaml", "openapi.yaml", cwd=git_repo)
    assert code == EXIT_ERROR
    assert "nowhere.yaml: no such file (and not a REF:path)" in err
    code, _, err = _run(capsys, "--base", "no-such-ref", "openapi.yaml", cwd=git_repo)
    assert code == EXIT_ERROR
    assert "no-such-ref" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        spec_diff.main(["--base", "HEAD", "a.yaml", "b.yaml"])
    assert raised.value.code == EXIT_ERROR
    assert "--base takes exactly one SPEC" in capsys.readouterr().err


def test_load_spec_outside_git_says_so(tmp_path: Path) -> None:
    with pytest.raises(UpgradeError, match="git show"):
        load_spec("HEAD:openapi.yaml", cwd=tmp_path)


def test_rules_document_embeds_the_current_table() -> None:
    text = (REPO / "docs" / "spec-diff-rules.md").read_text(encoding="utf-8")
    match = re.search(
        r"<!-- BEGIN GENERATED RULES[^>]*-->\n(.*)<!-- END GENERATED RULES -->", text, re.DOTALL
    )
    assert match is not None, "the generated block markers are missing from docs/spec-diff-rules.md"
    assert match.group(1) == rules_markdown(), "run: python scripts/spec_diff.py --rules-markdown"
