import logging
from typing import Literal, cast

PoolState = Literal[
    "Closed",
    "Closing",
    "Failure",
    "FullyDispatched",
    "FullyExecuting",
    "PartiallyDispatched",
    "PartiallyExecuting",
    "PendingDelete",
    "Submitted",
]

POOL_STATE_VALUES: set[PoolState] = {
    "Closed",
    "Closing",
    "Failure",
    "FullyDispatched",
    "FullyExecuting",
    "PartiallyDispatched",
    "PartiallyExecuting",
    "PendingDelete",
    "Submitted",
}

_logger = logging.getLogger(__name__)


def check_pool_state(value: str) -> PoolState:
    """Return ``value`` typed as ``PoolState``; the enum is open.

    A string outside ``POOL_STATE_VALUES`` (a value added by a newer API, or
    another casing) is kept as is and logged at DEBUG; compare with that set to detect it.
    Anything that is not a string raises ``TypeError``.
    """
    if value in POOL_STATE_VALUES:
        return value
    if isinstance(value, str):
        _logger.debug("unknown PoolState value %r kept", value)
        return cast(PoolState, value)
    raise TypeError(f"Unexpected value {value!r}. Expected a string, one of {POOL_STATE_VALUES!r}")
