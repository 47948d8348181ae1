"""The contract has exactly the operations of the reference and of ``docs/operation-ids.md``.

``reference_operations.tsv`` is the committed copy of the 65 rows of ``operations.md`` (refreshed by
``python tests/spec/_spec_reference.py``); when ``../shared/reference`` sits beside the repository
(as in CI), the copy is also compared with the original.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.spec._spec_reference import OPERATIONS_TSV, load_shared, normalise_path, operations_table
from tests.spec._spec_tools import REPO, deref, load_spec, operations

OPERATION_IDS_MD = REPO / "docs" / "operation-ids.md"
_ID_ROW = re.compile(r"^\| (\d+|U) \| (GET|POST|PUT|PATCH|DELETE) \| (/[^ |]*) \| (\w+)")


def _committed_table() -> list[tuple[int, str, str]]:
    rows = []
    for line in OPERATIONS_TSV.read_text(encoding="utf-8").splitlines():
        number, method, path = line.split("\t")
        rows.append((int(number), method, path))
    return rows


def _operation_ids() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in OPERATION_IDS_MD.read_text(encoding="utf-8").splitlines():
        m = _ID_ROW.match(line)
        if m:
            rows.append((m.group(1), m.group(2), m.group(3), m.group(4)))
    return rows


def _spec_operations() -> set[tuple[str, str]]:
    return {(method, normalise_path(path)) for method, path, _op in operations()}


def test_committed_table_has_the_65_reference_operations() -> None:
    table = _committed_table()
    assert [n for n, _m, _p in table] == list(range(1, 66))
    assert len({(m, normalise_path(p)) for _n, m, p in table}) == 65


def test_committed_table_matches_the_shared_reference() -> None:
    shared = load_shared()
    if shared is None:
        pytest.skip("../shared/reference is not beside the repository")
    assert operations_table(shared[0]) == _committed_table()


def test_every_reference_operation_is_in_the_spec() -> None:
    spec_ops = _spec_operations()
    missing = [(n, m, p) for n, m, p in _committed_table() if (m, normalise_path(p)) not in spec_ops]
    assert missing == []
    print(f"reference operations in the spec: {65 - len(missing)}/65")


def test_spec_operations_are_exactly_operation_ids_md() -> None:
    expected = _operation_ids()
    assert len(expected) == 73
    actual = [(m, p, op["operationId"]) for m, p, op in operations()]
    assert sorted(actual) == sorted((m, p, op_id) for _n, m, p, op_id in expected)
    assert len({op_id for _m, _p, op_id in actual}) == len(actual)


def test_numbered_rows_of_operation_ids_md_match_the_reference_table() -> None:
    by_number = {n: (m, normalise_path(p)) for n, m, p in _committed_table()}
    for number, method, path, _op_id in _operation_ids():
        if number != "U":
            assert by_number[int(number)] == (method, normalise_path(path)), number


def test_undocumented_operations_are_marked() -> None:
    undocumented = {op_id for n, _m, _p, op_id in _operation_ids() if n == "U"}
    assert len(undocumented) == 8
    for _method, _path, op in operations():
        marked = op.get("x-undocumented") is True
        assert marked == (op["operationId"] in undocumented), op["operationId"]
        if marked:
            # The first tag decides the generated module, the second marks the endpoint.
            assert len(op["tags"]) == 2
            assert op["tags"][1] == "undocumented"
            assert op["tags"][0] in {"pools", "tasks", "secrets"}
        else:
            assert "undocumented" not in op["tags"]
    print(f"undocumented operations: {len(undocumented)}")


def test_read_only_header_where_the_reference_lists_it() -> None:
    shared = load_shared()
    if shared is None:
        pytest.skip("../shared/reference is not beside the repository")
    with_ro = set()
    for line in shared[0].splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 6 and cells[1].isdigit():
            path = cells[3].strip("`")
            if "RO" in cells[6]:
                with_ro.add((cells[2], normalise_path(path)))
    assert len(with_ro) > 30
    for method, path, op in operations():
        names = {deref(p)["name"] for p in op.get("parameters", [])}
        has_ro = "QarnotReadOnlyRequestForAccount" in names
        if op.get("x-undocumented"):
            continue
        assert has_ro == ((method, normalise_path(path)) in with_ro), op["operationId"]


def test_tags_are_per_resource_and_every_operation_has_a_summary() -> None:
    spec = load_spec()
    declared = [t["name"] for t in spec["tags"]]
    used = Counter(op["tags"][0] for _m, _p, op in operations())
    assert set(used) <= set(declared)
    assert set(used) == {
        "api",
        "hardware-constraints",
        "jobs",
        "pools",
        "profiles",
        "secrets",
        "tasks",
        "users",
    }
    for _m, _p, op in operations():
        assert op["summary"].strip()
