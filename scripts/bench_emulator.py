"""Benchmark the emulator over loopback against a bare Starlette+uvicorn app serving the same bytes.

The emulator runs in this process (uvicorn in a background thread, manual clock, no S3); the tasks
are put straight into its state (creating 100,000 tasks through the API would measure creation).
A concurrent httpx client, in a child process so that it does not compete for this one's GIL, then
measures:

* ``get``: ``GET /tasks/{uuid}`` on random tasks, ``--concurrency`` requests in flight;
* ``bare``: the same ``GET`` load on a bare Starlette app (uvicorn, same thread layout) answering the
  emulator's bytes for each uuid: the ratio of the two throughputs is the emulator's efficiency;
* ``pages``: the p50 of a ``POST /tasks/paginate`` page at a tenth of the tasks and at all of them
  (a page's cost must not grow with the account); ``--walk`` adds full concurrent walks;
* cold start: a new ``qarnot-emulator serve`` process until its first answer.

Every response is validated against openapi.yaml, as always; ``--no-validate`` measures without it.
Bounded: well under a minute with the defaults.

    .venv/bin/python scripts/bench_emulator.py [--tasks 10000] [--requests 2000] [--json]
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
    """The child's work: the measurements ``job["what"]`` names, with one connection pool."""
    concurrency = int(job["concurrency"])
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    headers = {"Authorization": job["token"]}
    uuids: list[str] = job["uuids"]
    out: dict[str, Any] = {}
    async with httpx.AsyncClient(base_url=job["url"], headers=headers, limits=limits, timeout=600) as client:
        for _ in range(50):  # warm up (the first validations compile the validators)
            await client.get(f"/tasks/{uuids[0]}")
        if "get" in job["what"]:
            out["get_task"] = await bench_get(client, uuids, int(job["requests"]), concurrency)
        if "pages" in job["what"]:
            out["pages"] = await bench_pages(client, int(job["page_size"]), int(job["pages"]))
        if "paginate" in job["what"]:
            out["paginate"] = await bench_paginate(
                client, int(job["tasks"]), int(job["page_size"]), int(job["walkers"])
            )
    return out


async def bench_pages(client: httpx.AsyncClient, page_size: int, pages: int) -> dict[str, Any]:
    """The first ``pages`` pages of a walk, one at a time: the cost of a page."""
    latencies: list[float] = []
    token = None
    for _ in range(pages):
        started = time.perf_counter()
        response = await client.post("/tasks/paginate", json={"maximumResults": page_size, "token": token})
        latencies.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise RuntimeError(f"paginate: {response.status_code} {response.text[:200]}")
        token = response.json()["nextToken"]
    return {
        "page_size": page_size,
        "pages": pages,
        "page_p50_ms": round(statistics.median(latencies) * 1000, 2),
    }


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


def bare_app(paths: dict[str, bytes]) -> Any:
    """The baseline: a bare Starlette app answering the same bytes for the same paths."""
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    async def task(request: Any) -> Response:
        return Response(paths[request.path_params["uuid"]], media_type="application/json")

    return Starlette(routes=[Route("/v1/tasks/{uuid}", task)])


class BareServer:
    """uvicorn serving :func:`bare_app` in a background thread on loopback (like the emulator)."""

    def __init__(self, app: Any) -> None:
        import socket
        import threading

        import uvicorn

        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(128)
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", loop="asyncio")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=lambda: self._server.run(sockets=[self._sock]), daemon=True)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}/v1"

    def __enter__(self) -> BareServer:
        self._thread.start()
        while not self._server.started:
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self._sock.close()


