#!/usr/bin/env python3
"""Take a new revision of the Qarnot API: diff, regenerate, check, type-check, test, report.

Usage::

    scripts/upgrade.py SPEC [--dry-run] [--report FILE] [--base REF|auto] [--no-tests]
                            [--pytest-args ARGS] [--no-optic] [--closed-enums] [--force]

SPEC may be in either dialect (``docs/spec-dialect.md``): ours, or the vendor's published
description (OpenAPI 3.0.x as ASP.NET Core + Swashbuckle emit it). The flow normalizes it, diffs
it against ``openapi.yaml`` semantically (``scripts/spec_diff.py``). A revision in our own dialect
replaces ``openapi.yaml`` (it is ours, house material included); a vendor one is **merged**: the new
``openapi.yaml`` is ours plus upstream's semantic changes (new operations, with operationIds by
the rule of ``_upgrade.normalize.derive_operation_id``; new fields; changed types, formats,
required, nullability and enum values), every piece of house material kept; what upstream
removed stays and is flagged for review. Then it regenerates ``generated/qarnot_api``, checks
that a second generation is identical, type-checks ``qarnot_ext`` and the tests against the new
client (mypy), runs a bounded test subset (``--pytest-args`` to change it), and writes
``UPGRADE_REPORT.md``: the diff, what was merged and kept, the operations no facade module
imports, the type errors by location, and a changelog draft. The changes stay in the working
tree for review and commit. It refuses to overwrite uncommitted changes of ``openapi.yaml``
unless ``--force``.

``--dry-run`` does all of it in a temporary copy of the working tree, which is left untouched;
the report goes to ``--report FILE`` or, without it, to standard output.

Exit codes: 0 compatible and every check passed, 1 breaking changes or a failed check (the report
says which), 2 error (missing or invalid SPEC, tool that cannot run).
"""

from __future__ import annotations

import argparse
import datetime
import os
import shlex
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from _upgrade.apidiff import ApiDiff, diff_public_api, render_api_markdown
from _upgrade.errors import EXIT_BREAKING, EXIT_ERROR, EXIT_OK, UpgradeError
from _upgrade.flow import (
    ImpactReport,
    diff_generated,
    model_classes,
    render_impact_markdown,
    scan_and_attribute,
)
from _upgrade.merge import MergeResult, kept_removals, merge
from _upgrade.naming import GeneratedNames
from _upgrade.regen import StepResult, copy_workspace, regenerate, run_mypy, run_step
from _upgrade.render import SpecDiffReport, render_markdown
from _upgrade.specdiff import OpticMode, build_report, semantic_pair
from _upgrade.specsource import Spec, default_base_ref, git, load_spec, repo_root
from _upgrade.upgrade_report import changelog_draft, facade_gaps, merge_markdown, render_dump
from openapi_spec_validator import validate as validate_openapi
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

NESTED_ENV = "QARNOT_UPGRADE_NESTED"
"""Set while the flow runs the test suite, so that tests which run the flow skip themselves."""

DEFAULT_PYTEST_ARGS = ["-q", "-p", "no:cacheprovider", "tests/client", "tests/values", "tests/spec"]
"""The bounded subset the flow runs by default: the client, value and spec tests (the emulator,
contract, storage and fuzz suites take minutes and do not depend on a changed field's name)."""

TYPECHECK_TARGETS = ["qarnot_ext", "tests"]
"""What the flow type-checks against the new client."""


@dataclass
class Outcome:
    """Everything the flow produced, for the report."""

    spec: str
    mode: str
    spec_diff: SpecDiffReport
    steps: list[StepResult] = field(default_factory=list)
    impact: ImpactReport | None = None
    api: ApiDiff | None = None
    api_error: str = ""
    merged: MergeResult | None = None
    facade_missing: list[str] = field(default_factory=list)

    @property
    def failed_steps(self) -> list[StepResult]:
        """Steps that ran and failed."""
        return [s for s in self.steps if s.returncode not in (0, None)]


def _validate(spec: Spec) -> None:
    try:
        validate_openapi(spec.document)
    except OpenAPIValidationError as error:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        raise UpgradeError(
            f"{spec.label}: not a valid OpenAPI document at {where}: {error.message}"
        ) from error


def _uncommitted(repo: Path, path: str) -> bool:
    return bool(git(["status", "--porcelain", "--", path], cwd=repo).strip())


