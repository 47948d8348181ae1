"""Regenerate ``generated/qarnot_api`` from ``openapi.yaml``, or check that it is up to date.

Usage (from anywhere; paths are relative to the repository)::

    python scripts/generate.py                  # delete generated/qarnot_api, then generate it
    python scripts/generate.py --output DIR     # generate into DIR (the package directory) instead
    python scripts/generate.py --check          # generate into a temporary directory and compare

Besides the generator's own output (shaped by ``templates/``), generation writes two files into the
package, so that ``--check`` covers them too: ``py.typed`` (the models are typed for installed users,
PEP 561) and ``operations.py``, the table of every operation of the spec (see :func:`operation_table`).
The generator is given a copy of the spec in which ``format: qarnot-date-time`` reads
``format: date-time``: it then types those fields as ``datetime``, and the templates parse them with
the tolerant parser of ``qarnot_api.types`` (up to 7 fractional digits, the ``0001-01-01`` sentinel).

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
from typing import Any

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
    with tempfile.TemporaryDirectory(prefix="qarnot-spec-") as tmp:
        spec = Path(tmp) / SPEC.name
        spec.write_text(generator_spec(SPEC.read_text(encoding="utf-8")), encoding="utf-8")
        _run_generator(generator, spec, output, env)
    (output / "py.typed").write_text("", encoding="utf-8")
    table = output / "operations.py"
    table.write_text(operation_table(_load_spec()), encoding="utf-8")
    ruff = bindir / "ruff"
    subprocess.run(
        [
            str(ruff),
            "format",
            "--isolated",
            "--no-cache",
            "--target-version",
            "py311",
            "--line-length",
            "120",
            "-q",
            str(table),
        ],
        env=env,
        cwd=REPO,
        check=True,
    )


def generator_spec(text: str) -> str:
    """The spec as the generator reads it: ``qarnot-date-time`` strings typed as ``date-time``."""
    return text.replace("format: qarnot-date-time", "format: date-time")


def _run_generator(generator: Path, spec: Path, output: Path, env: dict[str, str]) -> None:
    command = [
        str(generator),
        "generate",
        "--path",
        str(spec),
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


def _load_spec() -> dict[str, Any]:
    import yaml

    spec: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return spec


def _shape(schema: dict[str, Any] | None) -> str | None:
    """A schema as the table names it: a component name, ``list[X]``, ``A | B`` or a JSON type."""
    if schema is None:
        return None
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "oneOf" in schema:
        return " | ".join(str(_shape(s)) for s in schema["oneOf"])
    if schema.get("type") == "array":
        return f"list[{_shape(schema['items'])}]"
    return str(schema.get("type"))


def _resolve(spec: dict[str, Any], obj: dict[str, Any], kind: str) -> dict[str, Any]:
    if "$ref" in obj:
        resolved: dict[str, Any] = spec["components"][kind][str(obj["$ref"]).rsplit("/", 1)[-1]]
        return resolved
    return obj


def operation_table(spec: dict[str, Any]) -> str:
    """The source of ``qarnot_api/operations.py``: every operation of ``spec``, once.

    Per operation: method, path, parameters (Python name as the generated functions spell it, name on
    the wire, location, required, default), request-body and success-response shapes, success codes
    and the ``x-qarnot-*`` extensions (``idempotent``: may be retried; ``changes-state``: false for the
    read-only POSTs; ``pagination``: ``token`` or ``offset``). Fails on an operation without the two
    required extensions, so a new operation cannot slip in unclassified.
    """
    from openapi_python_client.strings import PythonIdentifier

    rows: list[str] = []
    for path, item in spec["paths"].items():
        common = item.get("parameters", [])
        for method, op in item.items():
            if method == "parameters":
                continue
            op_id = op["operationId"]
            for ext in ("x-qarnot-idempotent", "x-qarnot-changes-state"):
                if not isinstance(op.get(ext), bool):
                    raise GenerationError(f"{op_id}: {ext} must be true or false")
            params = []
            for raw in [*common, *op.get("parameters", [])]:
                param = _resolve(spec, raw, "parameters")
                default = param.get("schema", {}).get("default")
                params.append(
                    f"Param({str(PythonIdentifier(param['name'], 'field_'))!r}, {param['name']!r}, "
                    f"{param['in']!r}, {bool(param.get('required'))!r}, {default!r})"
                )
            body = None
            if "requestBody" in op:
                request_body = _resolve(spec, op["requestBody"], "requestBodies")
                content = request_body.get("content", {})
                body = (
                    _shape(content["application/json"]["schema"]) if "application/json" in content else None
                )
            success: list[int] = []
            response = None
            for code, raw in op["responses"].items():
                if not code.startswith("2"):
                    continue
                success.append(int(code))
                content = _resolve(spec, raw, "responses").get("content") or {}
                if code == "200" and content:
                    kind, media = next(iter(content.items()))
                    response = "text" if kind.startswith("text/") else _shape(media.get("schema"))
            rows.append(
                f"    {op_id!r}: Operation({op_id!r}, {method.upper()!r}, {path!r}, "
                f"({''.join(p + ', ' for p in params)}), {body!r}, {response!r}, "
                f"({''.join(f'{c}, ' for c in success)}), {op['x-qarnot-idempotent']!r}, "
                f"{op['x-qarnot-changes-state']!r}, {op.get('x-qarnot-pagination')!r}, "
                f"{(op.get('tags') or [''])[0]!r}),"
            )
    return _TABLE_HEADER + "OPERATIONS: Final[dict[str, Operation]] = {\n" + "\n".join(rows) + "\n}\n"


_TABLE_HEADER = '''"""Every operation of ``openapi.yaml``, once. Written by ``scripts/generate.py``.

``idempotent`` (``x-qarnot-idempotent``) says whether a request may be repeated after a transport
error or a retryable status; ``changes_state`` (``x-qarnot-changes-state``) is false for operations
that change nothing, GETs and read-only POSTs (search, paginate, sanity checks); ``pagination``
(``x-qarnot-pagination``) is ``"token"`` or ``"offset"`` for paginated listings. ``body`` and
``response`` name the request-body and success-response schemas (``list[X]``, ``A | B``, ``"text"``
for plain text, ``None`` for no content). Do not edit: change the spec, then regenerate.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple


class Param(NamedTuple):
    """One parameter of an operation."""

    name: str
    """The argument name of the generated functions (``task_uuid``)."""
    wire: str
    """The name in the request (``taskUuid``)."""
    location: Literal["path", "query", "header"]
    required: bool
    default: object
    """The spec's default (sent when the caller gives none), or ``None``."""


class Operation(NamedTuple):
    """One operation of the spec."""

    id: str
    method: str
    path: str
    params: tuple[Param, ...]
    body: str | None
    response: str | None
    success: tuple[int, ...]
    idempotent: bool
    changes_state: bool
    pagination: Literal["token", "offset"] | None
    tag: str


'''


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
