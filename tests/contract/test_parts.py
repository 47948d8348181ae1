"""The runner's parts on their own: operation classes, the resource guard, drift, formats, redaction."""

from __future__ import annotations

import re
import uuid

import jsonschema_rs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from schemathesis.core.failures import ServerError

from qarnot_ext.contract._causes import cause_of, group
from qarnot_ext.contract._drift import CASE_DRIFT, UNKNOWN_ENUM, DriftPolicy, drift_kind, relax
from qarnot_ext.contract._formats import FORMAT_VALIDATORS, format_strategies, registered_formats
from qarnot_ext.contract._redact import REDACTED, Redactor
from qarnot_ext.contract._resources import ResourceGuard
from qarnot_ext.contract._results import Finding, percentile
from qarnot_ext.contract._spec import (
    creators,
    default_spec_path,
    load_document,
    operations_of,
    select,
    taggable_operations,
)

DOCUMENT = load_document(default_spec_path())
OPERATIONS = operations_of(DOCUMENT)
BY_ID = {op.operation_id: op for op in OPERATIONS}

SAFE = {
    "list_hardware_constraints", "search_cpu_model_constraints", "list_jobs", "search_jobs", "paginate_jobs",
    "get_job", "list_job_tasks", "get_api_root", "list_pool_summaries", "paginate_pool_summaries",
    "list_pools",
    "search_pools", "paginate_pools", "get_pool", "list_pool_jobs", "list_pool_tasks", "get_pool_stdout",
    "get_pool_instance_stdout", "get_pool_stderr", "get_pool_instance_stderr", "get_pool_scaling",
    "check_pool_scaling", "list_profiles", "get_profile", "get_settings", "get_status", "list_tasks",
    "list_task_summaries", "paginate_task_summaries", "search_tasks", "paginate_tasks", "get_task",
    "get_task_stdout", "get_task_instance_stdout", "get_task_stderr", "get_task_instance_stderr",
    "get_snapshot_status", "get_user_info", "list_versions", "get_secret", "search_secrets",
}  # fmt: skip


def test_safe_operations_are_the_reads_searches_paginations_and_the_scaling_check() -> None:
    assert {op.operation_id for op in OPERATIONS if op.safe} == SAFE
    # The POST outputs consume what they return: never safe.
    assert not BY_ID["get_task_fresh_stdout"].safe
    assert not BY_ID["get_pool_instance_fresh_stderr"].safe
    assert {op.operation_id for op in OPERATIONS if not op.secured} == {"get_settings", "list_versions"}


def test_select_matches_operation_ids_and_labels() -> None:
    assert [op.operation_id for op in select(OPERATIONS, safe_only=False, pattern="^get_task$")] == [
        "get_task"
    ]
    by_label = {op.operation_id for op in select(OPERATIONS, safe_only=False, pattern="^DELETE /tasks")}
    assert by_label == {"delete_task"}
    assert select(OPERATIONS, safe_only=True, pattern="^delete_task$") == []
    with pytest.raises(re.error):
        select(OPERATIONS, safe_only=True, pattern="(")


def test_creators_and_taggable_operations_come_from_the_spec() -> None:
    assert creators(DOCUMENT) == {
        "create_job": "job",
        "create_pool": "pool",
        "clone_pool": "pool",
        "create_task": "task",
        "retry_task": "task",
        "recover_task": "task",
        "resume_task": "task",
        "clone_task": "task",
        "create_secret": "secret",
    }
    assert {"create_task", "create_pool", "create_job", "clone_task", "update_task"} <= taggable_operations(
        DOCUMENT
    )
    assert "update_task_resources" not in taggable_operations(DOCUMENT)


def _guard(profile: str | None = "docker-batch") -> ResourceGuard:
    return ResourceGuard("r1", BY_ID, creators(DOCUMENT), taggable_operations(DOCUMENT), profile)


def test_guard_tags_bodies_without_making_invalid_tags_valid() -> None:
    guard = _guard()
    tag = guard.tag
    assert guard.prepare("create_task", {}, {"name": "x"})[1] == {"name": "x", "tags": [tag]}
    assert guard.prepare("create_task", {}, [{"name": "a"}, {"name": "b", "tags": ["t"]}])[1] == [
        {"name": "a", "tags": [tag]},
        {"name": "b", "tags": ["t", tag]},
    ]
    full = {"name": "x", "tags": [str(i) for i in range(10)]}
    assert guard.prepare("create_task", {}, full)[1] is full
    wrong = {"name": "x", "tags": "not-a-list"}
    assert guard.prepare("create_task", {}, wrong)[1] is wrong
    # Safe operations and bodies that declare no tags are untouched.
    search = {"filter": None}
    assert guard.prepare("search_tasks", {}, search)[1] is search
    assert guard.prepare("update_task_resources", {"taskUuid": "x"}, None)[1] is None


