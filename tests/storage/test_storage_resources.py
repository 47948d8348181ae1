"""Task helpers: advancedResourceBuckets wire shape, inputs upload, results download and streaming."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qarnot_ext import InvalidValueError
from qarnot_ext.storage import ObjectNotFound, Storage, resource_bucket, task_results_location
from tests.storage._storage_helpers import age, write

# The ResourcesBucket example of the API reference (task and pool inputs/outputs).
REFERENCE_EXAMPLE = {
    "bucketName": "bucket",
    "filtering": {"prefixFiltering": {"prefix": "some/path/in/bucket/"}},
    "resourcesTransformation": {"stripPrefix": {"prefix": "some/prefix/to/remove"}},
    "cacheTTLSec": 2592000,
}


def test_resource_bucket_matches_the_reference_shape() -> None:
    built = resource_bucket(
        "bucket",
        prefix="some/path/in/bucket/",
        strip_prefix="some/prefix/to/remove",
        cache_ttl_sec=2592000,
    )
    assert built == REFERENCE_EXAMPLE
    assert resource_bucket("bucket") == {"bucketName": "bucket"}


@pytest.mark.parametrize(
    "kwargs",
    [
        {"prefix": ""},
        {"strip_prefix": "a\\b"},
        {"cache_ttl_sec": -1},
        {"cache_ttl_sec": True},
        {"cache_ttl_sec": 2**31},
    ],
)
def test_resource_bucket_rejects_bad_parts(kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidValueError) as info:
        resource_bucket("bucket", **kwargs)
    assert info.value.kind == "resource bucket"


def test_results_location_reads_the_task_document() -> None:
    assert task_results_location({"resultBucket": "out"}) == ("out", "")
    assert task_results_location(
        {"resultBucket": None, "resultsBucket": "res", "resultsBucketPrefix": "p/"}
    ) == (
        "res",
        "p/",
    )
    with pytest.raises(InvalidValueError, match="no result bucket"):
        task_results_location({"uuid": "52c10b2d", "resultBucket": None})
    with pytest.raises(InvalidValueError):
        task_results_location({"resultBucket": "out", "resultsBucketPrefix": 3})


def test_results_location_reads_a_typed_task() -> None:
    class TypedTask:
        def to_dict(self) -> dict[str, Any]:
            return {"uuid": "52c10b2d", "resultBucket": "out", "resultsBucketPrefix": "run-1/"}

    assert task_results_location(TypedTask()) == ("out", "run-1/")
    with pytest.raises(InvalidValueError, match="must be a mapping or have to_dict"):
        task_results_location(42)  # type: ignore[arg-type]


def test_upload_task_inputs_from_a_directory(storage: Storage, tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    for rel in ("scene.blend", "textures/wood.png"):
        age(write(inputs / rel, rel.encode()))
    wire = storage.upload_task_inputs(inputs, "job-inputs", "run-7", cache_ttl_sec=3600)
    assert wire == [
        {
            "bucketName": "job-inputs",
            "filtering": {"prefixFiltering": {"prefix": "run-7/"}},
            "resourcesTransformation": {"stripPrefix": {"prefix": "run-7/"}},
            "cacheTTLSec": 3600,
        }
    ]
    assert {o.key for o in storage.list_objects("job-inputs")} == {
        "run-7/scene.blend",
        "run-7/textures/wood.png",
    }
    # Resubmitting uploads nothing new (it is a sync).
    assert storage.sync_up(inputs, "job-inputs", "run-7").plan == ()


def test_upload_task_inputs_from_files(storage: Storage, tmp_path: Path) -> None:
    a = write(tmp_path / "x" / "a.txt", b"a")
    b = write(tmp_path / "y" / "b.txt", b"b")
    wire = storage.upload_task_inputs([a, b], "inputs", strip_prefix=False)
    assert wire == [{"bucketName": "inputs"}]
    assert {o.key for o in storage.list_objects("inputs")} == {"a.txt", "b.txt"}
    with pytest.raises(InvalidValueError, match="same name"):
        storage.upload_task_inputs([a, write(tmp_path / "z" / "a.txt", b"other")], "inputs")
    with pytest.raises(InvalidValueError, match="not a directory"):
        storage.upload_task_inputs(tmp_path / "nope", "inputs")


def test_download_and_stream_task_results(storage: Storage, tmp_path: Path) -> None:
    storage.create_bucket("results")
    for key in ("job1/out/frame1.png", "job1/log.txt", "job2/other.txt"):
        storage.upload_bytes(key.encode(), "results", key)
    task = {"uuid": "t1", "resultBucket": "results", "resultsBucketPrefix": "job1"}
    result = storage.download_task_results(task, tmp_path / "res")
    assert sorted(result.transferred) == ["job1/log.txt", "job1/out/frame1.png"]
    assert (tmp_path / "res" / "out" / "frame1.png").read_bytes() == b"job1/out/frame1.png"
    assert storage.download_task_results(task, tmp_path / "res").transferred == ()

    assert b"".join(storage.iter_task_result(task, "out/frame1.png")) == b"job1/out/frame1.png"
    with storage.open_task_result(task, "log.txt") as handle:
        assert handle.read() == b"job1/log.txt"
    with pytest.raises(ObjectNotFound):
        storage.open_task_result(task, "missing.txt")
    with pytest.raises(InvalidValueError):
        storage.open_task_result(task, "/abs")

    glued = {"resultBucket": "results", "resultsBucketPrefix": "job"}
    storage.upload_bytes(b"glued", "results", "job-x.txt")
    assert storage.open_task_result(glued, "-x.txt").read() == b"glued"
