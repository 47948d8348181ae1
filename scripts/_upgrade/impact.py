"""Which of our code uses what a spec change touches: an AST scan of ``qarnot_ext`` and the tests.

For every finding, the names the generator gives to what changed are looked for:

- a component schema: its model class (``TaskOutput``) and model module
  (``qarnot_api.models.task_output``);
- a property: its attribute (``.max_retries_per_instance``, also as a keyword argument of a
  constructor call) and its wire name as a string (``"maxRetriesPerInstance"``: raw dict access,
  the emulator);
- an operation: its module ``qarnot_api.api.<tag>.<operation_id>`` (imports and attribute
  chains), and for parameter changes the keyword argument.

A use is *direct* when the name is specific (a class, a module, a multi-word attribute such as
``max_retries_per_instance``) and *name only* when it is a single common word (``.state``) that
may belong to another object; the report keeps the two apart.

Only the adapter imports the generated package, so most uses elsewhere go through objects the
adapter returns: the scan therefore also follows calls (by name, for function names defined once
in the package) from every using function up to the public API (``__all__`` of the package and
of its public subpackages) and to the tests that call it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from _upgrade.classify import Finding
from _upgrade.naming import GeneratedNames
from _upgrade.regen import MypyError

__all__ = ["CodeIndex", "Impact", "Use", "analyse_impact", "generated_names_of"]

_SKIPPED_DIRECTORIES = frozenset(
    {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis"}
)


@dataclass(frozen=True)
class Use:
    """One place in our code that refers to a changed name.

    Attributes:
        file: the path relative to the repository.
        line: the line number.
        scope: the enclosing function or class (``Task.max_retries``), ``<module>`` at top level.
        symbol: what matched (``.max_retries_per_instance``, ``TaskOutput``, ``"maxRetriesPerInstance"``).
        direct: False for a single-word attribute that may belong to another object.

    """

    file: str
    line: int
    scope: str
    symbol: str
    direct: bool = True

    def __str__(self) -> str:
        return f"{self.file}:{self.line} ({self.scope})"


@dataclass
class _FileFacts:
    path: str
    module: str
    # name -> [(line, scope)] for each kind of mention
    names: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    attributes: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    keywords: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    # (keyword, line) -> the called name (``TaskCreationInput`` in ``TaskCreationInput(name=...)``)
    callees: dict[tuple[str, int], str] = field(default_factory=dict)
    strings: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    imports: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    definitions: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    calls: dict[str, set[str]] = field(default_factory=dict)


class _Visitor(ast.NodeVisitor):
    def __init__(self, facts: _FileFacts) -> None:
        self.facts = facts
        self.scope = "<module>"

    def _note(self, table: dict[str, list[tuple[int, str]]], name: str, node: ast.AST) -> None:
        table.setdefault(name, []).append((getattr(node, "lineno", 0), self.scope))

    def _enter(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        # Noted before entering: a definition's scope is the one that encloses it.
        self._note(self.facts.definitions, node.name, node)
        outer = self.scope
        self.scope = node.name if outer == "<module>" else f"{outer}.{node.name}"
        self.generic_visit(node)
        self.scope = outer

    visit_FunctionDef = _enter  # noqa: N815 - ast.NodeVisitor's naming
    visit_AsyncFunctionDef = _enter  # noqa: N815
    visit_ClassDef = _enter  # noqa: N815

    def visit_Name(self, node: ast.Name) -> None:
        self._note(self.facts.names, node.id, node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self._note(self.facts.attributes, node.attr, node)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        callee = node.func
        name = callee.id if isinstance(callee, ast.Name) else getattr(callee, "attr", None)
        for keyword in node.keywords:
            if keyword.arg is not None:
                self._note(self.facts.keywords, keyword.arg, keyword)
                if isinstance(name, str):
                    self.facts.callees[(keyword.arg, keyword.lineno)] = name
        if isinstance(name, str):
            self.facts.calls.setdefault(self.scope, set()).add(name)
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and node.value and len(node.value) < 200:
            self._note(self.facts.strings, node.value, node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._note(self.facts.imports, alias.name, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        for alias in node.names:
            self._note(self.facts.imports, f"{module}.{alias.name}" if module else alias.name, node)
            self._note(self.facts.names, alias.name, node)


def _module_name(relative: Path) -> str:
    parts = list(relative.with_suffix("").parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@dataclass
class CodeIndex:
    """The facts of every Python file under some directories of a repository.

    Attributes:
        root: the repository.
        files: facts by relative path.
        package: the product package whose public API is followed (``qarnot_ext``).
        exported: public dotted names (``qarnot_ext.Client``) from the ``__all__`` lists.
        model_sources: import prefixes that bring generated models into a file: the generated
            package and the one adapter module that re-exports them.

    """

    root: Path
    files: dict[str, _FileFacts] = field(default_factory=dict)
    package: str = "qarnot_ext"
    exported: set[str] = field(default_factory=set)
    model_sources: tuple[str, ...] = ("qarnot_api.", "qarnot_ext._adapter.")

    @classmethod
    def scan(
        cls,
        root: Path,
        directories: Iterable[str],
        *,
        package: str = "qarnot_ext",
        exclude: Iterable[str] = (),
    ) -> CodeIndex:
        """Parse every ``.py`` file under ``directories`` (relative to ``root``), except ``exclude``.

        Files that do not parse are skipped: mypy reports them.
        """
        index = cls(root, package=package)
        excluded = [Path(e) for e in exclude]
        for directory in directories:
            base = root / directory
            if not base.exists():
                continue
            for path in sorted(base.rglob("*.py")):
                relative = path.relative_to(root)
                if _SKIPPED_DIRECTORIES.intersection(relative.parts) or any(
                    relative.is_relative_to(e) for e in excluded
                ):
                    continue
                try:
                    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(relative))
                except (SyntaxError, UnicodeDecodeError, ValueError):
                    continue
                facts = _FileFacts(relative.as_posix(), _module_name(relative))
                _Visitor(facts).visit(tree)
                index.files[facts.path] = facts
                if facts.module.split(".")[0] == package and path.name == "__init__.py":
                    index.exported |= _exports(tree, facts.module)
        return index

    def _where(self, table_name: str, name: str, symbol: str, *, direct: bool) -> Iterator[Use]:
        for facts in self.files.values():
            table: dict[str, list[tuple[int, str]]] = getattr(facts, table_name)
            for line, scope in table.get(name, ()):
                yield Use(facts.path, line, scope, symbol, direct)

    def class_uses(self, class_name: str, module: str) -> list[Use]:
        """Mentions of a generated class (by name, or by importing its module)."""
        uses = list(self._where("names", class_name, class_name, direct=True))
        uses += self._where("attributes", class_name, class_name, direct=True)
        uses += self._where("strings", class_name, f'"{class_name}"', direct=True)
        uses += self._where("imports", module, module, direct=True)
        return _unique(uses)

    def mentions(self, path: str, names: Iterable[str]) -> bool:
        """Whether a file mentions any of ``names`` (as a name, an attribute or a string)."""
        facts = self.files[path]
        return any(n in facts.names or n in facts.attributes or n in facts.strings for n in names)

    def attribute_uses(
        self,
        attribute: str,
        wire_name: str | None,
        *,
        owner: str,
        related: Iterable[str],
        models: Iterable[str],
    ) -> list[Use]:
        """Mentions of a property: ``.x``, ``x=`` and its wire name as a string.

        Args:
            attribute: the generated attribute (``max_retries_per_instance``).
            wire_name: the JSON name (``maxRetriesPerInstance``).
            owner: the generated class that has the attribute.
            related: the classes that contain ``owner``: a file mentioning none of them (nor
                ``owner``) and importing nothing from :attr:`model_sources` is unlikely to hold
                ``owner`` objects, so a distinctive attribute there is only a name match.
            models: every generated class name: ``x=`` in a call to another model is another field.

        """
        context = {owner, *related} - {""}
        others = set(models) - {owner}
        distinctive = "_" in attribute.strip("_")
        uses = []
        for facts in self.files.values():
            related_file = self.mentions(facts.path, context) or any(
                name.startswith(self.model_sources) for name in facts.imports
            )
            # A common word (``.state``) counts where the owner class itself is named; a
            # distinctive one anywhere models reach.
            direct = related_file and (distinctive or self.mentions(facts.path, [owner]))
            for line, scope in facts.attributes.get(attribute, ()):
                uses.append(Use(facts.path, line, scope, f".{attribute}", direct))
            for line, scope in facts.keywords.get(attribute, ()):
                callee = facts.callees.get((attribute, line))
                if callee in others:
                    continue  # a keyword of another model's constructor: another schema's field
                uses.append(Use(facts.path, line, scope, f"{attribute}=", direct or callee == owner))
        if wire_name is not None and ("_" in wire_name or any(c.isupper() for c in wire_name[1:])):
            uses += self._where("strings", wire_name, f'"{wire_name}"', direct=True)
        return _unique(uses)

    def operation_uses(self, tag_package: str, function: str) -> list[Use]:
        """Mentions of a generated operation module."""
        module = f"{tag_package}.{function}"
        uses: list[Use] = []
        for facts in self.files.values():
            for name, places in facts.imports.items():
                if name == module or name.startswith(f"{module}."):
                    uses += [Use(facts.path, line, scope, module, True) for line, scope in places]
            if any(name == module or name.startswith(f"{module}.") for name in facts.imports):
                # ``from qarnot_api.api.tasks import get_task`` then ``get_task.sync(...)``.
                uses += [
                    Use(facts.path, line, scope, function, True)
                    for line, scope in facts.names.get(function, ())
                ]
            if any(name.startswith(tag_package) for name in facts.imports):
                # ``from qarnot_api.api import tasks`` then ``tasks.get_task.sync(...)``.
                chained = facts.attributes.get(function, [])
                uses += [Use(facts.path, line, scope, f".{function}", True) for line, scope in chained]
        return _unique(uses)

    def keyword_uses(self, keyword: str, near: list[Use]) -> list[Use]:
        """Keyword arguments named ``keyword`` in the files of ``near`` (calls to a known operation)."""
        files = {u.file for u in near}
        return _unique(
            u for u in self._where("keywords", keyword, f"{keyword}=", direct=True) if u.file in files
        )

    def public_reach(self, uses: Iterable[Use]) -> tuple[list[str], list[Use]]:
        """Follow calls from the using functions up to the public API and the tests.

        Returns:
            The public names reached (``qarnot_ext.Client.get_task``) and the test functions that
            call a reached function.

        """
        definitions: dict[str, list[tuple[str, str]]] = {}
        callers: dict[str, list[tuple[str, str, int]]] = {}
        for facts in self.files.values():
            for name, places in facts.definitions.items():
                for _line, scope in places:
                    qualname = f"{scope}.{name}" if scope != "<module>" else name
                    definitions.setdefault(name, []).append((facts.path, qualname))
            for scope, called in facts.calls.items():
                line = _scope_line(facts, scope)
                for name in called:
                    callers.setdefault(name, []).append((facts.path, scope, line))
        product = {path for path, facts in self.files.items() if facts.module.split(".")[0] == self.package}
        public: set[str] = set()
        tests: set[Use] = set()
        pending = [(u.file, u.scope) for u in uses]
        seen: set[tuple[str, str]] = set()
        while pending:
            path, scope = pending.pop()
            if (path, scope) in seen or scope == "<module>":
                continue
            seen.add((path, scope))
            if path in product:
                dotted = self._public_name(path, scope)
                if dotted is not None:
                    public.add(dotted)
            else:
                tests.add(Use(path, _scope_line(self.files[path], scope), scope, scope))
            name = scope.split(".")[-1]
            # Only names defined once in the product are followed: ``get`` or ``run`` would
            # connect everything to everything.
            defined = [d for d in definitions.get(name, []) if d[0] in product]
            if len(defined) != 1 or name.startswith("__"):
                continue
            for caller_path, caller_scope, _line in callers.get(name, []):
                pending.append((caller_path, caller_scope))
        return sorted(public), sorted(tests, key=lambda u: (u.file, u.line))

    def _public_name(self, path: str, scope: str) -> str | None:
        module = self.files[path].module
        parts = scope.split(".")
        if any(p.startswith("_") for p in parts):
            return None
        # Re-exported by a package __init__ (``qarnot_ext.Client`` for ``qarnot_ext._client.Client``)?
        for exported in self.exported:
            package, _, name = exported.rpartition(".")
            if name == parts[0] and module.startswith(package):
                return ".".join([exported, *parts[1:]])
        if not any(p.startswith("_") for p in module.split(".")):
            return ".".join([module, *parts])
        return None


def _scope_line(facts: _FileFacts, scope: str) -> int:
    name = scope.split(".")[-1]
    for line, enclosing in facts.definitions.get(name, ()):
        if (f"{enclosing}.{name}" if enclosing != "<module>" else name) == scope:
            return line
    return 0


def _exports(tree: ast.Module, module: str) -> set[str]:
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets) and isinstance(
                node.value, ast.List | ast.Tuple
            ):
                return {
                    f"{module}.{e.value}"
                    for e in node.value.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                }
    return set()


def _unique(uses: Iterable[Use]) -> list[Use]:
    """One use per place (file, line, scope), a direct one when there is one."""
    best: dict[tuple[str, int, str], Use] = {}
    for use in sorted(uses, key=lambda u: (not u.direct, u.file, u.line, u.symbol)):
        best.setdefault((use.file, use.line, use.scope), use)
    return sorted(best.values(), key=lambda u: (not u.direct, u.file, u.line, u.symbol))


@dataclass
class Impact:
    """What one finding touches in our code.

    Attributes:
        finding: the spec change.
        generated: the generated names concerned
            (``qarnot_api.models.task_output.TaskOutput.max_retries_per_instance``).
        uses: direct uses in the product and the tests.
        name_only: uses of a single-word attribute name that may belong to another object.
        public: public names of the product that reach a use through calls.
        tests: test functions that reach a use through calls.
        mypy: type errors against the regenerated client that mention the changed names.

    """

    finding: Finding
    generated: list[str]
    uses: list[Use] = field(default_factory=list)
    name_only: list[Use] = field(default_factory=list)
    public: list[str] = field(default_factory=list)
    tests: list[Use] = field(default_factory=list)
    mypy: list[MypyError] = field(default_factory=list)

    @property
    def touched(self) -> bool:
        """Whether anything of ours is concerned."""
        return bool(self.uses or self.public or self.tests or self.mypy)


def _property_names(finding: Finding) -> list[str]:
    return [p for p in finding.property_path if p not in ("[]", "{}") and not p.startswith("<")]


def generated_names_of(finding: Finding, names: GeneratedNames) -> tuple[list[str], list[str], str | None]:
    """Return the generated names a finding touches.

    Returns:
        ``(dotted names for the report, bare names to match in mypy messages, attribute or None)``.

    """
    dotted: list[str] = []
    bare: list[str] = []
    attribute: str | None = None
    properties = _property_names(finding)
    if properties:
        attribute = names.attribute(properties[-1])
        bare.append(attribute)
    if finding.schema is not None:
        cls = names.class_name(finding.schema)
        if attribute is None:
            # A property change is matched by its attribute: errors naming only the class
            # (``Returning Any ... "TaskOutput"``) belong to no property in particular.
            bare.append(cls)
        dotted.append(f"{names.model_module(finding.schema)}.{cls}" + (f".{attribute}" if attribute else ""))
    operation = finding.operation
    if operation is not None:
        for tag, op_id in {
            (operation.old_tag, operation.old_operation_id),
            (operation.tag, operation.operation_id),
        }:
            if tag is not None and op_id is not None:
                dotted.append(f"{names.tag_package(tag)}.{names.operation_function(op_id)}")
                if attribute is None:
                    bare.append(names.operation_function(op_id))
        if attribute and finding.schema is None:
            dotted.append(f"(inline schema of {operation.label}).{attribute}")
    if finding.parameter is not None:
        bare.append(names.attribute(finding.parameter))
    return sorted(set(dotted)), sorted(set(bare)), attribute


def analyse_impact(
    findings: Iterable[Finding],
    index: CodeIndex,
    names: GeneratedNames,
    mypy_errors: Iterable[MypyError] = (),
    model_names: Iterable[str] | None = None,
) -> list[Impact]:
    """Map every finding to the code that uses what it touches.

    Args:
        findings: the classified spec changes.
        index: the scanned code (``qarnot_ext`` and ``tests``).
        names: the generator's naming.
        mypy_errors: errors of a type-check against the regenerated client; each is attached to
            the findings whose generated names it quotes.
        model_names: every generated model class (of both revisions), to tell a keyword argument of
            the changed model from the same name in another model's constructor.

    Returns:
        One :class:`Impact` per finding, in the findings' order.

    """
    errors = list(mypy_errors)
    models = set(model_names) if model_names is not None else set()
    impacts = []
    for finding in findings:
        dotted, bare, attribute = generated_names_of(finding, names)
        impact = Impact(finding, dotted)
        uses: list[Use] = []
        properties = _property_names(finding)
        if attribute is not None:
            owner = names.class_name(finding.schema) if finding.schema is not None else ""
            related = [names.class_name(c) for c in finding.containers]
            uses += index.attribute_uses(
                attribute, properties[-1], owner=owner, related=related, models=models
            )
        elif finding.schema is not None and finding.kind not in ("schema-added",):
            uses += index.class_uses(names.class_name(finding.schema), names.model_module(finding.schema))
        operation = finding.operation
        if operation is not None and not properties:
            for tag, op_id in {(operation.old_tag, operation.old_operation_id)}:
                if tag is not None and op_id is not None:
                    op_uses = index.operation_uses(names.tag_package(tag), names.operation_function(op_id))
                    uses += op_uses
                    if finding.parameter is not None:
                        uses += index.keyword_uses(names.attribute(finding.parameter), op_uses)
        uses = _unique(uses)
        impact.uses = [u for u in uses if u.direct]
        impact.name_only = [u for u in uses if not u.direct]
        impact.public, reached_tests = index.public_reach(impact.uses)
        direct_tests = [u for u in impact.uses if not u.file.startswith(f"{index.package}/")]
        # One line per test function: where it uses the name itself, else where it is defined.
        by_scope = {(u.file, u.scope): u for u in reached_tests}
        by_scope.update({(u.file, u.scope): u for u in sorted(direct_tests, key=lambda u: -u.line)})
        impact.tests = sorted(by_scope.values(), key=lambda u: (u.file, u.line))
        impact.uses = [u for u in impact.uses if u.file.startswith(f"{index.package}/")]
        impact.mypy = [e for e in errors if any(f'"{name}"' in e.message for name in bare)]
        impacts.append(impact)
    return impacts
