"""sync_up / sync_down: plans, dry runs, opt-in deletes, filters, the ETag cache, interruption and resume."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pytest
from boto3.s3.transfer import TransferConfig

from qarnot_ext import InvalidValueError
from qarnot_ext.storage import ProgressEvent, Storage
from qarnot_ext.storage import _sync as sync_module
from qarnot_ext.storage._etag import LocalEtags, compute_etags
from qarnot_ext.storage._paths import TEMP_MARKER
from tests.storage._storage_helpers import MiB, age, write


@pytest.fixture
def hashes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every file the sync engine hashes (the expensive part a no-change sync must skip)."""
    seen: list[Path] = []

    def spy(path: str | os.PathLike[str], part_sizes: Iterable[int] = ()) -> LocalEtags:
        seen.append(Path(path))
        return compute_etags(path, part_sizes)

    monkeypatch.setattr(sync_module, "compute_etags", spy)
    return seen


def make_tree(root: Path) -> dict[str, bytes]:
    files = {
        "a.txt": b"alpha",
        "sub/b.txt": b"bravo",
        "sub/deeper/c.bin": os.urandom(2048),
        "données/résumé ✓.txt": "unicodé".encode(),
    }
    for rel, data in files.items():
        age(write(root / rel, data))
    return files


def remote_keys(storage: Storage, bucket: str, prefix: str = "") -> set[str]:
    return {o.key for o in storage.list_objects(bucket, prefix)}


def test_first_sync_uploads_everything_then_nothing(
    storage: Storage, bucket: str, tmp_path: Path, hashes: list[Path]
) -> None:
    files = make_tree(tmp_path / "src")
    first = storage.sync_up(tmp_path / "src", bucket, "run/1")
    assert sorted(first.transferred) == sorted(f"run/1/{rel}" for rel in files)
    assert {a.reason for a in first.plan} == {"new"}
    assert first.bytes_transferred == sum(len(d) for d in files.values())
    assert remote_keys(storage, bucket) == {f"run/1/{rel}" for rel in files}
    assert storage.download_bytes(bucket, "run/1/données/résumé ✓.txt") == "unicodé".encode()

    hashes.clear()
    second = storage.sync_up(tmp_path / "src", bucket, "run/1/")
    assert second.plan == ()
    assert second.transferred == ()
    assert second.unchanged == len(files)
    assert hashes == []  # every ETag came from the cache written by the first sync


