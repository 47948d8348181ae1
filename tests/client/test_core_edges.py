"""Edges of the client core the broader tests do not reach: waits, configuration, retries.

Each test pins a behaviour stated in the module docstrings (``qarnot_ext/_waits.py``,
``qarnot_ext/_config.py``, ``qarnot_ext/_http.py``) or in ``docs/configuration.md``; they were
written against the survivors of a mutation run (``scripts/mutate.py``), one plausible one-line bug at a time.
"""

from __future__ import annotations

import logging
import math
import random
import uuid
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

from qarnot_ext import (
    APIError,
    APITimeoutError,
    ConfigError,
    InvalidValueError,
    OutcomeUnknownError,
    TransportError,
    UnreachableStateError,
    WaitTimeoutError,
)
from qarnot_ext._config import DEFAULT_BASE_URL, DEFAULT_TIMEOUT, normalize_base_url, resolve_config
from qarnot_ext._errors import Problem
from qarnot_ext._http import (
    IDEMPOTENT_EXTENSION,
    AsyncRetryingTransport,
    RetryingTransport,
    RetryPolicy,
    SystemClock,
    TokenAuth,
    araise_for_api_error,
    raise_for_api_error,
)
from qarnot_ext._secrets import Secret
from qarnot_ext._waits import (
    JOB,
    POOL,
    SNAPSHOT,
    TASK,
    TASK_FINAL,
    Progress,
    WaitPolicy,
    check_until,
    is_in,
    wait_async,
    wait_sync,
)
from tests.client._fakes import FakeClock

# -- waits: targets and lifecycles -----------------------------------------------------------------


def test_until_names_are_case_insensitive_and_returned_in_the_api_spelling() -> None:
    assert check_until(TASK, "success") == frozenset({"Success"})
    assert check_until(TASK, ["fullyexecuting", "FAILURE"]) == frozenset({"FullyExecuting", "Failure"})
    assert check_until(JOB, ("completed",)) == frozenset({"Completed"})


@pytest.mark.parametrize("until", [[], (), set(), 3, None])
def test_no_target_state_at_all_is_refused_listing_the_valid_states(until: Any) -> None:
    with pytest.raises(InvalidValueError) as caught:
        check_until(SNAPSHOT, until)
    text = str(caught.value)
    assert "until" in text
    assert "snapshot state" in text
    assert "one of Triggered, InProgress, Success, Failure" in text
    assert repr(until) in text


def test_every_bad_target_is_named_with_the_valid_states() -> None:
    with pytest.raises(InvalidValueError) as caught:
        check_until(JOB, ["Active", "Finished", 7])  # type: ignore[list-item]
    problems = caught.value.problems
    assert [p.text for p in problems] == ["Finished", "7"]
    for problem in problems:
        assert "not a job state" in problem.message
        assert "one of Active, Terminating, Completed, Deleting" in problem.message


def test_is_in_ignores_case_and_none_is_in_nothing() -> None:
    assert is_in("success", TASK_FINAL)
    assert is_in("CANCELLED", TASK_FINAL)
    assert not is_in("PendingCancel", TASK_FINAL)
    assert not is_in(None, TASK_FINAL)
    assert not is_in(None, {"None", ""})


@pytest.mark.parametrize(
    ("lifecycle", "state", "targets", "unreachable"),
    [
        (TASK, None, {"Success"}, False),  # nothing observed yet
        (TASK, "Success", {"success"}, False),  # already a target
        (TASK, "FullyExecuting", {"Success"}, False),  # may lead anywhere
        (TASK, "PendingCancel", {"Success"}, False),  # PendingCancel leads to the end states
        (TASK, "PendingCancel", {"FullyExecuting"}, True),
        (TASK, "success", {"FullyExecuting"}, True),  # the API also sends lower case
        (TASK, "Success", {"PendingDelete"}, False),
        (TASK, "PendingDelete", {"Success"}, True),
        (POOL, "Closing", {"Closed"}, False),
        (POOL, "Closed", {"FullyExecuting"}, True),
        (POOL, "Failure", {"Closing"}, False),
        (JOB, "Terminating", {"Completed"}, False),
        (JOB, "Completed", {"Active"}, True),
        (SNAPSHOT, "Failure", {"Success"}, True),
        (SNAPSHOT, "InProgress", {"Success"}, False),
    ],
)
def test_which_states_end_a_wait_early(
    lifecycle: Any, state: str | None, targets: set[str], unreachable: bool
) -> None:
    assert lifecycle.unreachable(state, targets) is unreachable


# -- waits: the policy ----------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["initial", "multiplier", "cap", "jitter"])
@pytest.mark.parametrize("bad", [-0.001, math.nan, math.inf, True, "1"])
def test_wait_policy_numbers_must_be_finite_and_non_negative(field: str, bad: Any) -> None:
    with pytest.raises(InvalidValueError) as caught:
        WaitPolicy(**{field: bad})
    assert f"WaitPolicy.{field}" in str(caught.value)
    assert "finite, non-negative" in str(caught.value)


def test_wait_policy_accepts_zero_and_integers() -> None:
    policy = WaitPolicy(initial=0, multiplier=2, cap=0, jitter=0)
    assert policy.interval(5, random.Random(1)) == 0.0


def test_the_documented_default_schedule() -> None:
    """1, 1.6, 2.6, 4.1 … seconds, then every 30 s (here without jitter)."""
    policy = WaitPolicy(jitter=0)
    rng = random.Random(0)
    assert [policy.interval(n, rng) for n in range(4)] == pytest.approx([1.0, 1.6, 2.56, 4.096])
    assert policy.interval(20, rng) == 30.0
    # No overflow however many polls were done.
    assert policy.interval(10**9, rng) == 30.0
    assert WaitPolicy().initial == 1.0
    assert WaitPolicy().multiplier == 1.6
    assert WaitPolicy().cap == 30.0
    assert WaitPolicy().jitter == 0.1


def test_jitter_spreads_both_ways_within_its_bound() -> None:
    policy = WaitPolicy(initial=10, multiplier=1, cap=100, jitter=0.25)
    rng = random.Random(42)
    samples = [policy.interval(0, rng) for _ in range(400)]
    assert min(samples) >= 7.5
    assert max(samples) <= 12.5
    assert min(samples) < 8.5  # some below the base ...
    assert max(samples) > 11.5  # ... and some above it


