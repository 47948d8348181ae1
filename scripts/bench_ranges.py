"""Benchmark the instance-range parser on 100,000-segment range strings.

Parses and normalises strings of 100,000 segments (one canonical, one shuffled with overlaps so
that the sort-and-merge path runs, one canonical with wide spans) and compares, in the same run,
with

* a bare ``re.findall(r"[0-9]+", text)`` over the same string (a floor: no validation, no ints), and
* expanding the string into a Python ``set`` of every id (what a naive implementation would do).

Prints the best of N timings and the ratios. Usage::

    .venv/bin/python scripts/bench_ranges.py [--segments 100000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qarnot_ext._ranges import InstanceRange

_NUMBER = re.compile(r"[0-9]+")


def make_segments(count: int, widths: tuple[int, ...], seed: int = 1) -> list[tuple[int, int]]:
    """Return ``count`` sorted, disjoint, non-adjacent inclusive segments with the given widths."""
    rng = random.Random(seed)  # noqa: S311 - reproducible benchmark data, not cryptography
    items: list[tuple[int, int]] = []
    cursor = 0
    for _ in range(count):
        cursor += rng.randint(2, 9)
        width = rng.choice(widths)
        items.append((cursor, cursor + width))
        cursor += width
    return items


def render(items: list[tuple[int, int]], separator: str = ",") -> str:
    """Write segments in the API's syntax."""
    return separator.join(str(a) if a == b else f"{a}-{b}" for a, b in items)


def shuffled_with_overlaps(items: list[tuple[int, int]], seed: int = 2) -> str:
    """Write the same ids out of order, with blanks, and 10% of the segments repeated in part."""
    rng = random.Random(seed)  # noqa: S311 - reproducible benchmark data, not cryptography
    mixed = list(items) + [(a, max(a, b - 1)) for a, b in rng.sample(items, len(items) // 10)]
    rng.shuffle(mixed)
    return ", ".join(str(a) if a == b else f"{a} - {b}" for a, b in mixed)


def expand_to_set(text: str) -> set[int]:
    """Expand a range string into a Python set of every id (the naive representation)."""
    out: set[int] = set()
    for item in text.split(","):
        first, _, last = item.partition("-")
        out.update(range(int(first), int(last or first) + 1))
    return out


def best(func: Callable[[], object], repeat: int) -> float:
    """Return the best wall time in seconds of ``repeat`` single calls."""
    return min(timeit.repeat(func, number=1, repeat=repeat))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--segments", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)

    narrow = make_segments(args.segments, widths=(0, 0, 1, 3, 7))
    canonical = render(narrow)
    shuffled = shuffled_with_overlaps(narrow)
    wide = render(make_segments(args.segments, widths=(0, 40, 100, 200)))
    parsed = InstanceRange.parse(canonical)
    if (
        str(parsed) != canonical
        or InstanceRange.parse(shuffled) != parsed
        or str(InstanceRange.parse(wide)) != wide
    ):
        raise SystemExit("benchmark inputs do not round-trip")
    if set(parsed) != expand_to_set(canonical):
        raise SystemExit("the parser and the naive expansion disagree")

    print(
        f"{args.segments:,} segments; canonical string {len(canonical):,} characters, {len(parsed):,} ids; "
        f"wide string {len(InstanceRange.parse(wide)):,} ids; best of {args.repeat}"
    )
    floor = best(lambda: _NUMBER.findall(canonical), args.repeat)
    other = InstanceRange.parse(wide)
    rows = [
        ("re.findall(r'[0-9]+') (floor)", floor),
        ("InstanceRange.parse (canonical)", best(lambda: InstanceRange.parse(canonical), args.repeat)),
        (
            "InstanceRange.parse (shuffled, overlaps)",
            best(lambda: InstanceRange.parse(shuffled), args.repeat),
        ),
        ("expand to a Python set (canonical)", best(lambda: expand_to_set(canonical), args.repeat)),
        ("InstanceRange.parse (wide spans)", best(lambda: InstanceRange.parse(wide), args.repeat)),
        ("expand to a Python set (wide spans)", best(lambda: expand_to_set(wide), args.repeat)),
        ("str(r) (canonical)", best(lambda: str(parsed), args.repeat)),
        ("r | s (linear sweep)", best(lambda: parsed | other, args.repeat)),
        ("r - s (linear sweep)", best(lambda: parsed - other, args.repeat)),
        ("len(r)", best(lambda: len(parsed), args.repeat)),
    ]
    for name, seconds in rows:
        print(f"  {name:<42} {seconds * 1e3:9.2f} ms   {seconds / floor:6.2f} x findall")
    times = dict(rows)
    parse_canonical = times["InstanceRange.parse (canonical)"]
    parse_wide = times["InstanceRange.parse (wide spans)"]
    print(
        f"parse/findall = {parse_canonical / floor:.2f}; "
        f"set/parse = {times['expand to a Python set (canonical)'] / parse_canonical:.2f} (canonical), "
        f"{times['expand to a Python set (wide spans)'] / parse_wide:.2f} (wide spans)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
