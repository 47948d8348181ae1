"""Benchmark the emulator over loopback: ``GET /tasks/{uuid}`` and paginating 100,000 tasks.

The emulator runs in this process (uvicorn in a background thread, manual clock, no S3); the tasks
are put straight into its state (creating 100,000 tasks through the API would measure creation).
A concurrent httpx client, in a child process so that it does not compete for this one's GIL, then
measures:

* ``get``: ``GET /tasks/{uuid}`` on random tasks, ``--concurrency`` requests in flight;
* ``paginate``: ``--walkers`` concurrent walks of every task with ``POST /tasks/paginate``, following
  ``nextToken`` with ``--page-size`` tasks per page.

Every response is validated against openapi.yaml, as always; ``--no-validate`` measures without it.

    .venv/bin/python scripts/bench_emulator.py [--tasks 100000] [--requests 2000] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qarnot_ext._ranges import InstanceRange
from qarnot_ext.emulator import Emulator
from qarnot_ext.emulator._model import Task


def seed(emulator: Emulator, count: int) -> list[str]:
    """Put ``count`` one-instance tasks into the first tenant's account; return their uuids."""
    state = emulator.state
    account = state.accounts[emulator.email.lower()]
    one = InstanceRange.count(1)
    now = state.now()
    uuids = []
    with state.lock:
        for index in range(count):
            name = f"bench-{index:06d}"
            task = Task(
                uuid=state.new_uuid(),
                seq=state.next_seq(),
                account=account.email,
                name=name,
                body={"name": name, "profile": "docker-batch", "instanceCount": 1, "tags": ["bench"]},
                instances=one,
                constants=[],
                created=now,
            )
            account.tasks.add(task)
            uuids.append(task.uuid)
    return uuids


async def bench_get(
    client: httpx.AsyncClient, uuids: list[str], requests: int, concurrency: int
) -> dict[str, Any]:
    """Random ``GET /tasks/{uuid}`` with ``concurrency`` requests in flight."""
    rng = random.Random(7)  # noqa: S311 - picking tasks, not cryptography
    targets = [rng.choice(uuids) for _ in range(requests)]
    latencies: list[float] = []
    queue: asyncio.Queue[str] = asyncio.Queue()
    for target in targets:
        queue.put_nowait(target)

    async def worker() -> None:
        while not queue.empty():
            uuid = queue.get_nowait()
            started = time.perf_counter()
            response = await client.get(f"/tasks/{uuid}")
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise RuntimeError(f"GET /tasks/{uuid}: {response.status_code} {response.text[:200]}")

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": requests,
        "concurrency": concurrency,
        "seconds": round(elapsed, 2),
        "requests_per_second": round(requests / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 2),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 2),
    }


async def bench_paginate(
    client: httpx.AsyncClient, total: int, page_size: int, walkers: int
) -> dict[str, Any]:
    """``walkers`` concurrent walks over every task, following ``nextToken``."""
    page_latencies: list[float] = []

    async def walk() -> int:
        seen = 0
        token = None
        while True:
            started = time.perf_counter()
            response = await client.post(
                "/tasks/paginate", json={"maximumResults": page_size, "token": token}
            )
            page_latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise RuntimeError(f"paginate: {response.status_code} {response.text[:200]}")
            page: dict[str, Any] = response.json()
            seen += int(page["count"])
            token = page["nextToken"]
            if not token:
                return seen

    started = time.perf_counter()
    counts = await asyncio.gather(*(walk() for _ in range(walkers)))
    elapsed = time.perf_counter() - started
    if any(count != total for count in counts):
        raise RuntimeError(f"a walk saw {counts} tasks instead of {total}")
    pages = len(page_latencies)
    return {
        "tasks": total,
        "page_size": page_size,
        "walkers": walkers,
        "pages": pages,
        "seconds": round(elapsed, 2),
        "pages_per_second": round(pages / elapsed, 1),
        "tasks_per_second": round(total * walkers / elapsed, 1),
        "page_p50_ms": round(statistics.median(page_latencies) * 1000, 2),
    }


async def load(job: dict[str, Any]) -> dict[str, Any]:
    """The child's work: both measurements with one connection pool."""
    concurrency = int(job["concurrency"])
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    headers = {"Authorization": job["token"]}
    uuids: list[str] = job["uuids"]
    async with httpx.AsyncClient(base_url=job["url"], headers=headers, limits=limits, timeout=600) as client:
        await client.get(f"/tasks/{uuids[0]}")  # warm up (the first validation builds the validators)
        get = await bench_get(client, uuids, int(job["requests"]), concurrency)
        paginate = await bench_paginate(client, int(job["tasks"]), int(job["page_size"]), int(job["walkers"]))
    return {"get_task": get, "paginate": paginate}


def _child() -> int:
    job = json.loads(sys.stdin.read())
    print(json.dumps(asyncio.run(load(job))))
    return 0


def run_load(job: dict[str, Any]) -> dict[str, Any]:
    """Run :func:`load` in a child process and return its figures."""
    child = subprocess.run(
        [sys.executable, __file__, "--child"],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode != 0:
        raise RuntimeError(f"the load generator failed:\n{child.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(child.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=100_000, help="tasks in the account (default 100000)")
    parser.add_argument(
        "--requests", type=int, default=2000, help="GET /tasks/{uuid} requests (default 2000)"
    )
    parser.add_argument("--concurrency", type=int, default=16, help="requests in flight (default 16)")
    parser.add_argument("--page-size", type=int, default=1000, help="maximumResults per page (default 1000)")
    parser.add_argument("--walkers", type=int, default=2, help="concurrent full walks (default 2)")
    parser.add_argument("--no-validate", action="store_true", help="do not validate responses (baseline)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child()
    with Emulator(storage=False, manual_clock=True, validate_responses=not args.no_validate) as emulator:
        started = time.perf_counter()
        uuids = seed(emulator, args.tasks)
        seeded = time.perf_counter() - started
        job = {
            "url": emulator.url,
            "token": emulator.token,
            "uuids": uuids,
            "tasks": args.tasks,
            "requests": args.requests,
            "concurrency": args.concurrency,
            "page_size": args.page_size,
            "walkers": args.walkers,
        }
        result = run_load(job)
        result["validate_responses"] = not args.no_validate
        result["seed_seconds"] = round(seeded, 2)
        if emulator.state.violations:
            raise RuntimeError(f"the emulator reported violations: {emulator.state.violations[:3]}")
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    get, page = result["get_task"], result["paginate"]
    print(f"responses validated: {result['validate_responses']}; {args.tasks} tasks seeded in {seeded:.2f} s")
    print(
        f"GET /tasks/{{uuid}}:  {get['requests_per_second']} req/s "
        f"({get['requests']} requests, {get['concurrency']} in flight, "
        f"p50 {get['p50_ms']} ms, p95 {get['p95_ms']} ms)"
    )
    print(
        f"POST /tasks/paginate: {page['pages_per_second']} pages/s, {page['tasks_per_second']} tasks/s "
        f"({page['walkers']} walks of {page['tasks']} tasks, {page['page_size']} per page, "
        f"page p50 {page['page_p50_ms']} ms, {page['seconds']} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
