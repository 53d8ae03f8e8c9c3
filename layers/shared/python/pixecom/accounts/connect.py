"""Connecting ad accounts: check a token against Graph, store the account with the token encrypted,
queue its first syncs and its backfill; replace a token; disconnect (removing all its data).

Each function here owns its transaction and commits BEFORE queueing messages, so a worker never
receives a message for an account row it cannot see yet.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pixecom.accounts.health import TokenSource
from pixecom.accounts.oauth import LoginNotConfigured, OAuthClient, meta_app
from pixecom.accounts.tokens import READ_SCOPES, TokenFacts
from pixecom.crypto import encrypt_token
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount
from pixecom.domain.dates import MAX_RANGE_MONTHS, add_months
from pixecom.domain.enums import ConnectionStatus, SyncKind
from pixecom.meta.errors import GraphError, RateLimited, TokenInvalid, TransientError
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.meta.models import AdAccountInfo
from pixecom.observability import logger
from pixecom.settings import Settings, get_settings
from pixecom.sync import backfill
from pixecom.sync.dispatch import (
    AccountClock,
    account_today,
    backfill_messages,
    busy_windows,
    covers_full_window,
    enqueue_account_sync,
    queue_missing_chunks,
    send,
    stamp_full_window_queued,
)
from pixecom.sync_message import SyncMessage

DEFAULT_BACKFILL_DAYS = 90
_ACCOUNT_ID = re.compile(r"^(?:act_)?(\d{1,30})$")


class AccountAlreadyConnected(Exception):
    """This seller already connected that Meta ad account."""


class AccountHeldElsewhere(Exception):
    """Another seller holds that Meta ad account (which one is never said)."""


class AccountNotFound(Exception):
    """No such account for this seller (another seller's id looks exactly like this)."""


class AccountNotSyncable(Exception):
    """The account cannot be synced now (needs a new token, is disabled, or Meta throttles it)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


class GraphRejected(Exception):
    """Meta refused the token or the account; `reason` is Meta's message (token-free)."""

    def __init__(self, reason: str, code: str = "meta_rejected") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


class GraphUnavailable(Exception):
    """Meta could not be asked right now (transient error or rate limit): try again later."""

    def __init__(self, reason: str, retry_after: datetime | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def normalize_account_id(raw: str) -> str:
    """ "123" or "act_123" -> "act_123"; ValueError otherwise."""
    match = _ACCOUNT_ID.match(raw.strip())
    if not match:
        raise ValueError("expected a Meta ad account id like act_1234567890")
    return f"act_{match.group(1)}"


def read_account_node(
    meta_account_id: str, access_token: str, graph: GraphFactory = default_graph
) -> AdAccountInfo:
    """The account as the token sees it; Meta's refusal becomes GraphRejected / GraphUnavailable."""
    try:
        with graph(access_token) as client:
            return client.get_ad_account(meta_account_id)
    except RateLimited as exc:
        raise GraphUnavailable(f"Meta rate limit: {exc.message}", retry_after=exc.until) from None
    except TransientError as exc:
        raise GraphUnavailable(f"Meta is not answering: {exc.message}") from None
    except GraphError as exc:
        code = "invalid_token" if isinstance(exc, TokenInvalid) else "meta_rejected"
        raise GraphRejected(exc.message, code) from None


def pasted_token_facts(access_token: str, settings: Settings | None = None) -> TokenFacts | None:
    """debug_token for a pasted (system-user) token; None when no Meta app is configured."""
    try:
        app = meta_app(settings or get_settings(), need_redirect=False)
    except LoginNotConfigured:
        return None
    try:
        with OAuthClient(app) as oauth:
            info = oauth.debug_token(access_token)
    except (RateLimited, TransientError) as exc:
        raise GraphUnavailable(f"Meta is not answering: {exc.message}") from None
    except GraphError as exc:  # e.g. (#100) The App_id in the input_token did not match the Viewing App
        raise GraphRejected(exc.message, "invalid_token") from None
    if not info.is_valid:
        raise GraphRejected("Meta says this access token is not valid", "invalid_token")
    if info.app_id != app.app_id:
        raise GraphRejected("This access token belongs to another Meta app", "invalid_token")
    if not READ_SCOPES & set(info.scopes):
        raise GraphRejected("This access token lacks the ads_read permission", "missing_permission")
    source = TokenSource.SYSTEM_USER if info.type == "SYSTEM_USER" else TokenSource.PASTED
    return TokenFacts(source, info.expires_at, info.data_access_expires_at, sorted(info.scopes))


@dataclass(frozen=True)
class BackfillPlan:
    since: date
    until: date
    messages: list[SyncMessage]


def plan_backfill(account_id: uuid.UUID, timezone_name: str, days: int, now: datetime) -> BackfillPlan:
    """`days` of history ending today (account timezone), no older than Meta keeps (37 months)."""
    today = account_today(timezone_name, now)
    since = max(today - timedelta(days=days - 1), add_months(today, -MAX_RANGE_MONTHS))
    return BackfillPlan(since, today, backfill_messages(account_id, since, today))


def connect_account(
    seller_id: uuid.UUID,
    meta_account_id: str,
    access_token: str,
    *,
    backfill_days: int = DEFAULT_BACKFILL_DAYS,
    graph: GraphFactory = default_graph,
    now: datetime,
    facts: TokenFacts | None = None,
    grant_id: uuid.UUID | None = None,
) -> AdAccount:
    """Check the token, store the account, queue its first syncs and backfill; returns the row.

    A pasted token (no `facts`) is checked with `debug_token` first when our Meta app is
    configured: valid, ours, with ads_read or ads_management."""
    account_ref = normalize_account_id(meta_account_id)
    with session_scope() as session:
        _refuse_if_held(session, seller_id, account_ref)
    facts = facts or pasted_token_facts(access_token)
    info = read_account_node(account_ref, access_token, graph)
    account_id = uuid.uuid4()
    plan = plan_backfill(account_id, info.timezone_name, backfill_days, now)
    try:
        with session_scope() as session:
            account = AdAccount(
                id=account_id,
                seller_id=seller_id,
                meta_account_id=info.id or account_ref,
                name=info.name,
                currency=info.currency,
                timezone_name=info.timezone_name,
                account_status=info.account_status,
                access_token_encrypted=encrypt_token(access_token),
                connection_status=ConnectionStatus.ACTIVE,
                backfill_since=plan.since,
                backfill_chunks_total=len(plan.messages),
                backfill_chunks_done=0,
                grant_id=grant_id,
                created_at=now,
            )
            if facts is not None:
                set_facts(account, facts)
            session.add(account)
            session.flush()
            backfill.add_chunks(session, plan.messages)
    except IntegrityError:
        with session_scope() as session:  # a concurrent connect won the race: whose was it?
            _refuse_if_held(session, seller_id, info.id or account_ref)
        raise AccountAlreadyConnected(account_ref) from None
    logger.info("ad account connected", extra={"account_id": str(account_id), "seller_id": str(seller_id)})
    _queue_quietly(account, plan.messages, now)
    return account


def replace_token(
    seller_id: uuid.UUID,
    account_id: uuid.UUID,
    access_token: str,
    *,
    graph: GraphFactory = default_graph,
    now: datetime,
) -> AdAccount:
    """Check the new token against the account, store it, reactivate the account, queue a sync."""
    with session_scope() as session:
        account = _owned(session, seller_id, account_id)
        meta_account_id = account.meta_account_id
    facts = pasted_token_facts(access_token)
    info = read_account_node(meta_account_id, access_token, graph)
    with session_scope() as session:
        account = _owned(session, seller_id, account_id)
        account.access_token_encrypted = encrypt_token(access_token)
        account.connection_status = ConnectionStatus.ACTIVE
        account.connection_error = None
        account.reauth_reason, account.grant_id = None, None  # a pasted token leaves its grant
        set_facts(account, facts or TokenFacts(TokenSource.PASTED))
        account.name, account.account_status = info.name, info.account_status
    logger.info("ad account token replaced", extra={"account_id": str(account_id)})
    _queue_quietly(account, [], now)
    _queue_missing_quietly(account.id, now)
    return account


def disconnect_account(seller_id: uuid.UUID, account_id: uuid.UUID) -> None:
    """Remove the account and, by cascade, its entities, stats, runs and job items."""
    with session_scope() as session:
        deleted = session.execute(
            delete(AdAccount).where(AdAccount.id == account_id, AdAccount.seller_id == seller_id)
        )
        if deleted.rowcount == 0:  # type: ignore[attr-defined]
            raise AccountNotFound(str(account_id))
    logger.info("ad account disconnected", extra={"account_id": str(account_id)})


@dataclass(frozen=True)
class SyncRequested:
    run_id: str
    backfill_chunks: int  # missing backfill chunks queued again


def request_sync(seller_id: uuid.UUID, account_id: uuid.UUID, now: datetime) -> SyncRequested:
    """Queue an immediate stats and delivery sync, and every backfill chunk not done yet (no live
    run fetching it); returns the run id the messages carry."""
    with session_scope() as session:
        account = _owned(session, seller_id, account_id)
        _ensure_syncable(account, now)
        clock = AccountClock(
            account.id, account.timezone_name, account.last_full_window_on, account.full_window_queued_at
        )
    run_id = enqueue_account_sync(clock, now)
    chunks = queue_missing_chunks(
        [account_id], now, busy_windows([account_id], now), requeue_after=timedelta(0)
    )
    return SyncRequested(run_id, chunks)


def _ensure_syncable(account: AdAccount, now: datetime) -> None:
    if account.connection_status is ConnectionStatus.NEEDS_REAUTH:
        raise AccountNotSyncable("The account needs a new access token (PUT .../token)", "needs_reauth")
    if account.connection_status is not ConnectionStatus.ACTIVE:
        raise AccountNotSyncable("The account is disabled", "account_disabled")
    if account.throttled_until is not None and account.throttled_until > now:
        until = account.throttled_until.isoformat()
        raise AccountNotSyncable(f"Meta is rate limiting this account until {until}", "throttled")


def _owned(session: Session, seller_id: uuid.UUID, account_id: uuid.UUID) -> AdAccount:
    account = session.scalars(
        select(AdAccount).where(AdAccount.id == account_id, AdAccount.seller_id == seller_id)
    ).first()
    if account is None:
        raise AccountNotFound(str(account_id))
    return account


def set_facts(account: AdAccount, facts: TokenFacts) -> None:
    """Store what we know of the account's token (source, expiry, scopes) on the account."""
    account.token_source = facts.source.value
    account.token_expires_at = facts.expires_at
    account.token_data_access_expires_at = facts.data_access_expires_at
    account.token_scopes = list(facts.scopes)


def _refuse_if_held(session: Session, seller_id: uuid.UUID, meta_account_id: str) -> None:
    """AccountAlreadyConnected (this seller) or AccountHeldElsewhere (another) if it is connected."""
    holder = session.scalar(select(AdAccount.seller_id).where(AdAccount.meta_account_id == meta_account_id))
    if holder == seller_id:
        raise AccountAlreadyConnected(meta_account_id)
    if holder is not None:
        raise AccountHeldElsewhere(meta_account_id)


def _queue_missing_quietly(account_id: uuid.UUID, now: datetime) -> None:
    """After a token replacement: the chunks a dead token left pending."""
    try:
        queue_missing_chunks([account_id], now, busy_windows([account_id], now))
    except Exception as exc:
        logger.error(
            "could not queue backfill chunks for account",
            extra={"account_id": str(account_id), "error": type(exc).__name__},
        )


def _queue_quietly(account: AdAccount, chunks: Sequence[SyncMessage], now: datetime) -> None:
    """Queue the immediate syncs and the backfill; a queue outage must not undo the connection.

    If it fails, the scheduled dispatch still syncs the account and queues the chunks still
    pending (their state is in backfill_chunks); `POST .../sync` queues them at once.
    When the newest chunk covers the 28-day window, no separate 28-day run is queued beside it.
    """
    try:
        enqueue_account_sync(
            AccountClock(account.id, account.timezone_name, account.last_full_window_on),
            now,
            stats=not any(covers_full_window(m) for m in chunks),
        )
        send(SyncKind.STATS, chunks)
        with session_scope() as session:
            backfill.mark_queued(session, chunks, now)
        stamp_full_window_queued(chunks, now)
    except Exception as exc:
        logger.error(
            "could not queue syncs for account",
            extra={"account_id": str(account.id), "error": type(exc).__name__},
        )
