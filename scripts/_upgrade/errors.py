"""The one error type of the upgrade scripts: bad input or a tool that could not run (exit code 2)."""

from __future__ import annotations

__all__ = ["EXIT_BREAKING", "EXIT_ERROR", "EXIT_OK", "UpgradeError"]

EXIT_OK = 0
EXIT_BREAKING = 1
EXIT_ERROR = 2


class UpgradeError(Exception):
    """Bad input (missing file, invalid YAML, unknown ``$ref``, unknown git ref) or a failed tool.

    The message is shown to the user as is, so it names the file, ref or command at fault.
    """
