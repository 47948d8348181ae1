from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScalingOutput")


@_attrs_define
class ScalingOutput:
    """Scaling specification of a pool and the policy currently active."""

    policies: list[FixedScalingPolicy | ManagedTasksQueueScalingPolicy | UnknownScalingPolicy] | None | Unset = UNSET
    """ Scaling policies, in priority order. """
    active_policy_name: None | str | Unset = UNSET
    """ Name of the policy currently active. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    json_keys: ClassVar[dict[str, str]] = {
        "policies": "policies",
        "active_policy_name": "activePolicyName",
    }
    """Attribute name -> JSON member name, for every declared member."""

    def __repr__(self) -> str:
        """The set members only: unset ones (``UNSET``) are left out."""
        parts = [f"{name}={value!r}" for name in self.json_keys if (value := getattr(self, name)) is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"ScalingOutput({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        policies: list[dict[str, Any]] | None | Unset
        if isinstance(self.policies, Unset):
            policies = UNSET
        elif isinstance(self.policies, list):
            policies = []
            for policies_type_0_item_data in self.policies:
                policies_type_0_item: dict[str, Any]
                if isinstance(policies_type_0_item_data, FixedScalingPolicy):
                    policies_type_0_item = policies_type_0_item_data.to_dict()
                elif isinstance(policies_type_0_item_data, ManagedTasksQueueScalingPolicy):
                    policies_type_0_item = policies_type_0_item_data.to_dict()
                else:
                    policies_type_0_item = policies_type_0_item_data.to_dict()

                policies.append(policies_type_0_item)

        else:
            policies = self.policies

        active_policy_name: None | str | Unset
        if isinstance(self.active_policy_name, Unset):
            active_policy_name = UNSET
        else:
            active_policy_name = self.active_policy_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if policies is not UNSET:
            field_dict["policies"] = policies
        if active_policy_name is not UNSET:
            field_dict["activePolicyName"] = active_policy_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_policies(
            data: object,
        ) -> list[FixedScalingPolicy | ManagedTasksQueueScalingPolicy | UnknownScalingPolicy] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                policies_type_0 = []
                _policies_type_0 = data
                for policies_type_0_item_data in _policies_type_0:

                    def _parse_policies_type_0_item(
                        data: object,
                    ) -> FixedScalingPolicy | ManagedTasksQueueScalingPolicy | UnknownScalingPolicy:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_scaling_policy_type_0 = FixedScalingPolicy.from_dict(data)

                            return componentsschemas_scaling_policy_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_scaling_policy_type_1 = ManagedTasksQueueScalingPolicy.from_dict(data)

                            return componentsschemas_scaling_policy_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_any_scaling_policy_type_1 = UnknownScalingPolicy.from_dict(data)

                        return componentsschemas_any_scaling_policy_type_1

                    policies_type_0_item = _parse_policies_type_0_item(policies_type_0_item_data)

                    policies_type_0.append(policies_type_0_item)

                return policies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[FixedScalingPolicy | ManagedTasksQueueScalingPolicy | UnknownScalingPolicy] | None | Unset, data
            )

        policies = _parse_policies(d.pop("policies", UNSET))

        def _parse_active_policy_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        active_policy_name = _parse_active_policy_name(d.pop("activePolicyName", UNSET))

        scaling_output = cls(
            policies=policies,
            active_policy_name=active_policy_name,
        )

        scaling_output.additional_properties = d
        return scaling_output

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


from ..models.fixed_scaling_policy import FixedScalingPolicy  # noqa: E402
from ..models.managed_tasks_queue_scaling_policy import ManagedTasksQueueScalingPolicy  # noqa: E402
from ..models.unknown_scaling_policy import UnknownScalingPolicy  # noqa: E402
