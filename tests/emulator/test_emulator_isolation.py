"""Tenant isolation: every operation of the spec that names a resource, called by another tenant with
the owner's identifiers, is a 404 (never a 403 that would reveal the resource exists) and changes
nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from qarnot_ext.emulator._spec import load_spec
from tests.emulator._emulator_helpers import World, create, task_body

# Bodies that pass the schema, so that the answer is about the resource and not about the body.
BODIES: dict[str, Any] = {
    "start_periodic_snapshot": {"interval": 5},
    "update_pool_scaling": {"policies": [{"type": "Fixed", "name": "f", "slotsCount": 1}]},
    "update_secret": {"value": "stolen"},
}


def _operations_with_ids() -> list[tuple[str, str, str]]:
    spec = load_spec()
    out = []
    for operation in spec.operations.values():
        if "{" in operation.template and operation.operation_id not in ("search_secrets", "get_profile"):
            out.append((operation.operation_id, operation.method, operation.template))
    return sorted(out)


OPERATIONS = _operations_with_ids()


@pytest.fixture
def owned(world: World, alice: httpx.Client) -> dict[str, str]:
    pool = create(alice, "/pools", {"name": "p", "profile": "docker-batch", "instanceCount": 1})
    job = create(alice, "/jobs", {"name": "j"})
    task = create(alice, "/tasks", task_body())
    world.advance(3)
    snapshot = alice.post(f"/tasks/{task}/snapshot", json={}).json()["id"]
    assert alice.put("/secrets-manager/data/team/key", json={"value": "alice's"}).status_code == 200
    return {
        "taskUuid": task,
        "poolUuid": pool,
        "jobUuid": job,
        "snapshotId": snapshot,
        "key": "team/key",
        "instanceId": "0",
    }


def test_the_list_covers_every_resource_operation() -> None:
    assert len(OPERATIONS) == 46
    assert {op for op, _, _ in OPERATIONS} >= {
        "get_task",
        "delete_pool",
        "terminate_job",
        "get_snapshot_status",
        "get_secret",
    }


@pytest.mark.parametrize(("operation_id", "method", "template"), OPERATIONS, ids=[o[0] for o in OPERATIONS])
def test_other_tenants_get_404(
    alice: httpx.Client,
    bob: httpx.Client,
    owned: dict[str, str],
    operation_id: str,
    method: str,
    template: str,
) -> None:
    path = template.format(**owned)
    before = alice.get(f"/tasks/{owned['taskUuid']}").json()
    body = BODIES.get(operation_id, {} if method in ("post", "put", "patch") else None)
    if operation_id == "create_secret":
        # Keys are per account: Bob creates his own "team/key"; Alice's is untouched.
        assert bob.request(method, path, json={"value": "bob's"}).status_code == 200
    else:
        response = bob.request(method, path, json=body)
        assert response.status_code == 404, (operation_id, response.text)
        assert response.headers["content-type"] == "application/problem+json"
    after = alice.get(f"/tasks/{owned['taskUuid']}").json()
    assert (after["state"], after["tags"], after["constants"]) == (
        before["state"],
        before["tags"],
        before["constants"],
    )
    assert alice.get(f"/pools/{owned['poolUuid']}").json()["state"] == "FullyExecuting"
    assert alice.get(f"/jobs/{owned['jobUuid']}").json()["state"] == "Active"
    assert alice.get("/secrets-manager/data/team/key").json() == {"value": "alice's"}


def test_lists_and_searches_show_only_own_resources(
    alice: httpx.Client, bob: httpx.Client, owned: dict[str, str]
) -> None:
    for path in ("/tasks", "/tasks/summaries", "/pools", "/pools/summaries", "/jobs"):
        assert bob.get(path).json() == [], path
    for path in ("/tasks/search", "/pools/search", "/jobs/search"):
        assert bob.post(path, json={}).json() == [], path
    for path in (
        "/tasks/paginate",
        "/tasks/summaries/paginate",
        "/pools/paginate",
        "/pools/summaries/paginate",
        "/jobs/paginate",
    ):
        page = bob.post(path, json={}).json()
        assert (page["data"], page["total"]) == ([], 0), path
    assert bob.get("/info").json()["taskCount"] == 0
    assert bob.get("/secrets-manager/search/team").json() == {"keys": []}
    # Bob cannot reference Alice's pool or job either.
    assert bob.post("/tasks", json=task_body(poolUuid=owned["poolUuid"], profile=None)).status_code == 400
    assert bob.post("/jobs", json={"name": "x", "poolUuid": owned["poolUuid"]}).status_code == 400
