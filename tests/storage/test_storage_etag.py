"""Local S3 ETags: single-part, multipart, part-size candidates; and the package's public surface."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import qarnot_ext.storage as storage_pkg
from qarnot_ext.storage._etag import (
    candidate_part_sizes,
    compute_etags,
    effective_part_size,
    normalise_etag,
    parts_in_etag,
)
from tests.storage._storage_helpers import MiB, write


def reference_multipart(data: bytes, part: int) -> str:
    digests = [hashlib.md5(data[i : i + part]).digest() for i in range(0, len(data), part)]
    return f"{hashlib.md5(b''.join(digests)).hexdigest()}-{len(digests)}"


@pytest.mark.parametrize("size", [0, 1, 5 * MiB - 1, 5 * MiB, 5 * MiB + 1, 11 * MiB + 3])
def test_etags_match_the_s3_definition(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    path = write(tmp_path / "f", data)
    etags = compute_etags(path, [5 * MiB, 6 * MiB])
    assert etags.md5 == hashlib.md5(data).hexdigest()
    if size:
        assert dict(etags.multipart) == {ps: reference_multipart(data, ps) for ps in (5 * MiB, 6 * MiB)}
    assert etags.all() >= {etags.md5}


@given(
    size=st.integers(min_value=1, max_value=50 * 1024**3), parts=st.integers(min_value=1, max_value=10_000)
)
def test_candidates_always_give_the_right_part_count(size: int, parts: int) -> None:
    found = candidate_part_sizes(size, parts, preferred=[8 * MiB])
    assert len(found) <= 13
    assert len(set(found)) == len(found)
    for ps in found:
        assert -(-size // ps) == parts


def test_candidates_find_whole_mib_sizes_of_other_tools() -> None:
    assert 6 * MiB in candidate_part_sizes(13 * MiB, 3)
    assert candidate_part_sizes(64 * MiB, 8)[0] == 8 * MiB
    assert candidate_part_sizes(100, 1) == [100]


def test_effective_part_size_follows_s3transfer_for_huge_files() -> None:
    assert effective_part_size(100 * MiB, 16 * MiB) == 16 * MiB
    grown = effective_part_size(200 * 1024**3, 16 * MiB)  # 200 GiB would need 12,800 parts
    assert grown > 16 * MiB
    assert -(-200 * 1024**3 // grown) <= 10_000


def test_etag_text_helpers() -> None:
    assert normalise_etag('"ABCdef-3"') == "abcdef-3"
    assert normalise_etag('W/"abc"') == "abc"
    assert parts_in_etag("abc-12") == 12
    assert parts_in_etag("abc") is None
    assert parts_in_etag("abc-x") is None


def test_public_surface_is_sorted_and_importable() -> None:
    names = storage_pkg.__all__
    assert names == sorted(names)
    for name in names:
        assert getattr(storage_pkg, name).__doc__, name
