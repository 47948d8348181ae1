"""The synchronous storage facade: buckets, objects, transfers, sync and task helpers over boto3."""

from __future__ import annotations

import contextlib
import io
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from boto3.s3.transfer import create_transfer_manager
from botocore.exceptions import BotoCoreError, ClientError
from s3transfer.exceptions import RetriesExceededError

from qarnot_ext._errors import InvalidValueError, Problem, StorageError
from qarnot_ext.storage import _resources, _sync
from qarnot_ext.storage._client import (
    Connection,
    ConnectionSettings,
    SecretLike,
    TransferSettings,
    settings_from_discovery,
)
from qarnot_ext.storage._errors import (
    BucketAlreadyExists,
    BucketNotFound,
    ObjectNotFound,
    StorageAccessDenied,
    translate,
)
from qarnot_ext.storage._etag import normalise_etag
from qarnot_ext.storage._models import BucketInfo, ObjectInfo, SyncResult
from qarnot_ext.storage._paths import check_bucket, check_key
from qarnot_ext.storage._resources import SupportsToDict
from qarnot_ext.storage._state import default_cache_dir
from qarnot_ext.storage._transfer import ProgressCallback, TransferBatch, TransferJob

if TYPE_CHECKING:
    from types_boto3_s3 import S3Client
    from types_boto3_s3.type_defs import ObjectIdentifierTypeDef

__all__ = ["Storage", "StrPath"]

logger = logging.getLogger("qarnot_ext.storage")

StrPath = str | os.PathLike[str]
_DELETE_BATCH = 1000
_TRANSLATED = (ClientError, BotoCoreError, RetriesExceededError)


class _ObjectReader(io.RawIOBase):
    """A raw, read-only stream over an object's body whose errors are storage errors."""

    def __init__(self, body: Any, translate_error: Callable[[BaseException], StorageError]) -> None:
        self._body = body
        self._translate = translate_error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            data = self._body.read(len(buffer))
        except _TRANSLATED as exc:
            raise self._translate(exc) from exc
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._body.close()
        super().close()


