from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scheduling_type import SchedulingType, check_scheduling_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="TaskRetryInput")


@_attrs_define
class TaskRetryInput:
    """Fields of the new task (which reruns the failed instances) that differ from the original."""

    name: None | str | Unset = UNSET
    """ Name of the new task (the original's by default). """
    shortname: None | str | Unset = UNSET
    """ Unique, URL-friendly name (characters `[a-zA-Z0-9-]`, not ending with `-`); defaults to the uuid. Path
    parameters accept it in place of the uuid. """
    profile: None | str | Unset = UNSET
    """ Name of the profile (the software template) the instances run; see `GET /profiles`. """
    job_uuid: None | Unset | UUID = UNSET
    """ Uuid of the job to attach the task to. """
    resource_buckets: list[str] | None | Unset = UNSET
    """ Names of the buckets whose content is made available to the instances. """
    advanced_resource_buckets: list[ResourcesBucket] | None | Unset = UNSET
    """ Resource buckets with filtering, prefix stripping and cache settings; takes precedence over
    `resourceBuckets`. """
    result_bucket: None | str | Unset = UNSET
    """ Name of the bucket that receives the results. """
    constants: list[KeyValue] | None | Unset = UNSET
    """ Constants passed to the profile (and to the instances as environment variables); keys prefixed
    `QARNOT_SECRET__` are write-only and read back as `[SECRET]`. """
    forced_constants: list[ForcedConstant] | None | Unset = UNSET
    """ Constants whose value, export and access mode are forced for the instances. """
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
    snapshot_whitelist: None | str | Unset = UNSET
    """ Regular expression of the files included in snapshots. """
    snapshot_blacklist: None | str | Unset = UNSET
    """ Regular expression of the files excluded from snapshots. """
    snapshot_bucket: None | str | Unset = UNSET
    """ Name of the bucket that receives the snapshots. """
    snapshot_bucket_prefix: None | str | Unset = UNSET
    """ Prefix prepended to the snapshot files' keys. """
    results_whitelist: None | str | Unset = UNSET
    """ Regular expression of the files to upload as results. """
    results_blacklist: None | str | Unset = UNSET
    """ Regular expression of the files never to upload as results. """
    results_bucket: None | str | Unset = UNSET
    """ Name of the bucket that receives the results (alternative spelling used with the results filters). """
    results_bucket_prefix: None | str | Unset = UNSET
    """ Prefix prepended to the result files' keys in the results bucket. """
    priority: int | None | Unset = UNSET
    """ Dispatch priority (settable by administrators only). """
    dependencies: DependencyInput | Unset = UNSET
    """ Tasks a new task waits for. """
    auto_delete_on_completion: bool | None | Unset = UNSET
    """ Whether the resource is deleted automatically once completed, when the account's quota for it is reached.
    """
    completion_time_to_live: None | str | Unset = UNSET
    """ How long the completed resource is kept before automatic deletion (a date-span). """
    wait_for_pool_resources_synchronization: bool | None | Unset = UNSET
    """ For a task in a pool: whether it waits until the pool's resources are synchronized before starting. """
    upload_results_on_cancellation: bool | None | Unset = UNSET
    """ Whether results are still uploaded when the task is cancelled. """
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
    retry_settings: RetrySettings | Unset = UNSET
    """ How failed instances are retried. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "name": "name",
        "shortname": "shortname",
        "profile": "profile",
        "job_uuid": "jobUuid",
        "resource_buckets": "resourceBuckets",
        "advanced_resource_buckets": "advancedResourceBuckets",
        "result_bucket": "resultBucket",
        "constants": "constants",
        "forced_constants": "forcedConstants",
        "constraints": "constraints",
        "hardware_constraints": "hardwareConstraints",
        "secrets_access_rights": "secretsAccessRights",
        "tags": "tags",
        "snapshot_whitelist": "snapshotWhitelist",
        "snapshot_blacklist": "snapshotBlacklist",
        "snapshot_bucket": "snapshotBucket",
        "snapshot_bucket_prefix": "snapshotBucketPrefix",
        "results_whitelist": "resultsWhitelist",
        "results_blacklist": "resultsBlacklist",
        "results_bucket": "resultsBucket",
        "results_bucket_prefix": "resultsBucketPrefix",
        "priority": "priority",
        "dependencies": "dependencies",
        "auto_delete_on_completion": "autoDeleteOnCompletion",
        "completion_time_to_live": "completionTimeToLive",
        "wait_for_pool_resources_synchronization": "waitForPoolResourcesSynchronization",
        "upload_results_on_cancellation": "uploadResultsOnCancellation",
        "labels": "labels",
        "scheduling_type": "schedulingType",
        "targeted_reserved_machine_key": "targetedReservedMachineKey",
        "default_resources_cache_ttl_sec": "defaultResourcesCacheTTLSec",
        "privileges": "privileges",
        "retry_settings": "retrySettings",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"TaskRetryInput({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
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

        job_uuid: None | str | Unset
        if isinstance(self.job_uuid, Unset):
            job_uuid = UNSET
        elif isinstance(self.job_uuid, UUID):
            job_uuid = str(self.job_uuid)
        else:
            job_uuid = self.job_uuid

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

        result_bucket: None | str | Unset
        if isinstance(self.result_bucket, Unset):
            result_bucket = UNSET
        else:
            result_bucket = self.result_bucket

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

        forced_constants: list[dict[str, Any]] | None | Unset
        if isinstance(self.forced_constants, Unset):
            forced_constants = UNSET
        elif isinstance(self.forced_constants, list):
            forced_constants = []
            for forced_constants_type_0_item_data in self.forced_constants:
                forced_constants_type_0_item = forced_constants_type_0_item_data.to_dict()
                forced_constants.append(forced_constants_type_0_item)

        else:
            forced_constants = self.forced_constants

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

        snapshot_whitelist: None | str | Unset
        if isinstance(self.snapshot_whitelist, Unset):
            snapshot_whitelist = UNSET
        else:
            snapshot_whitelist = self.snapshot_whitelist

        snapshot_blacklist: None | str | Unset
        if isinstance(self.snapshot_blacklist, Unset):
            snapshot_blacklist = UNSET
        else:
            snapshot_blacklist = self.snapshot_blacklist

        snapshot_bucket: None | str | Unset
        if isinstance(self.snapshot_bucket, Unset):
            snapshot_bucket = UNSET
        else:
            snapshot_bucket = self.snapshot_bucket

        snapshot_bucket_prefix: None | str | Unset
        if isinstance(self.snapshot_bucket_prefix, Unset):
            snapshot_bucket_prefix = UNSET
        else:
            snapshot_bucket_prefix = self.snapshot_bucket_prefix

        results_whitelist: None | str | Unset
        if isinstance(self.results_whitelist, Unset):
            results_whitelist = UNSET
        else:
            results_whitelist = self.results_whitelist

        results_blacklist: None | str | Unset
        if isinstance(self.results_blacklist, Unset):
            results_blacklist = UNSET
        else:
            results_blacklist = self.results_blacklist

        results_bucket: None | str | Unset
        if isinstance(self.results_bucket, Unset):
            results_bucket = UNSET
        else:
            results_bucket = self.results_bucket

        results_bucket_prefix: None | str | Unset
        if isinstance(self.results_bucket_prefix, Unset):
            results_bucket_prefix = UNSET
        else:
            results_bucket_prefix = self.results_bucket_prefix

        priority: int | None | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        dependencies: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dependencies, Unset):
            dependencies = self.dependencies.to_dict()

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

        wait_for_pool_resources_synchronization: bool | None | Unset
        if isinstance(self.wait_for_pool_resources_synchronization, Unset):
            wait_for_pool_resources_synchronization = UNSET
        else:
            wait_for_pool_resources_synchronization = self.wait_for_pool_resources_synchronization

        upload_results_on_cancellation: bool | None | Unset
        if isinstance(self.upload_results_on_cancellation, Unset):
            upload_results_on_cancellation = UNSET
        else:
            upload_results_on_cancellation = self.upload_results_on_cancellation

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

        retry_settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.retry_settings, Unset):
            retry_settings = self.retry_settings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if shortname is not UNSET:
            field_dict["shortname"] = shortname
        if profile is not UNSET:
            field_dict["profile"] = profile
        if job_uuid is not UNSET:
            field_dict["jobUuid"] = job_uuid
        if resource_buckets is not UNSET:
            field_dict["resourceBuckets"] = resource_buckets
        if advanced_resource_buckets is not UNSET:
            field_dict["advancedResourceBuckets"] = advanced_resource_buckets
        if result_bucket is not UNSET:
            field_dict["resultBucket"] = result_bucket
        if constants is not UNSET:
            field_dict["constants"] = constants
        if forced_constants is not UNSET:
            field_dict["forcedConstants"] = forced_constants
        if constraints is not UNSET:
            field_dict["constraints"] = constraints
        if hardware_constraints is not UNSET:
            field_dict["hardwareConstraints"] = hardware_constraints
        if secrets_access_rights is not UNSET:
            field_dict["secretsAccessRights"] = secrets_access_rights
        if tags is not UNSET:
            field_dict["tags"] = tags
        if snapshot_whitelist is not UNSET:
            field_dict["snapshotWhitelist"] = snapshot_whitelist
        if snapshot_blacklist is not UNSET:
            field_dict["snapshotBlacklist"] = snapshot_blacklist
        if snapshot_bucket is not UNSET:
            field_dict["snapshotBucket"] = snapshot_bucket
        if snapshot_bucket_prefix is not UNSET:
            field_dict["snapshotBucketPrefix"] = snapshot_bucket_prefix
        if results_whitelist is not UNSET:
            field_dict["resultsWhitelist"] = results_whitelist
        if results_blacklist is not UNSET:
            field_dict["resultsBlacklist"] = results_blacklist
        if results_bucket is not UNSET:
            field_dict["resultsBucket"] = results_bucket
        if results_bucket_prefix is not UNSET:
            field_dict["resultsBucketPrefix"] = results_bucket_prefix
        if priority is not UNSET:
            field_dict["priority"] = priority
        if dependencies is not UNSET:
            field_dict["dependencies"] = dependencies
        if auto_delete_on_completion is not UNSET:
            field_dict["autoDeleteOnCompletion"] = auto_delete_on_completion
        if completion_time_to_live is not UNSET:
            field_dict["completionTimeToLive"] = completion_time_to_live
        if wait_for_pool_resources_synchronization is not UNSET:
            field_dict["waitForPoolResourcesSynchronization"] = wait_for_pool_resources_synchronization
        if upload_results_on_cancellation is not UNSET:
            field_dict["uploadResultsOnCancellation"] = upload_results_on_cancellation
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
        if retry_settings is not UNSET:
            field_dict["retrySettings"] = retry_settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        def _parse_job_uuid(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                job_uuid_type_0 = UUID(data)

                return job_uuid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        job_uuid = _parse_job_uuid(d.pop("jobUuid", UNSET))

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

        def _parse_result_bucket(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_bucket = _parse_result_bucket(d.pop("resultBucket", UNSET))

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

        def _parse_forced_constants(data: object) -> list[ForcedConstant] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                forced_constants_type_0 = []
                _forced_constants_type_0 = data
                for forced_constants_type_0_item_data in _forced_constants_type_0:
                    forced_constants_type_0_item = ForcedConstant.from_dict(forced_constants_type_0_item_data)

                    forced_constants_type_0.append(forced_constants_type_0_item)

                return forced_constants_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ForcedConstant] | None | Unset, data)

        forced_constants = _parse_forced_constants(d.pop("forcedConstants", UNSET))

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

        def _parse_snapshot_whitelist(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        snapshot_whitelist = _parse_snapshot_whitelist(d.pop("snapshotWhitelist", UNSET))

        def _parse_snapshot_blacklist(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        snapshot_blacklist = _parse_snapshot_blacklist(d.pop("snapshotBlacklist", UNSET))

        def _parse_snapshot_bucket(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        snapshot_bucket = _parse_snapshot_bucket(d.pop("snapshotBucket", UNSET))

        def _parse_snapshot_bucket_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        snapshot_bucket_prefix = _parse_snapshot_bucket_prefix(d.pop("snapshotBucketPrefix", UNSET))

        def _parse_results_whitelist(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        results_whitelist = _parse_results_whitelist(d.pop("resultsWhitelist", UNSET))

        def _parse_results_blacklist(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        results_blacklist = _parse_results_blacklist(d.pop("resultsBlacklist", UNSET))

        def _parse_results_bucket(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        results_bucket = _parse_results_bucket(d.pop("resultsBucket", UNSET))

        def _parse_results_bucket_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        results_bucket_prefix = _parse_results_bucket_prefix(d.pop("resultsBucketPrefix", UNSET))

        def _parse_priority(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        _dependencies = d.pop("dependencies", UNSET)
        dependencies: DependencyInput | Unset
        if isinstance(_dependencies, Unset):
            dependencies = UNSET
        else:
            dependencies = DependencyInput.from_dict(_dependencies)

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

        def _parse_wait_for_pool_resources_synchronization(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        wait_for_pool_resources_synchronization = _parse_wait_for_pool_resources_synchronization(
            d.pop("waitForPoolResourcesSynchronization", UNSET)
        )

        def _parse_upload_results_on_cancellation(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        upload_results_on_cancellation = _parse_upload_results_on_cancellation(
            d.pop("uploadResultsOnCancellation", UNSET)
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

        _retry_settings = d.pop("retrySettings", UNSET)
        retry_settings: RetrySettings | Unset
        if isinstance(_retry_settings, Unset):
            retry_settings = UNSET
        else:
            retry_settings = RetrySettings.from_dict(_retry_settings)

        task_retry_input = cls(
            name=name,
            shortname=shortname,
            profile=profile,
            job_uuid=job_uuid,
            resource_buckets=resource_buckets,
            advanced_resource_buckets=advanced_resource_buckets,
            result_bucket=result_bucket,
            constants=constants,
            forced_constants=forced_constants,
            constraints=constraints,
            hardware_constraints=hardware_constraints,
            secrets_access_rights=secrets_access_rights,
            tags=tags,
            snapshot_whitelist=snapshot_whitelist,
            snapshot_blacklist=snapshot_blacklist,
            snapshot_bucket=snapshot_bucket,
            snapshot_bucket_prefix=snapshot_bucket_prefix,
            results_whitelist=results_whitelist,
            results_blacklist=results_blacklist,
            results_bucket=results_bucket,
            results_bucket_prefix=results_bucket_prefix,
            priority=priority,
            dependencies=dependencies,
            auto_delete_on_completion=auto_delete_on_completion,
            completion_time_to_live=completion_time_to_live,
            wait_for_pool_resources_synchronization=wait_for_pool_resources_synchronization,
            upload_results_on_cancellation=upload_results_on_cancellation,
            labels=labels,
            scheduling_type=scheduling_type,
            targeted_reserved_machine_key=targeted_reserved_machine_key,
            default_resources_cache_ttl_sec=default_resources_cache_ttl_sec,
            privileges=privileges,
            retry_settings=retry_settings,
        )

        task_retry_input.additional_properties = d
        return task_retry_input

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
from ..models.dependency_input import DependencyInput  # noqa: E402
from ..models.forced_constant import ForcedConstant  # noqa: E402
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
from ..models.privileges import Privileges  # noqa: E402
from ..models.resources_bucket import ResourcesBucket  # noqa: E402
from ..models.retry_settings import RetrySettings  # noqa: E402
from ..models.secrets_access_rights import SecretsAccessRights  # noqa: E402
from ..models.specific_hardware_constraint import SpecificHardwareConstraint  # noqa: E402
from ..models.ssd_hardware_constraint import SSDHardwareConstraint  # noqa: E402
from ..models.unknown_hardware_constraint import UnknownHardwareConstraint  # noqa: E402
