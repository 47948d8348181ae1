"""The custom ``templates/literal_enum.py.jinja``: generated enums are open.

Unknown strings pass through (logged at DEBUG, never warned: ``filterwarnings = error`` would turn a
warning into a failure in every test suite that parses a newer API's data); non-strings still raise.
"""

from __future__ import annotations

import importlib
import logging
import warnings
from pathlib import Path

import pytest

from qarnot_api.models import Node, TaskOutput
from qarnot_api.models.scheduling_type import SCHEDULING_TYPE_VALUES, check_scheduling_type
from qarnot_api.models.task_state import TASK_STATE_VALUES, check_task_state
from tests.spec._spec_tools import REPO, load_spec

TEMPLATE = REPO / "templates" / "literal_enum.py.jinja"
MODELS = REPO / "generated" / "qarnot_api" / "models"
MARKER = "the enum is open"


def _enum_schemas() -> list[str]:
    return sorted(n for n, s in load_spec()["components"]["schemas"].items() if "enum" in s)


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def test_the_overrides_are_the_known_ones_and_the_enum_template_is_small() -> None:
    overrides = sorted(str(p.relative_to(TEMPLATE.parent)) for p in TEMPLATE.parent.rglob("*.jinja"))
    assert overrides == [
        "literal_enum.py.jinja",
        "model.py.jinja",
        "models_init.py.jinja",
        "property_templates/datetime_property.py.jinja",
        "types.py.jinja",
    ]
    assert MARKER in TEMPLATE.read_text(encoding="utf-8")
    assert len(TEMPLATE.read_text(encoding="utf-8").splitlines()) < 30


@pytest.mark.parametrize("name", _enum_schemas())
def test_every_generated_enum_is_open(name: str, caplog: pytest.LogCaptureFixture) -> None:
    module = importlib.import_module(f"qarnot_api.models.{_snake(name)}")
    source = Path(str(module.__file__)).read_text(encoding="utf-8")
    assert MARKER in source
    check = getattr(module, f"check_{_snake(name)}")
    values = getattr(module, f"{_snake(name).upper()}_VALUES")
    assert sorted(values) == sorted(load_spec()["components"]["schemas"][name]["enum"])
    for value in values:
        assert check(value) == value
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with caplog.at_level(logging.DEBUG, logger="qarnot_api"):
            assert check("SomethingNew") == "SomethingNew"
    assert [r.levelno for r in caplog.records] == [logging.DEBUG]
    assert caplog.records[0].name == module.__name__
    assert "SomethingNew" in caplog.records[0].getMessage()
    with pytest.raises(TypeError, match="Expected a string"):
        check(3)
    with pytest.raises(TypeError):
        check(None)


def test_known_values_do_not_log(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="qarnot_api"):
        assert check_task_state("Success") == "Success"
        assert check_scheduling_type("flex") == "flex"
    assert caplog.records == []
    assert "Flex" not in SCHEDULING_TYPE_VALUES
    assert "Success" in TASK_STATE_VALUES


def test_unknown_values_survive_required_and_nullable_fields_and_round_trip() -> None:
    node = Node.from_dict({"operator": "Xor", "filters": []})  # required, non-nullable enum
    # Typed as the Literal of known values, but holds the unknown string: compare as an object.
    operator: object = node.operator
    assert operator == "Xor"
    assert node.to_dict() == {"operator": "Xor", "filters": []}
    task = TaskOutput.from_dict({"uuid": "52c10b2d-0687-41e1-985e-7279f6dd543a", "state": "Hibernating"})
    state: object = task.state
    assert state == "Hibernating"
    assert task.to_dict()["state"] == "Hibernating"


def test_a_non_string_enum_value_in_a_required_field_still_fails() -> None:
    with pytest.raises(TypeError):
        Node.from_dict({"operator": 7, "filters": []})
