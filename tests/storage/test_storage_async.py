"""The asyncio twin: same public surface, same behaviour, discovery awaited on first use."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path
from typing import Any

import pytest

from qarnot_ext.storage import AsyncObjectReader, AsyncStorage, ObjectNotFound, Storage
from tests.storage._storage_helpers import EMAIL, SECRET, FakeSecret, age, write


def public(cls: type) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_")}


def test_twins_have_the_same_public_methods() -> None:
    shared = public(Storage) - {"from_connection", "connection", "transfer_settings", "cache_dir"}
    assert shared <= public(AsyncStorage)
    assert public(AsyncStorage) - public(Storage) == {"wrap"}
    for name in shared - {"lazy"}:
        method = getattr(AsyncStorage, name)
        assert inspect.iscoroutinefunction(method) or inspect.isasyncgenfunction(method), name
        assert method.__doc__, name


def test_async_operations(storage: Storage, tmp_path: Path) -> None:
    async def scenario() -> None:
        astore = AsyncStorage.wrap(storage)
        assert astore.sync is storage
        await astore.create_bucket("adata")
        assert await astore.bucket_exists("adata")
        await astore.upload_bytes(b"hello", "adata", "a/b.txt")
        assert await astore.download_bytes("adata", "a/b.txt") == b"hello"
        assert [o.key async for o in astore.list_objects("adata", "a/")] == ["a/b.txt"]
        chunks = [c async for c in astore.iter_object("adata", "a/b.txt", chunk_size=2)]
        assert chunks == [b"he", b"ll", b"o"]
        async with await astore.open_object("adata", "a/b.txt") as reader:
            assert isinstance(reader, AsyncObjectReader)
            assert await reader.read(3) == b"hel"
            assert await reader.read() == b"lo"
        with pytest.raises(ObjectNotFound):
            await astore.head_object("adata", "missing")
        src = tmp_path / "src"
        age(write(src / "x.txt", b"x"))
        result = await astore.sync_up(src, "adata", "s")
        assert result.transferred == ("s/x.txt",)
        assert (await astore.sync_down("adata", "s", tmp_path / "dst")).transferred == ("s/x.txt",)
        task = {"resultBucket": "adata", "resultsBucketPrefix": "s/"}
        assert b"".join([c async for c in astore.iter_task_result(task, "x.txt")]) == b"x"
        await astore.delete_bucket("adata", force=True)
        assert not await astore.bucket_exists("adata")

    asyncio.run(scenario())


def test_async_lazy_discovery_awaits_async_callables_once(endpoint: str, tmp_path: Path) -> None:
    calls: list[str] = []

    async def get_settings() -> dict[str, Any]:
        calls.append("settings")
        return {"storage": endpoint}

    def get_info() -> dict[str, Any]:  # a sync callable works too (run in a thread)
        calls.append("info")
        return {"email": EMAIL}

    async def scenario() -> None:
        astore = AsyncStorage.lazy(get_settings, get_info, FakeSecret(SECRET), cache_dir=tmp_path)
        assert calls == []
        await asyncio.gather(*(astore.bucket_exists("abc") for _ in range(5)))
        await astore.create_bucket("abc")
        assert calls == ["settings", "info"]
        assert SECRET not in repr(astore)
        async with astore:
            assert [b.name for b in await astore.buckets()] == ["abc"]

    asyncio.run(scenario())


def test_async_constructor_mirrors_the_sync_one(endpoint: str) -> None:
    async def scenario() -> None:
        async with AsyncStorage(endpoint, EMAIL, SECRET, sync_cache=False) as astore:
            assert await astore.buckets() == []

    asyncio.run(scenario())
