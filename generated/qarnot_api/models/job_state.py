import logging
from typing import Literal, cast

JobState = Literal["Active", "Completed", "Deleting", "Terminating"]

JOB_STATE_VALUES: set[JobState] = {
    "Active",
    "Completed",
    "Deleting",
    "Terminating",
}

_logger = logging.getLogger(__name__)


def check_job_state(value: str) -> JobState:
    """Return ``value`` typed as ``JobState``; the enum is open.

    A string outside ``JOB_STATE_VALUES`` (a value added by a newer API, or
    another casing) is kept as is and logged at DEBUG; compare with that set to detect it.
    Anything that is not a string raises ``TypeError``.
    """
    if value in JOB_STATE_VALUES:
        return value
    if isinstance(value, str):
        _logger.debug("unknown JobState value %r kept", value)
        return cast(JobState, value)
    raise TypeError(f"Unexpected value {value!r}. Expected a string, one of {JOB_STATE_VALUES!r}")
