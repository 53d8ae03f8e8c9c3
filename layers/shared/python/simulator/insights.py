"""Insights queries: parse Meta's parameters, aggregate ad-days, render rows in wire format."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from simulator.audience import AudienceSizes, PeopleReached
from simulator.breakdowns import check_breakdowns, split_day
from simulator.scenario import AdAccountSpec, AdSetSpec, AdSpec, CampaignSpec, InsightDay
from simulator.wire import (
    attribution_setting,
    canonical_action,
    fmt_number,
    invalid_param,
    json_param,
    render_action_list,
    result_event,
)

LEVELS = ("account", "campaign", "adset", "ad")
# Video counts Meta reports as a list of one {"action_type": "video_view", "value"} (InsightDay.video).
VIDEO_FIELDS = ("video_play_actions", "video_thruplay_watched_actions", "video_p25_watched_actions",
                "video_p50_watched_actions", "video_p75_watched_actions", "video_p95_watched_actions",
                "video_p100_watched_actions", "video_30_sec_watched_actions")
ID_FIELDS = ("account_id", "account_name", "account_currency", "campaign_id", "campaign_name",
             "adset_id", "adset_name", "ad_id", "ad_name", "objective", "optimization_goal")
METRIC_FIELDS = ("spend", "impressions", "reach", "frequency", "clicks", "inline_link_clicks", "cpm",
                 "cpc", "ctr", "inline_link_click_ctr", "cost_per_inline_link_click", "actions",
                 "action_values", "results", "cost_per_result", "purchase_roas", "website_purchase_roas",
                 "cost_per_action_type", "attribution_setting", "date_start", "date_stop",
                 *VIDEO_FIELDS, "video_avg_time_watched_actions")
VALID_FIELDS = frozenset(ID_FIELDS + METRIC_FIELDS)
_DEFAULT_FIELDS = ("account_id", "impressions", "spend")
_PRESET_DAYS = {"last_3d": 3, "last_7d": 7, "last_14d": 14, "last_28d": 28, "last_30d": 30,
                "last_90d": 90}


@dataclass(frozen=True)
class InsightsQuery:
    level: str
    fields: tuple[str, ...]
    since: date
    until: date
    time_increment: str
    filtering: tuple[tuple[str, str, Any], ...] = ()
    breakdowns: tuple[str, ...] = ()

    def days(self) -> int:
        return (self.until - self.since).days + 1


@dataclass(frozen=True)
class AdContext:
    """Everything a row needs to know about the ad it comes from."""

    account: AdAccountSpec
    campaign: CampaignSpec
    adset: AdSetSpec
    ad: AdSpec


@dataclass
class Metrics:
    spend: Decimal = Decimal(0)
    impressions: int = 0
    people: PeopleReached = field(default_factory=PeopleReached)  # reach: deduplicated, never summed
    sizes: AudienceSizes | None = None  # the account's audience sizes (set by `collect`)
    clicks: int = 0
    inline_link_clicks: int = 0
    actions: dict[str, int] = field(default_factory=dict)
    action_values: dict[str, Decimal] = field(default_factory=dict)
    results: dict[str, int] = field(default_factory=dict)  # indicator -> count
    attribution: set[str] = field(default_factory=set)  # the ad sets' attribution settings
    video: dict[str, int] = field(default_factory=dict)  # InsightDay.video, summed

    @property
    def reach(self) -> int:
        """Unique people over the row's days and ads (simulator.audience), as Meta counts them."""
        return self.people.count(self.sizes) if self.sizes is not None else self.people.extra

    def add(self, day: InsightDay, indicator: tuple[str, str] | None, ctx: AdContext | None = None) -> None:
        self.spend += day.spend
        self.impressions += day.impressions
        if ctx is not None and self.sizes is not None:
            self.people.add(self.sizes, ctx.campaign, ctx.adset, day.reach or 0)
        else:  # an account-level discrepancy: its reach adds as is
            self.people.extra += day.reach or 0
        self.clicks += day.clicks
        self.inline_link_clicks += day.inline_link_clicks
        actions = {canonical_action(k): v for k, v in day.actions.items()}
        if "link_click" not in actions and day.inline_link_clicks:
            actions["link_click"] = day.inline_link_clicks
        for name, count in actions.items():
            self.actions[name] = self.actions.get(name, 0) + count
        for name, count in day.video.items():
            self.video[name] = self.video.get(name, 0) + count
        for name, value in day.action_values.items():
            key = canonical_action(name)
            self.action_values[key] = self.action_values.get(key, Decimal(0)) + value
        if indicator is not None:
            name, event = indicator
            metric_counts = {"reach": day.reach or 0, "impressions": day.impressions}
            count = metric_counts.get(event, actions.get(event, 0))
            self.results[name] = self.results.get(name, 0) + count


