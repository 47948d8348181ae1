"""Build a :class:`SpecDiffReport` from two spec arguments (shared by ``spec_diff.py`` and ``upgrade.py``)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Literal

import yaml

from _upgrade.classify import diff_documents
from _upgrade.errors import UpgradeError
from _upgrade.normalize import load_operation_ids
from _upgrade.optic import OpticReport, find_optic, run_optic
from _upgrade.render import FailOn, SpecDiffReport
from _upgrade.semantic import Prepared, prepare
from _upgrade.specsource import Spec, default_base_ref, load_spec, repo_root

__all__ = ["OpticMode", "build_report", "old_argument_for_base", "semantic_pair"]

# Kinds about a component's mere presence: meaningless once components are matched by structure
# (what uses them is what changes, and that is reported where it is used).
_PRESENCE_KINDS = frozenset({"schema-added", "schema-removed"})

OpticMode = Literal["auto", "off", "required"]


def old_argument_for_base(base: str, new_argument: str, *, cwd: Path) -> str:
    """Turn ``--base REF`` plus NEW into the OLD argument ``REF:<NEW's path in the repository>``.

    Args:
        base: a git ref, or ``auto`` (the last release tag, else ``origin/main``, else ``HEAD``).
        new_argument: NEW as given (a path, or ``REF:path``).
        cwd: the working directory.

    Raises:
        UpgradeError: not in a git repository, or NEW is outside it.

    """
    ref = default_base_ref(cwd) if base == "auto" else base
    path = Path(new_argument)
    if not (cwd / path).exists() and ":" in new_argument:
        return f"{ref}:{new_argument.partition(':')[2]}"
    root = repo_root(cwd)
    try:
        inside = (cwd / path).resolve().relative_to(root.resolve())
    except ValueError as error:
        raise UpgradeError(f"{new_argument} is not inside the git repository {root}") from error
    return f"{ref}:{inside.as_posix()}"


def build_report(
    old: Spec,
    new: Spec,
    *,
    repo: Path,
    optic_mode: OpticMode = "auto",
    closed_enums: bool = False,
    fail_on: FailOn = "any",
) -> SpecDiffReport:
    """Classify the differences between two loaded specs, and run optic beside.

    Args:
        old: the OLD revision.
        new: the NEW revision.
        repo: the repository (where ``node_modules/.bin/optic`` is looked for).
        optic_mode: ``auto`` runs optic when installed, ``off`` never, ``required`` fails when it cannot.
        closed_enums: classify response enum additions for clients with closed enums.
        fail_on: which breaking changes make the report "breaking".

    Raises:
        UpgradeError: ``optic_mode`` is ``required`` and optic is missing or crashed.

    """
    started = time.perf_counter()
    prepared = semantic_pair(old, new, repo=repo)
    findings = diff_documents(prepared.old, prepared.new, closed_enums=closed_enums)
    if prepared.vendor:
        findings = [f for f in findings if f.kind not in _PRESENCE_KINDS]
    seconds = time.perf_counter() - started
    optic: OpticReport | None = None
    if optic_mode != "off":
        executable = find_optic(repo)
        if executable is None:
            optic = OpticReport(False, "not installed (run `make bootstrap`, or set OPTIC_BIN)")
        else:
            # Optic sees the normalized pair: raw texts in two dialects would only show the dialects.
            old_text, new_text = (
                (_dump(prepared.old), _dump(prepared.new)) if prepared.vendor else (old.text, new.text)
            )
            optic = run_optic(old_text, new_text, optic=executable)
        if optic_mode == "required" and not optic.available:
            raise UpgradeError(f"optic is required but {optic.reason}")
    return SpecDiffReport(
        old.label,
        new.label,
        findings,
        fail_on,
        closed_enums,
        optic,
        seconds,
        house_only=prepared.house_only,
        renames=prepared.renames,
        vendor=prepared.vendor,
    )


def _dump(document: dict[str, object]) -> str:
    return yaml.safe_dump(document, sort_keys=False, width=120, allow_unicode=True)


def semantic_pair(old: Spec, new: Spec, *, repo: Path) -> Prepared:
    """Normalize and align OLD and NEW (:func:`_upgrade.semantic.prepare`), with our operationIds.

    The operationIds of known operations come from ``docs/operation-ids.md`` under ``repo`` (the
    repository root, found from ``repo`` when it is inside a work tree).
    """
    table = load_operation_ids(repo / "docs" / "operation-ids.md")
    if not table:
        try:
            table = load_operation_ids(repo_root(repo) / "docs" / "operation-ids.md")
        except UpgradeError:
            table = {}
    return prepare(old.document, new.document, operation_ids=table)


def load_pair(old_argument: str, new_argument: str, *, cwd: Path) -> tuple[Spec, Spec]:
    """Load OLD and NEW (paths or ``REF:path``)."""
    return load_spec(old_argument, cwd=cwd), load_spec(new_argument, cwd=cwd)
