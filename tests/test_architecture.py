"""The rules that keep the layers apart (ARCHITECTURE.md), enforced on the import graph.

Every ``import`` of every module under ``qarnot_ext`` is read from the source (absolute and relative,
at any depth, including those inside functions and ``TYPE_CHECKING`` blocks) and resolved to the
module it names; the rules are then checked on that graph, not on a list of file names.
"""

from __future__ import annotations

import ast
import importlib.metadata
import inspect
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import qarnot_ext
import qarnot_ext.storage
import qarnot_ext.wire

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "qarnot_ext"
ADAPTER = "qarnot_ext._adapter"
TOOLS = ("qarnot_ext.emulator", "qarnot_ext.contract", "qarnot_ext.demo")
PUBLIC_LIBRARY = {"qarnot_ext", "qarnot_ext.storage", "qarnot_ext.wire"}
# The demo shows the client against the emulator: it may use the emulator's public surface too.
PUBLIC_FOR_DEMO = {"qarnot_ext.emulator"}
# Tool packages with their own documented surface; everything else in the library is private.
PUBLIC_SUBPACKAGES = {"storage", "emulator", "contract"}
PUBLIC_MODULES = {"__init__", "__main__", "demo", "models", "wire"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def _imports(path: Path) -> Iterator[tuple[str, int]]:
    """Yield (absolute module name, line) for every import in ``path``, names of ``from`` included."""
    name = _module_name(path)
    package = name if _is_package(path) else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield module, node.lineno
            for alias in node.names:
                # `from pkg import sub` imports a submodule when one exists.
                candidate = f"{module}.{alias.name}"
                if _source_of(candidate) is not None:
                    yield candidate, node.lineno


def _source_of(module: str) -> Path | None:
    if not module.startswith("qarnot_ext"):
        return None
    base = ROOT.joinpath(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _graph() -> dict[str, list[tuple[str, int]]]:
    return {_module_name(p): list(_imports(p)) for p in sorted(PACKAGE.rglob("*.py"))}


def _in(module: str, roots: tuple[str, ...] | set[str]) -> bool:
    return any(module == r or module.startswith(r + ".") for r in roots)


def _is_tool(module: str) -> bool:
    return _in(module, TOOLS)


def test_the_graph_is_read() -> None:
    # Guards the rules below against passing because nothing was parsed.
    graph = _graph()
    assert "qarnot_ext.emulator._app" in graph
    assert ("qarnot_ext.wire", 1) not in graph["qarnot_ext.emulator._listing"]
    assert any(m == "qarnot_ext.wire" for m, _ in graph["qarnot_ext.emulator._listing"])
    assert any(m == "qarnot_ext._filters" for m, _ in graph["qarnot_ext.wire"])


def test_only_the_adapter_imports_the_generated_client() -> None:
    offenders = [
        f"{module}:{line}"
        for module, imports in _graph().items()
        for target, line in imports
        if _in(target, ("qarnot_api",)) and module != ADAPTER
    ]
    assert offenders == [], f"only {ADAPTER} may import qarnot_api: {offenders}"


def test_the_library_never_imports_the_tools() -> None:
    offenders = [
        f"{module}:{line} imports {target}"
        for module, imports in _graph().items()
        if not _is_tool(module)
        for target, line in imports
        if _is_tool(target)
    ]
    assert offenders == []


def test_the_tools_use_only_the_public_api_of_the_library() -> None:
    offenders = []
    for module, imports in _graph().items():
        if not _is_tool(module):
            continue
        home = next(t for t in TOOLS if _in(module, (t,)))
        for target, line in imports:
            if not target.startswith("qarnot_ext") or _in(target, (home,)):
                continue
            allowed = PUBLIC_LIBRARY | (PUBLIC_FOR_DEMO if module == "qarnot_ext.demo" else set())
            if target not in allowed:
                offenders.append(f"{module}:{line} imports {target}")
    assert offenders == [], "tools may import only qarnot_ext, qarnot_ext.storage and qarnot_ext.wire"


def test_the_tools_do_not_import_each_other_except_the_demo() -> None:
    # The demo runs the client against the emulator; the emulator and the contract runner are apart.
    offenders = [
        f"{module}:{line} imports {target}"
        for module, imports in _graph().items()
        for target, line in imports
        if (_in(module, ("qarnot_ext.emulator",)) and _in(target, ("qarnot_ext.contract",)))
        or (_in(module, ("qarnot_ext.contract",)) and _in(target, ("qarnot_ext.emulator",)))
    ]
    assert offenders == []


def _library_module(module: str) -> bool:
    return not _is_tool(module)


def _third_party_imports(selected: Callable[[str], bool]) -> dict[str, str]:
    """Top-level third-party modules imported at run time by the selected modules, one place each."""
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        if not selected(module):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        type_only = {
            id(n)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for child in node.body
            for n in ast.walk(child)
        }
        for node in ast.walk(tree):
            if id(node) in type_only:
                continue
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.partition(".")[0]
                if top not in stdlib and top not in {"qarnot_ext", "qarnot_api"}:
                    found.setdefault(top, f"{module}:{node.lineno}")
    return found


def _declared(extra: str | None) -> set[str]:
    """Distributions (normalized names) the core, or the core plus ``extra``, declares."""
    names = set()
    for requirement in importlib.metadata.requires("qarnot-toolkit") or []:
        spec, _, marker = requirement.partition(";")
        if marker and (extra is None or not re.search(rf"extra\s*==\s*['\"]{extra}['\"]", marker)):
            continue
        name = re.split(r"[\s\[<>=!~;(]", spec.strip(), maxsplit=1)[0]
        names.add(re.sub(r"[-_.]+", "-", name).lower())
    return names


def _distributions_of(module: str) -> set[str]:
    dists = importlib.metadata.packages_distributions().get(module, [])
    return {re.sub(r"[-_.]+", "-", d).lower() for d in dists}


@pytest.mark.parametrize(
    ("root", "extra"),
    [
        (None, None),
        ("qarnot_ext.emulator", "emulator"),
        ("qarnot_ext.demo", "emulator"),
        ("qarnot_ext.contract", "contract"),
    ],
)
def test_every_package_a_layer_imports_is_declared(root: str | None, extra: str | None) -> None:
    # The client install must work with the core dependencies alone; each tool with its extra.
    declared = _declared(None) | (_declared(extra) if extra else set())
    imports = _third_party_imports(_library_module if root is None else lambda m: _in(m, (root,)))
    assert imports, f"no third-party import found under {root}: the scan is broken"
    undeclared = {name: place for name, place in imports.items() if not (_distributions_of(name) & declared)}
    if extra is None:
        # Imported lazily and guarded: without the `progress` extra, progress is shown as plain lines.
        undeclared.pop("rich", None)
    assert undeclared == {}, f"imported but not declared for {extra or 'the core'}: {undeclared}"


def test_all_is_unique_complete_and_importable() -> None:
    # Order is ruff's RUF022 (isort-style), checked by `make lint`.
    for module in (qarnot_ext, qarnot_ext.storage, qarnot_ext.wire):
        names = list(module.__all__)
        assert len(names) == len(set(names)), module.__name__
        for name in names:
            assert hasattr(module, name), f"{module.__name__}.{name}"
        # Complete: every public name bound in the module (submodules aside) is exported.
        bound = {n for n, v in vars(module).items() if not n.startswith("_") and not inspect.ismodule(v)}
        assert bound - set(names) == set(), module.__name__


def test_public_names_have_docstrings() -> None:
    missing = []
    for module in (qarnot_ext, qarnot_ext.storage, qarnot_ext.wire):
        for name in module.__all__:
            obj = getattr(module, name)
            if (inspect.isclass(obj) or inspect.isfunction(obj)) and not inspect.getdoc(obj):
                missing.append(f"{module.__name__}.{name}")
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


def test_every_package_is_typed() -> None:
    packages = [p.parent for p in PACKAGE.rglob("__init__.py")]
    assert [str(p.relative_to(ROOT)) for p in packages if not (p / "py.typed").is_file()] == []


def test_no_reference_points_outside_the_repository() -> None:
    pattern = re.compile(r"\.\./shared|design\.md|formats-and-quirks\.md|official-sdks-review|tooling-trials")
    files = [*PACKAGE.rglob("*.py"), *(ROOT / "scripts").rglob("*.py"), *(ROOT / "docs").rglob("*.md")]
    # tests/spec reads the reference where the maintainers keep it, and says so; this file names the pattern.
    files += [p for p in (ROOT / "tests").rglob("*.py") if p.parent.name != "spec" and p != Path(__file__)]
    files += [ROOT / "openapi.yaml", ROOT / "README.md", ROOT / "ARCHITECTURE.md"]
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in files
        if path.is_file()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
