"""Public-API diff of a package against a git ref, with griffe (``griffe.load`` + ``find_breaking_changes``).

The base version is exported with ``git archive`` into a temporary directory (no worktree, so the
repository's git state never changes) and both versions are loaded statically, each in its own
modules collection. Breakages of public objects (removed, signature changed...) become changelog
entries with a deprecation hint; public names added are listed too.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import griffe

from _upgrade.errors import UpgradeError
from _upgrade.specsource import git

__all__ = ["ApiBreak", "ApiDiff", "diff_public_api", "load_package", "render_api_markdown"]

# ``find_breaking_changes`` reports any changed attribute value (``__version__``, a default
# constant): not an API break for our users.
_IGNORED = frozenset({griffe.BreakageKind.ATTRIBUTE_CHANGED_VALUE})
_HINTS = {
    griffe.BreakageKind.OBJECT_REMOVED: "keep the old name for one release as a deprecated alias "
    "(emit DeprecationWarning) before removing it",
    griffe.BreakageKind.PARAMETER_REMOVED: "accept the old parameter for one release, warn, then drop it",
    griffe.BreakageKind.PARAMETER_ADDED_REQUIRED: "give the new parameter a default",
    griffe.BreakageKind.PARAMETER_CHANGED_KIND: "accept both call forms for one release",
    griffe.BreakageKind.PARAMETER_MOVED: "make the parameters keyword-only in a major release instead",
    griffe.BreakageKind.PARAMETER_CHANGED_REQUIRED: "keep a default",
}


@dataclass(frozen=True)
class ApiBreak:
    """One breaking change of the public API.

    Attributes:
        kind: griffe's breakage kind (``Public object was removed``).
        path: the public dotted path (the re-export when there is one).
        explanation: griffe's Markdown one-liner.
        location: ``file:line`` in the version where the object lives.
        hint: a deprecation path, when one applies.

    """

    kind: str
    path: str
    explanation: str
    location: str
    hint: str = ""


@dataclass
class ApiDiff:
    """The public-API diff of a package.

    Attributes:
        package: the package (``qarnot_ext``).
        base_ref: the git ref compared against.
        breaks: breaking changes.
        added: public names new since the base.
        base_missing: True when the package does not exist at the base (everything is new).
        seconds: wall time.

    """

    package: str
    base_ref: str
    breaks: list[ApiBreak] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    base_missing: bool = False
    seconds: float = 0.0


def load_package(package: str, search_path: Path) -> griffe.Object | griffe.Alias:
    """Load a package statically from ``search_path`` only, in a fresh collection.

    Raises:
        UpgradeError: the package is not there or cannot be loaded.

    """
    try:
        loaded = griffe.load(
            package,
            search_paths=[search_path],
            try_relative_path=False,  # else a ``package`` directory in the cwd wins over search_paths
            modules_collection=griffe.ModulesCollection(),
            lines_collection=griffe.LinesCollection(),
            allow_inspection=False,
            resolve_aliases=True,
            resolve_external=False,
        )
    except (ImportError, OSError, griffe.GriffeError) as error:
        raise UpgradeError(f"griffe cannot load {package} from {search_path}: {error}") from error
    _drop_external_aliases(loaded, package)
    return loaded


def _drop_external_aliases(obj: griffe.Object | griffe.Alias, package: str) -> None:
    """Remove names imported from outside ``package`` (``__future__.annotations``, ``json``…).

    They are not part of our API, and griffe cannot resolve them without loading the other
    packages, which would make ``find_breaking_changes`` fail on a module without ``__all__``.
    """
    stack = [obj]
    while stack:
        current = stack.pop()
        for name, member in list(current.members.items()):
            if isinstance(member, griffe.Alias):
                target = member.target_path
                if target != package and not target.startswith(package + "."):
                    current.del_member(name)
            elif member.is_module:
                stack.append(member)


def _public_paths(obj: griffe.Object | griffe.Alias, seen: set[str] | None = None) -> Iterator[str]:
    seen = set() if seen is None else seen
    for member in obj.members.values():
        if member.path in seen or not member.is_public:
            continue
        seen.add(member.path)
        yield member.path
        if not member.is_alias and (member.is_module or member.is_class):
            yield from _public_paths(member, seen)


def _aliases(obj: griffe.Object | griffe.Alias) -> dict[str, str]:
    """Canonical path -> public re-export path, for the package and its public subpackages."""
    found: dict[str, str] = {}
    stack = [obj]
    while stack:
        current = stack.pop()
        for member in current.members.values():
            if isinstance(member, griffe.Alias) and member.is_public:
                found.setdefault(member.target_path, member.path)
            elif member.is_module and member.is_public and not member.is_alias:
                stack.append(member)
    return found


def _public_path(path: str, aliases: dict[str, str]) -> str:
    """``qarnot_ext._core.Client.get`` -> ``qarnot_ext.Client.get`` when ``Client`` is re-exported."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        public = aliases.get(".".join(parts[:cut]))
        if public is not None:
            return ".".join([public, *parts[cut:]])
    return path


