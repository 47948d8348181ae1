"""Recursive listing of the secrets manager, concurrent with a bound, sync and async.

``GET /secrets-manager/search/{prefix}`` answers the keys directly under ``prefix``, relative to it;
folders end with ``/``. Listing a tree means one request per folder; the official SDKs send them one
after the other. Here up to ``concurrency`` folders are listed at once (threads for the sync client,
tasks for the async one). Keys come back full (``team/db/password``) and sorted.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

import anyio

from qarnot_ext._errors import InvalidValueError, Problem

__all__ = ["DEFAULT_CONCURRENCY", "join_key", "walk_async", "walk_sync"]

DEFAULT_CONCURRENCY = 8


def join_key(folder: str, entry: str) -> str:
    """The full key of ``entry`` listed under ``folder`` (``""`` for the root)."""
    folder = folder.strip("/")
    return f"{folder}/{entry}" if folder else entry


def _check(concurrency: int) -> None:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise InvalidValueError("concurrency", [Problem(repr(concurrency), "expected a positive int")])


def _split(folder: str, entries: list[str]) -> tuple[list[str], list[str]]:
    keys: list[str] = []
    folders: list[str] = []
    for entry in entries:
        full = join_key(folder, entry)
        (folders if entry.endswith("/") else keys).append(full)
    return keys, folders


def walk_sync(
    list_one: Callable[[str], list[str]], prefix: str, concurrency: int = DEFAULT_CONCURRENCY
) -> list[str]:
    """List every key under ``prefix``, folders listed by up to ``concurrency`` threads."""
    _check(concurrency)
    found: list[str] = []
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="qarnot-secrets") as pool:
        running: dict[Future[list[str]], str] = {pool.submit(list_one, prefix): prefix}
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                folder = running.pop(future)
                keys, folders = _split(folder, future.result())
                found.extend(keys)
                for sub in folders:
                    running[pool.submit(list_one, sub)] = sub
    return sorted(found)


async def walk_async(
    list_one: Callable[[str], Awaitable[list[str]]], prefix: str, concurrency: int = DEFAULT_CONCURRENCY
) -> list[str]:
    """List every key under ``prefix``, folders listed by up to ``concurrency`` concurrent tasks."""
    _check(concurrency)
    found: list[str] = []
    limiter = anyio.CapacityLimiter(concurrency)

    async def visit(folder: str, group: anyio.abc.TaskGroup) -> None:
        async with limiter:
            entries = await list_one(folder)
        keys, folders = _split(folder, entries)
        found.extend(keys)
        for sub in folders:
            group.start_soon(visit, sub, group)

    async with anyio.create_task_group() as group:
        group.start_soon(visit, prefix, group)
    return sorted(found)
