from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VpnConnection")


@_attrs_define
class VpnConnection:
    """A VPN the instance is connected to."""

    vpn_name: None | str | Unset = UNSET
    """ Name of the VPN. """
    node_ip_address_cidr: None | str | Unset = UNSET
    """ Address of the node in the VPN. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "vpn_name": "vpnName",
        "node_ip_address_cidr": "nodeIPAddressCidr",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"VpnConnection({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        vpn_name: None | str | Unset
        if isinstance(self.vpn_name, Unset):
            vpn_name = UNSET
        else:
            vpn_name = self.vpn_name

        node_ip_address_cidr: None | str | Unset
        if isinstance(self.node_ip_address_cidr, Unset):
            node_ip_address_cidr = UNSET
        else:
            node_ip_address_cidr = self.node_ip_address_cidr

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if vpn_name is not UNSET:
            field_dict["vpnName"] = vpn_name
        if node_ip_address_cidr is not UNSET:
            field_dict["nodeIPAddressCidr"] = node_ip_address_cidr

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_vpn_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vpn_name = _parse_vpn_name(d.pop("vpnName", UNSET))

        def _parse_node_ip_address_cidr(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        node_ip_address_cidr = _parse_node_ip_address_cidr(d.pop("nodeIPAddressCidr", UNSET))

        vpn_connection = cls(
            vpn_name=vpn_name,
            node_ip_address_cidr=node_ip_address_cidr,
        )

        vpn_connection.additional_properties = d
        return vpn_connection

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
