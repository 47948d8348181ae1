"""A fast path for the generated models' ``from_dict``, and the repair of their silent fallbacks.

Why: the generated ``TaskOutput.from_dict`` costs about eight times ``json.loads`` of the same
document (it re-imports two dozen modules and builds a dozen closures per call). Listing 10,000
tasks would spend most of its time there. :class:`Decoders` compiles, once per model class, a plan
from the class's attrs fields and type hints, and from it one straight-line Python function that
decodes a well-formed document, nested objects included (see :class:`_Emitter` for the choices and
their measurements). A full task then costs about as much as its ``json.loads``, within 1.5x of
the cost of building its 29 objects with no checks at all (``scripts/bench_client.py``).
Listings go one step further (:meth:`Decoders.stream_page`): each item is decoded right after it is
scanned, while it is still in the CPU caches.

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

import json
import re
import sys
import types
import typing
import uuid
from collections.abc import Callable, Mapping
from typing import Any, Final, Literal, Union, cast, get_args, get_origin

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
class _Kind:
    """What the fast path does with one value; the code generator turns it into inline code.

    ``op`` is ``"any"`` (kept as is: ``from_dict`` only casts scalars), ``"uuid"``, ``"enum"`` and
    ``"const"`` (``arg``: the accepted values), ``"list"`` (``arg``: the items' kind), ``"model"``
    (``arg``: the class) or ``"union"`` (``arg``: the classes of an open, tagged union).
    """

    op: str
    arg: Any = None


_ANY: Final = _Kind("any")


@attrs.frozen
class _Field:
    key: str
    attr: str
    kind: _Kind
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
        self._union_convs: dict[tuple[type, ...], Conv] = {}
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
        fast = self._decoder(cls)
        if fast is not None:
            # The whole page in one comprehension: no per-item path text or method call. When an
            # item needs from_dict, start again item by item (each item tries the fast path first).
            try:
                return [fast(item) for item in doc]
            except _Fallback:
                pass
        return [self.decode(cls, item, where=f"{where}[{i}]") for i, item in enumerate(doc)]

    def stream_list(self, cls: type[Any], body: bytes) -> list[Any] | None:
        """Decode a JSON array of ``cls`` from raw bytes, each item as soon as it is parsed.

        Returns ``None`` when the fast way does not apply (see :meth:`stream_page`); the caller then
        runs ``json.loads`` and :meth:`decode_list`, which are authoritative and raise the usual errors.
        """
        items = self._stream(cls, body, None)
        return items if isinstance(items, list) else None

    def stream_page(self, cls: type[Any], body: bytes, member: str = "data") -> dict[str, Any] | None:
        """Parse a JSON object like ``json.loads`` and decode its array ``member`` of ``cls`` as it goes.

        Returns the object with ``member`` holding the decoded items, or ``None`` when the body is
        anything else or anything goes wrong (not UTF-8, not an object, ``member`` absent or not an
        array, malformed JSON, an item that does not decode, ...): the caller then parses and decodes
        the whole document as usual, which is authoritative and raises the usual errors.

        Why: decoding a page after ``json.loads`` reads a tree of several megabytes that has left the
        CPU caches since it was built; decoding each item right after the C scanner builds it finds it
        in cache. On 500-task pages that saves more than scanning item by item costs (which forgoes
        the key sharing of one ``json.loads`` call): 10 to 15% of the listing's CPU time (the "pages"
        line of ``scripts/bench_client.py``). The scanner is the one ``json.loads`` uses (same strictness,
        numbers and constants), the envelope follows JSON's grammar, and a repeated member keeps its
        last value as ``json.loads`` does.
        """
        doc = self._stream(cls, body, member)
        # The member's (last) value went through the item decoder only when it was an array.
        return doc if isinstance(doc, dict) and isinstance(doc.get(member), list) else None

    def _stream(self, cls: type[Any], body: bytes, member: str | None) -> object:
        fast = self._decoder(cls)
        # json.loads decodes bytes with the encoding it detects; only plain UTF-8 is streamed.
        if fast is None or json.detect_encoding(body) != "utf-8":
            return None
        decode = self.decode

        def item(value: Any) -> Any:
            try:
                return fast(value)
            except _Fallback:
                return decode(cls, value)  # a ParseError here sends the whole body to the usual path

        try:
            return _scan_document(body.decode("utf-8", "surrogatepass"), member, item)
        except (ValueError, IndexError, StopIteration, RecursionError):
            # Malformed or truncated JSON (JSONDecodeError, StopIteration, IndexError), a ParseError
            # (a ValueError), nesting too deep: the whole-document path decides and reports.
            return None

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

    def _slow_union(self, classes: tuple[type, ...], item: object) -> object:
        # What the generated try-chain does: the first variant whose from_dict succeeds, the catch-all
        # last, else the input.
        union = self._union(classes)
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
            kind, shape = self._member_kind(rest)
            fields.append(_Field(keys[field.name], field.name, kind, not optional, nullable, shape))
        return tuple(fields)

    def _member_kind(self, types_: list[Any]) -> tuple[_Kind, Any]:
        """The kind of a member typed by ``types_`` (its union less ``None`` and ``Unset``), and its shape."""
        if len(types_) > 1:
            if all(t in (str, int, float, bool) for t in types_):
                return _ANY, None  # e.g. ``int | str``: from_dict casts, whatever the value
            if all(_is_model(t) for t in types_) and self._union(tuple(types_)) is not None:
                return _Kind("union", tuple(types_)), ("union", tuple(types_))
            raise _Unsupported(f"union {types_}")
        if not types_:
            return _ANY, None
        tp = types_[0]
        if tp in (str, int, float, bool) or tp is Any:
            return _ANY, None
        if tp is uuid.UUID:
            return _Kind("uuid"), None
        origin = get_origin(tp)
        if origin is Literal:
            # One value: a const tag (from_dict raises on any other value); several: an open enum
            # whose unknown values go to from_dict, which keeps and logs them.
            return _Kind("const" if len(get_args(tp)) == 1 else "enum", frozenset(get_args(tp))), None
        if origin is list:
            (item,) = get_args(tp)
            inner, inner_shape = self._member_kind(list(_union_args(item)))
            shape = ("list", inner_shape) if inner_shape is not None else None
            return _Kind("list", inner), shape
        if _is_model(tp):
            return _Kind("model", tp), tp
        raise _Unsupported(repr(tp))

    def _conv(self, kind: _Kind) -> Conv | None:
        """A callable for values of ``kind`` (list items, members); ``None`` for values kept as is."""
        if kind.op == "any":
            return None
        if kind.op == "uuid":
            return _uuid
        if kind.op in ("enum", "const"):
            return _member_of(kind.arg)
        if kind.op == "list":
            return _ListConv(self._conv(kind.arg))
        if kind.op == "model":
            return self._nested(kind.arg)
        return self._union_conv(kind.arg)[0]

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

    def _union_conv(self, classes: tuple[type, ...]) -> tuple[Conv, Any]:
        conv = self._union_convs.get(classes)
        if conv is None:
            conv = self._compile_union_conv(classes)
            self._union_convs[classes] = conv
        return conv, ("union", classes)

    def _compile_union_conv(self, classes: tuple[type, ...]) -> Conv:
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

        return conv

    def _decoder(self, cls: type) -> Conv | None:
        if cls in self._decoders:
            return self._decoders[cls]
        self._compiling.add(cls)
        try:
            fields = self._plan(cls)
            decoder = None
            if fields is not None:
                try:
                    decoder = _Emitter(self).function(cls, fields)
                except _Unsupported:
                    decoder = None
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


_INLINE_DEPTH: Final = 6
"""How many classes deep objects are inlined (a task nests 5: task, status, running-instances info,
per-instance info, forward); deeper ones are decoded by a call, which bounds the code's size."""


