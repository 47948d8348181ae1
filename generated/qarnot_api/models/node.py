from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.node_operator import NodeOperator, check_node_operator
from ..types import UNSET

T = TypeVar("T", bound="Node")


@_attrs_define
class Node:
    """A filter node combining child filters. Variant of `Filter`."""

    operator: NodeOperator
    """ How a filter node combines its children. """
    filters: list[MultipleValueLeaf | Node | UnitValueLeaf]
    """ Child filters. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "operator": "operator",
        "filters": "filters",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"Node({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        operator: str = self.operator

        filters = []
        for filters_item_data in self.filters:
            filters_item: dict[str, Any]
            if isinstance(filters_item_data, Node):
                filters_item = filters_item_data.to_dict()
            elif isinstance(filters_item_data, UnitValueLeaf):
                filters_item = filters_item_data.to_dict()
            else:
                filters_item = filters_item_data.to_dict()

            filters.append(filters_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "operator": operator,
                "filters": filters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        operator = check_node_operator(d.pop("operator"))

        filters = []
        _filters = d.pop("filters")
        for filters_item_data in _filters:

            def _parse_filters_item(data: object) -> MultipleValueLeaf | Node | UnitValueLeaf:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_filter_type_0 = Node.from_dict(data)

                    return componentsschemas_filter_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_filter_type_1 = UnitValueLeaf.from_dict(data)

                    return componentsschemas_filter_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_filter_type_2 = MultipleValueLeaf.from_dict(data)

                return componentsschemas_filter_type_2

            filters_item = _parse_filters_item(filters_item_data)

            filters.append(filters_item)

        node = cls(
            operator=operator,
            filters=filters,
        )

        node.additional_properties = d
        return node

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


from ..models.multiple_value_leaf import MultipleValueLeaf  # noqa: E402
from ..models.unit_value_leaf import UnitValueLeaf  # noqa: E402
