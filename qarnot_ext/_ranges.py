"""Instance ranges: exact, immutable, normalised sets of task instance ids.

The API writes sets of instance ids as strings such as ``"0-2,4-5,17"``: comma-separated ids and
**inclusive** ``a-b`` spans (``115-120`` is six instances), ids being unsigned 32-bit integers. They
appear in a task's ``advancedRanges`` and in its status (``succeededRange``, ``failedRange`` …).

:class:`InstanceRange` stores such a set as a sorted tuple of half-open boundaries
``(start0, stop0, start1, stop1, …)`` with every run merged, so that

* its text form is canonical and ``InstanceRange.parse(str(r)) == r`` always holds;
* membership is a binary search, ``len`` a pair of C-level sums, and the set algebra a single linear
  sweep over the boundaries: costs follow the number of *segments*, never the number of ids
  (``InstanceRange.parse("0-4294967295")`` holds two integers).

:class:`InstanceStates` reads the six range fields of a task status, so that "retry what failed" is
``InstanceStates.of(task).failed``.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from qarnot_ext._errors import InstanceRangeError, InvalidTypeError, Problem, RangeSyntaxError

__all__ = [
    "MAX_INSTANCE_ID",
    "InstanceRange",
    "InstanceRangeError",
    "InstanceStates",
    "RangeSyntaxError",
]

MAX_INSTANCE_ID: Final = 4_294_967_295
"""The largest instance id the API accepts (ids are unsigned 32-bit integers)."""

_STOP_LIMIT: Final = MAX_INSTANCE_ID + 1

# One item of the strict syntax. Possessive quantifiers (Python >= 3.11) keep the whole-string match
# linear; ids are limited to 10 digits here so that ``int()`` never sees an absurdly long number
# (anything longer falls through to the slow path, which reports it).
_WS: Final = r"[ \t\r\n]*+"
_ITEM: Final = rf"{_WS}[0-9]{{1,10}}+{_WS}(?:-{_WS}[0-9]{{1,10}}+{_WS})?+"
_VALID: Final = re.compile(rf"{_ITEM}(?:,{_ITEM})*+|{_WS}", re.ASCII)
_PAIR: Final = re.compile(r"([0-9]+)[ \t\r\n]*(?:-[ \t\r\n]*([0-9]+))?", re.ASCII)
_BLANK: Final = " \t\r\n"
_ONLY_SEPARATORS: Final = str.maketrans("", "", "0123456789" + _BLANK)
_SEPARATOR_FLAGS: Final = bytes.maketrans(b",-", b"\x01\x00")
_REPR_LIMIT: Final = 80


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_id(value: object, what: str) -> int:
    """Return ``value`` as an instance id, or raise naming ``what``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError.expected("instance range", what, "an int", value)
    if not 0 <= value <= MAX_INSTANCE_ID:
        raise InstanceRangeError([Problem(str(value), f"{what} is outside 0..{MAX_INSTANCE_ID}")])
    return value


def _merge_pairs(pairs: Iterable[tuple[int, int]]) -> tuple[int, ...]:
    """Sort and merge half-open ``(start, stop)`` pairs into a boundary tuple."""
    out: list[int] = []
    for start, stop in sorted(pairs):
        if out and start <= out[-1]:
            # Overlapping or adjacent (stop is exclusive): extend the current run.
            if stop > out[-1]:
                out[-1] = stop
        else:
            out.append(start)
            out.append(stop)
    return tuple(out)


def _bounds_from_lists(starts: list[int], stops: list[int]) -> tuple[int, ...]:
    """Boundaries from parallel start/stop lists, skipping the sort when already canonical."""
    if not starts:
        return ()
    # Canonical input (sorted, disjoint, not adjacent) is the common case for server output and for
    # our own ``str()``; checking it with C-level ``map`` avoids sorting 100,000 segments.
    if all(map(operator.lt, stops[:-1], starts[1:])):
        bounds = [0] * (2 * len(starts))
        bounds[0::2] = starts
        bounds[1::2] = stops
        return tuple(bounds)
    return _merge_pairs(zip(starts, stops, strict=True))


