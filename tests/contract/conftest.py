"""Fixtures for the contract runner's tests.

* ``emulator``: one real emulator per session (manual clock, no S3: the contract does not cover the
  storage endpoint), with its token.
* ``cli``: runs ``qarnot-contract`` in-process (``main``), captures its output, and returns the exit code,
  the output and the report directory (``_helpers.CliRun``).

Broken variants of the emulator (``_mutants``) are served with ``_helpers.serve``.

Warnings: ``filterwarnings = error`` is on. uvicorn runs with ``log_level="warning"`` (its "Invalid
HTTP request received" lines for deliberately malformed requests are log records, not warnings).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qarnot_ext.contract.__main__ import TOKEN_ENV, main
from qarnot_ext.emulator import Emulator
from tests.contract._helpers import TOKEN, Cli, CliRun


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    with Emulator(manual_clock=True, storage=False) as emu:
        yield emu


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    counter = iter(range(1000))

    def run(*args: str, token: str | None = TOKEN, env_token: bool = True) -> CliRun:
        report_dir = tmp_path / f"report-{next(counter)}"
        if token is not None and env_token:
            monkeypatch.setenv(TOKEN_ENV, token)
        else:
            monkeypatch.delenv(TOKEN_ENV, raising=False)
        argv = [*args, "--report-dir", str(report_dir)] if "run" in args else list(args)
        if token is not None and not env_token:
            argv += ["--token", token]
        code = main(argv)
        captured = capsys.readouterr()
        return CliRun(code, captured.out, captured.err, report_dir)

    return run
