from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DataDetailRequest")


@_attrs_define
class DataDetailRequest:
    """A search: which fields to return, which resources match, how many at most."""

    select: None | Select | Unset = UNSET
    """ Fields to return (all when absent). """
    filter_: MultipleValueLeaf | Node | None | UnitValueLeaf | Unset = UNSET
    """ Filter to apply (everything when absent). """
    maximum_results: int | None | Unset = UNSET
    """ Maximum number of results. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "select": "select",
        "filter_": "filter",
        "maximum_results": "maximumResults",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"DataDetailRequest({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        select: dict[str, Any] | None | Unset
        if isinstance(self.select, Unset):
            select = UNSET
        elif isinstance(self.select, Select):
            select = self.select.to_dict()
        else:
            select = self.select

        filter_: dict[str, Any] | None | Unset
        if isinstance(self.filter_, Unset):
            filter_ = UNSET
        elif isinstance(self.filter_, Node):
            filter_ = self.filter_.to_dict()
        elif isinstance(self.filter_, UnitValueLeaf):
            filter_ = self.filter_.to_dict()
        elif isinstance(self.filter_, MultipleValueLeaf):
            filter_ = self.filter_.to_dict()
        else:
            filter_ = self.filter_

        maximum_results: int | None | Unset
        if isinstance(self.maximum_results, Unset):
            maximum_results = UNSET
        else:
            maximum_results = self.maximum_results

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if select is not UNSET:
            field_dict["select"] = select
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if maximum_results is not UNSET:
            field_dict["maximumResults"] = maximum_results

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_select(data: object) -> None | Select | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                select_type_0 = Select.from_dict(data)

                return select_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Select | Unset, data)

        select = _parse_select(d.pop("select", UNSET))

        def _parse_filter_(data: object) -> MultipleValueLeaf | Node | None | UnitValueLeaf | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
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
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_filter_type_2 = MultipleValueLeaf.from_dict(data)

                return componentsschemas_filter_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MultipleValueLeaf | Node | None | UnitValueLeaf | Unset, data)

        filter_ = _parse_filter_(d.pop("filter", UNSET))

        def _parse_maximum_results(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        maximum_results = _parse_maximum_results(d.pop("maximumResults", UNSET))

        data_detail_request = cls(
            select=select,
            filter_=filter_,
            maximum_results=maximum_results,
        )

        data_detail_request.additional_properties = d
        return data_detail_request

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
from ..models.node import Node  # noqa: E402
from ..models.select import Select  # noqa: E402
from ..models.unit_value_leaf import UnitValueLeaf  # noqa: E402
