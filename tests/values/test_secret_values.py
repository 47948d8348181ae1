"""Secret, SecretConstant, masked constants, SecretsAccess and RedactingFilter: nothing leaks."""

from __future__ import annotations

import copy
import io
import logging
import pickle
from typing import Any, cast

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from qarnot_ext._errors import InvalidTypeError, InvalidValueError
from qarnot_ext._secrets import (
    MASKED,
    MASKED_VALUE,
    MaskedSecret,
    MaskedSecretError,
    RedactingFilter,
    Secret,
    SecretConstant,
    SecretKeyError,
    SecretsAccess,
    _Registry,
    constants_for_resubmission,
    read_constants,
    register_secret,
    render_constants,
    unregister_secret,
)
from tests.strategies import constant_keys, log_safe_secret_values, secret_values

# -- Secret ------------------------------------------------------------------------------------


def test_secret_never_shows_itself() -> None:
    token = Secret("s3cr3t-value")
    assert repr(token) == "Secret('***')"
    assert str(token) == "***"
    assert f"{token}" == "***"
    assert f"{token!r}" == "Secret('***')"
    assert f"{token:>5}" == "  ***"
    assert "%s %r" % (token, token) == "*** Secret('***')"  # noqa: UP031
    assert repr([token, {"t": token}]) == "[Secret('***'), {'t': Secret('***')}]"
    assert token.reveal() == "s3cr3t-value"


def test_secret_equality_hash_copy_and_immutability() -> None:
    token = Secret("abc")
    assert token == Secret("abc")
    assert token != Secret("abd")
    assert token != "abc"
    assert Secret(token) == token
    assert Secret.coerce(token) is token
    assert hash(token) == hash(Secret("abc"))
    assert len({Secret("a"), Secret("a"), Secret("b")}) == 2
    assert copy.copy(token) is token
    assert copy.deepcopy({"k": token})["k"] is token
    assert Secret("é\u00ff") == Secret("é\u00ff")  # compare_digest on str would reject non-ASCII
    with pytest.raises(AttributeError):
        token._value = "other"
    with pytest.raises(AttributeError):
        del token._value


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_secret_refuses_pickling(protocol: int) -> None:
    with pytest.raises(InvalidTypeError, match="cannot be pickled"):
        pickle.dumps(Secret("abc"), protocol=protocol)
    with pytest.raises(InvalidTypeError, match="cannot be pickled"):
        pickle.dumps({"config": [Secret("abc")]}, protocol=protocol)


def test_secret_type_errors_do_not_quote_the_value() -> None:
    with pytest.raises(InvalidTypeError) as info:
        Secret(b"bytes-secret")  # type: ignore[arg-type]
    assert "bytes-secret" not in str(info.value)
    assert "bytes" in str(info.value)


def test_attrs_asdict_keeps_secrets_wrapped() -> None:
    @attrs.frozen
    class Config:
        token: Secret = attrs.field(repr=False)

    dumped = attrs.asdict(Config(Secret("abc")))
    assert dumped == {"token": Secret("abc")}
    assert "abc" not in repr(dumped)


@given(secret_values, secret_values)
def test_what_a_secret_shows_does_not_depend_on_its_value(a: str, b: str) -> None:
    sa, sb = Secret(a), Secret(b)
    assert (repr(sa), str(sa), format(sa, "^9")) == (repr(sb), str(sb), format(sb, "^9"))
    assert repr(SecretConstant("K", sa)) == repr(SecretConstant("K", sb))
    assert (sa == sb) == (a == b)


# -- SecretConstant and render_constants --------------------------------------------------------


def test_secret_constant_renders_the_constant_and_its_alias() -> None:
    plain = SecretConstant("API_KEY", Secret("k3y"))
    assert plain.key == "QARNOT_SECRET__API_KEY"
    assert plain.reference == "${QARNOT_SECRET__API_KEY}"
    assert plain.to_wire() == [{"key": "QARNOT_SECRET__API_KEY", "value": "k3y"}]
    aliased = SecretConstant("API_KEY", "k3y", alias=True)
    assert aliased.alias_key == "API_KEY"
    assert aliased.to_wire()[1] == {"key": "API_KEY", "value": "${QARNOT_SECRET__API_KEY}"}
    other = SecretConstant("QARNOT_SECRET__API_KEY", "k3y", alias="TOKEN")  # full key accepted
    assert other.name == "API_KEY"
    assert other.to_wire()[1]["key"] == "TOKEN"
    assert "k3y" not in repr(aliased)
    assert "k3y" not in str(attrs.asdict(aliased))


