"""Connection settings, lazy discovery, the shared client's configuration, and secret hygiene."""

from __future__ import annotations

import logging
import pickle
import threading
from pathlib import Path
from typing import Any

import attrs
import pytest

from qarnot_ext import ConfigError, StorageError
from qarnot_ext.storage import (
    AsyncStorage,
    ConnectionSettings,
    ObjectNotFound,
    Storage,
    StorageConnectionError,
    TransferSettings,
)
from tests.storage._storage_helpers import EMAIL, SECRET, FakeSecret, MiB, write


class Discovery:
    """Counts the API calls the lazy factory makes."""

    def __init__(self, endpoint: str | None, email: str | None = EMAIL) -> None:
        self.endpoint = endpoint
        self.email = email
        self.calls: list[str] = []

    def settings(self) -> dict[str, Any]:
        self.calls.append("settings")
        return {"storage": self.endpoint}

    def info(self) -> dict[str, Any]:
        self.calls.append("info")
        return {"email": self.email, "maxBucket": 100}


def test_lazy_storage_discovers_once_on_first_use(endpoint: str, tmp_path: Path) -> None:
    discovery = Discovery(endpoint)
    storage = Storage.lazy(discovery.settings, discovery.info, FakeSecret(SECRET), cache_dir=tmp_path)
    assert discovery.calls == []  # no I/O at construction
    assert "not resolved" in repr(storage)
    threads = [threading.Thread(target=storage.bucket_exists, args=("abc",)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    storage.create_bucket("abc")
    assert discovery.calls == ["settings", "info"]
    assert storage.connection.settings().access_key == EMAIL
    assert storage.connection.client() is storage.connection.client()  # one shared client


def test_explicit_endpoint_skips_get_settings(endpoint: str) -> None:
    discovery = Discovery(None)
    storage = Storage.lazy(
        discovery.settings, discovery.info, SECRET, endpoint_url=endpoint, sync_cache=False
    )
    assert storage.buckets() == []
    assert discovery.calls == ["info"]


def test_discovery_failures_are_config_errors_and_retried(endpoint: str) -> None:
    no_storage = Discovery(None)
    storage = Storage.lazy(no_storage.settings, no_storage.info, SECRET, sync_cache=False)
    with pytest.raises(ConfigError, match="no storage endpoint"):
        storage.buckets()
    no_storage.endpoint = endpoint  # a failure is not cached: the next call discovers again
    assert storage.buckets() == []
    no_email = Discovery(endpoint, email=None)
    with pytest.raises(ConfigError, match="email"):
        Storage.lazy(no_email.settings, no_email.info, SECRET).buckets()


def test_client_is_configured_for_ceph(storage: Storage) -> None:
    client = storage.connection.client()
    config: Any = client.meta.config  # botocore's Config sets these attributes dynamically
    assert config.s3 == {"addressing_style": "path"}
    assert config.request_checksum_calculation == "when_required"
    assert config.response_checksum_validation == "when_required"
    assert config.signature_version == "s3v4"
    # Path-style: the bucket is in the path, never in the host name.
    url = client.generate_presigned_url("get_object", Params={"Bucket": "data", "Key": "k"})
    assert url.startswith(f"{client.meta.endpoint_url}/data/k?")


def test_tls_options_reach_botocore(tmp_path: Path) -> None:
    unsafe = Storage("https://storage.invalid", EMAIL, SECRET, verify=False, sync_cache=False)
    unsafe_client: Any = unsafe.connection.client()
    assert unsafe_client._endpoint.http_session._verify is False
    bundle = write(tmp_path / "ca.pem", b"-----BEGIN CERTIFICATE-----\n")
    custom = Storage("https://storage.invalid", EMAIL, SECRET, verify=str(bundle), sync_cache=False)
    custom_client: Any = custom.connection.client()
    assert custom_client._endpoint.http_session._verify == str(bundle)
    missing = Storage("https://storage.invalid", EMAIL, SECRET, verify=str(tmp_path / "nope.pem"))
    with pytest.raises(ConfigError, match="CA bundle"):
        missing.connection.client()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"endpoint_url": "storage.example.com"}, "http"),
        ({"endpoint_url": "ftp://storage.example.com"}, "http"),
        ({"endpoint_url": f"https://user:{SECRET}@storage.example.com"}, "credentials"),
        ({"access_key": " "}, "access key"),
        ({"secret_key": ""}, "empty"),
        ({"secret_key": 42}, "reveal"),
        ({"verify": ""}, "verify"),
        ({"read_timeout": 0}, "read_timeout"),
    ],
)
def test_bad_settings_are_config_errors(kwargs: dict[str, Any], message: str) -> None:
    base: dict[str, Any] = {
        "endpoint_url": "https://s.example.com",
        "access_key": EMAIL,
        "secret_key": SECRET,
    }
    with pytest.raises(ConfigError, match=message) as info:
        ConnectionSettings(**{**base, **kwargs})
    assert SECRET not in str(info.value)


def test_transfer_settings_enforce_the_s3_minimum_part() -> None:
    with pytest.raises(ConfigError, match="5 MiB"):
        TransferSettings(part_size=MiB)
    config: Any = TransferSettings().transfer_config()
    assert config.multipart_chunksize == config.multipart_threshold == 16 * MiB
    assert config.preferred_transfer_client == "classic"


@pytest.mark.parametrize("secret", [SECRET, FakeSecret(SECRET)])
def test_secret_never_in_repr_str_or_dumps(endpoint: str, secret: Any) -> None:
    storage = Storage(endpoint, EMAIL, secret, sync_cache=False)
    settings = storage.connection.settings()
    for text in (
        repr(storage),
        str(storage),
        repr(settings),
        str(attrs.asdict(settings)),
        repr(AsyncStorage.wrap(storage)),
        repr(storage.connection),
    ):
        assert SECRET not in text
    assert settings.secret_key.reveal() == SECRET
    with pytest.raises(TypeError):
        pickle.dumps(ConnectionSettings(endpoint, EMAIL, SECRET).secret_key)


def test_secret_never_in_errors_or_logs(
    storage: Storage, bucket: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # botocore and s3transfer log requests at DEBUG
    storage.upload_bytes(b"x" * (6 * MiB), bucket, "multi.bin")
    storage.sync_up(write(tmp_path / "d" / "f.txt", b"f").parent, bucket, "s")
    errors: list[BaseException] = []
    for call in (
        lambda: storage.download_bytes(bucket, "missing"),
        lambda: storage.head_object("ghost", "k"),
        lambda: storage.delete_bucket(bucket),
    ):
        with pytest.raises(StorageError) as info:
            call()
        errors.append(info.value)
    assert any(isinstance(e, ObjectNotFound) for e in errors)
    texts = [str(e) for e in errors] + [repr(e) for e in errors]
    texts += [r.getMessage() for r in caplog.records]
    assert any("multi.bin" in t for t in texts)  # the logs were captured
    assert not [t for t in texts if SECRET in t]


def test_unreachable_endpoint_is_a_connection_error() -> None:
    storage = Storage(
        "http://127.0.0.1:9", EMAIL, FakeSecret(SECRET), sync_cache=False, max_attempts=1, connect_timeout=2
    )
    with pytest.raises(StorageConnectionError) as info:
        storage.buckets()
    assert info.value.operation == "ListBuckets"
    assert SECRET not in str(info.value)
