"""Dispatch: which accounts to sync now, over which days, as one SQS message per account per kind.

Stats: every ACTIVE, not throttled account gets today and yesterday (its own timezone); the first
run of an account's local day asks for the last 28 days instead, and keeps asking until a worker
has completed one (the worker stamps `last_full_window_on`). Delivery: one message per account.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfoNotFoundError

from aws_lambda_powertools.metrics import MetricUnit
from sqlalchemy import or_, select

from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount
from pixecom.domain.dates import backfill_chunks, local_today, stats_window
from pixecom.domain.enums import ConnectionStatus, SyncKind
from pixecom.observability import logger, metrics
from pixecom.queue import send_messages
from pixecom.settings import get_settings
from pixecom.sync.messages import SyncMessage, new_run_id

BACKFILL_CHUNK_DAYS = 30  # one async report per month of history keeps each message well inside a timeout


class QueueNotConfigured(RuntimeError):
    """The queue URL for a kind of sync is not set (STATS_QUEUE_URL / DELIVERY_QUEUE_URL)."""


@dataclass(frozen=True)
class AccountClock:
    """What dispatch needs to know about an account."""

    account_id: uuid.UUID
    timezone_name: str
    last_full_window_on: date | None


@dataclass(frozen=True)
class DispatchResult:
    kind: str
    run_id: str
    accounts: int
    messages: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def queue_url_for(kind: SyncKind) -> str:
    """The queue a kind of sync message goes to, from settings."""
    settings = get_settings()
    url = settings.stats_queue_url if kind is SyncKind.STATS else settings.delivery_queue_url
    if not url:
        raise QueueNotConfigured(f"no queue URL configured for {kind.value} sync")
    return url


def scheduled_time(value: str | None) -> datetime:
    """The instant an EventBridge `Scheduled Event` names (its `time`), or now if absent/unreadable.

    Using the event's own time makes a replayed event (`sam local invoke -e`) compute the same windows.
    """
    if value:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if parsed.tzinfo is not None:
                return parsed
        except ValueError:
            logger.warning("unreadable schedule time, using now", extra={"time": value})
    return datetime.now(UTC)


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
            select(AdAccount.id, AdAccount.timezone_name, AdAccount.last_full_window_on)
            .where(AdAccount.connection_status == ConnectionStatus.ACTIVE)
            .where(or_(AdAccount.throttled_until.is_(None), AdAccount.throttled_until <= now))
            .order_by(AdAccount.id)
        ).all()
    return [AccountClock(row[0], row[1], row[2]) for row in rows]


def send(kind: SyncKind, messages: Sequence[SyncMessage]) -> int:
    """Put messages on the kind's queue (batches of ten, failed entries retried)."""
    if not messages:
        return 0
    return send_messages(queue_url_for(kind), [m.to_body() for m in messages])


def dispatch_stats(now: datetime | None = None) -> DispatchResult:
    """One stats message per due account."""
    now = now or datetime.now(UTC)
    run_id = new_run_id("stats")
    messages = [stats_message(clock, now, run_id) for clock in due_accounts(now)]
    sent = send(SyncKind.STATS, messages)
    logger.info("stats dispatched", extra={"run_id": run_id, "messages": sent})
    metrics.add_metric(name="StatsMessagesDispatched", unit=MetricUnit.Count, value=sent)
    return DispatchResult(SyncKind.STATS.value, run_id, len(messages), sent)


def dispatch_delivery(now: datetime | None = None) -> DispatchResult:
    """One delivery message per due account."""
    now = now or datetime.now(UTC)
    run_id = new_run_id("delivery")
    messages = [delivery_message(clock.account_id, run_id) for clock in due_accounts(now)]
    sent = send(SyncKind.DELIVERY, messages)
    logger.info("delivery dispatched", extra={"run_id": run_id, "messages": sent})
    metrics.add_metric(name="DeliveryMessagesDispatched", unit=MetricUnit.Count, value=sent)
    return DispatchResult(SyncKind.DELIVERY.value, run_id, len(messages), sent)


def dispatch(kind: SyncKind, now: datetime | None = None) -> DispatchResult:
    return dispatch_stats(now) if kind is SyncKind.STATS else dispatch_delivery(now)


def enqueue_account_sync(clock: AccountClock, now: datetime | None = None) -> str:
    """An immediate stats and delivery sync of one account (connect, new token, the sync button)."""
    now = now or datetime.now(UTC)
    run_id = new_run_id("manual")
    send(SyncKind.DELIVERY, [delivery_message(clock.account_id, run_id)])
    send(SyncKind.STATS, [stats_message(clock, now, run_id)])
    return run_id