def test_secret_constant_reports_every_problem_without_the_value() -> None:
    value = "v" * 2049
    with pytest.raises(SecretKeyError) as info:
        SecretConstant("bad key/é", value, alias="QARNOT_SECRET__X")
    problems = info.value.problems
    assert [(p.text, p.position) for p in problems[:3]] == [
        ("bad key/é", 3),
        ("bad key/é", 7),
        ("bad key/é", 8),
    ]
    assert "2049 characters" in problems[3].message
    assert problems[3].text == "QARNOT_SECRET__bad key/é"
    assert "must not start with" in problems[4].message
    assert value not in str(info.value)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, InvalidValueError)


@pytest.mark.parametrize(
    ("build", "fragment"),
    [
        (lambda: SecretConstant("", "x"), "empty"),
        (lambda: SecretConstant("X" * 2034, "x"), "would exceed 2048"),
        (lambda: SecretConstant("X", "[SECRET]"), "the server's mask"),
        (lambda: SecretConstant("X", "x", alias="bad alias"), "not allowed"),
    ],
)
def test_secret_constant_rejects(build: Any, fragment: str) -> None:
    with pytest.raises(SecretKeyError, match=fragment):
        build()


def test_secret_constant_type_errors() -> None:
    with pytest.raises(InvalidTypeError):
        SecretConstant(3, "x")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        SecretConstant("X", 3)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        SecretConstant("X", "x", alias=3)  # type: ignore[arg-type]


def test_render_constants() -> None:
    mixed: dict[str, str | Secret] = {"A": "1", "B": Secret("2")}
    assert render_constants(mixed) == [
        {"key": "A", "value": "1"},
        {"key": "B", "value": "2"},
    ]
    assert render_constants(
        [("A", "1"), {"key": "B", "value": Secret("2")}, SecretConstant("C", "3", alias=True)]
    ) == [
        {"key": "A", "value": "1"},
        {"key": "B", "value": "2"},
        {"key": "QARNOT_SECRET__C", "value": "3"},
        {"key": "C", "value": "${QARNOT_SECRET__C}"},
    ]
    assert render_constants([]) == []


def test_render_constants_reports_every_problem() -> None:
    with pytest.raises(SecretKeyError) as info:
        render_constants(
            cast(
                Any,
                [
                    ("A", "1"),
                    ("A", "2"),
                    ("B", MASKED),
                    ("C", "[SECRET]"),
                    ("D", 4),
                    ("E F", "x"),
                    ["not", "a", "pair"],
                    ("G", "g" * 3000),
                ],
            )
        )
    assert [p.text for p in info.value.problems] == ["A", "B", "C", "D", "E F", "list", "G"]
    assert "g" * 100 not in str(info.value)


def test_render_constants_limit() -> None:
    render_constants({f"K{i}": "v" for i in range(150)})
    with pytest.raises(SecretKeyError, match="151 constants; the limit is 150"):
        render_constants({f"K{i}": "v" for i in range(151)})


# Over-long values (2049..2060 characters, just above the limit) built by repeating a short text:
# drawing 2,000-character texts directly is slow and mostly rejected by Hypothesis.
_long_values = st.integers(2049, 2060).flatmap(
    lambda n: st.text(min_size=1, max_size=8).map(lambda head: (head * n)[:n])
)


@given(constant_keys, _long_values)
def test_errors_about_values_never_quote_them(key: str, a: str) -> None:
    # Two values of the same length that differ: the messages about them must be the same.
    b = ("x" if a[0] != "x" else "y") + a[1:]
    messages = []
    for value in (a, b):
        with pytest.raises(SecretKeyError) as info:
            SecretConstant(key, value)
        messages.append(str(info.value))
        with pytest.raises(SecretKeyError) as info:
            render_constants({key: Secret(value)})
        messages.append(str(info.value))
    assert messages[0] == messages[2]
    assert messages[1] == messages[3]


# -- masked constants in responses ---------------------------------------------------------------

RESPONSE: list[dict[str, Any]] = [
    {"key": "BLEND_FILE", "value": "qarnot.blend"},
    {"key": "QARNOT_SECRET__SENSITIVE_DATA", "value": "[SECRET]"},
    {"key": "QARNOT_SECRET__OTHER", "value": "[SECRET]"},
    {"key": "EMPTY", "value": None},
]


class _FakeKeyValue:
    def __init__(self, key: str, value: str | None) -> None:
        self.key, self.value = key, value

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "value": self.value}


def test_read_constants() -> None:
    expected = {
        "BLEND_FILE": "qarnot.blend",
        "QARNOT_SECRET__SENSITIVE_DATA": MASKED,
        "QARNOT_SECRET__OTHER": MASKED,
        "EMPTY": None,
    }
    assert read_constants(RESPONSE) == expected
    assert read_constants([_FakeKeyValue(c["key"], c["value"]) for c in RESPONSE]) == expected
    assert read_constants(None) == {}
    assert read_constants({"A": "[SECRET]"}) == {"A": MASKED}
    assert repr(MASKED) == "MASKED"
    assert isinstance(MASKED, MaskedSecret)
    assert MASKED.value == MASKED_VALUE
    with pytest.raises(InvalidTypeError):
        read_constants("A=1")
    with pytest.raises(InvalidTypeError):
        read_constants([{"value": "no key"}])


