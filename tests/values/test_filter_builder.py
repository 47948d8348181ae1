"""F, FilterLeaf/FilterNode, OrderBy, Select and the request-body builders."""

from __future__ import annotations

import datetime as dt
import enum
import json
import uuid
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qarnot_ext._errors import InvalidTypeError, InvalidValueError
from qarnot_ext._filters import (
    F,
    Field,
    Filter,
    FilterError,
    FilterLeaf,
    FilterNode,
    OrderBy,
    Resource,
    Select,
    filter_fields,
    page_request,
    search_request,
    select_fields,
    sort_fields,
)
from qarnot_ext._timefmt import DateSpan
from tests.strategies import filters

UTC = dt.UTC
WHEN = dt.datetime(2021, 5, 1, 19, 0, tzinfo=UTC)
RESOURCES: list[Resource] = ["tasks", "pools", "jobs"]

# -- golden wire JSON ------------------------------------------------------------------------


def test_golden_and_of_greater_than_and_two_ors() -> None:
    # The shape the C# SDK asserts in its RetrieveTasksTest, with the reference's camelCase keys.
    flt = (
        (F.state_transition_time > WHEN)
        & ((F.previous_state == "Submitted") | (F.previous_state == "PartiallyDispatched"))
        & ((F.state == "Success") | (F.state == "Failure"))
    )
    assert flt.to_dict() == {
        "operator": "And",
        "filters": [
            {"field": "StateTransitionTime", "operator": "GreaterThan", "value": "2021-05-01T19:00:00Z"},
            {
                "operator": "Or",
                "filters": [
                    {"field": "PreviousState", "operator": "Equal", "value": "Submitted"},
                    {"field": "PreviousState", "operator": "Equal", "value": "PartiallyDispatched"},
                ],
            },
            {
                "operator": "Or",
                "filters": [
                    {"field": "State", "operator": "Equal", "value": "Success"},
                    {"field": "State", "operator": "Equal", "value": "Failure"},
                ],
            },
        ],
    }
    assert flt.validate_for("tasks") is flt


def test_golden_leaves() -> None:
    assert F.state.in_(["Success", "Failure"]).to_dict() == {
        "field": "State",
        "operator": "In",
        "values": ["Success", "Failure"],
    }
    assert F.state.not_in(("Cancelled",)).to_dict() == {
        "field": "State",
        "operator": "NotIn",
        "values": ["Cancelled"],
    }
    assert F.tags.contains("nightly").to_dict() == {"field": "Tags", "operator": "Equal", "value": "nightly"}
    assert F.tags.not_contains("x").to_dict() == {"field": "Tags", "operator": "NotEqual", "value": "x"}
    assert F.name.like("render-%").to_dict() == {"field": "Name", "operator": "Like", "value": "render-%"}
    assert (F.execution_time >= DateSpan.parse("1.03:16:50.5")).to_dict() == {
        "field": "ExecutionTime",
        "operator": "GreaterThanOrEqual",
        "value": "1.03:16:50.5000000",
    }
    assert (F.wall_time < dt.timedelta(minutes=90)).to_dict()["value"] == "01:30:00"
    assert (F.end_date == None).to_dict() == {"field": "EndDate", "operator": "Equal", "value": None}  # noqa: E711
    assert (F.elastic_property.is_elastic != True).to_dict()["value"] is True  # noqa: E712
    assert F.dependencies.depends_on.contains(uuid.UUID(int=1)).to_dict() == {
        "field": "Dependencies.DependsOn",
        "operator": "Equal",
        "value": "00000000-0000-0000-0000-000000000001",
    }


@pytest.mark.parametrize(
    ("build", "operator"),
    [
        (lambda f: f == 3, "Equal"),
        (lambda f: f != 3, "NotEqual"),
        (lambda f: f < 3, "LessThan"),
        (lambda f: f <= 3, "LessThanOrEqual"),
        (lambda f: f > 3, "GreaterThan"),
        (lambda f: f >= 3, "GreaterThanOrEqual"),
        (lambda f: 3 == f, "Equal"),  # noqa: SIM300
        (lambda f: 3 < f, "GreaterThan"),  # reflected: 3 < x is x > 3  # noqa: SIM300
        (lambda f: 3 >= f, "LessThanOrEqual"),  # noqa: SIM300
        (lambda f: f.in_([3]), "In"),
        (lambda f: f.not_in([3]), "NotIn"),
    ],
)
def test_operators(build: Any, operator: str) -> None:
    leaf = build(F.instance_count)
    assert isinstance(leaf, FilterLeaf)
    assert (leaf.field, leaf.operator) == ("InstanceCount", operator)


