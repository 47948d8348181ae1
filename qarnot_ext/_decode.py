"""A fast path for the generated models' ``from_dict``, and the repair of their silent fallbacks.

Why: the generated ``TaskOutput.from_dict`` costs about eight times ``json.loads`` of the same
document (it re-imports two dozen modules and builds a dozen closures per call). Listing 10,000
tasks would spend most of its time there. :class:`Decoders` compiles, once per model class, a plan
from the class's attrs fields and type hints, and decodes well-formed documents with it.

The plan decodes only what it is sure about and builds **exactly** the object ``from_dict`` builds
(same classes, same values, same ``additional_properties``); on anything else (an unknown enum value,
a missing required member, a value of an unexpected type) it gives up on the whole top-level document
and the caller runs the generated ``from_dict``, which keeps its behaviour (logging of unknown enum
values included). ``tests/client/test_decode.py`` checks the equality on the quirk corpus, the
spec's examples and generated documents.

The generated code keeps a raw ``dict`` or ``list`` where every branch of a union failed.
:meth:`Decoders.repair` finds those, repairs lists of open unions element by element (an element
without a usable tag becomes the union's ``Unknown…`` variant with an empty tag, its members kept in
``additional_properties``) and raises :class:`~qarnot_ext.ParseError` naming the schema and the JSON
path for anything else: a model is never handed out with a raw value in place of a model.

This module does not import the generated package: the adapter hands it the model namespace and the
``UNSET`` sentinel.
"""

from __future__ import annotations

import re
import sys
import types
import typing
import uuid
from collections.abc import Callable, Mapping
from typing import Any, Final, Literal, Union, get_args, get_origin

import attrs

from qarnot_ext._errors import ParseError

__all__ = ["Decoders"]


class _Fallback(Exception):
    """Internal: the fast path does not handle this document; use the generated ``from_dict``."""


class _Unsupported(Exception):
    """Internal: a type the plan compiler does not handle (the class then always uses ``from_dict``)."""


_MISSING: Final = object()
Conv = Callable[[Any], Any]


class _Probe(str):
    """A marker put in every field to learn each field's JSON key from ``to_dict``.

    It is a ``str`` (so scalar and ``str(...)`` conversions pass it through) that also answers
    ``to_dict``/``isoformat`` (model and date fields) and iterates over itself (required lists).
    """

    __slots__ = ()

    def to_dict(self) -> _Probe:
        return self

    def isoformat(self) -> _Probe:
        return self

    def __iter__(self) -> typing.Iterator[Any]:
        return iter((self,))


@attrs.frozen
class _Field:
    key: str
    attr: str
    conv: Conv | None
    required: bool
    nullable: bool
    # What a repair walk looks for: a model class, ("list", inner), ("union", classes) or None.
    shape: Any


@attrs.frozen
class _Union:
    tag_key: str
    by_tag: Mapping[str, type]
    unknown: type | None


def _is_model(tp: object) -> bool:
    return isinstance(tp, type) and attrs.has(tp) and hasattr(tp, "from_dict")


