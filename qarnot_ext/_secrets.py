"""Secrets: a masked string type, write-only secret constants, access rights and log redaction.

* :class:`Secret` wraps a sensitive string (the API token, a secret constant's value). Its ``repr``,
  ``str`` and ``format`` show ``***``; only :meth:`Secret.reveal` returns the value. Pickling is
  refused (a masked pickle would silently turn the secret into ``"***"`` on the other side).
* :class:`SecretConstant` renders a task/pool constant ``QARNOT_SECRET__<NAME>``, which the API keeps
  write-only: responses show ``"[SECRET]"`` in its place. :func:`render_constants` is the one
  place where secret values leave their wrapper, when a request body is built.
* :func:`read_constants` turns ``"[SECRET]"`` into :data:`MASKED`, and
  :func:`constants_for_resubmission` refuses to send it back (that would overwrite the secret with
  the text ``[SECRET]``) unless each masked key is given a value or dropped.
* :class:`SecretsAccess` builds ``secretsAccessRights`` (``bySecret`` / ``byPrefix``).
* :class:`RedactingFilter` is a :class:`logging.Filter` that removes ``Authorization`` headers, bearer
  tokens, secret constants' values and every :func:`register_secret`-ed value from log records.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import logging
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import Any, Final, Literal, NoReturn, TypeAlias

import attrs

from qarnot_ext._errors import InvalidTypeError, MaskedSecretError, Problem, SecretKeyError

__all__ = [
    "MASKED",
    "MASKED_VALUE",
    "SECRET_PREFIX",
    "MaskedSecret",
    "MaskedSecretError",
    "RedactingFilter",
    "Secret",
    "SecretConstant",
    "SecretKeyError",
    "SecretsAccess",
    "constants_for_resubmission",
    "read_constants",
    "register_secret",
    "render_constants",
    "unregister_secret",
]

SECRET_PREFIX: Final = "QARNOT_SECRET__"  # noqa: S105 - a key prefix, not a password
"""The prefix that makes a task or pool constant write-only."""

MASKED_VALUE: Final = "[SECRET]"
"""What responses show in place of a secret constant's value."""

MAX_KEY_LENGTH: Final = 2048
MAX_VALUE_LENGTH: Final = 2048
MAX_CONSTANTS: Final = 150
_KEY_CHARACTER: Final = re.compile(r"[A-Za-z0-9_.\-]")
_MASK: Final = "***"
# Keyed per process so that hash(secret) says nothing about the value outside this process.
_HASH_KEY: Final = os.urandom(32)


def _unpicklable() -> InvalidTypeError:
    # A TypeError, as for any object pickle cannot handle (``except TypeError`` around a dump works).
    return InvalidTypeError(
        "secret",
        [Problem("Secret", "a Secret cannot be pickled (a masked copy would silently replace the value)")],
    )


class Secret:
    """A sensitive string that never shows itself: ``repr``, ``str`` and ``format`` give ``***``.

    :meth:`reveal` returns the value. Equality compares values in constant time
    (:func:`hmac.compare_digest`); a ``Secret`` never equals a plain ``str``. Hashing uses a
    per-process keyed digest. Pickling raises ``TypeError``: a masked pickle would turn the value
    into ``"***"`` without anyone noticing, so refusing is the only safe choice. ``copy`` and
    ``deepcopy`` return the same (immutable) object.

    This is deliberately not an attrs class: ``attrs.asdict`` recurses into attrs classes, so a
    config object holding a ``Secret`` would dump the raw value; a plain object is kept as is.

    Example:
        >>> token = Secret("s3cr3t")
        >>> token, str(token), f"{token}", token.reveal()
        (Secret('***'), '***', '***', 's3cr3t')
        >>> token == Secret("s3cr3t"), token == "s3cr3t"
        (True, False)

    """

    __slots__ = ("__weakref__", "_value")
    _value: str

    def __init__(self, value: str | Secret) -> None:
        if isinstance(value, Secret):
            value = value.reveal()
        if not isinstance(value, str):
            raise InvalidTypeError(
                "secret", [Problem("value", f"a Secret's value must be a str, not {type(value).__name__}")]
            )
        object.__setattr__(self, "_value", value)

    @classmethod
    def coerce(cls, value: str | Secret) -> Secret:
        """Return ``value`` if it is a Secret, else wrap it.

        Example:
            >>> Secret.coerce("x") == Secret.coerce(Secret("x"))
            True

        """
        return value if isinstance(value, Secret) else cls(value)

    def reveal(self) -> str:
        """Return the wrapped value: call it only where the value must leave (a request).

        Example:
            >>> Secret("abc").reveal()
            'abc'

        """
        return self._value

    def __repr__(self) -> str:
        return f"Secret('{_MASK}')"

    def __str__(self) -> str:
        return _MASK

    def __format__(self, spec: str) -> str:
        return format(_MASK, spec)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(
            self._value.encode("utf-8", "surrogatepass"), other._value.encode("utf-8", "surrogatepass")
        )

    def __hash__(self) -> int:
        digest = hashlib.blake2b(self._value.encode("utf-8", "surrogatepass"), key=_HASH_KEY, digest_size=8)
        return int.from_bytes(digest.digest(), "big")

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError("Secret is immutable")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError("Secret is immutable")

    def __reduce_ex__(self, protocol: object) -> NoReturn:
        raise _unpicklable()

    def __reduce__(self) -> NoReturn:
        raise _unpicklable()

    def __copy__(self) -> Secret:
        return self

    def __deepcopy__(self, memo: object) -> Secret:
        return self


