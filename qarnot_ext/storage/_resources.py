"""Task helpers over plain task documents (dicts): resource buckets in, results out.

Wire shapes, from the API reference (task and pool inputs and outputs):

* ``advancedResourceBuckets`` is a list of ``ResourcesBucket`` objects::

      {"bucketName": "bucket",
       "filtering": {"prefixFiltering": {"prefix": "some/path/in/bucket/"}},
       "resourcesTransformation": {"stripPrefix": {"prefix": "some/prefix/to/remove"}},
       "cacheTTLSec": 2592000}

  ``filtering`` exposes only the keys under the prefix to the task, ``stripPrefix`` removes a
  prefix from the paths the task sees, ``cacheTTLSec`` is how long nodes may cache the resources.
* A task's results go to ``resultBucket`` (the field the task input and output carry; the official
  SDK reads only this one); task documents also have ``resultsBucket`` and ``resultsBucketPrefix``
  ("prefix to add to bucket for results"): when ``resultBucket`` is empty we fall back to
  ``resultsBucket``, and results are looked for under ``resultsBucketPrefix`` when it is set.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from qarnot_ext._errors import InvalidValueError, Problem
from qarnot_ext.storage._paths import check_bucket, check_key, folder_prefix
from qarnot_ext.storage._sync import SyncOptions, sync_down_raw

if TYPE_CHECKING:
    from qarnot_ext.storage._models import SyncResult
    from qarnot_ext.storage._storage import Storage, StrPath
    from qarnot_ext.storage._transfer import ProgressCallback

__all__ = [
    "download_task_results",
    "resource_bucket",
    "task_result_keys",
    "task_results_location",
    "upload_task_inputs",
]


def resource_bucket(
    bucket: str,
    *,
    prefix: str | None = None,
    strip_prefix: str | None = None,
    cache_ttl_sec: int | None = None,
) -> dict[str, Any]:
    """One ``advancedResourceBuckets`` entry (see the module docstring for the wire shape).

    ``prefix`` restricts the task to keys under it (``filtering.prefixFiltering``), ``strip_prefix``
    removes a prefix from the paths the task sees (``resourcesTransformation.stripPrefix``),
    ``cache_ttl_sec`` sets ``cacheTTLSec``. Unset parts are left out of the document.
    """
    check_bucket(bucket)
    problems: list[Problem] = []
    for name, value in (("prefix", prefix), ("strip_prefix", strip_prefix)):
        if value is not None and (not isinstance(value, str) or not value):
            problems.append(Problem(repr(value), f"{name} must be a non-empty string"))
        elif isinstance(value, str) and "\\" in value:
            problems.append(Problem(value, f"{name} must use '/' as the separator", value.index("\\")))
    if cache_ttl_sec is not None and (
        isinstance(cache_ttl_sec, bool)
        or not isinstance(cache_ttl_sec, int)
        or not 0 <= cache_ttl_sec < 2**31
    ):
        problems.append(Problem(repr(cache_ttl_sec), "cache_ttl_sec must be an int32 number of seconds >= 0"))
    if problems:
        raise InvalidValueError("resource bucket", problems)
    doc: dict[str, Any] = {"bucketName": bucket}
    if prefix is not None:
        doc["filtering"] = {"prefixFiltering": {"prefix": prefix}}
    if strip_prefix is not None:
        doc["resourcesTransformation"] = {"stripPrefix": {"prefix": strip_prefix}}
    if cache_ttl_sec is not None:
        doc["cacheTTLSec"] = cache_ttl_sec
    return doc


class SupportsToDict(Protocol):
    """A typed document (e.g. a generated model) that renders itself as its wire mapping."""

    def to_dict(self) -> dict[str, Any]:
        """The wire form of the document."""
        ...


def as_task_document(task: Mapping[str, Any] | SupportsToDict) -> Mapping[str, Any]:
    """The wire mapping of a task document or typed task; a clear error for anything else."""
    if isinstance(task, Mapping):
        return task
    to_dict = getattr(task, "to_dict", None)
    if callable(to_dict):
        doc = to_dict()
        if isinstance(doc, Mapping):
            return doc
    raise InvalidValueError(
        "task document", [Problem(type(task).__name__, "must be a mapping or have to_dict()")]
    )


def task_results_location(task: Mapping[str, Any] | SupportsToDict) -> tuple[str, str]:
    """``(bucket, prefix)`` where a task's results live.

    ``task`` is a task document (a mapping) or a typed task (anything with ``to_dict()``, such as
    what ``Qarnot.tasks.get`` returns). The bucket is ``resultBucket`` (else ``resultsBucket``);
    the prefix is ``resultsBucketPrefix`` or ``""``. Raises :class:`InvalidValueError` when the
    task has no result bucket.
    """
    task = as_task_document(task)
    bucket = task.get("resultBucket") or task.get("resultsBucket")
    if not isinstance(bucket, str) or not bucket:
        name = task.get("uuid") or task.get("shortname") or "task"
        raise InvalidValueError(
            "task document", [Problem(str(name), "has no result bucket (resultBucket / resultsBucket)")]
        )
    prefix = task.get("resultsBucketPrefix") or ""
    if not isinstance(prefix, str):
        raise InvalidValueError(
            "task document", [Problem(repr(prefix), "resultsBucketPrefix must be a string")]
        )
    return check_bucket(bucket), prefix


def task_result_keys(task: Mapping[str, Any] | SupportsToDict, name: str) -> tuple[str, list[str]]:
    """``(bucket, candidate keys)`` of result file ``name``, as :func:`download_task_results` names it.

    A downloaded result's name is its key without the results prefix and without a ``/`` right
    after it. So for a prefix that does not end with ``/``, ``name`` may be under ``prefix + "/"``
    (tried first) or glued to the prefix (``run-`` + ``out.txt``).
    """
    bucket, prefix = task_results_location(task)
    if not isinstance(name, str) or not name or name.startswith("/") or "\\" in name:
        raise InvalidValueError("result name", [Problem(repr(name), "must be a relative '/'-separated path")])
    if not prefix or prefix.endswith("/"):
        return bucket, [check_key(prefix + name)]
    return bucket, [check_key(f"{prefix}/{name}"), check_key(prefix + name)]


def upload_task_inputs(
    storage: Storage,
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
    """Upload a task's inputs under ``bucket/prefix`` and return its ``advancedResourceBuckets``.

    ``inputs`` is a directory (synced: unchanged files are not uploaded again) or a list of files
    (uploaded under their names; two files with one name are an error). The returned list holds
    one entry that exposes exactly ``prefix`` to the task, with the prefix stripped from the
    paths the task sees unless ``strip_prefix=False``. The bucket is created first (idempotent)
    unless ``create_bucket=False``.
    """
    pfx = folder_prefix(prefix)
    check_bucket(bucket)
    if isinstance(inputs, str | os.PathLike):
        root = Path(inputs)
        if not root.is_dir():
            raise InvalidValueError("task inputs", [Problem(str(root), "is not a directory")])
        files: dict[str, Path] | None = None
    else:
        files = {}
        duplicates: list[Problem] = []
        for item in inputs:
            path = Path(item)
            if path.name in files:
                duplicates.append(Problem(str(path), f"has the same name as {files[path.name]}"))
            files[path.name] = path
        if duplicates:
            raise InvalidValueError("task inputs", duplicates)
    if create_bucket:
        storage.create_bucket(bucket)
    if files is None:
        storage.sync_up(root, bucket, pfx, progress=progress, show_progress=show_progress)
    else:
        storage.upload_files(
            {pfx + name: path for name, path in files.items()},
            bucket,
            progress=progress,
            show_progress=show_progress,
        )
    entry = resource_bucket(
        bucket,
        prefix=pfx or None,
        strip_prefix=pfx if (strip_prefix and pfx) else None,
        cache_ttl_sec=cache_ttl_sec,
    )
    return [entry]


def download_task_results(
    storage: Storage, task: Mapping[str, Any] | SupportsToDict, local_dir: Path, *, options: SyncOptions
) -> SyncResult:
    """Sync a task's results (see :func:`task_results_location`) into ``local_dir``.

    The results prefix is stripped from the local paths, with the ``/`` that may follow it.
    """
    bucket, prefix = task_results_location(task)
    return sync_down_raw(storage, bucket, prefix, local_dir, options=options, strip_slash=True)