def test_guard_keeps_its_hands_off_resources_it_did_not_create() -> None:
    guard = _guard()
    foreign = str(uuid.uuid4())
    params, _ = guard.prepare("delete_task", {"taskUuid": foreign}, None)
    assert params["taskUuid"] != foreign
    assert uuid.UUID(params["taskUuid"])
    guard.observe("create_task", {}, 200, {"uuid": foreign})
    assert guard.prepare("delete_task", {"taskUuid": foreign}, None)[0] == {"taskUuid": foreign}
    # Reads are never re-aimed: they cannot harm.
    other = str(uuid.uuid4())
    assert guard.prepare("get_task", {"taskUuid": other}, None)[0] == {"taskUuid": other}
    # Secrets: created keys carry the run's tag; other keys are out of reach.
    created, _ = guard.prepare("create_secret", {"key": "db"}, {"value": "v"})
    assert created["key"] == f"{guard.tag}-db"
    guard.observe("create_secret", created, 200, {})
    assert guard.prepare("delete_secret", created, None)[0] == created
    assert guard.prepare("delete_secret", {"key": "db"}, None)[0]["key"].startswith(f"{guard.tag}-absent-")


def test_guard_records_bulk_creations_and_ignores_failures() -> None:
    guard = _guard()
    ok, failed = str(uuid.uuid4()), str(uuid.uuid4())
    guard.observe(
        "create_task", {}, 207, [{"statusCode": 200, "uuid": ok}, {"statusCode": 400, "uuid": None}]
    )
    guard.observe("create_task", {}, 400, {"uuid": failed})
    guard.observe("clone_pool", {"poolUuid": "p"}, 200, {"uuid": failed})
    assert guard.created["task"] == [ok]
    assert guard.created["pool"] == [failed]


def test_scenario_creations_use_a_minimal_valid_body() -> None:
    guard = _guard("blender")
    _, body = guard.prepare("create_task", {}, {"name": "x", "poolUuid": "nope"}, scenario=True)
    assert body == {
        "name": "qarnot-contract r1",
        "profile": "blender",
        "instanceCount": 1,
        "tags": [guard.tag],
    }
    assert guard.prepare("create_task", {}, {"name": "x"}, scenario=False)[1]["name"] == "x"
    # Without a profile from the server there is no valid body to send: the generated one goes.
    assert _guard(None).prepare("create_task", {}, {"name": "x"}, scenario=True)[1]["name"] == "x"


STATE = {"type": "string", "enum": ["Submitted", "Success"]}
DOC_SCHEMA = {
    "type": "object",
    "properties": {
        "state": {"oneOf": [STATE, {"type": "null"}]},
        "count": {"type": "integer"},
        "tag": {"type": "string", "not": {"enum": ["Known"]}},
    },
}


@pytest.mark.parametrize(
    ("document", "policy", "expected"),
    [
        ({"state": "success"}, DriftPolicy(allow_case_drift=True), CASE_DRIFT),
        ({"state": "success"}, DriftPolicy(allow_unknown_enum_values=True), UNKNOWN_ENUM),
        ({"state": "Paused"}, DriftPolicy(allow_case_drift=True), None),
        ({"state": "Paused"}, DriftPolicy(allow_unknown_enum_values=True), UNKNOWN_ENUM),
        ({"state": "success", "count": "x"}, DriftPolicy(True, True), CASE_DRIFT),
        ({"state": 3}, DriftPolicy(True, True), None),
        ({"state": "success"}, DriftPolicy(), None),
    ],
)
def test_drift_is_told_apart_from_real_violations(
    document: dict[str, object], policy: DriftPolicy, expected: str | None
) -> None:
    validator = jsonschema_rs.Draft202012Validator
    assert not validator(DOC_SCHEMA).is_valid(document)
    assert drift_kind(policy, DOC_SCHEMA, validator, document, ["state"]) == expected
    # A wrong-typed count is a separate failure that no switch excuses.
    if "count" in document:
        assert drift_kind(policy, DOC_SCHEMA, validator, document, ["count"]) is None


def test_relaxing_leaves_the_unknown_catch_all_intact() -> None:
    relaxed = relax(DOC_SCHEMA, case_insensitive=True, open_enums=True)
    validator = jsonschema_rs.Draft202012Validator(relaxed)
    assert not validator.is_valid({"tag": "Known"})
    assert validator.is_valid({"tag": "New", "state": "anything"})


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_format_strategies_generate_what_the_pattern_and_the_parser_accept(data: st.DataObject) -> None:
    patterns = {}
    for schema in DOCUMENT["components"]["schemas"].values():
        for prop in (schema.get("properties") or {}).values():
            if prop.get("format") in FORMAT_VALIDATORS:
                patterns[prop["format"]] = prop["pattern"]
    assert set(patterns) == set(FORMAT_VALIDATORS)
    for name, strategy in format_strategies().items():
        value = data.draw(strategy, label=name)
        assert re.search(patterns[name], value), (name, value)
        assert FORMAT_VALIDATORS[name](value), (name, value)