def test_jitter_over_one_never_makes_a_negative_sleep() -> None:
    policy = WaitPolicy(initial=4, multiplier=1, cap=100, jitter=5)
    rng = random.Random(7)
    samples = [policy.interval(0, rng) for _ in range(400)]
    assert min(samples) >= 0.0
    assert max(samples) <= 8.0  # the spread is capped at the base itself
    assert max(samples) > 6.0


# -- waits: progress --------------------------------------------------------------------------------


def _progress(timeout: float | None = 10.0, **kw: Any) -> Progress:
    options: dict[str, Any] = {
        "what": "task t",
        "final": {"Success", "Failure"},
        "timeout": timeout,
        "policy": WaitPolicy(jitter=0),
        "start": 100.0,
    }
    options.update(kw)
    return Progress(**options)


@pytest.mark.parametrize("bad", [-1, -0.5, math.nan, True, False, "10"])
def test_a_wait_timeout_must_be_a_non_negative_number_or_none(bad: Any) -> None:
    with pytest.raises(InvalidValueError) as caught:
        _progress(timeout=bad)
    assert "timeout" in str(caught.value)
    assert "non-negative number of seconds, or None" in str(caught.value)


def test_a_zero_timeout_times_out_at_the_first_sleep() -> None:
    progress = _progress(timeout=0)
    progress.observe("Submitted")
    with pytest.raises(WaitTimeoutError) as caught:
        progress.sleep_for(100.0)
    assert caught.value.last_state == "Submitted"
    assert "within 0 s" in str(caught.value)
    assert "Failure / Success" in str(caught.value)
    assert "1 polls" in str(caught.value)


def test_no_timeout_never_times_out() -> None:
    progress = _progress(timeout=None)
    progress.observe("Submitted")
    assert progress.sleep_for(1e12) == 1.0


def test_the_last_sleep_is_cut_to_the_deadline() -> None:
    progress = _progress(timeout=10.0)
    progress.observe("Submitted")
    assert progress.sleep_for(100.0) == 1.0
    assert progress.sleep_for(109.5) == pytest.approx(0.5)
    with pytest.raises(WaitTimeoutError):
        progress.sleep_for(110.0)


def test_state_changes_are_reported_once_including_the_first_poll() -> None:
    progress = _progress()
    assert progress.observe(None) is True  # the first poll always counts, even without a state
    assert progress.observe(None) is False
    assert progress.observe("Submitted") is True
    assert progress.observe("Submitted") is False
    assert progress.observe("Success") is True
    assert progress.polls == 5
    assert progress.done()


def test_done_ignores_case() -> None:
    progress = _progress()
    progress.observe("success")
    assert progress.done()
    progress.observe("FullyExecuting")
    assert not progress.done()


def test_an_unreachable_target_raises_with_the_state_and_the_resource() -> None:
    progress = _progress(final={"FullyExecuting"}, lifecycle=TASK)
    resource = object()
    progress.observe("Submitted")
    progress.check_reachable(resource)  # may still get there
    progress.observe("Cancelled")
    with pytest.raises(UnreachableStateError) as caught:
        progress.check_reachable(resource)
    assert caught.value.state == "Cancelled"
    assert caught.value.resource is resource
    assert str(caught.value) == "task t is Cancelled, from which FullyExecuting cannot be reached (2 polls)"


def test_without_a_lifecycle_a_wait_never_stops_early() -> None:
    progress = _progress(final={"FullyExecuting"})
    progress.observe("Cancelled")
    progress.check_reachable(None)


# -- waits: the loops -------------------------------------------------------------------------------


def _fetches(*states: str | None) -> Any:
    sequence = list(states)

    def fetch() -> dict[str, str | None]:
        return {"state": sequence.pop(0)}

    return fetch


def test_wait_sync_reports_only_real_states_and_non_empty_output() -> None:
    clock = FakeClock()
    seen: list[str] = []
    chunks = iter(["", "a", "", "b"])
    outputs: list[str] = []
    result = wait_sync(
        _fetches(None, "Submitted", "Submitted", "Success"),
        lambda doc: doc["state"],
        _progress(timeout=None),
        clock,
        on_state=seen.append,
        on_output=outputs.append,
        fetch_output=lambda: next(chunks),
    )
    assert result == {"state": "Success"}
    assert seen == ["Submitted", "Success"]
    assert outputs == ["a", "b"]
    assert clock.sleeps == pytest.approx([1.0, 1.6, 2.56])


def test_wait_sync_stops_at_an_unreachable_state_without_sleeping() -> None:
    clock = FakeClock()
    with pytest.raises(UnreachableStateError):
        wait_sync(
            _fetches("Cancelled"),
            lambda doc: doc["state"],
            _progress(final={"Success"}, lifecycle=TASK),
            clock,
        )
    assert clock.sleeps == []


class _AsyncClock(FakeClock):
    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


def test_wait_async_awaits_coroutine_hooks_and_accepts_plain_ones() -> None:
    clock = _AsyncClock()
    seen: list[str] = []
    outputs: list[str] = []
    sequence = ["Submitted", None, "Success"]
    chunks = iter(["x", "", "y"])

    async def fetch() -> dict[str, str | None]:
        return {"state": sequence.pop(0)}

    async def on_state(state: str) -> None:
        seen.append(state)

    async def fetch_output() -> str:
        return next(chunks)

    async def main() -> Any:
        return await wait_async(
            fetch,
            lambda doc: doc["state"],
            _progress(timeout=None),
            clock,
            on_state=on_state,
            on_output=outputs.append,
            fetch_output=fetch_output,
        )

    assert anyio.run(main) == {"state": "Success"}
    assert seen == ["Submitted", "Success"]
    assert outputs == ["x", "y"]
    assert clock.sleeps == pytest.approx([1.0, 1.6])


def test_wait_async_times_out_with_the_last_state() -> None:
    clock = _AsyncClock()

    async def fetch() -> dict[str, str]:
        return {"state": "Submitted"}

    async def main() -> Any:
        return await wait_async(
            fetch, lambda doc: doc["state"], _progress(timeout=3.0, start=clock.now), clock
        )

    with pytest.raises(WaitTimeoutError) as caught:
        anyio.run(main)
    assert caught.value.last_state == "Submitted"
    assert sum(clock.sleeps) == pytest.approx(3.0)


