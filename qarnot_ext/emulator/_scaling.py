"""Pool scaling policies: which policy is active at a given time, and the sanity check.

Rules of the emulator (the reference gives no semantics):

* a policy is active when one of its ``enabledPeriods`` is: ``Always`` always is; ``Weekly`` is on its
  ``days`` (case-insensitive) from ``startTimeUtc`` (included) to ``endTimeUtc`` (excluded), wrapping
  past midnight when the end is earlier than the start; a policy without periods is always enabled;
* the first active policy, in order, wins; ``Fixed`` runs ``slotsCount`` nodes, ``ManagedTasksQueue``
  runs ``queued instances + minIdleSlots`` clamped to ``[minTotalSlots, maxTotalSlots]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Final

from qarnot_ext import InvalidValueError, TimeOfDay

__all__ = ["active_policy", "check_scaling"]

_DAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _period_enabled(period: Mapping[str, Any], now: float) -> bool:
    kind = period.get("type")
    if kind == "Always":
        return True
    if kind != "Weekly":
        return False
    moment = dt.datetime.fromtimestamp(now, dt.UTC)
    days = {str(d).lower() for d in period.get("days") or []}
    try:
        start = TimeOfDay.parse(str(period.get("startTimeUtc") or "00:00:00")).to_time()
        end = TimeOfDay.parse(str(period.get("endTimeUtc") or "00:00:00")).to_time()
    except InvalidValueError:
        return False
    current = moment.time()
    today = _DAYS[moment.weekday()]
    yesterday = _DAYS[(moment.weekday() - 1) % 7]
    if start <= end:
        return today in days and start <= current < end
    # Wraps past midnight: the evening belongs to today, the early morning to yesterday's period.
    return (today in days and current >= start) or (yesterday in days and current < end)


def active_policy(policies: Sequence[Mapping[str, Any]], now: float) -> dict[str, Any] | None:
    """Return the first policy enabled at ``now`` (see the module doc), or ``None``."""
    for policy in policies:
        if policy.get("type") not in ("Fixed", "ManagedTasksQueue"):
            continue
        periods = policy.get("enabledPeriods") or []
        if not periods or any(_period_enabled(p, now) for p in periods):
            return dict(policy)
    return None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _check_period(where: str, period: Mapping[str, Any], errors: dict[str, list[str]]) -> None:
    kind = period.get("type")
    if kind == "Always":
        return
    if kind != "Weekly":
        errors.setdefault(f"{where}.type", []).append(
            f"unknown period type {kind!r}; expected Always or Weekly"
        )
        return
    days = period.get("days") or []
    if not days:
        errors.setdefault(f"{where}.days", []).append("a weekly period needs at least one day")
    for key in ("startTimeUtc", "endTimeUtc"):
        raw = period.get(key)
        if raw is None:
            errors.setdefault(f"{where}.{key}", []).append("required for a weekly period")
            continue
        try:
            TimeOfDay.parse(str(raw))
        except InvalidValueError as exc:
            errors.setdefault(f"{where}.{key}", []).append(str(exc))
    if period.get("startTimeUtc") is not None and period.get("startTimeUtc") == period.get("endTimeUtc"):
        errors.setdefault(where, []).append("a weekly period must not start and end at the same time")


def check_scaling(scaling: Mapping[str, Any] | None) -> dict[str, list[str]]:
    """Validate a ``ScalingInput``; return problems by JSON path (empty when it is sane)."""
    errors: dict[str, list[str]] = {}
    policies = (scaling or {}).get("policies")
    if not policies:
        return {"policies": ["at least one scaling policy is required"]}
    names: set[str] = set()
    for index, policy in enumerate(policies):
        where = f"policies[{index}]"
        kind = policy.get("type")
        name = policy.get("name")
        if not name:
            errors.setdefault(f"{where}.name", []).append("a policy needs a name")
        elif name in names:
            errors.setdefault(f"{where}.name", []).append(f"duplicate policy name {name!r}")
        else:
            names.add(name)
        if kind == "Fixed":
            slots = _int(policy.get("slotsCount"))
            if slots is None or slots < 0:
                errors.setdefault(f"{where}.slotsCount", []).append("a Fixed policy needs slotsCount >= 0")
        elif kind == "ManagedTasksQueue":
            low, high = _int(policy.get("minTotalSlots")), _int(policy.get("maxTotalSlots"))
            if low is None or low < 0:
                errors.setdefault(f"{where}.minTotalSlots", []).append("must be an integer >= 0")
            if high is None or (low is not None and high < low):
                errors.setdefault(f"{where}.maxTotalSlots", []).append("must be an integer >= minTotalSlots")
            for key in ("minIdleSlots", "minIdleTimeSeconds"):
                value = policy.get(key)
                if value is not None and (_int(value) is None or value < 0):
                    errors.setdefault(f"{where}.{key}", []).append("must be an integer >= 0")
            factor = policy.get("scalingFactor")
            if factor is not None and not 0 < factor <= 1:
                errors.setdefault(f"{where}.scalingFactor", []).append("must be in (0, 1]")
        else:
            errors.setdefault(f"{where}.type", []).append(
                f"unknown policy type {kind!r}; expected Fixed or ManagedTasksQueue"
            )
        for p_index, period in enumerate(policy.get("enabledPeriods") or []):
            _check_period(f"{where}.enabledPeriods[{p_index}]", period, errors)
    return errors
