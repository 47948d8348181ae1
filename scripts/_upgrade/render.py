"""The spec-diff report and its three renderings: text (terminal), Markdown (PRs, UPGRADE_REPORT.md), JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from _upgrade.classify import Finding
from _upgrade.optic import AreaComparison, OpticReport, compare_with_optic
from _upgrade.rules import RULES, Effect

__all__ = ["FailOn", "FindingGroup", "SpecDiffReport", "group_findings", "render"]

FailOn = Literal["any", "clients", "servers"]

_GROUPS: list[tuple[str, frozenset[Effect]]] = [
    ("Breaking for clients and servers", frozenset({Effect.CLIENT, Effect.SERVER})),
    ("Breaking for clients", frozenset({Effect.CLIENT})),
    ("Breaking for servers", frozenset({Effect.SERVER})),
    ("Compatible", frozenset({Effect.COMPATIBLE})),
]
_SHOWN_USES = 6
_SUMMARY_ROWS = 20
_SHOWN_PLACES = 3


@dataclass(frozen=True)
class FindingGroup:
    """One kind of change across one or more places: what the report shows as one finding.

    Attributes:
        findings: the atomic findings (same kind, message, classification and note), most severe
            first, then by location.

    """

    findings: tuple[Finding, ...]

    @property
    def first(self) -> Finding:
        """The representative finding."""
        return self.findings[0]

    @property
    def places(self) -> list[str]:
        """The locations, in order."""
        return [f.location for f in self.findings]

    @property
    def effects(self) -> frozenset[Effect]:
        """The classification (shared by every place)."""
        return self.first.effects

    def where(self, limit: int | None = _SHOWN_PLACES) -> str:
        """The places, the first ``limit`` of them then ``(+N more)``."""
        places = self.places
        if limit is not None and len(places) > limit:
            return ", ".join(places[:limit]) + f" (+{len(places) - limit} more)"
        return ", ".join(places)

    def to_json(self) -> dict[str, Any]:
        """The first finding's JSON plus every place (``places``, with their own details)."""
        data = self.first.to_json()
        data["count"] = len(self.findings)
        data["places"] = [
            {
                "location": f.location,
                "usedIn": list(f.used_in),
                "schema": f.schema,
                "propertyPath": list(f.property_path),
            }
            for f in self.findings
        ]
        return data


