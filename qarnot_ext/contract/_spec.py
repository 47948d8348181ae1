"""The contract as the runner sees it: where ``openapi.yaml`` is, its operations, which ones are safe.

An operation is **safe** when sending it cannot change the account's state, so that ``--mode safe``
can run against a production account:

* every ``GET``;
* the ``POST`` searches and paginations (``search_*``, ``paginate_*``): they only read;
* ``check_pool_scaling``, the scaling "sanity check" that validates a policy without applying it.

The ``POST .../stdout|stderr`` operations are *not* safe although they read: they return what was
written since the last call and so consume it (``docs/operation-ids.md``).

Resource parameters name what an unsafe operation acts on; ``--mode full`` uses them to keep its
hands off resources it did not create (see ``_resources``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

__all__ = [
    "SPEC_ENV",
    "OperationInfo",
    "SpecError",
    "creators",
    "default_spec_path",
    "load_document",
    "operations_of",
    "select",
    "taggable_operations",
]

SPEC_ENV: Final = "QARNOT_CONTRACT_SPEC"
_METHODS: Final = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_SAFE_POST: Final = re.compile(r"^(search_|paginate_)|^check_pool_scaling$")
# Path parameters that identify a resource of the account (shortnames are accepted there too).
RESOURCE_PARAMETERS: Final = {"taskUuid": "task", "poolUuid": "pool", "jobUuid": "job", "key": "secret"}


class SpecError(Exception):
    """The spec cannot be found, read, or does not look like the Qarnot contract."""


@dataclass(frozen=True)
class OperationInfo:
    """One operation of the contract.

    Attributes:
        operation_id: the spec's ``operationId`` (the name reports use).
        method: upper-case HTTP method.
        path: the templated path, e.g. ``/tasks/{taskUuid}``.
        safe: whether sending it can change the account's state (see the module doc).
        secured: whether it requires the token (``/settings`` and ``/versions`` are public).
        resource: the kind of resource in its path (``task``, ``pool``, ``job``, ``secret``) or ``None``.
    """

    operation_id: str
    method: str
    path: str
    safe: bool
    secured: bool
    resource: str | None

    @property
    def label(self) -> str:
        """``METHOD /path``: how schemathesis names the operation."""
        return f"{self.method} {self.path}"


def default_spec_path() -> Path:
    """The contract to test against: ``$QARNOT_CONTRACT_SPEC``, a packaged copy, or the repository's."""
    override = os.environ.get(SPEC_ENV)
    if override:
        return Path(override)
    package = Path(__file__).resolve().parent.parent
    candidates = [
        package / "openapi.yaml",
        package.parent / "openapi.yaml",
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise SpecError(f"openapi.yaml not found (tried {tried}); pass --spec or set {SPEC_ENV}")


def load_document(path: Path) -> dict[str, Any]:
    """Read an OpenAPI document (YAML or JSON) into a fresh dict."""
    try:
        with path.open("rb") as handle:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster when present
            document = yaml.load(handle, Loader=loader)  # noqa: S506 - a SafeLoader variant
    except OSError as exc:
        raise SpecError(f"cannot read the spec {path}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise SpecError(f"the spec {path} is not valid YAML/JSON: {exc}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("paths"), dict):
        raise SpecError(f"the spec {path} is not an OpenAPI document (no 'paths')")
    return document


def _resolve(document: Mapping[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        target: Any = document
        for part in node["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def operations_of(document: Mapping[str, Any]) -> list[OperationInfo]:
    """Every operation of the document, in document order."""
    default_security = document.get("security")
    out: list[OperationInfo] = []
    for path, item in document["paths"].items():
        item = _resolve(document, item)
        shared = item.get("parameters", [])
        for method in _METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            operation_id = operation.get("operationId") or f"{method.upper()} {path}"
            names = {
                _resolve(document, parameter).get("name")
                for parameter in [*shared, *operation.get("parameters", [])]
                if _resolve(document, parameter).get("in") == "path"
            }
            resource = next((kind for name, kind in RESOURCE_PARAMETERS.items() if name in names), None)
            security = operation.get("security", default_security) or []
            out.append(
                OperationInfo(
                    operation_id=operation_id,
                    method=method.upper(),
                    path=path,
                    safe=method == "get" or (method == "post" and bool(_SAFE_POST.search(operation_id))),
                    secured=any(bool(requirement) for requirement in security),
                    resource=resource,
                )
            )
    return out


def select(
    operations: Iterable[OperationInfo], *, safe_only: bool, pattern: str | None
) -> list[OperationInfo]:
    """The operations a run sends: the safe ones in safe mode, filtered by ``pattern``.

    ``pattern`` is a regular expression searched in the operationId and in ``METHOD /path``, so both
    ``--operations '^get_task$'`` and ``--operations 'GET /tasks'`` work.

    Raises:
        re.error: the pattern is not a valid regular expression.
    """
    regex = re.compile(pattern) if pattern else None
    return [
        op
        for op in operations
        if (op.safe or not safe_only)
        and (regex is None or regex.search(op.operation_id) is not None or regex.search(op.label) is not None)
    ]


def creators(document: Mapping[str, Any]) -> dict[str, str]:
    """Operations that create a resource, with the kind they create (``task``, ``pool``, ``job``, ``secret``).

    Read from the spec's links (``docs/spec-notes.md``, "Links"): a successful response whose link passes
    ``$response.body#/uuid`` (or, for secrets, ``$request.path.key``) as a resource parameter of the
    linked operation created that resource. Deriving it keeps cleanup right when the spec grows.
    """
    out: dict[str, str] = {}
    for item in document["paths"].values():
        item = _resolve(document, item)
        for method in _METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            for code, response in operation.get("responses", {}).items():
                if not str(code).startswith("2"):
                    continue
                for link in (_resolve(document, response).get("links") or {}).values():
                    for name, expression in (_resolve(document, link).get("parameters") or {}).items():
                        kind = RESOURCE_PARAMETERS.get(name)
                        # A secret is named by the caller: its creation links pass the request's key on.
                        made = expression == "$response.body#/uuid" or (
                            kind == "secret" and expression == f"$request.path.{name}"
                        )
                        if kind is not None and made:
                            out[operation["operationId"]] = kind
    return out


def _declares_tags(document: Mapping[str, Any], node: Any, seen: set[int]) -> bool:
    node = _resolve(document, node)
    if not isinstance(node, dict) or id(node) in seen:
        return False
    seen.add(id(node))
    if "tags" in (node.get("properties") or {}):
        return True
    branches = [*node.get("oneOf", []), *node.get("anyOf", []), *node.get("allOf", [])]
    if isinstance(node.get("items"), dict):
        branches.append(node["items"])
    return any(_declares_tags(document, branch, seen) for branch in branches)


def taggable_operations(document: Mapping[str, Any]) -> set[str]:
    """Operations whose JSON request body declares ``tags`` (where a run can mark what it creates)."""
    out: set[str] = set()
    for item in document["paths"].values():
        item = _resolve(document, item)
        for method in _METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            body = _resolve(document, operation.get("requestBody") or {})
            schema = ((body.get("content") or {}).get("application/json") or {}).get("schema")
            if schema is not None and _declares_tags(document, schema, set()):
                out.add(operation["operationId"])
    return out
