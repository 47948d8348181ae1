import logging
from typing import Literal, cast

OrderType = Literal["ASC", "DESC"]

ORDER_TYPE_VALUES: set[OrderType] = {
    "ASC",
    "DESC",
}

_logger = logging.getLogger(__name__)


def check_order_type(value: str) -> OrderType:
    """Return ``value`` typed as ``OrderType``; the enum is open.

    A string outside ``ORDER_TYPE_VALUES`` (a value added by a newer API, or
    another casing) is kept as is and logged at DEBUG; compare with that set to detect it.
    Anything that is not a string raises ``TypeError``.
    """
    if value in ORDER_TYPE_VALUES:
        return value
    if isinstance(value, str):
        _logger.debug("unknown OrderType value %r kept", value)
        return cast(OrderType, value)
    raise TypeError(f"Unexpected value {value!r}. Expected a string, one of {ORDER_TYPE_VALUES!r}")
