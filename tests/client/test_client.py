"""Every facade method, on both clients (the ``q`` fixture), against a fake API behind MockTransport."""

from __future__ import annotations

import datetime as dt
import json
import uuid as uuidlib
from typing import Any

import httpx
import pytest

from qarnot_ext import BadRequest, Conflict, NotFound, ParseError, RateLimited, Unauthorized
from qarnot_ext._errors import InvalidValueError
from qarnot_ext._filters import F, OrderBy
from qarnot_ext._ranges import InstanceRange, InstanceStates
from qarnot_ext._secrets import Secret, SecretConstant
from tests.client._fakes import TOKEN, Router, example, task_doc

UUID = "52c10b2d-0687-41e1-985e-7279f6dd543a"
NEW = "11111111-2222-3333-4444-555555555555"
NEW_ID = uuidlib.UUID(NEW)
POOL = example("/pools/{poolUuid}")
JOB = example("/jobs/{jobUuid}")


def test_get_task_returns_the_generated_model_with_value_types_reachable(q: Any, router: Router) -> None:
    router.add("GET", r"/tasks/(?P<uuid>[^/]+)", lambda req, uuid: task_doc(UUID, shortname=uuid))
    task = q.tasks.get("render-42")
    assert type(task).__name__ == "TaskOutput"
    assert str(task.uuid) == UUID
    assert task.shortname == "render-42"
    assert isinstance(InstanceStates.of(task).failed, InstanceRange)
    method, path, _, _ = router.calls[-1]
    assert (method, path) == ("GET", "/tasks/render-42")
    assert router.requests[-1].headers["Authorization"] == TOKEN  # the raw token, no "Bearer"


def test_lists_send_repeated_tag_parameters(q: Any, router: Router) -> None:
    router.add("GET", "/tasks", [task_doc()])
    router.add("GET", "/tasks/summaries", [{"uuid": UUID, "name": "a"}])
    router.add("GET", "/pools", [POOL])
    router.add("GET", "/pools/summaries", [{"uuid": UUID}])
    router.add("GET", "/jobs", [JOB])
    assert [str(t.uuid) for t in q.tasks.list(tags=["a", "b,c"])] == [UUID]
    assert router.calls[-1][2] == "tag=a&tag=b%2Cc"
    assert len(q.tasks.list_summaries()) == 1
    assert len(q.pools.list(tags=["x"])) == 1
    assert len(q.pools.list_summaries()) == 1
    assert len(q.jobs.list()) == 1
    with pytest.raises(InvalidValueError):
        q.tasks.list(tags="one-string")


def test_search_sends_filter_and_select(q: Any, router: Router) -> None:
    router.add("POST", "/tasks/search", [task_doc()])
    router.add("POST", "/pools/search", [POOL])
    router.add("POST", "/jobs/search", [JOB])
    assert len(q.tasks.search(F.state == "Success", select=["name"], limit=5)) == 1
    assert router.calls[-1][3] == {
        "select": {"fields": ["Name"]},
        "filter": {"field": "State", "operator": "Equal", "value": "Success"},
        "maximumResults": 5,
    }
    assert len(q.pools.search(F.name == "p")) == 1
    assert len(q.jobs.search()) == 1


def _paged(items: list[dict[str, Any]], size: int) -> Any:
    def handler(request: httpx.Request) -> Any:
        body = json.loads(request.content)
        start = int(body.get("token") or 0)
        count = body.get("maximumResults") or size
        chunk = items[start : start + count]
        more = start + count < len(items)
        return {"data": chunk, "isTruncated": more, "nextToken": str(start + count) if more else None}

    return handler


@pytest.mark.parametrize(
    ("resource", "method", "path", "doc"),
    [
        ("tasks", "iter", "/tasks/paginate", None),
        ("tasks", "summaries", "/tasks/summaries/paginate", None),
        ("pools", "iter", "/pools/paginate", POOL),
        ("pools", "summaries", "/pools/summaries/paginate", POOL),
        ("jobs", "iter", "/jobs/paginate", JOB),
    ],
)
def test_token_paged_listings(
    q: Any, router: Router, resource: str, method: str, path: str, doc: Any
) -> None:
    base = doc or task_doc()
    items = [{**base, "uuid": f"00000000-0000-0000-0000-{i:012d}"} for i in range(7)]
    router.add("POST", path, _paged(items, 3))
    order = OrderBy("name", descending=True)
    got = list(getattr(getattr(q, resource), method)(filter=F.name == "x", order_by=order, page_size=3))
    assert [int(str(t.uuid)[-12:]) for t in got] == list(range(7))
    bodies = [c[3] for c in router.calls]
    assert [b.get("token") for b in bodies] == [None, "3", "6"]
    assert all(
        b["orderBy"] == "name" and b["orderType"] == "DESC" and b["maximumResults"] == 3 for b in bodies
    )