class MaskedSecret(enum.Enum):
    """The type of :data:`MASKED`: a constant whose value the server hides (``"[SECRET]"``)."""

    MASKED = MASKED_VALUE

    def __repr__(self) -> str:
        return "MASKED"


MASKED: Final = MaskedSecret.MASKED
"""A response constant's value when the server shows ``"[SECRET]"``.

Example:
    >>> read_constants([{"key": "QARNOT_SECRET__TOKEN", "value": "[SECRET]"}])
    {'QARNOT_SECRET__TOKEN': MASKED}
"""


def _key_problems(key: object, what: str = "key") -> list[Problem]:
    if not isinstance(key, str):
        return [Problem(repr(type(key).__name__), f"the {what} must be a str")]
    if not key:
        return [Problem("", f"the {what} is empty")]
    shown = key if len(key) <= 80 else key[:79] + "…"
    problems = [
        Problem(shown, f"character {char!r} is not allowed (use a-z A-Z 0-9 _ - .)", index)
        for index, char in enumerate(key)
        if _KEY_CHARACTER.fullmatch(char) is None
    ][:5]
    if len(key) > MAX_KEY_LENGTH:
        problems.append(
            Problem(shown, f"the {what} has {len(key)} characters; the limit is {MAX_KEY_LENGTH}")
        )
    return problems


def _value_problems(key: str, value: str) -> list[Problem]:
    # Problems about a value name the key and describe the value without quoting it.
    problems = []
    if len(value) > MAX_VALUE_LENGTH:
        problems.append(
            Problem(key, f"the value has {len(value)} characters; the limit is {MAX_VALUE_LENGTH}")
        )
    if value == MASKED_VALUE:
        problems.append(Problem(key, f"the value is the server's mask {MASKED_VALUE!r}, not a real value"))
    return problems


def _name(value: str) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError.expected("constant", "a secret constant's name", "a str", value)
    # Accept the full key too, so that a name read from a response can be reused as is.
    return value.removeprefix(SECRET_PREFIX)


def _name_problems(name: str) -> list[Problem]:
    problems = _key_problems(name, "name")
    if not problems and len(SECRET_PREFIX) + len(name) > MAX_KEY_LENGTH:
        problems.append(
            Problem(name[:80], f"the key {SECRET_PREFIX}… would exceed {MAX_KEY_LENGTH} characters")
        )
    return problems


def _check_alias(_instance: object, _attribute: object, value: object) -> None:
    if not isinstance(value, bool | str):
        raise InvalidTypeError.expected("constant", "alias", "a bool or a str", value)


def _to_secret(value: str | Secret) -> Secret:
    return Secret.coerce(value)


