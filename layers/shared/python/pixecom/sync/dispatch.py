"""Dispatch: which accounts to sync now, over which days, as one SQS message per account per kind.

Stats: every ACTIVE, not throttled account gets today and yesterday (its own timezone); the first
run of an account's local day asks for the last 28 days instead, and keeps asking until a worker
has completed one (the worker stamps `last_full_window_on`). Delivery: one message per account.

The due accounts are queued in a fair order, within the app's Graph budget (sync.fairness): a
large seller never delays a small one, and what the budget cannot cover this cycle goes first in
a later one.

Nothing is queued twice for the same days: an account whose window a live stats lease already
covers (a connect-time run, a backfill chunk, a "sync now" still fetching) or whose 28-day window
was queued less than FULL_WINDOW_GRACE ago is left out of this round. Each stats dispatch also
queues the due accounts' backfill chunks that are missing (sync.backfill), so a chunk that was
throttled, blocked by a dead token or never queued resumes once the account is syncable again.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfoNotFoundError

from aws_lambda_powertools.metrics import MetricUnit
from sqlalchemy import or_, select, update
from sqlalchemy.dialects.postgresql import distinct_on

from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount, SyncRun
from pixecom.domain.dates import FULL_STATS_WINDOW_DAYS, backfill_chunks, local_today, stats_window
from pixecom.domain.enums import ConnectionStatus, SyncKind
from pixecom.observability import logger, metrics
from pixecom.queue import send_messages
from pixecom.settings import get_settings
from pixecom.sync import backfill
from pixecom.sync.fairness import DEFAULT_EXPECTED_CALLS, Candidate, fair_order, within_budget
from pixecom.sync.leases import Window, live_windows_of
from pixecom.sync_message import SyncMessage, new_run_id

BACKFILL_CHUNK_DAYS = 30  # one async report per month of history keeps each message well inside a timeout
# A queued 28-day window is normally running within seconds; dispatch asks again after this.
FULL_WINDOW_GRACE = timedelta(minutes=10)
STATS_CYCLE = timedelta(minutes=15)  # the StatsDispatch schedule


class QueueNotConfigured(RuntimeError):
    """The queue URL for a kind of sync is not set (STATS_QUEUE_URL / DELIVERY_QUEUE_URL)."""


@dataclass(frozen=True)
class AccountClock:
    """What dispatch needs to know about an account."""

    account_id: uuid.UUID
    timezone_name: str
    last_full_window_on: date | None
    full_window_queued_at: datetime | None = None
    seller_id: uuid.UUID | None = None
    last_stats_success_at: datetime | None = None


@dataclass(frozen=True)
class DispatchResult:
    kind: str
    run_id: str
    accounts: int
    messages: int
    covered: int = 0  # accounts left out: a run in progress or queued already covers their window
    backfill_chunks: int = 0  # missing backfill chunks queued again
    deferred: int = 0  # accounts left for the next cycle: the app's Graph budget was spent

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def queue_url_for(kind: SyncKind) -> str:
    """The queue a kind of sync message goes to, from settings."""
    settings = get_settings()
    url = settings.stats_queue_url if kind is SyncKind.STATS else settings.delivery_queue_url
    if not url:
        raise QueueNotConfigured(f"no queue URL configured for {kind.value} sync")
    return url


def account_today(timezone_name: str, now: datetime) -> date:
    """The account's local day; an unknown zone name falls back to UTC rather than stopping dispatch."""
    try:
        return local_today(now, timezone_name)
    except ZoneInfoNotFoundError:
        logger.warning("unknown account timezone, using UTC", extra={"timezone_name": timezone_name})
        return now.astimezone(UTC).date()


def stats_message(clock: AccountClock, now: datetime, run_id: str) -> SyncMessage:
    """Today and yesterday, or the 28-day window if today's has not been done yet."""
    today = account_today(clock.timezone_name, now)
    full = clock.last_full_window_on != today
    window = stats_window(today, full)
    return SyncMessage(
        account_id=clock.account_id,
        kind=SyncKind.STATS,
        run_id=run_id,
        since=window.since,
        until=window.until,
        full_window=full,
    )


def delivery_message(account_id: uuid.UUID, run_id: str) -> SyncMessage:
    return SyncMessage(account_id=account_id, kind=SyncKind.DELIVERY, run_id=run_id)


