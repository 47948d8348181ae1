"""InstanceRange and InstanceStates: the reference's syntax, inclusive spans, exact set algebra."""

from __future__ import annotations

import itertools
import pickle
import re
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qarnot_ext._errors import InvalidTypeError, InvalidValueError, Problem, QarnotError
from qarnot_ext._ranges import (
    MAX_INSTANCE_ID,
    InstanceRange,
    InstanceRangeError,
    InstanceStates,
    RangeSyntaxError,
)
from tests.strategies import instance_ranges, range_texts, small_id_sets

CANONICAL = re.compile(r"(?:[0-9]+(?:-[0-9]+)?(?:,[0-9]+(?:-[0-9]+)?)*)?")

# -- parsing: golden cases -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical", "count"),
    [
        ("0-2,4-5,17", "0-2,4-5,17", 6),  # the reference's advancedRanges example
        ("0-2, 4-5,17", "0-2,4-5,17", 6),
        ("115-120", "115-120", 6),  # inclusive: Qarnot's own sample renders six frames
        ("0-1", "0-1", 2),  # the C# SDK submits this as "0"
        ("5-5", "5", 1),  # the C# SDK makes this empty
        ("1-100", "1-100", 100),  # the C# SDK counts 99
        (" 1 - 100  , 5 , 9 - 99 ,0-1", "0-100", 101),  # the C# SDK's overlap test: no double count
        ("0,0,0-2", "0-2", 3),
        ("3,1,2", "1-3", 3),
        ("4294967295", "4294967295", 1),  # the C# SDK wraps this to "4294967295-0"
        ("0-4294967295", "0-4294967295", 2**32),
        ("007", "7", 1),
        ("", "", 0),
        ("  \t", "", 0),
        ("1\n,\t2", "1-2", 2),
    ],
)
def test_parse_golden(text: str, canonical: str, count: int) -> None:
    r = InstanceRange.parse(text)
    assert str(r) == canonical
    assert len(r) == count
    assert InstanceRange.parse(canonical) == r


def test_the_whole_id_space_is_two_integers() -> None:
    r = InstanceRange.parse("0-4294967295")
    assert r.segments == ((0, MAX_INSTANCE_ID),)
    assert MAX_INSTANCE_ID in r
    assert 2**32 not in r
    assert -1 not in r
    assert r.min() == 0
    assert r.max() == MAX_INSTANCE_ID
    assert str(r - InstanceRange.of([0, 7, MAX_INSTANCE_ID])) == "1-6,8-4294967294"


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("1,,2", [("", "empty item", 2)]),
        ("1,", [("", "empty item", 2)]),
        (",1", [("", "empty item", 0)]),
        (" , ", [("", "empty item", 0), ("", "empty item", 2)]),
        ("-3", [("-3", "negative", 0)]),
        ("1, - 3", [("- 3", "negative", 3)]),
        ("5-3", [("5-3", "must not be smaller", 0)]),
        ("4294967296", [("4294967296", "above 4294967295", 0)]),
        ("0-4294967296", [("0-4294967296", "above 4294967295", 0)]),
        ("99999999999", [("99999999999", "more than 10 digits", 0)]),
        ("00000000001", [("00000000001", "more than 10 digits", 0)]),
        ("a", [("a", "expected an id", 0)]),
        ("1-2-3", [("1-2-3", "expected an id", 0)]),
        ("1 2", [("1 2", "expected an id", 0)]),
        ("+1", [("+1", "expected an id", 0)]),
        ("0x10", [("0x10", "expected an id", 0)]),
        ("1_000", [("1_000", "expected an id", 0)]),
        ("\u0661", [("\u0661", "expected an id", 0)]),  # ARABIC-INDIC DIGIT ONE: int() would take it
        ("-\u0661", [("-\u0661", "expected an id", 0)]),
        ("1;2", [("1;2", "expected an id", 0)]),
        ("1-", [("1-", "expected an id", 0)]),
    ],
)
def test_parse_rejects(text: str, problems: list[tuple[str, str, int]]) -> None:
    with pytest.raises(RangeSyntaxError) as info:
        InstanceRange.parse(text)
    got = info.value.problems
    assert [(p.text, p.position) for p in got] == [(t, pos) for t, _, pos in problems]
    for problem, (_, fragment, _) in zip(got, problems, strict=True):
        assert fragment in problem.message


