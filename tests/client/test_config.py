"""Configuration: one precedence (argument > environment > INI file > default); errors name the source."""

from __future__ import annotations

import ssl
from pathlib import Path

import httpx
import pytest

from qarnot_ext import ConfigError
from qarnot_ext._async_client import AsyncQarnot
from qarnot_ext._config import DEFAULT_BASE_URL, normalize_base_url, resolve_config
from qarnot_ext._secrets import Secret
from qarnot_ext._sync_client import Qarnot

INI = """
[cluster]
url = http://ini.example:8080
timeout = 12
unsafe = false

[client]
token = ini-token

[storage]
url = http://storage.ini.example
"""


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    path = tmp_path / "qarnot.conf"
    path.write_text(INI, encoding="utf-8")
    return path


def test_defaults_without_any_source() -> None:
    config = resolve_config(env={})
    assert config.base_url == DEFAULT_BASE_URL == "https://api.qarnot.com/v1"
    assert config.token is None
    assert config.verify is True
    assert config.storage_url is None
    assert config.timeout.connect == 10.0
    assert config.timeout.read == 60.0


def test_ini_file_then_environment_then_arguments(ini: Path) -> None:
    from_file = resolve_config(config_file=ini, env={})
    assert from_file.base_url == "http://ini.example:8080/v1"
    assert from_file.token == Secret("ini-token")
    assert from_file.timeout.read == 12.0
    assert from_file.storage_url == "http://storage.ini.example"
    assert from_file.sources["token"] == f"{ini} [client] token"

    env = {
        "QARNOT_CLUSTER_URL": "https://env.example",
        "QARNOT_CLIENT_TOKEN": "env-token",
        "QARNOT_CLUSTER_TIMEOUT": "5",
        "QARNOT_CONFIG_FILE": str(ini),
    }
    from_env = resolve_config(env=env)
    assert from_env.base_url == "https://env.example/v1"
    assert from_env.token == Secret("env-token")
    assert from_env.timeout.read == 5.0
    assert from_env.timeout.connect == 5.0
    assert from_env.storage_url == "http://storage.ini.example"  # not in the environment: the file's

    explicit = resolve_config(base_url="http://127.0.0.1:1/v1/", token="arg-token", timeout=30.0, env=env)
    assert explicit.base_url == "http://127.0.0.1:1/v1"
    assert explicit.token == Secret("arg-token")
    assert explicit.timeout.read == 30.0
    assert explicit.sources["base_url"] == "argument"


def test_unsafe_and_custom_certificate(tmp_path: Path) -> None:
    assert resolve_config(env={"QARNOT_CLUSTER_UNSAFE": "TRUE"}).verify is False
    assert resolve_config(unsafe=True, env={"QARNOT_CLUSTER_UNSAFE": "false"}).verify is False
    ca = tmp_path / "ca.pem"
    ca.write_text("x", encoding="utf-8")
    conf = tmp_path / "c.conf"
    conf.write_text(f"[cluster]\ncustom_certificate = {ca}\n", encoding="utf-8")
    assert resolve_config(config_file=conf, env={}).verify == str(ca)
    context = ssl.create_default_context()
    assert resolve_config(verify=context, env={"QARNOT_CLUSTER_UNSAFE": "1"}).verify is context


@pytest.mark.parametrize(
    ("kwargs", "env", "source"),
    [
        ({}, {"QARNOT_CLUSTER_TIMEOUT": "soon"}, "environment variable QARNOT_CLUSTER_TIMEOUT"),
        ({}, {"QARNOT_CLUSTER_TIMEOUT": "-1"}, "QARNOT_CLUSTER_TIMEOUT"),
        ({}, {"QARNOT_CLUSTER_UNSAFE": "maybe"}, "environment variable QARNOT_CLUSTER_UNSAFE"),
        ({}, {"QARNOT_CLUSTER_URL": "ftp://x"}, "environment variable QARNOT_CLUSTER_URL"),
        ({"base_url": "https://user:pw@host"}, {}, "argument"),
        ({"base_url": "https://host/v1?x=1"}, {}, "argument"),
        ({"timeout": httpx.Timeout(None)}, {}, "argument"),
        ({"timeout": float("inf")}, {}, "argument"),
        ({"token": "  "}, {}, "argument"),
        ({"verify": "/no/such/ca.pem"}, {}, "argument"),
        ({"config_file": "/no/such/file.conf"}, {}, "argument"),
        ({}, {"QARNOT_CONFIG_FILE": "/no/such/file.conf"}, "environment variable QARNOT_CONFIG_FILE"),
        ({"storage_url": "s3://bucket"}, {}, "argument"),
    ],
)
def test_bad_values_raise_config_error_naming_the_source(
    kwargs: dict[str, object], env: dict[str, str], source: str
) -> None:
    with pytest.raises(ConfigError, match=source) as info:
        resolve_config(env=env, **kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)


def test_bad_ini_value_names_file_section_and_key(tmp_path: Path) -> None:
    conf = tmp_path / "bad.conf"
    conf.write_text("[cluster]\ntimeout = ten\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.conf \[cluster\] timeout"):
        resolve_config(config_file=conf, env={})
    conf.write_text("not an ini file", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a valid INI"):
        resolve_config(config_file=conf, env={})


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://api.qarnot.com", "https://api.qarnot.com/v1"),
        ("https://api.qarnot.com/", "https://api.qarnot.com/v1"),
        ("https://api.qarnot.com/v1", "https://api.qarnot.com/v1"),
        ("http://127.0.0.1:8080/v1/", "http://127.0.0.1:8080/v1"),
        ("http://host/prefix", "http://host/prefix/v1"),
        ("http://host/v2", "http://host/v2"),
    ],
)
def test_base_url_normalisation(given: str, expected: str) -> None:
    assert normalize_base_url(given) == expected


def test_clients_read_the_environment_and_do_no_io() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request may be sent by a constructor")

    env = {"QARNOT_CLIENT_TOKEN": "env-token-value", "QARNOT_CLUSTER_URL": "http://127.0.0.1:9"}
    q = Qarnot(env=env, transport=httpx.MockTransport(refuse))
    aq = AsyncQarnot(env=env, transport=httpx.MockTransport(refuse))
    assert q.config.base_url == aq.config.base_url == "http://127.0.0.1:9/v1"
    assert q.config.token == Secret("env-token-value")
    q.close()
