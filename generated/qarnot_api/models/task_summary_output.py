from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_state import TaskState, check_task_state
from ..types import UNSET, Unset, format_qarnot_datetime, parse_qarnot_datetime

T = TypeVar("T", bound="TaskSummaryOutput")


@_attrs_define
class TaskSummaryOutput:
    """The short form of a task returned by the summary listings."""

    uuid: UUID
    """ Unique identifier of the resource, assigned by the API at creation. """
    name: None | str | Unset = UNSET
    """ Human-readable name; not required to be unique. """
    shortname: None | str | Unset = UNSET
    """ Unique, URL-friendly name (characters `[a-zA-Z0-9-]`, not ending with `-`); defaults to the uuid. Path
    parameters accept it in place of the uuid. """
    profile: None | str | Unset = UNSET
    """ Name of the profile (the software template) the instances run; see `GET /profiles`. """
    pool_uuid: None | Unset | UUID = UNSET
    """ Uuid of the pool the resource runs in, if any. """
    job_uuid: None | Unset | UUID = UNSET
    """ Uuid of the job the task belongs to, if any. """
    progress: float | None | Unset = UNSET
    """ Overall progress, in percent. """
    running_instance_count: int | None | Unset = UNSET
    """ Number of instances currently running. """
    running_core_count: int | None | Unset = UNSET
    """ Number of cores currently used by the running instances. """
    execution_time: None | str | Unset = UNSET
    """ Cumulated execution time of the instances (a date-span). """
    wall_time: None | str | Unset = UNSET
    """ Wall-clock time since the resource started (a date-span). """
    state: None | TaskState | Unset = UNSET
    """ Current state of the resource. """
    previous_state: None | TaskState | Unset = UNSET
    """ State the resource was in before the current one. """
    instance_count: int | None | Unset = UNSET
    """ Number of instances. Reads 0 on a task created with `advancedRanges`. """
    advanced_ranges: None | str | Unset = UNSET
    """ Instance ids to run, as comma-separated ids and inclusive `a-b` spans (`0-2,4-5,17`); overrides
    `instanceCount`. """
    state_transition_time: datetime.datetime | None | Unset = UNSET
    """ When the resource entered its current state. """
    previous_state_transition_time: datetime.datetime | None | Unset = UNSET
    """ When the resource entered its previous state. """
    last_modified: datetime.datetime | None | Unset = UNSET
    """ When the resource was last modified. """
    creation_date: datetime.datetime | None | Unset = UNSET
    """ When the resource was created. """
    end_date: datetime.datetime | None | Unset = UNSET
    """ When the resource reached a final state (`0001-01-01T00:00:00Z` while it has not). """
    wait_for_pool_resources_synchronization: bool | None | Unset = UNSET
    """ For a task in a pool: whether it waits until the pool's resources are synchronized before starting. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "uuid": "uuid",
        "name": "name",
        "shortname": "shortname",
        "profile": "profile",
        "pool_uuid": "poolUuid",
        "job_uuid": "jobUuid",
        "progress": "progress",
        "running_instance_count": "runningInstanceCount",
        "running_core_count": "runningCoreCount",
        "execution_time": "executionTime",
        "wall_time": "wallTime",
        "state": "state",
        "previous_state": "previousState",
        "instance_count": "instanceCount",
        "advanced_ranges": "advancedRanges",
        "state_transition_time": "stateTransitionTime",
        "previous_state_transition_time": "previousStateTransitionTime",
        "last_modified": "lastModified",
        "creation_date": "creationDate",
        "end_date": "endDate",
        "wait_for_pool_resources_synchronization": "waitForPoolResourcesSynchronization",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"TaskSummaryOutput({', '.join(parts)})"

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

        profile: None | str | Unset
        if isinstance(self.profile, Unset):
            profile = UNSET
        else:
            profile = self.profile

        pool_uuid: None | str | Unset
        if isinstance(self.pool_uuid, Unset):
            pool_uuid = UNSET
        elif isinstance(self.pool_uuid, UUID):
            pool_uuid = str(self.pool_uuid)
        else:
            pool_uuid = self.pool_uuid

        job_uuid: None | str | Unset
        if isinstance(self.job_uuid, Unset):
            job_uuid = UNSET
        elif isinstance(self.job_uuid, UUID):
            job_uuid = str(self.job_uuid)
        else:
            job_uuid = self.job_uuid

        progress: float | None | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        running_instance_count: int | None | Unset
        if isinstance(self.running_instance_count, Unset):
            running_instance_count = UNSET
        else:
            running_instance_count = self.running_instance_count

        running_core_count: int | None | Unset
        if isinstance(self.running_core_count, Unset):
            running_core_count = UNSET
        else:
            running_core_count = self.running_core_count

        execution_time: None | str | Unset
        if isinstance(self.execution_time, Unset):
            execution_time = UNSET
        else:
            execution_time = self.execution_time

        wall_time: None | str | Unset
        if isinstance(self.wall_time, Unset):
            wall_time = UNSET
        else:
            wall_time = self.wall_time

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

        instance_count: int | None | Unset
        if isinstance(self.instance_count, Unset):
            instance_count = UNSET
        else:
            instance_count = self.instance_count

        advanced_ranges: None | str | Unset
        if isinstance(self.advanced_ranges, Unset):
            advanced_ranges = UNSET
        else:
            advanced_ranges = self.advanced_ranges

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

        last_modified: None | str | Unset
        if isinstance(self.last_modified, Unset):
            last_modified = UNSET
        elif isinstance(self.last_modified, datetime.datetime):
            last_modified = format_qarnot_datetime(self.last_modified)
        else:
            last_modified = self.last_modified

        creation_date: None | str | Unset
        if isinstance(self.creation_date, Unset):
            creation_date = UNSET
        elif isinstance(self.creation_date, datetime.datetime):
            creation_date = format_qarnot_datetime(self.creation_date)
        else:
            creation_date = self.creation_date

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.datetime):
            end_date = format_qarnot_datetime(self.end_date)
        else:
            end_date = self.end_date

        wait_for_pool_resources_synchronization: bool | None | Unset
        if isinstance(self.wait_for_pool_resources_synchronization, Unset):
            wait_for_pool_resources_synchronization = UNSET
        else:
            wait_for_pool_resources_synchronization = self.wait_for_pool_resources_synchronization

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
        if profile is not UNSET:
            field_dict["profile"] = profile
        if pool_uuid is not UNSET:
            field_dict["poolUuid"] = pool_uuid
        if job_uuid is not UNSET:
            field_dict["jobUuid"] = job_uuid
        if progress is not UNSET:
            field_dict["progress"] = progress
        if running_instance_count is not UNSET:
            field_dict["runningInstanceCount"] = running_instance_count
        if running_core_count is not UNSET:
            field_dict["runningCoreCount"] = running_core_count
        if execution_time is not UNSET:
            field_dict["executionTime"] = execution_time
        if wall_time is not UNSET:
            field_dict["wallTime"] = wall_time
        if state is not UNSET:
            field_dict["state"] = state
        if previous_state is not UNSET:
            field_dict["previousState"] = previous_state
        if instance_count is not UNSET:
            field_dict["instanceCount"] = instance_count
        if advanced_ranges is not UNSET:
            field_dict["advancedRanges"] = advanced_ranges
        if state_transition_time is not UNSET:
            field_dict["stateTransitionTime"] = state_transition_time
        if previous_state_transition_time is not UNSET:
            field_dict["previousStateTransitionTime"] = previous_state_transition_time
        if last_modified is not UNSET:
            field_dict["lastModified"] = last_modified
        if creation_date is not UNSET:
            field_dict["creationDate"] = creation_date
        if end_date is not UNSET:
            field_dict["endDate"] = end_date
        if wait_for_pool_resources_synchronization is not UNSET:
            field_dict["waitForPoolResourcesSynchronization"] = wait_for_pool_resources_synchronization

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

        def _parse_profile(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        profile = _parse_profile(d.pop("profile", UNSET))

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

        def _parse_job_uuid(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                job_uuid_type_0 = UUID(data)

                return job_uuid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        job_uuid = _parse_job_uuid(d.pop("jobUuid", UNSET))

        def _parse_progress(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        def _parse_running_instance_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        running_instance_count = _parse_running_instance_count(d.pop("runningInstanceCount", UNSET))

        def _parse_running_core_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        running_core_count = _parse_running_core_count(d.pop("runningCoreCount", UNSET))

        def _parse_execution_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        execution_time = _parse_execution_time(d.pop("executionTime", UNSET))

        def _parse_wall_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wall_time = _parse_wall_time(d.pop("wallTime", UNSET))

        def _parse_state(data: object) -> None | TaskState | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = check_task_state(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskState | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_previous_state(data: object) -> None | TaskState | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_state_type_0 = check_task_state(data)

                return previous_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskState | Unset, data)

        previous_state = _parse_previous_state(d.pop("previousState", UNSET))

        def _parse_instance_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        instance_count = _parse_instance_count(d.pop("instanceCount", UNSET))

        def _parse_advanced_ranges(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        advanced_ranges = _parse_advanced_ranges(d.pop("advancedRanges", UNSET))

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

        def _parse_end_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = parse_qarnot_datetime(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        end_date = _parse_end_date(d.pop("endDate", UNSET))

        def _parse_wait_for_pool_resources_synchronization(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        wait_for_pool_resources_synchronization = _parse_wait_for_pool_resources_synchronization(
            d.pop("waitForPoolResourcesSynchronization", UNSET)
        )

        task_summary_output = cls(
            uuid=uuid,
            name=name,
            shortname=shortname,
            profile=profile,
            pool_uuid=pool_uuid,
            job_uuid=job_uuid,
            progress=progress,
            running_instance_count=running_instance_count,
            running_core_count=running_core_count,
            execution_time=execution_time,
            wall_time=wall_time,
            state=state,
            previous_state=previous_state,
            instance_count=instance_count,
            advanced_ranges=advanced_ranges,
            state_transition_time=state_transition_time,
            previous_state_transition_time=previous_state_transition_time,
            last_modified=last_modified,
            creation_date=creation_date,
            end_date=end_date,
            wait_for_pool_resources_synchronization=wait_for_pool_resources_synchronization,
        )

        task_summary_output.additional_properties = d
        return task_summary_output

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
