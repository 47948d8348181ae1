"""Retries (fake clock): which operations retry, how long they wait, Retry-After, no repeated creation."""

from __future__ import annotations

import email.utils
import random
import time
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from qarnot_ext import BadRequest, RateLimited, ServerError, TransportError
from qarnot_ext._errors import APITimeoutError as QTimeoutError
from qarnot_ext._http import RetryPolicy
from tests.client._fakes import FakeClock, Router, task_doc

UUID = "52c10b2d-0687-41e1-985e-7279f6dd543a"


def _flaky(failures: list[httpx.Response | Exception], final: Any) -> Any:
    """A handler that answers each of ``failures`` in turn (raising exceptions), then ``final``."""
    queue = list(failures)

    def handler(request: httpx.Request, **_kw: str) -> Any:
        if queue:
            item = queue.pop(0)
            if isinstance(item, Exception):
                raise item
            return item
        return final

    return handler


def test_get_is_retried_on_503_with_full_jitter_backoff(q: Any, router: Router, clock: FakeClock) -> None:
    router.add("GET", r"/tasks/[^/]+", _flaky([httpx.Response(503), httpx.Response(502)], task_doc()))
    assert str(q.tasks.get("x").uuid) == UUID
    assert len(router.calls) == 3
    # Full jitter: the n-th delay is in [0, base * 2**(n-1)] with the default base of 0.5 s.
    assert len(clock.sleeps) == 2
    assert 0 <= clock.sleeps[0] <= 0.5
    assert 0 <= clock.sleeps[1] <= 1.0


def test_retry_after_seconds_and_http_date_are_honoured(q: Any, router: Router, clock: FakeClock) -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    router.add(
        "GET",
        r"/tasks/[^/]+",
        _flaky(
            [
                httpx.Response(429, headers={"Retry-After": "7"}),
                httpx.Response(503, headers={"Retry-After": when}),
            ],
            task_doc(),
        ),
    )
    q.tasks.get("x")
    assert clock.sleeps[0] == 7.0
    assert 28.0 <= clock.sleeps[1] <= 30.0


def test_the_last_429_reaches_the_caller_with_its_retry_after(
    q: Any, router: Router, clock: FakeClock
) -> None:
    router.add("GET", r"/tasks/[^/]+", httpx.Response(429, headers={"Retry-After": "2"}))
    with pytest.raises(RateLimited) as info:
        q.tasks.get("x")
    assert info.value.retry_after == 2.0
    assert len(router.calls) == 3
    assert clock.sleeps == [2.0, 2.0]


def test_a_retry_after_beyond_the_deadline_is_not_waited_for(
    q: Any, router: Router, clock: FakeClock
) -> None:
    router.add("GET", r"/tasks/[^/]+", httpx.Response(503, headers={"Retry-After": "3600"}))
    with pytest.raises(ServerError):
        q.tasks.get("x")
    assert len(router.calls) == 1
    assert clock.sleeps == []


def test_transport_errors_are_retried_for_reads_then_wrapped(
    q: Any, router: Router, clock: FakeClock
) -> None:
    router.add("GET", r"/tasks/[^/]+", _flaky([httpx.ConnectError("refused")], task_doc()))
    q.tasks.get("x")
    assert len(router.calls) == 2
    router.add("GET", r"/pools/[^/]+", _flaky([httpx.ReadTimeout("slow")] * 5, None))
    with pytest.raises(QTimeoutError) as info:
        q.pools.get("p")
    assert isinstance(info.value, TimeoutError)
    assert isinstance(info.value, TransportError)
    assert info.value.method == "GET"
    assert info.value.path == "/v1/pools/p"


@pytest.mark.parametrize(
    ("call", "method", "pattern"),
    [
        (lambda q: q.tasks.create(name="n", profile="p"), "POST", "/tasks"),
        (lambda q: q.tasks.abort(UUID), "POST", r"/tasks/[^/]+/abort"),
        (lambda q: q.tasks.stdout(UUID, fresh=True), "POST", r"/tasks/[^/]+/stdout"),
        (lambda q: q.tasks.stderr(UUID, instance=2, fresh=True), "POST", r"/tasks/[^/]+/stderr/\d+"),
        (lambda q: q.tasks.retry(UUID), "POST", r"/tasks/[^/]+/retry"),
        (lambda q: q.tasks.snapshot(UUID), "POST", r"/tasks/[^/]+/snapshot"),
        (lambda q: q.pools.create("n", "p"), "POST", "/pools"),
        (lambda q: q.jobs.terminate(UUID), "POST", r"/jobs/[^/]+/terminate"),
        (lambda q: q.secrets.create("k", "v"), "PUT", r"/secrets-manager/data/k"),
        (lambda q: q.tasks.update_resources(UUID), "PATCH", r"/tasks/[^/]+"),
    ],
)
@pytest.mark.parametrize("failure", ["503", "reset"])
def test_non_idempotent_operations_are_never_repeated(
    q: Any, router: Router, clock: FakeClock, call: Any, method: str, pattern: str, failure: str
) -> None:
    answer: Any = httpx.Response(503) if failure == "503" else httpx.RemoteProtocolError("reset")
    router.add(method, pattern, _flaky([answer] * 5, None))
    with pytest.raises((ServerError, TransportError)):
        call(q)
    assert len(router.calls) == 1
    assert clock.sleeps == []


