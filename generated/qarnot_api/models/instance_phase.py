import logging
from typing import Literal, cast

InstancePhase = Literal["dispatch", "download", "environment", "execution", "shutdown", "upload"]

INSTANCE_PHASE_VALUES: set[InstancePhase] = {
    "dispatch",
    "download",
    "environment",
    "execution",
    "shutdown",
    "upload",
}

_logger = logging.getLogger(__name__)


def check_instance_phase(value: str) -> InstancePhase:
    """Return ``value`` typed as ``InstancePhase``; the enum is open.

    A string outside ``INSTANCE_PHASE_VALUES`` (a value added by a newer API, or
    another casing) is kept as is and logged at DEBUG; compare with that set to detect it.
    Anything that is not a string raises ``TypeError``.
    """
    if value in INSTANCE_PHASE_VALUES:
        return value
    if isinstance(value, str):
        _logger.debug("unknown InstancePhase value %r kept", value)
        return cast(InstancePhase, value)
    raise TypeError(f"Unexpected value {value!r}. Expected a string, one of {INSTANCE_PHASE_VALUES!r}")
