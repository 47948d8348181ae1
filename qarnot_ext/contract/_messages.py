"""Messages that name the problem: field paths of schema failures, and the failing response's body.

schemathesis reports a ``oneOf`` failure as "not valid under any of the schemas": true, and useless
for a hardware constraint whose tag says ``MinimumCoreHardwareConstraint`` and whose ``coreCount`` is a
string. :func:`schema_errors` validates the body again and lists, for each error, its JSON path, and
for a ``oneOf`` / ``anyOf`` the errors of each branch, leaving out branches the value's tag already
rules out (a ``const`` or ``not``/``enum`` on a direct property), when some branch remains.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Final

import jsonschema_rs

from qarnot_ext.contract._causes import json_path
from qarnot_ext.contract._redact import REDACTED, Redactor

__all__ = ["BODY_EXCERPT", "response_excerpt", "schema_errors", "scrub_body", "scrub_secret_fields"]

BODY_EXCERPT: Final = 600
_MAX_ERRORS: Final = 8
_BRANCHING: Final = (jsonschema_rs.ValidationErrorKind.OneOfNotValid, jsonschema_rs.ValidationErrorKind.AnyOf)
_TAG_KINDS: Final = (
    jsonschema_rs.ValidationErrorKind.Constant,
    jsonschema_rs.ValidationErrorKind.Enum,
    jsonschema_rs.ValidationErrorKind.Not,
)


def _resolve(schema: Any, path: list[Any]) -> Any:
    node = schema
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _deref(schema: Any, node: Any) -> Any:
    for _ in range(8):  # a chain of references, never a cycle worth following further
        ref = node.get("$ref") if isinstance(node, dict) else None
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return node
        node = _resolve(schema, [part.replace("~1", "/").replace("~0", "~") for part in ref[2:].split("/")])
    return node


def _branch_name(schema: Any, schema_path: list[Any], index: int) -> str:
    """What a person recognises a branch by: its tag's value, its title, or its position."""
    node = _deref(schema, _resolve(schema, [*schema_path, index]))
    if isinstance(node, dict):
        for prop in (node.get("properties") or {}).values():
            if isinstance(prop, dict) and isinstance(prop.get("const"), str):
                return str(prop["const"])
        title = node.get("title")
        if isinstance(title, str):
            return title
        if any(isinstance(p, dict) and "not" in p for p in (node.get("properties") or {}).values()):
            return f"branch {index}: other tags"
        for keyword in ("oneOf", "anyOf"):
            if isinstance(node.get(keyword), list):
                return f"branch {index}: {keyword} of {len(node[keyword])}"
    return f"branch {index}"


def _leaves(error: Any, schema: Any, label: str, depth: int) -> Iterator[str]:
    kind = error.kind
    lead = "    " * depth + "- " + label
    if not isinstance(kind, _BRANCHING) or depth > 3:
        yield f"{lead}{json_path(error.instance_path)}: {error.message}"
        return
    keyword = "oneOf" if isinstance(kind, jsonschema_rs.ValidationErrorKind.OneOfNotValid) else "anyOf"
    base = len(error.instance_path)
    branches = list(enumerate(kind.context))

    def ruled_out(branch: list[Any]) -> bool:
        return any(isinstance(e.kind, _TAG_KINDS) and len(e.instance_path) == base + 1 for e in branch)

    # A branch only ruled out at a deeper level still shows: the tag of a nested oneOf decides there.
    relevant = [(i, b) for i, b in branches if not ruled_out(b)] or branches
    how = "the branch its tag selects fails" if len(relevant) < len(branches) else "each fails"
    where = json_path(error.instance_path)
    yield f"{lead}{where}: matches none of {len(branches)} {keyword} branches; {how}:"
    for index, branch in relevant:
        name = _branch_name(schema, list(error.schema_path), index)
        for sub in branch:
            yield from _leaves(sub, schema, f"[{name}] ", depth + 1)


def schema_errors(validator_cls: Any, schema: Any, document: Any) -> list[str]:
    """Each error of ``document`` against ``schema``, with its JSON path (see the module doc)."""
    try:
        validator = validator_cls(schema)
        errors = list(validator.iter_errors(document))
    except (ValueError, TypeError, jsonschema_rs.ValidationError):
        return []
    lines: list[str] = []
    for error in errors:
        lines.extend(_leaves(error, schema, "", 0))
        if len(lines) > _MAX_ERRORS * 3:
            break
    return lines[: _MAX_ERRORS * 3]


def scrub_secret_fields(document: Any) -> Any:
    """A secrets-manager body with its secret ``value`` fields replaced."""
    if isinstance(document, dict):
        return {
            key: REDACTED if key.lower() == "value" and isinstance(item, str) else scrub_secret_fields(item)
            for key, item in document.items()
        }
    if isinstance(document, list):
        return [scrub_secret_fields(item) for item in document]
    return document


def scrub_body(content: bytes | str | None, redactor: Redactor, secret_fields: bool) -> str:
    """A body as text with secret values replaced (structurally for JSON, by value everywhere)."""
    if content is None:
        return ""
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    if secret_fields:
        try:
            document = json.loads(text)
        except ValueError:
            pass
        else:
            text = json.dumps(scrub_secret_fields(redactor.document(document)), ensure_ascii=False)
    return redactor.text(text)


def response_excerpt(response: Any, redactor: Redactor, secret_fields: bool) -> str:
    """``HTTP <status> <media type>: <body>``, truncated and redacted."""
    if response is None:
        return ""
    values = response.headers.get("content-type") or [""]
    media = str(values[0] if isinstance(values, list) else values).split(";")[0].strip()
    body = scrub_body(response.content, redactor, secret_fields)
    if len(body) > BODY_EXCERPT:
        body = body[:BODY_EXCERPT] + f"... ({len(body) - BODY_EXCERPT} more characters)"
    return f"HTTP {response.status_code} {media or '(no content type)'}: {body or '(empty body)'}"