@attrs.frozen
class SecretConstant:
    """A write-only task or pool constant: key ``QARNOT_SECRET__<name>``, value a :class:`Secret`.

    With ``alias=True`` it also renders ``<name> = ${QARNOT_SECRET__<name>}`` so that the task reads
    the secret under its plain name (``alias="OTHER"`` picks another name; see :attr:`alias_key`). Keys use
    ``a-z A-Z 0-9 _ - .`` and are at most 2048 characters, as are values. Values leave the wrapper
    only through :meth:`to_wire` / :func:`render_constants`.

    Example:
        >>> constant = SecretConstant("API_KEY", Secret("k3y"), alias=True)
        >>> constant
        SecretConstant(name='API_KEY', value=Secret('***'), alias=True)
        >>> constant.to_wire()  # doctest: +NORMALIZE_WHITESPACE
        [{'key': 'QARNOT_SECRET__API_KEY', 'value': 'k3y'},
         {'key': 'API_KEY', 'value': '${QARNOT_SECRET__API_KEY}'}]

    """

    name: str = attrs.field(converter=_name)
    value: Secret = attrs.field(converter=_to_secret)
    alias: bool | str = attrs.field(default=False, validator=_check_alias)

    def __attrs_post_init__(self) -> None:
        # Checked together so that one error lists every problem of the constant.
        problems = _name_problems(self.name) + _value_problems(self.key, self.value.reveal())
        if isinstance(self.alias, str):
            problems += _key_problems(self.alias, "alias")
            if self.alias.startswith(SECRET_PREFIX):
                problems.append(Problem(self.alias, f"an alias must not start with {SECRET_PREFIX}"))
        if problems:
            raise SecretKeyError(problems)

    @property
    def alias_key(self) -> str | None:
        """The key of the alias constant, or ``None`` without an alias."""
        if self.alias is True:
            return self.name
        return self.alias or None

    @property
    def key(self) -> str:
        """The constant's key on the wire, ``QARNOT_SECRET__<name>``."""
        return SECRET_PREFIX + self.name

    @property
    def reference(self) -> str:
        """How a task refers to the secret: ``${QARNOT_SECRET__<name>}``."""
        return "${" + self.key + "}"

    def to_wire(self) -> list[dict[str, str]]:
        """Return the ``constants`` entries for a request body (this reveals the value)."""
        out = [{"key": self.key, "value": self.value.reveal()}]
        if self.alias_key is not None:
            out.append({"key": self.alias_key, "value": self.reference})
        return out


ConstantsInput: TypeAlias = (
    Mapping[str, str | Secret] | Iterable[SecretConstant | tuple[str, str | Secret] | Mapping[str, Any]]
)
"""What :func:`render_constants` takes."""


def render_constants(constants: ConstantsInput) -> list[dict[str, str]]:
    """Build the wire ``constants`` list ``[{"key", "value"}, …]`` of a create or update body.

    Takes a mapping ``key -> value`` or an iterable of :class:`SecretConstant`, ``(key, value)`` pairs
    and ``{"key", "value"}`` dicts; values may be :class:`Secret` (revealed here, and only here).
    Checks keys and lengths, duplicate keys, the limit of 150 constants, and refuses
    ``"[SECRET]"`` / :data:`MASKED` as a value. Raises :class:`SecretKeyError` listing every problem.

    Example:
        >>> render_constants([("BLEND_FILE", "a.blend"), SecretConstant("TOKEN", "t")])
        ... # doctest: +NORMALIZE_WHITESPACE
        [{'key': 'BLEND_FILE', 'value': 'a.blend'}, {'key': 'QARNOT_SECRET__TOKEN', 'value': 't'}]

    """
    items: Iterable[Any] = constants.items() if isinstance(constants, Mapping) else constants
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    problems: list[Problem] = []

    def add(key: object, value: object, index: int) -> None:
        key_problems = _key_problems(key)
        if key_problems or not isinstance(key, str):
            problems.extend(key_problems)
            return
        if key in seen:
            problems.append(Problem(key, "duplicate key", index))
            return
        seen.add(key)
        if value is MASKED:
            problems.append(Problem(key, "the value is masked by the server; give the real value or drop it"))
            return
        if isinstance(value, Secret):
            value = value.reveal()
        if not isinstance(value, str):
            problems.append(
                Problem(key, f"a constant's value is a str or a Secret, not {type(value).__name__}")
            )
            return
        value_problems = _value_problems(key, value)
        if value_problems:
            problems.extend(value_problems)
            return
        out.append({"key": key, "value": value})

    for index, item in enumerate(items):
        if isinstance(item, SecretConstant):
            for entry in item.to_wire():
                add(entry["key"], entry["value"], index)
        elif isinstance(item, tuple) and len(item) == 2:
            add(item[0], item[1], index)
        elif isinstance(item, Mapping) and set(item) == {"key", "value"}:
            add(item["key"], item["value"], index)
        else:
            problems.append(
                Problem(type(item).__name__, "expected a SecretConstant, (key, value) or {key, value}", index)
            )
    if len(out) > MAX_CONSTANTS:
        problems.append(Problem("constants", f"{len(out)} constants; the limit is {MAX_CONSTANTS}"))
    if problems:
        raise SecretKeyError(problems)
    return out


