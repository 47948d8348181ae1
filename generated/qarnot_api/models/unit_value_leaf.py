from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.unit_value_operator import UnitValueOperator, check_unit_value_operator
from ..types import UNSET

T = TypeVar("T", bound="UnitValueLeaf")


@_attrs_define
class UnitValueLeaf:
    """A filter comparing one field with one value. Variant of `Filter`."""

    field: str
    """ PascalCase property path (`State`, `Tags`, `CreationDate`, `ElasticProperty.MinTotalSlots`, ...). """
    operator: UnitValueOperator
    """ Comparison of a single-value filter leaf. """
    value: Any
    """ Value compared with (string, number, boolean or null; date-times as ISO 8601 strings). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "field": "field",
        "operator": "operator",
        "value": "value",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"UnitValueLeaf({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        operator: str = self.operator

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "operator": operator,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        operator = check_unit_value_operator(d.pop("operator"))

        value = d.pop("value")

        unit_value_leaf = cls(
            field=field,
            operator=operator,
            value=value,
        )

        unit_value_leaf.additional_properties = d
        return unit_value_leaf

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
