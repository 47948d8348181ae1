"""Benchmark our storage sync against the official ``qarnot`` SDK (2.23.0), at 0 and 30 ms of latency.

One run per ``--latency`` value (default ``0,30``), all on loopback:

1. ``qarnot-emulator serve`` in its own process (its S3 gateway in front of moto; so that neither
   client shares its interpreter lock), with ``--latency`` on both endpoints: the real storage is
   tens of milliseconds away, and per-request costs dominate a sync of many small files;
2. the SDK as a subprocess: this interpreter when it has ``qarnot==2.23.0`` (the ``dev`` extra pins
   it), else ``--bench-venv`` (created on first use with ``pip install qarnot==2.23.0``);
3. our ``Storage`` in this process.

Data: ``--files`` small files (1-8 KiB, random content) plus one ``--big-mib`` MiB file. Phases,
each timed for both sides on separate buckets holding the same data:

* ``sync up (first)``: ours ``sync_up`` vs SDK ``Bucket.sync_directory``;
* ``sync up (no change)``: the same again with nothing changed;
* ``sync down (empty dir)``: ours ``sync_down`` vs SDK ``Bucket.sync_remote_to_local`` (what
  ``Task.download_results`` uses);
* ``sync down (no change)``: the same again into the now complete directory.

Targets: first sync >= 3x faster, no-change sync >= 10x faster with zero transfers.

Reading the figures: moto, not the clients, sets the floor here. It spends ~3-4 ms of CPU per
request behind one interpreter lock (so 1,000 uploads cost ~4 s whoever sends them), lists 1,000
keys in 0.3-0.7 s (the whole cost of our no-change sync: the script prints that floor), and
re-reads a whole object for every ranged GET (``FakeKey.value``), which penalises the parallel
ranged downloads boto3 does for large objects. The no-change ratio grows with the data's size
(the SDK re-hashes everything): try ``--big-mib 512``.

Nothing is ever sent to a real Qarnot host: both clients get explicit loopback URLs and the child
environment is stripped of ``QARNOT_*`` and ``AWS_*`` variables.

Usage: ``python scripts/bench_storage.py [--files 100] [--big-mib 8] [--latency 0,30] [--strict]``
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qarnot_ext.storage import Storage, SyncResult  # noqa: E402 - after the sys.path set-up above

SDK_VERSION = "2.23.0"
EMAIL = "bench@example.com"
TOKEN = "bench-token-not-a-secret"  # noqa: S105 - moto accepts any credentials
MiB = 1024 * 1024

MOTO_CHILD = """
import logging, sys
logging.getLogger("werkzeug").setLevel(logging.ERROR)
from moto.server import ThreadedMotoServer
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
print(server.get_host_and_port()[1], flush=True)
sys.stdin.read()  # runs until the parent closes our stdin (or dies)
server.stop()
"""

# Runs inside the SDK's venv. argv[1] is a JSON job; prints one JSON line of timings.
SDK_CHILD = """
import json, sys, time
import qarnot
from qarnot.bucket import Bucket

job = json.loads(sys.argv[1])
assert qarnot.__version__.lstrip("v") == job["version"], qarnot.__version__
conn = qarnot.connection.Connection(
    cluster_url=job["api"], client_token=job["token"], storage_url=job["storage"],
    retry_count=0, show_bucket_warnings=False,
)
bucket = conn.create_bucket(job["bucket"])
out = {}
def timed(name, fn):
    start = time.perf_counter()
    fn()
    out[name] = time.perf_counter() - start
timed("up_first", lambda: bucket.sync_directory(job["data"]))
timed("up_again", lambda: bucket.sync_directory(job["data"]))
timed("down_first", lambda: bucket.sync_remote_to_local(job["down"]))
timed("down_again", lambda: bucket.sync_remote_to_local(job["down"]))
print(json.dumps(out), flush=True)
"""


def child_env() -> dict[str, str]:
    """Return the environment for child processes, without anything that could point at a real host."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QARNOT_", "AWS_"))}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    return env