def _pairs(response_constants: object) -> list[tuple[str, object]]:
    if response_constants is None:
        return []
    if isinstance(response_constants, Mapping):
        return [(str(k), v) for k, v in response_constants.items()]
    if isinstance(response_constants, str | bytes) or not isinstance(response_constants, Iterable):
        raise InvalidTypeError.expected(
            "constants", "constants", "a list of {key, value} objects", response_constants
        )
    pairs: list[tuple[str, object]] = []
    for index, item in enumerate(response_constants):
        entry: object = item
        to_dict = getattr(entry, "to_dict", None)
        if not isinstance(entry, Mapping) and callable(to_dict):
            entry = to_dict()
        if isinstance(entry, Mapping) and isinstance(entry.get("key"), str):
            pairs.append((entry["key"], entry.get("value")))
        else:
            raise InvalidTypeError(
                "constants",
                [
                    Problem(
                        f"constants[{index}]",
                        f"constants[{index}] must be a {{key, value}} object, not {type(item).__name__}",
                        index,
                    )
                ],
            )
    return pairs


def read_constants(response_constants: object) -> dict[str, str | MaskedSecret | None]:
    """Read a response's ``constants`` into ``{key: value}``, with :data:`MASKED` for ``"[SECRET]"``.

    Accepts the raw list of ``{"key", "value"}`` dicts, generated models (``to_dict()``), a mapping,
    or ``None`` (no constants).

    Example:
        >>> read_constants([{"key": "A", "value": "1"}, {"key": "QARNOT_SECRET__B", "value": "[SECRET]"}])
        {'A': '1', 'QARNOT_SECRET__B': MASKED}

    """
    out: dict[str, str | MaskedSecret | None] = {}
    for key, value in _pairs(response_constants):
        if value == MASKED_VALUE or value is MASKED:
            out[key] = MASKED
        elif value is None or isinstance(value, str):
            out[key] = value
        else:
            out[key] = str(value)
    return out


def constants_for_resubmission(
    response_constants: object,
    overrides: Mapping[str, str | Secret] | None = None,
    *,
    drop: Iterable[str] = (),
) -> list[dict[str, str]]:
    """Build the ``constants`` of a create/clone/update body from a response's constants.

    Masked values (``"[SECRET]"``) are never sent back: each masked key must get its value in
    ``overrides`` or be listed in ``drop``, otherwise :class:`MaskedSecretError` names all of them.
    ``overrides`` also changes or adds other constants; ``drop`` removes keys. ``null`` values are
    sent as empty strings.

    Example:
        >>> response = [{"key": "A", "value": "1"}, {"key": "QARNOT_SECRET__T", "value": "[SECRET]"}]
        >>> constants_for_resubmission(response, {"QARNOT_SECRET__T": Secret("t")})
        [{'key': 'A', 'value': '1'}, {'key': 'QARNOT_SECRET__T', 'value': 't'}]
        >>> constants_for_resubmission(response)
        Traceback (most recent call last):
        ...
        qarnot_ext._errors.MaskedSecretError: invalid constants for resubmission: 'QARNOT_SECRET__T': ...

    """
    current = read_constants(response_constants)
    dropped = set(drop)
    extra = dict(overrides or {})
    missing = [
        key for key, value in current.items() if value is MASKED and key not in extra and key not in dropped
    ]
    if missing:
        raise MaskedSecretError(
            [
                Problem(key, "the server masks this value; pass it in overrides or list the key in drop")
                for key in missing
            ]
        )
    merged: dict[str, str | Secret] = {}
    for key, value in current.items():
        if key in dropped:
            continue
        if key in extra:
            merged[key] = extra.pop(key)
        elif isinstance(value, str):
            merged[key] = value
        elif value is None:
            merged[key] = ""
    for key, override in extra.items():
        if key not in dropped:
            merged[key] = override
    return render_constants(merged)


_PLURAL: Final = {"key": "keys", "prefix": "prefixes"}


def _access_keys(values: tuple[str, ...], what: Literal["key", "prefix"]) -> tuple[str, ...]:
    problems = []
    for index, value in enumerate(values):
        if not isinstance(value, str):
            raise InvalidTypeError.expected("secrets access", f"{_PLURAL[what]}[{index}]", "a str", value)
        if what == "key" and not value.strip("/"):
            problems.append(Problem(value, "a secret key cannot be empty", index))
    if problems:
        raise SecretKeyError(problems)
    return tuple(dict.fromkeys(values))