class Storage:
    """Qarnot's S3-compatible storage through one shared boto3 client.

    Build it from explicit settings (``Storage(endpoint_url, access_key, secret_key)``) or let it
    discover them on first use (:meth:`lazy`). Nothing is contacted at construction. Every method
    raises :class:`~qarnot_ext.StorageError` subclasses (``BucketNotFound``, ``ObjectNotFound``…)
    and :class:`~qarnot_ext.InvalidValueError` for bad names; nothing creates anything when
    reading. The secret key is never shown in ``repr``, errors or logs.

    Args:
        endpoint_url: the storage endpoint (``GET /settings`` → ``storage``).
        access_key: the user's email.
        secret_key: the API token, as ``str`` or an object with ``reveal()``.
        verify: TLS verification: ``True``, ``False`` (unsafe) or a CA bundle path.
        transfer: multipart and concurrency tuning (:class:`TransferSettings`).
        cache_dir: where sync keeps its ETag cache; ``None`` for the user cache directory.
        sync_cache: ``False`` disables the on-disk sync cache (every sync re-hashes).
        show_progress: default for transfers: ``None`` draws a bar when stderr is a terminal.
        **connection: further :class:`ConnectionSettings` fields (timeouts, ``max_attempts``…).

    """

    def __init__(
        self,
        endpoint_url: str,
        access_key: str,
        secret_key: SecretLike,
        *,
        verify: bool | str = True,
        transfer: TransferSettings | None = None,
        cache_dir: StrPath | None = None,
        sync_cache: bool = True,
        show_progress: bool | None = None,
        **connection: Any,
    ) -> None:
        settings = ConnectionSettings(
            endpoint_url=endpoint_url,
            access_key=access_key,
            secret_key=secret_key,
            verify=verify,
            **connection,
        )
        self._setup(
            Connection(transfer or TransferSettings(), settings=settings),
            cache_dir=cache_dir,
            sync_cache=sync_cache,
            show_progress=show_progress,
        )

    def _setup(
        self,
        connection: Connection,
        *,
        cache_dir: StrPath | None,
        sync_cache: bool,
        show_progress: bool | None,
    ) -> None:
        self._connection = connection
        self._cache_dir: Path | None = None
        if sync_cache:
            self._cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self._show_progress = show_progress

    @classmethod
    def from_connection(
        cls,
        connection: Connection,
        *,
        cache_dir: StrPath | None = None,
        sync_cache: bool = True,
        show_progress: bool | None = None,
    ) -> Storage:
        """Wrap an existing :class:`Connection` (used by :meth:`lazy` and the async twin)."""
        self = cls.__new__(cls)
        self._setup(connection, cache_dir=cache_dir, sync_cache=sync_cache, show_progress=show_progress)
        return self

    @classmethod
    def lazy(
        cls,
        get_settings: Callable[[], Mapping[str, Any]],
        get_user_info: Callable[[], Mapping[str, Any]],
        secret_key: SecretLike,
        *,
        endpoint_url: str | None = None,
        verify: bool | str = True,
        transfer: TransferSettings | None = None,
        cache_dir: StrPath | None = None,
        sync_cache: bool = True,
        show_progress: bool | None = None,
        **connection: Any,
    ) -> Storage:
        """Build a storage whose endpoint and access key are discovered on first use.

        ``get_settings`` returns the ``GET /settings`` document (its ``storage`` value is the
        endpoint; not called when ``endpoint_url`` is given) and ``get_user_info`` the ``GET /info``
        document (its ``email`` is the access key). Neither is called before the first operation.
        """

        def resolve() -> ConnectionSettings:
            settings_doc = get_settings() if endpoint_url is None else None
            return settings_from_discovery(
                settings_doc,
                get_user_info(),
                secret_key,
                endpoint_url=endpoint_url,
                verify=verify,
                **connection,
            )

        return cls.from_connection(
            Connection(transfer or TransferSettings(), resolve=resolve),
            cache_dir=cache_dir,
            sync_cache=sync_cache,
            show_progress=show_progress,
        )

    def __repr__(self) -> str:
        return f"Storage({self._connection!r})"

    def __enter__(self) -> Storage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the client's connections (a later call reconnects)."""
        self._connection.close()

    # -- plumbing shared with the sync engine and the task helpers ------------------------------

    @property
    def connection(self) -> Connection:
        """The lazily resolved connection (settings and shared client)."""
        return self._connection

    @property
    def transfer_settings(self) -> TransferSettings:
        """The transfer tuning in use."""
        return self._connection.transfer

    @property
    def cache_dir(self) -> Path | None:
        """Where sync keeps its ETag cache, or ``None`` when disabled."""
        return self._cache_dir

    def _client(self) -> S3Client:
        return self._connection.client()

    @contextlib.contextmanager
    def _translating(
        self, operation: str, bucket: str | None = None, key: str | None = None
    ) -> Iterator[None]:
        try:
            yield
        except _TRANSLATED as exc:
            raise translate(
                exc, operation=operation, bucket=bucket, key=key, redact=self._connection.redact
            ) from exc

    def _batch(self, progress: ProgressCallback | None, show_progress: bool | None) -> TransferBatch:
        return TransferBatch(
            self._client(),
            self.transfer_settings,
            progress=progress,
            show_progress=self._show_progress if show_progress is None else show_progress,
            redact=self._connection.redact,
        )

    # -- buckets ---------------------------------------------------------------------------------

    def create_bucket(self, name: str) -> None:
        """Create bucket ``name``; do nothing if this account already owns it.

        Raises :class:`BucketAlreadyExists` when another account owns the name.
        """
        check_bucket(name)
        client = self._client()
        try:
            with self._translating("CreateBucket", name):
                client.create_bucket(Bucket=name)
        except BucketAlreadyExists:
            # Some Ceph setups answer BucketAlreadyExists even to the owner: tell them apart by access.
            try:
                owned = self.bucket_exists(name)
            except StorageAccessDenied:
                owned = False
            if not owned:
                raise
        except StorageError as exc:
            if exc.code != "BucketAlreadyOwnedByYou":
                raise

    def delete_bucket(self, name: str, *, force: bool = False) -> None:
        """Delete bucket ``name``.

        A non-empty bucket raises :class:`BucketNotEmpty` unless ``force=True``, which first aborts
        unfinished multipart uploads and deletes every object, every version and every delete
        marker, 1,000 per request.
        """
        check_bucket(name)
        if force:
            self._empty_bucket(name)
        with self._translating("DeleteBucket", name):
            self._client().delete_bucket(Bucket=name)

    def _empty_bucket(self, name: str) -> None:
        client = self._client()
        with self._translating("ListMultipartUploads", name):
            for page in client.get_paginator("list_multipart_uploads").paginate(Bucket=name):
                for upload in page.get("Uploads", []):
                    with self._translating("AbortMultipartUpload", name, upload["Key"]):
                        client.abort_multipart_upload(
                            Bucket=name, Key=upload["Key"], UploadId=upload["UploadId"]
                        )
        with self._translating("GetBucketVersioning", name):
            versioned = "Status" in client.get_bucket_versioning(Bucket=name)
        batch: list[ObjectIdentifierTypeDef] = []
        if versioned:
            with self._translating("ListObjectVersions", name):
                for vpage in client.get_paginator("list_object_versions").paginate(Bucket=name):
                    for entry in (*vpage.get("Versions", []), *vpage.get("DeleteMarkers", [])):
                        batch.append({"Key": entry["Key"], "VersionId": entry["VersionId"]})
                        if len(batch) == _DELETE_BATCH:
                            self._delete_batch(name, batch)
                            batch = []
        else:
            for info in self.list_objects(name):
                batch.append({"Key": info.key})
                if len(batch) == _DELETE_BATCH:
                    self._delete_batch(name, batch)
                    batch = []
        if batch:
            self._delete_batch(name, batch)

    def _delete_batch(self, bucket: str, batch: list[ObjectIdentifierTypeDef]) -> None:
        with self._translating("DeleteObjects", bucket):
            answer = self._client().delete_objects(Bucket=bucket, Delete={"Objects": batch, "Quiet": True})
        errors = answer.get("Errors", [])
        if errors:
            first = errors[0]
            raise StorageError(
                f"{len(errors)} of {len(batch)} deletions failed, first: {first.get('Message', '')}".strip(),
                bucket=bucket,
                key=first.get("Key"),
                code=first.get("Code"),
                operation="DeleteObjects",
            )

    def buckets(self) -> list[BucketInfo]:
        """Every bucket of the account."""
        client = self._client()
        out: list[BucketInfo] = []
        with self._translating("ListBuckets"):
            for page in client.get_paginator("list_buckets").paginate():
                out.extend(BucketInfo(name=b["Name"], created=b.get("CreationDate")) for b in page["Buckets"])
        return out

    def bucket_exists(self, name: str) -> bool:
        """Whether bucket ``name`` exists and is accessible (a ``HeadBucket``; creates nothing).

        Raises :class:`StorageAccessDenied` when it exists but belongs to someone else.
        """
        check_bucket(name)
        try:
            with self._translating("HeadBucket", name):
                self._client().head_bucket(Bucket=name)
        except BucketNotFound:
            return False
        return True

    # -- objects ---------------------------------------------------------------------------------

    def list_objects(self, bucket: str, prefix: str = "") -> Iterator[ObjectInfo]:
        """Objects of ``bucket`` whose key starts with ``prefix``, fetched page by page as iterated.

        ``prefix`` is a plain S3 prefix (``"a/b"`` also matches ``"a/bc"``). A missing bucket
        raises :class:`BucketNotFound` when iteration starts.
        """
        return _flatten(self._list_pages(bucket, prefix))

    def _list_pages(self, bucket: str, prefix: str) -> Iterator[list[ObjectInfo]]:
        check_bucket(bucket)
        if not isinstance(prefix, str):
            raise InvalidValueError("prefix", [Problem(repr(prefix), "must be a string")])
        return self._iter_pages(bucket, prefix)

    def _iter_pages(self, bucket: str, prefix: str) -> Iterator[list[ObjectInfo]]:
        paginator = self._client().get_paginator("list_objects_v2")
        pages = iter(paginator.paginate(Bucket=bucket, Prefix=prefix))
        while True:
            with self._translating("ListObjectsV2", bucket):
                page = next(pages, None)
            if page is None:
                return
            yield [
                ObjectInfo(
                    bucket=bucket,
                    key=item["Key"],
                    size=item["Size"],
                    etag=normalise_etag(item.get("ETag", "")),
                    last_modified=item["LastModified"],
                )
                for item in page.get("Contents", [])
            ]

    def head_object(self, bucket: str, key: str) -> ObjectInfo:
        """Metadata of one object; :class:`ObjectNotFound` or :class:`BucketNotFound` if missing."""
        check_bucket(bucket)
        check_key(key)
        try:
            with self._translating("HeadObject", bucket, key):
                head = self._client().head_object(Bucket=bucket, Key=key)
        except ObjectNotFound:
            # A HEAD 404 has no body: ask the bucket to tell a missing bucket from a missing key.
            if not self.bucket_exists(bucket):
                raise BucketNotFound(
                    "bucket not found", bucket=bucket, key=key, code="NoSuchBucket", operation="HeadObject"
                ) from None
            raise
        return ObjectInfo(
            bucket=bucket,
            key=key,
            size=head["ContentLength"],
            etag=normalise_etag(head.get("ETag", "")),
            last_modified=head["LastModified"],
        )

    def object_exists(self, bucket: str, key: str) -> bool:
        """Whether ``key`` exists in ``bucket``; a missing bucket raises :class:`BucketNotFound`."""
        try:
            self.head_object(bucket, key)
        except ObjectNotFound:
            return False
        return True

    def upload_file(
        self,
        path: StrPath,
        bucket: str,
        key: str | None = None,
        *,
        progress: ProgressCallback | None = None,
        show_progress: bool | None = None,
    ) -> str:
        """Upload one local file (multipart above the threshold) and return its key.

        ``key`` defaults to the file's name.
        """
        local = Path(path)
        check_bucket(bucket)
        target = check_key(key if key is not None else local.name)
        size = _regular_file_size(local)
        self._batch(progress, show_progress).run(
            [TransferJob("upload", bucket, target, local, size)], description="uploading"
        )
        return target

    def upload_files(
        self,
        files: Mapping[str, StrPath],
        bucket: str,
        *,
        progress: ProgressCallback | None = None,
        show_progress: bool | None = None,
    ) -> list[str]:
        """Upload many files concurrently (``{key: local path}``) and return the keys uploaded."""
        check_bucket(bucket)
        jobs = []
        for key, path in files.items():
            local = Path(path)
            jobs.append(TransferJob("upload", bucket, check_key(key), local, _regular_file_size(local)))
        batch = self._batch(progress, show_progress)
        batch.run(jobs, description="uploading")
        return [job.key for job in batch.completed]

    def upload_bytes(self, data: bytes, bucket: str, key: str) -> None:
        """Store ``data`` as object ``key`` (multipart above the threshold)."""
        check_bucket(bucket)
        check_key(key)
        if not isinstance(data, bytes | bytearray | memoryview):
            raise InvalidValueError("object data", [Problem(type(data).__name__, "must be bytes")])
        client = self._client()
        with (
            self._translating("PutObject", bucket, key),
            create_transfer_manager(client, self.transfer_settings.transfer_config()) as manager,
        ):
            manager.upload(io.BytesIO(bytes(data)), bucket, key).result()

    def download_file(
        self,
        bucket: str,
        key: str,
        path: StrPath,
        *,
        progress: ProgressCallback | None = None,
        show_progress: bool | None = None,
    ) -> Path:
        """Download one object to ``path`` atomically (temporary file + rename) and return the path.

        Parent directories are created; the file's mtime is set to the object's ``LastModified``.
        """
        info = self.head_object(bucket, key)
        target = Path(path)
        job = TransferJob("download", bucket, key, target, info.size, mtime_ns=info.last_modified_ns)
        self._batch(progress, show_progress).run([job], description="downloading")
        return target

    def download_bytes(self, bucket: str, key: str) -> bytes:
        """Return the whole content of one object, in memory."""
        with self.open_object(bucket, key) as stream:
            return stream.read()

    def open_object(self, bucket: str, key: str) -> BinaryIO:
        """Open a buffered, read-only file object streaming the object (close it, or use ``with``)."""
        check_bucket(bucket)
        check_key(key)
        with self._translating("GetObject", bucket, key):
            body = self._client().get_object(Bucket=bucket, Key=key)["Body"]

        def fail(exc: BaseException) -> StorageError:
            error = translate(
                exc, operation="GetObject", bucket=bucket, key=key, redact=self._connection.redact
            )
            return (
                error if isinstance(error, StorageError) else StorageError(str(error), bucket=bucket, key=key)
            )

        return io.BufferedReader(_ObjectReader(body, fail), buffer_size=256 * 1024)

    def iter_object(self, bucket: str, key: str, chunk_size: int = 1024 * 1024) -> Iterator[bytes]:
        """Yield the object's content as chunks of at most ``chunk_size`` bytes, read as iterated."""
        _check_chunk_size(chunk_size)
        return _chunks(self.open_object(bucket, key), chunk_size)

    def delete_object(self, bucket: str, key: str) -> None:
        """Delete one object (deleting a missing key is not an error, as in S3)."""
        check_bucket(bucket)
        check_key(key)
        with self._translating("DeleteObject", bucket, key):
            self._client().delete_object(Bucket=bucket, Key=key)

    def delete_objects(self, bucket: str, keys: Iterable[str]) -> int:
        """Delete many objects, 1,000 per request; return how many keys were sent."""
        check_bucket(bucket)
        batch: list[ObjectIdentifierTypeDef] = []
        count = 0
        for key in keys:
            batch.append({"Key": check_key(key)})
            count += 1
            if len(batch) == _DELETE_BATCH:
                self._delete_batch(bucket, batch)
                batch = []
        if batch:
            self._delete_batch(bucket, batch)
        return count

    def copy_object(self, src_bucket: str, src_key: str, dst_bucket: str, dst_key: str) -> None:
        """Copy an object server-side (multipart copy above the threshold)."""
        for b in (src_bucket, dst_bucket):
            check_bucket(b)
        for k in (src_key, dst_key):
            check_key(k)
        client = self._client()
        try:
            with create_transfer_manager(client, self.transfer_settings.transfer_config()) as manager:
                manager.copy({"Bucket": src_bucket, "Key": src_key}, dst_bucket, dst_key).result()
        except _TRANSLATED as exc:
            # The manager first reads the source (HeadObject): name the object the error is about.
            about_source = isinstance(exc, ClientError) and exc.operation_name == "HeadObject"
            bucket, key = (src_bucket, src_key) if about_source else (dst_bucket, dst_key)
            raise translate(
                exc, operation="CopyObject", bucket=bucket, key=key, redact=self._connection.redact
            ) from exc

    # -- sync ------------------------------------------------------------------------------------

    def sync_up(
        self,
        local_dir: StrPath,
        bucket: str,
        prefix: str = "",
        *,
        delete: bool = False,
        dry_run: bool = False,
        include: Iterable[str] | str = (),
        exclude: Iterable[str] | str = (),
        compare: Literal["etag", "size_mtime"] = "etag",
        progress: ProgressCallback | None = None,
        show_progress: bool | None = None,
    ) -> SyncResult:
        """Make ``bucket/prefix`` hold the files of ``local_dir``; upload only what differs.

        ``prefix`` is a folder (``"runs/1"`` means ``"runs/1/"``). Files are compared by size and
        ETag (multipart-aware; hashing is skipped for files unchanged since the last sync thanks to
        a local cache) or, with ``compare="size_mtime"``, by size and modification time. Remote
        objects absent locally are deleted only with ``delete=True``; ``dry_run=True`` returns the
        plan and changes nothing. ``include``/``exclude`` are glob patterns on relative paths.
        Interrupted syncs resume: files already uploaded are not uploaded again.

        A sync that changes nothing costs one listing request (``ListObjectsV2``) per 1,000 keys
        under the prefix and nothing else: no bucket check, no ``HeadObject``, no re-listing.
        """
        return _sync.sync_up(
            self,
            Path(local_dir),
            bucket,
            prefix,
            options=_sync.SyncOptions.of(
                delete=delete,
                dry_run=dry_run,
                include=include,
                exclude=exclude,
                compare=compare,
                progress=progress,
                show_progress=show_progress,
            ),
        )

    def sync_down(
        self,
        bucket: str,
        prefix: str,
        local_dir: StrPath,
        *,
        delete: bool = False,
        dry_run: bool = False,
        include: Iterable[str] | str = (),
        exclude: Iterable[str] | str = (),
        compare: Literal["etag", "size_mtime"] = "etag",
        progress: ProgressCallback | None = None,
        show_progress: bool | None = None,
    ) -> SyncResult:
        """Make ``local_dir`` hold the objects under ``bucket/prefix``; download only what differs.

        The mirror image of :meth:`sync_up`: downloads are atomic, local files absent remotely are
        deleted only with ``delete=True``, and keys that are not safe relative paths (``..``,
        backslashes…) raise :class:`InvalidValueError` unless excluded. As for :meth:`sync_up`, a
        sync that changes nothing costs one listing request per 1,000 keys and nothing else.
        """
        return _sync.sync_down(
            self,
            bucket,
            prefix,
            Path(local_dir),
            options=_sync.SyncOptions.of(
                delete=delete,
                dry_run=dry_run,
                include=include,
                exclude=exclude,
                compare=compare,
                progress=progress,
                show_progress=show_progress,
            ),
        )

    # -- task helpers ----------------------------------------------------------------------------

    def upload_task_inputs(
        self,
        inputs: StrPath | Sequence[StrPath],
        bucket: str,
        prefix: str = "",
        *,
        strip_prefix: bool = True,
        cache_ttl_sec: int | None = None,
        create_bucket: bool = True,
        progress: ProgressCallback | None = None,
        show_progress: bool | None = None,
    ) -> list[dict[str, Any]]:
        """Upload a task's inputs and return the ``advancedResourceBuckets`` list referencing them.

        See :func:`qarnot_ext.storage.upload_task_inputs`.
        """
        return _resources.upload_task_inputs(
            self,
            inputs,
            bucket,
            prefix,
            strip_prefix=strip_prefix,
            cache_ttl_sec=cache_ttl_sec,
            create_bucket=create_bucket,
            progress=progress,
            show_progress=show_progress,
        )

    def download_task_results(
        self,
        task: Mapping[str, Any] | SupportsToDict,
        local_dir: StrPath,
        *,
        delete: bool = False,
        dry_run: bool = False,
        include: Iterable[str] | str = (),
        exclude: Iterable[str] | str = (),
        progress: ProgressCallback | None = None,
        show_progress: bool | None = None,
    ) -> SyncResult:
        """Download the results of a task document into ``local_dir`` (only what changed).

        See :func:`qarnot_ext.storage.task_results_location` for where results are looked for.
        """
        return _resources.download_task_results(
            self,
            task,
            Path(local_dir),
            options=_sync.SyncOptions.of(
                delete=delete,
                dry_run=dry_run,
                include=include,
                exclude=exclude,
                compare="etag",
                progress=progress,
                show_progress=show_progress,
            ),
        )

    def open_task_result(self, task: Mapping[str, Any] | SupportsToDict, name: str) -> BinaryIO:
        """Stream one result file of a task; ``name`` is as :meth:`download_task_results` names it."""
        bucket, keys = _resources.task_result_keys(task, name)
        for key in keys[:-1]:
            with contextlib.suppress(ObjectNotFound):
                return self.open_object(bucket, key)
        return self.open_object(bucket, keys[-1])

    def iter_task_result(
        self, task: Mapping[str, Any] | SupportsToDict, name: str, chunk_size: int = 1024 * 1024
    ) -> Iterator[bytes]:
        """Yield one result file of a task as byte chunks (see :meth:`open_task_result`)."""
        _check_chunk_size(chunk_size)
        return _chunks(self.open_task_result(task, name), chunk_size)


def _flatten(pages: Iterator[list[ObjectInfo]]) -> Iterator[ObjectInfo]:
    for page in pages:
        yield from page


def _chunks(stream: BinaryIO, chunk_size: int) -> Iterator[bytes]:
    with stream:
        while chunk := stream.read(chunk_size):
            yield chunk


def _regular_file_size(path: Path) -> int:
    try:
        st = path.stat()
    except OSError as exc:
        raise InvalidValueError(
            "local file", [Problem(str(path), f"cannot be read: {exc.strerror or exc}")]
        ) from None
    if not path.is_file():
        raise InvalidValueError("local file", [Problem(str(path), "is not a regular file")])
    return st.st_size


def _check_chunk_size(chunk_size: object) -> None:
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size <= 0:
        raise InvalidValueError("chunk size", [Problem(repr(chunk_size), "must be a positive integer")])
