"""Contains all the data models used in inputs/outputs"""

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
