"""schemathesis against the in-process emulator: every operation with positive and negative data, and
two state machines over the spec's links.

Every check runs (server errors, status codes, content types, response schemas and headers, positive
acceptance, negative rejection, missing auth, ignored auth, 405/Allow, use-after-free, resource
availability), with one deliberate adjustment:

* ``positive_data_acceptance`` also accepts 400 on the operations listed in ``SEMANTIC_400``. Their
  inputs have rules the schema cannot express and that the real API enforces too (a known profile, a
  parseable instance range, an existing pool or job, a regular expression in white lists, an allowed
  filter field, a page token of this server, limits, a non-empty ``cpuModel`` ...). schemathesis
  generates schema-valid data that breaks them; the 400 problem bodies are still validated.

Steering, so that the run exercises more than rejections (see ``repair_case``): in positive mode,
creation bodies get a known profile and no dangling references, and the read-only header names the
caller's own account or the one it may read. Negative cases are never touched.

* ``test_every_operation``: each operation; the coverage phase is skipped for the operations with the
  largest bodies (``HEAVY_BODIES``) in the default run only.
* ``TestStateful``: the whole API, a fresh emulator per scenario, time moving 2 s per call.
* ``TestLifecycle``: only creations, reads and deletions, where create → delete → read sequences
  (use_after_free) are frequent. A delete that does not delete tasks is caught by the default run;
  ``QARNOT_CONTRACT_EXAMPLES=60`` also catches it for pools.

The default run is seeded and small (about a minute); ``QARNOT_CONTRACT_EXAMPLES=N`` sets N examples
everywhere and enables the coverage phase for all operations. Any recorded emulator violation (an
invalid response, a crash) fails the test that caused it.
"""

from __future__ import annotations

import os
import re
from typing import Any, Final

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck

from qarnot_ext._ranges import InstanceRange
from qarnot_ext.emulator import EmulatorState, ManualClock, create_app
from qarnot_ext.emulator._catalog import KNOWN_CONSTRAINTS, PROFILES
from qarnot_ext.emulator._spec import find_spec_path
from tests.emulator._emulator_helpers import ALICE, BOB, CAROL
from tests.strategies import date_spans, times_of_day, timestamp_texts

EXAMPLES: Final = int(os.environ.get("QARNOT_CONTRACT_EXAMPLES", "0") or 0)
SEED: Final = 20300101

SEMANTIC_400: Final = (
    "create_task",
    "clone_task",
    "retry_task",
    "recover_task",
    "resume_task",
    "update_task",
    "create_pool",
    "clone_pool",
    "update_pool",
    "update_pool_scaling",
    "check_pool_scaling",
    "create_job",
    "delete_job",
    "paginate_tasks",
    "paginate_task_summaries",
    "paginate_pools",
    "paginate_pool_summaries",
    "paginate_jobs",
    "search_tasks",
    "search_pools",
    "search_jobs",
    "list_hardware_constraints",
    "search_cpu_model_constraints",
    "start_periodic_snapshot",
    "request_snapshot",
    "create_secret",
)

HEAVY_BODIES: Final = (
    "create_task",
    "clone_task",
    "retry_task",
    "recover_task",
    "resume_task",
    "create_pool",
    "clone_pool",
    "update_pool",
    "paginate_tasks",
    "paginate_task_summaries",
    "paginate_pools",
    "paginate_pool_summaries",
    "paginate_jobs",
    "search_tasks",
    "search_pools",
    "search_jobs",
    "update_pool_scaling",
    "check_pool_scaling",
)

schemathesis.openapi.format("date-span", date_spans.map(str))
schemathesis.openapi.format("qarnot-date-time", timestamp_texts().map(lambda pair: pair[0]))
schemathesis.openapi.format("time-of-day", times_of_day.map(str))

_CONFIG_DICT: Final[dict[str, Any]] = {
    "seed": SEED,
    "auth": {"openapi": {"QarnotToken": {"api_key": ALICE.token}}},
    "output": {"sanitization": {"enabled": False}},
    "generation": {"mode": "all"},
    "operations": [
        {
            # The coverage phase (every boundary and missing part of every input, the unsupported
            # methods, missing headers) costs 5-30 s on the large task and pool bodies: the default
            # run keeps it for every other operation, the deep run for all.
            "include-operation-id": [] if EXAMPLES else list(HEAVY_BODIES),
            "phases": {"coverage": {"enabled": False}},
        },
        {
            "include-operation-id": list(SEMANTIC_400),
            "checks": {
                "positive_data_acceptance": {
                    "expected-statuses": ["2xx", "400", "401", "403", "404", "409", "429"]
                }
            },
        },
    ],
}
_CONFIG: Final = schemathesis.Config.from_dict(_CONFIG_DICT)