# -- configuration ----------------------------------------------------------------------------------


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    path = tmp_path / "qarnot.conf"
    path.write_text(
        "[cluster]\nurl = https://file.example\ntimeout = 30\nunsafe = true\n"
        "[client]\ntoken = file-token\n[storage]\nurl = https://storage.file.example\n",
        encoding="utf-8",
    )
    return path


def test_nothing_set_gives_the_documented_defaults() -> None:
    config = resolve_config(env={})
    assert config.base_url == DEFAULT_BASE_URL == "https://api.qarnot.com/v1"
    assert config.token is None
    assert config.timeout == DEFAULT_TIMEOUT
    assert (DEFAULT_TIMEOUT.connect, DEFAULT_TIMEOUT.read, DEFAULT_TIMEOUT.write, DEFAULT_TIMEOUT.pool) == (
        10.0,
        60.0,
        60.0,
        10.0,
    )
    assert config.verify is True
    assert config.storage_url is None
    assert config.proxy is None
    assert config.sources == {}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://api.qarnot.com", "https://api.qarnot.com/v1"),
        ("https://api.qarnot.com/", "https://api.qarnot.com/v1"),
        ("  http://127.0.0.1:8080/v1/  ", "http://127.0.0.1:8080/v1"),
        ("https://host/v2", "https://host/v2"),
        ("https://host/prefix", "https://host/prefix/v1"),
        ("https://host/prefix/v12", "https://host/prefix/v12"),
        ("https://host/version", "https://host/version/v1"),
        ("https://host/v", "https://host/v/v1"),
        ("https://host/x1", "https://host/x1/v1"),
    ],
)
def test_base_urls_end_with_the_api_version(given: str, expected: str) -> None:
    assert normalize_base_url(given) == expected


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ("", "is empty"),
        ("   ", "is empty"),
        ("ftp://host", "http(s) URL with a host"),
        ("https://", "http(s) URL with a host"),
        ("host.example", "http(s) URL with a host"),
        ("https://user:pw@host", "must not embed credentials"),
        ("https://user@host", "must not embed credentials"),
        ("https://:pw@host", "must not embed credentials"),
        ("https://host/v1?x=1", "must not have a query or a fragment"),
        ("https://host/v1#top", "must not have a query or a fragment"),
    ],
)
def test_bad_base_urls_are_config_errors_naming_the_source(given: str, says: str) -> None:
    with pytest.raises(ConfigError) as caught:
        normalize_base_url(given, "environment variable QARNOT_CLUSTER_URL")
    assert says in str(caught.value)
    assert "base URL from environment variable QARNOT_CLUSTER_URL" in str(caught.value)
    assert "pw" not in str(caught.value)


def test_a_base_url_that_is_not_a_string_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="base URL from argument is empty"):
        normalize_base_url(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "value"), [("1", True), ("TRUE", True), (" yes ", True), ("on", True)])
def test_unsafe_accepts_the_documented_true_spellings(text: str, value: bool) -> None:
    config = resolve_config(env={"QARNOT_CLUSTER_UNSAFE": text})
    assert config.verify is False
    assert config.sources["verify"] == "environment variable QARNOT_CLUSTER_UNSAFE"


@pytest.mark.parametrize("text", ["0", "False", "no", "OFF"])
def test_unsafe_accepts_the_documented_false_spellings(text: str) -> None:
    config = resolve_config(env={"QARNOT_CLUSTER_UNSAFE": text})
    assert config.verify is True
    assert config.sources["verify"] == "environment variable QARNOT_CLUSTER_UNSAFE"


def test_an_unsafe_value_that_is_not_a_boolean_names_its_source() -> None:
    with pytest.raises(ConfigError) as caught:
        resolve_config(env={"QARNOT_CLUSTER_UNSAFE": "maybe"})
    assert str(caught.value) == (
        "unsafe from environment variable QARNOT_CLUSTER_UNSAFE must be a boolean "
        "(true/false, 1/0, yes/no), got 'maybe'"
    )


def test_unsafe_as_an_argument_is_a_bool() -> None:
    assert resolve_config(unsafe=True, env={}).verify is False
    config = resolve_config(unsafe=False, env={"QARNOT_CLUSTER_UNSAFE": "true"})
    assert config.verify is True
    assert config.sources["verify"] == "argument"


@pytest.mark.parametrize(
    ("value", "read", "connect"),
    [(30, 30.0, 10.0), ("5", 5.0, 5.0), (" 7.5 ", 7.5, 7.5), (10, 10.0, 10.0), (0.25, 0.25, 0.25)],
)
def test_a_number_timeout_sets_read_write_pool_and_caps_connect_at_ten(
    value: Any, read: float, connect: float
) -> None:
    timeout = resolve_config(timeout=value, env={}).timeout
    assert (timeout.connect, timeout.read, timeout.write, timeout.pool) == (connect, read, read, read)


@pytest.mark.parametrize("bad", [0, -1, "0", "nan", "inf", "-inf", "soon", True, [5], math.inf])
def test_a_timeout_must_be_a_positive_finite_number(bad: Any) -> None:
    with pytest.raises(ConfigError) as caught:
        resolve_config(timeout=bad, env={})
    assert str(caught.value).startswith("timeout from argument must be a ")
    assert "number of seconds" in str(caught.value)


def test_a_timeout_from_the_environment_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="timeout from environment variable QARNOT_CLUSTER_TIMEOUT must be"):
        resolve_config(env={"QARNOT_CLUSTER_TIMEOUT": "-3"})
    config = resolve_config(env={"QARNOT_CLUSTER_TIMEOUT": "12"})
    assert config.timeout.read == 12.0
    assert config.sources["timeout"] == "environment variable QARNOT_CLUSTER_TIMEOUT"


