from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scheduling_type import SchedulingType, check_scheduling_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="PoolCreationInput")


@_attrs_define
class PoolCreationInput:
    """Definition of a new pool."""

    name: str
    """ Name of the pool (non-empty). """
    profile: str
    """ Profile of the pool's nodes (non-empty). """
    shortname: None | str | Unset = UNSET
    """ Unique, URL-friendly name (characters `[a-zA-Z0-9-]`, not ending with `-`); defaults to the uuid. Path
    parameters accept it in place of the uuid. """
    instance_count: int | None | Unset = UNSET
    """ Number of nodes of the pool. """
    elastic_property: ElasticPropertyInput | Unset = UNSET
    """ Legacy elastic sizing of a pool (prefer `scaling`). """
    scaling: ScalingInput | Unset = UNSET
    """ Scaling specification of a pool: the first enabled policy in the list is active. """
    constants: list[KeyValue] | None | Unset = UNSET
    """ Constants passed to the profile (and to the instances as environment variables); keys prefixed
    `QARNOT_SECRET__` are write-only and read back as `[SECRET]`. """
    constraints: list[KeyValue] | None | Unset = UNSET
    """ Scheduling constraints (settable by administrators only). """
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
    secrets_access_rights: SecretsAccessRights | Unset = UNSET
    """ Secrets-manager entries that the running instances may read. """
    tags: list[str] | None | Unset = UNSET
    """ Free-form tags used to filter listings (up to 10, each shorter than 512 characters; a comma is a legal
    character). """
    resource_buckets: list[str] | None | Unset = UNSET
    """ Names of the buckets whose content is made available to the instances. """
    advanced_resource_buckets: list[ResourcesBucket] | None | Unset = UNSET
    """ Resource buckets with filtering, prefix stripping and cache settings; takes precedence over
    `resourceBuckets`. """
    priority: int | None | Unset = UNSET
    """ Dispatch priority (settable by administrators only). """
    preparation_task: PoolPreparationTaskInput | Unset = UNSET
    """ Command run on every node of a pool before any task. """
    auto_delete_on_completion: bool | None | Unset = UNSET
    """ Whether the resource is deleted automatically once completed, when the account's quota for it is reached.
    """
    completion_time_to_live: None | str | Unset = UNSET
    """ How long the completed resource is kept before automatic deletion (a date-span). """
    task_default_wait_for_pool_resources_synchronization: bool | None | Unset = UNSET
    """ Default of `waitForPoolResourcesSynchronization` for the tasks submitted to this pool. """
    labels: Labels | None | Unset = UNSET
    """ Arbitrary key/value pairs attached to the resource to find it later; they do not affect execution. """
    scheduling_type: SchedulingType | Unset = UNSET
    """ Scheduling class (pricing plan). Responses also use other casings (`Flex`, `Reserved`); clients compare
    case-insensitively. """
    targeted_reserved_machine_key: None | str | Unset = UNSET
    """ Key of the reserved machine to run on (with `schedulingType: reserved`). """
    default_resources_cache_ttl_sec: int | None | Unset = UNSET
    """ Default time-to-live, in seconds, of the cached resources (the API uses 7776000 when unset). """
    privileges: Privileges | Unset = UNSET
    """ Privileges granted to the running instances. """
    default_retry_settings: RetrySettings | Unset = UNSET
    """ How failed instances are retried. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "name": "name",
        "profile": "profile",
        "shortname": "shortname",
        "instance_count": "instanceCount",
        "elastic_property": "elasticProperty",
        "scaling": "scaling",
        "constants": "constants",
        "constraints": "constraints",
        "hardware_constraints": "hardwareConstraints",
        "secrets_access_rights": "secretsAccessRights",
        "tags": "tags",
        "resource_buckets": "resourceBuckets",
        "advanced_resource_buckets": "advancedResourceBuckets",
        "priority": "priority",
        "preparation_task": "preparationTask",
        "auto_delete_on_completion": "autoDeleteOnCompletion",
        "completion_time_to_live": "completionTimeToLive",
        "task_default_wait_for_pool_resources_synchronization": "taskDefaultWaitForPoolResourcesSynchronization",
        "labels": "labels",
        "scheduling_type": "schedulingType",
        "targeted_reserved_machine_key": "targetedReservedMachineKey",
        "default_resources_cache_ttl_sec": "defaultResourcesCacheTTLSec",
        "privileges": "privileges",
        "default_retry_settings": "defaultRetrySettings",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"PoolCreationInput({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        profile = self.profile

        shortname: None | str | Unset
        if isinstance(self.shortname, Unset):
            shortname = UNSET
        else:
            shortname = self.shortname

        instance_count: int | None | Unset
        if isinstance(self.instance_count, Unset):
            instance_count = UNSET
        else:
            instance_count = self.instance_count

        elastic_property: dict[str, Any] | Unset = UNSET
        if not isinstance(self.elastic_property, Unset):
            elastic_property = self.elastic_property.to_dict()

        scaling: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scaling, Unset):
            scaling = self.scaling.to_dict()

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

        constraints: list[dict[str, Any]] | None | Unset
        if isinstance(self.constraints, Unset):
            constraints = UNSET
        elif isinstance(self.constraints, list):
            constraints = []
            for constraints_type_0_item_data in self.constraints:
                constraints_type_0_item = constraints_type_0_item_data.to_dict()
                constraints.append(constraints_type_0_item)

        else:
            constraints = self.constraints

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

        secrets_access_rights: dict[str, Any] | Unset = UNSET
        if not isinstance(self.secrets_access_rights, Unset):
            secrets_access_rights = self.secrets_access_rights.to_dict()

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

        priority: int | None | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        preparation_task: dict[str, Any] | Unset = UNSET
        if not isinstance(self.preparation_task, Unset):
            preparation_task = self.preparation_task.to_dict()

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

        task_default_wait_for_pool_resources_synchronization: bool | None | Unset
        if isinstance(self.task_default_wait_for_pool_resources_synchronization, Unset):
            task_default_wait_for_pool_resources_synchronization = UNSET
        else:
            task_default_wait_for_pool_resources_synchronization = (
                self.task_default_wait_for_pool_resources_synchronization
            )

        labels: dict[str, Any] | None | Unset
        if isinstance(self.labels, Unset):
            labels = UNSET
        elif isinstance(self.labels, Labels):
            labels = self.labels.to_dict()
        else:
            labels = self.labels

        scheduling_type: str | Unset = UNSET
        if not isinstance(self.scheduling_type, Unset):
            scheduling_type = self.scheduling_type

        targeted_reserved_machine_key: None | str | Unset
        if isinstance(self.targeted_reserved_machine_key, Unset):
            targeted_reserved_machine_key = UNSET
        else:
            targeted_reserved_machine_key = self.targeted_reserved_machine_key

        default_resources_cache_ttl_sec: int | None | Unset
        if isinstance(self.default_resources_cache_ttl_sec, Unset):
            default_resources_cache_ttl_sec = UNSET
        else:
            default_resources_cache_ttl_sec = self.default_resources_cache_ttl_sec

        privileges: dict[str, Any] | Unset = UNSET
        if not isinstance(self.privileges, Unset):
            privileges = self.privileges.to_dict()

        default_retry_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.default_retry_settings, Unset):
            default_retry_settings = self.default_retry_settings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "profile": profile,
            }
        )
        if shortname is not UNSET:
            field_dict["shortname"] = shortname
        if instance_count is not UNSET:
            field_dict["instanceCount"] = instance_count
        if elastic_property is not UNSET:
            field_dict["elasticProperty"] = elastic_property
        if scaling is not UNSET:
            field_dict["scaling"] = scaling
        if constants is not UNSET:
            field_dict["constants"] = constants
        if constraints is not UNSET:
            field_dict["constraints"] = constraints
        if hardware_constraints is not UNSET:
            field_dict["hardwareConstraints"] = hardware_constraints
        if secrets_access_rights is not UNSET:
            field_dict["secretsAccessRights"] = secrets_access_rights
        if tags is not UNSET:
            field_dict["tags"] = tags
        if resource_buckets is not UNSET:
            field_dict["resourceBuckets"] = resource_buckets
        if advanced_resource_buckets is not UNSET:
            field_dict["advancedResourceBuckets"] = advanced_resource_buckets
        if priority is not UNSET:
            field_dict["priority"] = priority
        if preparation_task is not UNSET:
            field_dict["preparationTask"] = preparation_task
        if auto_delete_on_completion is not UNSET:
            field_dict["autoDeleteOnCompletion"] = auto_delete_on_completion
        if completion_time_to_live is not UNSET:
            field_dict["completionTimeToLive"] = completion_time_to_live
        if task_default_wait_for_pool_resources_synchronization is not UNSET:
            field_dict["taskDefaultWaitForPoolResourcesSynchronization"] = (
                task_default_wait_for_pool_resources_synchronization
            )
        if labels is not UNSET:
            field_dict["labels"] = labels
        if scheduling_type is not UNSET:
            field_dict["schedulingType"] = scheduling_type
        if targeted_reserved_machine_key is not UNSET:
            field_dict["targetedReservedMachineKey"] = targeted_reserved_machine_key
        if default_resources_cache_ttl_sec is not UNSET:
            field_dict["defaultResourcesCacheTTLSec"] = default_resources_cache_ttl_sec
        if privileges is not UNSET:
            field_dict["privileges"] = privileges
        if default_retry_settings is not UNSET:
            field_dict["defaultRetrySettings"] = default_retry_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        profile = d.pop("profile")

        def _parse_shortname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        shortname = _parse_shortname(d.pop("shortname", UNSET))

        def _parse_instance_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        instance_count = _parse_instance_count(d.pop("instanceCount", UNSET))

        _elastic_property = d.pop("elasticProperty", UNSET)
        elastic_property: ElasticPropertyInput | Unset
        if isinstance(_elastic_property, Unset):
            elastic_property = UNSET
        else:
            elastic_property = ElasticPropertyInput.from_dict(_elastic_property)

        _scaling = d.pop("scaling", UNSET)
        scaling: ScalingInput | Unset
        if isinstance(_scaling, Unset):
            scaling = UNSET
        else:
            scaling = ScalingInput.from_dict(_scaling)

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

        def _parse_constraints(data: object) -> list[KeyValue] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                constraints_type_0 = []
                _constraints_type_0 = data
                for constraints_type_0_item_data in _constraints_type_0:
                    constraints_type_0_item = KeyValue.from_dict(constraints_type_0_item_data)

                    constraints_type_0.append(constraints_type_0_item)

                return constraints_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[KeyValue] | None | Unset, data)

        constraints = _parse_constraints(d.pop("constraints", UNSET))

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

        _secrets_access_rights = d.pop("secretsAccessRights", UNSET)
        secrets_access_rights: SecretsAccessRights | Unset
        if isinstance(_secrets_access_rights, Unset):
            secrets_access_rights = UNSET
        else:
            secrets_access_rights = SecretsAccessRights.from_dict(_secrets_access_rights)

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

        def _parse_priority(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        _preparation_task = d.pop("preparationTask", UNSET)
        preparation_task: PoolPreparationTaskInput | Unset
        if isinstance(_preparation_task, Unset):
            preparation_task = UNSET
        else:
            preparation_task = PoolPreparationTaskInput.from_dict(_preparation_task)

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

        _scheduling_type = d.pop("schedulingType", UNSET)
        scheduling_type: SchedulingType | Unset
        if isinstance(_scheduling_type, Unset):
            scheduling_type = UNSET
        else:
            scheduling_type = check_scheduling_type(_scheduling_type)

        def _parse_targeted_reserved_machine_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        targeted_reserved_machine_key = _parse_targeted_reserved_machine_key(d.pop("targetedReservedMachineKey", UNSET))

        def _parse_default_resources_cache_ttl_sec(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        default_resources_cache_ttl_sec = _parse_default_resources_cache_ttl_sec(
            d.pop("defaultResourcesCacheTTLSec", UNSET)
        )

        _privileges = d.pop("privileges", UNSET)
        privileges: Privileges | Unset
        if isinstance(_privileges, Unset):
            privileges = UNSET
        else:
            privileges = Privileges.from_dict(_privileges)

        _default_retry_settings = d.pop("defaultRetrySettings", UNSET)
        default_retry_settings: RetrySettings | Unset
        if isinstance(_default_retry_settings, Unset):
            default_retry_settings = UNSET
        else:
            default_retry_settings = RetrySettings.from_dict(_default_retry_settings)

        pool_creation_input = cls(
            name=name,
            profile=profile,
            shortname=shortname,
            instance_count=instance_count,
            elastic_property=elastic_property,
            scaling=scaling,
            constants=constants,
            constraints=constraints,
            hardware_constraints=hardware_constraints,
            secrets_access_rights=secrets_access_rights,
            tags=tags,
            resource_buckets=resource_buckets,
            advanced_resource_buckets=advanced_resource_buckets,
            priority=priority,
            preparation_task=preparation_task,
            auto_delete_on_completion=auto_delete_on_completion,
            completion_time_to_live=completion_time_to_live,
            task_default_wait_for_pool_resources_synchronization=task_default_wait_for_pool_resources_synchronization,
            labels=labels,
            scheduling_type=scheduling_type,
            targeted_reserved_machine_key=targeted_reserved_machine_key,
            default_resources_cache_ttl_sec=default_resources_cache_ttl_sec,
            privileges=privileges,
            default_retry_settings=default_retry_settings,
        )

        pool_creation_input.additional_properties = d
        return pool_creation_input

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
from ..models.elastic_property_input import ElasticPropertyInput  # noqa: E402
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
from ..models.pool_preparation_task_input import PoolPreparationTaskInput  # noqa: E402
from ..models.privileges import Privileges  # noqa: E402
from ..models.resources_bucket import ResourcesBucket  # noqa: E402
from ..models.retry_settings import RetrySettings  # noqa: E402
from ..models.scaling_input import ScalingInput  # noqa: E402
from ..models.secrets_access_rights import SecretsAccessRights  # noqa: E402
from ..models.specific_hardware_constraint import SpecificHardwareConstraint  # noqa: E402
from ..models.ssd_hardware_constraint import SSDHardwareConstraint  # noqa: E402
from ..models.unknown_hardware_constraint import UnknownHardwareConstraint  # noqa: E402
