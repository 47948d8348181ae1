"""The Python names openapi-python-client gives to schemas, properties and operations.

The generator's own name functions (``openapi_python_client.strings``) are used, with the
project's generator config (``package_name_override``, ``field_prefix``, ``class_overrides``),
so that a schema ``TaskOutput`` maps to ``qarnot_api.models.task_output.TaskOutput`` and a
property ``maxRetriesPerInstance`` to the attribute ``max_retries_per_instance`` exactly as
generated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from openapi_python_client.strings import ClassName, PythonIdentifier

from _upgrade.errors import UpgradeError

__all__ = ["GeneratedNames"]


@dataclass(frozen=True)
class GeneratedNames:
    """Name mapping for one generator configuration.

    Attributes:
        package: the generated package (``qarnot_api``).
        field_prefix: the prefix for names that are not identifiers (``field_``).
        class_overrides: ``{generated class name: {class_name, module_name}}`` from the config.

    """

    package: str = "qarnot_api"
    field_prefix: str = "field_"
    class_overrides: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @classmethod
    def from_config(cls, path: Path) -> GeneratedNames:
        """Read ``openapi-python-client.yaml``; defaults when the file does not exist.

        Raises:
            UpgradeError: the file exists but is not valid YAML.

        """
        if not path.exists():
            return cls()
        try:
            config: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise UpgradeError(f"{path}: invalid YAML: {error}") from error
        return cls(
            package=str(config.get("package_name_override") or "qarnot_api"),
            field_prefix=str(config.get("field_prefix") or "field_"),
            class_overrides=dict(config.get("class_overrides") or {}),
        )

    def class_name(self, schema: str) -> str:
        """Return the model class generated for a component schema."""
        name = ClassName(schema, self.field_prefix)
        override = self.class_overrides.get(name) or {}
        return (
            str(ClassName(override["class_name"], self.field_prefix))
            if "class_name" in override
            else str(name)
        )

    def model_module(self, schema: str) -> str:
        """Return the dotted module of a component's model class (``qarnot_api.models.task_output``)."""
        name = ClassName(schema, self.field_prefix)
        override = self.class_overrides.get(name) or {}
        module = override.get("module_name") or PythonIdentifier(self.class_name(schema), self.field_prefix)
        return f"{self.package}.models.{module}"

    def attribute(self, json_name: str) -> str:
        """Return the attribute (or keyword argument) generated for a property or parameter."""
        return str(PythonIdentifier(json_name, self.field_prefix))

    def tag_package(self, tag: str) -> str:
        """Return the dotted package of a tag's operations (``qarnot_api.api.tasks``)."""
        return f"{self.package}.api.{PythonIdentifier(tag, 'tag')}"

    def operation_function(self, operation_id: str) -> str:
        """Return the module name of an operation (also how code refers to it: ``get_task``)."""
        return str(PythonIdentifier(operation_id, self.field_prefix))
