"""Which breakdown reports a list request needs, and whether they are ready.

A list with `breakdown=` needs, for each ad account among its rows, the report of that account,
breakdown and the account's own date range. A report is ready when it is `done` and was finished
after the account's last successful stats sync: the list rows are read from the synced stats, so
a report older than them could no longer add up to them (Meta restates recent days). Anything
else (no report yet, stale, failed) is (re)queued here and the request answers with the reports
to poll, at once: no request waits for Meta.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from pixecom.adsmanager.breakdowns import Breakdown
from pixecom.adsmanager.params import DateSpec
from pixecom.adsmanager.ranges import range_for_timezone
from pixecom.breakdown_message import send_breakdown_message
from pixecom.db.breakdown_models import BreakdownJob
from pixecom.db.models import AdAccount
from pixecom.observability import logger

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


@dataclass(frozen=True)
class JobView:
    """What a client sees of one report."""

    id: uuid.UUID
    ad_account_id: uuid.UUID
    breakdown: str
    since: date
    until: date
    status: str
    percent_complete: int
    error: str | None
    created_at: datetime
    finished_at: datetime | None

    def as_json(self) -> dict[str, object]:
        return {
            "id": str(self.id),
            "ad_account_id": str(self.ad_account_id),
            "breakdown": self.breakdown,
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "status": self.status,
            "percent_complete": self.percent_complete,
            "error": self.error,
            "created_at": self.created_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
        }


def _view(job: BreakdownJob) -> JobView:
    return JobView(
        job.id,
        job.ad_account_id,
        job.breakdown,
        job.since,
        job.until,
        job.status,
        job.percent_complete,
        job.error,
        job.created_at,
        job.finished_at,
    )


@dataclass(frozen=True)
class Reports:
    """The reports a request needs: all ready (`pending` empty: read `ready_ids`), or not."""

    ready_ids: list[uuid.UUID]
    pending: list[JobView]
    as_of: datetime | None  # when the oldest ready report was finished
    to_send: list[uuid.UUID]  # reports (re)queued by this request: their messages, once committed


def is_fresh(job: BreakdownJob, last_stats_success_at: datetime | None) -> bool:
    """Done, and finished after the account's last stats sync (its rows are what the list shows)."""
    if job.status != DONE or job.finished_at is None:
        return False
    return last_stats_success_at is None or job.finished_at >= last_stats_success_at


def ensure_reports(
    session: Session,
    seller_id: uuid.UUID,
    account_ids: Iterable[uuid.UUID],
    breakdown: Breakdown,
    dates: DateSpec,
    now: datetime,
) -> Reports:
    """The reports of `account_ids` (the seller's) for `breakdown` over each account's range;
    missing, stale or failed ones are queued and returned as pending (`send_queued` sends their
    messages after the caller's commit)."""
    accounts = session.scalars(
        select(AdAccount).where(AdAccount.seller_id == seller_id, AdAccount.id.in_(list(account_ids)))
    ).all()
    ready: list[BreakdownJob] = []
    to_queue: list[uuid.UUID] = []
    pending: list[BreakdownJob] = []
    for account in sorted(accounts, key=lambda a: str(a.id)):
        days = range_for_timezone(dates, now, account.timezone_name)
        job, created = _job_for(session, seller_id, account.id, breakdown, days.since, days.until, now)
        if is_fresh(job, account.last_stats_success_at):
            ready.append(job)
            continue
        if job.status in (DONE, FAILED):  # stale or failed: run it again
            job.status, job.report_run_id, job.percent_complete, job.next_page = QUEUED, None, 0, None
            job.attempts, job.error, job.progressed_at, job.finished_at = 0, None, now, None
            created = True
        if created:  # a job already queued or running has its message (or the sweep's)
            to_queue.append(job.id)
        pending.append(job)
    session.flush()
    as_of = min((j.finished_at for j in ready if j.finished_at), default=None)
    return Reports([j.id for j in ready], [_view(j) for j in pending], as_of, to_queue)


def send_queued(reports: Reports, send: Callable[[uuid.UUID], None] = send_breakdown_message) -> None:
    """One message per report the request queued; a failed send leaves the report queued, and
    the sweep (`sweep.py`) sends it again."""
    for job_id in reports.to_send:
        try:
            send(job_id)
        except Exception as exc:
            logger.warning(
                "breakdown report not queued", extra={"job_id": str(job_id), "error_type": type(exc).__name__}
            )


def _job_for(
    session: Session,
    seller_id: uuid.UUID,
    account_id: uuid.UUID,
    breakdown: Breakdown,
    since: date,
    until: date,
    now: datetime,
) -> tuple[BreakdownJob, bool]:
    """The account's report for this breakdown and range (locked), created `queued` if there is
    none (two requests at once create one: the unique key decides); whether it was created."""
    inserted = session.execute(
        insert(BreakdownJob)
        .values(
            id=uuid.uuid4(),
            seller_id=seller_id,
            ad_account_id=account_id,
            breakdown=breakdown.value,
            since=since,
            until=until,
            status=QUEUED,
            percent_complete=0,
            attempts=0,
            graph_calls=0,
            created_at=now,
            progressed_at=now,
        )
        .on_conflict_do_nothing(index_elements=["ad_account_id", "breakdown", "since", "until"])
        .returning(BreakdownJob.id)
    ).first()
    job = session.scalars(
        select(BreakdownJob)
        .where(
            BreakdownJob.ad_account_id == account_id,
            BreakdownJob.breakdown == breakdown.value,
            BreakdownJob.since == since,
            BreakdownJob.until == until,
        )
        .with_for_update()
    ).one()
    return job, inserted is not None


def job_view(
    session: Session, seller_id: uuid.UUID, job_id: uuid.UUID, visible: Callable[[uuid.UUID], bool]
) -> JobView | None:
    """One report as its seller (and a member allowed its ad account) sees it; None otherwise."""
    job = session.scalars(
        select(BreakdownJob).where(BreakdownJob.id == job_id, BreakdownJob.seller_id == seller_id)
    ).one_or_none()
    if job is None or not visible(job.ad_account_id):
        return None
    return _view(job)
