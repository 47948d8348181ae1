"""The names a run is configured with: schemathesis' phases and the checks of a verdict.

Kept apart from the runner so that ``qarnot-contract --help`` answers without importing schemathesis.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "CHECKS",
    "EXIT_CONFORMANT",
    "EXIT_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_VIOLATIONS",
    "FULL_ONLY_CHECKS",
    "PHASES",
]

EXIT_CONFORMANT: Final = 0
EXIT_VIOLATIONS: Final = 1
EXIT_ERROR: Final = 2
"""Usage or connection error, or a missing extra: no verdict."""
EXIT_INTERRUPTED: Final = 130

PHASES: Final = ("examples", "coverage", "fuzzing", "stateful")
"""schemathesis' phases, in the order they run (``stateful`` only in full mode)."""

CHECKS: Final = {
    "not_a_server_error": "no 5xx",
    "status_code_conformance": "every status code is documented",
    "content_type_conformance": "every content type is documented",
    "response_schema_conformance": "bodies match their schema (uuid, date-time, date formats included)",
    "response_headers_conformance": "documented headers are present and valid",
    "custom_format_conformance": "qarnot-date-time, date-span and time-of-day values parse",
    "auth_rejected_with_401": "missing or wrong token answered 401",
    "missing_required_header": "missing Authorization answered 401 (coverage phase)",
    "ignored_auth": "the token is checked at all",
    "negative_data_rejection": "invalid requests are rejected",
    "unsupported_method": "undocumented methods answered 405",
    "allow_header_conformance": "405 answers list the right Allow methods",
    "use_after_free": "a deleted resource is gone (full mode)",
    "ensure_resource_availability": "a created resource is readable (full mode)",
}
"""The checks of a run and what each asserts. ``positive_data_acceptance`` is left out on purpose:
valid-looking data the real API refuses for reasons a schema cannot express (an unknown profile, a
page token of another server) is not a contract violation."""

FULL_ONLY_CHECKS: Final = ("use_after_free", "ensure_resource_availability")
"""Checks that need the stateful scenarios, hence resources created by the run."""
