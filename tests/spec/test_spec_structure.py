"""Structural rules of the contract that the generator, the emulator and the tests rely on."""

from __future__ import annotations

import re
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

from tests.spec._spec_tools import (
    SCHEMA_PREFIX,
    deref,
    is_nullable,
    load_spec,
    operation_by_id,
    operations,
    parameters_of,
    ref_name,
    response_schemas,
)

OUTPUT_OPERATIONS = {
    f"get_{scope}{instance}{fresh}{stream}"
    for scope in ("task_", "pool_")
    for fresh in ("", "fresh_")
    for instance in ("", "instance_")
    for stream in ("stdout", "stderr")
}
PUBLIC = {"get_settings", "list_versions"}
CREATE_LINKS = {
    "create_task": "get_task",
    "clone_task": "delete_task",
    "retry_task": "get_task_stdout",
    "recover_task": "abort_task",
    "resume_task": "get_task_stderr",
    "create_pool": "get_pool",
    "clone_pool": "delete_pool",
    "create_job": "get_job",
    "create_secret": "get_secret",
}
DISCRIMINATED = {"HardwareConstraint": 12, "ScalingPolicy": 2, "TimePeriod": 2}


def _walk(node: Any, path: str = "$") -> Any:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}[{i}]")


def test_openapi_spec_validator_finds_no_error() -> None:
    spec = load_spec()
    errors = list(OpenAPIV31SpecValidator(spec).iter_errors())
    assert errors == []
    validate(spec)


def test_version_server_and_security() -> None:
    spec = load_spec()
    assert spec["openapi"] == "3.1.0"
    assert spec["servers"][0]["url"] == "https://api.qarnot.com/v1"
    assert not any(re.match(r"^/v(\d|\{)", path) for path in spec["paths"])
    scheme = spec["components"]["securitySchemes"]["QarnotToken"]
    assert scheme == {**scheme, "type": "apiKey", "in": "header", "name": "Authorization"}
    assert spec["security"] == [{"QarnotToken": []}]
    for _m, _p, op in operations():
        if op["operationId"] in PUBLIC:
            assert op["security"] == []
        else:
            assert "security" not in op, op["operationId"]


def test_no_nullable_keyword_and_nullable_refs_use_one_of() -> None:
    for path, node in _walk(load_spec()):
        if isinstance(node, dict):
            assert "nullable" not in node, path
            if "$ref" in node and "paths" not in path.split(".")[1:2]:
                # Siblings of $ref are allowed in 3.1, but a type there would be ignored by the generator.
                assert "type" not in node, path


def test_discriminated_unions_are_named_const_variants() -> None:
    schemas = load_spec()["components"]["schemas"]
    for union, count in DISCRIMINATED.items():
        schema = schemas[union]
        prop = schema["discriminator"]["propertyName"]
        mapping = schema["discriminator"]["mapping"]
        variants = [ref_name(b) for b in schema["oneOf"]]
        assert None not in variants
        assert len(variants) == count
        assert sorted(mapping.values()) == sorted(SCHEMA_PREFIX + str(v) for v in variants)
        for tag, target in mapping.items():
            variant = schemas[target[len(SCHEMA_PREFIX) :]]
            assert prop in variant["required"]
            assert variant["properties"][prop]["const"] == tag
            assert variant["properties"][prop]["default"] == tag
        wrapper = schemas[f"Any{union}"]
        unknown = schemas[f"Unknown{union}"]
        assert [ref_name(b) for b in wrapper["oneOf"]] == [union, f"Unknown{union}"]
        assert sorted(unknown["properties"][prop]["not"]["enum"]) == sorted(mapping)
    # Fields use the open wrappers, never the strict unions directly.
    for path, node in _walk(load_spec()["components"]["schemas"]):
        if isinstance(node, dict) and ref_name(node) in DISCRIMINATED:
            assert path.split(".")[1].startswith("Any"), path


