import logging
from typing import Literal, cast

TaskState = Literal[
    "Cancelled",
    "DownloadingResults",
    "Failure",
    "FullyDispatched",
    "FullyExecuting",
    "PartiallyDispatched",
    "PartiallyExecuting",
    "PendingCancel",
    "PendingDelete",
    "Submitted",
    "Success",
    "UploadingResults",
]

TASK_STATE_VALUES: set[TaskState] = {
    "Cancelled",
    "DownloadingResults",
    "Failure",
    "FullyDispatched",
    "FullyExecuting",
    "PartiallyDispatched",
    "PartiallyExecuting",
    "PendingCancel",
    "PendingDelete",
    "Submitted",
    "Success",
    "UploadingResults",
}

_logger = logging.getLogger(__name__)


def check_task_state(value: str) -> TaskState:
    """Return ``value`` typed as ``TaskState``; the enum is open.

    A string outside ``TASK_STATE_VALUES`` (a value added by a newer API, or
    another casing) is kept as is and logged at DEBUG; compare with that set to detect it.
    Anything that is not a string raises ``TypeError``.
    """
    if value in TASK_STATE_VALUES:
        return value
    if isinstance(value, str):
        _logger.debug("unknown TaskState value %r kept", value)
        return cast(TaskState, value)
    raise TypeError(f"Unexpected value {value!r}. Expected a string, one of {TASK_STATE_VALUES!r}")
