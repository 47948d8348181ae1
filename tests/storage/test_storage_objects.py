"""Objects: bytes and files, multipart, listing beyond 1,000 keys, copy, delete, streaming, progress."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from qarnot_ext import InvalidValueError, StorageError
from qarnot_ext.storage import ObjectNotFound, ProgressEvent, Storage
from qarnot_ext.storage._etag import compute_etags
from qarnot_ext.storage._paths import TEMP_MARKER
from tests.storage._storage_helpers import MiB, seed_objects, write


def test_bytes_round_trip_with_unicode_and_nested_keys(storage: Storage, bucket: str) -> None:
    key = "données/été/naïve ✓.txt"
    storage.upload_bytes("héllo".encode(), bucket, key)
    assert storage.download_bytes(bucket, key) == "héllo".encode()
    info = storage.head_object(bucket, key)
    assert (info.key, info.size) == (key, len("héllo".encode()))
    assert [o.key for o in storage.list_objects(bucket, "données/")] == [key]


def test_multipart_upload_and_download_above_threshold(storage: Storage, bucket: str, tmp_path: Path) -> None:
    data = os.urandom(12 * MiB + 123)
    source = write(tmp_path / "big.bin", data)
    events: list[ProgressEvent] = []
    lock = threading.Lock()

    def record(event: ProgressEvent) -> None:
        with lock:
            events.append(event)

    key = storage.upload_file(source, bucket, progress=record)
    assert key == "big.bin"
    info = storage.head_object(bucket, key)
    assert info.etag.endswith("-3")  # 5 MiB parts
    expected = compute_etags(source, [5 * MiB])
    assert info.etag == dict(expected.multipart)[5 * MiB]
    assert events[-1].file_done
    assert events[-1].bytes_done == events[-1].bytes_total == len(data)
    assert (events[-1].files_done, events[-1].files_total) == (1, 1)
    assert max(e.bytes_done for e in events) == len(data)

    target = tmp_path / "out" / "nested" / "big.bin"
    events.clear()
    assert storage.download_file(bucket, key, target, progress=record) == target
    assert target.read_bytes() == data
    assert events[-1].bytes_done == len(data)
    assert events[-1].file_done
    assert target.stat().st_mtime_ns == info.last_modified_ns
    assert not [p for p in target.parent.iterdir() if TEMP_MARKER in p.name]


def test_listing_is_lazy_and_goes_beyond_1000_keys(storage: Storage, bucket: str) -> None:
    keys = [f"many/{i:04d}" for i in range(1005)]
    seed_objects(bucket, [*keys, "other"])
    listing = storage.list_objects(bucket, "many/")
    first = next(listing)
    assert first.key == "many/0000"
    assert [first.key, *(o.key for o in listing)] == keys
    # The force delete goes through the same listing and deletes in batches of 1,000.
    storage.delete_bucket(bucket, force=True)
    assert not storage.bucket_exists(bucket)


def test_copy_delete_and_delete_many(storage: Storage, bucket: str) -> None:
    storage.create_bucket("other")
    storage.upload_bytes(b"payload", bucket, "src.txt")
    storage.copy_object(bucket, "src.txt", "other", "copy/dst.txt")
    assert storage.download_bytes("other", "copy/dst.txt") == b"payload"
    storage.delete_object(bucket, "src.txt")
    assert not storage.object_exists(bucket, "src.txt")
    storage.delete_object(bucket, "src.txt")  # deleting a missing key is not an error in S3
    for i in range(3):
        storage.upload_bytes(b"x", "other", f"k{i}")
    assert storage.delete_objects("other", ["k0", "k1", "k2", "copy/dst.txt"]) == 4
    assert list(storage.list_objects("other")) == []
    with pytest.raises(ObjectNotFound) as info:
        storage.copy_object(bucket, "gone.txt", "other", "x")
    assert (info.value.bucket, info.value.key) == (bucket, "gone.txt")


def test_upload_files_concurrently(storage: Storage, bucket: str, tmp_path: Path) -> None:
    files = {f"batch/{i}.txt": write(tmp_path / f"{i}.txt", f"file {i}".encode()) for i in range(25)}
    done: list[ProgressEvent] = []
    keys = storage.upload_files(files, bucket, progress=lambda e: done.append(e) if e.file_done else None)
    assert sorted(keys) == sorted(files)
    assert len(done) == 25
    assert done[-1].files_done == 25
    assert done[-1].bytes_done == sum(p.stat().st_size for p in files.values())
    assert {o.key for o in storage.list_objects(bucket, "batch/")} == set(files)


def test_streaming_reads(storage: Storage, bucket: str) -> None:
    data = os.urandom(3 * MiB + 7)
    storage.upload_bytes(data, bucket, "stream.bin")
    chunks = list(storage.iter_object(bucket, "stream.bin", chunk_size=MiB))
    assert [len(c) for c in chunks] == [MiB, MiB, MiB, 7]
    assert b"".join(chunks) == data
    with storage.open_object(bucket, "stream.bin") as handle:
        assert handle.read(10) == data[:10]
        assert handle.read() == data[10:]
    with pytest.raises(ObjectNotFound):
        storage.open_object(bucket, "nope")
    with pytest.raises(InvalidValueError):
        storage.iter_object(bucket, "stream.bin", chunk_size=0)


def test_failed_download_keeps_the_existing_file_and_leaves_no_temporary(
    storage: Storage, bucket: str, tmp_path: Path
) -> None:
    target = write(tmp_path / "keep.txt", b"precious")
    storage.upload_bytes(b"new content", bucket, "obj.txt")

    def explode(event: ProgressEvent) -> None:
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        storage.download_file(bucket, "obj.txt", target, progress=explode)
    assert target.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


@pytest.mark.parametrize("key", ["", "k" * 1025, "é" * 513])
def test_bad_keys_are_rejected(storage: Storage, bucket: str, key: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        storage.upload_bytes(b"x", bucket, key)
    assert info.value.kind == "object key"


def test_bad_local_files_are_rejected(storage: Storage, bucket: str, tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match="cannot be read"):
        storage.upload_file(tmp_path / "missing", bucket, "k")
    with pytest.raises(InvalidValueError, match="not a regular file"):
        storage.upload_file(tmp_path, bucket, "k")


def test_upload_into_missing_bucket_is_a_storage_error(storage: Storage, tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", b"a")
    with pytest.raises(StorageError) as info:
        storage.upload_file(source, "ghost", "a.txt")
    assert info.value.code == "NoSuchBucket"
    assert (info.value.bucket, info.value.key) == ("ghost", "a.txt")
    assert not storage.bucket_exists("ghost")


def test_progress_bar_and_bounded_submission(
    storage: Storage, bucket: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qarnot_ext.storage import TransferSettings

    narrow = Storage.from_connection(storage.connection, show_progress=True, sync_cache=False)
    assert narrow.transfer_settings == storage.transfer_settings
    files = {f"bar/{i}.txt": write(tmp_path / f"{i}.txt", b"z" * 100) for i in range(12)}
    narrow.upload_files(files, bucket)
    err = capsys.readouterr().err
    assert "uploading" in err
    assert "12/12 files" in err

    # Two files in flight at most: still every file goes up, none twice.
    tight = Storage(
        storage.connection.settings().endpoint_url,
        "user@example.com",
        "k",
        transfer=TransferSettings(max_concurrency=2, max_files_in_flight=2),
        sync_cache=False,
    )
    assert sorted(tight.upload_files(files, bucket)) == sorted(files)
    assert capsys.readouterr().err == ""  # not a terminal: no bar by default


def test_progress_without_rich_falls_back_to_plain_lines(
    storage: Storage,
    bucket: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A client-only install has no rich (it comes with the `progress` extra): progress still shows.
    for name in [m for m in sys.modules if m == "rich" or m.startswith("rich.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "rich", None)
    plain = Storage.from_connection(storage.connection, show_progress=True, sync_cache=False)
    files = {f"plain/{i}.txt": write(tmp_path / f"{i}.txt", b"p" * 10) for i in range(3)}
    assert sorted(plain.upload_files(files, bucket)) == sorted(files)
    lines = capsys.readouterr().err.splitlines()
    assert lines, "no progress shown"
    assert lines[-1] == "uploading: 3/3 files, 30/30 bytes (100%)"
