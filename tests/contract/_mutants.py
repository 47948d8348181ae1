"""Deliberately broken variants of the emulator, as ASGI middlewares around its unchanged app.

Each mutant breaks one promise of ``openapi.yaml`` on one operation, *after* the emulator validated
its own response (the emulator turns its own invalid responses into 500s, so the breakage has to be
applied outside it). ``test_mutants.py`` asserts that ``qarnot-contract`` reports each against the
right operation and check.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def _matches(scope: Scope, method: str, path: str) -> bool:
    """Whether the request is ``method`` on ``path`` (a regex on the unversioned path)."""
    if scope.get("type") != "http" or scope.get("method") != method:
        return False
    unversioned = re.sub(r"^/v1(?=/|$)", "", scope["path"]) or "/"
    return re.fullmatch(path, unversioned) is not None


async def _send_json(send: Send, status: int, document: Any, content_type: str = "application/json") -> None:
    body = json.dumps(document).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", content_type.encode()),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RewriteJson:
    """Rewrites the JSON body of successful responses to ``method path`` with ``edit``."""

    def __init__(self, app: ASGIApp, method: str, path: str, edit: Callable[[Any], Any]) -> None:
        self.app, self.method, self.path, self.edit = app, method, path, edit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _matches(scope, self.method, self.path):
            await self.app(scope, receive, send)
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        body = b"".join(chunks)
        status = int(start.get("status", 500))
        if 200 <= status < 300 and body:
            body = json.dumps(self.edit(json.loads(body))).encode()
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class FailWith500:
    """Answers 500 to ``method path`` (the emulator is not called)."""

    def __init__(self, app: ASGIApp, method: str, path: str) -> None:
        self.app, self.method, self.path = app, method, path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if _matches(scope, self.method, self.path):
            await _send_json(
                send, 500, {"title": "Internal Server Error", "status": 500}, "application/problem+json"
            )
            return
        await self.app(scope, receive, send)


class IgnoreToken:
    """Sends every request to the emulator with the valid token, whatever the client sent."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app, self.token = app, token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") == "http":
            headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"authorization"]
            scope = {**scope, "headers": [*headers, (b"authorization", self.token.encode())]}
        await self.app(scope, receive, send)


class DeleteDoesNotDelete:
    """Answers ``DELETE path`` with success without deleting anything.

    Everything else about the request is still the emulator's: the request is passed on as a ``GET``
    of the same resource (token checked, 404 for an unknown resource), and a success is answered as
    the delete's success. Only the deletion itself is missing.
    """

    def __init__(self, app: ASGIApp, path: str) -> None:
        self.app, self.path = app, path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _matches(scope, "DELETE", self.path):
            await self.app(scope, receive, send)
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app({**scope, "method": "GET"}, receive, capture)
        if 200 <= int(start.get("status", 500)) < 300:
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return
        await send(dict(start))
        await send({"type": "http.response.body", "body": b"".join(chunks)})


def wrong_type(document: Any) -> Any:
    """``taskCount`` (an integer) becomes a string."""
    return {**document, "taskCount": "many"}


def without_required(document: Any) -> Any:
    """Every version loses its required ``version``."""
    return [{k: v for k, v in item.items() if k != "version"} for item in document]


def impossible_timestamp(document: Any) -> Any:
    """``creationDate`` keeps the timestamp pattern but names month 13 (only a real parser sees it)."""
    return {**document, "creationDate": "2021-13-01T10:00:00Z"}


def lower_case_state(document: Any) -> Any:
    """``state`` is sent in lower case (the real API's known case drift)."""
    return {**document, "state": str(document.get("state", "Submitted")).lower()}


def unknown_state(document: Any) -> Any:
    """``state`` is a value the spec does not list (a state added by the platform)."""
    return {**document, "state": "Hibernating"}
