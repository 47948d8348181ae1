"""Opt-in network realism (``_network``): latency with jitter and a bandwidth cap, on both endpoints."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import pytest

from qarnot_ext import InvalidValueError
from qarnot_ext.emulator import Emulator
from qarnot_ext.emulator.__main__ import main
from qarnot_ext.emulator._network import NetworkProfile, NetworkShaper, parse_bandwidth, parse_latency


def test_parsing() -> None:
    assert parse_latency("30") == (0.03, 0.0)
    assert parse_latency("30:5") == (0.03, 0.005)
    assert parse_latency(12.5) == (0.0125, 0.0)
    assert parse_latency(None) == (0.0, 0.0)
    assert parse_bandwidth("20M") == 20e6
    assert parse_bandwidth("512k") == 512e3
    assert parse_bandwidth(1000) == 1000.0
    assert parse_bandwidth(None) is None
    for bad in ("fast", "-3", "30:", "1:2:3"):
        with pytest.raises(InvalidValueError, match="MS:JITTER"):
            parse_latency(bad)
    for bad_rate in ("0", "10T", "lots"):
        with pytest.raises(InvalidValueError, match="bandwidth"):
            parse_bandwidth(bad_rate)


def test_jitter_stays_within_bounds() -> None:
    # Deterministic: the delays are computed from an injected, seeded RNG, never timed.
    import random

    profile = NetworkProfile(0.030, 0.005)
    rng = random.Random(1)
    delays = [profile.delay(rng) for _ in range(200)]
    replay = random.Random(1)
    assert delays == [
        0.030 + replay.uniform(-0.005, 0.005) for _ in range(200)
    ]  # uniform, around the latency
    tolerance = 1e-12  # float rounding of latency + jitter
    assert all(0.025 - tolerance <= d <= 0.035 + tolerance for d in delays)
    assert min(delays) < 0.0265  # the whole documented ± range is used, both sides
    assert max(delays) > 0.0335
    steady = random.Random(2)
    before = steady.getstate()
    assert NetworkProfile(0.030).delay(steady) == 0.030  # no jitter: exactly the latency
    assert steady.getstate() == before  # ... without drawing from the RNG
    assert min(NetworkProfile(0.001, 0.005).delay(rng) for _ in range(200)) == 0.0  # never negative


async def _echo(scope: Any, receive: Any, send: Any) -> None:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


def _timed(app: Any, content: bytes) -> tuple[float, bytes]:
    async def run() -> tuple[float, bytes]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://x") as client:
            started = time.perf_counter()
            response = await client.post("/", content=content)
            return time.perf_counter() - started, response.content

    return asyncio.run(run())


def test_latency_delays_each_request() -> None:
    elapsed, body = _timed(NetworkShaper(_echo, NetworkProfile(latency=0.05)), b"ping")
    assert body == b"ping"
    assert elapsed >= 0.05


def test_jittered_latency_is_at_least_the_drawn_delay() -> None:
    # A lower bound only (a loaded machine can make it slower, never faster); the seed fixes the draw.
    import random

    profile = NetworkProfile(latency=0.04, jitter=0.02)
    drawn = profile.delay(random.Random(7))
    elapsed, body = _timed(NetworkShaper(_echo, profile, seed=7), b"ping")
    assert body == b"ping"
    assert elapsed >= drawn >= 0.02


def test_bandwidth_paces_request_and_response_bodies() -> None:
    # 300 bytes up and 300 bytes down at 2,000 B/s: at least 0.3 s.
    elapsed, body = _timed(NetworkShaper(_echo, NetworkProfile(bandwidth=2000.0)), b"x" * 300)
    assert body == b"x" * 300
    assert elapsed >= 0.3


def test_emulator_applies_the_network_to_both_endpoints() -> None:
    with Emulator(latency="40", bandwidth="100M") as emu:
        assert emu.network == NetworkProfile(0.04, 0.0, 100e6)
        started = time.perf_counter()
        assert httpx.get(f"{emu.url}/settings").status_code == 200
        assert time.perf_counter() - started >= 0.04
        assert emu.storage_url is not None
        started = time.perf_counter()
        httpx.get(emu.storage_url)  # unauthenticated: refused, but only after the latency
        assert time.perf_counter() - started >= 0.04


def test_cli_rejects_a_bad_latency(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--latency", "soon", "--no-storage"]) == 2
    assert "MS:JITTER" in capsys.readouterr().err
