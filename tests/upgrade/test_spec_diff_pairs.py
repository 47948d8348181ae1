"""Classification of every fixture pair, and properties of the classifier that do not need a pair."""

from __future__ import annotations

import copy

import pytest
import yaml
from _upgrade.classify import component_usage, diff_documents
from _upgrade.rules import RULES, Effect, Position

from tests.upgrade.upgrade_fixtures import BASE, load_pair, pair_names

PAIRS = pair_names()


def _classified(name: str) -> list[tuple[str, str, tuple[str, ...]]]:
    pair = load_pair(name)
    findings = diff_documents(pair.old, pair.new, closed_enums=pair.closed_enums)
    return sorted((f.kind, f.location, tuple(sorted(e.value for e in f.effects))) for f in findings)


def test_there_is_a_pair_for_each_change_class_of_the_issue() -> None:
    wanted = {
        "removed-response-field",
        "new-response-enum-value",
        "new-required-request-field",
        "nullability-tightened",
        "operation-removed",
        "path-parameter-renamed",
        "type-changed",
        "new-discriminator-variant",
        "response-status-removed",
        "security-added",
    }
    assert wanted <= set(PAIRS)


@pytest.mark.parametrize("name", PAIRS)
def test_pair_is_classified_as_expected(name: str) -> None:
    assert _classified(name) == sorted(load_pair(name).expected)


@pytest.mark.parametrize("name", PAIRS)
def test_each_revision_against_itself_has_no_finding(name: str) -> None:
    pair = load_pair(name)
    assert diff_documents(pair.old, copy.deepcopy(pair.old)) == []
    assert diff_documents(pair.new, copy.deepcopy(pair.new)) == []


def test_expected_kinds_are_documented_rules() -> None:
    kinds = {kind for name in PAIRS for kind, _, _ in load_pair(name).expected}
    assert kinds <= RULES.keys()


def test_component_change_lists_the_operations_it_reaches_in_its_position() -> None:
    pair = load_pair("removed-response-field")
    (finding,) = diff_documents(pair.old, pair.new)
    assert finding.positions == {Position.RESPONSE}
    assert finding.used_in == ("GET /tasks/{taskUuid} 200", "POST /tasks 200", "POST /tasks/search 200")
    assert finding.schema == "TaskOutput"
    assert finding.property_path == ("maxRetriesPerInstance",)


def test_schema_used_both_ways_gets_one_classification_per_position() -> None:
    pair = load_pair("constraint-tightened-both-positions")
    (finding,) = diff_documents(pair.old, pair.new)
    assert finding.effects_at(Position.REQUEST) == {Effect.CLIENT}
    assert finding.effects_at(Position.RESPONSE) == {Effect.SERVER}
    assert "POST /tasks request" in finding.used_in
    assert "GET /tasks/{taskUuid} 200" in finding.used_in


def test_usage_follows_references_transitively_and_stops_on_cycles() -> None:
    base = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    usage = component_usage(base)
    # Filter refers to itself: reached once, from the request of the search.
    assert usage["Filter"] == {Position.REQUEST: {"POST /tasks/search request"}}
    # Reached through HardwareConstraint (a union) from TaskInput (request) and Task (response).
    assert set(usage["MaximumCoreHardwareConstraint"]) == {Position.REQUEST, Position.RESPONSE}
    assert "TaskInput" not in {name for name, where in usage.items() if Position.RESPONSE in where}


def test_every_spelling_of_nullable_is_the_same_schema() -> None:
    base = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    spellings = [
        {"type": ["integer", "null"]},
        {"oneOf": [{"type": "integer"}, {"type": "null"}]},
        {"anyOf": [{"type": "null"}, {"type": "integer"}]},
        {"type": "integer", "nullable": True},
    ]
    for before in spellings:
        for after in spellings:
            old, new = copy.deepcopy(base), copy.deepcopy(base)
            old["components"]["schemas"]["TaskOutput"]["properties"]["exitCode"] = before
            new["components"]["schemas"]["TaskOutput"]["properties"]["exitCode"] = after
            assert diff_documents(old, new) == [], (before, after)


def test_reversed_pair_swaps_the_sides_of_a_pure_narrowing() -> None:
    pair = load_pair("nullability-tightened")
    (back,) = diff_documents(pair.new, pair.old)
    assert (back.kind, back.effects) == ("nullable-added", frozenset({Effect.CLIENT}))


def test_closed_enums_flag_only_changes_response_enum_additions() -> None:
    pair = load_pair("new-request-enum-value")
    (finding,) = diff_documents(pair.old, pair.new, closed_enums=True)
    assert finding.effects == {Effect.SERVER}
