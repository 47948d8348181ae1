"""Benchmark: iterate 10,000 full tasks with ``Qarnot.tasks.iter`` versus bare httpx + ``json.loads``.

A minimal HTTP server on loopback (a thread, stopped at the end) serves pre-built pages of
``POST /v1/tasks/paginate`` (the reference's full task example, each with its own uuid and name).
In the same run, best of ``--repeat`` (alternating order):

* **bare**: an ``httpx.Client`` posts the page requests, ``json.loads`` each body and follows
  ``nextToken`` (no models, no checks);
* **client**: ``for task in q.tasks.iter(page_size=…)`` (request building, retries transport, error
  hook, decoding into the generated ``TaskOutput`` models, paging guards).

It prints both times and their ratio (target <= 1.3), then the decode-only figures: ``json.loads``,
the generated ``from_dict`` (before) and the adapter's fast path (after), per document, and runs the
spec owner's ``scripts/bench_decode.py`` (target <= 2.0) when it exists.

Usage: ``python scripts/bench_client.py [--count 10000] [--page-size 500] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for extra in (REPO / "generated", REPO):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

import httpx  # noqa: E402 - after the sys.path set-up above
import yaml  # noqa: E402

import qarnot_api.models as models  # noqa: E402
from qarnot_ext._adapter import DECODERS  # noqa: E402
from qarnot_ext._sync_client import Qarnot  # noqa: E402

TOKEN = "bench-token-0123456789"  # noqa: S105 - a throwaway token for the loopback server


def reference_task() -> dict[str, Any]:
    """The reference's full ``GET /tasks/{taskUuid}`` example, from ``openapi.yaml``."""
    with (REPO / "openapi.yaml").open(encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    media = spec["paths"]["/tasks/{taskUuid}"]["get"]["responses"]["200"]["content"]["application/json"]
    doc: dict[str, Any] = media["examples"]["reference"]["value"]
    return doc


def build_pages(count: int, page_size: int) -> dict[str | None, bytes]:
    """Serialised pages keyed by the token that fetches them (``None``: the first)."""
    base = reference_task()
    docs = []
    for i in range(count):
        doc = copy.deepcopy(base)
        doc["uuid"] = str(uuid.UUID(int=i + 1))
        doc["name"] = f"task {i}"
        docs.append(doc)
    pages: dict[str | None, bytes] = {}
    for start in range(0, count, page_size):
        token = None if start == 0 else f"t{start}"
        more = start + page_size < count
        body = {
            "data": docs[start : start + page_size],
            "count": len(docs[start : start + page_size]),
            "total": count,
            "isTruncated": more,
            "nextToken": f"t{start + page_size}" if more else None,
        }
        pages[token] = json.dumps(body).encode()
    return pages


def serve(pages: dict[str | None, bytes]) -> ThreadingHTTPServer:
    """Start the page server on a free loopback port (call ``shutdown()`` when done)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            request = json.loads(self.rfile.read(length) or b"{}")
            body = pages.get(request.get("token"))
            if self.path != "/v1/tasks/paginate" or body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def bare(base_url: str, page_size: int) -> int:
    """Fetch every page with httpx and ``json.loads``; return the item count."""
    count = 0
    token = None
    with httpx.Client(base_url=base_url, headers={"Authorization": TOKEN}) as client:
        while True:
            body: dict[str, Any] = {"maximumResults": page_size}
            if token is not None:
                body["token"] = token
            page = json.loads(client.post("/tasks/paginate", json=body).content)
            count += len(page["data"])
            token = page.get("nextToken")
            if not page.get("isTruncated") or not token:
                return count


def through_client(base_url: str, page_size: int) -> int:
    """Iterate with the toolkit's client; return the item count."""
    with Qarnot(base_url, token=TOKEN, env={}) as q:
        return sum(1 for _ in q.tasks.iter(page_size=page_size))


def timed(func: Callable[[], object]) -> float:
    """Seconds for one call, the garbage collector paused (as ``timeit`` does)."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        func()
        return time.perf_counter() - start
    finally:
        gc.enable()


def decode_figures(repeat: int) -> tuple[float, float, float]:
    """Per-document seconds of ``json.loads``, ``from_dict`` and the adapter's fast path (best of N)."""
    base = reference_task()
    docs = []
    for i in range(1000):
        doc = copy.deepcopy(base)
        doc["uuid"] = str(uuid.UUID(int=i + 1))
        docs.append(doc)
    raw = json.dumps(docs).encode()
    parsed = json.loads(raw)
    cls = models.TaskOutput
    best = [
        min(timed(f) for _ in range(repeat)) / len(docs)
        for f in (
            lambda: json.loads(raw),
            lambda: [cls.from_dict(d) for d in parsed],
            lambda: [DECODERS.decode(cls, d) for d in parsed],
        )
    ]
    return best[0], best[1], best[2]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    pages = build_pages(args.count, args.page_size)
    server = serve(pages)
    try:
        base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        assert bare(base_url, args.page_size) == through_client(base_url, args.page_size) == args.count
        t_bare: list[float] = []
        t_client: list[float] = []
        for i in range(args.repeat):
            order = [(t_bare, bare), (t_client, through_client)]
            for sink, func in order if i % 2 == 0 else reversed(order):
                sink.append(timed(lambda f=func: f(base_url, args.page_size)))  # type: ignore[misc]
    finally:
        server.shutdown()
        server.server_close()
    mb = sum(len(p) for p in pages.values()) / 1e6
    print(f"{args.count} full tasks, {len(pages)} pages of {args.page_size}, {mb:.1f} MB over loopback")
    print(f"bare httpx + json.loads:   {min(t_bare):.3f} s")
    print(f"Qarnot.tasks.iter:         {min(t_client):.3f} s")
    print(f"ratio client / bare:       {min(t_client) / min(t_bare):.2f}x (target <= 1.3)")
    j, gen, fast = decode_figures(args.repeat)
    print(
        f"decode per task: json.loads {j * 1e6:.0f} us, generated from_dict {gen * 1e6:.0f} us (before), "
        f"adapter fast path {fast * 1e6:.0f} us (after)"
    )
    print(
        f"(json.loads + decode) / json.loads: before {(j + gen) / j:.2f}x, after {(j + fast) / j:.2f}x "
        f"(target <= 2.0)"
    )
    owner = REPO / "scripts" / "bench_decode.py"
    if owner.exists():
        result = subprocess.run([sys.executable, str(owner)], capture_output=True, text=True, check=False)
        print("scripts/bench_decode.py (generated from_dict):")
        print("  " + result.stdout.strip().replace("\n", "\n  "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
