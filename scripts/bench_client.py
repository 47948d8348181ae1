"""Benchmark: iterate 10,000 full tasks with ``Qarnot.tasks.iter`` versus bare httpx + ``json.loads``.

A minimal HTTP server on loopback (a thread, stopped at the end) serves pre-built pages of
``POST /v1/tasks/paginate`` (the reference's full task example, each with its own uuid and name).
In the same run, best of ``--repeat`` (alternating order):

* **bare**: an ``httpx.Client`` posts the page requests, ``json.loads`` each body and follows
  ``nextToken`` (no models, no checks);
* **client**: ``for task in q.tasks.iter(page_size=…)`` (request building, retries transport, error
  hook, decoding into the generated ``TaskOutput`` models, paging guards).

It prints both times and their ratio (target <= 1.2, issue #12): wall time (the target's measure) and the CPU
time of the calling thread (the client's own work, which a loaded machine disturbs less). Then,
without HTTP and per task, the parts of the client's cost:

* **decode** (documents already parsed): ``json.loads``, the generated ``from_dict`` (before), the
  adapter's fast path (after) and the **construction floor**: straight-line code specialised to the
  document's exact shape that builds the same 29 objects with no check, no dispatch and no call
  (what no decoder can beat in CPython);
* **pages** (parse and decode each 500-task page, as the client does): ``json.loads`` alone (bare),
  ``json.loads`` + ``decode_list`` (what the client does: the generated ``from_dict`` plus the
  repair walk), and ``json.loads`` + the construction floor.

Decode and page figures are CPU time. It ends by running ``scripts/bench_decode.py`` (the decode
ratio, target <= 1.3).

Usage: ``python scripts/bench_client.py [--count 10000] [--page-size 500] [--repeat 5]``
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

import attrs  # noqa: E402 - after the sys.path set-up above
import httpx  # noqa: E402
import yaml  # noqa: E402

import qarnot_api.models as models  # noqa: E402
from qarnot_api.types import UNSET, parse_qarnot_datetime  # noqa: E402
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
    docs = _documents(count)
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


def timed(func: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU of this thread) seconds of one call, the garbage collector paused (as ``timeit``)."""
    gc.collect()
    gc.disable()
    try:
        cpu, wall = time.thread_time(), time.perf_counter()
        func()
        return time.perf_counter() - wall, time.thread_time() - cpu
    finally:
        gc.enable()


def construction_floor(doc: dict[str, Any]) -> Callable[[dict[str, Any]], Any]:
    """A builder of the objects the fast path makes of ``doc``, specialised to its exact shape.

    One generated function: ``object.__new__`` and slot stores from ``d[key]`` reads, the nested
    objects and one-item lists written out, UUIDs built as the fast path builds them; no type,
    presence or enum check, no call. It only works on documents shaped like ``doc``.
    """
    sample = DECODERS.decode(models.TaskOutput, doc)
    names: dict[str, Any] = {
        "_new": object.__new__,
        "_set": object.__setattr__,
        "_UUID": uuid.UUID,
        "_safety": uuid.SafeUUID.unknown,
        "_UNSET": UNSET,
        "_P": parse_qarnot_datetime,
    }
    lines = ["def build(d0):"]

    def value(obj: Any, expr: str) -> str:
        if attrs.has(type(obj)):
            return build(obj, expr)
        if isinstance(obj, uuid.UUID):
            var = f"u{len(lines)}"
            lines.append(f"    {var} = _new(_UUID)")
            lines.append(f"    _set({var}, 'int', int({expr}.replace('-', ''), 16))")
            lines.append(f"    _set({var}, 'is_safe', _safety)")
            return var
        if isinstance(obj, list) and any(attrs.has(type(x)) or isinstance(x, uuid.UUID) for x in obj):
            return "[" + ", ".join(value(x, f"{expr}[{i}]") for i, x in enumerate(obj)) + "]"
        return expr

    def build(obj: Any, expr: str) -> str:
        cls = type(obj)
        src, var = f"d{len(lines)}", f"o{len(lines)}"
        names[f"C{len(lines)}"] = cls
        lines.append(f"    {src} = {expr}")
        lines.append(f"    {var} = _new(C{len(lines) - 1})")
        keys = DECODERS.json_keys(cls)
        for field in attrs.fields(cls):
            if field.name == "additional_properties":
                continue
            member = getattr(obj, field.name)
            read = f"{src}[{keys[field.name]!r}]"
            if "datetime" in str(field.type) and member is not UNSET:
                # Date-times (and the "unset" sentinel, None) go through the one generated parser.
                got = f"_P({read})"
            else:
                got = "_UNSET" if member is UNSET else value(member, read)
            lines.append(f"    {var}.{field.name} = {got}")
        extra = ", ".join(f"{k!r}: {src}[{k!r}]" for k in obj.additional_properties)
        lines.append(f"    {var}.additional_properties = {{{extra}}}")
        return var

    lines.append(f"    return {build(sample, 'd0')}")
    exec("\n".join(lines), names)  # noqa: S102 - generated here from the sample's own fields
    builder: Callable[[dict[str, Any]], Any] = names["build"]
    return builder


