"""Secrets (``qarnot_ext/_secrets.py``): what every refusal says, and values the common cases miss.

The error promise is that each error names the offending part (and the item's position in a list);
these tests pin the exact texts and kinds, and lone surrogates in secret values. They were written
against the survivors of a mutation run (``scripts/mutate.py``).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import pytest

from qarnot_ext import InvalidTypeError, QarnotError
from qarnot_ext._secrets import (
    MASKED,
    Secret,
    SecretConstant,
    SecretKeyError,
    SecretsAccess,
    constants_for_resubmission,
    read_constants,
    register_secret,
    render_constants,
)


def _any(value: object) -> Any:
    """Let a wrongly typed value through the type checker, as untyped user code would."""
    return value


def _raises(call: Callable[[], object]) -> QarnotError:
    with pytest.raises(QarnotError) as caught:
        call()
    return caught.value


@pytest.mark.parametrize(
    ("call", "kind", "text"),
    [
        (lambda: SecretsAccess().by_key("a", _any(3)), "secrets access", "keys[1] must be a str, not int"),
        (
            lambda: SecretsAccess().by_prefix(_any(None)),
            "secrets access",
            "prefixes[0] must be a str, not NoneType",
        ),
        (
            lambda: SecretsAccess.from_wire(5),
            "secrets access",
            "data must be a secretsAccessRights object or None, not int",
        ),
        (lambda: SecretsAccess(_any("ab")), "secrets access", "keys must be an iterable of str, not one str"),
        (lambda: register_secret(_any("x")), "secret", "secret must be a Secret, not str"),
        (lambda: SecretConstant(_any(5), "v"), "constant", "a secret constant's name must be a str, not int"),
        (
            lambda: SecretConstant("N", "v", alias=_any(3)),
            "constant",
            "alias must be a bool or a str, not int",
        ),
        (
            lambda: read_constants("abc"),
            "constants",
            "constants must be a list of {key, value} objects, not str",
        ),
        (
            lambda: read_constants([{"key": "A", "value": "1"}, 7]),
            "constants",
            "constants[1] must be a {key, value} object, not int",
        ),
        (lambda: Secret(_any(5)), "secret", "a Secret's value must be a str, not int"),
        (
            lambda: pickle.dumps(Secret("x")),
            "secret",
            "a Secret cannot be pickled (a masked copy would silently replace the value)",
        ),
    ],
)
def test_type_errors_name_their_part_exactly(call: Callable[[], object], kind: str, text: str) -> None:
    error = _raises(call)
    assert isinstance(error, InvalidTypeError)
    assert error.kind == kind
    assert str(error) == text


@pytest.mark.parametrize(
    ("constants", "problems"),
    [
        (
            [("A", "1"), 5],
            [("int", "expected a SecretConstant, (key, value) or {key, value}", 1)],
        ),
        ([("A", "1"), {"key": "A", "value": "2"}], [("A", "duplicate key", 1)]),
        ([(3, "1")], [("'int'", "the key must be a str", None)]),
        ([("A", 3)], [("A", "a constant's value is a str or a Secret, not int", None)]),
        (
            [("A", MASKED)],
            [("A", "the value is masked by the server; give the real value or drop it", None)],
        ),
        ([("", "1")], [("", "the key is empty", None)]),
    ],
)
def test_constant_problems_name_the_key_and_position(
    constants: list[Any], problems: list[tuple[str, str, int | None]]
) -> None:
    with pytest.raises(SecretKeyError) as caught:
        render_constants(constants)
    assert [(p.text, p.message, p.position) for p in caught.value.problems] == problems


def test_empty_secret_keys_are_named_with_their_position() -> None:
    with pytest.raises(SecretKeyError) as caught:
        SecretsAccess().by_key("a", "//", "")
    assert [(p.text, p.message, p.position) for p in caught.value.problems] == [
        ("//", "a secret key cannot be empty", 1),
        ("", "a secret key cannot be empty", 2),
    ]
    assert str(caught.value) == (
        "invalid constant: '//' at position 1: a secret key cannot be empty; "
        "'' at position 2: a secret key cannot be empty"
    )


def test_prefixes_may_be_empty_but_keys_may_not() -> None:
    assert SecretsAccess().by_prefix("", "/").prefixes == ("", "/")


@pytest.mark.parametrize("value", ["\ud800", "a\udfffb"])
def test_lone_surrogates_compare_and_hash_like_any_value(value: str) -> None:
    assert Secret(value) == Secret(value)
    assert hash(Secret(value)) == hash(Secret(value))
    assert Secret(value) != Secret(value + "x")
    assert Secret(value).reveal() == value


def test_a_secret_cannot_be_changed_or_deleted() -> None:
    secret = Secret("v")
    with pytest.raises(AttributeError, match=r"^Secret is immutable$"):
        secret._value = "w"
    with pytest.raises(AttributeError, match=r"^Secret is immutable$"):
        del secret._value
    assert secret.reveal() == "v"


def test_an_over_long_key_is_shown_cut_with_its_length() -> None:
    key = "K" * 2049
    with pytest.raises(SecretKeyError) as caught:
        render_constants([(key, "v")])
    assert [(p.text, p.message) for p in caught.value.problems] == [
        ("K" * 79 + "…", "the key has 2049 characters; the limit is 2048")
    ]


@pytest.mark.parametrize(("length", "shown"), [(80, "!" + "k" * 79), (81, "!" + "k" * 78 + "…")])
def test_a_bad_key_is_shown_whole_up_to_80_characters(length: int, shown: str) -> None:
    with pytest.raises(SecretKeyError) as caught:
        render_constants([("!" + "k" * (length - 1), "v")])
    assert [p.text for p in caught.value.problems] == [shown]


def test_a_bad_secret_name_is_called_a_name() -> None:
    with pytest.raises(SecretKeyError) as caught:
        SecretConstant("", "v")
    assert [(p.text, p.message) for p in caught.value.problems] == [("", "the name is empty")]


def test_more_than_150_constants_are_refused() -> None:
    render_constants([(f"K{i}", "v") for i in range(150)])
    with pytest.raises(SecretKeyError) as caught:
        render_constants([(f"K{i}", "v") for i in range(151)])
    assert [(p.text, p.message) for p in caught.value.problems] == [
        ("constants", "151 constants; the limit is 150")
    ]


def test_non_string_response_values_are_read_as_text() -> None:
    assert read_constants([{"key": "N", "value": 3}, {"key": "M", "value": None}]) == {"N": "3", "M": None}


def test_a_masked_value_must_be_given_or_dropped() -> None:
    with pytest.raises(QarnotError) as caught:
        constants_for_resubmission([{"key": "QARNOT_SECRET__T", "value": "[SECRET]"}])
    assert [(p.text, p.message) for p in caught.value.problems] == [  # type: ignore[attr-defined]
        ("QARNOT_SECRET__T", "the server masks this value; pass it in overrides or list the key in drop")
    ]
