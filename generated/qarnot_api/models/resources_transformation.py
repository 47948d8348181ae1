from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResourcesTransformation")


@_attrs_define
class ResourcesTransformation:
    """How object keys become file paths on the nodes."""

    strip_prefix: None | StripPrefix | Unset = UNSET
    """ Strip this prefix from every key. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "strip_prefix": "stripPrefix",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"ResourcesTransformation({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        strip_prefix: dict[str, Any] | None | Unset
        if isinstance(self.strip_prefix, Unset):
            strip_prefix = UNSET
        elif isinstance(self.strip_prefix, StripPrefix):
            strip_prefix = self.strip_prefix.to_dict()
        else:
            strip_prefix = self.strip_prefix

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if strip_prefix is not UNSET:
            field_dict["stripPrefix"] = strip_prefix

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_strip_prefix(data: object) -> None | StripPrefix | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                strip_prefix_type_0 = StripPrefix.from_dict(data)

                return strip_prefix_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StripPrefix | Unset, data)

        strip_prefix = _parse_strip_prefix(d.pop("stripPrefix", UNSET))

        resources_transformation = cls(
            strip_prefix=strip_prefix,
        )

        resources_transformation.additional_properties = d
        return resources_transformation

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


from ..models.strip_prefix import StripPrefix  # noqa: E402
