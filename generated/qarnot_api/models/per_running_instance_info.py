from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.instance_phase import InstancePhase, check_instance_phase
from ..types import UNSET, Unset

T = TypeVar("T", bound="PerRunningInstanceInfo")


@_attrs_define
class PerRunningInstanceInfo:
    """Live metrics of one running instance."""

    active_forwards: list[ActiveForward] | None | Unset = UNSET
    """ Forwarded ports. """
    vpn_connections: list[VpnConnection] | None | Unset = UNSET
    """ VPN connections. """
    phase: InstancePhase | None | Unset = UNSET
    """ Phase the instance is in. """
    instance_id: int | None | Unset = UNSET
    """ Instance id. """
    max_frequency_g_hz: float | None | Unset = UNSET
    """ Maximum CPU frequency, GHz. """
    current_frequency_g_hz: float | None | Unset = UNSET
    """ Current CPU frequency, GHz. """
    cpu_usage: float | None | Unset = UNSET
    """ CPU usage, percent. """
    max_memory_mb: float | None | Unset = UNSET
    """ Memory available, MB. """
    current_memory_mb: float | None | Unset = UNSET
    """ Memory in use, MB. """
    memory_usage: float | None | Unset = UNSET
    """ Memory usage, percent. """
    network_in_kbps: float | None | Unset = UNSET
    """ Inbound network rate, kbit/s. """
    network_out_kbps: float | None | Unset = UNSET
    """ Outbound network rate, kbit/s. """
    progress: float | None | Unset = UNSET
    """ Progress of the instance, percent. """
    execution_time_sec: float | None | Unset = UNSET
    """ Execution time so far, seconds. """
    execution_time_g_hz: float | None | Unset = UNSET
    """ Frequency-weighted execution time so far, GHz·s. """
    specification_key: None | str | Unset = UNSET
    """ Machine specification key (may carry surrounding whitespace). """
    cpu_model: None | str | Unset = UNSET
    """ CPU model (may carry surrounding whitespace). """
    core_count: int | None | Unset = UNSET
    """ Number of cores. """
    execution_attempt_count: int | None | Unset = UNSET
    """ How many times the instance has been started. """
    clock_ratio: float | None | Unset = UNSET
    """ Ratio of the actual to the nominal clock frequency. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "active_forwards": "activeForwards",
        "vpn_connections": "vpnConnections",
        "phase": "phase",
        "instance_id": "instanceId",
        "max_frequency_g_hz": "maxFrequencyGHz",
        "current_frequency_g_hz": "currentFrequencyGHz",
        "cpu_usage": "cpuUsage",
        "max_memory_mb": "maxMemoryMB",
        "current_memory_mb": "currentMemoryMB",
        "memory_usage": "memoryUsage",
        "network_in_kbps": "networkInKbps",
        "network_out_kbps": "networkOutKbps",
        "progress": "progress",
        "execution_time_sec": "executionTimeSec",
        "execution_time_g_hz": "executionTimeGHz",
        "specification_key": "specificationKey",
        "cpu_model": "cpuModel",
        "core_count": "coreCount",
        "execution_attempt_count": "executionAttemptCount",
        "clock_ratio": "clockRatio",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"PerRunningInstanceInfo({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        active_forwards: list[dict[str, Any]] | None | Unset
        if isinstance(self.active_forwards, Unset):
            active_forwards = UNSET
        elif isinstance(self.active_forwards, list):
            active_forwards = []
            for active_forwards_type_0_item_data in self.active_forwards:
                active_forwards_type_0_item = active_forwards_type_0_item_data.to_dict()
                active_forwards.append(active_forwards_type_0_item)

        else:
            active_forwards = self.active_forwards

        vpn_connections: list[dict[str, Any]] | None | Unset
        if isinstance(self.vpn_connections, Unset):
            vpn_connections = UNSET
        elif isinstance(self.vpn_connections, list):
            vpn_connections = []
            for vpn_connections_type_0_item_data in self.vpn_connections:
                vpn_connections_type_0_item = vpn_connections_type_0_item_data.to_dict()
                vpn_connections.append(vpn_connections_type_0_item)

        else:
            vpn_connections = self.vpn_connections

        phase: None | str | Unset
        if isinstance(self.phase, Unset):
            phase = UNSET
        elif isinstance(self.phase, str):
            phase = self.phase
        else:
            phase = self.phase

        instance_id: int | None | Unset
        if isinstance(self.instance_id, Unset):
            instance_id = UNSET
        else:
            instance_id = self.instance_id

        max_frequency_g_hz: float | None | Unset
        if isinstance(self.max_frequency_g_hz, Unset):
            max_frequency_g_hz = UNSET
        else:
            max_frequency_g_hz = self.max_frequency_g_hz

        current_frequency_g_hz: float | None | Unset
        if isinstance(self.current_frequency_g_hz, Unset):
            current_frequency_g_hz = UNSET
        else:
            current_frequency_g_hz = self.current_frequency_g_hz

        cpu_usage: float | None | Unset
        if isinstance(self.cpu_usage, Unset):
            cpu_usage = UNSET
        else:
            cpu_usage = self.cpu_usage

        max_memory_mb: float | None | Unset
        if isinstance(self.max_memory_mb, Unset):
            max_memory_mb = UNSET
        else:
            max_memory_mb = self.max_memory_mb

        current_memory_mb: float | None | Unset
        if isinstance(self.current_memory_mb, Unset):
            current_memory_mb = UNSET
        else:
            current_memory_mb = self.current_memory_mb

        memory_usage: float | None | Unset
        if isinstance(self.memory_usage, Unset):
            memory_usage = UNSET
        else:
            memory_usage = self.memory_usage

        network_in_kbps: float | None | Unset
        if isinstance(self.network_in_kbps, Unset):
            network_in_kbps = UNSET
        else:
            network_in_kbps = self.network_in_kbps

        network_out_kbps: float | None | Unset
        if isinstance(self.network_out_kbps, Unset):
            network_out_kbps = UNSET
        else:
            network_out_kbps = self.network_out_kbps

        progress: float | None | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        execution_time_sec: float | None | Unset
        if isinstance(self.execution_time_sec, Unset):
            execution_time_sec = UNSET
        else:
            execution_time_sec = self.execution_time_sec

        execution_time_g_hz: float | None | Unset
        if isinstance(self.execution_time_g_hz, Unset):
            execution_time_g_hz = UNSET
        else:
            execution_time_g_hz = self.execution_time_g_hz

        specification_key: None | str | Unset
        if isinstance(self.specification_key, Unset):
            specification_key = UNSET
        else:
            specification_key = self.specification_key

        cpu_model: None | str | Unset
        if isinstance(self.cpu_model, Unset):
            cpu_model = UNSET
        else:
            cpu_model = self.cpu_model

        core_count: int | None | Unset
        if isinstance(self.core_count, Unset):
            core_count = UNSET
        else:
            core_count = self.core_count

        execution_attempt_count: int | None | Unset
        if isinstance(self.execution_attempt_count, Unset):
            execution_attempt_count = UNSET
        else:
            execution_attempt_count = self.execution_attempt_count

        clock_ratio: float | None | Unset
        if isinstance(self.clock_ratio, Unset):
            clock_ratio = UNSET
        else:
            clock_ratio = self.clock_ratio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if active_forwards is not UNSET:
            field_dict["activeForwards"] = active_forwards
        if vpn_connections is not UNSET:
            field_dict["vpnConnections"] = vpn_connections
        if phase is not UNSET:
            field_dict["phase"] = phase
        if instance_id is not UNSET:
            field_dict["instanceId"] = instance_id
        if max_frequency_g_hz is not UNSET:
            field_dict["maxFrequencyGHz"] = max_frequency_g_hz
        if current_frequency_g_hz is not UNSET:
            field_dict["currentFrequencyGHz"] = current_frequency_g_hz
        if cpu_usage is not UNSET:
            field_dict["cpuUsage"] = cpu_usage
        if max_memory_mb is not UNSET:
            field_dict["maxMemoryMB"] = max_memory_mb
        if current_memory_mb is not UNSET:
            field_dict["currentMemoryMB"] = current_memory_mb
        if memory_usage is not UNSET:
            field_dict["memoryUsage"] = memory_usage
        if network_in_kbps is not UNSET:
            field_dict["networkInKbps"] = network_in_kbps
        if network_out_kbps is not UNSET:
            field_dict["networkOutKbps"] = network_out_kbps
        if progress is not UNSET:
            field_dict["progress"] = progress
        if execution_time_sec is not UNSET:
            field_dict["executionTimeSec"] = execution_time_sec
        if execution_time_g_hz is not UNSET:
            field_dict["executionTimeGHz"] = execution_time_g_hz
        if specification_key is not UNSET:
            field_dict["specificationKey"] = specification_key
        if cpu_model is not UNSET:
            field_dict["cpuModel"] = cpu_model
        if core_count is not UNSET:
            field_dict["coreCount"] = core_count
        if execution_attempt_count is not UNSET:
            field_dict["executionAttemptCount"] = execution_attempt_count
        if clock_ratio is not UNSET:
            field_dict["clockRatio"] = clock_ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_active_forwards(data: object) -> list[ActiveForward] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                active_forwards_type_0 = []
                _active_forwards_type_0 = data
                for active_forwards_type_0_item_data in _active_forwards_type_0:
                    active_forwards_type_0_item = ActiveForward.from_dict(active_forwards_type_0_item_data)

                    active_forwards_type_0.append(active_forwards_type_0_item)

                return active_forwards_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ActiveForward] | None | Unset, data)

        active_forwards = _parse_active_forwards(d.pop("activeForwards", UNSET))

        def _parse_vpn_connections(data: object) -> list[VpnConnection] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                vpn_connections_type_0 = []
                _vpn_connections_type_0 = data
                for vpn_connections_type_0_item_data in _vpn_connections_type_0:
                    vpn_connections_type_0_item = VpnConnection.from_dict(vpn_connections_type_0_item_data)

                    vpn_connections_type_0.append(vpn_connections_type_0_item)

                return vpn_connections_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[VpnConnection] | None | Unset, data)

        vpn_connections = _parse_vpn_connections(d.pop("vpnConnections", UNSET))

        def _parse_phase(data: object) -> InstancePhase | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                phase_type_0 = check_instance_phase(data)

                return phase_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InstancePhase | None | Unset, data)

        phase = _parse_phase(d.pop("phase", UNSET))

        def _parse_instance_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        instance_id = _parse_instance_id(d.pop("instanceId", UNSET))

        def _parse_max_frequency_g_hz(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_frequency_g_hz = _parse_max_frequency_g_hz(d.pop("maxFrequencyGHz", UNSET))

        def _parse_current_frequency_g_hz(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        current_frequency_g_hz = _parse_current_frequency_g_hz(d.pop("currentFrequencyGHz", UNSET))

        def _parse_cpu_usage(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        cpu_usage = _parse_cpu_usage(d.pop("cpuUsage", UNSET))

        def _parse_max_memory_mb(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_memory_mb = _parse_max_memory_mb(d.pop("maxMemoryMB", UNSET))

        def _parse_current_memory_mb(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        current_memory_mb = _parse_current_memory_mb(d.pop("currentMemoryMB", UNSET))

        def _parse_memory_usage(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        memory_usage = _parse_memory_usage(d.pop("memoryUsage", UNSET))

        def _parse_network_in_kbps(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        network_in_kbps = _parse_network_in_kbps(d.pop("networkInKbps", UNSET))

        def _parse_network_out_kbps(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        network_out_kbps = _parse_network_out_kbps(d.pop("networkOutKbps", UNSET))

        def _parse_progress(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        def _parse_execution_time_sec(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        execution_time_sec = _parse_execution_time_sec(d.pop("executionTimeSec", UNSET))

        def _parse_execution_time_g_hz(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        execution_time_g_hz = _parse_execution_time_g_hz(d.pop("executionTimeGHz", UNSET))

        def _parse_specification_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        specification_key = _parse_specification_key(d.pop("specificationKey", UNSET))

        def _parse_cpu_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cpu_model = _parse_cpu_model(d.pop("cpuModel", UNSET))

        def _parse_core_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        core_count = _parse_core_count(d.pop("coreCount", UNSET))

        def _parse_execution_attempt_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        execution_attempt_count = _parse_execution_attempt_count(d.pop("executionAttemptCount", UNSET))

        def _parse_clock_ratio(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        clock_ratio = _parse_clock_ratio(d.pop("clockRatio", UNSET))

        per_running_instance_info = cls(
            active_forwards=active_forwards,
            vpn_connections=vpn_connections,
            phase=phase,
            instance_id=instance_id,
            max_frequency_g_hz=max_frequency_g_hz,
            current_frequency_g_hz=current_frequency_g_hz,
            cpu_usage=cpu_usage,
            max_memory_mb=max_memory_mb,
            current_memory_mb=current_memory_mb,
            memory_usage=memory_usage,
            network_in_kbps=network_in_kbps,
            network_out_kbps=network_out_kbps,
            progress=progress,
            execution_time_sec=execution_time_sec,
            execution_time_g_hz=execution_time_g_hz,
            specification_key=specification_key,
            cpu_model=cpu_model,
            core_count=core_count,
            execution_attempt_count=execution_attempt_count,
            clock_ratio=clock_ratio,
        )

        per_running_instance_info.additional_properties = d
        return per_running_instance_info

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


from ..models.active_forward import ActiveForward  # noqa: E402
from ..models.vpn_connection import VpnConnection  # noqa: E402
