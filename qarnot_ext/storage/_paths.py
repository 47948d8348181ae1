"""Names: bucket and key checks, prefixes, local path <-> key mapping, include/exclude filters.

Keys always use ``/``. Local paths are turned into keys component by component, so a Windows
path with backslash separators becomes ``a/b.txt``; a backslash *inside* a name (legal on POSIX)
or in a prefix is rejected rather than guessed, because on Windows it would be a separator.
Keys coming from the storage are only turned into local paths when they are safe relative paths
(no ``..``, no absolute path, no empty segment), so a hostile bucket cannot write outside the
target directory.
"""

from __future__ import annotations

import fnmatch
import logging
import os
from collections.abc import Iterable
from pathlib import Path

import attrs

from qarnot_ext._errors import InvalidValueError, Problem
from qarnot_ext.storage._state import FileStamp

__all__ = [
    "TEMP_MARKER",
    "LocalFile",
    "PathFilter",
    "check_bucket",
    "check_key",
    "folder_prefix",
    "key_problem",
    "local_target",
    "scan_local",
]

logger = logging.getLogger("qarnot_ext.storage")

# Partial downloads are written next to their target under a name containing this marker.
TEMP_MARKER = ".qarnot-part"
_MAX_KEY_BYTES = 1024


def check_bucket(name: object) -> str:
    """Return ``name`` if it can be a bucket name, else raise :class:`InvalidValueError`.

    Only what no S3 server accepts is rejected here (the server checks the rest): empty names,
    names with a slash, a backslash or whitespace, names shorter than 3 or longer than 255 characters.
    """
    if not isinstance(name, str):
        raise InvalidValueError("bucket name", [Problem(repr(name), "must be a string")])
    problems: list[Problem] = []
    if not 3 <= len(name) <= 255:
        problems.append(Problem(name, "must be 3 to 255 characters long"))
    for bad, label in (("/", "a '/'"), ("\\", "a '\\'")):
        if bad in name:
            problems.append(Problem(name, f"must not contain {label}", name.index(bad)))
    if any(c.isspace() for c in name):
        problems.append(Problem(name, "must not contain whitespace"))
    if problems:
        raise InvalidValueError("bucket name", problems)
    return name


def check_key(key: object) -> str:
    """Return ``key`` if it can be an object key (non-empty, at most 1,024 UTF-8 bytes)."""
    if not isinstance(key, str):
        raise InvalidValueError("object key", [Problem(repr(key), "must be a string")])
    if not key:
        raise InvalidValueError("object key", [Problem(key, "must not be empty")])
    try:
        size = len(key.encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise InvalidValueError("object key", [Problem(key, "is not valid UTF-8", exc.start)]) from None
    if size > _MAX_KEY_BYTES:
        raise InvalidValueError("object key", [Problem(key, "is longer than 1,024 UTF-8 bytes")])
    return key


def folder_prefix(prefix: object) -> str:
    """Normalise a sync prefix to folder form: ``""`` or ``"a/b/"`` (one leading ``/`` is dropped).

    Backslashes, ``.``/``..`` and empty segments are rejected with :class:`InvalidValueError`.
    """
    if not isinstance(prefix, str):
        raise InvalidValueError("prefix", [Problem(repr(prefix), "must be a string")])
    text = prefix.removeprefix("/")
    if not text:
        return ""
    if "\\" in text:
        raise InvalidValueError(
            "prefix", [Problem(prefix, "use '/' as the separator, not '\\'", prefix.index("\\"))]
        )
    segments = text.removesuffix("/").split("/")
    if any(s in ("", ".", "..") for s in segments):
        raise InvalidValueError("prefix", [Problem(prefix, "has an empty, '.' or '..' segment")])
    return "/".join(segments) + "/"


def key_problem(rel: str) -> str | None:
    """Why ``rel`` (a key relative to a sync prefix) cannot be a local relative path, or ``None``."""
    if not rel:
        return "is empty"
    if "\\" in rel:
        return "contains '\\', a path separator on Windows"
    if "\x00" in rel:
        return "contains a NUL character"
    if rel.startswith("/"):
        return "is an absolute path"
    if any(part in ("", ".", "..") for part in rel.split("/")):
        return "has an empty, '.' or '..' segment"
    return None


@attrs.frozen
class PathFilter:
    """Include/exclude glob patterns on ``/``-separated relative paths (``*`` also matches ``/``).

    A path is selected when it matches one of ``include`` (or ``include`` is empty) and none of
    ``exclude``.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @classmethod
    def of(cls, include: Iterable[str] | str = (), exclude: Iterable[str] | str = ()) -> PathFilter:
        """Build a filter, accepting one pattern or several; empty patterns are rejected."""
        inc = (include,) if isinstance(include, str) else tuple(include)
        exc = (exclude,) if isinstance(exclude, str) else tuple(exclude)
        bad = [
            Problem(repr(p), "must be a non-empty string")
            for p in (*inc, *exc)
            if not p or not isinstance(p, str)
        ]
        if bad:
            raise InvalidValueError("include/exclude pattern", bad)
        return cls(include=inc, exclude=exc)

    def selects(self, rel: str) -> bool:
        """Whether ``rel`` passes the filter."""
        if self.include and not any(fnmatch.fnmatchcase(rel, p) for p in self.include):
            return False
        return not any(fnmatch.fnmatchcase(rel, p) for p in self.exclude)


@attrs.frozen
class LocalFile:
    """A regular file found under a local root."""

    path: Path
    stamp: FileStamp


def scan_local(root: Path) -> tuple[dict[str, LocalFile], list[Path], list[Problem]]:
    """Walk ``root``: files by ``/``-relative path, leftover partial downloads, unusable names.

    Directory symlinks are not followed (no cycles); file symlinks are followed; broken links and
    special files are skipped.
    """
    files: dict[str, LocalFile] = {}
    leftovers: list[Path] = []
    problems: list[Problem] = []
    stack: list[tuple[str, str]] = [(os.fspath(root), "")]
    while stack:
        directory, rel_dir = stack.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError as exc:
            problems.append(Problem(rel_dir or ".", f"cannot be listed: {exc.strerror or exc}"))
            continue
        for entry in entries:
            rel = f"{rel_dir}{entry.name}"
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, rel + "/"))
                    continue
                if not entry.is_file(follow_symlinks=True):
                    continue
                st = entry.stat(follow_symlinks=True)
            except OSError as exc:
                logger.debug("skipping %s: %s", entry.path, exc)
                continue
            if TEMP_MARKER in entry.name:
                leftovers.append(Path(entry.path))
                continue
            problem = _local_name_problem(entry.name)
            if problem is not None:
                problems.append(Problem(rel, problem))
                continue
            files[rel] = LocalFile(path=Path(entry.path), stamp=FileStamp.of(st))
    return files, leftovers, problems


def _local_name_problem(name: str) -> str | None:
    if "\\" in name:
        return "contains '\\', which would be a path separator on Windows"
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid UTF-8"
    return None


def local_target(root: Path, rel: str) -> Path:
    """Return the local path of the safe relative key ``rel`` under ``root``."""
    return root.joinpath(*rel.split("/"))