def test_resubmission_refuses_to_send_the_mask_back() -> None:
    with pytest.raises(MaskedSecretError) as info:
        constants_for_resubmission(RESPONSE)
    assert [p.text for p in info.value.problems] == ["QARNOT_SECRET__SENSITIVE_DATA", "QARNOT_SECRET__OTHER"]
    with pytest.raises(MaskedSecretError) as info:
        constants_for_resubmission(RESPONSE, {"QARNOT_SECRET__SENSITIVE_DATA": Secret("s")})
    assert [p.text for p in info.value.problems] == ["QARNOT_SECRET__OTHER"]


def test_resubmission_with_overrides_and_drops() -> None:
    body = constants_for_resubmission(
        RESPONSE,
        {"QARNOT_SECRET__SENSITIVE_DATA": Secret("s"), "BLEND_FILE": "new.blend", "NEW": "n"},
        drop=["QARNOT_SECRET__OTHER"],
    )
    assert body == [
        {"key": "BLEND_FILE", "value": "new.blend"},
        {"key": "QARNOT_SECRET__SENSITIVE_DATA", "value": "s"},
        {"key": "EMPTY", "value": ""},
        {"key": "NEW", "value": "n"},
    ]
    with pytest.raises(SecretKeyError, match="server's mask"):
        constants_for_resubmission(
            RESPONSE, {"QARNOT_SECRET__SENSITIVE_DATA": "[SECRET]"}, drop=["QARNOT_SECRET__OTHER"]
        )
    with pytest.raises(SecretKeyError, match="masked by the server"):
        constants_for_resubmission(
            RESPONSE, {"QARNOT_SECRET__SENSITIVE_DATA": cast(Any, MASKED)}, drop=["QARNOT_SECRET__OTHER"]
        )


@given(
    st.lists(st.tuples(constant_keys, st.one_of(st.just(MASKED_VALUE), st.text(max_size=5))), max_size=8),
    st.sets(constant_keys, max_size=3),
    st.sets(constant_keys, max_size=3),
)
def test_resubmission_never_sends_the_mask(
    response: list[tuple[str, str]], overridden: set[str], dropped: set[str]
) -> None:
    constants = [{"key": k, "value": v} for k, v in response]
    current = dict(response)
    masked = {k for k, v in current.items() if v == MASKED_VALUE}
    missing = masked - overridden - dropped
    overrides = dict.fromkeys(overridden, "value")
    if missing:
        with pytest.raises(MaskedSecretError) as info:
            constants_for_resubmission(constants, overrides, drop=dropped)
        assert {p.text for p in info.value.problems} == missing
        return
    body = constants_for_resubmission(constants, overrides, drop=dropped)
    assert MASKED_VALUE not in [entry["value"] for entry in body]
    assert {entry["key"] for entry in body} == (set(current) | overridden) - dropped


# -- SecretsAccess -------------------------------------------------------------------------------


def test_secrets_access() -> None:
    access = SecretsAccess().by_key("db/password", "db/password").by_prefix("team/", "shared/").by_key("x")
    assert access.to_wire() == {
        "bySecret": [{"key": "db/password"}, {"key": "x"}],
        "byPrefix": [{"prefix": "team/"}, {"prefix": "shared/"}],
    }
    assert SecretsAccess.from_wire(access.to_wire()) == access
    assert SecretsAccess.from_wire(None) == SecretsAccess()
    assert not SecretsAccess()
    assert SecretsAccess.from_wire({"bySecret": None}) == SecretsAccess()
    assert SecretsAccess.from_wire(_FakeKeyValue("a", "b")) == SecretsAccess()
    assert SecretsAccess().to_wire() == {"bySecret": [], "byPrefix": []}
    with pytest.raises(SecretKeyError):
        SecretsAccess().by_key("")
    with pytest.raises(InvalidTypeError):
        SecretsAccess().by_key(3)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        SecretsAccess(keys="abc")
    with pytest.raises(InvalidTypeError):
        SecretsAccess.from_wire([])


# -- RedactingFilter -----------------------------------------------------------------------------


