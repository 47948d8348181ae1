import logging
from typing import Literal, cast

SnapshotState = Literal["Failure", "InProgress", "Success", "Triggered"]

SNAPSHOT_STATE_VALUES: set[SnapshotState] = {
    "Failure",
    "InProgress",
    "Success",
    "Triggered",
}

_logger = logging.getLogger(__name__)


def check_snapshot_state(value: str) -> SnapshotState:
    """Return ``value`` typed as ``SnapshotState``; the enum is open.

    A string outside ``SNAPSHOT_STATE_VALUES`` (a value added by a newer API, or
    another casing) is kept as is and logged at DEBUG; compare with that set to detect it.
    Anything that is not a string raises ``TypeError``.
    """
    if value in SNAPSHOT_STATE_VALUES:
        return value
    if isinstance(value, str):
        _logger.debug("unknown SnapshotState value %r kept", value)
        return cast(SnapshotState, value)
    raise TypeError(f"Unexpected value {value!r}. Expected a string, one of {SNAPSHOT_STATE_VALUES!r}")
