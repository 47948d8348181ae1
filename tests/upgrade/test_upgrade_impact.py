"""Impact analysis and the upgrade flow, proven on a synthetic repository.

The synthetic repository (``fixtures/impact``) is built like ours: the real ``scripts/generate.py``,
generator config and templates, a product package ``qarnot_ext`` whose only importer of the
generated client is ``_adapter.py``, and tests. Its NEW spec removes a field ``_tasks.py`` reads,
an operation the adapter imports, and renames a path parameter the adapter passes by keyword.

The regenerate + mypy + pytest run happens once (a module fixture); the other tests scan the code
or drive the flow with a stand-in generator.
"""

from __future__ import annotations

import copy
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spec_diff
import upgrade
import yaml
from _upgrade.classify import Finding, diff_documents
from _upgrade.errors import EXIT_BREAKING, EXIT_ERROR, UpgradeError
from _upgrade.impact import CodeIndex, Impact, analyse_impact
from _upgrade.naming import GeneratedNames

from tests.upgrade.upgrade_fixtures import (
    BASE,
    IMPACT,
    REPO,
    build_synthetic_repo,
    git_commit_all,
    line_of,
    load_pair,
    synthetic_new_spec,
    write_pair,
)

PRODUCT = IMPACT / "product"


def _tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _status(repo: Path) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), "status", "--porcelain", "--ignored"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _synthetic_findings(directory: Path) -> list[Finding]:
    old = yaml.safe_load((IMPACT / "spec.yaml").read_text(encoding="utf-8"))
    new = yaml.safe_load(synthetic_new_spec(directory).read_text(encoding="utf-8"))
    return diff_documents(old, new)


def _by_kind(impacts: list[Impact], kind: str) -> Impact:
    (impact,) = [i for i in impacts if i.finding.kind == kind]
    return impact


# --- naming ---------------------------------------------------------------------------------------


def test_generated_names_follow_the_generator() -> None:
    names = GeneratedNames.from_config(REPO / "openapi-python-client.yaml")
    assert names.package == "qarnot_api"
    assert names.class_name("TaskOutput") == "TaskOutput"
    assert names.model_module("TaskOutput") == "qarnot_api.models.task_output"
    assert names.attribute("maxRetriesPerInstance") == "max_retries_per_instance"
    assert names.attribute("from") == "from_"
    assert names.tag_package("hardware-constraints") == "qarnot_api.api.hardware_constraints"
    overridden = GeneratedNames(
        class_overrides={"TaskOutput": {"class_name": "Output", "module_name": "output"}}
    )
    assert overridden.class_name("TaskOutput") == "Output"
    assert overridden.model_module("TaskOutput") == "qarnot_api.models.output"


def test_generated_names_match_the_generated_tree() -> None:
    package = REPO / "generated" / "qarnot_api"
    if not package.is_dir():
        pytest.skip("generated/qarnot_api does not exist yet (make generate)")
    names = GeneratedNames.from_config(REPO / "openapi-python-client.yaml")
    source = (package / "models" / "task_output.py").read_text(encoding="utf-8")
    assert f"class {names.class_name('TaskOutput')}:" in source
    assert f"    {names.attribute('maxRetriesPerInstance')}:" in source
    assert (package / "api" / "tasks" / f"{names.operation_function('get_task')}.py").is_file()


# --- the AST scan, without regenerating -------------------------------------------------------------


