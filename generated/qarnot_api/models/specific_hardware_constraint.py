from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SpecificHardwareConstraint")


@_attrs_define
class SpecificHardwareConstraint:
    """Instances run on one machine specification. Variant of `HardwareConstraint`."""

    discriminator: Literal["SpecificHardwareConstraint"] = "SpecificHardwareConstraint"
    """ Variant tag. """
    specification_key: None | str | Unset = UNSET
    """ Machine specification key, e.g. `8c-32g-amd-rz3700x`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "discriminator": "discriminator",
        "specification_key": "specificationKey",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"SpecificHardwareConstraint({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        discriminator = self.discriminator

        specification_key: None | str | Unset
        if isinstance(self.specification_key, Unset):
            specification_key = UNSET
        else:
            specification_key = self.specification_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "discriminator": discriminator,
            }
        )
        if specification_key is not UNSET:
            field_dict["specificationKey"] = specification_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        discriminator = cast(Literal["SpecificHardwareConstraint"], d.pop("discriminator"))
        if discriminator != "SpecificHardwareConstraint":
            raise ValueError(f"discriminator must match const 'SpecificHardwareConstraint', got '{discriminator}'")

        def _parse_specification_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        specification_key = _parse_specification_key(d.pop("specificationKey", UNSET))

        specific_hardware_constraint = cls(
            discriminator=discriminator,
            specification_key=specification_key,
        )

        specific_hardware_constraint.additional_properties = d
        return specific_hardware_constraint

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
