"""The asyncio twin of :class:`Storage`: the same methods, run in worker threads.

boto3 is blocking, so each call is the synchronous method run through :func:`asyncio.to_thread`
(``_threaded`` below wraps them; no logic is duplicated). Iterators (object listings, object
content) hop to a thread per page or per chunk, not per item. Discovery may use async callables:
they are awaited on the event loop before the first call, sync ones run in a thread.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import itertools
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator, Mapping
from typing import Any, BinaryIO, Concatenate, ParamSpec, TypeVar

from qarnot_ext._errors import ConfigError
from qarnot_ext.storage._client import (
    Connection,
    ConnectionSettings,
    SecretLike,
    TransferSettings,
    settings_from_discovery,
)
from qarnot_ext.storage._models import ObjectInfo
from qarnot_ext.storage._resources import SupportsToDict
from qarnot_ext.storage._storage import Storage, StrPath

__all__ = ["AsyncObjectReader", "AsyncStorage"]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

DocumentSource = Callable[[], Mapping[str, Any] | Awaitable[Mapping[str, Any]]]


def _threaded(
    method: Callable[Concatenate[Storage, P], R],
) -> Callable[Concatenate[AsyncStorage, P], Coroutine[Any, Any, R]]:
    async def run(self: AsyncStorage, /, *args: P.args, **kwargs: P.kwargs) -> R:
        await self._ready()
        return await asyncio.to_thread(method, self.sync, *args, **kwargs)

    # Same name and docstring as the synchronous method, for help() and documentation tools.
    functools.update_wrapper(run, method)
    return run


async def _fetch(source: DocumentSource) -> Mapping[str, Any]:
    if inspect.iscoroutinefunction(source):
        result = await source()
    else:
        result = await asyncio.to_thread(source)
    if inspect.isawaitable(result):
        result = await result
    if not isinstance(result, Mapping):
        raise ConfigError(f"discovery returned {type(result).__name__}, not a mapping")
    return result


async def _drain(iterator: Iterator[T]) -> AsyncIterator[T]:
    """Iterate a blocking iterator, running each step in a worker thread."""
    while True:
        step = await asyncio.to_thread(lambda: list(itertools.islice(iterator, 1)))
        if not step:
            return
        yield step[0]


class AsyncObjectReader:
    """An object's content, read asynchronously (each read runs in a worker thread)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    async def read(self, size: int = -1) -> bytes:
        """Read up to ``size`` bytes (all that remains when ``size`` is negative)."""
        return await asyncio.to_thread(self._stream.read, size)

    async def aclose(self) -> None:
        """Release the connection."""
        await asyncio.to_thread(self._stream.close)

    async def __aenter__(self) -> AsyncObjectReader:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