@pytest.mark.parametrize("part", ["connect", "read", "write", "pool"])
def test_an_httpx_timeout_must_be_finite_in_every_part(part: str) -> None:
    parts: dict[str, float | None] = {"connect": 1.0, "read": 2.0, "write": 3.0, "pool": 4.0}
    parts[part] = None
    with pytest.raises(ConfigError) as caught:
        resolve_config(timeout=httpx.Timeout(**parts), env={})
    assert f"the {part} timeout must be finite" in str(caught.value)
    parts[part] = -1.0
    with pytest.raises(ConfigError) as caught:
        resolve_config(timeout=httpx.Timeout(**parts), env={})
    assert f"({part})" in str(caught.value)


def test_a_finite_httpx_timeout_is_kept_as_given() -> None:
    given = httpx.Timeout(connect=1.0, read=2.0, write=3.0, pool=4.0)
    assert resolve_config(timeout=given, env={}).timeout is given


def test_the_explicit_file_beats_the_environment_setting_by_setting(ini: Path) -> None:
    env = {
        "QARNOT_CLUSTER_URL": "https://env.example",
        "QARNOT_CLIENT_TOKEN": "env-token",
        "QARNOT_CLUSTER_TIMEOUT": "5",
        "QARNOT_STORAGE_URL": "https://storage.env.example",
    }
    config = resolve_config(config_file=ini, env=env)
    assert config.base_url == "https://file.example/v1"
    assert config.token is not None
    assert config.token.reveal() == "file-token"
    assert config.timeout.read == 30.0
    assert config.verify is False
    assert config.storage_url == "https://storage.file.example"
    assert config.sources == {
        "base_url": f"{ini} [cluster] url",
        "token": f"{ini} [client] token",
        "timeout": f"{ini} [cluster] timeout",
        "verify": f"{ini} [cluster] unsafe",
        "storage_url": f"{ini} [storage] url",
    }


def test_the_file_named_by_the_environment_is_below_the_other_variables(ini: Path) -> None:
    env = {"QARNOT_CONFIG_FILE": f" {ini} ", "QARNOT_CLUSTER_URL": "https://env.example"}
    config = resolve_config(env=env)
    assert config.base_url == "https://env.example/v1"
    assert config.sources["base_url"] == "environment variable QARNOT_CLUSTER_URL"
    assert config.token is not None
    assert config.token.reveal() == "file-token"
    assert config.sources["token"] == f"{ini} [client] token"


def test_a_blank_environment_variable_does_not_count(ini: Path) -> None:
    config = resolve_config(config_file=None, env={"QARNOT_CLUSTER_URL": "  ", "QARNOT_CONFIG_FILE": "  "})
    assert config.base_url == DEFAULT_BASE_URL
    assert config.sources == {}


def test_the_token_may_come_from_the_auth_key_and_blank_keys_do_not_count(tmp_path: Path) -> None:
    path = tmp_path / "auth.conf"
    path.write_text("[client]\ntoken =   \nauth = the-auth\n[cluster]\nurl =\n", encoding="utf-8")
    config = resolve_config(config_file=path, env={"QARNOT_CLUSTER_URL": "https://env.example"})
    assert config.token is not None
    assert config.token.reveal() == "the-auth"
    assert config.sources["token"] == f"{path} [client] auth"
    # A blank key in the explicit file does not hide the environment variable.
    assert config.base_url == "https://env.example/v1"


@pytest.mark.parametrize("token", ["", "   "])
def test_an_empty_token_is_refused(token: str) -> None:
    with pytest.raises(ConfigError, match="token from argument is empty"):
        resolve_config(token=token, env={})


def test_a_token_that_is_not_a_string_is_refused_by_type() -> None:
    with pytest.raises(ConfigError, match="token from argument must be a str or a Secret, not int"):
        resolve_config(token=5, env={})  # type: ignore[arg-type]


