"""Translation of botocore/s3transfer failures into the QarnotError tree."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError, NoCredentialsError, ReadTimeoutError
from s3transfer.exceptions import RetriesExceededError

from qarnot_ext import ConfigError, QarnotError, StorageError, StorageQuotaExceeded
from qarnot_ext.storage import (
    BucketAlreadyExists,
    BucketNotEmpty,
    BucketNotFound,
    ObjectNotFound,
    StorageAccessDenied,
    StorageConnectionError,
)
from qarnot_ext.storage._errors import translate
from tests.storage._storage_helpers import SECRET


def client_error(
    code: str, message: str = "", status: int = 400, operation: str = "PutObject"
) -> ClientError:
    response: Any = {
        "Error": {"Code": code, "Message": message},
        "ResponseMetadata": {"HTTPStatusCode": status},
    }
    return ClientError(response, operation)


@pytest.mark.parametrize(
    ("code", "status", "cls"),
    [
        ("NoSuchBucket", 404, BucketNotFound),
        ("NoSuchKey", 404, ObjectNotFound),
        ("BucketAlreadyExists", 409, BucketAlreadyExists),
        ("BucketNotEmpty", 409, BucketNotEmpty),
        ("AccessDenied", 403, StorageAccessDenied),
        ("InvalidAccessKeyId", 403, StorageAccessDenied),
        ("SignatureDoesNotMatch", 403, StorageAccessDenied),
        ("QuotaExceeded", 403, StorageQuotaExceeded),
        ("TooManyBuckets", 400, StorageQuotaExceeded),
        ("SlowDown", 503, StorageError),
    ],
)
def test_codes_map_to_classes(code: str, status: int, cls: type[StorageError]) -> None:
    error = translate(client_error(code, "nope", status), operation="PutObject", bucket="b", key="k")
    assert type(error) is cls
    assert isinstance(error, QarnotError)
    assert isinstance(error, StorageError)
    assert (error.bucket, error.key, error.code, error.operation) == ("b", "k", code, "PutObject")
    assert "nope" in str(error)
    assert "b/k" in str(error)


def test_bodyless_404_is_told_apart_by_operation() -> None:
    head_bucket = translate(
        client_error("404", status=404, operation="HeadBucket"), operation="x", bucket="b"
    )
    head_object = translate(
        client_error("404", status=404, operation="HeadObject"), operation="x", bucket="b", key="k"
    )
    assert isinstance(head_bucket, BucketNotFound)
    assert isinstance(head_object, ObjectNotFound)
    assert "not found" in str(head_object)
    forbidden = translate(client_error("403", status=403, operation="HeadBucket"), operation="x", bucket="b")
    assert isinstance(forbidden, StorageAccessDenied)


def test_transport_failures() -> None:
    refused = translate(
        EndpointConnectionError(endpoint_url="http://127.0.0.1:9/b"), operation="ListObjectsV2"
    )
    assert isinstance(refused, StorageConnectionError)
    timeout = translate(ReadTimeoutError(endpoint_url="http://h/b"), operation="GetObject", bucket="b")
    assert isinstance(timeout, StorageConnectionError)
    broken_stream = translate(RetriesExceededError(last_exception=OSError("reset")), operation="GetObject")
    assert isinstance(broken_stream, StorageConnectionError)
    assert isinstance(translate(NoCredentialsError(), operation="ListBuckets"), ConfigError)
    assert type(translate(ValueError("odd"), operation="X")) is StorageError


def test_a_secret_echoed_by_the_server_is_masked() -> None:
    error = translate(
        client_error("SignatureDoesNotMatch", f"secret was {SECRET}", 403),
        operation="PutObject",
        redact=lambda text: text.replace(SECRET, "***"),
    )
    assert SECRET not in str(error)
    assert "***" in str(error)


def test_ours_pass_through() -> None:
    original = BucketNotFound("gone", bucket="b")
    assert translate(original, operation="X") is original


class _Raw:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **kwargs: Any) -> Any:
        yield self._body


def test_ceph_quota_answer_through_the_whole_stack(storage: Any, bucket: str) -> None:
    """Ceph answers 403 QuotaExceeded when the user's quota is full; moto has no quotas, so the
    answer is injected at botocore's send hook and goes through parsing, retries and translation."""
    from botocore.awsrequest import AWSResponse, HTTPHeaders

    body = (
        b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>QuotaExceeded</Code>'
        b"<Message></Message><BucketName>data</BucketName><RequestId>tx1</RequestId></Error>"
    )
    client = storage.connection.client()

    headers = HTTPHeaders()
    headers["Content-Type"] = "application/xml"

    def quota(request: Any, **kwargs: Any) -> AWSResponse:
        return AWSResponse(request.url, 403, headers, _Raw(body))

    client.meta.events.register("before-send.s3.PutObject", quota)
    try:
        with pytest.raises(StorageQuotaExceeded) as info:
            storage.upload_bytes(b"x", bucket, "full.txt")
    finally:
        client.meta.events.unregister("before-send.s3.PutObject", quota)
    assert (info.value.bucket, info.value.key, info.value.code) == (bucket, "full.txt", "QuotaExceeded")
    storage.upload_bytes(b"x", bucket, "fine.txt")
