"""Meet the package the way an installed user does: build the wheel, install it in a fresh venv, look.

Steps, each printed:

1. ``pip wheel`` builds the wheel from this checkout (in an isolated build environment);
2. a fresh venv gets the wheel **without extras**: the installed distributions and their size;
3. each console script runs there without its extra: it must print one line naming the extra and
   exit 2, with no traceback;
4. import cost: ``import qarnot_ext`` against ``import httpx`` in that venv (best of N ``-X importtime``
   runs each, cumulative microseconds) and their ratio;
5. types as a user sees them: ``mypy --strict`` (this checkout's mypy, pointed at the fresh venv's
   interpreter, with no project configuration) on a small user file full of ``reveal_type``; the
   revealed types are printed and any ``Any`` where the library promises a type is a failure;
6. with ``--extras``: the same venv gets ``[emulator,contract]`` and both console scripts answer
   ``--help``.

Exit status 0 when every check passed; ``--json FILE`` writes the figures for the test suite.

Usage: ``python scripts/check_wheel.py [--workdir DIR] [--extras] [--json FILE]``
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = {"qarnot-emulator": "emulator", "qarnot-contract": "contract"}

# What a user writes; each reveal_type line names what it must not be (Any).
USER_FILE = textwrap.dedent(
    """
    import uuid

    from qarnot_ext import InstanceRange, Qarnot, QarnotError, __version__

    def use(q: Qarnot, task_id: uuid.UUID) -> None:
        reveal_type(__version__)
        reveal_type(InstanceRange.parse("0-3"))
        reveal_type(q.tasks)
        reveal_type(q.tasks.get(task_id))
        reveal_type(q.tasks.get(task_id).state)
        reveal_type(q.tasks.get(task_id).creation_date)
        reveal_type(q.tasks.create(name="n", profile="p", instances=1))
        reveal_type(q.storage)
        reveal_type(QarnotError)

    def build(q: Qarnot) -> uuid.UUID:
        from qarnot_ext.models import MinimumCoreHardwareConstraint, PoolOutput

        pool: PoolOutput = q.pools.get("p")
        returned = pool.hardware_constraints if isinstance(pool.hardware_constraints, list) else []
        return q.tasks.create(
            name="n",
            profile="p",
            instances=1,
            hardware_constraints=[MinimumCoreHardwareConstraint(core_count=8), *returned],
        )
    """
)
# reveal_type lines (of USER_FILE) that must not be Any; lines 10-12 reveal the generated models
# (typed for users because the generated package ships py.typed).
MUST_BE_TYPED = (7, 8, 9, 10, 11, 12, 13, 14, 15)


def run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run ``cmd``, capturing text output; never raises on a non-zero status."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QARNOT_", "PYTHONPATH", "VIRTUAL_ENV"))}
    return subprocess.run(cmd, capture_output=True, text=True, check=False, env=env, **kwargs)


def build_wheel(out: Path) -> Path:
    """Build this checkout's wheel into ``out``."""
    result = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)])
    if result.returncode:
        raise SystemExit(f"wheel build failed:\n{result.stderr}")
    return next(out.glob("qarnot_toolkit-*.whl"))


def venv_size(venv: Path) -> int:
    """Bytes under the venv's site-packages."""
    site = next((venv / "lib").glob("python3*/site-packages"))
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def best_import_us(python: Path, module: str, repeat: int = 7) -> int:
    """Best cumulative ``-X importtime`` figure of ``import module`` over ``repeat`` fresh processes."""
    best = None
    for _ in range(repeat):
        result = run([str(python), "-X", "importtime", "-c", f"import {module}"])
        for line in result.stderr.splitlines():
            parts = [p.strip() for p in line.split("|")]
            if len(parts) == 3 and parts[2] == module:
                value = int(parts[1])
                best = value if best is None else min(best, value)
    if best is None:
        raise SystemExit(f"no importtime line for {module}")
    return best


def reveal(python: Path, workdir: Path) -> tuple[list[tuple[int, str]], list[str]]:
    """Mypy --strict on the user file against the installed packages: (line, revealed type), errors."""
    user = workdir / "user_code.py"
    user.write_text(USER_FILE, encoding="utf-8")
    mypy = Path(sys.executable).parent / "mypy"
    result = run(
        [
            str(mypy),
            "--strict",
            "--no-incremental",
            "--config-file",
            os.devnull,
            "--python-executable",
            str(python),
            str(user),
        ],
        cwd=workdir,
    )
    found = []
    for line in result.stdout.splitlines():
        match = re.match(r".*user_code\.py:(\d+): note: Revealed type is \"(.*)\"", line)
        if match:
            found.append((int(match.group(1)), match.group(2)))
    if not found:
        raise SystemExit(f"mypy revealed nothing:\n{result.stdout}\n{result.stderr}")
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    return found, errors


