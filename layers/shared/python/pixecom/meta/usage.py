"""Meta's rate-limit usage headers, read into one UsageReading.

Every response (batch items included) may carry up to four JSON headers. Like Airbyte, we take
the highest percentage any of them reports and the longest wait any of them announces.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

APP_USAGE = "x-app-usage"
AD_ACCOUNT_USAGE = "x-ad-account-usage"
BUSINESS_USE_CASE_USAGE = "x-business-use-case-usage"
INSIGHTS_THROTTLE = "x-fb-ads-insights-throttle"
USAGE_HEADERS = (APP_USAGE, AD_ACCOUNT_USAGE, BUSINESS_USE_CASE_USAGE, INSIGHTS_THROTTLE)

_PCT_KEYS = ("call_count", "total_time", "total_cputime", "acc_id_util_pct", "app_id_util_pct")


class UsageReading(BaseModel):
    """The worst usage one response reported: `max_pct` (0-100+) and when it falls back."""

    model_config = ConfigDict(frozen=True)

    max_pct: float
    reset_at: datetime | None = None
    raw: dict[str, Any] = Field(default_factory=dict)


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _entries(name: str, parsed: object) -> Iterable[Mapping[str, Any]]:
    """The usage objects inside one header: BUC nests lists of them under business ids."""
    if name == BUSINESS_USE_CASE_USAGE and isinstance(parsed, Mapping):
        for per_object in parsed.values():
            if isinstance(per_object, list):
                yield from (item for item in per_object if isinstance(item, Mapping))
    elif isinstance(parsed, Mapping):
        yield parsed


def _wait_seconds(entry: Mapping[str, Any]) -> float:
    """The longest wait one entry announces; BUC gives minutes, ad-account usage seconds."""
    minutes = _number(entry.get("estimated_time_to_regain_access")) or 0.0
    seconds = _number(entry.get("reset_time_duration")) or 0.0
    return max(minutes * 60.0, seconds)


def header_map(headers: Mapping[str, str] | Iterable[Mapping[str, Any]] | None) -> dict[str, str]:
    """Lower-cased usage headers from an httpx header mapping or a batch item's header list."""
    if headers is None:
        return {}
    if isinstance(headers, Mapping):
        pairs = [(str(k), str(v)) for k, v in headers.items()]
    else:
        pairs = [(str(h.get("name", "")), str(h.get("value", ""))) for h in headers if isinstance(h, Mapping)]
    return {k.lower(): v for k, v in pairs if k.lower() in USAGE_HEADERS}


def parse_usage(
    headers: Mapping[str, str] | Iterable[Mapping[str, Any]] | None, now: datetime
) -> UsageReading | None:
    """One reading from a response's usage headers; None when it carried none we could read."""
    found = header_map(headers)
    raw: dict[str, Any] = {}
    max_pct: float | None = None
    wait = 0.0
    for name, text in found.items():
        try:
            parsed = json.loads(text)
        except ValueError:
            continue  # an unreadable header must never fail the call it came with
        raw[name] = parsed
        for entry in _entries(name, parsed):
            pcts = [p for p in (_number(entry.get(k)) for k in _PCT_KEYS) if p is not None]
            if pcts:
                max_pct = max([*pcts, max_pct if max_pct is not None else 0.0])
            wait = max(wait, _wait_seconds(entry))
    if max_pct is None and not wait:
        return None
    reset_at = now + timedelta(seconds=wait) if wait > 0 else None
    return UsageReading(max_pct=max_pct or 0.0, reset_at=reset_at, raw=raw)


def business_ids(headers: Mapping[str, str] | Iterable[Mapping[str, Any]] | None) -> list[str]:
    """The object ids (usually ad account ids) the business-use-case header reports on."""
    text = header_map(headers).get(BUSINESS_USE_CASE_USAGE)
    if not text:
        return []
    try:
        parsed = json.loads(text)
    except ValueError:
        return []
    return [str(key) for key in parsed] if isinstance(parsed, Mapping) else []