def test_changed_files_are_detected_by_size_and_by_etag(
    storage: Storage, bucket: str, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    make_tree(src)
    storage.sync_up(src, bucket)
    age(write(src / "a.txt", b"ALPHA"))  # same size, other content
    age(write(src / "sub/b.txt", b"bravo, longer"))
    result = storage.sync_up(src, bucket)
    assert sorted((a.key, a.reason) for a in result.plan) == [("a.txt", "etag"), ("sub/b.txt", "size")]
    assert storage.download_bytes(bucket, "a.txt") == b"ALPHA"


def test_replacing_a_file_with_the_same_size_and_mtime_is_still_seen(
    storage: Storage, bucket: str, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    target = write(src / "f.txt", b"one")
    age(target)
    storage.sync_up(src, bucket)
    st = target.stat()
    replacement = write(tmp_path / "other.txt", b"two")
    os.utime(replacement, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(replacement, target)  # same size and mtime, new inode
    assert [a.reason for a in storage.sync_up(src, bucket).plan] == ["etag"]


def test_dry_run_returns_the_plan_and_changes_nothing(storage: Storage, bucket: str, tmp_path: Path) -> None:
    make_tree(tmp_path / "src")
    storage.upload_bytes(b"old", bucket, "extra.txt")
    plan = storage.sync_up(tmp_path / "src", bucket, dry_run=True, delete=True)
    assert plan.dry_run
    assert plan.done == ()
    assert plan.transferred == ()
    assert sorted(a.op for a in plan.plan) == ["delete_remote", "upload", "upload", "upload", "upload"]
    assert remote_keys(storage, bucket) == {"extra.txt"}

    down = storage.sync_down(bucket, "", tmp_path / "dst", dry_run=True)
    assert [a.op for a in down.plan] == ["download"]
    assert not (tmp_path / "dst").exists()


def test_deletes_happen_only_when_asked_and_respect_filters(
    storage: Storage, bucket: str, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    make_tree(src)
    for key in ("gone.txt", "keep.log"):
        storage.upload_bytes(b"x", bucket, key)
    result = storage.sync_up(src, bucket)
    assert result.deleted == ()
    assert {"gone.txt", "keep.log"} <= remote_keys(storage, bucket)
    result = storage.sync_up(src, bucket, delete=True, exclude="*.log")
    assert result.deleted == ("gone.txt",)
    assert "keep.log" in remote_keys(storage, bucket)

    dst = tmp_path / "dst"
    storage.sync_down(bucket, "", dst)
    write(dst / "local-only.txt", b"mine")
    assert storage.sync_down(bucket, "", dst).deleted == ()
    assert (dst / "local-only.txt").exists()
    result = storage.sync_down(bucket, "", dst, delete=True)
    assert [a.op for a in result.done] == ["delete_local"]
    assert not (dst / "local-only.txt").exists()


def test_include_and_exclude_patterns(storage: Storage, bucket: str, tmp_path: Path) -> None:
    make_tree(tmp_path / "src")
    result = storage.sync_up(tmp_path / "src", bucket, include=["sub/*"], exclude="*.bin")
    assert result.transferred == ("sub/b.txt",)
    with pytest.raises(InvalidValueError):
        storage.sync_up(tmp_path / "src", bucket, include=[""])


def test_multipart_objects_compare_equal_whatever_part_size_uploaded_them(
    storage: Storage, bucket: str, tmp_path: Path, hashes: list[Path]
) -> None:
    src = tmp_path / "src"
    data = os.urandom(13 * MiB)
    big = write(src / "big.bin", data)
    age(big)
    # Another tool uploaded the same content with 6 MiB parts (3 parts, ETag "...-3").
    storage.connection.client().upload_file(
        str(big),
        bucket,
        "big.bin",
        Config=TransferConfig(multipart_threshold=6 * MiB, multipart_chunksize=6 * MiB),
    )
    assert storage.head_object(bucket, "big.bin").etag.endswith("-3")
    first = storage.sync_up(src, bucket)
    assert first.plan == ()
    assert first.unchanged == 1
    assert hashes == [big]  # hashed once, trying the part sizes that give 3 parts
    hashes.clear()
    assert storage.sync_up(src, bucket).unchanged == 1
    assert hashes == []

    # Our own multipart upload (5 MiB parts -> 3 parts) after a change also round-trips.
    age(write(src / "big.bin", data[::-1]))
    assert storage.sync_up(src, bucket).transferred == ("big.bin",)
    hashes.clear()
    assert storage.sync_up(src, bucket).unchanged == 1
    assert hashes == []


def test_interrupted_upload_resumes_without_redoing_finished_files(
    storage: Storage, bucket: str, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    for i in range(30):
        age(write(src / f"f{i:02d}.txt", f"content {i}".encode()))

    def stop_after_ten(event: ProgressEvent) -> None:
        if event.file_done and event.files_done == 10:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        storage.sync_up(src, bucket, progress=stop_after_ten)
    uploaded = remote_keys(storage, bucket)
    assert 10 <= len(uploaded) < 30
    resumed = storage.sync_up(src, bucket)
    assert set(resumed.transferred).isdisjoint(uploaded)
    assert set(resumed.transferred) | uploaded == {f"f{i:02d}.txt" for i in range(30)}
    assert resumed.unchanged == len(uploaded)


def test_interrupted_download_resumes_and_never_leaves_partial_files(
    storage: Storage, bucket: str, tmp_path: Path, hashes: list[Path]
) -> None:
    for i in range(20):
        storage.upload_bytes(f"object {i}".encode() * 100, bucket, f"out/{i:02d}.dat")
    dst = tmp_path / "dst"

    def stop_after_five(event: ProgressEvent) -> None:
        if event.file_done and event.files_done == 5:
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError, match="interrupted"):
        storage.sync_down(bucket, "out", dst, progress=stop_after_five)
    present = {p.name for p in dst.iterdir()}
    assert not [n for n in present if TEMP_MARKER in n]
    for name in present:
        assert (dst / name).read_bytes() == f"object {int(name[:2])}".encode() * 100
    resumed = storage.sync_down(bucket, "out", dst)
    assert {Path(k).name for k in resumed.transferred}.isdisjoint(present)
    assert len(resumed.transferred) + len(present) == 20
    assert hashes == []  # downloaded files were recorded in the cache, not re-hashed
    hashes.clear()
    assert storage.sync_down(bucket, "out", dst).unchanged == 20
    assert hashes == []


def test_sync_down_downloads_only_what_differs(storage: Storage, bucket: str, tmp_path: Path) -> None:
    for key, body in {"r/a.txt": b"a", "r/n/b.txt": b"b", "r/é.txt": b"e"}.items():
        storage.upload_bytes(body, bucket, key)
    storage.upload_bytes(b"folder marker", bucket, "r/n/")  # ignored: a "folder" made by a UI
    dst = tmp_path / "dst"
    first = storage.sync_down(bucket, "r", dst)
    assert sorted(first.transferred) == ["r/a.txt", "r/n/b.txt", "r/é.txt"]
    assert (dst / "n" / "b.txt").read_bytes() == b"b"
    assert (dst / "é.txt").stat().st_mtime_ns == storage.head_object(bucket, "r/é.txt").last_modified_ns
    write(dst / "a.txt", b"A")  # local edit, same size
    storage.upload_bytes(b"bb", bucket, "r/n/b.txt")
    second = storage.sync_down(bucket, "r/", dst)
    assert sorted((a.key, a.reason) for a in second.plan) == [("r/a.txt", "etag"), ("r/n/b.txt", "size")]
    assert (dst / "a.txt").read_bytes() == b"a"


def test_empty_files_both_ways(storage: Storage, bucket: str, tmp_path: Path) -> None:
    age(write(tmp_path / "src" / "empty.txt", b""))
    assert storage.sync_up(tmp_path / "src", bucket).transferred == ("empty.txt",)
    assert storage.sync_up(tmp_path / "src", bucket).unchanged == 1
    assert storage.sync_down(bucket, "", tmp_path / "dst").transferred == ("empty.txt",)
    assert (tmp_path / "dst" / "empty.txt").read_bytes() == b""
    assert storage.sync_down(bucket, "", tmp_path / "dst").unchanged == 1


def test_sync_down_cleans_leftover_partial_files(storage: Storage, bucket: str, tmp_path: Path) -> None:
    storage.upload_bytes(b"x", bucket, "a.txt")
    dst = tmp_path / "dst"
    leftover = write(dst / f".a.txt.dead{TEMP_MARKER}", b"half")
    result = storage.sync_down(bucket, "", dst)
    assert result.transferred == ("a.txt",)
    assert not leftover.exists()


def test_size_and_mtime_comparison(storage: Storage, bucket: str, tmp_path: Path, hashes: list[Path]) -> None:
    src = tmp_path / "src"
    make_tree(src)
    storage.sync_up(src, bucket, compare="size_mtime")
    again = storage.sync_up(src, bucket, compare="size_mtime")
    assert again.plan == ()
    assert hashes == []
    target = write(src / "a.txt", b"ALPHA")  # newer than the object now
    assert [a.reason for a in storage.sync_up(src, bucket, compare="size_mtime").plan] == ["mtime"]
    dst = tmp_path / "dst"
    storage.sync_down(bucket, "", dst, compare="size_mtime")
    assert storage.sync_down(bucket, "", dst, compare="size_mtime").plan == ()
    assert target.read_bytes() == b"ALPHA"
    with pytest.raises(InvalidValueError):
        storage.sync_up(src, bucket, compare="sha1")  # type: ignore[arg-type]


def test_windows_separators_and_unsafe_keys(storage: Storage, bucket: str, tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src)
    with pytest.raises(InvalidValueError, match="separator"):
        storage.sync_up(src, bucket, "runs\\1")
    with pytest.raises(InvalidValueError):
        storage.sync_up(src, bucket, "runs/../1")
    # On POSIX a backslash is a legal name character, but it would be a separator on Windows.
    write(src / "odd\\name.txt", b"x")
    with pytest.raises(InvalidValueError, match="local file name"):
        storage.sync_up(src, bucket)
    assert storage.sync_up(src, bucket, exclude="odd*").plan != ()

    for key in ("evil/../../escape.txt", "evil/win\\path.txt", "evil//double.txt"):
        storage.upload_bytes(b"x", bucket, key)
    dst = tmp_path / "dst"
    with pytest.raises(InvalidValueError) as info:
        storage.sync_down(bucket, "evil", dst)
    assert len(info.value.problems) == 3
    assert not (tmp_path / "escape.txt").exists()
    assert storage.sync_down(bucket, "evil", dst, exclude=["*..*", "*\\*", "/*"]).plan == ()


def test_sync_rejects_bad_directories(storage: Storage, bucket: str, tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match="does not exist"):
        storage.sync_up(tmp_path / "missing", bucket)
    a_file = write(tmp_path / "file.txt", b"x")
    with pytest.raises(InvalidValueError, match="not a directory"):
        storage.sync_down(bucket, "", a_file)


def test_progress_totals_cover_the_whole_sync(storage: Storage, bucket: str, tmp_path: Path) -> None:
    files = make_tree(tmp_path / "src")
    events: list[ProgressEvent] = []
    storage.sync_up(tmp_path / "src", bucket, progress=events.append)
    total = sum(len(d) for d in files.values())
    assert {e.bytes_total for e in events} == {total}
    assert {e.files_total for e in events} == {len(files)}
    assert events[-1].bytes_done == total
    assert events[-1].files_done == len(files)
    done = [e for e in events if e.file_done]
    assert sorted(e.key for e in done) == sorted(files)
    assert all(e.file_bytes == e.file_size for e in done)


def test_recently_written_files_are_hashed_again_once(
    storage: Storage, bucket: str, tmp_path: Path, hashes: list[Path]
) -> None:
    src = tmp_path / "src"
    fresh = write(src / "fresh.txt", b"just written")  # mtime ~ now: a later edit could keep it
    storage.sync_up(src, bucket)
    hashes.clear()
    assert storage.sync_up(src, bucket).unchanged == 1
    assert hashes == [fresh]  # racy entry was not trusted
    age(fresh)
    hashes.clear()
    storage.sync_up(src, bucket)
    storage.sync_up(src, bucket)
    assert hashes == [fresh]  # hashed once after the change of mtime, then cached


def test_a_corrupt_or_disabled_cache_only_costs_hashing(
    storage: Storage, bucket: str, tmp_path: Path, cache_dir: Path, hashes: list[Path]
) -> None:
    src = tmp_path / "src"
    files = make_tree(src)
    storage.sync_up(src, bucket)
    for cache_file in cache_dir.iterdir():
        cache_file.write_text("{not json")
    hashes.clear()
    assert storage.sync_up(src, bucket).unchanged == len(files)
    assert len(hashes) == len(files)
    uncached = Storage.from_connection(storage.connection, sync_cache=False, show_progress=False)
    assert uncached.cache_dir is None
    assert uncached.sync_up(src, bucket).unchanged == len(files)
