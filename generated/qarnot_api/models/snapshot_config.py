from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SnapshotConfig")


@_attrs_define
class SnapshotConfig:
    """Filters and destination of a snapshot."""

    whitelist: None | str | Unset = UNSET
    """ Regular expression of the files included. """
    blacklist: None | str | Unset = UNSET
    """ Regular expression of the files excluded. """
    bucket: None | str | Unset = UNSET
    """ Bucket receiving the snapshot. """
    bucket_prefix: None | str | Unset = UNSET
    """ Key prefix of the snapshot files. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "whitelist": "whitelist",
        "blacklist": "blacklist",
        "bucket": "bucket",
        "bucket_prefix": "bucketPrefix",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"SnapshotConfig({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        whitelist: None | str | Unset
        if isinstance(self.whitelist, Unset):
            whitelist = UNSET
        else:
            whitelist = self.whitelist

        blacklist: None | str | Unset
        if isinstance(self.blacklist, Unset):
            blacklist = UNSET
        else:
            blacklist = self.blacklist

        bucket: None | str | Unset
        if isinstance(self.bucket, Unset):
            bucket = UNSET
        else:
            bucket = self.bucket

        bucket_prefix: None | str | Unset
        if isinstance(self.bucket_prefix, Unset):
            bucket_prefix = UNSET
        else:
            bucket_prefix = self.bucket_prefix

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if whitelist is not UNSET:
            field_dict["whitelist"] = whitelist
        if blacklist is not UNSET:
            field_dict["blacklist"] = blacklist
        if bucket is not UNSET:
            field_dict["bucket"] = bucket
        if bucket_prefix is not UNSET:
            field_dict["bucketPrefix"] = bucket_prefix

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_whitelist(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        whitelist = _parse_whitelist(d.pop("whitelist", UNSET))

        def _parse_blacklist(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        blacklist = _parse_blacklist(d.pop("blacklist", UNSET))

        def _parse_bucket(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bucket = _parse_bucket(d.pop("bucket", UNSET))

        def _parse_bucket_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bucket_prefix = _parse_bucket_prefix(d.pop("bucketPrefix", UNSET))

        snapshot_config = cls(
            whitelist=whitelist,
            blacklist=blacklist,
            bucket=bucket,
            bucket_prefix=bucket_prefix,
        )

        snapshot_config.additional_properties = d
        return snapshot_config

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
