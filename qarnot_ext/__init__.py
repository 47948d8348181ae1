"""qarnot_ext: the Qarnot Compute API client library of qarnot-toolkit.

Everything public is importable from here or from the public sub-modules :mod:`qarnot_ext.storage`
(S3 buckets and objects) and :mod:`qarnot_ext.wire` (the protocol's vocabulary, for servers and
tools); modules with a leading underscore are private. The tools (:mod:`qarnot_ext.emulator`,
:mod:`qarnot_ext.contract`) need their extras and are never imported by the library.
"""

import importlib.metadata as _metadata

from qarnot_ext._async_client import AsyncQarnot
from qarnot_ext._errors import (
    APIError,
    APITimeoutError,
    BadRequest,
    ConfigError,
    Conflict,
    Forbidden,
    InvalidValueError,
    MissingExtraError,
    NotFound,
    OutcomeUnknownError,
    PaginationError,
    ParseError,
    PaymentRequired,
    QarnotError,
    RateLimited,
    ServerError,
    StorageError,
    StorageQuotaExceeded,
    TransportError,
    Unauthorized,
    UnreachableStateError,
    WaitTimeoutError,
)
from qarnot_ext._filters import F, Filter, FilterError, OrderBy, Select, page_request, search_request
from qarnot_ext._http import RetryPolicy
from qarnot_ext._pagination import Page
from qarnot_ext._ranges import InstanceRange, InstanceRangeError, InstanceStates, RangeSyntaxError
from qarnot_ext._secrets import (
    MASKED,
    MaskedSecret,
    MaskedSecretError,
    RedactingFilter,
    Secret,
    SecretConstant,
    SecretKeyError,
    SecretsAccess,
    constants_for_resubmission,
    read_constants,
    register_secret,
    render_constants,
    unregister_secret,
)
from qarnot_ext._sync_client import Qarnot
from qarnot_ext._timefmt import (
    DateSpan,
    DateSpanError,
    DateSpanSyntaxError,
    TimeOfDay,
    TimeOfDayError,
    TimeOfDaySyntaxError,
    TimestampError,
    TimestampSyntaxError,
    format_timestamp,
    parse_timestamp,
)
from qarnot_ext._waits import DEFAULT_SNAPSHOT_TIMEOUT, DEFAULT_WAIT_TIMEOUT, WaitPolicy

try:
    __version__: str = _metadata.version("qarnot-toolkit")
    """The installed distribution's version (PEP 440)."""
except _metadata.PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "DEFAULT_SNAPSHOT_TIMEOUT",
    "DEFAULT_WAIT_TIMEOUT",
    "MASKED",
    "APIError",
    "APITimeoutError",
    "AsyncQarnot",
    "BadRequest",
    "ConfigError",
    "Conflict",
    "DateSpan",
    "DateSpanError",
    "DateSpanSyntaxError",
    "F",
    "Filter",
    "FilterError",
    "Forbidden",
    "InstanceRange",
    "InstanceRangeError",
    "InstanceStates",
    "InvalidValueError",
    "MaskedSecret",
    "MaskedSecretError",
    "MissingExtraError",
    "NotFound",
    "OrderBy",
    "OutcomeUnknownError",
    "Page",
    "PaginationError",
    "ParseError",
    "PaymentRequired",
    "Qarnot",
    "QarnotError",
    "RangeSyntaxError",
    "RateLimited",
    "RedactingFilter",
    "RetryPolicy",
    "Secret",
    "SecretConstant",
    "SecretKeyError",
    "SecretsAccess",
    "Select",
    "ServerError",
    "StorageError",
    "StorageQuotaExceeded",
    "TimeOfDay",
    "TimeOfDayError",
    "TimeOfDaySyntaxError",
    "TimestampError",
    "TimestampSyntaxError",
    "TransportError",
    "Unauthorized",
    "UnreachableStateError",
    "WaitPolicy",
    "WaitTimeoutError",
    "constants_for_resubmission",
    "format_timestamp",
    "page_request",
    "parse_timestamp",
    "read_constants",
    "register_secret",
    "render_constants",
    "search_request",
    "unregister_secret",
]
