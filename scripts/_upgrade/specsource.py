"""Reading a revision of the spec from a path or from git (``REF:path``), and the git helpers.

A spec argument is a file path when such a file exists, else ``REF:path`` read with
``git show`` (the path is relative to the repository root, as git wants it). The document is
checked enough for the diff to be meaningful: a mapping with an ``openapi: 3.x`` version, a
``paths`` mapping, and only local ``$ref`` s that resolve. Anything else is an
:class:`UpgradeError` (exit code 2) that names the file or ref.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from _upgrade.errors import UpgradeError

__all__ = [
    "Spec",
    "default_base_ref",
    "git",
    "iter_refs",
    "load_spec",
    "parse_spec_text",
    "repo_root",
    "resolve_pointer",
]

# The C loader is ten times faster on a 5000-line spec; fall back when libyaml is missing.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Spec:
    """One revision of the spec.

    Attributes:
        label: how reports name it (``openapi.yaml``, ``v1.4:openapi.yaml``).
        text: the raw text, as read (optic is given exactly this).
        document: the parsed document.

    """

    label: str
    text: str
    document: dict[str, Any]


def git(args: list[str], *, cwd: Path) -> str:
    """Run git and return its standard output.

    Args:
        args: the arguments after ``git``.
        cwd: where to run it (inside the repository).

    Returns:
        The standard output, undecoded errors replaced.

    Raises:
        UpgradeError: git is missing or failed; the message carries git's own error.

    """
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as error:
        raise UpgradeError(f"cannot run git: {error}") from error
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip() or f"exit code {done.returncode}"
        raise UpgradeError(f"git {' '.join(args)}: {message}")
    return done.stdout.decode(errors="replace")


def repo_root(start: Path) -> Path:
    """Return the top of the git work tree containing ``start``.

    Raises:
        UpgradeError: ``start`` is not inside a git work tree.

    """
    return Path(git(["rev-parse", "--show-toplevel"], cwd=start).strip())


def _ref_exists(ref: str, cwd: Path) -> bool:
    done = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
        cwd=cwd,
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def default_base_ref(cwd: Path) -> str:
    """Pick the base to diff against: the last release tag, else ``origin/main``, else ``HEAD``.

    A release tag is one that looks like a version (``v1.2.0`` or ``1.2.0``) and is an ancestor of
    ``HEAD``; ``git describe`` finds the nearest one.
    """
    done = subprocess.run(
        ["git", "describe", "--tags", "--abbrev=0", "--match", "v[0-9]*", "--match", "[0-9]*"],
        cwd=cwd,
        capture_output=True,
        check=False,
    )
    tag = done.stdout.decode(errors="replace").strip()
    if done.returncode == 0 and tag:
        return tag
    if _ref_exists("origin/main", cwd):
        return "origin/main"
    return "HEAD"


def parse_spec_text(text: str, label: str) -> dict[str, Any]:
    """Parse and check a spec document.

    Args:
        text: YAML or JSON text.
        label: the name used in error messages.

    Returns:
        The document, with response status keys normalised to strings (YAML reads ``200`` as an int).

    Raises:
        UpgradeError: invalid YAML, not an OpenAPI 3 document, or a ``$ref`` that does not resolve.

    """
    try:
        document = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        raise UpgradeError(f"{label}: invalid YAML: {error}") from error
    if not isinstance(document, dict):
        raise UpgradeError(f"{label}: not an OpenAPI document (the top level is not a mapping)")
    version = str(document.get("openapi", ""))
    if not version.startswith("3."):
        raise UpgradeError(f"{label}: not an OpenAPI 3 document (openapi: {version or 'missing'})")
    paths = document.get("paths", {})
    if not isinstance(paths, dict):
        raise UpgradeError(f"{label}: `paths` is not a mapping")
    for item in paths.values():
        if not isinstance(item, dict):
            continue
        for operation in item.values():
            if isinstance(operation, dict) and isinstance(operation.get("responses"), dict):
                operation["responses"] = {str(k): v for k, v in operation["responses"].items()}
    for pointer, ref in iter_refs(document):
        if not ref.startswith("#/"):
            raise UpgradeError(
                f"{label}: external $ref {ref!r} at {pointer} is not supported (bundle the spec)"
            )
        if resolve_pointer(document, ref) is None:
            raise UpgradeError(f"{label}: unknown $ref {ref!r} at {pointer}")
    return document


def iter_refs(node: Any, pointer: str = "#") -> Iterator[tuple[str, str]]:
    """Yield ``(where, ref)`` for every ``$ref`` string in a document."""
    # An explicit stack: recursive schemas are data here, not references, so no cycle is
    # possible, but deep documents would otherwise recurse deeply.
    stack: list[tuple[str, Any]] = [(pointer, node)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str):
                yield where, ref
            for key, child in value.items():
                if isinstance(child, dict | list):
                    stack.append((f"{where}/{key}", child))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                if isinstance(child, dict | list):
                    stack.append((f"{where}/{index}", child))


def resolve_pointer(document: Mapping[str, Any], ref: str) -> Any:
    """Return the node a local ``#/a/b`` reference points to, or ``None``."""
    node: Any = document
    for raw in ref[2:].split("/") if ref.startswith("#/") else []:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node if ref.startswith("#/") else None


def load_spec(argument: str, *, cwd: Path) -> Spec:
    """Load a spec given as a path or as ``REF:path``.

    Args:
        argument: a file path, or ``REF:path`` (``v1.2:openapi.yaml``, ``HEAD~1:openapi.yaml``).
        cwd: the directory paths and git commands are relative to.

    Raises:
        UpgradeError: the file or ref does not exist, or the document is invalid.

    """
    path = Path(argument)
    if not path.is_absolute():
        path = cwd / path
    if path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise UpgradeError(f"{argument}: cannot read: {error}") from error
        return Spec(argument, text, parse_spec_text(text, argument))
    if ":" in argument:
        ref, _, inside = argument.partition(":")
        if not ref or not inside:
            raise UpgradeError(f"{argument}: expected a file path or REF:path")
        text = git(["show", f"{ref}:{inside}"], cwd=cwd)
        return Spec(argument, text, parse_spec_text(text, argument))
    raise UpgradeError(f"{argument}: no such file (and not a REF:path)")
