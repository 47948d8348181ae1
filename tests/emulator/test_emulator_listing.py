"""Search and pagination: the filter tree evaluated server-side, order, page size, opaque tokens, and a
cost that follows the page rather than the number of tasks."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from qarnot_ext._ranges import InstanceRange
from qarnot_ext.emulator import EmulatorState, ManualClock, _handlers, create_app
from qarnot_ext.emulator._model import Task
from tests.emulator._emulator_helpers import ALICE, World, create, task_body


def seed(state: EmulatorState, email: str, count: int, *, name: str = "seeded") -> list[str]:
    """Put ``count`` one-instance tasks straight into an account (what 100,000 API calls would do)."""
    account = state.accounts[email]
    now = state.now()
    uuids = []
    for index in range(count):
        task = Task(
            uuid=state.new_uuid(),
            seq=state.next_seq(),
            account=account.email,
            name=f"{name}-{index:06d}",
            body={"name": f"{name}-{index:06d}", "profile": "docker-batch", "instanceCount": 1},
            instances=InstanceRange.count(1),
            constants=[],
            created=now,
        )
        account.tasks.add(task)
        uuids.append(task.uuid)
    return uuids


def leaf(field: str, operator: str, value: Any) -> dict[str, Any]:
    key = "values" if operator in ("In", "NotIn") else "value"
    return {"field": field, "operator": operator, key: value}


def names(client: httpx.Client, flt: dict[str, Any] | None, **extra: Any) -> list[str]:
    response = client.post("/tasks/search", json={"filter": flt, **extra})
    assert response.status_code == 200, response.text
    return [t["name"] for t in response.json()]


@pytest.fixture
def catalogue(world: World, alice: httpx.Client) -> dict[str, str]:
    """Five tasks in different states, with tags, at different creation times."""
    made = {}
    made["alpha"] = create(alice, "/tasks", task_body(name="alpha", tags=["red", "big"], instanceCount=1))
    world.advance(10)  # alpha: Success
    made["beta"] = create(alice, "/tasks", task_body(name="beta", tags=["red"], instanceCount=3))
    made["gamma"] = create(alice, "/tasks", task_body(name="gamma", tags=["blue"], instanceCount=2))
    made["delta"] = create(
        alice,
        "/tasks",
        task_body(
            name="delta", instanceCount=4, constants=[{"key": "EMULATOR_FAIL_INSTANCES", "value": "0"}]
        ),
    )
    world.advance(10)  # beta, gamma: Success; delta: Failure
    made["epsilon"] = create(alice, "/tasks", task_body(name="Epsilon-Job", tags=["blue", "big"]))
    world.advance(2.5)  # epsilon: FullyExecuting
    return made


def test_every_operator(alice: httpx.Client, catalogue: dict[str, str]) -> None:
    assert names(alice, leaf("Name", "Equal", "beta")) == ["beta"]
    assert names(alice, leaf("Name", "NotEqual", "beta")) == ["alpha", "gamma", "delta", "Epsilon-Job"]
    assert names(alice, leaf("InstanceCount", "LessThan", 2)) == ["alpha"]
    assert names(alice, leaf("InstanceCount", "LessThanOrEqual", 2)) == ["alpha", "gamma", "Epsilon-Job"]
    assert names(alice, leaf("InstanceCount", "GreaterThan", 3)) == ["delta"]
    assert names(alice, leaf("InstanceCount", "GreaterThanOrEqual", 3)) == ["beta", "delta"]
    assert names(alice, leaf("Name", "Like", "%ta")) == ["beta", "delta"]
    assert names(alice, leaf("Name", "Like", "epsilon%")) == ["Epsilon-Job"]  # case-insensitive
    assert names(alice, leaf("Name", "Like", "_amma")) == ["gamma"]
    assert names(alice, leaf("State", "In", ["Failure", "fullyexecuting"])) == ["delta", "Epsilon-Job"]
    assert names(alice, leaf("State", "NotIn", ["Success"])) == ["delta", "Epsilon-Job"]
    assert names(alice, leaf("Tags", "Equal", "red")) == ["alpha", "beta"]  # array: contains
    assert names(alice, leaf("Tags", "NotEqual", "red")) == ["gamma", "delta", "Epsilon-Job"]
    assert names(alice, leaf("Tags", "In", ["big", "blue"])) == ["alpha", "gamma", "Epsilon-Job"]
    assert names(alice, leaf("Tags", "NotIn", ["red", "blue"])) == ["delta"]
    assert names(alice, leaf("Uuid", "Equal", catalogue["gamma"].upper())) == ["gamma"]
    assert names(alice, leaf("EndDate", "Equal", None)) == ["Epsilon-Job"]


def test_and_or_and_nesting(alice: httpx.Client, catalogue: dict[str, str]) -> None:
    red_and_big = {"operator": "And", "filters": [leaf("Tags", "Equal", "red"), leaf("Tags", "Equal", "big")]}
    assert names(alice, red_and_big) == ["alpha"]
    either = {
        "operator": "Or",
        "filters": [leaf("Name", "Equal", "gamma"), leaf("State", "Equal", "Failure")],
    }
    assert names(alice, either) == ["gamma", "delta"]
    nested = {"operator": "And", "filters": [either, leaf("InstanceCount", "GreaterThan", 2)]}
    assert names(alice, nested) == ["delta"]


def test_dates_and_spans(world: World, alice: httpx.Client, catalogue: dict[str, str]) -> None:
    beta = alice.get(f"/tasks/{catalogue['beta']}").json()
    assert names(alice, leaf("CreationDate", "GreaterThanOrEqual", beta["creationDate"])) == [
        "beta",
        "gamma",
        "delta",
        "Epsilon-Job",
    ]
    assert names(alice, leaf("CreationDate", "LessThan", "2030-01-01T00:00:05+00:00")) == ["alpha"]
    assert names(alice, leaf("ExecutionTime", "GreaterThan", "00:00:08")) == ["beta", "delta"]
    assert names(alice, leaf("WallTime", "Equal", "00:00:00")) == []
    assert names(alice, leaf("JobUuid", "Equal", None)) == [
        "alpha",
        "beta",
        "gamma",
        "delta",
        "Epsilon-Job",
    ]


@pytest.mark.parametrize(
    "flt",
    [
        leaf("NoSuchField", "Equal", "x"),
        leaf("name", "Equal", "x"),  # PascalCase paths
        leaf("InstanceCount", "Equal", "three"),
        leaf("State", "Equal", "Sleeping"),
        leaf("Tags", "Like", "r%"),
        leaf("CreationDate", "GreaterThan", "yesterday"),
        {"operator": "And", "filters": []},
        {"operator": "NotEqual", "filters": [{}]},  # the reference's own contradictory example (C4)
        leaf("UseDependencies", "Equal", True),  # a job field, not a task field
    ],
)
def test_bad_filters_are_400(alice: httpx.Client, flt: dict[str, Any]) -> None:
    for path in ("/tasks/search", "/tasks/paginate", "/tasks/summaries/paginate"):
        response = alice.post(path, json={"filter": flt})
        assert response.status_code == 400, (path, response.text)
        assert response.json()["errors"]


def test_select(alice: httpx.Client, catalogue: dict[str, str]) -> None:
    found = alice.post(
        "/tasks/search",
        json={"filter": leaf("Name", "Equal", "beta"), "select": {"fields": ["Name", "status"]}},
    ).json()
    assert set(found[0]) == {"uuid", "name", "status"}
    assert alice.post("/tasks/search", json={"select": {"fields": ["Nope"]}}).status_code == 400
    assert len(alice.post("/tasks/search", json={"maximumResults": 2}).json()) == 2


def test_jobs_and_pools_filters(alice: httpx.Client) -> None:
    pool = create(
        alice, "/pools", {"name": "p", "profile": "docker-batch", "instanceCount": 2, "tags": ["x"]}
    )
    create(alice, "/jobs", {"name": "j1", "useDependencies": True})
    create(alice, "/jobs", {"name": "j2", "poolUuid": pool})
    jobs = alice.post("/jobs/search", json={"filter": leaf("UseDependencies", "Equal", True)}).json()
    assert [j["name"] for j in jobs] == ["j1"]
    on_pool = alice.post("/jobs/paginate", json={"filter": leaf("PoolUuid", "Equal", pool)}).json()
    assert [j["name"] for j in on_pool["data"]] == ["j2"]
    pools = alice.post("/pools/search", json={"filter": leaf("InstanceCount", "Equal", 2)}).json()
    assert [p["uuid"] for p in pools] == [pool]
    summaries = alice.post("/pools/summaries/paginate", json={"filter": leaf("Tags", "Equal", "x")}).json()
    assert [p["uuid"] for p in summaries["data"]] == [pool]


def test_pagination_tokens_and_order(world: World, alice: httpx.Client) -> None:
    seed(world.state, ALICE.email, 80)
    first = alice.post("/tasks/paginate", json={"maximumResults": 30}).json()
    assert (first["count"], first["total"], first["isTruncated"]) == (30, 80, True)
    assert first["token"] == first["nextToken"]
    seen = [t["name"] for t in first["data"]]
    token = first["nextToken"]
    while token:
        page = alice.post("/tasks/paginate", json={"maximumResults": 30, "token": token}).json()
        seen += [t["name"] for t in page["data"]]
        token = page["nextToken"]
    assert seen == [f"seeded-{i:06d}" for i in range(80)]
    # Descending creation order, another order, and a filter: each walks every item exactly once.
    for body, expected in (
        ({"orderType": "DESC"}, [f"seeded-{i:06d}" for i in reversed(range(80))]),
        (
            {"orderBy": "name", "orderType": "DESC"},
            sorted((f"seeded-{i:06d}" for i in range(80)), reverse=True),
        ),
        ({"filter": leaf("Name", "Like", "%5")}, [f"seeded-{i:06d}" for i in range(80) if i % 10 == 5]),
    ):
        collected: list[str] = []
        token = None
        while True:
            page = alice.post("/tasks/paginate", json={**body, "maximumResults": 9, "token": token}).json()
            collected += [t["name"] for t in page["data"]]
            token = page["nextToken"]
            if not token:
                break
        assert collected == expected, body
    default = alice.post("/tasks/paginate", json={}).json()
    assert (default["count"], default["isTruncated"]) == (50, True)  # the default page size


def test_order_by_state_and_execution_time(world: World, alice: httpx.Client) -> None:
    early = create(alice, "/tasks", task_body(name="early"))
    world.advance(4)
    create(alice, "/tasks", task_body(name="late"))
    by_time = alice.post("/tasks/paginate", json={"orderBy": "executionTime", "orderType": "DESC"}).json()
    assert [t["name"] for t in by_time["data"]] == ["early", "late"]
    by_state = alice.post("/tasks/paginate", json={"orderBy": "STATE"}).json()  # sort fields ignore case
    assert [t["state"] for t in by_state["data"]] == ["FullyExecuting", "Submitted"]
    assert alice.post("/tasks/paginate", json={"orderBy": "profile"}).status_code == 400
    assert alice.post("/jobs/paginate", json={"orderBy": "executionTime"}).status_code == 400
    assert early


def test_tokens_are_checked(world: World, alice: httpx.Client, bob: httpx.Client) -> None:
    seed(world.state, ALICE.email, 10)
    page = alice.post("/tasks/paginate", json={"maximumResults": 3}).json()
    token = page["nextToken"]
    assert alice.post("/tasks/paginate", json={"token": "garbage!"}).status_code == 400
    assert alice.post("/tasks/paginate", json={"token": "e30"}).status_code == 400  # base64 of {}
    # A token belongs to its filter, order and account.
    assert alice.post("/tasks/paginate", json={"token": token, "orderType": "DESC"}).status_code == 400
    assert bob.post("/tasks/paginate", json={"token": token}).status_code == 400
    assert alice.post("/tasks/paginate", json={"maximumResults": 0}).status_code == 400
    assert (
        alice.post("/tasks/paginate", json={"maximumResults": 5000}).json()["count"] == 10
    )  # capped at 1000


def test_deleted_items_are_skipped_by_open_cursors(world: World, alice: httpx.Client) -> None:
    uuids = seed(world.state, ALICE.email, 6)
    flt = leaf("Name", "Like", "seeded%")
    first = alice.post("/tasks/paginate", json={"filter": flt, "maximumResults": 3}).json()
    assert alice.delete(f"/tasks/{uuids[4]}").status_code == 200
    second = alice.post(
        "/tasks/paginate", json={"filter": flt, "maximumResults": 3, "token": first["nextToken"]}
    )
    assert [t["name"] for t in second.json()["data"]] == ["seeded-000003", "seeded-000005"]


def test_page_cost_follows_the_page_not_the_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    state = EmulatorState([ALICE], clock=ManualClock())
    seed(state, ALICE.email, 100_000)
    # Response validation is not what is measured here (its cost is per item, like rendering).
    world = World(state, ManualClock(), create_app(state, validate_responses=False))
    rendered: list[str] = []
    real = _handlers.task_output  # type: ignore[attr-defined]

    def counting(task: Task, now: float) -> dict[str, Any]:
        rendered.append(task.uuid)
        return real(task, now)

    monkeypatch.setattr(_handlers, "task_output", counting)
    walked = 0
    original_walk = state.accounts[ALICE.email].tasks.walk

    def counting_walk(after: int | None, descending: bool) -> Any:
        nonlocal walked
        for item in original_walk(after, descending):
            walked += 1
            yield item

    monkeypatch.setattr(state.accounts[ALICE.email].tasks, "walk", counting_walk)
    token = None
    started = time.perf_counter()
    with world.api(ALICE) as client:
        for _ in range(20):
            page = client.post("/tasks/paginate", json={"maximumResults": 100, "token": token}).json()
            token = page["nextToken"]
    elapsed = time.perf_counter() - started
    assert page["total"] == 100_000
    assert page["data"][-1]["name"] == "seeded-001999"
    assert len(rendered) == 2000
    assert walked == 20 * 101  # each page reads one item past its end to know there is more
    assert elapsed < 30  # generous: a loaded CI machine; the counts above are the real assertion
