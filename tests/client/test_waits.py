"""Waits with a fake clock: backoff, deadline, PendingCancel, hooks (both clients)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from qarnot_ext import WaitTimeoutError
from qarnot_ext._waits import TASK_FINAL, Progress, WaitPolicy, is_in
from tests.client._fakes import FakeClock, Router, example, task_doc


def _states(*states: str, doc: Any = None) -> Any:
    sequence = list(states)

    def handler(request: Any, **_kw: str) -> Any:
        state = sequence.pop(0) if len(sequence) > 1 else sequence[0]
        return {**(doc if doc is not None else task_doc()), "state": state}

    return handler


def test_wait_backs_off_and_reports_each_state_once(q: Any, router: Router, clock: FakeClock) -> None:
    router.add(
        "GET",
        r"/tasks/[^/]+",
        _states("Submitted", "Submitted", "FullyExecuting", "PendingCancel", "Cancelled"),
    )
    seen: list[str] = []
    task = q.tasks.wait("t", timeout=3600, on_state=seen.append, policy=WaitPolicy(jitter=0))
    assert task.state == "Cancelled"
    assert seen == ["Submitted", "FullyExecuting", "PendingCancel", "Cancelled"]  # PendingCancel is not final
    assert clock.sleeps == pytest.approx([1.0, 1.6, 2.56, 4.096])


def test_wait_streams_fresh_output(q: Any, router: Router) -> None:
    router.add("GET", r"/tasks/[^/]+", _states("FullyExecuting", "Success"))
    chunks = iter(["line 1\n", "", "line 2\n"])
    router.add("POST", r"/tasks/[^/]+/stdout", lambda r: next(chunks))
    out: list[str] = []
    q.tasks.wait("t", on_output=out.append)
    assert out == ["line 1\n"]
    assert ("POST", "/tasks/t/stdout") in router.paths()


def test_wait_deadline_raises_with_the_last_state(q: Any, router: Router, clock: FakeClock) -> None:
    router.add("GET", r"/tasks/[^/]+", _states("FullyExecuting"))
    start = clock.now
    with pytest.raises(WaitTimeoutError) as info:
        q.tasks.wait("t", timeout=100)
    assert info.value.last_state == "FullyExecuting"
    assert clock.now - start == pytest.approx(100)  # the last sleep is cut to the deadline
    assert max(clock.sleeps) <= 30.0 * 1.1


def test_lowercase_final_states_end_the_wait(q: Any, router: Router) -> None:
    router.add("GET", r"/tasks/[^/]+", _states("success"))
    assert q.tasks.wait("t", timeout=0).state == "success"


def test_pool_and_job_waits(q: Any, router: Router) -> None:
    router.add(
        "GET", r"/pools/[^/]+", _states("Submitted", "FullyExecuting", doc=example("/pools/{poolUuid}"))
    )
    router.add(
        "GET", r"/jobs/[^/]+", _states("Active", "Terminating", "Completed", doc=example("/jobs/{jobUuid}"))
    )
    assert q.pools.wait("p", timeout=60).state == "FullyExecuting"
    assert q.jobs.wait("j", timeout=60).state == "Completed"
    assert q.pools.wait("p", until={"fullyexecuting"}, timeout=None).state == "FullyExecuting"


def test_progress_is_pure_and_validates() -> None:
    progress = Progress(
        what="x", final=TASK_FINAL, timeout=10, policy=WaitPolicy(), start=0.0, rng=random.Random(1)
    )
    assert progress.observe("Submitted")
    assert not progress.observe("Submitted")
    assert progress.observe("Success")
    assert progress.done()
    assert progress.sleep_for(9.5) == pytest.approx(0.5)
    with pytest.raises(WaitTimeoutError):
        progress.sleep_for(10.0)
    with pytest.raises(ValueError, match="timeout"):
        Progress(what="x", final=TASK_FINAL, timeout=-1, policy=WaitPolicy(), start=0.0)
    with pytest.raises(ValueError, match="cap"):
        WaitPolicy(cap=float("nan"))
    assert is_in("FAILURE", TASK_FINAL)
    assert not is_in("PendingCancel", TASK_FINAL)
    assert not is_in(None, TASK_FINAL)


def test_interval_grows_to_the_cap_with_bounded_jitter() -> None:
    policy = WaitPolicy(initial=1, multiplier=2, cap=8, jitter=0.25)
    rng = random.Random(0)
    for n, base in enumerate([1, 2, 4, 8, 8, 8]):
        assert base * 0.75 <= policy.interval(n, rng) <= base * 1.25