class _Emitter:
    """Writes the decoder of one class: straight-line code, nested objects inlined.

    Why generated code: a loop over the members costs about twice as much in CPython (tuple unpacking,
    a converter call per member, a dict of keyword arguments), and that difference is most of the
    decoding time. Choices measured on the reference task (29 objects, 177 members, 4 UUIDs):

    * Reading: when the document has exactly as many members as the class, plain subscripts in one
      ``try`` read them all (as fast as one ``operator.itemgetter`` call, and faster than
      ``dict.get``), and finding them all proves there is no additional property. A ``KeyError`` or
      another count takes the ``dict.get`` path, which checks required members and counts the
      missing ones: the document has additional properties exactly when its size is not the
      number of members found (cheaper than ``_known.issuperset(src)``, which builds a set). A
      ``try`` per member, to stay on subscripts when one or two are missing, measured slower: a
      raised ``KeyError`` costs more than the ``dict.get`` calls it spares.
    * Checks are inline: an enum or const tag is one ``in`` test on a frozenset that also holds the
      ``None``/``UNSET`` the member may take (an unhashable value raises ``TypeError``, turned into a
      fallback); lists and UUIDs are checked and converted in place, without a call.
    * Nested objects (a member's object, the items of a list of objects, in a loop) are decoded
      inline, without a call per object; other lists (UUIDs, union members) call a converter.
    * Construction: ``object.__new__`` and one slot store per member instead of ``__init__`` (binding
      ~50 keyword arguments costs more than the stores), when that is equivalent (:func:`_plain_slots`).

    The source is built from attribute names (checked identifiers) and JSON keys (written with
    ``repr``); classes, converters and constants are bound as globals of the function, never spelled
    as text. Anything unexpected (``TypeError``, ``ValueError``) becomes :class:`_Fallback`, so the
    caller runs ``from_dict``: the fast path never answers differently from it.
    """

    def __init__(self, owner: Decoders) -> None:
        self._owner = owner
        self.names: dict[str, Any] = {
            "_U": owner._unset,
            "_F": _Fallback,
            "_new": object.__new__,
            "_set": object.__setattr__,
            "_UUID": uuid.UUID,
            "_unknown_safety": uuid.SafeUUID.unknown,
        }
        self._objects = 0
        self._globals = 0

    def name(self, prefix: str, value: Any) -> str:
        """Bind ``value`` to a fresh global name of the generated function."""
        self._globals += 1
        name = f"{prefix}{self._globals}"
        self.names[name] = value
        return name

    def function(self, cls: type, fields: tuple[_Field, ...]) -> Conv:
        """Compile the decoder of ``cls``; raises :class:`_Unsupported` for a member it cannot name."""
        body, result = self._object(cls, fields, "src", (cls,))
        lines = [
            "def decode(src):",
            "    if type(src) is not dict: raise _F",
            "    try:",
            *(f"        {line}" for line in body),
            "    except (TypeError, ValueError):",
            "        raise _F from None",
            f"    return {result}",
        ]
        exec("\n".join(lines), self.names)  # noqa: S102 - trusted, generated from the models' own fields
        decoder: Conv = self.names.pop("decode")
        return decoder

    def _object(
        self, cls: type, fields: tuple[_Field, ...], src: str, chain: tuple[type, ...]
    ) -> tuple[list[str], str]:
        """Lines that decode the dict in variable ``src`` as ``cls``, and the variable holding the result.

        ``src`` is known to be a dict. ``chain`` holds the classes being inlined (to stop on a cycle).
        """
        for f in fields:
            if not f.attr.isidentifier():
                raise _Unsupported(f"{cls.__name__}.{f.attr}")
        self._objects += 1
        p = f"o{self._objects}_"  # every inlined object has its own variables
        variables = [f"{p}{i}" for i in range(len(fields))]
        known = self.name("_known", frozenset(f.key for f in fields))
        ap = f"{p}ap"
        lines: list[str] = []
        if not fields:
            # Only additional properties (e.g. Labels): from_dict keeps a copy of the whole document.
            lines.append(f"{ap} = dict({src})")
        else:
            lines += [
                f"if len({src}) == {len(fields)}:",
                "    try:",
                *(f"        {var} = {src}[{f.key!r}]" for var, f in zip(variables, fields, strict=True)),
                "    except KeyError:",
                f"        {ap} = None",
                "    else:",
                f"        {ap} = {{}}",
                "else:",
                f"    {ap} = None",
                f"if {ap} is None:",
                f"    g = {src}.get",
                "    missing = 0",
            ]
            for var, f in zip(variables, fields, strict=True):
                lines.append(f"    {var} = g({f.key!r}, _U)")
                lines.append(f"    if {var} is _U: {'raise _F' if f.required else 'missing += 1'}")
            # No additional property when the members found account for all of the document's.
            lines += [
                f"    if len({src}) + missing == {len(fields)}:",
                f"        {ap} = {{}}",
                "    else:",
                f"        {ap} = {{k: v for k, v in {src}.items() if k not in {known}}}",
            ]
        for var, f in zip(variables, fields, strict=True):
            lines += self._convert(var, f, chain)
        obj = f"{p}obj"
        new_cls = self.name("_cls", cls)
        if _plain_slots(cls, fields):
            lines.append(f"{obj} = _new({new_cls})")
            lines += [f"{obj}.{f.attr} = {var}" for var, f in zip(variables, fields, strict=True)]
        else:
            args = ", ".join(f"{f.attr}={var}" for var, f in zip(variables, fields, strict=True))
            lines.append(f"{obj} = {new_cls}({args})")
        lines.append(f"{obj}.additional_properties = {ap}")
        return lines, obj

    def _inline_plan(self, kind: _Kind, chain: tuple[type, ...]) -> tuple[_Field, ...] | None:
        """The plan of a model kind's class when its decoding can be inlined here, else ``None``."""
        if kind.op != "model" or kind.arg in chain or len(chain) > _INLINE_DEPTH:
            return None
        if kind.arg in self._owner._compiling and kind.arg is not chain[0]:
            return None  # a cycle through another class: decode it by a call (see _Lazy)
        return self._owner._plan(kind.arg)

    def _convert(self, var: str, f: _Field, chain: tuple[type, ...]) -> list[str]:
        """Lines that check and convert member ``var`` in place (raising ``_F`` where from_dict differs)."""
        kind = f.kind
        if kind.op == "any":
            return []  # from_dict only casts scalars
        passes = ([] if f.required else ["_U"]) + (["None"] if f.nullable else [])
        if kind.op in ("enum", "const"):
            allowed = set(kind.arg)
            if not f.required:
                allowed.add(self.names["_U"])
            if f.nullable:
                allowed.add(None)
            return [f"if {var} not in {self.name('_ok', frozenset(allowed))}: raise _F"]
        # ``guard``: the value is neither UNSET nor None (those pass through unconverted).
        guard = " and ".join(f"{var} is not {p}" for p in passes)
        if kind.op == "uuid":
            # What uuid.UUID(value) builds (see _uuid), inline.
            lines = [
                f"if type({var}) is not str: raise _F",
                f"h = {var}.replace('-', '')",
                "if len(h) != 32: raise _F",
                f"{var} = _new(_UUID)",
                f"_set({var}, 'int', int(h, 16))",
                f"_set({var}, 'is_safe', _unknown_safety)",
            ]
        elif kind.op == "list":
            item = self._owner._conv(kind.arg)
            if item is None:
                # A list of scalars: from_dict keeps the same list object (a cast).
                return [f"if type({var}) is not list{' and ' + guard if guard else ''}: raise _F"]
            plan = self._inline_plan(kind.arg, chain)
            if plan is None:
                # A one-item list (the usual case in task documents) without a comprehension's frame.
                conv = self.name("_c", item)
                each = [f"{var} = [{conv}({var}[0])] if len({var}) == 1 else [{conv}(x) for x in {var}]"]
            else:
                # Items decoded inline in a loop: no call per item (lists here hold one or two items).
                item_var, out = f"{var}_item", f"{var}_out"
                body, result = self._object(kind.arg.arg, plan, item_var, (*chain, kind.arg.arg))
                each = [
                    f"{out} = []",
                    f"for {item_var} in {var}:",
                    f"    if type({item_var}) is not dict: raise _F",
                    *(f"    {line}" for line in body),
                    f"    {out}.append({result})",
                    f"{var} = {out}",
                ]
            return [
                f"if type({var}) is list:",
                *(f"    {line}" for line in each),
                f"elif {guard}:" if guard else "else:",
                "    raise _F",
            ]
        else:
            plan = self._inline_plan(kind, chain)
            if plan is None:
                lines = [f"{var} = {self.name('_c', self._owner._conv(kind))}({var})"]
            else:
                body, result = self._object(kind.arg, plan, var, (*chain, kind.arg))
                lines = [f"if type({var}) is not dict: raise _F", *body, f"{var} = {result}"]
        return [f"if {guard}:", *(f"    {line}" for line in lines)] if guard else lines