@pytest.mark.parametrize(
    ("field", "path"),
    [
        (F.creation_date, "CreationDate"),
        (F.CreationDate, "CreationDate"),
        (F.creationDate, "CreationDate"),
        (F.uuid, "Uuid"),
        (F.pool_uuid, "PoolUuid"),
        (F.dependencies.depends_on, "Dependencies.DependsOn"),
        (F.default_resources_cache_ttl_sec, "DefaultResourcesCacheTTLSec"),
        (F.elastic_property.min_total_slots, "ElasticProperty.MinTotalSlots"),
        (F.field("preparation_task.command_line"), "PreparationTask.CommandLine"),
        (F.field("ElasticProperty.RampResizeFactor"), "ElasticProperty.RampResizeFactor"),
    ],
)
def test_snake_case_maps_to_pascal_case_paths(field: Field, path: str) -> None:
    assert field.path == path


def test_flattening() -> None:
    a, b, c, d = (F.name == "a"), (F.name == "b"), (F.name == "c"), (F.name == "d")
    assert (a & b & c) == FilterNode("And", (a, b, c))
    assert (a & (b & c)) == ((a & b) & c)
    assert ((a & b) & (c & d)).filters == (a, b, c, d)
    assert (a | b | c) == FilterNode("Or", (a, b, c))
    mixed = (a | b) & c
    assert mixed.to_dict()["operator"] == "And"
    assert mixed.filters == (a | b, c)
    assert F.all(a) is a
    assert F.any(a, b) == a | b
    assert F.all(a, b, c) == a & b & c


def test_values_are_serialised_for_the_wire() -> None:
    class State(enum.Enum):
        SUCCESS = "Success"

    paris = dt.timezone(dt.timedelta(hours=2))
    assert (F.state == State.SUCCESS).value == "Success"
    assert (F.creation_date > dt.datetime(2021, 5, 1, 21, tzinfo=paris)).value == "2021-05-01T19:00:00Z"
    assert (F.creation_date > "2021-05-01T19:00:00.1234567Z").value == "2021-05-01T19:00:00.1234567Z"
    assert (F.uuid == uuid.UUID(int=0)).value == "00000000-0000-0000-0000-000000000000"
    assert (F.elastic_property.ramp_resize_factor > 1).value == 1
    assert (F.raw("Custom.When") > WHEN).value == "2021-05-01T19:00:00Z"
    assert F.raw("X").in_([DateSpan(1), State.SUCCESS]).value == ("00:00:00.0000001", "Success")


# -- errors when a filter is built -----------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "text", "fragment"),
    [
        (lambda: F.creation_date > "yesterday", "CreationDate", "not an ISO 8601 timestamp"),
        (lambda: F.creation_date > 5, "CreationDate", "expected an aware datetime"),
        (lambda: F.creation_date > dt.datetime(2021, 5, 1), "CreationDate", "naive"),
        (lambda: F.execution_time > "1 hour", "ExecutionTime", "not a date-span"),
        (lambda: F.name == 3, "Name", "expected a string"),
        (lambda: F.instance_count == True, "InstanceCount", "got bool"),  # noqa: E712
        (lambda: F.instance_count == 1.5, "InstanceCount", "expected an int"),
        (
            lambda: F.elastic_property.ramp_resize_factor > float("nan"),
            "ElasticProperty.RampResizeFactor",
            "JSON",
        ),
        (lambda: F.use_dependencies == "yes", "UseDependencies", "expected a bool"),
        (lambda: F.stat == "Success", "Stat", "did you mean State"),
        (lambda: F.instance_count.like("1%"), "InstanceCount", "Like applies to text"),
        (lambda: F.name.like(cast(Any, 3)), "Name", "str pattern"),
        (lambda: F.use_dependencies < True, "UseDependencies", "does not apply"),
        (lambda: F.tags == "x", "Tags", "use .contains(value)"),
        (lambda: F.tags != "x", "Tags", "use .not_contains(value)"),
        (lambda: F.tags > "x", "Tags", "does not apply"),
        (lambda: F.name.contains("x"), "Name", "for array fields"),
        (lambda: F.state.in_("Success"), "State", "iterable of values"),
        (lambda: F.state.in_(["Success", None]), "State", "cannot be null"),
        (lambda: F.creation_date > None, "leaf.value", "cannot compare with null"),
        (lambda: F.state == F.name, "State", "not with another field"),
        (lambda: F.raw("X") == object(), "X", "cannot send object"),
        (lambda: F.raw(""), "''", "non-empty"),
        (lambda: F.field("bad-name"), "bad-name", "letters, digits"),
    ],
)
def test_build_errors_name_the_field(build: Any, text: str, fragment: str) -> None:
    with pytest.raises(FilterError) as info:
        build()
    assert info.value.problems[0].text == text
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, InvalidValueError)


