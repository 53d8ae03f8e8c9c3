"""/api/meta: Facebook Login (connect, callback, choose accounts), token health, and Meta's
deauthorize / data-deletion callbacks. No response ever carries a Meta token."""

from __future__ import annotations

import uuid
from datetime import datetime
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from pixecom.accounts import callbacks, grants, login
from pixecom.accounts.health import token_health
from pixecom.accounts.oauth import LoginNotConfigured
from pixecom.api.deps import CurrentSeller, DbSession, Graph, Now
from pixecom.api.errors import ApiError, BadRequest, NotFound, ServiceUnavailable
from pixecom.api.permits import PUBLIC, requires
from pixecom.api.schemas.errors import error_responses
from pixecom.api.schemas.meta import (
    AccountTokenHealthOut,
    AuthorizeUrlOut,
    CallbackIn,
    ConnectAccountsIn,
    ConnectAccountsOut,
    ConnectedAccountOut,
    ConnectionOut,
    DeauthorizeAnswer,
    DeletionAnswer,
    DeletionStatusOut,
    RefusedAccountOut,
    TokenHealthList,
    TokenHealthOut,
)
from pixecom.control.audit import record_write_now
from pixecom.db.models import AdAccount
from pixecom.domain.permissions import Permission
from pixecom.meta.app_secret import app_secret
from pixecom.settings import get_settings

router = APIRouter(prefix="/meta", tags=["meta login"])


def _not_configured() -> ApiError:
    return ServiceUnavailable("Facebook Login is not configured on this server", code="login_not_configured")


@router.post(
    "/connect",
    dependencies=[requires(Permission.ACCOUNTS_MANAGE)],
    response_model=AuthorizeUrlOut,
    responses=error_responses(401, 503),
)
def start_connect(caller: CurrentSeller, now: Now) -> AuthorizeUrlOut:
    """The Meta dialog URL (single-use state, 10 minutes); re-requests declined permissions."""
    try:
        result = login.start_login(caller.seller_id, caller.user_id, now=now)
    except LoginNotConfigured:
        raise _not_configured() from None
    return AuthorizeUrlOut(authorize_url=result.url, expires_at=result.expires_at)


@router.post(
    "/callback",
    dependencies=[requires(Permission.ACCOUNTS_MANAGE)],
    response_model=ConnectionOut,
    responses=error_responses(400, 401, 422, 503),
)
def finish_connect(body: CallbackIn, caller: CurrentSeller, graph: Graph, now: Now) -> ConnectionOut:
    """Check the state, exchange the code once, keep the grant; list the ad accounts it reaches."""
    try:
        view = login.complete_login(
            caller.seller_id,
            caller.user_id,
            state=body.state,
            code=body.code,
            error=body.error,
            graph=graph,
            now=now,
        )
    except LoginNotConfigured:
        raise _not_configured() from None
    except login.StateRejected as exc:
        raise BadRequest(exc.message, code=exc.code, field="state") from None
    except login.LoginDenied:
        raise BadRequest(
            "The Facebook login was cancelled or permissions were refused", code="login_denied"
        ) from None
    except login.CodeRejected as exc:
        raise BadRequest(f"Meta refused the login: {exc.message}", code=exc.code) from None
    except login.MetaUnavailable:
        raise ServiceUnavailable("Could not reach Meta: try again", code="meta_unavailable") from None
    return ConnectionOut.of(view)


@router.get(
    "/connections/{connection_id}",
    dependencies=[requires(Permission.ACCOUNTS_MANAGE)],
    response_model=ConnectionOut,
    responses=error_responses(401, 404, 422),
)
def get_connection(connection_id: uuid.UUID, caller: CurrentSeller) -> ConnectionOut:
    try:
        return ConnectionOut.of(grants.grant_view(caller.seller_id, connection_id))
    except grants.GrantNotFound:
        raise NotFound("No such connection") from None