def _str_tuple(values: Iterable[str], name: str) -> tuple[str, ...]:
    if isinstance(values, str):  # one str would be read as its letters
        raise InvalidTypeError(
            "secrets access", [Problem(name, f"{name} must be an iterable of str, not one str")]
        )
    return tuple(values)


def _keys_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return _str_tuple(values, "keys")


def _prefixes_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return _str_tuple(values, "prefixes")


@attrs.frozen
class SecretsAccess:
    """``secretsAccessRights``: which secrets-manager entries a running task or pool may read.

    Immutable builder: :meth:`by_key` and :meth:`by_prefix` return new objects (duplicates are
    dropped, order kept); :meth:`to_wire` renders ``{bySecret: [{key}], byPrefix: [{prefix}]}``.

    Example:
        >>> access = SecretsAccess().by_key("db/password").by_prefix("team/shared/")
        >>> access.to_wire()
        {'bySecret': [{'key': 'db/password'}], 'byPrefix': [{'prefix': 'team/shared/'}]}

    """

    keys: tuple[str, ...] = attrs.field(default=(), converter=_keys_tuple)
    prefixes: tuple[str, ...] = attrs.field(default=(), converter=_prefixes_tuple)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "keys", _access_keys(self.keys, "key"))
        object.__setattr__(self, "prefixes", _access_keys(self.prefixes, "prefix"))

    def by_key(self, *keys: str) -> SecretsAccess:
        """Grant read access to these exact secret keys."""
        return SecretsAccess((*self.keys, *keys), self.prefixes)

    def by_prefix(self, *prefixes: str) -> SecretsAccess:
        """Grant read access to every secret whose key starts with one of these prefixes."""
        return SecretsAccess(self.keys, (*self.prefixes, *prefixes))

    def __bool__(self) -> bool:
        return bool(self.keys or self.prefixes)

    def to_wire(self) -> dict[str, list[dict[str, str]]]:
        """Return the wire ``secretsAccessRights`` object."""
        return {
            "bySecret": [{"key": key} for key in self.keys],
            "byPrefix": [{"prefix": prefix} for prefix in self.prefixes],
        }

    @classmethod
    def from_wire(cls, data: object) -> SecretsAccess:
        """Read ``secretsAccessRights`` from a response (``None`` and missing lists mean no access).

        Example:
            >>> SecretsAccess.from_wire({"bySecret": [{"key": "a"}], "byPrefix": None}).keys
            ('a',)

        """
        if data is not None and not isinstance(data, Mapping):
            to_dict = getattr(data, "to_dict", None)
            data = to_dict() if callable(to_dict) else data
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise InvalidTypeError.expected(
                "secrets access", "data", "a secretsAccessRights object or None", data
            )
        keys = [entry.get("key") for entry in data.get("bySecret") or () if isinstance(entry, Mapping)]
        prefixes = [entry.get("prefix") for entry in data.get("byPrefix") or () if isinstance(entry, Mapping)]
        return cls(tuple(k for k in keys if k is not None), tuple(p for p in prefixes if p is not None))


# -- log redaction ------------------------------------------------------------------------------


class _Registry:
    """The secrets whose values are redacted from logs: bounded, most recently registered kept."""

    def __init__(self, limit: int = 1024) -> None:
        self._limit = limit
        self._lock = threading.Lock()
        self._secrets: OrderedDict[Secret, None] = OrderedDict()
        self._pattern: re.Pattern[str] | None = None

    def add(self, secret: Secret) -> None:
        with self._lock:
            self._secrets[secret] = None
            self._secrets.move_to_end(secret)
            while len(self._secrets) > self._limit:
                self._secrets.popitem(last=False)
            self._pattern = None

    def discard(self, secret: Secret) -> None:
        with self._lock:
            self._secrets.pop(secret, None)
            self._pattern = None

    def pattern(self) -> re.Pattern[str] | None:
        with self._lock:
            if self._pattern is None:
                # A value made only of mask characters cannot be hidden by the mask (and is then
                # harmless to show); longest first so that a value containing another goes whole.
                # A value counts only where no letter, digit or underscore touches it: redaction is
                # by exact value, so a short secret ("v") never eats into other words ("value").
                values = {s.reveal() for s in self._secrets if s.reveal().strip(_MASK[0])}
                if values:
                    ordered = sorted(values, key=len, reverse=True)
                    alternatives = "|".join(map(re.escape, ordered))
                    self._pattern = re.compile(rf"(?<![A-Za-z0-9_])(?:{alternatives})(?![A-Za-z0-9_])")
            return self._pattern


