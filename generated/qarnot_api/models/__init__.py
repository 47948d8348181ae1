"""Contains all the data models used in inputs/outputs.

Each model's module is imported on first use of its name (PEP 562): importing the package costs
nothing, and a program that touches three models loads three modules (and what they use).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .active_forward import ActiveForward
    from .always_time_period import AlwaysTimePeriod
    from .bulk_task_result import BulkTaskResult
    from .completed_instance import CompletedInstance
    from .cpu_model_hardware_constraint import CpuModelHardwareConstraint
    from .data_detail_request import DataDetailRequest
    from .day_of_week import DayOfWeek
    from .dependency_input import DependencyInput
    from .dependency_output import DependencyOutput
    from .elastic_property_input import ElasticPropertyInput
    from .elastic_property_output import ElasticPropertyOutput
    from .empty_result import EmptyResult
    from .error_detail import ErrorDetail
    from .error_response import ErrorResponse
    from .error_response_data_type_0 import ErrorResponseDataType0
    from .execution_time_by_cpu_model import ExecutionTimeByCpuModel
    from .execution_time_by_instance_id import ExecutionTimeByInstanceId
    from .execution_time_by_machine_specification import ExecutionTimeByMachineSpecification
    from .execution_time_ghz_by_cpu_model import ExecutionTimeGhzByCpuModel
    from .fixed_scaling_policy import FixedScalingPolicy
    from .forced_constant import ForcedConstant
    from .forced_constant_access import ForcedConstantAccess
    from .gpu_hardware_constraint import GpuHardwareConstraint
    from .hardware_constraint_offset_page import HardwareConstraintOffsetPage
    from .id_output import IdOutput
    from .instance_phase import InstancePhase
    from .job_creation_input import JobCreationInput
    from .job_output import JobOutput
    from .job_output_page import JobOutputPage
    from .job_state import JobState
    from .key_value import KeyValue
    from .labels import Labels
    from .managed_tasks_queue_scaling_policy import ManagedTasksQueueScalingPolicy
    from .maximum_core_hardware_constraint import MaximumCoreHardwareConstraint
    from .maximum_ram_core_ratio_hardware_constraint import MaximumRamCoreRatioHardwareConstraint
    from .maximum_ram_hardware_constraint import MaximumRamHardwareConstraint
    from .minimum_core_hardware_constraint import MinimumCoreHardwareConstraint
    from .minimum_ram_core_ratio_hardware_constraint import MinimumRamCoreRatioHardwareConstraint
    from .minimum_ram_hardware_constraint import MinimumRamHardwareConstraint
    from .multiple_value_leaf import MultipleValueLeaf
    from .multiple_value_operator import MultipleValueOperator
    from .no_gpu_hardware_constraint import NoGpuHardwareConstraint
    from .no_ssd_hardware_constraint import NoSSDHardwareConstraint
    from .node import Node
    from .node_operator import NodeOperator
    from .order_type import OrderType
    from .page_detail_request import PageDetailRequest
    from .per_running_instance_info import PerRunningInstanceInfo
    from .periodic_snapshot import PeriodicSnapshot
    from .pool_clone_input import PoolCloneInput
    from .pool_creation_input import PoolCreationInput
    from .pool_output import PoolOutput
    from .pool_output_page import PoolOutputPage
    from .pool_preparation_task_input import PoolPreparationTaskInput
    from .pool_preparation_task_output import PoolPreparationTaskOutput
    from .pool_state import PoolState
    from .pool_status import PoolStatus
    from .pool_summary_output import PoolSummaryOutput
    from .pool_summary_output_page import PoolSummaryOutputPage
    from .pool_update_input import PoolUpdateInput
    from .prefix_filtering import PrefixFiltering
    from .privileges import Privileges
    from .problem_details import ProblemDetails
    from .problem_details_errors_type_0 import ProblemDetailsErrorsType0
    from .problem_details_extensions_type_0 import ProblemDetailsExtensionsType0
    from .profile_constant import ProfileConstant
    from .profile_license import ProfileLicense
    from .profile_output import ProfileOutput
    from .reserved_quota import ReservedQuota
    from .resource_error import ResourceError
    from .resources_bucket import ResourcesBucket
    from .resources_bucket_filtering import ResourcesBucketFiltering
    from .resources_transformation import ResourcesTransformation
    from .retry_settings import RetrySettings
    from .running_core_count_by_cpu_model import RunningCoreCountByCpuModel
    from .running_instances_info import RunningInstancesInfo
    from .scaling_input import ScalingInput
    from .scaling_output import ScalingOutput
    from .scheduling_type import SchedulingType
    from .secret_access_right_by_prefix import SecretAccessRightByPrefix
    from .secret_access_right_by_secret import SecretAccessRightBySecret
    from .secret_keys_output import SecretKeysOutput
    from .secret_value import SecretValue
    from .secrets_access_rights import SecretsAccessRights
    from .select import Select
    from .settings_output import SettingsOutput
    from .snapshot_config import SnapshotConfig
    from .snapshot_id_output import SnapshotIdOutput
    from .snapshot_state import SnapshotState
    from .snapshot_status_output import SnapshotStatusOutput
    from .specific_hardware_constraint import SpecificHardwareConstraint
    from .ssd_hardware_constraint import SSDHardwareConstraint
    from .strip_prefix import StripPrefix
    from .task_clone_input import TaskCloneInput
    from .task_creation_input import TaskCreationInput
    from .task_output import TaskOutput
    from .task_output_page import TaskOutputPage
    from .task_recover_input import TaskRecoverInput
    from .task_resume_input import TaskResumeInput
    from .task_retry_input import TaskRetryInput
    from .task_state import TaskState
    from .task_status import TaskStatus
    from .task_summary_output import TaskSummaryOutput
    from .task_summary_output_page import TaskSummaryOutputPage
    from .task_update_input import TaskUpdateInput
    from .unique_snapshot import UniqueSnapshot
    from .unit_value_leaf import UnitValueLeaf
    from .unit_value_operator import UnitValueOperator
    from .unknown_hardware_constraint import UnknownHardwareConstraint
    from .unknown_scaling_policy import UnknownScalingPolicy
    from .unknown_time_period import UnknownTimePeriod
    from .user_output import UserOutput
    from .version_output import VersionOutput
    from .vpn_connection import VpnConnection
    from .weekly_time_period import WeeklyTimePeriod

_MODULES: dict[str, str] = {
    "ActiveForward": ".active_forward",
    "AlwaysTimePeriod": ".always_time_period",
    "BulkTaskResult": ".bulk_task_result",
    "CompletedInstance": ".completed_instance",
    "CpuModelHardwareConstraint": ".cpu_model_hardware_constraint",
    "DataDetailRequest": ".data_detail_request",
    "DayOfWeek": ".day_of_week",
    "DependencyInput": ".dependency_input",
    "DependencyOutput": ".dependency_output",
    "ElasticPropertyInput": ".elastic_property_input",
    "ElasticPropertyOutput": ".elastic_property_output",
    "EmptyResult": ".empty_result",
    "ErrorDetail": ".error_detail",
    "ErrorResponse": ".error_response",
    "ErrorResponseDataType0": ".error_response_data_type_0",
    "ExecutionTimeByCpuModel": ".execution_time_by_cpu_model",
    "ExecutionTimeByInstanceId": ".execution_time_by_instance_id",
    "ExecutionTimeByMachineSpecification": ".execution_time_by_machine_specification",
    "ExecutionTimeGhzByCpuModel": ".execution_time_ghz_by_cpu_model",
    "FixedScalingPolicy": ".fixed_scaling_policy",
    "ForcedConstant": ".forced_constant",
    "ForcedConstantAccess": ".forced_constant_access",
    "GpuHardwareConstraint": ".gpu_hardware_constraint",
    "HardwareConstraintOffsetPage": ".hardware_constraint_offset_page",
    "IdOutput": ".id_output",
    "InstancePhase": ".instance_phase",
    "JobCreationInput": ".job_creation_input",
    "JobOutput": ".job_output",
    "JobOutputPage": ".job_output_page",
    "JobState": ".job_state",
    "KeyValue": ".key_value",
    "Labels": ".labels",
    "ManagedTasksQueueScalingPolicy": ".managed_tasks_queue_scaling_policy",
    "MaximumCoreHardwareConstraint": ".maximum_core_hardware_constraint",
    "MaximumRamCoreRatioHardwareConstraint": ".maximum_ram_core_ratio_hardware_constraint",
    "MaximumRamHardwareConstraint": ".maximum_ram_hardware_constraint",
    "MinimumCoreHardwareConstraint": ".minimum_core_hardware_constraint",
    "MinimumRamCoreRatioHardwareConstraint": ".minimum_ram_core_ratio_hardware_constraint",
    "MinimumRamHardwareConstraint": ".minimum_ram_hardware_constraint",
    "MultipleValueLeaf": ".multiple_value_leaf",
    "MultipleValueOperator": ".multiple_value_operator",
    "NoGpuHardwareConstraint": ".no_gpu_hardware_constraint",
    "NoSSDHardwareConstraint": ".no_ssd_hardware_constraint",
    "Node": ".node",
    "NodeOperator": ".node_operator",
    "OrderType": ".order_type",
    "PageDetailRequest": ".page_detail_request",
    "PerRunningInstanceInfo": ".per_running_instance_info",
    "PeriodicSnapshot": ".periodic_snapshot",
    "PoolCloneInput": ".pool_clone_input",
    "PoolCreationInput": ".pool_creation_input",
    "PoolOutput": ".pool_output",
    "PoolOutputPage": ".pool_output_page",
    "PoolPreparationTaskInput": ".pool_preparation_task_input",
    "PoolPreparationTaskOutput": ".pool_preparation_task_output",
    "PoolState": ".pool_state",
    "PoolStatus": ".pool_status",
    "PoolSummaryOutput": ".pool_summary_output",
    "PoolSummaryOutputPage": ".pool_summary_output_page",
    "PoolUpdateInput": ".pool_update_input",
    "PrefixFiltering": ".prefix_filtering",
    "Privileges": ".privileges",
    "ProblemDetails": ".problem_details",
    "ProblemDetailsErrorsType0": ".problem_details_errors_type_0",
    "ProblemDetailsExtensionsType0": ".problem_details_extensions_type_0",
    "ProfileConstant": ".profile_constant",
    "ProfileLicense": ".profile_license",
    "ProfileOutput": ".profile_output",
    "ReservedQuota": ".reserved_quota",
    "ResourceError": ".resource_error",
    "ResourcesBucket": ".resources_bucket",
    "ResourcesBucketFiltering": ".resources_bucket_filtering",
    "ResourcesTransformation": ".resources_transformation",
    "RetrySettings": ".retry_settings",
    "RunningCoreCountByCpuModel": ".running_core_count_by_cpu_model",
    "RunningInstancesInfo": ".running_instances_info",
    "ScalingInput": ".scaling_input",
    "ScalingOutput": ".scaling_output",
    "SchedulingType": ".scheduling_type",
    "SecretAccessRightByPrefix": ".secret_access_right_by_prefix",
    "SecretAccessRightBySecret": ".secret_access_right_by_secret",
    "SecretKeysOutput": ".secret_keys_output",
    "SecretValue": ".secret_value",
    "SecretsAccessRights": ".secrets_access_rights",
    "Select": ".select",
    "SettingsOutput": ".settings_output",
    "SnapshotConfig": ".snapshot_config",
    "SnapshotIdOutput": ".snapshot_id_output",
    "SnapshotState": ".snapshot_state",
    "SnapshotStatusOutput": ".snapshot_status_output",
    "SpecificHardwareConstraint": ".specific_hardware_constraint",
    "SSDHardwareConstraint": ".ssd_hardware_constraint",
    "StripPrefix": ".strip_prefix",
    "TaskCloneInput": ".task_clone_input",
    "TaskCreationInput": ".task_creation_input",
    "TaskOutput": ".task_output",
    "TaskOutputPage": ".task_output_page",
    "TaskRecoverInput": ".task_recover_input",
    "TaskResumeInput": ".task_resume_input",
    "TaskRetryInput": ".task_retry_input",
    "TaskState": ".task_state",
    "TaskStatus": ".task_status",
    "TaskSummaryOutput": ".task_summary_output",
    "TaskSummaryOutputPage": ".task_summary_output_page",
    "TaskUpdateInput": ".task_update_input",
    "UniqueSnapshot": ".unique_snapshot",
    "UnitValueLeaf": ".unit_value_leaf",
    "UnitValueOperator": ".unit_value_operator",
    "UnknownHardwareConstraint": ".unknown_hardware_constraint",
    "UnknownScalingPolicy": ".unknown_scaling_policy",
    "UnknownTimePeriod": ".unknown_time_period",
    "UserOutput": ".user_output",
    "VersionOutput": ".version_output",
    "VpnConnection": ".vpn_connection",
    "WeeklyTimePeriod": ".weekly_time_period",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = (
    "ActiveForward",
    "AlwaysTimePeriod",
    "BulkTaskResult",
    "CompletedInstance",
    "CpuModelHardwareConstraint",
    "DataDetailRequest",
    "DayOfWeek",
    "DependencyInput",
    "DependencyOutput",
    "ElasticPropertyInput",
    "ElasticPropertyOutput",
    "EmptyResult",
    "ErrorDetail",
    "ErrorResponse",
    "ErrorResponseDataType0",
    "ExecutionTimeByCpuModel",
    "ExecutionTimeByInstanceId",
    "ExecutionTimeByMachineSpecification",
    "ExecutionTimeGhzByCpuModel",
    "FixedScalingPolicy",
    "ForcedConstant",
    "ForcedConstantAccess",
    "GpuHardwareConstraint",
    "HardwareConstraintOffsetPage",
    "IdOutput",
    "InstancePhase",
    "JobCreationInput",
    "JobOutput",
    "JobOutputPage",
    "JobState",
    "KeyValue",
    "Labels",
    "ManagedTasksQueueScalingPolicy",
    "MaximumCoreHardwareConstraint",
    "MaximumRamCoreRatioHardwareConstraint",
    "MaximumRamHardwareConstraint",
    "MinimumCoreHardwareConstraint",
    "MinimumRamCoreRatioHardwareConstraint",
    "MinimumRamHardwareConstraint",
    "MultipleValueLeaf",
    "MultipleValueOperator",
    "Node",
    "NodeOperator",
    "NoGpuHardwareConstraint",
    "NoSSDHardwareConstraint",
    "OrderType",
    "PageDetailRequest",
    "PeriodicSnapshot",
    "PerRunningInstanceInfo",
    "PoolCloneInput",
    "PoolCreationInput",
    "PoolOutput",
    "PoolOutputPage",
    "PoolPreparationTaskInput",
    "PoolPreparationTaskOutput",
    "PoolState",
    "PoolStatus",
    "PoolSummaryOutput",
    "PoolSummaryOutputPage",
    "PoolUpdateInput",
    "PrefixFiltering",
    "Privileges",
    "ProblemDetails",
    "ProblemDetailsErrorsType0",
    "ProblemDetailsExtensionsType0",
    "ProfileConstant",
    "ProfileLicense",
    "ProfileOutput",
    "ReservedQuota",
    "ResourceError",
    "ResourcesBucket",
    "ResourcesBucketFiltering",
    "ResourcesTransformation",
    "RetrySettings",
    "RunningCoreCountByCpuModel",
    "RunningInstancesInfo",
    "ScalingInput",
    "ScalingOutput",
    "SchedulingType",
    "SecretAccessRightByPrefix",
    "SecretAccessRightBySecret",
    "SecretKeysOutput",
    "SecretsAccessRights",
    "SecretValue",
    "Select",
    "SettingsOutput",
    "SnapshotConfig",
    "SnapshotIdOutput",
    "SnapshotState",
    "SnapshotStatusOutput",
    "SpecificHardwareConstraint",
    "SSDHardwareConstraint",
    "StripPrefix",
    "TaskCloneInput",
    "TaskCreationInput",
    "TaskOutput",
    "TaskOutputPage",
    "TaskRecoverInput",
    "TaskResumeInput",
    "TaskRetryInput",
    "TaskState",
    "TaskStatus",
    "TaskSummaryOutput",
    "TaskSummaryOutputPage",
    "TaskUpdateInput",
    "UniqueSnapshot",
    "UnitValueLeaf",
    "UnitValueOperator",
    "UnknownHardwareConstraint",
    "UnknownScalingPolicy",
    "UnknownTimePeriod",
    "UserOutput",
    "VersionOutput",
    "VpnConnection",
    "WeeklyTimePeriod",
)
