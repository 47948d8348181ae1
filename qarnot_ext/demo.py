"""The main job, end to end, against the embedded emulator: ``make demo`` / ``python -m qarnot_ext.demo``.

It uses ``qarnot_ext`` as a user would, against a local Qarnot-compatible server and its S3 endpoint:

1. creates a resource bucket and uploads the inputs, and a result bucket;
2. submits a 10-instance task with a secret constant and two instances set to fail;
3. lists tasks with a filter;
4. waits with a live progress display, streaming fresh standard output;
5. shows the failed range and retries exactly those instances;
6. waits again, downloads the results and prints a summary.

Every step checks what it got; any surprise ends the run with exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid as uuidlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from qarnot_ext import F, InstanceRange, InstanceStates, OrderBy, Qarnot, QarnotError, Secret, SecretConstant
from qarnot_ext.emulator import FAIL_CONSTANT, INSTANCE_SECONDS_CONSTANT, Emulator

__all__ = ["DemoFailure", "main", "run"]

INSTANCES = InstanceRange.count(10)
FAILING = InstanceRange.parse("3,7")
INPUT_BUCKET = "demo-inputs"
RESULT_BUCKET = "demo-results"
TAG = "qarnot-toolkit-demo"


class DemoFailure(Exception):
    """A step of the demo did not get what it expected."""


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise DemoFailure(message)


def _write_inputs(directory: Path) -> int:
    """Create a few input files (a scene description per instance, plus a shared asset)."""
    (directory / "scenes").mkdir(parents=True)
    for instance in INSTANCES:
        (directory / "scenes" / f"scene-{instance:02d}.txt").write_text(
            f"frame {instance}\n", encoding="utf-8"
        )
    (directory / "assets.bin").write_bytes(bytes(range(256)) * 64)
    return len(INSTANCES) + 1


def _wait_with_progress(q: Qarnot, console: Console, uuid: uuidlib.UUID, label: str) -> Any:
    """Wait for a task with a live progress bar and its fresh standard output printed as it comes."""
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[state]}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        row = bar.add_task(label, total=100.0, state="Submitted")

        def on_state(state: str) -> None:
            task = q.tasks.get(uuid)
            bar.update(row, completed=float(task.progress or 0.0), state=state)

        def on_output(text: str) -> None:
            for line in text.splitlines():
                bar.console.print(f"  [dim]stdout[/dim] {line}")

        done = q.tasks.wait(uuid, timeout=120, on_state=on_state, on_output=on_output)
        bar.update(row, completed=100.0, state=str(done.state))
    return done


def run(console: Console, *, speed: float) -> int:
    """Run the demo; return the exit status."""
    started = time.monotonic()
    with Emulator(speed=speed) as emu, tempfile.TemporaryDirectory(prefix="qarnot-demo-") as scratch:
        console.print(f"[bold]Emulator[/bold] API {emu.url}  storage {emu.storage_url}")
        q = Qarnot(base_url=emu.url, token=emu.token, storage_url=emu.storage_url)
        steps: list[tuple[str, str]] = []

        def step(name: str, detail: str) -> None:
            steps.append((name, detail))
            console.print(f"[green]✓[/green] {name}: {detail}")

        with q:
            me = q.user.info()
            step("account", f"{me.email} ({len(q.profiles.list())} profiles available)")

            inputs = Path(scratch) / "inputs"
            count = _write_inputs(inputs)
            q.storage.create_bucket(INPUT_BUCKET)
            q.storage.create_bucket(RESULT_BUCKET)
            uploaded = q.storage.sync_up(inputs, INPUT_BUCKET)
            _expect(
                len(uploaded.transferred) == count,
                f"expected {count} uploads, got {len(uploaded.transferred)}",
            )
            again = q.storage.sync_up(inputs, INPUT_BUCKET)
            _expect(not again.transferred, "a second sync of unchanged inputs transferred files")
            step("inputs", f"{count} files uploaded to {INPUT_BUCKET}; a second sync transferred nothing")

            uuid = q.tasks.create(
                name="demo-render",
                profile="docker-batch",
                instances=INSTANCES,
                constants={
                    "DOCKER_CMD": "render scenes/scene-${INSTANCE_ID}.txt",
                    FAIL_CONSTANT: str(FAILING),
                    INSTANCE_SECONDS_CONSTANT: "2",
                },
                secrets=[SecretConstant("RENDER_LICENSE", Secret("demo-license-key-0123456789"))],
                tags=[TAG],
                resource_buckets=[INPUT_BUCKET],
                result_bucket=RESULT_BUCKET,
            )
            step("submitted", f"task {uuid} over instances {INSTANCES}, {FAILING} set to fail")

            created = q.tasks.get(uuid)
            masked = {c.key: c.value for c in created.constants or []}
            _expect(
                masked.get("QARNOT_SECRET__RENDER_LICENSE") == "[SECRET]",
                "the secret constant was not masked in the response",
            )
            step("secret", "QARNOT_SECRET__RENDER_LICENSE reads back as [SECRET]")

            flt = F.tags.contains(TAG) & (F.name == "demo-render")
            listed = list(
                q.tasks.iter(
                    filter=flt,
                    order_by=OrderBy("creationDate", descending=True),
                    page_size=50,
                )
            )
            _expect([t.uuid for t in listed] == [uuid], f"the filtered listing returned {len(listed)} tasks")
            step("listed", f"paginate with {json.dumps(flt.to_dict(), separators=(',', ':'))} found the task")

            done = _wait_with_progress(q, console, uuid, "first run")
            states = InstanceStates.of(done)
            _expect(states.failed == FAILING, f"expected failed instances {FAILING}, got {states.failed}")
            _expect(states.succeeded == INSTANCES - FAILING, f"unexpected succeeded range {states.succeeded}")
            step("first run", f"{done.state}: succeeded {states.succeeded}, failed {states.failed}")

            stderr = q.tasks.stderr(uuid, instance=FAILING.min())
            _expect("failed" in stderr, "the failed instance has no error output")

            retry_uuid = q.tasks.retry(uuid, instances=states.failed, constants={FAIL_CONSTANT: ""})
            step("retry", f"task {retry_uuid} over exactly {states.failed}")
            redone = _wait_with_progress(q, console, retry_uuid, "retry")
            retry_states = InstanceStates.of(redone)
            _expect(str(redone.state) == "Success", f"the retry ended in {redone.state}")
            _expect(
                retry_states.succeeded == FAILING, f"the retry ran {retry_states.succeeded}, not {FAILING}"
            )
            step("retry run", f"{redone.state}: succeeded {retry_states.succeeded}")

            results = Path(scratch) / "results"
            downloaded = q.storage.download_task_results(redone, results)
            files = sorted(p.relative_to(results).as_posix() for p in results.rglob("*") if p.is_file())
            _expect(bool(files), "no result files were downloaded")
            again_down = q.storage.download_task_results(redone, results)
            _expect(not again_down.transferred, "a second download of unchanged results transferred files")
            step("results", f"{len(downloaded.transferred)} files from {RESULT_BUCKET}; a second sync: none")

        table = Table(title=f"qarnot-toolkit demo — {time.monotonic() - started:.1f} s")
        table.add_column("step")
        table.add_column("outcome")
        for name, detail in steps:
            table.add_row(name, detail)
        console.print(table)
        console.print("Result files:", ", ".join(files[:6]) + (" …" if len(files) > 6 else ""))
    return 0


def main(argv: list[str] | None = None, *, console_factory: Callable[[], Console] = Console) -> int:
    """Entry point of ``make demo``; returns the process exit status."""
    parser = argparse.ArgumentParser(prog="python -m qarnot_ext.demo", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--speed", type=float, default=4.0, help="emulated seconds per real second (default 4)"
    )
    args = parser.parse_args(argv)
    console = console_factory()
    try:
        return run(console, speed=args.speed)
    except DemoFailure as exc:
        console.print(f"[bold red]demo failed:[/bold red] {exc}")
        return 1
    except QarnotError as exc:
        console.print(f"[bold red]demo failed with {type(exc).__name__}:[/bold red] {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