schema = schemathesis.openapi.from_path(find_spec_path(), config=_CONFIG)
_states: list[EmulatorState] = []


def _fresh_app() -> tuple[Any, ManualClock]:
    """A new emulator (state, clock, app); every state is checked for violations after each test."""
    clock = ManualClock()
    state = EmulatorState([ALICE, BOB, CAROL], clock=clock)
    _states.append(state)
    return create_app(state), clock


schema.app, _clock = _fresh_app()

# Operations whose bodies are steered towards acceptable values in positive mode (see repair_case).
_TASK_BODIES: Final = frozenset({"create_task", "clone_task", "retry_task", "recover_task", "resume_task"})
_POOL_BODIES: Final = frozenset({"create_pool", "clone_pool", "update_pool"})
_RO_HEADER: Final = "QarnotReadOnlyRequestForAccount"
_KEY = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]$")


def _compiles(value: object) -> bool:
    try:
        re.compile(str(value))
    except re.error:
        return False
    return True


def _repair_common(body: dict[str, Any]) -> None:
    """Replace schema-valid values that break the API's other rules (only values of the right type)."""
    if body.get("profile") is None or (isinstance(body["profile"], str) and body["profile"] not in PROFILES):
        body["profile"] = "docker-batch"
    for key in (
        "poolUuid",
        "jobUuid",
        "dependencies",
        "shortname",
        "resourceBuckets",
        "advancedResourceBuckets",
    ):
        body.pop(key, None)  # random references never exist; buckets are checked against S3 names
    for key in ("constants", "constraints"):
        if isinstance(body.get(key), list):
            seen: set[str] = set()
            kept = []
            for item in body[key]:
                name = item.get("key")
                if (
                    isinstance(name, str)
                    and _KEY.match(name)
                    and name not in seen
                    and not name.startswith("EMULATOR")
                ):
                    seen.add(name)
                    kept.append(item)
            body[key] = kept
    if isinstance(body.get("tags"), list):
        body["tags"] = [t for t in body["tags"] if isinstance(t, str) and 0 < len(t) < 512][:10]
    for key in ("resultBucket", "resultsBucket", "snapshotBucket"):
        if isinstance(body.get(key), str) and not _BUCKET.match(body[key]):
            body[key] = None
    for key in ("resultsWhitelist", "resultsBlacklist", "snapshotWhitelist", "snapshotBlacklist"):
        if isinstance(body.get(key), str) and not _compiles(body[key]):
            body[key] = None
    if isinstance(body.get("hardwareConstraints"), list):
        body["hardwareConstraints"] = [
            c
            for c in body["hardwareConstraints"]
            if isinstance(c, dict) and c.get("discriminator") in KNOWN_CONSTRAINTS
        ]
    if isinstance(body.get("retrySettings"), dict):
        body["retrySettings"] = {
            k: v for k, v in body["retrySettings"].items() if not isinstance(v, int) or v >= 0
        }
    if isinstance(body.get("forcedConstants"), list):
        body["forcedConstants"] = [
            f for f in body["forcedConstants"] if isinstance(f, dict) and f.get("constantName")
        ]


def _repair_task(body: dict[str, Any]) -> None:
    _repair_common(body)
    ranges = body.get("advancedRanges")
    if isinstance(ranges, str):
        try:
            ok = 0 < len(InstanceRange.parse(ranges)) <= 8
        except ValueError:
            ok = False
        if not ok:
            body["advancedRanges"] = None
    count = body.get("instanceCount")
    if not body.get("advancedRanges") and not (isinstance(count, int) and 1 <= count <= 8):
        body["instanceCount"] = 2


def _repair_pool(body: dict[str, Any]) -> None:
    _repair_common(body)
    body.pop("elasticProperty", None)
    body.pop("scaling", None)
    count = body.get("instanceCount")
    if not (isinstance(count, int) and 1 <= count <= 8):
        body["instanceCount"] = 2


