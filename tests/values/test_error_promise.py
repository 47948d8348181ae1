"""The error promise: every error the library raises is a ``QarnotError`` naming the offending part.

Argument type errors are :class:`InvalidTypeError`, which is an :class:`InvalidValueError` (so a
``ValueError``) and a builtin ``TypeError`` too. The last tests scan the library's source so that
no ``raise`` of a foreign exception class comes back.
"""

from __future__ import annotations

import ast
import builtins
import datetime as dt
import importlib
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import qarnot_ext
from qarnot_ext import (
    DateSpan,
    InstanceRange,
    InstanceStates,
    InvalidTypeError,
    InvalidValueError,
    OrderBy,
    Problem,
    QarnotError,
    Secret,
    SecretConstant,
    SecretsAccess,
    TimeOfDay,
    format_timestamp,
    parse_timestamp,
    read_constants,
    register_secret,
)
from qarnot_ext._adapter import all_ops
from qarnot_ext._pagination import Cursor
from qarnot_ext.storage import ConnectionSettings

LIBRARY = Path(qarnot_ext.__file__).parent
# The tools are separate programs on top of the public API (a server double, a contract runner, a
# demo): their errors are reports to their own users, not the library's promise.
TOOLS = ("emulator", "contract", "demo")


def _any(value: object) -> Any:
    """Let a wrongly typed value through the type checker, as untyped user code would."""
    return value


def test_the_new_class_and_problem_are_public() -> None:
    assert issubclass(InvalidTypeError, InvalidValueError)
    assert issubclass(InvalidTypeError, TypeError)
    assert issubclass(InvalidTypeError, ValueError)
    assert issubclass(InvalidTypeError, QarnotError)
    assert {"InvalidTypeError", "Problem"} <= set(qarnot_ext.__all__)
    assert Problem.__module__ == QarnotError.__module__


# (what is called, the part the error names as its first problem, a fragment of the message). The
# message names the part too, except for the one-argument converters in SAYS_WHAT_IT_WANTS, whose
# sentence says what they convert from instead ("a TimeOfDay is parsed from a str, not int").
SAYS_WHAT_IT_WANTS = {"InstanceRange.parse", "DateSpan.parse", "TimeOfDay.parse", "TimeOfDay.from_time"}
TYPE_SITES: list[tuple[str, Callable[[], object], str, str]] = [
    ("InstanceRange.span", lambda: InstanceRange.span(_any(1.0), 2), "first id", "float"),
    ("InstanceRange.count", lambda: InstanceRange.count(_any("3")), "count", "str"),
    ("InstanceRange.of", lambda: InstanceRange.of([_any(True)]), "instance id", "bool"),
    ("InstanceRange()", lambda: InstanceRange(_any([[1, 2]])), "segment 0", "tuple"),
    (
        "InstanceRange.parse",
        lambda: InstanceRange.parse(_any(b"1-2")),
        "text",
        "parsed from a str, not bytes",
    ),
    ("InstanceStates.of", lambda: InstanceStates.of(42), "task or status", "int"),
    ("InstanceStates.of status", lambda: InstanceStates.of({"status": [1]}), "task status", "list"),
    ("DateSpan.parse", lambda: DateSpan.parse(_any(90)), "text", "parsed from a str, not int"),
    ("DateSpan.of", lambda: DateSpan.of(hours=_any("1")), "hours", "str"),
    ("DateSpan()", lambda: DateSpan(_any(1.0)), "DateSpan ticks", "float"),
    ("DateSpan.from_timedelta", lambda: DateSpan.from_timedelta(_any(60)), "value", "int"),
    ("parse_timestamp", lambda: parse_timestamp(_any(5)), "text", "int"),
    ("format_timestamp", lambda: format_timestamp(_any("2021-01-01")), "value", "str"),
    ("TimeOfDay.parse", lambda: TimeOfDay.parse(_any(5)), "text", "parsed from a str, not int"),
    ("TimeOfDay.of", lambda: TimeOfDay.of(_any(1.0)), "hour", "float"),
    ("TimeOfDay()", lambda: TimeOfDay(_any(1.0)), "TimeOfDay ticks", "float"),
    (
        "TimeOfDay.from_time",
        lambda: TimeOfDay.from_time(_any(dt.datetime(2021, 1, 1))),
        "value",
        "expected a time, not datetime",
    ),
    ("Secret", lambda: Secret(_any(3)), "value", "int"),
    ("SecretConstant name", lambda: SecretConstant(_any(3), "x"), "a secret constant's name", "int"),
    ("SecretConstant value", lambda: SecretConstant("X", _any(3)), "value", "int"),
    ("SecretConstant alias", lambda: SecretConstant("X", "x", alias=_any(3)), "alias", "int"),
    ("read_constants", lambda: read_constants("A=1"), "constants", "str"),
    ("read_constants item", lambda: read_constants([{"value": "no key"}]), "constants[0]", "dict"),
    ("SecretsAccess.by_key", lambda: SecretsAccess().by_key("a", _any(3)), "keys[1]", "int"),
    ("SecretsAccess.by_prefix", lambda: SecretsAccess().by_prefix(_any(3)), "prefixes[0]", "int"),
    ("SecretsAccess keys", lambda: SecretsAccess(keys="abc"), "keys", "one str"),
    ("SecretsAccess prefixes", lambda: SecretsAccess(prefixes="abc"), "prefixes", "one str"),
    ("SecretsAccess.from_wire", lambda: SecretsAccess.from_wire([]), "data", "list"),
    ("register_secret", lambda: register_secret(_any("plain")), "secret", "str"),
    ("OrderBy", lambda: OrderBy("name", descending=_any("yes")), "descending", "str"),
    ("Cursor page_size", lambda: Cursor(page_size=_any("10")), "page_size", "str"),
    ("Cursor limit", lambda: Cursor(limit=_any(2.0)), "limit", "float"),
    ("Cursor start_token", lambda: Cursor(start_token=_any(5)), "start_token", "int"),
    ("operation missing", lambda: all_ops()["get_task"].build(), "task_uuid", "missing required argument"),
    (
        "operation unexpected",
        lambda: all_ops()["get_settings"].build(bogus=1),
        "bogus",
        "unexpected argument",
    ),
    ("Secret pickle", lambda: pickle.dumps(Secret("abc")), "Secret", "cannot be pickled"),
    (
        "storage credentials pickle",
        lambda: pickle.dumps(ConnectionSettings("https://s3.example.invalid", "me@example.invalid", "tok")),
        "secret",
        "cannot be pickled",
    ),
]


