"""Public-API diff of a package against a git ref (griffe), on a throw-away repository."""

from __future__ import annotations

from pathlib import Path

import api_diff
import pytest
from _upgrade.apidiff import diff_public_api, render_api_markdown
from _upgrade.errors import EXIT_BREAKING, EXIT_ERROR, EXIT_OK

from tests.upgrade.upgrade_fixtures import git_commit_all

_OLD_INIT = '''"""A package."""

from qarnot_ext._core import Client, wait

__all__ = ["Client", "legacy", "wait"]


def legacy(value: int) -> int:
    """Old helper."""
    return value
'''

_OLD_CORE = '''"""Core."""


class Client:
    """A client."""

    def get(self, uuid: str, timeout: float = 5.0) -> str:
        """Get one."""
        return uuid


def wait(uuid: str) -> None:
    """Wait."""
'''

_NEW_INIT = '''"""A package."""

from qarnot_ext._core import Client, wait, wait_all

__all__ = ["Client", "wait", "wait_all"]
'''

_NEW_CORE = '''"""Core."""


class Client:
    """A client."""

    def get(self, uuid: str, *, timeout: float = 5.0) -> str:
        """Get one."""
        return uuid


def wait(uuid: str, deadline: float) -> None:
    """Wait."""


def wait_all() -> None:
    """Wait for all."""
'''


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "qarnot_ext").mkdir(parents=True)
    (root / "qarnot_ext" / "__init__.py").write_text(_OLD_INIT, encoding="utf-8")
    (root / "qarnot_ext" / "_core.py").write_text(_OLD_CORE, encoding="utf-8")
    git_commit_all(root)
    return root


def _change(root: Path) -> None:
    (root / "qarnot_ext" / "__init__.py").write_text(_NEW_INIT, encoding="utf-8")
    (root / "qarnot_ext" / "_core.py").write_text(_NEW_CORE, encoding="utf-8")


def test_breaking_changes_with_public_paths_and_deprecation_hints(repo: Path) -> None:
    _change(repo)
    diff = diff_public_api(repo, "HEAD")
    found = {(b.path, b.kind) for b in diff.breaks}
    assert found == {
        ("qarnot_ext.legacy", "Public object was removed"),
        ("qarnot_ext.Client.get", "Parameter kind was changed"),
        ("qarnot_ext.wait", "Parameter was added as required"),
    }
    removed = next(b for b in diff.breaks if b.path == "qarnot_ext.legacy")
    assert removed.location == "qarnot_ext/__init__.py:8"
    assert "deprecated alias" in removed.hint
    assert diff.added == ["qarnot_ext.wait_all"]
    markdown = render_api_markdown(diff)
    assert "**3 breaking changes**" in markdown
    assert "### Removed (breaking)\n- `qarnot_ext.legacy`" in markdown
    assert "### Added\n- `qarnot_ext.wait_all`" in markdown


def test_no_change_is_not_breaking(repo: Path) -> None:
    diff = diff_public_api(repo, "HEAD")
    assert (diff.breaks, diff.added, diff.base_missing) == ([], [], False)


def test_package_missing_at_the_base_lists_everything_as_new(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "README").write_text("x\n", encoding="utf-8")
    git_commit_all(root)
    (root / "qarnot_ext").mkdir()
    (root / "qarnot_ext" / "__init__.py").write_text(_OLD_INIT, encoding="utf-8")
    (root / "qarnot_ext" / "_core.py").write_text(_OLD_CORE, encoding="utf-8")
    diff = diff_public_api(root, "HEAD")
    assert diff.base_missing
    assert "qarnot_ext.legacy" in diff.added


def test_command_line_exit_codes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert api_diff.main(["--base", "HEAD"], cwd=repo) == EXIT_OK
    _change(repo)
    assert api_diff.main(["--base", "HEAD"], cwd=repo) == EXIT_BREAKING
    assert "Public API of `qarnot_ext` against `HEAD`" in capsys.readouterr().out
    assert api_diff.main(["--base", "no-such-ref"], cwd=repo) == EXIT_ERROR
    assert "api_diff: error: unknown git ref no-such-ref" in capsys.readouterr().err
