"""Which operations the server does not have at all ("not served").

A 404 is a documented answer of almost every operation (no such task), so an operation whose every
answer is a 404 would pass: exactly what a server that lacks the whole path answers. After the run,
each operation whose answers were all 404 or 405 is probed twice, with the same method:

* its path template with random identifiers (``/tasks/<random uuid>``);
* the same path under a top-level segment no server of the contract has
  (``/qarnot-contract-absent-<hex>/tasks/<random uuid>``): the server's answer to "no such path".

The operation is **not served** when every answer was a 405 (the path exists, the method does not),
when the probe of the template is answered exactly like the absent path (same status, same media type,
same body once the path and identifiers are blanked), or when its 404 is not the API's error shape
(a non-empty body that is not JSON: the contract's 404s are JSON error documents or empty).
Anything else (a 400 for the random identifier, a "No such task" message the absent path does not
give) is resource semantics: the operation is served.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from typing import Final

import httpx

from qarnot_ext.contract._causes import blank
from qarnot_ext.contract._results import ContractResult, OperationResult

__all__ = ["allowed_unserved", "classify"]

_NO_SUCH_PATH: Final = frozenset({404, 405})
_ABSENT_PREFIX: Final = "qarnot-contract-absent"


def allowed_unserved(value: str | None) -> re.Pattern[str] | None:
    """``--allow-unserved``: a comma-separated list of operations, or a regular expression.

    Raises:
        re.error: ``value`` is neither a list of names nor a valid regular expression.
    """
    if not value:
        return None
    names = [name.strip() for name in value.split(",")]
    if all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) for name in names):
        return re.compile("^(?:" + "|".join(re.escape(n) for n in names) + ")$")
    return re.compile(value)


def _fingerprint(response: httpx.Response, path: str) -> tuple[int, str, str]:
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    body = response.text.replace(path, "{path}")
    # Quoted text is kept: "No such task: {id}" and "No such API path" are what tells them apart.
    return response.status_code, media, blank(body, "", quoted=False)


def _reason(client: httpx.Client, op: OperationResult) -> str | None:
    statuses = set(op.statuses)
    if statuses == {405}:
        return "every answer was 405: the path exists, the method does not"
    concrete = re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), op.info.path)
    absent = f"/{_ABSENT_PREFIX}-{uuid.uuid4().hex[:8]}{concrete}"
    method = op.info.method
    try:
        probe = client.request(method, concrete)
        baseline = client.request(method, absent)
    except httpx.HTTPError:
        return None
    if probe.status_code not in _NO_SUCH_PATH:
        return None
    if _fingerprint(probe, concrete) == _fingerprint(baseline, absent):
        return (
            f"answered {probe.status_code} to {method} {op.info.path} exactly as to a path the "
            "contract does not have"
        )
    media = probe.headers.get("content-type", "").split(";")[0].strip().lower()
    if probe.content.strip() and not media.endswith("json"):
        return f"answered {probe.status_code} with a {media or 'untyped'} body, not the API's JSON error"
    return None


def classify(client: httpx.Client, result: ContractResult, allowed: re.Pattern[str] | None) -> Sequence[str]:
    """Mark the operations the server does not have (see the module doc); return their ids.

    Their findings (schema failures of 404 pages, undocumented content types) are consequences of the
    absence: they are taken out of the violations and counted on the operation instead.
    """
    unserved = []
    for op in result.operations.values():
        if not op.cases or not set(op.statuses) <= _NO_SUCH_PATH:
            continue
        reason = _reason(client, op)
        if reason is None:
            continue
        unserved.append(op.info.operation_id)
        op.served = False
        op.unserved_reason = reason
        op.unserved_allowed = allowed is not None and bool(
            allowed.search(op.info.operation_id) or allowed.search(op.info.label)
        )
        op.masked = len(op.findings)
        masked = {id(f) for f in op.findings}
        result.findings[:] = [f for f in result.findings if id(f) not in masked]
        op.findings = []
    return unserved