@pytest.mark.parametrize(("site", "build", "part", "fragment"), TYPE_SITES, ids=[s[0] for s in TYPE_SITES])
def test_type_errors_are_invalid_type_errors_naming_the_part(
    site: str, build: Callable[[], object], part: str, fragment: str
) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        build()
    exc = caught.value
    assert isinstance(exc, TypeError)
    assert isinstance(exc, ValueError)
    assert exc.problems
    assert exc.problems[0].text == part
    assert (part in str(exc)) is (site not in SAYS_WHAT_IT_WANTS)
    assert fragment in str(exc)


def test_type_errors_are_caught_as_the_builtin_type_error_too() -> None:
    with pytest.raises(TypeError):
        DateSpan.parse(_any(None))
    with pytest.raises(TypeError):  # what code around pickle.dumps catches
        pickle.dumps({"config": [Secret("abc")]})


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickling_refusals_never_echo_the_secret(protocol: int) -> None:
    for target in (
        Secret("s3cr3t-value"),
        ConnectionSettings("https://s3.example.invalid", "me", "s3cr3t-value"),
    ):
        with pytest.raises(InvalidTypeError) as caught:
            pickle.dumps(target, protocol=protocol)
        assert "s3cr3t-value" not in str(caught.value)
        assert "s3cr3t-value" not in repr(caught.value.problems)


@pytest.mark.parametrize(
    "build",
    [
        lambda: Secret(_any(b"s3cr3t-bytes")),
        lambda: SecretConstant("X", _any(b"s3cr3t-bytes")),
        lambda: register_secret(_any("s3cr3t-bytes")),
    ],
)
def test_secret_type_errors_never_echo_the_value(build: Callable[[], object]) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        build()
    assert "s3cr3t" not in str(caught.value)
    assert "s3cr3t" not in repr(caught.value.problems)


@pytest.mark.parametrize(("name", "value"), [("page_size", 0), ("limit", -3)])
def test_paging_values_out_of_range_are_invalid_values_naming_the_argument(name: str, value: int) -> None:
    with pytest.raises(InvalidValueError) as caught:
        Cursor(**_any({name: value}))
    assert not isinstance(caught.value, TypeError)
    assert caught.value.problems[0].text == name
    assert str(caught.value) == f"invalid paging: {name!r}: must be a positive int or None, got {value}"


