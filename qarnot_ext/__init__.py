"""qarnot_ext: the Qarnot Compute API client library of qarnot-toolkit.

Everything public is importable from here or from the public sub-modules :mod:`qarnot_ext.storage`
(S3 buckets and objects) and :mod:`qarnot_ext.wire` (the protocol's vocabulary, for servers and
tools); modules with a leading underscore are private. The tools (:mod:`qarnot_ext.emulator`,
:mod:`qarnot_ext.contract`) need their extras and are never imported by the library.
"""

from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from qarnot_ext._async_client import AsyncQarnot
from qarnot_ext._errors import (
    APIError,
    APITimeoutError,
    BadRequest,
    ConfigError,
    Conflict,
    Forbidden,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    NotFound,
    OutcomeUnknownError,
    PaginationError,
    ParseError,
    PaymentRequired,
    Problem,
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

if _TYPE_CHECKING:
    __version__: str
    """The installed distribution's version (PEP 440), read on first use."""


def __getattr__(name: str) -> _Any:
    # __version__ is read from the installed distribution on first use: importlib.metadata costs
    # more to import than the rest of the package's start-up.
    if name == "__version__":
        import importlib.metadata

        try:
            version = importlib.metadata.version("qarnot-toolkit")
        except importlib.metadata.PackageNotFoundError:  # a source tree that was never installed
            version = "0+unknown"
        globals()["__version__"] = version
        return version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    "InvalidTypeError",
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
    "Problem",
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
