from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ManagedTasksQueueScalingPolicy")


@_attrs_define
class ManagedTasksQueueScalingPolicy:
    """Sizes the pool from its queue of tasks. Variant of `ScalingPolicy`."""

    type_: Literal["ManagedTasksQueue"] = "ManagedTasksQueue"
    """ Variant tag. """
    name: None | str | Unset = UNSET
    """ Name of the policy (referenced by `activePolicyName`). """
    enabled_periods: list[AlwaysTimePeriod | UnknownTimePeriod | WeeklyTimePeriod] | None | Unset = UNSET
    """ Periods during which the policy may be active. """
    min_total_slots: int | None | Unset = UNSET
    """ Minimum number of slots. """
    max_total_slots: int | None | Unset = UNSET
    """ Maximum number of slots. """
    min_idle_slots: int | None | Unset = UNSET
    """ Number of idle slots kept ready. """
    min_idle_time_seconds: int | None | Unset = UNSET
    """ How long a slot stays idle before it is released, in seconds. """
    scaling_factor: float | None | Unset = UNSET
    """ How aggressively the pool grows (0 to 1). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "type_": "type",
        "name": "name",
        "enabled_periods": "enabledPeriods",
        "min_total_slots": "minTotalSlots",
        "max_total_slots": "maxTotalSlots",
        "min_idle_slots": "minIdleSlots",
        "min_idle_time_seconds": "minIdleTimeSeconds",
        "scaling_factor": "scalingFactor",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"ManagedTasksQueueScalingPolicy({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        enabled_periods: list[dict[str, Any]] | None | Unset
        if isinstance(self.enabled_periods, Unset):
            enabled_periods = UNSET
        elif isinstance(self.enabled_periods, list):
            enabled_periods = []
            for enabled_periods_type_0_item_data in self.enabled_periods:
                enabled_periods_type_0_item: dict[str, Any]
                if isinstance(enabled_periods_type_0_item_data, AlwaysTimePeriod):
                    enabled_periods_type_0_item = enabled_periods_type_0_item_data.to_dict()
                elif isinstance(enabled_periods_type_0_item_data, WeeklyTimePeriod):
                    enabled_periods_type_0_item = enabled_periods_type_0_item_data.to_dict()
                else:
                    enabled_periods_type_0_item = enabled_periods_type_0_item_data.to_dict()

                enabled_periods.append(enabled_periods_type_0_item)

        else:
            enabled_periods = self.enabled_periods

        min_total_slots: int | None | Unset
        if isinstance(self.min_total_slots, Unset):
            min_total_slots = UNSET
        else:
            min_total_slots = self.min_total_slots

        max_total_slots: int | None | Unset
        if isinstance(self.max_total_slots, Unset):
            max_total_slots = UNSET
        else:
            max_total_slots = self.max_total_slots

        min_idle_slots: int | None | Unset
        if isinstance(self.min_idle_slots, Unset):
            min_idle_slots = UNSET
        else:
            min_idle_slots = self.min_idle_slots

        min_idle_time_seconds: int | None | Unset
        if isinstance(self.min_idle_time_seconds, Unset):
            min_idle_time_seconds = UNSET
        else:
            min_idle_time_seconds = self.min_idle_time_seconds

        scaling_factor: float | None | Unset
        if isinstance(self.scaling_factor, Unset):
            scaling_factor = UNSET
        else:
            scaling_factor = self.scaling_factor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if enabled_periods is not UNSET:
            field_dict["enabledPeriods"] = enabled_periods
        if min_total_slots is not UNSET:
            field_dict["minTotalSlots"] = min_total_slots
        if max_total_slots is not UNSET:
            field_dict["maxTotalSlots"] = max_total_slots
        if min_idle_slots is not UNSET:
            field_dict["minIdleSlots"] = min_idle_slots
        if min_idle_time_seconds is not UNSET:
            field_dict["minIdleTimeSeconds"] = min_idle_time_seconds
        if scaling_factor is not UNSET:
            field_dict["scalingFactor"] = scaling_factor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["ManagedTasksQueue"], d.pop("type"))
        if type_ != "ManagedTasksQueue":
            raise ValueError(f"type must match const 'ManagedTasksQueue', got '{type_}'")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_enabled_periods(
            data: object,
        ) -> list[AlwaysTimePeriod | UnknownTimePeriod | WeeklyTimePeriod] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                enabled_periods_type_0 = []
                _enabled_periods_type_0 = data
                for enabled_periods_type_0_item_data in _enabled_periods_type_0:

                    def _parse_enabled_periods_type_0_item(
                        data: object,
                    ) -> AlwaysTimePeriod | UnknownTimePeriod | WeeklyTimePeriod:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_time_period_type_0 = AlwaysTimePeriod.from_dict(data)

                            return componentsschemas_time_period_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_time_period_type_1 = WeeklyTimePeriod.from_dict(data)

                            return componentsschemas_time_period_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_any_time_period_type_1 = UnknownTimePeriod.from_dict(data)

                        return componentsschemas_any_time_period_type_1

                    enabled_periods_type_0_item = _parse_enabled_periods_type_0_item(enabled_periods_type_0_item_data)

                    enabled_periods_type_0.append(enabled_periods_type_0_item)

                return enabled_periods_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AlwaysTimePeriod | UnknownTimePeriod | WeeklyTimePeriod] | None | Unset, data)

        enabled_periods = _parse_enabled_periods(d.pop("enabledPeriods", UNSET))

        def _parse_min_total_slots(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_total_slots = _parse_min_total_slots(d.pop("minTotalSlots", UNSET))

        def _parse_max_total_slots(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_total_slots = _parse_max_total_slots(d.pop("maxTotalSlots", UNSET))

        def _parse_min_idle_slots(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_idle_slots = _parse_min_idle_slots(d.pop("minIdleSlots", UNSET))

        def _parse_min_idle_time_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_idle_time_seconds = _parse_min_idle_time_seconds(d.pop("minIdleTimeSeconds", UNSET))

        def _parse_scaling_factor(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        scaling_factor = _parse_scaling_factor(d.pop("scalingFactor", UNSET))

        managed_tasks_queue_scaling_policy = cls(
            type_=type_,
            name=name,
            enabled_periods=enabled_periods,
            min_total_slots=min_total_slots,
            max_total_slots=max_total_slots,
            min_idle_slots=min_idle_slots,
            min_idle_time_seconds=min_idle_time_seconds,
            scaling_factor=scaling_factor,
        )

        managed_tasks_queue_scaling_policy.additional_properties = d
        return managed_tasks_queue_scaling_policy

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


from ..models.always_time_period import AlwaysTimePeriod  # noqa: E402
from ..models.unknown_time_period import UnknownTimePeriod  # noqa: E402
from ..models.weekly_time_period import WeeklyTimePeriod  # noqa: E402
