from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Privileges")


@_attrs_define
class Privileges:
    """Privileges granted to the running instances."""

    export_api_and_storage_credentials_in_environment: bool | None | Unset = UNSET
    """ Whether the API token and storage credentials are exported in the instances' environment. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "export_api_and_storage_credentials_in_environment": "exportApiAndStorageCredentialsInEnvironment",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"Privileges({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        export_api_and_storage_credentials_in_environment: bool | None | Unset
        if isinstance(self.export_api_and_storage_credentials_in_environment, Unset):
            export_api_and_storage_credentials_in_environment = UNSET
        else:
            export_api_and_storage_credentials_in_environment = self.export_api_and_storage_credentials_in_environment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if export_api_and_storage_credentials_in_environment is not UNSET:
            field_dict["exportApiAndStorageCredentialsInEnvironment"] = (
                export_api_and_storage_credentials_in_environment
            )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_export_api_and_storage_credentials_in_environment(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        export_api_and_storage_credentials_in_environment = _parse_export_api_and_storage_credentials_in_environment(
            d.pop("exportApiAndStorageCredentialsInEnvironment", UNSET)
        )

        privileges = cls(
            export_api_and_storage_credentials_in_environment=export_api_and_storage_credentials_in_environment,
        )

        privileges.additional_properties = d
        return privileges

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
