"""Round trips of a sync, counted at the HTTP layer: a sync that changes nothing only lists.

Latency, not bandwidth, is what a no-change sync pays for against a remote storage, so the number of
requests it sends is pinned here (never its duration). The counter is a ``before-send`` handler on
the shared boto3 client's event system, which sees every HTTP request botocore really sends,
retries included, to moto's server on loopback.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from qarnot_ext.storage import Storage
from tests.storage._storage_helpers import MiB, age, seed_objects, write


class RequestLog:
    """Every HTTP request the storage's boto3 client sends, as ``(method, path, query)``."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, dict[str, list[str]]]] = []

    def __call__(self, request: object, **_: object) -> None:
        url = urlsplit(str(getattr(request, "url", "")))
        self.sent.append((str(getattr(request, "method", "")), url.path, parse_qs(url.query)))

    def listings(self) -> list[tuple[str, str, dict[str, list[str]]]]:
        return [r for r in self.sent if r[0] == "GET" and r[2].get("list-type") == ["2"]]

    def others(self) -> list[tuple[str, str]]:
        listings = self.listings()
        return [(m, p) for m, p, q in self.sent if (m, p, q) not in listings]


@pytest.fixture
def requests(storage: Storage) -> Iterator[RequestLog]:
    log = RequestLog()
    events = storage.connection.client().meta.events
    events.register("before-send.s3", log)
    try:
        yield log
    finally:
        events.unregister("before-send.s3", log)


def make_tree(root: Path) -> None:
    for rel, data in {
        "a.txt": b"alpha",
        "sub/b.txt": b"bravo",
        "sub/deeper/c.bin": os.urandom(4096),
        # Above the 5 MiB threshold of the fixture: a multipart ETag, still compared without a HEAD.
        "big.bin": os.urandom(6 * MiB),
    }.items():
        age(write(root / rel, data))


def test_no_change_sync_up_sends_one_listing_and_nothing_else(
    storage: Storage, bucket: str, tmp_path: Path, requests: RequestLog
) -> None:
    make_tree(tmp_path / "src")
    storage.sync_up(tmp_path / "src", bucket, "runs/1")
    requests.sent.clear()

    result = storage.sync_up(tmp_path / "src", bucket, "runs/1", delete=True)

    assert result.plan == ()
    assert result.unchanged == 4
    assert [(m, p, q["prefix"]) for m, p, q in requests.listings()] == [("GET", f"/{bucket}", ["runs/1/"])]
    assert requests.others() == []


def test_no_change_sync_down_sends_one_listing_and_nothing_else(
    storage: Storage, bucket: str, tmp_path: Path, requests: RequestLog
) -> None:
    make_tree(tmp_path / "src")
    storage.sync_up(tmp_path / "src", bucket, "runs/1")
    storage.sync_down(bucket, "runs/1", tmp_path / "dst")
    requests.sent.clear()

    result = storage.sync_down(bucket, "runs/1", tmp_path / "dst", delete=True)

    assert result.plan == ()
    assert result.unchanged == 4
    assert len(requests.listings()) == 1
    assert requests.others() == []


def test_one_changed_file_costs_the_listing_and_its_upload(
    storage: Storage, bucket: str, tmp_path: Path, requests: RequestLog
) -> None:
    make_tree(tmp_path / "src")
    storage.sync_up(tmp_path / "src", bucket)
    age(write(tmp_path / "src" / "a.txt", b"ALPHA"))  # same size: only the ETag tells
    requests.sent.clear()

    result = storage.sync_up(tmp_path / "src", bucket)

    assert result.transferred == ("a.txt",)
    assert len(requests.listings()) == 1
    assert requests.others() == [("PUT", f"/{bucket}/a.txt")]


@pytest.mark.parametrize("direction", ["up", "down"])
def test_no_change_sync_lists_once_per_1000_keys(
    storage: Storage, bucket: str, tmp_path: Path, requests: RequestLog, direction: str
) -> None:
    keys = [f"many/k{i:05d}" for i in range(2500)]
    seed_objects(bucket, keys, b".")
    local = tmp_path / "many"
    for key in keys:
        age(write(tmp_path / key, b"."))

    # Cold cache: every file is hashed locally; warm cache: none is. Neither costs a request.
    for _ in range(2):
        requests.sent.clear()
        if direction == "up":
            result = storage.sync_up(local, bucket, "many")
        else:
            result = storage.sync_down(bucket, "many", local)
        assert result.plan == ()
        assert result.unchanged == 2500
        assert len(requests.listings()) == 3
        assert requests.others() == []
