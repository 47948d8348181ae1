"""The classifier and the upgrade flow on the real ``openapi.yaml``.

The end-to-end test removes a ``TaskOutput`` field the client code reads
(``maxRetriesPerInstance``, else ``state``) from a copy of the real spec, runs the upgrade flow as
a dry run (regenerating the real client; mypy is left to ``test_upgrade_impact.py``, which proves
it on the synthetic repository, so the suite stays fast) and checks that the report names the
``qarnot_ext`` code that reads it. Without such code it skips and says what is missing.
"""

from __future__ import annotations

import copy
import itertools
import os
import tokenize
from pathlib import Path
from typing import Any

import pytest
import upgrade
import yaml
from _upgrade.classify import diff_documents
from _upgrade.naming import GeneratedNames
from _upgrade.rules import Effect
from _upgrade.specsource import parse_spec_text

from tests.upgrade.upgrade_fixtures import REPO

SPEC = REPO / "openapi.yaml"
# The field the issue names first; otherwise the field every task helper reads.
PREFERRED = ["maxRetriesPerInstance", "state"]


@pytest.fixture(scope="module")
def real_spec() -> dict[str, Any]:
    if not SPEC.exists():
        pytest.skip("openapi.yaml does not exist yet")
    return parse_spec_text(SPEC.read_text(encoding="utf-8"), "openapi.yaml")


def _without(spec: dict[str, Any], field: str) -> dict[str, Any]:
    mutated = copy.deepcopy(spec)
    schema = mutated["components"]["schemas"]["TaskOutput"]
    del schema["properties"][field]
    if field in schema.get("required", []):
        schema["required"].remove(field)
    return mutated


def test_real_spec_against_itself_has_no_finding(real_spec: dict[str, Any]) -> None:
    assert diff_documents(real_spec, copy.deepcopy(real_spec)) == []


def test_removed_task_output_field_is_breaking_for_clients(real_spec: dict[str, Any]) -> None:
    if "maxRetriesPerInstance" not in real_spec["components"]["schemas"]["TaskOutput"]["properties"]:
        pytest.skip("TaskOutput.maxRetriesPerInstance is not in openapi.yaml any more: pick another field")
    (finding,) = diff_documents(real_spec, _without(real_spec, "maxRetriesPerInstance"))
    assert (finding.kind, finding.location) == ("property-removed", "TaskOutput.maxRetriesPerInstance")
    assert finding.effects == {Effect.CLIENT}
    assert "GET /tasks/{taskUuid} 200" in finding.used_in


def _client_reads() -> dict[str, list[tuple[str, int]]]:
    """Attribute reads (``x.attr``) in ``qarnot_ext`` files that name ``TaskOutput``, by tokens.

    A lexical oracle, independent of the AST scan under test.
    """
    reads: dict[str, list[tuple[str, int]]] = {}
    for path in sorted((REPO / "qarnot_ext").rglob("*.py")):
        with path.open("rb") as stream:
            tokens = [t for t in tokenize.tokenize(stream.readline) if t.type in (tokenize.NAME, tokenize.OP)]
        if not any(t.type == tokenize.NAME and t.string == "TaskOutput" for t in tokens):
            continue
        for before, token in itertools.pairwise(tokens):
            if before.string == "." and token.type == tokenize.NAME:
                reads.setdefault(token.string, []).append((path.relative_to(REPO).as_posix(), token.start[0]))
    return reads


@pytest.mark.slow
def test_upgrade_report_names_the_qarnot_ext_code_using_a_removed_field(
    real_spec: dict[str, Any], tmp_path: Path
) -> None:
    if os.environ.get(upgrade.NESTED_ENV):
        pytest.skip("running inside upgrade.py's own test step")
    names = GeneratedNames()
    properties = real_spec["components"]["schemas"]["TaskOutput"]["properties"]
    reads = _client_reads()
    used = [f for f in PREFERRED if f in properties and names.attribute(f) in reads]
    if not used:
        pytest.skip(
            "no qarnot_ext code that names TaskOutput reads TaskOutput.max_retries_per_instance or .state "
            "yet (needs the client built on qarnot_ext/_adapter.py); the mechanism is proven in "
            "test_upgrade_impact.py"
        )
    field = used[0]
    attribute = names.attribute(field)
    new = tmp_path / "openapi.yaml"
    new.write_text(yaml.safe_dump(_without(real_spec, field), sort_keys=False), encoding="utf-8")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    outcome = upgrade.run_upgrade(
        str(new),
        repo=REPO,
        dry_run=True,
        base="HEAD",
        run_tests=False,
        check_generated=False,
        typecheck=False,
        optic_mode="off",
        scratch=scratch,
    )
    assert [s.name for s in outcome.steps if s.ok] == ["regenerate"]
    report = upgrade.render_upgrade_report(outcome)
    assert f"- `TaskOutput.{attribute}`: property removed" in report
    assert outcome.impact is not None
    (impact,) = [i for i in outcome.impact.impacts if i.finding.location == f"TaskOutput.{field}"]
    assert {(u.file, u.line) for u in impact.uses} >= set(reads[attribute])
    for file, line in reads[attribute]:
        assert f"`{file}:{line} (" in report
