"""The examples in the value types' docstrings run and stay true."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from qarnot_ext import _filters, _ranges, _secrets, _timefmt


@pytest.mark.parametrize("module", [_ranges, _timefmt, _filters, _secrets], ids=lambda m: m.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(module, optionflags=flags, report=True)
    assert result.attempted > 5
    assert result.failed == 0
