r"""``qarnot-contract``: is this server honouring ``openapi.yaml``, operation by operation?

::

    export QARNOT_CLIENT_TOKEN=...            # keeps the token out of shell history and ps
    qarnot-contract run --base-url https://api.qarnot.com/v1                 # safe: read-only
    qarnot-contract run --base-url http://127.0.0.1:8080/v1 --mode full \\
        --operations '^(create|get|delete)_task$' --seed 1 --report-dir out/
    qarnot-contract run --base-url http://127.0.0.1:4010/v1 --allow-unserved 'list_tasks,get_task'

Operations end as passed, failed, not served (every answer a "no such path") or skipped (no request
reached the server); violations are grouped by (check, cause), each with its smallest failing case.

Exit codes: 0 conformant, 1 violations found, 2 usage or connection error (no verdict),
130 interrupted (after cleanup).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from qarnot_ext import MissingExtraError
from qarnot_ext.contract import _load
from qarnot_ext.contract._names import CHECKS, EXIT_ERROR, EXIT_INTERRUPTED, PHASES
from qarnot_ext.contract._redact import Redactor

__all__ = ["TOKEN_ENV", "main"]

TOKEN_ENV = "QARNOT_CLIENT_TOKEN"  # noqa: S105 - the name of a variable, not a secret
DEFAULT_REPORT_DIR = "qarnot-contract-report"


class _ArgumentError(Exception):
    """argparse found a usage error (reported by :func:`main` with exit code 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _ArgumentError(f"{self.prog}: error: {message}")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _phases(text: str) -> tuple[str, ...]:
    names = tuple(p.strip() for p in text.split(",") if p.strip())
    unknown = [p for p in names if p not in PHASES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(PHASES)}, got {text!r}")
    return names


def _parser() -> _Parser:
    parser = _Parser(
        prog="qarnot-contract", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = commands.add_parser(
        "run",
        help="test a server against the contract",
        description="Test a Qarnot-compatible server against openapi.yaml. Checks: "
        + "; ".join(f"{name} ({what})" for name, what in CHECKS.items()),
    )
    run.add_argument(
        "--base-url", required=True, help="the server, with the version: https://api.qarnot.com/v1"
    )
    run.add_argument(
        "--token", help=f"the API token (default: ${TOKEN_ENV}, which keeps it out of shell history)"
    )
    run.add_argument(
        "--spec", type=Path, help="the contract (default: the packaged or repository openapi.yaml)"
    )
    run.add_argument(
        "--mode",
        choices=("safe", "full"),
        default="safe",
        help="safe (default): only operations that cannot change state, fit for a production account; "
        "full: also create, update and delete (tagged with the run id, cleaned up at the end)",
    )
    run.add_argument(
        "--operations", metavar="REGEX", help="only operations whose operationId or 'METHOD /path' matches"
    )
    run.add_argument(
        "--max-examples", type=_positive, default=20, help="examples per operation and phase (default 20)"
    )
    run.add_argument("--seed", type=int, help="generation seed (default: random, printed for replay)")
    run.add_argument(
        "--report-dir",
        type=Path,
        default=Path(DEFAULT_REPORT_DIR),
        help=f"where junit.xml, failures.har and summary.json go (default ./{DEFAULT_REPORT_DIR})",
    )
    run.add_argument("--workers", type=_positive, default=1, help="concurrent requests (default 1)")
    run.add_argument("--phases", type=_phases, help=f"comma-separated subset of {','.join(PHASES)}")
    run.add_argument(
        "--allow-unknown-enum-values",
        action="store_true",
        help="report enum values the spec does not list as warnings, not failures",
    )
    run.add_argument(
        "--allow-case-drift",
        action="store_true",
        help="report enum values that differ only in case (Flex/flex) as warnings, not failures",
    )
    run.add_argument("--request-timeout", type=float, default=10.0, help="seconds per response (default 10)")
    run.add_argument(
        "--allow-unserved",
        metavar="OPS",
        help="operations the server knowingly does not implement (comma-separated operationIds or a "
        "regular expression): reported as not served without failing the run",
    )
    run.add_argument(
        "--stateful-steps", type=_positive, default=10, help="steps per stateful scenario (default 10)"
    )
    return parser


def _command(argv: Sequence[str] | None) -> str:
    """The command line as typed, for the reports; the value of ``--token`` is replaced."""
    words = list(sys.argv[1:] if argv is None else argv)
    for index, word in enumerate(words):
        if word.startswith("--token="):
            words[index] = "--token=[REDACTED]"
        elif word == "--token" and index + 1 < len(words):
            words[index + 1] = "[REDACTED]"
    return shlex.join(["qarnot-contract", *words])


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (2 for usage errors and a missing extra)."""
    try:
        # Before parsing, so that even --help says in one line what to install. The runner itself
        # (schemathesis takes seconds to import) is only looked for here, and imported after parsing.
        _load("_console")
        _load("_reports")
        if importlib.util.find_spec("schemathesis") is None:
            raise MissingExtraError(
                "contract testing needs 'schemathesis', which is not installed: "
                "pip install 'qarnot-toolkit[contract]'",
                name="schemathesis",
                extra="contract",
            )
    except MissingExtraError as exc:
        print(f"qarnot-contract: {exc}", file=sys.stderr)
        return EXIT_ERROR
    from rich.console import Console

    from qarnot_ext.contract._console import ConsoleProgress, RedactingStream, render_summary
    from qarnot_ext.contract._reports import write_reports

    try:
        args = _parser().parse_args(argv)
    except _ArgumentError as exc:
        print(exc, file=sys.stderr)
        return EXIT_ERROR
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0
    from qarnot_ext.contract._runner import RunOptions, UsageError, run_contract

    token = args.token or os.environ.get(TOKEN_ENV, "")
    redactor = Redactor([token])
    # Logs get a wide console: an 80-column table would cut operation names.
    width = None if sys.stdout.isatty() else 160
    console = Console(file=RedactingStream(sys.stdout, redactor), highlight=False, width=width)  # type: ignore[arg-type]
    errors = Console(file=RedactingStream(sys.stderr, redactor), highlight=False, width=width)  # type: ignore[arg-type]
    if args.token:
        errors.print(f"note: prefer ${TOKEN_ENV} to --token: command lines are visible to other users")
    options = RunOptions(
        base_url=args.base_url,
        token=token,
        spec=args.spec,
        mode=args.mode,
        operations=args.operations,
        max_examples=args.max_examples,
        seed=args.seed,
        workers=args.workers,
        phases=args.phases,
        allow_unknown_enum_values=args.allow_unknown_enum_values,
        allow_case_drift=args.allow_case_drift,
        request_timeout=args.request_timeout,
        stateful_steps=args.stateful_steps,
        allow_unserved=args.allow_unserved,
        command=_command(argv),
    )
    progress = ConsoleProgress(console)
    try:
        result = run_contract(options, progress, redactor)
    except UsageError as exc:
        progress.close()
        errors.print(f"qarnot-contract: error: {exc}", highlight=False, markup=False)
        return EXIT_ERROR
    except KeyboardInterrupt:
        progress.close()
        errors.print("qarnot-contract: interrupted")
        return EXIT_INTERRUPTED
    progress.close()
    try:
        reports = write_reports(args.report_dir, result, redactor)
    except OSError as exc:
        errors.print(
            f"qarnot-contract: error: cannot write the reports to {args.report_dir}: {exc}", markup=False
        )
        render_summary(console, result)
        return EXIT_ERROR
    render_summary(console, result, reports)
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())