def parse_query(params: Mapping[str, str], today: date) -> InsightsQuery:
    """Read level, fields, time_range/date_preset, time_increment, filtering (Meta's encodings)."""
    level = params.get("level", "account")
    if level not in LEVELS:
        raise invalid_param(f"Param level must be one of {{{', '.join(LEVELS)}}}")
    fields = tuple(_list(params.get("fields"), "fields")) or _DEFAULT_FIELDS
    unknown = [f for f in fields if f not in VALID_FIELDS]
    if unknown:
        raise invalid_param(f"{unknown[0]} is not valid for fields param. please check "
                            "https://developers.facebook.com/docs/marketing-api/reference/ads-insights/ "
                            "for all valid values")
    since, until = _date_range(params, today)
    increment = params.get("time_increment", "all_days")
    if increment not in ("all_days", "monthly") and not (increment.isdigit() and 1 <= int(increment) <= 90):
        raise invalid_param("Param time_increment must be an integer between 1 and 90, monthly or all_days")
    filters = json_param(params.get("filtering"), "filtering") or []
    parsed = tuple((str(f["field"]), str(f["operator"]).upper(), f.get("value")) for f in filters)
    breakdowns = check_breakdowns(_list(params.get("breakdowns"), "breakdowns"))
    return InsightsQuery(level, fields, since, until, increment, parsed, breakdowns)


def _list(raw: str | None, name: str) -> list[str]:
    value = json_param(raw, name) if raw and raw.startswith("[") else (raw.split(",") if raw else [])
    return [str(v).strip() for v in value if str(v).strip()]


def _date_range(params: Mapping[str, str], today: date) -> tuple[date, date]:
    time_range = json_param(params.get("time_range"), "time_range")
    if time_range:
        try:
            since, until = date.fromisoformat(time_range["since"]), date.fromisoformat(time_range["until"])
        except (KeyError, TypeError, ValueError):
            raise invalid_param("Param time_range must be a JSON object with since and until dates") from None
        if until < since:
            raise invalid_param("Param time_range: since must be on or before until")
        return since, until
    preset = params.get("date_preset", "last_30d")
    if preset == "today":
        return today, today
    if preset == "yesterday":
        return today - timedelta(days=1), today - timedelta(days=1)
    if preset in ("maximum", "data_maximum"):
        return today - timedelta(days=37 * 30), today
    if preset in _PRESET_DAYS:
        return today - timedelta(days=_PRESET_DAYS[preset]), today - timedelta(days=1)
    raise invalid_param(f"Param date_preset has an unsupported value: {preset}")


# Ad-level rows Meta leaves out unless `filtering` on ad.effective_status names them; their
# numbers still count in campaign, ad set and account rows.
HIDDEN_AD_STATUSES = frozenset({"DELETED", "ARCHIVED"})


def passes_filters(query: InsightsQuery, ctx: AdContext, effective: Callable[[str], str]) -> bool:
    """Meta's `filtering` on ids and effective statuses (other fields are accepted and ignored);
    at level=ad, deleted and archived ads only when a filter on ad.effective_status asks."""
    if (query.level == "ad" and effective(ctx.ad.id) in HIDDEN_AD_STATUSES
            and not any(f[0] == "ad.effective_status" for f in query.filtering)):
        return False
    for field_name, operator, value in query.filtering:
        subject = _filter_subject(field_name, ctx, effective)
        if subject is None:
            continue
        values = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        if (operator in ("IN", "EQUAL") and subject not in values) or (
                operator in ("NOT_IN", "NOT_EQUAL") and subject in values):
            return False
    return True


