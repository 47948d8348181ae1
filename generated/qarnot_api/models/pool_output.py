from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pool_state import PoolState, check_pool_state
from ..models.scheduling_type import SchedulingType, check_scheduling_type
from ..types import UNSET, Unset, format_qarnot_datetime, parse_qarnot_datetime

T = TypeVar("T", bound="PoolOutput")


@_attrs_define
class PoolOutput:
    """A pool as the API returns it. Every field but `uuid` is optional and may be null."""

    uuid: UUID
    """ Unique identifier of the resource, assigned by the API at creation. """
    errors: list[ResourceError] | None | Unset = UNSET
    """ Errors reported by the platform about this resource. """
    elastic_property: ElasticPropertyOutput | None | Unset = UNSET
    """ Legacy elastic sizing of the pool (superseded by `scaling`, still returned). """
    scaling: None | ScalingOutput | Unset = UNSET
    """ Scaling policies of the pool. """
    preparation_task: None | PoolPreparationTaskOutput | Unset = UNSET
    """ Command run on every pool node before any task. """
    constants: list[KeyValue] | None | Unset = UNSET
    """ Constants passed to the profile (and to the instances as environment variables); keys prefixed
    `QARNOT_SECRET__` are write-only and read back as `[SECRET]`. """
    secrets_access_rights: None | SecretsAccessRights | Unset = UNSET
    """ Secrets-manager entries the running instances may read. """
    tags: list[str] | None | Unset = UNSET
    """ Free-form tags used to filter listings (up to 10, each shorter than 512 characters; a comma is a legal
    character). """
    resource_buckets: list[str] | None | Unset = UNSET
    """ Names of the buckets whose content is made available to the instances. """
    advanced_resource_buckets: list[ResourcesBucket] | None | Unset = UNSET
    """ Resource buckets with filtering, prefix stripping and cache settings; takes precedence over
    `resourceBuckets`. """
    status: None | PoolStatus | Unset = UNSET
    """ Execution details (progress, times, instance ranges, running instances). May be an empty object. """
    total_slot_capacity: int | None | Unset = UNSET
    """ Number of task slots the pool offers. """
    pool_usage: float | None | Unset = UNSET
    """ Fraction of the pool's slots in use (0 to 1). """
    hardware_constraints: (
        list[
            CpuModelHardwareConstraint
            | GpuHardwareConstraint
            | MaximumCoreHardwareConstraint
            | MaximumRamCoreRatioHardwareConstraint
            | MaximumRamHardwareConstraint
            | MinimumCoreHardwareConstraint
            | MinimumRamCoreRatioHardwareConstraint
            | MinimumRamHardwareConstraint
            | NoGpuHardwareConstraint
            | NoSSDHardwareConstraint
            | SpecificHardwareConstraint
            | SSDHardwareConstraint
            | UnknownHardwareConstraint
        ]
        | None
        | Unset
    ) = UNSET
    """ Requirements on the hardware the instances run on. """
    scheduling_type: None | SchedulingType | Unset = UNSET
    """ Pricing and scheduling class used to dispatch the instances. """
    targeted_reserved_machine_key: None | str | Unset = UNSET
    """ Key of the reserved machine to run on (with `schedulingType: reserved`). """
    auto_delete_on_completion: bool | None | Unset = UNSET
    """ Whether the resource is deleted automatically once completed, when the account's quota for it is reached.
    """
    completion_time_to_live: None | str | Unset = UNSET
    """ How long the completed resource is kept before automatic deletion (a date-span). """
    labels: Labels | None | Unset = UNSET
    """ Arbitrary key/value pairs attached to the resource to find it later; they do not affect execution. """
    privileges: None | Privileges | Unset = UNSET
    """ Privileges granted to the running instances. """
    default_retry_settings: None | RetrySettings | Unset = UNSET
    """ Retry settings applied to the tasks of the pool by default. """
    name: None | str | Unset = UNSET
    """ Human-readable name; not required to be unique. """
    shortname: None | str | Unset = UNSET
    """ Unique, URL-friendly name (characters `[a-zA-Z0-9-]`, not ending with `-`); defaults to the uuid. Path
    parameters accept it in place of the uuid. """
    profile: None | str | Unset = UNSET
    """ Name of the profile (the software template) the instances run; see `GET /profiles`. """
    state: None | PoolState | Unset = UNSET
    """ Current state of the resource. """
    previous_state: None | PoolState | Unset = UNSET
    """ State the resource was in before the current one. """
    instance_count: int | None | Unset = UNSET
    """ Number of instances. Reads 0 on a task created with `advancedRanges`. """
    state_transition_time: datetime.datetime | None | Unset = UNSET
    """ When the resource entered its current state. """
    previous_state_transition_time: datetime.datetime | None | Unset = UNSET
    """ When the resource entered its previous state. """
    creation_date: datetime.datetime | None | Unset = UNSET
    """ When the resource was created. """
    last_modified: datetime.datetime | None | Unset = UNSET
    """ When the resource was last modified. """
    end_date: datetime.datetime | None | Unset = UNSET
    """ When the resource reached a final state (`0001-01-01T00:00:00Z` while it has not). """
    running_instance_count: int | None | Unset = UNSET
    """ Number of instances currently running. """
    running_core_count: int | None | Unset = UNSET
    """ Number of cores currently used by the running instances. """
    queued_or_running_task_instances_count: int | None | Unset = UNSET
    """ Number of task instances queued on or running in the pool. """
    execution_time: None | str | Unset = UNSET
    """ Cumulated execution time of the instances (a date-span). """
    wall_time: None | str | Unset = UNSET
    """ Wall-clock time since the resource started (a date-span). """
    task_default_wait_for_pool_resources_synchronization: bool | None | Unset = UNSET
    """ Default of `waitForPoolResourcesSynchronization` for the tasks submitted to this pool. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "uuid": "uuid",
        "errors": "errors",
        "elastic_property": "elasticProperty",
        "scaling": "scaling",
        "preparation_task": "preparationTask",
        "constants": "constants",
        "secrets_access_rights": "secretsAccessRights",
        "tags": "tags",
        "resource_buckets": "resourceBuckets",
        "advanced_resource_buckets": "advancedResourceBuckets",
        "status": "status",
        "total_slot_capacity": "totalSlotCapacity",
        "pool_usage": "poolUsage",
        "hardware_constraints": "hardwareConstraints",
        "scheduling_type": "schedulingType",
        "targeted_reserved_machine_key": "targetedReservedMachineKey",
        "auto_delete_on_completion": "autoDeleteOnCompletion",
        "completion_time_to_live": "completionTimeToLive",
        "labels": "labels",
        "privileges": "privileges",
        "default_retry_settings": "defaultRetrySettings",
        "name": "name",
        "shortname": "shortname",
        "profile": "profile",
        "state": "state",
        "previous_state": "previousState",
        "instance_count": "instanceCount",
        "state_transition_time": "stateTransitionTime",
        "previous_state_transition_time": "previousStateTransitionTime",
        "creation_date": "creationDate",
        "last_modified": "lastModified",
        "end_date": "endDate",
        "running_instance_count": "runningInstanceCount",
        "running_core_count": "runningCoreCount",
        "queued_or_running_task_instances_count": "queuedOrRunningTaskInstancesCount",
        "execution_time": "executionTime",
        "wall_time": "wallTime",
        "task_default_wait_for_pool_resources_synchronization": "taskDefaultWaitForPoolResourcesSynchronization",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"PoolOutput({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors

        elastic_property: dict[str, Any] | None | Unset
        if isinstance(self.elastic_property, Unset):
            elastic_property = UNSET
        elif isinstance(self.elastic_property, ElasticPropertyOutput):
            elastic_property = self.elastic_property.to_dict()
        else:
            elastic_property = self.elastic_property

        scaling: dict[str, Any] | None | Unset
        if isinstance(self.scaling, Unset):
            scaling = UNSET
        elif isinstance(self.scaling, ScalingOutput):
            scaling = self.scaling.to_dict()
        else:
            scaling = self.scaling

        preparation_task: dict[str, Any] | None | Unset
        if isinstance(self.preparation_task, Unset):
            preparation_task = UNSET
        elif isinstance(self.preparation_task, PoolPreparationTaskOutput):
            preparation_task = self.preparation_task.to_dict()
        else:
            preparation_task = self.preparation_task

        constants: list[dict[str, Any]] | None | Unset
        if isinstance(self.constants, Unset):
            constants = UNSET
        elif isinstance(self.constants, list):
            constants = []
            for constants_type_0_item_data in self.constants:
                constants_type_0_item = constants_type_0_item_data.to_dict()
                constants.append(constants_type_0_item)

        else:
            constants = self.constants

        secrets_access_rights: dict[str, Any] | None | Unset
        if isinstance(self.secrets_access_rights, Unset):
            secrets_access_rights = UNSET
        elif isinstance(self.secrets_access_rights, SecretsAccessRights):
            secrets_access_rights = self.secrets_access_rights.to_dict()
        else:
            secrets_access_rights = self.secrets_access_rights

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        resource_buckets: list[str] | None | Unset
        if isinstance(self.resource_buckets, Unset):
            resource_buckets = UNSET
        elif isinstance(self.resource_buckets, list):
            resource_buckets = self.resource_buckets

        else:
            resource_buckets = self.resource_buckets

        advanced_resource_buckets: list[dict[str, Any]] | None | Unset
        if isinstance(self.advanced_resource_buckets, Unset):
            advanced_resource_buckets = UNSET
        elif isinstance(self.advanced_resource_buckets, list):
            advanced_resource_buckets = []
            for advanced_resource_buckets_type_0_item_data in self.advanced_resource_buckets:
                advanced_resource_buckets_type_0_item = advanced_resource_buckets_type_0_item_data.to_dict()
                advanced_resource_buckets.append(advanced_resource_buckets_type_0_item)

        else:
            advanced_resource_buckets = self.advanced_resource_buckets

        status: dict[str, Any] | None | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, PoolStatus):
            status = self.status.to_dict()
        else:
            status = self.status

        total_slot_capacity: int | None | Unset
        if isinstance(self.total_slot_capacity, Unset):
            total_slot_capacity = UNSET
        else:
            total_slot_capacity = self.total_slot_capacity

        pool_usage: float | None | Unset
        if isinstance(self.pool_usage, Unset):
            pool_usage = UNSET
        else:
            pool_usage = self.pool_usage

        hardware_constraints: list[dict[str, Any]] | None | Unset
        if isinstance(self.hardware_constraints, Unset):
            hardware_constraints = UNSET
        elif isinstance(self.hardware_constraints, list):
            hardware_constraints = []
            for hardware_constraints_type_0_item_data in self.hardware_constraints:
                hardware_constraints_type_0_item: dict[str, Any]
                if isinstance(hardware_constraints_type_0_item_data, MinimumCoreHardwareConstraint):
                    hardware_constraints_type_0_item = hardware_constraints_type_0_item_data.to_dict()
                elif isinstance(hardware_constraints_type_0_item_data, MaximumCoreHardwareConstraint):
                    hardware_constraints_type_0_item = hardware_constraints_type_0_item_data.to_dict()
                elif isinstance(hardware_constraints_type_0_item_data, MinimumRamHardwareConstraint):
                    hardware_constraints_type_0_item = hardware_constraints_type_0_item_data.to_dict()
                elif isinstance(hardware_constraints_type_0_item_data, MaximumRamHardwareConstraint):
                    hardware_constraints_type_0_item = hardware_constraints_type_0_item_data.to_dict()
                elif isinstance(hardware_constraints_type_0_item_data, MinimumRamCoreRatioHardwareConstraint):
                    hardware_constraints_type_0_item = hardware_constraints_type_0_item_data.to_dict()
                elif isinstance(hardware_constraints_type_0_item_data, MaximumRamCoreRatioHardwareConstraint):
                    hardware_constraints_type_0_item = hardware_constraints_type_0_item_data.to_dict()
                elif isinstance(hardware_constraints_type_0_item_data, SpecificHardwareConstraint):
                    hardware_constraints_type_0_item = hardware_constraints_type_0_item_data.to_dict()
                elif isinstance(hardware_constraints_type_0_item_data, CpuModelHardwareConstraint):
                    hardware_constraints_type_0_item = hardware_constraints_type_0_item_data.to_dict()
                elif isinstance(hardware_constraints_type_0_item_data, GpuHardwareConstraint):
                    hardware_constraints_type_0_item = hardware_constraints_type_0_item_data.to_dict()
                elif isinstance(hardware_constraints_type_0_item_data, NoGpuHardwareConstraint):
                    hardware_constraints_type_0_item = hardware_constraints_type_0_item_data.to_dict()
                elif isinstance(hardware_constraints_type_0_item_data, SSDHardwareConstraint):
                    hardware_constraints_type_0_item = hardware_constraints_type_0_item_data.to_dict()
                elif isinstance(hardware_constraints_type_0_item_data, NoSSDHardwareConstraint):
                    hardware_constraints_type_0_item = hardware_constraints_type_0_item_data.to_dict()
                else:
                    hardware_constraints_type_0_item = hardware_constraints_type_0_item_data.to_dict()

                hardware_constraints.append(hardware_constraints_type_0_item)

        else:
            hardware_constraints = self.hardware_constraints

        scheduling_type: None | str | Unset
        if isinstance(self.scheduling_type, Unset):
            scheduling_type = UNSET
        elif isinstance(self.scheduling_type, str):
            scheduling_type = self.scheduling_type
        else:
            scheduling_type = self.scheduling_type

        targeted_reserved_machine_key: None | str | Unset
        if isinstance(self.targeted_reserved_machine_key, Unset):
            targeted_reserved_machine_key = UNSET
        else:
            targeted_reserved_machine_key = self.targeted_reserved_machine_key

        auto_delete_on_completion: bool | None | Unset
        if isinstance(self.auto_delete_on_completion, Unset):
            auto_delete_on_completion = UNSET
        else:
            auto_delete_on_completion = self.auto_delete_on_completion

        completion_time_to_live: None | str | Unset
        if isinstance(self.completion_time_to_live, Unset):
            completion_time_to_live = UNSET
        else:
            completion_time_to_live = self.completion_time_to_live

        labels: dict[str, Any] | None | Unset
        if isinstance(self.labels, Unset):
            labels = UNSET
        elif isinstance(self.labels, Labels):
            labels = self.labels.to_dict()
        else:
            labels = self.labels

        privileges: dict[str, Any] | None | Unset
        if isinstance(self.privileges, Unset):
            privileges = UNSET
        elif isinstance(self.privileges, Privileges):
            privileges = self.privileges.to_dict()
        else:
            privileges = self.privileges

        default_retry_settings: dict[str, Any] | None | Unset
        if isinstance(self.default_retry_settings, Unset):
            default_retry_settings = UNSET
        elif isinstance(self.default_retry_settings, RetrySettings):
            default_retry_settings = self.default_retry_settings.to_dict()
        else:
            default_retry_settings = self.default_retry_settings

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        shortname: None | str | Unset
        if isinstance(self.shortname, Unset):
            shortname = UNSET
        else:
            shortname = self.shortname

        profile: None | str | Unset
        if isinstance(self.profile, Unset):
            profile = UNSET
        else:
            profile = self.profile

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, str):
            state = self.state
        else:
            state = self.state

        previous_state: None | str | Unset
        if isinstance(self.previous_state, Unset):
            previous_state = UNSET
        elif isinstance(self.previous_state, str):
            previous_state = self.previous_state
        else:
            previous_state = self.previous_state

        instance_count: int | None | Unset
        if isinstance(self.instance_count, Unset):
            instance_count = UNSET
        else:
            instance_count = self.instance_count

        state_transition_time: None | str | Unset
        if isinstance(self.state_transition_time, Unset):
            state_transition_time = UNSET
        elif isinstance(self.state_transition_time, datetime.datetime):
            state_transition_time = format_qarnot_datetime(self.state_transition_time)
        else:
            state_transition_time = self.state_transition_time

        previous_state_transition_time: None | str | Unset
        if isinstance(self.previous_state_transition_time, Unset):
            previous_state_transition_time = UNSET
        elif isinstance(self.previous_state_transition_time, datetime.datetime):
            previous_state_transition_time = format_qarnot_datetime(self.previous_state_transition_time)
        else:
            previous_state_transition_time = self.previous_state_transition_time

        creation_date: None | str | Unset
        if isinstance(self.creation_date, Unset):
            creation_date = UNSET
        elif isinstance(self.creation_date, datetime.datetime):
            creation_date = format_qarnot_datetime(self.creation_date)
        else:
            creation_date = self.creation_date

        last_modified: None | str | Unset
        if isinstance(self.last_modified, Unset):
            last_modified = UNSET
        elif isinstance(self.last_modified, datetime.datetime):
            last_modified = format_qarnot_datetime(self.last_modified)
        else:
            last_modified = self.last_modified

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.datetime):
            end_date = format_qarnot_datetime(self.end_date)
        else:
            end_date = self.end_date

        running_instance_count: int | None | Unset
        if isinstance(self.running_instance_count, Unset):
            running_instance_count = UNSET
        else:
            running_instance_count = self.running_instance_count

        running_core_count: int | None | Unset
        if isinstance(self.running_core_count, Unset):
            running_core_count = UNSET
        else:
            running_core_count = self.running_core_count

        queued_or_running_task_instances_count: int | None | Unset
        if isinstance(self.queued_or_running_task_instances_count, Unset):
            queued_or_running_task_instances_count = UNSET
        else:
            queued_or_running_task_instances_count = self.queued_or_running_task_instances_count

        execution_time: None | str | Unset
        if isinstance(self.execution_time, Unset):
            execution_time = UNSET
        else:
            execution_time = self.execution_time

        wall_time: None | str | Unset
        if isinstance(self.wall_time, Unset):
            wall_time = UNSET
        else:
            wall_time = self.wall_time

        task_default_wait_for_pool_resources_synchronization: bool | None | Unset
        if isinstance(self.task_default_wait_for_pool_resources_synchronization, Unset):
            task_default_wait_for_pool_resources_synchronization = UNSET
        else:
            task_default_wait_for_pool_resources_synchronization = (
                self.task_default_wait_for_pool_resources_synchronization
            )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors
        if elastic_property is not UNSET:
            field_dict["elasticProperty"] = elastic_property
        if scaling is not UNSET:
            field_dict["scaling"] = scaling
        if preparation_task is not UNSET:
            field_dict["preparationTask"] = preparation_task
        if constants is not UNSET:
            field_dict["constants"] = constants
        if secrets_access_rights is not UNSET:
            field_dict["secretsAccessRights"] = secrets_access_rights
        if tags is not UNSET:
            field_dict["tags"] = tags
        if resource_buckets is not UNSET:
            field_dict["resourceBuckets"] = resource_buckets
        if advanced_resource_buckets is not UNSET:
            field_dict["advancedResourceBuckets"] = advanced_resource_buckets
        if status is not UNSET:
            field_dict["status"] = status
        if total_slot_capacity is not UNSET:
            field_dict["totalSlotCapacity"] = total_slot_capacity
        if pool_usage is not UNSET:
            field_dict["poolUsage"] = pool_usage
        if hardware_constraints is not UNSET:
            field_dict["hardwareConstraints"] = hardware_constraints
        if scheduling_type is not UNSET:
            field_dict["schedulingType"] = scheduling_type
        if targeted_reserved_machine_key is not UNSET:
            field_dict["targetedReservedMachineKey"] = targeted_reserved_machine_key
        if auto_delete_on_completion is not UNSET:
            field_dict["autoDeleteOnCompletion"] = auto_delete_on_completion
        if completion_time_to_live is not UNSET:
            field_dict["completionTimeToLive"] = completion_time_to_live
        if labels is not UNSET:
            field_dict["labels"] = labels
        if privileges is not UNSET:
            field_dict["privileges"] = privileges
        if default_retry_settings is not UNSET:
            field_dict["defaultRetrySettings"] = default_retry_settings
        if name is not UNSET:
            field_dict["name"] = name
        if shortname is not UNSET:
            field_dict["shortname"] = shortname
        if profile is not UNSET:
            field_dict["profile"] = profile
        if state is not UNSET:
            field_dict["state"] = state
        if previous_state is not UNSET:
            field_dict["previousState"] = previous_state
        if instance_count is not UNSET:
            field_dict["instanceCount"] = instance_count
        if state_transition_time is not UNSET:
            field_dict["stateTransitionTime"] = state_transition_time
        if previous_state_transition_time is not UNSET:
            field_dict["previousStateTransitionTime"] = previous_state_transition_time
        if creation_date is not UNSET:
            field_dict["creationDate"] = creation_date
        if last_modified is not UNSET:
            field_dict["lastModified"] = last_modified
        if end_date is not UNSET:
            field_dict["endDate"] = end_date
        if running_instance_count is not UNSET:
            field_dict["runningInstanceCount"] = running_instance_count
        if running_core_count is not UNSET:
            field_dict["runningCoreCount"] = running_core_count
        if queued_or_running_task_instances_count is not UNSET:
            field_dict["queuedOrRunningTaskInstancesCount"] = queued_or_running_task_instances_count
        if execution_time is not UNSET:
            field_dict["executionTime"] = execution_time
        if wall_time is not UNSET:
            field_dict["wallTime"] = wall_time
        if task_default_wait_for_pool_resources_synchronization is not UNSET:
            field_dict["taskDefaultWaitForPoolResourcesSynchronization"] = (
                task_default_wait_for_pool_resources_synchronization
            )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        def _parse_errors(data: object) -> list[ResourceError] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = []
                _errors_type_0 = data
                for errors_type_0_item_data in _errors_type_0:
                    errors_type_0_item = ResourceError.from_dict(errors_type_0_item_data)

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ResourceError] | None | Unset, data)

        errors = _parse_errors(d.pop("errors", UNSET))

        def _parse_elastic_property(data: object) -> ElasticPropertyOutput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                elastic_property_type_0 = ElasticPropertyOutput.from_dict(data)

                return elastic_property_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ElasticPropertyOutput | None | Unset, data)

        elastic_property = _parse_elastic_property(d.pop("elasticProperty", UNSET))

        def _parse_scaling(data: object) -> None | ScalingOutput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scaling_type_0 = ScalingOutput.from_dict(data)

                return scaling_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScalingOutput | Unset, data)

        scaling = _parse_scaling(d.pop("scaling", UNSET))

        def _parse_preparation_task(data: object) -> None | PoolPreparationTaskOutput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                preparation_task_type_0 = PoolPreparationTaskOutput.from_dict(data)

                return preparation_task_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PoolPreparationTaskOutput | Unset, data)

        preparation_task = _parse_preparation_task(d.pop("preparationTask", UNSET))

        def _parse_constants(data: object) -> list[KeyValue] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                constants_type_0 = []
                _constants_type_0 = data
                for constants_type_0_item_data in _constants_type_0:
                    constants_type_0_item = KeyValue.from_dict(constants_type_0_item_data)

                    constants_type_0.append(constants_type_0_item)

                return constants_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[KeyValue] | None | Unset, data)

        constants = _parse_constants(d.pop("constants", UNSET))

        def _parse_secrets_access_rights(data: object) -> None | SecretsAccessRights | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                secrets_access_rights_type_0 = SecretsAccessRights.from_dict(data)

                return secrets_access_rights_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SecretsAccessRights | Unset, data)

        secrets_access_rights = _parse_secrets_access_rights(d.pop("secretsAccessRights", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_resource_buckets(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                resource_buckets_type_0 = cast(list[str], data)

                return resource_buckets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        resource_buckets = _parse_resource_buckets(d.pop("resourceBuckets", UNSET))

        def _parse_advanced_resource_buckets(data: object) -> list[ResourcesBucket] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                advanced_resource_buckets_type_0 = []
                _advanced_resource_buckets_type_0 = data
                for advanced_resource_buckets_type_0_item_data in _advanced_resource_buckets_type_0:
                    advanced_resource_buckets_type_0_item = ResourcesBucket.from_dict(
                        advanced_resource_buckets_type_0_item_data
                    )

                    advanced_resource_buckets_type_0.append(advanced_resource_buckets_type_0_item)

                return advanced_resource_buckets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ResourcesBucket] | None | Unset, data)

        advanced_resource_buckets = _parse_advanced_resource_buckets(d.pop("advancedResourceBuckets", UNSET))

        def _parse_status(data: object) -> None | PoolStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                status_type_0 = PoolStatus.from_dict(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PoolStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_total_slot_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_slot_capacity = _parse_total_slot_capacity(d.pop("totalSlotCapacity", UNSET))

        def _parse_pool_usage(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pool_usage = _parse_pool_usage(d.pop("poolUsage", UNSET))

        def _parse_hardware_constraints(
            data: object,
        ) -> (
            list[
                CpuModelHardwareConstraint
                | GpuHardwareConstraint
                | MaximumCoreHardwareConstraint
                | MaximumRamCoreRatioHardwareConstraint
                | MaximumRamHardwareConstraint
                | MinimumCoreHardwareConstraint
                | MinimumRamCoreRatioHardwareConstraint
                | MinimumRamHardwareConstraint
                | NoGpuHardwareConstraint
                | NoSSDHardwareConstraint
                | SpecificHardwareConstraint
                | SSDHardwareConstraint
                | UnknownHardwareConstraint
            ]
            | None
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                hardware_constraints_type_0 = []
                _hardware_constraints_type_0 = data
                for hardware_constraints_type_0_item_data in _hardware_constraints_type_0:

                    def _parse_hardware_constraints_type_0_item(
                        data: object,
                    ) -> (
                        CpuModelHardwareConstraint
                        | GpuHardwareConstraint
                        | MaximumCoreHardwareConstraint
                        | MaximumRamCoreRatioHardwareConstraint
                        | MaximumRamHardwareConstraint
                        | MinimumCoreHardwareConstraint
                        | MinimumRamCoreRatioHardwareConstraint
                        | MinimumRamHardwareConstraint
                        | NoGpuHardwareConstraint
                        | NoSSDHardwareConstraint
                        | SpecificHardwareConstraint
                        | SSDHardwareConstraint
                        | UnknownHardwareConstraint
                    ):
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_hardware_constraint_type_0 = MinimumCoreHardwareConstraint.from_dict(data)

                            return componentsschemas_hardware_constraint_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_hardware_constraint_type_1 = MaximumCoreHardwareConstraint.from_dict(data)

                            return componentsschemas_hardware_constraint_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_hardware_constraint_type_2 = MinimumRamHardwareConstraint.from_dict(data)

                            return componentsschemas_hardware_constraint_type_2
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_hardware_constraint_type_3 = MaximumRamHardwareConstraint.from_dict(data)

                            return componentsschemas_hardware_constraint_type_3
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_hardware_constraint_type_4 = (
                                MinimumRamCoreRatioHardwareConstraint.from_dict(data)
                            )

                            return componentsschemas_hardware_constraint_type_4
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_hardware_constraint_type_5 = (
                                MaximumRamCoreRatioHardwareConstraint.from_dict(data)
                            )

                            return componentsschemas_hardware_constraint_type_5
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_hardware_constraint_type_6 = SpecificHardwareConstraint.from_dict(data)

                            return componentsschemas_hardware_constraint_type_6
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_hardware_constraint_type_7 = CpuModelHardwareConstraint.from_dict(data)

                            return componentsschemas_hardware_constraint_type_7
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_hardware_constraint_type_8 = GpuHardwareConstraint.from_dict(data)

                            return componentsschemas_hardware_constraint_type_8
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_hardware_constraint_type_9 = NoGpuHardwareConstraint.from_dict(data)

                            return componentsschemas_hardware_constraint_type_9
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_hardware_constraint_type_10 = SSDHardwareConstraint.from_dict(data)

                            return componentsschemas_hardware_constraint_type_10
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_hardware_constraint_type_11 = NoSSDHardwareConstraint.from_dict(data)

                            return componentsschemas_hardware_constraint_type_11
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_any_hardware_constraint_type_1 = UnknownHardwareConstraint.from_dict(data)

                        return componentsschemas_any_hardware_constraint_type_1

                    hardware_constraints_type_0_item = _parse_hardware_constraints_type_0_item(
                        hardware_constraints_type_0_item_data
                    )

                    hardware_constraints_type_0.append(hardware_constraints_type_0_item)

                return hardware_constraints_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[
                    CpuModelHardwareConstraint
                    | GpuHardwareConstraint
                    | MaximumCoreHardwareConstraint
                    | MaximumRamCoreRatioHardwareConstraint
                    | MaximumRamHardwareConstraint
                    | MinimumCoreHardwareConstraint
                    | MinimumRamCoreRatioHardwareConstraint
                    | MinimumRamHardwareConstraint
                    | NoGpuHardwareConstraint
                    | NoSSDHardwareConstraint
                    | SpecificHardwareConstraint
                    | SSDHardwareConstraint
                    | UnknownHardwareConstraint
                ]
                | None
                | Unset,
                data,
            )

        hardware_constraints = _parse_hardware_constraints(d.pop("hardwareConstraints", UNSET))

        def _parse_scheduling_type(data: object) -> None | SchedulingType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduling_type_type_0 = check_scheduling_type(data)

                return scheduling_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SchedulingType | Unset, data)

        scheduling_type = _parse_scheduling_type(d.pop("schedulingType", UNSET))

        def _parse_targeted_reserved_machine_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        targeted_reserved_machine_key = _parse_targeted_reserved_machine_key(d.pop("targetedReservedMachineKey", UNSET))

        def _parse_auto_delete_on_completion(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        auto_delete_on_completion = _parse_auto_delete_on_completion(d.pop("autoDeleteOnCompletion", UNSET))

        def _parse_completion_time_to_live(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completion_time_to_live = _parse_completion_time_to_live(d.pop("completionTimeToLive", UNSET))

        def _parse_labels(data: object) -> Labels | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                labels_type_0 = Labels.from_dict(data)

                return labels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Labels | None | Unset, data)

        labels = _parse_labels(d.pop("labels", UNSET))

        def _parse_privileges(data: object) -> None | Privileges | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                privileges_type_0 = Privileges.from_dict(data)

                return privileges_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Privileges | Unset, data)

        privileges = _parse_privileges(d.pop("privileges", UNSET))

        def _parse_default_retry_settings(data: object) -> None | RetrySettings | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                default_retry_settings_type_0 = RetrySettings.from_dict(data)

                return default_retry_settings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RetrySettings | Unset, data)

        default_retry_settings = _parse_default_retry_settings(d.pop("defaultRetrySettings", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_shortname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        shortname = _parse_shortname(d.pop("shortname", UNSET))

        def _parse_profile(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        profile = _parse_profile(d.pop("profile", UNSET))

        def _parse_state(data: object) -> None | PoolState | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = check_pool_state(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PoolState | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_previous_state(data: object) -> None | PoolState | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_state_type_0 = check_pool_state(data)

                return previous_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PoolState | Unset, data)

        previous_state = _parse_previous_state(d.pop("previousState", UNSET))

        def _parse_instance_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        instance_count = _parse_instance_count(d.pop("instanceCount", UNSET))

        def _parse_state_transition_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_transition_time_type_0 = parse_qarnot_datetime(data)

                return state_transition_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        state_transition_time = _parse_state_transition_time(d.pop("stateTransitionTime", UNSET))

        def _parse_previous_state_transition_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_state_transition_time_type_0 = parse_qarnot_datetime(data)

                return previous_state_transition_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        previous_state_transition_time = _parse_previous_state_transition_time(
            d.pop("previousStateTransitionTime", UNSET)
        )

        def _parse_creation_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                creation_date_type_0 = parse_qarnot_datetime(data)

                return creation_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        creation_date = _parse_creation_date(d.pop("creationDate", UNSET))

        def _parse_last_modified(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_modified_type_0 = parse_qarnot_datetime(data)

                return last_modified_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_modified = _parse_last_modified(d.pop("lastModified", UNSET))

        def _parse_end_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = parse_qarnot_datetime(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        end_date = _parse_end_date(d.pop("endDate", UNSET))

        def _parse_running_instance_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        running_instance_count = _parse_running_instance_count(d.pop("runningInstanceCount", UNSET))

        def _parse_running_core_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        running_core_count = _parse_running_core_count(d.pop("runningCoreCount", UNSET))

        def _parse_queued_or_running_task_instances_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        queued_or_running_task_instances_count = _parse_queued_or_running_task_instances_count(
            d.pop("queuedOrRunningTaskInstancesCount", UNSET)
        )

        def _parse_execution_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        execution_time = _parse_execution_time(d.pop("executionTime", UNSET))

        def _parse_wall_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wall_time = _parse_wall_time(d.pop("wallTime", UNSET))

        def _parse_task_default_wait_for_pool_resources_synchronization(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        task_default_wait_for_pool_resources_synchronization = (
            _parse_task_default_wait_for_pool_resources_synchronization(
                d.pop("taskDefaultWaitForPoolResourcesSynchronization", UNSET)
            )
        )

        pool_output = cls(
            uuid=uuid,
            errors=errors,
            elastic_property=elastic_property,
            scaling=scaling,
            preparation_task=preparation_task,
            constants=constants,
            secrets_access_rights=secrets_access_rights,
            tags=tags,
            resource_buckets=resource_buckets,
            advanced_resource_buckets=advanced_resource_buckets,
            status=status,
            total_slot_capacity=total_slot_capacity,
            pool_usage=pool_usage,
            hardware_constraints=hardware_constraints,
            scheduling_type=scheduling_type,
            targeted_reserved_machine_key=targeted_reserved_machine_key,
            auto_delete_on_completion=auto_delete_on_completion,
            completion_time_to_live=completion_time_to_live,
            labels=labels,
            privileges=privileges,
            default_retry_settings=default_retry_settings,
            name=name,
            shortname=shortname,
            profile=profile,
            state=state,
            previous_state=previous_state,
            instance_count=instance_count,
            state_transition_time=state_transition_time,
            previous_state_transition_time=previous_state_transition_time,
            creation_date=creation_date,
            last_modified=last_modified,
            end_date=end_date,
            running_instance_count=running_instance_count,
            running_core_count=running_core_count,
            queued_or_running_task_instances_count=queued_or_running_task_instances_count,
            execution_time=execution_time,
            wall_time=wall_time,
            task_default_wait_for_pool_resources_synchronization=task_default_wait_for_pool_resources_synchronization,
        )

        pool_output.additional_properties = d
        return pool_output

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..models.cpu_model_hardware_constraint import CpuModelHardwareConstraint  # noqa: E402
from ..models.elastic_property_output import ElasticPropertyOutput  # noqa: E402
from ..models.gpu_hardware_constraint import GpuHardwareConstraint  # noqa: E402
from ..models.key_value import KeyValue  # noqa: E402
from ..models.labels import Labels  # noqa: E402
from ..models.maximum_core_hardware_constraint import MaximumCoreHardwareConstraint  # noqa: E402
from ..models.maximum_ram_core_ratio_hardware_constraint import MaximumRamCoreRatioHardwareConstraint  # noqa: E402
from ..models.maximum_ram_hardware_constraint import MaximumRamHardwareConstraint  # noqa: E402
from ..models.minimum_core_hardware_constraint import MinimumCoreHardwareConstraint  # noqa: E402
from ..models.minimum_ram_core_ratio_hardware_constraint import MinimumRamCoreRatioHardwareConstraint  # noqa: E402
from ..models.minimum_ram_hardware_constraint import MinimumRamHardwareConstraint  # noqa: E402
from ..models.no_gpu_hardware_constraint import NoGpuHardwareConstraint  # noqa: E402
from ..models.no_ssd_hardware_constraint import NoSSDHardwareConstraint  # noqa: E402
from ..models.pool_preparation_task_output import PoolPreparationTaskOutput  # noqa: E402
from ..models.pool_status import PoolStatus  # noqa: E402
from ..models.privileges import Privileges  # noqa: E402
from ..models.resource_error import ResourceError  # noqa: E402
from ..models.resources_bucket import ResourcesBucket  # noqa: E402
from ..models.retry_settings import RetrySettings  # noqa: E402
from ..models.scaling_output import ScalingOutput  # noqa: E402
from ..models.secrets_access_rights import SecretsAccessRights  # noqa: E402
from ..models.specific_hardware_constraint import SpecificHardwareConstraint  # noqa: E402
from ..models.ssd_hardware_constraint import SSDHardwareConstraint  # noqa: E402
from ..models.unknown_hardware_constraint import UnknownHardwareConstraint  # noqa: E402