def test_pages_are_resumable_and_limit_stops_early(q: Any, router: Router) -> None:
    items = [task_doc(f"00000000-0000-0000-0000-{i:012d}") for i in range(10)]
    router.add("POST", "/tasks/paginate", _paged(items, 4))
    pages = list(q.tasks.pages(page_size=4))
    assert [len(p.items) for p in pages] == [4, 4, 2]
    assert pages[0].next_token == "4"
    assert pages[-1].next_token is None
    resumed = list(q.tasks.iter(page_size=4, start_token=pages[0].next_token))
    assert len(resumed) == 6
    router.calls.clear()
    assert len(list(q.tasks.iter(page_size=4, limit=5))) == 5
    assert [c[3]["maximumResults"] for c in router.calls] == [4, 1]
    for path in (
        "/tasks/summaries/paginate",
        "/pools/paginate",
        "/pools/summaries/paginate",
        "/jobs/paginate",
    ):
        router.add("POST", path, {"data": [], "isTruncated": False})
    for pages in (
        q.tasks.summary_pages(page_size=50),
        q.pools.pages(),
        q.pools.summary_pages(),
        q.jobs.pages(),
    ):
        assert [p.items for p in pages] == [[]]


def test_filter_for_the_wrong_resource_fails_before_any_request(q: Any, router: Router) -> None:
    with pytest.raises(InvalidValueError):
        q.jobs.iter(order_by=OrderBy("executionTime"))
    assert router.calls == []


def test_hardware_constraints_offset_paging_and_search(q: Any, router: Router) -> None:
    known = [{"discriminator": "MinimumCoreHardwareConstraint", "coreCount": i} for i in range(5)]
    data = [*known, {"discriminator": "QuantumHardwareConstraint", "qubits": 7}]

    def page(request: httpx.Request) -> Any:
        offset = int(request.url.params.get("Offset", 0))
        limit = int(request.url.params["Limit"])
        return {"data": data[offset : offset + limit], "offset": offset, "limit": limit, "total": len(data)}

    router.add("GET", "/hardware-constraints", page)
    got = list(q.hardware_constraints.iter(page_size=4))
    assert [type(c).__name__ for c in got][-1] == "UnknownHardwareConstraint"
    assert got[-1].additional_properties == {"qubits": 7}
    assert len(got) == 6
    assert [c[2] for c in router.calls] == ["Limit=4", "Limit=4&Offset=4"]
    assert [len(p.items) for p in q.hardware_constraints.pages(page_size=4, start_token="4")] == [2]
    router.add(
        "GET",
        "/hardware-constraints/cpu-model-constraints/search",
        [{"discriminator": "CpuModelHardwareConstraint", "cpuModel": "Ryzen"}, {}],
    )
    found = q.hardware_constraints.search_cpu_model("Ryzen")
    assert found[0].cpu_model == "Ryzen"
    assert type(found[1]).__name__ == "UnknownHardwareConstraint"  # an element without a tag is kept
    assert router.calls[-1][2] == "cpuModel=Ryzen"


def test_create_task_with_range_and_secret_constants(q: Any, router: Router) -> None:
    router.add("POST", "/tasks", {"uuid": NEW})
    uuid = q.tasks.create(
        name="render",
        profile="docker-batch",
        instances=InstanceRange.parse("0-99"),
        constants={"DOCKER_CMD": "run"},
        secrets=[SecretConstant("API_KEY", Secret("k3y"))],
        tags=["render"],
        extra={"priority": 3},
    )
    assert uuid == NEW_ID
    body = router.calls[-1][3]
    assert body["advancedRanges"] == "0-99"
    assert "instanceCount" not in body
    assert {"key": "QARNOT_SECRET__API_KEY", "value": "k3y"} in body["constants"]
    assert body["tags"] == ["render"]
    assert body["priority"] == 3
    with pytest.raises(InvalidValueError):
        q.tasks.create(name="x", profile="p", constants={"QARNOT_SECRET__A": "[SECRET]"})