def main(argv: list[str] | None = None) -> int:
    """Run the checks; return 0 when all passed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, help="keep the wheel and the venv here (default: a temp dir)")
    parser.add_argument("--extras", action="store_true", help="also install the extras and run the scripts")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="qarnot-wheel-"))
    workdir.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    figures: dict[str, Any] = {}
    try:
        wheel = build_wheel(workdir / "dist")
        print(f"== wheel: {wheel.name} ({wheel.stat().st_size // 1024} KiB)")
        venv = workdir / "venv"
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = venv / "bin" / "python"
        installed = run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)]
        )
        if installed.returncode:
            raise SystemExit(f"pip install failed:\n{installed.stderr}")
        listing = run([str(python), "-m", "pip", "list", "--format=json", "--disable-pip-version-check"])
        dists = sorted(
            d["name"] for d in json.loads(listing.stdout) if d["name"] not in {"pip", "setuptools"}
        )
        figures["client_distributions"] = dists
        figures["client_site_packages_bytes"] = venv_size(venv)
        print(
            f"== client-only install: {len(dists)} distributions, "
            f"{figures['client_site_packages_bytes'] / 1e6:.1f} MB in site-packages"
        )
        print("   " + ", ".join(dists))

        print("== console scripts without their extras")
        figures["scripts_without_extra"] = {}
        for script, extra in SCRIPTS.items():
            for script_args in (["--help"], ["run" if extra == "contract" else "serve"]):
                result = run([str(venv / "bin" / script), *script_args])
                lines = result.stderr.strip().splitlines()
                ok = (
                    result.returncode == 2
                    and len(lines) == 1
                    and f"qarnot-toolkit[{extra}]" in lines[0]
                    and "Traceback" not in result.stderr + result.stdout
                )
                figures["scripts_without_extra"][f"{script} {' '.join(script_args)}"] = {
                    "status": result.returncode,
                    "stderr": result.stderr.strip(),
                }
                print(f"   {script} {' '.join(script_args)} -> {result.returncode}: {result.stderr.strip()}")
                if not ok:
                    failures.append(f"{script} {' '.join(script_args)} without its extra")

        ours = best_import_us(python, "qarnot_ext")
        httpx = best_import_us(python, "httpx")
        figures["import_us"] = {"qarnot_ext": ours, "httpx": httpx, "ratio": round(ours / httpx, 2)}
        print(
            f"== import cost (best of 7): qarnot_ext {ours / 1000:.1f} ms, httpx {httpx / 1000:.1f} ms, "
            f"ratio {ours / httpx:.2f}x"
        )

        print("== types as an installed user sees them (mypy --strict against the wheel)")
        revealed, type_errors = reveal(python, workdir)
        for error in type_errors:
            # A user's ordinary code (building a typed constraint, passing back what the API
            # returned) must type-check against the installed wheel.
            print(f"   {error}")
            failures.append(f"the user file does not type-check: {error}")
        figures["revealed"] = {str(line): kind for line, kind in revealed}
        for line, kind in revealed:
            typed = "Any" not in kind
            print(f"   line {line}: {kind}")
            if line in MUST_BE_TYPED and not typed:
                failures.append(f"line {line} of the user file is {kind}")

        if args.extras:
            extras = run(
                [
                    str(python),
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    f"{wheel}[emulator,contract]",
                ]
            )
            if extras.returncode:
                raise SystemExit(f"pip install of the extras failed:\n{extras.stderr}")
            print("== console scripts with their extras")
            for script in SCRIPTS:
                result = run([str(venv / "bin" / script), "--help"])
                print(f"   {script} --help -> {result.returncode}: {result.stdout.splitlines()[:1]}")
                if result.returncode != 0 or "usage:" not in result.stdout:
                    failures.append(f"{script} --help with its extra")
    finally:
        if args.json:
            figures["failures"] = failures
            args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    for failure in failures:
        print(f"FAIL: {failure}")
    print("OK" if not failures else f"{len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
