"""Client configuration: one precedence, from the most explicit source to the most ambient.

1. arguments of the client;
2. the INI file passed as ``config_file=`` (named explicitly, so it beats the environment, as in
   the official SDK: a stale ``QARNOT_CLIENT_TOKEN`` in a shell cannot override the file you chose);
3. the environment variables;
4. the INI file named by ``QARNOT_CONFIG_FILE`` (itself ambient: below the other variables);
5. the defaults.

Each setting is resolved on its own, so ``Qarnot(token=...)`` with ``QARNOT_CLUSTER_URL`` set takes
the URL from the environment and the token from the argument. ``ClientConfig.sources`` says where
each setting came from. ``docs/configuration.md`` is the public page of these rules.

=================  ==========================  ==================================  ===========================
setting            environment                 INI file (official SDK format)      default
=================  ==========================  ==================================  ===========================
``base_url``       ``QARNOT_CLUSTER_URL``      ``[cluster] url``                   ``https://api.qarnot.com/v1``
``token``          ``QARNOT_CLIENT_TOKEN``     ``[client] token`` (or ``auth``)    none
``timeout``        ``QARNOT_CLUSTER_TIMEOUT``  ``[cluster] timeout``               connect 10 s, read 60 s
``unsafe``         ``QARNOT_CLUSTER_UNSAFE``   ``[cluster] unsafe``                false
``ca_bundle``      —                           ``[cluster] custom_certificate``    system CAs
``storage_url``    ``QARNOT_STORAGE_URL``      ``[storage] url``                   ``GET /settings``
=================  ==========================  ==================================  ===========================

The INI file is read when its path is given (``config_file=``) or named by ``QARNOT_CONFIG_FILE``;
no file is read implicitly. Base URLs are accepted with or without the API version:
``https://api.qarnot.com`` becomes ``https://api.qarnot.com/v1``. Every invalid value raises
:class:`~qarnot_ext.ConfigError` naming where it came from (``argument``, ``environment variable
QARNOT_CLUSTER_TIMEOUT``, ``/etc/qarnot.conf [cluster] timeout``). Nothing here touches the network.
"""

from __future__ import annotations

import configparser
import math
import os
import ssl
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit, urlunsplit

import attrs
import httpx

from qarnot_ext._errors import ConfigError
from qarnot_ext._secrets import Secret

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_TIMEOUT", "ClientConfig", "normalize_base_url", "resolve_config"]

DEFAULT_BASE_URL: Final = "https://api.qarnot.com/v1"
DEFAULT_TIMEOUT: Final = httpx.Timeout(connect=10.0, read=60.0, write=60.0, pool=10.0)
"""Finite by default: the official Python SDK waits forever unless told otherwise."""

ENV_TOKEN: Final = "QARNOT_CLIENT_TOKEN"  # noqa: S105 - the name of a variable, not a password
ENV_URL: Final = "QARNOT_CLUSTER_URL"
ENV_STORAGE_URL: Final = "QARNOT_STORAGE_URL"
ENV_TIMEOUT: Final = "QARNOT_CLUSTER_TIMEOUT"
ENV_UNSAFE: Final = "QARNOT_CLUSTER_UNSAFE"
ENV_CONFIG_FILE: Final = "QARNOT_CONFIG_FILE"
_TRUE: Final = frozenset({"1", "true", "yes", "on"})
_FALSE: Final = frozenset({"0", "false", "no", "off", ""})
_API_VERSION: Final = "/v1"


def normalize_base_url(value: str, source: str = "argument") -> str:
    """Return the API root URL, ending with the version segment (``…/v1``) and without a trailing slash.

    Raises:
        ConfigError: not an http(s) URL with a host, or with credentials, a query or a fragment.

    Example:
        >>> normalize_base_url("https://api.qarnot.com")
        'https://api.qarnot.com/v1'
        >>> normalize_base_url("http://127.0.0.1:8080/v1/")
        'http://127.0.0.1:8080/v1'

    """
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"base URL from {source} is empty")
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"base URL from {source} must be an http(s) URL with a host, got {value!r}")
    if parts.username or parts.password:
        # Printing the URL in an error or a log would print the credentials.
        raise ConfigError(f"base URL from {source} must not embed credentials (user:password@host)")
    if parts.query or parts.fragment:
        raise ConfigError(f"base URL from {source} must not have a query or a fragment, got {value!r}")
    path = parts.path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    if not (last.startswith("v") and last[1:].isdigit()):
        path += _API_VERSION
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _bool(text: str, source: str) -> bool:
    lowered = text.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(f"{source} must be a boolean (true/false, 1/0, yes/no), got {text!r}")


