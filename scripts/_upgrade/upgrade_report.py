"""Parts of ``UPGRADE_REPORT.md`` about the merge: what was merged and kept, the facade, a changelog.

Also :func:`render_dump`, which writes a merged document the way ``openapi.yaml`` is written
(PyYAML, block style, keys in document order, width 120, the leading comment lines kept), so a
merge changes only the lines it must.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from _upgrade.classify import Finding
from _upgrade.merge import REMOVAL_KINDS, MergeResult
from _upgrade.naming import GeneratedNames
from _upgrade.normalize import operations
from _upgrade.render import SpecDiffReport
from _upgrade.rules import Effect

__all__ = ["changelog_draft", "facade_gaps", "merge_markdown", "render_dump"]

# The tools are not the facade: a function only they use still lacks a library method.
_TOOLS = ("emulator", "contract", "demo.py")


def render_dump(original_text: str, document: Mapping[str, Any]) -> str:
    """Dump ``document`` as ``openapi.yaml`` is written, with ``original_text``'s leading comments."""
    header = []
    for line in original_text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    body = yaml.safe_dump(dict(document), sort_keys=False, width=120, allow_unicode=True)
    return "\n".join(header) + ("\n" if header else "") + body


def merge_markdown(merged: MergeResult, kept: list[Finding]) -> str:
    """The "Merged into openapi.yaml" section."""
    out = ["## Merged into `openapi.yaml`", ""]
    if not merged.changed:
        out.append(
            "Nothing to merge: `openapi.yaml` is unchanged (every difference was dialect or house material)."
        )
    else:
        out.append(
            f"{len(merged.added_operations)} operations and {len(merged.added_components)} component "
            "schemas added; changed fields, types, formats, required, nullability and enum values taken "
            "from the new revision; house material (descriptions, examples, links, `x-` keys, tags, "
            "operationIds, undocumented operations, open wrappers) kept."
        )
        if merged.added_operations:
            out += ["", "Operations added (operationId by the rule in `docs/spec-dialect.md`):", ""]
            out += [f"- `{item}`" for item in merged.added_operations]
        if merged.added_components:
            out += [
                "",
                "Component schemas added: " + ", ".join(f"`{c}`" for c in merged.added_components) + ".",
            ]
    if kept:
        out += ["", f"**Removed upstream, kept here — review ({len(kept)}):**", ""]
        out += [f"- `{f.location}`: {f.message}" for f in kept]
    return "\n".join(out) + "\n"


def _verb(finding: Finding) -> str:
    if finding.kind in REMOVAL_KINDS:
        return "Removed upstream (kept, to review)"
    if finding.kind.startswith("nullable-"):
        return "Changed"
    if finding.kind.endswith("-added") or finding.kind.endswith("-added-required"):
        return "Added"
    return "Changed"


def changelog_draft(report: SpecDiffReport, merged: MergeResult | None) -> str:
    """A changelog draft from the findings: Added / Changed / Removed upstream, breaking ones marked."""
    sections: dict[str, list[str]] = {}
    for group in report.groups:
        finding = group.first
        breaking = Effect.CLIENT in group.effects
        mark = " **(breaking for clients)**" if breaking else ""
        where = group.where(limit=5)
        sections.setdefault(_verb(finding), []).append(f"- {finding.message}: {where}{mark}")
    out = ["## Changelog draft", ""]
    if not sections:
        out.append("No API change.")
    for title in ("Added", "Changed", "Removed upstream (kept, to review)"):
        if title in sections:
            out += [f"### {title}", "", *sections[title], ""]
    if merged is not None and merged.added_operations:
        out += ["New generated functions need a facade method in `qarnot_ext` (see below).", ""]
    return "\n".join(out) + "\n"


def _imported_functions(root: Path, package: str) -> set[tuple[str, str]]:
    """``(module, name)`` of every ``from <package>.api.<tag> import <name>`` in the library."""
    found: set[tuple[str, str]] = set()
    library = root / "qarnot_ext"
    for path in sorted(library.rglob("*.py")):
        relative = path.relative_to(library).as_posix()
        if relative.split("/", 1)[0] in _TOOLS:
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (OSError, SyntaxError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(f"{package}.api."):
                found.update((str(node.module), alias.name) for alias in node.names)
    return found


def facade_gaps(document: Mapping[str, Any], root: Path, names: GeneratedNames) -> list[str]:
    """The operations whose generated function the library (``qarnot_ext``, tools excluded) never imports.

    Returns:
        ``METHOD /path → qarnot_api.api.<tag>.<function>`` for each, in document order.

    """
    imported = _imported_functions(root, names.package)
    missing = []
    for method, path, operation in operations(document):
        operation_id = operation.get("operationId")
        tags = operation.get("tags") or ["default"]
        if not operation_id:
            continue
        module, function = names.tag_package(str(tags[0])), names.operation_function(str(operation_id))
        if (module, function) not in imported:
            missing.append(f"{method.upper()} {path} → {module}.{function}")
    return missing
