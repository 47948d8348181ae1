"""The value types' wire forms go through the generated models unchanged (the adapter relies on it).

Uses ``pytest.importorskip``: the generated client is built by ``make generate`` and may be absent.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings

from qarnot_ext._filters import F, Filter, OrderBy, Select, page_request, search_request
from qarnot_ext._ranges import InstanceStates
from qarnot_ext._secrets import Secret, SecretConstant, SecretsAccess, render_constants
from tests.strategies import filters, instance_ranges

models: Any = pytest.importorskip("qarnot_api.models", reason="generated client absent: run `make generate`")


def _model_of(wire: dict[str, Any]) -> Any:
    if "filters" in wire:
        return models.Node.from_dict(wire)
    if "values" in wire:
        return models.MultipleValueLeaf.from_dict(wire)
    return models.UnitValueLeaf.from_dict(wire)


def _assert_same_classes(model: Any, flt: Filter) -> None:
    """The generated union parser picked the right class for every node of the tree."""
    wire = flt.to_dict()
    expected = (
        models.Node
        if "filters" in wire
        else models.MultipleValueLeaf
        if "values" in wire
        else models.UnitValueLeaf
    )
    assert type(model) is expected
    if "filters" in wire:
        for child_model, child in zip(model.filters, flt.filters, strict=True):  # type: ignore[union-attr]
            _assert_same_classes(child_model, child)


@settings(max_examples=60)
@given(filters())
def test_filters_round_trip_through_the_generated_models(flt: Filter) -> None:
    wire = flt.to_dict()
    model = _model_of(wire)
    _assert_same_classes(model, flt)
    assert model.to_dict() == wire
    assert F.from_dict(model.to_dict()) == flt


def test_request_bodies_round_trip_through_the_generated_models() -> None:
    flt = (F.state == "Success") & (F.creation_date > dt.datetime(2021, 5, 1, tzinfo=dt.UTC))
    page = page_request(
        resource="tasks", filter=flt, order_by=OrderBy("name", descending=True), maximum_results=10, token="t"
    )
    assert models.PageDetailRequest.from_dict(page).to_dict() == page
    search = search_request(
        resource="pools", filter=F.tags.contains("x"), select=Select("name"), maximum_results=3
    )
    assert models.DataDetailRequest.from_dict(search).to_dict() == search


def test_secret_wire_shapes_round_trip_through_the_generated_models() -> None:
    access = SecretsAccess().by_key("db/password").by_prefix("team/")
    assert models.SecretsAccessRights.from_dict(access.to_wire()).to_dict() == access.to_wire()
    assert SecretsAccess.from_wire(models.SecretsAccessRights.from_dict(access.to_wire())) == access
    constants = render_constants([("A", "1"), SecretConstant("TOKEN", Secret("t"), alias=True)])
    assert [models.KeyValue.from_dict(c).to_dict() for c in constants] == constants


@settings(max_examples=30)
@given(instance_ranges(), instance_ranges())
def test_instance_states_read_a_generated_status_model(succeeded: Any, failed: Any) -> None:
    status = {"succeededRange": str(succeeded), "failedRange": str(failed), "executedRange": None}
    states = InstanceStates.of(models.TaskStatus.from_dict(status))
    assert (states.succeeded, states.failed, states.executed) == (
        succeeded,
        failed,
        InstanceStates().executed,
    )
