from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MaximumRamHardwareConstraint")


@_attrs_define
class MaximumRamHardwareConstraint:
    """Instances need at most this much memory. Variant of `HardwareConstraint`."""

    discriminator: Literal["MaximumRamHardwareConstraint"] = "MaximumRamHardwareConstraint"
    """ Variant tag. """
    maximum_memory_mb: float | None | Unset = UNSET
    """ Maximum memory in MB. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "discriminator": "discriminator",
        "maximum_memory_mb": "maximumMemoryMB",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"MaximumRamHardwareConstraint({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        discriminator = self.discriminator

        maximum_memory_mb: float | None | Unset
        if isinstance(self.maximum_memory_mb, Unset):
            maximum_memory_mb = UNSET
        else:
            maximum_memory_mb = self.maximum_memory_mb

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "discriminator": discriminator,
            }
        )
        if maximum_memory_mb is not UNSET:
            field_dict["maximumMemoryMB"] = maximum_memory_mb

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        discriminator = cast(Literal["MaximumRamHardwareConstraint"], d.pop("discriminator"))
        if discriminator != "MaximumRamHardwareConstraint":
            raise ValueError(f"discriminator must match const 'MaximumRamHardwareConstraint', got '{discriminator}'")

        def _parse_maximum_memory_mb(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        maximum_memory_mb = _parse_maximum_memory_mb(d.pop("maximumMemoryMB", UNSET))

        maximum_ram_hardware_constraint = cls(
            discriminator=discriminator,
            maximum_memory_mb=maximum_memory_mb,
        )

        maximum_ram_hardware_constraint.additional_properties = d
        return maximum_ram_hardware_constraint

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
