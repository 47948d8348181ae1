"""The impact part of the flow, shared by ``spec_diff.py --impact`` and ``upgrade.py``.

It regenerates a revision, type-checks our code against it, scans our code for the names the
findings touch, and renders all of it as Markdown.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import griffe

from _upgrade.apidiff import load_package
from _upgrade.classify import Finding
from _upgrade.impact import CodeIndex, Impact, analyse_impact
from _upgrade.naming import GeneratedNames
from _upgrade.regen import MypyError, StepResult, copy_workspace, regenerate, run_mypy
from _upgrade.rules import Effect

__all__ = [
    "GeneratedChange",
    "ImpactReport",
    "diff_generated",
    "impact_against_spec",
    "render_impact_markdown",
    "scan_and_attribute",
]

# Directories scanned for uses; the upgrade tooling's own tests name schemas in fixtures.
SCANNED = ("qarnot_ext", "tests")
EXCLUDED = ("tests/upgrade",)
_SHOWN = 12


@dataclass(frozen=True)
class GeneratedChange:
    """One breaking change of the generated client's API (griffe on ``qarnot_api``).

    Attributes:
        path: the dotted path (``qarnot_api.models.task_output.TaskOutput.max_retries_per_instance``).
        explanation: griffe's one-liner.

    """

    path: str
    explanation: str


@dataclass
class ImpactReport:
    """Everything the impact analysis found.

    Attributes:
        impacts: one per finding.
        typecheck: the mypy step (``None`` when not run).
        regenerate: the regeneration step (``None`` when not run here).
        unattributed: mypy errors that quote none of the changed names.
        generated_changes: breaking changes of the generated client's API.

    """

    impacts: list[Impact]
    typecheck: StepResult | None = None
    regenerate: StepResult | None = None
    unattributed: list[MypyError] = field(default_factory=list)
    generated_changes: list[GeneratedChange] = field(default_factory=list)


def diff_generated(old_parent: Path, new_parent: Path, package: str = "qarnot_api") -> list[GeneratedChange]:
    """Return the breaking changes between two generated packages (``<parent>/<package>``), by griffe.

    Raises:
        UpgradeError: a package cannot be loaded.

    """
    if not (old_parent / package).is_dir():
        return []
    old = load_package(package, old_parent)
    new = load_package(package, new_parent)
    changes = []
    for breakage in griffe.find_breaking_changes(old, new):
        if breakage.kind is griffe.BreakageKind.ATTRIBUTE_CHANGED_VALUE:
            continue
        explanation = breakage.explain(griffe.ExplanationStyle.MARKDOWN).removeprefix("- ").strip()
        changes.append(GeneratedChange(breakage.obj.path, explanation))
    return sorted(changes, key=lambda c: c.path)


def model_classes(names: GeneratedNames, *documents: Mapping[str, Any]) -> set[str]:
    """Return the generated model class of every component schema of ``documents``."""
    return {
        names.class_name(schema)
        for document in documents
        for schema in ((document.get("components") or {}).get("schemas") or {})
    }


def scan_and_attribute(
    findings: Iterable[Finding],
    root: Path,
    names: GeneratedNames,
    mypy: StepResult | None,
    models: Iterable[str] = (),
) -> ImpactReport:
    """Scan ``qarnot_ext`` and the tests under ``root`` and map findings (and mypy errors) to uses.

    Args:
        findings: the classified spec changes.
        root: the repository (or workspace) to scan.
        names: the generator's naming.
        mypy: the type-check step against the new client, if it ran.
        models: every generated model class name (see :func:`model_classes`).

    """
    index = CodeIndex.scan(root, SCANNED, exclude=EXCLUDED)
    errors = mypy.errors if mypy is not None else []
    impacts = analyse_impact(findings, index, names, errors, models)
    attributed = {id(e) for impact in impacts for e in impact.mypy}
    unattributed = [e for e in errors if id(e) not in attributed]
    return ImpactReport(impacts, typecheck=mypy, unattributed=unattributed)


def impact_against_spec(
    spec_text: str, repo: Path, findings: list[Finding], models: Iterable[str]
) -> ImpactReport:
    """Regenerate ``spec_text`` in a temporary copy of ``repo`` and type-check our code against it.

    The copy's ``openapi.yaml`` is ``spec_text``; the project's ``scripts/generate.py`` rebuilds the
    copy's ``generated/`` and mypy runs there with ``MYPYPATH`` at it. Running in the copy (rather
    than in ``repo`` with only ``MYPYPATH`` changed) matters: mypy would otherwise still find
    modules the new revision removed in ``repo``'s own ``generated/`` (``mypy_path``) and miss
    their errors. The working tree is never touched.

    Args:
        spec_text: the NEW revision.
        repo: the repository whose code is checked.
        findings: the classified changes from the committed revision to NEW.
        models: every generated model class name (see :func:`model_classes`).

    Raises:
        UpgradeError: the copy or a tool cannot run.

    """
    names = GeneratedNames.from_config(repo / "openapi-python-client.yaml")
    with tempfile.TemporaryDirectory(prefix="spec-impact-") as scratch:
        work = Path(scratch)
        workspace = copy_workspace(repo, work / "workspace")
        (workspace / "openapi.yaml").write_text(spec_text, encoding="utf-8")
        regen = regenerate(workspace)
        generated = workspace / "generated"
        mypy = (
            run_mypy([], cwd=workspace, mypypath=generated, cache_dir=work / "mypy-cache")
            if regen.ok
            else None
        )
        report = scan_and_attribute(findings, workspace, names, mypy, models)
        report.regenerate = regen
        if regen.ok:
            report.generated_changes = diff_generated(repo / "generated", generated, names.package)
    return report


def _effects_text(finding: Finding) -> str:
    labels = {
        Effect.CLIENT: "breaking for clients",
        Effect.SERVER: "breaking for servers",
        Effect.COMPATIBLE: "compatible",
    }
    return ", ".join(
        labels[e] for e in (Effect.CLIENT, Effect.SERVER, Effect.COMPATIBLE) if e in finding.effects
    )


def _uses_text(uses: list[str]) -> str:
    shown = ", ".join(f"`{u}`" for u in uses[:_SHOWN])
    return shown + (f" (+{len(uses) - _SHOWN} more)" if len(uses) > _SHOWN else "")


def _subject(impact: Impact) -> str:
    """``TaskOutput.max_retries_per_instance`` (the generated class and attribute), else the location."""
    for name in impact.generated:
        if ".models." in name:
            parts = name.split(".")
            return ".".join(parts[3:]) if len(parts) > 3 else name
        if ".api." in name:
            return name
    return impact.finding.location


def render_impact_markdown(report: ImpactReport, *, heading_level: int = 2) -> str:
    """Render the impact analysis as Markdown."""
    top, sub = "#" * heading_level, "#" * (heading_level + 1)
    out = [f"{top} Impact on our code", ""]
    if report.regenerate is not None:
        state = "ok" if report.regenerate.ok else f"FAILED (exit {report.regenerate.returncode})"
        out.append(
            f"- Regeneration: `{report.regenerate.command}` — {state} ({report.regenerate.seconds:.1f} s)"
        )
    if report.typecheck is not None:
        state = "clean" if report.typecheck.ok else f"{len(report.typecheck.errors)} errors"
        if not report.typecheck.ok and not report.typecheck.errors:
            state = f"FAILED (exit {report.typecheck.returncode}), see below"
        out.append(f"- Type check: `{report.typecheck.command}` — {state} ({report.typecheck.seconds:.1f} s)")
    touched = [i for i in report.impacts if i.touched]
    untouched = [i for i in report.impacts if not i.touched]
    out += ["", f"{sub} Changes that touch our code ({len(touched)})", ""]
    if not touched:
        out.append("None of the changes is referenced by `qarnot_ext` or the tests.")
    for impact in touched:
        finding = impact.finding
        out.append(f"- `{_subject(impact)}`: {finding.message} ({_effects_text(finding)}; `{finding.kind}`)")
        if impact.uses:
            out.append(f"  → used by {_uses_text([str(u) for u in impact.uses])}")
        if impact.public:
            out.append(f"  → reaches the public API: {_uses_text(impact.public)}")
        if impact.tests:
            out.append(f"  → tests: {_uses_text([str(u) for u in impact.tests])}")
        for error in impact.mypy[:_SHOWN]:
            out.append(f"  → mypy: `{error}`")
        if impact.name_only:
            out.append(
                f"  → {len(impact.name_only)} uses of the common name `{impact.name_only[0].symbol}` "
                f"may be other objects': {_uses_text([str(u) for u in impact.name_only])}"
            )
        if impact.generated:
            out.append(f"  → generated: {', '.join(f'`{g}`' for g in impact.generated)}")
    if untouched:
        out += ["", f"{len(untouched)} other changes touch no code of ours (by name and by type check)."]
    if report.unattributed:
        out += [
            "",
            f"{sub} Other type errors against the new client ({len(report.unattributed)})",
            "",
            "They quote none of the changed names (errors that exist before the upgrade show here too: "
            "`make typecheck` should be clean first).",
            "",
        ]
        out += [f"- `{e}`" for e in report.unattributed[:50]]
    elif report.typecheck is not None and not report.typecheck.ok and not report.typecheck.errors:
        out += ["", "mypy output:", "", "```", report.typecheck.output.strip()[-3000:], "```"]
    if report.generated_changes:
        out += ["", f"{sub} Generated client API changes (griffe on the generated package)", ""]
        out += [f"- `{c.path}`: {c.explanation}" for c in report.generated_changes[:100]]
        if len(report.generated_changes) > 100:
            out.append(f"- … and {len(report.generated_changes) - 100} more")
    return "\n".join(out) + "\n"