def _item_problem(item: str, position: int) -> Problem | None:
    """Diagnose one comma-separated item of a range string (``None`` when it is valid)."""
    text = item.strip(_BLANK)
    if not text:
        return Problem("", "empty item (two commas in a row, or a leading or trailing comma)", position)
    match = _PAIR.fullmatch(text)
    if match is None:
        rest = text[1:].strip(_BLANK)
        if text.startswith("-") and rest.isascii() and rest.isdigit():
            return Problem(_shorten(text), "negative ids are not allowed", position)
        return Problem(_shorten(text), "expected an id or an inclusive span 'first-last'", position)
    first_text, last_text = match.group(1), match.group(2)
    for digits in (first_text, last_text):
        if digits is None:
            continue
        if len(digits) > 10:
            return Problem(_shorten(text), f"id {_shorten(digits, 20)} has more than 10 digits", position)
        if int(digits) > MAX_INSTANCE_ID:
            return Problem(text, f"id {digits} is above {MAX_INSTANCE_ID}", position)
    if last_text is not None and int(last_text) < int(first_text):
        return Problem(text, "the last id of a span must not be smaller than the first", position)
    return None


def _diagnose(text: str, *, skip_empty: bool) -> list[Problem]:
    """List every bad item of ``text`` with the position of its first character."""
    problems: list[Problem] = []
    offset = 0
    for item in text.split(","):
        lead = len(item) - len(item.lstrip(_BLANK))
        stripped = item.strip(_BLANK)
        if not (skip_empty and not stripped):
            problem = _item_problem(item, offset + (lead if stripped else 0))
            if problem is not None:
                problems.append(problem)
        offset += len(item) + 1
    return problems


def _parse_bounds(text: str, *, lenient: bool) -> tuple[int, ...]:
    if not isinstance(text, str):
        raise InvalidTypeError(
            "instance range",
            [Problem("text", f"an instance range is parsed from a str, not {type(text).__name__}")],
        )
    candidate = text
    if lenient and "," in text:
        # Server output only: drop empty items such as a trailing comma.
        candidate = ",".join(part for part in text.split(",") if part.strip(_BLANK))
    if _VALID.fullmatch(candidate) is not None:
        if not candidate.strip(_BLANK):
            return ()
        # The string is valid, so only digits, blanks, ',' and '-' remain. Everything below runs in C
        # (no per-item Python code): all numbers in order (``int`` ignores the blanks around them),
        # and the sequence of separators turned into keep-flags: a number starts an item unless a
        # '-' precedes it, and ends one unless a '-' follows it.
        numbers = list(map(int, candidate.replace("-", ",").split(",")))
        flags = candidate.translate(_ONLY_SEPARATORS).encode("ascii").translate(_SEPARATOR_FLAGS)
        starts = list(itertools.compress(numbers, b"\x01" + flags))
        stops = list(map((1).__add__, itertools.compress(numbers, flags + b"\x01")))
        if max(stops) <= _STOP_LIMIT and all(map(operator.lt, starts, stops)):
            return _bounds_from_lists(starts, stops)
    # Slow path, only for bad input: walk the items one by one to report every problem at once.
    problems = _diagnose(text, skip_empty=lenient)
    if not problems:  # pragma: no cover - the fast path accepts every string the slow path accepts
        raise AssertionError(f"range parser disagreement on {text!r}")
    raise RangeSyntaxError(problems)


# Truth tables for the sweep, indexed by (in_a << 1) | in_b.
_UNION: Final = 0b1110
_INTERSECTION: Final = 0b1000
_DIFFERENCE: Final = 0b0100


def _sweep(a: tuple[int, ...], b: tuple[int, ...], table: int) -> tuple[int, ...]:
    """Combine two boundary tuples under a boolean operation in one linear pass."""
    out: list[int] = []
    i = j = 0
    na, nb = len(a), len(b)
    in_a = in_b = inside = 0
    while i < na and j < nb:
        x, y = a[i], b[j]
        if x <= y:
            point = x
            in_a ^= 1
            i += 1
            if x == y:
                in_b ^= 1
                j += 1
        else:
            point = y
            in_b ^= 1
            j += 1
        now = (table >> (in_a << 1 | in_b)) & 1
        if now != inside:
            out.append(point)
            inside = now
    # One side is exhausted (and therefore "outside"); the result now follows the other side or stays
    # empty, depending on the operation.
    if i < na and (table >> 2) & 1:
        out.extend(a[i:])
    if j < nb and (table >> 1) & 1:
        out.extend(b[j:])
    return tuple(out)


