"""Every operation of ``openapi.yaml`` is served: never a 404 "No such API path", never a 405.

The spec may gain operations (a spec import); this walk fails until the emulator serves each one. A
404 about a missing *resource* (no such task) is a real answer and passes; the status must be one
the operation documents.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from qarnot_ext.emulator._spec import load_spec

_SPEC = load_spec()
_VALUES = {
    "taskUuid": "6f0f1c8e-3c1d-4f50-9a57-0d8a2f0b7c11",
    "poolUuid": "6f0f1c8e-3c1d-4f50-9a57-0d8a2f0b7c12",
    "jobUuid": "6f0f1c8e-3c1d-4f50-9a57-0d8a2f0b7c13",
    "snapshotId": "6f0f1c8e-3c1d-4f50-9a57-0d8a2f0b7c14",
    "instanceId": "0",
    "key": "team/db",
    "prefix": "team",
    "name": "docker-batch",
}
_PARAM = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("operation_id", sorted(_SPEC.operations))
def test_operation_is_routed(operation_id: str, alice: httpx.Client) -> None:
    operation = _SPEC.operations[operation_id]
    path = _PARAM.sub(lambda m: _VALUES[m.group(1)], operation.template)
    body: dict[str, Any] | None = {} if operation.has_body else None
    response = alice.request(operation.method.upper(), path, json=body)
    assert response.status_code != 405, response.text
    if response.status_code == 404:
        assert "No such API path" not in response.text, response.text
    assert operation.documents(response.status_code) or response.status_code == 401, (
        f"{operation_id} answered an undocumented {response.status_code}: {response.text[:300]}"
    )
