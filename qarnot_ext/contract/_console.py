"""What a person sees: a live progress display on a terminal, then the per-operation table and verdict.

On a terminal, rich draws a progress bar per phase; otherwise (CI logs, pipes) one plain line per
phase. Everything goes through :class:`RedactingStream`, so the token cannot reach the terminal even
if a server echoed it into a message.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from qarnot_ext.contract._names import PHASES
from qarnot_ext.contract._redact import Redactor
from qarnot_ext.contract._results import ContractResult, Verdict

__all__ = ["ConsoleProgress", "RedactingStream", "render_summary"]

_MAX_MESSAGE_LINES = 12


class RedactingStream:
    """A text stream that removes secrets from everything written to it."""

    def __init__(self, inner: IO[str], redactor: Redactor) -> None:
        self._inner = inner
        self._redactor = redactor

    def write(self, text: str) -> int:
        """Write ``text`` without secrets."""
        self._inner.write(self._redactor.text(text))
        return len(text)

    def flush(self) -> None:
        """Flush the underlying stream."""
        self._inner.flush()

    def isatty(self) -> bool:
        """Whether the underlying stream is a terminal (rich decides on live display with it)."""
        return bool(getattr(self._inner, "isatty", lambda: False)())

    def fileno(self) -> int:
        """The underlying file descriptor (rich reads the terminal size with it)."""
        return self._inner.fileno()

    @property
    def encoding(self) -> str:
        """The underlying encoding."""
        return str(getattr(self._inner, "encoding", None) or "utf-8")


class ConsoleProgress:
    """Live (terminal) or line-by-line (logs) progress of a run."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.live = console.is_terminal
        self._bar: Progress | None = None
        self._tasks: dict[str, TaskID] = {}
        self._current: str | None = None
        self._done: dict[str, int] = {}
        self._total = 0

    def started(self, result: ContractResult, phases: Sequence[str]) -> None:
        """Announce the run."""
        self._total = len(result.operations)
        self.console.print(
            f"qarnot-contract: {self._total} operation(s) of {result.spec} against {result.base_url} "
            f"(mode {result.mode}, phases {', '.join(phases)}, seed {result.seed}, run {result.run_id})",
            highlight=False,
        )
        if self.live:
            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[stats]}"),
                TimeElapsedColumn(),
                console=self.console,
                transient=False,
            )
            self._bar.start()

    def phase(self, name: str, finished: bool) -> None:
        """Open or close a phase's bar (or line)."""
        if name not in PHASES:  # probing and schema analysis send no test case worth a line
            return
        if not finished:
            self._current = name
            self._done[name] = 0
            if self._bar is not None:
                total = None if name == "stateful" else self._total
                self._tasks[name] = self._bar.add_task(f"{name:<9}", total=total, stats="")
            return
        if self._bar is not None and name in self._tasks:
            task = self._tasks[name]
            self._bar.update(task, completed=self._done.get(name, 0), total=self._done.get(name, 0) or 1)
        elif not self.live:
            self.console.print(f"  {name}: {self._done.get(name, 0)} scenario(s) done", highlight=False)
        self._current = None

    def scenario(self, result: ContractResult, operation_ids: Sequence[str]) -> None:
        """Advance the current phase."""
        del operation_ids
        if self._current is None:
            return
        self._done[self._current] = self._done.get(self._current, 0) + 1
        if self._bar is not None and self._current in self._tasks:
            self._bar.update(
                self._tasks[self._current],
                completed=self._done[self._current],
                stats=f"{result.cases} cases, {len(result.findings)} violation(s)",
            )

    def note(self, text: str) -> None:
        """Print a line."""
        self.console.print(text, highlight=False)

    def close(self) -> None:
        """Stop the live display."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1000:.1f}"


def _clip(text: str) -> str:
    lines = text.strip().splitlines()
    if len(lines) > _MAX_MESSAGE_LINES:
        lines = [
            *lines[:_MAX_MESSAGE_LINES],
            f"... ({len(lines) - _MAX_MESSAGE_LINES} more lines in the reports)",
        ]
    return "\n".join(lines)


def render_summary(console: Console, result: ContractResult, reports: dict[str, Any] | None = None) -> None:
    """Print the per-operation table, the violations, warnings, errors, cleanup and the verdict line."""
    table = Table(title="Contract conformance by operation", show_lines=False)
    for column, justify in (
        ("operation", "left"),
        ("request", "left"),
        ("cases", "right"),
        ("failures by check", "left"),
        ("warn", "right"),
        ("p50 ms", "right"),
        ("p95 ms", "right"),
        ("status", "left"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for op in result.operations.values():
        failures = ", ".join(f"{check} {count}" for check, count in op.failures_by_check.items()) or "-"
        style = {"fail": "bold red", "pass": "green", "skipped": "yellow", "not served": "magenta"}[op.status]
        table.add_row(
            op.info.operation_id,
            op.info.label,
            str(op.cases),
            failures,
            str(op.warnings or "-"),
            _ms(op.p50),
            _ms(op.p95),
            Text(op.status, style=style),
        )
    console.print(table)
    for op in result.operations.values():
        if not op.served:
            allowed = " (allowed by --allow-unserved)" if op.unserved_allowed else ""
            console.print(
                Text(f"not served: {op.info.operation_id}{allowed}: {op.unserved_reason}", style="magenta")
            )
    causes = result.causes
    for index, cause in enumerate(causes, 1):
        example = cause.example
        shown = ", ".join(cause.operations[:6]) + (", ..." if len(cause.operations) > 6 else "")
        console.print(
            Text(
                f"{index}. {cause.check} [{cause.code}] {cause.title}: {cause.cause}\n"
                f"   {len(cause.operations)} operation(s), {cause.cases} case(s): {shown}",
                style="bold red",
            )
        )
        console.print(Text(f"smallest case ({example.operation_id}):\n{_clip(example.message)}"))
        if example.response:
            console.print(Text("response: " + _clip(example.response)))
        if example.reproduction:
            console.print(Text("reproduce: " + _clip(example.reproduction), style="dim"))
    if causes:
        by_check = ", ".join(
            f"{check} {sum(1 for c in causes if c.check == check)} cause(s) / "
            f"{sum(1 for f in result.findings if f.check == check)} finding(s)"
            for check in sorted({c.check for c in causes})
        )
        console.print(Text(f"by check: {by_check}"))
    for warning in result.warnings:
        console.print(Text(f"warning: {warning.operation_id}: {warning.message}", style="yellow"))
    for error in result.errors:
        where = f" ({error.operation_id})" if error.operation_id else ""
        console.print(Text(f"error: {error.title}{where}: {_clip(error.message)}", style="magenta"))
    if result.mode == "full":
        console.print(f"cleanup: {result.created} resource(s) created, {len(result.leftovers)} left behind")
        for leftover in result.leftovers:
            console.print(Text(f"  left behind: {leftover}", style="yellow"))
    for kind, path in (reports or {}).items():
        console.print(f"{kind} report: {path}", highlight=False)
    style = "bold green" if result.verdict is Verdict.CONFORMANT else "bold red"
    # One line whatever the width: CI logs are grepped for it.
    console.print(Text(result.verdict_line(), style=style), soft_wrap=True)
