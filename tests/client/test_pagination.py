"""The pagination engine: properties over arbitrary page sequences, guards, limits, laziness, prefetch."""

from __future__ import annotations

from typing import Any, cast

import anyio
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from qarnot_ext import PaginationError
from qarnot_ext._pagination import MAX_EMPTY_PAGES, AsyncPager, Page, Pager


def _server(pages: list[list[int]]) -> tuple[Any, list[tuple[str | None, int | None]]]:
    """A well-behaved server over ``pages``: token ``"p<i>"`` fetches page ``i``."""
    calls: list[tuple[str | None, int | None]] = []

    def fetch(token: str | None, size: int | None) -> Page[int]:
        calls.append((token, size))
        index = 0 if token is None else int(token[1:])
        more = index + 1 < len(pages)
        return Page(pages[index], f"p{index + 1}" if more else None, more)

    return fetch, calls


pages_strategy = st.lists(st.lists(st.integers(), max_size=5), min_size=1, max_size=8)


@given(pages=pages_strategy, limit=st.one_of(st.none(), st.integers(1, 30)))
def test_every_item_exactly_once_in_order_and_it_stops(pages: list[list[int]], limit: int | None) -> None:
    fetch, calls = _server(pages)
    expected = [x for page in pages for x in page]
    if limit is not None:
        expected = expected[:limit]
    assert list(Pager(fetch, limit=limit)) == expected
    assert len(calls) <= len(pages)


@given(pages=pages_strategy, limit=st.one_of(st.none(), st.integers(1, 30)))
@settings(max_examples=40)
def test_async_pager_yields_the_same_items(pages: list[list[int]], limit: int | None) -> None:
    fetch, _ = _server(pages)

    async def afetch(token: str | None, size: int | None) -> Page[int]:
        await anyio.sleep(0)
        page: Page[int] = fetch(token, size)
        return page

    async def collect() -> list[int]:
        return [x async for x in AsyncPager(afetch, limit=limit)]

    expected = [x for page in pages for x in page][:limit]
    assert anyio.run(collect) == expected


class _Endless(Exception):
    """The hostile server below stops answering after this many pages (a never-ending stream)."""


_HOSTILE_PAGES = 120
# A page of the hostile server: (token, empty, truncated); token "unique" gives a fresh one each time.
_page_specs = st.tuples(
    st.one_of(st.none(), st.sampled_from(["a", "b", "", "unique"])), st.booleans(), st.booleans()
)


def _expected_outcome(specs: list[tuple[str | None, bool, bool]]) -> tuple[str, list[int]]:
    """What the documented rules say: the items, or which rule stops the paging."""
    seen: set[str] = set()
    empty_run = 0
    items: list[int] = []
    for i in range(_HOSTILE_PAGES):
        token, empty, truncated = specs[i % len(specs)]
        token = f"u{i}" if token == "unique" else token
        if truncated and not token:
            return "no next token", items
        if truncated and token in seen:
            return "repeated", items
        empty_run = empty_run + 1 if empty else 0
        if truncated and empty_run >= MAX_EMPTY_PAGES:
            return "empty pages", items
        items += [] if empty else [i]
        if not truncated:
            return "end", items
        seen.add(cast(str, token))
    return "endless", items


@settings(max_examples=150)
@given(specs=st.lists(_page_specs, min_size=1, max_size=6))
@example(specs=[("unique", False, True), ("a", False, True), ("a", False, True)])  # repeated token
@example(specs=[("unique", False, True), (None, False, True)])  # truncated without a token
@example(specs=[("unique", True, True)])  # endless empty pages
@example(specs=[("unique", False, True), ("unique", True, True), (None, False, False)])  # a normal end
def test_any_server_either_ends_or_raises_the_error_of_the_rule_it_broke(
    specs: list[tuple[str | None, bool, bool]],
) -> None:
    # A hostile server: arbitrary tokens, empty pages and flags. The engine never loops: it ends with
    # exactly the items served, or raises the PaginationError of the rule the server broke.
    expected, expected_items = _expected_outcome(specs)
    calls = iter(range(_HOSTILE_PAGES + 1))
    got: list[int] = []

    def fetch(token: str | None, size: int | None) -> Page[int]:
        i = next(calls)
        if i == _HOSTILE_PAGES:
            raise _Endless
        spec_token, empty, truncated = specs[i % len(specs)]
        next_token = f"u{i}" if spec_token == "unique" else spec_token
        return Page([] if empty else [i], next_token, truncated)

    if expected == "end":
        got = list(Pager(fetch))
    else:
        error = _Endless if expected == "endless" else PaginationError
        with pytest.raises(error) as caught:
            got.extend(Pager(fetch))  # keeps the items yielded before the error
        if expected != "endless":
            assert expected in str(caught.value)
    assert got == expected_items


