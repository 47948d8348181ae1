"""Decoding through the generated models: date-times, reprs, repair of raw fallbacks, tolerance."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import httpx
import pytest

from qarnot_api.models import JobOutput, TaskOutput, UnknownHardwareConstraint
from qarnot_api.types import format_qarnot_datetime, parse_qarnot_datetime
from qarnot_ext import ParseError
from qarnot_ext._adapter import DECODERS, OPS

UTC = datetime.UTC
ID = "095be615-a8ad-4c33-8e9c-c7612fbf6c9f"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-07T00:15:27Z", datetime.datetime(2026, 12, 7, 0, 15, 27, tzinfo=UTC)),
        ("2026-12-07T00:15:27.1Z", datetime.datetime(2026, 12, 7, 0, 15, 27, 100000, tzinfo=UTC)),
        ("2026-12-07T00:15:27.1138520Z", datetime.datetime(2026, 12, 7, 0, 15, 27, 113852, tzinfo=UTC)),
        # The 7th digit: round half to even.
        ("2026-12-07T00:15:27.1234565Z", datetime.datetime(2026, 12, 7, 0, 15, 27, 123456, tzinfo=UTC)),
        ("2026-12-07T00:15:27.1234575Z", datetime.datetime(2026, 12, 7, 0, 15, 27, 123458, tzinfo=UTC)),
        ("2026-12-07T00:15:27.1234566Z", datetime.datetime(2026, 12, 7, 0, 15, 27, 123457, tzinfo=UTC)),
        # Carry into the seconds.
        ("2026-12-07T00:15:27.9999996Z", datetime.datetime(2026, 12, 7, 0, 15, 28, tzinfo=UTC)),
        ("2026-12-07T00:15:27 ", datetime.datetime(2026, 12, 7, 0, 15, 27, tzinfo=UTC)),
        (
            "2026-12-07T01:15:27+01:00",
            datetime.datetime(2026, 12, 7, 1, 15, 27, tzinfo=datetime.timezone(datetime.timedelta(hours=1))),
        ),
        ("0001-01-01T00:00:00Z", None),
        ("0001-01-01T00:00:00Z ", None),
        ("0001-01-01T00:00:00.0000000Z", None),
    ],
)
def test_the_one_date_time_parser(text: str, expected: datetime.datetime | None) -> None:
    parsed = parse_qarnot_datetime(text)
    assert parsed == expected
    if parsed is not None:
        assert parsed.tzinfo is not None


@pytest.mark.parametrize("text", ["", "2026-12-07", "2026-12-07T00:15:27.12345678Z", "yesterday"])
def test_the_parser_refuses_what_is_not_a_date_time(text: str) -> None:
    with pytest.raises(ValueError, match="not a date-time"):
        parse_qarnot_datetime(text)


def test_to_dict_writes_utc_with_z_and_at_most_six_digits() -> None:
    plus_one = datetime.timezone(datetime.timedelta(hours=1))
    assert format_qarnot_datetime(datetime.datetime(2026, 1, 2, 4, 5, 6, 7, tzinfo=plus_one)) == (
        "2026-01-02T03:05:06.000007Z"
    )
    assert format_qarnot_datetime(datetime.datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03:04:05Z"
    job = JobOutput.from_dict({"uuid": ID, "creationDate": "2026-12-07T00:15:27.1138524Z"})
    assert job.to_dict()["creationDate"] == "2026-12-07T00:15:27.113852Z"


def test_the_date_time_edges_of_pythons_range() -> None:
    # Rounding past year 9999 is a ValueError (which the decoders report as a ParseError), never
    # an OverflowError escaping from_dict.
    with pytest.raises(ValueError, match="out of range"):
        parse_qarnot_datetime("9999-12-31T23:59:59.9999996Z")
    with pytest.raises(ParseError) as caught:
        DECODERS.decode(JobOutput, {"uuid": ID, "creationDate": "9999-12-31T23:59:59.9999996Z"})
    assert "$.creationDate" in str(caught.value)
    # A time whose UTC is before year 1 is written back with its own offset.
    early = parse_qarnot_datetime("0001-01-01T00:00:00.5+02:00")
    assert early is not None
    assert format_qarnot_datetime(early) == "0001-01-01T00:00:00.500000+02:00"
    assert parse_qarnot_datetime(format_qarnot_datetime(early)) == early


def test_models_hold_datetimes_uuids_and_a_repr_without_unset() -> None:
    job = DECODERS.decode(JobOutput, {"uuid": ID, "state": "Active", "lastModified": "0001-01-01T00:00:00Z"})
    assert job.uuid == uuid.UUID(ID)
    assert job.last_modified is None
    assert repr(job) == f"JobOutput(uuid=UUID('{ID}'), state='Active', last_modified=None)"
    assert "Unset" not in repr(DECODERS.decode(TaskOutput, {"uuid": ID}))


def test_a_string_that_is_not_a_date_time_is_a_parse_error_naming_the_path() -> None:
    with pytest.raises(ParseError) as caught:
        DECODERS.decode(JobOutput, {"uuid": ID, "creationDate": "soon"})
    assert "$.creationDate" in str(caught.value)


def test_a_raw_object_where_a_model_belongs_is_a_parse_error_naming_the_path() -> None:
    with pytest.raises(ParseError) as caught:
        DECODERS.decode(TaskOutput, {"uuid": ID, "status": ["not", "an", "object"]})
    assert "$.status" in str(caught.value)


def _response(body: bytes, method: str = "GET", url: str = "http://x/v1/tasks") -> httpx.Response:
    return httpx.Response(200, content=body, request=httpx.Request(method, url))


def test_tolerance_a_page_whose_data_is_null_is_an_empty_page() -> None:
    page = OPS.paginate_tasks.decode(_response(b'{"data": null, "nextToken": null}', "POST"))
    assert page.items == []
    assert page.next_token is None
    offset = OPS.list_hardware_constraints.decode(_response(b'{"data": null, "total": 0}'))
    assert offset.items == []


def test_tolerance_unknown_enum_values_and_variants_are_kept_typed() -> None:
    doc: dict[str, Any] = {
        "uuid": ID,
        "state": "Hibernating",
        "hardwareConstraints": [
            {"discriminator": "MinimumCoreHardwareConstraint", "coreCount": 8},
            {"discriminator": "QuantumHardwareConstraint", "qubits": 5},
            {"coreCount": 2},
        ],
    }
    task = DECODERS.decode(TaskOutput, doc)
    assert task.state == "Hibernating"
    assert isinstance(task.hardware_constraints, list)
    first, second, third = task.hardware_constraints
    assert type(first).__name__ == "MinimumCoreHardwareConstraint"
    assert isinstance(second, UnknownHardwareConstraint)
    assert second.discriminator == "QuantumHardwareConstraint"
    assert second.additional_properties == {"qubits": 5}
    assert isinstance(third, UnknownHardwareConstraint)
    assert third.discriminator == ""


def test_tolerance_null_in_a_member_the_contract_says_is_never_null() -> None:
    # Every output member but the id is nullable in the spec; nested required members are not.
    task = DECODERS.decode(TaskOutput, {"uuid": ID, "status": None, "tags": None, "creationDate": None})
    assert task.status is None
    assert task.tags is None
    assert task.creation_date is None


def test_tolerance_an_empty_200_where_nothing_is_read_decodes_to_none() -> None:
    assert OPS.abort_task.decode(_response(b"", "POST")) is None
    assert OPS.update_pool_scaling.decode(_response(b"", "PUT")) is None