def backfill_messages(
    account_id: uuid.UUID, since: date, until: date, chunk_days: int = BACKFILL_CHUNK_DAYS
) -> list[SyncMessage]:
    """History [since, until] as stats messages of `chunk_days`, newest first (most useful first)."""
    chunks = list(reversed(backfill_chunks(since, until, chunk_days)))
    return [
        SyncMessage(
            account_id=account_id,
            kind=SyncKind.STATS,
            run_id=new_run_id("backfill"),
            since=chunk.since,
            until=chunk.until,
            backfill=True,
            chunk=number,
            chunks=len(chunks),
        )
        for number, chunk in enumerate(chunks, start=1)
    ]


def due_accounts(now: datetime) -> list[AccountClock]:
    """ACTIVE accounts not throttled at `now`."""
    with session_scope() as session:
        rows = session.execute(
            select(
                AdAccount.id,
                AdAccount.timezone_name,
                AdAccount.last_full_window_on,
                AdAccount.full_window_queued_at,
                AdAccount.seller_id,
                AdAccount.last_stats_success_at,
            )
            .where(AdAccount.connection_status == ConnectionStatus.ACTIVE)
            .where(or_(AdAccount.throttled_until.is_(None), AdAccount.throttled_until <= now))
            .order_by(AdAccount.id)
        ).all()
    return [AccountClock(*row) for row in rows]


def expected_calls(account_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Graph calls of each account's latest finished regular stats run (the next one's estimate)."""
    if not account_ids:
        return {}
    with session_scope() as session:
        rows = session.execute(
            select(SyncRun.ad_account_id, SyncRun.graph_calls)
            .ext(distinct_on(SyncRun.ad_account_id))
            .where(SyncRun.kind == SyncKind.STATS, SyncRun.is_backfill.is_(False))
            .where(SyncRun.finished_at.is_not(None), SyncRun.ad_account_id.in_(account_ids))
            .order_by(SyncRun.ad_account_id, SyncRun.started_at.desc())
        ).all()
    return {row[0]: max(int(row[1]), 1) for row in rows}


def in_fair_order(clocks: Sequence[AccountClock], now: datetime) -> tuple[list[AccountClock], int]:
    """The due accounts in dispatch order (sync.fairness) and within the app's Graph budget for one
    cycle (GRAPH_APP_CALLS_PER_HOUR); returns them and how many were left for the next cycle."""
    by_id = {c.account_id: c for c in clocks}
    calls = expected_calls(list(by_id))
    candidates = [
        Candidate(
            c.account_id,
            c.seller_id or c.account_id,
            calls.get(c.account_id, DEFAULT_EXPECTED_CALLS),
            c.last_stats_success_at,
        )
        for c in clocks
    ]
    per_hour = get_settings().graph_app_calls_per_hour
    budget = None if per_hour is None else per_hour * STATS_CYCLE // timedelta(hours=1)
    sent, deferred = within_budget(fair_order(candidates, now, STATS_CYCLE), budget)
    return [by_id[c.account_id] for c in sent], len(deferred)


def busy_windows(account_ids: Sequence[uuid.UUID], now: datetime) -> dict[uuid.UUID, list[Window]]:
    """Windows live stats leases hold, per account."""
    with session_scope() as session:
        return live_windows_of(session, account_ids, now)


def already_covered(message: SyncMessage, clock: AccountClock, busy: Sequence[Window], now: datetime) -> bool:
    """True when a run in progress covers the message's days, or a 28-day window was just queued."""
    assert message.since is not None and message.until is not None
    wanted = Window(message.since, message.until)
    if any(held.covers(wanted) for held in busy):
        return True
    queued = clock.full_window_queued_at
    return message.full_window and queued is not None and queued > now - FULL_WINDOW_GRACE


def stamp_full_window_queued(messages: Sequence[SyncMessage], now: datetime) -> None:
    """Remember when a message covering the 28-day window was queued for each account."""
    ids = [m.account_id for m in messages if m.full_window or covers_full_window(m)]
    if not ids:
        return
    with session_scope() as session:
        session.execute(update(AdAccount).where(AdAccount.id.in_(ids)).values(full_window_queued_at=now))


def covers_full_window(message: SyncMessage) -> bool:
    """A backfill chunk that covers the 28-day window (the newest chunk, at least 28 days long)."""
    if not message.backfill or message.chunk != 1 or message.since is None or message.until is None:
        return False
    return (message.until - message.since).days >= FULL_STATS_WINDOW_DAYS - 1


