from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_type import OrderType, check_order_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="PageDetailRequest")


@_attrs_define
class PageDetailRequest:
    """A request for one page of a listing."""

    token: None | str | Unset = UNSET
    """ `nextToken` of the previous page; absent for the first page. """
    filter_: MultipleValueLeaf | Node | None | UnitValueLeaf | Unset = UNSET
    """ Filter to apply (everything when absent). """
    maximum_results: int | None | Unset = UNSET
    """ Maximum number of items in the page. """
    order_by: None | str | Unset = UNSET
    """ Property to sort on: `creationDate`, `name` or `state`, plus `executionTime` for tasks and pools. """
    order_type: None | OrderType | Unset = UNSET
    """ Sort direction. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "token": "token",
        "filter_": "filter",
        "maximum_results": "maximumResults",
        "order_by": "orderBy",
        "order_type": "orderType",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"PageDetailRequest({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        token: None | str | Unset
        if isinstance(self.token, Unset):
            token = UNSET
        else:
            token = self.token

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

        order_by: None | str | Unset
        if isinstance(self.order_by, Unset):
            order_by = UNSET
        else:
            order_by = self.order_by

        order_type: None | str | Unset
        if isinstance(self.order_type, Unset):
            order_type = UNSET
        elif isinstance(self.order_type, str):
            order_type = self.order_type
        else:
            order_type = self.order_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if token is not UNSET:
            field_dict["token"] = token
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if maximum_results is not UNSET:
            field_dict["maximumResults"] = maximum_results
        if order_by is not UNSET:
            field_dict["orderBy"] = order_by
        if order_type is not UNSET:
            field_dict["orderType"] = order_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        token = _parse_token(d.pop("token", UNSET))

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

        def _parse_order_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_by = _parse_order_by(d.pop("orderBy", UNSET))

        def _parse_order_type(data: object) -> None | OrderType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_type_type_0 = check_order_type(data)

                return order_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderType | Unset, data)

        order_type = _parse_order_type(d.pop("orderType", UNSET))

        page_detail_request = cls(
            token=token,
            filter_=filter_,
            maximum_results=maximum_results,
            order_by=order_by,
            order_type=order_type,
        )

        page_detail_request.additional_properties = d
        return page_detail_request

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
from ..models.unit_value_leaf import UnitValueLeaf  # noqa: E402
