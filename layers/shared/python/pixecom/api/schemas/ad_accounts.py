"""Request and response bodies of the ad accounts routes (`api/routers/ad_accounts.py`)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from pixecom.accounts import connect as service
from pixecom.accounts.health import token_health
from pixecom.api.schemas.base import OutModel
from pixecom.api.schemas.meta import TokenHealthOut
from pixecom.db.models import AdAccount
from pixecom.domain.enums import ConnectionStatus
from pixecom.domain.reconciliation import Difference, ReconciledMetric
from pixecom.sync.reconcile import ReconciliationSummary

MAX_BACKFILL_DAYS = 1131  # 37 months, Meta's insights retention; the start is clamped to it


class ConnectRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    meta_account_id: str = Field(max_length=40, examples=["act_1234567890"])
    access_token: SecretStr = Field(min_length=1, max_length=4096)
    backfill_days: int = Field(
        default=service.DEFAULT_BACKFILL_DAYS,
        ge=1,
        le=MAX_BACKFILL_DAYS,
        description="days of history to load (default 90, up to 37 months)",
    )

    @field_validator("meta_account_id")
    @classmethod
    def _account_id(cls, value: str) -> str:
        return service.normalize_account_id(value)


class TokenRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    access_token: SecretStr = Field(min_length=1, max_length=4096)


class SyncState(OutModel):
    last_success_at: datetime | None
    last_attempt_at: datetime | None
    last_error: str | None


class BackfillState(OutModel):
    since: date | None
    chunks_total: int
    chunks_done: int
    complete: bool


class DifferenceOut(OutModel):
    date: date
    metric: ReconciledMetric
    meta: Decimal = Field(description="Meta's account total for the day")
    ours: Decimal = Field(description="the sum of our ad rows for the day")
    difference: Decimal = Field(description="meta - ours")

    @classmethod
    def of(cls, d: Difference) -> DifferenceOut:
        return cls(
            date=d.date,
            metric=d.metric,
            meta=_plain(d.meta),
            ours=_plain(d.ours),
            difference=_plain(d.difference),
        )


class ReconciliationOut(OutModel):
    """Meta's own daily account totals against the sum of our ad rows (checked after each stats run)."""

    days_checked: int
    days_differing: int
    largest_difference: DifferenceOut | None = Field(
        description="the largest relative difference (null when every checked day matches)"
    )
    last_checked_at: datetime | None

    @classmethod
    def of(cls, summary: ReconciliationSummary | None) -> ReconciliationOut:
        s = summary or ReconciliationSummary()
        largest = DifferenceOut.of(s.largest_difference) if s.largest_difference is not None else None
        return cls(
            days_checked=s.days_checked,
            days_differing=s.days_differing,
            largest_difference=largest,
            last_checked_at=s.last_checked_at,
        )


def _plain(value: Decimal | int) -> Decimal:
    """12.3400 -> 12.34, 1500.0000 -> 1500 (stored NUMERIC scale is not meaningful here)."""
    number = Decimal(value)
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()


class AdAccountOut(OutModel):
    id: uuid.UUID
    meta_account_id: str
    name: str
    currency: str
    timezone_name: str
    account_status: int | None
    connection_status: ConnectionStatus
    connection_error: str | None
    throttled_until: datetime | None
    stats: SyncState
    delivery: SyncState
    backfill: BackfillState
    reconciliation: ReconciliationOut
    token: TokenHealthOut  # the token's source, expiry and state (pixecom.accounts.health)
    created_at: datetime

    @classmethod
    def of(
        cls, a: AdAccount, now: datetime, reconciliation: ReconciliationSummary | None = None
    ) -> AdAccountOut:
        return cls(
            id=a.id,
            meta_account_id=a.meta_account_id,
            name=a.name,
            currency=a.currency,
            timezone_name=a.timezone_name,
            account_status=a.account_status,
            connection_status=a.connection_status,
            connection_error=a.connection_error,
            throttled_until=a.throttled_until,
            stats=SyncState(
                last_success_at=a.last_stats_success_at,
                last_attempt_at=a.last_stats_attempt_at,
                last_error=a.last_stats_error,
            ),
            delivery=SyncState(
                last_success_at=a.last_delivery_success_at,
                last_attempt_at=a.last_delivery_attempt_at,
                last_error=a.last_delivery_error,
            ),
            backfill=BackfillState(
                since=a.backfill_since,
                chunks_total=a.backfill_chunks_total,
                chunks_done=a.backfill_chunks_done,
                complete=a.backfill_chunks_done >= a.backfill_chunks_total,
            ),
            reconciliation=ReconciliationOut.of(reconciliation),
            token=TokenHealthOut.of(token_health(a, now)),
            created_at=a.created_at,
        )


class AdAccountList(OutModel):
    data: list[AdAccountOut]


QueuedWork = Literal["delivery", "stats", "backfill"]


class SyncQueued(OutModel):
    run_id: str
    queued: list[QueuedWork]
