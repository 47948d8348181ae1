import logging
from typing import Literal, cast

NodeOperator = Literal["And", "Or"]

NODE_OPERATOR_VALUES: set[NodeOperator] = {
    "And",
    "Or",
}

_logger = logging.getLogger(__name__)


def check_node_operator(value: str) -> NodeOperator:
    """Return ``value`` typed as ``NodeOperator``; the enum is open.

    A string outside ``NODE_OPERATOR_VALUES`` (a value added by a newer API, or
    another casing) is kept as is and logged at DEBUG; compare with that set to detect it.
    Anything that is not a string raises ``TypeError``.
    """
    if value in NODE_OPERATOR_VALUES:
        return value
    if isinstance(value, str):
        _logger.debug("unknown NodeOperator value %r kept", value)
        return cast(NodeOperator, value)
    raise TypeError(f"Unexpected value {value!r}. Expected a string, one of {NODE_OPERATOR_VALUES!r}")