@schema.hook("map_case")
def repair_case(ctx: schemathesis.HookContext, case: schemathesis.Case[Any]) -> schemathesis.Case[Any]:
    """Positive data only: make creations succeed often, so that links (get, delete …) have targets.

    Negative cases are left alone (repairing them could make them valid). Only values already of the
    right type are replaced, so a case stays schema-valid.
    """
    del ctx
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return case
    headers: dict[str, Any] = case.headers if isinstance(case.headers, dict) else {}
    other = headers.get(_RO_HEADER)
    if isinstance(other, str) and other:
        # A random account name is a 403; mostly read one's own account, sometimes the granted one.
        headers[_RO_HEADER] = CAROL.email if len(other) % 3 == 0 else ALICE.email
    operation_id = case.operation.definition.raw.get("operationId")
    bodies = case.body if isinstance(case.body, list) else [case.body]
    for body in bodies:
        if not isinstance(body, dict):
            continue
        if operation_id in _TASK_BODIES:
            _repair_task(body)
            body.pop("autoDeleteOnCompletion", None)  # a task deleting itself would break the links
        elif operation_id in _POOL_BODIES:
            _repair_pool(body)
        elif operation_id == "create_job":
            _repair_common(body)
            body.pop("maxWallTime", None)
    return case


_SETTINGS: Final[dict[str, Any]] = {
    "deadline": None,
    "derandomize": True,
    "database": None,
}
# Health checks stay on except too_slow, per test below: it fails a run whose data generation exceeds a
# wall-clock budget, so on a loaded machine it flakes while testing nothing about the emulator. None of
# the other checks fires on these tests, so a new one (say filter_too_much after a spec change) fails.
_NOT_TIMED: Final = [HealthCheck.too_slow]


@pytest.fixture(autouse=True)
def _no_violations() -> Any:
    before = sum(len(state.violations) for state in _states)
    yield
    new = [v for state in _states for v in state.violations][before:]
    assert new == [], "\n".join(new)


@schema.parametrize()
@hypothesis.settings(max_examples=EXAMPLES or 10, suppress_health_check=_NOT_TIMED, **_SETTINGS)
def test_every_operation(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate()


_Machine = schema.as_state_machine()
_current: dict[str, ManualClock] = {"clock": _clock}


class _SteppedMachine(_Machine):  # type: ignore[misc, valid-type]
    """A fresh emulator per scenario; time moves two emulated seconds after each call, so that tasks and
    pools change state meanwhile."""

    def setup(self) -> None:
        schema.app, _current["clock"] = _fresh_app()

    def after_call(self, response: schemathesis.Response, case: schemathesis.Case[Any]) -> None:
        super().after_call(response, case)  # records the response: use_after_free looks it up
        _current["clock"].advance(2.0)


TestStateful = _SteppedMachine.TestCase
# too_slow: generating whole call sequences over ~70 operations is the slowest generation here.
TestStateful.settings = hypothesis.settings(
    max_examples=EXAMPLES or 10, stateful_step_count=8, suppress_health_check=_NOT_TIMED, **_SETTINGS
)

# The whole machine has ~70 operations and ~40 links, so a create → delete → read sequence of one
# resource (what use_after_free needs) is rare in a short run. This smaller machine keeps only the
# life-cycle operations, where such sequences are common.
_LIFECYCLE: Final = (
    "create_task",
    "get_task",
    "delete_task",
    "create_pool",
    "get_pool",
    "delete_pool",
    "create_job",
    "get_job",
    "delete_job",
    "create_secret",
    "get_secret",
    "delete_secret",
)
_lifecycle_schema = schemathesis.openapi.from_path(
    find_spec_path(),
    config=schemathesis.Config.from_dict(
        {
            **_CONFIG_DICT,
            "operations": [
                *_CONFIG_DICT["operations"],
                {"exclude-operation-id": list(_LIFECYCLE), "phases": {"stateful": {"enabled": False}}},
            ],
        }
    ),
)
_lifecycle_schema.app = schema.app
_lifecycle_schema.hook("map_case")(repair_case)
_LifecycleMachine = _lifecycle_schema.as_state_machine()


class _SteppedLifecycle(_LifecycleMachine):  # type: ignore[misc, valid-type]
    def setup(self) -> None:
        _lifecycle_schema.app, _current["clock"] = _fresh_app()

    def after_call(self, response: schemathesis.Response, case: schemathesis.Case[Any]) -> None:
        super().after_call(response, case)  # records the response: use_after_free looks it up
        _current["clock"].advance(2.0)


TestLifecycle = _SteppedLifecycle.TestCase
TestLifecycle.settings = hypothesis.settings(
    max_examples=EXAMPLES or 25, stateful_step_count=10, suppress_health_check=_NOT_TIMED, **_SETTINGS
)