def test_unreadable_and_invalid_files_name_their_source(tmp_path: Path) -> None:
    missing = tmp_path / "missing.conf"
    with pytest.raises(ConfigError) as caught:
        resolve_config(config_file=missing, env={})
    assert str(caught.value).startswith(f"cannot read the config file {str(missing)!r} (from argument): ")
    with pytest.raises(ConfigError) as caught:
        resolve_config(env={"QARNOT_CONFIG_FILE": str(missing)})
    assert "(from environment variable QARNOT_CONFIG_FILE)" in str(caught.value)
    broken = tmp_path / "broken.conf"
    broken.write_text("url = no section\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        resolve_config(config_file=broken, env={})
    assert f"the config file {str(broken)!r} (from argument) is not a valid INI file" in str(caught.value)


def test_ini_values_are_read_without_interpolation(tmp_path: Path) -> None:
    path = tmp_path / "pct.conf"
    path.write_text("[client]\ntoken = 100%secret\n", encoding="utf-8")
    config = resolve_config(config_file=path, env={})
    assert config.token is not None
    assert config.token.reveal() == "100%secret"


def test_a_ca_bundle_from_the_file_is_used_unless_unsafe(tmp_path: Path) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_text("not really a certificate\n", encoding="utf-8")
    path = tmp_path / "ca.conf"
    path.write_text(f"[cluster]\ncustom_certificate = {bundle}\nunsafe = false\n", encoding="utf-8")
    config = resolve_config(config_file=path, env={})
    assert config.verify == str(bundle)
    assert config.sources["verify"] == f"{path} [cluster] custom_certificate"
    assert resolve_config(config_file=path, unsafe=True, env={}).verify is False


def test_a_missing_ca_bundle_is_refused_naming_its_source(tmp_path: Path) -> None:
    path = tmp_path / "ca.conf"
    path.write_text("[cluster]\ncustom_certificate = /nonexistent/ca.pem\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        resolve_config(config_file=path, env={})
    assert str(caught.value) == (
        f"CA bundle '/nonexistent/ca.pem' from {path} [cluster] custom_certificate does not exist"
    )
    with pytest.raises(ConfigError, match="from argument does not exist"):
        resolve_config(verify="/nonexistent/ca.pem", env={})


def test_verify_wins_over_unsafe_and_must_have_a_known_type(tmp_path: Path) -> None:
    config = resolve_config(verify=True, unsafe=True, env={"QARNOT_CLUSTER_UNSAFE": "1"})
    assert config.verify is True
    assert config.sources["verify"] == "argument"
    with pytest.raises(ConfigError) as caught:
        resolve_config(verify=3, env={})  # type: ignore[arg-type]
    assert str(caught.value) == (
        "verify from argument must be a bool, a CA bundle path or an SSLContext, not int"
    )


@pytest.mark.parametrize(
    "url", ["ftp://s3.example", "https://", "s3.example", "https://k:s@s3.example", "https://k@s3.example"]
)
def test_a_storage_url_must_be_http_with_a_host_and_no_credentials(url: str) -> None:
    with pytest.raises(ConfigError) as caught:
        resolve_config(storage_url=url, env={})
    assert str(caught.value) == (
        "storage URL from argument must be an http(s) URL with a host and no credentials"
    )


def test_a_storage_url_is_stripped_and_sourced() -> None:
    config = resolve_config(env={"QARNOT_STORAGE_URL": " http://127.0.0.1:9000 "})
    assert config.storage_url == "http://127.0.0.1:9000"
    assert config.sources["storage_url"] == "environment variable QARNOT_STORAGE_URL"


@pytest.mark.parametrize("proxy", ["http://p:3128", "https://p", "socks5://p:1080", "socks5h://p:1080"])
def test_documented_proxy_schemes_are_accepted(proxy: str) -> None:
    config = resolve_config(proxy=proxy, env={})
    assert config.proxy == proxy
    assert config.sources["proxy"] == "argument"


@pytest.mark.parametrize("proxy", ["ftp://p", "http://", "p:3128"])
def test_other_proxies_are_refused(proxy: str) -> None:
    with pytest.raises(ConfigError, match="proxy from argument must be an http"):
        resolve_config(proxy=proxy, env={})


def test_the_token_and_proxy_stay_out_of_the_repr() -> None:
    config = resolve_config(token="tok-SECRET-xyz", proxy="http://p:3128", env={})
    assert "tok-SECRET-xyz" not in repr(config)
    assert "p:3128" not in repr(config)


# -- retries: the policy ----------------------------------------------------------------------------

DOCUMENTED_RETRY_STATUSES = {408, 425, 429, 500, 502, 503, 504}


def test_the_documented_retry_defaults() -> None:
    policy = RetryPolicy()
    assert policy.max_attempts == 5
    assert policy.base == 0.5
    assert policy.cap == 30.0
    assert policy.deadline == 120.0
    assert policy.statuses == DOCUMENTED_RETRY_STATUSES


@pytest.mark.parametrize(("field", "bad"), [("base", -1), ("cap", math.nan), ("base", True), ("cap", "1")])
def test_retry_backoff_numbers_must_be_non_negative(field: str, bad: Any) -> None:
    with pytest.raises(InvalidValueError) as caught:
        RetryPolicy(**{field: bad})
    assert f"RetryPolicy.{field}" in str(caught.value)
    assert "must be a non-negative number" in str(caught.value)


@pytest.mark.parametrize("bad", [0, -1, True, 2.0, "3"])
def test_max_attempts_must_be_an_int_of_at_least_one(bad: Any) -> None:
    with pytest.raises(InvalidValueError) as caught:
        RetryPolicy(max_attempts=bad)
    assert "RetryPolicy.max_attempts" in str(caught.value)
    assert "must be an int >= 1" in str(caught.value)


def test_the_deadline_must_be_finite_and_non_negative() -> None:
    with pytest.raises(InvalidValueError, match="must be finite"):
        RetryPolicy(deadline=math.inf)
    with pytest.raises(InvalidValueError, match="must be a non-negative number"):
        RetryPolicy(deadline=-1)
    assert RetryPolicy(deadline=0, base=0, cap=0, max_attempts=1).deadline == 0


def test_backoff_is_full_jitter_under_a_doubling_capped_ceiling() -> None:
    policy = RetryPolicy(base=1.0, cap=5.0)
    rng = random.Random(3)
    for retry, ceiling in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 5.0), (10, 5.0)]:
        samples = [policy.backoff(retry, rng) for _ in range(300)]
        assert min(samples) >= 0.0
        assert max(samples) <= ceiling
        assert max(samples) > 0.9 * ceiling
        assert min(samples) < 0.1 * ceiling


def _delay(policy: RetryPolicy, **kw: Any) -> float | None:
    options: dict[str, Any] = {
        "attempt": 1,
        "elapsed": 0.0,
        "idempotent": True,
        "status": 503,
        "retry_after": None,
        "rng": random.Random(0),
    }
    options.update(kw)
    return policy.delay(**options)


@pytest.mark.parametrize("status", sorted(DOCUMENTED_RETRY_STATUSES))
def test_every_documented_status_is_retried(status: int) -> None:
    assert _delay(RetryPolicy(), status=status, retry_after=2.0) == 2.0


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 501, 505])
def test_other_statuses_are_not_retried(status: int) -> None:
    assert _delay(RetryPolicy(), status=status, retry_after=2.0) is None


def test_delay_stops_at_the_attempt_budget_and_for_creations() -> None:
    policy = RetryPolicy(max_attempts=3)
    assert _delay(policy, attempt=2, retry_after=1.0) == 1.0
    assert _delay(policy, attempt=3, retry_after=1.0) is None
    assert _delay(policy, idempotent=False, retry_after=1.0) is None
    assert _delay(policy, status=None, retry_after=1.0) == 1.0  # a transport error


def test_retry_after_is_honoured_up_to_the_deadline_inclusive() -> None:
    policy = RetryPolicy(deadline=10.0)
    assert _delay(policy, elapsed=4.0, retry_after=6.0) == 6.0
    assert _delay(policy, elapsed=4.0, retry_after=6.5) is None
    assert _delay(policy, elapsed=0.0, retry_after=0.0) == 0.0


def test_without_retry_after_the_delay_is_the_backoff_of_that_retry() -> None:
    policy = RetryPolicy(base=1.0, cap=100.0)
    for attempt in (1, 2, 3):
        expected = policy.backoff(attempt, random.Random(5))
        assert _delay(policy, attempt=attempt, rng=random.Random(5)) == expected
    assert expected > 2.0  # the third attempt's ceiling is 4 s, not 1 s


# -- retries: the transports ------------------------------------------------------------------------