def ensure_sdk_venv(venv: Path) -> Path:
    """Create (once) the benchmark's own venv with the official SDK; return its interpreter."""
    python = venv / "bin" / "python"
    probe = [str(python), "-c", "import qarnot; print(qarnot.__version__.lstrip('v'))"]
    if python.exists():
        found = subprocess.run(probe, capture_output=True, text=True, check=False, env=child_env())
        if found.stdout.strip() == SDK_VERSION:
            return python
    print(f"creating {venv} with qarnot=={SDK_VERSION} ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            f"qarnot=={SDK_VERSION}",
        ],
        check=True,
    )
    return python


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def emulator_server(latency_ms: float) -> Iterator[tuple[str, str]]:
    """Run ``qarnot-emulator serve`` (its S3 gateway in front of moto) in a child process.

    Yields the API root URL and the S3 URL. ``latency_ms`` is applied by the emulator to every
    request on both endpoints (``--latency``).
    """
    api_port, s3_port = _free_port(), _free_port()
    command = [
        sys.executable,
        "-m",
        "qarnot_ext.emulator",
        "serve",
        "--tenant",
        f"{EMAIL}:{TOKEN}",
        "--port",
        str(api_port),
        "--s3-port",
        str(s3_port),
    ]
    if latency_ms > 0:
        command += ["--latency", f"{latency_ms:g}"]
    env = child_env()
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    api = f"http://127.0.0.1:{api_port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{api}/v1/settings", timeout=2) as answer:  # noqa: S310 - loopback
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the emulator did not start:\n{proc.stderr.read() if proc.stderr else ''}")
            time.sleep(0.05)
        yield api, f"http://127.0.0.1:{s3_port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def make_data(root: Path, files: int, big_mib: int) -> int:
    """Write the data set; return its size in bytes."""
    rng = random.Random(7)  # noqa: S311 - benchmark data, not cryptography
    total = 0
    for i in range(files):
        size = rng.randint(1024, 8192)
        path = root / f"dir{i % 10}" / f"file{i:04d}.dat"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rng.randbytes(size))
        total += size
    big = root / "big.bin"
    with big.open("wb") as handle:
        for _ in range(big_mib):
            handle.write(rng.randbytes(MiB))
    return total + big_mib * MiB


def run_ours(storage_url: str, data: Path, work: Path) -> dict[str, tuple[float, int, int]]:
    """Time our four phases; values are (seconds, files transferred, HTTP requests sent)."""
    shutil.rmtree(work / "down-ours", ignore_errors=True)
    shutil.rmtree(work / "cache", ignore_errors=True)
    storage = Storage(storage_url, EMAIL, TOKEN, cache_dir=work / "cache", show_progress=False)
    storage.create_bucket("bench-ours")
    sent: list[object] = []
    # Every HTTP request botocore sends (retries included): latency makes each one cost a round trip.
    storage.connection.client().meta.events.register(
        "before-send.s3", lambda request, **_: sent.append(request)
    )
    out: dict[str, tuple[float, int, int]] = {}
    steps: dict[str, Callable[[], SyncResult]] = {
        "up_first": lambda: storage.sync_up(data, "bench-ours"),
        "up_again": lambda: storage.sync_up(data, "bench-ours"),
        "down_first": lambda: storage.sync_down("bench-ours", "", work / "down-ours"),
        "down_again": lambda: storage.sync_down("bench-ours", "", work / "down-ours"),
    }
    for name, step in steps.items():
        sent.clear()
        start = time.perf_counter()
        result = step()
        out[name] = (time.perf_counter() - start, len(result.transferred), len(sent))
    # The floor of any correct no-change sync: one listing of the bucket (moto is slow at it).
    sent.clear()
    start = time.perf_counter()
    listed = sum(1 for _ in storage.list_objects("bench-ours"))
    out["listing"] = (time.perf_counter() - start, listed, len(sent))
    storage.close()
    return out


