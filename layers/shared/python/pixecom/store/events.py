"""The order event the store sends, as the API reads it (one per request, or up to 1,000 in a batch)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Self

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from pixecom.domain.store_orders import MAX_PARAMS, OrderEventType

MAX_BATCH = 1000


class OrderEvent(BaseModel):
    """One event of one order, carrying the whole order as of that event.

    `version` orders the events of an order (higher is newer): the store's own counter, e.g. the
    order's update sequence. `refunded_amount` is the total refunded so far.
    """

    model_config = ConfigDict(extra="forbid")

    order_id: str = Field(
        min_length=1, max_length=128, pattern=r"^[!-~]+$", description="the store's order id"
    )
    version: int = Field(ge=1, le=2**62, description="this event's place among the order's events")
    type: OrderEventType
    sellpage_id: uuid.UUID | None = Field(default=None, description="the sellpage sold on (or sellpage_url)")
    sellpage_url: str | None = Field(default=None, max_length=2048, description="any URL of the sellpage")
    amount: Decimal = Field(allow_inf_nan=False, description="order total, in the currency's units")
    refunded_amount: Decimal = Field(default=Decimal(0), allow_inf_nan=False, description="refunded so far")
    currency: str = Field(min_length=3, max_length=3, description="ISO 4217 code, e.g. USD")
    ordered_at: AwareDatetime = Field(description="when the order was placed, with its UTC offset")
    landing_url: str | None = Field(
        default=None, max_length=4096, description="the URL the shopper landed on"
    )
    landing_params: dict[str, str] | None = Field(
        default=None,
        max_length=MAX_PARAMS * 2,
        description="utm_*, fbclid, campaign_id, adset_id, ad_id (instead of or beside landing_url)",
    )

    @model_validator(mode="after")
    def _one_sellpage(self) -> Self:
        if (self.sellpage_id is None) == (self.sellpage_url is None):
            raise ValueError("give exactly one of sellpage_id and sellpage_url")
        return self
