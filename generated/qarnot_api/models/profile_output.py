from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProfileOutput")


@_attrs_define
class ProfileOutput:
    """Details of a profile."""

    name: str
    """ Name of the profile. """
    constants: list[ProfileConstant] | None | Unset = UNSET
    """ Constants the profile understands. """
    licenses: list[ProfileLicense] | None | Unset = UNSET
    """ Licenses attached to the profile. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "name": "name",
        "constants": "constants",
        "licenses": "licenses",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"ProfileOutput({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        constants: list[dict[str, Any]] | None | Unset
        if isinstance(self.constants, Unset):
            constants = UNSET
        elif isinstance(self.constants, list):
            constants = []
            for constants_type_0_item_data in self.constants:
                constants_type_0_item = constants_type_0_item_data.to_dict()
                constants.append(constants_type_0_item)

        else:
            constants = self.constants

        licenses: list[dict[str, Any]] | None | Unset
        if isinstance(self.licenses, Unset):
            licenses = UNSET
        elif isinstance(self.licenses, list):
            licenses = []
            for licenses_type_0_item_data in self.licenses:
                licenses_type_0_item = licenses_type_0_item_data.to_dict()
                licenses.append(licenses_type_0_item)

        else:
            licenses = self.licenses

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if constants is not UNSET:
            field_dict["constants"] = constants
        if licenses is not UNSET:
            field_dict["licenses"] = licenses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_constants(data: object) -> list[ProfileConstant] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                constants_type_0 = []
                _constants_type_0 = data
                for constants_type_0_item_data in _constants_type_0:
                    constants_type_0_item = ProfileConstant.from_dict(constants_type_0_item_data)

                    constants_type_0.append(constants_type_0_item)

                return constants_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ProfileConstant] | None | Unset, data)

        constants = _parse_constants(d.pop("constants", UNSET))

        def _parse_licenses(data: object) -> list[ProfileLicense] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                licenses_type_0 = []
                _licenses_type_0 = data
                for licenses_type_0_item_data in _licenses_type_0:
                    licenses_type_0_item = ProfileLicense.from_dict(licenses_type_0_item_data)

                    licenses_type_0.append(licenses_type_0_item)

                return licenses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ProfileLicense] | None | Unset, data)

        licenses = _parse_licenses(d.pop("licenses", UNSET))

        profile_output = cls(
            name=name,
            constants=constants,
            licenses=licenses,
        )

        profile_output.additional_properties = d
        return profile_output

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


from ..models.profile_constant import ProfileConstant  # noqa: E402
from ..models.profile_license import ProfileLicense  # noqa: E402