def test_every_bad_item_is_reported_at_once_with_its_position() -> None:
    with pytest.raises(RangeSyntaxError) as info:
        InstanceRange.parse("1-5,x,9-3, ,-4,0-2")
    assert [(p.text, p.position) for p in info.value.problems] == [
        ("x", 4),
        ("9-3", 6),
        ("", 10),  # a blank item is located where it starts
        ("-4", 12),
    ]
    message = str(info.value)
    assert "'x' at position 4" in message
    assert "'9-3' at position 6" in message
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, InvalidValueError)
    assert isinstance(info.value, QarnotError)


def test_huge_junk_is_reported_shortened() -> None:
    with pytest.raises(RangeSyntaxError) as info:
        InstanceRange.parse("1," + "9" * 5000)
    (problem,) = info.value.problems
    assert problem.position == 2
    assert len(problem.text) <= 40


@pytest.mark.parametrize("value", [None, 5, b"1-2", ["1"]])
def test_parse_takes_only_str(value: Any) -> None:
    with pytest.raises(InvalidTypeError, match="str"):
        InstanceRange.parse(value)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [(None, ""), ("", ""), ("   ", ""), ("1-2,", "1-2"), (",1", "1"), ("1,,2", "1-2"), ("0", "0")],
)
def test_parse_lenient_for_server_output(text: str | None, canonical: str) -> None:
    assert str(InstanceRange.parse_lenient(text)) == canonical


def test_parse_lenient_still_rejects_junk_with_positions_in_the_original() -> None:
    with pytest.raises(RangeSyntaxError) as info:
        InstanceRange.parse_lenient("1,,x")
    assert info.value.problems == (Problem("x", info.value.problems[0].message, 3),)


# -- constructors ----------------------------------------------------------------------------


