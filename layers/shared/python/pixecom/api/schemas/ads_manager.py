"""Ads Manager response shapes. The routes build these bodies by hand (speed); tests validate every
list, summary and daily body they receive against the OpenAPI document made from these models.

`Metrics` is one model for list rows, summary entries and daily points: money as decimal strings
in the currency's unit (`MoneyString`), counts as integers, ratios and percentages as numbers,
null where a denominator is zero.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import ConfigDict, Field, WithJsonSchema, create_model

from pixecom.adsmanager.breakdowns import Breakdown
from pixecom.api.schemas.base import OutModel
from pixecom.api.schemas.paging import Paging
from pixecom.domain.catalogue import METRICS, REACH_METRICS, Kind, Metric
from pixecom.domain.enums import CampaignStatus, DeliveryStatus
from pixecom.domain.results import GOAL_RESULT_TYPES, MIXED, PIXEL_EVENT_RESULT_TYPES

MONEY_PATTERN = r"^-?[0-9]+(\.[0-9]{1,3})?$"

MoneyString = Annotated[
    str,
    Field(
        pattern=MONEY_PATTERN,
        description="money in the row's currency as a decimal string, with the currency's "
        "ISO 4217 minor-unit decimals (JPY 0, USD 2, KWD 3)",
        examples=["12.35"],
    ),
]
Money = Annotated[MoneyString | None, Field(description="money; null when the denominator is zero")]
Count = Annotated[int, Field(ge=0)]
Ratio = Annotated[
    float | None, Field(description="rounded half-up to 4 decimals; null when the denominator is zero")
]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$", examples=["USD"])]

RESULT_TYPES: tuple[str, ...] = tuple(
    sorted({*GOAL_RESULT_TYPES.values(), *PIXEL_EVENT_RESULT_TYPES.values(), "purchase", MIXED})
)
# Named schemas the models reference by `$ref` (pixecom.api.openapi adds them to the document).
NAMED_SCHEMAS: dict[str, dict[str, object]] = {
    "ResultType": {
        "type": "string",
        "enum": list(RESULT_TYPES),
        "title": "ResultType",
        "description": "what `results` count (the ad sets' optimization event); `mixed` over rows "
        "of different types, whose results and cost_per_result are then null",
    }
}
AttributionSetting = Annotated[
    str | None,
    Field(
        description="the ad sets' attribution setting in words ('7-day click or 1-day view'), `mixed` "
        "when they differ, null when unknown",
        examples=["7-day click or 1-day view"],
    ),
]
ResultType = Annotated[
    str | None,
    WithJsonSchema({"anyOf": [{"$ref": "#/components/schemas/ResultType"}, {"type": "null"}]}),
    Field(description="null when no ad set's optimization event is known"),
]


def _metric_field(m: Metric) -> tuple[Any, Any]:
    """A metric's type and description in the contract, from the catalogue."""
    if not m.derived:
        kind: Any = MoneyString if m.kind is Kind.MONEY else Count
        if m.counts_results:
            return kind | None, Field(description=f"{m.description}; null when {_MIXED_NOTE}")
        return kind, Field(description=m.description)
    kind = Money if m.kind is Kind.MONEY else Ratio
    nulls = f"{m.denominator} is 0" + (f", or {_MIXED_NOTE}" if m.counts_results else "")
    return kind, Field(description=f"{m.description}: {m.formula}; null when {nulls}")


_MIXED_NOTE = "the rows' result types differ (result_type `mixed`)"
_REACH_NOTE = (
    "Meta's unique people for exactly this object and range: never summed over days, ads, ad sets, "
    "campaigns or accounts. null when Meta's value is not known (`reach_unavailable` says why); 0 "
    "without impressions. Meta leaves reach out of queries with breakdowns whose range starts more "
    "than 13 months ago."
)


