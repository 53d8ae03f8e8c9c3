"""The jobs sweeper: a bulk job that is still `queued` or `running` but has made no progress for
a while gets its ControlQueue message again.

A job can be left without a message that will finish it: a rule committed the job and its send
failed, the process died between the commit and the send, or the message was lost mid-job (it
reached the DLQ after its receives, or was deleted by a worker that then died). The sweep runs
on the delivery dispatch's schedule (every 5 minutes) and re-sends those jobs' messages.

Re-sending is safe: the worker only ever sends `pending` items, each batch locked with
`FOR UPDATE SKIP LOCKED` (control.apply), so a message that was not lost after all and the
sweep's copy never apply an item twice. `requeue_stale_jobs` is the DeliveryDispatch function's
second step, after the delivery dispatch and independent of it.

A job's last progress is the latest of its creation, its start, its rate-limit deferral
(`not_before`: a deferred job is not stale before its time has come), its last applied item and
its last re-queue; a job is stale when that is older than JOB_STALE_AFTER_SECONDS (longer than
the ControlQueue's visibility timeout, so a message SQS is still redelivering is left alone).
Stamping `requeued_at` makes a job that still does not move wait another threshold before the
next re-send rather than get one every 5 minutes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aws_lambda_powertools.metrics import MetricUnit
from sqlalchemy import func, select, update

from pixecom.control.messages import send_control_message
from pixecom.db.engine import session_scope
from pixecom.db.models import Job, JobItem
from pixecom.domain.enums import JobStatus
from pixecom.observability import logger, metrics
from pixecom.settings import get_settings

SWEEP_LIMIT = 500  # jobs re-queued per run at most; the next run takes the rest


@dataclass
class SweepResult:
    requeued: list[uuid.UUID] = field(default_factory=list)
    failed: int = 0  # sends that failed: those jobs stay stale and the next sweep tries again


def stale_jobs(now: datetime, stale_after: timedelta, limit: int = SWEEP_LIMIT) -> list[uuid.UUID]:
    """Unfinished jobs whose last progress is older than `now - stale_after`, oldest first."""
    last_applied = select(func.max(JobItem.applied_at)).where(JobItem.job_id == Job.id).scalar_subquery()
    # GREATEST ignores NULLs in Postgres: a job never started or deferred still has created_at.
    last_progress = func.greatest(
        Job.created_at, Job.started_at, Job.not_before, Job.requeued_at, last_applied
    )
    with session_scope() as session:
        return list(
            session.scalars(
                select(Job.id)
                .where(Job.status.in_([JobStatus.QUEUED, JobStatus.RUNNING]))
                .where(last_progress < now - stale_after)
                .order_by(Job.created_at, Job.id)
                .limit(limit)
            )
        )


def sweep_stale_jobs(
    now: datetime,
    *,
    stale_after: timedelta | None = None,
    send: Callable[[uuid.UUID], None] = send_control_message,
) -> SweepResult:
    """Re-send the message of every stale job and stamp it re-queued."""
    if stale_after is None:
        stale_after = timedelta(seconds=get_settings().job_stale_after_seconds)
    result = SweepResult()
    for job_id in stale_jobs(now, stale_after):
        try:
            send(job_id)
        except Exception as exc:
            result.failed += 1
            logger.warning(
                "stale job not re-queued", extra={"job_id": str(job_id), "error_type": type(exc).__name__}
            )
            continue
        with session_scope() as session:
            session.execute(update(Job).where(Job.id == job_id).values(requeued_at=now))
        result.requeued.append(job_id)
    if result.requeued or result.failed:
        logger.warning(
            "stale jobs re-queued", extra={"requeued": len(result.requeued), "failed": result.failed}
        )
    metrics.add_metric(name="StaleJobsRequeued", unit=MetricUnit.Count, value=len(result.requeued))
    return result


def requeue_stale_jobs(now: datetime) -> int:
    """The sweep as the schedule runs it: how many jobs were re-queued; a failure is logged, not
    raised (the stale jobs stay stale and the next run tries again, and the delivery dispatch of
    the same run is not undone)."""
    try:
        return len(sweep_stale_jobs(now).requeued)
    except Exception as exc:
        logger.error("could not sweep stale jobs", extra={"error": type(exc).__name__})
        return 0
