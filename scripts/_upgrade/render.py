"""The spec-diff report and its three renderings: text (terminal), Markdown (PRs, UPGRADE_REPORT.md), JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from _upgrade.classify import Finding
from _upgrade.optic import AreaComparison, OpticReport, compare_with_optic
from _upgrade.rules import RULES, Effect

__all__ = ["FailOn", "SpecDiffReport", "render"]

FailOn = Literal["any", "clients", "servers"]

_GROUPS: list[tuple[str, frozenset[Effect]]] = [
    ("Breaking for clients and servers", frozenset({Effect.CLIENT, Effect.SERVER})),
    ("Breaking for clients", frozenset({Effect.CLIENT})),
    ("Breaking for servers", frozenset({Effect.SERVER})),
    ("Compatible", frozenset({Effect.COMPATIBLE})),
]
_SHOWN_USES = 6


@dataclass
class SpecDiffReport:
    """A classified diff of two revisions, with optic's verdict when it ran.

    Attributes:
        old_label: how OLD was given (``v1.2:openapi.yaml``).
        new_label: how NEW was given.
        findings: our classified findings.
        fail_on: which breaking changes make the exit code 1.
        closed_enums: whether response enum additions were classified for closed enums.
        optic: optic's report, ``None`` when it was not asked for.
        seconds: the time our classifier took.

    """

    old_label: str
    new_label: str
    findings: list[Finding]
    fail_on: FailOn = "any"
    closed_enums: bool = False
    optic: OpticReport | None = None
    seconds: float = 0.0
    _comparisons: list[AreaComparison] | None = field(default=None, repr=False)

    def count(self, effect: Effect) -> int:
        """How many findings carry ``effect``."""
        return sum(1 for f in self.findings if effect in f.effects)

    @property
    def breaking(self) -> bool:
        """Whether a finding breaks what ``fail_on`` names (decides exit code 1)."""
        wanted = {
            "any": {Effect.CLIENT, Effect.SERVER},
            "clients": {Effect.CLIENT},
            "servers": {Effect.SERVER},
        }[self.fail_on]
        return any(f.effects & wanted for f in self.findings)

    @property
    def comparisons(self) -> list[AreaComparison]:
        """Per-area comparison with optic (empty when optic did not run)."""
        if self._comparisons is None:
            available = self.optic is not None and self.optic.available
            self._comparisons = (
                compare_with_optic(self.findings, self.optic) if available and self.optic else []
            )
        return self._comparisons

    @property
    def verdict(self) -> str:
        """``breaking`` or ``compatible`` (by ``fail_on``)."""
        return "breaking" if self.breaking else "compatible"

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        optic: dict[str, Any] | None = None
        if self.optic is not None:
            optic = self.optic.to_json()
            optic["comparison"] = [
                {
                    "area": c.label,
                    "opticBreaking": c.optic_breaking,
                    "oursBreakingForClients": c.ours_breaking,
                    "agree": c.agree,
                    "opticRules": list(c.optic_rules),
                    "ours": list(c.our_kinds),
                    "explanation": c.explanation,
                }
                for c in self.comparisons
            ]
        return {
            "old": self.old_label,
            "new": self.new_label,
            "verdict": self.verdict,
            "failOn": self.fail_on,
            "closedEnums": self.closed_enums,
            "counts": {e.value: self.count(e) for e in Effect},
            "seconds": round(self.seconds, 3),
            "findings": [f.to_json() for f in self.findings],
            "optic": optic,
        }


def _uses(finding: Finding, limit: int | None) -> str:
    uses = list(finding.used_in)
    if limit is not None and len(uses) > limit:
        return ", ".join(uses[:limit]) + f" (+{len(uses) - limit} more)"
    return ", ".join(uses)


def _summary(report: SpecDiffReport) -> str:
    return (
        f"{report.count(Effect.CLIENT)} breaking for clients, "
        f"{report.count(Effect.SERVER)} breaking for servers, "
        f"{report.count(Effect.COMPATIBLE)} compatible"
    )


def _optic_headline(optic: OpticReport) -> str:
    if not optic.available:
        return f"unavailable ({optic.reason}); our classification stands alone"
    verdict = f"breaking, {len(optic.issues)} failed checks" if optic.breaking else "no breaking change"
    return f"{verdict} (of {optic.checks} checks, {optic.seconds:.1f} s)"


def render_text(report: SpecDiffReport) -> str:
    """Render for a terminal."""
    out = [
        f"Spec diff: {report.old_label} -> {report.new_label}",
        f"Verdict: {report.verdict.upper()} ({_summary(report)}; exit code 1 on: {report.fail_on})",
    ]
    for title, effects in _GROUPS:
        group = [f for f in report.findings if f.effects == effects]
        if not group:
            continue
        out += ["", f"{title} ({len(group)})"]
        for finding in group:
            out.append(f"  - {finding.location}: {finding.message} [{finding.kind}]")
            if finding.used_in and finding.schema is not None:
                out.append(f"      used in: {_uses(finding, _SHOWN_USES)}")
            if finding.note:
                out.append(f"      note: {finding.note}")
    if not report.findings:
        out += ["", "No differences."]
    if report.optic is not None:
        out += ["", f"Optic: {_optic_headline(report.optic)}"]
        disagreements = [c for c in report.comparisons if not c.agree]
        agreements = [c for c in report.comparisons if c.agree]
        if report.optic.available:
            colon = ":" if disagreements else ""
            out.append(
                f"  {len(agreements)} verdicts agree, {len(disagreements)} differ (client side){colon}"
            )
        for row in disagreements:
            optic_side = (
                f"optic: breaking ({'; '.join(row.optic_rules)})" if row.optic_breaking else "optic: ok"
            )
            ours = ", ".join(row.our_kinds) or "no finding"
            out.append(f"  - {row.label}: {optic_side}; ours: {ours} -- {row.explanation}")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: SpecDiffReport, *, heading_level: int = 2) -> str:
    """Render as Markdown (for pull requests and ``UPGRADE_REPORT.md``).

    Args:
        report: the report.
        heading_level: the level of the top heading (sections are one deeper).

    """
    top, sub = "#" * heading_level, "#" * (heading_level + 1)
    out = [
        f"{top} Spec diff: `{report.old_label}` → `{report.new_label}`",
        "",
        f"**Verdict: {report.verdict}** — {_summary(report)} (exit code 1 on: {report.fail_on}). "
        "Rules: `docs/spec-diff-rules.md`.",
    ]
    for title, effects in _GROUPS:
        group = [f for f in report.findings if f.effects == effects]
        if not group:
            continue
        out += [
            "",
            f"{sub} {title} ({len(group)})",
            "",
            "| location | change | kind | used in | note |",
            "|---|---|---|---|---|",
        ]
        for f in group:
            uses = _uses(f, 10) if f.schema is not None else ""
            out.append(
                f"| `{_cell(f.location)}` | {_cell(f.message)} | `{f.kind}` ({RULES[f.kind].title}) "
                f"| {_cell(uses)} | {_cell(f.note)} |"
            )
    if not report.findings:
        out += ["", "No differences."]
    if report.optic is not None:
        out += ["", f"{sub} Optic", "", f"`{report.optic.command}`: {_optic_headline(report.optic)}."]
        if report.comparisons:
            out += [
                "",
                "Client-side verdicts per operation area (disagreements first):",
                "",
                "| area | optic | ours | optic rules | our findings | why they differ |",
                "|---|---|---|---|---|---|",
            ]
            for row in sorted(report.comparisons, key=lambda c: (c.agree, c.label)):
                out.append(
                    f"| `{_cell(row.label)}` | {'breaking' if row.optic_breaking else 'ok'} "
                    f"| {'breaking' if row.ours_breaking else 'ok'} | {_cell('; '.join(row.optic_rules))} "
                    f"| {_cell(', '.join(row.our_kinds))} | {_cell(row.explanation)} |"
                )
    return "\n".join(out) + "\n"


def render(report: SpecDiffReport, style: str) -> str:
    """Render in ``text``, ``markdown`` or ``json``."""
    if style == "json":
        return json.dumps(report.to_json(), indent=2) + "\n"
    if style == "markdown":
        return render_markdown(report)
    return render_text(report)
