"""``--mode safe`` can be pointed at a production account: it sends nothing that changes state.

The run below includes the coverage phase (boundary values, missing ``Authorization``, undocumented
methods such as ``DELETE`` on read-only paths), on operations that share their paths with unsafe
ones. A recording middleware sees every request; each must be a safe operation of the contract or a
method the path does not document at all (answered 405). The account's existing task and secret
must come out untouched.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import httpx

from qarnot_ext.contract._spec import OperationInfo, default_spec_path, load_document, operations_of
from tests.contract._helpers import TOKEN, Cli, emulator_app, serve

OPERATIONS = operations_of(load_document(default_spec_path()))
# Paths shared with unsafe operations: GET /tasks/{taskUuid} (PUT, PATCH, DELETE), GET /tasks (POST creates),
# GET /secrets-manager/data/{key} (PUT, PATCH, DELETE); plus a public one.
SELECTED = "^(get_task|list_tasks|get_secret|get_user_info|get_settings)$"


class Recorder:
    """Records the method and path of every request."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app
        self.requests: list[tuple[str, str]] = []

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.requests.append((scope["method"], re.sub(r"^/v1(?=/|$)", "", scope["path"]) or "/"))
        await self.app(scope, receive, send)


def _template(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]*", re.escape(path)) + "$")


def match(method: str, path: str) -> tuple[OperationInfo | None, bool]:
    """(the operation a request reaches, whether the path exists at all); literal paths win."""
    candidates = [op for op in OPERATIONS if _template(op.path).match(path)]
    literal = [op for op in candidates if op.path == path]
    paths = literal or candidates
    reached = next((op for op in paths if op.method == method), None)
    return reached, bool(paths)


def test_safe_mode_sends_no_state_changing_request(cli: Cli) -> None:
    app, state = emulator_app()
    recorder = Recorder(app)
    with serve(recorder) as url, httpx.Client(base_url=url, headers={"Authorization": TOKEN}) as client:
        task = client.post(
            "/tasks", json={"name": "keep", "profile": "docker-batch", "instanceCount": 1}
        ).json()
        assert client.put("/secrets-manager/data/keep", json={"value": "v1"}).status_code == 200
        before = client.get(f"/tasks/{task['uuid']}").json()
        recorder.requests.clear()
        run = cli("run", "--base-url", url, "--operations", SELECTED, "--max-examples", "3", "--seed", "3")
        after = client.get(f"/tasks/{task['uuid']}").json()
        secret = client.get("/secrets-manager/data/keep").json()
        tasks = client.get("/tasks").json()
    assert run.code == 0, run.out + run.err
    assert len(recorder.requests) > 50
    methods = {method for method, _ in recorder.requests}
    assert {"DELETE", "PUT", "PATCH"} & methods, "the coverage phase should have tried undocumented methods"
    unsafe = []
    for method, path in recorder.requests:
        operation, _ = match(method, path)
        if operation is not None and not operation.safe:
            unsafe.append((method, path, operation.operation_id))
    assert unsafe == []
    assert after == before
    assert secret["value"] == "v1"
    assert [t["uuid"] for t in tasks] == [task["uuid"]]
    assert state.violations == []
    assert run.summary["operations_covered"] == 5
    # get_task and get_secret answer nothing but 404 on this account, and are still served: the
    # emulator's "no such task" is not its answer to a path it does not have.
    assert run.summary["operations_by_status"] == {"passed": 5, "failed": 0, "not_served": 0, "skipped": 0}
    # The coverage phase's undocumented-method probes were answered 405 (checked by unsupported_method).
    assert all(op["statuses"].get("405") for op in run.summary["operations"])
