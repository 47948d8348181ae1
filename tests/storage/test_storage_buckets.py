"""Buckets: idempotent create, exists, list, delete with and without force, no side effects on read."""

from __future__ import annotations

import pytest

from qarnot_ext import InvalidValueError, StorageError
from qarnot_ext.storage import BucketNotEmpty, BucketNotFound, ObjectNotFound, Storage


def test_create_is_idempotent_and_listed(storage: Storage) -> None:
    assert not storage.bucket_exists("alpha")
    storage.create_bucket("alpha")
    storage.create_bucket("alpha")
    assert storage.bucket_exists("alpha")
    assert [b.name for b in storage.buckets()] == ["alpha"]
    assert storage.buckets()[0].created is not None


def test_delete_empty_bucket(storage: Storage) -> None:
    storage.create_bucket("alpha")
    storage.delete_bucket("alpha")
    assert not storage.bucket_exists("alpha")


def test_delete_missing_bucket_is_bucket_not_found(storage: Storage) -> None:
    with pytest.raises(BucketNotFound) as info:
        storage.delete_bucket("missing")
    assert info.value.bucket == "missing"
    assert info.value.code == "NoSuchBucket"
    assert info.value.operation == "DeleteBucket"


def test_delete_non_empty_needs_force(storage: Storage, bucket: str) -> None:
    storage.upload_bytes(b"x", bucket, "a.txt")
    with pytest.raises(BucketNotEmpty):
        storage.delete_bucket(bucket)
    assert storage.bucket_exists(bucket)
    storage.delete_bucket(bucket, force=True)
    assert not storage.bucket_exists(bucket)


def test_force_delete_versioned_bucket(storage: Storage, bucket: str) -> None:
    client = storage.connection.client()
    client.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    for body in (b"v1", b"v2", b"v3"):
        storage.upload_bytes(body, bucket, "same.txt")
    storage.delete_object(bucket, "same.txt")  # leaves a delete marker on top of three versions
    versions = client.list_object_versions(Bucket=bucket)
    assert len(versions["Versions"]) == 3
    assert len(versions["DeleteMarkers"]) == 1
    storage.delete_bucket(bucket, force=True)
    assert not storage.bucket_exists(bucket)


def test_force_delete_aborts_unfinished_multipart_uploads(storage: Storage, bucket: str) -> None:
    client = storage.connection.client()
    client.create_multipart_upload(Bucket=bucket, Key="half.bin")
    storage.delete_bucket(bucket, force=True)
    assert not storage.bucket_exists(bucket)


def test_reads_never_create_the_bucket(storage: Storage) -> None:
    with pytest.raises(BucketNotFound):
        list(storage.list_objects("ghost"))
    with pytest.raises(BucketNotFound):
        storage.head_object("ghost", "k")
    with pytest.raises(BucketNotFound):
        storage.download_bytes("ghost", "k")
    with pytest.raises(BucketNotFound):
        storage.object_exists("ghost", "k")
    assert not storage.bucket_exists("ghost")
    assert storage.buckets() == []


def test_missing_key_and_missing_bucket_are_told_apart(storage: Storage, bucket: str) -> None:
    with pytest.raises(ObjectNotFound) as missing_key:
        storage.download_bytes(bucket, "nope")
    assert (missing_key.value.bucket, missing_key.value.key) == (bucket, "nope")
    with pytest.raises(ObjectNotFound):
        storage.head_object(bucket, "nope")
    assert not storage.object_exists(bucket, "nope")
    with pytest.raises(BucketNotFound):
        storage.download_bytes("ghost", "nope")
    assert not isinstance(missing_key.value, BucketNotFound)
    assert isinstance(missing_key.value, StorageError)


@pytest.mark.parametrize("name", ["", "ab", "a/b", "back\\slash", "with space", "x" * 256])
def test_bad_bucket_names_are_rejected_before_any_request(storage: Storage, name: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        storage.create_bucket(name)
    assert info.value.kind == "bucket name"
