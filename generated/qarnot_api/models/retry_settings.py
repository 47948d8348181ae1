from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RetrySettings")


@_attrs_define
class RetrySettings:
    """How failed instances are retried."""

    max_total_retries: int | None | Unset = UNSET
    """ Maximum number of retries over all instances. """
    max_per_instance_retries: int | None | Unset = UNSET
    """ Maximum number of retries of one instance. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "max_total_retries": "maxTotalRetries",
        "max_per_instance_retries": "maxPerInstanceRetries",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"RetrySettings({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        max_total_retries: int | None | Unset
        if isinstance(self.max_total_retries, Unset):
            max_total_retries = UNSET
        else:
            max_total_retries = self.max_total_retries

        max_per_instance_retries: int | None | Unset
        if isinstance(self.max_per_instance_retries, Unset):
            max_per_instance_retries = UNSET
        else:
            max_per_instance_retries = self.max_per_instance_retries

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if max_total_retries is not UNSET:
            field_dict["maxTotalRetries"] = max_total_retries
        if max_per_instance_retries is not UNSET:
            field_dict["maxPerInstanceRetries"] = max_per_instance_retries

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_max_total_retries(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_total_retries = _parse_max_total_retries(d.pop("maxTotalRetries", UNSET))

        def _parse_max_per_instance_retries(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_per_instance_retries = _parse_max_per_instance_retries(d.pop("maxPerInstanceRetries", UNSET))

        retry_settings = cls(
            max_total_retries=max_total_retries,
            max_per_instance_retries=max_per_instance_retries,
        )

        retry_settings.additional_properties = d
        return retry_settings

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
