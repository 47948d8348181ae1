"""Decoding of API answers into the generated models, and the repair of the generator's raw fallbacks.

The models decode themselves: their ``from_dict`` is generated code (``generated/qarnot_api/models``,
shaped by ``templates/model.py.jinja``: imports hoisted to the module, date-times through the one
parser of ``qarnot_api.types``), readable and covered by the drift check. Nothing here writes or
runs code at run time.

What this module adds is what ``from_dict`` does not do:

* errors as :class:`~qarnot_ext.ParseError` naming the schema and the JSON path, instead of the
  ``KeyError``/``TypeError`` of the generated code;
* the repair of raw fallbacks: where every branch of a union failed, the generated code keeps the
  raw ``dict``, ``list`` or ``str``. :meth:`Decoders.repair` finds those, repairs lists of open unions
  element by element (an element without a usable tag becomes the union's ``Unknown…`` variant with
  an empty tag, its members kept in ``additional_properties``) and raises ``ParseError`` for anything
  else (a raw object where a model belongs, a string that is not a date-time): a model is never
  handed out with a raw value in place of a model or a ``datetime``.

This module does not import the generated package: the adapter hands it the model namespace and the
``UNSET`` sentinel.
"""

from __future__ import annotations

import datetime
import sys
import types
import typing
from collections.abc import Mapping
from typing import Any, Final, Literal, Union, get_args, get_origin

import attrs

from qarnot_ext._errors import ParseError

__all__ = ["Decoders"]


class _Unsupported(Exception):
    """Internal: a type the repair walk does not know (the member is then left as decoded)."""


_DATE_TIME: Final = "date-time"


@attrs.frozen
class _Field:
    key: str
    attr: str
    # What a repair walk looks for: a model class, ("list", inner), ("union", classes),
    # "date-time" or None.
    shape: Any


@attrs.frozen
class _Union:
    tag_key: str
    by_tag: Mapping[str, type]
    unknown: type | None


def _is_model(tp: object) -> bool:
    return isinstance(tp, type) and attrs.has(tp) and hasattr(tp, "from_dict")


