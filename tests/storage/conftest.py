"""Fixtures for the storage tests: one moto S3 server on loopback for the session, reset per test.

moto's threaded server is real HTTP, so these tests exercise the same botocore path as production
(signing, path-style URLs, XML parsing, transfer manager), not in-process mocks.

Warnings: ``filterwarnings = error`` is on for the whole suite. moto's werkzeug server only logs
access lines (log records, not warnings) and nothing here emits a warning today; tests that
deliberately trigger one (none so far) must mark it themselves.
"""

from __future__ import annotations

import logging
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from moto.server import ThreadedMotoServer

from qarnot_ext.storage import Storage, TransferSettings
from tests.storage._storage_helpers import EMAIL, SECRET, FakeSecret, MiB


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    # moto's server logs one werkzeug line per request at INFO: keep them out of captured logs.
    werkzeug = logging.getLogger("werkzeug")
    previous = werkzeug.level
    werkzeug.setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()
        werkzeug.setLevel(previous)


@pytest.fixture
def endpoint(moto_endpoint: str) -> str:
    request = urllib.request.Request(f"{moto_endpoint}/moto-api/reset", method="POST")
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 200
    return moto_endpoint


@pytest.fixture
def small_parts() -> TransferSettings:
    """5 MiB threshold and parts (the S3 minimum) so that multipart paths run on small files."""
    return TransferSettings(multipart_threshold=5 * MiB, part_size=5 * MiB, max_concurrency=4)


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def storage(endpoint: str, small_parts: TransferSettings, cache_dir: Path) -> Iterator[Storage]:
    with Storage(
        endpoint,
        EMAIL,
        FakeSecret(SECRET),
        transfer=small_parts,
        cache_dir=cache_dir,
        show_progress=False,
        max_attempts=2,
    ) as store:
        yield store


@pytest.fixture
def bucket(storage: Storage) -> str:
    storage.create_bucket("data")
    return "data"
