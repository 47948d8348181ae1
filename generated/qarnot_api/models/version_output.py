from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VersionOutput")


@_attrs_define
class VersionOutput:
    """A version of the API and its planned end of life."""

    version: str
    """ Version name, e.g. `v1`. """
    end_of_life: datetime.date | None | Unset = UNSET
    """ Planned end of life; null when none is planned. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "version": "version",
        "end_of_life": "endOfLife",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"VersionOutput({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        end_of_life: None | str | Unset
        if isinstance(self.end_of_life, Unset):
            end_of_life = UNSET
        elif isinstance(self.end_of_life, datetime.date):
            end_of_life = self.end_of_life.isoformat()
        else:
            end_of_life = self.end_of_life

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
            }
        )
        if end_of_life is not UNSET:
            field_dict["endOfLife"] = end_of_life

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        def _parse_end_of_life(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_of_life_type_0 = datetime.date.fromisoformat(data)

                return end_of_life_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_of_life = _parse_end_of_life(d.pop("endOfLife", UNSET))

        version_output = cls(
            version=version,
            end_of_life=end_of_life,
        )

        version_output.additional_properties = d
        return version_output

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
