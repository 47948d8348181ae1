"""Fixtures of the upgrade tests: spec pairs and a synthetic repository.

Spec pairs are ``fixtures/base.yaml`` plus one JSON-Patch per case.

Each ``fixtures/pairs/<case>.yaml`` holds a description, the patch that makes NEW from the base
(``new``), optionally a patch that makes OLD (``old``), options for the classifier, and the
expected findings (kind, location, classification). Writing the change as a patch keeps each
case to the lines that matter; :func:`write_pair` materialises both files for the command line
and for optic.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
REPO = HERE.parents[1]
BASE = FIXTURES / "base.yaml"


@dataclass(frozen=True)
class Pair:
    """One fixture case."""

    name: str
    description: str
    old: dict[str, Any]
    new: dict[str, Any]
    expected: list[tuple[str, str, tuple[str, ...]]]
    closed_enums: bool


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _parent(document: Any, pointer: str) -> tuple[Any, str]:
    tokens = [_unescape(t) for t in pointer.split("/")[1:]]
    node = document
    for token in tokens[:-1]:
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node, tokens[-1]


def apply_patch(document: dict[str, Any], operations: list[dict[str, Any]]) -> dict[str, Any]:
    """Apply JSON-Patch ``add``/``remove``/``replace``/``move`` operations to a copy of ``document``."""
    result = copy.deepcopy(document)
    for operation in operations:
        kind = operation["op"]
        if kind == "move":
            parent, key = _parent(result, operation["from"])
            value = parent.pop(int(key)) if isinstance(parent, list) else parent.pop(key)
            kind, operation = "add", {"path": operation["path"], "value": value}
        parent, key = _parent(result, operation["path"])
        if kind == "remove":
            del parent[int(key) if isinstance(parent, list) else key]
        elif kind == "add" and isinstance(parent, list):
            parent.insert(len(parent) if key == "-" else int(key), copy.deepcopy(operation["value"]))
        elif kind in ("add", "replace"):
            if kind == "replace" and key not in parent:
                raise KeyError(f"replace of a missing member: {operation['path']}")
            parent[int(key) if isinstance(parent, list) else key] = copy.deepcopy(operation["value"])
        else:
            raise ValueError(f"unsupported patch operation {kind!r}")
    return result


def pair_names() -> list[str]:
    """All case names, sorted."""
    return sorted(p.stem for p in (FIXTURES / "pairs").glob("*.yaml"))


def load_pair(name: str) -> Pair:
    """Load one case and build its OLD and NEW documents."""
    case = yaml.safe_load((FIXTURES / "pairs" / f"{name}.yaml").read_text(encoding="utf-8"))
    base = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    old = apply_patch(base, case.get("old") or [])
    new = apply_patch(old, case.get("new") or [])
    expected = [
        (e["kind"], e["location"], tuple(sorted(e["classification"]))) for e in case.get("expected") or []
    ]
    options = case.get("options") or {}
    return Pair(name, case["description"], old, new, expected, bool(options.get("closed_enums")))


def write_pair(pair: Pair, directory: Path) -> tuple[Path, Path]:
    """Write OLD and NEW as YAML files in ``directory``; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    old, new = directory / "old.yaml", directory / "new.yaml"
    old.write_text(yaml.safe_dump(pair.old, sort_keys=False), encoding="utf-8")
    new.write_text(yaml.safe_dump(pair.new, sort_keys=False), encoding="utf-8")
    return old, new


IMPACT = FIXTURES / "impact"


def git_commit_all(repo: Path, message: str = "fixture") -> None:
    """Initialise (if needed) a throw-away git repository and commit everything in it."""
    env_args = ["-c", "user.name=fixture", "-c", "user.email=fixture@example.test"]
    env_args += ["-c", "commit.gpgsign=false"]
    if not (repo / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    subprocess.run(["git", *env_args, "-C", str(repo), "commit", "-q", "-m", message], check=True)


def build_synthetic_repo(repo: Path) -> None:
    """Build a small repository like ours, committed in git.

    It has the real generator script, config and templates, the synthetic OLD spec, and a
    product package with its tests (from ``fixtures/impact``).
    """
    repo.mkdir(parents=True)
    (repo / "scripts").mkdir()
    shutil.copy2(REPO / "scripts" / "generate.py", repo / "scripts" / "generate.py")
    shutil.copy2(REPO / "openapi-python-client.yaml", repo / "openapi-python-client.yaml")
    shutil.copytree(REPO / "templates", repo / "templates")
    shutil.copy2(IMPACT / "spec.yaml", repo / "openapi.yaml")
    shutil.copy2(IMPACT / "pyproject.toml.txt", repo / "pyproject.toml")
    ignored = ["__pycache__/", ".mypy_cache/", ".pytest_cache/", "UPGRADE_REPORT.md"]
    (repo / ".gitignore").write_text("\n".join(ignored) + "\n", encoding="utf-8")
    for source in (IMPACT / "product").rglob("*.py.txt"):
        target = repo / source.relative_to(IMPACT / "product").with_suffix("")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    git_commit_all(repo)


def synthetic_new_spec(directory: Path) -> Path:
    """Write the NEW revision of the synthetic spec (``spec.yaml`` + ``new.patch.yaml``); return its path."""
    old = yaml.safe_load((IMPACT / "spec.yaml").read_text(encoding="utf-8"))
    patch = yaml.safe_load((IMPACT / "new.patch.yaml").read_text(encoding="utf-8"))
    path = directory / "new.yaml"
    path.write_text(yaml.safe_dump(apply_patch(old, patch), sort_keys=False), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the first line of ``path`` containing ``text``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")
