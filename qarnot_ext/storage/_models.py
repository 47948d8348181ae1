"""Value types returned by the storage layer."""

from __future__ import annotations

import calendar
from datetime import datetime
from pathlib import Path
from typing import Literal

import attrs

__all__ = ["BucketInfo", "ObjectInfo", "SyncAction", "SyncResult", "datetime_to_ns"]


def datetime_to_ns(when: datetime) -> int:
    """Nanoseconds since the epoch of an aware ``datetime``, exactly (no float rounding)."""
    return calendar.timegm(when.utctimetuple()) * 1_000_000_000 + when.microsecond * 1000


@attrs.frozen
class BucketInfo:
    """A bucket of the account."""

    name: str
    created: datetime | None = None


@attrs.frozen
class ObjectInfo:
    """An object as listed: ``etag`` is unquoted; ``last_modified`` is timezone-aware."""

    bucket: str
    key: str
    size: int
    etag: str
    last_modified: datetime

    @property
    def last_modified_ns(self) -> int:
        """``last_modified`` in nanoseconds since the epoch."""
        return datetime_to_ns(self.last_modified)


SyncOp = Literal["upload", "download", "delete_remote", "delete_local"]
SyncReason = Literal["new", "size", "etag", "mtime", "extra"]


@attrs.frozen
class SyncAction:
    """One step of a sync plan.

    Attributes:
        op: ``upload``, ``download``, ``delete_remote`` or ``delete_local``.
        key: the object key.
        path: the local path.
        size: bytes to transfer (for deletes, the size of what is deleted).
        reason: ``new`` (missing on the other side), ``size``/``etag``/``mtime`` (differs),
            ``extra`` (absent from the source side: deleted only with ``delete=True``).

    """

    op: SyncOp
    key: str
    path: Path
    size: int
    reason: SyncReason


@attrs.frozen
class SyncResult:
    """What a sync planned and what it did.

    Attributes:
        plan: every action the comparison called for, in execution order.
        done: the actions carried out (empty for a dry run).
        unchanged: how many files were already identical on both sides.
        dry_run: whether this was a dry run.

    """

    plan: tuple[SyncAction, ...]
    done: tuple[SyncAction, ...]
    unchanged: int
    dry_run: bool

    @property
    def transferred(self) -> tuple[str, ...]:
        """Keys uploaded or downloaded."""
        return tuple(a.key for a in self.done if a.op in ("upload", "download"))

    @property
    def deleted(self) -> tuple[str, ...]:
        """Keys whose remote object or local file was deleted."""
        return tuple(a.key for a in self.done if a.op in ("delete_remote", "delete_local"))

    @property
    def bytes_transferred(self) -> int:
        """Bytes uploaded or downloaded."""
        return sum(a.size for a in self.done if a.op in ("upload", "download"))
