from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MaximumRamCoreRatioHardwareConstraint")


@_attrs_define
class MaximumRamCoreRatioHardwareConstraint:
    """Instances need at most this much memory per core. Variant of `HardwareConstraint`."""

    discriminator: Literal["MaximumRamCoreRatioHardwareConstraint"] = "MaximumRamCoreRatioHardwareConstraint"
    """ Variant tag. """
    maximum_memory_gb_core_ratio: float | None | Unset = UNSET
    """ Maximum memory per core, in GB. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "discriminator": "discriminator",
        "maximum_memory_gb_core_ratio": "maximumMemoryGBCoreRatio",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"MaximumRamCoreRatioHardwareConstraint({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        discriminator = self.discriminator

        maximum_memory_gb_core_ratio: float | None | Unset
        if isinstance(self.maximum_memory_gb_core_ratio, Unset):
            maximum_memory_gb_core_ratio = UNSET
        else:
            maximum_memory_gb_core_ratio = self.maximum_memory_gb_core_ratio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "discriminator": discriminator,
            }
        )
        if maximum_memory_gb_core_ratio is not UNSET:
            field_dict["maximumMemoryGBCoreRatio"] = maximum_memory_gb_core_ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        discriminator = cast(Literal["MaximumRamCoreRatioHardwareConstraint"], d.pop("discriminator"))
        if discriminator != "MaximumRamCoreRatioHardwareConstraint":
            raise ValueError(
                f"discriminator must match const 'MaximumRamCoreRatioHardwareConstraint', got '{discriminator}'"
            )

        def _parse_maximum_memory_gb_core_ratio(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        maximum_memory_gb_core_ratio = _parse_maximum_memory_gb_core_ratio(d.pop("maximumMemoryGBCoreRatio", UNSET))

        maximum_ram_core_ratio_hardware_constraint = cls(
            discriminator=discriminator,
            maximum_memory_gb_core_ratio=maximum_memory_gb_core_ratio,
        )

        maximum_ram_core_ratio_hardware_constraint.additional_properties = d
        return maximum_ram_core_ratio_hardware_constraint

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
