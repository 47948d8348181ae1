"""End to end: both clients against the emulator (a spec-validated local server on loopback)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from anyio.from_thread import start_blocking_portal

from qarnot_ext import Conflict, NotFound, Unauthorized, UnreachableStateError
from qarnot_ext._async_client import AsyncQarnot
from qarnot_ext._filters import F, OrderBy
from qarnot_ext._ranges import InstanceRange, InstanceStates
from qarnot_ext._secrets import Secret, SecretConstant
from qarnot_ext._sync_client import Qarnot
from qarnot_ext._waits import WaitPolicy
from qarnot_ext.emulator import FAIL_CONSTANT, Emulator
from tests.client._fakes import SyncView

FAST = WaitPolicy(initial=0.02, multiplier=1.5, cap=0.2, jitter=0.1)


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    # 500 emulated seconds per second: a 1 s instance finishes in milliseconds.
    with Emulator(storage=False, speed=500, instance_seconds=1) as emu:
        yield emu


@pytest.fixture(params=["sync", "async"])
def client(request: pytest.FixtureRequest, emulator: Emulator) -> Iterator[Any]:
    options: dict[str, Any] = {"token": emulator.token, "env": {}, "wait_policy": FAST}
    if request.param == "sync":
        with Qarnot(emulator.url, **options) as q:
            yield q
        return
    with start_blocking_portal("asyncio") as portal:
        aq = AsyncQarnot(emulator.url, **options)
        yield SyncView(aq, portal)
        portal.call(aq.aclose)


def test_platform(client: Any, emulator: Emulator) -> None:
    assert client.user.info().email == emulator.email
    assert "docker-batch" in client.profiles.list()
    assert client.profiles.get("docker-batch").name == "docker-batch"
    assert client.versions()
    client.status()
    client.settings()
    constraints = list(client.hardware_constraints.iter(page_size=3))
    assert constraints
    assert len({type(c).__name__ for c in constraints}) > 1


def test_task_lifecycle_with_failed_instances_retried(client: Any) -> None:
    uuid = client.tasks.create(
        "e2e-render",
        "docker-batch",
        instances=InstanceRange.parse("0-4"),
        constants={FAIL_CONSTANT: "1,3"},
        secrets=[SecretConstant("API_KEY", Secret("k3y"))],
        tags=["e2e"],
    )
    states: list[str] = []
    done = client.tasks.wait(uuid, timeout=60, on_state=states.append)
    assert done.state == "Failure"
    assert states[-1] == "Failure"
    assert InstanceStates.of(done).failed == InstanceRange.parse("1,3")
    masked = {c.key: c.value for c in done.constants}
    assert masked["QARNOT_SECRET__API_KEY"] == "[SECRET]"
    retried = client.tasks.retry(uuid, instances=InstanceStates.of(done).failed, constants={})
    assert client.tasks.get(retried).advanced_ranges == "1,3"
    assert isinstance(client.tasks.stdout(uuid), str)
    found = [
        t.uuid
        for t in client.tasks.iter(filter=F.tags.contains("e2e"), order_by=OrderBy("name"), page_size=1)
    ]
    assert uuid in found
    client.tasks.delete(uuid)
    with pytest.raises(NotFound):
        client.tasks.get(uuid)


def test_pools_jobs_and_secrets(client: Any) -> None:
    pool = client.pools.create("e2e-pool", "docker-batch", instances=1)
    assert client.pools.wait(pool, timeout=60).state in ("FullyExecuting", "Closed", "Failure")
    job = client.jobs.create("e2e-job", pool=pool)
    assert client.jobs.get(job).uuid == job
    client.jobs.terminate(job)
    client.pools.close(pool)
    key = f"e2e/{client.__class__.__name__}/db password"
    client.secrets.create(key, Secret("s3cr3t"))
    with pytest.raises(Conflict):
        client.secrets.create(key, "again")
    assert client.secrets.get(key).reveal() == "s3cr3t"
    assert key in client.secrets.list("e2e", recursive=True)
    client.secrets.delete(key)


def test_wrong_token_is_unauthorized(emulator: Emulator) -> None:
    with Qarnot(emulator.url, token="not-the-token", env={}) as q, pytest.raises(Unauthorized):
        q.user.info()


def test_a_dependency_workflow_in_a_job_names_only_the_job(client: Any) -> None:
    pool = client.pools.create("e2e-deps-pool", "docker-batch", instances=1)
    client.pools.wait(pool, until="FullyExecuting", timeout=60)
    job = client.jobs.create("e2e-deps", pool=pool, use_dependencies=True)
    first = client.tasks.create("first", job=job, instances=1)
    second = client.tasks.create("second", job=client.jobs.get(job), depends_on=[first], instances=1)
    done = client.tasks.wait(second, until="Success", timeout=60)
    assert done.state == "Success"
    assert client.tasks.get(first).state == "Success"
    assert client.tasks.get(second).pool_uuid == pool
    with pytest.raises(UnreachableStateError):
        client.tasks.wait(first, until="FullyExecuting", timeout=60)
    client.jobs.terminate(job)
    client.pools.close(pool)
