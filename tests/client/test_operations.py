"""The operation table against the spec, facade coverage, sync/async parity and the generated twin."""

from __future__ import annotations

import inspect
import subprocess
import sys
from collections.abc import AsyncIterable, Awaitable, Iterable, Iterator
from typing import Any

import httpx
import pytest

from qarnot_ext._adapter import TABLE, all_ops, secret_path
from qarnot_ext._async_client import AsyncQarnot
from qarnot_ext._operations import FACADE, is_idempotent, operations
from qarnot_ext._sync_client import Qarnot
from tests.client._fakes import REPO, spec

METHODS = ("get", "put", "post", "delete", "patch")


def _spec_operations() -> dict[str, tuple[str, str]]:
    return {
        op["operationId"]: (method.upper(), path)
        for path, item in spec()["paths"].items()
        for method, op in item.items()
        if method in METHODS
    }


def test_every_spec_operation_is_in_the_table_with_its_method_and_path() -> None:
    table = {op_id: (op.method, op.path) for op_id, op in operations().items()}
    assert table == _spec_operations()
    assert set(all_ops()) == set(operations())


def _resolve(client: object, dotted: str) -> object:
    target = client
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


def _assert_io_twins(sync_method: Any, async_method: Any, label: str) -> None:
    """The documented parity: an async method that performs I/O is a coroutine function, or (the listing
    methods) returns an async iterator/pager at once without I/O; its sync twin is neither, and returns a
    plain iterator where the async one returns an async one."""
    assert not inspect.iscoroutinefunction(sync_method), f"{label}: the sync method is a coroutine function"
    assert not inspect.isasyncgenfunction(sync_method), f"{label}: the sync method is an async generator"
    if inspect.iscoroutinefunction(async_method):
        return
    # Not a coroutine function: then it must be a lazy listing method, callable with no arguments.
    params = inspect.signature(async_method).parameters.values()
    assert all(p.default is not inspect.Parameter.empty for p in params), (
        f"{label}: neither async nor a pager"
    )
    async_result, sync_result = async_method(), sync_method()
    try:
        assert isinstance(async_result, AsyncIterable), f"{label}: {type(async_result)} is not async-iterable"
        assert not isinstance(async_result, Awaitable), label
        assert isinstance(sync_result, Iterable), f"{label}: the sync twin does not return an iterable"
        assert not isinstance(sync_result, AsyncIterable | Awaitable), (
            f"{label}: the sync twin returns {sync_result}"
        )
    finally:
        close = getattr(sync_result, "close", None)
        if callable(close):
            close()


@pytest.fixture(scope="module")
def clients() -> Iterator[tuple[Qarnot, AsyncQarnot]]:
    # A mock transport: building real transports loads the CA bundle, which is slow.
    transport = httpx.MockTransport(lambda request: httpx.Response(500))
    q = Qarnot("http://127.0.0.1:9", env={}, transport=transport)
    yield q, AsyncQarnot("http://127.0.0.1:9", env={}, transport=transport)
    q.close()


@pytest.mark.parametrize("op_id", sorted(operations()))
def test_every_operation_has_a_facade_method_on_both_clients(
    op_id: str, clients: tuple[Qarnot, AsyncQarnot]
) -> None:
    q, aq = clients
    facade = operations()[op_id].facade
    assert callable(_resolve(q, facade))
    _assert_io_twins(_resolve(q, facade), _resolve(aq, facade), facade)


def test_sync_and_async_resources_have_the_same_public_methods(clients: tuple[Qarnot, AsyncQarnot]) -> None:
    q, aq = clients
    for name in ("tasks", "pools", "jobs", "profiles", "hardware_constraints", "secrets", "user", ""):
        sync_obj = getattr(q, name) if name else q
        async_obj = getattr(aq, name) if name else aq
        sync_names = {n for n in dir(sync_obj) if not n.startswith("_")}
        # The clients' own close() is aclose() in async (httpx's naming); pools.close() closes a pool.
        renames = {"close": "aclose"} if not name else {}
        async_names = {n for n in dir(async_obj) if not n.startswith("_")}
        assert {renames.get(n, n) for n in sync_names} == async_names, name
        for method in sync_names:
            if isinstance(inspect.getattr_static(sync_obj, method), property):
                continue
            s, a = getattr(sync_obj, method), getattr(async_obj, renames.get(method, method))
            if inspect.ismethod(s):
                assert inspect.signature(s).parameters.keys() == inspect.signature(a).parameters.keys(), (
                    method
                )
                _assert_io_twins(s, a, f"{name}.{method}")


def test_the_generated_sync_client_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "unasync_client.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("POST", "/tasks/paginate", True),
        ("POST", "/tasks/summaries/paginate", True),
        ("POST", "/pools/search", True),
        ("POST", "/sanity-checks/pools/scaling", True),
        ("POST", "/tasks", False),
        ("POST", "/tasks/abc/abort", False),
        ("POST", "/tasks/abc/stdout", False),
        ("POST", "/tasks/abc/stdout/3", False),
        ("POST", "/pools/abc/stdout/3", False),
        ("POST", "/tasks/abc/retry", False),
        ("POST", "/tasks/abc/snapshot", False),
        ("POST", "/jobs/abc/terminate", False),
        ("PUT", "/secrets-manager/data/team/db", False),
        ("PATCH", "/tasks/abc", False),
        ("GET", "/tasks/abc/stdout", True),
        ("PUT", "/tasks/abc", True),
        ("DELETE", "/tasks/abc", True),
        ("GET", "/not/in/the/spec", True),
        ("POST", "/not/in/the/spec", False),
    ],
)
def test_idempotency_by_route(method: str, path: str, expected: bool) -> None:
    assert is_idempotent(method, path) is expected


def test_secret_paths_match_the_generated_encoding_for_simple_keys() -> None:
    from qarnot_api.api.secrets import get_secret

    for key in ("plain", "with space", "q?x", "100%"):
        assert secret_path("data", key) == get_secret._get_kwargs(key)["url"]
    assert secret_path("data", "team/db") == "/secrets-manager/data/team/db"


def test_the_generated_table_names_every_operation_once_and_the_facade_serves_each() -> None:
    assert set(TABLE) == set(FACADE) == set(_spec_operations())
    for op_id, entry in TABLE.items():
        method, path = _spec_operations()[op_id]
        assert (entry.method, entry.path) == (method, path)
        # Operations that change nothing may always be retried.
        assert entry.idempotent or entry.changes_state, op_id


# Shapes that are aliases in the spec (arrays and unions), not generated classes.
NOT_MODELS = {"text", "string", "TaskCreationInputList", "BulkTaskResults", "AnyHardwareConstraint"}


def test_the_table_names_only_models_that_exist_and_paginated_operations_say_how() -> None:
    from qarnot_api import models

    for op_id, entry in TABLE.items():
        for shape in (entry.body, entry.response):
            for name in (shape or "").replace("list[", "").replace("]", "").split(" | "):
                if name and name not in {
                    "text",
                    "string",
                    "TaskCreationInputList",
                    "BulkTaskResults",
                    "AnyHardwareConstraint",
                }:
                    assert hasattr(models, name), (op_id, name)
    assert {k for k, e in TABLE.items() if e.pagination == "token"} == {
        k for k in TABLE if k.startswith("paginate_")
    }
    assert TABLE["list_hardware_constraints"].pagination == "offset"