class AsyncStorage:
    """Asyncio twin of :class:`Storage`; every method has the same name, arguments and errors.

    Build it like :class:`Storage` (same arguments), wrap an existing one (:meth:`wrap`, sharing
    its client), or discover the settings on first use (:meth:`lazy`).
    """

    def __init__(
        self,
        endpoint_url: str,
        access_key: str,
        secret_key: SecretLike,
        **options: Any,
    ) -> None:
        self._init(Storage(endpoint_url, access_key, secret_key, **options), None)

    def _init(self, storage: Storage, discover: Callable[[], Awaitable[ConnectionSettings]] | None) -> None:
        self.sync = storage
        self._discover = discover
        self._lock = asyncio.Lock()

    @classmethod
    def wrap(cls, storage: Storage) -> AsyncStorage:
        """Wrap ``storage`` in its async twin (same client, same cache)."""
        self = cls.__new__(cls)
        self._init(storage, None)
        return self

    @classmethod
    def lazy(
        cls,
        get_settings: DocumentSource,
        get_user_info: DocumentSource,
        secret_key: SecretLike,
        *,
        endpoint_url: str | None = None,
        verify: bool | str = True,
        transfer: TransferSettings | None = None,
        cache_dir: StrPath | None = None,
        sync_cache: bool = True,
        show_progress: bool | None = None,
        **connection: Any,
    ) -> AsyncStorage:
        """Like :meth:`Storage.lazy`; the callables may be ``async`` (awaited on first use)."""

        async def discover() -> ConnectionSettings:
            settings_doc = await _fetch(get_settings) if endpoint_url is None else None
            return settings_from_discovery(
                settings_doc,
                await _fetch(get_user_info),
                secret_key,
                endpoint_url=endpoint_url,
                verify=verify,
                **connection,
            )

        storage = Storage.from_connection(
            Connection(transfer or TransferSettings()),
            cache_dir=cache_dir,
            sync_cache=sync_cache,
            show_progress=show_progress,
        )
        self = cls.__new__(cls)
        self._init(storage, discover)
        return self

    def __repr__(self) -> str:
        return f"AsyncStorage({self.sync.connection!r})"

    async def _ready(self) -> None:
        if self._discover is None or self.sync.connection.resolved:
            return
        async with self._lock:
            if not self.sync.connection.resolved:
                self.sync.connection.provide(await self._discover())

    async def __aenter__(self) -> AsyncStorage:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    close = _threaded(Storage.close)
    create_bucket = _threaded(Storage.create_bucket)
    delete_bucket = _threaded(Storage.delete_bucket)
    buckets = _threaded(Storage.buckets)
    bucket_exists = _threaded(Storage.bucket_exists)
    head_object = _threaded(Storage.head_object)
    object_exists = _threaded(Storage.object_exists)
    upload_file = _threaded(Storage.upload_file)
    upload_files = _threaded(Storage.upload_files)
    upload_bytes = _threaded(Storage.upload_bytes)
    download_file = _threaded(Storage.download_file)
    download_bytes = _threaded(Storage.download_bytes)
    delete_object = _threaded(Storage.delete_object)
    delete_objects = _threaded(Storage.delete_objects)
    copy_object = _threaded(Storage.copy_object)
    sync_up = _threaded(Storage.sync_up)
    sync_down = _threaded(Storage.sync_down)
    upload_task_inputs = _threaded(Storage.upload_task_inputs)
    download_task_results = _threaded(Storage.download_task_results)

    async def list_objects(self, bucket: str, prefix: str = "") -> AsyncIterator[ObjectInfo]:
        """Yield the objects under ``prefix``, fetching a page at a time in a worker thread."""
        await self._ready()
        pages = await asyncio.to_thread(self.sync._list_pages, bucket, prefix)
        async for page in _drain(pages):
            for info in page:
                yield info

    async def open_object(self, bucket: str, key: str) -> AsyncObjectReader:
        """Open the object for asynchronous reading."""
        await self._ready()
        return AsyncObjectReader(await asyncio.to_thread(self.sync.open_object, bucket, key))

    async def iter_object(self, bucket: str, key: str, chunk_size: int = 1024 * 1024) -> AsyncIterator[bytes]:
        """Yield the object's content as chunks, each read in a worker thread."""
        await self._ready()
        chunks = await asyncio.to_thread(self.sync.iter_object, bucket, key, chunk_size)
        async for chunk in _drain(chunks):
            yield chunk

    async def open_task_result(
        self, task: Mapping[str, Any] | SupportsToDict, name: str
    ) -> AsyncObjectReader:
        """Open one result file of a task for asynchronous reading."""
        await self._ready()
        return AsyncObjectReader(await asyncio.to_thread(self.sync.open_task_result, task, name))

    async def iter_task_result(
        self, task: Mapping[str, Any] | SupportsToDict, name: str, chunk_size: int = 1024 * 1024
    ) -> AsyncIterator[bytes]:
        """Yield one result file of a task as chunks, each read in a worker thread."""
        await self._ready()
        chunks = await asyncio.to_thread(self.sync.iter_task_result, task, name, chunk_size)
        async for chunk in _drain(chunks):
            yield chunk
