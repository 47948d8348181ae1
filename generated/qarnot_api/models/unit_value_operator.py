import logging
from typing import Literal, cast

UnitValueOperator = Literal[
    "Equal", "GreaterThan", "GreaterThanOrEqual", "LessThan", "LessThanOrEqual", "Like", "NotEqual"
]

UNIT_VALUE_OPERATOR_VALUES: set[UnitValueOperator] = {
    "Equal",
    "GreaterThan",
    "GreaterThanOrEqual",
    "LessThan",
    "LessThanOrEqual",
    "Like",
    "NotEqual",
}

_logger = logging.getLogger(__name__)


def check_unit_value_operator(value: str) -> UnitValueOperator:
    """Return ``value`` typed as ``UnitValueOperator``; the enum is open.

    A string outside ``UNIT_VALUE_OPERATOR_VALUES`` (a value added by a newer API, or
    another casing) is kept as is and logged at DEBUG; compare with that set to detect it.
    Anything that is not a string raises ``TypeError``.
    """
    if value in UNIT_VALUE_OPERATOR_VALUES:
        return value
    if isinstance(value, str):
        _logger.debug("unknown UnitValueOperator value %r kept", value)
        return cast(UnitValueOperator, value)
    raise TypeError(f"Unexpected value {value!r}. Expected a string, one of {UNIT_VALUE_OPERATOR_VALUES!r}")
