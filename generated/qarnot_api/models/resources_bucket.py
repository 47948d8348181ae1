from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResourcesBucket")


@_attrs_define
class ResourcesBucket:
    """A resource bucket with filtering, key transformation and cache settings."""

    bucket_name: str
    """ Name of the bucket. """
    filtering: None | ResourcesBucketFiltering | Unset = UNSET
    """ Which objects to use. """
    resources_transformation: None | ResourcesTransformation | Unset = UNSET
    """ How keys map to file paths. """
    cache_ttl_sec: int | None | Unset = UNSET
    """ Time-to-live of the cached objects, in seconds. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "bucket_name": "bucketName",
        "filtering": "filtering",
        "resources_transformation": "resourcesTransformation",
        "cache_ttl_sec": "cacheTTLSec",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"ResourcesBucket({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        bucket_name = self.bucket_name

        filtering: dict[str, Any] | None | Unset
        if isinstance(self.filtering, Unset):
            filtering = UNSET
        elif isinstance(self.filtering, ResourcesBucketFiltering):
            filtering = self.filtering.to_dict()
        else:
            filtering = self.filtering

        resources_transformation: dict[str, Any] | None | Unset
        if isinstance(self.resources_transformation, Unset):
            resources_transformation = UNSET
        elif isinstance(self.resources_transformation, ResourcesTransformation):
            resources_transformation = self.resources_transformation.to_dict()
        else:
            resources_transformation = self.resources_transformation

        cache_ttl_sec: int | None | Unset
        if isinstance(self.cache_ttl_sec, Unset):
            cache_ttl_sec = UNSET
        else:
            cache_ttl_sec = self.cache_ttl_sec

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bucketName": bucket_name,
            }
        )
        if filtering is not UNSET:
            field_dict["filtering"] = filtering
        if resources_transformation is not UNSET:
            field_dict["resourcesTransformation"] = resources_transformation
        if cache_ttl_sec is not UNSET:
            field_dict["cacheTTLSec"] = cache_ttl_sec

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bucket_name = d.pop("bucketName")

        def _parse_filtering(data: object) -> None | ResourcesBucketFiltering | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                filtering_type_0 = ResourcesBucketFiltering.from_dict(data)

                return filtering_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResourcesBucketFiltering | Unset, data)

        filtering = _parse_filtering(d.pop("filtering", UNSET))

        def _parse_resources_transformation(data: object) -> None | ResourcesTransformation | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                resources_transformation_type_0 = ResourcesTransformation.from_dict(data)

                return resources_transformation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResourcesTransformation | Unset, data)

        resources_transformation = _parse_resources_transformation(d.pop("resourcesTransformation", UNSET))

        def _parse_cache_ttl_sec(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cache_ttl_sec = _parse_cache_ttl_sec(d.pop("cacheTTLSec", UNSET))

        resources_bucket = cls(
            bucket_name=bucket_name,
            filtering=filtering,
            resources_transformation=resources_transformation,
            cache_ttl_sec=cache_ttl_sec,
        )

        resources_bucket.additional_properties = d
        return resources_bucket

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


from ..models.resources_bucket_filtering import ResourcesBucketFiltering  # noqa: E402
from ..models.resources_transformation import ResourcesTransformation  # noqa: E402
