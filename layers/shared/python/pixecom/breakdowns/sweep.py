"""Breakdown reports left without a message get one again.

A report can be left `queued` or `running` with no message that will move it: the API's send
failed, a worker died mid-step, the message reached the DLQ. Every step stamps `progressed_at`;
a report whose last progress is older than the threshold (longer than the ControlQueue's
visibility timeout plus the longest poll delay) gets its message again, and its stamp moves so
the next sweep waits another threshold. Re-sending is safe: a step locks the report and does only
what its state calls for. It runs with the bulk jobs' sweep, on the delivery dispatch schedule.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from pixecom.breakdown_message import send_breakdown_message
from pixecom.breakdowns.jobs import QUEUED, RUNNING
from pixecom.db.breakdown_models import BreakdownJob
from pixecom.db.engine import session_scope
from pixecom.observability import logger
from pixecom.settings import get_settings

SWEEP_LIMIT = 500


def requeue_stale_reports(
    now: datetime,
    *,
    stale_after: timedelta | None = None,
    send: Callable[[uuid.UUID], None] = send_breakdown_message,
) -> int:
    """Re-send every stale report's message; how many were re-sent. A failure is logged, not
    raised (the reports stay stale and the next run tries again)."""
    if stale_after is None:
        stale_after = timedelta(seconds=get_settings().job_stale_after_seconds)
    try:
        with session_scope() as session:
            stale = list(
                session.scalars(
                    select(BreakdownJob.id)
                    .where(BreakdownJob.status.in_([QUEUED, RUNNING]))
                    .where(BreakdownJob.progressed_at < now - stale_after)
                    .order_by(BreakdownJob.progressed_at)
                    .limit(SWEEP_LIMIT)
                )
            )
        sent = 0
        for job_id in stale:
            send(job_id)
            with session_scope() as session:
                session.execute(
                    update(BreakdownJob).where(BreakdownJob.id == job_id).values(progressed_at=now)
                )
            sent += 1
    except Exception as exc:
        logger.error("could not sweep stale breakdown reports", extra={"error": type(exc).__name__})
        return 0
    if sent:
        logger.warning("stale breakdown reports re-queued", extra={"requeued": sent})
    return sent


KEEP_REPORTS = timedelta(days=2)


def purge_old_reports(now: datetime, *, keep: timedelta = KEEP_REPORTS) -> int:
    """Delete reports (and their rows) nothing has moved for `keep`: every stats sync makes a
    report stale within minutes, so an old one is never served again; how many went. A failure
    is logged, not raised."""
    try:
        with session_scope() as session:
            gone = session.execute(delete(BreakdownJob).where(BreakdownJob.progressed_at < now - keep))
            return int(gone.rowcount or 0)  # type: ignore[attr-defined]
    except Exception as exc:
        logger.error("could not purge old breakdown reports", extra={"error": type(exc).__name__})
        return 0
