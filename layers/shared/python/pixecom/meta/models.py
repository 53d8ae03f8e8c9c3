"""Typed, frozen rows the Graph client returns. Meta ids stay strings; money is Decimal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, create_model

from pixecom.domain.catalogue import META_COUNTERS, Counter
from pixecom.meta.errors import GraphError
from pixecom.meta.usage import UsageReading

__all__ = [
    "AdAccountInfo",
    "AdNode",
    "AdSetNode",
    "CampaignNode",
    "CreativeNode",
    "DailyTotals",
    "InsightRow",
    "StatusResult",
    "UsageReading",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class AdAccountInfo(_Frozen):
    id: str  # "act_123"
    account_id: str  # "123"
    name: str
    currency: str
    timezone_name: str
    timezone_offset_hours_utc: float | None = None
    account_status: int


class CampaignNode(_Frozen):
    id: str
    name: str
    status: str
    configured_status: str | None = None
    effective_status: str
    objective: str | None = None
    # Budgets, caps and bids as Meta sends them: whole offset units (pixecom.domain.budgets).
    daily_budget: int | None = None
    lifetime_budget: int | None = None
    budget_remaining: int | None = None
    spend_cap: int | None = None
    bid_strategy: str | None = None
    advantage_state: str | None = None  # advantage_state_info.advantage_state
    start_time: dt.datetime | None = None
    end_time: dt.datetime | None = None  # Meta's stop_time of a campaign
    updated_time: dt.datetime | None = None


class AdSetNode(_Frozen):
    id: str
    campaign_id: str
    name: str
    status: str
    configured_status: str | None = None
    effective_status: str
    daily_budget: int | None = None
    lifetime_budget: int | None = None
    budget_remaining: int | None = None
    bid_strategy: str | None = None
    bid_amount: int | None = None
    roas_average_floor: int | None = None  # bid_constraints.roas_average_floor: ROAS x 10,000
    optimization_goal: str | None = None
    promoted_object: dict[str, Any] | None = None
    learning_stage: str | None = None  # learning_stage_info.status: LEARNING | SUCCESS | FAIL
    attribution_spec: list[dict[str, Any]] | None = None  # [{event_type, window_days}]
    start_time: dt.datetime | None = None
    end_time: dt.datetime | None = None
    updated_time: dt.datetime | None = None


class CreativeNode(_Frozen):
    """An ad's creative as Meta describes it (the `creative{...}` expansion of an ad)."""

    id: str
    name: str | None = None
    object_type: str | None = None
    format: str  # image | video | carousel | flexible | other
    image_hash: str | None = None
    video_id: str | None = None
    thumbnail_url: str | None = None
    title: str | None = None
    body: str | None = None
    call_to_action: str | None = None
    link_url: str | None = None
    story_id: str | None = None  # effective_object_story_id: the post the ad runs as
    # A flexible creative's assets (asset_feed_spec) or a carousel's cards, one object each:
    # {"type": "video"|"image"|"body"|"title"|"link"|"card", ...}
    assets: list[dict[str, Any]] | None = None


class AdNode(_Frozen):
    id: str
    adset_id: str
    campaign_id: str
    name: str
    status: str
    configured_status: str | None = None
    effective_status: str
    link_url: str | None = None
    issues: list[dict[str, Any]] | None = None
    updated_time: dt.datetime | None = None
    creative: CreativeNode | None = None


class _InsightKeys(_Frozen):
    ad_id: str
    adset_id: str
    campaign_id: str
    date: dt.date


def _counter_type(counter: Counter) -> Any:
    if not counter.additive:
        return int | None
    return Decimal if counter.money else int


if TYPE_CHECKING:

    class InsightRow(_InsightKeys):
        """One ad on one day; every counter of the catalogue as an attribute."""

        def __init__(self, **fields: Any) -> None: ...
        def __getattr__(self, name: str) -> Any: ...

else:
    # One ad on one day (in the ad account's timezone), counters already de-aliased: the keys
    # and every counter of the catalogue Meta reports (`pixecom.domain.catalogue.META_COUNTERS`).
    InsightRow = create_model(
        "InsightRow",
        __base__=_InsightKeys,
        __module__=__name__,
        **{c.name: (_counter_type(c), ...) for c in META_COUNTERS},
    )


class DailyTotals(_Frozen):
    """Meta's own totals of an ad account for one day (level=account): what our ad rows must sum to."""

    date: dt.date
    spend: Decimal
    impressions: int
    link_clicks: int
    purchases: int
    purchase_value: Decimal


class StatusResult(_Frozen):
    """Outcome of one object write (a status, a budget) inside a batch."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    object_id: str
    ok: bool
    error: GraphError | None = None
