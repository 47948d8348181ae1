"""Client behaviour a platform team relies on (issue 13), through the public API, on both clients.

Each test pins one trap of the issue: waits that cannot hang, tasks in jobs, ids, typed options and
checked ``extra``, the error promise, the configuration precedence.
"""

from __future__ import annotations

import datetime as dt
import pydoc
import re
import sys
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

import qarnot_ext
from qarnot_ext import (
    APITimeoutError,
    AsyncQarnot,
    ConfigError,
    InvalidValueError,
    OutcomeUnknownError,
    Qarnot,
    QarnotError,
    RetryPolicy,
    SecretsAccess,
    TransportError,
    UnreachableStateError,
    WaitPolicy,
    WaitTimeoutError,
)
from tests.client._fakes import REPO, TOKEN, FakeClock, Router, example, spec, task_doc

TASK = "52c10b2d-0687-41e1-985e-7279f6dd543a"
NEW = "11111111-2222-3333-4444-555555555555"
JOB = "33333333-2222-3333-4444-555555555555"
POOL = "44444444-2222-3333-4444-555555555555"
NO_JITTER = WaitPolicy(jitter=0)


def _states(*states: str) -> Any:
    sequence = list(states)

    def handler(_request: httpx.Request, **_kw: str) -> Any:
        state = sequence.pop(0) if len(sequence) > 1 else sequence[0]
        return task_doc(state=state)

    return handler


# -- waits ---------------------------------------------------------------------------------------


def test_until_accepts_one_state_name_not_its_letters(q: Any, router: Router) -> None:
    router.add("GET", r"/tasks/[^/]+", _states("Submitted", "FullyExecuting", "Success"))
    task = q.tasks.wait(TASK, until="FullyExecuting", policy=NO_JITTER)
    assert task.state == "FullyExecuting"
    assert len(router.calls) == 2


def test_until_a_state_the_task_has_passed_raises_at_once(q: Any, router: Router, clock: FakeClock) -> None:
    router.add("GET", r"/tasks/[^/]+", _states("Success"))
    with pytest.raises(UnreachableStateError) as info:
        q.tasks.wait(TASK, until={"FullyExecuting"}, timeout=None)
    assert info.value.state == "Success"
    assert info.value.resource.state == "Success"
    assert "FullyExecuting" in str(info.value)
    assert len(router.calls) == 1
    assert clock.sleeps == []


def test_pending_cancel_only_leads_to_the_end_states(q: Any, router: Router) -> None:
    router.add("GET", r"/tasks/[^/]+", _states("FullyExecuting", "PendingCancel"))
    with pytest.raises(UnreachableStateError) as info:
        q.tasks.wait(TASK, until="UploadingResults", policy=NO_JITTER)
    assert info.value.state == "PendingCancel"


def test_unknown_state_names_are_refused_before_any_request(q: Any, router: Router) -> None:
    with pytest.raises(InvalidValueError) as info:
        q.tasks.wait(TASK, until={"Bogus", "Success", 3})
    text = str(info.value)
    assert info.value.kind == "until"
    assert sorted(p.text for p in info.value.problems) == ["3", "Bogus"]
    assert "FullyExecuting" in text
    assert "PendingCancel" in text
    with pytest.raises(InvalidValueError):
        q.tasks.wait(TASK, until=[])
    with pytest.raises(InvalidValueError, match="pool state"):
        q.pools.wait(POOL, until="Success")
    with pytest.raises(InvalidValueError, match="job state"):
        q.jobs.wait(JOB, until="FullyExecuting")
    with pytest.raises(InvalidValueError, match="snapshot state"):
        q.tasks.wait_snapshot(TASK, "s1", until="Completed")
    assert router.calls == []


