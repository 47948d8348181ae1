"""Mutation testing of the library core with mutmut, and a report a person reads.

The modules and the tests that cover them are listed in ``tests/mutation/modules.toml``; mutants
known to be equivalent (no test can tell them from the original) are listed, each with its reason,
in ``tests/mutation/equivalent.toml``.

mutmut rewrites the source tree it runs in, so this script never runs it in the checkout: it copies
the tracked files (and untracked, not ignored ones) into a work directory, writes the ``[tool.mutmut]``
table into that copy's ``pyproject.toml`` and runs ``mutmut run`` there. It then writes
``reports/mutation/summary.md`` (per-module killed / survived / equivalent and every surviving mutant
as ``file:line`` with its mutation) and ``reports/mutation/results.json``.

Usage::

    python scripts/mutate.py                 # every module (make mutate)
    python scripts/mutate.py --ci            # the fixed CI subset (make mutate-ci)
    python scripts/mutate.py --module _ranges --module _timefmt
    python scripts/mutate.py --report-only --workdir DIR   # re-read a finished run

Exit status: 0 when every module kills at least ``--min-score`` percent of its non-equivalent
mutants, 1 otherwise, 2 on a usage or tool error.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MODULES_FILE = ROOT / "tests" / "mutation" / "modules.toml"
EQUIVALENT_FILE = ROOT / "tests" / "mutation" / "equivalent.toml"
REPORT_DIR = ROOT / "reports" / "mutation"

# mutmut exit codes of a mutant's test run, as documented by mutmut (stats.status_by_exit_code).
KILLED_CODES = frozenset({1, 3})
SURVIVED_CODES = frozenset({0})
TIMEOUT_CODES = frozenset({36, -24, 24, 152, 255})
NO_TESTS_CODES = frozenset({5, 33})

# Runs inside the work directory (mutmut reads its configuration from the current directory): the
# diff of every surviving mutant, through mutmut's own diff function so the mutation shown is
# exactly the one that was tested.
_DIFF_HELPER = """
import json, sys
from mutmut.mutation.diff_apply import get_diff_for_mutant
out = {}
for name, path in json.load(sys.stdin):
    out[name] = get_diff_for_mutant(name, path=path)
json.dump(out, sys.stdout)
"""


@dataclass(frozen=True)
class Module:
    """One module under mutation testing."""

    name: str
    path: str
    tests: tuple[str, ...]
    ci: bool


@dataclass
class Mutant:
    """One mutant and what the tests made of it."""

    name: str
    module: str
    status: str
    line: int | None = None
    before: str = ""
    after: str = ""
    reason: str = ""


@dataclass
class Tally:
    """Per-module counts."""

    killed: int = 0
    survived: int = 0
    timeout: int = 0
    equivalent: int = 0
    no_tests: int = 0
    other: int = 0
    survivors: list[Mutant] = field(default_factory=list)

    @property
    def score(self) -> float:
        """Killed (timeouts count as killed) over the non-equivalent mutants that tests reach."""
        judged = self.killed + self.timeout + self.survived + self.no_tests
        # Nothing judged means the run failed or was cut short: never a pass.
        return 0.0 if judged == 0 else 100.0 * (self.killed + self.timeout) / judged


def load_modules() -> dict[str, Module]:
    """Read ``tests/mutation/modules.toml``."""
    data = tomllib.loads(MODULES_FILE.read_text("utf-8"))
    return {
        name: Module(name, entry["path"], tuple(entry["tests"]), bool(entry.get("ci", False)))
        for name, entry in data["modules"].items()
    }


def load_equivalents() -> dict[str, dict[str, str]]:
    """Read ``tests/mutation/equivalent.toml``: mutant name -> {mutation, reason}."""
    if not EQUIVALENT_FILE.exists():
        return {}
    data = tomllib.loads(EQUIVALENT_FILE.read_text("utf-8"))
    out: dict[str, dict[str, str]] = {}
    for entry in data.get("equivalent", []):
        if not entry.get("reason"):
            raise SystemExit(f"equivalent mutant {entry.get('mutant')!r} has no reason")
        out[entry["mutant"]] = {"mutation": entry.get("mutation", ""), "reason": entry["reason"]}
    return out


def copy_tree(workdir: Path) -> None:
    """Copy the checkout's files (tracked, plus untracked and not ignored) into ``workdir``."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.decode()
    for relative in filter(None, listing.split("\0")):
        source = ROOT / relative
        if not source.is_file():
            continue
        target = workdir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def _toml_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def load_deselected() -> list[str]:
    """The tests ``modules.toml`` keeps out of every run (``deselect``), e.g. those reading the source."""
    data = tomllib.loads(MODULES_FILE.read_text("utf-8"))
    return [str(test) for test in data.get("deselect", [])]


