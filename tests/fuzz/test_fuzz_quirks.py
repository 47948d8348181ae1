"""The quirk corpus (``quirks/*.json``): real-world deviations that the generated models must survive.

Each file names the quirk of ``docs/real-world-quirks.md`` it reproduces, the component schema the
payload is parsed as, and the payload. Every payload must parse without error, without a warning
(``filterwarnings = error``), with each union resolved by its tag (unknown tags to ``Unknown...``),
no raw-dict fallback and every value kept verbatim but the converted formats (``uuid``, ``date``,
``qarnot-date-time``; ``_fuzz_tools.check_parsed``); ``to_dict`` must give the payload back
(compared canonically). Targeted tests below pin the behaviour each quirk is about.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from pathlib import Path
from typing import Any, cast

import pytest

from qarnot_api.models import (
    BulkTaskResult,
    ErrorDetail,
    ErrorResponse,
    FixedScalingPolicy,
    GpuHardwareConstraint,
    HardwareConstraintOffsetPage,
    ManagedTasksQueueScalingPolicy,
    MaximumCoreHardwareConstraint,
    MinimumCoreHardwareConstraint,
    MinimumRamHardwareConstraint,
    ProblemDetails,
    ScalingOutput,
    SSDHardwareConstraint,
    TaskOutput,
    TaskStatus,
    TaskSummaryOutput,
    UnknownHardwareConstraint,
    UnknownScalingPolicy,
    UnknownTimePeriod,
    WeeklyTimePeriod,
)
from qarnot_api.models.task_state import TASK_STATE_VALUES
from qarnot_api.types import Unset
from tests.fuzz._fuzz_tools import SCHEMA_PREFIX, canonical, check_parsed, model_class, parse

QUIRKS = Path(__file__).resolve().parent / "quirks"
FILES = sorted(QUIRKS.glob("*.json"))


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((QUIRKS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _json(parsed: Any) -> Any:
    return [_json(x) for x in parsed] if isinstance(parsed, list) else parsed.to_dict()


def test_corpus_covers_every_quirk() -> None:
    covered = {json.loads(f.read_text(encoding="utf-8"))["quirk"] for f in FILES}
    # Quirk 6 (error bodies) and 7 (bulk creation) included; every quirk of docs/real-world-quirks.md.
    assert covered == set(range(1, 10))


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_quirk_payload_parses_and_round_trips(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    assert set(case) == {"quirk", "schema", "description", "payload"}
    node = {"$ref": SCHEMA_PREFIX + case["schema"]}
    parsed = parse(case["schema"], case["payload"])
    check_parsed(case["payload"], node, parsed)
    assert canonical(_json(parsed), node) == canonical(case["payload"], node)


def test_unknown_and_recased_enum_values_are_kept_and_logged_at_debug(
    caplog: pytest.LogCaptureFixture,
) -> None:
    payload = _load("01-enum-drift-task")["payload"]
    with caplog.at_level(logging.DEBUG, logger="qarnot_api"):
        task = TaskOutput.from_dict(payload)
    # Typed as the Literals of known values, they hold the unknown strings: compare as objects.
    kept: tuple[object, ...] = (task.state, task.previous_state, task.scheduling_type)
    assert kept == ("PartiallyRetried", "success", "Flex")
    assert task.state not in TASK_STATE_VALUES
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert any("PartiallyRetried" in m for m in messages)
    assert any("Flex" in m for m in messages)


def test_unknown_policy_and_period_types_survive_next_to_known_ones() -> None:
    scaling = ScalingOutput.from_dict(_load("02-enum-drift-scaling")["payload"])
    assert isinstance(scaling.policies, list)
    fixed, green, busy = scaling.policies
    assert isinstance(fixed, FixedScalingPolicy)
    assert isinstance(green, UnknownScalingPolicy)
    assert isinstance(busy, ManagedTasksQueueScalingPolicy)
    assert green.type_ == "CarbonAware"
    assert green.additional_properties == {"maxCarbonIntensity": 50.5}
    assert isinstance(fixed.enabled_periods, list)
    weekly, monthly = fixed.enabled_periods
    assert isinstance(weekly, WeeklyTimePeriod)
    assert weekly.days == ["Thursday", "friday", "Mondai"]
    assert weekly.end_time_utc == "23:59:59.9999999"
    assert isinstance(monthly, UnknownTimePeriod)
    assert monthly.additional_properties == {"dayOfMonth": 1}


def test_one_unknown_hardware_constraint_does_not_turn_the_list_into_dicts() -> None:
    page = HardwareConstraintOffsetPage.from_dict(_load("03-unknown-hardware-constraint")["payload"])
    kinds = [type(c) for c in page.data]
    assert kinds == [
        MinimumCoreHardwareConstraint,
        UnknownHardwareConstraint,
        SSDHardwareConstraint,
        UnknownHardwareConstraint,
    ]
    quantum = page.data[1]
    assert isinstance(quantum, UnknownHardwareConstraint)
    assert quantum.discriminator == "QuantumHardwareConstraint"
    assert quantum.additional_properties == {"minimumQubits": 5}
    # Tags are case-sensitive: a re-cased known tag is kept as unknown, with its fields.
    assert page.data[3].additional_properties == {"coreCount": 4}


def test_nulls_and_empty_status() -> None:
    task = TaskOutput.from_dict(_load("04-nulls-everywhere-task")["payload"])
    assert task.state is None
    assert task.hardware_constraints is None
    assert task.labels is None
    assert isinstance(task.status, TaskStatus)
    assert task.status.to_dict() == {}


def test_odd_date_times_become_aware_datetimes_and_the_sentinel_none() -> None:
    payload = _load("07-datetimes")["payload"]
    summary = TaskSummaryOutput.from_dict(payload)
    # 7th digit rounded half-even to the microsecond (here up); milliseconds and offsets kept.
    assert summary.creation_date == dt.datetime(2024, 2, 20, 8, 56, 48, 123457, tzinfo=dt.UTC)
    assert summary.last_modified == dt.datetime(2024, 2, 20, 8, 56, 48, 729000, tzinfo=dt.UTC)
    previous = summary.previous_state_transition_time
    assert isinstance(previous, dt.datetime)
    assert previous == dt.datetime(2024, 2, 20, 8, 56, 48, tzinfo=dt.UTC)
    assert previous.utcoffset() == dt.timedelta(hours=1)
    # The "unset" sentinel, with Z or a trailing space, is None.
    assert summary.state_transition_time is None
    assert summary.end_date is None


def test_floats_in_integer_fields_are_kept() -> None:
    page = HardwareConstraintOffsetPage.from_dict(_load("09-floats-in-integer-fields")["payload"])
    ram, cores, _ratio = page.data
    assert isinstance(ram, MinimumRamHardwareConstraint)
    assert ram.minimum_memory_mb == 32000.0
    assert isinstance(cores, MaximumCoreHardwareConstraint)
    assert cores.core_count == 16.0


def test_error_body_shapes() -> None:
    nested = ErrorResponse.from_dict(_load("12-error-nested")["payload"])
    assert isinstance(nested.error, ErrorDetail)
    assert nested.error.code == 401
    plain = ErrorResponse.from_dict(_load("13-error-string")["payload"])
    assert plain.error == "Secret the_key doesn't exist"
    assert isinstance(ErrorResponse.from_dict(_load("11-error-message")["payload"]).message, str)
    problem = ProblemDetails.from_dict(_load("14-error-problem-extensions")["payload"])
    assert problem.errors is not None
    assert not isinstance(problem.errors, Unset)
    assert problem.errors.additional_properties[""] == ["A non-empty request body is required."]
    assert problem.extensions is not None
    assert not isinstance(problem.extensions, Unset)
    assert problem.extensions.additional_properties["traceId"].startswith("00-")


def test_bulk_statuses_keep_submission_order() -> None:
    results = parse("BulkTaskResults", _load("16-bulk-207")["payload"])
    assert [r.status_code for r in results] == [201, 400, 200]
    assert all(isinstance(r, BulkTaskResult) for r in results)
    assert results[1].uuid is None
    assert results[0].uuid == uuid.UUID("52c10b2d-0687-41e1-985e-7279f6dd543a")


def test_mistagged_cpu_constraint_keeps_its_model() -> None:
    page = HardwareConstraintOffsetPage.from_dict(_load("20-cpu-constraint-mistagged")["payload"])
    (gpu,) = page.data
    assert isinstance(gpu, GpuHardwareConstraint)
    assert gpu.additional_properties == {"cpuModel": "Ryzen 1700X"}


def test_checker_detects_raw_dict_fallback_and_wrong_variant() -> None:
    # The checker must be able to fail, or the corpus and fuzz tests would prove nothing.
    doc = {"data": [{"discriminator": "MaximumCoreHardwareConstraint", "coreCount": 2}]}
    node = {"$ref": SCHEMA_PREFIX + "HardwareConstraintOffsetPage"}
    good = HardwareConstraintOffsetPage.from_dict(doc)
    check_parsed(doc, node, good)
    wrong = HardwareConstraintOffsetPage(data=[MinimumCoreHardwareConstraint(core_count=2)])
    with pytest.raises(AssertionError, match="expected MaximumCoreHardwareConstraint"):
        check_parsed(doc, node, wrong)
    raw = HardwareConstraintOffsetPage(
        data=cast(Any, [doc["data"][0]])
    )  # what the generator's fallback yields
    with pytest.raises(AssertionError, match="raw dict"):
        check_parsed(doc, node, raw)
    changed = HardwareConstraintOffsetPage(data=[MaximumCoreHardwareConstraint(core_count=cast(Any, 2.0))])
    with pytest.raises(AssertionError, match="int became float"):
        check_parsed(doc, node, changed)


def test_every_corpus_schema_has_a_model_or_is_an_array_of_one() -> None:
    for f in FILES:
        name = json.loads(f.read_text(encoding="utf-8"))["schema"]
        assert model_class(name) is not None or name == "BulkTaskResults"
