"""Fixtures of the official-SDK suite: the official Python SDK (``qarnot``) against a served emulator.

``sdk_emulator`` runs one emulator per quirk setting (loopback, real S3 through moto, a fast clock:
an instance runs 3 emulated seconds, 0.03 s of wall time). ``sdk`` is a fresh
``qarnot.connection.Connection`` on it for a fresh tenant, so tests never see each other's data. The
SDK is used as its users use it: no monkeypatching, no private attribute.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from qarnot_ext.emulator import Emulator

qarnot = pytest.importorskip("qarnot")

SPEED = 100.0


@pytest.fixture(scope="session")
def sdk_emulator() -> Iterator[Emulator]:
    with Emulator(speed=SPEED) as emu:
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
