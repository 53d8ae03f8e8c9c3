"""Request and response bodies of the alerts routes (`api/routers/alerts.py`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, RootModel

from pixecom.api.schemas.ads_manager import Currency
from pixecom.api.schemas.automation import AlertValues, ThresholdNote
from pixecom.api.schemas.paging import Paging
from pixecom.domain.automation import (
    AlertEntityLevel,
    AlertKind,
    AlertSeverity,
    AlertStatus,
)
from pixecom.domain.fatigue import FatigueThresholds
from pixecom.rates.thresholds import MoneyAmount


class AlertOut(BaseModel):
    id: uuid.UUID
    kind: AlertKind
    severity: AlertSeverity
    status: AlertStatus
    ad_account_id: uuid.UUID
    entity_level: AlertEntityLevel
    entity_id: uuid.UUID
    entity_name: str
    message: str
    currency: Currency | None = Field(description="the ad account's: of the money in `values` and `message`")
    values: AlertValues  # type: ignore[valid-type]
    conversions: list[ThresholdNote] = Field(description="thresholds of another currency as they applied")
    occurrences: int
    opened_at: datetime
    last_seen_at: datetime
    resolved_at: datetime | None
    acknowledged_at: datetime | None


class AlertList(BaseModel):
    data: list[AlertOut]
    paging: Paging


class AlertThresholdsOut(BaseModel):
    spend_without_purchase: MoneyAmount
    target_cost_per_purchase: MoneyAmount | None
    roas_floor: Decimal | None
    spend_spike_multiplier: Decimal
    min_spend: MoneyAmount
    token_expiry_days: int
    throttled_minutes: int
    stale_sync_minutes: int
    fatigue: FatigueThresholds


class WebhookIn(BaseModel):
    """`secret` signs every delivery (HMAC-SHA256); required when creating, kept if omitted later."""

    model_config = ConfigDict(extra="forbid")

    url: AnyHttpUrl
    secret: str | None = Field(default=None, min_length=16, max_length=200)
    enabled: bool = True


class WebhookOut(BaseModel):
    url: str
    enabled: bool
    has_secret: bool
    status: str = Field(
        description="failing while the last attempt failed or a failed delivery waits for its retry "
        "(even when a later one succeeded); ok otherwise"
    )
    consecutive_failures: int
    last_attempt_at: datetime | None
    last_success_at: datetime | None
    last_failure_at: datetime | None
    last_error: str | None = Field(description="The last failure's reason (kept after a later success)")
    pending_deliveries: int
    retrying_deliveries: int = Field(description="Pending deliveries that failed at least once")


class WebhookOrNone(RootModel[WebhookOut | None]):
    """The seller's webhook, or null while none is set (a normal state, not a missing resource)."""


class WebhookTestOut(BaseModel):
    delivered: bool = Field(description="The receiver answered 2xx")
    status_code: int | None = Field(
        description="The receiver's HTTP status; null when it could not be reached"
    )
    error: str | None
    webhook: WebhookOut
