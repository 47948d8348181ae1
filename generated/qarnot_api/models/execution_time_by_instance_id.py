from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ExecutionTimeByInstanceId")


@_attrs_define
class ExecutionTimeByInstanceId:
    """Execution time of one instance."""

    instance_id: int | None | Unset = UNSET
    """ Instance id. """
    specification_key: None | str | Unset = UNSET
    """ Machine specification key. """
    site_uuid: None | str | Unset = UNSET
    """ Identifier of the site (data center) the instance ran in. """
    time: float | None | Unset = UNSET
    """ Execution time in seconds. """
    time_ghz: float | None | Unset = UNSET
    """ Execution time weighted by frequency, in GHz·s. """
    clock_ratio: float | None | Unset = UNSET
    """ Ratio of the actual to the nominal clock frequency. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "instance_id": "instanceId",
        "specification_key": "specificationKey",
        "site_uuid": "siteUuid",
        "time": "time",
        "time_ghz": "timeGhz",
        "clock_ratio": "clockRatio",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"ExecutionTimeByInstanceId({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        instance_id: int | None | Unset
        if isinstance(self.instance_id, Unset):
            instance_id = UNSET
        else:
            instance_id = self.instance_id

        specification_key: None | str | Unset
        if isinstance(self.specification_key, Unset):
            specification_key = UNSET
        else:
            specification_key = self.specification_key

        site_uuid: None | str | Unset
        if isinstance(self.site_uuid, Unset):
            site_uuid = UNSET
        else:
            site_uuid = self.site_uuid

        time: float | None | Unset
        if isinstance(self.time, Unset):
            time = UNSET
        else:
            time = self.time

        time_ghz: float | None | Unset
        if isinstance(self.time_ghz, Unset):
            time_ghz = UNSET
        else:
            time_ghz = self.time_ghz

        clock_ratio: float | None | Unset
        if isinstance(self.clock_ratio, Unset):
            clock_ratio = UNSET
        else:
            clock_ratio = self.clock_ratio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if instance_id is not UNSET:
            field_dict["instanceId"] = instance_id
        if specification_key is not UNSET:
            field_dict["specificationKey"] = specification_key
        if site_uuid is not UNSET:
            field_dict["siteUuid"] = site_uuid
        if time is not UNSET:
            field_dict["time"] = time
        if time_ghz is not UNSET:
            field_dict["timeGhz"] = time_ghz
        if clock_ratio is not UNSET:
            field_dict["clockRatio"] = clock_ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_instance_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        instance_id = _parse_instance_id(d.pop("instanceId", UNSET))

        def _parse_specification_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        specification_key = _parse_specification_key(d.pop("specificationKey", UNSET))

        def _parse_site_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        site_uuid = _parse_site_uuid(d.pop("siteUuid", UNSET))

        def _parse_time(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        time = _parse_time(d.pop("time", UNSET))

        def _parse_time_ghz(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        time_ghz = _parse_time_ghz(d.pop("timeGhz", UNSET))

        def _parse_clock_ratio(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        clock_ratio = _parse_clock_ratio(d.pop("clockRatio", UNSET))

        execution_time_by_instance_id = cls(
            instance_id=instance_id,
            specification_key=specification_key,
            site_uuid=site_uuid,
            time=time,
            time_ghz=time_ghz,
            clock_ratio=clock_ratio,
        )

        execution_time_by_instance_id.additional_properties = d
        return execution_time_by_instance_id

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