def _documents(count: int) -> list[dict[str, Any]]:
    base = reference_task()
    docs = []
    for i in range(count):
        doc = copy.deepcopy(base)
        doc["uuid"] = str(uuid.UUID(int=i + 1))
        doc["name"] = f"task {i}"
        docs.append(doc)
    return docs


def best_cpu(repeat: int, funcs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Best CPU seconds of each function over ``repeat`` interleaved rounds."""
    best = dict.fromkeys(funcs, float("inf"))
    for _ in range(repeat):
        for name, func in funcs.items():
            best[name] = min(best[name], timed(func)[1])
    return best


def decode_figures(repeat: int) -> dict[str, float]:
    """Per-task CPU seconds of decoding 1,000 parsed documents (see the module docstring)."""
    docs = _documents(1000)
    raw = json.dumps(docs).encode()
    parsed = json.loads(raw)
    cls = models.TaskOutput
    floor = construction_floor(parsed[0])
    expected = DECODERS.decode_list(cls, parsed)
    if [floor(d) for d in parsed] != expected or expected != [cls.from_dict(d) for d in parsed]:
        raise RuntimeError("the decoders disagree: fix them before timing them")
    best = best_cpu(
        repeat,
        {
            "json.loads": lambda: json.loads(raw),
            "from_dict": lambda: [cls.from_dict(d) for d in parsed],
            "fast path": lambda: DECODERS.decode_list(cls, parsed),
            "floor": lambda: [floor(d) for d in parsed],
        },
    )
    return {name: seconds / len(docs) for name, seconds in best.items()}


def page_figures(pages: list[bytes], count: int, repeat: int) -> dict[str, float]:
    """Per-task CPU seconds of parsing and decoding every page, without HTTP."""
    cls = models.TaskOutput
    floor = construction_floor(json.loads(pages[0])["data"][0])

    def run(parse_and_decode: Callable[[bytes], object]) -> Callable[[], None]:
        def walk() -> None:
            # As in the client's pager, a page's items live until the next page is decoded.
            previous: object = None
            for page in pages:
                previous = parse_and_decode(page)  # bound once the next page is decoded
            del previous

        return walk

    best = best_cpu(
        repeat,
        {
            "json.loads": run(json.loads),
            "json.loads + decode_list": run(lambda p: DECODERS.decode_list(cls, json.loads(p)["data"])),
            "json.loads + floor": run(lambda p: [floor(d) for d in json.loads(p)["data"]]),
        },
    )
    return {name: seconds / count for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    pages = build_pages(args.count, args.page_size)
    server = serve(pages)
    try:
        base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        assert bare(base_url, args.page_size) == through_client(base_url, args.page_size) == args.count
        t_bare: list[tuple[float, float]] = []
        t_client: list[tuple[float, float]] = []
        for i in range(args.repeat):
            order = [(t_bare, bare), (t_client, through_client)]
            for sink, func in order if i % 2 == 0 else reversed(order):
                sink.append(timed(lambda f=func: f(base_url, args.page_size)))  # type: ignore[misc]
    finally:
        server.shutdown()
        server.server_close()
    mb = sum(len(p) for p in pages.values()) / 1e6
    print(f"{args.count} full tasks, {len(pages)} pages of {args.page_size}, {mb:.1f} MB over loopback")
    for label, index in (("wall", 0), ("CPU", 1)):
        b, c = min(t[index] for t in t_bare), min(t[index] for t in t_client)
        print(
            f"{label:4s}: bare httpx + json.loads {b:.3f} s, Qarnot.tasks.iter {c:.3f} s, "
            f"ratio {c / b:.2f}x (target <= 1.2)"
        )
    us = {name: seconds * 1e6 for name, seconds in decode_figures(args.repeat).items()}
    j = us["json.loads"]
    print(
        f"decode per task (CPU): json.loads {j:.1f} us; generated from_dict {us['from_dict']:.1f} us "
        f"(before); adapter fast path {us['fast path']:.1f} us (after); construction floor "
        f"{us['floor']:.1f} us"
    )
    print(
        f"(json.loads + decode) / json.loads: from_dict {(j + us['from_dict']) / j:.2f}x, "
        f"fast path {(j + us['fast path']) / j:.2f}x (target <= 1.3), floor {(j + us['floor']) / j:.2f}x"
    )
    flow = page_figures(list(pages.values()), args.count, args.repeat)
    print(
        "pages, per task (CPU, no HTTP): "
        + ", ".join(f"{name} {seconds * 1e6:.1f} us" for name, seconds in flow.items())
    )
    owner = REPO / "scripts" / "bench_decode.py"
    if owner.exists():
        result = subprocess.run([sys.executable, str(owner)], capture_output=True, text=True, check=False)
        print("scripts/bench_decode.py:")
        print("  " + result.stdout.strip().replace("\n", "\n  "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