@pytest.fixture
def capture() -> tuple[logging.Logger, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    # A logger outside the hierarchy: pytest's own capture handlers (which raise on format errors)
    # do not see its records.
    logger = logging.Logger("tests.values.redaction", logging.DEBUG)
    logger.addHandler(handler)
    return logger, stream


def test_redacts_headers_bearer_tokens_and_secret_constants() -> None:
    redact = RedactingFilter().redact
    assert redact("Authorization: Bearer abc.def") == "Authorization: ***"
    assert (
        redact("{'Authorization': 'tok', 'Accept': 'json'}") == "{'Authorization': '***', 'Accept': 'json'}"
    )
    assert redact('{"authorization":"tok"}') == '{"authorization":"***"}'
    assert redact("proxy-authorization=Basic Zm9v\nnext") == "proxy-authorization=***\nnext"
    assert redact("got bearer eyJhbGciOi.eyJzdWIi.sig== from") == "got bearer *** from"
    assert (
        redact('[{"key": "QARNOT_SECRET__DB", "value": "p\\"w"}, {"key": "A", "value": "1"}]')
        == '[{"key": "QARNOT_SECRET__DB", "value": "***"}, {"key": "A", "value": "1"}]'
    )
    assert (
        redact("{'key': 'QARNOT_SECRET__DB', 'value': 'pw'}")
        == "{'key': 'QARNOT_SECRET__DB', 'value': '***'}"
    )
    assert redact("nothing to hide") == "nothing to hide"


def test_redacts_registered_secrets_everywhere(capture: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = capture
    secret = register_secret(Secret("hunter2-registered"))
    try:
        logger.info("token %s / %r", "hunter2-registered", {"t": "hunter2-registered"})
        logger.info("mapping %(t)s", {"t": "hunter2-registered"})
        try:
            raise ValueError("failed with hunter2-registered")
        except ValueError:
            logger.exception("call failed")
        logger.info("stack", stack_info=True, extra={"unused": 1})
        logger.info("untouched %s", 42)
    finally:
        unregister_secret(secret)
    text = stream.getvalue()
    assert "hunter2-registered" not in text
    assert "INFO token *** / {'t': '***'}" in text
    assert "INFO mapping ***" in text
    assert "ValueError: failed with ***" in text
    assert "INFO untouched 42" in text
    logger.info("after %s", "hunter2-registered")
    assert "after hunter2-registered" in stream.getvalue()  # unregistered: shown again


def test_a_broken_format_gets_its_arguments_redacted() -> None:
    # logging's error report prints the raw arguments of a record it cannot format.
    secret = register_secret(Secret("hunter2-broken"))
    try:
        record = logging.LogRecord(
            "x", logging.INFO, __file__, 1, "broken %d %s", ("hunter2-broken", 1), None
        )
        assert RedactingFilter().filter(record) is True
        assert (record.msg, record.args) == ("broken %d %s", ("***", "1"))
        mapping = logging.LogRecord("x", logging.INFO, __file__, 1, "%(a)d", ({"a": "hunter2-broken"},), None)
        RedactingFilter().filter(mapping)
        assert mapping.args == {"a": "***"}
    finally:
        unregister_secret(secret)


def test_the_filter_keeps_records_and_their_arguments_when_nothing_is_secret() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "count %d", (3,), None)
    assert RedactingFilter().filter(record) is True
    assert (record.msg, record.args) == ("count %d", (3,))
    assert record.exc_text is None


def test_the_registry_is_bounded() -> None:
    registry = _Registry(limit=2)
    for value in ("first-value", "second-value", "third-value"):
        registry.add(Secret(value))
    pattern = registry.pattern()
    assert pattern is not None
    assert pattern.sub("*", "first-value second-value third-value") == "first-value * *"
    registry.discard(Secret("second-value"))
    registry.discard(Secret("never-added"))
    assert registry.pattern() is not None
    with pytest.raises(InvalidTypeError):
        register_secret("plain")  # type: ignore[arg-type]


def _apart(text: str) -> bool:
    return not text or not (text[-1].isascii() and (text[-1].isalnum() or text[-1] == "_"))


@given(
    log_safe_secret_values,
    st.text(max_size=10).filter(_apart),
    st.text(max_size=10).filter(lambda t: _apart(t[:1])),
)
def test_a_registered_value_never_reaches_the_log(value: str, before: str, after: str) -> None:
    # Redaction is by exact value: the secret as a token of its own (not glued to letters, digits or
    # an underscore, which would make it part of another word) never reaches the log.
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter())
    logger = logging.Logger("tests.values.redaction.property")
    logger.addHandler(handler)
    secret = register_secret(Secret(value))
    try:
        logger.error("%s%s%s", before, value, after)
        logger.error(before + value + after)
        try:
            raise RuntimeError(f"{before}{value}{after}")
        except RuntimeError:
            logger.exception("with %r", [value])
    finally:
        unregister_secret(secret)
    assert value not in stream.getvalue()


def test_a_short_secret_never_eats_into_other_words() -> None:
    # With substring redaction a one-letter secret turned every "value" into "***alue".
    secret = register_secret(Secret("v"))
    try:
        text = RedactingFilter().redact('{"key": "K", "value": "v"} v; v=1')
    finally:
        unregister_secret(secret)
    assert text == '{"key": "K", "value": "***"} ***; ***=1'
