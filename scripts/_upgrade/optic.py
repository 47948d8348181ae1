"""Run ``@useoptic/optic`` (pinned in ``package.json``) and set its verdict beside ours.

Optic's ``--json`` output carries only its changelog, not its check results; with ``CI=true`` it
also writes ``ci-run-details.json`` in its working directory, whose ``results`` are the checks
with ``passed``, ``error`` and a ``jsonPath`` into the (dereferenced) spec. We run it in a
temporary directory, offline, with telemetry off, and read that file.

Optic is secondary: when it is missing or crashes, the report says why and our classification
stands alone. Comparison happens per *area* of an operation (the operation itself, its request,
or one response status), on the client side only (optic has no notion of breaking servers).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _upgrade.classify import Finding
from _upgrade.rules import Effect, Position

__all__ = [
    "Area",
    "AreaComparison",
    "OpticIssue",
    "OpticReport",
    "compare_with_optic",
    "find_optic",
    "run_optic",
]

Area = tuple[str, str, str]
"""``(METHOD, path shape, "operation" | "request" | "response <status>")``."""

_PATH_PARAMETER = re.compile(r"\{[^}]*\}")
_STATUS = re.compile(r"^([1-5][0-9X]{2}|default)$", re.IGNORECASE)
_METHODS = frozenset({"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"})
_TIMEOUT_SECONDS = 180


@dataclass(frozen=True)
class OpticIssue:
    """One failed optic check.

    Attributes:
        rule: optic's rule name (``prevent removing response property``).
        where: optic's description of the place.
        error: optic's message.
        area: the operation area it concerns, when it could be read from the JSON path.
        leaf: the property it concerns (the last ``properties/<name>`` of the JSON path), if any.
        path_names: every property name along the JSON path.

    """

    rule: str
    where: str
    error: str
    area: Area | None
    leaf: str = ""
    path_names: tuple[str, ...] = ()


@dataclass
class OpticReport:
    """What optic said, or why it could not say anything.

    Attributes:
        available: whether optic ran and produced results.
        reason: why not, when unavailable.
        command: the command line run.
        issues: the failed checks.
        checks: the number of checks run.
        seconds: wall time.

    """

    available: bool
    reason: str = ""
    command: str = ""
    issues: list[OpticIssue] = field(default_factory=list)
    checks: int = 0
    seconds: float = 0.0

    @property
    def breaking(self) -> bool:
        """Whether optic found a breaking change."""
        return bool(self.issues)

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "available": self.available,
            "reason": self.reason,
            "command": self.command,
            "breaking": self.breaking,
            "checks": self.checks,
            "seconds": round(self.seconds, 2),
            "issues": [
                {
                    "rule": i.rule,
                    "where": i.where,
                    "error": i.error,
                    "area": list(i.area) if i.area else None,
                    "property": i.leaf,
                }
                for i in self.issues
            ],
        }


@dataclass(frozen=True)
class AreaComparison:
    """One place where optic and we judged a change: an operation area plus, when known, a property.

    Attributes:
        label: the area as shown (``GET /tasks/{taskUuid} response 404``), ``· property`` appended.
        optic_breaking: optic failed a check there.
        ours_breaking: we classified a change there as breaking for clients.
        optic_rules: the optic rules that failed.
        our_kinds: our findings there, as ``kind (classification)``.

    """

    label: str
    optic_breaking: bool
    ours_breaking: bool
    optic_rules: tuple[str, ...]
    our_kinds: tuple[str, ...]

    @property
    def agree(self) -> bool:
        """Whether both verdicts are the same."""
        return self.optic_breaking == self.ours_breaking

    @property
    def explanation(self) -> str:
        """Why they disagree, in one line (empty when they agree)."""
        if self.agree:
            return ""
        if self.optic_breaking and not self.our_kinds:
            return "our classifier saw no change here: investigate"
        if self.optic_breaking:
            return "we classify it as not breaking for clients (see the rules)"
        return "optic has no breaking rule for this"


def find_optic(repo: Path) -> Path | None:
    """Locate the optic executable: ``$OPTIC_BIN``, else ``node_modules/.bin/optic`` in ``repo``."""
    configured = os.environ.get("OPTIC_BIN")
    candidate = Path(configured) if configured else repo / "node_modules" / ".bin" / "optic"
    return candidate if candidate.exists() else None


def _area_from_json_path(pointer: str) -> Area | None:
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
    if len(parts) < 3 or parts[0] != "paths" or parts[2].upper() not in _METHODS:
        return None
    method, shape = parts[2].upper(), _PATH_PARAMETER.sub("{}", parts[1])
    if len(parts) >= 5 and parts[3] == "responses":
        return method, shape, f"response {parts[4]}"
    if len(parts) >= 4 and parts[3] in ("requestBody", "parameters", "security"):
        return method, shape, "request"
    return method, shape, "operation"


def run_optic(old_text: str, new_text: str, *, optic: Path, timeout: float = _TIMEOUT_SECONDS) -> OpticReport:
    """Run ``optic diff OLD NEW --check`` on two spec texts.

    Args:
        old_text: the OLD spec, as read.
        new_text: the NEW spec.
        optic: the optic executable.
        timeout: seconds before giving up.

    Returns:
        The report; ``available`` is False (with the reason) when optic crashed or timed out.

    """
    command = [str(optic), "diff", "old.yaml", "new.yaml", "--check", "--json"]
    shown = "OPTIC_TELEMETRY_LEVEL=off CI=true optic diff OLD NEW --check --json"
    env = {**os.environ, "OPTIC_TELEMETRY_LEVEL": "off", "CI": "true", "NO_COLOR": "1"}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="spec-diff-optic-") as scratch:
        work = Path(scratch)
        (work / "old.yaml").write_text(old_text, encoding="utf-8")
        (work / "new.yaml").write_text(new_text, encoding="utf-8")
        try:
            done = subprocess.run(
                command, cwd=work, env=env, capture_output=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            return OpticReport(
                False, f"timed out after {timeout:.0f} s", shown, seconds=time.perf_counter() - started
            )
        except OSError as error:
            return OpticReport(
                False, f"cannot run {optic}: {error}", shown, seconds=time.perf_counter() - started
            )
        seconds = time.perf_counter() - started
        details = work / "ci-run-details.json"
        if done.returncode not in (0, 1) or not details.exists():
            return OpticReport(False, _crash_reason(done), shown, seconds=seconds)
        try:
            data = json.loads(details.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            return OpticReport(False, f"unreadable ci-run-details.json: {error}", shown, seconds=seconds)
    return _report_from_details(data, shown, seconds)


def _crash_reason(done: subprocess.CompletedProcess[bytes]) -> str:
    lines = [line.strip() for line in done.stderr.decode(errors="replace").splitlines() if line.strip()]
    # Node prints context first (here ajv's generated code), then ``SomeError: message``, then the
    # stack: the error line is the one to show.
    errors = [line for line in lines if re.match(r"^[A-Z]\w*Error: ", line)]
    summary = errors[0] if errors else (lines[-1] if lines else "no output")
    return f"optic exited with code {done.returncode}: {summary[:200]}"


def _report_from_details(data: dict[str, Any], command: str, seconds: float) -> OpticReport:
    failed = data.get("failed") or []
    if failed:
        return OpticReport(
            False, f"optic could not compare: {failed[0].get('error', failed)}", command, seconds=seconds
        )
    issues: list[OpticIssue] = []
    checks = 0
    for completed in data.get("completed") or []:
        for result in (completed.get("comparison") or {}).get("results") or []:
            checks += 1
            if result.get("passed") or result.get("exempted"):
                continue
            pointer = ((result.get("location") or {}).get("jsonPath")) or ""
            issues.append(
                OpticIssue(
                    rule=str(result.get("name", "")),
                    where=str(result.get("where", "")),
                    error=str(result.get("error", "")),
                    area=_area_from_json_path(pointer),
                    leaf=_pointer_leaf(pointer),
                    path_names=tuple(_pointer_names(pointer)),
                )
            )
    return OpticReport(True, "", command, issues, checks, seconds)


def finding_areas(finding: Finding) -> set[Area]:
    """Return the operation areas a finding concerns (none when no operation reaches it)."""
    labels: Iterable[str] = finding.used_in if finding.used_in else (finding.location,)
    areas: set[Area] = set()
    for label in labels:
        words = label.split(": ", 1)[0].split(" ")
        if len(words) < 2 or words[0] not in _METHODS:
            continue
        method, shape = words[0], _PATH_PARAMETER.sub("{}", words[1])
        tail = words[2:]
        if not tail:
            areas.add((method, shape, "operation"))
        elif _STATUS.match(tail[0]):
            areas.add((method, shape, f"response {tail[0]}"))
        else:
            areas.add((method, shape, "request"))
    return areas


def _names(path: Iterable[str]) -> list[str]:
    return [p for p in path if p not in ("[]", "{}") and not p.startswith("<")]


def _leaf(path: Iterable[str]) -> str:
    names = _names(path)
    return names[-1] if names else ""


def _pointer_names(pointer: str) -> list[str]:
    parts = pointer.split("/")
    return [
        parts[i + 1].replace("~1", "/").replace("~0", "~")
        for i, part in enumerate(parts[:-1])
        if part == "properties"
    ]


def _pointer_leaf(pointer: str) -> str:
    names = _pointer_names(pointer)
    return names[-1] if names else ""


def _position(area: Area) -> Position | None:
    if area[2] == "request":
        return Position.REQUEST
    return Position.RESPONSE if area[2].startswith("response") else None


def _effects_at(finding: Finding, area: Area) -> frozenset[Effect]:
    position = _position(area)
    return finding.effects if position is None else finding.effects_at(position)


def _describe(findings: Iterable[Finding], area: Area) -> tuple[str, ...]:
    return tuple(
        sorted({f"{f.kind} ({'+'.join(sorted(e.value for e in _effects_at(f, area)))})" for f in findings})
    )


def _candidates(issue: OpticIssue, by_area: dict[Area, list[Finding]]) -> list[tuple[Finding, Area]]:
    """Return our findings that correspond to one optic issue, at the most specific level found.

    1. the same area and the same property; 2. a related property: optic went deeper or stopped
    higher (at the property holding a union or a reference: the component's referrers);
    3. changes of the area that have no property (a removed status, a whole-enum change);
    4. changes of the whole operation (a removed operation).
    """
    area = issue.area
    if area is None:
        return []
    here = by_area.get(area, [])
    levels = [
        [f for f in here if issue.leaf and _leaf(f.property_path) == issue.leaf],
        [
            f
            for f in here
            if issue.leaf
            and (
                _leaf(f.property_path) in issue.path_names
                or issue.leaf in _names(f.property_path)
                or issue.leaf in f.referrers
            )
        ],
        [f for f in here if not _names(f.property_path)],
    ]
    for level in levels:
        if level:
            return [(f, area) for f in level]
    whole = (area[0], area[1], "operation")
    return [(f, whole) for f in by_area.get(whole, []) if whole != area]


def compare_with_optic(findings: list[Finding], report: OpticReport) -> list[AreaComparison]:
    """Compare client-side verdicts, check by check.

    Each failed optic check is matched with our findings in the same operation area (see
    :func:`_candidates`: optic sees schemas inlined, so a change we report on a component may
    show on the property referring to it); each of our client-breaking findings that no failed
    check matched is reported too.

    Args:
        findings: our findings.
        report: optic's (available) report.

    Returns:
        One row per optic issue and per unmatched finding of ours; rows that agree included.

    """
    by_area: dict[Area, list[Finding]] = {}
    paths: dict[tuple[str, str], str] = {}
    for finding in findings:
        for area in finding_areas(finding):
            by_area.setdefault(area, []).append(finding)
        for text in finding.used_in or (finding.location,):
            words = text.split(" ")
            if len(words) >= 2 and words[0] in _METHODS:
                paths.setdefault((words[0], _PATH_PARAMETER.sub("{}", words[1])), words[1])
    for issue in report.issues:
        words = issue.where.split(" ")
        if issue.area is not None and len(words) >= 2:
            paths.setdefault(issue.area[:2], words[1])

    def show(area: Area, leaf: str) -> str:
        suffix = "" if area[2] == "operation" else f" {area[2]}"
        return f"{area[0]} {paths.get(area[:2], area[1])}{suffix}" + (f" · {leaf}" if leaf else "")

    rows: list[AreaComparison] = []
    matched: set[tuple[int, Area]] = set()
    for issue in report.issues:
        if issue.area is None:
            rows.append(AreaComparison(issue.where, True, False, (issue.rule,), ()))
            continue
        candidates = _candidates(issue, by_area)
        for finding, area in candidates:
            matched.add((id(finding), area))
        mine = [finding for finding, _ in candidates]
        breaking = any(Effect.CLIENT in _effects_at(f, area) for f, area in candidates)
        rows.append(
            AreaComparison(
                show(issue.area, issue.leaf), True, breaking, (issue.rule,), _describe(mine, issue.area)
            )
        )
    for area, here in sorted(by_area.items()):
        for finding in here:
            if Effect.CLIENT not in _effects_at(finding, area) or (id(finding), area) in matched:
                continue
            rows.append(
                AreaComparison(
                    show(area, _leaf(finding.property_path)), False, True, (), _describe([finding], area)
                )
            )
    return sorted(rows, key=lambda row: (row.agree, row.label))