@pytest.mark.parametrize(
    ("name", "value", "valid"),
    [
        ("date-span", "1.03:16:50.5000000", True),
        ("date-span", "00:75:00", False),
        ("time-of-day", "23:59:59.9999999", True),
        ("time-of-day", "24:00:00", False),
        ("qarnot-date-time", "0001-01-01T00:00:00 ", True),
        ("qarnot-date-time", "2021-13-01T10:00:00Z", False),
        ("qarnot-date-time", None, True),
    ],
)
def test_format_validators(name: str, value: str | None, valid: bool) -> None:
    assert FORMAT_VALIDATORS[name](value) is valid


def test_format_registration_is_restored_after_a_run() -> None:
    from schemathesis.specs.openapi.formats import STRING_FORMATS

    before = {name: STRING_FORMATS.get(name) for name in FORMAT_VALIDATORS}
    with registered_formats():
        assert all(name in STRING_FORMATS for name in FORMAT_VALIDATORS)
    assert {name: STRING_FORMATS.get(name) for name in FORMAT_VALIDATORS} == before


def test_redactor() -> None:
    redactor = Redactor(["s3cr3t", "", "s3cr3t-longer"])
    assert redactor.text("a s3cr3t-longer and s3cr3t") == f"a {REDACTED} and {REDACTED}"
    assert redactor.headers({"Authorization": "anything", "X-Echo": "got s3cr3t"}) == {
        "Authorization": REDACTED,
        "X-Echo": f"got {REDACTED}",
    }
    assert "s3cr3t" not in repr(redactor)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Authorization: tok", "Authorization: [REDACTED]"),
        ("a token, tokens, stok, tok_1 and tok2", "a token, tokens, stok, tok_1 and tok2"),
        ("GET /info?t=tok&token=x", "GET /info?t=[REDACTED]&token=x"),
        ('{"email": "tok", "note": "token accepted"}', '{"email": "[REDACTED]", "note": "token accepted"}'),
        ("curl -H 'Authorization: tok' http://h/token", "curl -H 'Authorization: [REDACTED]' http://h/token"),
        ("tok", "[REDACTED]"),
    ],
)
def test_redaction_is_by_exact_value_never_inside_a_word(text: str, expected: str) -> None:
    assert Redactor(["tok"]).text(text) == expected


def test_redaction_finds_encoded_spellings_and_learnt_secrets() -> None:
    redactor = Redactor(['p@ss "word"'])
    assert redactor.text('{"v": "p@ss \\"word\\""}') == '{"v": "[REDACTED]"}'
    assert redactor.text("?v=p%40ss%20%22word%22&x=1") == "?v=[REDACTED]&x=1"
    redactor.add("learnt-secret-1")
    assert redactor.document({"a": ["learnt-secret-1", "keep"], "b": 1}) == {"a": [REDACTED, "keep"], "b": 1}
    assert redactor.is_secret("learnt-secret-1")
    assert not redactor.is_secret("learnt")


def test_percentile() -> None:
    assert percentile([], 0.5) is None
    assert percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert percentile([float(i) for i in range(1, 101)], 0.95) == 95.0


def test_findings_with_one_cause_group_into_one_entry_with_the_smallest_case() -> None:
    def finding(operation: str, check: str, cause: str, reproduction: str) -> Finding:
        return Finding(operation, check, "ST101", "Server error", "m", reproduction, cause=cause)

    first = finding("list_tasks", "not_a_server_error", "HTTP 500: boom", "curl -X GET http://h/tasks?x=1")
    smaller = finding("get_task", "not_a_server_error", "HTTP 500: boom", "curl -X GET http://h/t")
    other = finding("get_task", "not_a_server_error", "HTTP 500: another", "curl")
    causes = group([first, smaller, other])
    assert [(c.cause, c.operations, c.findings) for c in causes] == [
        ("HTTP 500: boom", ["list_tasks", "get_task"], 2),
        ("HTTP 500: another", ["get_task"], 1),
    ]
    assert causes[0].example is smaller


def test_the_cause_of_a_server_error_keeps_the_gist_of_the_body_and_drops_what_varies() -> None:
    failure = ServerError(operation="GET /tasks/{taskUuid}", status_code=500)
    uuid_a, uuid_b = str(uuid.uuid4()), str(uuid.uuid4())
    one = cause_of("not_a_server_error", failure, f"/tasks/{uuid_a}", f"KeyError for task {uuid_a} at 12")
    two = cause_of("not_a_server_error", failure, f"/tasks/{uuid_b}", f"KeyError for task {uuid_b} at 13")
    assert one == two == "HTTP 500: KeyError for task {id} at {n}"
    assert cause_of("ignored_auth", failure) == "the server does not check the token"