def _reach_field(m: Metric) -> tuple[Any, Any]:
    """reach and frequency: Meta's own values, not sums (`pixecom.adsmanager.reach`)."""
    if m.derived:
        return Ratio, Field(description=f"{m.description}: {m.formula}; null when reach is null or 0")
    return Count | None, Field(description=f"{m.description}. {_REACH_NOTE}")


if TYPE_CHECKING:
    Metrics = OutModel
else:
    # Every metric of the Ads Manager (`pixecom.domain.catalogue.METRICS`, in order); the same
    # object in rows, summary entries and daily points. Formulas, units, rounding and nulls are
    # documented in the repository's docs/metrics.md (generated from the same catalogue).
    Metrics = create_model(
        "Metrics",
        __base__=OutModel,
        __module__=__name__,
        __doc__="Every metric of the Ads Manager; the same object in rows, summary entries and daily "
        "points. What each field means (formula, unit: money, count, ratio or percent, rounding, when "
        "it is null, what `results` counts) is documented in the repository's docs/metrics.md.",
        **{m.name: _metric_field(m) for m in METRICS},
        **{m.name: _reach_field(m) for m in REACH_METRICS},
    )

_REACH_UNAVAILABLE = Field(
    default=None,
    description="why `metrics.reach` is null (not read from Meta yet, Meta's rate limit, several ad "
    "accounts, a filtered selection); null when reach is given"
)


class _Optional(OutModel):
    """A response model whose fields with a default may be absent (`columns=`, `compare=`)."""

    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=False)


def _chosen(m: Metric) -> tuple[Any, Any]:
    kind, field = _reach_field(m) if m in REACH_METRICS else _metric_field(m)
    return kind, Field(default=None, description=field.description)


def _change(m: Metric) -> tuple[Any, Any]:
    return float | None, Field(default=None, description=f"relative change of {m.name}")


_CHOSEN_DOC = (
    "The metrics of a list row or summary entry: every metric of `Metrics`, or those `columns=` "
    "chose, in that order. See `Metrics` for each one."
)
_CHANGE_DOC = (
    "Each metric's relative change from the previous period: (value - previous) / previous, "
    "rounded half-up to 4 decimals (0.25 = 25% more); null where either is null or the previous "
    "value is 0. The same metrics as `metrics`."
)

if TYPE_CHECKING:
    ChosenMetrics = OutModel
    MetricChanges = OutModel
else:
    ChosenMetrics = create_model(
        "ChosenMetrics",
        __base__=_Optional,
        __module__=__name__,
        __doc__=_CHOSEN_DOC,
        **{m.name: _chosen(m) for m in METRICS},
        **{m.name: _chosen(m) for m in REACH_METRICS},
    )
    MetricChanges = create_model(
        "MetricChanges",
        __base__=_Optional,
        __module__=__name__,
        __doc__=_CHANGE_DOC,
        **{m.name: _change(m) for m in METRICS},
        **{m.name: _change(m) for m in REACH_METRICS},
    )

_PREVIOUS = Field(
    default=None, description="with compare=: the same metrics over the comparison range (compare_range)"
)
_CHANGES = Field(default=None, description="with compare=: each metric's relative change")


class StoreConversion(OutModel):
    """Which rates converted the store's revenue in other currencies into the row's."""

    from_: list[Currency] = Field(alias="from", description="the orders' currencies that were converted")
    source: str = Field(
        description="who published the rates: `ecb`, `operator`, a provider; `+` joins two legs"
    )
    first_rate_date: date
    last_rate_date: date