class Decoders:
    """Compiled decoders for the generated models (thread-safe after construction, lazily filled).

    Args:
        namespace: the generated ``models`` package namespace (to resolve forward references).
        unset: the generated ``UNSET`` sentinel; its type marks optional members.
    """

    def __init__(self, namespace: Mapping[str, Any], unset: object) -> None:
        self._ns = dict(namespace)
        self._unset = unset
        self._unset_type = type(unset)
        self._fields: dict[type, tuple[_Field, ...] | None] = {}
        self._decoders: dict[type, Conv | None] = {}
        self._keys: dict[type, dict[str, str]] = {}
        self._unions: dict[tuple[type, ...], _Union | None] = {}
        self._compiling: set[type] = set()

    # -- public API -------------------------------------------------------------------------

    def json_keys(self, cls: type) -> dict[str, str]:
        """Return ``{attribute: JSON key}`` for a generated model class (learnt from its ``to_dict``)."""
        keys = self._keys.get(cls)
        if keys is None:
            keys = self._learn_keys(cls)
            self._keys[cls] = keys
        return keys

    def has_fast_path(self, cls: type) -> bool:
        """Whether documents of ``cls`` can be decoded without the generated ``from_dict``."""
        return self._decoder(cls) is not None

    def decode(self, cls: type[Any], doc: object, *, where: str = "$") -> Any:
        """Decode ``doc`` as ``cls``: the fast path, else ``from_dict`` and :meth:`repair`.

        Raises:
            ParseError: the document cannot be a ``cls`` (not an object, a required member missing, a
                member of the wrong type where a model was expected).

        """
        fast = self._decoder(cls)
        if fast is not None:
            try:
                return fast(doc)
            except _Fallback:
                pass
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
        return [self.decode(cls, item, where=f"{where}[{i}]") for i, item in enumerate(doc)]

    def decode_union_list(self, classes: tuple[type, ...], doc: object, where: str = "$") -> list[Any]:
        """Decode a JSON array whose items are one of ``classes`` (an open, tagged union)."""
        if not isinstance(doc, list):
            raise ParseError(
                f"expected a JSON array, got {type(doc).__name__}", schema=classes[0].__name__, path=where
            )
        conv, shape = self._union_conv(classes)
        out = []
        for i, item in enumerate(doc):
            try:
                out.append(conv(item))
            except _Fallback:
                out.append(
                    self._repair_value(shape, self._slow_union(classes, item), f"{where}[{i}]", "union")
                )
        return out

    @staticmethod
    def _slow_union(classes: tuple[type, ...], item: object) -> object:
        # What the generated try-chain does: the first variant whose from_dict succeeds, else the input.
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

    # -- repair -----------------------------------------------------------------------------

    def _repair_value(self, shape: Any, value: Any, where: str, schema: str) -> Any:
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

    # -- compilation ------------------------------------------------------------------------

    def _learn_keys(self, cls: type) -> dict[str, str]:
        init_fields = [f for f in attrs.fields(cls) if f.init]
        probes = {f.name: _Probe(f"\x00{f.name}\x00") for f in init_fields}
        instance = cls(**{f.alias or f.name: probes[f.name] for f in init_fields})
        by_text = {str(p): name for name, p in probes.items()}
        keys: dict[str, str] = {}
        for key, value in instance.to_dict().items():
            text = value[0] if isinstance(value, list) and len(value) == 1 else value
            if isinstance(text, str) and text in by_text:
                keys[by_text[text]] = key
        missing = [name for name in probes if name not in keys]
        if missing:
            raise _Unsupported(f"{cls.__name__}: no JSON key found for {missing}")
        return keys

    def _hints(self, cls: type) -> dict[str, Any]:
        module = sys.modules[cls.__module__]
        return typing.get_type_hints(cls, globalns=vars(module), localns=self._ns)

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
            if (field.alias or field.name) != field.name:
                raise _Unsupported(f"{cls.__name__}.{field.name} has an alias")
            tp = hints[field.name]
            args = _union_args(tp)
            nullable = type(None) in args
            optional = self._unset_type in args
            rest = [a for a in args if a is not type(None) and a is not self._unset_type]
            conv, shape = self._conv(rest)
            fields.append(_Field(keys[field.name], field.name, conv, not optional, nullable, shape))
        return tuple(fields)

    def _conv(self, types_: list[Any]) -> tuple[Conv | None, Any]:
        if len(types_) > 1:
            if all(_is_model(t) for t in types_):
                return self._union_conv(tuple(types_))
            raise _Unsupported(f"union {types_}")
        if not types_:
            return None, None
        tp = types_[0]
        if tp in (str, int, float, bool) or tp is Any:
            return None, None
        if tp is uuid.UUID:
            return _uuid, None
        origin = get_origin(tp)
        if origin is Literal:
            values = frozenset(get_args(tp))
            if len(values) == 1:
                # A const tag: from_dict raises on any other value, so only that value passes.
                return _const(next(iter(values))), None
            return _enum(values), None
        if origin is list:
            (item,) = get_args(tp)
            inner, inner_shape = self._conv(list(_union_args(item)))
            shape = ("list", inner_shape) if inner_shape is not None else None
            return _list(inner), shape
        if _is_model(tp):
            return self._nested(tp), tp
        raise _Unsupported(repr(tp))

    def _nested(self, cls: type) -> Conv:
        """The decoder of a member's model, compiled now so that the parent calls it directly."""
        if cls in self._compiling:
            return _Lazy(self, cls)  # a cycle (none in this spec): resolve on first use
        decoder = self._decoder(cls)
        return decoder if decoder is not None else _always_fallback

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
            elif unknown is None and cls is classes[-1]:
                unknown = cls
            else:
                raise _Unsupported(f"union member {cls.__name__} has no const tag")
        if len(tag_keys) != 1:
            raise _Unsupported("union members disagree on the tag")
        tag_key = tag_keys.pop()
        if unknown is not None:
            self._tag_attr(unknown, tag_key)  # raises _Unsupported when the catch-all lacks the tag
        return _Union(tag_key, by_tag, unknown)

    def _union_conv(self, classes: tuple[type, ...]) -> tuple[Conv, Any]:
        union = self._union(classes)
        if union is None:
            raise _Unsupported(f"union of {classes}")
        decoders = {tag: self._nested(cls) for tag, cls in union.by_tag.items()}
        unknown = self._nested(union.unknown) if union.unknown is not None else None
        tag_key = union.tag_key

        def conv(value: Any) -> Any:
            if type(value) is not dict:
                raise _Fallback
            tag = value.get(tag_key, _MISSING)
            decoder = decoders.get(tag) if type(tag) is str else None
            if decoder is not None:
                return decoder(value)
            if unknown is None or type(tag) is not str:
                raise _Fallback
            return unknown(value)

        return conv, ("union", classes)

    def _decoder(self, cls: type) -> Conv | None:
        if cls in self._decoders:
            return self._decoders[cls]
        self._compiling.add(cls)
        try:
            fields = self._plan(cls)
            decoder = None if fields is None else _model_decoder(cls, fields, self._unset)
        finally:
            self._compiling.discard(cls)
        self._decoders[cls] = decoder
        return decoder


