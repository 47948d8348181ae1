"""S3 ETags of local files, multipart-aware, computed in one read.

An S3 (and Ceph) ETag is the hex MD5 of the object for a single ``PutObject``, and
``md5(md5(part1) + md5(part2) + ...)-N`` for a multipart upload of N parts. To compare a local file
with an object we must therefore know the part size the object was uploaded with:

* our own uploads use :attr:`TransferSettings.part_size`, grown exactly as s3transfer grows it for
  files that would need more than 10,000 parts (we call s3transfer's ``ChunksizeAdjuster`` rather
  than re-deriving its rule);
* objects uploaded by other tools (the official SDK and the AWS CLI use 8 MiB) are matched by trying
  the part sizes consistent with the ``-N`` suffix: the common tool defaults and the smallest
  MiB-aligned size giving N parts. All candidates are hashed in the same single pass over the file.

ETags that are not MD5-based (SSE-KMS, some S3 clones) never match, so such objects always look
changed: use ``compare="size_mtime"`` for them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs
from s3transfer.utils import ChunksizeAdjuster

if TYPE_CHECKING:
    from hashlib import _Hash

__all__ = [
    "LocalEtags",
    "candidate_part_sizes",
    "compute_etags",
    "effective_part_size",
    "normalise_etag",
    "parts_in_etag",
]

MiB = 1024 * 1024
_READ_BLOCK = 1 * MiB
# Part sizes used by common tools: AWS CLI/boto3/official Qarnot SDK (8), rclone/s3cmd (5, 15), us (16).
_COMMON_PART_SIZES = (8 * MiB, 16 * MiB, 5 * MiB, 15 * MiB, 64 * MiB, 100 * MiB)


def _md5() -> _Hash:
    return hashlib.md5(usedforsecurity=False)


def normalise_etag(raw: str) -> str:
    """Strip the quotes (and a weak ``W/`` marker) that S3 puts around ETags; lower-case the hex."""
    text = raw.strip()
    if text.startswith("W/"):
        text = text[2:]
    return text.strip('"').lower()


def parts_in_etag(etag: str) -> int | None:
    """Return the part count of a multipart ETag (``…-N``), or ``None`` for a single-part ETag."""
    _, sep, tail = etag.rpartition("-")
    if not sep or not tail.isdigit():
        return None
    return int(tail)


def effective_part_size(file_size: int, part_size: int) -> int:
    """Return the part size s3transfer really uses for a file of ``file_size`` bytes (≤ 10,000 parts)."""
    return int(ChunksizeAdjuster().adjust_chunksize(part_size, file_size))


def _parts_for(size: int, part_size: int) -> int:
    return max(1, -(-size // part_size))


def candidate_part_sizes(size: int, parts: int, preferred: Iterable[int] = (), limit: int = 12) -> list[int]:
    """Part sizes that split ``size`` bytes into exactly ``parts`` parts, most likely first.

    Tools pick whole MiB part sizes, so after ``preferred`` and the common defaults come the powers
    of two, then every MiB multiple of the possible range, at most ``limit`` sizes in all (each one
    costs an MD5 over the file when it is hashed). The exact ``ceil(size / parts)`` comes last.
    """
    if size <= 0 or parts <= 0:
        return []
    if parts == 1:
        return [size]  # a one-part upload has the same ETag whatever part size was used
    low = -(-size // parts)  # smallest size giving at most `parts` parts
    high = -(-size // (parts - 1)) - 1  # largest size still needing more than `parts - 1` parts
    first_mib = -(-low // MiB)
    last_mib = high // MiB
    powers = [MiB << i for i in range(14) if low <= MiB << i <= high]
    found: list[int] = []
    for ps in (*preferred, *_COMMON_PART_SIZES, *powers, *(m * MiB for m in range(first_mib, last_mib + 1))):
        if len(found) >= limit:
            break
        if ps > 0 and ps not in found and _parts_for(size, ps) == parts:
            found.append(ps)
    if low not in found and _parts_for(size, low) == parts:
        found.append(low)
    return found


@attrs.frozen
class LocalEtags:
    """What one pass over a file produced: its plain MD5 and its multipart ETags by part size."""

    md5: str
    multipart: tuple[tuple[int, str], ...] = ()

    def all(self) -> frozenset[str]:
        """Every ETag this content can have on the storage."""
        return frozenset({self.md5, *(etag for _, etag in self.multipart)})


class _PartHasher:
    __slots__ = ("_current", "_digests", "_filled", "_part_size")

    def __init__(self, part_size: int) -> None:
        self._part_size = part_size
        self._current = _md5()
        self._filled = 0
        self._digests: list[bytes] = []

    def update(self, data: memoryview) -> None:
        while data:
            room = self._part_size - self._filled
            chunk = data[:room]
            self._current.update(chunk)
            self._filled += len(chunk)
            data = data[room:]
            if self._filled == self._part_size:
                self._digests.append(self._current.digest())
                self._current = _md5()
                self._filled = 0

    def etag(self) -> str:
        digests = list(self._digests)
        if self._filled or not digests:
            digests.append(self._current.digest())
        combined = _md5()
        combined.update(b"".join(digests))
        return f"{combined.hexdigest()}-{len(digests)}"


def compute_etags(path: str | os.PathLike[str], part_sizes: Iterable[int] = ()) -> LocalEtags:
    """Hash ``path`` once: its MD5 plus the multipart ETag for each of ``part_sizes``."""
    whole = _md5()
    hashers = {ps: _PartHasher(ps) for ps in dict.fromkeys(part_sizes) if ps > 0}
    buffer = bytearray(_READ_BLOCK)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as handle:
        while True:
            count = handle.readinto(buffer)
            if not count:
                break
            block = view[:count]
            whole.update(block)
            for hasher in hashers.values():
                hasher.update(block)
    return LocalEtags(
        md5=whole.hexdigest(),
        multipart=tuple((ps, h.etag()) for ps, h in hashers.items()),
    )
