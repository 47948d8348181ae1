"""Test doubles for the client tests: a fake clock, a routing fake API, a sync view of the async client."""

from __future__ import annotations

import copy
import functools
import inspect
import json
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import yaml
from anyio.from_thread import BlockingPortal

from qarnot_ext._pagination import AsyncPager

REPO = Path(__file__).resolve().parents[2]
TOKEN = "tok-SECRET-0123456789abcdef"

_SPEC: dict[str, Any] | None = None


def spec() -> dict[str, Any]:
    global _SPEC
    if _SPEC is None:
        with (REPO / "openapi.yaml").open(encoding="utf-8") as fh:
            _SPEC = yaml.safe_load(fh)
    return _SPEC


def example(path: str, method: str = "get", status: str = "200") -> Any:
    media = spec()["paths"][path][method]["responses"][status]["content"]["application/json"]
    return copy.deepcopy(media["examples"]["reference"]["value"])


def task_doc(uuid: str = "52c10b2d-0687-41e1-985e-7279f6dd543a", **changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = example("/tasks/{taskUuid}")
    doc["uuid"] = uuid
    doc.update(changes)
    return doc


class FakeClock:
    """Monotonic time that only moves when something sleeps; records every sleep."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


Handler = Callable[..., Any]


class Router:
    """A fake API for ``httpx.MockTransport``: routes by method and path (relative to ``/v1``).

    A handler gets the request and the path's named groups and returns an ``httpx.Response``, a
    JSON-able value (200) or ``None`` (200, empty body). Unknown routes answer 404 with a JSON body.
    Every request is recorded in ``calls`` as ``(method, path, query, json body or None)``.
    """

    def __init__(self) -> None:
        self.routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self.calls: list[tuple[str, str, str, Any]] = []
        self.requests: list[httpx.Request] = []
        self.lock = threading.Lock()

    def add(self, method: str, pattern: str, handler: Handler | Any) -> Router:
        func = handler if callable(handler) else (lambda _req, _value=handler, **_kw: copy.deepcopy(_value))
        self.routes.insert(0, (method, re.compile(pattern), func))
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.decode().split("?")[0]
        path = path[len("/v1") :] if path.startswith("/v1") else path
        body = json.loads(request.content) if request.content else None
        with self.lock:
            self.calls.append((request.method, path, request.url.query.decode(), body))
            self.requests.append(request)
        for method, pattern, func in self.routes:
            match = pattern.fullmatch(path)
            if method == request.method and match:
                result = func(request, **match.groupdict())
                if isinstance(result, httpx.Response):
                    return result
                if result is None:
                    return httpx.Response(200)
                if isinstance(result, str):
                    return httpx.Response(200, text=result, headers={"content-type": "text/plain"})
                return httpx.Response(200, json=result)
        return httpx.Response(404, json={"message": f"no route for {request.method} {path}"})

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)

    def paths(self) -> list[tuple[str, str]]:
        return [(m, p) for m, p, _, _ in self.calls]


class SyncView:
    """Drives an async client from sync test code through an anyio portal (one test body, two clients)."""

    def __init__(self, target: Any, portal: BlockingPortal) -> None:
        self._target = target
        self._portal = portal

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._target, name)
        if inspect.iscoroutinefunction(attr):
            return functools.partial(self._call, attr)
        if inspect.ismethod(attr) or inspect.isfunction(attr):
            return lambda *a, **k: self._wrap(attr(*a, **k))
        if type(attr).__module__.startswith("qarnot_ext._async_client"):
            return SyncView(attr, self._portal)
        return attr

    def _call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self._portal.call(functools.partial(func, *args, **kwargs))

    def _wrap(self, value: Any) -> Any:
        if isinstance(value, AsyncPager):
            return _PagerView(value, self._portal)
        if hasattr(value, "__anext__"):
            return iter(self._portal.call(_collect, value))
        return value


async def _collect(iterator: Any) -> list[Any]:
    return [item async for item in iterator]


class _PagerView:
    def __init__(self, pager: AsyncPager[Any], portal: BlockingPortal) -> None:
        self._pager = pager
        self._portal = portal

    def __iter__(self) -> Iterator[Any]:
        return iter(self._portal.call(_collect, self._pager))

    def pages(self) -> Iterator[Any]:
        return iter(self._portal.call(_collect, self._pager.pages()))

    def first_page(self) -> Any:
        return self._portal.call(self._pager.first_page)