class _Lazy:
    """A nested model's decoder, compiled on first use (the plan of a class compiles its fields only)."""

    __slots__ = ("_cls", "_decoder", "_owner")

    def __init__(self, owner: Decoders, cls: type) -> None:
        self._owner = owner
        self._cls = cls
        self._decoder: Conv | None = None

    def __call__(self, value: Any) -> Any:
        decoder = self._decoder
        if decoder is None:
            decoder = self._owner._decoder(self._cls)
            if decoder is None:
                raise _Fallback
            self._decoder = decoder
        return decoder(value)


def _model_decoder(cls: type, fields: tuple[_Field, ...], unset: object) -> Conv:
    """Compile straight-line code for one class: one ``get`` per member and one constructor call.

    A loop over the members costs twice as much in CPython (tuple unpacking and a dict of keyword
    arguments per document), which is the difference between this fast path and the generated one.
    The source is built from attribute names (checked identifiers) and JSON keys (written with
    ``repr``); converters are passed in the namespace, never as text.
    """
    names: dict[str, Any] = {
        "_cls": cls,
        "_U": unset,
        "_F": _Fallback,
        "_known": frozenset(f.key for f in fields),
    }
    lines = ["def decode(src):", "    if type(src) is not dict: raise _F", "    g = src.get"]
    args = []
    for i, f in enumerate(fields):
        if not f.attr.isidentifier():
            raise _Unsupported(f"{cls.__name__}.{f.attr}")
        var = f"v{i}"
        if f.required:
            lines += [f"    {var} = g({f.key!r}, _U)", f"    if {var} is _U: raise _F"]
        else:
            lines.append(f"    {var} = g({f.key!r}, _U)")
        if f.conv is not None:
            guard = f"{var} is not _U" if not f.required else ""
            if f.nullable:
                guard = f"{guard} and {var} is not None" if guard else f"{var} is not None"
            inner = f.conv.inner if isinstance(f.conv, _ListConv) else None
            if inner is not None:
                # Lists of models inline: one call per item instead of two.
                names[f"c{i}"] = inner
                body = [f"if type({var}) is not list: raise _F", f"{var} = [c{i}(x) for x in {var}]"]
            else:
                names[f"c{i}"] = f.conv
                body = [f"{var} = c{i}({var})"]
            if guard:
                lines.append(f"    if {guard}:")
                lines += [f"        {line}" for line in body]
            else:
                lines += [f"    {line}" for line in body]
        args.append(f"{f.attr}={var}")
    if _plain_slots(cls, fields):
        # Set the slots directly: binding ~50 keyword arguments costs more than the assignments.
        names["_new"] = object.__new__
        lines.append("    obj = _new(_cls)")
        lines += [f"    obj.{f.attr} = v{i}" for i, f in enumerate(fields)]
        lines.append(
            "    obj.additional_properties = {} if _known.issuperset(src) else "
            "{k: v for k, v in src.items() if k not in _known}"
        )
    else:
        lines.append(f"    obj = _cls({', '.join(args)})")
        lines.append("    if not _known.issuperset(src):")
        lines.append("        obj.additional_properties = {k: v for k, v in src.items() if k not in _known}")
    lines.append("    return obj")
    exec("\n".join(lines), names)  # noqa: S102 - trusted, generated from the model's own field list
    decoder: Conv = names["decode"]
    return decoder


