"""Workspaces, regeneration and type-checking against a regenerated client.

A *workspace* is a throw-away copy of the working tree (the files git lists, tracked or not,
minus ignored ones, hidden top-level directories and virtual environments) in a temporary
directory. Regenerating there runs the project's own ``scripts/generate.py`` with everything it
reads, without touching the working tree; ``node_modules`` is linked, not copied.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from _upgrade.errors import UpgradeError
from _upgrade.specsource import git

__all__ = ["MypyError", "StepResult", "copy_workspace", "regenerate", "run_mypy", "run_step"]

_MYPY_LINE = re.compile(
    r"^(?P<file>[^:\n]+\.pyi?):(?P<line>\d+):(?:\d+:)? (?P<level>error|note): "
    r"(?P<message>.*?)(?:  \[(?P<code>[a-z0-9-]+)\])?$"
)


@dataclass(frozen=True)
class MypyError:
    """One mypy error.

    Attributes:
        file: the path as mypy printed it (relative to where it ran).
        line: the line number.
        message: the message.
        code: the error code (``attr-defined``), if printed.

    """

    file: str
    line: int
    message: str
    code: str = ""

    def __str__(self) -> str:
        code = f"  [{self.code}]" if self.code else ""
        return f"{self.file}:{self.line}: {self.message}{code}"


@dataclass
class StepResult:
    """The outcome of one command of the flow.

    Attributes:
        name: the step (``regenerate``, ``typecheck``...).
        command: the command line, as shown in the report.
        returncode: its exit code (``None`` when it was skipped).
        seconds: wall time.
        output: its combined output (trimmed for the report by the renderer).
        errors: parsed mypy errors, for type-check steps.

    """

    name: str
    command: str
    returncode: int | None
    seconds: float
    output: str = ""
    errors: list[MypyError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the step ran and succeeded."""
        return self.returncode == 0


def run_step(
    name: str, command: list[str], *, cwd: Path, env: dict[str, str] | None = None, timeout: float = 900
) -> StepResult:
    """Run one command and capture its output.

    Raises:
        UpgradeError: the command cannot be started, or timed out.

    """
    shown = " ".join(command)
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise UpgradeError(f"{name}: cannot run `{shown}`: {error}") from error
    return StepResult(name, shown, done.returncode, time.perf_counter() - started, done.stdout + done.stderr)


def _is_venv(path: Path) -> bool:
    return (path / "pyvenv.cfg").exists()


def copy_workspace(repo: Path, destination: Path) -> Path:
    """Copy the working tree of ``repo`` into ``destination`` (which must not exist).

    Returns:
        ``destination``.

    Raises:
        UpgradeError: ``repo`` is not a git work tree.

    """
    listed = git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=repo)
    destination.mkdir(parents=True)
    skipped_tops: dict[str, bool] = {}
    for relative in filter(None, listed.split("\0")):
        top = relative.split("/", 1)[0]
        if top not in skipped_tops:
            # Hidden directories (.git, .ci, someone's .venv-bench) and virtual environments are
            # not part of what the checks read; node_modules is linked below.
            directory = repo / top
            skipped_tops[top] = directory.is_dir() and (
                top.startswith(".") or top == "node_modules" or _is_venv(directory)
            )
        if skipped_tops[top]:
            continue
        source = repo / relative
        if not source.is_file():
            continue  # deleted in the working tree but still in the index
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    if (repo / "node_modules").is_dir():
        (destination / "node_modules").symlink_to(repo / "node_modules", target_is_directory=True)
    return destination


def regenerate(workspace: Path, output: Path | None = None) -> StepResult:
    """Run the workspace's ``scripts/generate.py`` (with this interpreter), optionally into ``output``.

    Raises:
        UpgradeError: the workspace has no ``scripts/generate.py``.

    """
    script = workspace / "scripts" / "generate.py"
    if not script.exists():
        raise UpgradeError(f"{script} not found: cannot regenerate the client")
    command = [sys.executable, str(script)]
    if output is not None:
        command += ["--output", str(output)]
    result = run_step("regenerate", command, cwd=workspace)
    result.command = "python scripts/generate.py" + (f" --output {output}" if output is not None else "")
    return result


def run_mypy(targets: list[str], *, cwd: Path, mypypath: Path | None, cache_dir: Path) -> StepResult:
    """Type-check ``targets`` with the project's mypy configuration.

    Args:
        targets: files or directories, relative to ``cwd``.
        cwd: where to run (its ``pyproject.toml`` configures mypy).
        mypypath: a directory put first on ``MYPYPATH`` (the parent of a regenerated ``qarnot_api``).
        cache_dir: mypy's cache (a temporary one, so a different ``qarnot_api`` never mixes with
            the project's cache).

    """
    env = dict(os.environ)
    if mypypath is not None:
        env["MYPYPATH"] = str(mypypath)
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--cache-dir",
        str(cache_dir),
        "--no-color-output",
        "--no-error-summary",
        "--show-error-codes",
        *targets,
    ]
    result = run_step("typecheck", command, cwd=cwd, env=env)
    shown = " ".join(["mypy", *targets])
    if mypypath is not None:
        where = mypypath.relative_to(cwd) if mypypath.is_relative_to(cwd) else mypypath
        shown = f"MYPYPATH={where} {shown}"
    result.command = shown
    for line in result.output.splitlines():
        match = _MYPY_LINE.match(line)
        if match and match["level"] == "error":
            result.errors.append(
                MypyError(match["file"], int(match["line"]), match["message"], match["code"] or "")
            )
    return result
