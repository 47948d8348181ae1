"""Pools, jobs, profiles, hardware constraints, user info, status and the secrets manager."""

from __future__ import annotations

from typing import Any

import httpx

from tests.emulator._emulator_helpers import ALICE, World, create, task_body

POOL: dict[str, Any] = {"name": "pool", "profile": "docker-batch", "instanceCount": 3}
ALWAYS = [{"type": "Always", "name": "always"}]


def test_pool_life_cycle(world: World, alice: httpx.Client) -> None:
    uuid = create(alice, "/pools", {**POOL, "constants": [{"key": "QARNOT_SECRET__X", "value": "hidden"}]})
    pool = alice.get(f"/pools/{uuid}").json()
    assert (pool["state"], pool["instanceCount"]) == ("Submitted", 0)
    assert pool["constants"] == [{"key": "QARNOT_SECRET__X", "value": "[SECRET]"}]
    world.advance(1)
    assert alice.get(f"/pools/{uuid}").json()["state"] == "FullyDispatched"
    world.advance(1)
    pool = alice.get(f"/pools/{uuid}").json()
    assert (pool["state"], pool["instanceCount"]) == ("FullyExecuting", 3)
    assert len(pool["status"]["runningInstancesInfo"]["perRunningInstanceInfo"]) == 3
    assert "node 2 ready (docker-batch)" in alice.get(f"/pools/{uuid}/stdout").text
    assert alice.post(f"/pools/{uuid}/stdout").text.count("ready") == 3
    assert alice.post(f"/pools/{uuid}/stdout").text == ""
    assert alice.get(f"/pools/{uuid}/stdout/1").text.startswith("node 1 booting")
    assert "emulated node" in alice.get(f"/pools/{uuid}/stderr/0").text
    assert alice.post(f"/pools/{uuid}/close").status_code == 200
    assert alice.get(f"/pools/{uuid}").json()["state"] == "Closing"
    world.advance(1)
    assert alice.get(f"/pools/{uuid}").json()["state"] == "Closed"
    history = alice.get(f"/pools/{uuid}/stdout").text
    assert history.startswith("0> node 0 booting")  # outputs only grow: the closed pool keeps them
    assert "2> node 2 shutting down" in history
    assert alice.post(f"/pools/{uuid}/stdout").text.count("shutting down") == 3
    assert alice.post(f"/pools/{uuid}/close").status_code == 409
    assert alice.put(f"/pools/{uuid}", json={"tags": ["x"]}).status_code == 409
    assert alice.delete(f"/pools/{uuid}").status_code == 200
    assert alice.get(f"/pools/{uuid}").status_code == 404


def test_tasks_inside_pools(world: World, alice: httpx.Client) -> None:
    pool = create(alice, "/pools", POOL)
    task = create(alice, "/tasks", task_body(poolUuid=pool, profile=None))
    world.advance(1.5)
    assert alice.get(f"/tasks/{task}").json()["state"] == "Submitted"  # the pool is not ready yet
    world.advance(0.5)  # the pool executes at t=2: the task is ready then
    world.advance(1)
    body = alice.get(f"/tasks/{task}").json()
    assert (body["state"], body["poolUuid"], body["profile"]) == ("FullyDispatched", pool, "docker-batch")
    assert [t["uuid"] for t in alice.get(f"/pools/{pool}/tasks").json()] == [task]
    assert alice.post("/tasks", json=task_body(poolUuid=pool, profile="python")).status_code == 400
    assert alice.delete(f"/pools/{pool}").status_code == 409  # an unfinished task runs in it
    assert alice.post(f"/pools/{pool}/close").status_code == 200
    assert alice.get(f"/tasks/{task}").json()["state"] == "Cancelled"
    assert alice.post("/tasks", json=task_body(poolUuid=pool, profile=None)).status_code == 409


def test_elastic_pool_follows_the_queue(world: World, alice: httpx.Client) -> None:
    elastic = {"isElastic": True, "minTotalSlots": 1, "maxTotalSlots": 5, "minIdleSlots": 1}
    pool = create(alice, "/pools", {**POOL, "instanceCount": None, "elasticProperty": elastic})
    world.advance(2)
    assert alice.get(f"/pools/{pool}").json()["instanceCount"] == 1
    create(alice, "/tasks", task_body(poolUuid=pool, profile=None, instanceCount=2))
    assert alice.get(f"/pools/{pool}").json()["instanceCount"] == 3
    create(alice, "/tasks", task_body(poolUuid=pool, profile=None, instanceCount=9))
    assert alice.get(f"/pools/{pool}").json()["instanceCount"] == 5
    summary = alice.get("/pools/summaries").json()[0]
    assert summary["queuedOrRunningTaskInstancesCount"] == 11
    world.advance(20)
    assert alice.get(f"/pools/{pool}").json()["instanceCount"] == 1