def _tail(text: str, lines: int = 40) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def render_upgrade_report(outcome: Outcome) -> str:
    """Render ``UPGRADE_REPORT.md``."""
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        "# API upgrade report",
        "",
        f"New revision: `{outcome.spec}` — {outcome.mode} — {now}.",
        "",
        "| step | result | time |",
        "|---|---|---|",
        f"| spec diff | {outcome.spec_diff.verdict} | {outcome.spec_diff.seconds:.2f} s |",
    ]
    for step in outcome.steps:
        result = (
            "skipped" if step.returncode is None else "ok" if step.ok else f"FAILED (exit {step.returncode})"
        )
        out.append(f"| {step.name} (`{step.command}`) | {result} | {step.seconds:.1f} s |")
    if outcome.merged is not None:
        out += ["", merge_markdown(outcome.merged, kept_removals(outcome.spec_diff.findings))]
    out += [changelog_draft(outcome.spec_diff, outcome.merged)]
    if outcome.facade_missing:
        out += [
            f"## Operations no facade module imports ({len(outcome.facade_missing)})",
            "",
            "Generated functions that `qarnot_ext` (the library, not its tools) never imports:",
            "",
            *[f"- `{item}`" for item in outcome.facade_missing],
            "",
        ]
    out += ["", render_markdown(outcome.spec_diff, heading_level=2)]
    if outcome.impact is not None:
        out.append(render_impact_markdown(outcome.impact, heading_level=2))
    for step in outcome.failed_steps:
        if step.name != "typecheck":
            out += [f"## {step.name} output (last lines)", "", "```", _tail(step.output), "```", ""]
    if outcome.api is not None:
        out.append(render_api_markdown(outcome.api, heading_level=2))
    elif outcome.api_error:
        out += ["## Public API of `qarnot_ext`", "", f"Not computed: {outcome.api_error}", ""]
    out += [
        "## Next steps",
        "",
        "1. Read the breaking changes above; update `qarnot_ext` where the impact section points.",
        "2. Add changelog entries (and deprecation paths) for public API changes.",
        "3. Review `git diff openapi.yaml generated/`, run `make check`, then commit.",
    ]
    return "\n".join(out) + "\n"


