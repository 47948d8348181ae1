"""The embedded emulator: the API and the S3 gateway served by uvicorn in a background thread.

::

    with Emulator() as emu:                       # loopback, free ports, one tenant
        client = make_client(emu.url, emu.token)  # emu.url ends with /v1
        ...
        emu.advance(10)                           # skip 10 emulated seconds

``Emulator(manual_clock=True)`` freezes time until :meth:`Emulator.advance`; otherwise it runs ``speed``
times faster than the wall clock.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import secrets
import socket
import threading
import time
from collections.abc import Iterable
from types import TracebackType
from typing import Any, Final

from qarnot_ext.emulator._app import create_app
from qarnot_ext.emulator._clock import ManualClock, SpeedClock
from qarnot_ext.emulator._network import NetworkProfile, NetworkShaper, parse_bandwidth, parse_latency
from qarnot_ext.emulator._quirks import parse_quirks
from qarnot_ext.emulator._s3gate import S3Gateway
from qarnot_ext.emulator._spec import Spec, load_spec
from qarnot_ext.emulator._state import EmulatorState, Tenant
from qarnot_ext.emulator._storage import BucketRegistry, MotoServer, S3Backend

__all__ = ["DEFAULT_EMAIL", "Emulator"]

DEFAULT_EMAIL: Final = "emulator@qarnot.local"
_log = logging.getLogger("qarnot_ext.emulator")
logging.getLogger("qarnot_ext.emulator").addHandler(logging.NullHandler())


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Emulator:
    """A local, spec-validated, stateful Qarnot-compatible server with a real S3 endpoint.

    Args:
        tenants: the accounts; by default one, :data:`DEFAULT_EMAIL` with a random token.
        host: address to bind; loopback only unless ``allow_remote`` is true.
        port: API port (0: a free one); ``s3_port`` likewise for storage.
        speed: emulated seconds per real second (ignored with ``manual_clock``).
        manual_clock: time moves only with :meth:`advance`.
        storage: run the S3 endpoint (moto behind the emulator's gateway); without it buckets are
            not read nor written and ``/settings`` has no ``storage``.
        moto_url: reuse a running moto server instead of starting one.
        instance_seconds: how long each task instance runs by default (emulated seconds).
        validate_responses: check every response against the spec (on by default; off only to
            measure the cost of validation).
        spec_path: the ``openapi.yaml`` to serve (default: bundled or the repository's).
        latency: opt-in network latency on both endpoints: milliseconds, or ``"MS:JITTER"``
            (``"30:5"``: 25-35 ms per request).
        bandwidth: opt-in cap on both endpoints, bytes per second per transfer (``"20M"``, ``5e6``).
        quirks: opt-in quirk modes (names of :data:`~qarnot_ext.emulator.QUIRKS`, or ``"a,b"``): the
            real service's deviations from the contract; an unknown name is an ``InvalidValueError``.

    """

    def __init__(
        self,
        tenants: Iterable[Tenant] | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        s3_port: int = 0,
        speed: float = 1.0,
        manual_clock: bool = False,
        storage: bool = True,
        moto_url: str | None = None,
        instance_seconds: float = 3.0,
        allow_remote: bool = False,
        validate_responses: bool = True,
        spec_path: str | None = None,
        quirks: str | Iterable[str] | None = None,
        latency: str | float | None = None,
        bandwidth: str | float | None = None,
    ) -> None:
        if not allow_remote and not _is_loopback(host):
            raise ValueError(
                f"refusing to bind {host!r}: the emulator serves loopback only unless allow_remote=True"
            )
        chosen = list(tenants) if tenants is not None else [Tenant(DEFAULT_EMAIL, secrets.token_urlsafe(24))]
        if not chosen:
            raise ValueError("the emulator needs at least one tenant")
        self.quirks = parse_quirks(quirks)
        """The quirk modes in force."""
        delay, jitter = parse_latency(latency)
        self.network = NetworkProfile(delay, jitter, parse_bandwidth(bandwidth))
        """The simulated network (latency, jitter, bandwidth) in front of both endpoints."""
        self.host = host
        self._port = port
        self._s3_port = s3_port
        self.spec: Spec = load_spec(spec_path)
        self.clock: ManualClock | SpeedClock = ManualClock() if manual_clock else SpeedClock(speed)
        self.buckets = BucketRegistry()
        self._moto = (
            MotoServer(host if _is_loopback(host) else "127.0.0.1", url=moto_url) if storage else None
        )
        backend = S3Backend(self._moto) if self._moto is not None else None
        self._s3_backend = backend
        self._owns_moto = moto_url is None
        self.state = EmulatorState(
            chosen, clock=self.clock, storage=backend, buckets=self.buckets, instance_seconds=instance_seconds
        )
        self.app = create_app(
            self.state, spec=self.spec, validate_responses=validate_responses, quirks=self.quirks
        )
        """The ASGI app (usable in-process, e.g. with httpx's ASGITransport or schemathesis)."""
        self._gateway = S3Gateway(self.state, self._moto, self.buckets) if self._moto is not None else None
        self._thread: threading.Thread | None = None
        self._servers: list[Any] = []
        self._sockets: list[socket.socket] = []
        self._error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- what users read --------------------------------------------------------------------------

    @property
    def tenants(self) -> list[Tenant]:
        """Every tenant, in registration order."""
        return [account.tenant for account in self.state.accounts.values()]

    @property
    def email(self) -> str:
        """The first tenant's email (the S3 access key)."""
        return self.tenants[0].email

    @property
    def token(self) -> str:
        """The first tenant's API token (also its S3 secret key)."""
        return self.tenants[0].token

    @property
    def root_url(self) -> str:
        """The API's base URL without the version (the routes the official SDKs call)."""
        self._require_started()
        return f"http://{self._display_host()}:{self._port}"

    @property
    def url(self) -> str:
        """The API's base URL, ``…/v1`` (the spec's server URL)."""
        return f"{self.root_url}/v1"

    @property
    def storage_url(self) -> str | None:
        """The S3 endpoint (path-style), or ``None`` without storage."""
        if self._gateway is None:
            return None
        self._require_started()
        return f"http://{self._display_host()}:{self._s3_port}"

    def _display_host(self) -> str:
        return f"[{self.host}]" if ":" in self.host else self.host

    def _require_started(self) -> None:
        if self._thread is None:
            raise RuntimeError("the emulator is not running: use 'with Emulator() as emu' or call start()")

    # -- control --------------------------------------------------------------------------------------

    def add_tenant(self, email: str, token: str, *, can_read: Iterable[str] = ()) -> Tenant:
        """Register another tenant while running."""
        tenant = Tenant(email, token, tuple(can_read))
        self.state.add_tenant(tenant)
        return tenant

    def advance(self, seconds: float) -> None:
        """Move emulated time ``seconds`` forward and run what became due."""
        self.clock.advance(seconds)
        self.state.sync()

    def start(self) -> Emulator:
        """Start serving (returns once both endpoints accept connections)."""
        if self._thread is not None:
            return self
        # Imported here: users of create_app() alone (in-process tests) do not need a server.
        import uvicorn

        if self._moto is not None:
            self._moto.start()  # in the background: moto's import is the slowest part of startup
        apps: list[tuple[Any, int]] = [(self._shaped(self.app), self._port)]
        if self._gateway is not None:
            apps.append((self._shaped(self._gateway), self._s3_port))
        for app, port in apps:
            family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
            # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on sockets that say they are TCP,
            # and without it a response written as headers then body waits ~40 ms for a delayed ACK.
            sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, port))
            sock.listen(128)
            self._sockets.append(sock)
            config = uvicorn.Config(
                app,
                log_level="warning",
                access_log=False,
                lifespan="on",
                loop="asyncio",
                timeout_graceful_shutdown=5,
            )
            self._servers.append(uvicorn.Server(config))
        self._port = self._sockets[0].getsockname()[1]
        if self._gateway is not None:
            self._s3_port = self._sockets[1].getsockname()[1]
            self.state.storage_url = f"http://{self._display_host()}:{self._s3_port}"
        self._thread = threading.Thread(target=self._run, name="qarnot-emulator", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 30
        while not all(server.started for server in self._servers):
            if self._error is not None or not self._thread.is_alive():
                self.stop()
                raise RuntimeError(f"the emulator failed to start: {self._error!r}")
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError("the emulator did not start within 30 s")
            time.sleep(0.005)
        return self

    def _shaped(self, app: Any) -> Any:
        return NetworkShaper(app, self.network) if self.network.active else app

    def _run(self) -> None:
        async def serve() -> None:
            self._loop = asyncio.get_running_loop()
            await asyncio.gather(
                *(
                    server.serve(sockets=[sock])
                    for server, sock in zip(self._servers, self._sockets, strict=True)
                )
            )

        try:
            asyncio.run(serve())
        except BaseException as exc:
            self._error = exc

    def stop(self) -> None:
        """Stop both endpoints and the moto server started here; idempotent."""
        for server in self._servers:
            server.should_exit = True
        if self._thread is not None:
            self._thread.join(30)
            if self._thread.is_alive():  # pragma: no cover - uvicorn always honours should_exit
                _log.error("the emulator thread did not stop within 30 s")
        for sock in self._sockets:
            sock.close()
        if self._moto is not None:
            if self._owns_moto and self._s3_backend is not None and self._thread_started_moto():
                self._s3_backend.purge(self.buckets.names())
                self.buckets.clear()
            self._moto.stop()
        self._servers, self._sockets = [], []
        self._thread = None

    def _thread_started_moto(self) -> bool:
        """Whether moto came up (a failed or never-started moto has nothing to clean)."""
        assert self._moto is not None
        if not self._moto.started:
            return False
        try:
            self._moto.wait(timeout=30.0)
        except (TimeoutError, RuntimeError):
            return False
        return True

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        running = f"{self.root_url}" if self._thread is not None else "stopped"
        return f"Emulator({running}, tenants={[t.email for t in self.tenants]})"
