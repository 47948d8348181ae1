from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.day_of_week import DayOfWeek, check_day_of_week
from ..types import UNSET, Unset

T = TypeVar("T", bound="WeeklyTimePeriod")


@_attrs_define
class WeeklyTimePeriod:
    """A period active on some days of the week between two UTC times. Variant of `TimePeriod`."""

    type_: Literal["Weekly"] = "Weekly"
    """ Variant tag. """
    name: None | str | Unset = UNSET
    """ Name of the period. """
    days: list[DayOfWeek] | None | Unset = UNSET
    """ Days on which the period is active. """
    start_time_utc: None | str | Unset = UNSET
    """ Start time of day, UTC (`HH:MM:SS[.fffffff]`). """
    end_time_utc: None | str | Unset = UNSET
    """ End time of day, UTC (`HH:MM:SS[.fffffff]`, e.g. `23:59:59.9999999`). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "type_": "type",
        "name": "name",
        "days": "days",
        "start_time_utc": "startTimeUtc",
        "end_time_utc": "endTimeUtc",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"WeeklyTimePeriod({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        days: list[str] | None | Unset
        if isinstance(self.days, Unset):
            days = UNSET
        elif isinstance(self.days, list):
            days = []
            for days_type_0_item_data in self.days:
                days_type_0_item: str = days_type_0_item_data
                days.append(days_type_0_item)

        else:
            days = self.days

        start_time_utc: None | str | Unset
        if isinstance(self.start_time_utc, Unset):
            start_time_utc = UNSET
        else:
            start_time_utc = self.start_time_utc

        end_time_utc: None | str | Unset
        if isinstance(self.end_time_utc, Unset):
            end_time_utc = UNSET
        else:
            end_time_utc = self.end_time_utc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if days is not UNSET:
            field_dict["days"] = days
        if start_time_utc is not UNSET:
            field_dict["startTimeUtc"] = start_time_utc
        if end_time_utc is not UNSET:
            field_dict["endTimeUtc"] = end_time_utc

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["Weekly"], d.pop("type"))
        if type_ != "Weekly":
            raise ValueError(f"type must match const 'Weekly', got '{type_}'")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_days(data: object) -> list[DayOfWeek] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                days_type_0 = []
                _days_type_0 = data
                for days_type_0_item_data in _days_type_0:
                    days_type_0_item = check_day_of_week(days_type_0_item_data)

                    days_type_0.append(days_type_0_item)

                return days_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[DayOfWeek] | None | Unset, data)

        days = _parse_days(d.pop("days", UNSET))

        def _parse_start_time_utc(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_time_utc = _parse_start_time_utc(d.pop("startTimeUtc", UNSET))

        def _parse_end_time_utc(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_time_utc = _parse_end_time_utc(d.pop("endTimeUtc", UNSET))

        weekly_time_period = cls(
            type_=type_,
            name=name,
            days=days,
            start_time_utc=start_time_utc,
            end_time_utc=end_time_utc,
        )

        weekly_time_period.additional_properties = d
        return weekly_time_period

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
