from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, format_qarnot_datetime, parse_qarnot_datetime

T = TypeVar("T", bound="RunningInstancesInfo")


@_attrs_define
class RunningInstancesInfo:
    """Live metrics of the running instances."""

    per_running_instance_info: list[PerRunningInstanceInfo] | None | Unset = UNSET
    """ One entry per running instance. """
    snapshot_results: list[Any] | None | Unset = UNSET
    """ Files produced by the latest snapshot (the reference only shows an empty list). """
    timestamp: datetime.datetime | None | Unset = UNSET
    """ When the metrics were measured. """
    average_frequency_g_hz: float | None | Unset = UNSET
    """ Average CPU frequency, GHz. """
    max_frequency_g_hz: float | None | Unset = UNSET
    """ Highest CPU frequency, GHz. """
    min_frequency_g_hz: float | None | Unset = UNSET
    """ Lowest CPU frequency, GHz. """
    average_max_frequency_g_hz: float | None | Unset = UNSET
    """ Average of the maximum frequencies, GHz. """
    average_cpu_usage: float | None | Unset = UNSET
    """ Average CPU usage, percent. """
    cluster_power_indicator: float | None | Unset = UNSET
    """ Relative computing power of the instances. """
    average_memory_usage: float | None | Unset = UNSET
    """ Average memory usage, percent. """
    average_network_in_kbps: float | None | Unset = UNSET
    """ Average inbound network rate, kbit/s. """
    average_network_out_kbps: float | None | Unset = UNSET
    """ Average outbound network rate, kbit/s. """
    total_network_in_kbps: float | None | Unset = UNSET
    """ Total inbound network rate, kbit/s. """
    total_network_out_kbps: float | None | Unset = UNSET
    """ Total outbound network rate, kbit/s. """
    running_core_count_by_cpu_model: list[RunningCoreCountByCpuModel] | None | Unset = UNSET
    """ Cores in use per CPU model. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "per_running_instance_info": "perRunningInstanceInfo",
        "snapshot_results": "snapshotResults",
        "timestamp": "timestamp",
        "average_frequency_g_hz": "averageFrequencyGHz",
        "max_frequency_g_hz": "maxFrequencyGHz",
        "min_frequency_g_hz": "minFrequencyGHz",
        "average_max_frequency_g_hz": "averageMaxFrequencyGHz",
        "average_cpu_usage": "averageCpuUsage",
        "cluster_power_indicator": "clusterPowerIndicator",
        "average_memory_usage": "averageMemoryUsage",
        "average_network_in_kbps": "averageNetworkInKbps",
        "average_network_out_kbps": "averageNetworkOutKbps",
        "total_network_in_kbps": "totalNetworkInKbps",
        "total_network_out_kbps": "totalNetworkOutKbps",
        "running_core_count_by_cpu_model": "runningCoreCountByCpuModel",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"RunningInstancesInfo({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        per_running_instance_info: list[dict[str, Any]] | None | Unset
        if isinstance(self.per_running_instance_info, Unset):
            per_running_instance_info = UNSET
        elif isinstance(self.per_running_instance_info, list):
            per_running_instance_info = []
            for per_running_instance_info_type_0_item_data in self.per_running_instance_info:
                per_running_instance_info_type_0_item = per_running_instance_info_type_0_item_data.to_dict()
                per_running_instance_info.append(per_running_instance_info_type_0_item)

        else:
            per_running_instance_info = self.per_running_instance_info

        snapshot_results: list[Any] | None | Unset
        if isinstance(self.snapshot_results, Unset):
            snapshot_results = UNSET
        elif isinstance(self.snapshot_results, list):
            snapshot_results = self.snapshot_results

        else:
            snapshot_results = self.snapshot_results

        timestamp: None | str | Unset
        if isinstance(self.timestamp, Unset):
            timestamp = UNSET
        elif isinstance(self.timestamp, datetime.datetime):
            timestamp = format_qarnot_datetime(self.timestamp)
        else:
            timestamp = self.timestamp

        average_frequency_g_hz: float | None | Unset
        if isinstance(self.average_frequency_g_hz, Unset):
            average_frequency_g_hz = UNSET
        else:
            average_frequency_g_hz = self.average_frequency_g_hz

        max_frequency_g_hz: float | None | Unset
        if isinstance(self.max_frequency_g_hz, Unset):
            max_frequency_g_hz = UNSET
        else:
            max_frequency_g_hz = self.max_frequency_g_hz

        min_frequency_g_hz: float | None | Unset
        if isinstance(self.min_frequency_g_hz, Unset):
            min_frequency_g_hz = UNSET
        else:
            min_frequency_g_hz = self.min_frequency_g_hz

        average_max_frequency_g_hz: float | None | Unset
        if isinstance(self.average_max_frequency_g_hz, Unset):
            average_max_frequency_g_hz = UNSET
        else:
            average_max_frequency_g_hz = self.average_max_frequency_g_hz

        average_cpu_usage: float | None | Unset
        if isinstance(self.average_cpu_usage, Unset):
            average_cpu_usage = UNSET
        else:
            average_cpu_usage = self.average_cpu_usage

        cluster_power_indicator: float | None | Unset
        if isinstance(self.cluster_power_indicator, Unset):
            cluster_power_indicator = UNSET
        else:
            cluster_power_indicator = self.cluster_power_indicator

        average_memory_usage: float | None | Unset
        if isinstance(self.average_memory_usage, Unset):
            average_memory_usage = UNSET
        else:
            average_memory_usage = self.average_memory_usage

        average_network_in_kbps: float | None | Unset
        if isinstance(self.average_network_in_kbps, Unset):
            average_network_in_kbps = UNSET
        else:
            average_network_in_kbps = self.average_network_in_kbps

        average_network_out_kbps: float | None | Unset
        if isinstance(self.average_network_out_kbps, Unset):
            average_network_out_kbps = UNSET
        else:
            average_network_out_kbps = self.average_network_out_kbps

        total_network_in_kbps: float | None | Unset
        if isinstance(self.total_network_in_kbps, Unset):
            total_network_in_kbps = UNSET
        else:
            total_network_in_kbps = self.total_network_in_kbps

        total_network_out_kbps: float | None | Unset
        if isinstance(self.total_network_out_kbps, Unset):
            total_network_out_kbps = UNSET
        else:
            total_network_out_kbps = self.total_network_out_kbps

        running_core_count_by_cpu_model: list[dict[str, Any]] | None | Unset
        if isinstance(self.running_core_count_by_cpu_model, Unset):
            running_core_count_by_cpu_model = UNSET
        elif isinstance(self.running_core_count_by_cpu_model, list):
            running_core_count_by_cpu_model = []
            for running_core_count_by_cpu_model_type_0_item_data in self.running_core_count_by_cpu_model:
                running_core_count_by_cpu_model_type_0_item = running_core_count_by_cpu_model_type_0_item_data.to_dict()
                running_core_count_by_cpu_model.append(running_core_count_by_cpu_model_type_0_item)

        else:
            running_core_count_by_cpu_model = self.running_core_count_by_cpu_model

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if per_running_instance_info is not UNSET:
            field_dict["perRunningInstanceInfo"] = per_running_instance_info
        if snapshot_results is not UNSET:
            field_dict["snapshotResults"] = snapshot_results
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if average_frequency_g_hz is not UNSET:
            field_dict["averageFrequencyGHz"] = average_frequency_g_hz
        if max_frequency_g_hz is not UNSET:
            field_dict["maxFrequencyGHz"] = max_frequency_g_hz
        if min_frequency_g_hz is not UNSET:
            field_dict["minFrequencyGHz"] = min_frequency_g_hz
        if average_max_frequency_g_hz is not UNSET:
            field_dict["averageMaxFrequencyGHz"] = average_max_frequency_g_hz
        if average_cpu_usage is not UNSET:
            field_dict["averageCpuUsage"] = average_cpu_usage
        if cluster_power_indicator is not UNSET:
            field_dict["clusterPowerIndicator"] = cluster_power_indicator
        if average_memory_usage is not UNSET:
            field_dict["averageMemoryUsage"] = average_memory_usage
        if average_network_in_kbps is not UNSET:
            field_dict["averageNetworkInKbps"] = average_network_in_kbps
        if average_network_out_kbps is not UNSET:
            field_dict["averageNetworkOutKbps"] = average_network_out_kbps
        if total_network_in_kbps is not UNSET:
            field_dict["totalNetworkInKbps"] = total_network_in_kbps
        if total_network_out_kbps is not UNSET:
            field_dict["totalNetworkOutKbps"] = total_network_out_kbps
        if running_core_count_by_cpu_model is not UNSET:
            field_dict["runningCoreCountByCpuModel"] = running_core_count_by_cpu_model

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_per_running_instance_info(data: object) -> list[PerRunningInstanceInfo] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                per_running_instance_info_type_0 = []
                _per_running_instance_info_type_0 = data
                for per_running_instance_info_type_0_item_data in _per_running_instance_info_type_0:
                    per_running_instance_info_type_0_item = PerRunningInstanceInfo.from_dict(
                        per_running_instance_info_type_0_item_data
                    )

                    per_running_instance_info_type_0.append(per_running_instance_info_type_0_item)

                return per_running_instance_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PerRunningInstanceInfo] | None | Unset, data)

        per_running_instance_info = _parse_per_running_instance_info(d.pop("perRunningInstanceInfo", UNSET))

        def _parse_snapshot_results(data: object) -> list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                snapshot_results_type_0 = cast(list[Any], data)

                return snapshot_results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Any] | None | Unset, data)

        snapshot_results = _parse_snapshot_results(d.pop("snapshotResults", UNSET))

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

        def _parse_average_frequency_g_hz(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_frequency_g_hz = _parse_average_frequency_g_hz(d.pop("averageFrequencyGHz", UNSET))

        def _parse_max_frequency_g_hz(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_frequency_g_hz = _parse_max_frequency_g_hz(d.pop("maxFrequencyGHz", UNSET))

        def _parse_min_frequency_g_hz(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_frequency_g_hz = _parse_min_frequency_g_hz(d.pop("minFrequencyGHz", UNSET))

        def _parse_average_max_frequency_g_hz(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_max_frequency_g_hz = _parse_average_max_frequency_g_hz(d.pop("averageMaxFrequencyGHz", UNSET))

        def _parse_average_cpu_usage(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_cpu_usage = _parse_average_cpu_usage(d.pop("averageCpuUsage", UNSET))

        def _parse_cluster_power_indicator(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        cluster_power_indicator = _parse_cluster_power_indicator(d.pop("clusterPowerIndicator", UNSET))

        def _parse_average_memory_usage(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_memory_usage = _parse_average_memory_usage(d.pop("averageMemoryUsage", UNSET))

        def _parse_average_network_in_kbps(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_network_in_kbps = _parse_average_network_in_kbps(d.pop("averageNetworkInKbps", UNSET))

        def _parse_average_network_out_kbps(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_network_out_kbps = _parse_average_network_out_kbps(d.pop("averageNetworkOutKbps", UNSET))

        def _parse_total_network_in_kbps(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total_network_in_kbps = _parse_total_network_in_kbps(d.pop("totalNetworkInKbps", UNSET))

        def _parse_total_network_out_kbps(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total_network_out_kbps = _parse_total_network_out_kbps(d.pop("totalNetworkOutKbps", UNSET))

        def _parse_running_core_count_by_cpu_model(data: object) -> list[RunningCoreCountByCpuModel] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                running_core_count_by_cpu_model_type_0 = []
                _running_core_count_by_cpu_model_type_0 = data
                for running_core_count_by_cpu_model_type_0_item_data in _running_core_count_by_cpu_model_type_0:
                    running_core_count_by_cpu_model_type_0_item = RunningCoreCountByCpuModel.from_dict(
                        running_core_count_by_cpu_model_type_0_item_data
                    )

                    running_core_count_by_cpu_model_type_0.append(running_core_count_by_cpu_model_type_0_item)

                return running_core_count_by_cpu_model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RunningCoreCountByCpuModel] | None | Unset, data)

        running_core_count_by_cpu_model = _parse_running_core_count_by_cpu_model(
            d.pop("runningCoreCountByCpuModel", UNSET)
        )

        running_instances_info = cls(
            per_running_instance_info=per_running_instance_info,
            snapshot_results=snapshot_results,
            timestamp=timestamp,
            average_frequency_g_hz=average_frequency_g_hz,
            max_frequency_g_hz=max_frequency_g_hz,
            min_frequency_g_hz=min_frequency_g_hz,
            average_max_frequency_g_hz=average_max_frequency_g_hz,
            average_cpu_usage=average_cpu_usage,
            cluster_power_indicator=cluster_power_indicator,
            average_memory_usage=average_memory_usage,
            average_network_in_kbps=average_network_in_kbps,
            average_network_out_kbps=average_network_out_kbps,
            total_network_in_kbps=total_network_in_kbps,
            total_network_out_kbps=total_network_out_kbps,
            running_core_count_by_cpu_model=running_core_count_by_cpu_model,
        )

        running_instances_info.additional_properties = d
        return running_instances_info

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


from ..models.per_running_instance_info import PerRunningInstanceInfo  # noqa: E402
from ..models.running_core_count_by_cpu_model import RunningCoreCountByCpuModel  # noqa: E402
