from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ElasticPropertyInput")


@_attrs_define
class ElasticPropertyInput:
    """Legacy elastic sizing of a pool (prefer `scaling`)."""

    is_elastic: bool | None | Unset = UNSET
    """ Whether elastic sizing is on. """
    min_total_slots: int | None | Unset = UNSET
    """ Minimum number of slots. """
    max_total_slots: int | None | Unset = UNSET
    """ Maximum number of slots. """
    min_idle_slots: int | None | Unset = UNSET
    """ Number of idle slots kept ready. """
    resize_period: int | None | Unset = UNSET
    """ Seconds between two sizing decisions. """
    ramp_resize_factor: float | None | Unset = UNSET
    """ How aggressively the pool grows (0 to 1). """
    min_idle_time_seconds: int | None | Unset = UNSET
    """ How long a slot stays idle before it is released, in seconds. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "is_elastic": "isElastic",
        "min_total_slots": "minTotalSlots",
        "max_total_slots": "maxTotalSlots",
        "min_idle_slots": "minIdleSlots",
        "resize_period": "resizePeriod",
        "ramp_resize_factor": "rampResizeFactor",
        "min_idle_time_seconds": "minIdleTimeSeconds",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"ElasticPropertyInput({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        is_elastic: bool | None | Unset
        if isinstance(self.is_elastic, Unset):
            is_elastic = UNSET
        else:
            is_elastic = self.is_elastic

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

        resize_period: int | None | Unset
        if isinstance(self.resize_period, Unset):
            resize_period = UNSET
        else:
            resize_period = self.resize_period

        ramp_resize_factor: float | None | Unset
        if isinstance(self.ramp_resize_factor, Unset):
            ramp_resize_factor = UNSET
        else:
            ramp_resize_factor = self.ramp_resize_factor

        min_idle_time_seconds: int | None | Unset
        if isinstance(self.min_idle_time_seconds, Unset):
            min_idle_time_seconds = UNSET
        else:
            min_idle_time_seconds = self.min_idle_time_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_elastic is not UNSET:
            field_dict["isElastic"] = is_elastic
        if min_total_slots is not UNSET:
            field_dict["minTotalSlots"] = min_total_slots
        if max_total_slots is not UNSET:
            field_dict["maxTotalSlots"] = max_total_slots
        if min_idle_slots is not UNSET:
            field_dict["minIdleSlots"] = min_idle_slots
        if resize_period is not UNSET:
            field_dict["resizePeriod"] = resize_period
        if ramp_resize_factor is not UNSET:
            field_dict["rampResizeFactor"] = ramp_resize_factor
        if min_idle_time_seconds is not UNSET:
            field_dict["minIdleTimeSeconds"] = min_idle_time_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_is_elastic(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_elastic = _parse_is_elastic(d.pop("isElastic", UNSET))

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

        def _parse_resize_period(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        resize_period = _parse_resize_period(d.pop("resizePeriod", UNSET))

        def _parse_ramp_resize_factor(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ramp_resize_factor = _parse_ramp_resize_factor(d.pop("rampResizeFactor", UNSET))

        def _parse_min_idle_time_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_idle_time_seconds = _parse_min_idle_time_seconds(d.pop("minIdleTimeSeconds", UNSET))

        elastic_property_input = cls(
            is_elastic=is_elastic,
            min_total_slots=min_total_slots,
            max_total_slots=max_total_slots,
            min_idle_slots=min_idle_slots,
            resize_period=resize_period,
            ramp_resize_factor=ramp_resize_factor,
            min_idle_time_seconds=min_idle_time_seconds,
        )

        elastic_property_input.additional_properties = d
        return elastic_property_input

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
