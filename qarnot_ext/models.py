"""The generated model classes that the client returns and accepts, by name.

Every ``get``, ``iter`` and ``search`` of :class:`~qarnot_ext.Qarnot` returns these (attrs classes
generated from ``openapi.yaml``): ids are ``uuid.UUID``; date-times are timezone-aware ``datetime``
(``None`` for the API's ``0001-01-01T00:00:00Z`` "unset" value; the 7th fractional digit rounded to
the microsecond, ties to even); states are open ``Literal`` aliases (known values typed, a value
added by a newer API kept as a ``str``); members the answer did not carry are ``UNSET`` and left
out of the ``repr``. Hardware constraints, scaling policies and time periods are variant classes;
kinds this version does not know arrive as the ``Unknown…`` variant with their members kept.

Import cost: the model modules load on first use of a name, not at ``import qarnot_ext.models``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qarnot_ext import _adapter

if TYPE_CHECKING:
    from qarnot_ext._adapter import (
        AlwaysTimePeriod,
        BulkTaskResult,
        CpuModelHardwareConstraint,
        FixedScalingPolicy,
        GpuHardwareConstraint,
        HardwareConstraint,
        IdOutput,
        JobOutput,
        JobState,
        ManagedTasksQueueScalingPolicy,
        MaximumCoreHardwareConstraint,
        MaximumRamCoreRatioHardwareConstraint,
        MaximumRamHardwareConstraint,
        MinimumCoreHardwareConstraint,
        MinimumRamCoreRatioHardwareConstraint,
        MinimumRamHardwareConstraint,
        NoGpuHardwareConstraint,
        NoSSDHardwareConstraint,
        PoolOutput,
        PoolState,
        PoolSummaryOutput,
        ProfileOutput,
        ScalingOutput,
        ScalingPolicy,
        SettingsOutput,
        SnapshotIdOutput,
        SnapshotStatusOutput,
        SpecificHardwareConstraint,
        SSDHardwareConstraint,
        TaskOutput,
        TaskState,
        TaskStatus,
        TaskSummaryOutput,
        TimePeriod,
        UnknownHardwareConstraint,
        UnknownScalingPolicy,
        UnknownTimePeriod,
        UserOutput,
        VersionOutput,
        WeeklyTimePeriod,
    )

__all__ = [
    "AlwaysTimePeriod",
    "BulkTaskResult",
    "CpuModelHardwareConstraint",
    "FixedScalingPolicy",
    "GpuHardwareConstraint",
    "HardwareConstraint",
    "IdOutput",
    "JobOutput",
    "JobState",
    "ManagedTasksQueueScalingPolicy",
    "MaximumCoreHardwareConstraint",
    "MaximumRamCoreRatioHardwareConstraint",
    "MaximumRamHardwareConstraint",
    "MinimumCoreHardwareConstraint",
    "MinimumRamCoreRatioHardwareConstraint",
    "MinimumRamHardwareConstraint",
    "NoGpuHardwareConstraint",
    "NoSSDHardwareConstraint",
    "PoolOutput",
    "PoolState",
    "PoolSummaryOutput",
    "ProfileOutput",
    "SSDHardwareConstraint",
    "ScalingOutput",
    "ScalingPolicy",
    "SettingsOutput",
    "SnapshotIdOutput",
    "SnapshotStatusOutput",
    "SpecificHardwareConstraint",
    "TaskOutput",
    "TaskState",
    "TaskStatus",
    "TaskSummaryOutput",
    "TimePeriod",
    "UnknownHardwareConstraint",
    "UnknownScalingPolicy",
    "UnknownTimePeriod",
    "UserOutput",
    "VersionOutput",
    "WeeklyTimePeriod",
]


def __getattr__(name: str) -> Any:
    # Resolved through the adapter (the one importer of the generated package), on first use.
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_adapter, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
