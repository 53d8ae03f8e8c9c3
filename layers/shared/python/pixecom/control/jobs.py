"""Accept a bulk change (a status here, a budget in control.budgets): check ownership and
connections, create the job, queue it.

The job (and its items and audit rows) is committed first, then one ControlQueue message is
sent. If the send fails the job is deleted again, so a request either leaves a queued job with a
message on its way or nothing at all. Repeating a request with the same Idempotency-Key returns
the first job; the same key with a different body is refused (compared through request_hash).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from pixecom.control import audit
from pixecom.control.messages import send_control_message
from pixecom.control.rules import is_finished, job_status_from_outcomes, request_hash, unique_in_order
from pixecom.db.engine import session_scope
from pixecom.db.models import Ad, AdAccount, AdSet, AuditLog, Campaign, Job, JobItem
from pixecom.domain.enums import CampaignStatus, ConnectionStatus, EntityLevel, JobItemOutcome, JobStatus
from pixecom.observability import logger

JOB_KIND = "status_change"
ENTITY_MODELS: dict[EntityLevel, type[Campaign] | type[AdSet] | type[Ad]] = {
    EntityLevel.CAMPAIGN: Campaign,
    EntityLevel.ADSET: AdSet,
    EntityLevel.AD: Ad,
}
# Meta does not bring archived or deleted objects back with a status change.
NOT_CONTROLLABLE = frozenset({CampaignStatus.ARCHIVED.value, CampaignStatus.DELETED.value})


class EntitiesNotFound(Exception):
    """Some ids are not the caller's (or do not exist). Deliberately names none of them."""


class AccountNotConnected(Exception):
    """An ad account involved needs re-authentication (or is disabled)."""

    def __init__(self, name: str, meta_account_id: str, status: ConnectionStatus) -> None:
        self.name, self.meta_account_id, self.status = name, meta_account_id, status
        super().__init__(f"Ad account '{name}' ({meta_account_id}) is {status.value}")


class IdempotencyKeyReused(Exception):
    """The Idempotency-Key was already used for a different request."""


class QueueUnavailable(Exception):
    """The job could not be queued; nothing was kept."""


@dataclass(frozen=True)
class StatusChange:
    level: EntityLevel
    status: CampaignStatus
    ids: Sequence[uuid.UUID]
    idempotency_key: str | None = None


# Builds a new job's items from the caller's entities (request order); runs in the job's transaction.
ItemBuilder = Callable[[Session, Job, list[dict[str, Any]]], list[JobItem]]


@dataclass(frozen=True)
class JobSpec:
    """What a new job is: its kind, level, items and how to recognise the same request again."""

    kind: str
    level: EntityLevel
    ids: list[uuid.UUID]
    idempotency_key: str | None
    fingerprint: str
    build_items: ItemBuilder
    target_status: CampaignStatus | None = None
    budget: dict[str, Any] | None = None


@dataclass(frozen=True)
class Enqueued:
    job_id: uuid.UUID
    status: JobStatus
    replayed: bool  # True when an earlier request with the same Idempotency-Key made this job


def enqueue_status_change(
    seller_id: uuid.UUID,
    user_id: uuid.UUID | None,
    change: StatusChange,
    *,
    send: Callable[[uuid.UUID], None] = send_control_message,
    now: datetime,
) -> Enqueued:
    """Create the job for `change` (or return the one its Idempotency-Key already made) and queue it."""
    return enqueue_job(seller_id, user_id, status_job(change), send=send, now=now)


def enqueue_job(
    seller_id: uuid.UUID,
    user_id: uuid.UUID | None,
    spec: JobSpec,
    *,
    send: Callable[[uuid.UUID], None] = send_control_message,
    now: datetime,
) -> Enqueued:
    """Create the job `spec` describes (or return the one its Idempotency-Key made) and queue it."""
    with session_scope() as session:
        result = create_job(session, seller_id, user_id, spec, now)
    if result.replayed or is_finished(result.status):
        return result
    try:
        send(result.job_id)
    except Exception as exc:
        logger.warning("control message not sent; job discarded", extra={"job_id": str(result.job_id)})
        _discard(result.job_id)
        raise QueueUnavailable("The job could not be queued; please retry") from exc
    logger.info(
        "job queued", extra={"job_id": str(result.job_id), "kind": spec.kind, "level": spec.level.value}
    )
    return result


def status_job(change: StatusChange) -> JobSpec:
    ids = unique_in_order(change.ids)
    return JobSpec(
        kind=JOB_KIND,
        level=change.level,
        ids=ids,
        idempotency_key=change.idempotency_key,
        fingerprint=request_hash(change.level, change.status, ids),
        build_items=_status_items,
        target_status=change.status,
    )


def create_status_job(
    session: Session, seller_id: uuid.UUID, change: StatusChange, now: datetime, *, rule_id: uuid.UUID
) -> Enqueued:
    """For a caller that owns the transaction (an automated rule, the job's actor): create the job
    (or find the one its idempotency key made) without sending; the caller sends after commit."""
    return create_job(session, seller_id, None, status_job(change), now, rule_id=rule_id)


