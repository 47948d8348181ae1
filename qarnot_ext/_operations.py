"""The operations of ``openapi.yaml`` as the client uses them: the generated table plus the facade method.

Method, path, parameters, success codes and retry safety come from ``qarnot_api.operations``, which
``scripts/generate.py`` writes from the spec and its ``x-qarnot-*`` extensions: the spec is the one
place that says which operations may be retried. An operation is *idempotent* (retried on transport
errors and on 408/425/429/500/502/503/504) when repeating it cannot change the outcome: reads
(``GET``), replacements (``PUT``), deletions (``DELETE``) and the read-only ``POST`` s (search,
paginate, the scaling sanity check). Never retried: creations (a lost answer followed by a retry would
create a duplicate task, pool, job or a 409 on a secret), abort, terminate, close, snapshots,
clone/retry/recover/resume, the ``PATCH`` es, and the "fresh" outputs, which return what was written
since the last read (a retry after a lost answer loses that output).

This module only adds which facade method serves each operation (:data:`FACADE`);
``tests/client/test_operations.py`` checks that both name the same operations and that each facade
method exists on both clients.
"""

from __future__ import annotations

import functools
import re
from typing import Final, NamedTuple

__all__ = ["FACADE", "Operation", "is_idempotent", "operations"]


class Operation(NamedTuple):
    """One operation of the spec, with the facade method serving it."""

    method: str
    path: str
    idempotent: bool
    facade: str
    """Dotted path of the method that serves it on :class:`~qarnot_ext.Qarnot` (``"tasks.get"``)."""


FACADE: Final[dict[str, str]] = {
    "get_api_root": "root",
    "get_settings": "settings",
    "get_status": "status",
    "list_versions": "versions",
    "get_user_info": "user.info",
    "list_profiles": "profiles.list",
    "get_profile": "profiles.get",
    "list_hardware_constraints": "hardware_constraints.iter",
    "search_cpu_model_constraints": "hardware_constraints.search_cpu_model",
    "list_jobs": "jobs.list",
    "create_job": "jobs.create",
    "search_jobs": "jobs.search",
    "paginate_jobs": "jobs.pages",
    "terminate_job": "jobs.terminate",
    "delete_job": "jobs.delete",
    "get_job": "jobs.get",
    "list_job_tasks": "jobs.tasks",
    "list_pool_summaries": "pools.list_summaries",
    "paginate_pool_summaries": "pools.summary_pages",
    "list_pools": "pools.list",
    "create_pool": "pools.create",
    "search_pools": "pools.search",
    "paginate_pools": "pools.pages",
    "clone_pool": "pools.clone",
    "get_pool": "pools.get",
    "update_pool_resources": "pools.update_resources",
    "update_pool": "pools.update",
    "delete_pool": "pools.delete",
    "close_pool": "pools.close",
    "list_pool_jobs": "pools.jobs",
    "list_pool_tasks": "pools.tasks",
    "get_pool_stdout": "pools.stdout",
    "get_pool_fresh_stdout": "pools.stdout",
    "get_pool_instance_stdout": "pools.stdout",
    "get_pool_instance_fresh_stdout": "pools.stdout",
    "get_pool_stderr": "pools.stderr",
    "get_pool_fresh_stderr": "pools.stderr",
    "get_pool_instance_stderr": "pools.stderr",
    "get_pool_instance_fresh_stderr": "pools.stderr",
    "get_pool_scaling": "pools.scaling",
    "update_pool_scaling": "pools.update_scaling",
    "check_pool_scaling": "pools.check_scaling",
    "list_tasks": "tasks.list",
    "create_task": "tasks.create",
    "list_task_summaries": "tasks.list_summaries",
    "paginate_task_summaries": "tasks.summary_pages",
    "search_tasks": "tasks.search",
    "paginate_tasks": "tasks.pages",
    "start_periodic_snapshot": "tasks.periodic_snapshot",
    "request_snapshot": "tasks.snapshot",
    "get_snapshot_status": "tasks.snapshot_status",
    "retry_task": "tasks.retry",
    "recover_task": "tasks.recover",
    "resume_task": "tasks.resume",
    "clone_task": "tasks.clone",
    "update_task": "tasks.update",
    "update_task_resources": "tasks.update_resources",
    "delete_task": "tasks.delete",
    "get_task": "tasks.get",
    "abort_task": "tasks.abort",
    "get_task_stdout": "tasks.stdout",
    "get_task_fresh_stdout": "tasks.stdout",
    "get_task_instance_stdout": "tasks.stdout",
    "get_task_instance_fresh_stdout": "tasks.stdout",
    "get_task_stderr": "tasks.stderr",
    "get_task_fresh_stderr": "tasks.stderr",
    "get_task_instance_stderr": "tasks.stderr",
    "get_task_instance_fresh_stderr": "tasks.stderr",
    "get_secret": "secrets.get",
    "create_secret": "secrets.create",
    "update_secret": "secrets.update",
    "delete_secret": "secrets.delete",
    "search_secrets": "secrets.list",
}
"""The facade method serving each operation (``"tasks.get"``), by operationId."""


@functools.cache
def operations() -> dict[str, Operation]:
    """Every operation of the spec (generated table order), with its facade method."""
    # Imported here, not at the top: the adapter (the one importer of the generated package) imports
    # the retrying transport, which imports this module.
    from qarnot_ext._adapter import TABLE

    return {op_id: Operation(op.method, op.path, op.idempotent, FACADE[op_id]) for op_id, op in TABLE.items()}


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


@functools.cache
def _routes() -> list[tuple[str, re.Pattern[str], bool, int]]:
    # Literal paths are tried first so that POST /tasks/paginate never matches /tasks/{taskUuid}.
    return sorted(
        (
            (op.method, re.compile(_pattern(op.path)), op.idempotent, op.path.count("{"))
            for op in operations().values()
        ),
        key=lambda route: route[3],
    )


_SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def is_idempotent(method: str, path: str) -> bool:
    """Whether a request may be repeated: by the operation table, else by the HTTP method's semantics.

    ``path`` is relative to the API root (``/tasks/paginate``, not ``/v1/tasks/paginate``).
    """
    method = method.upper()
    for route_method, pattern, idempotent, _ in _routes():
        if route_method == method and pattern.fullmatch(path):
            return idempotent
    return method in _SAFE_METHODS
