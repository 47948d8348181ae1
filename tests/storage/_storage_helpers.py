"""Helpers shared by the storage tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import os
from pathlib import Path

MiB = 1024 * 1024
SECRET = "tok-3f9c1e77d2b04a5e9c0d-SECRET"
EMAIL = "user@example.com"


class FakeSecret:
    """Stands in for ``qarnot_ext.Secret``: masked everywhere, revealed on request."""

    def __init__(self, value: str) -> None:
        self._value = value

    def __repr__(self) -> str:
        return "FakeSecret('***')"

    def reveal(self) -> str:
        return self._value


def write(path: Path, data: bytes) -> Path:
    """Create ``path`` (and its parents) with ``data``; return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def age(path: Path, seconds: float = 10.0) -> None:
    """Move a file's mtime into the past, as for a file not written just now."""
    st = path.stat()
    back = int(seconds * 1e9)
    os.utime(path, ns=(st.st_atime_ns - back, st.st_mtime_ns - back))


def seed_objects(bucket: str, keys: list[str], body: bytes = b".") -> None:
    """Put many small objects straight into moto's in-process backend (the server shares it).

    Only to build large fixtures fast: every read the tests make still goes over HTTP.
    """
    from moto.core.models import DEFAULT_ACCOUNT_ID
    from moto.s3.models import s3_backends

    backend = s3_backends[DEFAULT_ACCOUNT_ID]["global"]
    for key in keys:
        backend.put_object(bucket, key, body)
