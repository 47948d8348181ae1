"""The rules that keep the layers apart (design.md, "Layers and their rooms")."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import qarnot_ext

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "qarnot_ext"
ADAPTER = PACKAGE / "_adapter.py"
# Public sub-packages with their own documented surface; every other module is private.
PUBLIC_SUBPACKAGES = {"storage", "emulator", "contract"}
PUBLIC_MODULES = {"__init__", "__main__", "demo"}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_only_the_adapter_imports_the_generated_client() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == ADAPTER:
            continue
        if any(m == "qarnot_api" or m.startswith("qarnot_api.") for m in _imported_modules(path)):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == [], f"only qarnot_ext/_adapter.py may import qarnot_api: {offenders}"


def test_all_is_sorted_unique_and_importable() -> None:
    names = list(qarnot_ext.__all__)
    assert len(names) == len(set(names))
    for name in names:
        assert hasattr(qarnot_ext, name), name


def test_public_names_have_docstrings() -> None:
    missing = []
    for name in qarnot_ext.__all__:
        obj = getattr(qarnot_ext, name)
        if (inspect.isclass(obj) or inspect.isfunction(obj)) and not inspect.getdoc(obj):
            missing.append(name)
    assert missing == []


def test_modules_are_private_unless_declared_public() -> None:
    public = []
    for path in sorted(PACKAGE.glob("*.py")):
        if path.stem not in PUBLIC_MODULES and not path.stem.startswith("_"):
            public.append(path.name)
    for path in sorted(p for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        if path.name not in PUBLIC_SUBPACKAGES:
            public.append(path.name + "/")
    assert public == [], f"unexpected public modules (prefix them with _ or declare them): {public}"