def test_constructors() -> None:
    assert str(InstanceRange.of([5, 1, 2, 3, 2])) == "1-3,5"
    assert str(InstanceRange.of(range(0, 10, 2))) == "0,2,4,6,8"
    assert str(InstanceRange.span(115, 120)) == "115-120"
    assert str(InstanceRange.count(4)) == "0-3"
    assert InstanceRange.count(0) == InstanceRange.empty() == InstanceRange()
    assert InstanceRange.count(2**32) == InstanceRange.parse("0-4294967295")
    assert str(InstanceRange([(5, 9), (0, 2), (3, 4)])) == "0-9"


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: InstanceRange.of([1, -1]), InstanceRangeError),
        (lambda: InstanceRange.of([2**32]), InstanceRangeError),
        (lambda: InstanceRange.of([True]), InvalidTypeError),
        (lambda: InstanceRange.of(cast(Any, ["1"])), InvalidTypeError),
        (lambda: InstanceRange.span(5, 3), InstanceRangeError),
        (lambda: InstanceRange.span(0, 2**32), InstanceRangeError),
        (lambda: InstanceRange.count(-1), InstanceRangeError),
        (lambda: InstanceRange.count(2**32 + 1), InstanceRangeError),
        (lambda: InstanceRange.count(cast(Any, 1.0)), InvalidTypeError),
        (lambda: InstanceRange([(3, 1)]), InstanceRangeError),
        (lambda: InstanceRange(cast(Any, [(1,)])), InvalidTypeError),
        (lambda: InstanceRange(cast(Any, [[1, 2]])), InvalidTypeError),
    ],
)
def test_constructors_reject(build: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        build()


# -- views -----------------------------------------------------------------------------------


def test_views() -> None:
    r = InstanceRange.parse("7,1-3")
    assert r.segments == ((1, 3), (7, 7))
    assert list(r) == [1, 2, 3, 7]
    assert list(reversed(r)) == [7, 3, 2, 1]
    assert (r.min(), r.max(), len(r), bool(r)) == (1, 7, 4, True)
    assert "3" not in r
    assert 3.5 not in r
    assert None not in r
    assert repr(r) == "InstanceRange('1-3,7')"
    with pytest.raises(ValueError, match="empty"):
        InstanceRange.empty().min()
    with pytest.raises(ValueError, match="empty"):
        InstanceRange.empty().max()


def test_iteration_is_lazy() -> None:
    ids = iter(InstanceRange.parse("0-4294967295"))
    assert [next(ids) for _ in range(3)] == [0, 1, 2]
    assert next(reversed(InstanceRange.parse("0-4294967295"))) == MAX_INSTANCE_ID


def test_repr_of_a_huge_range_is_bounded() -> None:
    r = InstanceRange.of(range(0, 20_000, 2))
    assert len(repr(r)) < 200
    assert "10000 segments, 10000 ids" in repr(r)


def test_not_a_set_of_other_types() -> None:
    r = InstanceRange.parse("1-3")
    assert r != cast(Any, {1, 2, 3})
    with pytest.raises(TypeError):
        _ = r | {4}
    with pytest.raises(TypeError):
        _ = r <= {1, 2, 3}  # type: ignore[operator]


# -- properties ------------------------------------------------------------------------------


@given(instance_ranges())
def test_str_round_trips_and_is_canonical(r: InstanceRange) -> None:
    text = str(r)
    assert InstanceRange.parse(text) == r
    assert CANONICAL.fullmatch(text)
    segments = r.segments
    for (_, last), (next_first, _) in itertools.pairwise(segments):
        assert last + 1 < next_first  # sorted, disjoint and never adjacent
    for first, last in segments:
        assert 0 <= first <= last <= MAX_INSTANCE_ID
        assert (f"{first}" if first == last else f"{first}-{last}") in text.split(",")
    assert len(r) == sum(last - first + 1 for first, last in segments)
    assert hash(InstanceRange.parse(text)) == hash(r)
    assert pickle.loads(pickle.dumps(r)) == r


@given(range_texts(max_id=60))
def test_parse_matches_the_inclusive_reading(case: tuple[str, set[int] | None]) -> None:
    text, ids = case
    r = InstanceRange.parse(text)
    assert ids is not None
    assert set(r) == ids
    assert list(r) == sorted(ids)
    assert len(r) == len(ids)
    assert InstanceRange.of(ids) == r
    assert str(InstanceRange.parse(str(r))) == str(r)  # normalisation is idempotent


@given(range_texts())
def test_parse_anywhere_in_the_id_space(case: tuple[str, set[int] | None]) -> None:
    text, _ = case
    r = InstanceRange.parse(text)
    assert InstanceRange.parse(str(r)) == r
    assert InstanceRange.parse_lenient(text) == r
    assert InstanceRange.parse_lenient(text + ",") == r


@given(small_id_sets, small_id_sets)
def test_set_algebra_agrees_with_python_sets(a: frozenset[int], b: frozenset[int]) -> None:
    ra, rb = InstanceRange.of(a), InstanceRange.of(b)
    assert set(ra | rb) == a | b
    assert set(ra & rb) == a & b
    assert set(ra - rb) == a - b
    assert set(ra ^ rb) == a ^ b
    assert (ra <= rb, ra < rb, ra >= rb, ra > rb) == (a <= b, a < b, a >= b, a > b)
    assert ra.isdisjoint(rb) == a.isdisjoint(b)
    assert (ra == rb) == (a == b)
    assert len(ra) == len(a)
    assert bool(ra) == bool(a)
    for i in range(-1, 43):
        assert (i in ra) == (i in a)
    if a:
        assert (ra.min(), ra.max()) == (min(a), max(a))
    assert list(reversed(ra)) == sorted(a, reverse=True)


@settings(max_examples=60)
@given(instance_ranges(), instance_ranges(), instance_ranges())
def test_set_algebra_laws_on_the_full_id_space(a: InstanceRange, b: InstanceRange, c: InstanceRange) -> None:
    assert a | b == b | a
    assert a & b == b & a
    assert a ^ b == b ^ a
    assert (a | b) | c == a | (b | c)
    assert (a & b) & c == a & (b & c)
    assert a & (b | c) == (a & b) | (a & c)
    assert a ^ b == (a - b) | (b - a)
    assert a - b == a - (a & b)
    assert (a - b).isdisjoint(b)
    assert len(a | b) + len(a & b) == len(a) + len(b)
    assert a & b <= a <= a | b
    everything = InstanceRange.count(2**32)
    assert everything - (everything - a) == a
    for first, last in b.segments:
        for probe in (first - 1, first, last, last + 1):
            assert (probe in a | b) == (probe in a or probe in b)
            assert (probe in a - b) == (probe in a and probe not in b)


# -- InstanceStates --------------------------------------------------------------------------

REFERENCE_STATUS = {
    "succeededRange": "0",
    "executedRange": "0-2",
    "failedRange": "1-2",
    "cancelledRange": "1",
    "failedOnlyRange": "2",
    "startedOnceRange": "0-2",
    "executionTime": "00:00:25.1000003",
}


class _FakeModel:
    """Stands for a generated model: only ``to_dict()`` is used."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def to_dict(self) -> dict[str, Any]:
        return dict(self._data)


@pytest.mark.parametrize(
    "source",
    [
        REFERENCE_STATUS,
        {"uuid": "x", "status": REFERENCE_STATUS},
        _FakeModel(REFERENCE_STATUS),
        _FakeModel({"uuid": "x", "status": REFERENCE_STATUS}),
        {"status": _FakeModel(REFERENCE_STATUS)},
    ],
)
def test_instance_states_from_the_reference_example(source: object) -> None:
    states = InstanceStates.of(source)
    assert str(states.succeeded) == "0"
    assert str(states.executed) == "0-2"
    assert str(states.failed) == "1-2"
    assert str(states.cancelled) == "1"
    assert str(states.failed_only) == "2"
    assert str(states.started_once) == "0-2"
    assert states.executed == states.succeeded | states.failed
    assert states.failed_only == states.failed - states.cancelled
    # "Retry what failed" is one expression.
    assert str(InstanceStates.of(source).failed) == "1-2"


@pytest.mark.parametrize(
    "source",
    [
        {},
        {"status": {}},
        {"status": None},
        None,
        dict.fromkeys(REFERENCE_STATUS),
        {"succeededRange": "", "failedRange": "  "},
    ],
)
def test_instance_states_when_nothing_ran(source: object) -> None:
    assert InstanceStates.of(source) == InstanceStates()
    assert not InstanceStates.of(source).started_once


def test_instance_states_name_the_bad_keys() -> None:
    with pytest.raises(InstanceRangeError) as info:
        InstanceStates.of({"status": {"failedRange": 3, "succeededRange": "1,x"}})
    assert [(p.text, p.position) for p in info.value.problems] == [("x", 2), ("failedRange", None)]
    assert "in succeededRange" in info.value.problems[0].message


@pytest.mark.parametrize("source", [42, "0-2", ["0-2"]])
def test_instance_states_type_errors(source: object) -> None:
    with pytest.raises(TypeError):
        InstanceStates.of(source)


@given(st.fixed_dictionaries({}, optional={"succeededRange": instance_ranges().map(str)}))
def test_instance_states_round_trip(status: dict[str, str]) -> None:
    expected = InstanceRange.parse(status.get("succeededRange", ""))
    assert InstanceStates.of({"status": status}).succeeded == expected
