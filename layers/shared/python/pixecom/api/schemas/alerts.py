"""Request and response bodies of the alerts routes (`api/routers/alerts.py`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field

from pixecom.api.schemas.paging import Paging
from pixecom.domain.automation import (
    AlertEntityLevel,
    AlertKind,
    AlertSeverity,
    AlertStatus,
)


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
    values: dict[str, str | None]
    occurrences: int
    opened_at: datetime
    last_seen_at: datetime
    resolved_at: datetime | None
    acknowledged_at: datetime | None


class AlertList(BaseModel):
    data: list[AlertOut]
    paging: Paging


class AlertThresholdsOut(BaseModel):
    spend_without_purchase: Decimal
    target_cost_per_purchase: Decimal | None
    roas_floor: Decimal | None
    spend_spike_multiplier: Decimal
    min_spend: Decimal
    token_expiry_days: int
    throttled_minutes: int
    stale_sync_minutes: int


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
    status: str = Field(description="ok, or failing after a failed delivery")
    consecutive_failures: int
    last_attempt_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    pending_deliveries: int