# JSON's whitespace, as ``json.decoder`` skips it; the pattern matches the empty string, so ``match``
# never returns None.
_WS: Final = cast("Callable[[str, int], re.Match[str]]", re.compile(r"[ \t\n\r]*").match)
# The scanner behind ``json.loads`` (the C one when available): one JSON value from an index, returning
# ``(value, end)``. An instance attribute that typeshed does not declare, hence ``vars``.
_SCAN: Final[Callable[[str, int], tuple[Any, int]]] = vars(json.JSONDecoder())["scan_once"]


def _scan_document(text: str, member: str | None, decode_item: Conv) -> object:
    """Scan JSON ``text``: an array of items (``member`` is ``None``) or an object with array ``member``.

    Items go through ``decode_item`` as soon as they are scanned. Raises on anything ``json.loads``
    would not accept the same way (the caller then falls back to it).
    """
    ws = _WS
    i = ws(text, 0).end()
    doc: object
    if member is None:
        if text[i] != "[":
            raise ValueError("not an array")
        doc, i = _scan_array(text, i, decode_item)
    else:
        if text[i] != "{":
            raise ValueError("not an object")
        doc, i = _scan_object(text, i, member, decode_item)
    if ws(text, i).end() != len(text):
        raise ValueError("extra data")
    return doc