def test_the_default_timeout_is_finite_and_none_is_explicit(q: Any, router: Router, clock: FakeClock) -> None:
    router.add("GET", r"/tasks/[^/]+", _states("FullyExecuting"))
    start = clock.now
    with pytest.raises(WaitTimeoutError) as info:
        q.tasks.wait(TASK)
    assert clock.now - start == pytest.approx(qarnot_ext.DEFAULT_WAIT_TIMEOUT) == 3600.0
    assert info.value.last_state == "FullyExecuting"
    router.add("GET", r"/tasks/[^/]+", _states(*["FullyExecuting"] * 400, "Success"))
    start = clock.now
    assert q.tasks.wait(TASK, timeout=None).state == "Success"
    assert clock.now - start > 3600.0


def test_pool_job_and_snapshot_waits_stop_when_unreachable(q: Any, router: Router) -> None:
    pool = example("/pools/{poolUuid}")
    router.add("GET", r"/pools/[^/]+", {**pool, "state": "Closed"})
    with pytest.raises(UnreachableStateError, match="Closed"):
        q.pools.wait(POOL, until="FullyExecuting")
    assert q.pools.wait(POOL).state == "Closed"  # the default target includes the end states
    job = example("/jobs/{jobUuid}")
    router.add("GET", r"/jobs/[^/]+", {**job, "state": "Deleting"})
    with pytest.raises(UnreachableStateError, match="Deleting"):
        q.jobs.wait(JOB)
    snap = {"id": "s1", "taskUuid": TASK, "status": "Failure"}
    router.add("GET", r"/tasks/[^/]+/snapshots?/[^/]+", snap)
    with pytest.raises(UnreachableStateError, match="Failure"):
        q.tasks.wait_snapshot(TASK, "s1", until="Success")
    assert q.tasks.wait_snapshot(TASK, "s1").status == "Failure"


def test_wait_arguments_are_invalid_value_errors(q: Any) -> None:
    with pytest.raises(InvalidValueError, match="timeout"):
        q.tasks.wait(TASK, timeout=-1)
    with pytest.raises(InvalidValueError, match=r"WaitPolicy\.initial"):
        WaitPolicy(initial=-1)
    with pytest.raises(InvalidValueError, match=r"RetryPolicy\.max_attempts"):
        RetryPolicy(max_attempts=0)
    with pytest.raises(InvalidValueError, match=r"RetryPolicy\.deadline"):
        RetryPolicy(deadline=float("inf"))


# -- tasks in jobs ---------------------------------------------------------------------------------


def test_a_task_in_a_job_needs_only_the_job(q: Any, router: Router) -> None:
    router.add("POST", "/tasks", {"uuid": NEW})
    router.add("GET", r"/jobs/[^/]+", {**example("/jobs/{jobUuid}"), "uuid": JOB})
    model = q.jobs.get(JOB)
    assert q.tasks.create("step", job=model) == uuid.UUID(NEW)
    body = router.calls[-1][3]
    assert body["jobUuid"] == JOB
    assert "poolUuid" not in body
    assert "profile" not in body


def test_pool_and_job_together_are_refused(q: Any, router: Router) -> None:
    with pytest.raises(InvalidValueError, match="job"):
        q.tasks.create("step", job=JOB, pool=POOL)
    with pytest.raises(InvalidValueError, match="profile, a pool or a job"):
        q.tasks.create("step")
    assert router.calls == []


def test_depends_on_is_checked_and_accepts_models(q: Any, router: Router) -> None:
    router.add("POST", "/tasks", {"uuid": NEW})
    router.add("GET", r"/tasks/[^/]+", task_doc())
    first = q.tasks.get(TASK)
    q.tasks.create("b", job=JOB, depends_on=[first, uuid.UUID(NEW)])
    assert router.calls[-1][3]["dependencies"] == {"dependsOn": [TASK, NEW]}
    calls = len(router.calls)
    with pytest.raises(InvalidValueError, match="depends_on"):
        q.tasks.create("b", profile="p", depends_on=[TASK])  # dependencies live in a job
    with pytest.raises(InvalidValueError, match="once"):
        q.tasks.create("b", job=JOB, depends_on=[TASK, TASK])
    with pytest.raises(InvalidValueError, match=re.escape("depends_on[1]")):
        q.tasks.create("b", job=JOB, depends_on=[TASK, None])
    assert len(router.calls) == calls