@pytest.fixture(scope="module")
def product(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("product")
    for source in PRODUCT.rglob("*.py.txt"):
        target = root / source.relative_to(PRODUCT).with_suffix("")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    return root


def test_scan_maps_each_change_to_the_code_using_it(product: Path, tmp_path: Path) -> None:
    index = CodeIndex.scan(product, ["qarnot_ext", "tests"])
    impacts = analyse_impact(_synthetic_findings(tmp_path), index, GeneratedNames())
    tasks = product / "qarnot_ext" / "_tasks.py"
    adapter = product / "qarnot_ext" / "_adapter.py"
    tests = product / "tests" / "test_client.py"

    removed = _by_kind(impacts, "property-removed")
    assert removed.generated == ["qarnot_api.models.task_output.TaskOutput.max_retries_per_instance"]
    assert [str(u) for u in removed.uses] == [
        f"qarnot_ext/_tasks.py:{line_of(tasks, '.max_retries_per_instance')} (max_retries)"
    ]
    assert removed.public == ["qarnot_ext.TaskClient.retries"]
    # The test reads the wire name in a raw dict, and reaches the use through TaskClient.retries.
    assert [str(u) for u in removed.tests] == [
        f"tests/test_client.py:{line_of(tests, 'maxRetriesPerInstance')} (test_retries)"
    ]

    operation = _by_kind(impacts, "operation-removed")
    assert [str(u) for u in operation.uses] == [
        f"qarnot_ext/_adapter.py:{line_of(adapter, 'import delete_task')} (<module>)",
        f"qarnot_ext/_adapter.py:{line_of(adapter, 'delete_task.sync_detailed')} (remove_task)",
    ]

    renamed = _by_kind(impacts, "path-parameter-renamed")
    assert f"qarnot_ext/_adapter.py:{line_of(adapter, 'get_task.sync(task_uuid')} (fetch_task)" in [
        str(u) for u in renamed.uses
    ]


def test_common_names_count_only_where_the_model_is_at_hand(product: Path, tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(product, root)
    (root / "qarnot_ext" / "_paths.py").write_text(
        "from pathlib import Path\n\n\ndef stem(path: Path) -> str:\n    return path.name\n", encoding="utf-8"
    )
    (root / "qarnot_ext" / "_labels.py").write_text(
        "from qarnot_ext._adapter import Task, Pool\n\n\n"
        "def label(task: Task) -> str:\n    return task.name\n\n\n"
        "def pool() -> Pool:\n    return Pool(name='p')\n",
        encoding="utf-8",
    )
    index = CodeIndex.scan(root, ["qarnot_ext", "tests"])
    old = yaml.safe_load((IMPACT / "spec.yaml").read_text(encoding="utf-8"))
    new = copy.deepcopy(old)
    del new["components"]["schemas"]["Task"]["properties"]["name"]
    new["components"]["schemas"]["Task"]["required"] = ["uuid"]
    (impact,) = analyse_impact(
        diff_documents(old, new), index, GeneratedNames(), model_names=["Task", "Pool"]
    )
    assert impact.finding.kind == "property-removed-required"
    # ``task.name`` where Task is named: a use; ``path.name`` elsewhere: a name match only;
    # ``Pool(name=...)``: another model's field, not reported at all.
    assert [str(u) for u in impact.uses] == ["qarnot_ext/_labels.py:5 (label)"]
    assert [str(u) for u in impact.name_only] == ["qarnot_ext/_paths.py:5 (stem)"]


def test_unparsable_files_are_skipped(product: Path, tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(product, root)
    (root / "qarnot_ext" / "_broken.py").write_text("def oops(:\n", encoding="utf-8")
    index = CodeIndex.scan(root, ["qarnot_ext"])
    assert "qarnot_ext/_broken.py" not in index.files
    assert "qarnot_ext/_tasks.py" in index.files


# --- the whole flow on the synthetic repository (regenerate + mypy + pytest, once) ------------------


@pytest.fixture(scope="module")
def dry_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, upgrade.Outcome, str, str]:
    if os.environ.get(upgrade.NESTED_ENV):
        pytest.skip("running inside upgrade.py's own test step")
    root = tmp_path_factory.mktemp("synthetic")
    repo = root / "repo"
    build_synthetic_repo(repo)
    subprocess.run([sys.executable, "scripts/generate.py"], cwd=repo, check=True, capture_output=True)
    before = (_status(repo), _tree_digest(repo))
    new = synthetic_new_spec(root)
    scratch = root / "scratch"
    scratch.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        # The synthetic tests need no plugin; loading ours (schemathesis...) costs seconds.
        patch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
        outcome = upgrade.run_upgrade(
            str(new),
            repo=repo,
            dry_run=True,
            base="HEAD",
            pytest_args=["-q", "-p", "no:cacheprovider", "tests"],
            optic_mode="off",
            scratch=scratch,
        )
    assert (_status(repo), _tree_digest(repo)) == before, "the dry run changed the working tree"
    return repo, outcome, upgrade.render_upgrade_report(outcome), str(new)


def test_dry_run_runs_every_step_and_reports_failures(
    dry_run: tuple[Path, upgrade.Outcome, str, str],
) -> None:
    _, outcome, _, _ = dry_run
    results = {step.name: step.ok for step in outcome.steps}
    assert results == {"regenerate": True, "check-generated": True, "typecheck": False, "tests": False}
    assert outcome.spec_diff.verdict == "breaking"
    assert outcome.api is not None
    assert outcome.api.breaks == []


def test_dry_run_attributes_type_errors_to_the_changes(
    dry_run: tuple[Path, upgrade.Outcome, str, str],
) -> None:
    repo, outcome, _, _ = dry_run
    assert outcome.impact is not None
    impacts = outcome.impact.impacts
    tasks_line = line_of(repo / "qarnot_ext" / "_tasks.py", ".max_retries_per_instance")
    removed = _by_kind(impacts, "property-removed")
    assert [(e.file, e.line, e.code) for e in removed.mypy] == [
        ("qarnot_ext/_tasks.py", tasks_line, "attr-defined")
    ]
    assert (
        'Unexpected keyword argument "task_uuid"'
        in _by_kind(impacts, "path-parameter-renamed").mypy[0].message
    )
    assert outcome.impact.unattributed == []
    changed = {c.path for c in outcome.impact.generated_changes}
    assert "qarnot_api.models.task_output.TaskOutput.max_retries_per_instance" in changed
    assert "qarnot_api.api.tasks.delete_task" in changed


@pytest.mark.xfail(
    strict=True,
    reason=(
        "known bug: the generated package now ships py.typed, so mypy in the scratch copy also resolves "
        "qarnot_api through the venv's editable install (a .pth entry to the real repository's "
        "generated/) and finds the removed endpoint module there; the removal is still reported by the "
        "AST scan, not by mypy"
    ),
)
def test_dry_run_type_checks_a_removed_operation_against_the_new_client(
    dry_run: tuple[Path, upgrade.Outcome, str, str],
) -> None:
    _, outcome, _, _ = dry_run
    assert outcome.impact is not None
    assert [e.code for e in _by_kind(outcome.impact.impacts, "operation-removed").mypy] == ["attr-defined"]


def test_dry_run_report_names_the_affected_code(dry_run: tuple[Path, upgrade.Outcome, str, str]) -> None:
    repo, _, report, new = dry_run
    tasks_line = line_of(repo / "qarnot_ext" / "_tasks.py", ".max_retries_per_instance")
    assert f"New revision: `{new}` — dry run (working tree untouched)" in report
    assert (
        "- `TaskOutput.max_retries_per_instance`: property removed (was optional) "
        "(breaking for clients; `property-removed`)\n"
        f"  → used by `qarnot_ext/_tasks.py:{tasks_line} (max_retries)`\n"
        "  → reaches the public API: `qarnot_ext.TaskClient.retries`\n"
    ) in report
    assert "| typecheck (`MYPYPATH=generated mypy qarnot_ext tests`) | FAILED (exit 1) |" in report
    assert "## tests output (last lines)" in report
    assert "ImportError" in report


# --- applying for real, with a stand-in generator ---------------------------------------------------

_STAND_IN_GENERATOR = '''\
"""Stand-in for scripts/generate.py: writes the spec's title into a one-module package."""
import pathlib
import sys

repo = pathlib.Path(__file__).resolve().parent.parent
spec = (repo / "openapi.yaml").read_text()
if "FAIL-GENERATION" in spec:
    sys.exit("generator exploded")
if "--check" not in sys.argv:
    package = repo / "generated" / "qarnot_api"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text(f"SIZE = {len(spec)}\\n")
'''


@pytest.fixture
def small_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "small"
    (repo / "scripts").mkdir(parents=True)
    (repo / "scripts" / "generate.py").write_text(_STAND_IN_GENERATOR, encoding="utf-8")
    (repo / "qarnot_ext").mkdir()
    (repo / "qarnot_ext" / "__init__.py").write_text(
        '"""Empty."""\n\n__all__: list[str] = []\n', encoding="utf-8"
    )
    (repo / "pyproject.toml").write_text(
        '[tool.mypy]\nstrict = true\nfiles = ["qarnot_ext"]\n', encoding="utf-8"
    )
    (repo / ".gitignore").write_text("UPGRADE_REPORT.md\n.mypy_cache/\n", encoding="utf-8")
    shutil.copy2(BASE, repo / "openapi.yaml")
    subprocess.run([sys.executable, "scripts/generate.py"], cwd=repo, check=True)
    git_commit_all(repo)
    return repo


def test_applied_upgrade_replaces_the_spec_regenerates_and_writes_the_report(
    small_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, new = write_pair(load_pair("removed-response-field"), tmp_path / "pair")
    monkeypatch.chdir(small_repo)
    code = upgrade.main([str(new), "--no-tests", "--no-optic", "--base", "HEAD"])
    err = capsys.readouterr().err
    assert code == EXIT_BREAKING
    assert (small_repo / "openapi.yaml").read_text(encoding="utf-8") == new.read_text(encoding="utf-8")
    size = len(new.read_text(encoding="utf-8"))
    assert (small_repo / "generated" / "qarnot_api" / "__init__.py").read_text(
        encoding="utf-8"
    ) == f"SIZE = {size}\n"
    report = (small_repo / "UPGRADE_REPORT.md").read_text(encoding="utf-8")
    assert "— applied —" in report
    assert "| `TaskOutput.maxRetriesPerInstance` | property removed (was optional) |" in report
    assert "| tests (`pytest (--no-tests)`) | skipped |" in report
    assert "review `git diff openapi.yaml generated/`" in err
    assert " M openapi.yaml" in _status(small_repo)


def test_failed_generation_restores_the_working_tree(small_repo: Path, tmp_path: Path) -> None:
    spec = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    spec["info"]["description"] = "FAIL-GENERATION"
    new = tmp_path / "new.yaml"
    new.write_text(yaml.safe_dump(spec), encoding="utf-8")
    before = _tree_digest(small_repo)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    outcome = upgrade.run_upgrade(str(new), repo=small_repo, dry_run=False, optic_mode="off", scratch=scratch)
    assert [s.name for s in outcome.failed_steps] == ["regenerate"]
    assert _tree_digest(small_repo) == before
    assert "generator exploded" in upgrade.render_upgrade_report(outcome)


def test_uncommitted_spec_is_not_overwritten(small_repo: Path, tmp_path: Path) -> None:
    (small_repo / "openapi.yaml").write_text(
        BASE.read_text(encoding="utf-8") + "# local edit\n", encoding="utf-8"
    )
    _, new = write_pair(load_pair("removed-response-field"), tmp_path / "pair")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    with pytest.raises(UpgradeError, match=r"openapi\.yaml has uncommitted changes"):
        upgrade.run_upgrade(str(new), repo=small_repo, dry_run=False, optic_mode="off", scratch=scratch)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("openapi: [", "invalid YAML"),
        ("openapi: 3.1.0\ninfo: {title: t}\npaths: {}\n", "not a valid OpenAPI document"),
    ],
)
def test_bad_spec_exits_2(
    small_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: str | None,
    message: str,
) -> None:
    spec = tmp_path / "spec.yaml"
    if content is not None:
        spec.write_text(content, encoding="utf-8")
    monkeypatch.chdir(small_repo)
    assert upgrade.main([str(spec), "--dry-run", "--no-optic"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("upgrade: error: ")
    assert message in err


def test_spec_diff_impact_regenerates_in_a_copy_and_type_checks_there(
    small_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, new = write_pair(load_pair("removed-response-field"), tmp_path / "pair")
    before = _tree_digest(small_repo)
    code = spec_diff.main(["--no-optic", "--impact", "openapi.yaml", str(new)], cwd=small_repo)
    out = capsys.readouterr().out
    assert code == EXIT_BREAKING
    assert "## Impact on our code" in out
    assert "- Regeneration: `python scripts/generate.py` — ok" in out
    assert "- Type check: `MYPYPATH=generated mypy` — clean" in out
    assert "None of the changes is referenced by `qarnot_ext` or the tests." in out
    assert _tree_digest(small_repo) == before
