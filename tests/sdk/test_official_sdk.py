"""The official Python SDK (``qarnot``, pinned in the ``dev`` extra) drives the emulator, unchanged.

Each test is one workflow its users run, through the SDK's public API only: if the emulator sends a
shape the SDK cannot read (7-digit fractions, ``null`` where it iterates) or refuses what the SDK
sends (``"preparationTask": null``, PascalCase secrets bodies), a step here fails.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from qarnot_ext.emulator import Emulator
from tests.sdk.conftest import connect

qarnot = pytest.importorskip("qarnot")

from qarnot.hardware_constraint import MinimumCoreHardware, MinimumRamHardware  # noqa: E402
from qarnot.scaling import (  # noqa: E402
    FixedScalingPolicy,
    ManagedTasksQueueScalingPolicy,
    Scaling,
    TimePeriodAlways,
)
from qarnot.secrets import Secrets  # noqa: E402

PROFILE = "docker-batch"


def wait_final(task: Any, limit: float = 30.0) -> None:
    """Wait with the SDK's own ``wait`` (short timeouts: its naps are ``min(10, timeout)`` seconds)."""
    deadline = time.monotonic() + limit
    while not task.wait(timeout=0.2):
        assert time.monotonic() < deadline, f"task {task.uuid} still {task.state}"


def submit_and_wait(task: Any) -> None:
    task.submit()
    wait_final(task)


def test_connect_user_info_and_profiles(sdk: Any) -> None:
    info = sdk.user_info
    assert info.email.startswith("sdk")
    names = sdk.profiles_names()
    assert PROFILE in names
    details = sdk.profile_details(PROFILE)
    assert details.name == PROFILE
    assert {p.name for p in sdk.profiles()} == set(names)


def test_task_create_submit_wait_outputs_delete(sdk: Any) -> None:
    task = sdk.create_task("sdk-task", PROFILE, 2)
    task.constants["DOCKER_CMD"] = "echo hello"
    task.tags = ["sdk", "first"]
    task.submit()
    assert task.uuid
    wait_final(task)
    assert task.state == "Success"
    assert task.creation_date is not None
    full = task.stdout()
    assert "0> " in full
    assert "1> " in full
    assert task.stdout(0)
    assert "0> " not in task.stdout(0)
    fresh = task.fresh_stdout()
    assert fresh == full
    assert task.fresh_stdout() == ""
    assert task.fresh_stdout(1) == task.stdout(1)
    assert task.stderr() is not None
    task.delete()
    with pytest.raises(qarnot.exceptions.MissingTaskException):
        sdk.retrieve_task(task.uuid)


def test_task_abort(sdk_emulator: Emulator) -> None:
    sdk = connect(sdk_emulator)
    task = sdk.create_task("sdk-abort", PROFILE, 1)
    task.constants["EMULATOR_INSTANCE_SECONDS"] = "100000"
    task.submit()
    task.abort()
    wait_final(task)
    assert task.state == "Cancelled"
    task.delete()


def test_bulk_submit(sdk: Any) -> None:
    tasks = [sdk.create_task(f"bulk-{i}", PROFILE, 1) for i in range(5)]
    sdk.submit_tasks(tasks)
    assert all(t.uuid for t in tasks)
    for task in tasks:
        wait_final(task)
        assert task.state == "Success"
    assert {t.uuid for t in sdk.all_tasks()} >= {t.uuid for t in tasks}


def test_pool_constraints_scaling_update_close_delete(sdk: Any) -> None:
    pool = sdk.create_pool("sdk-pool", PROFILE, 2)
    pool.hardware_constraints = [MinimumCoreHardware(4), MinimumRamHardware(8192)]
    pool.scaling = Scaling([FixedScalingPolicy(2, name="fixed", enabled_periods=[TimePeriodAlways("all")])])
    pool.tags = ["sdk-pool"]
    pool.submit()
    assert pool.uuid
    deadline = time.monotonic() + 30
    while pool.state != "FullyExecuting":
        assert time.monotonic() < deadline, pool.state
        time.sleep(0.05)
        pool.update(True)
    assert [type(c).__name__ for c in pool.hardware_constraints] == [
        "MinimumCoreHardware",
        "MinimumRamHardware",
    ]
    task = sdk.create_task("in-pool", pool, 2)
    task.submit()
    wait_final(task)
    assert task.state == "Success"
    pool.scaling = Scaling(
        [
            ManagedTasksQueueScalingPolicy(
                0, 4, 1, 60, 1.0, name="managed", enabled_periods=[TimePeriodAlways("all")]
            )
        ]
    )
    pool.commit()
    again = sdk.retrieve_pool(pool.uuid)
    assert type(again.scaling.policies[0]).__name__ == "ManagedTasksQueueScalingPolicy"
    assert again.secrets_access_rights is not None
    pool.close()
    deadline = time.monotonic() + 30
    while pool.state != "Closed":
        assert time.monotonic() < deadline, pool.state
        time.sleep(0.05)
        pool.update(True)
    pool.delete()
    with pytest.raises(qarnot.exceptions.MissingPoolException):
        sdk.retrieve_pool(pool.uuid)


