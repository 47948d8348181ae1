"""A Qarnot-compatible server that is not ours: a few operations, written from the contract alone,
with the quirks of a real third-party implementation.

* It serves ``/versions``, ``/settings``, ``/info``, ``/profiles``, ``/hardware-constraints`` and
  ``/secrets-manager/data/{key}``; every other path (``/tasks`` ...) is Starlette's plain-text
  ``404 Not Found``: those operations are not served.
* It accepts any token, and no token at all.
* ``/info`` echoes the caller's token as the email and says "token accepted" (so that redaction has a
  whole token and the word "token" to tell apart), and its ``taskCount`` is a string.
* ``/hardware-constraints`` returns a constraint tagged ``MinimumCoreHardwareConstraint`` whose
  ``coreCount`` is a string: a ``oneOf`` violation whose cause is one field of one branch.
* ``/secrets-manager/data/{key}`` answers ``201`` (undocumented) with the secret's value.
"""

from __future__ import annotations

from typing import Any, Final

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route

SECRET_VALUE: Final = "foreign-secret-7d1c2b"
BROKEN_CONSTRAINT: Final = {"discriminator": "MinimumCoreHardwareConstraint", "coreCount": "eight"}
SERVED: Final = (
    "list_versions",
    "get_settings",
    "get_user_info",
    "list_profiles",
    "list_hardware_constraints",
    "get_secret",
)


async def versions(request: Request) -> JSONResponse:
    del request
    return JSONResponse([{"version": "v1"}])


async def settings(request: Request) -> JSONResponse:
    del request
    return JSONResponse({})


async def info(request: Request) -> JSONResponse:
    token = request.headers.get("authorization", "")
    return JSONResponse({"email": token, "taskCount": "many", "note": "token accepted"})


async def profiles(request: Request) -> JSONResponse:
    del request
    return JSONResponse(["docker-batch"])


async def constraints(request: Request) -> JSONResponse:
    del request
    page: dict[str, Any] = {"data": [{"discriminator": "NoGpuHardwareConstraint"}, BROKEN_CONSTRAINT]}
    return JSONResponse({**page, "offset": 0, "limit": 50, "total": 2})


async def secret(request: Request) -> JSONResponse:
    del request
    return JSONResponse({"value": SECRET_VALUE}, status_code=201)


def foreign_app() -> Starlette:
    """The foreign server, mounted under ``/v1``."""
    routes = [
        Route("/versions", versions),
        Route("/settings", settings),
        Route("/info", info),
        Route("/profiles", profiles),
        Route("/hardware-constraints", constraints),
        Route("/secrets-manager/data/{key:path}", secret),
    ]
    return Starlette(routes=[Mount("/v1", routes=routes)])