_REGISTRY: Final = _Registry()


def register_secret(secret: Secret) -> Secret:
    """Have every :class:`RedactingFilter` redact this secret's value; returns the secret.

    The registry keeps the 1,024 most recently registered secrets.

    Example:
        >>> token = register_secret(Secret("tok-123456"))
        >>> RedactingFilter().redact("sent tok-123456")
        'sent ***'

    """
    if not isinstance(secret, Secret):
        raise InvalidTypeError.expected("secret", "secret", "a Secret", secret)
    _REGISTRY.add(secret)
    return secret


def unregister_secret(secret: Secret) -> None:
    """Stop redacting this secret's value (no error if it was not registered)."""
    _REGISTRY.discard(secret)


_HEADER: Final = re.compile(r"""(?i)(\b(?:proxy-)?authorization\b["']?\s*[:=]\s*["']?)[^"'\r\n,}]+""")
_BEARER: Final = re.compile(r"(?i)(\bbearer\s+)[A-Za-z0-9\-._~+/]+=*")
_SECRET_CONSTANT: Final = re.compile(
    r"""(?P<head>(?P<q>["'])key(?P=q)\s*:\s*(?P<q2>["'])"""
    + re.escape(SECRET_PREFIX)
    + r"""[^"']*(?P=q2)\s*,\s*(?P<q3>["'])value(?P=q3)\s*:\s*)(?P<q4>["'])(?:\\.|(?!(?P=q4)).)*(?P=q4)"""
)


class RedactingFilter(logging.Filter):
    """A :class:`logging.Filter` that redacts secrets from records; it never drops a record.

    Redacts ``Authorization``/``Proxy-Authorization`` header values, ``Bearer`` tokens, the values
    of ``QARNOT_SECRET__*`` constants in JSON or Python-repr bodies, and the values of every
    :func:`register_secret`-ed :class:`Secret` — in the message, its arguments, the exception text
    and the stack text. When it changes a record, the formatted message replaces ``msg`` and
    ``args`` (so that no handler can format the raw arguments again) and the redacted traceback
    text replaces ``exc_info``.

    Attach it to *handlers* (a logger's filters do not see records propagated from child loggers)::

        handler.addFilter(RedactingFilter())

    Example:
        >>> RedactingFilter().redact("Authorization: Bearer abc.def")
        'Authorization: ***'

    """

    def redact(self, text: str) -> str:
        """Return ``text`` with every secret replaced by ``***``."""
        text = _HEADER.sub(lambda m: m.group(1) + _MASK, text)
        text = _BEARER.sub(lambda m: m.group(1) + _MASK, text)
        text = _SECRET_CONSTANT.sub(lambda m: f"{m['head']}{m['q4']}{_MASK}{m['q4']}", text)
        pattern = _REGISTRY.pattern()
        if pattern is not None:
            # A replacement can create a new occurrence when a value contains the mask character
            # ("a*" inside "aa*" -> "a***"); repeat until none is left (each pass removes at least
            # one non-mask character, so this ends).
            while True:
                redacted = pattern.sub(_MASK, text)
                if redacted == text:
                    break
                text = redacted
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact ``record`` in place; always keep it."""
        try:
            message = record.getMessage()
        except Exception:
            # A broken format string: logging would print the raw arguments in its error report,
            # so redact the template and each argument instead.
            message = None
        if message is not None:
            redacted = self.redact(message)
            if redacted != message:
                record.msg, record.args = redacted, None
        else:
            record.msg = self.redact(str(record.msg))
            if isinstance(record.args, Mapping):
                record.args = {k: self.redact(str(v)) for k, v in record.args.items()}
            elif record.args:
                record.args = tuple(self.redact(str(arg)) for arg in record.args)
        exc_text = record.exc_text
        if record.exc_info and not exc_text:
            exc_text = logging.Formatter().formatException(record.exc_info)
        if exc_text:
            redacted = self.redact(exc_text)
            if redacted != exc_text:
                # Drop exc_info so that no formatter renders the raw traceback again.
                record.exc_text, record.exc_info = redacted, None
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        if isinstance(getattr(record, "message", None), str):
            record.message = self.redact(record.message)
        return True