def run_sdk(python: Path, api_url: str, storage_url: str, data: Path, work: Path) -> dict[str, float]:
    """Time the SDK's four phases in its own interpreter."""
    shutil.rmtree(work / "down-sdk", ignore_errors=True)
    job = {
        "version": SDK_VERSION,
        "api": api_url,
        "storage": storage_url,
        "token": TOKEN,
        "bucket": "bench-sdk",
        "data": str(data),
        "down": str(work / "down-sdk"),
    }
    done = subprocess.run(
        [str(python), "-c", SDK_CHILD, json.dumps(job)],
        capture_output=True,
        text=True,
        check=False,
        env=child_env(),
        timeout=1800,
    )
    if done.returncode != 0:
        raise SystemExit(f"the SDK run failed:\n{done.stderr[-4000:]}")
    timings: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return timings


def sdk_python(venv: Path | None) -> Path:
    """This interpreter when it has the SDK (the ``dev`` extra pins it), else a venv of its own."""
    probe = [sys.executable, "-c", "import qarnot; print(qarnot.__version__.lstrip('v'))"]
    found = subprocess.run(probe, capture_output=True, text=True, check=False, env=child_env())
    if venv is None and found.stdout.strip() == SDK_VERSION:
        return Path(sys.executable)
    return ensure_sdk_venv(venv or ROOT / ".venv-bench")


LABELS = {
    "up_first": "sync up (first)",
    "up_again": "sync up (no change)",
    "down_first": "sync down (empty dir)",
    "down_again": "sync down (no change)",
}
TARGETS = {"up_first": 3.0, "up_again": 10.0}


def report(ours: dict[str, tuple[float, int, int]], sdk: dict[str, float]) -> bool:
    """Print one table; return whether a target was missed."""
    print(
        f"{'phase':<24}{'ours (s)':>10}{'sdk (s)':>10}{'ratio':>9}{'ours files':>12}{'ours reqs':>11}  target"
    )
    missed = False
    for key, label in LABELS.items():
        seconds, transferred, requests = ours[key]
        ratio = sdk[key] / seconds
        target = TARGETS.get(key)
        verdict = ""
        if target is not None:
            ok = ratio >= target and (key != "up_again" or transferred == 0)
            missed |= not ok
            verdict = f">= {target:g}x {'ok' if ok else 'MISSED'}"
        print(
            f"{label:<24}{seconds:>10.3f}{sdk[key]:>10.3f}{ratio:>8.1f}x"
            f"{transferred:>12}{requests:>11}  {verdict}"
        )
    floor, listed, pages = ours["listing"]
    print(
        f"one listing of {listed} keys (the floor of any no-change sync): {floor:.3f} s, {pages} request(s)"
    )
    return missed


def main() -> int:
    """Run the benchmark and print the tables; with ``--strict``, exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=100, help="number of small files (default 100)")
    parser.add_argument("--big-mib", type=int, default=8, help="size of the big file in MiB (default 8)")
    parser.add_argument(
        "--latency", default="0,30", help="emulated latencies to run at, ms, comma-separated (default 0,30)"
    )
    parser.add_argument(
        "--bench-venv", type=Path, default=None, help="a venv for the SDK (default: this one if it has it)"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target ratio is missed")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    latencies = [float(item) for item in args.latency.split(",") if item.strip()]

    python = sdk_python(args.bench_venv)
    work = Path(tempfile.mkdtemp(prefix="qarnot-bench-"))
    missed = False
    try:
        data = work / "data"
        size = make_data(data, args.files, args.big_mib)
        print(f"data: {args.files} small files + {args.big_mib} MiB = {size / MiB:.1f} MiB, in {data}")
        for latency in latencies:
            with emulator_server(latency) as (api_url, storage_url):
                ours = run_ours(storage_url, data, work)
                sdk = run_sdk(python, api_url, storage_url, data, work)
            for side in ("down-ours", "down-sdk"):
                got = sum(1 for p in (work / side).rglob("*") if p.is_file())
                assert got == args.files + 1, f"{side} has {got} files"
            print(f"\n== emulator latency {latency:g} ms (API and S3) ==")
            missed |= report(ours, sdk)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
