"""Mechanical extraction of the Compute API reference (``../shared/reference/``).

The reference is a flattened HTML page: parameter tables became ``name | type description |`` lines
and JSON examples became ``{- "key": value, ...}`` blocks with ``- `` bullets. This module turns it
back into data, so that the spec tests compare ``openapi.yaml`` with what the reference shows
instead of with a hand-copied list:

* ``operations_table(operations_md)`` -> the 65 ``(number, method, path)`` rows of ``operations.md``;
* ``reference_chunks(reference_txt)`` -> one chunk per operation (in reference order) with its
  named table rows and its JSON examples.

Run ``python tests/spec/_spec_reference.py`` to refresh the committed copies
(``reference_operations.tsv`` and ``reference_fields.json``) used when ``shared/`` is absent.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SHARED_REFERENCE = REPO.parent / "shared" / "reference"
OPERATIONS_TSV = HERE / "reference_operations.tsv"
FIELDS_JSON = HERE / "reference_fields.json"

# Rows of the parameter tables that are request parameters rather than body fields.
_ROW = re.compile(r"^([A-Za-z][A-Za-z0-9]*)( required)? \| (.*)$")
_OP_ROW = re.compile(r"^\| (\d+) \| (GET|POST|PUT|PATCH|DELETE) \| `([^`]+)` \|")
_VERSION_ROW = "version required | string |"


def normalise_path(path: str) -> str:
    """Drop the ``/v{version}`` prefix and the (cosmetic) names of path parameters.

    >>> normalise_path("/v{version}/jobs/{jobuuid}/tasks")
    '/jobs/{}/tasks'
    """
    if path.startswith("/v{version}"):
        path = path[len("/v{version}") :] or "/"
    return re.sub(r"\{[^}]*\}", "{}", path)


def operations_table(text: str) -> list[tuple[int, str, str]]:
    """Return ``(number, METHOD, path)`` for every numbered row of ``operations.md``."""
    rows = []
    for line in text.splitlines():
        m = _OP_ROW.match(line)
        if m:
            rows.append((int(m.group(1)), m.group(2), m.group(3)))
    return rows


def _strip_bullets(block: str) -> str:
    """Remove the ``- `` bullets that the flattening put before keys and items (outside strings)."""
    out: list[str] = []
    in_string = False
    escaped = False
    i = 0
    # A bullet is "- " at the start of the block/line or right after a structural character.
    last_structural = True
    while i < len(block):
        ch = block[i]
        if in_string:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
                last_structural = False
            i += 1
            continue
        if ch == '"':
            in_string = True
            out.append(ch)
            i += 1
            continue
        if ch == "-" and last_structural and block[i + 1 : i + 2] == " ":
            i += 2
            continue
        if ch in "{[,":
            last_structural = True
        elif not ch.isspace():
            last_structural = False
        out.append(ch)
        i += 1
    return "".join(out)


def _json_blocks(lines: list[str]) -> list[tuple[int, Any]]:
    """Find the JSON examples (blocks starting at column 0 with ``{`` or ``[``) and parse them."""
    found: list[tuple[int, Any]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line[:1] in ("{", "["):
            start = i
            depth = 0
            buf: list[str] = []
            while i < len(lines):
                text = _strip_bullets(lines[i])
                buf.append(text)
                depth += _depth_delta(text)
                i += 1
                if depth <= 0:
                    break
            found.append((start, json.loads("\n".join(buf))))
            continue
        i += 1
    return found


def _depth_delta(text: str) -> int:
    depth = 0
    in_string = False
    escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
    return depth


@dataclass
class Chunk:
    """The part of the reference that documents one operation."""

    number: int
    rows: list[tuple[str, bool, str]] = field(default_factory=list)
    """Named table rows ``(name, required, text)`` (parameters and body fields), in order; ``text`` is
    the rest of the row (type, format, ``non-empty``, ``or null``, enum values, description)."""
    examples: list[Any] = field(default_factory=list)
    """JSON examples, in order (request example first when the operation has a body)."""


def reference_chunks(text: str) -> list[Chunk]:
    """Split the reference into the 65 operations (reference order) with their rows and examples.

    Each operation's table contains the line ``version required | string |``, except #37
    (``/settings``), which has no table at all; its curl line is used as its anchor instead.
    Rows that precede an anchor (path parameters listed before ``version``) belong to it.
    """
    lines = text.splitlines()
    anchors: list[int] = []
    for i, line in enumerate(lines):
        if line == _VERSION_ROW or ("curl " in line and line.rstrip().endswith("/v{version}/settings")):
            anchors.append(i)
    if len(anchors) != 65:
        raise ValueError(f"expected 65 operation anchors in the reference, found {len(anchors)}")
    chunks = [Chunk(number=n + 1) for n in range(65)]
    # Rows just above an anchor (path parameters) belong to that anchor's operation.
    owner = [0] * len(lines)
    current = 0
    for i in range(len(lines)):
        if current + 1 < len(anchors) and i >= anchors[current + 1]:
            current += 1
        owner[i] = current
    for idx, anchor in enumerate(anchors):
        j = anchor - 1
        while j >= 0 and _ROW.match(lines[j]) and lines[j] != _VERSION_ROW:
            owner[j] = idx
            j -= 1
    for i, line in enumerate(lines):
        m = _ROW.match(line)
        if m and i >= anchors[0] - 2 and m.group(1) != "version":
            chunks[owner[i]].rows.append((m.group(1), bool(m.group(2)), m.group(3).rstrip(" |")))
    for start, doc in _json_blocks(lines):
        chunks[owner[start]].examples.append(doc)
    return chunks


def example_field_paths(doc: Any, prefix: str = "") -> set[str]:
    """Every key path in a JSON example, list indices written as ``[]``.

    >>> sorted(example_field_paths({"a": [{"b": 1}], "c": None}))
    ['a', 'a[].b', 'c']
    """
    paths: set[str] = set()
    if isinstance(doc, dict):
        for key, value in doc.items():
            here = f"{prefix}.{key}" if prefix else key
            paths.add(here)
            paths |= example_field_paths(value, here)
    elif isinstance(doc, list):
        for item in doc:
            paths |= example_field_paths(item, f"{prefix}[]")
    return paths


def load_shared() -> tuple[str, str] | None:
    """Return the texts of ``operations.md`` and ``compute-api-reference.txt`` when ``shared/`` exists."""
    ops = SHARED_REFERENCE / "operations.md"
    ref = SHARED_REFERENCE / "compute-api-reference.txt"
    if ops.is_file() and ref.is_file():
        return ops.read_text(encoding="utf-8"), ref.read_text(encoding="utf-8")
    return None


def extracted_fields(reference_text: str) -> list[dict[str, Any]]:
    """The committed form of the reference: per operation, its named rows and its examples."""
    return [
        {"number": c.number, "rows": [list(row) for row in c.rows], "examples": c.examples}
        for c in reference_chunks(reference_text)
    ]


def main() -> int:
    """Refresh the committed copies from ``../shared/reference``."""
    shared = load_shared()
    if shared is None:
        print(f"no reference at {SHARED_REFERENCE}", file=sys.stderr)
        return 1
    ops_text, ref_text = shared
    table = operations_table(ops_text)
    OPERATIONS_TSV.write_text(
        "".join(f"{n}\t{method}\t{path}\n" for n, method, path in table), encoding="utf-8"
    )
    FIELDS_JSON.write_text(json.dumps(extracted_fields(ref_text), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OPERATIONS_TSV.name} ({len(table)} operations) and {FIELDS_JSON.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