def cold_start() -> float:
    """Seconds from launching ``qarnot-emulator serve`` (a new interpreter) to its first answer."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "qarnot_ext.emulator", "serve", "--no-storage", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/v1/settings", timeout=1).status_code == 200:
                    return time.perf_counter() - started
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.perf_counter() - started > 60:
                raise RuntimeError("the emulator did not answer within 60 s")
            time.sleep(0.01)
    finally:
        server.terminate()
        server.wait(10)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=10_000, help="tasks in the account (default 10000)")
    parser.add_argument(
        "--requests", type=int, default=2000, help="GET /tasks/{uuid} requests (default 2000)"
    )
    parser.add_argument("--concurrency", type=int, default=16, help="requests in flight (default 16)")
    parser.add_argument("--page-size", type=int, default=100, help="maximumResults per page (default 100)")
    parser.add_argument("--pages", type=int, default=30, help="pages timed per account size (default 30)")
    parser.add_argument("--walk", action="store_true", help="also walk every task (--walkers walks)")
    parser.add_argument("--walkers", type=int, default=2, help="concurrent full walks with --walk")
    parser.add_argument("--no-validate", action="store_true", help="do not validate responses")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child()
    result: dict[str, Any] = {"validate_responses": not args.no_validate}
    result["cold_start_seconds"] = round(cold_start(), 2)
    base_job = {"requests": args.requests, "concurrency": args.concurrency, "page_size": args.page_size}
    with Emulator(storage=False, manual_clock=True, validate_responses=not args.no_validate) as emulator:
        small = seed(emulator, args.tasks // 10)
        job = {**base_job, "url": emulator.url, "token": emulator.token, "uuids": small}
        result["pages_small"] = run_load({**job, "what": ["pages"], "pages": args.pages})["pages"]
        result["pages_small"]["tasks"] = len(small)
        uuids = small + seed(emulator, args.tasks - len(small))
        job["uuids"], job["tasks"], job["walkers"] = uuids, len(uuids), args.walkers
        # GETs spread over the whole account; both servers answer the same tasks, byte for byte.
        targets = uuids[:: max(1, len(uuids) // 500)]
        what = ["get", "pages", *(["paginate"] if args.walk else [])]
        result.update(run_load({**job, "uuids": targets, "what": what, "pages": args.pages}))
        result["pages"]["tasks"] = len(uuids)
        sample = emulator_bytes(emulator, targets)
        if emulator.state.violations:
            raise RuntimeError(f"the emulator reported violations: {emulator.state.violations[:3]}")
    with BareServer(bare_app(sample)) as bare:
        job = {**base_job, "url": bare.url, "token": "", "uuids": targets, "what": ["get"]}
        result["bare_get_task"] = run_load(job)["get_task"]
    emu_rps = result["get_task"]["requests_per_second"]
    bare_rps = result["bare_get_task"]["requests_per_second"]
    result["ratio"] = round(emu_rps / bare_rps, 3)
    result["page_cost_ratio"] = round(
        result["pages"]["page_p50_ms"] / result["pages_small"]["page_p50_ms"], 2
    )
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    get, bare_get = result["get_task"], result["bare_get_task"]
    print(
        f"responses validated: {result['validate_responses']}; cold start to first answer "
        f"{result['cold_start_seconds']} s"
    )
    print(
        f"GET /tasks/{{uuid}}  emulator {get['requests_per_second']} req/s (p50 {get['p50_ms']} ms, "
        f"p95 {get['p95_ms']} ms); bare Starlette+uvicorn {bare_get['requests_per_second']} req/s "
        f"(p50 {bare_get['p50_ms']} ms, p95 {bare_get['p95_ms']} ms); ratio {result['ratio']:.0%} "
        f"({get['requests']} requests, {get['concurrency']} in flight)"
    )
    small_pages, pages = result["pages_small"], result["pages"]
    print(
        f"POST /tasks/paginate page of {pages['page_size']}: p50 {small_pages['page_p50_ms']} ms with "
        f"{small_pages['tasks']} tasks, {pages['page_p50_ms']} ms with {pages['tasks']} tasks "
        f"(x{result['page_cost_ratio']})"
    )
    if "paginate" in result:
        walk = result["paginate"]
        print(
            f"full walks: {walk['tasks_per_second']} tasks/s ({walk['walkers']} walks of {walk['tasks']}, "
            f"page p50 {walk['page_p50_ms']} ms)"
        )
    return 0


def emulator_bytes(emulator: Emulator, uuids: list[str]) -> dict[str, bytes]:
    """What the emulator answers for ``GET /tasks/{uuid}`` (the bare app serves the same bytes)."""
    with httpx.Client(base_url=emulator.url, headers={"Authorization": emulator.token}) as client:
        return {uuid: client.get(f"/tasks/{uuid}").content for uuid in uuids}


if __name__ == "__main__":
    sys.exit(main())
