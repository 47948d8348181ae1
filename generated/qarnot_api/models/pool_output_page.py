from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PoolOutputPage")


@_attrs_define
class PoolOutputPage:
    """One page of `PoolOutput` items (token paging)."""

    data: list[PoolOutput]
    """ Items of this page. """
    count: int | None | Unset = UNSET
    """ Number of items in this page. """
    total: int | None | Unset = UNSET
    """ Number of items matching the request over all pages. """
    is_truncated: bool | None | Unset = UNSET
    """ Whether more pages follow. """
    next_token: None | str | Unset = UNSET
    """ Token to send as `token` to get the next page; null on the last page. """
    token: None | str | Unset = UNSET
    """ Token of this page (sent by some API versions; clients read `nextToken`). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "data": "data",
        "count": "count",
        "total": "total",
        "is_truncated": "isTruncated",
        "next_token": "nextToken",
        "token": "token",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"PoolOutputPage({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        count: int | None | Unset
        if isinstance(self.count, Unset):
            count = UNSET
        else:
            count = self.count

        total: int | None | Unset
        if isinstance(self.total, Unset):
            total = UNSET
        else:
            total = self.total

        is_truncated: bool | None | Unset
        if isinstance(self.is_truncated, Unset):
            is_truncated = UNSET
        else:
            is_truncated = self.is_truncated

        next_token: None | str | Unset
        if isinstance(self.next_token, Unset):
            next_token = UNSET
        else:
            next_token = self.next_token

        token: None | str | Unset
        if isinstance(self.token, Unset):
            token = UNSET
        else:
            token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if count is not UNSET:
            field_dict["count"] = count
        if total is not UNSET:
            field_dict["total"] = total
        if is_truncated is not UNSET:
            field_dict["isTruncated"] = is_truncated
        if next_token is not UNSET:
            field_dict["nextToken"] = next_token
        if token is not UNSET:
            field_dict["token"] = token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = PoolOutput.from_dict(data_item_data)

            data.append(data_item)

        def _parse_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        count = _parse_count(d.pop("count", UNSET))

        def _parse_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total = _parse_total(d.pop("total", UNSET))

        def _parse_is_truncated(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_truncated = _parse_is_truncated(d.pop("isTruncated", UNSET))

        def _parse_next_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_token = _parse_next_token(d.pop("nextToken", UNSET))

        def _parse_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        token = _parse_token(d.pop("token", UNSET))

        pool_output_page = cls(
            data=data,
            count=count,
            total=total,
            is_truncated=is_truncated,
            next_token=next_token,
            token=token,
        )

        pool_output_page.additional_properties = d
        return pool_output_page

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


from ..models.pool_output import PoolOutput  # noqa: E402