def test_scaling(world: World, alice: httpx.Client) -> None:
    weekly = {
        "type": "Weekly",
        "name": "never-now",
        "days": ["sunday"],
        "startTimeUtc": "01:00:00",
        "endTimeUtc": "02:00:00",
    }
    policies = [
        {"type": "Fixed", "name": "night", "slotsCount": 7, "enabledPeriods": [weekly]},
        {
            "type": "ManagedTasksQueue",
            "name": "queue",
            "minTotalSlots": 2,
            "maxTotalSlots": 4,
            "minIdleSlots": 0,
            "enabledPeriods": ALWAYS,
        },
    ]
    pool = create(alice, "/pools", {**POOL, "instanceCount": None, "scaling": {"policies": policies}})
    world.advance(2)  # 2030-01-01 is a Tuesday, 00:00 UTC: the weekly period is off
    scaling = alice.get(f"/pools/{pool}/scaling").json()
    assert scaling["activePolicyName"] == "queue"
    assert alice.get(f"/pools/{pool}").json()["instanceCount"] == 2
    fixed = [{"type": "Fixed", "name": "fixed", "slotsCount": 6, "enabledPeriods": ALWAYS}]
    assert alice.put(f"/pools/{pool}/scaling", json={"policies": fixed}).json() == {}
    assert alice.get(f"/pools/{pool}").json()["instanceCount"] == 6
    assert alice.get(f"/pools/{pool}/scaling").json()["activePolicyName"] == "fixed"
    bad: dict[str, Any]
    for bad in (
        {"policies": []},
        {"policies": [{"type": "Fixed", "name": "a", "slotsCount": -1}]},
        {
            "policies": [
                {"type": "Fixed", "name": "a", "slotsCount": 1},
                {"type": "Fixed", "name": "a", "slotsCount": 1},
            ]
        },
        {"policies": [{"type": "ManagedTasksQueue", "name": "q", "minTotalSlots": 5, "maxTotalSlots": 2}]},
        {"policies": [{"type": "Elastic", "name": "e"}]},
        {"policies": [{**fixed[0], "enabledPeriods": [{**weekly, "startTimeUtc": "25:00:00"}]}]},
    ):
        assert alice.post("/sanity-checks/pools/scaling", json=bad).status_code == 400, bad
        assert alice.put(f"/pools/{pool}/scaling", json=bad).status_code == 400, bad
    assert alice.post("/sanity-checks/pools/scaling", json={"policies": policies}).json() == {}


def test_pool_update_clone_and_jobs(world: World, alice: httpx.Client) -> None:
    pool = create(alice, "/pools", {**POOL, "shortname": "main-pool", "tags": ["a"]})
    assert alice.post("/pools", json={**POOL, "shortname": "main-pool"}).status_code == 409
    assert (
        alice.put(
            "/pools/main-pool", json={"tags": ["b"], "constants": [{"key": "K", "value": "v"}]}
        ).status_code
        == 200
    )
    assert alice.get(f"/pools/{pool}").json()["tags"] == ["b"]
    assert alice.patch(f"/pools/{pool}").status_code == 200
    clone = create(alice, f"/pools/{pool}/clone", {"name": "copy"})
    copied = alice.get(f"/pools/{clone}").json()
    assert (copied["name"], copied["tags"], copied["shortname"]) == ("copy", ["b"], None)
    job = create(alice, "/jobs", {"name": "on-pool", "poolUuid": pool})
    assert [j["uuid"] for j in alice.get(f"/pools/{pool}/jobs").json()] == [job]
    assert alice.post("/pools", json={**POOL, "profile": "unknown"}).status_code == 400
    assert alice.post("/pools", json={**POOL, "instanceCount": None}).status_code == 400


def test_jobs(world: World, alice: httpx.Client) -> None:
    job = create(alice, "/jobs", {"name": "j", "shortname": "the-job", "tags": ["t"]})
    body = alice.get("/jobs/the-job").json()
    assert (body["uuid"], body["state"], body["tags"]) == (job, "Active", ["t"])
    task = create(alice, "/tasks", task_body(jobUuid=job))
    assert [t["uuid"] for t in alice.get(f"/jobs/{job}/tasks").json()] == [task]
    assert alice.delete(f"/jobs/{job}").status_code == 409  # a task is still running
    assert alice.post(f"/jobs/{job}/terminate").status_code == 200
    assert alice.get(f"/jobs/{job}").json()["state"] == "Terminating"
    assert alice.get(f"/tasks/{task}").json()["state"] == "Cancelled"
    assert alice.post("/tasks", json=task_body(jobUuid=job)).status_code == 409
    world.advance(1)
    assert alice.get(f"/jobs/{job}").json()["state"] == "Completed"
    assert alice.post(f"/jobs/{job}/terminate").status_code == 409
    assert alice.delete(f"/jobs/{job}").status_code == 200
    assert alice.get(f"/jobs/{job}").status_code == 404
    assert alice.get(f"/tasks/{task}").status_code == 404  # a job's tasks go with it


