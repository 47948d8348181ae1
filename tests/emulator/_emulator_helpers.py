"""Helpers shared by the emulator's tests: tenants, an in-process client, small builders."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import httpx

from qarnot_ext.emulator import EmulatorState, ManualClock, Tenant

ALICE = Tenant("alice@example.com", "token-alice", can_read=("carol@example.com",))
BOB = Tenant("bob@example.com", "token-bob")
CAROL = Tenant("carol@example.com", "token-carol")


class SyncASGITransport(httpx.BaseTransport):
    """A sync httpx transport over ``httpx.ASGITransport`` (one short event loop per request)."""

    def __init__(self, app: Any) -> None:
        self._inner = httpx.ASGITransport(app=app)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def run() -> httpx.Response:
            forwarded = httpx.Request(
                request.method, request.url, headers=request.headers, content=request.read()
            )
            response = await self._inner.handle_async_request(forwarded)
            data = await response.aread()
            return httpx.Response(
                response.status_code, headers=response.headers, content=data, request=request
            )

        return asyncio.run(run())


@dataclass
class World:
    """An in-process emulator and helpers."""

    state: EmulatorState
    clock: ManualClock
    app: Any

    def api(self, tenant: Tenant | None = ALICE, *, versioned: bool = True) -> httpx.Client:
        headers = {"Authorization": tenant.token} if tenant is not None else {}
        base = "http://emulator/v1" if versioned else "http://emulator"
        return httpx.Client(transport=SyncASGITransport(self.app), base_url=base, headers=headers)

    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.state.sync()


def task_body(**overrides: Any) -> dict[str, Any]:
    """A small valid task."""
    body: dict[str, Any] = {"name": "task", "profile": "docker-batch", "instanceCount": 2}
    body.update(overrides)
    return body


def create(client: httpx.Client, path: str, body: Any) -> str:
    """POST a creation, assert it worked, return the uuid."""
    response = client.post(path, json=body)
    assert response.status_code == 200, response.text
    return str(response.json()["uuid"])
