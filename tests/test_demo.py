"""`make demo` runs the main job end to end against the embedded emulator and checks each step."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from qarnot_ext import demo


def test_the_demo_completes_every_step() -> None:
    out = io.StringIO()
    status = demo.main(
        ["--speed", "8"], console_factory=lambda: Console(file=out, width=200, color_system=None)
    )
    text = out.getvalue()
    assert status == 0, text
    for step in ("inputs", "submitted", "secret", "listed", "first run", "retry run", "results"):
        assert f"✓ {step}:" in text, f"step {step!r} missing:\n{text}"
    assert "failed 3,7" in text
    assert "demo-license-key" not in text


def test_a_failing_check_ends_the_demo_with_status_1(monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = demo._write_inputs
    # Claim one more input file than is written: the upload check must catch the mismatch.
    monkeypatch.setattr(demo, "_write_inputs", lambda directory: real_write(directory) + 1)
    out = io.StringIO()
    status = demo.main(
        ["--speed", "8"], console_factory=lambda: Console(file=out, width=200, color_system=None)
    )
    assert status == 1
    assert "demo failed: expected 12 uploads, got 11" in out.getvalue()
