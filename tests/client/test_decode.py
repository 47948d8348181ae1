"""Decoding: the fast path builds exactly what ``from_dict`` builds; raw fallbacks are repaired."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import qarnot_api.models as models
from qarnot_ext import ParseError
from qarnot_ext._adapter import DECODERS
from qarnot_ext._decode import _Fallback
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
