"""The metric catalogue: every counter and every metric of the Ads Manager, declared once. Pure.

A **counter** is a number Meta reports per ad and day and we store on `ad_stats_daily`: where
Meta reports it (an insights field, or an action type in `actions` / `action_values` under one
of several aliases with the same count: the first present wins, summing them double counts),
its kind (count or money) and whether it adds up over days and ads (reach does not: it is
stored per ad-day and never summed).

A **metric** is what the Ads Manager shows: an additive counter as summed, or a ratio
numerator x scale / denominator of summed counters, null when the denominator is zero.

Everything else is derived from these two tables, never written again by hand: the
normalisation of Graph rows (`pixecom.meta.normalize`), the summed totals
(`pixecom.domain.metrics`), the stats columns and the rollup/snapshot triggers
(`pixecom.db.stats_schema`), the SQL sums and sort expressions (`pixecom.adsmanager.sql`), the
API's `Metrics` model, the simulator's counts and docs/metrics.md (`pixecom.domain.metrics_doc`).
Adding a counter is one `Counter` line here and a short migration (`stats_schema`'s helpers).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """How a number is shown: counts as integers, money in the currency's minor units, ratios
    (and percentages) as numbers with 4 decimals."""

    COUNT = "count"
    MONEY = "money"
    RATIO = "ratio"


@dataclass(frozen=True)
class Counter:
    """One number Meta reports per ad and day, stored as a column of `ad_stats_daily`.

    Where Meta reports it: `field` (an insights field) first when present; else the first of
    `actions` (action types, Meta's aliases of one event in precedence order) present in the
    row's `actions` list (`action_values` when `values`). `computed`: read by its own rule in
    `pixecom.meta.normalize` (results: Meta's `results` field, else the ad set's result
    action). `additive`: summed over days and ads; a non-additive counter (reach) is stored per
    ad-day and never summed, rolled up or shown as a sum. `from_meta=False`: a counter another
    source writes onto the stats rows (a store's revenue): the Graph sync neither reads nor
    overwrites it, everything else (columns, sums, triggers, metrics) treats it as any other.
    `listed`: an insights field Meta reports as a list of `{"action_type": "video_view", "value"}`
    (the video counts). `times`: Meta reports an average per one of another counter's events
    (average watch time per play): stored as that average x the other counter's count of the same
    row, so a sum over days and ads divided by the summed count is the true average.
    """

    name: str
    kind: Kind
    description: str
    field: str | None = None
    actions: tuple[str, ...] = ()
    values: bool = False
    computed: bool = False
    additive: bool = True
    from_meta: bool = True
    listed: str | None = None
    times: str | None = None

    @property
    def money(self) -> bool:
        return self.kind is Kind.MONEY


_PURCHASE = ("omni_purchase", "purchase", "offsite_conversion.fb_pixel_purchase")
C, M, R = Kind.COUNT, Kind.MONEY, Kind.RATIO

# THE counters, in storage order (the order of the summed columns everywhere). New counters go
# at the end (rows stored before a counter existed read it as 0).
COUNTERS: tuple[Counter, ...] = (
    Counter("spend", M, "amount spent", field="spend"),
    Counter("impressions", C, "impressions", field="impressions"),
    Counter("reach", C, "people reached", field="reach", additive=False),
    Counter("clicks", C, "clicks (all)", field="clicks"),
    Counter(
        "link_clicks",
        C,
        "link clicks",
        field="inline_link_clicks",
        actions=("link_click",),
    ),
    Counter(
        "content_views",
        C,
        "content views",
        actions=("omni_view_content", "view_content", "offsite_conversion.fb_pixel_view_content"),
    ),
    Counter(
        "add_to_cart",
        C,
        "adds to cart",
        actions=("omni_add_to_cart", "add_to_cart", "offsite_conversion.fb_pixel_add_to_cart"),
    ),
    Counter(
        "initiate_checkout",
        C,
        "checkouts initiated",
        actions=(
            "omni_initiated_checkout",
            "initiate_checkout",
            "offsite_conversion.fb_pixel_initiate_checkout",
        ),
    ),
    Counter("purchases", C, "purchases", actions=_PURCHASE),
    Counter("purchase_value", M, "purchase conversion value", actions=_PURCHASE, values=True),
    Counter("results", C, "results (the ad sets' optimization events)", field="results", computed=True),
    Counter(
        "landing_page_views",
        C,
        "landing page views",
        actions=("omni_landing_page_view", "landing_page_view"),
    ),
    Counter("video_views", C, "3-second video plays", actions=("video_view",)),
    Counter("video_plays", C, "video plays started", listed="video_play_actions"),
    Counter(
        "thruplays",
        C,
        "ThruPlays (played to the end, or 15 seconds or more)",
        listed="video_thruplay_watched_actions",
    ),
    Counter("video_p25", C, "video plays reaching 25%", listed="video_p25_watched_actions"),
    Counter("video_p50", C, "video plays reaching 50%", listed="video_p50_watched_actions"),
    Counter("video_p75", C, "video plays reaching 75%", listed="video_p75_watched_actions"),
    Counter("video_p95", C, "video plays reaching 95%", listed="video_p95_watched_actions"),
    Counter("video_p100", C, "video plays to the end (100%)", listed="video_p100_watched_actions"),
    Counter("video_30s_plays", C, "video plays of 30 seconds or more", listed="video_30_sec_watched_actions"),
    Counter(
        "video_watch_time",
        C,
        "seconds of video watched (Meta's average watch time x plays started)",
        listed="video_avg_time_watched_actions",
        times="video_plays",
    ),
)
COUNTER_BY_NAME: dict[str, Counter] = {c.name: c for c in COUNTERS}
# The additive counters: the summed columns of the rollups, snapshots and reads, in order.
SUMMED: tuple[Counter, ...] = tuple(c for c in COUNTERS if c.additive)
SUMMED_COUNTERS: tuple[str, ...] = tuple(c.name for c in SUMMED)
STORED_COUNTERS: tuple[str, ...] = tuple(c.name for c in COUNTERS)
# What the Graph sync reads from Meta and writes onto the stats rows.
META_COUNTERS: tuple[Counter, ...] = tuple(c for c in COUNTERS if c.from_meta)


@dataclass(frozen=True)
class Metric:
    """One metric: a summed counter (no formula) or numerator x scale / denominator of counters.

    Money is rounded half-up to the currency's minor units, ratios half-up to 4 decimals; a
    ratio is null when its denominator sums to zero; a metric reading `results` is null over
    rows of different result types."""

    name: str
    kind: Kind
    numerator: str | None = None
    denominator: str | None = None
    scale: int = 1
    description: str = ""
    difference: bool = False  # numerator - denominator (a gap), not a ratio

    @property
    def derived(self) -> bool:
        return self.numerator is not None

    @property
    def counts_results(self) -> bool:
        """True when the metric reads `results`: it means nothing where result types are mixed."""
        return "results" in (self.name, self.numerator, self.denominator)

    @property
    def formula(self) -> str:
        if self.numerator is None:
            return f"sum of {self.name}"
        if self.difference:
            return f"{self.numerator} - {self.denominator}"
        scaled = f" x {self.scale}" if self.scale != 1 else ""
        return f"{self.numerator} / {self.denominator}{scaled}"


def _counter_metric(c: Counter) -> Metric:
    return Metric(c.name, c.kind, description=c.description)


# THE metric table: the API's `metrics` object and the CSV columns, in this order. The summed
# counters come first (from COUNTERS), then the ratios. CPM is money (spend per 1000
# impressions). A new ratio metric is one line here.
RATIOS: tuple[Metric, ...] = (
    Metric("cpm", M, "spend", "impressions", 1000, "cost per 1,000 impressions"),
    Metric("ctr", R, "link_clicks", "impressions", 100, "link click-through rate"),
    Metric("ctr_all", R, "clicks", "impressions", 100, "click-through rate (all)"),
    Metric("cpc", M, "spend", "link_clicks", description="cost per link click"),
    Metric("cpv", M, "spend", "content_views", description="cost per content view"),
    Metric("cost_per_add_to_cart", M, "spend", "add_to_cart", description="cost per add to cart"),
    Metric("cost_per_checkout", M, "spend", "initiate_checkout", description="cost per checkout initiated"),
    Metric("cost_per_purchase", M, "spend", "purchases", description="cost per purchase"),
    Metric("cr", R, "purchases", "content_views", 100, "conversion rate"),
    Metric("cr1", R, "add_to_cart", "content_views", 100, "view -> cart"),
    Metric("cr2", R, "initiate_checkout", "add_to_cart", 100, "cart -> checkout"),
    Metric("cr3", R, "purchases", "initiate_checkout", 100, "checkout -> purchase"),
    Metric("cost_per_result", M, "spend", "results", description="cost per result"),
    Metric("roas", R, "purchase_value", "spend", description="return on ad spend"),
    Metric("aov", M, "purchase_value", "purchases", description="average order value"),
    Metric(
        "cost_per_landing_page_view",
        M,
        "spend",
        "landing_page_views",
        description="cost per landing page view",
    ),
    Metric("hook_rate", R, "video_views", "impressions", 100, "3-second plays per 100 impressions"),
    Metric("hold_rate", R, "thruplays", "video_views", 100, "ThruPlays per 100 3-second plays"),
    Metric("cost_per_thruplay", M, "spend", "thruplays", description="cost per ThruPlay"),
    Metric("completion_rate", R, "video_p100", "video_views", 100, "plays to the end per 100 3-second plays"),
    Metric(
        "avg_watch_time", R, "video_watch_time", "video_plays", description="average seconds watched per play"
    ),
)
METRICS: tuple[Metric, ...] = (*(_counter_metric(c) for c in SUMMED), *RATIOS)
METRIC_BY_NAME: dict[str, Metric] = {m.name: m for m in METRICS}

# The store's numbers beside Meta's (docs/store.md): not Meta's and not columns of the stats
# tables. A list row reads them from the store's own sums where attribution allows
# (`pixecom.adsmanager.store_columns`), as the row's `store` object, money in the row's currency.
STORE_COUNTERS: tuple[Counter, ...] = (
    Counter(
        "store_orders",
        C,
        "orders the store attributes to the row (paid, not fully refunded)",
        from_meta=False,
    ),
    Counter(
        "store_revenue",
        M,
        "the store's revenue of those orders, net of refunds, converted at each day's rate where "
        "the order's currency is not the row's",
        from_meta=False,
    ),
)
STORE_METRICS: tuple[Metric, ...] = (
    *(_counter_metric(c) for c in STORE_COUNTERS),
    Metric("store_roas", R, "store_revenue", "spend", description="store return on ad spend"),
    Metric(
        "purchase_value_gap",
        M,
        "purchase_value",
        "store_revenue",
        description="what Meta's pixel claims beyond what the store saw",
        difference=True,
    ),
)
STORE_METRIC_BY_NAME: dict[str, Metric] = {m.name: m for m in STORE_METRICS}

# Reach and frequency: never computed from sums. Each is Meta's answer for exactly the object and
# range shown (stored by the stats sync or read on demand: pixecom.adsmanager.reach), so they sit
# outside METRICS (the SQL sums) and are added to every `metrics` object after it is built.
REACH_METRICS: tuple[Metric, ...] = (
    Metric(
        "reach",
        C,
        description="people reached: Meta's unique count for the row's object and exact "
        "range, never a sum over days, ads, ad sets or campaigns",
    ),
    Metric(
        "frequency",
        R,
        "impressions",
        "reach",
        description="impressions per person reached, from the same Meta answer as reach",
    ),
)
REACH_METRIC_NAMES: tuple[str, ...] = tuple(m.name for m in REACH_METRICS)


def _check() -> None:
    names = [m.name for m in METRICS]
    if len(set(names)) != len(names):  # pragma: no cover
        raise RuntimeError("a metric is declared twice")
    for m in RATIOS:
        for operand in (m.numerator, m.denominator):
            if operand not in SUMMED_COUNTERS:  # pragma: no cover
                raise RuntimeError(f"{m.name} reads {operand}, which is not a summed counter")
    store = {c.name for c in STORE_COUNTERS}
    if store & set(names):  # pragma: no cover
        raise RuntimeError("a store counter is declared as a Meta metric too")
    for m in STORE_METRICS:
        for operand in (m.numerator, m.denominator):
            if operand is not None and operand not in store | set(SUMMED_COUNTERS):  # pragma: no cover
                raise RuntimeError(f"{m.name} reads {operand}, which is no counter")
    for c in COUNTERS:
        if c.times is not None and (c.listed is None or c.times not in COUNTER_BY_NAME):  # pragma: no cover
            raise RuntimeError(f"{c.name} is an average per {c.times}: it needs `listed` and that counter")


_check()