class _Script:
    """An inner transport answering from a list: statuses, headers, or exceptions to raise."""

    def __init__(self, *steps: Any) -> None:
        self.steps = list(steps)
        self.requests: list[httpx.Request] = []
        self.timeouts: list[dict[str, float]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.timeouts.append(dict(request.extensions["timeout"]))
        step = self.steps.pop(0) if len(self.steps) > 1 else self.steps[0]
        if isinstance(step, Exception):
            raise step
        status, headers = step if isinstance(step, tuple) else (step, {})
        return httpx.Response(status, headers=headers, json={})


def _sync(script: _Script, policy: RetryPolicy, clock: FakeClock, base: str = "/v1") -> httpx.Client:
    transport = RetryingTransport(
        httpx.MockTransport(script), policy, clock, base_path=base, rng=random.Random(1)
    )
    return httpx.Client(transport=transport, base_url="https://api.example" + base)


def test_a_get_is_retried_on_a_documented_status_and_keeps_its_request_id() -> None:
    clock = FakeClock()
    script = _Script((503, {"Retry-After": "2"}), 200)
    with _sync(script, RetryPolicy(), clock) as client:
        assert client.get("/tasks").status_code == 200
    assert clock.sleeps == [2.0]
    ids = {r.headers["X-Request-Id"] for r in script.requests}
    assert len(ids) == 1
    assert len(script.requests) == 2
    assert str(uuid.UUID(ids.pop())) != ""


def test_a_given_request_id_is_kept() -> None:
    script = _Script(200)
    with _sync(script, RetryPolicy(), FakeClock()) as client:
        client.get("/tasks", headers={"X-Request-Id": "mine"})
    assert script.requests[0].headers["X-Request-Id"] == "mine"


def test_success_and_final_statuses_are_returned_as_they_are() -> None:
    for status in (200, 302, 404):
        clock = FakeClock()
        script = _Script(status)
        with _sync(script, RetryPolicy(), clock) as client:
            assert client.get("/tasks").status_code == status
        assert clock.sleeps == []
        assert len(script.requests) == 1


def test_the_path_relative_to_the_api_root_decides_idempotency() -> None:
    # POST /tasks/paginate is a read, POST /tasks a creation: only the first is retried.
    clock = FakeClock()
    script = _Script(503, 200)
    with _sync(script, RetryPolicy(), clock) as client:
        assert client.post("/tasks/paginate", json={}).status_code == 200
    assert len(script.requests) == 2
    script = _Script(503, 200)
    with _sync(script, RetryPolicy(), clock) as client:
        assert client.post("/tasks", json={}).status_code == 503
    assert len(script.requests) == 1


def test_the_idempotency_mark_beats_the_lookup() -> None:
    script = _Script(503, 200)
    with _sync(script, RetryPolicy(), FakeClock()) as client:
        request = client.build_request("POST", "/tasks", json={}, extensions={IDEMPOTENT_EXTENSION: True})
        assert client.send(request).status_code == 200
    assert len(script.requests) == 2
    script = _Script(503, 200)
    with _sync(script, RetryPolicy(), FakeClock()) as client:
        request = client.build_request("GET", "/tasks", extensions={IDEMPOTENT_EXTENSION: False})
        assert client.send(request).status_code == 503
    assert len(script.requests) == 1


def test_attempt_timeouts_are_cut_to_the_time_left() -> None:
    clock = FakeClock()
    script = _Script((503, {"Retry-After": "95"}), 200)
    policy = RetryPolicy(deadline=100.0)
    with _sync(script, policy, clock) as client:
        client.get("/tasks", timeout=httpx.Timeout(connect=10.0, read=60.0, write=None, pool=1.0))
    assert script.timeouts[0] == {"connect": 10.0, "read": 60.0, "write": 100.0, "pool": 1.0}
    assert script.timeouts[1] == {"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 1.0}


def test_a_transport_error_that_is_not_retried_names_where_and_how_long() -> None:
    clock = FakeClock()
    script = _Script(httpx.ConnectError("refused"))
    policy = RetryPolicy(max_attempts=3, base=1.0, cap=1.0)
    with _sync(script, policy, clock) as client, pytest.raises(TransportError) as caught:
        client.get("https://api.example/v1/tasks?token=hidden")
    error = caught.value
    assert not isinstance(error, APITimeoutError)
    assert (error.method, error.path, error.host, error.port, error.attempts) == (
        "GET",
        "/v1/tasks",
        "api.example",
        443,
        3,
    )
    assert error.elapsed == pytest.approx(sum(clock.sleeps))
    assert "ConnectError: refused" in str(error)
    assert "hidden" not in str(error)


def test_a_timeout_is_an_api_timeout_error_on_port_80_for_http() -> None:
    script = _Script(httpx.ReadTimeout("slow"))
    transport = RetryingTransport(httpx.MockTransport(script), RetryPolicy(max_attempts=1), FakeClock())
    with httpx.Client(transport=transport) as client, pytest.raises(APITimeoutError) as caught:
        client.get("http://plain.example/v1/tasks")
    assert caught.value.port == 80
    assert caught.value.attempts == 1


def test_an_error_without_text_is_named_by_its_type() -> None:
    script = _Script(httpx.RemoteProtocolError(""))
    transport = RetryingTransport(httpx.MockTransport(script), RetryPolicy(max_attempts=1), FakeClock())
    with httpx.Client(transport=transport) as client, pytest.raises(TransportError) as caught:
        client.get("http://plain.example:8080/v1/tasks")
    assert str(caught.value).startswith("RemoteProtocolError (GET plain.example:8080/v1/tasks)")


def test_a_creation_whose_answer_was_lost_is_outcome_unknown_with_its_request_id() -> None:
    script = _Script(httpx.ReadError("reset"))
    with _sync(script, RetryPolicy(), FakeClock()) as client, pytest.raises(OutcomeUnknownError) as caught:
        client.post("/tasks", json={}, headers={"X-Request-Id": "req-1"})
    assert caught.value.request_id == "req-1"
    assert len(script.requests) == 1


def test_a_creation_that_never_left_is_a_plain_transport_error() -> None:
    script = _Script(httpx.ConnectError("refused"))
    with _sync(script, RetryPolicy(), FakeClock()) as client, pytest.raises(TransportError) as caught:
        client.post("/tasks", json={})
    assert not isinstance(caught.value, OutcomeUnknownError)


def test_no_attempt_starts_after_the_deadline() -> None:
    clock = FakeClock()
    script = _Script(httpx.ConnectError("refused"))
    policy = RetryPolicy(max_attempts=1, deadline=0.0)
    with _sync(script, policy, clock) as client, pytest.raises(APITimeoutError) as caught:
        client.get("/tasks")
    assert script.requests == []
    assert caught.value.attempts == 0
    assert "the retry deadline passed before another attempt could start" in str(caught.value)
    assert caught.value.port == 443


def test_retries_are_logged_at_debug_without_headers(caplog: pytest.LogCaptureFixture) -> None:
    script = _Script((503, {"Retry-After": "1"}), httpx.ConnectError("refused"), 200)
    with (
        caplog.at_level(logging.DEBUG, logger="qarnot_ext.http"),
        _sync(script, RetryPolicy(), FakeClock()) as client,
    ):
        client.get("/tasks", headers={"Authorization": "tok-SECRET"})
    messages = [r.getMessage() for r in caplog.records if r.name == "qarnot_ext.http"]
    assert messages[0] == "retrying GET /v1/tasks after status 503 (attempt 1) in 1.000 s"
    assert messages[1].startswith("retrying GET /v1/tasks after ConnectError (attempt 2) in ")
    assert all(r.levelno == logging.DEBUG for r in caplog.records if r.name == "qarnot_ext.http")
    assert "tok-SECRET" not in caplog.text


def test_the_async_transport_retries_and_maps_errors_the_same_way() -> None:
    clock = _AsyncClock()
    script = _Script((503, {"Retry-After": "2"}), httpx.ConnectError("refused"))

    async def main() -> None:
        transport = AsyncRetryingTransport(
            httpx.MockTransport(script), RetryPolicy(max_attempts=2), clock, base_path="/v1"
        )
        async with httpx.AsyncClient(transport=transport, base_url="https://api.example/v1") as client:
            await client.get("/tasks")

    with pytest.raises(TransportError) as caught:
        anyio.run(main)
    assert caught.value.attempts == 2
    assert clock.sleeps == [2.0]
    assert len({r.headers["X-Request-Id"] for r in script.requests}) == 1


def test_token_auth_sends_the_raw_token_and_hides_it() -> None:
    script = _Script(200)
    auth = TokenAuth(Secret("tok-raw"))
    with httpx.Client(transport=httpx.MockTransport(script), auth=auth) as client:
        client.get("https://api.example/v1/tasks", extensions={"timeout": {}})
    assert script.requests[0].headers["Authorization"] == "tok-raw"
    assert repr(auth) == "TokenAuth(***)"


def test_error_statuses_raise_api_errors_and_others_pass() -> None:
    request = httpx.Request("GET", "https://api.example/v1/tasks/x")
    raise_for_api_error(httpx.Response(399, request=request))
    with pytest.raises(APIError) as caught:
        raise_for_api_error(httpx.Response(400, request=request, json={"message": "bad"}))
    assert caught.value.status == 400

    async def main() -> None:
        await araise_for_api_error(httpx.Response(399, request=request))
        await araise_for_api_error(httpx.Response(404, request=request, text="gone"))

    with pytest.raises(APIError) as caught:
        anyio.run(main)
    assert caught.value.status == 404


# -- retries: what is said, and the remaining edges ---------------------------------------------------


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("max_attempts", 0, "must be an int >= 1"),
        ("base", -2, "must be a non-negative number"),
        ("deadline", math.inf, "must be finite"),
        ("deadline", -1.5, "must be a non-negative number"),
    ],
)
def test_retry_policy_errors_show_the_value(field: str, bad: Any, message: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        RetryPolicy(**{field: bad})
    assert list(caught.value.problems) == [Problem(repr(bad), message)]
    assert str(caught.value) == f"invalid RetryPolicy.{field}: {repr(bad)!r}: {message}"


def test_the_deadline_error_names_the_request_and_the_time() -> None:
    clock = FakeClock()
    script = _Script((503, {"Retry-After": "10"}), 200)
    policy = RetryPolicy(deadline=10.0)
    transport = RetryingTransport(httpx.MockTransport(script), policy, clock)
    with httpx.Client(transport=transport) as client, pytest.raises(APITimeoutError) as caught:
        client.get("http://plain.example/v1/tasks")
    error = caught.value
    assert (error.method, error.path, error.host, error.port, error.attempts) == (
        "GET",
        "/v1/tasks",
        "plain.example",
        80,
        1,
    )
    assert error.elapsed == 10.0
    assert str(error) == (
        "the retry deadline passed before another attempt could start "
        "(GET plain.example:80/v1/tasks) after 1 attempt in 10.0 s"
    )


def test_the_async_transport_also_stops_at_the_deadline() -> None:
    clock = _AsyncClock()
    script = _Script(200)

    async def main() -> None:
        transport = AsyncRetryingTransport(httpx.MockTransport(script), RetryPolicy(deadline=0.0), clock)
        async with httpx.AsyncClient(transport=transport) as client:
            await client.get("https://api.example/v1/tasks")

    with pytest.raises(APITimeoutError) as caught:
        anyio.run(main)
    assert caught.value.attempts == 0
    assert script.requests == []


def test_an_attempt_with_less_than_a_second_left_still_starts() -> None:
    clock = FakeClock()
    script = _Script((503, {"Retry-After": "9"}), 200)
    with _sync(script, RetryPolicy(deadline=9.5), clock) as client:
        assert client.get("/tasks").status_code == 200
    assert script.timeouts[1] == dict.fromkeys(("connect", "read", "write", "pool"), 0.5)


def test_a_zero_timeout_stays_zero() -> None:
    script = _Script(200)
    with _sync(script, RetryPolicy(), FakeClock()) as client:
        client.get("/tasks", timeout=httpx.Timeout(5.0, pool=0.0))
    assert script.timeouts[0]["pool"] == 0.0


def test_a_request_without_timeouts_gets_the_time_left_for_each() -> None:
    script = _Script(200)
    transport = RetryingTransport(httpx.MockTransport(script), RetryPolicy(deadline=42.0), FakeClock())
    request = httpx.Request("GET", "https://api.example/v1/tasks")
    request.extensions.pop("timeout", None)
    assert transport.handle_request(request).status_code == 200
    assert script.timeouts[0] == dict.fromkeys(("connect", "read", "write", "pool"), 42.0)


def test_a_path_outside_the_api_root_is_looked_up_as_it_is() -> None:
    # POST /v2/tasks/paginate is not the paginate read of the API under /v1: not repeatable.
    script = _Script(503, 200)
    with _sync(script, RetryPolicy(), FakeClock()) as client:
        assert client.post("https://api.example/v2/tasks/paginate", json={}).status_code == 503
    assert len(script.requests) == 1


@pytest.mark.parametrize("base", ["/v1/", "/API-X/"])
def test_the_api_root_may_end_with_a_slash(base: str) -> None:
    script = _Script(503, 200)
    transport = RetryingTransport(httpx.MockTransport(script), RetryPolicy(), FakeClock(), base_path=base)
    with httpx.Client(transport=transport) as client:
        path = base.rstrip("/") + "/tasks/paginate"
        assert client.post("https://api.example" + path, json={}).status_code == 200
    assert len(script.requests) == 2


def test_the_jitter_comes_from_the_given_rng() -> None:
    for make in (RetryingTransport, AsyncRetryingTransport):
        clock = _AsyncClock()
        script = _Script(503, 200)
        policy = RetryPolicy(base=8.0, cap=8.0)
        transport: Any = make(httpx.MockTransport(script), policy, clock, rng=random.Random(99))
        expected = policy.backoff(1, random.Random(99))

        async def send(transport: Any = transport) -> None:
            async with httpx.AsyncClient(transport=transport) as client:
                await client.get("https://api.example/v1/tasks")

        if make is RetryingTransport:
            with httpx.Client(transport=transport) as client:
                client.get("https://api.example/v1/tasks")
        else:
            anyio.run(send)
        assert clock.sleeps == [expected]


def test_statuses_are_configurable_even_below_500() -> None:
    clock = FakeClock()
    script = _Script((400, {"Retry-After": "1"}), 200)
    # The attrs plugin types the `frozenset` converter's argument as a bare type variable.
    policy = RetryPolicy(statuses=frozenset([400]))  # type: ignore[list-item]
    with _sync(script, policy, clock) as client:
        assert client.get("/tasks").status_code == 200
    assert clock.sleeps == [1.0]


def test_the_lost_answer_message_says_what_to_do() -> None:
    script = _Script(httpx.ReadError("reset"))
    with _sync(script, RetryPolicy(), FakeClock()) as client, pytest.raises(OutcomeUnknownError) as caught:
        client.post("/tasks", json={})
    error = caught.value
    assert (error.method, error.path, error.host, error.port, error.attempts) == (
        "POST",
        "/v1/tasks",
        "api.example",
        443,
        1,
    )
    assert str(error).startswith(
        "the answer was lost after the request was sent (ReadError: reset); it was not retried because "
        "it is not repeatable: check whether it took effect before sending it again; request id "
    )
    assert str(error).endswith("(POST api.example:443/v1/tasks) after 1 attempt in 0.0 s")


def test_the_system_clock() -> None:
    clock = SystemClock()
    assert repr(clock) == "SystemClock()"
    before = clock.monotonic()
    clock.sleep(0.001)
    anyio.run(clock.asleep, 0.001)
    assert clock.monotonic() > before


# -- waits and configuration: exact texts and the remaining edges -------------------------------------


@pytest.mark.parametrize("bad", [-1, math.nan])
def test_wait_policy_errors_show_the_value(bad: float) -> None:
    with pytest.raises(InvalidValueError) as caught:
        WaitPolicy(cap=bad)
    assert caught.value.kind == "WaitPolicy.cap"
    assert list(caught.value.problems) == [Problem(repr(bad), "must be a finite, non-negative number")]


def test_until_and_timeout_errors_are_named_so() -> None:
    with pytest.raises(InvalidValueError) as caught:
        check_until(TASK, [])
    assert caught.value.kind == "until"
    with pytest.raises(InvalidValueError) as caught:
        _progress(timeout=-3)
    assert caught.value.kind == "timeout"
    assert list(caught.value.problems) == [
        Problem("-3", "expected a non-negative number of seconds, or None")
    ]


def test_output_is_fetched_only_when_someone_reads_it() -> None:
    def unwanted() -> str:
        raise AssertionError("fetch_output called without on_output")

    async def aunwanted() -> str:
        raise AssertionError("fetch_output called without on_output")

    wait_sync(_fetches("Success"), lambda doc: doc["state"], _progress(), FakeClock(), fetch_output=unwanted)

    async def fetch() -> dict[str, str]:
        return {"state": "Success"}

    async def main() -> Any:
        return await wait_async(
            fetch, lambda doc: doc["state"], _progress(), _AsyncClock(), fetch_output=aunwanted
        )

    assert anyio.run(main) == {"state": "Success"}


def test_a_wait_timing_out_before_any_poll_has_no_last_state() -> None:
    progress = _progress(timeout=0)
    assert progress.last_state is None
    with pytest.raises(WaitTimeoutError) as caught:
        progress.sleep_for(100.0)
    assert caught.value.last_state is None
    assert "(last state None, 0 polls)" in str(caught.value)


def test_the_unreachable_message_lists_every_target() -> None:
    progress = _progress(final={"Success", "FullyExecuting"}, lifecycle=TASK)
    progress.observe("PendingDelete")
    with pytest.raises(UnreachableStateError) as caught:
        progress.check_reachable(None)
    assert str(caught.value) == (
        "task t is PendingDelete, from which FullyExecuting / Success cannot be reached (1 polls)"
    )


def test_a_base_url_path_ending_in_x_keeps_it() -> None:
    assert normalize_base_url("https://host/X/") == "https://host/X/v1"


def test_without_env_the_process_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QARNOT_CLUSTER_URL", "https://from-process.example")
    monkeypatch.delenv("QARNOT_CONFIG_FILE", raising=False)
    config = resolve_config()
    assert config.base_url == "https://from-process.example/v1"
    assert config.sources["base_url"] == "environment variable QARNOT_CLUSTER_URL"


def test_the_proxy_error_text() -> None:
    with pytest.raises(ConfigError) as caught:
        resolve_config(proxy="ftp://p", env={})
    assert str(caught.value) == "proxy from argument must be an http(s) or socks5 URL with a host"
