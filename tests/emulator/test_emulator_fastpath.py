"""The compiled request/response checks (``_fastrequest``) agree with openapi-core wherever they accept."""

from __future__ import annotations

import json
from typing import Any

import pytest

from qarnot_ext.emulator._app import _CoreRequest, _CoreResponse
from qarnot_ext.emulator._fastrequest import FastRequestValidator
from qarnot_ext.emulator._spec import load_spec

_SPEC = load_spec()
_FAST = FastRequestValidator(_SPEC, _SPEC.fast_schemas)
_AUTH = [("authorization", "token"), ("content-type", "application/json")]

_CASES: list[tuple[str, dict[str, str], list[tuple[str, str]], Any]] = [
    ("get_task", {"taskUuid": "abc"}, [], None),
    ("delete_job", {"jobUuid": "j"}, [("force", "true")], None),
    ("delete_job", {"jobUuid": "j"}, [("force", "false")], None),
    ("delete_job", {"jobUuid": "j"}, [], None),
    ("delete_job", {"jobUuid": "j"}, [("force", "True")], None),
    ("delete_job", {"jobUuid": "j"}, [("force", "maybe")], None),
    ("list_tasks", {}, [("tag", "a"), ("tag", "b,c")], None),
    ("list_tasks", {}, [("tag", "")], None),
    ("list_hardware_constraints", {}, [("Limit", "3"), ("Offset", "0")], None),
    ("list_hardware_constraints", {}, [("Limit", "+3")], None),
    ("list_hardware_constraints", {}, [("Limit", "99999999999")], None),
    ("list_hardware_constraints", {}, [("Limit", "x")], None),
    ("get_task_instance_stdout", {"taskUuid": "t", "instanceId": "2"}, [], None),
    ("get_task_instance_stdout", {"taskUuid": "t", "instanceId": "-1"}, [], None),
    ("create_task", {}, [], {"name": "t", "profile": "docker-batch", "instanceCount": 1}),
    ("create_task", {}, [], {"name": "t", "profile": "docker-batch", "instanceCount": "one"}),
    ("create_task", {}, [], None),
    ("create_secret", {"key": "a/b"}, [], {"value": "v"}),
    ("create_secret", {"key": "a/b"}, [], {"value": 3}),
    ("paginate_tasks", {}, [], {"maximumResults": 10, "token": None}),
]


def _slow(op_id: str, path: dict[str, str], query: list[tuple[str, str]], body: bytes) -> Any:
    operation = _SPEC.operations[op_id]
    request = _CoreRequest(
        operation.method, "/x", _AUTH, query, body, _SPEC.pinned(operation, path), path, operation
    )
    result = _SPEC.openapi.unmarshal_request(request)
    if result.errors:
        return None
    return dict(result.parameters.query), {
        k: v for k, v in result.parameters.path.items() if not isinstance(v, str)
    }


@pytest.mark.parametrize(("op_id", "path", "query", "body"), _CASES)
def test_fast_request_check_accepts_only_what_openapi_core_accepts(
    op_id: str, path: dict[str, str], query: list[tuple[str, str]], body: Any
) -> None:
    data = json.dumps(body).encode() if body is not None else b""
    fast = _FAST.check(_SPEC.operations[op_id], query, path, data, "application/json")
    slow = _slow(op_id, path, query, data)
    if fast is None:
        return  # openapi-core decides (and may accept: "True" is a boolean to it)
    assert slow is not None, f"fast accepted what openapi-core rejects: {op_id} {query} {body}"
    fast_query, fast_path = fast
    assert (fast_query, {k: v for k, v in fast_path.items() if not isinstance(v, str)}) == slow


def test_fast_path_takes_the_common_cases() -> None:
    """Plain valid requests never reach openapi-core (that is the speed-up)."""
    for op_id, path, query, body in _CASES[:4] + _CASES[6:9] + [_CASES[12], _CASES[14], _CASES[17]]:
        data = json.dumps(body).encode() if body is not None else b""
        assert _FAST.check(_SPEC.operations[op_id], query, path, data, "application/json") is not None, op_id


@pytest.mark.parametrize(
    ("status", "content_type", "body", "expected"),
    [
        (200, "application/json", {"value": "v"}, True),
        (200, "application/json", {"value": 3}, False),
        (200, "text/plain", "v", False),
        (299, "application/json", {"value": "v"}, False),
        (404, "application/problem+json", {"title": "x", "status": 404}, True),
    ],
)
def test_fast_response_check(status: int, content_type: str, body: Any, expected: bool) -> None:
    operation = _SPEC.operations["get_secret"]
    data = json.dumps(body).encode()
    assert _FAST.response_ok(operation, status, content_type, data) is expected
    if expected:  # openapi-core agrees
        request = _CoreRequest(
            "get", "/x", _AUTH, [], b"", _SPEC.pinned(operation, {"key": "k"}), {"key": "k"}, operation
        )
        response = _CoreResponse(status, [("content-type", content_type)], data)
        assert list(_SPEC.openapi.response_validator.iter_errors(request, response)) == []
