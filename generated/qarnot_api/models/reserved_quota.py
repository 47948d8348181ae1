from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReservedQuota")


@_attrs_define
class ReservedQuota:
    """Quota of the account on one reserved machine type."""

    machine_key: None | str | Unset = UNSET
    """ Reserved machine key. """
    max_instances: int | None | Unset = UNSET
    """ Maximum number of instances. """
    max_cores: int | None | Unset = UNSET
    """ Maximum number of cores. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "machine_key": "machineKey",
        "max_instances": "maxInstances",
        "max_cores": "maxCores",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"ReservedQuota({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        machine_key: None | str | Unset
        if isinstance(self.machine_key, Unset):
            machine_key = UNSET
        else:
            machine_key = self.machine_key

        max_instances: int | None | Unset
        if isinstance(self.max_instances, Unset):
            max_instances = UNSET
        else:
            max_instances = self.max_instances

        max_cores: int | None | Unset
        if isinstance(self.max_cores, Unset):
            max_cores = UNSET
        else:
            max_cores = self.max_cores

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if machine_key is not UNSET:
            field_dict["machineKey"] = machine_key
        if max_instances is not UNSET:
            field_dict["maxInstances"] = max_instances
        if max_cores is not UNSET:
            field_dict["maxCores"] = max_cores

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_machine_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        machine_key = _parse_machine_key(d.pop("machineKey", UNSET))

        def _parse_max_instances(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_instances = _parse_max_instances(d.pop("maxInstances", UNSET))

        def _parse_max_cores(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_cores = _parse_max_cores(d.pop("maxCores", UNSET))

        reserved_quota = cls(
            machine_key=machine_key,
            max_instances=max_instances,
            max_cores=max_cores,
        )

        reserved_quota.additional_properties = d
        return reserved_quota

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
