"""Request and response models of the store's routes (/api/store) and the sellpage level."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from pixecom.api.schemas.ads_manager import DateRangeOut
from pixecom.api.schemas.base import OutModel
from pixecom.api.schemas.errors import ErrorCode
from pixecom.api.schemas.paging import Paging
from pixecom.store.events import MAX_BATCH
from pixecom.store.ingest import Outcome
from pixecom.store.keys import KeyScope


class StoreKeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=100, description="what the key is for, e.g. 'shop backend'")
    scope: KeyScope = KeyScope.ORDERS_WRITE


class StoreKeyOut(OutModel):
    id: uuid.UUID
    name: str
    scope: KeyScope
    key_prefix: str = Field(description="the key's first characters, to tell keys apart")
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class StoreKeyCreated(StoreKeyOut):
    key: str = Field(description="the key itself: shown this once, store it in the store's secrets")


class StoreKeyList(OutModel):
    data: list[StoreKeyOut]


class OrderBatch(BaseModel):
    """Up to 1,000 order events, each answered on its own (see OrderEvent for one event's fields)."""

    model_config = ConfigDict(extra="forbid")
    events: list[Any] = Field(
        min_length=1,
        max_length=MAX_BATCH,
        description="order events (OrderEvent); a bad one is answered as rejected, the others are written",
    )


class ItemErrorOut(OutModel):
    code: ErrorCode
    message: str
    field: str | None


class OrderResult(OutModel):
    index: int = Field(description="the event's position in the request")
    order_id: str | None
    version: int | None
    outcome: Outcome = Field(
        description="applied: written; duplicate: this version was already stored; stale: a newer "
        "version is stored; rejected: not written, see error"
    )
    error: ItemErrorOut | None


class OrderBatchResult(OutModel):
    data: list[OrderResult]
    counts: dict[Outcome, int]


class SellpageSums(OutModel):
    """One currency's sums: Meta's from the linked campaigns' spend in it, the store's from orders in it."""

    currency: str
    spend: str
    meta_purchases: int
    meta_purchase_value: str
    store_orders: int = Field(description="paid orders, fully refunded and cancelled ones left out")
    store_gross_revenue: str
    store_refunds: str
    store_revenue: str = Field(description="gross revenue - refunds")
    store_attributed_orders: int = Field(
        description="orders whose URL names a campaign linked to this sellpage"
    )
    store_attributed_revenue: str


class ConversionOut(OutModel):
    source: str
    rate_dates: list[str]


class SellpageRatiosOut(OutModel):
    currency: str | None = Field(description="the spend's currency, which the ratios are in")
    meta_roas: float | None
    store_roas: float | None = Field(description="store revenue from the linked campaigns' ads / spend")
    mer: float | None = Field(description="all store revenue of the sellpage / ad spend")
    purchase_value_gap: str | None = Field(description="Meta's purchase value - store revenue from its ads")
    null_reason: str | None = Field(description="why the ratios are null (mixed currencies, no spend)")
    conversion: ConversionOut | None = Field(description="the rates store revenue was converted with")


class SellpageLevelRow(OutModel):
    id: uuid.UUID
    name: str
    url: str
    linked_campaigns: int
    sums: list[SellpageSums] = Field(description="one entry per currency, never summed across currencies")
    ratios: SellpageRatiosOut


class SellpageLevelList(OutModel):
    date_range: DateRangeOut
    data: list[SellpageLevelRow] = Field(description="by name (case-insensitive), then id")
    paging: Paging
