from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SecretsAccessRights")


@_attrs_define
class SecretsAccessRights:
    """Secrets-manager entries that the running instances may read."""

    by_secret: list[SecretAccessRightBySecret] | None | Unset = UNSET
    """ Secrets granted by exact key. """
    by_prefix: list[SecretAccessRightByPrefix] | None | Unset = UNSET
    """ Secrets granted by key prefix. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "by_secret": "bySecret",
        "by_prefix": "byPrefix",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"SecretsAccessRights({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        by_secret: list[dict[str, Any]] | None | Unset
        if isinstance(self.by_secret, Unset):
            by_secret = UNSET
        elif isinstance(self.by_secret, list):
            by_secret = []
            for by_secret_type_0_item_data in self.by_secret:
                by_secret_type_0_item = by_secret_type_0_item_data.to_dict()
                by_secret.append(by_secret_type_0_item)

        else:
            by_secret = self.by_secret

        by_prefix: list[dict[str, Any]] | None | Unset
        if isinstance(self.by_prefix, Unset):
            by_prefix = UNSET
        elif isinstance(self.by_prefix, list):
            by_prefix = []
            for by_prefix_type_0_item_data in self.by_prefix:
                by_prefix_type_0_item = by_prefix_type_0_item_data.to_dict()
                by_prefix.append(by_prefix_type_0_item)

        else:
            by_prefix = self.by_prefix

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if by_secret is not UNSET:
            field_dict["bySecret"] = by_secret
        if by_prefix is not UNSET:
            field_dict["byPrefix"] = by_prefix

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_by_secret(data: object) -> list[SecretAccessRightBySecret] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                by_secret_type_0 = []
                _by_secret_type_0 = data
                for by_secret_type_0_item_data in _by_secret_type_0:
                    by_secret_type_0_item = SecretAccessRightBySecret.from_dict(by_secret_type_0_item_data)

                    by_secret_type_0.append(by_secret_type_0_item)

                return by_secret_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SecretAccessRightBySecret] | None | Unset, data)

        by_secret = _parse_by_secret(d.pop("bySecret", UNSET))

        def _parse_by_prefix(data: object) -> list[SecretAccessRightByPrefix] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                by_prefix_type_0 = []
                _by_prefix_type_0 = data
                for by_prefix_type_0_item_data in _by_prefix_type_0:
                    by_prefix_type_0_item = SecretAccessRightByPrefix.from_dict(by_prefix_type_0_item_data)

                    by_prefix_type_0.append(by_prefix_type_0_item)

                return by_prefix_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SecretAccessRightByPrefix] | None | Unset, data)

        by_prefix = _parse_by_prefix(d.pop("byPrefix", UNSET))

        secrets_access_rights = cls(
            by_secret=by_secret,
            by_prefix=by_prefix,
        )

        secrets_access_rights.additional_properties = d
        return secrets_access_rights

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


from ..models.secret_access_right_by_prefix import SecretAccessRightByPrefix  # noqa: E402
from ..models.secret_access_right_by_secret import SecretAccessRightBySecret  # noqa: E402