class StoreNumbers(OutModel):
    """What the PixEcom store sold, attributed to the row (docs/store.md: by the ad, ad set or
    campaign id in the order's landing URL; for a campaign also by its sellpage when it is the only
    campaign linking to it), beside Meta's numbers. Money in the row's currency. All null with
    `null_reason` when the row has no store numbers (its campaign links to no sellpage and no
    order names it); `store_revenue` and what reads it null when a currency has no rate."""

    store_orders: Count | None = Field(description="orders attributed to the row (paid, not fully refunded)")
    store_revenue: Money = Field(
        description="their revenue net of refunds, each day's orders in another currency converted at that "
        "day's reference rate"
    )
    store_roas: Ratio = Field(description="store_revenue / spend; null when spend is 0")
    purchase_value_gap: Money = Field(
        description="Meta's purchase_value - store_revenue: what the pixel claims beyond what the store saw"
    )
    orders_via_sellpage: Count | None = Field(
        description="of store_orders, those from Meta without ids, counted by the campaign's sellpage link"
    )
    null_reason: str | None
    conversion: StoreConversion | None = Field(description="null when nothing was converted")


class Budget(OutModel):
    """Where the budget that funds the row lives and how much it is."""

    type: Literal["daily", "lifetime"]
    amount: MoneyString
    level: Literal["campaign", "adset"] = Field(
        description="`campaign`: an Advantage campaign budget shared by its ad sets; `adset`: its own"
    )
    remaining: MoneyString | None = Field(description="what Meta reports as left of it")


class BreakdownRow(OutModel):
    """One bucket of a row's breakdown: Meta's values for it and the row's metrics within it. The
    additive metrics of a row's breakdown rows add up to the row's own (an `unknown` bucket
    included); Meta's breakdown values are estimates."""

    values: dict[str, str] = Field(
        description="the bucket in each dimension, as Meta names it",
        examples=[{"age": "25-34", "gender": "female"}],
    )
    metrics: ChosenMetrics


class BreakdownInfo(OutModel):
    breakdown: Breakdown
    dimensions: list[str] = Field(description="the keys of each breakdown row's `values`")
    not_broken_down: list[str] = Field(
        description="counters Meta does not report by this breakdown (off-Meta actions by `region`): "
        "0 in the breakdown rows, which then add up to the row only for the others"
    )
    as_of: datetime | None = Field(description="when Meta computed the oldest report read (null: no row)")


_BREAKDOWNS = Field(
    description="null unless `breakdown=` is given; then this row's breakdown rows, biggest spend first"
)


class _EntityRow(_Optional):
    id: uuid.UUID
    meta_id: str
    name: str
    status: CampaignStatus
    delivery_status: DeliveryStatus
    effective_status: str = Field(description="Meta's effective_status, as Meta reports it")
    ad_account_id: uuid.UUID
    ad_account_name: str
    sellpage_id: uuid.UUID | None
    currency: Currency
    result_type: ResultType
    attribution_setting: AttributionSetting
    store: StoreNumbers
    metrics: ChosenMetrics
    previous_metrics: ChosenMetrics | None = _PREVIOUS
    change: MetricChanges | None = _CHANGES
    reach_unavailable: str | None = _REACH_UNAVAILABLE
    breakdowns: list[BreakdownRow] | None = _BREAKDOWNS


class CampaignRow(_EntityRow):
    budget: Budget | None = Field(description="null: the budgets are on the ad sets")
    bid_strategy: str | None = Field(description="Meta's bid_strategy, e.g. LOWEST_COST_WITHOUT_CAP")
    bid_amount: MoneyString | None = Field(description="the bid or cost cap, where set")
    roas_average_floor: str | None = Field(description="minimum ROAS (1.5 = 150%), where set")
    objective: str | None
    spend_cap: MoneyString | None


class AdsetRow(CampaignRow):
    campaign_id: uuid.UUID
    campaign_name: str


class AdRow(_EntityRow):
    campaign_id: uuid.UUID
    campaign_name: str
    adset_id: uuid.UUID
    adset_name: str


class CurrencySummary(_Optional):
    """The metrics over every matching row in one currency (never a sum across currencies)."""

    currency: Currency
    result_type: ResultType
    store: StoreNumbers | None = Field(
        description="over the rows of this currency that have store numbers, with their spend and "
        "purchase value only; null on the creative level (the store attributes orders to ads, "
        "campaigns and ad sets, not to creatives)"
    )
    metrics: ChosenMetrics
    previous_metrics: ChosenMetrics | None = _PREVIOUS
    change: MetricChanges | None = _CHANGES
    reach_unavailable: str | None = _REACH_UNAVAILABLE


