"""Fixtures of the official-SDK suite: the official Python SDK (``qarnot``) against a served emulator.

``sdk_emulator`` runs one emulator per quirk setting (none, then the quirk modes the SDK reads):
loopback, real S3 through moto, a fast clock (an instance runs 3 emulated seconds, 0.03 s of wall
time). ``sdk`` is a fresh ``qarnot.connection.Connection`` on it for a fresh tenant, so tests never
see each other's data. The SDK is used as its users use it: no monkeypatching, no private attribute.

``QARNOT_SDK_SUITE_QUIRKS=name,name`` runs the whole suite with those quirk modes on instead (to chart which
of the real service's quirks the SDK survives; most it does not, which is why they are opt-in).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from qarnot_ext.emulator import Emulator

qarnot = pytest.importorskip("qarnot")

SPEED = 100.0


# The quirk modes the official SDK reads (the others break it: see test_official_sdk.py).
SDK_READS_QUIRKS = "empty-status,float-ints"


@pytest.fixture(scope="session", params=["", SDK_READS_QUIRKS], ids=["no-quirks", "sdk-readable-quirks"])
def sdk_emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    quirks = os.environ.get("QARNOT_SDK_SUITE_QUIRKS", request.param)
    with Emulator(speed=SPEED, quirks=quirks) as emu:
        yield emu


def connect(emu: Emulator) -> Any:
    """A connection of the official SDK for a new tenant of ``emu``."""
    n = uuid.uuid4().hex[:12]
    tenant = emu.add_tenant(f"sdk{n}@qarnot.local", f"sdk-token-{n}-0123456789")
    from qarnot.connection import Connection

    return Connection(
        client_token=tenant.token, cluster_url=emu.root_url, storage_url=emu.storage_url, retry_count=0
    )


@pytest.fixture
def sdk(sdk_emulator: Emulator) -> Iterator[Any]:
    before = len(sdk_emulator.state.violations)
    yield connect(sdk_emulator)
    assert sdk_emulator.state.violations[before:] == []
