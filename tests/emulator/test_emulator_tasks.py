"""Tasks: creation and validation, the scheduler with a manual clock, outputs, failures and the
clone/retry/recover/resume family, secrets, dependencies, snapshots."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qarnot_ext._ranges import InstanceStates
from qarnot_ext._timefmt import DateSpan, parse_timestamp
from qarnot_ext.emulator import EmulatorState, ManualClock, create_app
from tests.emulator._emulator_helpers import ALICE, BOB, World, create, task_body

SECRET = "s3cr3t-value-that-must-not-leak"


def states_over_time(world: World, client: httpx.Client, uuid: str, steps: list[float]) -> list[str]:
    out = []
    for step in steps:
        world.advance(step)
        out.append(client.get(f"/tasks/{uuid}").json()["state"])
    return out


def test_create_and_read(alice: httpx.Client) -> None:
    uuid = create(alice, "/tasks", task_body(name="render", tags=["a", "b"], labels={"team": "x"}))
    task = alice.get(f"/tasks/{uuid}").json()
    assert task["name"] == "render"
    assert task["state"] == "Submitted"
    assert task["previousState"] is None
    assert task["tags"] == ["a", "b"]
    assert task["labels"] == {"team": "x"}
    assert task["instanceCount"] == 2
    assert task["advancedRanges"] is None
    assert task["status"]["succeededRange"] == ""
    assert parse_timestamp(task["creationDate"]) is not None


def test_life_cycle_with_a_manual_clock(world: World, alice: httpx.Client) -> None:
    uuid = create(alice, "/tasks", task_body(instanceCount=4))
    assert states_over_time(world, alice, uuid, [0, 1, 1, 2.999, 0.001, 1]) == [
        "Submitted",
        "FullyDispatched",
        "FullyExecuting",
        "FullyExecuting",
        "UploadingResults",
        "Success",
    ]
    task = alice.get(f"/tasks/{uuid}").json()
    assert task["previousState"] == "UploadingResults"
    assert task["progress"] == 100.0
    assert task["status"]["succeededRange"] == "0-3"
    assert task["status"]["executedRange"] == "0-3"
    assert task["status"]["startedOnceRange"] == "0-3"
    assert task["status"]["failedRange"] == ""
    assert task["runningInstanceCount"] == 0
    assert DateSpan.parse(task["wallTime"]) == DateSpan.of(seconds=4)  # execution and upload
    assert DateSpan.parse(task["executionTime"]) == DateSpan.of(seconds=12)
    assert len(task["completedInstances"]) == 4
    assert task["endDate"] == task["stateTransitionTime"]
    created = parse_timestamp(task["creationDate"])
    ended = parse_timestamp(task["endDate"])
    assert created is not None
    assert ended is not None
    assert (ended - created).total_seconds() == 6


def test_progress_and_running_info(world: World, alice: httpx.Client) -> None:
    uuid = create(alice, "/tasks", task_body(instanceCount=3))
    world.advance(3.5)  # 1.5 s into the 3 s instances
    task = alice.get(f"/tasks/{uuid}").json()
    assert task["progress"] == 50.0
    assert task["runningInstanceCount"] == 3
    assert task["runningCoreCount"] > 0
    running = task["status"]["runningInstancesInfo"]["perRunningInstanceInfo"]
    assert sorted(r["instanceId"] for r in running) == [0, 1, 2]
    assert task["status"]["executionProgress"] == 50.0


def test_instance_count_versus_advanced_ranges(world: World, alice: httpx.Client) -> None:
    uuid = create(alice, "/tasks", task_body(instanceCount=None, advancedRanges="3, 7-9"))
    task = alice.get(f"/tasks/{uuid}").json()
    assert task["advancedRanges"] == "3, 7-9"
    assert task["instanceCount"] == 0  # advancedRanges overrides instanceCount, which reads 0
    assert task["status"]["instanceCount"] == 4
    world.advance(10)
    assert alice.get(f"/tasks/{uuid}").json()["status"]["succeededRange"] == "3,7-9"
    lines = alice.get(f"/tasks/{uuid}/stdout").text
    assert "INSTANCE_ID=8" in lines
    assert "INSTANCE_ID=4" not in lines


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"profile": "no-such-profile"}, "profile"),
        ({"profile": None}, "profile"),
        ({"instanceCount": 0}, "instanceCount"),
        ({"instanceCount": None}, "instanceCount"),
        ({"instanceCount": 5000}, "instanceCount"),
        ({"instanceCount": None, "advancedRanges": "1-x"}, "advancedRanges"),
        ({"instanceCount": None, "advancedRanges": "0-4999"}, "advancedRanges"),
        ({"constants": [{"key": "bad key", "value": "v"}]}, "constants[0].key"),
        ({"constants": [{"key": "A", "value": "1"}, {"key": "A", "value": "2"}]}, "constants[1].key"),
        ({"constants": [{"key": "EMULATOR_FAIL_INSTANCES", "value": "x"}]}, "constants"),
        ({"constants": [{"key": "EMULATOR_INSTANCE_SECONDS", "value": "-1"}]}, "constants"),
        ({"resultsWhitelist": "(unclosed"}, "resultsWhitelist"),
        ({"resultBucket": "Not_A_Bucket"}, "resultBucket"),
        ({"resourceBuckets": ["x"]}, "resourceBuckets[0]"),
        ({"tags": [""]}, "tags[0]"),
        ({"tags": [str(i) for i in range(11)]}, "tags"),
        (
            {"hardwareConstraints": [{"discriminator": "QuantumHardwareConstraint"}]},
            "hardwareConstraints[0].discriminator",
        ),
        ({"poolUuid": "00000000-0000-0000-0000-000000000000"}, "poolUuid"),
        ({"jobUuid": "00000000-0000-0000-0000-000000000000"}, "jobUuid"),
        ({"shortname": "ends-with-"}, "shortname"),
        ({"retrySettings": {"maxPerInstanceRetries": -1}}, "retrySettings.maxPerInstanceRetries"),
        ({"dependencies": {"dependsOn": ["00000000-0000-0000-0000-000000000000"]}}, "dependencies.dependsOn"),
    ],
)
def test_validation_errors_are_400_naming_the_field(
    alice: httpx.Client, body: dict[str, Any], field: str
) -> None:
    response = alice.post("/tasks", json=task_body(**body))
    assert response.status_code == 400, response.text
    problem = response.json()
    assert problem["status"] == 400
    assert field in problem["errors"], problem


def test_duplicate_shortname_is_409_and_paths_accept_shortnames(alice: httpx.Client) -> None:
    uuid = create(alice, "/tasks", task_body(shortname="nightly-run"))
    assert alice.post("/tasks", json=task_body(shortname="nightly-run")).status_code == 409
    assert alice.get("/tasks/nightly-run").json()["uuid"] == uuid
    assert alice.get(f"/tasks/{uuid.upper()}").json()["uuid"] == uuid


def test_quota_is_402(world: World) -> None:
    from qarnot_ext.emulator import Tenant

    world.state.add_tenant(Tenant("tiny@example.com", "token-tiny", max_tasks=1))
    with world.api(Tenant("tiny@example.com", "token-tiny")) as tiny:
        create(tiny, "/tasks", task_body())
        assert tiny.post("/tasks", json=task_body()).status_code == 402


def test_bulk_creation(alice: httpx.Client) -> None:
    ok = alice.post("/tasks", json=[task_body(name="a"), task_body(name="b")])
    assert ok.status_code == 200
    assert [r["statusCode"] for r in ok.json()] == [201, 201]
    partial = alice.post(
        "/tasks", json=[task_body(name="c"), task_body(name="d", profile="nope"), task_body(name="e")]
    )
    assert partial.status_code == 207
    results = partial.json()
    assert [r["statusCode"] for r in results] == [201, 400, 201]
    assert results[1]["uuid"] is None
    assert "profile" in results[1]["message"]
    names = [t["name"] for t in alice.get("/tasks").json()]
    assert names == ["a", "b", "c", "e"]  # submission order kept, the rejected one absent
    everything_wrong = alice.post("/tasks", json=[task_body(profile="nope")])
    assert everything_wrong.status_code == 207
    assert alice.post("/tasks", json=[]).status_code == 400  # minItems: 1


def test_secret_constants_are_masked_everywhere(world: World, alice: httpx.Client) -> None:
    constants = [
        {"key": "QARNOT_SECRET__DB_PASSWORD", "value": SECRET},
        {"key": "DB_PASSWORD", "value": "${QARNOT_SECRET__DB_PASSWORD}"},
        {"key": "PLAIN", "value": "visible"},
        {"key": "DOCKER_CMD", "value": "run ${QARNOT_SECRET__DB_PASSWORD}"},
    ]
    uuid = create(alice, "/tasks", task_body(constants=constants, resultsBucket=None))
    world.advance(10)
    bodies = [
        alice.get(f"/tasks/{uuid}").text,
        alice.get("/tasks").text,
        alice.get("/tasks/summaries").text,
        alice.post("/tasks/search", json={}).text,
        alice.post("/tasks/paginate", json={}).text,
        alice.get(f"/tasks/{uuid}/stdout").text,
        alice.get(f"/tasks/{uuid}/stderr").text,
        alice.get(f"/tasks/{uuid}/stdout/0").text,
    ]
    for body in bodies:
        assert SECRET not in body
    shown = {c["key"]: c["value"] for c in alice.get(f"/tasks/{uuid}").json()["constants"]}
    assert shown["QARNOT_SECRET__DB_PASSWORD"] == "[SECRET]"
    assert shown["PLAIN"] == "visible"
    assert shown["DB_PASSWORD"] == "${QARNOT_SECRET__DB_PASSWORD}"
    assert "run ${QARNOT_SECRET__DB_PASSWORD}" not in alice.get(f"/tasks/{uuid}/stdout").text.replace(
        "docker run library/ubuntu:latest run ${QARNOT_SECRET__DB_PASSWORD}", ""
    )


def test_outputs_and_fresh_cursors(world: World, alice: httpx.Client) -> None:
    uuid = create(
        alice,
        "/tasks",
        task_body(instanceCount=2, constants=[{"key": "EMULATOR_FAIL_INSTANCES", "value": "1"}]),
    )
    assert alice.post(f"/tasks/{uuid}/stdout").text == ""
    world.advance(2)
    first = alice.post(f"/tasks/{uuid}/stdout").text
    assert "0> Starting instance 0 of task 'task'" in first
    assert "1> Starting instance 1" in first
    assert alice.post(f"/tasks/{uuid}/stdout").text == ""  # nothing new since the last read
    world.advance(1)
    second = alice.post(f"/tasks/{uuid}/stdout").text
    assert second == "0> step 1/3\n1> step 1/3\n"
    # The GET variants return everything and move no cursor.
    assert alice.get(f"/tasks/{uuid}/stdout").text == first + second
    assert alice.get(f"/tasks/{uuid}/stdout").text == first + second
    # Per instance: no prefix, own cursor.
    world.advance(3)
    instance = alice.post(f"/tasks/{uuid}/stdout/0").text
    assert instance.startswith("Starting instance 0 of task 'task'")
    assert "Instance 0 finished successfully" in instance
    assert alice.post(f"/tasks/{uuid}/stdout/0").text == ""
    errors = alice.get(f"/tasks/{uuid}/stderr/1").text
    assert "error: instance 1 failed with exit code 1" in errors
    assert alice.post(f"/tasks/{uuid}/stderr").text.count("failed with exit code 1") == 1
    assert alice.get(f"/tasks/{uuid}/stdout/7").text == ""  # not an instance of this task


def test_outputs_are_deterministic(world: World, alice: httpx.Client) -> None:
    first = create(alice, "/tasks", task_body(name="same"))
    second = create(alice, "/tasks", task_body(name="same"))
    world.advance(10)
    assert alice.get(f"/tasks/{first}/stdout").text == alice.get(f"/tasks/{second}/stdout").text


def test_failures_retry_recover_resume(world: World, alice: httpx.Client) -> None:
    constants = [
        {"key": "EMULATOR_FAIL_INSTANCES", "value": "3,5"},
        {"key": "QARNOT_SECRET__K", "value": SECRET},
    ]
    uuid = create(alice, "/tasks", task_body(instanceCount=10, constants=constants))
    assert alice.post(f"/tasks/{uuid}/retry", json={}).status_code == 409  # not finished yet
    world.advance(6)
    task = alice.get(f"/tasks/{uuid}").json()
    assert task["state"] == "Failure"
    states = InstanceStates.of(task)
    assert str(states.failed) == "3,5"
    assert str(states.failed_only) == "3,5"
    assert str(states.succeeded) == "0-2,4,6-9"
    assert str(states.cancelled) == ""
    failed_entries = [c for c in task["completedInstances"] if c["state"] == "Failure"]
    assert sorted(c["instanceId"] for c in failed_entries) == [3, 5]
    assert alice.post(f"/tasks/{uuid}/resume", json={}).status_code == 409  # nothing cancelled
    # Retrying inherits the constants (the secret too, without resending it); the failure switch is
    # turned off by overriding that one constant.
    retry = create(
        alice, f"/tasks/{uuid}/retry", {"constants": [{"key": "EMULATOR_FAIL_INSTANCES", "value": ""}]}
    )
    again = alice.get(f"/tasks/{retry}").json()
    assert again["advancedRanges"] == "3,5"
    keys = {c["key"]: c["value"] for c in again["constants"]}
    assert keys == {"EMULATOR_FAIL_INSTANCES": "", "QARNOT_SECRET__K": "[SECRET]"}
    world.advance(6)
    assert alice.get(f"/tasks/{retry}").json()["state"] == "Success"
    # Without overriding the switch, the same instances fail again.
    retry_again = create(alice, f"/tasks/{uuid}/retry", {"name": "retry 2"})
    world.advance(6)
    assert alice.get(f"/tasks/{retry_again}").json()["status"]["failedRange"] == "3,5"


def test_abort_then_resume_and_recover(world: World, alice: httpx.Client) -> None:
    constants = [
        {"key": "EMULATOR_FAIL_INSTANCES", "value": "1"},
        {"key": "EMULATOR_INSTANCE_SECONDS", "value": "4"},
    ]
    body = task_body(instanceCount=4, constants=constants, retrySettings={"maxPerInstanceRetries": 1})
    uuid = create(alice, "/tasks", body)
    world.advance(2 + 4.5)  # instance 1 failed its first attempt and is retrying; the others succeeded
    running = alice.get(f"/tasks/{uuid}").json()
    assert running["state"] == "FullyExecuting"
    assert running["status"]["succeededRange"] == "0,2-3"
    assert alice.post(f"/tasks/{uuid}/abort").status_code == 200
    assert alice.post(f"/tasks/{uuid}/abort").status_code == 409
    task = alice.get(f"/tasks/{uuid}").json()
    assert task["state"] == "Cancelled"
    states = InstanceStates.of(task)
    assert str(states.cancelled) == "1"
    assert str(states.failed) == "1"  # started, then cancelled
    assert str(states.failed_only) == ""
    assert "Instance 1 cancelled" in alice.get(f"/tasks/{uuid}/stderr/1").text
    resumed = create(alice, f"/tasks/{uuid}/resume", {})
    recovered = create(alice, f"/tasks/{uuid}/recover", {})
    assert alice.post(f"/tasks/{uuid}/retry", json={}).status_code == 409  # no failed-only instance
    assert alice.get(f"/tasks/{resumed}").json()["advancedRanges"] == "1"
    assert alice.get(f"/tasks/{recovered}").json()["advancedRanges"] == "1"


def test_clone_with_overrides(world: World, alice: httpx.Client) -> None:
    uuid = create(alice, "/tasks", task_body(instanceCount=3, tags=["orig"]))
    clone = create(alice, f"/tasks/{uuid}/clone", {"name": "copy", "instanceCount": 5, "tags": ["copy"]})
    task = alice.get(f"/tasks/{clone}").json()
    assert (task["name"], task["instanceCount"], task["tags"]) == ("copy", 5, ["copy"])
    same = alice.get(f"/tasks/{create(alice, f'/tasks/{uuid}/clone', {})}").json()
    assert (same["name"], same["instanceCount"], same["tags"]) == ("task", 3, ["orig"])


def test_retry_settings_rerun_failing_instances(world: World, alice: httpx.Client) -> None:
    constants = [{"key": "EMULATOR_FAIL_INSTANCES", "value": "0"}]
    uuid = create(
        alice,
        "/tasks",
        task_body(instanceCount=2, constants=constants, retrySettings={"maxPerInstanceRetries": 2}),
    )
    world.advance(2 + 3 * 3 - 0.5)
    assert alice.get(f"/tasks/{uuid}").json()["state"] == "FullyExecuting"
    world.advance(1.5)
    task = alice.get(f"/tasks/{uuid}").json()
    assert task["state"] == "Failure"
    failing = next(c for c in task["completedInstances"] if c["instanceId"] == 0)
    assert failing["executionAttemptCount"] == 3
    assert alice.get(f"/tasks/{uuid}/stdout/0").text.count("Retrying instance 0") == 2


def test_update_and_delete(world: World, alice: httpx.Client) -> None:
    uuid = create(alice, "/tasks", task_body())
    update = {"constants": [{"key": "NEW", "value": "1"}], "tags": ["t2"]}
    assert alice.put(f"/tasks/{uuid}", json=update).status_code == 200
    task = alice.get(f"/tasks/{uuid}").json()
    assert task["constants"] == [{"key": "NEW", "value": "1"}]
    assert task["tags"] == ["t2"]
    assert alice.patch(f"/tasks/{uuid}").status_code == 200
    world.advance(2)
    assert "Resources updated: 0 file(s), 0 bytes" in alice.get(f"/tasks/{uuid}/stdout").text
    assert alice.put(f"/tasks/{uuid}", json={"tags": [""]}).status_code == 400
    world.advance(10)
    assert alice.put(f"/tasks/{uuid}", json=update).status_code == 409  # finished
    assert alice.patch(f"/tasks/{uuid}").status_code == 409
    assert alice.delete(f"/tasks/{uuid}").status_code == 200
    assert alice.get(f"/tasks/{uuid}").status_code == 404
    assert alice.delete(f"/tasks/{uuid}").status_code == 404


def test_deleting_a_running_task_aborts_it(world: World, alice: httpx.Client) -> None:
    uuid = create(alice, "/tasks", task_body())
    world.advance(3)
    assert alice.delete(f"/tasks/{uuid}").status_code == 200
    assert alice.get("/tasks").json() == []
    world.advance(10)  # its queued events are dropped without effect
    assert alice.get("/tasks").json() == []


def test_auto_delete_after_ttl(world: World, alice: httpx.Client) -> None:
    uuid = create(alice, "/tasks", task_body(autoDeleteOnCompletion=True, completionTimeToLive="00:00:30"))
    world.advance(6 + 29)
    assert alice.get(f"/tasks/{uuid}").status_code == 200
    world.advance(1)
    assert alice.get(f"/tasks/{uuid}").status_code == 404


def test_dependencies(world: World, alice: httpx.Client) -> None:
    job = create(alice, "/jobs", {"name": "j", "useDependencies": True})
    first = create(alice, "/tasks", task_body(jobUuid=job))
    second = create(alice, "/tasks", task_body(jobUuid=job, dependencies={"dependsOn": [first]}))
    world.advance(5)
    assert alice.get(f"/tasks/{second}").json()["state"] == "Submitted"  # waits for the first
    world.advance(1)  # the first succeeds at t=6: the second is ready then
    world.advance(1)
    assert alice.get(f"/tasks/{second}").json()["state"] == "FullyDispatched"
    world.advance(10)
    assert alice.get(f"/tasks/{second}").json()["state"] == "Success"
    # A failed dependency cancels the dependent task.
    failing = create(
        alice, "/tasks", task_body(jobUuid=job, constants=[{"key": "EMULATOR_FAIL_INSTANCES", "value": "0"}])
    )
    dependent = create(alice, "/tasks", task_body(jobUuid=job, dependencies={"dependsOn": [failing]}))
    world.advance(10)
    task = alice.get(f"/tasks/{dependent}").json()
    assert task["state"] == "Cancelled"
    assert task["errors"][0]["code"] == "DependencyFailed"
    plain_job = create(alice, "/jobs", {"name": "no deps"})
    refused = alice.post("/tasks", json=task_body(jobUuid=plain_job, dependencies={"dependsOn": [first]}))
    assert refused.status_code == 400


def test_hardware_constraints_pick_machines(world: World, alice: httpx.Client) -> None:
    gpu = [{"discriminator": "GpuHardwareConstraint"}]
    uuid = create(alice, "/tasks", task_body(hardwareConstraints=gpu, instanceCount=1))
    world.advance(10)
    instance = alice.get(f"/tasks/{uuid}").json()["completedInstances"][0]
    assert instance["specificationKey"] == "8c-64g-nvidia-rtx3080"
    impossible = [{"discriminator": "MinimumCoreHardwareConstraint", "coreCount": 1024}]
    none = create(alice, "/tasks", task_body(hardwareConstraints=impossible))
    world.advance(2)
    task = alice.get(f"/tasks/{none}").json()
    assert task["state"] == "Failure"
    assert task["errors"][0]["code"] == "NoMatchingHardware"
    assert task["status"]["failedRange"] == "0-1"  # nothing ran: every instance failed


def test_snapshots(world: World, alice: httpx.Client) -> None:
    uuid = create(alice, "/tasks", task_body(constants=[{"key": "EMULATOR_INSTANCE_SECONDS", "value": "60"}]))
    assert alice.post(f"/tasks/{uuid}/snapshot", json={}).status_code == 409  # not executing yet
    world.advance(3)
    answer = alice.post(f"/tasks/{uuid}/snapshot", json={"whitelist": ".*"})
    assert answer.status_code == 200
    snapshot_id = answer.json()["id"]
    assert snapshot_id.startswith(f"snap_{uuid}_2030")
    status = alice.get(f"/tasks/{uuid}/snapshot/{snapshot_id}").json()
    assert status["status"] == "Triggered"
    assert status["snapshotConfig"]["whitelist"] == ".*"
    world.advance(0.5)
    assert alice.get(f"/tasks/{uuid}/snapshot/{snapshot_id}").json()["status"] == "InProgress"
    world.advance(1)
    assert alice.get(f"/tasks/{uuid}/snapshot/{snapshot_id}").json()["status"] == "Success"
    second = alice.post(f"/tasks/{uuid}/snapshot", json={}).json()["id"]
    assert second != snapshot_id
    assert alice.get(f"/tasks/{uuid}/snapshot/nope").status_code == 404
    assert alice.post(f"/tasks/{uuid}/snapshot", json={"blacklist": "("}).status_code == 400
    assert alice.post(f"/tasks/{uuid}/snapshot/periodic", json={"interval": 30}).status_code == 200
    assert alice.get(f"/tasks/{uuid}").json()["snapshotInterval"] == 30
    assert alice.post(f"/tasks/{uuid}/snapshot/periodic", json={"interval": 0}).status_code == 200
    assert alice.get(f"/tasks/{uuid}").json()["snapshotInterval"] == 0
    assert alice.post(f"/tasks/{uuid}/snapshot/periodic", json={"interval": -5}).status_code == 400
    assert alice.post(f"/tasks/{uuid}/snapshot/periodic", json={}).status_code == 400


def test_lists_with_tags(alice: httpx.Client) -> None:
    create(alice, "/tasks", task_body(name="a", tags=["x", "y,z"]))
    create(alice, "/tasks", task_body(name="b", tags=["y"]))
    create(alice, "/tasks", task_body(name="c"))

    def names(params: Any) -> list[str]:
        return [t["name"] for t in alice.get("/tasks", params=params).json()]

    assert names({}) == ["a", "b", "c"]
    assert names({"tag": "x"}) == ["a"]
    assert names([("tag", "y,z"), ("tag", "y")]) == ["a", "b"]  # any of the tags; a comma is part of a tag
    summaries = alice.get("/tasks/summaries", params={"tag": "y"}).json()
    assert [s["name"] for s in summaries] == ["b"]
    assert "status" not in summaries[0]


def test_other_tenants_tasks_are_invisible(alice: httpx.Client, bob: httpx.Client) -> None:
    uuid = create(alice, "/tasks", task_body())
    assert bob.get("/tasks").json() == []
    assert bob.get(f"/tasks/{uuid}").status_code == 404
    assert bob.post("/tasks/paginate", json={}).json()["total"] == 0
    assert BOB.email not in alice.get(f"/tasks/{uuid}").text


ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), st.sampled_from([0.0, 0.25, 0.5, 1.0, 2.0])),
        st.tuples(st.just("update"), st.just(0)),
        st.tuples(st.just("patch"), st.just(0)),
        st.tuples(st.just("abort"), st.just(0)),
        st.tuples(st.just("read"), st.sampled_from([None, 0, 1])),
    ),
    max_size=15,
)


@given(actions=ACTIONS)
@settings(max_examples=15, deadline=None)
def test_fresh_outputs_add_up_to_the_whole_output(actions: list[tuple[str, Any]]) -> None:
    """Whatever happens, the fresh reads of an output, concatenated, are exactly the output."""
    clock = ManualClock()
    state = EmulatorState([ALICE], clock=clock)
    world = World(state, clock, create_app(state))
    with world.api(ALICE) as client:
        failing = [{"key": "EMULATOR_FAIL_INSTANCES", "value": "1"}]
        uuid = create(
            client, "/tasks", task_body(constants=failing, retrySettings={"maxPerInstanceRetries": 1})
        )
        seen: dict[tuple[str, Any], str] = {}
        for action, value in actions:
            if action == "advance":
                world.advance(value)
            elif action == "update":
                client.put(f"/tasks/{uuid}", json={"tags": ["t"]})
            elif action == "patch":
                client.patch(f"/tasks/{uuid}")
            elif action == "abort":
                client.post(f"/tasks/{uuid}/abort")
            else:
                for stream in ("stdout", "stderr"):
                    suffix = "" if value is None else f"/{value}"
                    seen[(stream, value)] = (
                        seen.get((stream, value), "") + client.post(f"/tasks/{uuid}/{stream}{suffix}").text
                    )
        world.advance(30)
        for stream in ("stdout", "stderr"):
            for instance in (None, 0, 1):
                suffix = "" if instance is None else f"/{instance}"
                rest = client.post(f"/tasks/{uuid}/{stream}{suffix}").text
                whole = client.get(f"/tasks/{uuid}/{stream}{suffix}").text
                assert seen.get((stream, instance), "") + rest == whole, (stream, instance)
    assert state.violations == []


def test_instances_run_with_their_instance_id(world: World, alice: httpx.Client) -> None:
    uuid = create(alice, "/tasks", task_body(profile="blender", instanceCount=None, advancedRanges="4,9"))
    world.advance(2)
    assert "Running: blender -b scene.blend -f 9" in alice.get(f"/tasks/{uuid}/stdout/9").text
    assert "Running: blender -b scene.blend -f 4" in alice.get(f"/tasks/{uuid}/stdout/4").text
