"""What an installed user meets: the wheel in a fresh venv (scripts/check_wheel.py does the work).

The script builds the wheel, installs it without extras in a new virtual environment, runs each
console script there, and type-checks a user's file against the installed packages; then installs
the extras and runs the scripts again. Needs PyPI for the dependencies (pip's cache makes reruns
fast); takes about a minute.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("wheel") / "figures.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_wheel.py"), "--extras", "--json", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    print(result.stdout)
    assert out.is_file(), result.stdout + result.stderr
    data: dict[str, Any] = json.loads(out.read_text())
    data["exit_status"] = result.returncode
    return data


@pytest.mark.slow
def test_the_wheel_passes_every_check(figures: dict[str, Any]) -> None:
    assert figures["failures"] == []
    assert figures["exit_status"] == 0


@pytest.mark.slow
def test_a_client_install_brings_no_tool_dependency(figures: dict[str, Any]) -> None:
    installed = {name.lower() for name in figures["client_distributions"]}
    assert "qarnot-toolkit" in installed
    assert {"httpx", "attrs", "boto3", "anyio"} <= installed
    for tool_only in ("rich", "starlette", "uvicorn", "moto", "schemathesis", "hypothesis", "openapi-core"):
        assert tool_only not in installed


@pytest.mark.slow
@pytest.mark.parametrize("script", ["qarnot-emulator --help", "qarnot-contract --help"])
def test_a_script_without_its_extra_says_what_to_install(figures: dict[str, Any], script: str) -> None:
    answer = figures["scripts_without_extra"][script]
    assert answer["status"] == 2
    extra = "emulator" if "emulator" in script else "contract"
    assert answer["stderr"].count("\n") == 0
    assert f"pip install 'qarnot-toolkit[{extra}]'" in answer["stderr"]


@pytest.mark.slow
def test_installed_users_get_types(figures: dict[str, Any]) -> None:
    revealed = figures["revealed"]
    assert revealed["8"] == "qarnot_ext._ranges.InstanceRange"
    assert "Any" not in revealed["9"]
