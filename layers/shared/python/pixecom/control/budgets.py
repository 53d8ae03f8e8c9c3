"""Accept a bulk budget change: a daily or lifetime budget (an amount, or a change in percent) on
many campaigns or ad sets, as a job like a bulk status change (`control.jobs`: same
Idempotency-Key handling, audit, queueing; `control.apply` sends it).

Each item is judged before any Graph call, and refused with its reason when Meta would refuse it
or when it would break one of Meta's limits:
- the budget lives elsewhere: an ad set under an Advantage campaign budget, or a campaign without
  one (its ad sets hold the budgets);
- the object has the other budget type (Meta does not switch daily <-> lifetime);
- the amount is in another currency than the ad account's, or finer than Meta's budget unit;
- a daily budget below the account's minimum for what the ad set optimises for
  (`ad_accounts.minimum_budgets`, synced from Meta's `minimum_budgets`);
- a lifetime budget below that minimum for each day of the schedule (`start_time` .. `end_time`
  of the ad set, or of the campaign for a campaign budget);
- the ad set's budget already changed 4 times within the hour (Meta answers a fifth with code 17
  and blocks it for an hour): refused with the time it may change again.
A budget already at the asked amount is skipped.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixecom.control.jobs import Enqueued, JobSpec, create_job, enqueue_job
from pixecom.control.messages import send_control_message
from pixecom.control.rules import ask_hash, unique_in_order
from pixecom.db.models import AdAccount, AdSet, Campaign, Job, JobItem
from pixecom.domain.budgets import (
    BUDGET_CHANGE_WINDOW,
    BudgetType,
    ChangeSlot,
    budget_change_slot,
    budget_unit,
    changed_by_percent,
    minimum_daily_budget,
    minimum_key,
    minimum_lifetime_budget,
    money_from_meta,
    schedule_days,
)
from pixecom.domain.currency import minor_units
from pixecom.domain.enums import EntityLevel, JobItemOutcome

JOB_KIND = "budget_change"
_NOT_CONTROLLABLE = frozenset({"ARCHIVED", "DELETED"})


@dataclass(frozen=True)
class BudgetTarget:
    """The budget asked for: an amount (money with its currency) or a change in percent."""

    type: BudgetType
    amount: Decimal | None = None
    currency: str | None = None
    percent: Decimal | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type.value}
        if self.amount is not None:
            out.update(amount=format(self.amount.normalize(), "f"), currency=(self.currency or "").upper())
        if self.percent is not None:
            out["percent"] = format(self.percent.normalize(), "f")
        return out


@dataclass(frozen=True)
class BudgetChange:
    level: EntityLevel  # CAMPAIGN or ADSET
    target: BudgetTarget
    ids: Sequence[uuid.UUID]
    idempotency_key: str | None = None


@dataclass(frozen=True)
class Holder:
    """What deciding one item needs to know about a campaign or ad set and where its budget is."""

    level: EntityLevel
    name: str
    status: str
    daily: Decimal | None
    lifetime: Decimal | None
    campaign_name: str | None  # an ad set's campaign
    campaign_holds_budget: bool  # an ad set's campaign has an Advantage campaign budget
    currency: str
    minimums: dict[str, int] | None
    goals: tuple[str | None, ...]  # what the ad set(s) the budget funds optimise for
    slot: ChangeSlot
    days: int | None = None  # the schedule's days (a lifetime budget's minimum); None: no end


@dataclass(frozen=True)
class Decision:
    outcome: JobItemOutcome
    from_budget: Decimal | None = None
    to_budget: Decimal | None = None
    error: str | None = None


def decide(holder: Holder, target: BudgetTarget) -> Decision:
    """What becomes of one item: pending with its new budget, skipped, or refused with why. Pure."""
    current = holder.daily if target.type is BudgetType.DAILY else holder.lifetime
    refused = _refusal(holder, target, current)
    if refused is not None:
        return Decision(JobItemOutcome.FAILED, current, None, refused)
    assert current is not None
    if target.amount is not None:
        new = target.amount
    else:
        assert target.percent is not None
        new = changed_by_percent(current, target.percent, holder.currency)
    too_low = _below_minimum(holder, target.type, new)
    if too_low is not None:
        return Decision(JobItemOutcome.FAILED, current, new, too_low)
    if new == current:
        return Decision(JobItemOutcome.SKIPPED, current, new)
    if not holder.slot.allowed:
        return Decision(JobItemOutcome.FAILED, current, new, limit_reached(holder.slot))
    return Decision(JobItemOutcome.PENDING, current, new)


def limit_reached(slot: ChangeSlot) -> str:
    assert slot.next_at is not None
    when = slot.next_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        "Meta allows 4 budget changes per ad set per hour and this ad set had them; "
        f"it may change again from {when}"
    )


def _refusal(holder: Holder, target: BudgetTarget, current: Decimal | None) -> str | None:
    if holder.status in _NOT_CONTROLLABLE:
        return f"{holder.status.capitalize()} objects cannot change budget on Meta"
    if holder.level is EntityLevel.ADSET and holder.campaign_holds_budget:
        return (
            f"Its campaign '{holder.campaign_name}' uses Advantage campaign budget: "
            "change the budget on the campaign"
        )
    if holder.level is EntityLevel.CAMPAIGN and holder.daily is None and holder.lifetime is None:
        return "This campaign has no campaign budget: its ad sets hold the budgets, change them there"
    other = holder.lifetime if target.type is BudgetType.DAILY else holder.daily
    if current is None and other is not None:
        kind = "lifetime" if target.type is BudgetType.DAILY else "daily"
        return f"It has a {kind} budget; Meta does not switch a budget between daily and lifetime"
    if current is None:
        return "It has no budget to change"
    if target.amount is not None:
        return _amount_refusal(target.amount, (target.currency or "").upper(), holder.currency)
    return None


def _amount_refusal(amount: Decimal, currency: str, account_currency: str) -> str | None:
    if currency != account_currency.upper():
        return f"The amount is in {currency} but the ad account bills in {account_currency}"
    unit = budget_unit(account_currency)
    if amount != amount.quantize(unit):
        return f"{account_currency} budgets are set in steps of {unit}"
    if amount <= 0:
        return "A budget must be more than zero"
    return None


def _below_minimum(holder: Holder, budget_type: BudgetType, new: Decimal) -> str | None:
    if not holder.minimums:
        return None
    daily_units = minimum_daily_budget(holder.minimums, holder.goals)
    lifetime = budget_type is BudgetType.LIFETIME
    units = minimum_lifetime_budget(daily_units, holder.days) if lifetime else daily_units
    minimum = money_from_meta(units, holder.currency)
    if minimum is None or new >= minimum:
        return None
    goals = sorted({g or "unknown" for g in holder.goals})
    kinds = ", ".join(sorted({minimum_key(g) for g in holder.goals}))
    why = f"for ad sets optimising for {', '.join(goals)} ({kinds})"
    if lifetime:
        daily = _shown(money_from_meta(daily_units, holder.currency), holder.currency)
        return (
            f"{format(new, 'f')} {holder.currency} is below Meta's minimum lifetime budget of "
            f"{_shown(minimum, holder.currency)} {holder.currency} for this {holder.days}-day "
            f"schedule: the minimum daily budget of {daily} {holder.currency} {why}, for each day"
        )
    return (
        f"{format(new, 'f')} {holder.currency} is below Meta's minimum daily budget of "
        f"{_shown(minimum, holder.currency)} {holder.currency} {why}"
    )


def _shown(amount: Decimal | None, currency: str) -> str:
    assert amount is not None
    return str(amount.quantize(Decimal(1).scaleb(-minor_units(currency))))


# ---- creating the job ---------------------------------------------------------------------


def budget_job(change: BudgetChange, now: datetime) -> JobSpec:
    ids = unique_in_order(change.ids)
    ask = {"kind": JOB_KIND, "level": change.level.value, "budget": change.target.as_json()}

    def build(session: Session, job: Job, entities: list[dict[str, Any]]) -> list[JobItem]:
        holders = load_holders(session, job.seller_id, change.level, [e["id"] for e in entities], now)
        return [_item(job, entity, decide(holders[entity["id"]], change.target)) for entity in entities]

    return JobSpec(
        kind=JOB_KIND,
        level=change.level,
        ids=ids,
        idempotency_key=change.idempotency_key,
        fingerprint=ask_hash(ask, ids),
        build_items=build,
        budget=change.target.as_json(),
    )


def enqueue_budget_change(
    seller_id: uuid.UUID,
    user_id: uuid.UUID | None,
    change: BudgetChange,
    *,
    send: Callable[[uuid.UUID], None] = send_control_message,
    now: datetime,
) -> Enqueued:
    """Create the budget job for `change` (or replay its Idempotency-Key's) and queue it."""
    return enqueue_job(seller_id, user_id, budget_job(change, now), send=send, now=now)


def create_budget_job(
    session: Session, seller_id: uuid.UUID, change: BudgetChange, now: datetime, *, rule_id: uuid.UUID
) -> Enqueued:
    """For an automated rule owning the transaction: create the job; the caller sends it."""
    return create_job(session, seller_id, None, budget_job(change, now), now, rule_id=rule_id)


def _item(job: Job, entity: dict[str, Any], decision: Decision) -> JobItem:
    status = str(entity["status"])
    return JobItem(
        id=uuid.uuid4(),
        job_id=job.id,
        seller_id=job.seller_id,
        ad_account_id=entity["ad_account_id"],
        entity_id=entity["id"],
        meta_id=entity["meta_id"],
        name=entity["name"],
        from_status=status,  # a budget job leaves the status as it is
        to_status=status,
        from_budget=decision.from_budget,
        to_budget=decision.to_budget,
        outcome=decision.outcome,
        error=decision.error,
        attempts=0,
    )


# ---- what the decisions read --------------------------------------------------------------


def load_holders(
    session: Session, seller_id: uuid.UUID, level: EntityLevel, ids: Sequence[uuid.UUID], now: datetime
) -> dict[uuid.UUID, Holder]:
    """The seller's campaigns or ad sets with these ids, with their budget's context."""
    if level is EntityLevel.CAMPAIGN:
        return _campaign_holders(session, seller_id, ids)
    return _adset_holders(session, seller_id, ids, now)


def _campaign_holders(
    session: Session, seller_id: uuid.UUID, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Holder]:
    rows = session.execute(
        select(Campaign, AdAccount.currency, AdAccount.minimum_budgets)
        .join(AdAccount, AdAccount.id == Campaign.ad_account_id)
        .where(Campaign.seller_id == seller_id, Campaign.id.in_(ids))
    ).all()
    goals: dict[uuid.UUID, list[str | None]] = {}
    for campaign_id, goal in session.execute(
        select(AdSet.campaign_id, AdSet.optimization_goal).where(
            AdSet.seller_id == seller_id, AdSet.campaign_id.in_(ids), AdSet.status.not_in(_NOT_CONTROLLABLE)
        )
    ):
        goals.setdefault(campaign_id, []).append(goal)
    return {
        c.id: Holder(
            EntityLevel.CAMPAIGN, c.name, c.status.value, c.daily_budget, c.lifetime_budget, None, False,
            currency, minimums, tuple(goals.get(c.id, ())), ChangeSlot(True),
            schedule_days(c.start_time, c.end_time),
        )
        for c, currency, minimums in rows
    }  # fmt: skip


def _adset_holders(
    session: Session, seller_id: uuid.UUID, ids: Sequence[uuid.UUID], now: datetime
) -> dict[uuid.UUID, Holder]:
    rows = session.execute(
        select(AdSet, Campaign, AdAccount.currency, AdAccount.minimum_budgets)
        .join(Campaign, Campaign.id == AdSet.campaign_id)
        .join(AdAccount, AdAccount.id == AdSet.ad_account_id)
        .where(AdSet.seller_id == seller_id, AdSet.id.in_(ids))
    ).all()
    changes = recent_budget_changes(session, seller_id, ids, now)
    return {
        a.id: Holder(
            EntityLevel.ADSET, a.name, a.status.value, a.daily_budget, a.lifetime_budget, c.name,
            c.daily_budget is not None or c.lifetime_budget is not None, currency, minimums,
            (a.optimization_goal,), budget_change_slot(changes.get(a.id, ()), now),
            schedule_days(a.start_time, a.end_time),
        )
        for a, c, currency, minimums in rows
    }  # fmt: skip


def recent_budget_changes(
    session: Session, seller_id: uuid.UUID, ids: Iterable[uuid.UUID], now: datetime
) -> dict[uuid.UUID, list[datetime]]:
    """When each entity's budget was changed through us within the last hour (applied items)."""
    out: dict[uuid.UUID, list[datetime]] = {}
    rows = session.execute(
        select(JobItem.entity_id, JobItem.applied_at)
        .join(Job, Job.id == JobItem.job_id)
        .where(
            JobItem.seller_id == seller_id,
            JobItem.entity_id.in_(list(ids)),
            Job.kind == JOB_KIND,
            JobItem.outcome == JobItemOutcome.APPLIED,
            JobItem.applied_at > now - BUDGET_CHANGE_WINDOW,
        )
    )
    for entity_id, applied_at in rows:
        if applied_at is not None:
            out.setdefault(entity_id, []).append(applied_at)
    return out
