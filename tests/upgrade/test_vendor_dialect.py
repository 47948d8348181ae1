"""The vendor dialect: normalize, the dialect-blind diff and the merge, on documents made from ours.

No vendor text is in the repository: every vendor-dialect document here is ``openapi.yaml``
rendered by ``_upgrade.export_vendor`` (and edited by the mutations of ``vendor_fixtures``).
The mutation table runs the diff and the merge only; one test regenerates the client, in a
temporary copy of the repository, for the round trip.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import spec_diff
import upgrade
from _upgrade.errors import UpgradeError
from _upgrade.merge import kept_removals, merge
from _upgrade.normalize import (
    DATE_TIME_PATTERN,
    derive_operation_id,
    is_vendor_dialect,
    load_operation_ids,
    normalize,
    operations,
)
from _upgrade.semantic import prepare
from _upgrade.specdiff import semantic_findings
from _upgrade.upgrade_report import render_dump
from openapi_spec_validator import validate

from tests.upgrade.upgrade_fixtures import REPO, git_commit_all
from tests.upgrade.vendor_fixtures import (
    MUTATIONS,
    Mutation,
    house_document,
    mutated,
    newer_revision,
    newer_revision_expected,
    vendor_document,
)

OPERATION_IDS = load_operation_ids(REPO / "docs" / "operation-ids.md")
SCHEMAS = "#/components/schemas/"


def _undescribed(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _undescribed(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [_undescribed(v) for v in node]
    return node


@pytest.fixture(scope="module")
def house() -> dict[str, Any]:
    return house_document()


@pytest.fixture(scope="module")
def vendor() -> dict[str, Any]:
    return vendor_document()


# --- the exporter makes a real vendor-dialect document --------------------------------------------


def test_export_is_valid_openapi_30_in_the_vendor_dialect(vendor: dict[str, Any]) -> None:
    validate(vendor)
    assert vendor["openapi"] == "3.0.3"
    assert is_vendor_dialect(vendor)
    text = json.dumps(vendor)
    assert '"nullable": true' in text
    assert '"qarnot-date-time"' not in text
    assert '"format": "date-time"' in text
    assert "x-undocumented" not in text
    assert '"examples"' not in text
    ops = list(operations(vendor))
    assert ops
    assert all(path.startswith("/v{version}") and "operationId" not in op for _, path, op in ops)
    body = vendor["paths"]["/v{version}/tasks"]["post"]["requestBody"]["content"]
    assert list(body) == [
        "application/json-patch+json",
        "application/json",
        "text/json",
        "application/*+json",
    ]
    base = vendor["components"]["schemas"]["Qarnot.Compute.Contracts.HardwareConstraint"]
    assert base["discriminator"]["propertyName"] == "discriminator"
    assert "oneOf" not in base
    variant = vendor["components"]["schemas"]["Qarnot.Compute.Contracts.GpuHardwareConstraint"]
    assert variant["allOf"][0] == {"$ref": SCHEMAS + "Qarnot.Compute.Contracts.HardwareConstraint"}
    assert "Qarnot.Compute.Contracts.TaskResponse" in vendor["components"]["schemas"]


# --- normalize --------------------------------------------------------------------------------------


def test_normalize_is_pure_deterministic_and_idempotent(vendor: dict[str, Any]) -> None:
    before = copy.deepcopy(vendor)
    once = normalize(vendor, operation_ids=OPERATION_IDS)
    assert vendor == before
    assert normalize(vendor, operation_ids=OPERATION_IDS) == once
    assert normalize(once, operation_ids=OPERATION_IDS) == once
    assert not is_vendor_dialect(once)


def test_normalize_leaves_the_house_dialect_alone(house: dict[str, Any]) -> None:
    normalized = normalize(house, operation_ids=OPERATION_IDS)
    assert normalized["paths"] == house["paths"]
    assert normalized["components"]["schemas"] == house["components"]["schemas"]


def test_normalize_writes_the_house_spelling() -> None:
    document = {
        "openapi": "3.0.1",
        "info": {"title": "t", "version": "1"},
        "servers": [{"url": "https://api.example.test"}],
        "paths": {
            "/v{version}/things/{id}": {
                "put": {
                    "tags": ["ThingStore"],
                    "parameters": [
                        {"name": "version", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    ],
                    "requestBody": {
                        "content": {
                            m: {"schema": {"$ref": SCHEMAS + "Api.Models.Thing"}}
                            for m in ("application/json-patch+json", "application/json", "text/json")
                        }
                    },
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                m: {"schema": {"$ref": SCHEMAS + "Api.Models.Thing"}}
                                for m in ("text/plain", "application/json", "text/json")
                            },
                        },
                        "404": {
                            "description": "nf",
                            "content": {"application/json": {"schema": {"$ref": SCHEMAS + "Problem"}}},
                        },
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Problem": {
                    "type": "object",
                    "properties": {
                        k: {"type": "string", "nullable": True}
                        for k in ("type", "title", "detail", "instance")
                    }
                    | {"status": {"type": "integer", "nullable": True}},
                    "additionalProperties": {},
                },
                "Api.Models.Thing": {
                    "type": "object",
                    "properties": {
                        "when": {"type": "string", "format": "date-time", "nullable": True},
                        "count": {"type": "integer", "format": "int32"},
                        "kind": {"allOf": [{"$ref": SCHEMAS + "Api.Models.Kind"}], "nullable": True},
                        "also": {"oneOf": [{"type": "integer"}, {"type": "string"}], "nullable": True},
                    },
                    "additionalProperties": False,
                },
                "Api.Models.Kind": {"type": "string", "enum": ["A", "B"]},
            }
        },
    }
    out = normalize(document)
    assert out["openapi"] == "3.1.0"
    assert out["servers"][0]["url"] == "https://api.example.test/v1"
    operation = out["paths"]["/things/{id}"]["put"]
    assert operation["operationId"] == "update_thing"
    assert operation["tags"] == ["thing-store"]
    assert [p["name"] for p in operation["parameters"]] == ["id"]
    assert list(operation["requestBody"]["content"]) == ["application/json"]
    assert list(operation["responses"]["200"]["content"]) == ["application/json"]
    assert operation["responses"]["404"] == {"$ref": "#/components/responses/NotFound"}
    not_found = out["components"]["responses"]["NotFound"]
    assert not_found["content"] == {"application/problem+json": {"schema": {"$ref": SCHEMAS + "Problem"}}}
    thing = out["components"]["schemas"]["Thing"]
    assert "additionalProperties" not in thing
    assert thing["properties"]["when"] == {
        "type": ["string", "null"],
        "format": "qarnot-date-time",
        "pattern": DATE_TIME_PATTERN,
    }
    assert thing["properties"]["count"] == {"type": "integer", "format": "int32"}
    assert thing["properties"]["kind"] == {"oneOf": [{"$ref": SCHEMAS + "Kind"}, {"type": "null"}]}
    assert thing["properties"]["also"] == {"type": ["integer", "string", "null"]}


def test_normalize_turns_inheritance_into_the_house_unions(
    vendor: dict[str, Any], house: dict[str, Any]
) -> None:
    schemas = normalize(vendor, operation_ids=OPERATION_IDS)["components"]["schemas"]
    ours = house["components"]["schemas"]
    for name in ("ScalingPolicy", "AnyScalingPolicy", "UnknownScalingPolicy", "FixedScalingPolicy"):
        assert _undescribed(schemas[name]) == _undescribed(ours[name]), name
    fixed = schemas["FixedScalingPolicy"]
    assert fixed["properties"]["type"] == {"type": "string", "const": "Fixed", "default": "Fixed"}
    assert schemas["AnyScalingPolicy"]["oneOf"] == [
        {"$ref": SCHEMAS + "ScalingPolicy"},
        {"$ref": SCHEMAS + "UnknownScalingPolicy"},
    ]


def test_swagger_2_is_refused_by_name() -> None:
    with pytest.raises(UpgradeError, match=r"Swagger 2\.0 is not supported"):
        normalize({"swagger": "2.0", "paths": {}})


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("get", "/tasks", "list_tasks"),
        ("get", "/tasks/{taskUuid}", "get_task"),
        ("get", "/tasks/{taskUuid}/outputs", "list_task_outputs"),
        ("post", "/pools", "create_pool"),
        ("post", "/pools/{poolUuid}/drain", "drain_pool"),
        ("put", "/jobs/{jobUuid}", "update_job"),
        ("delete", "/secrets-manager/data/{key}", "delete_secrets_manager_data"),
    ],
)
def test_operation_id_rule(method: str, path: str, expected: str) -> None:
    assert derive_operation_id(method, path) == expected


def test_operation_ids_table_matches_openapi_yaml(house: dict[str, Any]) -> None:
    ours = {(method, path): op["operationId"] for method, path, op in operations(house)}
    assert ours == OPERATION_IDS


# --- the round trip ---------------------------------------------------------------------------------


def test_round_trip_has_no_finding_and_merges_to_ours(house: dict[str, Any], vendor: dict[str, Any]) -> None:
    prepared = prepare(house, vendor, operation_ids=OPERATION_IDS)
    assert semantic_findings(prepared) == []
    assert prepared.vendor
    assert len(prepared.renames) > 20
    assert sorted(prepared.house_only) == sorted(
        f"{m.upper()} {p}" for m, p, op in operations(house) if op.get("x-undocumented")
    )
    result = merge(house, prepared)
    assert not result.changed
    assert result.document == house
    text = (REPO / "openapi.yaml").read_text(encoding="utf-8")
    assert render_dump(text, house) == text


def test_spec_diff_cli_on_a_vendor_document(
    tmp_path: Path, vendor: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "published.json"
    path.write_text(json.dumps(vendor), encoding="utf-8")
    code = spec_diff.main([str(REPO / "openapi.yaml"), str(path), "--format", "json", "--no-optic"], cwd=REPO)
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["counts"] == {"breaking-for-clients": 0, "breaking-for-servers": 0, "compatible": 0}
    assert data["findings"] == []
    assert data["newDialect"] == "vendor"
    assert "POST /pools/{poolUuid}/close" in data["houseOnly"]
    assert data["renamedComponents"]["TaskResponse"] == "TaskOutput"


# --- the mutation table: found once, classified, merged ---------------------------------------------


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_mutation_is_reported_once_and_merged(mutation: Mutation, house: dict[str, Any]) -> None:
    prepared = prepare(house, mutated(mutation), operation_ids=OPERATION_IDS)
    findings = semantic_findings(prepared)
    if mutation.kind is None:
        assert findings == []
    else:
        (finding,) = findings
        assert (finding.kind, finding.location) == (mutation.kind, mutation.location)
        assert tuple(finding.to_json()["classification"]) == mutation.classification
    result = merge(house, prepared)
    assert mutation.merged(result.document)
    # Only a removal is kept and flagged for review; nullable-removed is a change, taken from upstream.
    assert [f.location for f in kept_removals(findings)] == (
        [mutation.location] if mutation.name == "field-removed" else []
    )


def test_all_mutations_together_are_exactly_the_findings(house: dict[str, Any]) -> None:
    document = vendor_document()
    for mutation in MUTATIONS:
        mutation.apply(document)
    prepared = prepare(house, document, operation_ids=OPERATION_IDS)
    found = sorted((f.kind, f.location) for f in semantic_findings(prepared))
    assert found == sorted((m.kind, m.location) for m in MUTATIONS if m.kind is not None)
    merged = merge(house, prepared).document
    validate(merged)
    assert all(m.merged(merged) for m in MUTATIONS if m.kind is not None)


def test_newer_revision_reports_exactly_its_changes(
    tmp_path: Path, house: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(newer_revision()), encoding="utf-8")
    code = spec_diff.main([str(REPO / "openapi.yaml"), str(path), "--format", "json", "--no-optic"], cwd=REPO)
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    found = sorted(
        (place["location"], finding["kind"], tuple(finding["classification"]))
        for finding in data["findings"]
        for place in finding["places"]
    )
    assert found == sorted((loc, kind, cls) for kind, loc, cls in newer_revision_expected())
    assert (
        data["counts"]["breaking-for-clients"] == 5
    )  # groups: one kind of change in N places is one finding
    assert data["placeCounts"]["breaking-for-clients"] == 6
    dialect_words = ("media type", "format", "/v{version}", "text/json", "schema-added", "schema-removed")
    assert not [f for f in data["findings"] if any(w in f["message"] + f["kind"] for w in dialect_words)]


# --- upgrade of the exported document: nothing changes (regenerates once) ---------------------------

_COPIED = (
    "openapi.yaml",
    "openapi-python-client.yaml",
    "pyproject.toml",
    "generated",
    "templates",
    "scripts",
    "qarnot_ext",
    "docs",
)


def _digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_upgrade_of_the_exported_document_changes_nothing(tmp_path: Path, vendor: dict[str, Any]) -> None:
    if os.environ.get(upgrade.NESTED_ENV):
        pytest.skip("running inside upgrade.py's own test step")
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in _COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, repo / name)
    (repo / ".gitignore").write_text("UPGRADE_REPORT.md\n__pycache__/\n", encoding="utf-8")
    git_commit_all(repo)
    spec_before, generated_before = (repo / "openapi.yaml").read_bytes(), _digest(repo / "generated")
    published = tmp_path / "published.json"
    published.write_text(json.dumps(vendor, indent=2), encoding="utf-8")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    outcome = upgrade.run_upgrade(
        str(published),
        repo=repo,
        dry_run=False,
        base="HEAD",
        run_tests=False,
        typecheck=False,
        optic_mode="off",
        scratch=scratch,
    )
    assert [(s.name, s.ok) for s in outcome.steps if s.returncode is not None] == [
        ("regenerate", True),
        ("check-generated", True),
    ]
    assert outcome.merged is not None
    assert not outcome.merged.changed
    assert (repo / "openapi.yaml").read_bytes() == spec_before
    assert _digest(repo / "generated") == generated_before
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout
    assert status == ""
    report = upgrade.render_upgrade_report(outcome)
    assert "Nothing to merge" in report
    assert "0 breaking for clients" in report
