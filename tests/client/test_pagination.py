"""The pagination engine: properties over arbitrary page sequences, guards, limits, laziness, prefetch."""

from __future__ import annotations

from typing import Any

import anyio
import pytest
from hypothesis import given, settings
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


@given(
    tokens=st.lists(st.one_of(st.none(), st.sampled_from(["a", "b", "c", ""])), min_size=1, max_size=12),
    truncated=st.lists(st.booleans(), min_size=12, max_size=12),
)
def test_any_server_either_ends_or_raises_pagination_error(
    tokens: list[str | None], truncated: list[bool]
) -> None:
    # A hostile server: arbitrary tokens and flags. The engine must never loop: it ends or raises.
    answers = iter(range(100))

    def fetch(token: str | None, size: int | None) -> Page[int]:
        i = next(answers)
        return Page([i], tokens[i % len(tokens)], truncated[i % len(truncated)])

    try:
        items = list(Pager(fetch))
    except PaginationError:
        return
    assert items == list(range(len(items)))


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
    started = anyio.Event()

    async def fetch(token: str | None, size: int | None) -> Page[int]:
        if token is not None:
            started.set()
            await anyio.sleep(10)
        return Page([0], "next", True)

    pages = AsyncPager(fetch).pages()
    await pages.__anext__()
    await started.wait()
    with anyio.fail_after(1):
        await pages.aclose()