# -- ids -------------------------------------------------------------------------------------------


def test_ids_may_be_str_uuid_or_a_model(q: Any, router: Router) -> None:
    router.add("GET", r"/tasks/[^/]+", task_doc())
    router.add("POST", r"/tasks/[^/]+/abort", None)
    task = q.tasks.get(TASK)
    assert isinstance(task.uuid, uuid.UUID)
    q.tasks.get(task)
    q.tasks.get(uuid.UUID(TASK))
    q.tasks.abort(task)
    assert router.paths() == [
        ("GET", f"/tasks/{TASK}"),
        ("GET", f"/tasks/{TASK}"),
        ("GET", f"/tasks/{TASK}"),
        ("POST", f"/tasks/{TASK}/abort"),
    ]


@pytest.mark.parametrize("bad", [None, "", "  ", 42, ["x"], "a/b"])
@pytest.mark.parametrize(
    ("resource", "method", "argument"),
    [
        ("tasks", "get", "task"),
        ("tasks", "delete", "task"),
        ("tasks", "stdout", "task"),
        ("tasks", "update", "task"),
        ("tasks", "wait", "task"),
        ("pools", "get", "pool"),
        ("pools", "close", "pool"),
        ("pools", "wait", "pool"),
        ("jobs", "get", "job"),
        ("jobs", "terminate", "job"),
        ("jobs", "wait", "job"),
    ],
)
def test_bad_ids_are_refused_before_any_request(
    q: Any, router: Router, bad: Any, resource: str, method: str, argument: str
) -> None:
    kwargs = {"tags": ["t"]} if method == "update" else {}
    with pytest.raises(InvalidValueError) as info:
        getattr(getattr(q, resource), method)(bad, **kwargs)
    assert info.value.kind == argument
    assert router.calls == []


def test_create_results_are_uuids_like_the_models(q: Any, router: Router) -> None:
    router.add("POST", "/tasks", {"uuid": NEW})
    router.add("POST", "/pools", {"uuid": NEW})
    router.add("POST", "/jobs", {"uuid": NEW})
    router.add("POST", r"/tasks/[^/]+/clone", {"uuid": NEW})
    assert q.tasks.create("a", "p") == uuid.UUID(NEW)
    assert q.pools.create("a", "p") == uuid.UUID(NEW)
    assert q.jobs.create("a") == uuid.UUID(NEW)
    assert q.tasks.clone(TASK) == uuid.UUID(NEW)


# -- typed options and extra -----------------------------------------------------------------------


def _writable(schema: str) -> set[str]:
    props = spec()["components"]["schemas"][schema]["properties"]
    return {k for k, v in props.items() if not v.get("readOnly")}


