"""Directory <-> prefix synchronisation: O(n) planning with dictionaries, then bounded transfers.

Planning lists the remote prefix once (lazily, page by page) into a ``{relative path: object}``
dict, walks the local directory into a ``{relative path: file}`` dict and compares entry by entry:
size first, then the ETag (multipart-aware, see ``_etag``) or, with ``compare="size_mtime"``, the
modification time. Local ETags come from the cache in ``_state`` when the file is unchanged since
it was last read, so a sync with nothing to do reads no file content; the files that must be hashed
are hashed in parallel. Planning sends no request besides the listing (no bucket check, no
``HeadObject``): a sync with nothing to do costs one ``ListObjectsV2`` per 1,000 keys.

Execution transfers first and deletes last (only with ``delete=True``), so an interrupted sync has
never deleted anything it was about to replace. What completed before an interruption is recorded
in the cache and, being identical on both sides, is skipped by the next run: syncs are resumable.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import attrs

from qarnot_ext._errors import InvalidValueError, Problem
from qarnot_ext.storage._etag import (
    candidate_part_sizes,
    compute_etags,
    effective_part_size,
    normalise_etag,
    parts_in_etag,
)
from qarnot_ext.storage._models import ObjectInfo, SyncAction, SyncReason, SyncResult
from qarnot_ext.storage._paths import (
    LocalFile,
    PathFilter,
    check_bucket,
    folder_prefix,
    key_problem,
    local_target,
    scan_local,
)
from qarnot_ext.storage._state import EtagCache, FileStamp
from qarnot_ext.storage._transfer import ProgressCallback, TransferJob

if TYPE_CHECKING:
    from qarnot_ext.storage._client import TransferSettings
    from qarnot_ext.storage._storage import Storage

__all__ = ["SyncOptions", "sync_down", "sync_down_raw", "sync_up"]

logger = logging.getLogger("qarnot_ext.storage")

Compare = Literal["etag", "size_mtime"]


@attrs.frozen
class SyncOptions:
    """The knobs shared by both sync directions (validated once)."""

    delete: bool
    dry_run: bool
    filter: PathFilter
    compare: Compare
    progress: ProgressCallback | None
    show_progress: bool | None

    @classmethod
    def of(
        cls,
        *,
        delete: bool = False,
        dry_run: bool = False,
        include: Iterable[str] | str = (),
        exclude: Iterable[str] | str = (),
        compare: str = "etag",
        progress: ProgressCallback | None = None,
        show_progress: bool | None = None,
    ) -> SyncOptions:
        """Validate and bundle the options."""
        problems = [
            Problem(repr(value), f"{name} must be True or False")
            for name, value in (("delete", delete), ("dry_run", dry_run))
            if not isinstance(value, bool)
        ]
        if compare not in ("etag", "size_mtime"):
            problems.append(Problem(repr(compare), "compare must be 'etag' or 'size_mtime'"))
        if progress is not None and not callable(progress):
            problems.append(Problem(repr(progress), "progress must be callable"))
        if problems:
            raise InvalidValueError("sync option", problems)
        return cls(
            delete=delete,
            dry_run=dry_run,
            filter=PathFilter.of(include, exclude),
            compare="etag" if compare == "etag" else "size_mtime",
            progress=progress,
            show_progress=show_progress,
        )


@attrs.frozen
class _Hashed:
    stamp: FileStamp
    etags: frozenset[str]
    read_at_ns: int


def _hash_file(local: LocalFile, part_sizes: Sequence[int]) -> _Hashed | None:
    """ETags of ``local``; ``None`` if it vanished or changed while being read."""
    read_at = time.time_ns()
    try:
        etags = compute_etags(local.path, part_sizes)
        after = FileStamp.of(os.stat(local.path))
    except OSError as exc:
        logger.debug("cannot hash %s: %s", local.path, exc)
        return None
    if after != local.stamp:
        return None
    return _Hashed(stamp=local.stamp, etags=etags.all(), read_at_ns=read_at)


def _our_part_sizes(size: int, transfer: TransferSettings) -> list[int]:
    """Return the part size our own upload of ``size`` bytes would use, if it is multipart."""
    if size >= transfer.multipart_threshold:
        return [effective_part_size(size, transfer.part_size)]
    return []


def _part_sizes_for(remote: ObjectInfo, transfer: TransferSettings) -> list[int]:
    ours = _our_part_sizes(remote.size, transfer)
    parts = parts_in_etag(remote.etag)
    if parts is None:
        return ours
    return list(dict.fromkeys([*ours, *candidate_part_sizes(remote.size, parts, ours)]))


def _hash_many(
    items: Sequence[tuple[str, LocalFile, list[int]]],
) -> dict[str, _Hashed | None]:
    if not items:
        return {}
    workers = max(1, min(4, os.cpu_count() or 1, len(items)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="qarnot-hash") as pool:
        results = pool.map(lambda item: _hash_file(item[1], item[2]), items)
        return {rel: hashed for (rel, _, _), hashed in zip(items, results, strict=True)}


def _compare(
    pairs: Iterable[tuple[str, LocalFile, ObjectInfo]],
    *,
    cache: EtagCache,
    options: SyncOptions,
    transfer: TransferSettings,
    remote_is_source: bool,
) -> tuple[dict[str, SyncReason], int, dict[str, _Hashed]]:
    """Compare files present on both sides: ``({rel: reason} differing, unchanged, hashed)``."""
    differing: dict[str, SyncReason] = {}
    unchanged = 0
    to_hash: list[tuple[str, LocalFile, list[int]]] = []
    remotes: dict[str, ObjectInfo] = {}
    for rel, local, remote in pairs:
        if local.stamp.size != remote.size:
            differing[rel] = "size"
        elif options.compare == "size_mtime":
            newer = (
                remote.last_modified_ns > local.stamp.mtime_ns
                if remote_is_source
                else local.stamp.mtime_ns > remote.last_modified_ns
            )
            if newer:
                differing[rel] = "mtime"
            else:
                unchanged += 1
        elif remote.etag in cache.lookup(rel, local.stamp):
            unchanged += 1
        else:
            remotes[rel] = remote
            to_hash.append((rel, local, _part_sizes_for(remote, transfer)))
    hashed: dict[str, _Hashed] = {}
    for rel, result in _hash_many(to_hash).items():
        if result is None:
            differing[rel] = "etag"
            continue
        hashed[rel] = result
        cache.record(rel, result.stamp, result.etags, read_at_ns=result.read_at_ns)
        if remotes[rel].etag in result.etags:
            unchanged += 1
        else:
            differing[rel] = "etag"
    return differing, unchanged, hashed


def _remote_index(
    storage: Storage, bucket: str, prefix: str, filt: PathFilter, *, strip_slash: bool
) -> dict[str, ObjectInfo]:
    remote: dict[str, ObjectInfo] = {}
    for info in storage.list_objects(bucket, prefix):
        rel = info.key[len(prefix) :]
        if strip_slash:
            rel = rel.lstrip("/")
        # Keys ending in "/" are folder markers made by some tools, not files.
        if not rel or rel.endswith("/") or not filt.selects(rel):
            continue
        remote[rel] = info
    return remote


def _check_dir(root: Path, *, must_exist: bool) -> None:
    if root.exists() and not root.is_dir():
        raise InvalidValueError("local directory", [Problem(str(root), "is not a directory")])
    if must_exist and not root.exists():
        raise InvalidValueError("local directory", [Problem(str(root), "does not exist")])


def sync_up(storage: Storage, root: Path, bucket: str, prefix: str, *, options: SyncOptions) -> SyncResult:
    """Upload to ``bucket/prefix`` what differs in ``root``; see :meth:`Storage.sync_up`."""
    check_bucket(bucket)
    pfx = folder_prefix(prefix)
    _check_dir(root, must_exist=True)
    root = root.resolve()
    transfer = storage.transfer_settings
    local_all, _, problems = scan_local(root)
    bad = [p for p in problems if options.filter.selects(p.text)]
    if bad:
        raise InvalidValueError("local file name", bad)
    local = {rel: f for rel, f in local_all.items() if options.filter.selects(rel)}
    remote = _remote_index(storage, bucket, pfx, options.filter, strip_slash=False)

    cache = EtagCache(root, storage.cache_dir)
    cache.load()
    try:
        reasons, unchanged, hashed = _compare(
            ((rel, f, remote[rel]) for rel, f in local.items() if rel in remote),
            cache=cache,
            options=options,
            transfer=transfer,
            remote_is_source=False,
        )
        plan: list[SyncAction] = []
        for rel, f in local.items():
            reason: SyncReason | None = "new" if rel not in remote else reasons.get(rel)
            if reason is not None:
                plan.append(SyncAction("upload", pfx + rel, f.path, f.stamp.size, reason))
        if options.delete:
            plan.extend(
                SyncAction("delete_remote", info.key, local_target(root, rel), info.size, "extra")
                for rel, info in remote.items()
                if rel not in local
            )
        if options.dry_run:
            return SyncResult(plan=tuple(plan), done=(), unchanged=unchanged, dry_run=True)
        done = _run_uploads(storage, bucket, pfx, plan, local, hashed, cache, options)
    finally:
        cache.retain(local_all)
        cache.save()
    deletions = [a for a in plan if a.op == "delete_remote"]
    if deletions:
        storage.delete_objects(bucket, [a.key for a in deletions])
        done.extend(deletions)
    return SyncResult(plan=tuple(plan), done=tuple(done), unchanged=unchanged, dry_run=False)


def _run_uploads(
    storage: Storage,
    bucket: str,
    pfx: str,
    plan: Sequence[SyncAction],
    local: dict[str, LocalFile],
    hashed: dict[str, _Hashed],
    cache: EtagCache,
    options: SyncOptions,
) -> list[SyncAction]:
    uploads = {a.key: a for a in plan if a.op == "upload"}
    if not uploads:
        return []
    transfer = storage.transfer_settings
    jobs = [TransferJob("upload", bucket, a.key, a.path, a.size) for a in uploads.values()]
    batch = storage._batch(options.progress, options.show_progress)
    # Hash what we upload, alongside the upload, so that the next sync finds it in the cache.
    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="qarnot-hash")
    pending: dict[str, Future[_Hashed | None]] = {}
    try:
        for key in uploads if options.compare == "etag" else ():
            rel = key[len(pfx) :]
            if rel not in hashed:
                f = local[rel]
                pending[rel] = pool.submit(_hash_file, f, _our_part_sizes(f.stamp.size, transfer))
        batch.run(jobs, description="uploading")
    finally:
        interrupted = len(batch.completed) != len(jobs)
        for job in batch.completed:
            rel = job.key[len(pfx) :]
            result = hashed.get(rel)
            fut = pending.get(rel)
            if result is None and fut is not None and (fut.done() or not interrupted):
                with contextlib.suppress(Exception):
                    result = fut.result()
            if result is not None:
                cache.record(rel, result.stamp, result.etags, read_at_ns=result.read_at_ns)
        pool.shutdown(wait=True, cancel_futures=True)
    return [uploads[job.key] for job in batch.completed]


def sync_down(storage: Storage, bucket: str, prefix: str, root: Path, *, options: SyncOptions) -> SyncResult:
    """Download from ``bucket/prefix`` what differs in ``root``; see :meth:`Storage.sync_down`."""
    return sync_down_raw(storage, bucket, folder_prefix(prefix), root, options=options, strip_slash=False)


def sync_down_raw(
    storage: Storage,
    bucket: str,
    prefix: str,
    root: Path,
    *,
    options: SyncOptions,
    strip_slash: bool,
) -> SyncResult:
    """:func:`sync_down` with a raw S3 prefix (``strip_slash`` drops a ``/`` after it)."""
    check_bucket(bucket)
    _check_dir(root, must_exist=False)
    root = root.resolve()
    remote = _remote_index(storage, bucket, prefix, options.filter, strip_slash=strip_slash)
    problems = [Problem(info.key, why) for rel, info in remote.items() if (why := key_problem(rel))]
    if problems:
        raise InvalidValueError("object key (exclude it to skip it)", problems)
    local_all: dict[str, LocalFile] = {}
    leftovers: list[Path] = []
    if root.exists():
        local_all, leftovers, _ = scan_local(root)
    local = {rel: f for rel, f in local_all.items() if options.filter.selects(rel)}

    cache = EtagCache(root, storage.cache_dir)
    cache.load()
    completed: list[str] = []
    try:
        reasons, unchanged, _ = _compare(
            ((rel, local[rel], info) for rel, info in remote.items() if rel in local),
            cache=cache,
            options=options,
            transfer=storage.transfer_settings,
            remote_is_source=True,
        )
        plan: list[SyncAction] = []
        for rel, info in remote.items():
            reason: SyncReason | None = "new" if rel not in local else reasons.get(rel)
            if reason is not None:
                plan.append(SyncAction("download", info.key, local_target(root, rel), info.size, reason))
        if options.delete:
            plan.extend(
                SyncAction("delete_local", prefix + rel, f.path, f.stamp.size, "extra")
                for rel, f in local.items()
                if rel not in remote
            )
        if options.dry_run:
            return SyncResult(plan=tuple(plan), done=(), unchanged=unchanged, dry_run=True)
        for stale in leftovers:
            with contextlib.suppress(OSError):
                stale.unlink()
        rel_of = {info.key: rel for rel, info in remote.items()}
        done = _run_downloads(storage, bucket, plan, remote, rel_of, cache, options, completed)
    finally:
        cache.retain([*local_all, *completed])
        cache.save()
    for action in plan:
        if action.op == "delete_local":
            with contextlib.suppress(FileNotFoundError):
                action.path.unlink()
            done.append(action)
    return SyncResult(plan=tuple(plan), done=tuple(done), unchanged=unchanged, dry_run=False)


def _run_downloads(
    storage: Storage,
    bucket: str,
    plan: Sequence[SyncAction],
    remote: dict[str, ObjectInfo],
    rel_of: dict[str, str],
    cache: EtagCache,
    options: SyncOptions,
    completed: list[str],
) -> list[SyncAction]:
    downloads = {a.key: a for a in plan if a.op == "download"}
    if not downloads:
        return []
    jobs = [
        TransferJob(
            "download", bucket, a.key, a.path, a.size, mtime_ns=remote[rel_of[a.key]].last_modified_ns
        )
        for a in downloads.values()
    ]
    batch = storage._batch(options.progress, options.show_progress)
    try:
        batch.run(jobs, description="downloading")
    finally:
        now = time.time_ns()
        for job in batch.completed:
            rel = rel_of[job.key]
            completed.append(rel)
            etag = normalise_etag(batch.etags.get(job.key) or remote[rel].etag)
            with contextlib.suppress(OSError):
                stamp = FileStamp.of(os.stat(job.path))
                cache.record(rel, stamp, [etag], read_at_ns=now, coarse=batch.coarse_mtime.get(job.key))
    return [downloads[job.key] for job in batch.completed]
