import logging
from typing import Literal, cast

MultipleValueOperator = Literal["In", "NotIn"]

MULTIPLE_VALUE_OPERATOR_VALUES: set[MultipleValueOperator] = {
    "In",
    "NotIn",
}

_logger = logging.getLogger(__name__)


def check_multiple_value_operator(value: str) -> MultipleValueOperator:
    """Return ``value`` typed as ``MultipleValueOperator``; the enum is open.

    A string outside ``MULTIPLE_VALUE_OPERATOR_VALUES`` (a value added by a newer API, or
    another casing) is kept as is and logged at DEBUG; compare with that set to detect it.
    Anything that is not a string raises ``TypeError``.
    """
    if value in MULTIPLE_VALUE_OPERATOR_VALUES:
        return value
    if isinstance(value, str):
        _logger.debug("unknown MultipleValueOperator value %r kept", value)
        return cast(MultipleValueOperator, value)
    raise TypeError(f"Unexpected value {value!r}. Expected a string, one of {MULTIPLE_VALUE_OPERATOR_VALUES!r}")