def test_the_exception_tree_drawing_lists_the_new_class() -> None:
    doc = QarnotError.__module__
    drawing = importlib.import_module(doc).__doc__ or ""
    assert "InvalidTypeError (TypeError)" in drawing


# -- the regression guard --------------------------------------------------------------------------

# Raises of a foreign class that a Python protocol requires, as (class name, enclosing functions).
PROTOCOL_RAISES: dict[str, frozenset[str]] = {
    # attribute access: hasattr(), getattr(x, n, default) and copy rely on AttributeError
    "AttributeError": frozenset({"__getattr__", "__setattr__", "__delattr__"}),
    "KeyError": frozenset({"__getitem__"}),  # the Mapping protocol (``in``, ``get``)
    "StopIteration": frozenset({"__next__"}),
    "StopAsyncIteration": frozenset({"__anext__"}),
}
# Allowed anywhere: an abstract method's body, and an invariant the code already guarantees.
ALWAYS_ALLOWED = frozenset({"NotImplementedError", "AssertionError"})


def _library_modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(LIBRARY.rglob("*.py")):
        relative = path.relative_to(LIBRARY.parent).with_suffix("")
        if relative.parts[1] in TOOLS:  # a package or a module
            continue
        parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        yield ".".join(parts), path


def _resolve(node: ast.expr, namespace: dict[str, Any]) -> object:
    """The object a raised ``Name`` or dotted ``Attribute`` refers to in the module (``None``: unknown)."""
    if isinstance(node, ast.Name):
        return namespace.get(node.id, getattr(builtins, node.id, None))
    if isinstance(node, ast.Attribute):
        owner = _resolve(node.value, namespace)
        return getattr(owner, node.attr, None) if owner is not None else None
    return None


def _raised_classes(tree: ast.AST) -> Iterator[tuple[ast.expr, int, str]]:
    """Every ``raise X`` / ``raise X(...)`` with a name or dotted name, its line and its function."""

    def walk(node: ast.AST, function: str) -> Iterator[tuple[ast.expr, int, str]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield from walk(child, child.name)
                continue
            if isinstance(child, ast.Raise) and child.exc is not None:
                target = child.exc.func if isinstance(child.exc, ast.Call) else child.exc
                if isinstance(target, ast.Name | ast.Attribute):
                    yield target, child.lineno, function
            yield from walk(child, function)

    yield from walk(tree, "<module>")


def _caught_names(tree: ast.AST) -> set[str]:
    """Names of the classes that some ``except`` clause of the module catches."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            types = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            names |= {t.id for t in types if isinstance(t, ast.Name)}
    return names


def _foreign_raises() -> list[str]:
    found = []
    for module_name, path in _library_modules():
        namespace = vars(importlib.import_module(module_name))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        caught = _caught_names(tree)
        for target, line, function in _raised_classes(tree):
            cls = _resolve(target, namespace)
            if not (isinstance(cls, type) and issubclass(cls, BaseException)) or issubclass(cls, QarnotError):
                continue  # a variable holding an exception (a re-raise), or one of ours
            if cls.__name__ in ALWAYS_ALLOWED or function in PROTOCOL_RAISES.get(cls.__name__, ()):
                continue
            # A private class of the module, caught in the module: control flow that is turned
            # into a QarnotError (or a fallback) before it can reach a caller.
            if cls.__name__.startswith("_") and cls.__module__ == module_name and cls.__name__ in caught:
                continue
            found.append(f"{path.relative_to(LIBRARY.parent)}:{line}: raise {cls.__name__} in {function}()")
    return found


def test_the_library_raises_no_foreign_exception_class() -> None:
    assert _foreign_raises() == []


def test_the_guard_sees_a_foreign_raise() -> None:
    tree = ast.parse("def f(x):\n    if x:\n        raise ValueError('bad')\n    raise KeyError(x)\n")
    raised = [(_resolve(t, {}), line, fn) for t, line, fn in _raised_classes(tree)]
    assert raised == [(ValueError, 3, "f"), (KeyError, 4, "f")]
    assert len(list(_library_modules())) > 20  # the scan does reach the library


def test_no_attrs_validator_raises_a_builtin_type_error() -> None:
    # attrs' own validators (instance_of, in_, …) raise plain TypeError/ValueError: the library
    # writes its validators so that they raise QarnotError subclasses.
    offenders = [
        str(path.relative_to(LIBRARY.parent))
        for _module, path in _library_modules()
        if "attrs.validators" in path.read_text(encoding="utf-8")
        or "attr.validators" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
