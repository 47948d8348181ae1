"""Keep the token out of everything the runner writes: console, JUnit, cassette, JSON summary.

Two layers, because one can be bypassed: headers that carry credentials are replaced by name
(``Authorization`` and friends), and every text that leaves the runner is also searched for the
token's value itself, in case a server echoes it back in a body, an error message or a URL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

__all__ = ["REDACTED", "SENSITIVE_HEADERS", "Redactor"]

REDACTED: Final = "[REDACTED]"
SENSITIVE_HEADERS: Final = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"}
)


class Redactor:
    """Replaces secret values in text and credential headers by :data:`REDACTED`.

    Args:
        secrets: values that must never be written (empty strings are ignored).
    """

    __slots__ = ("_secrets",)

    def __init__(self, secrets: Iterable[str]) -> None:
        # Longest first, so that a secret containing another one is replaced whole.
        self._secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def __repr__(self) -> str:
        return f"Redactor({len(self._secrets)} secret(s))"

    def text(self, value: str) -> str:
        """``value`` with every secret replaced."""
        for secret in self._secrets:
            if secret in value:
                value = value.replace(secret, REDACTED)
        return value

    def headers(self, headers: Mapping[str, str]) -> dict[str, str]:
        """A copy of ``headers`` with credential headers replaced and secrets removed from the rest."""
        return {
            name: REDACTED if name.lower() in SENSITIVE_HEADERS else self.text(value)
            for name, value in headers.items()
        }