@router.post(
    "/connections/{connection_id}/accounts",
    dependencies=[requires(Permission.ACCOUNTS_MANAGE)],
    status_code=201,
    response_model=ConnectAccountsOut,
    responses=error_responses(401, 404, 422),
)
def connect_accounts(
    connection_id: uuid.UUID, body: ConnectAccountsIn, caller: CurrentSeller, now: Now
) -> ConnectAccountsOut:
    """Connect the chosen accounts with this connection's token and start their backfill."""
    try:
        ids = [grants.connect.normalize_account_id(raw) for raw in body.ad_account_ids]
    except ValueError as exc:
        raise BadRequest(str(exc), code="invalid_input", field="ad_account_ids", status_code=422) from None
    try:
        outcome = grants.connect_from_grant(
            caller.seller_id, connection_id, ids, backfill_days=body.backfill_days, now=now
        )
    except grants.GrantNotFound:
        raise NotFound("No such connection") from None
    for account in outcome.connected:
        record_write_now(caller.seller_id, caller.user_id, "ad_account_connected", "ad_account",
                         entity_id=account.id, entity_name=account.name, now=now)  # fmt: skip
    return ConnectAccountsOut(
        connected=[
            ConnectedAccountOut(account_id=a.id, meta_account_id=a.meta_account_id, name=a.name)
            for a in outcome.connected
        ],
        refused=[RefusedAccountOut(meta_account_id=i, reason=r) for i, r in outcome.refused],
    )


@router.get(
    "/token-health",
    dependencies=[requires(Permission.READ)],
    response_model=TokenHealthList,
    responses=error_responses(401),
)
def list_token_health(caller: CurrentSeller, db: DbSession, now: Now) -> TokenHealthList:
    """Each connected account's token: source, expiry, data-access expiry, scopes and state."""
    rows = db.scalars(
        select(AdAccount)
        .where(AdAccount.seller_id == caller.seller_id)
        .order_by(AdAccount.name, AdAccount.id)
    )
    visible = [a for a in rows if caller.sees_account(a.id)]
    return TokenHealthList(
        data=[
            AccountTokenHealthOut(
                account_id=a.id,
                meta_account_id=a.meta_account_id,
                name=a.name,
                connection_id=a.grant_id,
                token=TokenHealthOut.of(token_health(a, now)),
            )
            for a in visible
        ]
    )


async def _verified(request: Request, now: datetime) -> dict[str, object]:
    form = dict(parse_qsl((await request.body()).decode("utf-8", "replace")))
    secret = app_secret(get_settings())
    if secret is None:
        raise _not_configured()
    try:
        return callbacks.parse_signed_request(form.get("signed_request", ""), secret, now)
    except callbacks.BadSignedRequest:
        raise BadRequest("Invalid signed_request", code="invalid_signed_request") from None


@router.post(
    "/deauthorize",
    dependencies=[PUBLIC],
    response_model=DeauthorizeAnswer,
    responses=error_responses(400, 503),
)
async def deauthorize(request: Request, now: Now) -> DeauthorizeAnswer:
    """Meta's deauthorize callback (form field `signed_request`): disconnect, erase tokens."""
    payload = await _verified(request, now)
    await run_in_threadpool(callbacks.handle_callback, callbacks.DEAUTHORIZE, payload, now)
    return DeauthorizeAnswer(ok=True)


@router.post(
    "/data-deletion",
    dependencies=[PUBLIC],
    response_model=DeletionAnswer,
    responses=error_responses(400, 503),
)
async def data_deletion(request: Request, now: Now) -> DeletionAnswer:
    """Meta's data-deletion callback: delete what we hold from Meta for the user's accounts."""
    payload = await _verified(request, now)
    record = await run_in_threadpool(callbacks.handle_callback, callbacks.DATA_DELETION, payload, now)
    url = str(request.url_for("data_deletion_status", confirmation_code=record.confirmation_code))
    return DeletionAnswer(url=url, confirmation_code=record.confirmation_code)


@router.get(
    "/data-deletion/{confirmation_code}",
    dependencies=[PUBLIC],
    response_model=DeletionStatusOut,
    responses=error_responses(404),
    name="data_deletion_status",
)
def data_deletion_status(confirmation_code: str) -> DeletionStatusOut:
    """The public status page of a deletion (or deauthorization) request."""
    record = callbacks.deletion_status(confirmation_code[:64])
    if record is None:
        raise NotFound("No such deletion request")
    return DeletionStatusOut(
        confirmation_code=record.confirmation_code,
        kind=record.kind,
        status=record.status,
        accounts_affected=record.accounts_affected,
        detail=record.detail,
        received_at=record.received_at,
        completed_at=record.completed_at,
    )
