"""ControlWorker logic: apply a job's pending items on Meta and record what happened to each.

Unit of work = one Graph batch (at most 50 items of one ad account). In one transaction the
batch's items are locked (`FOR UPDATE SKIP LOCKED`, so a duplicate message running at the same
time never sends them too), sent to Meta, and then marked applied together with the entities'
local `status` and the audit rows. Only `pending` items are ever sent, so a retried or duplicate
message never applies an item twice.

If the worker dies after Meta applied a batch but before the commit, the items are still pending
and the next delivery sends them again. That is safe: setting an object to the status it already
has is a no-op on Meta (it answers success), so the retry just records the outcome.

Failures:
- transient (after the client's own retries): the item stays pending and `RetryLater` is raised
  so SQS redelivers the message; after MAX_ITEM_ATTEMPTS sends the item fails for good.
- rate limited: the account's remaining items stay pending, the job stays `running` with
  `not_before` set, and the worker re-sends the job's message with DelaySeconds (at most 900;
  a longer wait hops: the early message sees `not_before` ahead and re-sends itself). No sweep
  is needed; if that send fails the record raises and SQS redelivers the original message.
- token invalid: the account is marked NEEDS_REAUTH and its remaining items fail.
- anything else Meta refuses: that item fails with Meta's message; the others go on.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from aws_lambda_powertools.metrics import MetricUnit
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pixecom.clock import Clock, utc_now
from pixecom.control.budgets import limit_reached, recent_budget_changes
from pixecom.control.messages import send_control_message
from pixecom.control.outcomes import (
    ApplyReport,
    JobRef,
    record_result,
    set_local_values,
    update_account,
    write_audit,
)
from pixecom.control.rules import (
    chunks,
    delay_seconds,
    is_finished,
    job_status_from_outcomes,
)
from pixecom.crypto import TokenDecryptionError, decrypt_token
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount, Job, JobItem
from pixecom.domain.budgets import BudgetType, budget_change_slot, money_to_meta
from pixecom.domain.enums import (
    ConnectionStatus,
    EntityLevel,
    JobItemOutcome,
    JobStatus,
    SyncKind,
)
from pixecom.meta.client import GraphClient
from pixecom.meta.errors import GraphError, TokenInvalid
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.meta.models import StatusResult
from pixecom.observability import logger, metrics
from pixecom.queue import send_messages
from pixecom.settings import get_settings
from pixecom.sync_message import SyncMessage, new_run_id


class RetryLater(Exception):
    """Some items failed transiently and stay pending: let SQS deliver the message again."""


@dataclass(frozen=True)
class _AccountPlan:
    id: uuid.UUID
    meta_account_id: str
    token_encrypted: bytes
    connection_status: ConnectionStatus
    currency: str
    item_ids: list[uuid.UUID]


def apply_job(
    job_id: uuid.UUID,
    *,
    graph: GraphFactory = default_graph,
    clock: Clock = utc_now,
    send_control: Callable[..., None] = send_control_message,
) -> ApplyReport:
    """Apply every pending item of the job; raises RetryLater when transient failures remain."""
    report = ApplyReport(job_id)
    started = _start(job_id, clock(), report)
    if started is None:
        _resend_if_deferred(report, clock(), send_control)
        return report
    job, plans = started
    for plan in plans:
        _apply_account(job, plan, report, graph, clock)
    report.status = _finish(job_id, report, clock())
    logger.info(
        "status job applied",
        extra={
            "job_id": str(job_id),
            "status": report.status.value,
            "applied": report.applied,
            "failed": report.failed,
            "batches": report.batches,
        },
    )
    metrics.add_metric(name="StatusItemsApplied", unit=MetricUnit.Count, value=report.applied)
    metrics.add_metric(name="StatusItemsFailed", unit=MetricUnit.Count, value=report.failed)
    _queue_delivery_syncs(report.touched_accounts)
    if _resend_if_deferred(report, clock(), send_control):
        return report
    if report.retry:
        raise RetryLater(f"job {job_id}: transient failures left items pending")
    return report


def _start(job_id: uuid.UUID, now: datetime, report: ApplyReport) -> tuple[JobRef, list[_AccountPlan]] | None:
    """Mark the job running and plan its pending items per account; None if nothing to do now."""
    with session_scope() as session:
        job = session.scalars(select(Job).where(Job.id == job_id).with_for_update()).one_or_none()
        if job is None:
            logger.warning("status job not found", extra={"job_id": str(job_id)})
            return None
        report.status = job.status
        if is_finished(job.status):
            return None
        if job.not_before is not None and job.not_before > now:
            report.deferred_until = job.not_before  # an early (or duplicate) delivery: wait on
            return None
        job.status, job.not_before = JobStatus.RUNNING, None
        job.started_at = job.started_at or now
        budget_type = BudgetType(job.budget["type"]) if job.budget is not None else None
        ref = JobRef(job.id, job.seller_id, job.user_id, job.level, job.target_status, budget_type)
        return ref, _plans(session, job)


def _plans(session: Session, job: Job) -> list[_AccountPlan]:
    pending = session.execute(
        select(JobItem.id, JobItem.ad_account_id)
        .where(JobItem.job_id == job.id, JobItem.outcome == JobItemOutcome.PENDING)
        .order_by(JobItem.ad_account_id, JobItem.meta_id)
    ).all()
    by_account: dict[uuid.UUID, list[uuid.UUID]] = {}
    for item_id, account_id in pending:
        by_account.setdefault(account_id, []).append(item_id)
    accounts = session.scalars(
        select(AdAccount).where(AdAccount.seller_id == job.seller_id, AdAccount.id.in_(by_account))
    ).all()
    return [
        _AccountPlan(
            a.id,
            a.meta_account_id,
            bytes(a.access_token_encrypted),
            a.connection_status,
            a.currency,
            by_account[a.id],
        )
        for a in sorted(accounts, key=lambda a: a.meta_account_id)
    ]


def _apply_account(
    job: JobRef, plan: _AccountPlan, report: ApplyReport, graph: GraphFactory, clock: Clock
) -> None:
    if plan.connection_status is not ConnectionStatus.ACTIVE:
        _fail_pending(
            job, plan.item_ids, f"Ad account is {plan.connection_status.value}; reconnect it", report, clock()
        )
        return
    try:
        token = decrypt_token(plan.token_encrypted)
    except TokenDecryptionError:
        _fail_pending(
            job,
            plan.item_ids,
            "The stored access token is unreadable; reconnect the account",
            report,
            clock(),
        )
        return
    with graph(token) as client:
        for chunk in chunks(plan.item_ids):
            stop = _apply_batch(job, plan, chunk, client, report, clock)
            if stop is TokenInvalid:
                reason = "Meta rejected the access token; reconnect the account"
                _fail_pending(job, plan.item_ids, reason, report, clock())
            if stop is not None:
                return


def _apply_batch(
    job: JobRef,
    plan: _AccountPlan,
    item_ids: list[uuid.UUID],
    client: GraphClient,
    report: ApplyReport,
    clock: Clock,
) -> type[GraphError] | None:
    """Send one batch and record it, in one transaction. Returns the error kind that stops the account."""
    with session_scope() as session:
        items = session.scalars(
            select(JobItem)
            .where(JobItem.id.in_(item_ids), JobItem.outcome == JobItemOutcome.PENDING)
            .order_by(JobItem.meta_id)
            .with_for_update(skip_locked=True)
        ).all()
        if job.is_budget:
            items = _within_budget_limit(session, job, items, report, clock())
        if not items:
            return None
        results = _send(client, plan, job, items)
        report.batches += 1
        stop: type[GraphError] | None = None
        at = clock()
        for item, result in zip(items, results, strict=True):
            kind = record_result(item, result, at, report)
            stop = stop or kind
        applied = [i for i in items if i.outcome is JobItemOutcome.APPLIED]
        set_local_values(session, job, applied)
        if applied:
            report.touched_accounts.add(plan.id)
        write_audit(session, job, items, at)
        update_account(session, plan.id, stop, report, results, budget_job=job.is_budget)
        return stop


def _within_budget_limit(
    session: Session, job: JobRef, items: Sequence[JobItem], report: ApplyReport, now: datetime
) -> list[JobItem]:
    """The items whose ad set may change budget now. Another job may have used the ad set's 4
    changes of the hour since this one was accepted: such an item stays pending and the job waits
    for the slot, rather than have Meta answer code 17 and block the ad set for an hour."""
    if job.level is not EntityLevel.ADSET:
        return list(items)
    changes = recent_budget_changes(session, job.seller_id, [i.entity_id for i in items], now)
    ready = []
    for item in items:
        slot = budget_change_slot(changes.get(item.entity_id, ()), now)
        if slot.allowed:
            ready.append(item)
        else:
            assert slot.next_at is not None
            item.error = f"Waiting: {limit_reached(slot)}"
            report.defer(slot.next_at)
    return ready


def _send(
    client: GraphClient, plan: _AccountPlan, job: JobRef, items: Sequence[JobItem]
) -> list[StatusResult]:
    """One StatusResult per item; an error for the whole call becomes every item's error."""
    writes: list[tuple[str, dict[str, str]]] = []
    for item in items:
        if job.budget_type is not None:
            assert item.to_budget is not None
            value = money_to_meta(item.to_budget, plan.currency)
            writes.append((item.meta_id, {job.budget_type.field: str(value)}))
        else:
            writes.append((item.meta_id, {"status": item.to_status}))
    try:
        results = client.write_fields(writes, account_id=plan.meta_account_id)
    except GraphError as exc:
        return [StatusResult(object_id=item.meta_id, ok=False, error=exc) for item in items]
    by_object = {r.object_id: r for r in results}
    return [by_object.get(item.meta_id, result) for item, result in zip(items, results, strict=True)]


