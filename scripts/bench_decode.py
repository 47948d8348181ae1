"""Benchmark: decode full task documents with the generated models, compared with ``json.loads``.

Builds ``--count`` (default 2,000) task documents shaped like the reference's ``GET /tasks/{uuid}``
example (taken from ``openapi.yaml``; uuid, name and instance ids vary per document), serialises
them as one JSON array, then measures in the same run, best of ``--repeat`` repetitions:

* ``json.loads`` of the bytes;
* ``TaskOutput.from_dict`` on each of the decoded documents.

It prints both times and their ratio (``from_dict`` / ``json.loads``), plus the ratio of the whole
decode (``json.loads`` + ``from_dict``) to ``json.loads`` alone. The garbage collector is paused
while timing, as ``timeit`` does.

Usage: ``python scripts/bench_decode.py [--count N] [--repeat N]``
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
if str(REPO / "generated") not in sys.path:
    # The generated package lives outside the source tree's import root when run as a script.
    sys.path.insert(0, str(REPO / "generated"))

from qarnot_api.models import TaskOutput  # noqa: E402 - after the sys.path set-up above


def reference_task() -> dict[str, Any]:
    """Return the reference's full ``GET /tasks/{taskUuid}`` example, as attached to ``openapi.yaml``."""
    with (REPO / "openapi.yaml").open(encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    media = spec["paths"]["/tasks/{taskUuid}"]["get"]["responses"]["200"]["content"]["application/json"]
    example: dict[str, Any] = media["examples"]["reference"]["value"]
    return example


def documents(count: int) -> list[dict[str, Any]]:
    """Build ``count`` task documents shaped like the reference example, each slightly different."""
    base = reference_task()
    out = []
    for i in range(count):
        doc = copy.deepcopy(base)
        doc["uuid"] = str(uuid.UUID(int=i + 1))
        doc["name"] = f"task {i}"
        doc["status"]["runningInstancesInfo"]["perRunningInstanceInfo"][0]["instanceId"] = i
        out.append(doc)
    return out


def best_of(repeat: int, func: Callable[[], object]) -> float:
    """Return the fastest of ``repeat`` timed calls, in seconds, with the garbage collector paused."""
    best = float("inf")
    for _ in range(repeat):
        enabled = gc.isenabled()
        gc.disable()
        try:
            start = time.perf_counter()
            func()
            best = min(best, time.perf_counter() - start)
        finally:
            if enabled:
                gc.enable()
    return best


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="number of task documents (default 2000)")
    parser.add_argument("--repeat", type=int, default=7, help="repetitions, best one kept (default 7)")
    args = parser.parse_args(argv)
    if args.count < 1 or args.repeat < 1:
        parser.error("--count and --repeat must be positive")
    payload = json.dumps(documents(args.count)).encode("utf-8")
    decoded: list[dict[str, Any]] = json.loads(payload)
    # Check once, outside the timing, that the documents decode into what the benchmark claims.
    first = TaskOutput.from_dict(decoded[0])
    if str(first.uuid) != decoded[0]["uuid"] or first.status is None:
        raise RuntimeError("the documents do not decode as full tasks: check openapi.yaml's example")

    t_json = best_of(args.repeat, lambda: json.loads(payload))
    t_models = best_of(args.repeat, lambda: [TaskOutput.from_dict(d) for d in decoded])
    per_doc = t_models / args.count * 1e6
    print(f"{args.count} task documents, {len(payload) / 1e6:.2f} MB of JSON, best of {args.repeat}")
    print(f"json.loads:             {t_json * 1e3:8.1f} ms")
    print(f"TaskOutput.from_dict:   {t_models * 1e3:8.1f} ms  ({per_doc:.1f} us per document)")
    print(f"ratio from_dict / json.loads:            {t_models / t_json:.1f}x")
    print(f"ratio (json.loads + from_dict) / json.loads: {(t_json + t_models) / t_json:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
