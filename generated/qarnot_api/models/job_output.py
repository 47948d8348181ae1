from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_state import JobState, check_job_state
from ..types import UNSET, Unset, format_qarnot_datetime, parse_qarnot_datetime

T = TypeVar("T", bound="JobOutput")


@_attrs_define
class JobOutput:
    """A job as the API returns it. Every field but `uuid` is optional and may be null."""

    uuid: UUID
    """ Unique identifier of the resource, assigned by the API at creation. """
    name: None | str | Unset = UNSET
    """ Human-readable name; not required to be unique. """
    shortname: None | str | Unset = UNSET
    """ Unique, URL-friendly name (characters `[a-zA-Z0-9-]`, not ending with `-`); defaults to the uuid. Path
    parameters accept it in place of the uuid. """
    pool_uuid: None | Unset | UUID = UNSET
    """ Uuid of the pool the resource runs in, if any. """
    state: JobState | None | Unset = UNSET
    """ Current state of the resource. """
    previous_state: JobState | None | Unset = UNSET
    """ State the resource was in before the current one. """
    use_dependencies: bool | None | Unset = UNSET
    """ Whether the tasks of the job may depend on each other (run in a given order). """
    state_transition_time: datetime.datetime | None | Unset = UNSET
    """ When the resource entered its current state. """
    previous_state_transition_time: datetime.datetime | None | Unset = UNSET
    """ When the resource entered its previous state. """
    creation_date: datetime.datetime | None | Unset = UNSET
    """ When the resource was created. """
    last_modified: datetime.datetime | None | Unset = UNSET
    """ When the resource was last modified. """
    max_wall_time: None | str | Unset = UNSET
    """ Maximum lifetime of the job, after which it is terminated (a date-span). """
    tags: list[str] | None | Unset = UNSET
    """ Free-form tags used to filter listings (up to 10, each shorter than 512 characters; a comma is a legal
    character). """
    auto_delete_on_completion: bool | None | Unset = UNSET
    """ Whether the resource is deleted automatically once completed, when the account's quota for it is reached.
    """
    completion_time_to_live: None | str | Unset = UNSET
    """ How long the completed resource is kept before automatic deletion (a date-span). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "uuid": "uuid",
        "name": "name",
        "shortname": "shortname",
        "pool_uuid": "poolUuid",
        "state": "state",
        "previous_state": "previousState",
        "use_dependencies": "useDependencies",
        "state_transition_time": "stateTransitionTime",
        "previous_state_transition_time": "previousStateTransitionTime",
        "creation_date": "creationDate",
        "last_modified": "lastModified",
        "max_wall_time": "maxWallTime",
        "tags": "tags",
        "auto_delete_on_completion": "autoDeleteOnCompletion",
        "completion_time_to_live": "completionTimeToLive",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"JobOutput({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
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

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, str):
            state = self.state
        else:
            state = self.state

        previous_state: None | str | Unset
        if isinstance(self.previous_state, Unset):
            previous_state = UNSET
        elif isinstance(self.previous_state, str):
            previous_state = self.previous_state
        else:
            previous_state = self.previous_state

        use_dependencies: bool | None | Unset
        if isinstance(self.use_dependencies, Unset):
            use_dependencies = UNSET
        else:
            use_dependencies = self.use_dependencies

        state_transition_time: None | str | Unset
        if isinstance(self.state_transition_time, Unset):
            state_transition_time = UNSET
        elif isinstance(self.state_transition_time, datetime.datetime):
            state_transition_time = format_qarnot_datetime(self.state_transition_time)
        else:
            state_transition_time = self.state_transition_time

        previous_state_transition_time: None | str | Unset
        if isinstance(self.previous_state_transition_time, Unset):
            previous_state_transition_time = UNSET
        elif isinstance(self.previous_state_transition_time, datetime.datetime):
            previous_state_transition_time = format_qarnot_datetime(self.previous_state_transition_time)
        else:
            previous_state_transition_time = self.previous_state_transition_time

        creation_date: None | str | Unset
        if isinstance(self.creation_date, Unset):
            creation_date = UNSET
        elif isinstance(self.creation_date, datetime.datetime):
            creation_date = format_qarnot_datetime(self.creation_date)
        else:
            creation_date = self.creation_date

        last_modified: None | str | Unset
        if isinstance(self.last_modified, Unset):
            last_modified = UNSET
        elif isinstance(self.last_modified, datetime.datetime):
            last_modified = format_qarnot_datetime(self.last_modified)
        else:
            last_modified = self.last_modified

        max_wall_time: None | str | Unset
        if isinstance(self.max_wall_time, Unset):
            max_wall_time = UNSET
        else:
            max_wall_time = self.max_wall_time

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

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
                "uuid": uuid,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if shortname is not UNSET:
            field_dict["shortname"] = shortname
        if pool_uuid is not UNSET:
            field_dict["poolUuid"] = pool_uuid
        if state is not UNSET:
            field_dict["state"] = state
        if previous_state is not UNSET:
            field_dict["previousState"] = previous_state
        if use_dependencies is not UNSET:
            field_dict["useDependencies"] = use_dependencies
        if state_transition_time is not UNSET:
            field_dict["stateTransitionTime"] = state_transition_time
        if previous_state_transition_time is not UNSET:
            field_dict["previousStateTransitionTime"] = previous_state_transition_time
        if creation_date is not UNSET:
            field_dict["creationDate"] = creation_date
        if last_modified is not UNSET:
            field_dict["lastModified"] = last_modified
        if max_wall_time is not UNSET:
            field_dict["maxWallTime"] = max_wall_time
        if tags is not UNSET:
            field_dict["tags"] = tags
        if auto_delete_on_completion is not UNSET:
            field_dict["autoDeleteOnCompletion"] = auto_delete_on_completion
        if completion_time_to_live is not UNSET:
            field_dict["completionTimeToLive"] = completion_time_to_live

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        def _parse_state(data: object) -> JobState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = check_job_state(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobState | None | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_previous_state(data: object) -> JobState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_state_type_0 = check_job_state(data)

                return previous_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobState | None | Unset, data)

        previous_state = _parse_previous_state(d.pop("previousState", UNSET))

        def _parse_use_dependencies(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        use_dependencies = _parse_use_dependencies(d.pop("useDependencies", UNSET))

        def _parse_state_transition_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_transition_time_type_0 = parse_qarnot_datetime(data)

                return state_transition_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        state_transition_time = _parse_state_transition_time(d.pop("stateTransitionTime", UNSET))

        def _parse_previous_state_transition_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_state_transition_time_type_0 = parse_qarnot_datetime(data)

                return previous_state_transition_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        previous_state_transition_time = _parse_previous_state_transition_time(
            d.pop("previousStateTransitionTime", UNSET)
        )

        def _parse_creation_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                creation_date_type_0 = parse_qarnot_datetime(data)

                return creation_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        creation_date = _parse_creation_date(d.pop("creationDate", UNSET))

        def _parse_last_modified(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_modified_type_0 = parse_qarnot_datetime(data)

                return last_modified_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_modified = _parse_last_modified(d.pop("lastModified", UNSET))

        def _parse_max_wall_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        max_wall_time = _parse_max_wall_time(d.pop("maxWallTime", UNSET))

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

        job_output = cls(
            uuid=uuid,
            name=name,
            shortname=shortname,
            pool_uuid=pool_uuid,
            state=state,
            previous_state=previous_state,
            use_dependencies=use_dependencies,
            state_transition_time=state_transition_time,
            previous_state_transition_time=previous_state_transition_time,
            creation_date=creation_date,
            last_modified=last_modified,
            max_wall_time=max_wall_time,
            tags=tags,
            auto_delete_on_completion=auto_delete_on_completion,
            completion_time_to_live=completion_time_to_live,
        )

        job_output.additional_properties = d
        return job_output

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