def test_job_force_delete_and_wall_time(world: World, alice: httpx.Client) -> None:
    job = create(alice, "/jobs", {"name": "j"})
    task = create(alice, "/tasks", task_body(jobUuid=job))
    assert alice.delete(f"/jobs/{job}", params={"force": "true"}).status_code == 200
    assert alice.get(f"/tasks/{task}").status_code == 404
    limited = create(alice, "/jobs", {"name": "short", "maxWallTime": "00:00:04"})
    slow = create(
        alice,
        "/tasks",
        task_body(jobUuid=limited, constants=[{"key": "EMULATOR_INSTANCE_SECONDS", "value": "60"}]),
    )
    world.advance(4)
    assert alice.get(f"/jobs/{limited}").json()["state"] == "Terminating"
    assert alice.get(f"/tasks/{slow}").json()["errors"][0]["code"] == "JobTerminated"
    assert alice.post("/jobs", json={"name": "x", "maxWallTime": "-00:00:01"}).status_code == 400
    assert (
        alice.post(
            "/jobs", json={"name": "x", "poolUuid": "00000000-0000-0000-0000-000000000000"}
        ).status_code
        == 400
    )


def test_profiles_and_hardware(alice: httpx.Client) -> None:
    profiles = alice.get("/profiles").json()
    assert "docker-batch" in profiles
    docker = alice.get("/profiles/docker-batch").json()
    assert {c["name"] for c in docker["constants"]} >= {"DOCKER_REPO", "DOCKER_TAG", "DOCKER_CMD"}
    assert alice.get("/profiles/nope").status_code == 404
    page = alice.get("/hardware-constraints", params={"Limit": 5, "Offset": 0}).json()
    assert (page["limit"], page["offset"], len(page["data"])) == (5, 0, 5)
    everything: list[dict[str, Any]] = []
    offset = 0
    while offset < page["total"]:
        everything += alice.get("/hardware-constraints", params={"Limit": 7, "Offset": offset}).json()["data"]
        offset += 7
    assert len(everything) == page["total"]
    assert {c["discriminator"] for c in everything} >= {"GpuHardwareConstraint", "SpecificHardwareConstraint"}
    assert alice.get("/hardware-constraints", params={"Limit": 0}).status_code == 400
    assert alice.get("/hardware-constraints", params={"Offset": -1}).status_code == 400
    found = alice.get(
        "/hardware-constraints/cpu-model-constraints/search", params={"cpuModel": " ryzen "}
    ).json()
    assert [c["cpuModel"] for c in found] == [
        "AMD Ryzen 7 3700X 8-Core Processor",
        "AMD Ryzen 7 5800X 8-Core Processor",
        "AMD Ryzen Threadripper 2950X 16-Core",
    ]
    assert all(c["discriminator"] == "CpuModelHardwareConstraint" for c in found)


def test_user_info_and_status(world: World, alice: httpx.Client) -> None:
    create(alice, "/tasks", task_body(instanceCount=3))
    create(alice, "/pools", POOL)
    world.advance(3)
    info = alice.get("/info").json()
    assert info["email"] == ALICE.email
    assert (info["taskCount"], info["runningTaskCount"], info["poolCount"]) == (1, 1, 1)
    assert info["runningInstanceCount"] == 3
    assert info["maxTask"] == ALICE.max_tasks
    assert alice.get("/status").status_code == 200
    assert alice.get("/status").content == b""


def test_secrets_manager(alice: httpx.Client, bob: httpx.Client) -> None:
    assert alice.put("/secrets-manager/data/db", json={"value": "one"}).status_code == 200
    assert alice.put("/secrets-manager/data/db", json={"value": "two"}).status_code == 409
    assert alice.get("/secrets-manager/data/db").json() == {"value": "one"}
    assert alice.patch("/secrets-manager/data/db", json={"value": "three"}).status_code == 200
    assert alice.get("/secrets-manager/data/db").json() == {"value": "three"}
    assert alice.patch("/secrets-manager/data/missing", json={"value": "x"}).status_code == 404
    # Folders: each segment percent-encoded, slashes kept.
    assert alice.put("/secrets-manager/data/team/api%20key", json={"value": "k"}).status_code == 200
    assert alice.put("/secrets-manager/data/team/sub/deep", json={"value": "d"}).status_code == 200
    assert alice.get("/secrets-manager/data/team/api key").json() == {"value": "k"}
    assert alice.get("/secrets-manager/search/").json() == {"keys": ["db", "team/"]}
    assert alice.get("/secrets-manager/search/team").json() == {"keys": ["api key", "sub/"]}
    assert alice.get("/secrets-manager/search/team/sub/").json() == {"keys": ["deep"]}
    assert alice.get("/secrets-manager/search/nothing").json() == {"keys": []}
    assert alice.put("/secrets-manager/data/a//b", json={"value": "x"}).status_code == 404  # empty segment
    assert bob.get("/secrets-manager/data/db").status_code == 404
    assert bob.get("/secrets-manager/search/").json() == {"keys": []}
    assert alice.delete("/secrets-manager/data/db").status_code == 200
    assert alice.delete("/secrets-manager/data/db").status_code == 404
    assert alice.get("/secrets-manager/data/db").status_code == 404
