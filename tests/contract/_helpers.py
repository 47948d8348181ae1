"""Helpers shared by the contract runner's tests: a loopback server for any ASGI app, a fresh
emulator, and the outcome of a command-line run."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from qarnot_ext.emulator import EmulatorState, ManualClock, Tenant, create_app

TOKEN = "contract-token-5f0e3c1d9a"
TENANT = Tenant("contract@example.com", TOKEN)


@contextlib.contextmanager
def serve(app: Any) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 (free port) in a background thread; yield its ``…/v1`` URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on", loop="asyncio")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/v1"
    finally:
        server.should_exit = True
        thread.join(30)
        sock.close()


def emulator_app() -> tuple[Any, EmulatorState]:
    """A fresh in-process emulator (manual clock) with the test tenant."""
    state = EmulatorState([TENANT], clock=ManualClock())
    return create_app(state), state


@dataclass
class CliRun:
    """The outcome of one ``qarnot-contract`` invocation."""

    code: int
    out: str
    err: str
    report_dir: Path

    @property
    def summary(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.report_dir / "summary.json").read_text(encoding="utf-8"))
        return data

    def findings(self) -> set[tuple[str, str]]:
        """(operation, check) of every violation."""
        return {(f["operation"], f["check"]) for f in self.summary["findings"]}

    def files_text(self) -> str:
        return "\n".join(p.read_text(encoding="utf-8") for p in sorted(self.report_dir.iterdir()))


Cli = Callable[..., CliRun]
