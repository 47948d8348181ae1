from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MinimumRamHardwareConstraint")


@_attrs_define
class MinimumRamHardwareConstraint:
    """Instances need at least this much memory. Variant of `HardwareConstraint`."""

    discriminator: Literal["MinimumRamHardwareConstraint"] = "MinimumRamHardwareConstraint"
    """ Variant tag. """
    minimum_memory_mb: float | None | Unset = UNSET
    """ Minimum memory in MB (real responses send floats such as `32000.0`). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "discriminator": "discriminator",
        "minimum_memory_mb": "minimumMemoryMB",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"MinimumRamHardwareConstraint({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        discriminator = self.discriminator

        minimum_memory_mb: float | None | Unset
        if isinstance(self.minimum_memory_mb, Unset):
            minimum_memory_mb = UNSET
        else:
            minimum_memory_mb = self.minimum_memory_mb

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "discriminator": discriminator,
            }
        )
        if minimum_memory_mb is not UNSET:
            field_dict["minimumMemoryMB"] = minimum_memory_mb

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        discriminator = cast(Literal["MinimumRamHardwareConstraint"], d.pop("discriminator"))
        if discriminator != "MinimumRamHardwareConstraint":
            raise ValueError(f"discriminator must match const 'MinimumRamHardwareConstraint', got '{discriminator}'")

        def _parse_minimum_memory_mb(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        minimum_memory_mb = _parse_minimum_memory_mb(d.pop("minimumMemoryMB", UNSET))

        minimum_ram_hardware_constraint = cls(
            discriminator=discriminator,
            minimum_memory_mb=minimum_memory_mb,
        )

        minimum_ram_hardware_constraint.additional_properties = d
        return minimum_ram_hardware_constraint

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