def test_bulk_creation_returns_one_result_per_task(q: Any, router: Router) -> None:
    router.add(
        "POST",
        "/tasks",
        httpx.Response(
            207,
            json=[
                {"statusCode": 200, "uuid": NEW, "message": None},
                {"statusCode": 400, "uuid": None, "message": "bad profile"},
            ],
        ),
    )
    results = q.tasks.create_many(
        [{"name": "a", "profile": "p"}, {"name": "b", "profile": "nope", "instances": 2}]
    )
    assert [r.status_code for r in results] == [200, 400]
    assert results[1].message == "bad profile"
    assert [t["name"] for t in router.calls[-1][3]] == ["a", "b"]


def test_task_lifecycle_operations(q: Any, router: Router) -> None:
    for verb in ("clone", "retry", "recover", "resume"):
        router.add("POST", rf"/tasks/(?P<t>[^/]+)/{verb}", {"uuid": NEW})
    router.add("PUT", r"/tasks/[^/]+", None)
    router.add("PATCH", r"/tasks/[^/]+", None)
    router.add("DELETE", r"/tasks/[^/]+", None)
    router.add("POST", r"/tasks/[^/]+/abort", None)
    assert q.tasks.clone(UUID, name="copy", instances=3) == NEW_ID
    assert router.calls[-1][1:] == (f"/tasks/{UUID}/clone", "", {"name": "copy", "instanceCount": 3})
    assert q.tasks.retry(UUID) == NEW_ID
    assert router.calls[-1][1].endswith("/retry")
    assert q.tasks.retry(UUID, instances=InstanceRange.parse("3,5-6")) == NEW_ID
    assert router.calls[-1][1].endswith("/clone")
    assert router.calls[-1][3] == {"advancedRanges": "3,5-6"}
    assert q.tasks.recover(UUID, tags=["r"]) == NEW_ID
    assert router.calls[-1][3] == {"tags": ["r"]}
    assert q.tasks.resume(UUID) == NEW_ID
    q.tasks.update(UUID, constants={"A": "1"})
    assert router.calls[-1][:2] == ("PUT", f"/tasks/{UUID}")
    with pytest.raises(InvalidValueError):
        q.tasks.update(UUID)
    q.tasks.update_resources(UUID)
    q.tasks.abort(UUID)
    q.tasks.delete(UUID)
    assert [c[0] for c in router.calls[-3:]] == ["PATCH", "POST", "DELETE"]


def test_outputs_full_fresh_and_per_instance(q: Any, router: Router) -> None:
    for kind in ("tasks", "pools"):
        for stream in ("stdout", "stderr"):
            router.add("GET", rf"/{kind}/[^/]+/{stream}", f"all {stream}")
            router.add("POST", rf"/{kind}/[^/]+/{stream}", f"fresh {stream}")
            router.add("GET", rf"/{kind}/[^/]+/{stream}/(?P<i>\d+)", lambda r, i, s=stream: f"{s} of {i}")
            router.add(
                "POST", rf"/{kind}/[^/]+/{stream}/(?P<i>\d+)", lambda r, i, s=stream: f"fresh {s} of {i}"
            )
    assert q.tasks.stdout(UUID) == "all stdout"
    assert q.tasks.stdout(UUID, fresh=True) == "fresh stdout"
    assert router.calls[-1][0] == "POST"
    assert q.tasks.stdout(UUID, instance=3, fresh=True) == "fresh stdout of 3"
    assert q.tasks.stderr(UUID, instance=3) == "stderr of 3"
    assert q.tasks.stderr(UUID, fresh=True) == "fresh stderr"
    assert q.pools.stdout(UUID) == "all stdout"
    assert q.pools.stdout(UUID, instance=1, fresh=True) == "fresh stdout of 1"
    assert q.pools.stderr(UUID, instance=2) == "stderr of 2"
    assert q.pools.stderr(UUID, fresh=True) == "fresh stderr"
    with pytest.raises(InvalidValueError):
        q.tasks.stdout(UUID, instance=-1)


def test_snapshots_unique_with_status_and_periodic(q: Any, router: Router, clock: Any) -> None:
    snap = f"snap_{UUID}_20240101000000"
    router.add("POST", r"/tasks/[^/]+/snapshot", {"id": snap})
    router.add("POST", r"/tasks/[^/]+/snapshot/periodic", None)
    statuses = iter(["triggered", "InProgress", "success", "success"])
    router.add(
        "GET", r"/tasks/[^/]+/snapshot/(?P<sid>[^/]+)", lambda r, sid: {"id": sid, "status": next(statuses)}
    )
    assert q.tasks.snapshot(UUID, whitelist=".*\\.exr") == snap
    assert router.calls[-1][3] == {"whitelist": ".*\\.exr"}
    done = q.tasks.wait_snapshot(UUID, snap, timeout=60)
    assert done.status == "success"
    assert len(clock.sleeps) == 2
    assert q.tasks.snapshot_status(UUID, snap).id == snap
    q.tasks.periodic_snapshot(UUID, 300, bucket="snaps")
    assert router.calls[-1][3] == {"interval": 300, "bucket": "snaps"}