def group_findings(findings: list[Finding]) -> list[FindingGroup]:
    """Group findings that are the same change (kind, message, classification, note) in several places.

    Groups keep the findings' order (most severe first); a group sits where its first finding was.
    """
    groups: dict[tuple[str, str, frozenset[Effect], str], list[Finding]] = {}
    for finding in findings:
        groups.setdefault((finding.kind, finding.message, finding.effects, finding.note), []).append(finding)
    return [FindingGroup(tuple(members)) for members in groups.values()]


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
        house_only: our ``x-undocumented`` operations NEW does not have (kept, never findings).
        renames: ``{NEW's component: ours}`` for components matched by structure under other names.
        vendor: whether NEW was in the vendor dialect (and so normalized before the diff).

    """

    old_label: str
    new_label: str
    findings: list[Finding]
    fail_on: FailOn = "any"
    closed_enums: bool = False
    optic: OpticReport | None = None
    seconds: float = 0.0
    house_only: list[str] = field(default_factory=list)
    renames: dict[str, str] = field(default_factory=dict)
    vendor: bool = False
    _comparisons: list[AreaComparison] | None = field(default=None, repr=False)

    @property
    def groups(self) -> list[FindingGroup]:
        """The findings grouped (:func:`group_findings`): what the reports count and show."""
        return group_findings(self.findings)

    def count(self, effect: Effect) -> int:
        """How many findings (groups of the same change) carry ``effect``."""
        return sum(1 for g in self.groups if effect in g.effects)

    def count_places(self, effect: Effect) -> int:
        """How many places (atomic findings) carry ``effect``."""
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
            "placeCounts": {e.value: self.count_places(e) for e in Effect},
            "seconds": round(self.seconds, 3),
            "newDialect": "vendor" if self.vendor else "house",
            "findings": [g.to_json() for g in self.groups],
            "houseOnly": list(self.house_only),
            "renamedComponents": dict(sorted(self.renames.items())),
            "optic": optic,
        }


def _uses(finding: Finding, limit: int | None) -> str:
    uses = list(finding.used_in)
    if limit is not None and len(uses) > limit:
        return ", ".join(uses[:limit]) + f" (+{len(uses) - limit} more)"
    return ", ".join(uses)


def _summary(report: SpecDiffReport) -> str:
    places = len(report.findings)
    return (
        f"{report.count(Effect.CLIENT)} breaking for clients, "
        f"{report.count(Effect.SERVER)} breaking for servers, "
        f"{report.count(Effect.COMPATIBLE)} compatible"
        + (f" ({places} places)" if places != len(report.groups) else "")
    )


def _dialect_line(report: SpecDiffReport) -> str:
    if not report.vendor:
        return ""
    return (
        f"NEW is in the vendor dialect and was normalized first (docs/spec-dialect.md); "
        f"{len(report.renames)} components matched ours by structure under other names."
    )


def _house_only_line(report: SpecDiffReport) -> str:
    if not report.house_only:
        return ""
    return f"House-only operations (x-undocumented), kept: {', '.join(report.house_only)}."


def _optic_headline(optic: OpticReport) -> str:
    if not optic.available:
        return f"unavailable ({optic.reason}); our classification stands alone"
    verdict = f"breaking, {len(optic.issues)} failed checks" if optic.breaking else "no breaking change"
    return f"{verdict} (of {optic.checks} checks, {optic.seconds:.1f} s)"


def render_text(report: SpecDiffReport) -> str:
    """Render for a terminal: the summary (one line per finding) first, every place after."""
    out = [
        f"Spec diff: {report.old_label} -> {report.new_label}",
        f"Verdict: {report.verdict.upper()} ({_summary(report)}; exit code 1 on: {report.fail_on})",
    ]
    out += [line for line in (_dialect_line(report), _house_only_line(report)) if line]
    groups = report.groups
    for title, effects in _GROUPS:
        group = [g for g in groups if g.effects == effects]
        if not group:
            continue
        out += ["", f"{title} ({len(group)})"]
        for item in group:
            finding = item.first
            where = (
                finding.location
                if len(item.findings) == 1
                else f"{len(item.findings)} places: {item.where()}"
            )
            out.append(f"  - {where}: {finding.message} [{finding.kind}]")
            if finding.used_in and finding.schema is not None and len(item.findings) == 1:
                out.append(f"      used in: {_uses(finding, _SHOWN_USES)}")
            if finding.note:
                out.append(f"      note: {finding.note}")
    if not report.findings:
        out += ["", "No differences."]
    many = [g for g in groups if len(g.findings) > _SHOWN_PLACES]
    if many:
        out += ["", "Every place of the grouped findings:"]
        for item in many:
            out.append(f"  {item.first.message} [{item.first.kind}]:")
            out += [f"    - {place}" for place in item.places]
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

    A one-screen summary comes first (one row per finding, at most 20 rows); every place of
    every finding, and optic's comparison, go to the appendix.

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
    for line in (_dialect_line(report), _house_only_line(report)):
        if line:
            out += ["", line]
    if report.optic is not None:
        out += ["", f"Optic (on the same normalized pair): {_optic_headline(report.optic)}."]
    groups = report.groups
    if groups:
        out += ["", "| classification | change | kind | where |", "|---|---|---|---|"]
        for item in groups[:_SUMMARY_ROWS]:
            classification = ", ".join(sorted(e.value for e in item.effects))
            message, kind = _cell(item.first.message), item.first.kind
            out.append(f"| {classification} | {message} | `{kind}` | {_cell(item.where())} |")
        if len(groups) > _SUMMARY_ROWS:
            out += ["", f"… {len(groups) - _SUMMARY_ROWS} more findings in the appendix."]
    else:
        out += ["", "No differences."]
    appendix: list[str] = []
    for title, effects in _GROUPS:
        members = [f for f in report.findings if f.effects == effects]
        if not members:
            continue
        appendix += [
            "",
            f"{sub}# {title} ({len(members)} place{'s' if len(members) != 1 else ''})",
            "",
            "| location | change | kind | used in | note |",
            "|---|---|---|---|---|",
        ]
        for f in members:
            uses = _uses(f, 10) if f.schema is not None else ""
            appendix.append(
                f"| `{_cell(f.location)}` | {_cell(f.message)} | `{f.kind}` ({RULES[f.kind].title}) "
                f"| {_cell(uses)} | {_cell(f.note)} |"
            )
    if report.renames:
        appendix += [
            "",
            f"{sub}# Components matched by structure under another name ({len(report.renames)})",
            "",
        ]
        appendix += [f"- `{new}` → `{ours}`" for new, ours in sorted(report.renames.items())]
    if report.optic is not None and report.comparisons:
        appendix += [
            "",
            f"{sub}# Optic",
            "",
            f"`{report.optic.command}`: {_optic_headline(report.optic)}.",
            "",
            "Client-side verdicts per operation area (disagreements first):",
            "",
            "| area | optic | ours | optic rules | our findings | why they differ |",
            "|---|---|---|---|---|---|",
        ]
        for row in sorted(report.comparisons, key=lambda c: (c.agree, c.label)):
            appendix.append(
                f"| `{_cell(row.label)}` | {'breaking' if row.optic_breaking else 'ok'} "
                f"| {'breaking' if row.ours_breaking else 'ok'} | {_cell('; '.join(row.optic_rules))} "
                f"| {_cell(', '.join(row.our_kinds))} | {_cell(row.explanation)} |"
            )
    if appendix:
        out += ["", f"{sub} Appendix: every place", *appendix]
    return "\n".join(out) + "\n"


def render(report: SpecDiffReport, style: str) -> str:
    """Render in ``text``, ``markdown`` or ``json``."""
    if style == "json":
        return json.dumps(report.to_json(), indent=2) + "\n"
    if style == "markdown":
        return render_markdown(report)
    return render_text(report)
