"""Connection settings, transfer tuning, discovery and the one shared boto3 client.

Qarnot's storage is Ceph RGW behind an S3 API: the endpoint is the ``storage`` value of
``GET /settings``, the access key is the user's email (``GET /info``) and the secret key is the API
token. Addressing is path-style (bucket names are not DNS labels there) and, since boto3 1.36
computes CRC checksums by default which Ceph rejects or mis-validates, both checksum settings are
``when_required``.

Nothing here does I/O at construction: :class:`Connection` resolves its settings (possibly through
the two discovery callables) and builds the boto3 client on first use, under a lock. boto3 clients
are thread-safe, sessions are not, so a private session is created once, only to build the client.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable
from urllib.parse import urlsplit

import attrs
import boto3.session
import botocore.session
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.utils import parse_timestamp

from qarnot_ext._errors import ConfigError, InvalidTypeError, Problem

if TYPE_CHECKING:
    from types_boto3_s3 import S3Client

__all__ = [
    "Connection",
    "ConnectionSettings",
    "SecretLike",
    "SupportsReveal",
    "TransferSettings",
    "settings_from_discovery",
]

MiB = 1024 * 1024
_USER_AGENT = "qarnot-toolkit/0.1.0"


@runtime_checkable
class SupportsReveal(Protocol):
    """A secret wrapper (such as ``qarnot_ext.Secret``) that hands out its value only on request."""

    def reveal(self) -> str:
        """Return the secret value; callers must not keep or log it."""
        ...


SecretLike = str | SupportsReveal


class _Hidden:
    """Holds a secret given as a plain ``str`` so that no attribute, ``repr`` or dump shows it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def __repr__(self) -> str:
        return "'***'"

    __str__ = __repr__

    def __reduce__(self) -> str | tuple[Any, ...]:
        # A TypeError too, as for any object pickle cannot handle.
        raise InvalidTypeError(
            "storage credentials", [Problem("secret", "storage secrets cannot be pickled")]
        )

    def reveal(self) -> str:
        return self._value


def _hide(value: object) -> object:
    if isinstance(value, str):
        if not value:
            raise ConfigError("the storage secret key (the API token) is empty")
        return _Hidden(value)
    return value


def _reveal(secret: SecretLike) -> str:
    value = secret if isinstance(secret, str) else secret.reveal()
    if not isinstance(value, str) or not value:
        raise ConfigError("the storage secret key (the API token) is empty")
    return value


def _check_secret(_inst: object, _attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, SupportsReveal):
        raise ConfigError(
            f"the storage secret key must be a str or have a reveal() method, not {type(value).__name__}"
        )


def _check_endpoint(_inst: object, _attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError("the storage endpoint URL is empty")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"the storage endpoint must be an http(s) URL with a host, got {value!r}")
    if parts.username or parts.password:
        # Printing the URL would print the credentials embedded in it.
        raise ConfigError("the storage endpoint URL must not embed credentials (user:password@host)")


