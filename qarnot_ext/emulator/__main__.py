"""``qarnot-emulator serve`` / ``python -m qarnot_ext.emulator``: run the emulator until interrupted."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType
from typing import TYPE_CHECKING, Final

from qarnot_ext import MissingExtraError
from qarnot_ext.emulator import _load

if TYPE_CHECKING:
    from qarnot_ext.emulator._network import NetworkProfile
    from qarnot_ext.emulator._state import Tenant

__all__ = ["main"]

DEFAULT_TENANT: Final = "emulator@qarnot.local"
DEFAULT_TOKEN: Final = "emulator-token"  # noqa: S105 - a documented, local-only default
TOKEN_ENV: Final = "QARNOT_EMULATOR_TOKEN"  # noqa: S105 - the name of a variable


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qarnot-emulator",
        description="A local Qarnot Compute API with S3 storage, validated against openapi.yaml.",
    )
    commands = parser.add_subparsers(dest="command")
    serve = commands.add_parser("serve", help="serve the API and the S3 endpoint until interrupted (default)")
    for target in (parser, serve):
        target.add_argument(
            "--host", default="127.0.0.1", help="address to bind (loopback unless --allow-remote)"
        )
        target.add_argument("--port", type=int, default=0, help="API port (default: a free port)")
        target.add_argument("--s3-port", type=int, default=0, help="S3 port (default: a free port)")
        target.add_argument(
            "--tenant",
            action="append",
            default=[],
            metavar="EMAIL:TOKEN",
            help=(
                f"an account (repeatable). Default: {DEFAULT_TENANT} with the token from ${TOKEN_ENV}, "
                f"or '{DEFAULT_TOKEN}'"
            ),
        )
        target.add_argument(
            "--read-access",
            action="append",
            default=[],
            metavar="READER:OWNER",
            help="let READER read OWNER's account with QarnotReadOnlyRequestForAccount (repeatable)",
        )
        target.add_argument("--speed", type=float, default=1.0, help="emulated seconds per real second")
        target.add_argument(
            "--instance-seconds",
            type=float,
            default=3.0,
            help="default run time of a task instance (emulated s)",
        )
        target.add_argument("--no-storage", action="store_true", help="run without the S3 endpoint")
        target.add_argument("--moto-url", help="reuse a running moto server instead of starting one")
        target.add_argument(
            "--quirks",
            default="",
            metavar="NAME,NAME",
            help="opt-in quirk modes of the real service (unknown names list the known ones)",
        )
        target.add_argument(
            "--latency",
            metavar="MS[:JITTER]",
            help="simulated latency per request on the API and S3 endpoints, e.g. 30 or 30:5 (opt-in)",
        )
        target.add_argument(
            "--bandwidth",
            metavar="BYTES_PER_S",
            help="simulated bandwidth per transfer on both endpoints, e.g. 20M (k/M/G: decimal; opt-in)",
        )
        target.add_argument(
            "--allow-remote", action="store_true", help="allow binding a non-loopback address (no TLS!)"
        )
    return parser


def _tenants(specs: Sequence[str], grants: Sequence[str]) -> list[Tenant]:
    from qarnot_ext.emulator import Tenant

    parsed = [Tenant.parse(text) for text in specs] or [
        Tenant(DEFAULT_TENANT, os.environ.get(TOKEN_ENV) or DEFAULT_TOKEN)
    ]
    readers: dict[str, list[str]] = {}
    for grant in grants:
        reader, sep, owner = grant.partition(":")
        if not sep or not reader or not owner:
            raise ValueError(f"--read-access takes READER:OWNER, not {grant!r}")
        readers.setdefault(reader.lower(), []).append(owner.lower())
    known = {t.email.lower() for t in parsed}
    unknown = sorted((set(readers) | {o for v in readers.values() for o in v}) - known)
    if unknown:
        raise ValueError(f"--read-access names unknown tenants: {', '.join(unknown)}")
    return [
        Tenant(
            t.email, t.token, tuple(readers.get(t.email.lower(), ())), t.max_tasks, t.max_pools, t.max_jobs
        )
        for t in parsed
    ]


def _network_line(network: NetworkProfile) -> str:
    if not network.active:
        return "loopback (no simulated latency or bandwidth cap)"
    parts = [f"latency {network.latency * 1000:g} ms ± {network.jitter * 1000:g} ms"]
    if network.bandwidth is not None:
        parts.append(f"bandwidth {network.bandwidth:g} B/s")
    return ", ".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the emulator; returns the process exit code (2 for usage errors and a missing extra)."""
    try:
        # Before parsing: without the extra even --help must say, in one line, what to install.
        Emulator = _load("_server").Emulator  # noqa: N806 - a class
    except MissingExtraError as exc:
        print(f"qarnot-emulator: {exc}", file=sys.stderr)
        return 2
    args = _parser().parse_args(argv)
    try:
        tenants = _tenants(args.tenant, args.read_access)
        emulator = Emulator(
            tenants,
            host=args.host,
            port=args.port,
            s3_port=args.s3_port,
            speed=args.speed,
            storage=not args.no_storage,
            moto_url=args.moto_url,
            instance_seconds=args.instance_seconds,
            allow_remote=args.allow_remote,
            quirks=args.quirks,
            latency=args.latency,
            bandwidth=args.bandwidth,
        )
    except (ValueError, FileNotFoundError) as exc:
        print(f"qarnot-emulator: {exc}", file=sys.stderr)
        return 2
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        del signum, frame
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    with emulator:
        lines = [
            "Qarnot emulator running",
            f"  api:      {emulator.url}  (unversioned routes too: {emulator.root_url})",
            f"  storage:  {emulator.storage_url or 'disabled'}",
            f"  tenants:  {', '.join(t.email for t in emulator.tenants)}",
            f"  speed:    {args.speed:g}x, instances run {args.instance_seconds:g} s",
            f"  quirks:   {', '.join(sorted(emulator.quirks)) or 'none'}",
            f"  network:  {_network_line(emulator.network)}",
            "Press Ctrl+C to stop.",
        ]
        print("\n".join(lines), flush=True)
        stop.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