def _fail_pending(
    job: JobRef, item_ids: list[uuid.UUID], reason: str, report: ApplyReport, now: datetime
) -> None:
    """Fail whatever is still pending among `item_ids` (the account cannot be used)."""
    with session_scope() as session:
        items = session.scalars(
            select(JobItem)
            .where(JobItem.id.in_(item_ids), JobItem.outcome == JobItemOutcome.PENDING)
            .with_for_update(skip_locked=True)
        ).all()
        for item in items:
            item.outcome, item.error = JobItemOutcome.FAILED, reason
            report.failed += 1
        write_audit(session, job, items, now)


def _finish(job_id: uuid.UUID, report: ApplyReport, now: datetime) -> JobStatus:
    """The job's status from all its items (locked, so concurrent deliveries agree)."""
    with session_scope() as session:
        job = session.scalars(select(Job).where(Job.id == job_id).with_for_update()).one()
        rows = session.execute(
            select(JobItem.outcome, func.count()).where(JobItem.job_id == job_id).group_by(JobItem.outcome)
        ).all()
        counts = Counter({outcome: count for outcome, count in rows})
        job.status = job_status_from_outcomes(counts, started=True)
        if is_finished(job.status):
            job.finished_at, job.not_before = job.finished_at or now, None
        elif report.deferred_until is not None:
            job.not_before = report.deferred_until
        return job.status