def _check_access_key(_inst: object, _attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError("the storage access key (the user's email) is empty")


def _check_verify(_inst: object, _attr: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool):
        return
    if not isinstance(value, str) or not value:
        raise ConfigError("verify must be True, False or the path of a CA bundle")


def _positive(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ConfigError(f"{attr.name} must be a positive number, got {value!r}")


@attrs.frozen
class ConnectionSettings:
    """Where and how to reach the storage.

    Attributes:
        endpoint_url: the S3 endpoint (``GET /settings`` → ``storage``).
        access_key: the user's email (``GET /info`` → ``email``).
        secret_key: the API token, a ``str`` or an object with ``reveal()``; a ``str`` is wrapped so
            that neither ``repr`` nor ``attrs.asdict`` shows it.
        verify: ``True`` (system CAs), ``False`` (no TLS verification: unsafe) or a CA bundle path.
        region: the SigV4 signing region; Ceph ignores it.
        connect_timeout, read_timeout: seconds.
        max_attempts: total attempts per request in botocore's ``standard`` retry mode.

    """

    endpoint_url: str = attrs.field(validator=_check_endpoint)
    access_key: str = attrs.field(validator=_check_access_key)
    secret_key: SupportsReveal = attrs.field(converter=_hide, validator=_check_secret, repr=False, eq=False)
    verify: bool | str = attrs.field(default=True, validator=_check_verify)
    region: str = "us-east-1"
    connect_timeout: float = attrs.field(default=10.0, validator=_positive)
    read_timeout: float = attrs.field(default=60.0, validator=_positive)
    max_attempts: int = attrs.field(default=5, validator=_positive)


@attrs.frozen
class TransferSettings:
    """Tuning of boto3's transfer manager, shared by every transfer of one :class:`Storage`.

    Defaults, and why:

    * ``multipart_threshold = part_size = 16 MiB``: a file smaller than one part goes up in a single
      ``PutObject`` (one request, plain-MD5 ETag). 16 MiB parts halve the request count of the usual
      8 MiB for large files, amortise per-request latency to a remote Ceph, stay far above S3's 5 MiB
      minimum part and allow 156 GiB before s3transfer has to grow parts to fit 10,000 parts (the
      local multipart ETag replays that growth, see ``_etag``).
    * ``max_concurrency = 10`` request threads per batch: enough to fill a link with small files,
      while bounding memory to about ``max_concurrency x part_size`` of buffered parts.
    * ``max_files_in_flight = 64``: how many files one batch hands to the manager at once; it bounds
      open files and queued futures when a sync moves tens of thousands of files.
    * ``num_download_attempts = 5``: retries of a download whose body stream broke.
    """

    multipart_threshold: int = attrs.field(default=16 * MiB, validator=_positive)
    part_size: int = attrs.field(default=16 * MiB, validator=_positive)
    max_concurrency: int = attrs.field(default=10, validator=_positive)
    max_files_in_flight: int = attrs.field(default=64, validator=_positive)
    num_download_attempts: int = attrs.field(default=5, validator=_positive)

    def __attrs_post_init__(self) -> None:
        if self.part_size < 5 * MiB:
            raise ConfigError("part_size must be at least 5 MiB (the S3 minimum part size)")

    def transfer_config(self) -> TransferConfig:
        """Build the boto3 :class:`TransferConfig` (classic threaded manager, never the CRT one)."""
        return TransferConfig(
            multipart_threshold=self.multipart_threshold,
            multipart_chunksize=self.part_size,
            max_concurrency=self.max_concurrency,
            num_download_attempts=self.num_download_attempts,
            use_threads=True,
            # The CRT manager ignores most of these settings and our subscribers: keep the classic one.
            preferred_transfer_client="classic",
        )


def settings_from_discovery(
    settings_doc: Mapping[str, Any] | None,
    user_info: Mapping[str, Any],
    secret_key: SecretLike,
    *,
    endpoint_url: str | None = None,
    verify: bool | str = True,
    **options: Any,
) -> ConnectionSettings:
    """Build :class:`ConnectionSettings` from ``GET /settings`` and ``GET /info`` documents.

    An explicit ``endpoint_url`` (from the client configuration) wins over the ``storage`` value of
    the settings document, which may then be ``None``. Raises :class:`ConfigError` when the API
    reports no storage endpoint or the user document has no email.
    """
    endpoint = endpoint_url
    if endpoint is None:
        value = (settings_doc or {}).get("storage")
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(
                "no storage endpoint: GET /settings has no 'storage' value and none was configured"
            )
        endpoint = value.strip()
    email = user_info.get("email")
    if not isinstance(email, str) or not email.strip():
        raise ConfigError("GET /info has no 'email': cannot derive the storage access key")
    return ConnectionSettings(
        endpoint_url=endpoint, access_key=email.strip(), secret_key=secret_key, verify=verify, **options
    )


def _parse_timestamp(value: str) -> datetime:
    """Parse S3 timestamps, taking a fast path for the ISO 8601 form of listings.

    botocore's default parser (dateutil) costs ~0.15 s per 1,000 listed keys, which is a good part
    of a no-change sync; ``datetime.fromisoformat`` reads ``2024-05-01T19:00:00.000Z`` directly.
    Anything else (HTTP dates of HEAD answers, epoch numbers) goes to botocore's parser.
    """
    if isinstance(value, str) and value.endswith("Z") and "T" in value:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    parsed: datetime = parse_timestamp(value)
    return parsed


def build_s3_client(settings: ConnectionSettings, transfer: TransferSettings) -> S3Client:
    """Create the boto3 S3 client for ``settings`` (path-style, Ceph checksum settings)."""
    if isinstance(settings.verify, str) and not os.path.exists(settings.verify):
        raise ConfigError(f"the storage CA bundle {settings.verify!r} does not exist")
    config = Config(
        signature_version="s3v4",
        s3={"addressing_style": "path"},
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
        retries={"mode": "standard", "max_attempts": settings.max_attempts},
        connect_timeout=settings.connect_timeout,
        read_timeout=settings.read_timeout,
        # Transfers use up to max_concurrency connections; leave room for listings running beside them.
        max_pool_connections=max(10, 2 * transfer.max_concurrency),
        user_agent_extra=_USER_AGENT,
    )
    core = botocore.session.get_session()
    core.get_component("response_parser_factory").set_parser_defaults(timestamp_parser=_parse_timestamp)
    session = boto3.session.Session(botocore_session=core)
    return session.client(
        "s3",
        endpoint_url=settings.endpoint_url,
        aws_access_key_id=settings.access_key,
        aws_secret_access_key=_reveal(settings.secret_key),
        region_name=settings.region,
        verify=settings.verify,
        config=config,
    )


class Connection:
    """Lazily resolved settings plus the one boto3 client built from them (thread-safe).

    ``resolve`` is called at most once, on first use; a failure is not cached, so a later call
    retries the discovery. Without ``settings`` nor ``resolve``, settings must be given to
    :meth:`provide` before first use (the async twin does so after awaiting its discovery).
    """

    def __init__(
        self,
        transfer: TransferSettings,
        *,
        settings: ConnectionSettings | None = None,
        resolve: Callable[[], ConnectionSettings] | None = None,
    ) -> None:
        self.transfer = transfer
        self._settings = settings
        self._resolve = resolve
        self._client: S3Client | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        if self._settings is None:
            return "Connection(<not resolved yet>)"
        return f"Connection(endpoint_url={self._settings.endpoint_url!r})"

    @property
    def resolved(self) -> bool:
        """Whether the settings are known (no discovery call pending)."""
        return self._settings is not None

    def provide(self, settings: ConnectionSettings) -> None:
        """Install settings resolved elsewhere (the async twin awaits its discovery itself)."""
        with self._lock:
            if self._settings is None:
                self._settings = settings

    def settings(self) -> ConnectionSettings:
        """Return the connection settings, discovering them on first call."""
        current = self._settings
        if current is not None:
            return current
        with self._lock:
            if self._settings is None:
                if self._resolve is None:
                    raise ConfigError("the storage settings have not been discovered yet")
                self._settings = self._resolve()
            return self._settings

    def client(self) -> S3Client:
        """Return the shared boto3 client, building it on first call."""
        current = self._client
        if current is not None:
            return current
        settings = self.settings()
        with self._lock:
            if self._client is None:
                self._client = build_s3_client(settings, self.transfer)
            return self._client

    def redact(self, text: str) -> str:
        """Mask the secret key in ``text`` (defence in depth for messages built from server output)."""
        settings = self._settings
        if settings is None:
            return text
        secret = _reveal(settings.secret_key)
        return text.replace(secret, "***") if secret in text else text

    def close(self) -> None:
        """Close the client's connection pool; a later call builds a new client."""
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()
