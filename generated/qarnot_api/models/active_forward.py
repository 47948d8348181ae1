from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActiveForward")


@_attrs_define
class ActiveForward:
    """A port of an instance forwarded to the internet."""

    application_port: int | None | Unset = UNSET
    """ Port inside the instance. """
    forwarder_port: int | None | Unset = UNSET
    """ Public port on the forwarder host. """
    forwarder_host: None | str | Unset = UNSET
    """ Public forwarder host name (may carry surrounding whitespace). """
    bind_address: None | str | Unset = UNSET
    """ Address the forward is bound to. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "application_port": "applicationPort",
        "forwarder_port": "forwarderPort",
        "forwarder_host": "forwarderHost",
        "bind_address": "bindAddress",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"ActiveForward({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        application_port: int | None | Unset
        if isinstance(self.application_port, Unset):
            application_port = UNSET
        else:
            application_port = self.application_port

        forwarder_port: int | None | Unset
        if isinstance(self.forwarder_port, Unset):
            forwarder_port = UNSET
        else:
            forwarder_port = self.forwarder_port

        forwarder_host: None | str | Unset
        if isinstance(self.forwarder_host, Unset):
            forwarder_host = UNSET
        else:
            forwarder_host = self.forwarder_host

        bind_address: None | str | Unset
        if isinstance(self.bind_address, Unset):
            bind_address = UNSET
        else:
            bind_address = self.bind_address

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if application_port is not UNSET:
            field_dict["applicationPort"] = application_port
        if forwarder_port is not UNSET:
            field_dict["forwarderPort"] = forwarder_port
        if forwarder_host is not UNSET:
            field_dict["forwarderHost"] = forwarder_host
        if bind_address is not UNSET:
            field_dict["bindAddress"] = bind_address

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_application_port(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        application_port = _parse_application_port(d.pop("applicationPort", UNSET))

        def _parse_forwarder_port(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        forwarder_port = _parse_forwarder_port(d.pop("forwarderPort", UNSET))

        def _parse_forwarder_host(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        forwarder_host = _parse_forwarder_host(d.pop("forwarderHost", UNSET))

        def _parse_bind_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bind_address = _parse_bind_address(d.pop("bindAddress", UNSET))

        active_forward = cls(
            application_port=application_port,
            forwarder_port=forwarder_port,
            forwarder_host=forwarder_host,
            bind_address=bind_address,
        )

        active_forward.additional_properties = d
        return active_forward

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