def test_pool_operations(q: Any, router: Router) -> None:
    router.add("POST", "/pools", {"uuid": NEW})
    router.add("GET", r"/pools/[^/]+", POOL)
    router.add("POST", r"/pools/[^/]+/clone", {"uuid": NEW})
    router.add("PUT", r"/pools/[^/]+", None)
    router.add("PATCH", r"/pools/[^/]+", None)
    router.add("POST", r"/pools/[^/]+/close", None)
    router.add("DELETE", r"/pools/[^/]+", None)
    router.add("GET", r"/pools/[^/]+/jobs", [JOB])
    router.add("GET", r"/pools/[^/]+/tasks", [task_doc()])
    router.add("GET", r"/pools/[^/]+/scaling", example("/pools/{poolUuid}/scaling"))
    router.add("PUT", r"/pools/[^/]+/scaling", {})
    router.add("POST", "/sanity-checks/pools/scaling", {})
    scaling = {"policies": [{"type": "Fixed", "name": "p", "slotsCount": 2}]}
    assert q.pools.create("render-pool", "docker-batch", instances=4, scaling=scaling) == NEW_ID
    assert router.calls[-1][3]["instanceCount"] == 4
    assert str(q.pools.get("p").uuid) == POOL["uuid"]
    assert q.pools.clone("p", name="copy") == NEW_ID
    q.pools.update("p", tags=["t"])
    q.pools.update_resources("p")
    q.pools.close("p")
    q.pools.delete("p")
    assert len(q.pools.jobs("p")) == 1
    assert len(q.pools.tasks("p")) == 1
    assert q.pools.scaling("p") is not None
    q.pools.update_scaling("p", scaling)
    q.pools.check_scaling(scaling)
    assert router.calls[-1][1:] == ("/sanity-checks/pools/scaling", "", scaling)


def test_job_operations(q: Any, router: Router) -> None:
    router.add("POST", "/jobs", {"uuid": NEW})
    router.add("GET", r"/jobs/[^/]+", JOB)
    router.add("POST", r"/jobs/[^/]+/terminate", None)
    router.add("DELETE", r"/jobs/[^/]+", None)
    router.add("GET", r"/jobs/[^/]+/tasks", [task_doc()])
    import datetime as dt

    assert q.jobs.create("nightly", max_wall_time=dt.timedelta(hours=30), use_dependencies=True) == NEW_ID
    assert router.calls[-1][3] == {"name": "nightly", "useDependencies": True, "maxWallTime": "1.06:00:00"}
    assert str(q.jobs.get("j").uuid) == JOB["uuid"]
    q.jobs.terminate("j")
    q.jobs.delete("j", force=True)
    assert router.calls[-1][2] == "force=true"
    assert len(q.jobs.tasks("j")) == 1


def test_platform_operations(q: Any, router: Router) -> None:
    router.add("GET", "/info", example("/info"))
    router.add("GET", "/settings", {"storage": "https://storage.example"})
    router.add("GET", "/versions", [{"version": "v1", "endOfLife": None}])
    router.add("GET", "/status", None)
    router.add("GET", "/", None)
    router.add("GET", "/profiles", ["docker-batch", "blender"])
    router.add("GET", "/profiles/(?P<n>[^/]+)", lambda r, n: {"name": n, "constants": [], "licenses": []})
    assert q.user.info().email
    assert q.settings().storage == "https://storage.example"
    assert q.versions()[0].version == "v1"
    assert q.status() is None
    assert q.root() is None
    assert q.profiles.list() == ["docker-batch", "blender"]
    assert q.profiles.get("blender").name == "blender"


