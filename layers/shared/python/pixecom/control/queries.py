"""The read side of jobs: one job with its items, and the seller's recent jobs. Tenant-sealed."""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from pixecom.db.models import AdAccount, Job, JobItem
from pixecom.domain.currency import minor_units
from pixecom.domain.enums import JobItemOutcome
from pixecom.domain.metrics import format_money

MAX_JOBS_PAGE = 100


@dataclass(frozen=True)
class ItemView:
    id: uuid.UUID  # the campaign / ad set / ad id, so the UI can link it
    name: str
    from_status: str
    to_status: str
    outcome: str
    error: str | None
    from_budget: str | None = None  # a budget job's, money with the account currency's decimals
    to_budget: str | None = None


@dataclass(frozen=True)
class JobView:
    id: uuid.UUID
    kind: str
    level: str
    target_status: str | None
    status: str
    created_at: datetime
    finished_at: datetime | None
    items: list[ItemView] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    budget: dict[str, Any] | None = None  # a budget job's request


@dataclass(frozen=True)
class JobPage:
    jobs: list[JobView]
    next_cursor: str | None


def visible_jobs(accounts: frozenset[uuid.UUID] | None) -> ColumnElement[bool]:
    """Jobs whose every item is in `accounts` (a member limited to those); None: every job."""
    if accounts is None:
        return Job.id.is_not(None)
    return ~exists().where(JobItem.job_id == Job.id, JobItem.ad_account_id.not_in(accounts))


def get_job(
    session: Session, seller_id: uuid.UUID, job_id: uuid.UUID, *, accounts: frozenset[uuid.UUID] | None = None
) -> JobView | None:
    """The job with every item (ordered by name), or None if it is not the seller's (or touches
    an ad account outside `accounts`, when given)."""
    job = session.scalars(
        select(Job).where(Job.id == job_id, Job.seller_id == seller_id, visible_jobs(accounts))
    ).one_or_none()
    if job is None:
        return None
    items = session.scalars(
        select(JobItem)
        .where(JobItem.job_id == job.id, JobItem.seller_id == seller_id)
        .order_by(JobItem.name, JobItem.entity_id)
    ).all()
    places = _currency_places(session, seller_id, {i.ad_account_id for i in items})
    views = [
        ItemView(
            i.entity_id,
            i.name,
            i.from_status,
            i.to_status,
            i.outcome.value,
            i.error,
            format_money(i.from_budget, places.get(i.ad_account_id, 2)),
            format_money(i.to_budget, places.get(i.ad_account_id, 2)),
        )
        for i in items
    ]
    counts = {o.value: sum(1 for v in views if v.outcome == o.value) for o in JobItemOutcome}
    return _view(job, counts, views)


def _currency_places(
    session: Session, seller_id: uuid.UUID, account_ids: set[uuid.UUID]
) -> dict[uuid.UUID, int]:
    rows = session.execute(
        select(AdAccount.id, AdAccount.currency).where(
            AdAccount.seller_id == seller_id, AdAccount.id.in_(account_ids)
        )
    ).all()
    return {account_id: minor_units(currency) for account_id, currency in rows}


def list_jobs(
    session: Session,
    seller_id: uuid.UUID,
    *,
    limit: int = 20,
    cursor: str | None = None,
    accounts: frozenset[uuid.UUID] | None = None,
) -> JobPage:
    """The seller's jobs, newest first, with per-outcome item counts (no items); only those
    within `accounts` when given."""
    query = select(Job).where(Job.seller_id == seller_id, visible_jobs(accounts))
    after = decode_job_cursor(cursor)
    if after is not None:
        created, last_id = after
        query = query.where(or_(Job.created_at < created, and_(Job.created_at == created, Job.id < last_id)))
    jobs = session.scalars(query.order_by(Job.created_at.desc(), Job.id.desc()).limit(limit + 1)).all()
    page = list(jobs[:limit])
    counts = _outcome_counts(session, seller_id, [j.id for j in page])
    views = [_view(j, counts.get(j.id, {}), []) for j in page]
    next_cursor = encode_job_cursor(page[-1]) if len(jobs) > limit else None
    return JobPage(views, next_cursor)


def _outcome_counts(
    session: Session, seller_id: uuid.UUID, job_ids: list[uuid.UUID]
) -> dict[uuid.UUID, dict[str, int]]:
    if not job_ids:
        return {}
    rows = session.execute(
        select(JobItem.job_id, JobItem.outcome, func.count())
        .where(JobItem.seller_id == seller_id, JobItem.job_id.in_(job_ids))
        .group_by(JobItem.job_id, JobItem.outcome)
    ).all()
    counts: dict[uuid.UUID, dict[str, int]] = {j: {o.value: 0 for o in JobItemOutcome} for j in job_ids}
    for job_id, outcome, count in rows:
        counts[job_id][JobItemOutcome(outcome).value] = count
    return counts


def _view(job: Job, counts: dict[str, int], items: list[ItemView]) -> JobView:
    return JobView(
        id=job.id,
        kind=job.kind,
        level=job.level.value,
        target_status=job.target_status.value if job.target_status is not None else None,
        status=job.status.value,
        created_at=job.created_at,
        finished_at=job.finished_at,
        items=items,
        counts=counts,
        budget=job.budget,
    )


def encode_job_cursor(job: Job) -> str:
    raw = f"{job.created_at.isoformat()}|{job.id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_job_cursor(cursor: str | None) -> tuple[datetime, uuid.UUID] | None:
    """(created_at, id) to continue after; ValueError for anything that is not our cursor."""
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        created, job_id = raw.split("|", 1)
        parsed = datetime.fromisoformat(created)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise ValueError("malformed cursor") from exc
    if parsed.tzinfo is None:
        raise ValueError("malformed cursor")
    return parsed, uuid.UUID(job_id)
