"""Report files: JUnit XML, a HAR cassette of the failing cases, and a JSON summary.

* ``junit.xml``: one test case per selected operation (failures by check, skipped when no request
  reached the server), plus one for run errors; what CI systems display.
* ``failures.har``: HAR 1.2 with the exchanges that led to each violation (a stateful failure includes
  the create and delete before the failing read), replayable in any HAR viewer.
* ``summary.json``: the whole result, machine-readable.

Every file is written through the redactor: credential headers are replaced and the token's value is
searched for and replaced in the final text, whatever the server echoed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Final
from urllib.parse import parse_qsl, urlsplit
from xml.etree import ElementTree as ET

from qarnot_ext.contract._messages import scrub_body
from qarnot_ext.contract._redact import Redactor
from qarnot_ext.contract._results import ContractResult

__all__ = ["REPORT_FILES", "har_entry", "write_reports"]

REPORT_FILES: Final = {"junit": "junit.xml", "har": "failures.har", "summary": "summary.json"}
_CREATOR: Final = {"name": "qarnot-contract", "version": "1"}
_MAX_BODY: Final = 64 * 1024


def _text(data: bytes | str | None) -> str:
    if data is None:
        return ""
    if isinstance(data, str):
        return data[:_MAX_BODY]
    return data[:_MAX_BODY].decode("utf-8", "replace")


def _header_list(headers: dict[str, Any], redactor: Redactor) -> list[dict[str, str]]:
    flat = {
        name: str(value[0] if isinstance(value, list) and value else value) for name, value in headers.items()
    }
    return [{"name": k, "value": v} for k, v in redactor.headers(flat).items()]


def har_entry(
    interaction: Any, redactor: Redactor, comment: str, secret_fields: bool = False
) -> dict[str, Any]:
    """One HAR 1.2 entry for a recorded schemathesis interaction, credentials and secrets removed.

    ``secret_fields``: the bodies are secrets-manager documents whose ``value`` fields are secrets.
    """
    request = interaction.request
    response = interaction.response
    url = redactor.text(request.uri)
    request_headers = _header_list(dict(request.headers), redactor)
    mime = next((h["value"] for h in request_headers if h["name"].lower() == "content-type"), "")
    har_request: dict[str, Any] = {
        "method": request.method,
        "url": url,
        "httpVersion": "HTTP/1.1",
        "headers": request_headers,
        "queryString": [
            {"name": k, "value": v} for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True)
        ],
        "cookies": [],
        "headersSize": -1,
        "bodySize": request.body_size if request.body_size is not None else 0,
    }
    if request.body is not None:
        har_request["postData"] = {
            "mimeType": mime,
            "text": scrub_body(_text(request.body), redactor, secret_fields),
        }
    elapsed_ms = round((response.elapsed if response is not None else 0.0) * 1000, 3)
    started = dt.datetime.fromtimestamp(interaction.timestamp - elapsed_ms / 1000, tz=dt.UTC)
    if response is not None:
        response_headers = _header_list(dict(response.headers), redactor)
        content_type = next((h["value"] for h in response_headers if h["name"].lower() == "content-type"), "")
        har_response: dict[str, Any] = {
            "status": response.status_code,
            "statusText": response.message,
            "httpVersion": f"HTTP/{response.http_version}",
            "headers": response_headers,
            "cookies": [],
            "content": {
                "size": response.content_size,
                "mimeType": content_type,
                "text": scrub_body(_text(response.content), redactor, secret_fields),
            },
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": response.content_size,
        }
    else:  # the request got no answer (network error)
        har_response = {
            "status": 0,
            "statusText": "no response",
            "httpVersion": "",
            "headers": [],
            "cookies": [],
            "content": {"size": 0, "mimeType": ""},
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": -1,
        }
    return {
        "startedDateTime": started.isoformat().replace("+00:00", "Z"),
        "time": elapsed_ms,
        "request": har_request,
        "response": har_response,
        "cache": {},
        "timings": {"send": 0, "wait": elapsed_ms, "receive": 0},
        "comment": comment,
    }


def _har(result: ContractResult) -> dict[str, Any]:
    entries = [entry for finding in result.findings for entry in finding.exchanges]
    return {
        "log": {
            "version": "1.2",
            "creator": _CREATOR,
            "comment": f"failing cases of qarnot-contract run {result.run_id} (seed {result.seed})",
            "entries": entries,
        }
    }


def _junit(result: ContractResult) -> ET.Element:
    failures = sum(
        1 for op in result.operations.values() if op.findings or (not op.served and not op.unserved_allowed)
    )
    skipped = sum(
        1 for op in result.operations.values() if not op.cases or (not op.served and op.unserved_allowed)
    )
    root = ET.Element(
        "testsuites", name="qarnot-contract", tests=str(len(result.operations)), time=f"{result.duration:.3f}"
    )
    suite = ET.SubElement(
        root,
        "testsuite",
        name=f"qarnot-contract ({result.mode} mode)",
        tests=str(len(result.operations) + (1 if result.errors else 0)),
        failures=str(failures),
        errors=str(1 if result.errors else 0),
        skipped=str(skipped),
        time=f"{result.duration:.3f}",
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("run_id", result.run_id),
        ("mode", result.mode),
        ("seed", str(result.seed)),
        ("base_url", result.base_url),
        ("spec", result.spec),
        ("command", result.command),
        ("verdict", result.verdict.value),
    ):
        ET.SubElement(properties, "property", name=name, value=value)
    for op in result.operations.values():
        case = ET.SubElement(
            suite,
            "testcase",
            classname="qarnot-contract",
            name=f"{op.info.operation_id} ({op.info.label})",
            time=f"{sum(op.latencies):.3f}",
        )
        for finding in op.findings:
            element = ET.SubElement(
                case, "failure", type=finding.check, message=f"{finding.code} {finding.title}"
            )
            element.text = "\n\n".join(
                x for x in (finding.message, finding.response, finding.reproduction) if x
            )
        if not op.served:
            element = ET.SubElement(
                case,
                "skipped" if op.unserved_allowed else "failure",
                type="not_served",
                message=f"not served: {op.unserved_reason}",
            )
        elif not op.cases:
            ET.SubElement(case, "skipped", message="no request reached the server")
        notes = [w.message for w in result.warnings if w.operation_id == op.info.operation_id]
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(f"warning: {n}" for n in notes)
    if result.errors:
        case = ET.SubElement(suite, "testcase", classname="qarnot-contract", name="run errors")
        for error in result.errors:
            where = f" ({error.operation_id})" if error.operation_id else ""
            ET.SubElement(
                case, "error", type=error.title, message=f"{error.title}{where}"
            ).text = error.message
    return root


def write_reports(directory: Path, result: ContractResult, redactor: Redactor) -> dict[str, Path]:
    """Write the three reports into ``directory`` (created if needed); return their paths by kind."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {kind: directory / name for kind, name in REPORT_FILES.items()}
    root = _junit(result)
    ET.indent(root)
    junit = ET.tostring(root, encoding="unicode", xml_declaration=True)
    texts = {
        "junit": junit + "\n",
        "har": json.dumps(_har(result), indent=1, ensure_ascii=False) + "\n",
        "summary": json.dumps(result.as_dict(), indent=1, ensure_ascii=False) + "\n",
    }
    for kind, text in texts.items():
        paths[kind].write_text(redactor.text(text), encoding="utf-8")
    return paths