@attrs.frozen(init=False, repr=False)
class InstanceRange:
    """An immutable, normalised set of instance ids (unsigned 32-bit), as in ``"0-2,4-5,17"``.

    Build one with :meth:`parse` (strict, for user input), :meth:`parse_lenient` (server output),
    :meth:`of`, :meth:`span`, :meth:`count` or :meth:`empty`; or pass inclusive ``(first, last)``
    pairs to the constructor. ``str(r)`` is the canonical wire form.

    It behaves like a frozen set of ints: ``len``, ``in`` (binary search), lazy ordered iteration,
    ``|`` ``&`` ``-`` ``^``, ``<=`` ``<`` ``>=`` ``>`` (subset/superset), :meth:`isdisjoint`,
    equality and hashing by content. Every operation costs O(segments), never O(ids). Use
    :meth:`min`/:meth:`max`: the builtins ``min(r)``/``max(r)`` would walk every id.

    Example:
        >>> r = InstanceRange.parse("0-2, 4-5,17")
        >>> str(r), len(r), 5 in r, r.segments
        ('0-2,4-5,17', 6, True, ((0, 2), (4, 5), (17, 17)))
        >>> str(InstanceRange.count(10) - r)
        '3,6-9'
        >>> InstanceRange([(3, 4), (0, 2)])
        InstanceRange('0-4')

    """

    _bounds: tuple[int, ...]

    def __init__(self, segments: Iterable[tuple[int, int]] = ()) -> None:
        pairs: list[tuple[int, int]] = []
        for index, segment in enumerate(segments):
            if not isinstance(segment, tuple) or len(segment) != 2:
                raise InvalidTypeError(
                    "instance range",
                    [
                        Problem(
                            f"segment {index}",
                            f"segment {index} must be a (first, last) tuple, not {segment!r}",
                            index,
                        )
                    ],
                )
            first = _check_id(segment[0], f"segment {index} first id")
            last = _check_id(segment[1], f"segment {index} last id")
            if last < first:
                raise InstanceRangeError(
                    [Problem(f"{first}-{last}", f"segment {index}: last id is smaller than the first")]
                )
            pairs.append((first, last + 1))
        self.__attrs_init__(_merge_pairs(pairs))

    @classmethod
    def _from_bounds(cls, bounds: tuple[int, ...]) -> InstanceRange:
        # Internal constructor for boundaries that are already canonical (skips validation).
        obj = cls.__new__(cls)
        obj.__attrs_init__(bounds)
        return obj

    # -- constructors -------------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> InstanceRange:
        """Parse the strict syntax: ids and inclusive ``a-b`` spans separated by commas.

        Whitespace around items and around ``-`` is allowed, and ``""`` is the empty range. Raises
        :class:`RangeSyntaxError` listing every bad item (empty item, negative id, id above
        4294967295, reversed span, anything else) with its position; ``TypeError`` for a non-str.

        Example:
            >>> InstanceRange.parse(" 1 - 3 ,0")
            InstanceRange('0-3')

        """
        return cls._from_bounds(_parse_bounds(text, lenient=False))

    @classmethod
    def parse_lenient(cls, text: str | None) -> InstanceRange:
        """Parse a range from server output: ``None``, ``""``, blanks and empty items are tolerated.

        Junk still raises :class:`RangeSyntaxError`: a status the client cannot read must not be
        mistaken for an empty one.

        Example:
            >>> InstanceRange.parse_lenient(None), InstanceRange.parse_lenient("1-2,")
            (InstanceRange(''), InstanceRange('1-2'))

        """
        if text is None:
            return _EMPTY
        return cls._from_bounds(_parse_bounds(text, lenient=True))

    @classmethod
    def of(cls, ids: Iterable[int]) -> InstanceRange:
        """Return the range holding exactly ``ids`` (any order, duplicates allowed).

        Example:
            >>> InstanceRange.of([5, 1, 2, 3, 2])
            InstanceRange('1-3,5')

        """
        unique = sorted({_check_id(i, "instance id") for i in ids})
        out: list[int] = []
        for i in unique:
            if out and out[-1] == i:
                out[-1] = i + 1
            else:
                out.append(i)
                out.append(i + 1)
        return cls._from_bounds(tuple(out))

    @classmethod
    def span(cls, first: int, last: int) -> InstanceRange:
        """Return the ids ``first`` to ``last``, both included.

        Example:
            >>> len(InstanceRange.span(115, 120))
            6

        """
        first = _check_id(first, "first id")
        last = _check_id(last, "last id")
        if last < first:
            raise InstanceRangeError([Problem(f"{first}-{last}", "last id is smaller than the first")])
        return cls._from_bounds((first, last + 1))

    @classmethod
    def count(cls, n: int) -> InstanceRange:
        """Return the first ``n`` ids, ``0..n-1``: the instances of a task with ``instanceCount = n``.

        Example:
            >>> InstanceRange.count(4)
            InstanceRange('0-3')

        """
        if isinstance(n, bool) or not isinstance(n, int):
            raise InvalidTypeError.expected("instance range", "count", "an int", n)
        if not 0 <= n <= _STOP_LIMIT:
            raise InstanceRangeError([Problem(str(n), f"count is outside 0..{_STOP_LIMIT}")])
        return cls._from_bounds((0, n) if n else ())

    @classmethod
    def empty(cls) -> InstanceRange:
        """Return the empty range (its text form is ``""``).

        Example:
            >>> bool(InstanceRange.empty())
            False

        """
        return _EMPTY

    # -- views --------------------------------------------------------------------------------

    @property
    def segments(self) -> tuple[tuple[int, int], ...]:
        """The runs as inclusive ``(first, last)`` tuples, in increasing order.

        Example:
            >>> InstanceRange.parse("7,1-3").segments
            ((1, 3), (7, 7))

        """
        b = self._bounds
        return tuple(zip(b[0::2], [stop - 1 for stop in b[1::2]], strict=True))

    def min(self) -> int:
        """Return the smallest id (``ValueError`` when empty). O(1), unlike the builtin ``min(r)``.

        Example:
            >>> InstanceRange.parse("4-9,2").min()
            2

        """
        if not self._bounds:
            raise InstanceRangeError([Problem("", "min() of an empty InstanceRange")])
        return self._bounds[0]

    def max(self) -> int:
        """Return the largest id (``ValueError`` when empty). O(1), unlike the builtin ``max(r)``.

        Example:
            >>> InstanceRange.parse("4-9,2").max()
            9

        """
        if not self._bounds:
            raise InstanceRangeError([Problem("", "max() of an empty InstanceRange")])
        return self._bounds[-1] - 1

    def __len__(self) -> int:
        b = self._bounds
        return sum(b[1::2]) - sum(b[0::2])

    def __bool__(self) -> bool:
        return bool(self._bounds)

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, int):
            return False
        return bool(bisect.bisect_right(self._bounds, item) & 1)

    def __iter__(self) -> Iterator[int]:
        b = self._bounds
        for k in range(0, len(b), 2):
            yield from range(b[k], b[k + 1])

    def __reversed__(self) -> Iterator[int]:
        b = self._bounds
        for k in range(len(b) - 2, -1, -2):
            yield from range(b[k + 1] - 1, b[k] - 1, -1)

    def __str__(self) -> str:
        b = self._bounds
        return ",".join(
            [
                str(start) if stop - start == 1 else f"{start}-{stop - 1}"
                for start, stop in zip(b[0::2], b[1::2], strict=True)
            ]
        )

    def __repr__(self) -> str:
        text = str(self)
        if len(text) <= _REPR_LIMIT:
            return f"InstanceRange({text!r})"
        head = text[:_REPR_LIMIT].rsplit(",", 1)[0]
        return f"<InstanceRange {len(self._bounds) // 2} segments, {len(self)} ids: {head},…>"

    # -- set algebra --------------------------------------------------------------------------

    def __or__(self, other: object) -> InstanceRange:
        if not isinstance(other, InstanceRange):
            return NotImplemented
        if not other._bounds:
            return self
        if not self._bounds:
            return other
        return InstanceRange._from_bounds(_sweep(self._bounds, other._bounds, _UNION))

    def __and__(self, other: object) -> InstanceRange:
        if not isinstance(other, InstanceRange):
            return NotImplemented
        if not self._bounds or not other._bounds:
            return _EMPTY
        return InstanceRange._from_bounds(_sweep(self._bounds, other._bounds, _INTERSECTION))

    def __sub__(self, other: object) -> InstanceRange:
        if not isinstance(other, InstanceRange):
            return NotImplemented
        if not self._bounds or not other._bounds:
            return self
        return InstanceRange._from_bounds(_sweep(self._bounds, other._bounds, _DIFFERENCE))

    def __xor__(self, other: object) -> InstanceRange:
        if not isinstance(other, InstanceRange):
            return NotImplemented
        # The indicator of a ^ b changes exactly where one (and only one) of a and b changes, so the
        # boundaries of the result are the symmetric difference of the two boundary sets.
        return InstanceRange._from_bounds(
            tuple(sorted(set(self._bounds).symmetric_difference(other._bounds)))
        )

    def __le__(self, other: object) -> bool:
        if not isinstance(other, InstanceRange):
            return NotImplemented
        return not (self - other)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, InstanceRange):
            return NotImplemented
        return self != other and not (self - other)

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, InstanceRange):
            return NotImplemented
        return not (other - self)

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, InstanceRange):
            return NotImplemented
        return self != other and not (other - self)

    def isdisjoint(self, other: InstanceRange) -> bool:
        """Whether the two ranges share no id.

        Example:
            >>> InstanceRange.parse("0-3").isdisjoint(InstanceRange.parse("4-5"))
            True

        """
        return not (self & other)