def test_jobs_with_dependencies(sdk: Any) -> None:
    job = sdk.create_job("sdk-job", useDependencies=True)
    job.submit()
    first = sdk.create_task("first", PROFILE, 1, job=job)
    first.submit()
    second = sdk.create_task("second", PROFILE, 1, job=job)
    second.set_task_dependencies_from_tasks([first])
    second.submit()
    wait_final(second)
    wait_final(first)
    assert (first.state, second.state) == ("Success", "Success")
    assert first.end_date is not None
    assert second.creation_date is not None
    assert {t.uuid for t in sdk.retrieve_job(job.uuid).tasks} == {first.uuid, second.uuid}
    assert job.uuid in {j.uuid for j in sdk.all_jobs()}
    job.terminate()
    job.delete(forceAbort=True)


def test_secrets_manager_crud(sdk: Any) -> None:
    secrets = Secrets(sdk)
    secrets.create_secret("team/db", "s3cr3t")
    secrets.create_secret("team/api", "k3y")
    assert secrets.get_secret("team/db") == "s3cr3t"
    secrets.update_secret("team/db", "rotated")
    assert secrets.get_secret("team/db") == "rotated"
    assert sorted(secrets.list_secrets("team")) == ["team/api", "team/db"]
    assert sorted(secrets.list_secrets("", recursive=True)) == ["team/api", "team/db"]
    with pytest.raises(qarnot.exceptions.SecretConflictException):
        secrets.create_secret("team/db", "again")
    secrets.delete_secret("team/db")
    with pytest.raises(qarnot.exceptions.SecretNotFoundException):
        secrets.get_secret("team/db")


def test_buckets_sync_list_download_delete(sdk: Any, tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "sub").mkdir(parents=True)
    (source / "a.txt").write_text("alpha")
    (source / "sub" / "b.txt").write_text("beta" * 1000)
    bucket = sdk.create_bucket("sdk-bucket")
    bucket.sync_directory(str(source))
    assert sorted(o.key for o in bucket.list_files()) == ["a.txt", "sub/b.txt"]
    assert "sdk-bucket" in [b.uuid for b in sdk.buckets()]
    target = tmp_path / "dst"
    bucket.get_all_files(str(target))
    assert (target / "sub" / "b.txt").read_text() == "beta" * 1000
    (source / "a.txt").unlink()
    bucket.sync_directory(str(source))
    assert [o.key for o in bucket.list_files()] == ["sub/b.txt"]
    bucket.delete()
    assert "sdk-bucket" not in [b.uuid for b in sdk.buckets()]


def test_results_bucket_download(sdk: Any, tmp_path: Path) -> None:
    task = sdk.create_task("with-results", PROFILE, 2)
    task.results = sdk.create_bucket("sdk-results")
    task.submit()
    wait_final(task)
    task.download_results(str(tmp_path))
    assert sorted(p.name for p in tmp_path.glob("output-*.txt")) == ["output-0.txt", "output-1.txt"]


def test_listing_with_tags_and_pagination(sdk: Any) -> None:
    tasks = [sdk.create_task(f"page-{i}", PROFILE, 1) for i in range(7)]
    for i, task in enumerate(tasks):
        task.tags = ["even" if i % 2 == 0 else "odd", "paged"]
    sdk.submit_tasks(tasks)
    assert {t.uuid for t in sdk.all_tasks(tags=["even"])} == {t.uuid for t in tasks[::2]}
    assert {t.uuid for t in sdk.all_tasks(tags=["paged"])} == {t.uuid for t in tasks}
    page = sdk.tasks_page(maximum=3, tags=["paged"])
    seen = [t.uuid for t in page.page_data]
    assert len(seen) == 3
    assert page.is_truncated
    while page.is_truncated:
        page = sdk.tasks_page(token=page.next_token, maximum=3, tags=["paged"])
        seen += [t.uuid for t in page.page_data]
    assert sorted(seen) == sorted(t.uuid for t in tasks)
    assert len(list(sdk.all_hardware_constraints())) > 0


@pytest.mark.parametrize(
    ("quirk", "error"),
    [("seven-digit-times", ValueError), ("null-lists", TypeError)],
)
def test_quirks_reproduce_the_sdk_failures(quirk: str, error: type[Exception]) -> None:
    """Why these quirks are opt-in: the official SDK fails on the 7-digit timestamps and the null
    lists the real service has been seen to send (after the task was created)."""
    with Emulator(speed=100.0, quirks=quirk) as emu:
        sdk = connect(emu)
        task = sdk.create_task("quirky", PROFILE, 1)
        with pytest.raises(error):
            submit_and_wait(task)
        assert len(emu.state.accounts[sdk.user_info.email.lower()].tasks) == 1
