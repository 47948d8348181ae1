#!/usr/bin/env python3
"""Classified diff of two revisions of the OpenAPI spec.

Usage::

    scripts/spec_diff.py OLD NEW [--format text|markdown|json] [--report FILE]
    scripts/spec_diff.py --base REF|auto NEW ...        # OLD is REF:<NEW's path>

OLD and NEW are file paths or ``REF:path`` (read with ``git show``), each in the house dialect or
in the vendor's (ASP.NET Core + Swashbuckle, OpenAPI 3.0.x: ``docs/spec-dialect.md``). Both are
normalized to the house dialect, operations are matched by method and path shape and component
schemas by structure (never by name), so only differences of the API are reported; house-only
operations (``x-undocumented``) absent from a vendor NEW are listed as kept. ``--base auto``
picks the last release tag, else ``origin/main``, else ``HEAD``. Every difference is classified
as breaking for clients, breaking for servers, or compatible, by the rules in
``docs/spec-diff-rules.md``; the same change in several places is one finding with its places.
optic's verdict (on the same normalized pair) is shown beside ours when it is installed.
``--impact`` also regenerates NEW into a temporary directory, type-checks our code against it
(``MYPYPATH``) and lists the code that uses each change.

Exit codes: 0 compatible, 1 breaking (see ``--fail-on``), 2 error (bad input, missing file,
invalid YAML, unknown ``$ref`` or git ref).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from _upgrade.errors import EXIT_BREAKING, EXIT_ERROR, EXIT_OK, UpgradeError
from _upgrade.flow import impact_against_spec, model_classes, render_impact_markdown
from _upgrade.naming import GeneratedNames
from _upgrade.render import SpecDiffReport, render
from _upgrade.rules import rules_markdown
from _upgrade.specdiff import OpticMode, build_report, load_pair, old_argument_for_base
from _upgrade.specsource import Spec, repo_root


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spec_diff.py",
        description="Classified diff of two revisions of the OpenAPI spec.",
        epilog="Exit codes: 0 compatible, 1 breaking, 2 error.",
    )
    parser.add_argument("specs", nargs="*", metavar="SPEC", help="OLD NEW, or NEW alone with --base")
    parser.add_argument(
        "--base", metavar="REF", help="compare NEW with its own path at REF ('auto': last tag...)"
    )
    parser.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    parser.add_argument(
        "--report", metavar="FILE", type=Path, help="write the report there instead of stdout"
    )
    parser.add_argument("--fail-on", choices=["any", "clients", "servers"], default="any", dest="fail_on")
    parser.add_argument(
        "--closed-enums",
        action="store_true",
        help="classify new response enum values as breaking for clients",
    )
    optic = parser.add_mutually_exclusive_group()
    optic.add_argument("--no-optic", action="store_true", help="do not run optic")
    optic.add_argument("--require-optic", action="store_true", help="fail (exit 2) when optic cannot run")
    parser.add_argument(
        "--impact",
        action="store_true",
        help="also regenerate NEW in a temporary directory, type-check our code against it, list the uses",
    )
    parser.add_argument("--rules-markdown", action="store_true", help="print the rules table and exit")
    return parser


def _with_impact(text: str, report: SpecDiffReport, old: Spec, new: Spec, style: str, cwd: Path) -> str:
    repo = repo_root(cwd)
    names = GeneratedNames.from_config(repo / "openapi-python-client.yaml")
    impact = impact_against_spec(
        new.text, repo, report.findings, model_classes(names, old.document, new.document)
    )
    if style == "json":
        data = json.loads(text)
        data["impact"] = [
            {
                "location": i.finding.location,
                "kind": i.finding.kind,
                "generated": i.generated,
                "uses": [str(u) for u in i.uses],
                "public": i.public,
                "tests": [str(u) for u in i.tests],
                "mypy": [str(e) for e in i.mypy],
            }
            for i in impact.impacts
            if i.touched
        ]
        return json.dumps(data, indent=2) + "\n"
    return text + "\n" + render_impact_markdown(impact)


def main(argv: list[str] | None = None, *, cwd: Path | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.rules_markdown:
        sys.stdout.write(rules_markdown())
        return EXIT_OK
    here = cwd or Path.cwd()
    try:
        if args.base is not None:
            if len(args.specs) != 1:
                parser.error("--base takes exactly one SPEC (NEW)")
            old_argument = old_argument_for_base(args.base, args.specs[0], cwd=here)
            new_argument = args.specs[0]
        elif len(args.specs) == 2:
            old_argument, new_argument = args.specs
        else:
            parser.error("give OLD NEW, or --base REF NEW")
        old, new = load_pair(old_argument, new_argument, cwd=here)
        optic_mode: OpticMode = "off" if args.no_optic else "required" if args.require_optic else "auto"
        report = build_report(
            old, new, repo=here, optic_mode=optic_mode, closed_enums=args.closed_enums, fail_on=args.fail_on
        )
        text = render(report, args.format)
        if args.impact:
            text = _with_impact(text, report, old, new, args.format, here)
        if args.report is not None:
            args.report.write_text(text, encoding="utf-8")
            sys.stdout.write(f"{report.verdict}: report written to {args.report}\n")
        else:
            sys.stdout.write(text)
    except UpgradeError as error:
        sys.stderr.write(f"spec_diff: error: {error}\n")
        return EXIT_ERROR
    except OSError as error:
        sys.stderr.write(f"spec_diff: error: {error}\n")
        return EXIT_ERROR
    return EXIT_BREAKING if report.breaking else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
