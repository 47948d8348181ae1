"""Opt-in network realism: latency (with jitter) and a bandwidth cap on the API and the S3 endpoint.

On loopback the emulator answers in microseconds and moto in a few milliseconds, while the real API
and Qarnot's storage are tens of milliseconds away: timeout tests and benchmarks need the real cost.
:class:`NetworkShaper` wraps an ASGI app: each request waits ``latency`` (± ``jitter``, uniformly)
before it is served, and each body, request and response, takes ``len / bandwidth`` seconds to go
through (per request: concurrent transfers each get the full rate, like separate connections).

``qarnot-emulator serve --latency 30:5 --bandwidth 20M`` or ``Emulator(latency="30:5", bandwidth="20M")``.
"""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any, Final

from qarnot_ext import InvalidValueError

__all__ = ["NetworkProfile", "NetworkShaper", "parse_bandwidth", "parse_latency"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_LATENCY: Final = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(?::\s*([0-9]+(?:\.[0-9]+)?)\s*)?$")
_BANDWIDTH: Final = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([kKmMgG]?)\s*$")
_UNITS: Final = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}


class NetworkSettingError(InvalidValueError):
    """A ``--latency`` or ``--bandwidth`` value that cannot be read; the message shows the syntax."""

    def __init__(self, message: str) -> None:
        super().__init__("network setting", ())
        self.args = (message,)


@dataclass(frozen=True)
class NetworkProfile:
    """Latency and jitter in seconds, bandwidth in bytes per second (``None``: unlimited)."""

    latency: float = 0.0
    jitter: float = 0.0
    bandwidth: float | None = None

    @property
    def active(self) -> bool:
        """Whether it changes anything."""
        return self.latency > 0 or self.jitter > 0 or self.bandwidth is not None

    def delay(self, rng: random.Random) -> float:
        """One request's latency (seconds)."""
        if self.jitter <= 0:
            return self.latency
        return max(0.0, self.latency + rng.uniform(-self.jitter, self.jitter))

    def transfer(self, size: int) -> float:
        """Seconds ``size`` bytes take at the bandwidth."""
        return size / self.bandwidth if self.bandwidth else 0.0


def parse_latency(value: str | float | None) -> tuple[float, float]:
    """``"MS[:JITTER]"`` (milliseconds) or a number of ms → (latency, jitter) in seconds."""
    if value is None or value == "":
        return 0.0, 0.0
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value < 0:
            raise NetworkSettingError(f"latency must be >= 0 ms, not {value!r}")
        return float(value) / 1000, 0.0
    match = _LATENCY.match(str(value))
    if match is None:
        raise NetworkSettingError(f"latency is MS or MS:JITTER in milliseconds (e.g. 30:5), not {value!r}")
    jitter = float(match.group(2)) if match.group(2) else 0.0
    return float(match.group(1)) / 1000, jitter / 1000


def parse_bandwidth(value: str | float | None) -> float | None:
    """Bytes per second, optionally with a decimal suffix k/M/G (``"20M"``); ``None``: no cap."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        rate = float(value)
    else:
        match = _BANDWIDTH.match(str(value))
        if match is None:
            raise NetworkSettingError(
                f"bandwidth is bytes per second with an optional k/M/G suffix (e.g. 20M), not {value!r}"
            )
        rate = float(match.group(1)) * _UNITS[match.group(2).lower()]
    if rate <= 0:
        raise NetworkSettingError(f"bandwidth must be > 0 bytes/s, not {value!r}")
    return rate


class NetworkShaper:
    """An ASGI wrapper that delays requests and paces bodies (see the module doc)."""

    def __init__(self, app: ASGIApp, profile: NetworkProfile, *, seed: int | None = None) -> None:
        self.app = app
        self.profile = profile
        self._rng = random.Random(seed)  # noqa: S311 - jitter, not cryptography

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        profile = self.profile
        wait = profile.delay(self._rng)
        if wait > 0:
            await asyncio.sleep(wait)

        async def paced_receive() -> Message:
            message = await receive()
            pause = profile.transfer(len(message.get("body", b"")))
            if pause > 0:
                await asyncio.sleep(pause)
            return message

        async def paced_send(message: Message) -> None:
            if message["type"] == "http.response.body":
                pause = profile.transfer(len(message.get("body", b"")))
                if pause > 0:
                    await asyncio.sleep(pause)
            await send(message)

        if profile.bandwidth is None:
            await self.app(scope, receive, send)
        else:
            await self.app(scope, paced_receive, paced_send)
