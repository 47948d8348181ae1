"""Regenerate ``generated/qarnot_api`` from ``openapi.yaml``, or check that it is up to date.

Usage (from anywhere; paths are relative to the repository)::

    python scripts/generate.py                  # delete generated/qarnot_api, then generate it
    python scripts/generate.py --output DIR     # generate into DIR (the package directory) instead
    python scripts/generate.py --check          # generate into a temporary directory and compare

``--check`` exits 1 and lists the added, missing and changed files when the committed tree differs
from a fresh generation. The generator (openapi-python-client) and the formatter it runs (ruff) must
be the pinned versions: both shape the output, so another version fails fast instead of producing
drift. They are run from this interpreter's environment, with its ``bin`` directory first on
``PATH`` so that the post-hooks find the pinned ruff.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "openapi.yaml"
CONFIG = REPO / "openapi-python-client.yaml"
TEMPLATES = REPO / "templates"
DEFAULT_OUTPUT = REPO / "generated" / "qarnot_api"
PINS = {"openapi-python-client": "0.29.1", "ruff": "0.17.6"}
# Bytecode caches appear when tests import the package; they are not generator output.
IGNORED = {"__pycache__", ".ruff_cache", ".mypy_cache"}


class GenerationError(RuntimeError):
    """The generator is missing, has the wrong version, or failed."""


def check_pins() -> None:
    """Fail unless the pinned generator and formatter are installed in this environment."""
    wrong = []
    for dist, wanted in PINS.items():
        try:
            found = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found = "not installed"
        if found != wanted:
            wrong.append(f"{dist} {found} (need {wanted})")
    if wrong:
        raise GenerationError("wrong tool versions: " + ", ".join(wrong))


def generate(output: Path) -> None:
    """Delete ``output`` and generate the package into it (``output`` is the package directory)."""
    check_pins()
    bindir = Path(sys.executable).parent
    generator = bindir / "openapi-python-client"
    if not generator.exists():
        raise GenerationError(f"{generator} not found: run from the project's virtual environment")
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["PATH"] = f"{bindir}{os.pathsep}{env.get('PATH', '')}"
    # Determinism does not depend on it (measured), but pinning it removes one variable.
    env["PYTHONHASHSEED"] = "0"
    command = [
        str(generator),
        "generate",
        "--path",
        str(SPEC),
        "--config",
        str(CONFIG),
        "--custom-template-path",
        str(TEMPLATES),
        "--meta",
        "none",
        "--output-path",
        str(output),
        "--fail-on-warning",
    ]
    result = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not output.is_dir():
        raise GenerationError(
            f"openapi-python-client failed (exit {result.returncode}):\n{result.stdout}{result.stderr}"
        )


def _files(root: Path) -> set[Path]:
    return {
        p.relative_to(root)
        for p in root.rglob("*")
        if p.is_file() and not IGNORED.intersection(p.relative_to(root).parts)
    }


def compare(expected: Path, actual: Path) -> list[str]:
    """Return one line per difference between two trees (``+`` added, ``-`` missing, ``M`` changed)."""
    want = _files(expected)
    have = _files(actual) if actual.is_dir() else set()
    lines = [f"- {p}" for p in sorted(want - have)]
    lines += [f"+ {p}" for p in sorted(have - want)]
    lines += [
        f"M {p}" for p in sorted(want & have) if not filecmp.cmp(expected / p, actual / p, shallow=False)
    ]
    return lines


def check(committed: Path) -> list[str]:
    """Generate into a temporary directory and compare with ``committed``."""
    with tempfile.TemporaryDirectory(prefix="qarnot-generate-") as tmp:
        fresh = Path(tmp) / "qarnot_api"
        generate(fresh)
        return compare(fresh, committed)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="package directory to (re)generate or check"
    )
    parser.add_argument(
        "--check", action="store_true", help="compare a fresh generation with --output instead of writing"
    )
    args = parser.parse_args(argv)
    output: Path = args.output.resolve()
    try:
        if args.check:
            differences = check(output)
            if differences:
                print(f"{output} differs from a fresh generation of {SPEC.name}:", file=sys.stderr)
                for line in differences:
                    print(f"  {line}", file=sys.stderr)
                print("run `make generate` and commit the result", file=sys.stderr)
                return 1
            print(f"{output.relative_to(REPO) if output.is_relative_to(REPO) else output} is up to date")
            return 0
        generate(output)
    except GenerationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"generated {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
