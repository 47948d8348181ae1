"""Listings decoded while they are scanned: the same answers as ``json.loads`` + ``decode_list``, or none.

``Decoders.stream_page`` / ``stream_list`` must return exactly what the whole-document path returns,
or ``None`` (then the adapter runs the whole-document path, which raises the usual errors): never a
different value, never an exception.
"""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import qarnot_api.models as models
from qarnot_ext import ParseError
from qarnot_ext._adapter import DECODERS, OPS
from tests.client._fakes import task_doc

TASK = models.TaskOutput
EDIT_CHARS = st.sampled_from(list(' ,:[]{}"0aetn-\\'))


def _tasks(count: int) -> list[dict[str, Any]]:
    return [task_doc(str(uuid.UUID(int=i + 1)), name=f"task {i}") for i in range(count)]


def _page(items: list[Any], **extra: Any) -> dict[str, Any]:
    return {"data": items, "count": len(items), "total": 10, "isTruncated": True, "nextToken": "t", **extra}


def _whole(body: bytes, member: str | None = "data") -> Any:
    """What the adapter computes without streaming, or the exception it raises."""
    try:
        doc = json.loads(body)
        if member is None:
            return DECODERS.decode_list(TASK, doc)
        if not isinstance(doc, dict) or member not in doc:
            return ValueError("no member")
        return {**doc, member: DECODERS.decode_list(TASK, doc[member], where=f"$.{member}")}
    except ValueError as exc:  # JSONDecodeError, ParseError, UnicodeDecodeError
        return exc


def _check_page(body: bytes) -> bool:
    """Assert the streamed page is the whole-document answer or ``None``; return whether it streamed."""
    streamed = DECODERS.stream_page(TASK, body)
    if streamed is None:
        return False
    expected = _whole(body)
    assert not isinstance(expected, Exception), f"streamed a body json.loads rejects: {expected!r}"
    assert streamed == expected
    return True


@pytest.mark.parametrize(
    "dumps",
    [
        lambda doc: json.dumps(doc),
        lambda doc: json.dumps(doc, indent=2),
        lambda doc: json.dumps(doc, separators=(",", ":")),
        lambda doc: json.dumps(doc, ensure_ascii=False),
        lambda doc: " \r\n\t" + json.dumps(doc, indent="\t") + "\n ",
        lambda doc: json.dumps(dict(reversed(list(doc.items())))),  # "data" last
    ],
    ids=["default", "indent", "compact", "unicode", "whitespace", "data-last"],
)
def test_well_formed_pages_stream_to_the_whole_document_answer(dumps: Any) -> None:
    items = _tasks(3)
    items[1]["name"] = 'tâche \u00e9\u4e2d \\ " \n'
    items[2]["state"] = "BrandNewState"  # an unknown enum value: this item goes through from_dict
    body = dumps(_page(items)).encode()
    assert _check_page(body)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   ",
        b"[]",
        b"null",
        b'{"data": null}',
        b'{"data": {}}',
        b'{"count": 1}',
        b'{"data": [], }',
        b'{"data": [1,]}',
        b'{"data": [] "count": 1}',
        b'{"data": []} x',
        b'{"data": []}{}',
        b"{data: []}",
        b'{"data" []}',
        b'{"data": [{"uuid": "52c10b2d-0687-41e1-985e-7279f6dd543a"}',
        b'{"data": [{"name": "no uuid"}]}',
        b'{"data": [42]}',
        b'{"data": [], "count": NaN, "x": [1e999, -Infinity]}',
        b'{"data": [], "big": 123456789012345678901234567890}',
        b'{"data": [], "s": "\\ud800"}',
        b'{"data": [], "s": "a\tb"}',
        b"\xef\xbb\xbf" + b'{"data": []}',
        '{"data": []}'.encode("utf-16"),
        b'{"data": [], "data": []}',
        b'{"data": [{"name": "bad"}], "data": []}',
        b'{"data": [], "data": null}',
        b'{"d\\u0061ta": []}',
    ],
)
def test_odd_bodies_stream_to_the_same_answer_or_to_none(body: bytes) -> None:
    _check_page(body)


def test_a_repeated_member_keeps_its_last_value_as_json_loads_does() -> None:
    body = json.dumps(_page([])).encode()[:-1] + b', "data": ' + json.dumps(_tasks(1)).encode() + b"}"
    assert _check_page(body)
    assert len(DECODERS.stream_page(TASK, body)["data"]) == 1  # type: ignore[index]


@settings(max_examples=60, deadline=None)
@given(
    count=st.integers(0, 3),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(["delete", "insert", "replace"]), EDIT_CHARS), max_size=3
    ),
    indent=st.sampled_from([None, 1]),
)
def test_corrupted_pages_stream_to_the_same_answer_or_to_none(
    count: int, edits: list[tuple[float, str, str]], indent: int | None
) -> None:
    text = json.dumps(_page(_tasks(count)), indent=indent)
    for where, how, char in edits:
        at = int(where * len(text))
        if how == "delete":
            text = text[:at] + text[at + 1 :]
        elif how == "insert":
            text = text[:at] + char + text[at:]
        else:
            text = text[:at] + char + text[at + 1 :]
    _check_page(text.encode())


def test_lists_stream_like_pages() -> None:
    body = json.dumps(_tasks(2)).encode()
    assert DECODERS.stream_list(TASK, body) == _whole(body, None)
    for odd in (b"{}", b"[", b"[1]", b"[] []", json.dumps(_page([])).encode()):
        assert DECODERS.stream_list(TASK, odd) is None


def _response(body: bytes) -> httpx.Response:
    request = httpx.Request("POST", "https://api.qarnot.com/v1/tasks/paginate", json={"token": "t0"})
    return httpx.Response(200, content=body, request=request)


def test_the_adapter_streams_pages_and_still_names_the_bad_item() -> None:
    items = _tasks(3)
    page = OPS.paginate_tasks.decode(_response(json.dumps(_page(items)).encode()))
    assert list(page.items) == [TASK.from_dict(copy.deepcopy(item)) for item in items]
    assert (page.next_token, page.is_truncated, page.total, page.token) == ("t", True, 10, "t0")

    items[1] = {"name": "no uuid"}
    with pytest.raises(ParseError) as info:
        OPS.paginate_tasks.decode(_response(json.dumps(_page(items)).encode()))
    assert info.value.path == "$.data[1]"
    with pytest.raises(ParseError, match="missing required member 'data'"):
        OPS.paginate_tasks.decode(_response(b'{"count": 0}'))
    with pytest.raises(ParseError, match="not JSON"):
        OPS.paginate_tasks.decode(_response(b'{"data": [}'))


def test_the_adapter_streams_task_lists() -> None:
    items = _tasks(2)
    response = httpx.Response(
        200,
        content=json.dumps(items).encode(),
        request=httpx.Request("GET", "https://api.qarnot.com/v1/tasks"),
    )
    assert OPS.list_tasks.decode(response) == [TASK.from_dict(copy.deepcopy(item)) for item in items]
