from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, format_qarnot_datetime, parse_qarnot_datetime

T = TypeVar("T", bound="PoolStatus")


@_attrs_define
class PoolStatus:
    """Execution details of a pool. Every field is optional: the API may send `{}`."""

    timestamp: datetime.datetime | None | Unset = UNSET
    """ When the status was computed. """
    last_update_timestamp: datetime.datetime | None | Unset = UNSET
    """ When the status last changed. """
    download_progress: float | None | Unset = UNSET
    """ Progress of the resource download, percent. """
    execution_progress: float | None | Unset = UNSET
    """ Progress of the execution, percent. """
    upload_progress: float | None | Unset = UNSET
    """ Progress of the result upload, percent. """
    instance_count: int | None | Unset = UNSET
    """ Number of instances. """
    download_time: None | str | Unset = UNSET
    """ Time spent downloading resources. """
    download_time_sec: float | None | Unset = UNSET
    """ Same, in seconds. """
    environment_time: None | str | Unset = UNSET
    """ Time spent preparing the environment. """
    environment_time_sec: float | None | Unset = UNSET
    """ Same, in seconds. """
    execution_time: None | str | Unset = UNSET
    """ Time spent executing. """
    execution_time_sec: float | None | Unset = UNSET
    """ Same, in seconds. """
    execution_time_by_cpu_model: list[ExecutionTimeByCpuModel] | None | Unset = UNSET
    """ Execution time per CPU model. """
    execution_time_by_machine_specification: list[ExecutionTimeByMachineSpecification] | None | Unset = UNSET
    """ Execution time per machine specification. """
    execution_time_by_instance_id: list[ExecutionTimeByInstanceId] | None | Unset = UNSET
    """ Execution time per instance. """
    execution_time_ghz_by_cpu_model: list[ExecutionTimeGhzByCpuModel] | None | Unset = UNSET
    """ Frequency-weighted execution time per CPU model. """
    upload_time: None | str | Unset = UNSET
    """ Time spent uploading results. """
    upload_time_sec: float | None | Unset = UNSET
    """ Same, in seconds. """
    wall_time: None | str | Unset = UNSET
    """ Wall-clock time. """
    wall_time_sec: float | None | Unset = UNSET
    """ Same, in seconds. """
    succeeded_range: None | str | Unset = UNSET
    """ Instances that succeeded. Instance ids as comma-separated ids and inclusive `a-b` spans; empty or null when
    none. """
    executed_range: None | str | Unset = UNSET
    """ Instances that ran to an end (succeeded or failed). Instance ids as comma-separated ids and inclusive `a-b`
    spans; empty or null when none. """
    failed_range: None | str | Unset = UNSET
    """ Instances that failed. Instance ids as comma-separated ids and inclusive `a-b` spans; empty or null when
    none. """
    cancelled_range: None | str | Unset = UNSET
    """ Instances that were cancelled. Instance ids as comma-separated ids and inclusive `a-b` spans; empty or null
    when none. """
    failed_only_range: None | str | Unset = UNSET
    """ Instances that failed and were not cancelled. Instance ids as comma-separated ids and inclusive `a-b` spans;
    empty or null when none. """
    started_once_range: None | str | Unset = UNSET
    """ Instances that started at least once. Instance ids as comma-separated ids and inclusive `a-b` spans; empty
    or null when none. """
    running_instances_info: None | RunningInstancesInfo | Unset = UNSET
    """ Live metrics of the running instances. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "timestamp": "timestamp",
        "last_update_timestamp": "lastUpdateTimestamp",
        "download_progress": "downloadProgress",
        "execution_progress": "executionProgress",
        "upload_progress": "uploadProgress",
        "instance_count": "instanceCount",
        "download_time": "downloadTime",
        "download_time_sec": "downloadTimeSec",
        "environment_time": "environmentTime",
        "environment_time_sec": "environmentTimeSec",
        "execution_time": "executionTime",
        "execution_time_sec": "executionTimeSec",
        "execution_time_by_cpu_model": "executionTimeByCpuModel",
        "execution_time_by_machine_specification": "executionTimeByMachineSpecification",
        "execution_time_by_instance_id": "executionTimeByInstanceId",
        "execution_time_ghz_by_cpu_model": "executionTimeGhzByCpuModel",
        "upload_time": "uploadTime",
        "upload_time_sec": "uploadTimeSec",
        "wall_time": "wallTime",
        "wall_time_sec": "wallTimeSec",
        "succeeded_range": "succeededRange",
        "executed_range": "executedRange",
        "failed_range": "failedRange",
        "cancelled_range": "cancelledRange",
        "failed_only_range": "failedOnlyRange",
        "started_once_range": "startedOnceRange",
        "running_instances_info": "runningInstancesInfo",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"PoolStatus({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        timestamp: None | str | Unset
        if isinstance(self.timestamp, Unset):
            timestamp = UNSET
        elif isinstance(self.timestamp, datetime.datetime):
            timestamp = format_qarnot_datetime(self.timestamp)
        else:
            timestamp = self.timestamp

        last_update_timestamp: None | str | Unset
        if isinstance(self.last_update_timestamp, Unset):
            last_update_timestamp = UNSET
        elif isinstance(self.last_update_timestamp, datetime.datetime):
            last_update_timestamp = format_qarnot_datetime(self.last_update_timestamp)
        else:
            last_update_timestamp = self.last_update_timestamp

        download_progress: float | None | Unset
        if isinstance(self.download_progress, Unset):
            download_progress = UNSET
        else:
            download_progress = self.download_progress

        execution_progress: float | None | Unset
        if isinstance(self.execution_progress, Unset):
            execution_progress = UNSET
        else:
            execution_progress = self.execution_progress

        upload_progress: float | None | Unset
        if isinstance(self.upload_progress, Unset):
            upload_progress = UNSET
        else:
            upload_progress = self.upload_progress

        instance_count: int | None | Unset
        if isinstance(self.instance_count, Unset):
            instance_count = UNSET
        else:
            instance_count = self.instance_count

        download_time: None | str | Unset
        if isinstance(self.download_time, Unset):
            download_time = UNSET
        else:
            download_time = self.download_time

        download_time_sec: float | None | Unset
        if isinstance(self.download_time_sec, Unset):
            download_time_sec = UNSET
        else:
            download_time_sec = self.download_time_sec

        environment_time: None | str | Unset
        if isinstance(self.environment_time, Unset):
            environment_time = UNSET
        else:
            environment_time = self.environment_time

        environment_time_sec: float | None | Unset
        if isinstance(self.environment_time_sec, Unset):
            environment_time_sec = UNSET
        else:
            environment_time_sec = self.environment_time_sec

        execution_time: None | str | Unset
        if isinstance(self.execution_time, Unset):
            execution_time = UNSET
        else:
            execution_time = self.execution_time

        execution_time_sec: float | None | Unset
        if isinstance(self.execution_time_sec, Unset):
            execution_time_sec = UNSET
        else:
            execution_time_sec = self.execution_time_sec

        execution_time_by_cpu_model: list[dict[str, Any]] | None | Unset
        if isinstance(self.execution_time_by_cpu_model, Unset):
            execution_time_by_cpu_model = UNSET
        elif isinstance(self.execution_time_by_cpu_model, list):
            execution_time_by_cpu_model = []
            for execution_time_by_cpu_model_type_0_item_data in self.execution_time_by_cpu_model:
                execution_time_by_cpu_model_type_0_item = execution_time_by_cpu_model_type_0_item_data.to_dict()
                execution_time_by_cpu_model.append(execution_time_by_cpu_model_type_0_item)

        else:
            execution_time_by_cpu_model = self.execution_time_by_cpu_model

        execution_time_by_machine_specification: list[dict[str, Any]] | None | Unset
        if isinstance(self.execution_time_by_machine_specification, Unset):
            execution_time_by_machine_specification = UNSET
        elif isinstance(self.execution_time_by_machine_specification, list):
            execution_time_by_machine_specification = []
            for (
                execution_time_by_machine_specification_type_0_item_data
            ) in self.execution_time_by_machine_specification:
                execution_time_by_machine_specification_type_0_item = (
                    execution_time_by_machine_specification_type_0_item_data.to_dict()
                )
                execution_time_by_machine_specification.append(execution_time_by_machine_specification_type_0_item)

        else:
            execution_time_by_machine_specification = self.execution_time_by_machine_specification

        execution_time_by_instance_id: list[dict[str, Any]] | None | Unset
        if isinstance(self.execution_time_by_instance_id, Unset):
            execution_time_by_instance_id = UNSET
        elif isinstance(self.execution_time_by_instance_id, list):
            execution_time_by_instance_id = []
            for execution_time_by_instance_id_type_0_item_data in self.execution_time_by_instance_id:
                execution_time_by_instance_id_type_0_item = execution_time_by_instance_id_type_0_item_data.to_dict()
                execution_time_by_instance_id.append(execution_time_by_instance_id_type_0_item)

        else:
            execution_time_by_instance_id = self.execution_time_by_instance_id

        execution_time_ghz_by_cpu_model: list[dict[str, Any]] | None | Unset
        if isinstance(self.execution_time_ghz_by_cpu_model, Unset):
            execution_time_ghz_by_cpu_model = UNSET
        elif isinstance(self.execution_time_ghz_by_cpu_model, list):
            execution_time_ghz_by_cpu_model = []
            for execution_time_ghz_by_cpu_model_type_0_item_data in self.execution_time_ghz_by_cpu_model:
                execution_time_ghz_by_cpu_model_type_0_item = execution_time_ghz_by_cpu_model_type_0_item_data.to_dict()
                execution_time_ghz_by_cpu_model.append(execution_time_ghz_by_cpu_model_type_0_item)

        else:
            execution_time_ghz_by_cpu_model = self.execution_time_ghz_by_cpu_model

        upload_time: None | str | Unset
        if isinstance(self.upload_time, Unset):
            upload_time = UNSET
        else:
            upload_time = self.upload_time

        upload_time_sec: float | None | Unset
        if isinstance(self.upload_time_sec, Unset):
            upload_time_sec = UNSET
        else:
            upload_time_sec = self.upload_time_sec

        wall_time: None | str | Unset
        if isinstance(self.wall_time, Unset):
            wall_time = UNSET
        else:
            wall_time = self.wall_time

        wall_time_sec: float | None | Unset
        if isinstance(self.wall_time_sec, Unset):
            wall_time_sec = UNSET
        else:
            wall_time_sec = self.wall_time_sec

        succeeded_range: None | str | Unset
        if isinstance(self.succeeded_range, Unset):
            succeeded_range = UNSET
        else:
            succeeded_range = self.succeeded_range

        executed_range: None | str | Unset
        if isinstance(self.executed_range, Unset):
            executed_range = UNSET
        else:
            executed_range = self.executed_range

        failed_range: None | str | Unset
        if isinstance(self.failed_range, Unset):
            failed_range = UNSET
        else:
            failed_range = self.failed_range

        cancelled_range: None | str | Unset
        if isinstance(self.cancelled_range, Unset):
            cancelled_range = UNSET
        else:
            cancelled_range = self.cancelled_range

        failed_only_range: None | str | Unset
        if isinstance(self.failed_only_range, Unset):
            failed_only_range = UNSET
        else:
            failed_only_range = self.failed_only_range

        started_once_range: None | str | Unset
        if isinstance(self.started_once_range, Unset):
            started_once_range = UNSET
        else:
            started_once_range = self.started_once_range

        running_instances_info: dict[str, Any] | None | Unset
        if isinstance(self.running_instances_info, Unset):
            running_instances_info = UNSET
        elif isinstance(self.running_instances_info, RunningInstancesInfo):
            running_instances_info = self.running_instances_info.to_dict()
        else:
            running_instances_info = self.running_instances_info

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if last_update_timestamp is not UNSET:
            field_dict["lastUpdateTimestamp"] = last_update_timestamp
        if download_progress is not UNSET:
            field_dict["downloadProgress"] = download_progress
        if execution_progress is not UNSET:
            field_dict["executionProgress"] = execution_progress
        if upload_progress is not UNSET:
            field_dict["uploadProgress"] = upload_progress
        if instance_count is not UNSET:
            field_dict["instanceCount"] = instance_count
        if download_time is not UNSET:
            field_dict["downloadTime"] = download_time
        if download_time_sec is not UNSET:
            field_dict["downloadTimeSec"] = download_time_sec
        if environment_time is not UNSET:
            field_dict["environmentTime"] = environment_time
        if environment_time_sec is not UNSET:
            field_dict["environmentTimeSec"] = environment_time_sec
        if execution_time is not UNSET:
            field_dict["executionTime"] = execution_time
        if execution_time_sec is not UNSET:
            field_dict["executionTimeSec"] = execution_time_sec
        if execution_time_by_cpu_model is not UNSET:
            field_dict["executionTimeByCpuModel"] = execution_time_by_cpu_model
        if execution_time_by_machine_specification is not UNSET:
            field_dict["executionTimeByMachineSpecification"] = execution_time_by_machine_specification
        if execution_time_by_instance_id is not UNSET:
            field_dict["executionTimeByInstanceId"] = execution_time_by_instance_id
        if execution_time_ghz_by_cpu_model is not UNSET:
            field_dict["executionTimeGhzByCpuModel"] = execution_time_ghz_by_cpu_model
        if upload_time is not UNSET:
            field_dict["uploadTime"] = upload_time
        if upload_time_sec is not UNSET:
            field_dict["uploadTimeSec"] = upload_time_sec
        if wall_time is not UNSET:
            field_dict["wallTime"] = wall_time
        if wall_time_sec is not UNSET:
            field_dict["wallTimeSec"] = wall_time_sec
        if succeeded_range is not UNSET:
            field_dict["succeededRange"] = succeeded_range
        if executed_range is not UNSET:
            field_dict["executedRange"] = executed_range
        if failed_range is not UNSET:
            field_dict["failedRange"] = failed_range
        if cancelled_range is not UNSET:
            field_dict["cancelledRange"] = cancelled_range
        if failed_only_range is not UNSET:
            field_dict["failedOnlyRange"] = failed_only_range
        if started_once_range is not UNSET:
            field_dict["startedOnceRange"] = started_once_range
        if running_instances_info is not UNSET:
            field_dict["runningInstancesInfo"] = running_instances_info

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_timestamp(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                timestamp_type_0 = parse_qarnot_datetime(data)

                return timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        timestamp = _parse_timestamp(d.pop("timestamp", UNSET))

        def _parse_last_update_timestamp(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_update_timestamp_type_0 = parse_qarnot_datetime(data)

                return last_update_timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_update_timestamp = _parse_last_update_timestamp(d.pop("lastUpdateTimestamp", UNSET))

        def _parse_download_progress(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        download_progress = _parse_download_progress(d.pop("downloadProgress", UNSET))

        def _parse_execution_progress(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        execution_progress = _parse_execution_progress(d.pop("executionProgress", UNSET))

        def _parse_upload_progress(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        upload_progress = _parse_upload_progress(d.pop("uploadProgress", UNSET))

        def _parse_instance_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        instance_count = _parse_instance_count(d.pop("instanceCount", UNSET))

        def _parse_download_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        download_time = _parse_download_time(d.pop("downloadTime", UNSET))

        def _parse_download_time_sec(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        download_time_sec = _parse_download_time_sec(d.pop("downloadTimeSec", UNSET))

        def _parse_environment_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        environment_time = _parse_environment_time(d.pop("environmentTime", UNSET))

        def _parse_environment_time_sec(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        environment_time_sec = _parse_environment_time_sec(d.pop("environmentTimeSec", UNSET))

        def _parse_execution_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        execution_time = _parse_execution_time(d.pop("executionTime", UNSET))

        def _parse_execution_time_sec(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        execution_time_sec = _parse_execution_time_sec(d.pop("executionTimeSec", UNSET))

        def _parse_execution_time_by_cpu_model(data: object) -> list[ExecutionTimeByCpuModel] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                execution_time_by_cpu_model_type_0 = []
                _execution_time_by_cpu_model_type_0 = data
                for execution_time_by_cpu_model_type_0_item_data in _execution_time_by_cpu_model_type_0:
                    execution_time_by_cpu_model_type_0_item = ExecutionTimeByCpuModel.from_dict(
                        execution_time_by_cpu_model_type_0_item_data
                    )

                    execution_time_by_cpu_model_type_0.append(execution_time_by_cpu_model_type_0_item)

                return execution_time_by_cpu_model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ExecutionTimeByCpuModel] | None | Unset, data)

        execution_time_by_cpu_model = _parse_execution_time_by_cpu_model(d.pop("executionTimeByCpuModel", UNSET))

        def _parse_execution_time_by_machine_specification(
            data: object,
        ) -> list[ExecutionTimeByMachineSpecification] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                execution_time_by_machine_specification_type_0 = []
                _execution_time_by_machine_specification_type_0 = data
                for (
                    execution_time_by_machine_specification_type_0_item_data
                ) in _execution_time_by_machine_specification_type_0:
                    execution_time_by_machine_specification_type_0_item = ExecutionTimeByMachineSpecification.from_dict(
                        execution_time_by_machine_specification_type_0_item_data
                    )

                    execution_time_by_machine_specification_type_0.append(
                        execution_time_by_machine_specification_type_0_item
                    )

                return execution_time_by_machine_specification_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ExecutionTimeByMachineSpecification] | None | Unset, data)

        execution_time_by_machine_specification = _parse_execution_time_by_machine_specification(
            d.pop("executionTimeByMachineSpecification", UNSET)
        )

        def _parse_execution_time_by_instance_id(data: object) -> list[ExecutionTimeByInstanceId] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                execution_time_by_instance_id_type_0 = []
                _execution_time_by_instance_id_type_0 = data
                for execution_time_by_instance_id_type_0_item_data in _execution_time_by_instance_id_type_0:
                    execution_time_by_instance_id_type_0_item = ExecutionTimeByInstanceId.from_dict(
                        execution_time_by_instance_id_type_0_item_data
                    )

                    execution_time_by_instance_id_type_0.append(execution_time_by_instance_id_type_0_item)

                return execution_time_by_instance_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ExecutionTimeByInstanceId] | None | Unset, data)

        execution_time_by_instance_id = _parse_execution_time_by_instance_id(d.pop("executionTimeByInstanceId", UNSET))

        def _parse_execution_time_ghz_by_cpu_model(data: object) -> list[ExecutionTimeGhzByCpuModel] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                execution_time_ghz_by_cpu_model_type_0 = []
                _execution_time_ghz_by_cpu_model_type_0 = data
                for execution_time_ghz_by_cpu_model_type_0_item_data in _execution_time_ghz_by_cpu_model_type_0:
                    execution_time_ghz_by_cpu_model_type_0_item = ExecutionTimeGhzByCpuModel.from_dict(
                        execution_time_ghz_by_cpu_model_type_0_item_data
                    )

                    execution_time_ghz_by_cpu_model_type_0.append(execution_time_ghz_by_cpu_model_type_0_item)

                return execution_time_ghz_by_cpu_model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ExecutionTimeGhzByCpuModel] | None | Unset, data)

        execution_time_ghz_by_cpu_model = _parse_execution_time_ghz_by_cpu_model(
            d.pop("executionTimeGhzByCpuModel", UNSET)
        )

        def _parse_upload_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        upload_time = _parse_upload_time(d.pop("uploadTime", UNSET))

        def _parse_upload_time_sec(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        upload_time_sec = _parse_upload_time_sec(d.pop("uploadTimeSec", UNSET))

        def _parse_wall_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wall_time = _parse_wall_time(d.pop("wallTime", UNSET))

        def _parse_wall_time_sec(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        wall_time_sec = _parse_wall_time_sec(d.pop("wallTimeSec", UNSET))

        def _parse_succeeded_range(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        succeeded_range = _parse_succeeded_range(d.pop("succeededRange", UNSET))

        def _parse_executed_range(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        executed_range = _parse_executed_range(d.pop("executedRange", UNSET))

        def _parse_failed_range(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failed_range = _parse_failed_range(d.pop("failedRange", UNSET))

        def _parse_cancelled_range(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancelled_range = _parse_cancelled_range(d.pop("cancelledRange", UNSET))

        def _parse_failed_only_range(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failed_only_range = _parse_failed_only_range(d.pop("failedOnlyRange", UNSET))

        def _parse_started_once_range(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        started_once_range = _parse_started_once_range(d.pop("startedOnceRange", UNSET))

        def _parse_running_instances_info(data: object) -> None | RunningInstancesInfo | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                running_instances_info_type_0 = RunningInstancesInfo.from_dict(data)

                return running_instances_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunningInstancesInfo | Unset, data)

        running_instances_info = _parse_running_instances_info(d.pop("runningInstancesInfo", UNSET))

        pool_status = cls(
            timestamp=timestamp,
            last_update_timestamp=last_update_timestamp,
            download_progress=download_progress,
            execution_progress=execution_progress,
            upload_progress=upload_progress,
            instance_count=instance_count,
            download_time=download_time,
            download_time_sec=download_time_sec,
            environment_time=environment_time,
            environment_time_sec=environment_time_sec,
            execution_time=execution_time,
            execution_time_sec=execution_time_sec,
            execution_time_by_cpu_model=execution_time_by_cpu_model,
            execution_time_by_machine_specification=execution_time_by_machine_specification,
            execution_time_by_instance_id=execution_time_by_instance_id,
            execution_time_ghz_by_cpu_model=execution_time_ghz_by_cpu_model,
            upload_time=upload_time,
            upload_time_sec=upload_time_sec,
            wall_time=wall_time,
            wall_time_sec=wall_time_sec,
            succeeded_range=succeeded_range,
            executed_range=executed_range,
            failed_range=failed_range,
            cancelled_range=cancelled_range,
            failed_only_range=failed_only_range,
            started_once_range=started_once_range,
            running_instances_info=running_instances_info,
        )

        pool_status.additional_properties = d
        return pool_status

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


from ..models.execution_time_by_cpu_model import ExecutionTimeByCpuModel  # noqa: E402
from ..models.execution_time_by_instance_id import ExecutionTimeByInstanceId  # noqa: E402
from ..models.execution_time_by_machine_specification import ExecutionTimeByMachineSpecification  # noqa: E402
from ..models.execution_time_ghz_by_cpu_model import ExecutionTimeGhzByCpuModel  # noqa: E402
from ..models.running_instances_info import RunningInstancesInfo  # noqa: E402
