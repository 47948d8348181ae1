"""Qarnot storage (S3-compatible, Ceph) over boto3: buckets, objects, transfers, sync, task helpers.

Typical use::

    storage = Storage(endpoint_url, email, token)          # or Storage.lazy(...): discovers on first use
    storage.create_bucket("inputs")                         # idempotent
    resources = storage.upload_task_inputs("data/", "inputs", "run-1")   # -> advancedResourceBuckets
    result = storage.sync_down("results", "run-1", "out/")  # downloads only what changed
    print(result.transferred)

:class:`AsyncStorage` is the asyncio twin (same methods, run in worker threads).
"""

from qarnot_ext.storage._async import AsyncObjectReader, AsyncStorage
from qarnot_ext.storage._client import ConnectionSettings, SupportsReveal, TransferSettings
from qarnot_ext.storage._errors import (
    BucketAlreadyExists,
    BucketNotEmpty,
    BucketNotFound,
    ObjectNotFound,
    StorageAccessDenied,
    StorageConnectionError,
)
from qarnot_ext.storage._models import BucketInfo, ObjectInfo, SyncAction, SyncResult
from qarnot_ext.storage._resources import resource_bucket, task_results_location
from qarnot_ext.storage._storage import Storage
from qarnot_ext.storage._transfer import ProgressCallback, ProgressEvent

__all__ = [
    "AsyncObjectReader",
    "AsyncStorage",
    "BucketAlreadyExists",
    "BucketInfo",
    "BucketNotEmpty",
    "BucketNotFound",
    "ConnectionSettings",
    "ObjectInfo",
    "ObjectNotFound",
    "ProgressCallback",
    "ProgressEvent",
    "Storage",
    "StorageAccessDenied",
    "StorageConnectionError",
    "SupportsReveal",
    "SyncAction",
    "SyncResult",
    "TransferSettings",
    "resource_bucket",
    "task_results_location",
]