def test_no_not_and_no_truth_value() -> None:
    leaf = F.state == "Success"
    with pytest.raises(FilterError, match="no Not operator"):
        _ = ~leaf
    with pytest.raises(FilterError, match="no truth value"):
        _ = not leaf
    with pytest.raises(FilterError, match="no truth value"):
        bool(leaf | leaf)
    with pytest.raises(FilterError, match="no truth value"):
        _ = leaf and leaf
    with pytest.raises(FilterError, match="no truth value"):
        _ = 1 < F.instance_count < 5
    with pytest.raises(FilterError, match="a field alone is not a filter"):
        bool(F.state)
    with pytest.raises(FilterError, match="a field alone is not a filter"):
        _ = ~F.state
    with pytest.raises(FilterError, match="parentheses"):
        _ = F.state == "Success" & F.name == "x"
    with pytest.raises(FilterError, match="parentheses"):
        leaf & 3
    with pytest.raises(FilterError, match="compare it first"):
        leaf | F.name
    with pytest.raises(FilterError, match=r"use F\.field\.contains"):
        _ = "x" in F.tags
    with pytest.raises(TypeError):
        hash(F.state)


# -- validation against a resource -----------------------------------------------------------


@pytest.mark.parametrize(
    ("flt", "resource", "fragment"),
    [
        (F.use_dependencies == True, "tasks", "not a filterable field of tasks"),  # noqa: E712
        (F.elastic_property.is_elastic == True, "tasks", "not a filterable field of tasks"),  # noqa: E712
        (F.dependencies.depends_on.contains("x"), "jobs", "not a filterable field of jobs"),
        (F.execution_time > DateSpan(0), "jobs", "not a filterable field of jobs"),
        (F.state == "Sucess", "tasks", "'Sucess' is not a state of tasks"),
        (F.state.in_(["Active", "Closed"]), "jobs", "'Closed' is not a state of jobs"),
        (F.state == "Success", "pools", "'Success' is not a state of pools"),
    ],
)
def test_validate_for_rejects(flt: Filter, resource: Resource, fragment: str) -> None:
    with pytest.raises(FilterError, match=fragment):
        flt.validate_for(resource)


def test_validate_for_accepts_and_reports_everything() -> None:
    # A filter has no truth value, so compare with `is` (a bare `assert flt` raises FilterError).
    lower = F.state == "success"
    assert lower.validate_for("tasks") is lower  # states vary in case in responses
    new_state = F.state == "NewState"
    assert new_state.validate_for("tasks", strict_states=False) is new_state
    raw = F.raw("Brand.New") == 1
    assert raw.validate_for("jobs") is raw
    with pytest.raises(FilterError) as info:
        ((F.use_dependencies == True) & (F.state == "Closed") & (F.wall_time > DateSpan(0))).validate_for(  # noqa: E712
            "tasks"
        )
    assert [p.text for p in info.value.problems] == ["UseDependencies", "State"]
    with pytest.raises(FilterError, match="unknown resource"):
        (F.name == "x").validate_for("task")  # type: ignore[arg-type]


def test_allow_lists() -> None:
    assert "Dependencies.DependsOn" in filter_fields("tasks")
    assert "ElasticProperty.MinTotalSlots" in filter_fields("pools")
    assert "UseDependencies" in filter_fields("jobs")
    assert "ExecutionTime" not in filter_fields("jobs")
    assert set(filter_fields("tasks")) <= set(select_fields("tasks"))
    assert sort_fields("tasks") == ("creationDate", "executionTime", "name", "state")
    assert sort_fields("jobs") == ("creationDate", "name", "state")