def test_truncated_without_a_token_raises() -> None:
    with pytest.raises(PaginationError, match="no next token"):
        list(Pager(lambda token, size: Page([1], None, True)))


def test_a_repeated_token_raises_instead_of_looping() -> None:
    with pytest.raises(PaginationError, match="repeated"):
        list(Pager(lambda token, size: Page([1], "same", True)))


def test_endless_empty_pages_raise() -> None:
    counter = iter(range(10_000))
    with pytest.raises(PaginationError, match="empty"):
        list(Pager(lambda token, size: Page([], f"t{next(counter)}", True)))
    assert next(counter) == MAX_EMPTY_PAGES


def test_lazy_and_page_size_clamped_to_the_limit() -> None:
    fetch, calls = _server([[1, 2, 3], [4, 5, 6], [7]])
    pager = Pager(fetch, page_size=3, limit=4)
    assert calls == []
    iterator = iter(pager)
    assert next(iterator) == 1
    assert calls == [(None, 3)]
    assert list(iterator) == [2, 3, 4]
    assert calls == [(None, 3), ("p1", 1)]


def test_resume_from_a_token_and_reiterate() -> None:
    fetch, _ = _server([[1], [2], [3]])
    pager = Pager(fetch, start_token="p1")
    assert list(pager) == [2, 3]
    assert list(pager) == [2, 3]  # iterating again starts again
    assert [p.next_token for p in Pager(fetch).pages()] == ["p1", "p2", None]
    assert Pager(fetch).first_page().items == [1]


@pytest.mark.parametrize("bad", [0, -1, True, "3"])
def test_bad_arguments_fail_at_once(bad: Any) -> None:
    with pytest.raises(ValueError, match="page_size"):
        Pager(lambda token, size: Page([], None, False), page_size=bad)


@pytest.mark.anyio
async def test_async_prefetch_overlaps_and_holds_at_most_two_pages() -> None:
    in_flight = 0
    most = 0
    fetched: list[str | None] = []

    async def fetch(token: str | None, size: int | None) -> Page[int]:
        nonlocal in_flight, most
        in_flight += 1
        most = max(most, in_flight)
        fetched.append(token)
        await anyio.sleep(0.001)
        in_flight -= 1
        index = 0 if token is None else int(token)
        return Page([index], str(index + 1) if index < 4 else None, index < 4)

    pages = AsyncPager(fetch).pages()
    first = await pages.__anext__()
    assert first.items == [0]
    await anyio.sleep(0.01)
    assert fetched == [None, "1"]  # page 2 was requested while the caller held page 1
    rest = [p.items async for p in pages]
    assert rest == [[1], [2], [3], [4]]
    assert most == 1  # prefetch never runs two requests at once


@pytest.mark.anyio
async def test_async_early_exit_cancels_the_prefetch() -> None:
    requested: list[str | None] = []
    started = anyio.Event()
    never = anyio.Event()  # the prefetch blocks on it: only a cancellation can end that request
    outcome: list[str] = []

    async def fetch(token: str | None, size: int | None) -> Page[int]:
        requested.append(token)
        if token is None:
            return Page([0], "p1", True)
        started.set()
        try:
            await never.wait()
        except anyio.get_cancelled_exc_class():
            outcome.append("cancelled")
            raise
        outcome.append("finished")  # pragma: no cover - reached only if aclose() let it run on
        return Page([1], None, False)  # pragma: no cover

    pages = AsyncPager(fetch).pages()
    assert (await pages.__anext__()).items == [0]
    await started.wait()
    assert requested == [None, "p1"]  # the prefetch of page 2 is in flight
    assert outcome == []
    # A deadline scope's own cancellation would also cancel the awaited prefetch (and aclose() swallows
    # it), so the deadline must not have fired: aclose() itself did the cancelling.
    with anyio.move_on_after(1) as deadline:
        await pages.aclose()
    assert not deadline.cancel_called
    assert outcome == ["cancelled"]  # the in-flight request saw the cancellation before aclose() returned
    for _ in range(5):  # give a wrongly scheduled follow-up request the chance to start
        await anyio.sleep(0)
    assert requested == [None, "p1"]
    assert outcome == ["cancelled"]
