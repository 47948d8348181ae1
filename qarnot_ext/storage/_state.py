"""The local ETag cache that lets a no-change sync skip hashing.

Hashing every local file is what a no-change sync would spend its time on. The cache maps a file,
identified by its path relative to the synced directory and its *stamp* (size, ``mtime_ns``,
inode), to the ETags its content has. An entry is only ever a fact ("this content has these ETags"),
written after the content was read (hashed for an upload or a comparison, or written by a download),
so it stays correct however a sync is interrupted: a lost or partial save only costs re-hashing.

Rules that keep it correct:

* a changed size, mtime or inode (edit, ``cp -p`` over it, replace by rename) misses the cache;
* *racy* entries are never written: when the file's mtime is within the timestamp granularity of
  the moment we read it (100 ms on nanosecond file systems, 2 s where mtimes are whole seconds), a
  later edit could keep the same stamp, so the file is hashed again next time (the rule git uses
  for its index);
* the file is written atomically (temporary file + ``os.replace``) and a corrupt or foreign file is
  ignored;
* entries of files that no longer exist are dropped on save, so the cache does not grow forever.

It lives outside the synced directory (``$XDG_CACHE_HOME/qarnot-toolkit/sync`` by default), one
file per absolute directory path, so it is never uploaded nor mistaken for a result.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

__all__ = ["EtagCache", "FileStamp", "default_cache_dir"]

logger = logging.getLogger("qarnot_ext.storage")

_VERSION = 1
_FINE_MARGIN_NS = 100_000_000
_COARSE_MARGIN_NS = 2_000_000_000


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/qarnot-toolkit/sync``, or ``~/.cache/qarnot-toolkit/sync``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "qarnot-toolkit" / "sync"


@attrs.frozen
class FileStamp:
    """What identifies one version of a file without reading it."""

    size: int
    mtime_ns: int
    ino: int

    @classmethod
    def of(cls, st: os.stat_result) -> FileStamp:
        """Return the stamp of a ``stat`` result."""
        return cls(size=st.st_size, mtime_ns=st.st_mtime_ns, ino=st.st_ino)

    def is_racy(self, read_at_ns: int, *, coarse: bool | None = None) -> bool:
        """Whether an edit after ``read_at_ns`` could leave this stamp unchanged.

        ``coarse`` says whether the file system keeps whole-second mtimes; by default it is
        guessed from this mtime (whole seconds → coarse).
        """
        if coarse is None:
            coarse = self.mtime_ns % 1_000_000_000 == 0
        margin = _COARSE_MARGIN_NS if coarse else _FINE_MARGIN_NS
        return self.mtime_ns >= read_at_ns - margin


class EtagCache:
    """ETags of the files under one local directory, keyed by relative path and stamp.

    ``cache_dir=None`` keeps the cache in memory only (nothing is read or written).
    Not thread-safe: the sync engine updates it from the calling thread only.
    """

    def __init__(self, root: Path, cache_dir: Path | None) -> None:
        self._root = str(root)
        self._path: Path | None = None
        if cache_dir is not None:
            digest = hashlib.sha256(self._root.encode("utf-8", "surrogateescape")).hexdigest()[:32]
            self._path = cache_dir / f"{digest}.json"
        self._entries: dict[str, tuple[FileStamp, frozenset[str]]] = {}
        self._dirty = False

    @property
    def path(self) -> Path | None:
        """The cache file, or ``None`` when the cache is memory-only."""
        return self._path

    def load(self) -> None:
        """Read the cache file if there is one; an unreadable file is ignored (cache miss)."""
        if self._path is None:
            return
        try:
            doc = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            logger.debug("ignoring unreadable sync cache %s: %s", self._path, exc)
            return
        if not isinstance(doc, dict) or doc.get("version") != _VERSION or doc.get("root") != self._root:
            return
        entries = doc.get("entries")
        if not isinstance(entries, dict):
            return
        for rel, raw in entries.items():
            parsed = _parse_entry(raw)
            if isinstance(rel, str) and parsed is not None:
                self._entries[rel] = parsed

    def lookup(self, rel: str, stamp: FileStamp) -> frozenset[str]:
        """Return the known ETags of ``rel`` if its stamp is unchanged, else an empty set."""
        found = self._entries.get(rel)
        if found is None or found[0] != stamp:
            return frozenset()
        return found[1]

    def record(
        self,
        rel: str,
        stamp: FileStamp,
        etags: Iterable[str],
        *,
        read_at_ns: int,
        coarse: bool | None = None,
    ) -> None:
        """Remember that the content of ``rel`` at ``stamp`` (read at ``read_at_ns``) has ``etags``.

        ``coarse`` is passed to :meth:`FileStamp.is_racy` (a download stamps the object's
        whole-second ``LastModified`` on a file system that may well be fine-grained).
        """
        if stamp.is_racy(read_at_ns, coarse=coarse):
            self.forget(rel)
            return
        known = self.lookup(rel, stamp)
        merged = known | frozenset(e for e in etags if e)
        if merged and merged != known:
            self._entries[rel] = (stamp, merged)
            self._dirty = True

    def forget(self, rel: str) -> None:
        """Drop what is known about ``rel``."""
        if self._entries.pop(rel, None) is not None:
            self._dirty = True

    def retain(self, rels: Iterable[str]) -> None:
        """Drop entries of files that are not in ``rels`` (the files that exist now)."""
        keep = set(rels)
        for rel in [r for r in self._entries if r not in keep]:
            del self._entries[rel]
            self._dirty = True

    def save(self) -> None:
        """Write the cache atomically if it changed; failures are logged, never raised."""
        if self._path is None or not self._dirty:
            return
        doc: dict[str, Any] = {
            "version": _VERSION,
            "root": self._root,
            "entries": {
                rel: [stamp.size, stamp.mtime_ns, stamp.ino, sorted(etags)]
                for rel, (stamp, etags) in self._entries.items()
            },
        }
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".sync-", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(doc, handle, separators=(",", ":"))
                os.replace(tmp, self._path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError as exc:
            logger.warning("could not save the sync cache %s: %s", self._path, exc)
            return
        self._dirty = False


def _parse_entry(raw: object) -> tuple[FileStamp, frozenset[str]] | None:
    if not isinstance(raw, list) or len(raw) != 4:
        return None
    size, mtime_ns, ino, etags = raw
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (size, mtime_ns, ino)):
        return None
    if not isinstance(etags, list) or not all(isinstance(e, str) for e in etags):
        return None
    return FileStamp(size=size, mtime_ns=mtime_ns, ino=ino), frozenset(etags)