class RatesUsed(OutModel):
    currency: Currency
    source: str = Field(description="who published the rates: `ecb`, or `operator` (loaded by an operator)")
    first_rate_date: date
    last_rate_date: date
    days_carried_forward: int = Field(
        description="days of this currency without a rate of their own, converted at the last one "
        "published before them"
    )


class LeftOut(OutModel):
    currency: Currency
    reason: str


class ConvertedTotal(OutModel):
    """Every matching row's money converted into the seller's reporting currency: each day's
    amounts at that day's reference rate, then summed. Not Meta's numbers: a conversion."""

    label: str = Field(description="always `converted`", examples=["converted"])
    currency: Currency = Field(description="the seller's reporting currency")
    spend: MoneyString
    purchase_value: MoneyString
    roas: Ratio = Field(description="converted purchase_value / converted spend")
    rates: list[RatesUsed] = Field(description="the rates each other currency was converted with")
    left_out: list[LeftOut] = Field(description="currencies without a rate: not in this total")


class DateRangeOut(OutModel):
    since: date
    until: date


_SUMMARY = Field(description="every matching row (not only this page), one entry per currency")
_CONVERTED = Field(
    description="null until the seller chooses a reporting currency (PUT /api/reporting-currency)"
)
_COMPARE_RANGE = Field(
    default=None,
    description="with compare=: the comparison range (for presets, the envelope of the accounts' "
    "comparison ranges, each moved from the account's own range)",
)
_BREAKDOWN = Field(description="null unless `breakdown=` is given")
_RANGE = Field(
    description="a preset resolves per ad account timezone: the envelope (earliest since, latest "
    "until) of the accounts' ranges"
)


class CampaignList(_Optional):
    data: list[CampaignRow]
    summary: list[CurrencySummary] = _SUMMARY
    paging: Paging
    date_range: DateRangeOut = _RANGE
    compare_range: DateRangeOut | None = _COMPARE_RANGE
    converted_total: ConvertedTotal | None = _CONVERTED
    breakdown: BreakdownInfo | None = _BREAKDOWN


class AdsetList(_Optional):
    data: list[AdsetRow]
    summary: list[CurrencySummary] = _SUMMARY
    paging: Paging
    date_range: DateRangeOut = _RANGE
    compare_range: DateRangeOut | None = _COMPARE_RANGE
    converted_total: ConvertedTotal | None = _CONVERTED
    breakdown: BreakdownInfo | None = _BREAKDOWN


class AdList(_Optional):
    data: list[AdRow]
    summary: list[CurrencySummary] = _SUMMARY
    paging: Paging
    date_range: DateRangeOut = _RANGE
    compare_range: DateRangeOut | None = _COMPARE_RANGE
    converted_total: ConvertedTotal | None = _CONVERTED
    breakdown: BreakdownInfo | None = _BREAKDOWN


Day = date  # a field named `date` shadows the type in the class body


class DailyPoint(_Optional):
    date: date
    metrics: Metrics = Field(description="the day's totals; reach is Meta's reach of that one day")
    reach_unavailable: str | None = _REACH_UNAVAILABLE
    previous_date: Day | None = Field(
        default=None,
        description="with compare=: the day this one is compared with (the same place in the "
        "comparison range; previous_year: the same date a year earlier); null past its end",
    )
    previous_metrics: ChosenMetrics | None = _PREVIOUS
    change: MetricChanges | None = _CHANGES


class DailySeries(_Optional):
    id: uuid.UUID
    currency: Currency
    result_type: ResultType
    attribution_setting: AttributionSetting
    date_range: DateRangeOut
    data: list[DailyPoint] = Field(description="one point per day of the range, oldest first")
    compare_range: DateRangeOut | None = Field(
        default=None, description="with compare=: the comparison range"
    )
