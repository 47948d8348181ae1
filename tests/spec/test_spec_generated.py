"""``generated/qarnot_api`` is exactly what ``scripts/generate.py`` produces, and generation is stable.

One generation runs here (they cost seconds): ``--check`` against an altered copy of the committed
tree must fail and list exactly the altered files. Every other file of the fresh generation is
therefore byte-identical to the committed tree, itself the output of an earlier generation: two
consecutive generations agree, and the committed tree is up to date (what ``make check-generated``
checks on the real tree).
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from tests.spec._spec_tools import REPO

COMMITTED = REPO / "generated" / "qarnot_api"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("qarnot_generate_script", REPO / "scripts" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fresh_generation_equals_the_committed_tree_but_for_altered_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "qarnot_api"
    shutil.copytree(COMMITTED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "types.py").write_text("# edited by hand\n", encoding="utf-8")
    (copy / "models" / "task_output.py").unlink()
    (copy / "models" / "handwritten.py").write_text("x = 1\n", encoding="utf-8")
    assert _script().main(["--check", "--output", str(copy)]) == 1
    err = capsys.readouterr().err
    listed = sorted(line.strip() for line in err.splitlines() if line.startswith("  "))
    assert listed == ["+ models/handwritten.py", "- models/task_output.py", "M types.py"]


def test_compare_reports_nothing_for_identical_trees(tmp_path: Path) -> None:
    copy = tmp_path / "same"
    shutil.copytree(COMMITTED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert _script().compare(COMMITTED, copy) == []


def test_wrong_tool_version_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    script = _script()
    monkeypatch.setitem(script.PINS, "ruff", "0.0.1")
    with pytest.raises(script.GenerationError, match="ruff"):
        script.check_pins()