def test_every_input_member_has_a_keyword_argument(q: Any, router: Router) -> None:
    """Build each input with every member set through keyword arguments, never ``extra``."""
    for path in ("/tasks", "/pools", "/jobs"):
        router.add("POST", path, {"uuid": NEW})
    router.add("PUT", r"/(tasks|pools)/[^/]+", None)
    for verb in ("clone", "retry", "recover", "resume"):
        router.add("POST", rf"/tasks/[^/]+/{verb}", {"uuid": NEW})
    router.add("POST", r"/pools/[^/]+/clone", {"uuid": NEW})
    span = dt.timedelta(hours=2)
    common: dict[str, Any] = {
        "shortname": "s",
        "resource_buckets": ["in"],
        "advanced_resource_buckets": [{"bucketName": "in"}],
        "constraints": {"k": "v"},
        "hardware_constraints": [{"discriminator": "MinimumCoreHardware", "coreCount": 4}],
        "secrets_access": SecretsAccess().by_key("a/b"),
        "priority": 2,
        "auto_delete_on_completion": True,
        "completion_time_to_live": span,
        "labels": {"team": "x"},
        "scheduling_type": "flex",
        "targeted_reserved_machine_key": "m",
        "default_resources_cache_ttl_sec": 60,
        "privileges": {"exportApiAndStorageCredentialsInEnvironment": True},
    }
    task_only: dict[str, Any] = {
        "result_bucket": "out",
        "forced_constants": [{"constantName": "C", "forcedValue": "v"}],
        "snapshot_whitelist": "w",
        "snapshot_blacklist": "b",
        "snapshot_bucket": "sb",
        "snapshot_bucket_prefix": "sp",
        "results_whitelist": "rw",
        "results_blacklist": "rb",
        "results_bucket": "rbk",
        "results_bucket_prefix": "rp",
        "wait_for_pool_resources_synchronization": True,
        "upload_results_on_cancellation": True,
        "retry_settings": {"maxTotalRetries": 3},
        "depends_on": [TASK],
    }
    q.tasks.create("n", job=JOB, instances="0-3", constants={"A": "1"}, tags=["t"], **common, **task_only)
    sent = set(router.calls[-1][3])
    q.tasks.create("n", "p", pool=POOL, **common)  # a pool instead of a job, and a count
    sent |= set(router.calls[-1][3])
    assert sent == _writable("TaskCreationInput")
    for verb, schema in (
        ("clone", "TaskCloneInput"),
        ("retry", "TaskRetryInput"),
        ("recover", "TaskRecoverInput"),
        ("resume", "TaskResumeInput"),
    ):
        args: dict[str, Any] = {
            "name": "n",
            "profile": "p",
            "job": JOB,
            "constants": {"A": "1"},
            "tags": ["t"],
        }
        getattr(q.tasks, verb)(TASK, **args, **common, **task_only)
        sent = set(router.calls[-1][3])
        if verb == "clone":
            q.tasks.clone(TASK, instances=2)
            q.tasks.clone(TASK, instances="1,3")
            sent |= set(router.calls[-1][3]) | set(router.calls[-2][3])
        assert sent == _writable(schema), verb
    pool_only: dict[str, Any] = {
        "elastic_property": {"isElastic": True},
        "scaling": {"policies": [{"type": "Fixed", "name": "p", "slotsCount": 2}]},
        "preparation_task": {"commandLine": "true"},
        "task_default_wait_for_pool_resources_synchronization": True,
        "default_retry_settings": {"maxTotalRetries": 1},
    }
    q.pools.create("n", "p", instances=2, constants={"A": "1"}, tags=["t"], **common, **pool_only)
    assert set(router.calls[-1][3]) == _writable("PoolCreationInput")
    q.pools.clone(
        POOL, name="n", profile="p", instances=2, constants={"A": "1"}, tags=["t"], **common, **pool_only
    )
    assert set(router.calls[-1][3]) == _writable("PoolCloneInput")
    q.jobs.create(
        "n",
        shortname="s",
        pool=POOL,
        use_dependencies=True,
        tags=["t"],
        max_wall_time=span,
        auto_delete_on_completion=True,
        completion_time_to_live=span,
    )
    assert set(router.calls[-1][3]) == _writable("JobCreationInput")
    q.tasks.update(TASK, constants={"A": "1"}, tags=["t"], constraints={"k": "v"})
    assert set(router.calls[-1][3]) == _writable("TaskUpdateInput")
    q.pools.update(
        POOL,
        constants={"A": "1"},
        tags=["t"],
        constraints={"k": "v"},
        elastic_property={"isElastic": False},
        scaling=pool_only["scaling"],
    )
    assert set(router.calls[-1][3]) == _writable("PoolUpdateInput")


def test_options_are_type_checked(q: Any, router: Router) -> None:
    with pytest.raises(InvalidValueError, match="priority"):
        q.tasks.create("n", "p", priority="high")
    with pytest.raises(InvalidValueError, match="labels"):
        q.tasks.create("n", "p", labels={"a": 1})
    with pytest.raises(InvalidValueError, match="not a setting of TaskRetryInput"):
        q.tasks.retry(TASK, instances=None, pool=POOL)
    assert router.calls == []