def _seconds(value: object, source: str) -> float:
    if isinstance(value, bool):
        raise ConfigError(f"{source} must be a number of seconds, got {value!r}")
    try:
        number = float(value) if isinstance(value, int | float | str) else math.nan
    except ValueError:
        raise ConfigError(f"{source} must be a number of seconds, got {value!r}") from None
    if not math.isfinite(number) or number <= 0:
        raise ConfigError(f"{source} must be a positive, finite number of seconds, got {value!r}")
    return number


def _timeout(value: object, source: str) -> httpx.Timeout:
    """A number sets the read, write and pool timeouts; connect stays at most 10 s."""
    if isinstance(value, httpx.Timeout):
        for name in ("connect", "read", "write", "pool"):
            part = getattr(value, name)
            if part is None:
                raise ConfigError(f"{source}: the {name} timeout must be finite (None waits forever)")
            _seconds(part, f"{source} ({name})")
        return value
    seconds = _seconds(value, source)
    return httpx.Timeout(
        connect=min(seconds, DEFAULT_TIMEOUT.connect or seconds), read=seconds, write=seconds, pool=seconds
    )


@attrs.frozen
class ClientConfig:
    """The resolved configuration of a client; ``token`` is a :class:`Secret` and not in ``repr``.

    Attributes:
        base_url: the API root, ending with the version (``https://api.qarnot.com/v1``).
        token: the API token, or ``None`` (then only the public operations work).
        timeout: connect/read/write/pool timeouts, all finite.
        verify: ``True`` (system CAs), ``False`` (``unsafe``: no TLS verification), a CA bundle path or
            an :class:`ssl.SSLContext`.
        storage_url: the S3 endpoint, or ``None`` to ask ``GET /settings``.
        proxy: an HTTP(S) proxy URL for the API (``None``: httpx reads ``HTTPS_PROXY`` & co).
        sources: where each setting came from (``{"base_url": "environment variable …"}``).

    """

    base_url: str = DEFAULT_BASE_URL
    token: Secret | None = attrs.field(default=None, repr=False)
    timeout: httpx.Timeout = DEFAULT_TIMEOUT
    verify: bool | str | ssl.SSLContext = True
    storage_url: str | None = None
    proxy: str | None = attrs.field(default=None, repr=False)
    sources: Mapping[str, str] = attrs.field(factory=dict, repr=False, eq=False)


class _Sources:
    """The three layers (argument, environment, INI file), each naming itself in errors."""

    def __init__(
        self,
        env: Mapping[str, str],
        ini: configparser.ConfigParser | None,
        ini_name: str,
        *,
        explicit_file: bool,
    ) -> None:
        self.env = env
        self.ini = ini
        self.ini_name = ini_name
        self.explicit_file = explicit_file

    def _from_ini(self, section: str, keys: tuple[str, ...]) -> tuple[Any, str] | None:
        if self.ini is not None and self.ini.has_section(section):
            for key in keys:
                raw = self.ini.get(section, key, fallback=None)
                if raw is not None and raw.strip():
                    return raw.strip(), f"{self.ini_name} [{section}] {key}"
        return None

    def pick(self, explicit: Any, env_key: str | None, section: str, *keys: str) -> tuple[Any, str] | None:
        if explicit is not None:
            return explicit, "argument"
        if self.explicit_file:
            found = self._from_ini(section, keys)
            if found is not None:
                return found
        if env_key is not None and self.env.get(env_key, "").strip():
            return self.env[env_key], f"environment variable {env_key}"
        return None if self.explicit_file else self._from_ini(section, keys)


def _read_ini(path: str | os.PathLike[str], source: str) -> configparser.ConfigParser:
    file = Path(path).expanduser()
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with file.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except OSError as exc:
        raise ConfigError(
            f"cannot read the config file {str(file)!r} (from {source}): {exc.strerror}"
        ) from None
    except configparser.Error as exc:
        raise ConfigError(
            f"the config file {str(file)!r} (from {source}) is not a valid INI file: {exc}"
        ) from None
    return parser