def test_read_only_posts_are_retried(q: Any, router: Router, clock: FakeClock) -> None:
    router.add("POST", "/tasks/paginate", _flaky([httpx.Response(504)], {"data": [], "isTruncated": False}))
    router.add("POST", "/tasks/search", _flaky([httpx.Response(500)], []))
    router.add("POST", "/sanity-checks/pools/scaling", _flaky([httpx.Response(408)], {}))
    assert list(q.tasks.iter()) == []
    assert q.tasks.search() == []
    q.pools.check_scaling({"policies": []})
    assert len(router.calls) == 6
    assert len(clock.sleeps) == 3


def test_client_errors_are_not_retried(q: Any, router: Router, clock: FakeClock) -> None:
    router.add("GET", r"/tasks/[^/]+", httpx.Response(400, json={"message": "bad"}))
    with pytest.raises(BadRequest, match="bad"):
        q.tasks.get("x")
    assert len(router.calls) == 1
    assert clock.sleeps == []


def test_the_generated_client_gets_the_same_retries_and_errors(clock: FakeClock, router: Router) -> None:
    from qarnot_api.api.tasks import create_task, get_task
    from qarnot_ext._sync_client import Qarnot

    router.add("GET", r"/tasks/[^/]+", _flaky([httpx.Response(503)], task_doc()))
    router.add("POST", "/tasks", httpx.Response(503))
    q = Qarnot(
        "http://127.0.0.1:9",
        token="generated-client-token",
        env={},
        clock=clock,
        transport=router.transport(),
    )
    assert str(get_task.sync(UUID, client=q.api).uuid) == UUID  # type: ignore[union-attr]
    from qarnot_api.models import TaskCreationInput

    with pytest.raises(ServerError):
        create_task.sync(client=q.api, body=TaskCreationInput(name="n", profile="p"))
    assert [m for m, _, _, _ in router.calls] == ["GET", "GET", "POST"]
    q.close()


# The retried statuses as documented (qarnot_ext/_http.py, "Retries"): 408, 425, 429, 500, 502, 503,
# 504 (and transport errors, status None). Written out here, not read from the policy, so that a status
# dropped from (or added to) the policy's set fails this test.
DOCUMENTED_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


@pytest.mark.parametrize("status", [None, *sorted(DOCUMENTED_RETRY_STATUSES)])
def test_every_documented_status_is_retried(status: int | None) -> None:
    rng = random.Random(7)
    delay = RetryPolicy().delay(
        attempt=1, elapsed=0, idempotent=True, status=status, retry_after=None, rng=rng
    )
    assert delay == random.Random(7).uniform(0.0, 0.5)


@given(
    attempt=st.integers(1, 7),
    elapsed=st.floats(0, 130),
    status=st.sampled_from([None, 200, 400, 404, 409, 501, *sorted(DOCUMENTED_RETRY_STATUSES)]),
    retry_after=st.one_of(st.none(), st.floats(0, 60)),
    idempotent=st.booleans(),
    seed=st.integers(0, 2**32),
)
def test_policy_delay_properties(
    attempt: int, elapsed: float, status: int | None, retry_after: float | None, idempotent: bool, seed: int
) -> None:
    # The documented defaults: 5 attempts, full-jitter backoff from 0.5 s doubling up to 30 s,
    # Retry-After honoured, no retry starting later than 120 s after the first attempt.
    policy = RetryPolicy()
    delay = policy.delay(
        attempt=attempt,
        elapsed=elapsed,
        idempotent=idempotent,
        status=status,
        retry_after=retry_after,
        rng=random.Random(seed),
    )
    wait = (
        retry_after
        if retry_after is not None
        else random.Random(seed).uniform(0.0, min(30.0, 0.5 * 2 ** (attempt - 1)))
    )
    allowed = (
        idempotent
        and attempt < 5
        and (status is None or status in DOCUMENTED_RETRY_STATUSES)
        and elapsed + wait <= 120.0
    )
    assert delay == (wait if allowed else None)