def test_extra_keys_are_checked_against_the_input_schema(q: Any, router: Router) -> None:
    router.add("POST", "/tasks", {"uuid": NEW})
    with pytest.raises(InvalidValueError) as info:
        q.tasks.create("n", "p", extra={"resultBuckett": "x", "uuid": "y"})
    assert {p.text for p in info.value.problems} == {"resultBuckett", "uuid"}
    assert "read-only" in str(info.value)
    with pytest.raises(InvalidValueError, match="both"):
        q.tasks.create("n", "p", priority=1, extra={"priority": 2})
    with pytest.raises(InvalidValueError, match="hardwareConstraints"):
        q.tasks.update(TASK, extra={"hardwareConstraints": []})  # not part of TaskUpdateInput
    assert router.calls == []
    q.tasks.create("n", "p", extra={"priority": 2})
    assert router.calls[-1][3]["priority"] == 2


def test_objects_the_api_returned_round_trip(q: Any, router: Router) -> None:
    doc = task_doc(
        hardwareConstraints=[
            {"discriminator": "MinimumCoreHardware", "coreCount": 8},
            {"discriminator": "SomethingNew", "x": 1},
        ]
    )
    router.add("GET", r"/tasks/[^/]+", doc)
    router.add("POST", "/tasks", {"uuid": NEW})
    router.add("GET", r"/pools/[^/]+/scaling", example("/pools/{poolUuid}/scaling"))
    router.add("PUT", r"/pools/[^/]+/scaling", None)
    task = q.tasks.get(TASK)
    q.tasks.create("again", "p", hardware_constraints=task.hardware_constraints)
    assert router.calls[-1][3]["hardwareConstraints"] == doc["hardwareConstraints"]
    scaling = q.pools.scaling(POOL)
    q.pools.update_scaling(POOL, scaling)
    sent = router.calls[-1][3]
    assert set(sent) == {"policies"}
    assert sent["policies"] == [p.to_dict() for p in scaling.policies]
    q.pools.update_scaling(POOL, scaling.policies)
    assert router.calls[-1][3] == sent


def test_bulk_creation_errors_name_the_item(q: Any, router: Router) -> None:
    with pytest.raises(InvalidValueError, match=re.escape("tasks[1]")) as info:
        q.tasks.create_many([{"name": "a", "profile": "p"}, {"name": "b", "profile": "p", "priority": "x"}])
    assert isinstance(info.value, ValueError)
    with pytest.raises(InvalidValueError, match=re.escape("tasks[2]")):
        q.tasks.create_many([{"name": "a", "profile": "p"}, {"name": "b", "profile": "p"}, {"nam": "c"}])
    with pytest.raises(InvalidValueError, match=re.escape("tasks[0]")):
        q.tasks.create_many(["not a mapping"])
    assert router.calls == []


# -- errors ----------------------------------------------------------------------------------------


def _drawn_edges() -> set[tuple[str, str]]:
    """(parent, child) pairs of the tree drawn in the exception module's docstring."""
    doc = sys.modules[QarnotError.__module__].__doc__ or ""
    drawing = doc.split("::", 1)[1].split("\n\n")[1]
    edges: set[tuple[str, str]] = set()
    stack: list[str] = []
    for line in drawing.splitlines():
        match = re.match(r"^ {4}((?:[│ ] {3})*)(?:[├└]── )?(\w+)", line)
        assert match, line
        depth = len(match.group(1)) // 4 + (1 if "──" in line else 0)
        del stack[depth:]
        if stack:
            edges.add((stack[-1], match.group(2)))
        stack.append(match.group(2))
    return edges


_TOOLS = ("qarnot_ext.emulator", "qarnot_ext.contract", "qarnot_ext.demo")


