"""The emulated platform's fixed catalogue: machines, hardware constraints and profiles.

Machines decide where an instance runs (and what ``completedInstances`` reports); a task's
``hardwareConstraints`` select among them, and a task no machine satisfies fails at dispatch, as on
the real platform.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

__all__ = [
    "HARDWARE_CONSTRAINTS",
    "KNOWN_CONSTRAINTS",
    "MACHINES",
    "PROFILES",
    "Machine",
    "Profile",
    "machines_for",
    "search_cpu_models",
]


@dataclass(frozen=True)
class Machine:
    """A kind of compute node."""

    specification_key: str
    cpu_model: str
    core_count: int
    memory_mb: float
    max_ghz: float
    clock_ratio: float
    gpu: bool
    ssd: bool

    @property
    def memory_gb_per_core(self) -> float:
        """RAM per core in GB (what the ratio constraints compare)."""
        return self.memory_mb / 1024 / self.core_count


MACHINES: Final[tuple[Machine, ...]] = (
    Machine("8c-32g-amd-rz3700x", "AMD Ryzen 7 3700X 8-Core Processor", 8, 32768.0, 3.6, 0.95, False, True),
    Machine(
        "16c-128g-amd-tr2950x", "AMD Ryzen Threadripper 2950X 16-Core", 16, 131072.0, 3.5, 0.9, False, True
    ),
    Machine(
        "4c-16g-intel-i7", "Intel(R) Core(TM) i7-7700 CPU @ 3.60GHz", 4, 16384.0, 3.6, 0.85, False, False
    ),
    Machine("32c-256g-amd-epyc7543", "AMD EPYC 7543 32-Core Processor", 32, 262144.0, 2.8, 1.0, False, True),
    Machine("8c-64g-nvidia-rtx3080", "AMD Ryzen 7 5800X 8-Core Processor", 8, 65536.0, 3.8, 0.95, True, True),
)

KNOWN_CONSTRAINTS: Final = frozenset(
    {
        "MinimumCoreHardwareConstraint",
        "MaximumCoreHardwareConstraint",
        "MinimumRamHardwareConstraint",
        "MaximumRamHardwareConstraint",
        "MinimumRamCoreRatioHardwareConstraint",
        "MaximumRamCoreRatioHardwareConstraint",
        "SpecificHardwareConstraint",
        "CpuModelHardwareConstraint",
        "GpuHardwareConstraint",
        "NoGpuHardwareConstraint",
        "SSDHardwareConstraint",
        "NoSSDHardwareConstraint",
    }
)


def _number(constraint: Mapping[str, Any], key: str) -> float | None:
    value = constraint.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _satisfies(machine: Machine, constraint: Mapping[str, Any]) -> bool:
    kind = constraint.get("discriminator")
    checks: dict[str, Any] = {
        "MinimumCoreHardwareConstraint": lambda v: v is None or machine.core_count >= v,
        "MaximumCoreHardwareConstraint": lambda v: v is None or machine.core_count <= v,
        "MinimumRamHardwareConstraint": lambda v: v is None or machine.memory_mb >= v,
        "MaximumRamHardwareConstraint": lambda v: v is None or machine.memory_mb <= v,
        "MinimumRamCoreRatioHardwareConstraint": lambda v: v is None or machine.memory_gb_per_core >= v,
        "MaximumRamCoreRatioHardwareConstraint": lambda v: v is None or machine.memory_gb_per_core <= v,
    }
    keys = {
        "MinimumCoreHardwareConstraint": "coreCount",
        "MaximumCoreHardwareConstraint": "coreCount",
        "MinimumRamHardwareConstraint": "minimumMemoryMB",
        "MaximumRamHardwareConstraint": "maximumMemoryMB",
        "MinimumRamCoreRatioHardwareConstraint": "minimumMemoryGBCoreRatio",
        "MaximumRamCoreRatioHardwareConstraint": "maximumMemoryGBCoreRatio",
    }
    if kind in checks:
        return bool(checks[kind](_number(constraint, keys[kind])))
    if kind == "SpecificHardwareConstraint":
        key = constraint.get("specificationKey")
        return key is None or machine.specification_key == str(key).strip()
    if kind == "CpuModelHardwareConstraint":
        model = constraint.get("cpuModel")
        return model is None or str(model).strip().lower() in machine.cpu_model.lower()
    flags = {
        "GpuHardwareConstraint": machine.gpu,
        "NoGpuHardwareConstraint": not machine.gpu,
        "SSDHardwareConstraint": machine.ssd,
        "NoSSDHardwareConstraint": not machine.ssd,
    }
    return flags.get(str(kind), False)


def machines_for(constraints: Sequence[Mapping[str, Any]] | None) -> list[Machine]:
    """Return the machines satisfying every constraint (all machines when there are none)."""
    return [m for m in MACHINES if all(_satisfies(m, c) for c in constraints or ())]


def _catalogue() -> tuple[dict[str, Any], ...]:
    items: list[dict[str, Any]] = []
    for cores in sorted({m.core_count for m in MACHINES}):
        items.append({"discriminator": "MinimumCoreHardwareConstraint", "coreCount": cores})
        items.append({"discriminator": "MaximumCoreHardwareConstraint", "coreCount": cores})
    for memory in sorted({m.memory_mb for m in MACHINES}):
        items.append({"discriminator": "MinimumRamHardwareConstraint", "minimumMemoryMB": memory})
        items.append({"discriminator": "MaximumRamHardwareConstraint", "maximumMemoryMB": memory})
    for ratio in sorted({m.memory_gb_per_core for m in MACHINES}):
        items.append(
            {"discriminator": "MinimumRamCoreRatioHardwareConstraint", "minimumMemoryGBCoreRatio": ratio}
        )
        items.append(
            {"discriminator": "MaximumRamCoreRatioHardwareConstraint", "maximumMemoryGBCoreRatio": ratio}
        )
    items.extend(
        {"discriminator": "SpecificHardwareConstraint", "specificationKey": m.specification_key}
        for m in MACHINES
    )
    items.extend({"discriminator": "CpuModelHardwareConstraint", "cpuModel": m.cpu_model} for m in MACHINES)
    items.extend({"discriminator": name} for name in ("GpuHardwareConstraint", "NoGpuHardwareConstraint"))
    items.extend({"discriminator": name} for name in ("SSDHardwareConstraint", "NoSSDHardwareConstraint"))
    return tuple(items)


HARDWARE_CONSTRAINTS: Final = _catalogue()
"""Every constraint a user can put on a task, in the order ``list_hardware_constraints`` pages them."""


def search_cpu_models(text: str) -> list[dict[str, Any]]:
    """CPU-model constraints whose model contains ``text`` (case-insensitive, blanks trimmed)."""
    needle = text.strip().lower()
    models = sorted({m.cpu_model for m in MACHINES})
    return [
        {"discriminator": "CpuModelHardwareConstraint", "cpuModel": model}
        for model in models
        if needle in model.lower()
    ]


@dataclass(frozen=True)
class Profile:
    """A profile: the software a task runs, with its constants and their defaults."""

    name: str
    constants: tuple[tuple[str, str | None], ...]
    command: str
    licenses: tuple[tuple[str, int, int], ...] = ()

    def to_output(self) -> dict[str, Any]:
        """The ``ProfileOutput`` body."""
        return {
            "name": self.name,
            "constants": [{"name": name, "value": value} for name, value in self.constants],
            "licenses": [
                {"name": name, "maxInstances": instances, "maxCores": cores}
                for name, instances, cores in self.licenses
            ],
        }


_DOCKER: Final = (("DOCKER_REPO", "library/ubuntu"), ("DOCKER_TAG", "latest"), ("DOCKER_CMD", "echo hello"))

PROFILES: Final[dict[str, Profile]] = {
    p.name: p
    for p in (
        Profile("docker-batch", _DOCKER, "docker run ${DOCKER_REPO}:${DOCKER_TAG} ${DOCKER_CMD}"),
        Profile(
            "docker-network",
            (*_DOCKER, ("DOCKER_PORTS", None)),
            "docker run --network host ${DOCKER_REPO}:${DOCKER_TAG} ${DOCKER_CMD}",
        ),
        Profile(
            "docker-nvidia-batch",
            _DOCKER,
            "docker run --gpus all ${DOCKER_REPO}:${DOCKER_TAG} ${DOCKER_CMD}",
        ),
        Profile(
            "python",
            (("PYTHON_SCRIPT", "main.py"), ("PYTHON_VERSION", "3.11")),
            "python${PYTHON_VERSION} ${PYTHON_SCRIPT}",
        ),
        Profile(
            "blender",
            (("BLEND_FILE", "scene.blend"), ("BLENDER_VERSION", "4.1")),
            "blender -b ${BLEND_FILE} -f ${INSTANCE_ID}",
            (("blender", 2048, 65536),),
        ),
    )
}
"""The profiles every tenant sees, by name."""