def _scan_array(text: str, i: int, decode_item: Conv) -> tuple[list[Any], int]:
    """Scan the array at ``text[i] == "["``; return its decoded items and the index after it."""
    ws = _WS
    scan = _SCAN
    items: list[Any] = []
    append = items.append
    i = ws(text, i + 1).end()
    if text[i] == "]":
        return items, i + 1
    while True:
        value, i = scan(text, i)
        append(decode_item(value))
        i = ws(text, i).end()
        if text[i] == "]":
            return items, i + 1
        if text[i] != ",":
            raise ValueError("expected ',' or ']'")
        i = ws(text, i + 1).end()


def _scan_object(text: str, i: int, member: str, decode_item: Conv) -> tuple[dict[str, Any], int]:
    """Scan the object at ``text[i] == "{"``; the items of its array ``member`` are decoded."""
    ws = _WS
    scan = _SCAN
    out: dict[str, Any] = {}
    i = ws(text, i + 1).end()
    if text[i] == "}":
        return out, i + 1
    while True:
        if text[i] != '"':
            raise ValueError("expected a member name")
        key, i = scan(text, i)
        i = ws(text, i).end()
        if text[i] != ":":
            raise ValueError("expected ':'")
        i = ws(text, i + 1).end()
        if key == member and text[i] == "[":
            out[key], i = _scan_array(text, i, decode_item)
        else:
            out[key], i = scan(text, i)
        i = ws(text, i).end()
        if text[i] == "}":
            return out, i + 1
        if text[i] != ",":
            raise ValueError("expected ',' or '}'")
        i = ws(text, i + 1).end()


_new: Final = object.__new__
_set: Final = object.__setattr__


def _uuid(value: Any) -> uuid.UUID:
    """``uuid.UUID(value)`` for a ``str``, without its pure-Python parsing; :class:`_Fallback` if invalid.

    The result is the same for every input: ``UUID(hex)`` strips ``urn:``, ``uuid:`` and braces, drops
    the dashes, requires 32 characters and calls ``int(hex, 16)``; a string that still holds any of
    those characters makes ``int`` fail here, and then ``UUID`` would have stripped them first or
    failed too (the slow path decides).
    """
    if type(value) is not str:
        raise _Fallback
    hex_ = value.replace("-", "")
    if len(hex_) != 32:
        raise _Fallback
    try:
        number = int(hex_, 16)
    except ValueError:
        raise _Fallback from None
    out = _new(uuid.UUID)
    _set(out, "int", number)
    _set(out, "is_safe", uuid.SafeUUID.unknown)
    return out


def _member_of(values: frozenset[Any]) -> Conv:
    """A list item of an enum or const kind: a known string passes, anything else goes to from_dict."""

    def conv(value: Any) -> Any:
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
    """The converter of a list nested in a list (the generated code converts a member's list inline)."""

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
