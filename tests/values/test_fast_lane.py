"""The fast lane (make test-fast) cannot silently shrink: its selection rules are checked here."""

from __future__ import annotations

from pathlib import Path

from tests import conftest

TESTS = Path(conftest.__file__).resolve().parent


def test_every_module_of_the_fast_directories_is_in_the_lane_or_excluded_with_a_reason() -> None:
    modules = [p for d in conftest.FAST_DIRS for p in sorted((TESTS / d).rglob("test_*.py"))]
    assert len(modules) >= 15
    excluded = {p.relative_to(TESTS).as_posix() for p in modules if not conftest.in_fast_lane(p)}
    assert excluded == set(conftest.FAST_EXCLUDED)
    assert all(reason.strip() for reason in conftest.FAST_EXCLUDED.values())


def test_the_lane_covers_the_value_types_and_the_client() -> None:
    assert {"values", "client"} <= set(conftest.FAST_DIRS)
    assert conftest.in_fast_lane(TESTS / "values" / "test_instance_ranges.py")
    assert conftest.in_fast_lane(TESTS / "client" / "test_retries.py")
    assert not conftest.in_fast_lane(TESTS / "emulator" / "test_app.py")
    assert conftest.FAST_FLOOR >= 800
