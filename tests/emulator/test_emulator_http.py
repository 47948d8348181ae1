"""The HTTP surface: auth, routing (versioned and unversioned, literal vs templated, 404/405), request
validation, the response validator that catches emulator bugs, and the read-only account header."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest

from qarnot_ext.emulator import _handlers
from qarnot_ext.emulator._handlers import Reply
from qarnot_ext.emulator._spec import load_spec
from tests.emulator._emulator_helpers import ALICE, BOB, CAROL, World, create, task_body


def test_missing_and_wrong_tokens_are_401(world: World) -> None:
    with world.api(None) as anonymous:
        for path in ("/tasks", "/info", "/pools", "/status", "/"):
            response = anonymous.get(path)
            assert response.status_code == 401, path
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json()["status"] == 401
        assert anonymous.get("/tasks", headers={"Authorization": "nope"}).status_code == 401
        # The raw token is expected, as the SDKs send it: "Bearer <token>" is not a token.
        assert anonymous.get("/tasks", headers={"Authorization": f"Bearer {ALICE.token}"}).status_code == 401


def test_settings_and_versions_are_public(world: World) -> None:
    with world.api(None) as anonymous:
        assert anonymous.get("/settings").json() == {"storage": None}
        assert anonymous.get("/versions").json() == [{"version": "v1", "endOfLife": None}]


def test_versioned_and_unversioned_routes(world: World) -> None:
    with world.api(ALICE, versioned=False) as plain, world.api(ALICE) as versioned:
        uuid = create(plain, "/tasks", task_body())
        assert versioned.get(f"/tasks/{uuid}").json()["uuid"] == uuid
        assert plain.get(f"/tasks/{uuid}").json()["uuid"] == uuid
        assert plain.get("/v1").status_code == 200  # get_api_root
        assert plain.get("/").status_code == 200
        missing = plain.get("/v2/tasks")
        assert missing.status_code == 404
        assert missing.json()["detail"] == "API version v2 does not exist"


def test_location_header_follows_the_route_used(world: World) -> None:
    with world.api(ALICE, versioned=False) as plain, world.api(ALICE) as versioned:
        first = plain.post("/tasks", json=task_body())
        second = versioned.post("/tasks", json=task_body())
        assert first.headers["location"] == f"/tasks/{first.json()['uuid']}"
        assert second.headers["location"] == f"/v1/tasks/{second.json()['uuid']}"


def test_unknown_path_is_json_404(alice: httpx.Client) -> None:
    response = alice.get("/nothing/here")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["title"] == "Not Found"


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("GET", "/tasks/paginate", "POST"),
        ("DELETE", "/tasks/summaries", "GET"),
        ("PUT", "/tasks", "GET, POST"),
        ("GET", "/tasks/x/snapshot/periodic", "POST"),
        ("PATCH", "/settings", "GET"),
        ("HEAD", "/tasks", "GET, POST"),
    ],
)
def test_unknown_method_is_405_with_allow(alice: httpx.Client, method: str, path: str, allow: str) -> None:
    response = alice.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allow
    if method != "HEAD":
        assert response.json()["status"] == 405


def test_literal_paths_win_over_templates(alice: httpx.Client) -> None:
    # POST /tasks/paginate is the literal operation, not a POST on a task called "paginate".
    page = alice.post("/tasks/paginate", json={})
    assert page.status_code == 200
    assert set(page.json()) >= {"data", "count", "total", "isTruncated", "nextToken"}
    assert alice.get("/tasks/summaries").status_code == 200
    assert alice.post("/pools/summaries/paginate", json={}).status_code == 200


def test_trailing_slash_is_accepted(alice: httpx.Client) -> None:
    # The Python SDK creates jobs with POST /jobs/.
    assert alice.post("/jobs/", json={"name": "j"}).status_code == 200


def test_bad_bodies_are_400_problems(alice: httpx.Client) -> None:
    cases = [
        (b"\x80\x81", "application/json"),  # not UTF-8 (openapi-core's error str() would raise)
        (b"{not json", "application/json"),
        (b'{"name": "x"}', "text/plain"),
        (b'{"instanceCount": 1}', "application/json"),  # name is required
        (b'{"name": "t", "hardwareConstraints": [{"discriminator": [null, null]}]}', "application/json"),
        (b"", "application/json"),
    ]
    for body, content_type in cases:
        response = alice.post("/tasks", content=body, headers={"content-type": content_type})
        assert response.status_code == 400, (body, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["errors"], response.text


def test_field_errors_name_the_field(alice: httpx.Client) -> None:
    response = alice.post("/tasks", json={"name": "t", "instanceCount": "many"})
    assert response.status_code == 400
    assert "body.instanceCount" in response.json()["errors"]


def test_invalid_path_parameter_is_404(alice: httpx.Client) -> None:
    uuid = create(alice, "/tasks", task_body())
    for bad in ("abc", "-1"):
        response = alice.get(f"/tasks/{uuid}/stdout/{bad}")
        assert response.status_code == 404, bad
        assert response.headers["content-type"] == "application/problem+json"


def test_invalid_query_is_400(alice: httpx.Client) -> None:
    assert alice.get("/hardware-constraints", params={"Limit": "lots"}).status_code == 400
    assert alice.delete("/jobs/x", params={"force": "maybe"}).status_code == 400


def test_request_id_on_every_answer(world: World, alice: httpx.Client) -> None:
    with world.api(None) as anonymous:
        response = anonymous.get("/tasks")
        assert len(response.headers["x-request-id"]) == 32
        assert response.json()["traceId"] == response.headers["x-request-id"]
    from_handler = alice.get("/tasks/no-such-task")
    assert from_handler.status_code == 404
    assert from_handler.json()["traceId"] == from_handler.headers["x-request-id"]
    assert from_handler.json()["detail"] == "No such task: no-such-task"


def test_a_response_breaking_the_contract_is_a_500_and_a_violation(
    world: World, alice: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(_handlers.HANDLERS, "get_status", lambda call: Reply(json={"unexpected": True}))
    monkeypatch.setitem(_handlers.HANDLERS, "list_profiles", lambda call: Reply(json=[1, 2]))
    monkeypatch.setitem(_handlers.HANDLERS, "get_settings", lambda call: Reply(201, {}))
    monkeypatch.setitem(
        _handlers.HANDLERS,
        "list_versions",
        lambda call: Reply(json=[{"version": "v1", "endOfLife": "2030-02-30"}]),
    )
    monkeypatch.setitem(
        _handlers.HANDLERS,
        "get_snapshot_status",
        lambda call: Reply(json={"id": "s", "lastUpdateDate": "soon"}),
    )
    monkeypatch.setitem(
        _handlers.HANDLERS, "get_user_info", lambda call: Reply(json={"email": None}, headers={})
    )
    assert alice.get("/versions").status_code == 500  # format: date
    assert alice.get("/tasks/x/snapshot/y").status_code == 500  # format and pattern: qarnot-date-time
    assert alice.get("/info").status_code == 200  # every field of UserOutput is optional: valid
    assert alice.get("/status").status_code == 500
    broken = alice.get("/profiles")
    assert broken.status_code == 500
    assert "violates openapi.yaml" in broken.json()["detail"]
    assert alice.get("/settings").status_code == 500  # undocumented status
    assert len(world.state.violations) == 5
    world.state.violations.clear()  # expected here; the fixture fails on any other


def test_a_crashing_handler_is_a_500_and_a_violation(
    world: World, alice: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(call: object) -> Reply:
        raise KeyError("boom")

    monkeypatch.setitem(_handlers.HANDLERS, "list_tasks", crash)
    response = alice.get("/tasks")
    assert response.status_code == 500
    assert "emulator bug in list_tasks" in response.json()["detail"]
    assert len(world.state.violations) == 1
    world.state.violations.clear()


def test_read_only_header(world: World, alice: httpx.Client, bob: httpx.Client) -> None:
    mine = create(alice, "/tasks", task_body(name="alice's"))
    with world.api(CAROL) as carol:
        theirs = create(carol, "/tasks", task_body(name="carol's"))
    header = "QarnotReadOnlyRequestForAccount"
    # Alice was granted read access to Carol's account (ALICE.can_read).
    seen = alice.get(f"/tasks/{theirs}", headers={header: CAROL.email.upper()})
    assert seen.status_code == 200
    assert seen.json()["name"] == "carol's"
    assert [t["uuid"] for t in alice.get("/tasks", headers={header: CAROL.email}).json()] == [theirs]
    assert alice.get(f"/tasks/{mine}", headers={header: CAROL.email}).status_code == 404
    assert alice.get(f"/tasks/{mine}", headers={header: ALICE.email}).status_code == 200  # own account
    # Not granted, or no such account: the same 403, so that accounts cannot be probed.
    assert bob.get("/tasks", headers={header: ALICE.email}).status_code == 403
    assert bob.get("/tasks", headers={header: "nobody@nowhere.example"}).status_code == 403
    # Read-only access cannot write.
    refused = alice.post(f"/tasks/{theirs}/abort", headers={header: CAROL.email})
    assert refused.status_code == 403
    with world.api(CAROL) as carol:
        assert carol.get(f"/tasks/{theirs}").json()["state"] == "Submitted"


def test_tokens_never_reach_the_logs(
    world: World, alice: httpx.Client, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setitem(_handlers.HANDLERS, "get_status", lambda call: Reply(json=call.headers))
    alice.get("/status")  # a deliberately broken handler echoing the request headers
    alice.get("/tasks", headers={"Authorization": "wrong-token"})
    world.state.violations.clear()
    assert caplog.records, "the violation is logged"
    for record in caplog.records:
        assert ALICE.token not in record.getMessage()
        assert "wrong-token" not in record.getMessage()


def test_in_process_with_httpx_asgi_transport(world: World) -> None:
    async def scenario() -> tuple[int, int, str]:
        transport = httpx.ASGITransport(app=world.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://emulator/v1") as client:
            headers = {"Authorization": BOB.token}
            created = await client.post("/tasks", json=task_body(), headers=headers)
            uuid = created.json()["uuid"]
            got = await client.get(f"/tasks/{uuid}", headers=headers)
            other = await client.get(f"/tasks/{uuid}", headers={"Authorization": ALICE.token})
            return got.status_code, other.status_code, got.json()["state"]

    assert asyncio.run(scenario()) == (200, 404, "Submitted")


def test_every_operation_has_a_handler() -> None:
    spec = load_spec()
    assert set(spec.operations) == set(_handlers.HANDLERS)
    assert len(spec.operations) == 73


def test_tenant_repr_hides_the_token() -> None:
    assert ALICE.token not in repr(ALICE)
    assert ALICE.email in repr(ALICE)


def test_public_surface() -> None:
    import qarnot_ext.emulator as emulator

    assert emulator.__all__ == sorted(emulator.__all__, key=lambda n: (not n.isupper(), n))
    assert set(emulator.__all__) == {
        "DEFAULT_EMAIL",
        "FAIL_CONSTANT",
        "INSTANCE_SECONDS_CONSTANT",
        "QUIRKS",
        "Emulator",
        "EmulatorState",
        "ManualClock",
        "SpeedClock",
        "Tenant",
        "create_app",
    }


def test_a_number_its_32_bit_field_cannot_hold_is_a_400() -> None:
    # A .NET service reads `format: int32` fields into 32-bit integers and rejects larger numbers;
    # the compiled validators carry that range (found by schemathesis' negative-data check).
    from qarnot_ext.emulator import Emulator

    with Emulator(storage=False) as emu:
        headers = {"Authorization": emu.token}
        body = {"name": "p", "profile": "docker-batch", "instanceCount": 1}
        for value, status in ((2**31 - 1, 200), (2**31, 400), (-(2**31) - 1, 400)):
            answer = httpx.post(
                emu.url + "/pools",
                headers=headers,
                json={**body, "defaultRetrySettings": {"maxPerInstanceRetries": value}},
            )
            assert answer.status_code == status, (value, answer.text)
            if status == 400:
                assert "maxPerInstanceRetries" in answer.text
