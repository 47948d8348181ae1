"""The token never shows: not in reprs, exception messages, tracebacks or DEBUG logs."""

from __future__ import annotations

import logging
import traceback
from typing import Any

import httpx
import pytest

from qarnot_ext import QarnotError
from qarnot_ext._async_client import AsyncQarnot
from qarnot_ext._config import resolve_config
from qarnot_ext._sync_client import Qarnot
from tests.client._fakes import TOKEN, Router


def test_token_not_in_reprs() -> None:
    q = Qarnot(
        "http://127.0.0.1:9",
        token=TOKEN,
        env={},
        transport=httpx.MockTransport(lambda r: httpx.Response(200)),
    )
    aq = AsyncQarnot("http://127.0.0.1:9", token=TOKEN, env={})
    for text in (
        repr(q),
        str(q),
        repr(aq),
        repr(q.api),
        repr(q.config),
        repr(q.tasks),
        repr(q._http),
        repr(resolve_config(token=TOKEN, env={})),
        repr(q.config.token),
    ):
        assert TOKEN not in text
    assert "token=***" in repr(q)
    q.close()


def _everything(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc)) + repr(exc) + str(exc) + repr(vars(exc))


@pytest.mark.parametrize(
    "make",
    [
        lambda: httpx.Response(401, json={"error": {"message": "Bad authentication token", "code": 401}}),
        lambda: httpx.Response(500, text="internal"),
        lambda: httpx.ConnectError("refused"),
        lambda: httpx.ReadTimeout("slow"),
    ],
    ids=["401", "500", "refused", "timeout"],
)
def test_token_not_in_exceptions_nor_debug_logs(
    q: Any, router: Router, caplog: pytest.LogCaptureFixture, make: Any
) -> None:
    answer = make()

    def handler(request: httpx.Request, **_kw: str) -> Any:
        answer = make()  # a response object serves one request only
        if isinstance(answer, Exception):
            raise answer
        return answer

    router.add("GET", r"/tasks/[^/]+", handler)
    with caplog.at_level(logging.DEBUG), pytest.raises(QarnotError) as info:
        q.tasks.get("x")
    assert TOKEN not in _everything(info.value)
    logged = "\n".join(r.getMessage() for r in caplog.records) + caplog.text
    assert TOKEN not in logged
    if not isinstance(answer, httpx.Response) or answer.status_code == 500:
        assert "retrying GET /v1/tasks/x" in logged  # retries are logged, the token is not


def test_debug_logs_of_a_message_holding_the_token_are_redacted(
    q: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # Once a client holds the token, the redacting filter of our loggers masks it wherever it appears.
    with caplog.at_level(logging.DEBUG, logger="qarnot_ext.http"):
        logging.getLogger("qarnot_ext.http").debug("header Authorization: %s and again %s", TOKEN, TOKEN)
    assert TOKEN not in caplog.text
    assert "***" in caplog.text
