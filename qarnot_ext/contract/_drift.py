"""Tolerance for the real API's known drift (``docs/real-world-quirks.md``, quirk 1): enum values.

The real API re-cases enum values (``Flex`` for ``flex``, ``Thursday`` for ``thursday``) and adds new
ones over time (new task states). With ``--allow-case-drift`` / ``--allow-unknown-enum-values`` such a
response is not a violation but a warning.

How a schema failure is judged: the response body is validated again against a *relaxed* copy of its
schema (enums matched case-insensitively, or opened to any string). A failure is drift when the
relaxed schema has no error at or around the failure's location; any other failure stays a failure.
Enums under ``not`` are left alone: the ``Unknown…`` catch-all variants say "a tag that is *not* one
of the known ones", and relaxing that would make them reject what they exist to accept.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import jsonschema_rs

__all__ = ["CASE_DRIFT", "UNKNOWN_ENUM", "DriftPolicy", "relax"]

CASE_DRIFT: Final = "case-drift"
UNKNOWN_ENUM: Final = "unknown-enum-value"


@dataclass(frozen=True)
class DriftPolicy:
    """Which drift is tolerated (both off by default: a strict verdict)."""

    allow_unknown_enum_values: bool = False
    allow_case_drift: bool = False

    @property
    def enabled(self) -> bool:
        """Whether any tolerance is on."""
        return self.allow_unknown_enum_values or self.allow_case_drift

    def kinds(self) -> list[tuple[str, bool, bool]]:
        """The relaxations to try, mildest first: (kind, case-insensitive, open enums)."""
        out: list[tuple[str, bool, bool]] = []
        if self.allow_case_drift:
            out.append((CASE_DRIFT, True, False))
        if self.allow_unknown_enum_values:
            out.append((UNKNOWN_ENUM, self.allow_case_drift, True))
        return out


def _relax_node(node: Any, *, case_insensitive: bool, open_enums: bool) -> Any:
    if isinstance(node, list):
        return [_relax_node(item, case_insensitive=case_insensitive, open_enums=open_enums) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "not":
            out[key] = copy.deepcopy(value)
        else:
            out[key] = _relax_node(value, case_insensitive=case_insensitive, open_enums=open_enums)
    values = node.get("enum")
    if isinstance(values, list) and values and all(isinstance(v, str) for v in values):
        del out["enum"]
        if not open_enums:
            alternatives = "|".join(re.escape(v) for v in values)
            out["pattern"] = f"^(?i:{alternatives})$"
        if "type" not in out:
            out["type"] = "string"
    return out


def relax(schema: Any, *, case_insensitive: bool, open_enums: bool) -> Any:
    """A copy of ``schema`` whose string enums accept other casings, or any string."""
    return _relax_node(schema, case_insensitive=case_insensitive, open_enums=open_enums)


def _related(a: Sequence[Any], b: Sequence[Any]) -> bool:
    shorter = min(len(a), len(b))
    return list(a[:shorter]) == list(b[:shorter])


def drift_kind(
    policy: DriftPolicy,
    schema: Any,
    validator_cls: type[jsonschema_rs.Validator],
    document: Any,
    failure_path: Sequence[Any],
) -> str | None:
    """The tolerated kind of drift that explains a failure at ``failure_path``, or ``None``."""
    for kind, case_insensitive, open_enums in policy.kinds():
        relaxed = relax(schema, case_insensitive=case_insensitive, open_enums=open_enums)
        validator = validator_cls(relaxed, validate_formats=False)
        remaining = [list(error.instance_path) for error in validator.iter_errors(document)]
        if not any(_related(path, failure_path) for path in remaining):
            return kind
    return None