_EMPTY: Final = InstanceRange._from_bounds(())

# Status field name -> attribute of InstanceStates (per docs/real-world-quirks.md).
_STATUS_KEYS: Final = {
    "succeededRange": "succeeded",
    "executedRange": "executed",
    "failedRange": "failed",
    "cancelledRange": "cancelled",
    "failedOnlyRange": "failed_only",
    "startedOnceRange": "started_once",
}


def _as_mapping(value: object, what: str) -> Mapping[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, Mapping):
        return value
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        converted = to_dict()
        if isinstance(converted, Mapping):
            return converted
    raise InvalidTypeError(
        "instance states",
        [
            Problem(
                what, f"{what} must be a mapping, a model with to_dict(), or None; not {type(value).__name__}"
            )
        ],
    )


@attrs.frozen
class InstanceStates:
    """Which instances of a task succeeded, failed, were cancelled … read from its status.

    ``executed`` = ``succeeded | failed``; ``failed_only`` = failed but not cancelled;
    ``started_once`` = started at least once. Build it with :meth:`of`.

    Example:
        >>> status = {"succeededRange": "0", "failedRange": "1-2", "cancelledRange": "1"}
        >>> states = InstanceStates.of({"uuid": "…", "status": status})
        >>> str(states.failed), str(states.failed - states.cancelled)
        ('1-2', '2')

    """

    succeeded: InstanceRange = _EMPTY
    executed: InstanceRange = _EMPTY
    failed: InstanceRange = _EMPTY
    cancelled: InstanceRange = _EMPTY
    failed_only: InstanceRange = _EMPTY
    started_once: InstanceRange = _EMPTY

    @classmethod
    def of(cls, task_or_status: object) -> InstanceStates:
        """Read the ranges of a task status.

        Accepts a status mapping (``{"succeededRange": "0-2", …}``), a whole task document having a
        ``status`` key, or a generated model of either (anything with ``to_dict()``). Missing,
        ``null`` and empty ranges, a ``null`` status and ``status: {}`` all give empty ranges. A range
        that is not a string raises :class:`InstanceRangeError` naming its key.

        Example:
            >>> InstanceStates.of({"status": None}).failed
            InstanceRange('')

        """
        doc = _as_mapping(task_or_status, "task or status")
        if doc is not None and "status" in doc:
            doc = _as_mapping(doc["status"], "task status")
        if not doc:
            return cls()
        values: dict[str, InstanceRange] = {}
        problems: list[Problem] = []
        for key, attribute in _STATUS_KEYS.items():
            raw = doc.get(key)
            if raw is not None and not isinstance(raw, str):
                problems.append(Problem(key, f"expected a range string or null, not {type(raw).__name__}"))
                continue
            try:
                values[attribute] = InstanceRange.parse_lenient(raw)
            except RangeSyntaxError as exc:
                problems.extend(Problem(p.text, f"in {key}: {p.message}", p.position) for p in exc.problems)
        if problems:
            raise InstanceRangeError(problems)
        return cls(**values)