class Decoders:
    """Decoding with typed errors and repair, for the generated models (thread-safe, lazily filled).

    Args:
        namespace: the generated ``models`` package namespace (to resolve forward references); a
            mapping, read only when a class is first decoded.
        unset: the generated ``UNSET`` sentinel; its type marks optional members.
    """

    def __init__(self, namespace: Mapping[str, Any], unset: object) -> None:
        self._ns = namespace
        self._unset = unset
        self._unset_type = type(unset)
        self._fields: dict[type, tuple[_Field, ...] | None] = {}
        self._unions: dict[tuple[type, ...], _Union | None] = {}

    def json_keys(self, cls: type) -> dict[str, str]:
        """Return ``{attribute: JSON key}`` for a generated model class (its generated ``json_keys``)."""
        keys: dict[str, str] = cls.json_keys  # type: ignore[attr-defined]
        return keys

    def decode(self, cls: type[Any], doc: object, *, where: str = "$") -> Any:
        """Decode ``doc`` as ``cls``: the generated ``from_dict``, then :meth:`repair`.

        Raises:
            ParseError: the document cannot be a ``cls`` (not an object, a required member missing, a
                member of the wrong type where a model or a date-time was expected).

        """
        if not isinstance(doc, dict):
            raise ParseError(
                f"expected a JSON object, got {type(doc).__name__}", schema=cls.__name__, path=where
            )
        try:
            obj = cls.from_dict(doc)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ParseError(_describe(exc), schema=cls.__name__, path=where) from None
        self.repair(obj, where)
        return obj

    def decode_list(self, cls: type[Any], doc: object, *, where: str = "$") -> list[Any]:
        """Decode a JSON array of ``cls`` documents, each on its own (one bad item names its index)."""
        if not isinstance(doc, list):
            raise ParseError(
                f"expected a JSON array, got {type(doc).__name__}", schema=cls.__name__, path=where
            )
        decode = self.decode
        return [decode(cls, item, where=f"{where}[{i}]") for i, item in enumerate(doc)]

    def decode_union_list(self, classes: tuple[type, ...], doc: object, where: str = "$") -> list[Any]:
        """Decode a JSON array whose items are one of ``classes`` (an open, tagged union)."""
        if not isinstance(doc, list):
            raise ParseError(
                f"expected a JSON array, got {type(doc).__name__}", schema=classes[0].__name__, path=where
            )
        shape = ("union", classes)
        return [
            self._repair_value(shape, self._slow_union(classes, item), f"{where}[{i}]", "union")
            for i, item in enumerate(doc)
        ]

    def _slow_union(self, classes: tuple[type, ...], item: object) -> object:
        # What the generated try-chain does: the first variant whose from_dict succeeds, the catch-all
        # last, else the input.
        union = self._union(classes)
        if union is not None and isinstance(item, dict):
            tagged = union.by_tag.get(item.get(union.tag_key))  # type: ignore[arg-type]
            if tagged is not None:
                try:
                    return tagged.from_dict(item)  # type: ignore[attr-defined]
                except (KeyError, TypeError, ValueError, AttributeError):
                    return item
        if union is not None and union.unknown is not None:
            classes = (*(c for c in classes if c is not union.unknown), union.unknown)
        if isinstance(item, dict):
            for cls in classes:
                try:
                    return cls.from_dict(item)  # type: ignore[attr-defined]
                except (KeyError, TypeError, ValueError, AttributeError):
                    continue
        return item

    def repair(self, obj: Any, where: str = "$") -> None:
        """Repair or reject the raw fallbacks left by ``from_dict`` in ``obj``, recursively (in place)."""
        fields = self._plan(type(obj))
        if fields is None:
            return
        for field in fields:
            if field.shape is None:
                continue
            value = getattr(obj, field.attr)
            if value is None or isinstance(value, self._unset_type):
                continue
            fixed = self._repair_value(field.shape, value, f"{where}.{field.key}", type(obj).__name__)
            if fixed is not value:
                setattr(obj, field.attr, fixed)

    def _repair_value(self, shape: Any, value: Any, where: str, schema: str) -> Any:
        if shape == _DATE_TIME:
            if isinstance(value, datetime.datetime):
                return value
            raise ParseError(f"expected a date-time, got {value!r}", schema=schema, path=where)
        if isinstance(shape, type):
            if isinstance(value, shape):
                self.repair(value, where)
                return value
            raise ParseError(
                f"expected an object of schema {shape.__name__}, got {_kind(value)}",
                schema=schema,
                path=where,
            )
        kind, inner = shape
        if kind == "list":
            if not isinstance(value, list):
                raise ParseError(f"expected an array, got {_kind(value)}", schema=schema, path=where)
            out = [self._repair_value(inner, item, f"{where}[{i}]", schema) for i, item in enumerate(value)]
            return value if all(a is b for a, b in zip(out, value, strict=True)) else out
        # kind == "union": one element of an open union.
        classes: tuple[type, ...] = inner
        if isinstance(value, classes):
            self.repair(value, where)
            return value
        if isinstance(value, dict):
            # The generated list gave up as a whole: parse each element on its own.
            parsed = self._slow_union(classes, value)
            if isinstance(parsed, classes):
                self.repair(parsed, where)
                return parsed
        union = self._union(classes)
        if union is not None and union.unknown is not None and isinstance(value, dict):
            # No usable tag (missing, not a string, or a variant whose members failed): keep every
            # member in an Unknown… variant rather than failing the whole list.
            rest = dict(value)
            tag = rest.pop(union.tag_key, "")
            if isinstance(tag, str) and tag in union.by_tag:
                raise ParseError(f"a {tag} whose members do not match its schema", schema=schema, path=where)
            kept = union.unknown(
                **{self._tag_attr(union.unknown, union.tag_key): tag if isinstance(tag, str) else ""}
            )
            if not isinstance(tag, str):
                rest[union.tag_key] = tag
            kept.additional_properties = rest
            return kept
        raise ParseError(
            f"expected one of {', '.join(c.__name__ for c in classes)}, got {_kind(value)}",
            schema=schema,
            path=where,
        )

    def _tag_attr(self, cls: type, tag_key: str) -> str:
        for attr, key in self.json_keys(cls).items():
            if key == tag_key:
                return attr
        raise _Unsupported(f"{cls.__name__} has no member {tag_key}")

    # -- plans ----------------------------------------------------------------------------

    def _hints(self, cls: type) -> dict[str, Any]:
        module = sys.modules[cls.__module__]
        return typing.get_type_hints(cls, globalns=vars(module), localns=dict(self._ns))

    def _plan(self, cls: type) -> tuple[_Field, ...] | None:
        if cls in self._fields:
            return self._fields[cls]
        self._fields[cls] = None  # recursion guard (the models are not recursive, but be safe)
        try:
            plan: tuple[_Field, ...] | None = self._compile_fields(cls)
        except _Unsupported:
            plan = None
        self._fields[cls] = plan
        return plan

    def _compile_fields(self, cls: type) -> tuple[_Field, ...]:
        hints = self._hints(cls)
        keys = self.json_keys(cls)
        fields = []
        for field in attrs.fields(cls):
            if not field.init:
                continue
            rest = [
                a for a in _union_args(hints[field.name]) if a is not type(None) and a is not self._unset_type
            ]
            fields.append(_Field(keys[field.name], field.name, self._shape(rest)))
        return tuple(fields)

    def _shape(self, types_: list[Any]) -> Any:
        """What the repair walk checks in a member typed by ``types_`` (its union less None and Unset)."""
        if len(types_) > 1:
            if all(_is_model(t) for t in types_) and self._union(tuple(types_)) is not None:
                return ("union", tuple(types_))
            return None
        if not types_:
            return None
        tp = types_[0]
        if tp is datetime.datetime:
            return _DATE_TIME
        if get_origin(tp) is list:
            (item,) = get_args(tp)
            inner = self._shape([a for a in _union_args(item) if a is not type(None)])
            return ("list", inner) if inner is not None else None
        if _is_model(tp):
            return tp
        return None

    def _union(self, classes: tuple[type, ...]) -> _Union | None:
        if classes in self._unions:
            return self._unions[classes]
        union: _Union | None = None
        try:
            union = self._compile_union(classes)
        except _Unsupported:
            union = None
        self._unions[classes] = union
        return union

    def _compile_union(self, classes: tuple[type, ...]) -> _Union:
        tag_keys: set[str] = set()
        by_tag: dict[str, type] = {}
        unknown: type | None = None
        for cls in classes:
            hints = self._hints(cls)
            keys = self.json_keys(cls)
            consts = [
                (keys[name], get_args(tp)[0])
                for name, tp in hints.items()
                if get_origin(tp) is Literal and len(get_args(tp)) == 1 and name in keys
            ]
            if len(consts) == 1:
                tag_keys.add(consts[0][0])
                by_tag[consts[0][1]] = cls
            elif unknown is None:
                # The catch-all (Unknown…): the generated try-chain tries it last, whatever its place
                # in the type hint (``AlwaysTimePeriod | UnknownTimePeriod | WeeklyTimePeriod``).
                unknown = cls
            else:
                raise _Unsupported(f"union member {cls.__name__} has no const tag")
        if len(tag_keys) != 1:
            raise _Unsupported("union members disagree on the tag")
        tag_key = tag_keys.pop()
        if unknown is not None:
            self._tag_attr(unknown, tag_key)  # raises _Unsupported when the catch-all lacks the tag
        return _Union(tag_key, by_tag, unknown)


def _union_args(tp: Any) -> tuple[Any, ...]:
    if get_origin(tp) in (Union, types.UnionType):
        return get_args(tp)
    return (tp,)


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "a raw object"
    if isinstance(value, list):
        return "a raw array"
    return type(value).__name__


def _describe(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing required member {exc.args[0]!r}" if exc.args else "missing required member"
    return f"{type(exc).__name__}: {exc}"