# -- from_dict ---------------------------------------------------------------------------------


def test_from_dict_names_every_offending_path() -> None:
    bad = {
        "operator": "And",
        "filters": [
            {"field": "Nope", "operator": "Equal", "value": 1},
            {"field": "CreationDate", "operator": "GreaterThan", "value": "yesterday"},
            {"operator": "Or", "filters": [{"field": "State", "operator": "In", "values": "Success"}]},
            {"field": "Name", "operator": "Equal"},
            {"field": "Name", "operator": "Matches", "value": "x"},
            "not an object",
        ],
    }
    with pytest.raises(FilterError) as info:
        F.from_dict(bad)
    assert [p.text for p in info.value.problems] == [
        "filter.filters[0].field",
        "filter.filters[1].value",
        "filter.filters[2].filters[0].values",
        "filter.filters[3]",
        "filter.filters[4].operator",
        "filter.filters[5]",
    ]


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"filters": [{}], "operator": "NotEqual"}, "filter"),  # the reference's own (contradictory) example
        ({"operator": "And", "filters": []}, "filter.filters"),
        ({"operator": "And", "filters": None}, "filter.filters"),
        (
            {"operator": "And", "filters": [{"field": "Name", "operator": "Equal", "value": "x"}], "x": 1},
            "filter",
        ),
        ({"field": "Name", "operator": "Equal", "value": "x", "values": ["y"]}, "filter"),
        ({"field": "Name", "operator": "In", "values": ["a", None]}, "filter.values[1]"),
        ({"field": "Name", "operator": "Equal", "value": ["a"]}, "filter.value"),
        ({"field": "", "operator": "Equal", "value": "a"}, "filter.field"),
        ({"field": "CreationDate", "operator": "Like", "value": "2021%"}, "filter.operator"),
        ({"Field": "Name", "Operator": "Equal", "Value": "x"}, "filter.operator"),  # the C# SDK's PascalCase
        ([], "filter"),
    ],
)
def test_from_dict_rejects(data: object, path: str) -> None:
    with pytest.raises(FilterError) as info:
        F.from_dict(data)
    assert info.value.problems[0].text == path


def test_from_dict_unknown_fields_when_not_strict() -> None:
    data: dict[str, Any] = {"field": "Brand.New", "operator": "Equal", "value": {"nested": 1}}
    with pytest.raises(FilterError):
        F.from_dict(data, strict=False)
    data["value"] = 7
    leaf = F.from_dict(data, strict=False)
    assert isinstance(leaf, FilterLeaf)
    assert not leaf.checked
    assert leaf.validate_for("tasks") is leaf
    assert leaf.to_dict() == data


def test_direct_construction_is_validated() -> None:
    with pytest.raises(FilterError):
        FilterLeaf("State", "Matches", "x")
    with pytest.raises(FilterError):
        FilterLeaf("CreationDate", "Equal", WHEN)  # type: ignore[arg-type]
    with pytest.raises(FilterError):
        FilterNode("Not", (F.name == "x",))  # type: ignore[arg-type]
    with pytest.raises(FilterError):
        FilterNode("And", ())
    with pytest.raises(FilterError):
        FilterNode("And", ({"field": "Name"},))  # type: ignore[arg-type]
    assert FilterLeaf("State", "In", ["a", "b"]).value == ("a", "b")


@given(filters())
def test_filters_round_trip_through_dicts_and_json(flt: Filter) -> None:
    wire = flt.to_dict()
    assert F.from_dict(wire) == flt
    assert F.from_dict(json.loads(json.dumps(wire))) == flt
    assert F.from_dict(wire).to_dict() == wire


@given(st.sampled_from(RESOURCES).flatmap(lambda r: st.tuples(st.just(r), filters(r))))
def test_generated_filters_validate_for_their_resource(case: tuple[Resource, Filter]) -> None:
    resource, flt = case
    assert flt.validate_for(resource) is flt
    assert page_request(resource=resource, filter=flt)["filter"] == flt.to_dict()


def _operands(flt: Filter, operator: str) -> tuple[Filter, ...]:
    return flt.filters if isinstance(flt, FilterNode) and flt.operator == operator else (flt,)


