from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HardwareConstraintOffsetPage")


@_attrs_define
class HardwareConstraintOffsetPage:
    """One page of hardware constraints (offset paging)."""

    data: list[
        CpuModelHardwareConstraint
        | GpuHardwareConstraint
        | MaximumCoreHardwareConstraint
        | MaximumRamCoreRatioHardwareConstraint
        | MaximumRamHardwareConstraint
        | MinimumCoreHardwareConstraint
        | MinimumRamCoreRatioHardwareConstraint
        | MinimumRamHardwareConstraint
        | NoGpuHardwareConstraint
        | NoSSDHardwareConstraint
        | SpecificHardwareConstraint
        | SSDHardwareConstraint
        | UnknownHardwareConstraint
    ]
    """ Constraints of this page. """
    offset: int | None | Unset = UNSET
    """ Number of items skipped. """
    limit: int | None | Unset = UNSET
    """ Maximum number of items asked for. """
    total: int | None | Unset = UNSET
    """ Number of items over all pages. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "data": "data",
        "offset": "offset",
        "limit": "limit",
        "total": "total",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"HardwareConstraintOffsetPage({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item: dict[str, Any]
            if isinstance(data_item_data, MinimumCoreHardwareConstraint):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, MaximumCoreHardwareConstraint):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, MinimumRamHardwareConstraint):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, MaximumRamHardwareConstraint):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, MinimumRamCoreRatioHardwareConstraint):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, MaximumRamCoreRatioHardwareConstraint):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, SpecificHardwareConstraint):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, CpuModelHardwareConstraint):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, GpuHardwareConstraint):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, NoGpuHardwareConstraint):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, SSDHardwareConstraint):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, NoSSDHardwareConstraint):
                data_item = data_item_data.to_dict()
            else:
                data_item = data_item_data.to_dict()

            data.append(data_item)

        offset: int | None | Unset
        if isinstance(self.offset, Unset):
            offset = UNSET
        else:
            offset = self.offset

        limit: int | None | Unset
        if isinstance(self.limit, Unset):
            limit = UNSET
        else:
            limit = self.limit

        total: int | None | Unset
        if isinstance(self.total, Unset):
            total = UNSET
        else:
            total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if offset is not UNSET:
            field_dict["offset"] = offset
        if limit is not UNSET:
            field_dict["limit"] = limit
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:

            def _parse_data_item(
                data: object,
            ) -> (
                CpuModelHardwareConstraint
                | GpuHardwareConstraint
                | MaximumCoreHardwareConstraint
                | MaximumRamCoreRatioHardwareConstraint
                | MaximumRamHardwareConstraint
                | MinimumCoreHardwareConstraint
                | MinimumRamCoreRatioHardwareConstraint
                | MinimumRamHardwareConstraint
                | NoGpuHardwareConstraint
                | NoSSDHardwareConstraint
                | SpecificHardwareConstraint
                | SSDHardwareConstraint
                | UnknownHardwareConstraint
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_0 = MinimumCoreHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_1 = MaximumCoreHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_2 = MinimumRamHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_3 = MaximumRamHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_4 = MinimumRamCoreRatioHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_5 = MaximumRamCoreRatioHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_6 = SpecificHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_7 = CpuModelHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_8 = GpuHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_9 = NoGpuHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_10 = SSDHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_10
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_11 = NoSSDHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_11
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_any_hardware_constraint_type_1 = UnknownHardwareConstraint.from_dict(data)

                return componentsschemas_any_hardware_constraint_type_1

            data_item = _parse_data_item(data_item_data)

            data.append(data_item)

        def _parse_offset(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        offset = _parse_offset(d.pop("offset", UNSET))

        def _parse_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        limit = _parse_limit(d.pop("limit", UNSET))

        def _parse_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total = _parse_total(d.pop("total", UNSET))

        hardware_constraint_offset_page = cls(
            data=data,
            offset=offset,
            limit=limit,
            total=total,
        )

        hardware_constraint_offset_page.additional_properties = d
        return hardware_constraint_offset_page

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


from ..models.cpu_model_hardware_constraint import CpuModelHardwareConstraint  # noqa: E402
from ..models.gpu_hardware_constraint import GpuHardwareConstraint  # noqa: E402
from ..models.maximum_core_hardware_constraint import MaximumCoreHardwareConstraint  # noqa: E402
from ..models.maximum_ram_core_ratio_hardware_constraint import MaximumRamCoreRatioHardwareConstraint  # noqa: E402
from ..models.maximum_ram_hardware_constraint import MaximumRamHardwareConstraint  # noqa: E402
from ..models.minimum_core_hardware_constraint import MinimumCoreHardwareConstraint  # noqa: E402
from ..models.minimum_ram_core_ratio_hardware_constraint import MinimumRamCoreRatioHardwareConstraint  # noqa: E402
from ..models.minimum_ram_hardware_constraint import MinimumRamHardwareConstraint  # noqa: E402
from ..models.no_gpu_hardware_constraint import NoGpuHardwareConstraint  # noqa: E402
from ..models.no_ssd_hardware_constraint import NoSSDHardwareConstraint  # noqa: E402
from ..models.specific_hardware_constraint import SpecificHardwareConstraint  # noqa: E402
from ..models.ssd_hardware_constraint import SSDHardwareConstraint  # noqa: E402
from ..models.unknown_hardware_constraint import UnknownHardwareConstraint  # noqa: E402
