import logging
from typing import Literal, cast

SchedulingType = Literal["flex", "onDemand", "reserved"]

SCHEDULING_TYPE_VALUES: set[SchedulingType] = {
    "flex",
    "onDemand",
    "reserved",
}

_logger = logging.getLogger(__name__)


def check_scheduling_type(value: str) -> SchedulingType:
    """Return ``value`` typed as ``SchedulingType``; the enum is open.

    A string outside ``SCHEDULING_TYPE_VALUES`` (a value added by a newer API, or
    another casing) is kept as is and logged at DEBUG; compare with that set to detect it.
    Anything that is not a string raises ``TypeError``.
    """
    if value in SCHEDULING_TYPE_VALUES:
        return value
    if isinstance(value, str):
        _logger.debug("unknown SchedulingType value %r kept", value)
        return cast(SchedulingType, value)
    raise TypeError(f"Unexpected value {value!r}. Expected a string, one of {SCHEDULING_TYPE_VALUES!r}")
