from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.forced_constant_access import ForcedConstantAccess, check_forced_constant_access
from ..types import UNSET, Unset

T = TypeVar("T", bound="ForcedConstant")


@_attrs_define
class ForcedConstant:
    """A constant whose value and visibility are forced for the instances."""

    constant_name: str
    """ Name of the constant to force. """
    forced_value: None | str | Unset = UNSET
    """ Value it takes. """
    force_export_in_environment: bool | None | Unset = UNSET
    """ Whether it is exported as an environment variable even if the profile does not export it. """
    access: ForcedConstantAccess | None | Unset = UNSET
    """ Whether the instances may change it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "constant_name": "constantName",
        "forced_value": "forcedValue",
        "force_export_in_environment": "forceExportInEnvironment",
        "access": "access",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"ForcedConstant({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        constant_name = self.constant_name

        forced_value: None | str | Unset
        if isinstance(self.forced_value, Unset):
            forced_value = UNSET
        else:
            forced_value = self.forced_value

        force_export_in_environment: bool | None | Unset
        if isinstance(self.force_export_in_environment, Unset):
            force_export_in_environment = UNSET
        else:
            force_export_in_environment = self.force_export_in_environment

        access: None | str | Unset
        if isinstance(self.access, Unset):
            access = UNSET
        elif isinstance(self.access, str):
            access = self.access
        else:
            access = self.access

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "constantName": constant_name,
            }
        )
        if forced_value is not UNSET:
            field_dict["forcedValue"] = forced_value
        if force_export_in_environment is not UNSET:
            field_dict["forceExportInEnvironment"] = force_export_in_environment
        if access is not UNSET:
            field_dict["access"] = access

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        constant_name = d.pop("constantName")

        def _parse_forced_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        forced_value = _parse_forced_value(d.pop("forcedValue", UNSET))

        def _parse_force_export_in_environment(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        force_export_in_environment = _parse_force_export_in_environment(d.pop("forceExportInEnvironment", UNSET))

        def _parse_access(data: object) -> ForcedConstantAccess | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                access_type_0 = check_forced_constant_access(data)

                return access_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ForcedConstantAccess | None | Unset, data)

        access = _parse_access(d.pop("access", UNSET))

        forced_constant = cls(
            constant_name=constant_name,
            forced_value=forced_value,
            force_export_in_environment=force_export_in_environment,
            access=access,
        )

        forced_constant.additional_properties = d
        return forced_constant

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
