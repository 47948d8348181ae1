"""A griffe extension that lets the reference render the project's docstrings as they are written.

The docstrings follow the Google convention (ruff's pydocstyle checks it) with two habits taken from
reST that Markdown does not know:

- ``Example:`` heads a doctest section. Napoleon and ruff accept the singular; griffe knows only
  ``Examples:`` and would render the doctest as a quoted paragraph.
- Sphinx roles (``:class:`~qarnot_ext.Qarnot```) and ``::`` before a literal block. A role becomes
  inline code with the name as written (``~`` keeps the last component, as Sphinx does); a line
  ending with ``::`` ends with ``:`` and the indented block after it is a Markdown code block.

Double backticks need nothing: Markdown reads ````x```` as inline code.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

__all__ = ["ReSTHabits"]

_EXAMPLE_HEADING = re.compile(r"^(\s*)Example:\s*$", re.MULTILINE)
_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|mod|data|exc|obj|const|term):`(~?)([^`]+)`")
_LITERAL_MARKER = re.compile(r"::[ \t]*$", re.MULTILINE)


def _role(match: re.Match[str]) -> str:
    tilde, target = match.groups()
    return f"`{target.rsplit('.', 1)[-1] if tilde else target}`"


def rewrite(text: str) -> str:
    """Return ``text`` with the reST habits above turned into their Google/Markdown equivalents."""
    text = _EXAMPLE_HEADING.sub(r"\1Examples:", text)
    text = _ROLE.sub(_role, text)
    # "text::" reads "text:" in reST; a bare "::" line reads as nothing.
    text = re.sub(r"^[ \t]*::[ \t]*$", "", text, flags=re.MULTILINE)
    return _LITERAL_MARKER.sub(":", text)


class ReSTHabits(griffe.Extension):
    """Rewrite every docstring before mkdocstrings parses it (parsing is lazy, at render time)."""

    def on_object(self, *, obj: griffe.Object, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        """Rewrite ``obj``'s own docstring; aliases share their target's."""
        del loader, kwargs
        _rewrite_docstring(obj)

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        """Rewrite the top-level package's docstring (``on_object`` sees only its members)."""
        del loader, kwargs
        _rewrite_docstring(pkg)


def _rewrite_docstring(obj: griffe.Object) -> None:
    # Idempotent: an object seen twice is rewritten to the same text.
    if obj.docstring is not None:
        obj.docstring.value = rewrite(obj.docstring.value)