def _real_edges(cls: type) -> set[tuple[str, str]]:
    # The library's tree; the tools' own subclasses (imported or not by other tests) are theirs.
    edges: set[tuple[str, str]] = set()
    subclasses: list[type] = cls.__subclasses__()
    for sub in subclasses:
        if sub.__module__.startswith("qarnot_ext") and not sub.__module__.startswith(_TOOLS):
            edges.add((cls.__name__, sub.__name__))
            edges |= _real_edges(sub)
    return edges


def test_the_drawn_exception_tree_is_the_real_one() -> None:
    import qarnot_ext.storage

    real = _real_edges(QarnotError)
    assert _drawn_edges() == real
    for _parent, name in real:  # one module holds them all; each is importable from its public home
        home = qarnot_ext.storage if hasattr(qarnot_ext.storage, name) else qarnot_ext
        cls = getattr(home, name)
        assert cls.__module__ == QarnotError.__module__, name


def test_the_timeout_class_shadows_no_builtin() -> None:
    assert not hasattr(qarnot_ext, "TimeoutError")
    assert issubclass(APITimeoutError, TimeoutError)
    assert issubclass(APITimeoutError, TransportError)
    assert "APITimeoutError" in qarnot_ext.__all__
    assert "OutcomeUnknownError" in qarnot_ext.__all__


def test_transport_errors_say_host_port_attempts_and_time(q: Any, router: Router, clock: FakeClock) -> None:
    def refuse(request: httpx.Request, **_kw: str) -> Any:
        clock.now += 0.25
        raise httpx.ConnectError("connection refused", request=request)

    router.add("GET", r"/tasks/[^/]+", refuse)
    with pytest.raises(TransportError) as info:
        q.tasks.get(TASK)
    exc = info.value
    assert (exc.host, exc.port, exc.attempts) == ("127.0.0.1", 9, 3)
    assert exc.elapsed is not None
    assert exc.elapsed >= 0.75
    assert "127.0.0.1:9" in str(exc)
    assert "after 3 attempts in" in str(exc)


def test_a_missing_token_is_a_config_error_before_any_request(router: Router) -> None:
    router.add("GET", "/settings", example("/settings"))
    with Qarnot("http://127.0.0.1:9", env={}, transport=router.transport()) as q:
        with pytest.raises(ConfigError, match="token"):
            q.tasks.get(TASK)
        with pytest.raises(ConfigError, match="QARNOT_CLIENT_TOKEN"):
            q.user.info()
        assert router.calls == []
        q.settings()  # public: no token needed
        assert router.paths() == [("GET", "/settings")]


def test_a_lost_creation_answer_is_outcome_unknown(q: Any, router: Router) -> None:
    def lose(request: httpx.Request, **_kw: str) -> Any:
        raise httpx.ReadError("connection reset", request=request)

    router.add("POST", "/tasks", lose)
    with pytest.raises(OutcomeUnknownError) as info:
        q.tasks.create("render", "p", shortname="render-42")
    exc = info.value
    assert exc.lookup == "render-42"
    assert exc.request_id == router.requests[-1].headers["X-Request-Id"]
    assert exc.request_id in str(exc)
    assert len(router.calls) == 1  # never resent
    router.add("POST", "/tasks", lambda r, **_: (_ for _ in ()).throw(httpx.ConnectError("x", request=r)))
    with pytest.raises(TransportError) as refused:
        q.tasks.create("render", "p")
    assert not isinstance(refused.value, OutcomeUnknownError)  # never sent: nothing happened


