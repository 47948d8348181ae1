from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CpuModelHardwareConstraint")


@_attrs_define
class CpuModelHardwareConstraint:
    """Instances run on one CPU model. Variant of `HardwareConstraint`."""

    discriminator: Literal["CpuModelHardwareConstraint"] = "CpuModelHardwareConstraint"
    """ Variant tag. """
    cpu_model: None | str | Unset = UNSET
    """ CPU model name, e.g. `Ryzen 1700X`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "discriminator": "discriminator",
        "cpu_model": "cpuModel",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"CpuModelHardwareConstraint({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        discriminator = self.discriminator

        cpu_model: None | str | Unset
        if isinstance(self.cpu_model, Unset):
            cpu_model = UNSET
        else:
            cpu_model = self.cpu_model

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "discriminator": discriminator,
            }
        )
        if cpu_model is not UNSET:
            field_dict["cpuModel"] = cpu_model

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        discriminator = cast(Literal["CpuModelHardwareConstraint"], d.pop("discriminator"))
        if discriminator != "CpuModelHardwareConstraint":
            raise ValueError(f"discriminator must match const 'CpuModelHardwareConstraint', got '{discriminator}'")

        def _parse_cpu_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cpu_model = _parse_cpu_model(d.pop("cpuModel", UNSET))

        cpu_model_hardware_constraint = cls(
            discriminator=discriminator,
            cpu_model=cpu_model,
        )

        cpu_model_hardware_constraint.additional_properties = d
        return cpu_model_hardware_constraint

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
