import logging
from typing import Literal, cast

DayOfWeek = Literal["friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday"]

DAY_OF_WEEK_VALUES: set[DayOfWeek] = {
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
}

_logger = logging.getLogger(__name__)


def check_day_of_week(value: str) -> DayOfWeek:
    """Return ``value`` typed as ``DayOfWeek``; the enum is open.

    A string outside ``DAY_OF_WEEK_VALUES`` (a value added by a newer API, or
    another casing) is kept as is and logged at DEBUG; compare with that set to detect it.
    Anything that is not a string raises ``TypeError``.
    """
    if value in DAY_OF_WEEK_VALUES:
        return value
    if isinstance(value, str):
        _logger.debug("unknown DayOfWeek value %r kept", value)
        return cast(DayOfWeek, value)
    raise TypeError(f"Unexpected value {value!r}. Expected a string, one of {DAY_OF_WEEK_VALUES!r}")