@given(filters(), filters())
def test_combining_flattens_its_operands(a: Filter, b: Filter) -> None:
    for operator, combined in (("And", a & b), ("Or", a | b)):
        assert combined.operator == operator
        assert combined.filters == (*_operands(a, operator), *_operands(b, operator))
        assert list(combined.leaves()) == [*a.leaves(), *b.leaves()]


# -- OrderBy, Select, request bodies ---------------------------------------------------------


@pytest.mark.parametrize("name", ["creationDate", "creation_date", "CreationDate", F.creation_date])
def test_order_by_accepts_any_spelling(name: str | Field) -> None:
    assert OrderBy(name, descending=True).to_dict() == {"orderBy": "creationDate", "orderType": "DESC"}
    assert OrderBy(name).to_dict() == {"orderBy": "creationDate", "orderType": "ASC"}


def test_order_by_rejects() -> None:
    with pytest.raises(FilterError, match="cannot sort on it"):
        OrderBy("tags")
    with pytest.raises(FilterError, match="jobs sort on creationDate, name, state"):
        OrderBy("executionTime").validate_for("jobs")
    assert OrderBy("execution_time").validate_for("pools").field == "executionTime"
    with pytest.raises(InvalidTypeError):
        OrderBy("name", descending="yes")  # type: ignore[arg-type]


def test_select() -> None:
    select = Select("name", "State", F.creation_date, "name", F.raw("Brand.New"))
    assert select.to_dict() == {"fields": ["Name", "State", "CreationDate", "Brand.New"]}
    assert select.validate_for("jobs") is select
    assert Select("status", "errors").validate_for("tasks").fields == ("Status", "Errors")
    with pytest.raises(FilterError, match="cannot be selected on jobs"):
        Select("status").validate_for("jobs")
    with pytest.raises(FilterError) as info:
        Select("nmae", "stat")
    assert [p.text for p in info.value.problems] == ["Nmae", "Stat"]
    with pytest.raises(FilterError, match="at least one"):
        Select()


def test_page_request() -> None:
    assert page_request() == {}
    body = page_request(
        resource="tasks",
        filter=(F.state == "Success") & F.tags.contains("nightly"),
        order_by=OrderBy("creationDate", descending=True),
        maximum_results=50,
        token="abc",
    )
    assert body == {
        "token": "abc",
        "filter": {
            "operator": "And",
            "filters": [
                {"field": "State", "operator": "Equal", "value": "Success"},
                {"field": "Tags", "operator": "Equal", "value": "nightly"},
            ],
        },
        "maximumResults": 50,
        "orderBy": "creationDate",
        "orderType": "DESC",
    }
    assert page_request(order_by="name") == {"orderBy": "name", "orderType": "ASC"}
    wire = {"field": "State", "operator": "Equal", "value": "Active"}
    assert page_request(resource="jobs", filter=wire) == {"filter": wire}


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"maximum_results": 0}, "maximumResults"),
        ({"maximum_results": 2**31}, "maximumResults"),
        ({"maximum_results": True}, "maximumResults"),
        ({"token": 3}, "token"),
        ({"resource": "jobs", "order_by": "executionTime"}, "jobs sort on"),
        ({"resource": "jobs", "filter": F.execution_time > DateSpan(0)}, "not a filterable field of jobs"),
        ({"resource": "job"}, "unknown resource"),
        ({"filter": "State == Success"}, "expected a filter"),
        ({"filter": {"field": "State"}}, "unknown operator None"),
        ({"filter": {"field": "State", "operator": "Equal"}}, "missing keys: value"),
    ],
)
def test_page_request_rejects(kwargs: dict[str, Any], fragment: str) -> None:
    with pytest.raises(FilterError, match=fragment):
        page_request(**kwargs)


def test_search_request() -> None:
    assert search_request() == {}
    assert search_request(
        resource="pools",
        filter=F.elastic_property.is_elastic == True,  # noqa: E712
        select=["name", F.state],
        maximum_results=1,
    ) == {
        "select": {"fields": ["Name", "State"]},
        "filter": {"field": "ElasticProperty.IsElastic", "operator": "Equal", "value": True},
        "maximumResults": 1,
    }
    with pytest.raises(FilterError, match="cannot be selected on jobs"):
        search_request(resource="jobs", select=Select("status"))
