"""The error promise through the clients: paging arguments are checked before any request."""

from __future__ import annotations

from typing import Any

import pytest

from qarnot_ext import InvalidTypeError, InvalidValueError
from tests.client._fakes import Router


@pytest.mark.parametrize(
    ("arguments", "part"),
    [
        ({"page_size": "10"}, "page_size"),
        ({"limit": 2.5}, "limit"),
        ({"limit": True}, "limit"),
        ({"start_token": 7}, "start_token"),
    ],
)
@pytest.mark.parametrize("resource", ["tasks", "pools", "jobs"])
def test_paging_argument_types_are_invalid_type_errors(
    q: Any, router: Router, resource: str, arguments: dict[str, Any], part: str
) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        getattr(q, resource).iter(**arguments)
    assert isinstance(caught.value, TypeError)
    assert caught.value.problems[0].text == part
    assert str(caught.value).startswith(f"{part} must be ")
    assert router.calls == []


@pytest.mark.parametrize(("arguments", "part"), [({"page_size": 0}, "page_size"), ({"limit": -1}, "limit")])
def test_paging_values_below_one_are_invalid_values(
    q: Any, router: Router, arguments: dict[str, Any], part: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        q.tasks.iter(**arguments)
    assert not isinstance(caught.value, InvalidTypeError)
    assert caught.value.problems[0].text == part
    assert f"{part!r}: must be a positive int" in str(caught.value)
    assert router.calls == []
