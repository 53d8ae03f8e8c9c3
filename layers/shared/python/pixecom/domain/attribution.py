"""Ad set attribution settings in the words of Meta's Ads Manager: pure.

Meta stores an ad set's attribution setting as `attribution_spec`, a list of
`{"event_type": "CLICK_THROUGH" | "VIEW_THROUGH" | "ENGAGED_VIDEO_VIEW", "window_days": n}`.
Ads Manager shows it as "7-day click or 1-day view"; insights answer it as `attribution_setting`
("7d_click_1d_view"). Rows that span ad sets with different settings say `mixed`, as Meta does:
their results follow more than one setting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

MIXED = "mixed"

# event_type -> (words, insights key suffix), in the order Ads Manager names them.
_EVENTS: dict[str, tuple[str, str]] = {
    "CLICK_THROUGH": ("click", "click"),
    "ENGAGED_VIDEO_VIEW": ("engaged-view", "ev"),
    "VIEW_THROUGH": ("view", "view"),
}

AttributionSpec = Sequence[Mapping[str, Any]]


def _windows(spec: AttributionSpec | None) -> list[tuple[str, int]]:
    """(event_type, window_days) pairs Meta would apply, in Ads Manager's order; unknowns dropped."""
    found: dict[str, int] = {}
    for item in spec or ():
        if not isinstance(item, Mapping):
            continue
        event = str(item.get("event_type") or "").upper()
        try:
            days = int(item.get("window_days") or 0)
        except (TypeError, ValueError):
            continue
        if event in _EVENTS and days > 0:
            found[event] = max(days, found.get(event, 0))
    return [(event, found[event]) for event in _EVENTS if event in found]


def attribution_label(spec: AttributionSpec | None) -> str | None:
    """ "7-day click or 1-day view", "1-day click", "7-day click, 1-day engaged-view or 1-day view".

    None when the ad set has no (readable) attribution_spec: we do not guess Meta's default.
    """
    parts = [f"{days}-day {_EVENTS[event][0]}" for event, days in _windows(spec)]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} or {parts[-1]}"


def attribution_setting(spec: AttributionSpec | None) -> str | None:
    """The insights `attribution_setting` form of a spec: "7d_click_1d_view"; None without one."""
    keys = [f"{days}d_{_EVENTS[event][1]}" for event, days in _windows(spec)]
    return "_".join(keys) or None


def combined_label(labels: Iterable[str | None]) -> str | None:
    """One row's label from the labels of the ad sets under it: the common one, else `mixed`.

    Ad sets without a known setting are ignored; None when none is known.
    """
    distinct = {label for label in labels if label is not None}
    if not distinct:
        return None
    return distinct.pop() if len(distinct) == 1 else MIXED
