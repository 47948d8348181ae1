from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_state import TaskState, check_task_state
from ..types import UNSET, Unset

T = TypeVar("T", bound="CompletedInstance")


@_attrs_define
class CompletedInstance:
    """Outcome of one finished instance."""

    results: list[str] | None | Unset = UNSET
    """ Result files the instance produced. """
    instance_id: int | None | Unset = UNSET
    """ Instance id. """
    wall_time_sec: float | None | Unset = UNSET
    """ Wall-clock time, seconds. """
    exec_time_sec: float | None | Unset = UNSET
    """ Execution time, seconds. """
    exec_time_sec_g_hz: float | None | Unset = UNSET
    """ Frequency-weighted execution time, GHz·s. """
    peak_memory_mb: float | None | Unset = UNSET
    """ Peak memory, MB. """
    state: None | TaskState | Unset = UNSET
    """ Final state of the instance (`Success`, `Failure` or `Cancelled`). """
    error: None | ResourceError | Unset = UNSET
    """ Why the instance failed, if it did. """
    specification_key: None | str | Unset = UNSET
    """ Machine specification key. """
    cpu_model: None | str | Unset = UNSET
    """ CPU model. """
    core_count: int | None | Unset = UNSET
    """ Number of cores. """
    clock_ratio: float | None | Unset = UNSET
    """ Ratio of the actual to the nominal clock frequency. """
    average_g_hz: float | None | Unset = UNSET
    """ Average frequency, GHz. """
    execution_attempt_count: int | None | Unset = UNSET
    """ How many times the instance was started. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "results": "results",
        "instance_id": "instanceId",
        "wall_time_sec": "wallTimeSec",
        "exec_time_sec": "execTimeSec",
        "exec_time_sec_g_hz": "execTimeSecGHz",
        "peak_memory_mb": "peakMemoryMB",
        "state": "state",
        "error": "error",
        "specification_key": "specificationKey",
        "cpu_model": "cpuModel",
        "core_count": "coreCount",
        "clock_ratio": "clockRatio",
        "average_g_hz": "averageGHz",
        "execution_attempt_count": "executionAttemptCount",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"CompletedInstance({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        results: list[str] | None | Unset
        if isinstance(self.results, Unset):
            results = UNSET
        elif isinstance(self.results, list):
            results = self.results

        else:
            results = self.results

        instance_id: int | None | Unset
        if isinstance(self.instance_id, Unset):
            instance_id = UNSET
        else:
            instance_id = self.instance_id

        wall_time_sec: float | None | Unset
        if isinstance(self.wall_time_sec, Unset):
            wall_time_sec = UNSET
        else:
            wall_time_sec = self.wall_time_sec

        exec_time_sec: float | None | Unset
        if isinstance(self.exec_time_sec, Unset):
            exec_time_sec = UNSET
        else:
            exec_time_sec = self.exec_time_sec

        exec_time_sec_g_hz: float | None | Unset
        if isinstance(self.exec_time_sec_g_hz, Unset):
            exec_time_sec_g_hz = UNSET
        else:
            exec_time_sec_g_hz = self.exec_time_sec_g_hz

        peak_memory_mb: float | None | Unset
        if isinstance(self.peak_memory_mb, Unset):
            peak_memory_mb = UNSET
        else:
            peak_memory_mb = self.peak_memory_mb

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, str):
            state = self.state
        else:
            state = self.state

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, ResourceError):
            error = self.error.to_dict()
        else:
            error = self.error

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

        clock_ratio: float | None | Unset
        if isinstance(self.clock_ratio, Unset):
            clock_ratio = UNSET
        else:
            clock_ratio = self.clock_ratio

        average_g_hz: float | None | Unset
        if isinstance(self.average_g_hz, Unset):
            average_g_hz = UNSET
        else:
            average_g_hz = self.average_g_hz

        execution_attempt_count: int | None | Unset
        if isinstance(self.execution_attempt_count, Unset):
            execution_attempt_count = UNSET
        else:
            execution_attempt_count = self.execution_attempt_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if results is not UNSET:
            field_dict["results"] = results
        if instance_id is not UNSET:
            field_dict["instanceId"] = instance_id
        if wall_time_sec is not UNSET:
            field_dict["wallTimeSec"] = wall_time_sec
        if exec_time_sec is not UNSET:
            field_dict["execTimeSec"] = exec_time_sec
        if exec_time_sec_g_hz is not UNSET:
            field_dict["execTimeSecGHz"] = exec_time_sec_g_hz
        if peak_memory_mb is not UNSET:
            field_dict["peakMemoryMB"] = peak_memory_mb
        if state is not UNSET:
            field_dict["state"] = state
        if error is not UNSET:
            field_dict["error"] = error
        if specification_key is not UNSET:
            field_dict["specificationKey"] = specification_key
        if cpu_model is not UNSET:
            field_dict["cpuModel"] = cpu_model
        if core_count is not UNSET:
            field_dict["coreCount"] = core_count
        if clock_ratio is not UNSET:
            field_dict["clockRatio"] = clock_ratio
        if average_g_hz is not UNSET:
            field_dict["averageGHz"] = average_g_hz
        if execution_attempt_count is not UNSET:
            field_dict["executionAttemptCount"] = execution_attempt_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_results(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                results_type_0 = cast(list[str], data)

                return results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        results = _parse_results(d.pop("results", UNSET))

        def _parse_instance_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        instance_id = _parse_instance_id(d.pop("instanceId", UNSET))

        def _parse_wall_time_sec(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        wall_time_sec = _parse_wall_time_sec(d.pop("wallTimeSec", UNSET))

        def _parse_exec_time_sec(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        exec_time_sec = _parse_exec_time_sec(d.pop("execTimeSec", UNSET))

        def _parse_exec_time_sec_g_hz(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        exec_time_sec_g_hz = _parse_exec_time_sec_g_hz(d.pop("execTimeSecGHz", UNSET))

        def _parse_peak_memory_mb(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        peak_memory_mb = _parse_peak_memory_mb(d.pop("peakMemoryMB", UNSET))

        def _parse_state(data: object) -> None | TaskState | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = check_task_state(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskState | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_error(data: object) -> None | ResourceError | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ResourceError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResourceError | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

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

        def _parse_clock_ratio(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        clock_ratio = _parse_clock_ratio(d.pop("clockRatio", UNSET))

        def _parse_average_g_hz(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_g_hz = _parse_average_g_hz(d.pop("averageGHz", UNSET))

        def _parse_execution_attempt_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        execution_attempt_count = _parse_execution_attempt_count(d.pop("executionAttemptCount", UNSET))

        completed_instance = cls(
            results=results,
            instance_id=instance_id,
            wall_time_sec=wall_time_sec,
            exec_time_sec=exec_time_sec,
            exec_time_sec_g_hz=exec_time_sec_g_hz,
            peak_memory_mb=peak_memory_mb,
            state=state,
            error=error,
            specification_key=specification_key,
            cpu_model=cpu_model,
            core_count=core_count,
            clock_ratio=clock_ratio,
            average_g_hz=average_g_hz,
            execution_attempt_count=execution_attempt_count,
        )

        completed_instance.additional_properties = d
        return completed_instance

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


from ..models.resource_error import ResourceError  # noqa: E402
