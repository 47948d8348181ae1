"""The request builders (``qarnot_ext/_requests.py``) called directly: every body they promise.

Each test pins a behaviour their docstrings state: ids checked before any request, instances as a
count or a range, typed keyword options, ``extra`` checked against the input schema, constants
through ``render_constants``. They were written against the survivors of a mutation run
(``scripts/mutate.py``).
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from qarnot_ext import InvalidValueError
from qarnot_ext._ranges import InstanceRange
from qarnot_ext._requests import (
    SCHEMAS,
    job_body,
    overrides_body,
    pool_body,
    resource_id,
    scaling_body,
    snapshot_body,
    task_body,
    task_update_body,
)
from qarnot_ext._secrets import SecretConstant, SecretsAccess
from qarnot_ext._timefmt import DateSpan

TASK = "52c10b2d-0687-41e1-985e-7279f6dd543a"


def _problems(caught: pytest.ExceptionInfo[InvalidValueError]) -> list[tuple[str, str]]:
    return [(p.text, p.message) for p in caught.value.problems]


class _Model:
    def __init__(self, value: Any) -> None:
        self.uuid = value


class _ToDict:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)


class _Color(enum.Enum):
    RED = "red"


# -- ids -------------------------------------------------------------------------------------------


def test_resource_ids_accept_str_uuid_and_models() -> None:
    assert resource_id("task", TASK) == TASK
    assert resource_id("task", "my-short") == "my-short"
    assert resource_id("task", uuid.UUID(TASK)) == TASK
    assert resource_id("task", _Model(uuid.UUID(TASK))) == TASK
    assert resource_id("task", _Model("short")) == "short"


@pytest.mark.parametrize(
    ("value", "text", "message"),
    [
        ("", "", "expected a uuid or a shortname, got a blank string"),
        ("  ", "  ", "expected a uuid or a shortname, got a blank string"),
        ("a/b", "a/b", "expected a uuid or a shortname, got a string with '/'"),
        (None, "None", "expected a str, a uuid.UUID or a model with .uuid, not NoneType"),
        (12, "12", "expected a str, a uuid.UUID or a model with .uuid, not int"),
        (_Model(None), None, "not _Model"),
    ],
)
def test_bad_resource_ids_are_named(value: Any, text: str | None, message: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        resource_id("pool", value)
    assert caught.value.problems[0].message.endswith(message)
    if text is not None:
        assert caught.value.problems[0].text == text
    assert "pool" in str(caught.value)


def test_a_long_bad_id_is_shown_cut_to_80_characters() -> None:
    with pytest.raises(InvalidValueError) as caught:
        resource_id("task", ["x" * 200])
    assert caught.value.problems[0].text == repr(["x" * 200])[:80]


# -- tasks -----------------------------------------------------------------------------------------


def test_a_task_body_with_a_count_a_profile_and_the_default_instance() -> None:
    assert task_body(name="t", profile="docker-batch") == {
        "name": "t",
        "profile": "docker-batch",
        "instanceCount": 1,
    }
    assert task_body(name="t", profile="p", instances=4)["instanceCount"] == 4
    assert "instanceCount" not in task_body(name="t", profile="p", instances=None)


def test_a_task_body_with_a_range() -> None:
    body = task_body(name="t", profile="p", instances="0-3, 7")
    assert body["advancedRanges"] == "0-3,7"
    assert "instanceCount" not in body
    assert task_body(name="t", profile="p", instances=InstanceRange.parse("5"))["advancedRanges"] == "5"


@pytest.mark.parametrize(
    ("instances", "message"),
    [
        (0, "a count must be at least 1, got 0"),
        (-2, "a count must be at least 1, got -2"),
        (True, "expected a count, an InstanceRange or a range string, not a bool"),
        (2.5, "expected a count, an InstanceRange or a range string, not float"),
        (InstanceRange.parse(""), "the instance range is empty"),
    ],
)
def test_bad_instances_are_refused(instances: Any, message: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", profile="p", instances=instances)
    assert _problems(caught) == [("instances", message)]


@pytest.mark.parametrize("name", ["", None, 3])
def test_a_task_needs_a_name(name: Any) -> None:
    with pytest.raises(InvalidValueError) as caught:
        task_body(name=name, profile="p")
    assert _problems(caught) == [("name", "a task needs a non-empty name")]


def test_a_task_needs_somewhere_to_run_which_extra_may_give() -> None:
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t")
    assert _problems(caught) == [("profile", "a task needs a profile, a pool or a job to run in")]
    for key in ("profile", "poolUuid", "jobUuid"):
        assert task_body(name="t", extra={key: "x"})[key] == "x"
    assert task_body(name="t", pool=TASK)["poolUuid"] == TASK
    assert task_body(name="t", job=_Model(TASK))["jobUuid"] == TASK


def test_a_pool_and_a_job_are_never_sent_together() -> None:
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", pool="p", job="j")
    assert caught.value.problems[0].text == "pool, job"


def test_dependencies_need_a_job_and_each_task_once() -> None:
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", profile="p", depends_on=[TASK])
    assert caught.value.problems[0].text == "depends_on"
    assert "give job=" in caught.value.problems[0].message
    body = task_body(name="t", job="j", depends_on=[TASK, _Model("other")])
    assert body["dependencies"] == {"dependsOn": [TASK, "other"]}
    assert task_body(name="t", extra={"jobUuid": "j"}, depends_on=[TASK])["dependencies"] == {
        "dependsOn": [TASK]
    }
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", job="j", depends_on=[TASK, uuid.UUID(TASK)])
    assert _problems(caught) == [("depends_on", "a task depends on each task once")]
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", job="j", depends_on=TASK)
    assert _problems(caught) == [("depends_on", "expected a list, not str")]
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", job="j", depends_on=[TASK, ""])
    assert caught.value.problems[0].text == ""
    assert "depends_on[1]" in str(caught.value)


def test_constants_and_secrets_are_rendered_together() -> None:
    body = task_body(
        name="t",
        profile="p",
        constants={"A": "1"},
        secrets=[SecretConstant("K", "v")],
    )
    assert body["constants"] == [
        {"key": "A", "value": "1"},
        {"key": "QARNOT_SECRET__K", "value": "v"},
    ]
    assert task_body(name="t", profile="p", constants=[("B", "2")])["constants"] == [
        {"key": "B", "value": "2"}
    ]
    assert "constants" not in task_body(name="t", profile="p", constants={}, secrets=[])
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", profile="p", secrets=[("K", "v")])  # type: ignore[list-item]
    assert _problems(caught) == [("secrets", "expected SecretConstant items, got tuple")]


def test_typed_options_convert_to_their_wire_members() -> None:
    body = task_body(
        name="t",
        profile="p",
        shortname=_Color.RED,
        tags=("a", "b"),
        priority=3,
        auto_delete_on_completion=False,
        completion_time_to_live=dt.timedelta(hours=1),
        labels={"k": "v"},
        constraints={"c": 1},
        hardware_constraints=[{"discriminator": "x"}, _ToDict({"discriminator": "y"})],
        secrets_access=SecretsAccess().by_key("db"),
        resource_buckets=[],
    )
    assert body["shortname"] == "red"
    assert body["tags"] == ["a", "b"]
    assert body["priority"] == 3
    assert body["autoDeleteOnCompletion"] is False
    assert body["completionTimeToLive"] == str(DateSpan.from_timedelta(dt.timedelta(hours=1)))
    assert body["labels"] == {"k": "v"}
    assert body["constraints"] == [{"key": "c", "value": "1"}]
    assert body["hardwareConstraints"] == [{"discriminator": "x"}, {"discriminator": "y"}]
    assert body["secretsAccessRights"] == {"bySecret": [{"key": "db"}], "byPrefix": []}
    assert body["resourceBuckets"] == []
    span = DateSpan.parse("1.00:00:00")
    assert task_body(name="t", profile="p", completion_time_to_live=span)["completionTimeToLive"] == str(span)
    text = task_body(name="t", profile="p", completion_time_to_live="02:00:00")["completionTimeToLive"]
    assert text == str(DateSpan.parse("02:00:00"))


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("shortname", 3, "expected a str, not int"),
        ("priority", True, "expected an int, not bool"),
        ("priority", "1", "expected an int, not str"),
        ("auto_delete_on_completion", 1, "expected a bool, not int"),
        ("labels", {"k": 1}, "expected a mapping of str to str"),
        ("labels", ["k"], "expected a mapping of str to str"),
        ("tags", "ab", "expected a list of strings, not one string"),
        ("tags", ["a", 1], "every item must be a str"),
        ("hardware_constraints", {"a": 1}, "expected a list of objects, not dict"),
        ("hardware_constraints", "ab", "expected a list of objects, not str"),
        ("hardware_constraints", 5, "expected a list of objects, not int"),
        ("secrets_access", 5, "expected a mapping or a model with to_dict(), not int"),
        ("completion_time_to_live", 5, "expected a DateSpan, a timedelta or a date-span string, not int"),
    ],
)
def test_options_of_the_wrong_type_are_named(option: str, value: Any, message: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", profile="p", **{option: value})
    assert _problems(caught) == [(option, message)]


def test_an_object_in_a_list_is_named_with_its_index() -> None:
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", profile="p", hardware_constraints=[{"a": 1}, 7])
    assert _problems(caught) == [
        ("hardware_constraints[1]", "expected a mapping or a model with to_dict(), not int")
    ]


def test_unknown_options_are_all_named() -> None:
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", profile="p", colour="red", elastic_property={}, priority=None)
    assert _problems(caught) == [
        ("colour", "not a setting of TaskCreationInput"),
        ("elastic_property", "not a setting of TaskCreationInput"),
    ]


def test_extra_is_checked_against_the_schema_and_merged_last() -> None:
    body = task_body(name="t", profile="p", extra={"tags": ["x"]})
    assert body["tags"] == ["x"]
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", profile="p", extra={"tagz": [], "uuid": "x", "profile": "q"})
    problems = _problems(caught)
    valid = ", ".join(sorted(SCHEMAS["TaskCreationInput"]))
    assert problems == [
        ("tagz", f"not a writable member of TaskCreationInput (unknown or read-only); valid: {valid}"),
        ("uuid", f"not a writable member of TaskCreationInput (unknown or read-only); valid: {valid}"),
        ("profile", "given both as a keyword argument and in extra"),
    ]
    assert "extra" in str(caught.value)
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", profile="p", extra=[("tags", [])])  # type: ignore[arg-type]
    assert _problems(caught) == [("extra", "expected a mapping of wire names, not list")]


# -- clones, updates, pools, jobs, snapshots, scaling -----------------------------------------------


def test_overrides_carry_only_what_changes() -> None:
    assert overrides_body() == {}
    assert overrides_body(name="copy", instances=2) == {"name": "copy", "instanceCount": 2}
    assert overrides_body("TaskRetryInput", tags=["r"]) == {"tags": ["r"]}
    with pytest.raises(InvalidValueError) as caught:
        overrides_body("TaskRetryInput", pool="p")
    assert _problems(caught) == [("pool", "not a setting of TaskRetryInput")]
    with pytest.raises(InvalidValueError) as caught:
        overrides_body(name=3)  # type: ignore[arg-type]
    assert _problems(caught) == [("name", "expected a str, not int")]


def test_an_update_needs_something_to_update() -> None:
    with pytest.raises(InvalidValueError) as caught:
        task_update_body()
    assert _problems(caught) == [("update", "nothing to update")]
    assert task_update_body(tags=["a"]) == {"tags": ["a"]}
    assert task_update_body(constants={"A": "1"}) == {"constants": [{"key": "A", "value": "1"}]}
    assert task_update_body("PoolUpdateInput", scaling={"policies": []}) == {"scaling": {"policies": []}}
    with pytest.raises(InvalidValueError):
        task_update_body(scaling={"policies": []})


def test_a_pool_body() -> None:
    assert pool_body(name="p", profile="prof") == {"name": "p", "profile": "prof", "instanceCount": 1}
    assert pool_body(name="p", profile="prof", instances=0)["instanceCount"] == 0
    assert "instanceCount" not in pool_body(name="p", profile="prof", instances=None)
    body = pool_body(name="p", profile="prof", constants={"A": "1"}, elastic_property={"isElastic": True})
    assert body["constants"] == [{"key": "A", "value": "1"}]
    assert body["elasticProperty"] == {"isElastic": True}
    bad_pairs: list[tuple[Any, Any]] = [("", "x"), ("x", ""), (None, "x"), ("x", 3)]
    for name, profile in bad_pairs:
        with pytest.raises(InvalidValueError) as caught:
            pool_body(name=name, profile=profile)
        assert _problems(caught) == [("name/profile", "a pool needs a non-empty name and profile")]
    for bad in (-1, True, 1.5):
        with pytest.raises(InvalidValueError) as caught:
            pool_body(name="p", profile="prof", instances=bad)  # type: ignore[arg-type]
        assert _problems(caught) == [("instances", f"expected a non-negative int, got {bad!r}")]


def test_a_job_body() -> None:
    assert job_body(name="j") == {"name": "j"}
    assert job_body(name="j", pool=_Model(TASK), use_dependencies=True, max_wall_time="01:00:00") == {
        "name": "j",
        "poolUuid": TASK,
        "useDependencies": True,
        "maxWallTime": str(DateSpan.parse("01:00:00")),
    }
    for bad in ("", None):
        with pytest.raises(InvalidValueError) as caught:
            job_body(name=bad)  # type: ignore[arg-type]
        assert _problems(caught) == [("name", "a job needs a non-empty name")]


def test_a_snapshot_body() -> None:
    assert snapshot_body() == {}
    assert snapshot_body(interval=0, bucket_prefix="p/", whitelist="*.out") == {
        "interval": 0,
        "bucketPrefix": "p/",
        "whitelist": "*.out",
    }
    assert snapshot_body(blacklist="b", bucket="k") == {"blacklist": "b", "bucket": "k"}
    for bad in (-1, True, 1.5):
        with pytest.raises(InvalidValueError) as caught:
            snapshot_body(interval=bad)  # type: ignore[arg-type]
        assert _problems(caught) == [("interval", f"expected a non-negative number of seconds, got {bad!r}")]


class _Scaling:
    def __init__(self, policies: list[Any]) -> None:
        self.policies = policies


def test_scaling_from_a_mapping_the_returned_object_or_a_list() -> None:
    policy = {"type": "Fixed", "name": "p"}
    assert scaling_body({"policies": [policy]}) == {"policies": [policy]}
    assert scaling_body({}) == {"policies": []}
    assert scaling_body({"policies": None}) == {"policies": []}
    assert scaling_body(_Scaling([_ToDict(policy)])) == {"policies": [policy]}
    assert scaling_body([policy]) == {"policies": [policy]}
    with pytest.raises(InvalidValueError) as caught:
        scaling_body({"policies": [], "extra": 1, "another": 2})
    assert _problems(caught) == [
        ("scaling", "unknown key(s) another, extra; a scaling input has only 'policies'")
    ]
    with pytest.raises(InvalidValueError) as caught:
        scaling_body(_Scaling([3]))
    assert caught.value.problems[0].text == "scaling.policies[0]"


# -- what the errors say ------------------------------------------------------------------------------


def test_argument_errors_say_request_and_extra_errors_say_extra() -> None:
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="", profile="p")
    assert caught.value.kind == "request"
    assert str(caught.value) == "invalid request: 'name': a task needs a non-empty name"
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", profile="p", colour="red")
    assert caught.value.kind == "request"
    assert str(caught.value) == "invalid request: 'colour': not a setting of TaskCreationInput"
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", profile="p", extra={"profile": "q"})
    assert caught.value.kind == "extra"
    assert str(caught.value) == "invalid extra: 'profile': given both as a keyword argument and in extra"


def test_the_exact_pool_job_and_dependency_messages() -> None:
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", pool="p", job="j")
    assert _problems(caught) == [
        (
            "pool, job",
            "a task in a job runs on the job's pool: give the job only (create the job with pool=…)",
        )
    ]
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", profile="p", depends_on=[TASK])
    assert _problems(caught) == [
        (
            "depends_on",
            "dependencies are between tasks of one job: give job=… (created with use_dependencies=True)",
        )
    ]


def test_a_bad_pool_or_job_id_is_named_by_its_argument() -> None:
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", pool="")
    assert caught.value.kind == "pool"
    with pytest.raises(InvalidValueError) as caught:
        job_body(name="j", pool="a/b")
    assert caught.value.kind == "pool"


def test_constraints_as_a_list_of_objects_are_named_with_their_index() -> None:
    assert task_body(name="t", profile="p", constraints=[{"key": "a", "value": "b"}])["constraints"] == [
        {"key": "a", "value": "b"}
    ]
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", profile="p", constraints=[{"key": "a", "value": "b"}, 3])
    assert _problems(caught) == [("constraints[1]", "expected a mapping or a model with to_dict(), not int")]
    with pytest.raises(InvalidValueError) as caught:
        task_body(name="t", profile="p", constraints="a=b")
    assert _problems(caught) == [("constraints", "expected a list of objects, not str")]


def test_scaling_problems_name_the_policy() -> None:
    with pytest.raises(InvalidValueError) as caught:
        scaling_body({"policies": [{"type": "Fixed"}, 3]})
    assert caught.value.problems[0].text == "scaling.policies[1]"
    with pytest.raises(InvalidValueError) as caught:
        scaling_body([3])
    assert caught.value.problems[0].text == "scaling[0]"


def test_every_builder_takes_secrets_and_checks_extra() -> None:
    secret = SecretConstant("K", "v")
    wire = [{"key": "QARNOT_SECRET__K", "value": "v"}]
    assert overrides_body(secrets=[secret]) == {"constants": wire}
    assert pool_body(name="p", profile="prof", secrets=[secret])["constants"] == wire
    assert task_update_body(secrets=[secret]) == {"constants": wire}
    assert overrides_body(extra={"tags": ["a"]}) == {"tags": ["a"]}
    assert pool_body(name="p", profile="prof", extra={"tags": ["a"]})["tags"] == ["a"]
    assert job_body(name="j", extra={"tags": ["a"]}) == {"name": "j", "tags": ["a"]}
    builds: list[Callable[[], object]] = [
        lambda: overrides_body(extra={"nope": 1}),
        lambda: pool_body(name="p", profile="prof", extra={"nope": 1}),
        lambda: job_body(name="j", extra={"nope": 1}),
    ]
    for build in builds:
        with pytest.raises(InvalidValueError) as caught:
            build()
        assert caught.value.kind == "extra"
