"""The storage side of the emulator: a moto S3 server, bucket ownership, and the scheduler's S3 client.

moto accepts any credentials and has one global bucket namespace, so tenants are separated by the
emulator's S3 gateway (``_s3gate.py``), which sits in front of moto and is the only S3 endpoint users
see. The :class:`BucketRegistry` here records which tenant owns which bucket; the gateway and the
scheduler both consult it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types_boto3_s3 import S3Client
    from types_boto3_s3.type_defs import ObjectIdentifierTypeDef

__all__ = ["BucketRegistry", "MotoServer", "S3Backend", "release_deleted_objects"]

# An object unreachable from every bucket for this long was deleted (or overwritten): a key being
# stored is put into its bucket within milliseconds of its creation.
_DEAD_AFTER_SECONDS = 5.0
_release_lock = threading.Lock()


def _live_keys(bucket: Any) -> Iterable[Any]:
    for _, versions in bucket.keys.iterlists():
        for key in versions:
            yield key
            multipart = getattr(key, "multipart", None)
            if multipart is not None:
                yield from multipart.parts.values()
    for upload in bucket.multiparts.values():
        yield from upload.parts.values()


def release_deleted_objects(grace: float = _DEAD_AFTER_SECONDS) -> int:
    """Let moto forget the objects of deleted buckets and deleted or overwritten keys; return how many.

    moto tracks every model instance it ever created (``instances_tracked``, for its dashboard), so
    deleted objects and their buffers stay in memory for the life of the process. This drops, from
    the tracking lists of moto's S3 keys, buckets and ACLs, the instances no live bucket reaches,
    and closes the buffers of keys dead for a few seconds (not younger ones: a key being stored is
    not in its bucket yet; ``grace`` seconds).
    """
    import datetime as dt

    from moto.s3 import models

    with _release_lock:
        live: set[int] = set()
        for regions in list(models.s3_backends.values()):
            for backend in list(regions.values()):
                for bucket in list(backend.buckets.values()):
                    live.add(id(bucket))
                    owners = [bucket, *_live_keys(bucket)]
                    for owner in owners:
                        live.add(id(owner))
                        acl = getattr(owner, "acl", None)
                        if acl is not None:
                            live.add(id(acl))
                            for grant in getattr(acl, "grants", []):
                                live.add(id(grant))
                                live.update(id(g) for g in getattr(grant, "grantees", []))
        cutoff = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(seconds=grace)
        released = 0
        classes: tuple[Any, ...] = (
            models.FakeKey,
            models.FakeBucket,
            models.FakeAcl,
            models.FakeGrant,
            models.FakeGrantee,
        )
        for cls in classes:
            tracked = list(cls.instances_tracked)
            keep = []
            for instance in tracked:
                if id(instance) in live:
                    keep.append(instance)
                elif cls is models.FakeKey and instance.last_modified > cutoff:
                    keep.append(instance)  # maybe still being stored: look again next time
                else:
                    if cls is models.FakeKey:
                        instance.dispose()
                    released += 1
            # Instances created while this ran were appended to the old list: keep them.
            cls.instances_tracked = keep + cls.instances_tracked[len(tracked) :]
        return released


_log = logging.getLogger("qarnot_ext.emulator")


class BucketRegistry:
    """Which tenant (email, lower case) owns each bucket. Bucket names are global, as on S3 and Ceph."""

    def __init__(self) -> None:
        self._owners: dict[str, str] = {}
        self._lock = threading.Lock()

    def owner(self, bucket: str) -> str | None:
        """The owner of ``bucket``, or ``None`` when no tenant created it."""
        with self._lock:
            return self._owners.get(bucket)

    def claim(self, bucket: str, email: str) -> bool:
        """Record ``email`` as the owner unless another tenant owns the bucket; return whether it does now."""
        with self._lock:
            current = self._owners.setdefault(bucket, email.lower())
            return current == email.lower()

    def release(self, bucket: str) -> None:
        """Forget a deleted bucket."""
        with self._lock:
            self._owners.pop(bucket, None)

    def owned_by(self, email: str) -> list[str]:
        """The buckets of one tenant, sorted."""
        with self._lock:
            return sorted(b for b, owner in self._owners.items() if owner == email.lower())

    def names(self) -> list[str]:
        """Every bucket a tenant owns, sorted."""
        with self._lock:
            return sorted(self._owners)

    def clear(self) -> None:
        """Forget every bucket (with a moto reset)."""
        with self._lock:
            self._owners.clear()


class MotoServer:
    """moto's ``ThreadedMotoServer`` on loopback, started in the background (its import takes ~1 s).

    Pass ``url`` to reuse a moto server that is already running (it is then neither started nor
    stopped here).
    """

    def __init__(self, host: str = "127.0.0.1", url: str | None = None) -> None:
        self._host = host
        self._url = url
        self._server: Any = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        if url is not None:
            self._ready.set()

    @property
    def in_process(self) -> bool:
        """Whether moto runs in this process (started here, not reached by URL)."""
        return self._thread is not None

    @property
    def started(self) -> bool:
        """Whether a moto server was started here (or given by URL)."""
        return self._thread is not None or self._url is not None

    def start(self) -> None:
        """Start moto in a background thread (returns at once)."""
        if self._ready.is_set() or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="qarnot-emulator-moto", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            # moto's werkzeug server logs one INFO line per request: keep the emulator quiet.
            logging.getLogger("werkzeug").setLevel(logging.WARNING)
            # Imported in this background thread: moto's import is the slowest part of a start (~1 s).
            from moto.server import ThreadedMotoServer

            server = ThreadedMotoServer(ip_address=self._host, port=0, verbose=False)
            server.start()
            host, port = server.get_host_and_port()
            self._server = server
            self._url = f"http://{host}:{port}"
        except BaseException as exc:
            self._error = exc
        finally:
            self._ready.set()

    def wait(self, timeout: float = 30.0) -> str:
        """Block until moto is up and return its URL."""
        if not self._ready.wait(timeout):
            raise TimeoutError("moto did not start in time")
        if self._error is not None:
            raise RuntimeError(f"moto failed to start: {self._error!r}") from self._error
        assert self._url is not None
        return self._url

    def stop(self) -> None:
        """Stop moto if it was started here."""
        if self._thread is not None:
            self._ready.wait(30.0)
            self._thread.join(30.0)
        if self._server is not None:
            self._server.stop()
            self._server = None


class S3Backend:
    """The scheduler's S3 client: talks to moto directly (the platform itself is not a tenant)."""

    def __init__(self, moto: MotoServer) -> None:
        self._moto = moto
        self._client: S3Client | None = None
        self._lock = threading.Lock()

    def _s3(self) -> S3Client:
        with self._lock:
            if self._client is None:
                # boto3 takes ~0.3 s to import: paid on the first S3 use, not at the emulator's start.
                import boto3
                from botocore.config import Config

                self._client = boto3.client(
                    "s3",
                    endpoint_url=self._moto.wait(),
                    aws_access_key_id="qarnot-emulator",
                    aws_secret_access_key="qarnot-emulator",  # noqa: S106 - moto ignores credentials
                    region_name="us-east-1",
                    config=Config(
                        s3={"addressing_style": "path"},
                        signature_version="s3v4",
                        request_checksum_calculation="when_required",
                        response_checksum_validation="when_required",
                        retries={"max_attempts": 2},
                    ),
                )
            return self._client

    def exists(self, bucket: str) -> bool:
        """Whether the bucket exists in moto."""
        from botocore.exceptions import ClientError  # with boto3, see _s3()

        try:
            self._s3().head_bucket(Bucket=bucket)
        except ClientError:
            return False
        return True

    def create(self, bucket: str) -> None:
        """Create a bucket (no error if it exists)."""
        from botocore.exceptions import ClientError  # with boto3, see _s3()

        try:
            self._s3().create_bucket(Bucket=bucket)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") not in (
                "BucketAlreadyOwnedByYou",
                "BucketAlreadyExists",
            ):
                raise

    def list(self, bucket: str, prefix: str = "") -> list[tuple[str, int]]:
        """Every object (key, size) under ``prefix``."""
        out: list[tuple[str, int]] = []
        paginator = self._s3().get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
            out.extend((item["Key"], int(item["Size"])) for item in page.get("Contents", []))
        return out

    def put(self, bucket: str, key: str, data: bytes) -> None:
        """Write one object."""
        self._s3().put_object(Bucket=bucket, Key=key, Body=data)

    def purge(self, buckets: Iterable[str]) -> None:
        """Empty (every version and delete marker) and delete ``buckets``; missing ones are skipped.

        moto keeps its state per process, not per server: without this, the next emulator started
        in the same process would find the buckets (and objects) of this one.
        """
        from botocore.exceptions import ClientError  # with boto3, see _s3()

        s3 = self._s3()
        for bucket in buckets:
            try:
                for page in s3.get_paginator("list_object_versions").paginate(Bucket=bucket):
                    doomed: list[ObjectIdentifierTypeDef] = [
                        {"Key": item["Key"], "VersionId": item["VersionId"]}
                        for item in [*page.get("Versions", []), *page.get("DeleteMarkers", [])]
                    ]
                    for start in range(0, len(doomed), 1000):
                        s3.delete_objects(Bucket=bucket, Delete={"Objects": doomed[start : start + 1000]})
                s3.delete_bucket(Bucket=bucket)
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") != "NoSuchBucket":
                    raise

    def size(self, buckets: Iterable[str]) -> int:
        """Total bytes stored in ``buckets``."""
        return sum(size for bucket in buckets if self.exists(bucket) for _, size in self.list(bucket))
