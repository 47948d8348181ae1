"""Deleted buckets and objects are released: moto would otherwise keep every object it ever stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from moto.s3 import models

from qarnot_ext.emulator import Emulator, Tenant
from qarnot_ext.emulator._storage import release_deleted_objects
from tests.emulator.test_emulator_served import s3


def _tracked(model: Any) -> list[Any]:
    tracked: list[Any] = model.instances_tracked  # moto sets it on each model class at runtime
    return tracked


def _tracked_keys(bucket: str) -> list[Any]:
    return [k for k in _tracked(models.FakeKey) if getattr(k, "bucket_name", None) == bucket]


def test_deleted_buckets_and_objects_are_released(live: Emulator, new_tenant: Callable[..., Tenant]) -> None:
    tenant = new_tenant()
    client = s3(live, tenant.email, tenant.token)
    doomed, kept = f"doomed-{tenant.token[-8:]}", f"kept-{tenant.token[-8:]}"
    for bucket in (doomed, kept):
        client.create_bucket(Bucket=bucket)
        for index in range(5):
            client.put_object(Bucket=bucket, Key=f"k{index}", Body=b"x" * 100_000)
    client.put_object(Bucket=kept, Key="k0", Body=b"overwritten")  # the old k0 is garbage now
    client.delete_object(Bucket=kept, Key="k1")
    keys = _tracked_keys(doomed)
    assert len(keys) == 5
    client.delete_objects(Bucket=doomed, Delete={"Objects": [{"Key": f"k{i}"} for i in range(5)]})
    client.delete_bucket(Bucket=doomed)

    assert release_deleted_objects(grace=0.0) > 0
    assert _tracked_keys(doomed) == []
    assert all(key.disposed for key in keys)
    assert len(_tracked_keys(kept)) == 4  # k0 (new), k2, k3, k4
    assert doomed not in [b.name for b in _tracked(models.FakeBucket)]
    # Nothing live was touched.
    assert client.get_object(Bucket=kept, Key="k0")["Body"].read() == b"overwritten"
    assert client.get_object(Bucket=kept, Key="k4")["Body"].read() == b"x" * 100_000