def test_secrets_manager_encodes_each_segment(q: Any, router: Router) -> None:
    router.add("GET", "/secrets-manager/data/.+", {"value": "s3cr3t"})
    router.add("PUT", "/secrets-manager/data/.+", None)
    router.add("PATCH", "/secrets-manager/data/.+", None)
    router.add("DELETE", "/secrets-manager/data/.+", None)
    value = q.secrets.get("team/db?x#y")
    assert isinstance(value, Secret)
    assert value.reveal() == "s3cr3t"
    assert router.calls[-1][1] == "/secrets-manager/data/team/db%3Fx%23y"
    q.secrets.create("team/new key", Secret("v"))
    assert router.calls[-1][1] == "/secrets-manager/data/team/new%20key"
    assert router.calls[-1][3] == {"value": "v"}
    q.secrets.update("a", "w")
    q.secrets.delete("a")
    assert [c[0] for c in router.calls[-2:]] == ["PATCH", "DELETE"]
    for bad in ("", "a//b", "a/../b"):
        with pytest.raises(InvalidValueError):
            q.secrets.get(bad)


def test_secrets_recursive_listing(q: Any, router: Router) -> None:
    tree = {"": ["a", "team/"], "team": ["db", "sub/"], "team/sub": ["x"]}
    router.add("GET", "/secrets-manager/search/(?P<p>.*)", lambda r, p: {"keys": tree[p.rstrip("/")]})
    assert q.secrets.list() == ["a", "team/"]
    assert q.secrets.list("team") == ["team/db", "team/sub/"]
    assert q.secrets.list(recursive=True, concurrency=2) == ["a", "team/db", "team/sub/x"]
    assert ("GET", "/secrets-manager/search/") in router.paths()


@pytest.mark.parametrize(
    ("status", "body", "headers", "cls", "message"),
    [
        (404, {"message": "No such task: x"}, {}, NotFound, "No such task: x"),
        (
            401,
            {"error": {"message": "Bad authentication token", "code": 401}, "data": {}},
            {},
            Unauthorized,
            "Bad authentication token",
        ),
        (409, {"error": "Secret the_key already exists"}, {}, Conflict, "Secret the_key already exists"),
        (
            400,
            {
                "type": "t",
                "title": "Invalid",
                "status": 400,
                "detail": "bad",
                "errors": {"name": ["required"]},
                "extensions": {"traceId": "00-abc"},
            },
            {"content-type": "application/problem+json"},
            BadRequest,
            "Invalid: bad",
        ),
        (429, None, {"Retry-After": "7"}, RateLimited, "Too Many Requests"),
    ],
)
def test_error_bodies_become_typed_exceptions(
    q: Any,
    router: Router,
    status: int,
    body: Any,
    headers: dict[str, str],
    cls: type[Exception],
    message: str,
) -> None:
    response = (
        httpx.Response(status, json=body, headers=headers)
        if body is not None
        else httpx.Response(status, headers=headers)
    )
    router.add("GET", r"/tasks/[^/]+", response)
    with pytest.raises(cls) as info:
        q.tasks.get("x")
    exc: Any = info.value
    assert exc.status == status
    assert exc.message == message
    assert exc.method == "GET"
    assert exc.path == "/v1/tasks/x"
    if cls is BadRequest:
        assert exc.errors == {"name": ["required"]}
        assert exc.trace_id == "00-abc"
    if cls is RateLimited:
        assert exc.retry_after == 7.0


def test_a_body_that_breaks_the_contract_is_a_parse_error(q: Any, router: Router) -> None:
    router.add("GET", r"/tasks/[^/]+", {"name": "no uuid"})
    router.add("POST", "/tasks/paginate", {"data": [task_doc(), {"status": {}}], "isTruncated": False})
    router.add("GET", "/tasks", task_doc())  # C3: one object where an array is expected
    router.add("GET", "/info", httpx.Response(200, text="<html>"))
    with pytest.raises(ParseError, match="uuid"):
        q.tasks.get("x")
    with pytest.raises(ParseError) as info:
        list(q.tasks.iter())
    assert info.value.path == "$.data[1]"
    with pytest.raises(ParseError, match="array"):
        q.tasks.list()
    with pytest.raises(ParseError, match="not JSON"):
        q.user.info()


def test_task_with_empty_status_and_seven_digit_timestamps_parses(q: Any, router: Router) -> None:
    router.add(
        "GET",
        r"/tasks/[^/]+",
        task_doc(status={}, creationDate="2021-05-01T08:56:48.1234567Z", endDate="0001-01-01T00:00:00 "),
    )
    task = q.tasks.get("x")
    assert InstanceStates.of(task).failed == InstanceRange.empty()
    # Models hold aware datetimes: the 7th digit is rounded to the microsecond (half-even, here up),
    # and the API's "unset" sentinel (with its trailing space) is None.
    assert task.creation_date == dt.datetime(2021, 5, 1, 8, 56, 48, 123457, tzinfo=dt.UTC)
    assert task.end_date is None
