"""Soak the emulator's storage: repeated sync up / sync down / delete cycles, printing an RSS curve.

The emulator (API, S3 gateway, moto) runs in this process, so this process's resident memory is
its memory. Each cycle, with our client (``qarnot_ext.storage.Storage`` and ``qarnot_ext.Qarnot``):

1. creates a bucket and syncs ``--files`` files (``--file-kib`` KiB each) up to it;
2. syncs it down into an empty directory;
3. deletes the bucket (with its objects);
4. runs a task whose results go to a new bucket, then deletes the task and that bucket.

Memory must be flat after warm-up: deleted buckets' objects and deleted tasks' outputs released.
The summary gives RSS at start, after warm-up (the first fifth of the run), its maximum, at the end,
and the slope after warm-up. Not part of the test suite (it runs ~5 minutes by default).

    python scripts/soak_emulator.py [--seconds 300] [--files 20] [--file-kib 64]
"""

from __future__ import annotations

import argparse
import gc
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qarnot_ext import Qarnot, WaitPolicy
from qarnot_ext.emulator import Emulator
from qarnot_ext.storage import Storage

MiB = 1024 * 1024


def rss_bytes() -> int:
    """This process's resident set size (Linux ``/proc``)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def make_data(root: Path, files: int, kib: int) -> None:
    """Random files (incompressible, so that sizes are real)."""
    rng = random.Random(3)  # noqa: S311 - test data
    for index in range(files):
        path = root / f"d{index % 4}" / f"f{index:03d}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rng.randbytes(kib * 1024))


def cycle(index: int, storage: Storage, client: Qarnot, data: Path, work: Path) -> None:
    """One sync up / down / delete cycle plus a task with results, deleted."""
    bucket = f"soak-{index}"
    storage.create_bucket(bucket)
    storage.sync_up(data, bucket)
    down = work / "down"
    storage.sync_down(bucket, "", down)
    shutil.rmtree(down)
    storage.delete_bucket(bucket, force=True)
    results = f"soak-results-{index}"
    task = client.tasks.create("soak", "docker-batch", instances=4, result_bucket=results)
    client.tasks.wait(task, timeout=120)
    client.tasks.delete(task)
    storage.delete_bucket(results, force=True)


def summary(samples: list[tuple[float, int]]) -> str:
    """RSS at start, after warm-up, max after warm-up, at the end; slope after warm-up (MiB/min)."""
    total = samples[-1][0]
    warm = [s for s in samples if s[0] >= total / 5] or samples
    xs = [t for t, _ in warm]
    ys = [r / MiB for _, r in warm]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0
    curve = [samples[round(i * (len(samples) - 1) / 9)] for i in range(10)]
    lines = [
        f"RSS start {samples[0][1] / MiB:.0f} MiB, after warm-up {warm[0][1] / MiB:.0f} MiB, "
        f"max after warm-up {max(ys):.0f} MiB, end {samples[-1][1] / MiB:.0f} MiB; "
        f"slope after warm-up {slope * 60:+.2f} MiB/min",
        "curve (s: MiB): " + ", ".join(f"{t:.0f}: {r / MiB:.0f}" for t, r in curve),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the soak and print the RSS summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=300.0, help="how long to run (default 300)")
    parser.add_argument("--files", type=int, default=20, help="files per sync (default 20)")
    parser.add_argument("--file-kib", type=int, default=64, help="size of each file in KiB (default 64)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="qarnot-soak-"))
    samples: list[tuple[float, int]] = []
    cycles = 0
    try:
        data = work / "data"
        make_data(data, args.files, args.file_kib)
        policy = WaitPolicy(initial=0.02, multiplier=1.5, cap=0.2, jitter=0.1)
        with (
            Emulator(speed=200, instance_seconds=1) as emu,
            Qarnot(emu.url, token=emu.token, env={}, wait_policy=policy) as client,
        ):
            assert emu.storage_url is not None
            storage = Storage(emu.storage_url, emu.email, emu.token, show_progress=False)
            started = time.monotonic()
            samples.append((0.0, rss_bytes()))
            while time.monotonic() - started < args.seconds:
                cycle(cycles, storage, client, data, work)
                cycles += 1
                gc.collect()
                samples.append((time.monotonic() - started, rss_bytes()))
            storage.close()
            if emu.state.violations:
                raise RuntimeError(f"the emulator reported violations: {emu.state.violations[:3]}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    moved = cycles * args.files * args.file_kib * 2 / 1024
    print(f"{cycles} cycles in {samples[-1][0]:.0f} s ({moved:.0f} MiB synced up and down, {cycles} tasks)")
    print(summary(samples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
