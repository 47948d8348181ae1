from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResourcesBucketFiltering")


@_attrs_define
class ResourcesBucketFiltering:
    """Selects which objects of a bucket are used."""

    prefix_filtering: None | PrefixFiltering | Unset = UNSET
    """ Keep only the objects under this prefix. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "prefix_filtering": "prefixFiltering",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"ResourcesBucketFiltering({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        prefix_filtering: dict[str, Any] | None | Unset
        if isinstance(self.prefix_filtering, Unset):
            prefix_filtering = UNSET
        elif isinstance(self.prefix_filtering, PrefixFiltering):
            prefix_filtering = self.prefix_filtering.to_dict()
        else:
            prefix_filtering = self.prefix_filtering

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if prefix_filtering is not UNSET:
            field_dict["prefixFiltering"] = prefix_filtering

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_prefix_filtering(data: object) -> None | PrefixFiltering | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prefix_filtering_type_0 = PrefixFiltering.from_dict(data)

                return prefix_filtering_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PrefixFiltering | Unset, data)

        prefix_filtering = _parse_prefix_filtering(d.pop("prefixFiltering", UNSET))

        resources_bucket_filtering = cls(
            prefix_filtering=prefix_filtering,
        )

        resources_bucket_filtering.additional_properties = d
        return resources_bucket_filtering

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


from ..models.prefix_filtering import PrefixFiltering  # noqa: E402
