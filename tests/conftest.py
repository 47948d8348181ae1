"""Shared pytest configuration: hypothesis profiles for CI stability, and the fast lane.

The fast lane (``make test-fast``, ``pytest -m fast``) is the library's own tests: the value types,
the client and the storage logic, without the emulator or an S3 server. The ``fast`` marker is applied
here by directory rather than by hand, so a new test in those directories joins the lane by itself;
``FAST_EXCLUDED`` names each module kept out, with the reason. When the lane is selected, fewer than
``FAST_FLOOR`` tests is an error: the selection cannot shrink without someone noticing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# too_slow measures how long examples take to *generate*, which on a shared CI runner follows the
# machine's load rather than the test; every other health check stays on everywhere.
settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile("dev", deadline=None, print_blob=True)
# The edit-test loop (make test-fast): the same derandomized examples, fewer of them; CI runs "ci".
settings.register_profile(
    "fast",
    derandomize=True,
    deadline=None,
    max_examples=25,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("QARNOT_HYPOTHESIS_PROFILE", "ci"))

TESTS = Path(__file__).resolve().parent

FAST_DIRS: tuple[str, ...] = ("values", "client")
"""Directories (under tests/) whose modules are in the fast lane unless excluded below."""

FAST_EXCLUDED: dict[str, str] = {
    "client/test_e2e_emulator.py": "starts the embedded emulator (uvicorn and moto) for each scenario",
}
"""Modules of FAST_DIRS kept out of the fast lane, each with the reason."""

FAST_FLOOR = 800
"""The least number of tests ``-m fast`` may select; raise it when the lane grows."""


def in_fast_lane(path: Path) -> bool:
    """Whether the test module at ``path`` belongs to the fast lane."""
    try:
        relative = path.resolve().relative_to(TESTS).as_posix()
    except ValueError:
        return False
    return relative.split("/", 1)[0] in FAST_DIRS and relative not in FAST_EXCLUDED


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the fast lane's tests ``fast``."""
    for item in items:
        if in_fast_lane(item.path):
            item.add_marker(pytest.mark.fast)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Refuse a fast lane that has shrunk below its floor (when the whole suite is the starting point)."""
    whole_suite = [Path(arg).resolve() for arg in session.config.args] in ([], [TESTS])
    if session.config.getoption("markexpr", "") == "fast" and whole_suite and len(session.items) < FAST_FLOOR:
        raise pytest.UsageError(
            f"the fast lane selected {len(session.items)} tests, fewer than FAST_FLOOR={FAST_FLOOR} "
            "(tests/conftest.py): was a directory dropped from FAST_DIRS?"
        )