def _resend_if_deferred(report: ApplyReport, now: datetime, send_control: Callable[..., None]) -> bool:
    """Re-queue the job's message to arrive when the rate limit has passed (hops of 900 s)."""
    if report.deferred_until is None or (report.status is not None and is_finished(report.status)):
        return False
    delay = delay_seconds(report.deferred_until, now)
    send_control(report.job_id, delay_seconds=delay)
    logger.info("status job deferred", extra={"job_id": str(report.job_id), "delay_s": delay})
    return True


def _queue_delivery_syncs(account_ids: set[uuid.UUID]) -> None:
    """Ask for a delivery sync of each touched account so delivery_status follows the change.

    Best effort: the 5-minute delivery schedule catches up if this send fails.
    """
    queue_url = get_settings().delivery_queue_url
    if not account_ids or not queue_url:
        return
    run_id = new_run_id("control")
    bodies = [
        SyncMessage(account_id=a, kind=SyncKind.DELIVERY, run_id=run_id).to_body()
        for a in sorted(account_ids)
    ]
    try:
        send_messages(queue_url, bodies)
    except Exception as exc:  # never fail an applied job over a follow-up sync
        logger.warning(
            "delivery sync not queued", extra={"accounts": len(bodies), "error_type": type(exc).__name__}
        )
