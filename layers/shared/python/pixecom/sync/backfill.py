"""Backfill chunk state: every chunk of an account's history is done once, however it is delayed.

A chunk is `pending` until a message for it is sent (`queued`), and `done` once a run wrote it.
A run that cannot finish it and consumes its message (throttled, NEEDS_REAUTH, skipped because
another run holds those days, a permanent Graph error) puts it back to `pending`; the next
dispatch for the account (which only picks ACTIVE, unthrottled accounts: after `throttled_until`
passes, after the token is replaced) queues it again, as does `POST /ad-accounts/{id}/sync`.
A chunk whose queueing failed stays `pending`; one queued long ago whose message was lost (DLQ)
is queued again after REQUEUE_AFTER. Progress (`backfill_chunks_done`) counts `done` rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import Update, and_, func, or_, select, update
from sqlalchemy.orm import Session

from pixecom.db.models import AdAccount
from pixecom.db.sync_models import BackfillChunk
from pixecom.domain.enums import SyncKind
from pixecom.sync_message import SyncMessage, new_run_id

PENDING, QUEUED, DONE = "pending", "queued", "done"
# Longer than a message can live in the queue before it is retried (visibility x receives).
REQUEUE_AFTER = timedelta(hours=2)


def add_chunks(session: Session, messages: Sequence[SyncMessage]) -> None:
    """Rows for a freshly planned backfill (all pending)."""
    for message in messages:
        assert message.chunk is not None and message.since is not None and message.until is not None
        session.add(
            BackfillChunk(
                ad_account_id=message.account_id,
                chunk=message.chunk,
                since=message.since,
                until=message.until,
                state=PENDING,
            )
        )


def message_for(row: BackfillChunk, total: int) -> SyncMessage:
    return SyncMessage(
        account_id=row.ad_account_id,
        kind=SyncKind.STATS,
        run_id=new_run_id("backfill"),
        since=row.since,
        until=row.until,
        backfill=True,
        chunk=row.chunk,
        chunks=total,
    )


def missing(
    session: Session,
    account_ids: Sequence[uuid.UUID],
    now: datetime,
    *,
    requeue_after: timedelta = REQUEUE_AFTER,
) -> list[SyncMessage]:
    """Messages for the accounts' chunks that are pending, or queued so long ago the message is lost."""
    if not account_ids:
        return []
    rows = session.execute(
        select(BackfillChunk, AdAccount.backfill_chunks_total)
        .join(AdAccount, AdAccount.id == BackfillChunk.ad_account_id)
        .where(BackfillChunk.ad_account_id.in_(account_ids))
        .where(
            or_(
                BackfillChunk.state == PENDING,
                and_(BackfillChunk.state == QUEUED, BackfillChunk.queued_at < now - requeue_after),
            )
        )
        .order_by(BackfillChunk.ad_account_id, BackfillChunk.chunk)
    ).all()
    return [message_for(row, total) for row, total in rows]


def mark_queued(session: Session, messages: Sequence[SyncMessage], now: datetime) -> None:
    """After the messages were sent (never un-does `done`: a fast worker may have finished one)."""
    for message in messages:
        if message.backfill and message.chunk is not None:
            session.execute(_where_not_done(message).values(state=QUEUED, queued_at=now))


def mark_pending(session: Session, message: SyncMessage) -> None:
    """The message was consumed without finishing the chunk: the next dispatch queues it again."""
    if message.backfill and message.chunk is not None:
        session.execute(_where_not_done(message).values(state=PENDING))


def is_done(session: Session, message: SyncMessage) -> bool:
    state = session.scalar(
        select(BackfillChunk.state).where(
            BackfillChunk.ad_account_id == message.account_id, BackfillChunk.chunk == message.chunk
        )
    )
    return state == DONE


def mark_done(session: Session, account: AdAccount, message: SyncMessage, now: datetime) -> bool | None:
    """Count the chunk once; None when the account has no chunk rows (connected before 0004)."""
    found = session.scalar(
        select(BackfillChunk.state).where(
            BackfillChunk.ad_account_id == account.id, BackfillChunk.chunk == message.chunk
        )
    )
    if found is None:
        return None
    if found == DONE:
        return False
    session.execute(_where_not_done(message).values(state=DONE, done_at=now))
    done = session.scalar(
        select(func.count())
        .select_from(BackfillChunk)
        .where(BackfillChunk.ad_account_id == account.id, BackfillChunk.state == DONE)
    )
    account.backfill_chunks_done = min(account.backfill_chunks_total, int(done or 0))
    return True


def _where_not_done(message: SyncMessage) -> Update:
    return update(BackfillChunk).where(
        BackfillChunk.ad_account_id == message.account_id,
        BackfillChunk.chunk == message.chunk,
        BackfillChunk.state != DONE,
    )
