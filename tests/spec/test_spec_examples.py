"""Examples validate against their schemas; the reference's own contradictions are pinned.

* Every example embedded in ``openapi.yaml`` (media types, parameters, schemas) validates.
* Every JSON example of the reference validates against the schema of its operation, except the
  reference's known self-contradictions. Each failure must be explained by exactly the
  contradictions listed for it (matched on the path of each validation error), and each
  contradiction id must be documented in ``docs/spec-notes.md``: nobody should "fix" the spec back
  to a wrong example, and a new contradiction cannot slip in unnoticed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from tests.spec._spec_reference import FIELDS_JSON, OPERATIONS_TSV, normalise_path
from tests.spec._spec_tools import REPO, deref, load_spec, operations, validation_errors

SPEC_NOTES = REPO / "docs" / "spec-notes.md"

# Contradiction id -> predicate on the (slash-joined) path of a validation error.
CONTRADICTIONS: dict[str, Callable[[str], bool]] = {
    "C1": lambda p: p.endswith("waitForPoolResourcesSynchronization"),
    "C2": lambda p: p.endswith(("/state", "/previousState")) or p in ("state", "previousState"),
    "C3": lambda p: p == "",
    "C4": lambda p: p.startswith("filter"),
    "C6": lambda p: "status" in p.split("/"),
    "C7": lambda p: p.endswith("defaultScheduling"),
}
# (reference operation number, example index) -> the contradictions that make it fail.
KNOWN_INVALID: dict[tuple[int, int], set[str]] = {
    (3, 0): {"C2"},
    (5, 1): {"C2"},
    (6, 1): {"C2"},
    (9, 0): {"C2"},
    (22, 0): {"C2"},
    (10, 0): {"C3"},
    (23, 0): {"C3"},
    (39, 0): {"C3"},
    (5, 0): {"C4"},
    (6, 0): {"C4"},
    (13, 0): {"C4"},
    (16, 0): {"C4"},
    (17, 0): {"C4"},
    (42, 0): {"C4"},
    (43, 0): {"C4"},
    (44, 0): {"C4"},
    (41, 0): {"C1"},
    (42, 1): {"C1"},
    (47, 0): {"C1"},
    (48, 0): {"C1"},
    (49, 0): {"C1"},
    (50, 0): {"C1"},
    (43, 1): {"C1", "C6"},
    (44, 1): {"C1", "C6"},
    (54, 0): {"C1", "C6"},
    (14, 0): {"C6"},
    (16, 1): {"C6"},
    (17, 1): {"C6"},
    (19, 0): {"C6"},
    (64, 0): {"C7"},
}


def _reference_examples() -> Iterator[tuple[int, int, Any, dict[str, Any]]]:
    """``(number, index, example, schema)`` for every JSON example of the reference."""
    table = {}
    for line in OPERATIONS_TSV.read_text(encoding="utf-8").splitlines():
        number, method, path = line.split("\t")
        table[int(number)] = (method, normalise_path(path))
    by_route = {(m, normalise_path(p)): op for m, p, op in operations()}
    for chunk in json.loads(FIELDS_JSON.read_text(encoding="utf-8")):
        op = by_route[table[chunk["number"]]]
        schemas = []
        if "requestBody" in op and chunk["examples"]:
            schemas.append(op["requestBody"]["content"]["application/json"]["schema"])
        success = deref(op["responses"]["200"]).get("content", {}).get("application/json", {}).get("schema")
        schemas += [success] * (len(chunk["examples"]) - len(schemas))
        for index, (example, schema) in enumerate(zip(chunk["examples"], schemas, strict=True)):
            assert schema is not None
            yield chunk["number"], index, example, schema


def _explain(path: str) -> set[str]:
    return {cid for cid, matches in CONTRADICTIONS.items() if matches(path)}


def test_reference_examples_validate_except_the_documented_contradictions() -> None:
    invalid: dict[tuple[int, int], set[str]] = {}
    total = 0
    for number, index, example, schema in _reference_examples():
        total += 1
        errors = validation_errors(example, schema)
        if not errors:
            continue
        explained: set[str] = set()
        for error in errors:
            # A oneOf failure is reported at the union; its sub-errors say which field broke it.
            paths = ["/".join(map(str, error.absolute_path))]
            paths += ["/".join(map(str, e.absolute_path)) for e in error.context or []]
            causes = set().union(*(_explain(p) for p in paths))
            assert causes, (
                f"#{number} example {index}: unexplained error at {paths[0]!r}: {error.message[:200]}"
            )
            explained |= causes
        invalid[(number, index)] = explained
    assert invalid == KNOWN_INVALID
    print(
        f"reference examples: {total}, valid {total - len(invalid)}, documented contradictions {len(invalid)}"
    )


def test_every_contradiction_is_documented_in_spec_notes() -> None:
    notes = SPEC_NOTES.read_text(encoding="utf-8")
    documented = set(re.findall(r"^### (C\d+)\b", notes, flags=re.MULTILINE))
    used = set().union(*KNOWN_INVALID.values()) | {"C5"}
    assert used <= documented
    for _m, _p, op in operations():
        for response in [op.get("requestBody", {}), *op["responses"].values()]:
            for media in deref(response).get("content", {}).values():
                for example in media.get("examples", {}).values():
                    for cid in re.findall(r"C\d+", example.get("x-reference-deviation", "")):
                        assert cid in documented, (op["operationId"], cid)


def _spec_examples() -> Iterator[tuple[str, Any, dict[str, Any]]]:
    spec = load_spec()
    for method, path, op in operations():
        where = f"{method} {path}"
        for param in op.get("parameters", []):
            param = deref(param)
            if "example" in param:
                yield f"{where} parameter {param['name']}", param["example"], param["schema"]
        bodies = [("request", op.get("requestBody", {}))] + [(code, r) for code, r in op["responses"].items()]
        for label, body in bodies:
            for media_type, media in deref(body).get("content", {}).items():
                for name, example in media.get("examples", {}).items():
                    yield f"{where} {label} {media_type} {name}", example["value"], media["schema"]
    for name, schema in spec["components"]["schemas"].items():
        if "example" in schema:
            yield f"schema {name}", schema["example"], {"$ref": f"#/components/schemas/{name}"}


def test_every_example_in_the_spec_validates() -> None:
    count = 0
    for where, example, schema in _spec_examples():
        count += 1
        errors = validation_errors(example, schema)
        assert errors == [], f"{where}: {errors[0].message[:300]}"
    # The reference has 59 JSON examples; the spec carries them all (corrected where needed) plus its own.
    assert count >= 59
    print(f"examples in the spec: {count}, all valid")