def test_filter_tree_is_recursive_with_values_for_in_and_not_in() -> None:
    schemas = load_spec()["components"]["schemas"]
    assert [ref_name(b) for b in schemas["Filter"]["oneOf"]] == ["Node", "UnitValueLeaf", "MultipleValueLeaf"]
    assert ref_name(schemas["Node"]["properties"]["filters"]["items"]) == "Filter"
    assert schemas["MultipleValueOperator"]["enum"] == ["In", "NotIn"]
    assert "values" in schemas["MultipleValueLeaf"]["required"]
    assert "value" in schemas["UnitValueLeaf"]["required"]
    assert "GreaterThan" in schemas["UnitValueOperator"]["enum"]


def test_every_optional_output_field_accepts_null() -> None:
    schemas = load_spec()["components"]["schemas"]
    checked = 0
    for name in sorted(response_schemas()):
        schema = schemas[name]
        for prop, sub in schema.get("properties", {}).items():
            if prop in schema.get("required", []):
                continue
            checked += 1
            assert is_nullable(sub), f"{name}.{prop} is optional in a response but not nullable"
    assert checked > 300


def test_every_schema_and_property_is_described() -> None:
    for name, schema in load_spec()["components"]["schemas"].items():
        assert schema.get("description"), name
        for prop, sub in schema.get("properties", {}).items():
            assert sub.get("description"), f"{name}.{prop}"


def test_response_media_types() -> None:
    for _m, _p, op in operations():
        ok = op["responses"]["200"]
        content = deref(ok).get("content", {})
        if op["operationId"] in OUTPUT_OPERATIONS:
            assert list(content) == ["text/plain"]
        else:
            # The generator parses the first media type only: JSON bodies list application/json alone.
            assert list(content) in ([], ["application/json"]), op["operationId"]
    assert len(OUTPUT_OPERATIONS) == 16


def test_tag_query_parameter_is_repeated() -> None:
    users = 0
    for _m, path, op in operations():
        for param in parameters_of(op, load_spec()["paths"][path]):
            if param["name"] == "tag":
                users += 1
                assert param["in"] == "query"
                assert param["style"] == "form"
                assert param["explode"] is True
                assert param["schema"] == {"type": "array", "items": {"type": "string"}}
    assert users == 5


def test_error_responses() -> None:
    for _m, path, op in operations():
        codes = set(op["responses"])
        op_id = op["operationId"]
        assert "429" in codes, op_id
        if op_id not in PUBLIC:
            assert "401" in codes, op_id
            assert "403" in codes, op_id
        if "{" in path and op_id != "create_secret":  # PUT creates the secret named in the path
            assert "404" in codes, op_id
        if "requestBody" in op:
            assert "400" in codes, op_id
    for name in ("create_task", "create_pool", "clone_pool", "retry_task", "clone_task"):
        assert {"402", "409"} <= set(operation_by_id(name)[2]["responses"])
    assert "409" in operation_by_id("create_secret")[2]["responses"]
    bad_request = load_spec()["components"]["responses"]["BadRequest"]["content"]
    assert list(bad_request) == ["application/problem+json", "application/json"]
    _m, _p, create = operation_by_id("create_task")
    assert ref_name(create["responses"]["207"]["content"]["application/json"]["schema"]) == "BulkTaskResults"
    item = load_spec()["components"]["schemas"]["BulkTaskResult"]
    assert set(item["properties"]) == {"statusCode", "uuid", "message"}


@pytest.mark.parametrize(("create", "target"), sorted(CREATE_LINKS.items()))
def test_create_operations_link_to_the_created_resource(create: str, target: str) -> None:
    _m, _p, op = operation_by_id(create)
    links = {name: deref(link) for name, link in op["responses"]["200"]["links"].items()}
    assert target in links
    for link in links.values():
        t_method, t_path, t_op = operation_by_id(link["operationId"])
        path_params = {
            p["name"] for p in parameters_of(t_op, load_spec()["paths"][t_path]) if p["in"] == "path"
        }
        assert set(link["parameters"]) <= path_params, (create, link["operationId"])
        assert t_method in {"GET", "PUT", "PATCH", "DELETE", "POST"}
    # Reads, updates, deletes and outputs of the created resource are all reachable.
    kinds = {operation_by_id(link["operationId"])[0] for link in links.values()}
    assert {"GET", "DELETE"} <= kinds
    if create != "create_secret":
        assert any(
            link["parameters"] == {next(iter(link["parameters"])): "$response.body#/uuid"}
            for link in links.values()
        )