def _export(repo: Path, ref: str, package: str, destination: Path) -> bool:
    """Extract ``package`` at ``ref`` into ``destination``; False when it does not exist there."""
    listing = git(["ls-tree", "--name-only", ref, "--", package], cwd=repo).strip()
    if not listing:
        return False
    archive = _git_bytes(["archive", "--format=tar", ref, package], cwd=repo)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")
    return True


def _location(obj: griffe.Object | griffe.Alias, roots: list[Path]) -> str:
    """``file:line`` relative to the version's root (the base export or the working tree)."""
    try:
        filepath = obj.parent.filepath if obj.is_alias and obj.parent is not None else obj.filepath
    except (griffe.AliasResolutionError, griffe.BuiltinModuleError, griffe.CyclicAliasError):
        return obj.path
    path = Path(filepath[0] if isinstance(filepath, list) else filepath)
    for root in roots:
        if path.is_relative_to(root.resolve()) or path.is_relative_to(root):
            base = root.resolve() if path.is_relative_to(root.resolve()) else root
            return f"{path.relative_to(base).as_posix()}:{obj.lineno or 0}"
    return f"{path.as_posix()}:{obj.lineno or 0}"


def _git_bytes(args: list[str], *, cwd: Path) -> bytes:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    if done.returncode != 0:
        raise UpgradeError(f"git {' '.join(args)}: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def diff_public_api(
    repo: Path, base_ref: str, *, package: str = "qarnot_ext", current: Path | None = None
) -> ApiDiff:
    """Compare the public API of ``package`` at ``base_ref`` with the working tree.

    Args:
        repo: the git repository.
        base_ref: the ref to compare against.
        package: the package directory name at the top of the repository.
        current: where the current version lives (default: ``repo``).

    Raises:
        UpgradeError: unknown ref, or a version cannot be loaded.

    """
    started = time.perf_counter()
    result = ApiDiff(package, base_ref)
    try:
        git(["rev-parse", "--verify", "--quiet", f"{base_ref}^{{commit}}"], cwd=repo)
    except UpgradeError as error:
        raise UpgradeError(f"unknown git ref {base_ref} (in {repo})") from error
    new = load_package(package, current or repo)
    with tempfile.TemporaryDirectory(prefix="api-diff-") as scratch:
        if not _export(repo, base_ref, package, Path(scratch)):
            result.base_missing = True
            result.added = sorted(_public_paths(new))
            result.seconds = time.perf_counter() - started
            return result
        old = load_package(package, Path(scratch))
        aliases = {**_aliases(old), **_aliases(new)}
        for breakage in griffe.find_breaking_changes(old, new):
            if breakage.kind in _IGNORED:
                continue
            obj = breakage.obj
            path = _public_path(obj.path, aliases)
            location = _location(obj, [Path(scratch), (current or repo)])
            explanation = breakage.explain(griffe.ExplanationStyle.MARKDOWN).removeprefix("- ").strip()
            result.breaks.append(
                ApiBreak(breakage.kind.value, path, explanation, location, _HINTS.get(breakage.kind, ""))
            )
        result.added = sorted(set(_public_paths(new)) - set(_public_paths(old)))
    result.seconds = time.perf_counter() - started
    return result


def render_api_markdown(diff: ApiDiff, *, heading_level: int = 2) -> str:
    """Render as Markdown: breaking changes with deprecation hints, then a changelog draft."""
    top = "#" * heading_level
    out = [f"{top} Public API of `{diff.package}` against `{diff.base_ref}` (griffe)", ""]
    if diff.base_missing:
        out.append(
            f"`{diff.package}` does not exist at `{diff.base_ref}`: "
            f"everything is new ({len(diff.added)} public names)."
        )
        return "\n".join(out) + "\n"
    if not diff.breaks:
        out.append("No breaking change of the public API.")
    else:
        out += [f"**{len(diff.breaks)} breaking changes** — each needs a changelog entry:", ""]
        for item in diff.breaks:
            hint = f" Deprecation path: {item.hint}." if item.hint else ""
            out.append(f"- `{item.path}` ({item.location}): {item.explanation}.{hint}")
    out += ["", "Changelog draft:", "", "```markdown"]
    removed = [b for b in diff.breaks if b.kind == griffe.BreakageKind.OBJECT_REMOVED.value]
    changed = [b for b in diff.breaks if b.kind != griffe.BreakageKind.OBJECT_REMOVED.value]
    if diff.added:
        out += ["### Added", *[f"- `{name}`" for name in diff.added]]
    if changed:
        out += ["### Changed (breaking)", *[f"- `{b.path}`: {b.explanation}" for b in changed]]
    if removed:
        out += ["### Removed (breaking)", *[f"- `{b.path}`" for b in removed]]
    if not (diff.added or diff.breaks):
        out.append("(no public API change)")
    out.append("```")
    return "\n".join(out) + "\n"
