"""Opt-in quirk modes: the real API's known deviations from its contract, reproduced on request.

By default the emulator is conservative in what it sends: timestamps with at most 6 fractional
digits, camelCase keys, integers as integers, ``[]``/``{}`` rather than ``null`` where a client
iterates. Client robustness tests turn on what the real service has been seen to send instead
(``qarnot-emulator serve --quirks seven-digit-times,pascal-case-keys`` or ``Emulator(quirks=…)``).

Quirks rewrite a JSON response body after it was validated against the contract, so that response
validation still catches emulator bugs while the client sees the off-contract shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

from qarnot_ext import InvalidValueError

__all__ = ["QUIRKS", "UnknownQuirkError", "apply_quirks", "parse_quirks"]

QUIRKS: Final[dict[str, str]] = {
    "seven-digit-times": "timestamps with 7 fractional digits (.NET ticks): 2026-01-02T03:04:05.1234560Z",
    "empty-status": "a task or pool still Submitted (or without a status) has 'status': {}",
    "pascal-case-keys": "every object key starts with a capital letter ('State', 'Uuid', …)",
    "float-ints": "integral numbers are written as floats (instanceCount: 4.0)",
    "null-lists": "empty arrays are sent as null (completedInstances, tags, …)",
    "enum-case": "state names in lower case ('success', 'fullyexecuting')",
}
"""Every quirk mode and what it changes in responses."""

_TIMESTAMP: Final = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,7}))?Z$")
_STATE_KEYS: Final = frozenset({"state", "previousState"})
# Map keys are user data (labels, constants given as objects): never rename them.
_USER_MAPS: Final = frozenset({"labels", "executionTimeByInstanceId", "constants"})


class UnknownQuirkError(InvalidValueError):
    """A quirk mode that does not exist; the message lists the known ones."""

    def __init__(self, unknown: list[str]) -> None:
        super().__init__("quirk modes", ())
        self.unknown = tuple(unknown)
        self.args = (f"unknown quirk mode {', '.join(repr(u) for u in unknown)}; known: {', '.join(QUIRKS)}",)


def parse_quirks(value: str | Iterable[str] | None) -> frozenset[str]:
    """Read ``name,name`` (or an iterable of names); an unknown name is an :class:`UnknownQuirkError`."""
    if value is None:
        return frozenset()
    names = value.split(",") if isinstance(value, str) else list(value)
    chosen = {name.strip() for name in names if name.strip()}
    unknown = sorted(chosen - set(QUIRKS))
    if unknown:
        raise UnknownQuirkError(unknown)
    return frozenset(chosen)


def _seven_digits(text: str) -> str:
    match = _TIMESTAMP.match(text)
    if match is None:
        return text
    return f"{match.group(1)}.{(match.group(2) or '').ljust(7, '0')}Z"


def _transform(node: Any, quirks: frozenset[str], key: str | None) -> Any:
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for name, value in node.items():
            if key in _USER_MAPS:
                out[name] = value
                continue
            new_value = _transform(value, quirks, name)
            if (
                name == "status"
                and "empty-status" in quirks
                and (new_value is None or node.get("state") == "Submitted")
            ):
                new_value = {}
            new_name = name[:1].upper() + name[1:] if "pascal-case-keys" in quirks else name
            out[new_name] = new_value
        return out
    if isinstance(node, list):
        if not node and "null-lists" in quirks:
            return None
        return [_transform(item, quirks, None) for item in node]
    if isinstance(node, bool):
        return node
    if isinstance(node, int) and "float-ints" in quirks:
        return float(node)
    if isinstance(node, str):
        if "seven-digit-times" in quirks:
            node = _seven_digits(node)
        if key in _STATE_KEYS and "enum-case" in quirks:
            node = node.lower()
    return node


def apply_quirks(document: Any, quirks: frozenset[str]) -> Any:
    """``document`` (a decoded JSON response body) as the quirk modes in ``quirks`` would send it."""
    return _transform(document, quirks, None) if quirks else document
