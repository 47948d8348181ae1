"""Build a :class:`SpecDiffReport` from two spec arguments (shared by ``spec_diff.py`` and ``upgrade.py``)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml

from _upgrade.classify import Finding, diff_documents
from _upgrade.errors import UpgradeError
from _upgrade.normalize import PREFIX, load_operation_ids
from _upgrade.optic import OpticReport, find_optic, run_optic
from _upgrade.render import FailOn, SpecDiffReport
from _upgrade.semantic import Prepared, prepare
from _upgrade.specsource import Spec, default_base_ref, load_spec, repo_root

__all__ = ["OpticMode", "build_report", "old_argument_for_base", "semantic_findings", "semantic_pair"]

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
    findings = semantic_findings(prepared, closed_enums=closed_enums)
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


def _unknown_tags(document: Mapping[str, Any]) -> set[tuple[str, str]]:
    """``(Unknown variant, tag property)`` of every open wrapper ``oneOf: [union, Unknown…]``."""
    schemas: Mapping[str, Any] = (document.get("components") or {}).get("schemas") or {}
    found: set[tuple[str, str]] = set()
    for schema in schemas.values():
        members = schema.get("oneOf") if isinstance(schema, dict) else None
        if not (isinstance(members, list) and len(members) == 2):
            continue
        refs = [str(m.get("$ref", "")).removeprefix(PREFIX) if isinstance(m, dict) else "" for m in members]
        union = schemas.get(refs[0])
        if isinstance(union, dict) and isinstance(union.get("discriminator"), dict) and refs[1] in schemas:
            found.add((refs[1], str(union["discriminator"].get("propertyName"))))
    return found


def semantic_findings(prepared: Prepared, *, closed_enums: bool = False) -> list[Finding]:
    """Classify the differences of a prepared pair; drop what is dialect or house material.

    Dropped: a component's mere presence (``schema-added``/``schema-removed``) when NEW came
    from the vendor, and the tag of an ``Unknown…`` variant of an open wrapper, which lists the
    known tags and so changes with every variant added or removed (reported once, as the variant).
    """
    findings = diff_documents(prepared.old, prepared.new, closed_enums=closed_enums)
    derived = _unknown_tags(prepared.old) | _unknown_tags(prepared.new)
    kept = []
    for finding in findings:
        if prepared.vendor and finding.kind in _PRESENCE_KINDS:
            continue
        if (
            finding.schema is not None
            and finding.property_path[:1]
            and ((finding.schema, finding.property_path[0]) in derived)
        ):
            continue
        kept.append(finding)
    return kept


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
