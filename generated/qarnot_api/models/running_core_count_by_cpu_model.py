from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RunningCoreCountByCpuModel")


@_attrs_define
class RunningCoreCountByCpuModel:
    """Cores in use on one CPU model."""

    model: None | str | Unset = UNSET
    """ CPU model. """
    core: int | None | Unset = UNSET
    """ Number of cores of that model. """
    running_corecount: int | None | Unset = UNSET
    """ Number of those cores in use (the API spells it `runningCorecount`). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "model": "model",
        "core": "core",
        "running_corecount": "runningCorecount",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"RunningCoreCountByCpuModel({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        core: int | None | Unset
        if isinstance(self.core, Unset):
            core = UNSET
        else:
            core = self.core

        running_corecount: int | None | Unset
        if isinstance(self.running_corecount, Unset):
            running_corecount = UNSET
        else:
            running_corecount = self.running_corecount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if model is not UNSET:
            field_dict["model"] = model
        if core is not UNSET:
            field_dict["core"] = core
        if running_corecount is not UNSET:
            field_dict["runningCorecount"] = running_corecount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_core(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        core = _parse_core(d.pop("core", UNSET))

        def _parse_running_corecount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        running_corecount = _parse_running_corecount(d.pop("runningCorecount", UNSET))

        running_core_count_by_cpu_model = cls(
            model=model,
            core=core,
            running_corecount=running_corecount,
        )

        running_core_count_by_cpu_model.additional_properties = d
        return running_core_count_by_cpu_model

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
