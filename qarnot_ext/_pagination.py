"""One lazy pagination engine for the token-paged and offset-paged listings, sync and async.

Item by item (the usual way)::

    for task in q.tasks.iter(filter=F.state == "Success", page_size=200, limit=1000):
        ...

Page by page, resumable (keep ``page.next_token`` and start again from it later)::

    for page in q.tasks.pages(page_size=500):
        save(page.items)
        checkpoint(page.next_token)
    for page in q.tasks.pages(start_token=checkpoint_token): ...

Async (the next page is fetched while the caller works on the current one, under asyncio)::

    async for task in aq.tasks.iter(page_size=500): ...

Nothing is requested before iteration starts; iterating again starts again from ``start_token``.
At most one page is held (two while prefetching). The engine stops with
:class:`~qarnot_ext.PaginationError` instead of looping forever when the server says a page is
truncated but gives no token, repeats a token, or sends many empty truncated pages in a row.

:class:`Cursor` holds every decision (what to ask next, when to stop, which items to hand out); the
sync and async pagers only do the fetching.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import Any, Final, Generic, TypeVar

import attrs

from qarnot_ext._errors import InvalidTypeError, InvalidValueError, PaginationError, Problem

__all__ = ["AsyncPager", "Cursor", "Page", "Pager"]

T = TypeVar("T")

MAX_EMPTY_PAGES: Final = 20
"""Consecutive empty pages that still claim to be truncated before the engine gives up."""


@attrs.frozen
class Page(Generic[T]):
    """One page of a listing.

    Attributes:
        items: the page's items, decoded.
        next_token: what fetches the next page (``None`` on the last page); pass it as
            ``start_token`` to resume. Offset-paged listings use the next offset, as text.
        is_truncated: whether more pages follow.
        total: the server's count of all matching items, when it says.
        token: the token that fetched this page (``None`` for the first).

    """

    items: Sequence[T]
    next_token: str | None
    is_truncated: bool
    total: int | None = None
    token: str | None = None


FetchPage = Callable[[str | None, int | None], Page[T]]
"""``fetch(token, page_size) -> Page``: one request."""
AsyncFetchPage = Callable[[str | None, int | None], Awaitable[Page[T]]]


def _check_positive(name: str, value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError.expected("paging", name, "a positive int or None", value)
    if value < 1:
        raise InvalidValueError("paging", [Problem(name, f"must be a positive int or None, got {value!r}")])
    return value


class Cursor(Generic[T]):
    """The state of one walk through the pages; pure (no I/O), shared by both pagers.

    Args:
        start_token: where to start (``None``: the first page).
        page_size: items per request (``None``: the server's default); clamped to what ``limit``
            still allows.
        limit: the most items to hand out in all (``None``: no limit).

    """

    def __init__(
        self, start_token: str | None = None, page_size: int | None = None, limit: int | None = None
    ) -> None:
        if start_token is not None and not isinstance(start_token, str):
            raise InvalidTypeError.expected("paging", "start_token", "a str or None", start_token)
        self._token = start_token
        self._page_size = _check_positive("page_size", page_size)
        self._remaining = _check_positive("limit", limit)
        self._seen: set[str] = set() if start_token is None else {start_token}
        self._empty_run = 0
        self._done = limit == 0

    @property
    def done(self) -> bool:
        """Whether the walk is over (no more requests)."""
        return self._done

    def next_request(self) -> tuple[str | None, int | None] | None:
        """Return ``(token, page_size)`` of the next request, or ``None`` when the walk is over."""
        if self._done:
            return None
        size = self._page_size
        if self._remaining is not None:
            size = self._remaining if size is None else min(size, self._remaining)
        return self._token, size

    def accept(self, page: Page[T]) -> Page[T]:
        """Take a fetched page; return it trimmed to the limit. Raises :class:`PaginationError`."""
        items = page.items
        if self._remaining is not None:
            items = items[: self._remaining]
            self._remaining -= len(items)
        more = page.is_truncated
        token = page.next_token
        if more and not token:
            raise PaginationError(
                f"the server said the page after token {self._token!r} is truncated but gave no next token"
            )
        if more and token in self._seen:
            raise PaginationError(f"the server repeated the page token {token!r}: paging would loop forever")
        self._empty_run = self._empty_run + 1 if not page.items else 0
        if more and self._empty_run >= MAX_EMPTY_PAGES:
            raise PaginationError(f"{MAX_EMPTY_PAGES} empty pages in a row that claim more follow")
        if not more or self._remaining == 0:
            self._done = True
        if more and token is not None:
            self._seen.add(token)
            self._token = token
        if items is page.items:
            return page
        return attrs.evolve(page, items=items)


class Pager(Generic[T]):
    """A lazy listing: iterate for items, :meth:`pages` for pages. Re-iterable; no request until used."""

    def __init__(
        self,
        fetch: FetchPage[T],
        *,
        start_token: str | None = None,
        page_size: int | None = None,
        limit: int | None = None,
    ) -> None:
        Cursor(start_token, page_size, limit)  # validate the arguments now, not at first use
        self._fetch = fetch
        self._args = (start_token, page_size, limit)

    def pages(self) -> Iterator[Page[T]]:
        """Yield the pages, one request each."""
        cursor: Cursor[T] = Cursor(*self._args)
        while (request := cursor.next_request()) is not None:
            yield cursor.accept(self._fetch(*request))

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items

    def first_page(self) -> Page[T]:
        """Fetch and return only the first page."""
        for page in self.pages():
            return page
        return Page((), None, False)

    def __repr__(self) -> str:
        return f"Pager(start_token={self._args[0]!r}, page_size={self._args[1]!r}, limit={self._args[2]!r})"


def _running_asyncio() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _retrieve(task: asyncio.Task[Any]) -> None:
    # A prefetch whose page nobody wants (the caller stopped early) must not report its error as
    # "never retrieved".
    if not task.cancelled():
        task.exception()


class _AsyncPages(Generic[T]):
    """The async page iterator; under asyncio it starts fetching page n+1 when it hands out page n."""

    def __init__(
        self, fetch: AsyncFetchPage[T], args: tuple[str | None, int | None, int | None], prefetch: bool
    ) -> None:
        self._fetch = fetch
        self._cursor: Cursor[T] = Cursor(*args)
        self._prefetch = prefetch
        self._pending: asyncio.Task[Page[T]] | None = None

    def __aiter__(self) -> _AsyncPages[T]:
        return self

    async def __anext__(self) -> Page[T]:
        pending, self._pending = self._pending, None
        if pending is not None:
            page = await pending
        else:
            request = self._cursor.next_request()
            if request is None:
                raise StopAsyncIteration
            page = await self._fetch(*request)
        page = self._cursor.accept(page)
        upcoming = self._cursor.next_request()
        if upcoming is not None and self._prefetch and _running_asyncio():
            fetch = self._fetch
            task: asyncio.Task[Page[T]] = asyncio.ensure_future(_call(fetch, upcoming))
            task.add_done_callback(_retrieve)
            self._pending = task
        return page

    async def aclose(self) -> None:
        """Cancel a prefetch in flight."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await pending


async def _call(fetch: AsyncFetchPage[T], request: tuple[str | None, int | None]) -> Page[T]:
    return await fetch(*request)


class AsyncPager(Generic[T]):
    """The async twin of :class:`Pager`: ``async for`` items, :meth:`pages` for pages.

    With ``prefetch`` (the default) and under asyncio, the next page is requested while the caller
    consumes the current one; under trio pages are fetched one after the other.
    """

    def __init__(
        self,
        fetch: AsyncFetchPage[T],
        *,
        start_token: str | None = None,
        page_size: int | None = None,
        limit: int | None = None,
        prefetch: bool = True,
    ) -> None:
        Cursor(start_token, page_size, limit)
        self._fetch = fetch
        self._args = (start_token, page_size, limit)
        self._prefetch = prefetch

    def pages(self) -> _AsyncPages[T]:
        """Return an async iterator over the pages (``aclose()`` it to stop a prefetch early)."""
        return _AsyncPages(self._fetch, self._args, self._prefetch)

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    async def _items(self) -> AsyncIterator[T]:
        pages = self.pages()
        try:
            async for page in pages:
                for item in page.items:
                    yield item
        finally:
            await pages.aclose()

    async def first_page(self) -> Page[T]:
        """Fetch and return only the first page."""
        pages = _AsyncPages(self._fetch, self._args, False)
        async for page in pages:
            return page
        return Page((), None, False)

    def __repr__(self) -> str:
        return (
            f"AsyncPager(start_token={self._args[0]!r}, page_size={self._args[1]!r}, limit={self._args[2]!r})"
        )
