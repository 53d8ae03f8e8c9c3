"""Connected Meta ad accounts (/api/ad-accounts): connect, list, token replacement, disconnect, sync.

The access token goes in, never out: no response carries it (encrypted at rest, see pixecom.crypto).
Service errors (unknown account, Meta refusing the token, ...) become API errors in api/errors.py.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator
from sqlalchemy import select

from pixecom.accounts import connect as service
from pixecom.accounts.health import token_health
from pixecom.api.deps import CurrentSeller, DbSession, Graph, Now
from pixecom.api.permits import requires
from pixecom.api.schemas.base import OutModel
from pixecom.api.schemas.errors import error_responses
from pixecom.api.schemas.meta import TokenHealthOut
from pixecom.control.audit import record_write, record_write_now
from pixecom.db.models import AdAccount
from pixecom.domain.enums import ConnectionStatus
from pixecom.domain.permissions import Permission
from pixecom.domain.reconciliation import Difference, ReconciledMetric
from pixecom.sync.reconcile import ReconciliationSummary, reconciliation_summaries

router = APIRouter(prefix="/ad-accounts", tags=["ad accounts"])

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


@router.post(
    "",
    dependencies=[requires(Permission.ACCOUNTS_MANAGE)],
    status_code=201,
    response_model=AdAccountOut,
    responses=error_responses(400, 401, 409, 422, 503),
)
def connect_ad_account(body: ConnectRequest, caller: CurrentSeller, graph: Graph, now: Now) -> AdAccountOut:
    """Check the token against Meta, store the account (token encrypted), queue syncs and backfill."""
    account = service.connect_account(
        caller.seller_id,
        body.meta_account_id,
        body.access_token.get_secret_value(),
        backfill_days=body.backfill_days,
        graph=graph,
    )
    record_write_now(caller.seller_id, caller.user_id, "ad_account_connected", "ad_account",
                     entity_id=account.id, entity_name=account.name)  # fmt: skip
    return AdAccountOut.of(account, now)


@router.get(
    "", dependencies=[requires(Permission.READ)], response_model=AdAccountList, responses=error_responses(401)
)
def list_ad_accounts(caller: CurrentSeller, db: DbSession, now: Now) -> AdAccountList:
    rows = db.scalars(
        select(AdAccount)
        .where(AdAccount.seller_id == caller.seller_id)
        .order_by(AdAccount.name, AdAccount.id)
    ).all()
    rows = [a for a in rows if caller.sees_account(a.id)]
    checks = reconciliation_summaries(db, caller.seller_id, [a.id for a in rows])
    return AdAccountList(data=[AdAccountOut.of(a, now, checks.get(a.id)) for a in rows])


@router.get(
    "/{account_id}",
    dependencies=[requires(Permission.READ)],
    response_model=AdAccountOut,
    responses=error_responses(401, 404, 422),
)
def get_ad_account(account_id: uuid.UUID, caller: CurrentSeller, db: DbSession, now: Now) -> AdAccountOut:
    account = db.scalars(
        select(AdAccount).where(AdAccount.id == account_id, AdAccount.seller_id == caller.seller_id)
    ).first()
    if account is None or not caller.sees_account(account.id):
        raise service.AccountNotFound(str(account_id))
    checks = reconciliation_summaries(db, caller.seller_id, [account.id])
    return AdAccountOut.of(account, now, checks.get(account.id))


@router.put(
    "/{account_id}/token",
    dependencies=[requires(Permission.ACCOUNTS_MANAGE)],
    response_model=AdAccountOut,
    responses=error_responses(400, 401, 404, 422, 503),
)
def replace_ad_account_token(
    account_id: uuid.UUID,
    body: TokenRequest,
    caller: CurrentSeller,
    db: DbSession,
    graph: Graph,
    now: Now,
) -> AdAccountOut:
    """A new token for the account (e.g. after NEEDS_REAUTH): checked with Meta, then ACTIVE again."""
    account = service.replace_token(
        caller.seller_id, account_id, body.access_token.get_secret_value(), graph=graph
    )
    record_write(db, caller.seller_id, caller.user_id, "ad_account_token_replaced", "ad_account",
                 entity_id=account.id, entity_name=account.name)  # fmt: skip
    checks = reconciliation_summaries(db, caller.seller_id, [account.id])
    return AdAccountOut.of(account, now, checks.get(account.id))


@router.delete(
    "/{account_id}",
    dependencies=[requires(Permission.ACCOUNTS_MANAGE)],
    status_code=204,
    responses=error_responses(401, 404, 422),
)
def disconnect_ad_account(account_id: uuid.UUID, caller: CurrentSeller) -> Response:
    """Disconnect the account and remove its campaigns, ad sets, ads, stats and sync history."""
    service.disconnect_account(caller.seller_id, account_id)
    record_write_now(caller.seller_id, caller.user_id, "ad_account_disconnected", "ad_account",
                     entity_id=account_id)  # fmt: skip
    return Response(status_code=204)


@router.post(
    "/{account_id}/sync",
    dependencies=[requires(Permission.ADS_WRITE)],
    status_code=202,
    response_model=SyncQueued,
    responses=error_responses(401, 404, 409, 422, 503),
)
def sync_ad_account(account_id: uuid.UUID, caller: CurrentSeller) -> SyncQueued:
    """Queue an immediate stats and delivery sync, and every backfill chunk not done yet."""
    if not caller.sees_account(account_id):
        raise service.AccountNotFound(str(account_id))
    requested = service.request_sync(caller.seller_id, account_id)
    backfill: list[QueuedWork] = ["backfill"] if requested.backfill_chunks else []
    return SyncQueued(run_id=requested.run_id, queued=["delivery", "stats", *backfill])
