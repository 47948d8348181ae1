"""Fixtures of the client tests: a fake API, a fake clock, and each test run on both clients."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from anyio.from_thread import start_blocking_portal

from qarnot_ext._async_client import AsyncQarnot
from qarnot_ext._http import RetryPolicy
from qarnot_ext._sync_client import Qarnot
from tests.client._fakes import TOKEN, FakeClock, Router, SyncView

BASE = "http://127.0.0.1:9/v1"  # a closed port: nothing may ever reach a real host


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def router() -> Router:
    return Router()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(params=["sync", "async"])
def q(request: pytest.FixtureRequest, router: Router, clock: FakeClock) -> Iterator[Any]:
    """The sync client, or the async one behind a blocking portal: the same test drives both."""
    options: dict[str, Any] = {
        "token": TOKEN,
        "env": {},
        "clock": clock,
        "retry": RetryPolicy(max_attempts=3),
    }
    if request.param == "sync":
        client = Qarnot(BASE, transport=router.transport(), **options)
        with client:
            yield client
        return
    with start_blocking_portal("asyncio") as portal:
        aclient = AsyncQarnot(BASE, transport=router.transport(), **options)
        yield SyncView(aclient, portal)
        portal.call(aclient.aclose)
