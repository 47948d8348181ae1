from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scheduling_type import SchedulingType, check_scheduling_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserOutput")


@_attrs_define
class UserOutput:
    """The authenticated account: quotas and usage."""

    email: None | str | Unset = UNSET
    """ E-mail address of the account; also the access key of its S3 storage. """
    max_bucket: int | None | Unset = UNSET
    """ Maximum number of buckets. """
    max_task: int | None | Unset = UNSET
    """ Maximum number of tasks. """
    task_count: int | None | Unset = UNSET
    """ Number of tasks. """
    max_job: int | None | Unset = UNSET
    """ Maximum number of jobs. """
    job_count: int | None | Unset = UNSET
    """ Number of jobs. """
    max_pool: int | None | Unset = UNSET
    """ Maximum number of pools. """
    pool_count: int | None | Unset = UNSET
    """ Number of pools. """
    max_running_task: int | None | Unset = UNSET
    """ Maximum number of running tasks. """
    max_running_pool: int | None | Unset = UNSET
    """ Maximum number of running pools. """
    running_task_count: int | None | Unset = UNSET
    """ Number of running tasks. """
    running_pool_count: int | None | Unset = UNSET
    """ Number of running pools. """
    running_instance_count: int | None | Unset = UNSET
    """ Number of running instances. """
    running_core_count: int | None | Unset = UNSET
    """ Number of cores in use. """
    max_flex_instances: int | None | Unset = UNSET
    """ Maximum number of `flex` instances. """
    max_flex_cores: int | None | Unset = UNSET
    """ Maximum number of `flex` cores. """
    max_on_demand_instances: int | None | Unset = UNSET
    """ Maximum number of `onDemand` instances. """
    max_on_demand_cores: int | None | Unset = UNSET
    """ Maximum number of `onDemand` cores. """
    reserved_quotas: list[ReservedQuota] | None | Unset = UNSET
    """ Quotas on reserved machines. """
    quota_bytes: int | None | Unset = UNSET
    """ Storage quota, bytes. """
    quota_bytes_bucket: int | None | Unset = UNSET
    """ Storage quota per bucket, bytes. """
    used_quota_bytes_bucket: int | None | Unset = UNSET
    """ Storage used in buckets, bytes. """
    used_quota_bytes: int | None | Unset = UNSET
    """ Storage used, bytes. """
    default_scheduling: None | SchedulingType | Unset = UNSET
    """ Scheduling class used when a task or pool does not choose one. """
    default_reserved_specification_key: None | str | Unset = UNSET
    """ Reserved machine specification used by default. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "email": "email",
        "max_bucket": "maxBucket",
        "max_task": "maxTask",
        "task_count": "taskCount",
        "max_job": "maxJob",
        "job_count": "jobCount",
        "max_pool": "maxPool",
        "pool_count": "poolCount",
        "max_running_task": "maxRunningTask",
        "max_running_pool": "maxRunningPool",
        "running_task_count": "runningTaskCount",
        "running_pool_count": "runningPoolCount",
        "running_instance_count": "runningInstanceCount",
        "running_core_count": "runningCoreCount",
        "max_flex_instances": "maxFlexInstances",
        "max_flex_cores": "maxFlexCores",
        "max_on_demand_instances": "maxOnDemandInstances",
        "max_on_demand_cores": "maxOnDemandCores",
        "reserved_quotas": "reservedQuotas",
        "quota_bytes": "quotaBytes",
        "quota_bytes_bucket": "quotaBytesBucket",
        "used_quota_bytes_bucket": "usedQuotaBytesBucket",
        "used_quota_bytes": "usedQuotaBytes",
        "default_scheduling": "defaultScheduling",
        "default_reserved_specification_key": "defaultReservedSpecificationKey",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"UserOutput({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        max_bucket: int | None | Unset
        if isinstance(self.max_bucket, Unset):
            max_bucket = UNSET
        else:
            max_bucket = self.max_bucket

        max_task: int | None | Unset
        if isinstance(self.max_task, Unset):
            max_task = UNSET
        else:
            max_task = self.max_task

        task_count: int | None | Unset
        if isinstance(self.task_count, Unset):
            task_count = UNSET
        else:
            task_count = self.task_count

        max_job: int | None | Unset
        if isinstance(self.max_job, Unset):
            max_job = UNSET
        else:
            max_job = self.max_job

        job_count: int | None | Unset
        if isinstance(self.job_count, Unset):
            job_count = UNSET
        else:
            job_count = self.job_count

        max_pool: int | None | Unset
        if isinstance(self.max_pool, Unset):
            max_pool = UNSET
        else:
            max_pool = self.max_pool

        pool_count: int | None | Unset
        if isinstance(self.pool_count, Unset):
            pool_count = UNSET
        else:
            pool_count = self.pool_count

        max_running_task: int | None | Unset
        if isinstance(self.max_running_task, Unset):
            max_running_task = UNSET
        else:
            max_running_task = self.max_running_task

        max_running_pool: int | None | Unset
        if isinstance(self.max_running_pool, Unset):
            max_running_pool = UNSET
        else:
            max_running_pool = self.max_running_pool

        running_task_count: int | None | Unset
        if isinstance(self.running_task_count, Unset):
            running_task_count = UNSET
        else:
            running_task_count = self.running_task_count

        running_pool_count: int | None | Unset
        if isinstance(self.running_pool_count, Unset):
            running_pool_count = UNSET
        else:
            running_pool_count = self.running_pool_count

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

        max_flex_instances: int | None | Unset
        if isinstance(self.max_flex_instances, Unset):
            max_flex_instances = UNSET
        else:
            max_flex_instances = self.max_flex_instances

        max_flex_cores: int | None | Unset
        if isinstance(self.max_flex_cores, Unset):
            max_flex_cores = UNSET
        else:
            max_flex_cores = self.max_flex_cores

        max_on_demand_instances: int | None | Unset
        if isinstance(self.max_on_demand_instances, Unset):
            max_on_demand_instances = UNSET
        else:
            max_on_demand_instances = self.max_on_demand_instances

        max_on_demand_cores: int | None | Unset
        if isinstance(self.max_on_demand_cores, Unset):
            max_on_demand_cores = UNSET
        else:
            max_on_demand_cores = self.max_on_demand_cores

        reserved_quotas: list[dict[str, Any]] | None | Unset
        if isinstance(self.reserved_quotas, Unset):
            reserved_quotas = UNSET
        elif isinstance(self.reserved_quotas, list):
            reserved_quotas = []
            for reserved_quotas_type_0_item_data in self.reserved_quotas:
                reserved_quotas_type_0_item = reserved_quotas_type_0_item_data.to_dict()
                reserved_quotas.append(reserved_quotas_type_0_item)

        else:
            reserved_quotas = self.reserved_quotas

        quota_bytes: int | None | Unset
        if isinstance(self.quota_bytes, Unset):
            quota_bytes = UNSET
        else:
            quota_bytes = self.quota_bytes

        quota_bytes_bucket: int | None | Unset
        if isinstance(self.quota_bytes_bucket, Unset):
            quota_bytes_bucket = UNSET
        else:
            quota_bytes_bucket = self.quota_bytes_bucket

        used_quota_bytes_bucket: int | None | Unset
        if isinstance(self.used_quota_bytes_bucket, Unset):
            used_quota_bytes_bucket = UNSET
        else:
            used_quota_bytes_bucket = self.used_quota_bytes_bucket

        used_quota_bytes: int | None | Unset
        if isinstance(self.used_quota_bytes, Unset):
            used_quota_bytes = UNSET
        else:
            used_quota_bytes = self.used_quota_bytes

        default_scheduling: None | str | Unset
        if isinstance(self.default_scheduling, Unset):
            default_scheduling = UNSET
        elif isinstance(self.default_scheduling, str):
            default_scheduling = self.default_scheduling
        else:
            default_scheduling = self.default_scheduling

        default_reserved_specification_key: None | str | Unset
        if isinstance(self.default_reserved_specification_key, Unset):
            default_reserved_specification_key = UNSET
        else:
            default_reserved_specification_key = self.default_reserved_specification_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if max_bucket is not UNSET:
            field_dict["maxBucket"] = max_bucket
        if max_task is not UNSET:
            field_dict["maxTask"] = max_task
        if task_count is not UNSET:
            field_dict["taskCount"] = task_count
        if max_job is not UNSET:
            field_dict["maxJob"] = max_job
        if job_count is not UNSET:
            field_dict["jobCount"] = job_count
        if max_pool is not UNSET:
            field_dict["maxPool"] = max_pool
        if pool_count is not UNSET:
            field_dict["poolCount"] = pool_count
        if max_running_task is not UNSET:
            field_dict["maxRunningTask"] = max_running_task
        if max_running_pool is not UNSET:
            field_dict["maxRunningPool"] = max_running_pool
        if running_task_count is not UNSET:
            field_dict["runningTaskCount"] = running_task_count
        if running_pool_count is not UNSET:
            field_dict["runningPoolCount"] = running_pool_count
        if running_instance_count is not UNSET:
            field_dict["runningInstanceCount"] = running_instance_count
        if running_core_count is not UNSET:
            field_dict["runningCoreCount"] = running_core_count
        if max_flex_instances is not UNSET:
            field_dict["maxFlexInstances"] = max_flex_instances
        if max_flex_cores is not UNSET:
            field_dict["maxFlexCores"] = max_flex_cores
        if max_on_demand_instances is not UNSET:
            field_dict["maxOnDemandInstances"] = max_on_demand_instances
        if max_on_demand_cores is not UNSET:
            field_dict["maxOnDemandCores"] = max_on_demand_cores
        if reserved_quotas is not UNSET:
            field_dict["reservedQuotas"] = reserved_quotas
        if quota_bytes is not UNSET:
            field_dict["quotaBytes"] = quota_bytes
        if quota_bytes_bucket is not UNSET:
            field_dict["quotaBytesBucket"] = quota_bytes_bucket
        if used_quota_bytes_bucket is not UNSET:
            field_dict["usedQuotaBytesBucket"] = used_quota_bytes_bucket
        if used_quota_bytes is not UNSET:
            field_dict["usedQuotaBytes"] = used_quota_bytes
        if default_scheduling is not UNSET:
            field_dict["defaultScheduling"] = default_scheduling
        if default_reserved_specification_key is not UNSET:
            field_dict["defaultReservedSpecificationKey"] = default_reserved_specification_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_max_bucket(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_bucket = _parse_max_bucket(d.pop("maxBucket", UNSET))

        def _parse_max_task(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_task = _parse_max_task(d.pop("maxTask", UNSET))

        def _parse_task_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        task_count = _parse_task_count(d.pop("taskCount", UNSET))

        def _parse_max_job(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_job = _parse_max_job(d.pop("maxJob", UNSET))

        def _parse_job_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        job_count = _parse_job_count(d.pop("jobCount", UNSET))

        def _parse_max_pool(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_pool = _parse_max_pool(d.pop("maxPool", UNSET))

        def _parse_pool_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pool_count = _parse_pool_count(d.pop("poolCount", UNSET))

        def _parse_max_running_task(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_running_task = _parse_max_running_task(d.pop("maxRunningTask", UNSET))

        def _parse_max_running_pool(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_running_pool = _parse_max_running_pool(d.pop("maxRunningPool", UNSET))

        def _parse_running_task_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        running_task_count = _parse_running_task_count(d.pop("runningTaskCount", UNSET))

        def _parse_running_pool_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        running_pool_count = _parse_running_pool_count(d.pop("runningPoolCount", UNSET))

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

        def _parse_max_flex_instances(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_flex_instances = _parse_max_flex_instances(d.pop("maxFlexInstances", UNSET))

        def _parse_max_flex_cores(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_flex_cores = _parse_max_flex_cores(d.pop("maxFlexCores", UNSET))

        def _parse_max_on_demand_instances(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_on_demand_instances = _parse_max_on_demand_instances(d.pop("maxOnDemandInstances", UNSET))

        def _parse_max_on_demand_cores(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_on_demand_cores = _parse_max_on_demand_cores(d.pop("maxOnDemandCores", UNSET))

        def _parse_reserved_quotas(data: object) -> list[ReservedQuota] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                reserved_quotas_type_0 = []
                _reserved_quotas_type_0 = data
                for reserved_quotas_type_0_item_data in _reserved_quotas_type_0:
                    reserved_quotas_type_0_item = ReservedQuota.from_dict(reserved_quotas_type_0_item_data)

                    reserved_quotas_type_0.append(reserved_quotas_type_0_item)

                return reserved_quotas_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ReservedQuota] | None | Unset, data)

        reserved_quotas = _parse_reserved_quotas(d.pop("reservedQuotas", UNSET))

        def _parse_quota_bytes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quota_bytes = _parse_quota_bytes(d.pop("quotaBytes", UNSET))

        def _parse_quota_bytes_bucket(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quota_bytes_bucket = _parse_quota_bytes_bucket(d.pop("quotaBytesBucket", UNSET))

        def _parse_used_quota_bytes_bucket(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        used_quota_bytes_bucket = _parse_used_quota_bytes_bucket(d.pop("usedQuotaBytesBucket", UNSET))

        def _parse_used_quota_bytes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        used_quota_bytes = _parse_used_quota_bytes(d.pop("usedQuotaBytes", UNSET))

        def _parse_default_scheduling(data: object) -> None | SchedulingType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                default_scheduling_type_0 = check_scheduling_type(data)

                return default_scheduling_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SchedulingType | Unset, data)

        default_scheduling = _parse_default_scheduling(d.pop("defaultScheduling", UNSET))

        def _parse_default_reserved_specification_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_reserved_specification_key = _parse_default_reserved_specification_key(
            d.pop("defaultReservedSpecificationKey", UNSET)
        )

        user_output = cls(
            email=email,
            max_bucket=max_bucket,
            max_task=max_task,
            task_count=task_count,
            max_job=max_job,
            job_count=job_count,
            max_pool=max_pool,
            pool_count=pool_count,
            max_running_task=max_running_task,
            max_running_pool=max_running_pool,
            running_task_count=running_task_count,
            running_pool_count=running_pool_count,
            running_instance_count=running_instance_count,
            running_core_count=running_core_count,
            max_flex_instances=max_flex_instances,
            max_flex_cores=max_flex_cores,
            max_on_demand_instances=max_on_demand_instances,
            max_on_demand_cores=max_on_demand_cores,
            reserved_quotas=reserved_quotas,
            quota_bytes=quota_bytes,
            quota_bytes_bucket=quota_bytes_bucket,
            used_quota_bytes_bucket=used_quota_bytes_bucket,
            used_quota_bytes=used_quota_bytes,
            default_scheduling=default_scheduling,
            default_reserved_specification_key=default_reserved_specification_key,
        )

        user_output.additional_properties = d
        return user_output

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


from ..models.reserved_quota import ReservedQuota  # noqa: E402