_CANONICAL_UUID: Final = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)
_new_uuid: Final = object.__new__
_set: Final = object.__setattr__


def _uuid(value: Any) -> uuid.UUID:
    if type(value) is not str:
        raise _Fallback
    if _CANONICAL_UUID.fullmatch(value):
        # What uuid.UUID(value) builds for the canonical form, without its pure-Python parsing.
        out = _new_uuid(uuid.UUID)
        _set(out, "int", int(value.replace("-", ""), 16))
        _set(out, "is_safe", uuid.SafeUUID.unknown)
        return out
    try:
        return uuid.UUID(value)
    except ValueError:
        raise _Fallback from None


def _const(expected: Any) -> Conv:
    def conv(value: Any) -> Any:
        if value != expected:
            raise _Fallback
        return value

    return conv


def _enum(values: frozenset[Any]) -> Conv:
    def conv(value: Any) -> Any:
        # Unknown values go to from_dict, which keeps them and logs them.
        if type(value) is str and value in values:
            return value
        raise _Fallback

    return conv


def _plain_slots(cls: type, fields: tuple[_Field, ...]) -> bool:
    """Whether setting each attribute equals calling ``__init__`` (no hooks, no validators, one extra)."""
    if getattr(cls, "__setattr__", object.__setattr__) is not object.__setattr__:
        return False
    if (
        getattr(cls, "__attrs_post_init__", None) is not None
        or getattr(cls, "__attrs_pre_init__", None) is not None
    ):
        return False
    declared = attrs.fields(cls)
    rest = [a for a in declared if a.init]
    extras = [a for a in declared if not a.init]
    return (
        [a.name for a in rest] == [f.attr for f in fields]
        and all(a.validator is None and a.converter is None for a in declared)
        and [a.name for a in extras] == ["additional_properties"]
        and "__slots__" in cls.__dict__
    )


class _ListConv:
    """A list member's converter; ``inner`` (the items' converter) lets generated code inline it."""

    __slots__ = ("inner",)

    def __init__(self, inner: Conv | None) -> None:
        self.inner = inner

    def __call__(self, value: Any) -> Any:
        if type(value) is not list:
            raise _Fallback
        inner = self.inner
        if inner is None:
            return value  # from_dict keeps the same list object (a cast)
        return [inner(item) for item in value]


def _list(inner: Conv | None) -> Conv:
    return _ListConv(inner)


def _always_fallback(value: Any) -> Any:
    raise _Fallback


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
