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
    metrics: dict[str, MetricValue] = Field(
        description="money: '12.35' strings (2 decimals, half-up); ratios and percentages: numbers "
        "with 4 decimals; counts: integers; undefined (zero denominator): null"
    )


class CurrencySummaryOut(BaseModel):
    currency: str
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
    date_range: DateRangeOut
    data: list[DailyPointOut]