def _filter_subject(field_name: str, ctx: AdContext, effective: Callable[[str], str]) -> str | None:
    level, _, attribute = field_name.rpartition(".")
    node_id = {"campaign": ctx.campaign.id, "adset": ctx.adset.id, "ad": ctx.ad.id}.get(level or "ad")
    if node_id is None:
        return None
    if attribute == "id" or field_name in ("campaign_id", "adset_id", "ad_id"):
        return node_id if attribute == "id" else getattr(ctx, field_name.removesuffix("_id")).id
    if attribute == "effective_status":
        return effective(node_id)
    return None


def bucket_of(query: InsightsQuery, day: date) -> tuple[date, date]:
    """The (date_start, date_stop) row a day falls into under the query's time_increment."""
    if query.time_increment == "all_days":
        return query.since, query.until
    if query.time_increment == "monthly":
        start = max(query.since, day.replace(day=1))
        next_month = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return start, min(query.until, next_month - timedelta(days=1))
    step = int(query.time_increment)
    start = query.since + timedelta(days=((day - query.since).days // step) * step)
    return start, min(query.until, start + timedelta(days=step - 1))


def group_key(level: str, ctx: AdContext) -> str:
    return {"account": ctx.account.id, "campaign": ctx.campaign.id, "adset": ctx.adset.id,
            "ad": ctx.ad.id}[level]


def render_row(query: InsightsQuery, ctx: AdContext, metrics: Metrics, start: date, stop: date,
               bucket: tuple[str, ...] = ()) -> dict[str, Any]:
    """One insights row with the requested fields; zero metrics are left out, as Meta does; a
    broken-down row names its bucket in each dimension's own field."""
    row: dict[str, Any] = {}
    ids = _identity(query.level, ctx)
    for name in query.fields:
        if name in ids:
            row[name] = ids[name]
            continue
        value = _metric(name, metrics, ctx)
        if value not in (None, "0", []):
            row[name] = value
    if bucket:
        row.update(zip(query.breakdowns, bucket, strict=True))
    row["date_start"], row["date_stop"] = start.isoformat(), stop.isoformat()
    return row


def _identity(level: str, ctx: AdContext) -> dict[str, str]:
    """Id and name fields visible at the level (Meta drops lower-level ids above their level)."""
    depth = LEVELS.index(level)
    ids = {"account_id": ctx.account.account_id, "account_name": ctx.account.name,
           "account_currency": ctx.account.currency}
    if depth >= 1:
        ids.update(campaign_id=ctx.campaign.id, campaign_name=ctx.campaign.name)
        if ctx.campaign.objective:
            ids["objective"] = ctx.campaign.objective
    if depth >= 2:
        ids.update(adset_id=ctx.adset.id, adset_name=ctx.adset.name)
        if ctx.adset.optimization_goal:
            ids["optimization_goal"] = ctx.adset.optimization_goal
    if depth >= 3:
        ids.update(ad_id=ctx.ad.id, ad_name=ctx.ad.name)
    return ids


def _ratio(numerator: Decimal | int, denominator: Decimal | int, scale: int = 1) -> str | None:
    if not denominator or not numerator:
        return None
    return fmt_number((Decimal(numerator) * scale / Decimal(denominator)).quantize(Decimal("0.000001")))


def _purchase_roas(m: Metrics, _: AdContext) -> list[dict[str, str]]:
    return _roas(m.action_values.get("purchase", Decimal(0)), m.spend)


# Field -> renderer; a module-level table because rows are rendered by the tens of thousands.
_METRICS: dict[str, Callable[[Metrics, AdContext], Any]] = {
    "spend": lambda m, _: fmt_number(m.spend),
    "impressions": lambda m, _: str(m.impressions),
    "reach": lambda m, _: str(m.reach),
    "clicks": lambda m, _: str(m.clicks),
    "inline_link_clicks": lambda m, _: str(m.inline_link_clicks),
    "frequency": lambda m, _: _ratio(m.impressions, m.reach),
    "cpm": lambda m, _: _ratio(m.spend, m.impressions, 1000),
    "cpc": lambda m, _: _ratio(m.spend, m.clicks),
    "ctr": lambda m, _: _ratio(m.clicks, m.impressions, 100),
    "inline_link_click_ctr": lambda m, _: _ratio(m.inline_link_clicks, m.impressions, 100),
    "cost_per_inline_link_click": lambda m, _: _ratio(m.spend, m.inline_link_clicks),
    "actions": lambda m, _: render_action_list(m.actions),
    "action_values": lambda m, _: render_action_list(m.action_values),
    "purchase_roas": _purchase_roas,
    "website_purchase_roas": _purchase_roas,
    "cost_per_action_type": lambda m, _: _cost_per_action(m),
    "attribution_setting": lambda m, _: _attribution(m),
    "results": lambda m, ctx: _results(m, ctx, cost=False),
    "cost_per_result": lambda m, ctx: _results(m, ctx, cost=True),
}


def _video_list(value: int | str | None) -> list[dict[str, str]] | None:
    return [{"action_type": "video_view", "value": str(value)}] if value else None


def _average_watch(m: Metrics) -> list[dict[str, str]] | None:
    """Meta's average seconds watched per play, whole seconds (half up)."""
    plays = m.video.get("video_play_actions", 0)
    if not plays:
        return None
    average = (Decimal(m.video.get("video_watch_seconds", 0)) / plays).quantize(Decimal(1), ROUND_HALF_UP)
    return _video_list(str(average))


def _video_count(name: str) -> Callable[[Metrics, AdContext], Any]:
    return lambda m, _: _video_list(m.video.get(name, 0))


for _field in VIDEO_FIELDS:
    _METRICS[_field] = _video_count(_field)
_METRICS["video_avg_time_watched_actions"] = lambda m, _: _average_watch(m)


def _metric(name: str, m: Metrics, ctx: AdContext) -> Any:
    render = _METRICS.get(name)
    return render(m, ctx) if render is not None else None


def _attribution(m: Metrics) -> str | None:
    """The setting the row's results follow; "mixed" over ad sets with different ones (Meta)."""
    if not m.attribution:
        return None
    return next(iter(m.attribution)) if len(m.attribution) == 1 else "mixed"


def _roas(value: Decimal, spend: Decimal) -> list[dict[str, str]]:
    ratio = _ratio(value, spend)
    return [{"action_type": "omni_purchase", "value": ratio}] if ratio else []


def _cost_per_action(m: Metrics) -> list[dict[str, str]]:
    costs = {name: m.spend / count for name, count in m.actions.items() if count}
    return [{"action_type": r["action_type"], "value": _ratio(Decimal(r["value"]), 1) or "0"}
            for r in render_action_list({k: v.quantize(Decimal("0.000001")) for k, v in costs.items()})]


def _results(m: Metrics, ctx: AdContext, *, cost: bool) -> list[dict[str, Any]]:
    # A REACH goal's results are the row's people reached: deduplicated, never a sum of days.
    counts = {name: (m.reach if name == "reach" else n) for name, n in m.results.items()}
    if not counts:
        expected = result_event(ctx.adset.optimization_goal, ctx.adset.promoted_object)
        if expected is None:
            return []
        counts = {expected[0]: 0}
    out: list[dict[str, Any]] = []
    for indicator, count in counts.items():
        entry: dict[str, Any] = {"indicator": indicator}
        value = _ratio(m.spend, count) if cost else (str(count) if count else None)
        if value is not None:
            entry["values"] = [{"value": value, "attribution_windows": ["default"]}]
        out.append(entry)
    return out


@dataclass
class Group:
    """One future row: an ad context standing for its level's key, summed metrics, a date bucket."""

    ctx: AdContext
    metrics: Metrics
    start: date
    stop: date
    bucket: tuple[str, ...] = ()  # the breakdown values, in the order of the query's breakdowns


def collect(query: InsightsQuery, ads: Iterable[AdContext],
            day_of: Callable[[str, date], InsightDay | None],
            account_extra: Mapping[date, InsightDay] | None = None) -> list[Group]:
    """Group the ads' days by the query's level and time buckets (rows are rendered later, per page).

    `account_extra`: numbers only account-level rows carry (a test's injected discrepancy)."""
    groups: dict[tuple[str, date, tuple[str, ...]], Group] = {}
    ads = list(ads)
    sizes: dict[str, AudienceSizes] = {}
    if query.level == "account" and account_extra and ads:
        first = ads[0]
        audience = sizes.setdefault(first.account.id, AudienceSizes(first.account))
        for extra in account_extra.values():
            if query.since <= extra.date <= query.until:
                start, stop = bucket_of(query, extra.date)
                key = (first.account.id, start, ())
                bucket = groups.setdefault(key, Group(first, Metrics(sizes=audience), start, stop))
                bucket.metrics.add(extra, None)
    for ctx in ads:
        indicator = result_event(ctx.adset.optimization_goal, ctx.adset.promoted_object)
        setting = attribution_setting(ctx.adset.attribution())
        key_id = group_key(query.level, ctx)
        for start, stop, day in _ad_rows(query, ctx.ad.id, day_of):
            parts = split_day(ctx.ad.id, day, query.breakdowns) if query.breakdowns else [((), day)]
            for values, part in parts:
                group = groups.get((key_id, start, values))
                if group is None:
                    audience = sizes.setdefault(ctx.account.id, AudienceSizes(ctx.account))
                    metrics = Metrics(sizes=audience)
                    group = groups[(key_id, start, values)] = Group(ctx, metrics, start, stop, values)
                group.metrics.add(part, indicator, ctx)
                group.metrics.attribution.add(setting)
    return list(groups.values())


def _ad_rows(query: InsightsQuery, ad_id: str, day_of: Callable[[str, date], InsightDay | None]
            ) -> Iterable[tuple[date, date, InsightDay]]:
    """The ad's delivered days with their time bucket; broken down, the days of one time bucket
    summed first (split once per ad and bucket: the buckets still add up to the days)."""
    by_bucket: dict[date, tuple[date, list[InsightDay]]] = {}
    for offset in range(query.days()):
        day = day_of(ad_id, query.since + timedelta(days=offset))
        if day is None or day.is_empty():
            continue
        start, stop = bucket_of(query, day.date)
        if not query.breakdowns:
            yield start, stop, day
            continue
        by_bucket.setdefault(start, (stop, []))[1].append(day)
    for start, (stop, days) in by_bucket.items():
        yield start, stop, days[0] if len(days) == 1 else _summed_days(days)


def _summed_days(days: list[InsightDay]) -> InsightDay:
    actions: dict[str, int] = {}
    values: dict[str, Decimal] = {}
    video: dict[str, int] = {}
    for day in days:
        for name, count in day.actions.items():
            actions[name] = actions.get(name, 0) + count
        for name, value in day.action_values.items():
            values[name] = values.get(name, Decimal(0)) + value
        for name, count in day.video.items():
            video[name] = video.get(name, 0) + count
    reaches = [d.reach for d in days if d.reach is not None]
    return InsightDay.model_construct(
        date=days[0].date, spend=sum((d.spend for d in days), Decimal(0)),
        impressions=sum(d.impressions for d in days), reach=sum(reaches) if reaches else None,
        clicks=sum(d.clicks for d in days), inline_link_clicks=sum(d.inline_link_clicks for d in days),
        actions=actions, action_values=values, video=video)


def render_group(query: InsightsQuery, group: Group) -> dict[str, Any]:
    return render_row(query, group.ctx, group.metrics, group.start, group.stop, group.bucket)


def aggregate(query: InsightsQuery, ads: Iterable[AdContext],
              day_of: Callable[[str, date], InsightDay | None]) -> list[dict[str, Any]]:
    """All rows of a query, rendered."""
    return [render_group(query, group) for group in collect(query, ads, day_of)]