def create_job(
    session: Session,
    seller_id: uuid.UUID,
    user_id: uuid.UUID | None,
    spec: JobSpec,
    now: datetime,
    *,
    rule_id: uuid.UUID | None = None,
) -> Enqueued:
    """Create the job in `session` (or find the one its idempotency key made); nothing is sent."""
    fingerprint = spec.fingerprint
    if spec.idempotency_key is not None:
        earlier = _job_for_key(session, seller_id, spec.idempotency_key)
        if earlier is not None:
            return _replay(earlier, fingerprint)
    entities = _owned_entities(session, seller_id, spec.level, spec.ids)
    _check_connections(session, seller_id, {e["ad_account_id"] for e in entities})
    job_id = _insert_job(session, seller_id, user_id, spec, now, rule_id)
    if job_id is None:  # a concurrent request with the same key won the insert
        earlier = _job_for_key(session, seller_id, spec.idempotency_key or "")
        assert earlier is not None
        return _replay(earlier, fingerprint)
    job = session.get_one(Job, job_id)
    items = spec.build_items(session, job, entities)
    session.add_all(items)
    audit.record_request(session, job, len(items), now)
    for item in items:
        if item.outcome is not JobItemOutcome.PENDING:
            audit.record_item_outcome(session, job, item, now)
    job.status = job_status_from_outcomes(Counter(i.outcome for i in items), started=False)
    if is_finished(job.status):  # nothing to send to Meta: every item was skipped or refused
        job.started_at = job.finished_at = now
    return Enqueued(job.id, job.status, replayed=False)


def _replay(job: Job, fingerprint: str) -> Enqueued:
    if job.request_hash != fingerprint:
        raise IdempotencyKeyReused("This Idempotency-Key was used for a different request")
    return Enqueued(job.id, job.status, replayed=True)


def _job_for_key(session: Session, seller_id: uuid.UUID, key: str) -> Job | None:
    return session.scalars(
        select(Job).where(Job.seller_id == seller_id, Job.idempotency_key == key)
    ).one_or_none()


def _owned_entities(
    session: Session, seller_id: uuid.UUID, level: EntityLevel, ids: list[uuid.UUID]
) -> list[dict[str, Any]]:
    """The caller's entities with these ids, in request order; EntitiesNotFound if any is missing."""
    model = ENTITY_MODELS[level]
    rows = session.execute(
        select(model.id, model.meta_id, model.name, model.status, model.ad_account_id).where(
            model.seller_id == seller_id, model.id.in_(ids)
        )
    ).mappings()
    by_id = {row["id"]: dict(row) for row in rows}
    if len(by_id) != len(ids):
        raise EntitiesNotFound(f"One or more {level.value} ids were not found")
    return [by_id[i] for i in ids]


def _check_connections(session: Session, seller_id: uuid.UUID, account_ids: set[uuid.UUID]) -> None:
    blocked = session.scalars(
        select(AdAccount)
        .where(
            AdAccount.seller_id == seller_id,
            AdAccount.id.in_(account_ids),
            AdAccount.connection_status != ConnectionStatus.ACTIVE,
        )
        .order_by(AdAccount.name, AdAccount.meta_account_id)
    ).first()
    if blocked is not None:
        raise AccountNotConnected(blocked.name, blocked.meta_account_id, blocked.connection_status)


def _insert_job(
    session: Session,
    seller_id: uuid.UUID,
    user_id: uuid.UUID | None,
    spec: JobSpec,
    now: datetime,
    rule_id: uuid.UUID | None = None,
) -> uuid.UUID | None:
    """INSERT ... ON CONFLICT DO NOTHING on (seller, key): None when that key already has a job.

    `created_at` comes from the same clock as `started_at`/`finished_at` (the application's),
    not the database's `now()`, so a job never finishes before it was created."""
    statement = (
        insert(Job)
        .values(
            id=uuid.uuid4(),
            seller_id=seller_id,
            user_id=user_id,
            kind=spec.kind,
            level=spec.level,
            target_status=spec.target_status,
            budget=spec.budget,
            status=JobStatus.QUEUED,
            idempotency_key=spec.idempotency_key,
            request_hash=spec.fingerprint,
            rule_id=rule_id,
            created_at=now,
        )
        .on_conflict_do_nothing(index_elements=[Job.seller_id, Job.idempotency_key])
        .returning(Job.id)
    )
    return session.execute(statement).scalar_one_or_none()


def _status_items(session: Session, job: Job, entities: list[dict[str, Any]]) -> list[JobItem]:
    return [_new_item(job, entity) for entity in entities]


def _new_item(job: Job, entity: dict[str, Any]) -> JobItem:
    assert job.target_status is not None
    current = str(entity["status"])
    outcome, error = JobItemOutcome.PENDING, None
    if current == job.target_status.value:
        outcome = JobItemOutcome.SKIPPED
    elif current in NOT_CONTROLLABLE:
        outcome = JobItemOutcome.FAILED
        error = f"{current.capitalize()} objects cannot be set to {job.target_status.value} on Meta"
    return JobItem(
        id=uuid.uuid4(),
        job_id=job.id,
        seller_id=job.seller_id,
        ad_account_id=entity["ad_account_id"],
        entity_id=entity["id"],
        meta_id=entity["meta_id"],
        name=entity["name"],
        from_status=current,
        to_status=job.target_status.value,
        outcome=outcome,
        error=error,
        attempts=0,
    )


def _discard(job_id: uuid.UUID) -> None:
    """Undo an accepted job whose message could not be sent (items cascade; audit rows go too)."""
    with session_scope() as session:
        session.execute(delete(AuditLog).where(AuditLog.job_id == job_id))
        session.execute(delete(Job).where(Job.id == job_id))
