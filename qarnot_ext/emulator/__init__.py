"""A local Qarnot Compute API: spec-validated, stateful, with a real S3 endpoint (what moto is to AWS).

::

    from qarnot_ext.emulator import Emulator

    with Emulator() as emu:                 # API on emu.url (…/v1), S3 on emu.storage_url
        ...                                 # API token: emu.token; S3 keys: emu.email / emu.token
        emu.advance(30)                     # skip 30 emulated seconds

Needs the ``emulator`` extra (``pip install "qarnot-toolkit[emulator]"``); the names below load
on first use, so a missing extra is reported in one line naming it, never as a traceback from
deep inside a dependency.

Other entry points: :func:`create_app` (the ASGI app over an :class:`EmulatorState`, for in-process
tests and schemathesis), :class:`Tenant`, :class:`ManualClock`, :class:`SpeedClock`, and the console
script ``qarnot-emulator serve`` (``python -m qarnot_ext.emulator``).

Every request and response is checked against ``openapi.yaml`` (compiled validators, openapi-core to
explain a rejection); a response that breaks it is an emulator bug, answered 500 and recorded in
``EmulatorState.violations``.

Rules the emulator follows where the API reference is silent:

* **Accounts.** ``Authorization: <token>`` (no ``Bearer``); missing or unknown → 401; ``/settings``
  and ``/versions`` are public. Another tenant's resource is a 404, never a 403.
  ``QarnotReadOnlyRequestForAccount: <email>`` makes a read see that account if the caller's
  :attr:`Tenant.can_read` lists it (``--read-access READER:OWNER``); the caller's own email or an
  empty value changes nothing; any other value is 403 (the same for unknown accounts), and so is a
  write naming another account.
* **Time.** A task is Submitted until ready (its dependencies done, its pool running), then
  FullyDispatched 1 s later, FullyExecuting 1 s after that, UploadingResults when its last instance
  ends, and final 1 s later. All instances run in parallel for ``EMULATOR_INSTANCE_SECONDS``
  (default: ``instance_seconds``, 3) per attempt; ``retrySettings`` re-runs failing instances.
* **Failures.** ``EMULATOR_FAIL_INSTANCES`` (an instance range, e.g. ``3,5``) fails those instances on
  every attempt. Clone/retry/recover/resume inherit the task's constants, merged by key with the
  request's (so a secret is kept without being resent): send ``EMULATOR_FAIL_INSTANCES: ""`` to
  retry without failures. Retry runs ``failedOnlyRange``, recover failed and cancelled, resume
  cancelled; they need a finished task (409) with such instances (409). A task no machine satisfies
  (hardware constraints), or whose resource bucket is missing or another tenant's, fails at dispatch
  with every instance failed.
* **Ranges.** ``executed = succeeded | failed``; ``failed`` includes instances cancelled while
  running; ``failedOnly`` = failed and not cancelled; ``startedOnce`` = instances that started.
* **Dependencies** need a job with ``useDependencies``; a dependency that ends other than Success
  cancels the dependent task (``DependencyFailed``).
* **Pools** run 2 s after creation; their tasks wait for them. Node count: ``instanceCount``, elastic
  (queued instances + ``minIdleSlots`` within ``[minTotalSlots, maxTotalSlots]``) or the first
  enabled scaling policy. Closing cancels the pool's unfinished tasks; deleting a pool with
  unfinished tasks is 409. **Jobs**: terminating cancels their unfinished tasks (Completed 1 s
  later); ``maxWallTime`` terminates; deleting a job deletes its tasks (409 without ``force`` while
  some run).
* **Outputs.** Deterministic lines per instance; the task's output prefixes each with ``<id>> ``.
  The POST ("fresh") variants return what was written since the last POST of the same output.
* **Storage.** Results are written when the task ends (or is cancelled, with
  ``uploadResultsOnCancellation``): ``output-<id>.txt`` and ``logs/instance-<id>.log`` per finished
  instance, under ``resultsBucketPrefix``, filtered by the white/black lists (regular expressions
  searched in the file name). A missing results bucket is created for the tenant. Unique snapshots
  go Triggered → InProgress (0.5 s) → Success (1.5 s); periodic ones every ``interval`` seconds.
  S3 credentials are the tenant's email and token; see ``_s3gate`` for how buckets are kept apart.
* **Liberal in, conservative out.** Request bodies are read with keys in any case (``{"Value": …}``)
  and a ``null`` in an optional field is ignored (``"preparationTask": null``). Responses carry
  timestamps with at most 6 fractional digits, ``{}``/``[]`` rather than ``null`` where clients
  iterate, and only the contract's fields. The real service's known quirks (7-digit fractions,
  ``status: {}``, PascalCase keys, floats for integers, …) are opt-in: :data:`QUIRKS`,
  ``Emulator(quirks=…)``, ``qarnot-emulator serve --quirks name,name``.
* **Network (opt-in).** ``--latency MS[:JITTER]`` and ``--bandwidth RATE`` (``Emulator(latency=…,
  bandwidth=…)``) delay every request and pace every body on the API and the S3 endpoint.
* **Listings.** ``tag`` keeps items having any of the tags. Filters are checked like the client
  checks them (``qarnot_ext._filters``); pages hold 50 items by default, 1000 at most; page tokens
  are opaque and bound to the account, filter and order. Bulk creation answers 207 when any task
  was rejected (201 per created task). A malformed path parameter is a 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from qarnot_ext import MissingExtraError

if TYPE_CHECKING:
    from qarnot_ext.emulator._app import create_app
    from qarnot_ext.emulator._clock import ManualClock, SpeedClock
    from qarnot_ext.emulator._model import FAIL_CONSTANT, INSTANCE_SECONDS_CONSTANT
    from qarnot_ext.emulator._quirks import QUIRKS
    from qarnot_ext.emulator._server import DEFAULT_EMAIL, Emulator
    from qarnot_ext.emulator._state import EmulatorState, Tenant

__all__ = [
    "DEFAULT_EMAIL",
    "FAIL_CONSTANT",
    "INSTANCE_SECONDS_CONSTANT",
    "QUIRKS",
    "Emulator",
    "EmulatorState",
    "ManualClock",
    "SpeedClock",
    "Tenant",
    "create_app",
]

_HOMES: Final = {
    "DEFAULT_EMAIL": "_server",
    "Emulator": "_server",
    "FAIL_CONSTANT": "_model",
    "INSTANCE_SECONDS_CONSTANT": "_model",
    "QUIRKS": "_quirks",
    "EmulatorState": "_state",
    "Tenant": "_state",
    "ManualClock": "_clock",
    "SpeedClock": "_clock",
    "create_app": "_app",
}


def _load(module: str) -> Any:
    """Import ``qarnot_ext.emulator.<module>``; a missing dependency is a :class:`MissingExtraError`."""
    return MissingExtraError.import_module(f"{__name__}.{module}", extra="emulator", what="the emulator")


def __getattr__(name: str) -> Any:
    # Loaded on first use: the client install lacks the extra, and the console script must be able to
    # import this package to say so in one line.
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_load(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
