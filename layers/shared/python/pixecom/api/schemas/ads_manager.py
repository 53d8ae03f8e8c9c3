"""Ads Manager response shapes, for OpenAPI only: the routes build these bodies directly (speed)."""

from __future__ import annotations

from pydantic import BaseModel, Field

MetricValue = str | int | float | None


class EntityRowOut(BaseModel):
    id: str
    meta_id: str
    name: str
    status: str
    delivery_status: str
    effective_status: str
    ad_account_id: str
    campaign_id: str | None = Field(default=None, description="ad sets and ads only")
    adset_id: str | None = Field(default=None, description="ads only")
    sellpage_id: str | None
    currency: str
    result_type: str | None = Field(
        description="what `results` counts (the ad set's optimization event: purchase, add_to_cart, "
        "content_view, link_click, ...), `mixed` when the ad sets under the row differ (results and "
        "cost_per_result are then null), null when unknown"
    )
    attribution_setting: str | None = Field(
        description="the ad sets' attribution setting in words ('7-day click or 1-day view'), `mixed` "
        "when they differ, null when unknown"
    )
    metrics: dict[str, MetricValue] = Field(
        description="money: strings in the currency's ISO 4217 minor units, half-up (USD '12.35', JPY "
        "'1090', KWD '1.235'); ratios and percentages: numbers with 4 decimals; counts: integers; "
        "undefined (zero denominator, or results where result_type is mixed): null"
    )


class CurrencySummaryOut(BaseModel):
    currency: str
    result_type: str | None = Field(description="shared by every row summed, else `mixed`")
    metrics: dict[str, MetricValue]


class PagingOut(BaseModel):
    next_cursor: str | None


class DateRangeOut(BaseModel):
    since: str
    until: str


class EntityListOut(BaseModel):
    data: list[EntityRowOut]
    summary: list[CurrencySummaryOut] = Field(description="every matching row, one entry per currency")
    paging: PagingOut
    date_range: DateRangeOut = Field(
        description="a preset resolves per ad account timezone: the envelope (earliest since, latest "
        "until) of the accounts' ranges"
    )


class DailyPointOut(BaseModel):
    date: str
    metrics: dict[str, MetricValue]


class DailySeriesOut(BaseModel):
    id: str
    currency: str
    result_type: str | None = Field(description="`mixed`: every point's results and cost_per_result are null")
    attribution_setting: str | None
    date_range: DateRangeOut
    data: list[DailyPointOut]
