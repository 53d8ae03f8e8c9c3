"""Connected Meta ad accounts (/api/ad-accounts): connect, list, token replacement, disconnect, sync.

The access token goes in, never out: no response carries it (encrypted at rest, see pixecom.crypto).
Service errors (unknown account, Meta refusing the token, ...) become API errors in api/errors.py.
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response
from sqlalchemy import select

from pixecom.accounts import connect as service
from pixecom.api.deps import CurrentSeller, DbSession, Graph, Now
from pixecom.api.permits import requires
from pixecom.api.schemas.ad_accounts import (
    AdAccountList,
    AdAccountOut,
    ConnectRequest,
    QueuedWork,
    SyncQueued,
    TokenRequest,
)
from pixecom.api.schemas.errors import error_responses
from pixecom.control.audit import record_write, record_write_now
from pixecom.db.models import AdAccount
from pixecom.domain.permissions import Permission
from pixecom.sync.reconcile import reconciliation_summaries

router = APIRouter(prefix="/ad-accounts", tags=["ad accounts"])


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
        now=now,
    )
    record_write_now(caller.seller_id, caller.user_id, "ad_account_connected", "ad_account",
                     entity_id=account.id, entity_name=account.name, now=now)  # fmt: skip
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
        caller.seller_id, account_id, body.access_token.get_secret_value(), graph=graph, now=now
    )
    record_write(db, caller.seller_id, caller.user_id, "ad_account_token_replaced", "ad_account",
                 entity_id=account.id, entity_name=account.name, now=now)  # fmt: skip
    checks = reconciliation_summaries(db, caller.seller_id, [account.id])
    return AdAccountOut.of(account, now, checks.get(account.id))


@router.delete(
    "/{account_id}",
    dependencies=[requires(Permission.ACCOUNTS_MANAGE)],
    status_code=204,
    responses=error_responses(401, 404, 422),
)
def disconnect_ad_account(account_id: uuid.UUID, caller: CurrentSeller, now: Now) -> Response:
    """Disconnect the account and remove its campaigns, ad sets, ads, stats and sync history."""
    service.disconnect_account(caller.seller_id, account_id)
    record_write_now(caller.seller_id, caller.user_id, "ad_account_disconnected", "ad_account",
                     entity_id=account_id, now=now)  # fmt: skip
    return Response(status_code=204)


@router.post(
    "/{account_id}/sync",
    dependencies=[requires(Permission.ADS_WRITE)],
    status_code=202,
    response_model=SyncQueued,
    responses=error_responses(401, 404, 409, 422, 503),
)
def sync_ad_account(account_id: uuid.UUID, caller: CurrentSeller, now: Now) -> SyncQueued:
    """Queue an immediate stats and delivery sync, and every backfill chunk not done yet."""
    if not caller.sees_account(account_id):
        raise service.AccountNotFound(str(account_id))
    requested = service.request_sync(caller.seller_id, account_id, now)
    backfill: list[QueuedWork] = ["backfill"] if requested.backfill_chunks else []
    return SyncQueued(run_id=requested.run_id, queued=["delivery", "stats", *backfill])
