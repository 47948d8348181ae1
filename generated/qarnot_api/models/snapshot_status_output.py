from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.snapshot_state import SnapshotState, check_snapshot_state
from ..types import UNSET, Unset, format_qarnot_datetime, parse_qarnot_datetime

T = TypeVar("T", bound="SnapshotStatusOutput")


@_attrs_define
class SnapshotStatusOutput:
    """Progress of a unique snapshot (undocumented endpoint)."""

    id: str
    """ Snapshot id. """
    task_uuid: None | Unset | UUID = UNSET
    """ Uuid of the task. """
    trigger_date: datetime.datetime | None | Unset = UNSET
    """ When the snapshot was requested. """
    last_update_date: datetime.datetime | None | Unset = UNSET
    """ When its status last changed. """
    snapshot_config: None | SnapshotConfig | Unset = UNSET
    """ Filters and destination. """
    status: None | SnapshotState | Unset = UNSET
    """ Progress. """
    size_to_upload: int | None | Unset = UNSET
    """ Bytes to upload. """
    transferred_size: int | None | Unset = UNSET
    """ Bytes uploaded so far. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "id": "id",
        "task_uuid": "taskUuid",
        "trigger_date": "triggerDate",
        "last_update_date": "lastUpdateDate",
        "snapshot_config": "snapshotConfig",
        "status": "status",
        "size_to_upload": "sizeToUpload",
        "transferred_size": "transferredSize",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"SnapshotStatusOutput({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        task_uuid: None | str | Unset
        if isinstance(self.task_uuid, Unset):
            task_uuid = UNSET
        elif isinstance(self.task_uuid, UUID):
            task_uuid = str(self.task_uuid)
        else:
            task_uuid = self.task_uuid

        trigger_date: None | str | Unset
        if isinstance(self.trigger_date, Unset):
            trigger_date = UNSET
        elif isinstance(self.trigger_date, datetime.datetime):
            trigger_date = format_qarnot_datetime(self.trigger_date)
        else:
            trigger_date = self.trigger_date

        last_update_date: None | str | Unset
        if isinstance(self.last_update_date, Unset):
            last_update_date = UNSET
        elif isinstance(self.last_update_date, datetime.datetime):
            last_update_date = format_qarnot_datetime(self.last_update_date)
        else:
            last_update_date = self.last_update_date

        snapshot_config: dict[str, Any] | None | Unset
        if isinstance(self.snapshot_config, Unset):
            snapshot_config = UNSET
        elif isinstance(self.snapshot_config, SnapshotConfig):
            snapshot_config = self.snapshot_config.to_dict()
        else:
            snapshot_config = self.snapshot_config

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        size_to_upload: int | None | Unset
        if isinstance(self.size_to_upload, Unset):
            size_to_upload = UNSET
        else:
            size_to_upload = self.size_to_upload

        transferred_size: int | None | Unset
        if isinstance(self.transferred_size, Unset):
            transferred_size = UNSET
        else:
            transferred_size = self.transferred_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if task_uuid is not UNSET:
            field_dict["taskUuid"] = task_uuid
        if trigger_date is not UNSET:
            field_dict["triggerDate"] = trigger_date
        if last_update_date is not UNSET:
            field_dict["lastUpdateDate"] = last_update_date
        if snapshot_config is not UNSET:
            field_dict["snapshotConfig"] = snapshot_config
        if status is not UNSET:
            field_dict["status"] = status
        if size_to_upload is not UNSET:
            field_dict["sizeToUpload"] = size_to_upload
        if transferred_size is not UNSET:
            field_dict["transferredSize"] = transferred_size

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_task_uuid(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                task_uuid_type_0 = UUID(data)

                return task_uuid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        task_uuid = _parse_task_uuid(d.pop("taskUuid", UNSET))

        def _parse_trigger_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trigger_date_type_0 = parse_qarnot_datetime(data)

                return trigger_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        trigger_date = _parse_trigger_date(d.pop("triggerDate", UNSET))

        def _parse_last_update_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_update_date_type_0 = parse_qarnot_datetime(data)

                return last_update_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_update_date = _parse_last_update_date(d.pop("lastUpdateDate", UNSET))

        def _parse_snapshot_config(data: object) -> None | SnapshotConfig | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                snapshot_config_type_0 = SnapshotConfig.from_dict(data)

                return snapshot_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SnapshotConfig | Unset, data)

        snapshot_config = _parse_snapshot_config(d.pop("snapshotConfig", UNSET))

        def _parse_status(data: object) -> None | SnapshotState | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = check_snapshot_state(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SnapshotState | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_size_to_upload(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size_to_upload = _parse_size_to_upload(d.pop("sizeToUpload", UNSET))

        def _parse_transferred_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        transferred_size = _parse_transferred_size(d.pop("transferredSize", UNSET))

        snapshot_status_output = cls(
            id=id,
            task_uuid=task_uuid,
            trigger_date=trigger_date,
            last_update_date=last_update_date,
            snapshot_config=snapshot_config,
            status=status,
            size_to_upload=size_to_upload,
            transferred_size=transferred_size,
        )

        snapshot_status_output.additional_properties = d
        return snapshot_status_output

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


from ..models.snapshot_config import SnapshotConfig  # noqa: E402
