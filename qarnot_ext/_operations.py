"""The operations of ``openapi.yaml``: method, path, retry safety and the facade method serving each.

This table is the one place that says which operations may be retried. An operation is
*idempotent* (retried on transport errors and on 408/425/429/500/502/503/504) when repeating it
cannot change the outcome: reads (``GET``), replacements (``PUT``), deletions (``DELETE``) and the
read-only ``POST`` s (search, paginate, the scaling sanity check). Never retried: creations (a lost
answer followed by a retry would create a duplicate task, pool, job or a 409 on a secret), abort,
terminate, close, snapshots, clone/retry/recover/resume, the ``PATCH`` es, and the "fresh" outputs,
which return what was written since the last read (a retry after a lost answer loses that output).

``tests/client/test_operations.py`` checks this table against the spec (every operationId, its method
and path) and that each facade method exists on both clients.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

__all__ = ["OPERATIONS", "Operation", "is_idempotent"]


class Operation(NamedTuple):
    """One operation of the spec."""

    method: str
    path: str
    idempotent: bool
    facade: str
    """Dotted path of the method that serves it on :class:`~qarnot_ext.Qarnot` (``"tasks.get"``)."""


_O = Operation
OPERATIONS: Final[dict[str, Operation]] = {
    # -- api / users -------------------------------------------------------------------------
    "get_api_root": _O("GET", "/", True, "root"),
    "get_settings": _O("GET", "/settings", True, "settings"),
    "get_status": _O("GET", "/status", True, "status"),
    "list_versions": _O("GET", "/versions", True, "versions"),
    "get_user_info": _O("GET", "/info", True, "user.info"),
    # -- profiles and hardware constraints ---------------------------------------------------
    "list_profiles": _O("GET", "/profiles", True, "profiles.list"),
    "get_profile": _O("GET", "/profiles/{name}", True, "profiles.get"),
    "list_hardware_constraints": _O("GET", "/hardware-constraints", True, "hardware_constraints.iter"),
    "search_cpu_model_constraints": _O(
        "GET",
        "/hardware-constraints/cpu-model-constraints/search",
        True,
        "hardware_constraints.search_cpu_model",
    ),
    # -- jobs --------------------------------------------------------------------------------
    "list_jobs": _O("GET", "/jobs", True, "jobs.list"),
    "create_job": _O("POST", "/jobs", False, "jobs.create"),
    "search_jobs": _O("POST", "/jobs/search", True, "jobs.search"),
    "paginate_jobs": _O("POST", "/jobs/paginate", True, "jobs.pages"),
    "terminate_job": _O("POST", "/jobs/{jobUuid}/terminate", False, "jobs.terminate"),
    "delete_job": _O("DELETE", "/jobs/{jobUuid}", True, "jobs.delete"),
    "get_job": _O("GET", "/jobs/{jobUuid}", True, "jobs.get"),
    "list_job_tasks": _O("GET", "/jobs/{jobUuid}/tasks", True, "jobs.tasks"),
    # -- pools -------------------------------------------------------------------------------
    "list_pool_summaries": _O("GET", "/pools/summaries", True, "pools.list_summaries"),
    "paginate_pool_summaries": _O("POST", "/pools/summaries/paginate", True, "pools.summary_pages"),
    "list_pools": _O("GET", "/pools", True, "pools.list"),
    "create_pool": _O("POST", "/pools", False, "pools.create"),
    "search_pools": _O("POST", "/pools/search", True, "pools.search"),
    "paginate_pools": _O("POST", "/pools/paginate", True, "pools.pages"),
    "clone_pool": _O("POST", "/pools/{poolUuid}/clone", False, "pools.clone"),
    "get_pool": _O("GET", "/pools/{poolUuid}", True, "pools.get"),
    "update_pool_resources": _O("PATCH", "/pools/{poolUuid}", False, "pools.update_resources"),
    "update_pool": _O("PUT", "/pools/{poolUuid}", True, "pools.update"),
    "delete_pool": _O("DELETE", "/pools/{poolUuid}", True, "pools.delete"),
    "close_pool": _O("POST", "/pools/{poolUuid}/close", False, "pools.close"),
    "list_pool_jobs": _O("GET", "/pools/{poolUuid}/jobs", True, "pools.jobs"),
    "list_pool_tasks": _O("GET", "/pools/{poolUuid}/tasks", True, "pools.tasks"),
    "get_pool_stdout": _O("GET", "/pools/{poolUuid}/stdout", True, "pools.stdout"),
    "get_pool_fresh_stdout": _O("POST", "/pools/{poolUuid}/stdout", False, "pools.stdout"),
    "get_pool_instance_stdout": _O("GET", "/pools/{poolUuid}/stdout/{instanceId}", True, "pools.stdout"),
    "get_pool_instance_fresh_stdout": _O(
        "POST", "/pools/{poolUuid}/stdout/{instanceId}", False, "pools.stdout"
    ),
    "get_pool_stderr": _O("GET", "/pools/{poolUuid}/stderr", True, "pools.stderr"),
    "get_pool_fresh_stderr": _O("POST", "/pools/{poolUuid}/stderr", False, "pools.stderr"),
    "get_pool_instance_stderr": _O("GET", "/pools/{poolUuid}/stderr/{instanceId}", True, "pools.stderr"),
    "get_pool_instance_fresh_stderr": _O(
        "POST", "/pools/{poolUuid}/stderr/{instanceId}", False, "pools.stderr"
    ),
    "get_pool_scaling": _O("GET", "/pools/{poolUuid}/scaling", True, "pools.scaling"),
    "update_pool_scaling": _O("PUT", "/pools/{poolUuid}/scaling", True, "pools.update_scaling"),
    "check_pool_scaling": _O("POST", "/sanity-checks/pools/scaling", True, "pools.check_scaling"),
    # -- tasks -------------------------------------------------------------------------------
    "list_tasks": _O("GET", "/tasks", True, "tasks.list"),
    "create_task": _O("POST", "/tasks", False, "tasks.create"),
    "list_task_summaries": _O("GET", "/tasks/summaries", True, "tasks.list_summaries"),
    "paginate_task_summaries": _O("POST", "/tasks/summaries/paginate", True, "tasks.summary_pages"),
    "search_tasks": _O("POST", "/tasks/search", True, "tasks.search"),
    "paginate_tasks": _O("POST", "/tasks/paginate", True, "tasks.pages"),
    "start_periodic_snapshot": _O(
        "POST", "/tasks/{taskUuid}/snapshot/periodic", False, "tasks.periodic_snapshot"
    ),
    "request_snapshot": _O("POST", "/tasks/{taskUuid}/snapshot", False, "tasks.snapshot"),
    "get_snapshot_status": _O(
        "GET", "/tasks/{taskUuid}/snapshot/{snapshotId}", True, "tasks.snapshot_status"
    ),
    "retry_task": _O("POST", "/tasks/{taskUuid}/retry", False, "tasks.retry"),
    "recover_task": _O("POST", "/tasks/{taskUuid}/recover", False, "tasks.recover"),
    "resume_task": _O("POST", "/tasks/{taskUuid}/resume", False, "tasks.resume"),
    "clone_task": _O("POST", "/tasks/{taskUuid}/clone", False, "tasks.clone"),
    "update_task": _O("PUT", "/tasks/{taskUuid}", True, "tasks.update"),
    "update_task_resources": _O("PATCH", "/tasks/{taskUuid}", False, "tasks.update_resources"),
    "delete_task": _O("DELETE", "/tasks/{taskUuid}", True, "tasks.delete"),
    "get_task": _O("GET", "/tasks/{taskUuid}", True, "tasks.get"),
    "abort_task": _O("POST", "/tasks/{taskUuid}/abort", False, "tasks.abort"),
    "get_task_stdout": _O("GET", "/tasks/{taskUuid}/stdout", True, "tasks.stdout"),
    "get_task_fresh_stdout": _O("POST", "/tasks/{taskUuid}/stdout", False, "tasks.stdout"),
    "get_task_instance_stdout": _O("GET", "/tasks/{taskUuid}/stdout/{instanceId}", True, "tasks.stdout"),
    "get_task_instance_fresh_stdout": _O(
        "POST", "/tasks/{taskUuid}/stdout/{instanceId}", False, "tasks.stdout"
    ),
    "get_task_stderr": _O("GET", "/tasks/{taskUuid}/stderr", True, "tasks.stderr"),
    "get_task_fresh_stderr": _O("POST", "/tasks/{taskUuid}/stderr", False, "tasks.stderr"),
    "get_task_instance_stderr": _O("GET", "/tasks/{taskUuid}/stderr/{instanceId}", True, "tasks.stderr"),
    "get_task_instance_fresh_stderr": _O(
        "POST", "/tasks/{taskUuid}/stderr/{instanceId}", False, "tasks.stderr"
    ),
    # -- secrets manager ---------------------------------------------------------------------
    "get_secret": _O("GET", "/secrets-manager/data/{key}", True, "secrets.get"),
    "create_secret": _O("PUT", "/secrets-manager/data/{key}", False, "secrets.create"),
    "update_secret": _O("PATCH", "/secrets-manager/data/{key}", False, "secrets.update"),
    "delete_secret": _O("DELETE", "/secrets-manager/data/{key}", True, "secrets.delete"),
    "search_secrets": _O("GET", "/secrets-manager/search/{prefix}", True, "secrets.list"),
}


def _pattern(path: str) -> str:
    # Secret keys span several segments ("team/db"); every other parameter is one segment.
    parts = re.split(r"(\{[^}]+\})", path)
    out = []
    for part in parts:
        if part in ("{key}", "{prefix}"):
            out.append(".*")
        elif part.startswith("{"):
            out.append("[^/]+")
        else:
            out.append(re.escape(part))
    return "".join(out).rstrip("/") + "/?"


# Literal paths are tried first so that POST /tasks/paginate never matches /tasks/{taskUuid}.
_ROUTES: Final = sorted(
    (
        (op.method, re.compile(_pattern(op.path)), op.idempotent, op.path.count("{"))
        for op in OPERATIONS.values()
    ),
    key=lambda route: route[3],
)
_SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def is_idempotent(method: str, path: str) -> bool:
    """Whether a request may be repeated: by the operation table, else by the HTTP method's semantics.

    ``path`` is relative to the API root (``/tasks/paginate``, not ``/v1/tasks/paginate``).
    """
    method = method.upper()
    for route_method, pattern, idempotent, _ in _ROUTES:
        if route_method == method and pattern.fullmatch(path):
            return idempotent
    return method in _SAFE_METHODS
