from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JobCreationInput")


@_attrs_define
class JobCreationInput:
    """Definition of a new job."""

    name: str
    """ Name of the job (non-empty). """
    shortname: None | str | Unset = UNSET
    """ Unique, URL-friendly name (characters `[a-zA-Z0-9-]`, not ending with `-`); defaults to the uuid. Path
    parameters accept it in place of the uuid. """
    pool_uuid: None | Unset | UUID = UNSET
    """ Uuid of the pool the job's tasks run in. """
    use_dependencies: bool | None | Unset = UNSET
    """ Whether the tasks of the job may depend on each other (run in a given order). """
    tags: list[str] | None | Unset = UNSET
    """ Free-form tags used to filter listings (up to 10, each shorter than 512 characters; a comma is a legal
    character). """
    max_wall_time: None | str | Unset = UNSET
    """ Maximum lifetime of the job, after which it is terminated (a date-span). """
    auto_delete_on_completion: bool | None | Unset = UNSET
    """ Whether the resource is deleted automatically once completed, when the account's quota for it is reached.
    """
    completion_time_to_live: None | str | Unset = UNSET
    """ How long the completed resource is kept before automatic deletion (a date-span). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "name": "name",
        "shortname": "shortname",
        "pool_uuid": "poolUuid",
        "use_dependencies": "useDependencies",
        "tags": "tags",
        "max_wall_time": "maxWallTime",
        "auto_delete_on_completion": "autoDeleteOnCompletion",
        "completion_time_to_live": "completionTimeToLive",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"JobCreationInput({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        shortname: None | str | Unset
        if isinstance(self.shortname, Unset):
            shortname = UNSET
        else:
            shortname = self.shortname

        pool_uuid: None | str | Unset
        if isinstance(self.pool_uuid, Unset):
            pool_uuid = UNSET
        elif isinstance(self.pool_uuid, UUID):
            pool_uuid = str(self.pool_uuid)
        else:
            pool_uuid = self.pool_uuid

        use_dependencies: bool | None | Unset
        if isinstance(self.use_dependencies, Unset):
            use_dependencies = UNSET
        else:
            use_dependencies = self.use_dependencies

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        max_wall_time: None | str | Unset
        if isinstance(self.max_wall_time, Unset):
            max_wall_time = UNSET
        else:
            max_wall_time = self.max_wall_time

        auto_delete_on_completion: bool | None | Unset
        if isinstance(self.auto_delete_on_completion, Unset):
            auto_delete_on_completion = UNSET
        else:
            auto_delete_on_completion = self.auto_delete_on_completion

        completion_time_to_live: None | str | Unset
        if isinstance(self.completion_time_to_live, Unset):
            completion_time_to_live = UNSET
        else:
            completion_time_to_live = self.completion_time_to_live

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if shortname is not UNSET:
            field_dict["shortname"] = shortname
        if pool_uuid is not UNSET:
            field_dict["poolUuid"] = pool_uuid
        if use_dependencies is not UNSET:
            field_dict["useDependencies"] = use_dependencies
        if tags is not UNSET:
            field_dict["tags"] = tags
        if max_wall_time is not UNSET:
            field_dict["maxWallTime"] = max_wall_time
        if auto_delete_on_completion is not UNSET:
            field_dict["autoDeleteOnCompletion"] = auto_delete_on_completion
        if completion_time_to_live is not UNSET:
            field_dict["completionTimeToLive"] = completion_time_to_live

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_shortname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        shortname = _parse_shortname(d.pop("shortname", UNSET))

        def _parse_pool_uuid(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pool_uuid_type_0 = UUID(data)

                return pool_uuid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        pool_uuid = _parse_pool_uuid(d.pop("poolUuid", UNSET))

        def _parse_use_dependencies(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        use_dependencies = _parse_use_dependencies(d.pop("useDependencies", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_max_wall_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        max_wall_time = _parse_max_wall_time(d.pop("maxWallTime", UNSET))

        def _parse_auto_delete_on_completion(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        auto_delete_on_completion = _parse_auto_delete_on_completion(d.pop("autoDeleteOnCompletion", UNSET))

        def _parse_completion_time_to_live(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completion_time_to_live = _parse_completion_time_to_live(d.pop("completionTimeToLive", UNSET))

        job_creation_input = cls(
            name=name,
            shortname=shortname,
            pool_uuid=pool_uuid,
            use_dependencies=use_dependencies,
            tags=tags,
            max_wall_time=max_wall_time,
            auto_delete_on_completion=auto_delete_on_completion,
            completion_time_to_live=completion_time_to_live,
        )

        job_creation_input.additional_properties = d
        return job_creation_input

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