def resolve_config(
    *,
    base_url: str | None = None,
    token: str | Secret | None = None,
    timeout: float | httpx.Timeout | None = None,
    unsafe: bool | None = None,
    verify: bool | str | ssl.SSLContext | None = None,
    storage_url: str | None = None,
    proxy: str | None = None,
    config_file: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
) -> ClientConfig:
    """Resolve every setting by the documented precedence (see the module docstring).

    Arguments, then ``config_file``, then the environment, then the file of ``QARNOT_CONFIG_FILE``,
    then the defaults.

    ``env`` defaults to :data:`os.environ` (tests pass a dict). ``verify`` (a CA bundle path or an
    SSL context) wins over ``unsafe``; ``unsafe=True`` turns TLS verification off.

    Raises:
        ConfigError: a value is invalid; the message names its source.

    """
    environ = os.environ if env is None else env
    ini: configparser.ConfigParser | None = None
    ini_name = ""
    if config_file is not None:
        ini, ini_name = _read_ini(config_file, "argument"), str(config_file)
    elif environ.get(ENV_CONFIG_FILE, "").strip():
        ini_name = environ[ENV_CONFIG_FILE].strip()
        ini = _read_ini(ini_name, f"environment variable {ENV_CONFIG_FILE}")
    src = _Sources(environ, ini, ini_name, explicit_file=config_file is not None)
    sources: dict[str, str] = {}

    url = DEFAULT_BASE_URL
    picked = src.pick(base_url, ENV_URL, "cluster", "url")
    if picked is not None:
        url, sources["base_url"] = normalize_base_url(picked[0], picked[1]), picked[1]

    secret: Secret | None = None
    picked = src.pick(token, ENV_TOKEN, "client", "token", "auth")
    if picked is not None:
        value, where = picked
        if not isinstance(value, str | Secret):
            raise ConfigError(f"token from {where} must be a str or a Secret, not {type(value).__name__}")
        secret = Secret.coerce(value)
        if not secret.reveal().strip():
            raise ConfigError(f"token from {where} is empty")
        sources["token"] = where

    resolved_timeout = DEFAULT_TIMEOUT
    picked = src.pick(timeout, ENV_TIMEOUT, "cluster", "timeout")
    if picked is not None:
        resolved_timeout, sources["timeout"] = _timeout(picked[0], f"timeout from {picked[1]}"), picked[1]

    resolved_verify: bool | str | ssl.SSLContext = True
    if verify is not None:
        if not isinstance(verify, bool | str | ssl.SSLContext):
            raise ConfigError(
                f"verify from argument must be a bool, a CA bundle path or an SSLContext, not "
                f"{type(verify).__name__}"
            )
        resolved_verify, sources["verify"] = verify, "argument"
    else:
        picked = src.pick(unsafe, ENV_UNSAFE, "cluster", "unsafe")
        is_unsafe = False
        if picked is not None:
            value, where = picked
            is_unsafe = value if isinstance(value, bool) else _bool(str(value), f"unsafe from {where}")
            sources["verify"] = where
        ca = src.pick(None, None, "cluster", "custom_certificate")
        if is_unsafe:
            resolved_verify = False
        elif ca is not None:
            resolved_verify, sources["verify"] = ca[0], ca[1]
    if isinstance(resolved_verify, str) and not Path(resolved_verify).expanduser().is_file():
        raise ConfigError(
            f"CA bundle {resolved_verify!r} from {sources.get('verify', 'argument')} does not exist"
        )

    resolved_storage: str | None = None
    picked = src.pick(storage_url, ENV_STORAGE_URL, "storage", "url")
    if picked is not None:
        value, where = picked
        parts = urlsplit(str(value).strip())
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
            raise ConfigError(
                f"storage URL from {where} must be an http(s) URL with a host and no credentials"
            )
        resolved_storage, sources["storage_url"] = str(value).strip(), where

    if proxy is not None:
        parts = urlsplit(proxy)
        if parts.scheme not in ("http", "https", "socks5", "socks5h") or not parts.hostname:
            raise ConfigError("proxy from argument must be an http(s) or socks5 URL with a host")
        sources["proxy"] = "argument"

    return ClientConfig(
        base_url=url,
        token=secret,
        timeout=resolved_timeout,
        verify=resolved_verify,
        storage_url=resolved_storage,
        proxy=proxy,
        sources=sources,
    )
