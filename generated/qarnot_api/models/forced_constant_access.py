import logging
from typing import Literal, cast

ForcedConstantAccess = Literal["readOnly", "readWrite"]

FORCED_CONSTANT_ACCESS_VALUES: set[ForcedConstantAccess] = {
    "readOnly",
    "readWrite",
}

_logger = logging.getLogger(__name__)


def check_forced_constant_access(value: str) -> ForcedConstantAccess:
    """Return ``value`` typed as ``ForcedConstantAccess``; the enum is open.

    A string outside ``FORCED_CONSTANT_ACCESS_VALUES`` (a value added by a newer API, or
    another casing) is kept as is and logged at DEBUG; compare with that set to detect it.
    Anything that is not a string raises ``TypeError``.
    """
    if value in FORCED_CONSTANT_ACCESS_VALUES:
        return value
    if isinstance(value, str):
        _logger.debug("unknown ForcedConstantAccess value %r kept", value)
        return cast(ForcedConstantAccess, value)
    raise TypeError(f"Unexpected value {value!r}. Expected a string, one of {FORCED_CONSTANT_ACCESS_VALUES!r}")
