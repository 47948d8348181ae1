from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MinimumRamCoreRatioHardwareConstraint")


@_attrs_define
class MinimumRamCoreRatioHardwareConstraint:
    """Instances need at least this much memory per core. Variant of `HardwareConstraint`."""

    discriminator: Literal["MinimumRamCoreRatioHardwareConstraint"] = "MinimumRamCoreRatioHardwareConstraint"
    """ Variant tag. """
    minimum_memory_gb_core_ratio: float | None | Unset = UNSET
    """ Minimum memory per core, in GB. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "discriminator": "discriminator",
        "minimum_memory_gb_core_ratio": "minimumMemoryGBCoreRatio",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"MinimumRamCoreRatioHardwareConstraint({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        discriminator = self.discriminator

        minimum_memory_gb_core_ratio: float | None | Unset
        if isinstance(self.minimum_memory_gb_core_ratio, Unset):
            minimum_memory_gb_core_ratio = UNSET
        else:
            minimum_memory_gb_core_ratio = self.minimum_memory_gb_core_ratio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "discriminator": discriminator,
            }
        )
        if minimum_memory_gb_core_ratio is not UNSET:
            field_dict["minimumMemoryGBCoreRatio"] = minimum_memory_gb_core_ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        discriminator = cast(Literal["MinimumRamCoreRatioHardwareConstraint"], d.pop("discriminator"))
        if discriminator != "MinimumRamCoreRatioHardwareConstraint":
            raise ValueError(
                f"discriminator must match const 'MinimumRamCoreRatioHardwareConstraint', got '{discriminator}'"
            )

        def _parse_minimum_memory_gb_core_ratio(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        minimum_memory_gb_core_ratio = _parse_minimum_memory_gb_core_ratio(d.pop("minimumMemoryGBCoreRatio", UNSET))

        minimum_ram_core_ratio_hardware_constraint = cls(
            discriminator=discriminator,
            minimum_memory_gb_core_ratio=minimum_memory_gb_core_ratio,
        )

        minimum_ram_core_ratio_hardware_constraint.additional_properties = d
        return minimum_ram_core_ratio_hardware_constraint

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
