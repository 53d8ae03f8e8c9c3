"""The audit log: who did what, when. Status changes (who asked, what changed, from, to, how it
ended), a rule's changes (the rule and its maker), team changes (pixecom.auth.team), and every
other write through the API (`record_write`: rules, thresholds, the webhook, sellpages, ad
accounts), each naming the person."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from pixecom.control.queries import visible_jobs
from pixecom.db.automation_models import Rule
from pixecom.db.engine import session_scope
from pixecom.db.models import AuditLog, Job, JobItem, User

STATUS_CHANGE = "status_change"
STATUS_CHANGE_REQUESTED = "status_change_requested"
BUDGET_CHANGE = "budget_change"
BUDGET_CHANGE_REQUESTED = "budget_change_requested"
MAX_AUDIT_PAGE = 200


def record_item_outcome(session: Session, job: Job, item: JobItem, now: datetime) -> None:
    """One audit row for an item that reached its final outcome (applied, failed, skipped)."""
    detail: dict[str, Any] = {"meta_id": item.meta_id, "attempts": item.attempts}
    if item.error:
        detail["error"] = item.error
    action = STATUS_CHANGE
    from_value: str | None = item.from_status
    to_value: str | None = item.to_status
    if job.budget is not None:  # a budget job: the amounts, in the account's currency
        action = BUDGET_CHANGE
        from_value = _money(item.from_budget)
        to_value = _money(item.to_budget)
        detail["budget_type"] = job.budget["type"]
    session.add(
        AuditLog(
            seller_id=job.seller_id,
            user_id=job.user_id,
            rule_id=job.rule_id,
            action=action,
            entity_level=job.level.value,
            entity_id=item.entity_id,
            entity_name=item.name,
            from_value=from_value,
            to_value=to_value,
            outcome=item.outcome.value,
            job_id=job.id,
            detail=detail,
            created_at=now,
        )
    )


def record_request(session: Session, job: Job, item_count: int, now: datetime) -> None:
    """One audit row for the request itself (the job), written when it is accepted."""
    session.add(
        AuditLog(
            seller_id=job.seller_id,
            user_id=job.user_id,
            rule_id=job.rule_id,
            action=STATUS_CHANGE_REQUESTED if job.budget is None else BUDGET_CHANGE_REQUESTED,
            entity_level=job.level.value,
            to_value=job.target_status.value if job.target_status is not None else None,
            outcome="accepted",
            job_id=job.id,
            detail={"items": item_count, **({"budget": job.budget} if job.budget is not None else {})},
            created_at=now,
        )
    )


def _money(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def record_write(
    session: Session,
    seller_id: uuid.UUID,
    user_id: uuid.UUID,
    action: str,
    subject: str,
    *,
    now: datetime,
    entity_id: uuid.UUID | None = None,
    entity_name: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """One audit row for a write a person made through the API (in the write's transaction), at
    the request's instant."""
    session.add(
        AuditLog(
            seller_id=seller_id,
            user_id=user_id,
            action=action,
            entity_level=subject,
            entity_id=entity_id,
            entity_name=entity_name,
            detail=detail,
            created_at=now,
        )
    )


def record_write_now(
    seller_id: uuid.UUID,
    user_id: uuid.UUID,
    action: str,
    subject: str,
    *,
    now: datetime,
    entity_id: uuid.UUID | None = None,
    entity_name: str | None = None,
) -> None:
    """`record_write` in its own transaction, for a write a service committed itself."""
    with session_scope() as session:
        record_write(
            session,
            seller_id,
            user_id,
            action,
            subject,
            now=now,
            entity_id=entity_id,
            entity_name=entity_name,
        )


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    user_id: uuid.UUID | None
    rule_id: uuid.UUID | None
    action: str
    entity_level: str | None
    entity_id: uuid.UUID | None
    entity_name: str | None
    from_value: str | None
    to_value: str | None
    outcome: str | None
    job_id: uuid.UUID | None
    detail: dict[str, Any] | None
    # Who: the person (their email), or for a rule's change the rule and the person who made it.
    user_email: str | None = None
    rule_name: str | None = None
    rule_created_by: uuid.UUID | None = None
    rule_created_by_email: str | None = None


@dataclass(frozen=True)
class AuditPage:
    entries: list[AuditEntry]
    next_cursor: str | None


def parse_audit_cursor(cursor: str | None) -> int | None:
    """The id to continue below; ValueError for anything that is not one of our cursors."""
    if cursor is None:
        return None
    if not cursor.isdigit() or len(cursor) > 19:
        raise ValueError("malformed cursor")
    return int(cursor)


def list_audit(
    session: Session,
    seller_id: uuid.UUID,
    *,
    limit: int = 50,
    cursor: str | None = None,
    job_id: uuid.UUID | None = None,
    entity_id: uuid.UUID | None = None,
    accounts: frozenset[uuid.UUID] | None = None,
) -> AuditPage:
    """The seller's audit log, newest first (ids only grow), `limit` at a time. With `accounts`
    (a member limited to those ad accounts): only the entries of jobs within them."""
    below = parse_audit_cursor(cursor)
    query = select(AuditLog).where(AuditLog.seller_id == seller_id)
    if accounts is not None:
        query = query.where(
            AuditLog.job_id.in_(select(Job.id).where(Job.seller_id == seller_id, visible_jobs(accounts)))
        )
    if below is not None:
        query = query.where(AuditLog.id < below)
    if job_id is not None:
        query = query.where(AuditLog.job_id == job_id)
    if entity_id is not None:
        query = query.where(AuditLog.entity_id == entity_id)
    actor, creator = aliased(User), aliased(User)
    named = (
        query.add_columns(actor.email, Rule.name, Rule.created_by, creator.email)
        .outerjoin(actor, actor.id == AuditLog.user_id)
        .outerjoin(Rule, Rule.id == AuditLog.rule_id)
        .outerjoin(creator, creator.id == Rule.created_by)
    )
    rows = session.execute(named.order_by(AuditLog.id.desc()).limit(limit + 1)).all()
    entries = [_entry(row[0], *row[1:]) for row in rows[:limit]]
    next_cursor = str(entries[-1].id) if len(rows) > limit else None
    return AuditPage(entries, next_cursor)


def _entry(
    row: AuditLog,
    user_email: str | None = None,
    rule_name: str | None = None,
    rule_created_by: uuid.UUID | None = None,
    rule_created_by_email: str | None = None,
) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=row.created_at,
        user_id=row.user_id,
        rule_id=row.rule_id,
        action=row.action,
        entity_level=row.entity_level,
        entity_id=row.entity_id,
        entity_name=row.entity_name,
        from_value=row.from_value,
        to_value=row.to_value,
        outcome=row.outcome,
        job_id=row.job_id,
        detail=row.detail,
        user_email=user_email,
        rule_name=rule_name,
        rule_created_by=rule_created_by,
        rule_created_by_email=rule_created_by_email,
    )
