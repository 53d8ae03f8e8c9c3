"""The Ads Manager's column presets: named sets of metric columns a seller starts from (the
console's column chooser), in the order a seller reads them. Every column is a METRIC_NAMES name."""

from __future__ import annotations

from dataclasses import dataclass

from pixecom.domain.catalogue import REACH_METRIC_NAMES
from pixecom.domain.metrics import METRIC_NAMES


@dataclass(frozen=True)
class ColumnPreset:
    id: str
    label: str
    description: str
    columns: tuple[str, ...]


PRESETS: tuple[ColumnPreset, ...] = (
    ColumnPreset(
        "performance",
        "Performance",
        "What the money bought: spend, purchases, value, ROAS and the funnel's rates",
        (
            "spend",
            "purchases",
            "purchase_value",
            "roas",
            "cost_per_purchase",
            "results",
            "cost_per_result",
            "cpm",
            "ctr",
            "cpc",
            "cr",
            "cr1",
            "cr2",
        ),
    ),
    ColumnPreset(
        "delivery",
        "Delivery",
        "Whether ads reach people: spend, impressions, CPM, clicks and their costs",
        (
            "spend",
            "impressions",
            "cpm",
            "clicks",
            "link_clicks",
            "ctr",
            "ctr_all",
            "cpc",
            "results",
            "cost_per_result",
        ),
    ),
    ColumnPreset(
        "engagement",
        "Funnel",
        "Each step from the sellpage to the purchase, its count, cost and conversion rate",
        (
            "spend",
            "link_clicks",
            "landing_page_views",
            "cost_per_landing_page_view",
            "content_views",
            "cpv",
            "add_to_cart",
            "cost_per_add_to_cart",
            "initiate_checkout",
            "cost_per_checkout",
            "purchases",
            "cost_per_purchase",
            "cr1",
            "cr2",
            "cr3",
            "cr",
            "aov",
        ),
    ),
    ColumnPreset(
        "video",
        "Video",
        "How people watch video ads: the hook, how long they stay, what a ThruPlay costs",
        (
            "spend",
            "impressions",
            "video_views",
            "hook_rate",
            "thruplays",
            "hold_rate",
            "cost_per_thruplay",
            "video_p25",
            "video_p50",
            "video_p75",
            "video_p100",
            "completion_rate",
            "avg_watch_time",
            "ctr",
            "purchases",
            "roas",
        ),
    ),
)
DEFAULT_PRESET = "performance"
# What a saved choice may name: every metric the lists show, Meta's unique counts (reach,
# frequency: not summed, so not in METRIC_NAMES) included, as the lists' `columns=` accepts them.
CHOOSABLE_COLUMNS: frozenset[str] = frozenset((*METRIC_NAMES, *REACH_METRIC_NAMES))
MAX_COLUMNS = len(CHOOSABLE_COLUMNS)


def unknown_columns(columns: list[str]) -> list[str]:
    """The names that are not metrics (a saved choice must name metrics only)."""
    return [c for c in columns if c not in CHOOSABLE_COLUMNS]
