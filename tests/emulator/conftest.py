"""Fixtures for the emulator's tests.

* ``world``: an in-process emulator (manual clock, no S3) with three tenants; its ``api(tenant)``
  clients speak to the ASGI app through httpx's ``ASGITransport``.
* ``served``: one real emulator per session (uvicorn on loopback, moto S3 behind the gateway, manual
  clock); tests that use it register their own tenants so that they cannot see each other's data.

Every test fails if the emulator recorded a violation (an invalid response or a handler crash):
such a 500 is an emulator bug, never an acceptable answer.

Warnings: ``filterwarnings = error`` is on. moto's werkzeug server logs access lines (log records,
not warnings) and the emulator turns its level down; uvicorn runs with ``log_level="warning"``.
Nothing here expects a warning.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from qarnot_ext.emulator import Emulator, EmulatorState, ManualClock, Tenant, create_app
from qarnot_ext.emulator._spec import load_spec
from tests.emulator._emulator_helpers import ALICE, BOB, CAROL, World

_ids = itertools.count()


@pytest.fixture(scope="session")
def spec_doc() -> dict[str, Any]:
    return load_spec().document


@pytest.fixture
def world() -> Iterator[World]:
    clock = ManualClock()
    state = EmulatorState([ALICE, BOB, CAROL], clock=clock)
    yield World(state, clock, create_app(state))
    assert state.violations == [], "\n".join(state.violations)


@pytest.fixture
def alice(world: World) -> Iterator[httpx.Client]:
    with world.api(ALICE) as client:
        yield client


@pytest.fixture
def bob(world: World) -> Iterator[httpx.Client]:
    with world.api(BOB) as client:
        yield client


@pytest.fixture(scope="session")
def served() -> Iterator[Emulator]:
    with Emulator(manual_clock=True) as emulator:
        yield emulator


@pytest.fixture
def live(served: Emulator) -> Iterator[Emulator]:
    """The session's real emulator; fails the test if serving it produced a violation."""
    before = len(served.state.violations)
    yield served
    new = served.state.violations[before:]
    assert new == [], "\n".join(new)


@pytest.fixture
def new_tenant(live: Emulator) -> Callable[..., Tenant]:
    """Register a fresh tenant on the live emulator (unique email and token)."""

    def make(**kwargs: Any) -> Tenant:
        n = next(_ids)
        return live.add_tenant(f"user{n}@tenant{n}.example", f"token-{n}-live", **kwargs)

    return make
