"""The one place where boto3/botocore failures become storage errors.

The storage error classes live with the rest of the exception tree (``qarnot_ext._errors``, whose
docstring draws it) and are re-exported from :mod:`qarnot_ext.storage`; the S3 codes map as::

    StorageQuotaExceeded        QuotaExceeded, TooManyBuckets
    BucketNotFound              NoSuchBucket, or 404 on a bucket
    ObjectNotFound              NoSuchKey, or 404 on an object of an existing bucket
    BucketAlreadyExists         the name belongs to another account
    BucketNotEmpty              delete without ``force=True`` on a non-empty bucket
    StorageAccessDenied         AccessDenied, bad access key or signature (403)
    StorageConnectionError      no HTTP answer: refused, TLS failure, timeout

Every translated error keeps ``bucket``, ``key``, ``code`` (the S3 error code, or the HTTP status for
body-less HEAD answers) and ``operation``, and chains the botocore exception as ``__cause__``.
Messages never contain the secret key: botocore does not put it in errors, and :func:`translate`
also masks it if a server ever echoed it back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionClosedError,
    HTTPClientError,
    NoCredentialsError,
    PartialCredentialsError,
)
from botocore.exceptions import ConnectionError as BotoConnectionError
from s3transfer.exceptions import RetriesExceededError

from qarnot_ext._errors import (
    BucketAlreadyExists,
    BucketNotEmpty,
    BucketNotFound,
    ConfigError,
    ObjectNotFound,
    StorageAccessDenied,
    StorageConnectionError,
    StorageError,
    StorageQuotaExceeded,
)

__all__ = [
    "BucketAlreadyExists",
    "BucketNotEmpty",
    "BucketNotFound",
    "ObjectNotFound",
    "StorageAccessDenied",
    "StorageConnectionError",
    "translate",
]


_BY_CODE: dict[str, type[StorageError]] = {
    "NoSuchBucket": BucketNotFound,
    "NoSuchKey": ObjectNotFound,
    "BucketAlreadyExists": BucketAlreadyExists,
    "BucketNotEmpty": BucketNotEmpty,
    "AccessDenied": StorageAccessDenied,
    "InvalidAccessKeyId": StorageAccessDenied,
    "SignatureDoesNotMatch": StorageAccessDenied,
    "Forbidden": StorageAccessDenied,
    "403": StorageAccessDenied,
    # Ceph RGW answers QuotaExceeded for size/object quotas and TooManyBuckets for the bucket quota.
    "QuotaExceeded": StorageQuotaExceeded,
    "TooManyBuckets": StorageQuotaExceeded,
}

# Operations whose 404 (HEAD answers carry no body, hence no code) is about the bucket itself.
_BUCKET_OPERATIONS = frozenset(
    {"HeadBucket", "ListObjectsV2", "ListObjectVersions", "DeleteBucket", "ListMultipartUploads"}
)


def _mask(text: str, redact: Callable[[str], str] | None) -> str:
    return redact(text) if redact is not None else text


def translate(
    exc: BaseException,
    *,
    operation: str,
    bucket: str | None = None,
    key: str | None = None,
    redact: Callable[[str], str] | None = None,
) -> StorageError | ConfigError:
    """Turn a boto3/botocore/s3transfer failure into the matching :class:`StorageError`.

    ``operation`` is the S3 operation name (``PutObject``…) used when botocore did not say;
    ``redact`` masks secrets in the message. Exceptions that are already ours are returned as they
    are; anything else becomes a plain :class:`StorageError`.
    """
    if isinstance(exc, StorageError | ConfigError):
        return exc
    if isinstance(exc, ClientError):
        return _from_client_error(exc, operation=operation, bucket=bucket, key=key, redact=redact)
    if isinstance(exc, NoCredentialsError | PartialCredentialsError):
        return ConfigError(f"storage credentials are missing or incomplete ({type(exc).__name__})")
    if isinstance(exc, BotoConnectionError | ConnectionClosedError | HTTPClientError | RetriesExceededError):
        message = _mask(f"cannot reach the storage: {exc}", redact)
        return StorageConnectionError(message, bucket=bucket, key=key, operation=operation)
    if isinstance(exc, BotoCoreError | OSError):
        message = _mask(f"{type(exc).__name__}: {exc}", redact)
        return StorageError(message, bucket=bucket, key=key, operation=operation)
    message = _mask(f"{type(exc).__name__}: {exc}", redact)
    return StorageError(message, bucket=bucket, key=key, operation=operation)


def _from_client_error(
    exc: ClientError,
    *,
    operation: str,
    bucket: str | None,
    key: str | None,
    redact: Callable[[str], str] | None,
) -> StorageError:
    response: dict[str, Any] = dict(exc.response or {})
    error: dict[str, Any] = dict(response.get("Error") or {})
    meta: dict[str, Any] = dict(response.get("ResponseMetadata") or {})
    status = meta.get("HTTPStatusCode")
    code = str(error.get("Code") or status or "Unknown")
    op = exc.operation_name or operation
    cls = _BY_CODE.get(code)
    if cls is None and code == "404":
        cls = BucketNotFound if op in _BUCKET_OPERATIONS or key is None else ObjectNotFound
    if cls is None:
        cls = StorageError
    text = str(error.get("Message") or "").strip()
    if not text:
        text = {
            BucketNotFound: "bucket not found",
            ObjectNotFound: "object not found",
            StorageAccessDenied: "access denied",
        }.get(cls, f"HTTP {status}" if status else "storage error")
    return cls(_mask(text, redact), bucket=bucket, key=key, code=code, operation=op)
