"""Recording what Meta answered: each item's outcome, the entities' local status, the audit log
and the ad account's connection/throttle state. Called inside the batch's transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, update
from sqlalchemy.orm import Session

from pixecom.control import audit
from pixecom.control.effective import follow_status_change
from pixecom.control.jobs import ENTITY_MODELS
from pixecom.control.rules import MAX_ITEM_ATTEMPTS
from pixecom.db.models import AdAccount, Job, JobItem
from pixecom.domain.budgets import BudgetType
from pixecom.domain.enums import CampaignStatus, ConnectionStatus, EntityLevel, JobItemOutcome, JobStatus
from pixecom.meta.errors import GraphError, RateLimited, TokenInvalid, TransientError
from pixecom.meta.models import StatusResult
from pixecom.observability import logger


@dataclass(frozen=True)
class JobRef:
    id: uuid.UUID
    seller_id: uuid.UUID
    user_id: uuid.UUID | None
    level: EntityLevel
    target_status: CampaignStatus | None  # a status job's
    budget_type: BudgetType | None = None  # a budget job's

    @property
    def is_budget(self) -> bool:
        return self.budget_type is not None


@dataclass
class ApplyReport:
    """What one delivery of a job's message did."""

    job_id: uuid.UUID
    status: JobStatus | None = None  # None: no such job
    applied: int = 0
    failed: int = 0
    batches: int = 0
    deferred_until: datetime | None = None
    retry: bool = False
    touched_accounts: set[uuid.UUID] = field(default_factory=set)

    def defer(self, until: datetime) -> None:
        # Wait for the latest account to come back rather than poke a throttled one early.
        self.deferred_until = until if self.deferred_until is None else max(self.deferred_until, until)


def record_result(
    item: JobItem, result: StatusResult, at: datetime, report: ApplyReport
) -> type[GraphError] | None:
    """Set the item's outcome from Meta's answer; returns the error kind if the account must stop."""
    error = result.error
    if result.ok:
        item.outcome, item.error, item.applied_at = JobItemOutcome.APPLIED, None, at
        item.attempts += 1
        report.applied += 1
        return None
    if isinstance(error, RateLimited):
        # Not an attempt: Meta did not look at the item. It waits for the deferred message.
        item.error = f"Rate limited by Meta; retrying after {error.until.isoformat(timespec='seconds')}"
        report.defer(error.until)
        return RateLimited
    item.attempts += 1
    message = error.message if error is not None else "Meta did not confirm the change"
    if isinstance(error, TransientError) and item.attempts < MAX_ITEM_ATTEMPTS:
        item.error = f"Temporary Meta error (attempt {item.attempts}); retrying: {message}"
        report.retry = True
        return None
    item.outcome, item.error = JobItemOutcome.FAILED, message
    report.failed += 1
    return TokenInvalid if isinstance(error, TokenInvalid) else None


def set_local_values(session: Session, job: JobRef, applied: Sequence[JobItem]) -> None:
    """What Meta confirmed shows at once: a budget job's new budgets, or a status job's statuses
    (with the effective and delivery statuses of them and everything under them, derived as Meta
    derives them: control.effective). The next delivery sync confirms either."""
    if not applied:
        return
    model = ENTITY_MODELS[job.level]
    if job.budget_type is not None:
        column = getattr(model, job.budget_type.field)
        for item in applied:
            session.execute(
                update(model)
                .where(model.seller_id == job.seller_id, model.id == item.entity_id)
                .values({column: item.to_budget})
            )
        return
    ids = [i.entity_id for i in applied]
    session.execute(
        update(model)
        .where(model.seller_id == job.seller_id, model.id.in_(ids))
        .values(status=job.target_status)
    )
    follow_status_change(session, job.seller_id, job.level, ids)


def write_audit(session: Session, job: JobRef, items: Sequence[JobItem], now: datetime) -> None:
    finished = [i for i in items if i.outcome is not JobItemOutcome.PENDING]
    if not finished:
        return
    owner = session.get_one(Job, job.id)
    for item in finished:
        audit.record_item_outcome(session, owner, item, now)


def update_account(
    session: Session,
    account_id: uuid.UUID,
    stop: type[GraphError] | None,
    report: ApplyReport,
    results: Sequence[StatusResult],
    *,
    budget_job: bool = False,
) -> None:
    if stop is TokenInvalid:
        reason = next((r.error.message for r in results if isinstance(r.error, TokenInvalid)), None)
        session.execute(
            update(AdAccount)
            .where(AdAccount.id == account_id)
            .values(connection_status=ConnectionStatus.NEEDS_REAUTH, connection_error=reason)
        )
        logger.warning("ad account needs re-auth", extra={"account_id": str(account_id)})
    elif stop is RateLimited and report.deferred_until is not None and not budget_job:
        # A budget job's code 17 is Meta's limit on one ad set's budget, not on the account: the
        # job waits; the account's syncs go on.
        # The dispatchers skip a throttled account too (docs/architecture.md, sync failures).
        session.execute(
            update(AdAccount)
            .where(AdAccount.id == account_id)
            .values(
                throttled_until=func.greatest(
                    func.coalesce(AdAccount.throttled_until, report.deferred_until), report.deferred_until
                )
            )
        )
