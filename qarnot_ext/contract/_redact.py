"""Keep the token and other secret values out of everything the runner writes.

Two layers, because one can be bypassed: headers that carry credentials are replaced by name
(``Authorization`` and friends), and every text that leaves the runner is also searched for each
secret's value, in case a server echoes it back in a body, an error message or a URL.

The search is by exact value: a secret is replaced where it stands as a whole value, bounded by
characters that cannot continue a word (quotes, spaces, ``=``, ``&``, ``/``, ``-`` ...), never where it
is part of a longer word. A short token ``tok`` is replaced in ``Authorization: tok`` and ``?t=tok``, and
leaves the word ``token`` alone. Its JSON-escaped and percent-encoded spellings are searched too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final
from urllib.parse import quote

__all__ = ["MIN_SCRUBBED_LENGTH", "REDACTED", "SENSITIVE_HEADERS", "Redactor"]

REDACTED: Final = "[REDACTED]"
SENSITIVE_HEADERS: Final = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"}
)
MIN_SCRUBBED_LENGTH: Final = 6
"""Secret values learnt during a run (secrets-manager values) shorter than this are replaced only where
they stand as a secret field, not searched in free text: ``"0"`` or ``"abc"`` would blank unrelated
numbers and words."""

# Characters a token may be made of: a secret is replaced only where no such character touches it.
_TOKEN_CHAR: Final = r"[A-Za-z0-9_]"  # noqa: S105 - a character class, not a secret


def _spellings(secret: str) -> set[str]:
    escaped = json.dumps(secret, ensure_ascii=False)[1:-1]
    return {secret, escaped, quote(secret, safe=""), quote(secret, safe="/")} - {""}


class Redactor:
    """Replaces secret values in text, JSON documents and credential headers by :data:`REDACTED`.

    Args:
        secrets: values that must never be written (empty strings are ignored).
    """

    __slots__ = ("_pattern", "_secrets")

    def __init__(self, secrets: Iterable[str]) -> None:
        self._secrets: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        self.add(*secrets)

    def __repr__(self) -> str:
        return f"Redactor({len(self._secrets)} secret(s))"

    def add(self, *secrets: str) -> None:
        """Also redact ``secrets`` from now on (empty strings are ignored)."""
        new = {s for s in secrets if s} - self._secrets
        if not new:
            return
        self._secrets |= new
        # Longest first, so that a secret containing another one is replaced whole.
        spellings = sorted({v for s in self._secrets for v in _spellings(s)}, key=len, reverse=True)
        alternatives = "|".join(re.escape(s) for s in spellings)
        self._pattern = re.compile(f"(?<!{_TOKEN_CHAR})(?:{alternatives})(?!{_TOKEN_CHAR})")

    def is_secret(self, value: object) -> bool:
        """Whether ``value`` is exactly one of the secrets."""
        return isinstance(value, str) and value in self._secrets

    def text(self, value: str) -> str:
        """``value`` with every secret that stands as a whole value replaced."""
        if self._pattern is None:
            return value
        return self._pattern.sub(REDACTED, value)

    def document(self, value: Any) -> Any:
        """A copy of a JSON document with every string equal to a secret replaced (keys kept)."""
        if isinstance(value, dict):
            return {key: self.document(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.document(item) for item in value]
        if isinstance(value, str):
            return REDACTED if value in self._secrets else self.text(value)
        return value

    def headers(self, headers: Mapping[str, str]) -> dict[str, str]:
        """A copy of ``headers`` with credential headers replaced and secrets removed from the rest."""
        return {
            name: REDACTED if name.lower() in SENSITIVE_HEADERS else self.text(value)
            for name, value in headers.items()
        }