def write_config(workdir: Path, modules: Sequence[Module]) -> None:
    """Append the ``[tool.mutmut]`` table for ``modules`` to the work copy's pyproject.toml."""
    tests = sorted({t for m in modules for t in m.tests})
    deselect = [arg for test in load_deselected() for arg in ("--deselect", test)]
    table = f"""
[tool.mutmut]
source_paths = ["qarnot_ext"]
only_mutate = {_toml_list([m.path for m in modules])}
pytest_add_cli_args_test_selection = {_toml_list(tests)}
also_copy = ["generated", "scripts", "tests", "openapi.yaml", "docs", "README.md"]
pytest_add_cli_args = {_toml_list(["-p", "no:cacheprovider", "-q", *deselect])}
"""
    pyproject = workdir / "pyproject.toml"
    text = pyproject.read_text("utf-8")
    if "[tool.mutmut]" in text:
        text = text[: text.index("[tool.mutmut]")]
    pyproject.write_text(text.rstrip() + "\n" + table, "utf-8")


def run_mutmut(workdir: Path, max_children: int, timeout: float) -> tuple[float, bool]:
    """Run ``mutmut run`` in ``workdir``, bounded by ``timeout`` seconds: (elapsed time, finished)."""
    shutil.rmtree(workdir / "mutants", ignore_errors=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(str(workdir / p) for p in ("generated", ".", "scripts"))
    env.setdefault("QARNOT_HYPOTHESIS_PROFILE", "ci")
    mutmut = Path(sys.executable).with_name("mutmut")
    command = [str(mutmut), "run", "--max-children", str(max_children)]
    log = workdir / "mutmut.log"
    started = time.monotonic()
    finished = True
    with log.open("wb") as out:
        # A session of its own, so that a timeout stops mutmut's forked workers too.
        process = subprocess.Popen(
            command, cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait()
            print(f"mutmut stopped after {timeout:.0f} s; the report covers what finished", file=sys.stderr)
            finished = False
        else:
            if code != 0:
                print(f"mutmut failed (exit {code}); see {log}", file=sys.stderr)
                finished = False
    return time.monotonic() - started, finished


def _function_span(source_path: Path, mutant: str) -> tuple[int, int] | None:
    """Lines of the function a mutant belongs to (``x__name`` or ``xǁClassǁname`` in mutmut's naming)."""
    local = mutant.rsplit(".", 1)[-1].rsplit("__mutmut_", 1)[0]
    if local.startswith("xǁ"):
        _, cls, func = local.split("ǁ")
    else:
        cls, func = "", local[len("x_") :]
    tree = ast.parse(source_path.read_text("utf-8"))
    scopes: list[ast.AST] = [tree]
    if cls:
        scopes = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == cls]
    for scope in scopes:
        for node in ast.iter_child_nodes(scope):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == func:
                return node.lineno, node.end_lineno or node.lineno
    return None


def _locate(source_path: Path, mutant: str, removed: str) -> int | None:
    """The line of the original source that the mutation changes."""
    span = _function_span(source_path, mutant)
    lines = source_path.read_text("utf-8").splitlines()
    first, last = span if span else (1, len(lines))
    for number in range(first, last + 1):
        if lines[number - 1].strip() == removed.strip():
            return number
    return first if span else None


def _changed_lines(diff: str) -> tuple[str, str]:
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    return "\n".join(removed), "\n".join(added)


def collect(workdir: Path, modules: Sequence[Module]) -> dict[str, Tally]:
    """Read mutmut's per-file results from ``workdir`` and classify every mutant."""
    equivalents = load_equivalents()
    tallies: dict[str, Tally] = {}
    pending: list[Mutant] = []
    for module in modules:
        tally = tallies.setdefault(module.name, Tally())
        meta = workdir / "mutants" / (module.path + ".meta")
        if not meta.exists():
            continue
        codes: dict[str, int | None] = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
        for name, code in sorted(codes.items(), key=lambda kv: _natural_key(kv[0])):
            if code in KILLED_CODES:
                tally.killed += 1
            elif code in TIMEOUT_CODES:
                tally.timeout += 1
            elif code in SURVIVED_CODES or code in NO_TESTS_CODES:
                status = "survived" if code in SURVIVED_CODES else "no tests"
                pending.append(Mutant(name, module.name, status))
            else:
                tally.other += 1
    if pending:
        diffs = _diffs(
            workdir, [(m.name, next(x.path for x in modules if x.name == m.module)) for m in pending]
        )
        for mutant in pending:
            module = next(x for x in modules if x.name == mutant.module)
            mutant.before, mutant.after = _changed_lines(diffs.get(mutant.name, ""))
            mutant.line = _locate(
                ROOT / module.path, mutant.name, mutant.before.splitlines()[0] if mutant.before else ""
            )
            tally = tallies[mutant.module]
            known = equivalents.get(mutant.name)
            if known is not None and _same_mutation(known["mutation"], mutant.after):
                mutant.reason = known["reason"]
                tally.equivalent += 1
            elif mutant.status == "survived":
                tally.survived += 1
                tally.survivors.append(mutant)
            else:
                tally.no_tests += 1
                tally.survivors.append(mutant)
    return tallies


def _same_mutation(recorded: str, actual: str) -> bool:
    # A recorded equivalent names its mutated line: when the source changes and mutmut renumbers its
    # mutants, a stale entry stops matching and the mutant is reported again instead of hidden.
    return not recorded or " ".join(recorded.split()) == " ".join(actual.split())


def _natural_key(name: str) -> tuple[str, int]:
    head, _, number = name.rpartition("__mutmut_")
    return head, int(number) if number.isdigit() else 0


def _diffs(workdir: Path, names: list[tuple[str, str]]) -> dict[str, str]:
    completed = subprocess.run(
        [sys.executable, "-c", _DIFF_HELPER],
        cwd=workdir,
        input=json.dumps(names),
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        print(completed.stderr, file=sys.stderr)
        return {}
    result: dict[str, str] = json.loads(completed.stdout)
    return result


def render(
    tallies: dict[str, Tally], modules: Sequence[Module], elapsed: float | None, min_score: float
) -> str:
    """The Markdown summary."""
    out = ["# Mutation testing (mutmut)", ""]
    if elapsed is not None:
        out += [f"Run time: {elapsed:.0f} s.", ""]
    out += [
        "| module | killed | timeout | survived | no tests | equivalent | not run | score |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for module in modules:
        t = tallies[module.name]
        mark = "" if t.score >= min_score else " ✗"
        out.append(
            f"| {module.path} | {t.killed} | {t.timeout} | {t.survived} | {t.no_tests} | {t.equivalent} "
            f"| {t.other} | {t.score:.1f}%{mark} |"
        )
    out += [
        "",
        "Score: (killed + timeout) / (killed + timeout + survived + no tests); equivalent mutants are",
        "listed with their reason in tests/mutation/equivalent.toml.",
        "",
    ]
    for module in modules:
        t = tallies[module.name]
        if not t.survivors:
            continue
        out += [f"## Surviving mutants in {module.path}", ""]
        for m in t.survivors:
            where = f"{module.path}:{m.line}" if m.line else module.path
            out.append(f"- `{where}` ({m.status}) `{m.name.rsplit('.', 1)[-1]}`")
            out.append("  ```diff")
            out += [f"  - {line.strip()}" for line in m.before.splitlines()]
            out += [f"  + {line.strip()}" for line in m.after.splitlines()]
            out.append("  ```")
        out.append("")
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ci", action="store_true", help="only the modules marked ci = true")
    parser.add_argument("--module", action="append", default=[], help="a module name from modules.toml")
    parser.add_argument(
        "--workdir", type=Path, help="where the copy is made (default: a temporary directory)"
    )
    parser.add_argument("--report-only", action="store_true", help="re-read an existing --workdir")
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=3600.0, help="bound on the mutmut run, in seconds")
    parser.add_argument("--min-score", type=float, default=90.0)
    parser.add_argument("--report-dir", type=Path, default=REPORT_DIR)
    args = parser.parse_args(argv)

    every = load_modules()
    unknown = [name for name in args.module if name not in every]
    if unknown:
        parser.error(f"unknown module(s) {unknown}; known: {sorted(every)}")
    if args.module:
        modules = [every[name] for name in args.module]
    elif args.ci:
        modules = [m for m in every.values() if m.ci]
    else:
        modules = list(every.values())

    if args.report_only and args.workdir is None:
        parser.error("--report-only needs --workdir")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="qarnot-mutation-"))
    elapsed: float | None = None
    finished = True
    if not args.report_only:
        if workdir.resolve() == ROOT or ROOT in workdir.resolve().parents:
            parser.error("the work directory must be outside the checkout (mutmut rewrites it)")
        if workdir.exists():
            shutil.rmtree(workdir)
        workdir.mkdir(parents=True)
        copy_tree(workdir)
        write_config(workdir, modules)
        print(f"mutmut on {', '.join(m.path for m in modules)} in {workdir}", file=sys.stderr)
        elapsed, finished = run_mutmut(workdir, args.max_children, args.timeout)

    tallies = collect(workdir, modules)
    args.report_dir.mkdir(parents=True, exist_ok=True)
    summary = render(tallies, modules, elapsed, args.min_score)
    (args.report_dir / "summary.md").write_text(summary, "utf-8")
    results: dict[str, Any] = {
        "elapsed_seconds": elapsed,
        "modules": {
            m.name: {
                "path": m.path,
                "killed": tallies[m.name].killed,
                "timeout": tallies[m.name].timeout,
                "survived": tallies[m.name].survived,
                "no_tests": tallies[m.name].no_tests,
                "equivalent": tallies[m.name].equivalent,
                "score": round(tallies[m.name].score, 1),
                "survivors": [
                    {"mutant": s.name, "line": s.line, "before": s.before, "after": s.after}
                    for s in tallies[m.name].survivors
                ],
            }
            for m in modules
        },
    }
    (args.report_dir / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), "utf-8")
    print(summary.split("\n## ")[0])
    print(f"full report: {args.report_dir / 'summary.md'}")
    if not finished:
        print("the mutmut run did not finish: failing", file=sys.stderr)
        return 1
    return 0 if all(tallies[m.name].score >= args.min_score for m in modules) else 1


if __name__ == "__main__":
    sys.exit(main())
