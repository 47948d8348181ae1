"""Decoding: the fast path builds exactly what ``from_dict`` builds; raw fallbacks are repaired."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import qarnot_api.models as models
from qarnot_api.types import UNSET
from qarnot_ext import ParseError
from qarnot_ext._adapter import DECODERS
from qarnot_ext._decode import Decoders, _Fallback, _uuid
from tests.client._fakes import REPO, spec, task_doc

QUIRKS = sorted((REPO / "tests" / "fuzz" / "quirks").glob("*.json"))
RESPONSE_SCHEMAS = sorted(
    name
    for name, schema in spec()["components"]["schemas"].items()
    if hasattr(models, name) and (name.endswith(("Output", "Page")) or name in {"TaskStatus", "PoolStatus"})
)


def _same_as_generated(cls: type, doc: Any) -> bool:
    """True when the fast path took ``doc``; then it must equal ``from_dict`` exactly."""
    fast = DECODERS._decoder(cls)
    assert fast is not None, cls.__name__
    try:
        mine = fast(doc)
    except _Fallback:
        return False
    assert mine == cls.from_dict(copy.deepcopy(doc))  # type: ignore[attr-defined]
    assert mine.to_dict() == cls.from_dict(copy.deepcopy(doc)).to_dict()  # type: ignore[attr-defined]
    return True


@pytest.mark.parametrize("name", RESPONSE_SCHEMAS)
def test_every_response_model_has_a_fast_path_and_its_keys_match_the_spec(name: str) -> None:
    cls = getattr(models, name)
    properties = set(spec()["components"]["schemas"][name].get("properties", {}))
    if DECODERS.has_fast_path(cls):
        assert set(DECODERS.json_keys(cls).values()) == properties
    else:  # only a date member (VersionOutput.endOfLife) keeps a class on from_dict
        assert name == "VersionOutput"


@pytest.mark.parametrize("path", QUIRKS, ids=[p.stem for p in QUIRKS])
def test_quirk_corpus_decodes_like_the_generated_code(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    cls = getattr(models, case["schema"], None)
    if cls is None or not hasattr(cls, "from_dict"):
        pytest.skip(f"{case['schema']} is not a model")
    decoded = DECODERS.decode(cls, copy.deepcopy(case["payload"]))
    assert decoded == cls.from_dict(copy.deepcopy(case["payload"]))
    if DECODERS.has_fast_path(cls):
        _same_as_generated(cls, case["payload"])


def test_the_reference_task_takes_the_fast_path() -> None:
    assert _same_as_generated(models.TaskOutput, task_doc())


_scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=5), st.just("Success"))
_json = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=6,
)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out += _paths(value, (*prefix, i))
    return out


BASE = task_doc()
PATHS = _paths(BASE)


@given(edits=st.lists(st.tuples(st.sampled_from(PATHS), st.one_of(st.just("<delete>"), _json)), max_size=4))
def test_mutated_tasks_decode_exactly_like_the_generated_code_or_fail_typed(edits: list[Any]) -> None:
    doc = copy.deepcopy(BASE)
    for path, value in edits:
        parent: Any = doc
        try:
            for step in path[:-1]:
                parent = parent[step]
            if value == "<delete>":
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    _same_as_generated(models.TaskOutput, doc)
    try:
        decoded = DECODERS.decode(models.TaskOutput, doc)
    except ParseError:
        return
    # Whatever came back holds no raw dict where a model belongs.
    DECODERS.repair(decoded)


def test_a_list_of_constraints_with_a_tagless_element_is_repaired_element_by_element() -> None:
    doc = task_doc(
        hardwareConstraints=[
            {"discriminator": "MinimumCoreHardwareConstraint", "coreCount": 8},
            {"coreCount": 3},
            {"discriminator": "NewThing", "x": 1},
        ]
    )
    raw = models.TaskOutput.from_dict(copy.deepcopy(doc)).hardware_constraints
    assert isinstance(raw, list)
    assert isinstance(raw[0], dict)
    constraints = DECODERS.decode(models.TaskOutput, doc).hardware_constraints
    assert [type(c).__name__ for c in constraints] == [
        "MinimumCoreHardwareConstraint",
        "UnknownHardwareConstraint",
        "UnknownHardwareConstraint",
    ]
    assert constraints[1].discriminator == ""
    assert constraints[1].additional_properties == {"coreCount": 3}


def test_a_raw_object_where_a_model_belongs_is_a_parse_error_naming_the_path() -> None:
    doc = task_doc(secretsAccessRights={"bySecret": [{"no-key": 1}]})
    raw: Any = models.TaskOutput.from_dict(copy.deepcopy(doc)).secrets_access_rights
    assert isinstance(raw.by_secret[0], dict)  # the generated code kept the item raw
    with pytest.raises(ParseError) as info:
        DECODERS.decode(models.TaskOutput, doc)
    assert info.value.path == "$.secretsAccessRights.bySecret[0]"
    assert info.value.schema == "SecretsAccessRights"
    with pytest.raises(ParseError, match="expected a JSON object"):
        DECODERS.decode(models.TaskOutput, ["not", "an", "object"])
    with pytest.raises(ParseError) as info:
        DECODERS.decode_list(models.TaskOutput, [task_doc(), {"name": "x"}], where="$.data")
    assert info.value.path == "$.data[1]"


# -- the generated code's paths, one by one -------------------------------------------------------

RETRY = {"maxTotalRetries": 1, "maxPerInstanceRetries": 2}


@pytest.mark.parametrize(
    ("doc", "extra"),
    [
        (RETRY, {}),  # every member, no other: one itemgetter call, no additional property
        ({**RETRY, "new": [1]}, {"new": [1]}),  # one more member than the class has
        ({"maxTotalRetries": 1, "new": 2}, {"new": 2}),  # as many members, one unknown: KeyError path
        ({"maxTotalRetries": 1}, {}),  # fewer members: the dict.get path counts the missing one
        ({}, {}),
        ({"a": 1, "b": 2, "c": 3}, {"a": 1, "b": 2, "c": 3}),
    ],
)
def test_additional_properties_are_found_whichever_way_members_are_read(
    doc: dict[str, Any], extra: dict[str, Any]
) -> None:
    assert _same_as_generated(models.RetrySettings, doc)
    decoded = DECODERS.decode(models.RetrySettings, copy.deepcopy(doc))
    assert decoded.additional_properties == extra
    again = DECODERS.decode(models.RetrySettings, doc)
    assert decoded.additional_properties is not again.additional_properties  # never a shared dict


@pytest.mark.parametrize(
    "change",
    [
        {"maxRetriesPerInstance": 3},  # the member the reference example lacks: all 51 present
        {"maxRetriesPerInstance": 3, "brandNew": {"x": 1}},
        {"brandNew": 1},  # 51 members, one unknown: itemgetter misses maxRetriesPerInstance
    ],
)
def test_a_full_task_with_every_member_or_an_unknown_one_takes_the_fast_path(change: dict[str, Any]) -> None:
    doc = task_doc(**change)
    assert _same_as_generated(models.TaskOutput, doc)
    assert DECODERS.decode(models.TaskOutput, doc).additional_properties == {
        k: v for k, v in change.items() if k == "brandNew"
    }


def test_a_required_member_missing_is_never_read_as_unset() -> None:
    # As many members as ResourcesBucket has, but the required bucketName is not one of them.
    doc = {"filtering": None, "resourcesTransformation": None, "cacheTTLSec": 1, "other": "x"}
    assert not _same_as_generated(models.ResourcesBucket, doc)
    with pytest.raises(ParseError, match="bucketName"):
        DECODERS.decode(models.ResourcesBucket, doc)
    nested = task_doc(advancedResourceBuckets=[doc])
    assert not _same_as_generated(models.TaskOutput, nested)
    with pytest.raises(ParseError):
        DECODERS.decode(models.TaskOutput, nested)


@pytest.mark.parametrize("value", [{}, [], {"Success": 1}, ["Success"], 3, True, "NewState", "success"])
def test_an_enum_member_that_is_not_a_known_string_goes_to_from_dict(value: Any) -> None:
    # An unhashable value makes the inline ``in`` test raise TypeError: that must become a fallback.
    for doc in (task_doc(state=value), task_doc(completedInstances=[{"state": value}])):
        assert not _same_as_generated(models.TaskOutput, doc)
        assert DECODERS.decode(models.TaskOutput, copy.deepcopy(doc)) == models.TaskOutput.from_dict(doc)


@pytest.mark.parametrize("count", [0, 1, 2, 3])
def test_lists_of_objects_decode_inline_whatever_their_length(count: int) -> None:
    item = {"key": "K", "value": "V"}
    doc = task_doc(
        constants=[dict(item, key=f"K{i}") for i in range(count)],
        completedInstances=[{"instanceId": i, "error": {"code": str(i)}} for i in range(count)],
        dependencies={"dependsOn": [str(uuid.UUID(int=i)) for i in range(count)]},
    )
    assert _same_as_generated(models.TaskOutput, doc)
    bad = copy.deepcopy(doc)
    bad["constants"].append({"value": "no key"})  # a required member missing in the last item
    assert not _same_as_generated(models.TaskOutput, bad)


UUID_TEXT = "52c10b2d-0687-41e1-985e-7279f6dd543a"


@pytest.mark.parametrize(
    "text",
    [
        UUID_TEXT,
        UUID_TEXT.upper(),
        UUID_TEXT.replace("-", ""),
        "{" + UUID_TEXT + "}",
        "urn:uuid:" + UUID_TEXT,
        " " + UUID_TEXT.replace("-", "")[1:],
        "+" + UUID_TEXT.replace("-", "")[1:],
        UUID_TEXT.replace("-", "")[:30] + "_0",
        "0x" + UUID_TEXT.replace("-", "")[2:],
        UUID_TEXT[:-1],
        UUID_TEXT + "0",
        "",
        "not-a-uuid",
    ],
)
def test_uuid_members_decode_exactly_like_uuid_uuid(text: str) -> None:
    for doc in (
        task_doc(uuid=text),
        task_doc(poolUuid=text),
        task_doc(dependencies={"dependsOn": [UUID_TEXT, text]}),
    ):
        try:
            expected = models.TaskOutput.from_dict(copy.deepcopy(doc))
        except (ValueError, TypeError, AttributeError):
            with pytest.raises(ParseError):
                DECODERS.decode(models.TaskOutput, doc)
            continue
        _same_as_generated(models.TaskOutput, doc)
        assert DECODERS.decode(models.TaskOutput, doc) == expected


@given(
    st.one_of(
        st.uuids().map(str),
        st.uuids().map(lambda u: u.hex.upper()),
        st.text(alphabet="0123456789abcdefABCDEF-{}urnid: _+x", max_size=40),
    )
)
def test_the_uuid_converter_agrees_with_uuid_uuid(text: str) -> None:
    try:
        expected: uuid.UUID | None = uuid.UUID(text)
    except ValueError:
        expected = None
    try:
        mine: uuid.UUID | None = _uuid(text)
    except _Fallback:
        mine = None  # the slow path decides
    if mine is not None:
        assert type(mine) is uuid.UUID
        assert expected is not None
        assert (mine.int, mine.is_safe, str(mine)) == (expected.int, expected.is_safe, str(expected))
    elif len(text.replace("-", "")) == 32 and all(c in "0123456789abcdefABCDEF-" for c in text):
        pytest.fail(f"{text!r} is a plain hex UUID: the fast path must take it")


VALIDATED: list[object] = []


def _record(_instance: object, _attribute: object, value: object) -> None:
    VALIDATED.append(value)


@attrs.define
class _Validated:
    """A model whose ``__init__`` runs a validator: the fast path must call it, not set slots."""

    count: Any = attrs.field(validator=_record)
    additional_properties: dict[str, Any] = attrs.field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {**self.additional_properties, "count": self.count}

    @classmethod
    def from_dict(cls, src: dict[str, Any]) -> _Validated:
        rest = dict(src)
        obj = cls(count=rest.pop("count"))
        obj.additional_properties = rest
        return obj


def test_a_class_with_validators_is_built_through_its_init() -> None:
    decoders = Decoders({"_Validated": _Validated}, UNSET)
    assert decoders.has_fast_path(_Validated)
    VALIDATED.clear()
    decoded = decoders.decode(_Validated, {"count": 3, "x": 1})
    assert VALIDATED == [3]
    assert decoded == _Validated.from_dict({"count": 3, "x": 1})
    assert decoded.additional_properties == {"x": 1}
