#!/usr/bin/env python3
"""Public-API diff of ``qarnot_ext`` against a git ref (griffe), as a changelog draft.

Usage::

    scripts/api_diff.py [--base REF|auto] [--package qarnot_ext] [--format markdown|json] [--report FILE]

Lists the public names removed or renamed and the changed signatures (each with a deprecation
path), and the public names added. ``--base auto`` (the default) is the last release tag, else
``origin/main``, else ``HEAD``.

Exit codes: 0 no breaking change, 1 breaking changes, 2 error (unknown ref, unloadable package).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from _upgrade.apidiff import diff_public_api, render_api_markdown
from _upgrade.errors import EXIT_BREAKING, EXIT_ERROR, EXIT_OK, UpgradeError
from _upgrade.specsource import default_base_ref, repo_root


def main(argv: list[str] | None = None, *, cwd: Path | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="api_diff.py", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--base", default="auto", metavar="REF", help="git ref to compare against (default: auto)"
    )
    parser.add_argument("--package", default="qarnot_ext")
    parser.add_argument("--format", choices=["markdown", "json"], default="markdown")
    parser.add_argument(
        "--report", type=Path, metavar="FILE", help="write the report there instead of stdout"
    )
    args = parser.parse_args(argv)
    here = cwd or Path.cwd()
    try:
        repo = repo_root(here)
        base = default_base_ref(repo) if args.base == "auto" else args.base
        diff = diff_public_api(repo, base, package=args.package)
        text = (
            json.dumps(asdict(diff), indent=2) + "\n" if args.format == "json" else render_api_markdown(diff)
        )
        if args.report is not None:
            args.report.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    except (UpgradeError, OSError) as error:
        sys.stderr.write(f"api_diff: error: {error}\n")
        return EXIT_ERROR
    return EXIT_BREAKING if diff.breaks else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