class _HungTransport(httpx.MockTransport):
    """Every attempt 'hangs' until its read timeout: the fake clock advances by it, then it fires."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.reads: list[float] = []
        super().__init__(self._hang)

    def _hang(self, request: httpx.Request) -> httpx.Response:
        read = request.extensions["timeout"]["read"]
        self.reads.append(read)
        self.clock.now += read
        raise httpx.ReadTimeout("timed out", request=request)


def test_the_retry_deadline_is_a_hard_cap() -> None:
    clock = FakeClock()
    hung = _HungTransport(clock)
    with Qarnot("http://127.0.0.1:9", token=TOKEN, env={}, clock=clock, transport=hung) as q:
        start = clock.now
        with pytest.raises(APITimeoutError) as info:
            q.tasks.get(TASK)
    spent = clock.now - start
    assert spent <= RetryPolicy().deadline == 120.0
    assert hung.reads[0] == 60.0
    assert len(hung.reads) == 2
    assert hung.reads[1] < 60.0  # the last attempt was cut to the time left
    assert info.value.attempts == 2


def test_the_deadline_holds_against_a_real_hung_server() -> None:
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])  # and never answer
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    port = server.getsockname()[1]
    try:
        with (
            Qarnot(
                f"http://127.0.0.1:{port}", token=TOKEN, env={}, timeout=30.0, retry=RetryPolicy(deadline=0.4)
            ) as q,
            pytest.raises(APITimeoutError) as info,
        ):
            q.tasks.get(TASK)
        # Without the cap the read timeout alone would be 30 s.
        assert info.value.elapsed is not None
        assert info.value.elapsed < 30.0
        assert info.value.port == port
    finally:
        stop.set()
        thread.join()
        for sock in accepted:
            sock.close()
        server.close()


# -- configuration ---------------------------------------------------------------------------------


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    path = tmp_path / "qarnot.conf"
    path.write_text("[cluster]\nurl = http://ini.example\n[client]\ntoken = ini-token\n", encoding="utf-8")
    return path


def test_an_explicit_config_file_beats_the_environment(ini: Path) -> None:
    env = {"QARNOT_CLIENT_TOKEN": "stale-env-token", "QARNOT_CLUSTER_URL": "http://env.example"}
    with Qarnot(config_file=ini, env=env) as q:
        assert q.config.token is not None
        assert q.config.token.reveal() == "ini-token"
        assert q.config.sources["token"] == f"{ini} [client] token"
        assert q.config.base_url == "http://ini.example/v1"
    with Qarnot(env={**env, "QARNOT_CONFIG_FILE": str(ini)}) as q:  # a file named by the environment
        assert q.config.token is not None
        assert q.config.token.reveal() == "stale-env-token"
        assert q.config.sources["token"] == "environment variable QARNOT_CLIENT_TOKEN"
    with Qarnot(token="arg", config_file=ini, env=env) as q:
        assert q.config.sources["token"] == "argument"


def test_help_lists_the_resources() -> None:
    for cls in (Qarnot, AsyncQarnot):
        text = pydoc.render_doc(cls, renderer=pydoc.plaintext)  # type: ignore[attr-defined]
        for name in (
            "tasks",
            "pools",
            "jobs",
            "profiles",
            "hardware_constraints",
            "secrets",
            "user",
            "storage",
        ):
            assert re.search(rf"\b{name}\b", text), (cls, name)


def test_the_configuration_page_covers_every_setting() -> None:
    page = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    for needle in (
        "QARNOT_CLIENT_TOKEN",
        "QARNOT_CLUSTER_URL",
        "QARNOT_CLUSTER_TIMEOUT",
        "QARNOT_CLUSTER_UNSAFE",
        "QARNOT_STORAGE_URL",
        "QARNOT_CONFIG_FILE",
        "custom_certificate",
        "config.sources",
        "[client]",
        "[cluster]",
        "[storage]",
    ):
        assert needle in page, needle


@pytest.mark.parametrize("bad", [None, "", "/", 3])
def test_bad_secret_keys_are_refused_before_any_request(q: Any, router: Router, bad: Any) -> None:
    for call in (q.secrets.get, q.secrets.delete):
        with pytest.raises(InvalidValueError, match="key"):
            call(bad)
    with pytest.raises(InvalidValueError, match="key"):
        q.secrets.create(bad, "v")
    assert router.calls == []