def queue_missing_chunks(
    account_ids: Sequence[uuid.UUID],
    now: datetime,
    busy: dict[uuid.UUID, list[Window]] | None = None,
    *,
    requeue_after: timedelta = backfill.REQUEUE_AFTER,
) -> int:
    """Queue the accounts' pending (or long-lost) backfill chunks no live run is fetching."""
    with session_scope() as session:
        missing = backfill.missing(session, account_ids, now, requeue_after=requeue_after)
    busy = busy or {}
    messages = [
        m
        for m in missing
        if m.since is not None
        and m.until is not None
        and not any(held.overlaps(Window(m.since, m.until)) for held in busy.get(m.account_id, []))
    ]
    sent = send(SyncKind.STATS, messages)
    with session_scope() as session:
        backfill.mark_queued(session, messages, now)
    return sent


def send(kind: SyncKind, messages: Sequence[SyncMessage]) -> int:
    """Put messages on the kind's queue (batches of ten, failed entries retried)."""
    if not messages:
        return 0
    return send_messages(queue_url_for(kind), [m.to_body() for m in messages])


def dispatch_stats(now: datetime) -> DispatchResult:
    """One stats message per due account."""
    run_id = new_run_id("stats")
    clocks = due_accounts(now)
    busy = busy_windows([c.account_id for c in clocks], now)
    messages, covered = [], 0
    ordered, deferred = in_fair_order(clocks, now)
    for clock in ordered:
        message = stats_message(clock, now, run_id)
        if already_covered(message, clock, busy[clock.account_id], now):
            covered += 1
        else:
            messages.append(message)
    sent = send(SyncKind.STATS, messages)
    stamp_full_window_queued(messages, now)
    chunks = _queue_chunks_quietly([c.account_id for c in clocks], now, busy)
    logger.info(
        "stats dispatched",
        extra={
            "run_id": run_id,
            "messages": sent,
            "covered": covered,
            "backfill_chunks": chunks,
            "deferred": deferred,
        },
    )
    metrics.add_metric(name="StatsMessagesDispatched", unit=MetricUnit.Count, value=sent)
    metrics.add_metric(name="StatsAccountsDeferred", unit=MetricUnit.Count, value=deferred)
    return DispatchResult(SyncKind.STATS.value, run_id, len(clocks), sent, covered, chunks, deferred=deferred)


def _queue_chunks_quietly(
    account_ids: Sequence[uuid.UUID], now: datetime, busy: dict[uuid.UUID, list[Window]]
) -> int:
    """Missing backfill chunks; a failure here must not undo the regular dispatch (they stay
    pending and the next dispatch tries again)."""
    try:
        return queue_missing_chunks(account_ids, now, busy)
    except Exception as exc:
        logger.error("could not queue missing backfill chunks", extra={"error": type(exc).__name__})
        return 0


def dispatch_delivery(now: datetime) -> DispatchResult:
    """One delivery message per due account."""
    run_id = new_run_id("delivery")
    messages = [delivery_message(clock.account_id, run_id) for clock in due_accounts(now)]
    sent = send(SyncKind.DELIVERY, messages)
    logger.info("delivery dispatched", extra={"run_id": run_id, "messages": sent})
    metrics.add_metric(name="DeliveryMessagesDispatched", unit=MetricUnit.Count, value=sent)
    return DispatchResult(SyncKind.DELIVERY.value, run_id, len(messages), sent)


def dispatch(kind: SyncKind, now: datetime) -> DispatchResult:
    return dispatch_stats(now) if kind is SyncKind.STATS else dispatch_delivery(now)


def enqueue_account_sync(clock: AccountClock, now: datetime, *, stats: bool = True) -> str:
    """An immediate delivery and (unless `stats` is False) stats sync of one account (connect, new
    token, the sync button). The stats message is left out when a live run already covers it."""
    run_id = new_run_id("manual")
    send(SyncKind.DELIVERY, [delivery_message(clock.account_id, run_id)])
    message = stats_message(clock, now, run_id)
    busy = busy_windows([clock.account_id], now)[clock.account_id]
    if stats and not any(held.covers(Window(message.since, message.until)) for held in busy):  # type: ignore[arg-type]
        send(SyncKind.STATS, [message])
        stamp_full_window_queued([message], now)
    return run_id
