"""Many files through one boto3 transfer manager: bounded concurrency, progress, atomic downloads.

A :class:`TransferBatch` hands its files to one s3transfer ``TransferManager`` (built by boto3's
``create_transfer_manager`` from our :class:`TransferConfig`), which runs at most
``max_concurrency`` requests at once and does multipart uploads/ranged downloads above the
threshold. At most ``max_files_in_flight`` files are queued at a time, so open files and queued
futures stay bounded however many files a sync moves.

Progress: s3transfer subscribers report bytes from its worker threads; :class:`_Tracker` adds them
up under a lock and calls the user's callback (serialised, from worker threads) with one
:class:`ProgressEvent` that carries the file's and the batch's figures, and drives a rich progress
bar on a terminal.

Failure and interruption: the first failed file (or an exception raised by the progress callback,
or Ctrl-C) stops the submission of new files and cancels those in flight; the exception is raised
from :meth:`TransferBatch.run` and :attr:`TransferBatch.completed` lists what did finish, so a sync
can remember it and resume without redoing it.

Downloads are atomic: the object is written to ``.<name>.<pid>-<n>.qarnot-part`` next to its target
and renamed over the target only once complete (s3transfer itself writes that temporary name
through its own temporary file and rename, and removes it on failure).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

import attrs
from boto3.s3.transfer import create_transfer_manager
from s3transfer.exceptions import CancelledError
from s3transfer.subscribers import BaseSubscriber

from qarnot_ext.storage._errors import translate
from qarnot_ext.storage._paths import TEMP_MARKER

if TYPE_CHECKING:
    from s3transfer.futures import TransferFuture
    from types_boto3_s3 import S3Client

    from qarnot_ext.storage._client import TransferSettings

__all__ = ["ProgressCallback", "ProgressEvent", "TransferBatch", "TransferJob", "want_bar"]


@attrs.frozen
class ProgressEvent:
    """One progress report: the file that moved and the running totals of its batch.

    Attributes:
        key: the object key of the file.
        path: its local path.
        file_bytes, file_size: bytes of this file moved so far, and its size.
        file_done: ``True`` once, when this file is complete (and, for a download, in place).
        bytes_done, bytes_total: the batch's bytes moved so far, and to move.
        files_done, files_total: the batch's completed files, and files to move.

    """

    key: str
    path: Path
    file_bytes: int
    file_size: int
    file_done: bool
    bytes_done: int
    bytes_total: int
    files_done: int
    files_total: int


class ProgressCallback(Protocol):
    """What ``progress=`` accepts: called with each :class:`ProgressEvent`.

    Calls come from worker threads, one at a time; keep them quick. An exception raised here
    stops the transfer (or sync) and is re-raised to the caller.
    """

    def __call__(self, event: ProgressEvent, /) -> None: ...


@attrs.frozen
class TransferJob:
    """One file to move. ``mtime_ns`` (downloads) is stamped on the file once it is in place."""

    kind: Literal["upload", "download"]
    bucket: str
    key: str
    path: Path
    size: int
    mtime_ns: int | None = None


def want_bar(show_progress: bool | None) -> bool:
    """Resolve ``show_progress``: ``None`` means "when stderr is a terminal"."""
    if show_progress is None:
        return sys.stderr.isatty()
    return show_progress


class _Tracker:
    """Sums progress from worker threads and reports it to the user callback and the bar."""

    def __init__(
        self, jobs: Sequence[TransferJob], callback: ProgressCallback | None, bar: _Bar | None
    ) -> None:
        self._lock = threading.Lock()
        self._callback = callback
        self._bar = bar
        self._moved: dict[int, int] = {}
        self.bytes_total = sum(j.size for j in jobs)
        self.files_total = len(jobs)
        self.bytes_done = 0
        self.files_done = 0
        self.callback_error: BaseException | None = None

    def _emit(self, job: TransferJob, index: int, *, done: bool) -> None:
        if self._bar is not None:
            self._bar.update(self.bytes_done, self.files_done)
        if self._callback is None or self.callback_error is not None:
            return
        event = ProgressEvent(
            key=job.key,
            path=job.path,
            file_bytes=self._moved.get(index, 0),
            file_size=job.size,
            file_done=done,
            bytes_done=self.bytes_done,
            bytes_total=self.bytes_total,
            files_done=self.files_done,
            files_total=self.files_total,
        )
        try:
            self._callback(event)
        except BaseException as exc:
            self.callback_error = exc
            raise

    def advance(self, job: TransferJob, index: int, amount: int) -> None:
        with self._lock:
            self._moved[index] = self._moved.get(index, 0) + amount
            self.bytes_done += amount
            self._emit(job, index, done=False)

    def finish(self, job: TransferJob, index: int) -> None:
        with self._lock:
            # A file may report fewer bytes than its planned size (it shrank, or was empty).
            missing = job.size - self._moved.get(index, 0)
            if missing > 0:
                self._moved[index] = job.size
                self.bytes_done += missing
            self.files_done += 1
            self._emit(job, index, done=True)


class _Bar(Protocol):
    """A progress display for one batch: entered, updated with running totals, exited."""

    def __enter__(self) -> _Bar: ...

    def __exit__(self, *exc: object) -> None: ...

    def update(self, bytes_done: int, files_done: int) -> None: ...


def _open_bar(description: str, total: int, files_total: int) -> _Bar:
    """A rich bar when the ``progress`` extra (rich) is installed, else plain lines on stderr."""
    try:
        return _RichBar(description, total, files_total)
    except ImportError:
        return _PlainBar(description, total, files_total)


class _RichBar:
    """A rich progress bar on stderr; rich is imported only when a bar is wanted."""

    def __init__(self, description: str, total: int, files_total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self._description = description
        self._files_total = files_total
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self._task = self._progress.add_task(self._label(0), total=total)

    def _label(self, files_done: int) -> str:
        return f"{self._description} {files_done}/{self._files_total} files"

    def __enter__(self) -> _RichBar:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def update(self, bytes_done: int, files_done: int) -> None:
        self._progress.update(self._task, completed=bytes_done, description=self._label(files_done))


class _PlainBar:
    """Plain progress lines on stderr, at most one per :attr:`interval` seconds, and one at the end.

    Used when rich is not installed: a client-only install still shows progress, in a form that
    also reads well in CI logs.
    """

    interval = 1.0

    def __init__(self, description: str, total: int, files_total: int) -> None:
        self._description = description
        self._total = total
        self._files_total = files_total
        self._last_print = float("-inf")
        self._bytes_done = 0
        self._files_done = 0

    def _line(self) -> str:
        percent = 100.0 if self._total == 0 else 100.0 * self._bytes_done / self._total
        return (
            f"{self._description}: {self._files_done}/{self._files_total} files, "
            f"{self._bytes_done}/{self._total} bytes ({percent:.0f}%)"
        )

    def __enter__(self) -> _PlainBar:
        return self

    def __exit__(self, *exc: object) -> None:
        print(self._line(), file=sys.stderr, flush=True)

    def update(self, bytes_done: int, files_done: int) -> None:
        self._bytes_done, self._files_done = bytes_done, files_done
        now = time.monotonic()
        if now - self._last_print >= self.interval:
            self._last_print = now
            print(self._line(), file=sys.stderr, flush=True)


class _Subscriber(BaseSubscriber):
    def __init__(self, batch: TransferBatch, job: TransferJob, index: int) -> None:
        self._batch = batch
        self._job = job
        self._index = index

    def on_progress(self, future: TransferFuture, bytes_transferred: int, **kwargs: Any) -> None:
        self._batch.tracker.advance(self._job, self._index, bytes_transferred)

    def on_done(self, future: TransferFuture, **kwargs: Any) -> None:
        self._batch.finished(self._job, self._index, future)


_TEMP_SERIAL = itertools.count()


def _temp_path(target: Path) -> Path:
    # Unique per process (pid) and per download (serial); room for both and the marker within the
    # usual 255-byte name limit.
    stem = target.name[:180]
    return target.with_name(f".{stem}.{os.getpid()}-{next(_TEMP_SERIAL)}{TEMP_MARKER}")


class TransferBatch:
    """Run a list of transfers through one transfer manager; see the module docstring."""

    def __init__(
        self,
        client: S3Client,
        settings: TransferSettings,
        *,
        progress: ProgressCallback | None = None,
        show_progress: bool | None = None,
        redact: Callable[[str], str] | None = None,
    ) -> None:
        self._client = client
        self._settings = settings
        self._progress = progress
        self._show_bar = want_bar(show_progress)
        self._redact = redact
        self._lock = threading.Condition()
        self._pending = 0
        self._error: BaseException | None = None
        self._abort = threading.Event()
        self._slots = threading.BoundedSemaphore(settings.max_files_in_flight)
        self._temps: dict[int, Path] = {}
        self._made_dirs: set[Path] = set()
        self.tracker = _Tracker((), None, None)
        self.completed: list[TransferJob] = []
        # Filled from worker threads; read by the caller once run() has returned or raised.
        self.etags: dict[str, str] = {}
        # Per downloaded key: whether the file system wrote a whole-second mtime (coarse clock),
        # seen before we stamp the object's LastModified on the file.
        self.coarse_mtime: dict[str, bool] = {}

    def run(self, jobs: Sequence[TransferJob], *, description: str = "transferring") -> None:
        """Transfer ``jobs``; raise the first failure after cancelling what is still running."""
        if not jobs:
            return
        try:
            with self._bar(jobs, description) as bar:
                self.tracker = _Tracker(jobs, self._progress, bar)
                # The context manager is the working way to cancel: TransferManager.shutdown(cancel=True)
                # raises TypeError (boto/s3transfer#143, #312). Leaving the block with an exception
                # cancels what is in flight and waits for it.
                with create_transfer_manager(self._client, self._settings.transfer_config()) as manager:
                    for index, job in enumerate(jobs):
                        if not self._acquire_slot():
                            break
                        self._submit(manager, job, index)
                    self._wait()
                    if self._error is not None:
                        raise self._error
        finally:
            self._cleanup_temps()

    @contextlib.contextmanager
    def _bar(self, jobs: Sequence[TransferJob], description: str) -> Iterator[_Bar | None]:
        if not self._show_bar:
            yield None
            return
        with _open_bar(description, sum(j.size for j in jobs), len(jobs)) as bar:
            yield bar

    def _acquire_slot(self) -> bool:
        while not self._slots.acquire(timeout=0.05):
            if self._abort.is_set():
                return False
        if self._abort.is_set():
            self._slots.release()
            return False
        return True

    def _submit(self, manager: Any, job: TransferJob, index: int) -> None:
        subscriber = _Subscriber(self, job, index)
        with self._lock:
            self._pending += 1
        try:
            if job.kind == "upload":
                manager.upload(os.fspath(job.path), job.bucket, job.key, subscribers=[subscriber])
            else:
                parent = job.path.parent
                if parent not in self._made_dirs:  # one mkdir per directory, not per file
                    parent.mkdir(parents=True, exist_ok=True)
                    self._made_dirs.add(parent)
                temp = _temp_path(job.path)
                with self._lock:
                    self._temps[index] = temp
                manager.download(job.bucket, job.key, os.fspath(temp), subscribers=[subscriber])
        except Exception as exc:
            # Recorded, not raised: run() stops submitting and raises the first failure.
            self._fail(job, exc)
            self._release()

    def _release(self) -> None:
        self._slots.release()
        with self._lock:
            self._pending -= 1
            self._lock.notify_all()

    def _wait(self) -> None:
        with self._lock:
            while self._pending and not self._abort.is_set():
                self._lock.wait(0.5)

    def finished(self, job: TransferJob, index: int, future: TransferFuture) -> None:
        """Settle one file (subscriber hook, worker thread). Never raises (s3transfer would drop it)."""
        try:
            future.result()
            if job.kind == "download":
                with self._lock:
                    temp = self._temps.pop(index)
                    # The ETag of the version actually served (it may be newer than the listing's).
                    if future.meta.etag:
                        self.etags[job.key] = future.meta.etag
                natural = os.stat(temp).st_mtime_ns
                with self._lock:
                    self.coarse_mtime[job.key] = natural % 1_000_000_000 == 0
                os.replace(temp, job.path)
                if job.mtime_ns is not None:
                    os.utime(job.path, ns=(job.mtime_ns, job.mtime_ns))
            with self._lock:
                self.completed.append(job)
            self.tracker.finish(job, index)
        except BaseException as exc:
            self._fail(job, exc)
        finally:
            self._release()

    def _fail(self, job: TransferJob, exc: BaseException) -> None:
        with self._lock:
            if self._error is None and not isinstance(exc, CancelledError):
                if self.tracker.callback_error is not None:
                    self._error = self.tracker.callback_error
                elif isinstance(exc, Exception):
                    operation = "PutObject" if job.kind == "upload" else "GetObject"
                    error = translate(
                        exc, operation=operation, bucket=job.bucket, key=job.key, redact=self._redact
                    )
                    error.__cause__ = exc
                    self._error = error
                else:
                    self._error = exc
            self._abort.set()
            self._lock.notify_all()

    def _cleanup_temps(self) -> None:
        with self._lock:
            temps, self._temps = list(self._temps.values()), {}
        for temp in temps:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