def run_upgrade(
    spec_argument: str,
    *,
    repo: Path,
    dry_run: bool,
    base: str = "auto",
    run_tests: bool = True,
    check_generated: bool = True,
    typecheck: bool = True,
    pytest_args: list[str] | None = None,
    optic_mode: OpticMode = "auto",
    closed_enums: bool = False,
    force: bool = False,
    scratch: Path,
) -> Outcome:
    """Run the whole flow; see the module docstring.

    Args:
        spec_argument: the new spec (a path, or ``REF:path``).
        repo: the repository.
        dry_run: work in a copy under ``scratch`` instead of ``repo``.
        base: the git ref for the public-API diff (``auto``: last tag, ``origin/main``, ``HEAD``).
        run_tests: run pytest.
        check_generated: check that a second generation is identical (``generate.py --check``).
        typecheck: run mypy (the project's configuration) against the new client.
        pytest_args: arguments for pytest (default: :data:`DEFAULT_PYTEST_ARGS`).
        optic_mode: whether to run optic beside our classifier.
        closed_enums: classify response enum additions for closed-enum clients.
        force: overwrite uncommitted changes of ``openapi.yaml``.
        scratch: a temporary directory for the copy, the old generated tree and caches.

    Raises:
        UpgradeError: bad input or a tool that cannot run.

    """
    new = load_spec(spec_argument, cwd=Path.cwd())
    _validate(new)
    current = repo / "openapi.yaml"
    if not current.exists():
        raise UpgradeError(f"{current} does not exist: nothing to upgrade")
    if not dry_run and not force and _uncommitted(repo, "openapi.yaml"):
        raise UpgradeError("openapi.yaml has uncommitted changes: commit them, use --dry-run, or --force")
    old = load_spec(str(current), cwd=repo)
    old = Spec("openapi.yaml", old.text, old.document)
    report = build_report(old, new, repo=repo, optic_mode=optic_mode, closed_enums=closed_enums)
    outcome = Outcome(spec_argument, "dry run (working tree untouched)" if dry_run else "applied", report)
    if report.vendor:
        # Ours plus upstream's semantic changes; ours byte for byte when there are none.
        outcome.merged = merge(old.document, semantic_pair(old, new, repo=repo))
        merged_text = render_dump(old.text, outcome.merged.document) if outcome.merged.changed else old.text
    else:
        # A revision in our own dialect is a new openapi.yaml, house material included: it replaces ours.
        merged_text = new.text

    # A dry run works in a copy of the working tree; otherwise in the working tree itself.
    workspace = copy_workspace(repo, scratch / "workspace") if dry_run else repo
    names = GeneratedNames.from_config(workspace / "openapi-python-client.yaml")
    models = model_classes(names, old.document, new.document)
    generated_parent = workspace / "generated"
    old_generated = scratch / "old-generated"
    if (generated_parent / names.package).is_dir():
        shutil.copytree(generated_parent / names.package, old_generated / names.package)
    backup = scratch / "openapi.yaml.orig"
    shutil.copy2(workspace / "openapi.yaml", backup)
    (workspace / "openapi.yaml").write_text(merged_text, encoding="utf-8")

    regen = regenerate(workspace)
    outcome.steps.append(regen)
    if not regen.ok:
        if not dry_run:
            # Leave the working tree as it was: the developer gets the report, not a broken tree.
            shutil.copy2(backup, workspace / "openapi.yaml")
            if (old_generated / names.package).is_dir():
                shutil.rmtree(generated_parent / names.package, ignore_errors=True)
                shutil.copytree(old_generated / names.package, generated_parent / names.package)
        outcome.impact = scan_and_attribute(report.findings, workspace, names, None, models)
        return outcome
    if check_generated:
        command = [sys.executable, str(workspace / "scripts" / "generate.py"), "--check"]
        check = run_step("check-generated", command, cwd=workspace)
        check.command = "python scripts/generate.py --check"
        outcome.steps.append(check)
    mypy: StepResult | None = None
    if typecheck:
        mypy = run_mypy(
            TYPECHECK_TARGETS, cwd=workspace, mypypath=generated_parent, cache_dir=scratch / "mypy-cache"
        )
        outcome.steps.append(mypy)
    else:
        outcome.steps.append(StepResult("typecheck", "mypy (skipped)", None, 0.0))
    if run_tests:
        env = {**os.environ, NESTED_ENV: "1"}
        args = pytest_args if pytest_args is not None else DEFAULT_PYTEST_ARGS
        tests = run_step("tests", [sys.executable, "-m", "pytest", *args], cwd=workspace, env=env)
        tests.command = shlex.join(["pytest", *args])
        outcome.steps.append(tests)
    else:
        outcome.steps.append(StepResult("tests", "pytest (--no-tests)", None, 0.0))
    outcome.impact = scan_and_attribute(report.findings, workspace, names, mypy, models)
    outcome.impact.generated_changes = diff_generated(old_generated, generated_parent, names.package)
    merged_document = outcome.merged.document if outcome.merged is not None else new.document
    outcome.facade_missing = facade_gaps(merged_document, workspace, names)
    try:
        ref = default_base_ref(repo) if base == "auto" else base
        outcome.api = diff_public_api(repo, ref, current=workspace)
    except UpgradeError as error:
        outcome.api_error = str(error)
    return outcome


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="upgrade.py", description=__doc__.splitlines()[0])
    parser.add_argument("spec", metavar="SPEC", help="the new spec: a path, or REF:path")
    parser.add_argument("--dry-run", action="store_true", help="work in a temporary copy; touch nothing")
    parser.add_argument("--report", type=Path, metavar="FILE", help="where to write the report")
    parser.add_argument("--base", default="auto", metavar="REF", help="git ref for the public-API diff")
    parser.add_argument("--no-tests", action="store_true", help="skip the test suite")
    parser.add_argument(
        "--pytest-args", default=None, metavar="ARGS", help="arguments for pytest (one string)"
    )
    parser.add_argument("--no-optic", action="store_true", help="do not run optic")
    parser.add_argument("--closed-enums", action="store_true")
    parser.add_argument("--force", action="store_true", help="overwrite uncommitted changes of openapi.yaml")
    args = parser.parse_args(argv)
    try:
        repo = repo_root(Path.cwd())
        with tempfile.TemporaryDirectory(prefix="qarnot-upgrade-") as scratch:
            outcome = run_upgrade(
                args.spec,
                repo=repo,
                dry_run=args.dry_run,
                base=args.base,
                run_tests=not args.no_tests,
                pytest_args=shlex.split(args.pytest_args) if args.pytest_args is not None else None,
                optic_mode="off" if args.no_optic else "auto",
                closed_enums=args.closed_enums,
                force=args.force,
                scratch=Path(scratch),
            )
        text = render_upgrade_report(outcome)
        target = (
            args.report if args.report is not None else None if args.dry_run else repo / "UPGRADE_REPORT.md"
        )
        if target is None:
            sys.stdout.write(text)
        else:
            target.write_text(text, encoding="utf-8")
            sys.stderr.write(f"upgrade: report written to {target}\n")
    except (UpgradeError, OSError, yaml.YAMLError) as error:
        sys.stderr.write(f"upgrade: error: {error}\n")
        return EXIT_ERROR
    failed = ", ".join(s.name for s in outcome.failed_steps)
    sys.stderr.write(
        f"upgrade: spec diff {outcome.spec_diff.verdict}; "
        + (f"failed: {failed}\n" if failed else "all checks passed\n")
    )
    if not args.dry_run:
        sys.stderr.write("upgrade: review `git diff openapi.yaml generated/` and the report, then commit\n")
    return EXIT_BREAKING if outcome.spec_diff.breaking or failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
