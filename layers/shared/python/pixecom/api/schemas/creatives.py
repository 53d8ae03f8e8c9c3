"""Creative level response shapes (`/api/ads-manager/creatives`, an ad's creative)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import Field

from pixecom.api.schemas.ads_manager import ChosenMetrics, Currency, CurrencySummary, DateRangeOut, ResultType
from pixecom.api.schemas.base import OutModel
from pixecom.api.schemas.paging import Paging

FatigueStateName = Literal["fresh", "watch", "fatigued"]
GroupBy = Literal["media", "ad_text", "thumbnail", "post"]


class FatigueOut(OutModel):
    """Last 3 days of delivery against the first 3 (docs/metrics.md, "Fatigue")."""

    state: FatigueStateName
    signals: list[str] = Field(description="in words, what made the state (or why it cannot be judged)")
    delivery_days: int
    ctr_change_pct: Decimal | None = Field(description="percent change of CTR; negative: down")
    cpm_change_pct: Decimal | None
    cost_per_result_change_pct: Decimal | None = Field(
        description="null where the results of the two windows are of different types"
    )
    frequency: Decimal | None = Field(description="impressions per person, where reach is known")


class CreativeFace(OutModel):
    """The creative that spent most in the group: what the group looks like."""

    format: Literal["image", "video", "carousel", "flexible", "other"]
    thumbnail_url: str | None = Field(
        description="Meta's signed thumbnail URL as last synced; null once it has expired (the next "
        "delivery sync, every few minutes, stores a fresh one)"
    )
    title: str | None
    body: str | None = Field(description="the ad text")
    video_id: str | None
    image_hash: str | None
    post_id: str | None = Field(description="effective_object_story_id: the post the ads run as")
    call_to_action: str | None
    creative_id: uuid.UUID
    creative_meta_id: str


class CreativeGroupRow(OutModel):
    key: str = Field(
        description="the version key: filter the ads list with `{group_by}_version=<key>` to see its ads"
    )
    group_by: GroupBy
    currency: Currency
    ads: int = Field(description="ads using it (that the filters match)")
    adsets: int = Field(description="ad sets those ads are in")
    result_type: ResultType
    creative: CreativeFace
    fatigue: FatigueOut
    metrics: ChosenMetrics = Field(
        description="every summed metric over the group's ads; no reach or frequency (people "
        "reached by several ads cannot be added up)"
    )


class CreativeGroupList(OutModel):
    data: list[CreativeGroupRow]
    summary: list[CurrencySummary] = Field(
        description="every matching ad with such a creative, per currency: the same on every page"
    )
    paging: Paging
    date_range: DateRangeOut


class CreativeDailyPoint(OutModel):
    date: date
    metrics: ChosenMetrics


class CreativeDailySeries(OutModel):
    key: str
    group_by: GroupBy
    currency: Currency
    ads: int
    result_type: ResultType
    date_range: DateRangeOut
    data: list[CreativeDailyPoint]


class CreativeVersions(OutModel):
    media: str | None
    ad_text: str | None
    thumbnail: str | None
    post: str | None


class CreativeAsset(OutModel):
    """One asset of a flexible creative, or one card of a carousel."""

    type: Literal["video", "image", "body", "title", "description", "link", "card"]
    video_id: str | None = None
    hash: str | None = Field(default=None, description="an image's hash")
    text: str | None = None
    website_url: str | None = None
    link: str | None = Field(default=None, description="a card's link")
    name: str | None = Field(default=None, description="a card's headline")


class AdCreativeOut(OutModel):
    """An ad's creative as Meta describes it, with the keys of its version groups."""

    ad_id: uuid.UUID
    id: uuid.UUID
    meta_id: str
    name: str | None
    format: Literal["image", "video", "carousel", "flexible", "other"]
    object_type: str | None
    image_hash: str | None
    video_id: str | None
    thumbnail_url: str | None = Field(description="null once Meta's signed URL has expired")
    thumbnail_expires_at: datetime | None
    title: str | None
    body: str | None
    call_to_action: str | None
    link_url: str | None
    post_id: str | None
    assets: list[CreativeAsset] | None = Field(
        description="each asset of a flexible creative, or card of a carousel"
    )
    versions: CreativeVersions
    fatigue: FatigueOut | None = Field(description="the ad's own fatigue; null before it delivered")
