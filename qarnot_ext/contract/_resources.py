"""``--mode full``: mark what the run creates, touch nothing else, and clean up at the end.

Four rules, applied to every request just before it is sent (schemathesis' ``before_call`` hook, after
which schemathesis re-checks whether the request is still positive or negative data):

1. **Tag.** Bodies of operations that declare ``tags`` get the run's tag appended (a valid addition:
   it cannot turn invalid data into valid data, so negative cases stay negative).
2. **Own secrets only.** Keys of created secrets are prefixed with the run's tag.
3. **Hands off.** An unsafe operation aimed at a task, pool, job or secret that this run did not create
   is re-aimed at a fresh identifier that cannot exist, so the server must answer 404: a test account
   may hold resources that are not ours, and the fuzzer must not update, abort or delete them.
4. **Real creations in scenarios.** Tasks and pools have rules a schema cannot state (a profile the
   account has, ``instanceCount`` or ranges, existing pools and jobs...): measured on the emulator,
   none of 40 generated task bodies was accepted. The stateful scenarios need resources to exist to
   test what comes after a creation (readable at once, gone after delete), so their positive task and
   pool creations send a minimal valid body (a profile the server listed, one instance, the tag).
   Creation bodies are still fuzzed, by the other phases.

Successful responses of the creating operations (read from the spec's links, ``_spec.creators``) are
recorded; :meth:`ResourceGuard.cleanup` deletes every recorded resource, then sweeps the listings for
anything else carrying the run's tag (a creation whose response was lost).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, Final
from urllib.parse import quote

import httpx

from qarnot_ext.contract._spec import OperationInfo

__all__ = ["ResourceGuard"]

_MAX_TAGS: Final = 10  # the API's limit (docs/real-world-quirks.md)
# Deletion order: tasks before the jobs and pools that hold them.
_DELETE: Final[tuple[tuple[str, str, dict[str, str]], ...]] = (
    ("task", "/tasks/{}", {}),
    ("job", "/jobs/{}", {"force": "true"}),
    ("pool", "/pools/{}", {}),
    ("secret", "/secrets-manager/data/{}", {}),
)
_SWEEP: Final = (("task", "/tasks"), ("job", "/jobs"), ("pool", "/pools"))
_PARAMETERS: Final = {"task": "taskUuid", "pool": "poolUuid", "job": "jobUuid", "secret": "key"}


class ResourceGuard:
    """Tags, tracks and cleans up what a full-mode run creates; see the module doc.

    Args:
        run_id: the run's identifier (part of the tag).
        operations: the contract's operations, by operationId.
        creators: operationId -> kind of resource it creates.
        taggable: operationIds whose body declares ``tags``.
    """

    def __init__(
        self,
        run_id: str,
        operations: Mapping[str, OperationInfo],
        creators: Mapping[str, str],
        taggable: Iterable[str],
        profile: str | None = None,
    ) -> None:
        self.tag = f"qarnot-contract-{run_id}"
        name = f"qarnot-contract {run_id}"
        # Rule 4; without a profile the server listed there is no valid body to send.
        self._recipes: dict[str, dict[str, Any]] = (
            {
                "create_task": {"name": name, "profile": profile, "instanceCount": 1, "tags": [self.tag]},
                "create_pool": {"name": name, "profile": profile, "instanceCount": 1, "tags": [self.tag]},
            }
            if profile
            else {}
        )
        self._operations = dict(operations)
        self._creators = dict(creators)
        self._taggable = frozenset(taggable)
        self._lock = threading.Lock()
        self._created: dict[str, list[str]] = {kind: [] for kind, *_ in _DELETE}

    @property
    def created(self) -> dict[str, list[str]]:
        """Identifiers created so far, by kind (a copy)."""
        with self._lock:
            return {kind: list(ids) for kind, ids in self._created.items()}

    def owns(self, kind: str, identifier: str) -> bool:
        """Whether this run created that resource."""
        with self._lock:
            return identifier in self._created.get(kind, ())

    def _record(self, kind: str, identifier: str) -> None:
        with self._lock:
            ids = self._created.setdefault(kind, [])
            if identifier not in ids:
                ids.append(identifier)

    # -- before the request ------------------------------------------------------------------------

    def _tagged(self, body: Any) -> Any:
        if isinstance(body, list):
            return [self._tagged(item) for item in body]
        if not isinstance(body, dict):
            return body
        tags = body.get("tags")
        if tags is None:
            return {**body, "tags": [self.tag]}
        # A full list stays as it is (invalid data must stay invalid); the run then relies on the
        # recorded identifiers for cleanup.
        if (
            isinstance(tags, list)
            and all(isinstance(t, str) for t in tags)
            and self.tag not in tags
            and len(tags) < _MAX_TAGS
        ):
            return {**body, "tags": [*tags, self.tag]}
        return body

    def prepare(
        self, operation_id: str, path_parameters: dict[str, Any] | None, body: Any, *, scenario: bool = False
    ) -> tuple[Any, Any]:
        """Return the ``(path_parameters, body)`` to send instead of the generated ones.

        ``scenario``: the request is a positive step of a stateful scenario (rule 4 applies).
        """
        info = self._operations.get(operation_id)
        if info is None or info.safe:
            return path_parameters, body
        recipe = self._recipes.get(operation_id)
        if scenario and recipe is not None and isinstance(body, dict):
            return path_parameters, dict(recipe)
        if operation_id in self._taggable:
            body = self._tagged(body)
        kind = info.resource
        if kind is None or path_parameters is None:
            return path_parameters, body
        name = _PARAMETERS[kind]
        value = path_parameters.get(name)
        if self._creators.get(operation_id) == kind and kind == "secret":
            # Creating a secret: the key is ours once prefixed.
            if not (isinstance(value, str) and value.startswith(self.tag)):
                return {**path_parameters, name: f"{self.tag}-{value}"}, body
            return path_parameters, body
        if not (isinstance(value, str) and self.owns(kind, value)):
            absent = f"{self.tag}-absent-{uuid.uuid4().hex}" if kind == "secret" else str(uuid.uuid4())
            return {**path_parameters, name: absent}, body
        return path_parameters, body

    # -- after the response -----------------------------------------------------------------------

    def observe(
        self, operation_id: str, path_parameters: Mapping[str, Any] | None, status: int, body: Any
    ) -> None:
        """Record what a successful creating response created."""
        kind = self._creators.get(operation_id)
        if kind is None or not 200 <= status < 300:
            return
        if kind == "secret":
            key = (path_parameters or {}).get("key")
            if isinstance(key, str):
                self._record(kind, key)
            return
        items = body if isinstance(body, list) else [body]
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("uuid"), str):
                self._record(kind, item["uuid"])

    # -- at the end ---------------------------------------------------------------------------------

    def cleanup(self, client: httpx.Client) -> tuple[int, list[str]]:
        """Delete everything the run created; return (resources deleted, descriptions of leftovers).

        ``client`` has the base URL and the token. 404 counts as deleted (the run may have deleted the
        resource itself). Network errors leave the resource in the leftovers, never raise.
        """
        self._sweep(client)
        deleted = 0
        leftovers: list[str] = []
        for kind, template, params in _DELETE:
            for identifier in self.created.get(kind, []):
                # Secret keys keep their folder slashes; every segment is percent-encoded (spec).
                path = template.format("/".join(quote(segment, safe="") for segment in identifier.split("/")))
                try:
                    response = client.delete(path, params=params)
                except httpx.HTTPError as exc:
                    leftovers.append(f"{kind} {identifier}: {type(exc).__name__}")
                    continue
                if 200 <= response.status_code < 300:
                    deleted += 1
                elif response.status_code != 404:
                    leftovers.append(f"{kind} {identifier}: DELETE answered {response.status_code}")
        return deleted, leftovers

    def _sweep(self, client: httpx.Client) -> None:
        # Listings filtered by the run's tag find creations whose response never arrived.
        for kind, path in _SWEEP:
            try:
                response = client.get(path, params={"tag": self.tag})
                items = response.json() if response.status_code == 200 else []
            except (httpx.HTTPError, ValueError):
                continue
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict) and isinstance(item.get("uuid"), str):
                    self._record(kind, item["uuid"])
