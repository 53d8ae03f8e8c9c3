"""Which entities a rule acts on now, for one ad account: the one function behind both the
preview and the evaluation, so a preview lists exactly what the rule would then do.

1. Candidates: the Ads Manager list of the rule's level for the account, summed over the window
   in the account's timezone (one read per level and window, shared by all the rules of an
   evaluation: `pixecom.rules.windows.Candidates`), kept where the rule's scope and the status
   the action applies to (pause: ACTIVE, activate: PAUSED, budget: ACTIVE) hold, as the Ads
   Manager's filters would keep them.
2. Matches: spend >= the rule's minimum and every condition true (`spec.matching`), every
   amount in the account's currency: as the rule states it, or converted at the reference rate
   of the account's day (`spec.on_account`); never an amount of another currency as it is.
3. Budget rules act on whoever holds the daily budget: the ad set, or its campaign when the
   campaign has the budget (campaign budget optimization); entities without a daily budget drop.
4. Cooldown: an entity this rule acted on within `cooldown_minutes` drops; for budgets, so does
   an entity whose budget any rule changed within 48 hours.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from operator import attrgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixecom.adsmanager.fatigue import ads_fatigue, seller_fatigue_thresholds
from pixecom.adsmanager.params import Filters
from pixecom.adsmanager.sums import SummedRow, by_spend
from pixecom.db.automation_models import Rule, RuleAction
from pixecom.db.models import AdAccount, AdSet, Campaign
from pixecom.domain.automation import RuleActionOutcome, RuleActionType
from pixecom.domain.currency import minor_units
from pixecom.domain.enums import CampaignStatus, EntityLevel
from pixecom.domain.fatigue import FatigueState
from pixecom.domain.metrics import format_money
from pixecom.domain.money import RateBook
from pixecom.rates.store import account_money, book_around
from pixecom.rates.thresholds import AccountMoney
from pixecom.rules.spec import (
    BUDGET_SPACING_HOURS,
    AccountRule,
    BudgetChange,
    NotApplicable,
    RuleSpec,
    changed_budget,
    decisive_values,
    matching,
    on_account,
)
from pixecom.rules.windows import Candidates, Need, Needs, merge_needs

ACTS_ON_STATUS = {
    RuleActionType.PAUSE: CampaignStatus.ACTIVE,
    RuleActionType.ACTIVATE: CampaignStatus.PAUSED,
    RuleActionType.CHANGE_BUDGET: CampaignStatus.ACTIVE,
}
TARGET_STATUS = {RuleActionType.PAUSE: CampaignStatus.PAUSED, RuleActionType.ACTIVATE: CampaignStatus.ACTIVE}


@dataclass(frozen=True)
class PlannedAction:
    """One entity the rule acts on: the entity acted on (for budgets, the budget holder)."""

    level: EntityLevel
    entity_id: uuid.UUID
    meta_id: str
    name: str
    ad_account_id: uuid.UUID
    matched_id: uuid.UUID  # the entity whose numbers matched (the ad set of a campaign budget)
    values: dict[str, Any]
    budget: BudgetChange | None = None
    currency: str = ""  # the account's: of `values`' money and the budgets
    conversions: tuple[dict[str, Any], ...] = ()  # the rule's amounts converted for this account

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "level": self.level.value,
            "entity_id": str(self.entity_id),
            "name": self.name,
            "matched_id": str(self.matched_id),
            "currency": self.currency,
            "values": self.values,
            "conversions": list(self.conversions),
        }
        budget, places = self.budget, minor_units(self.currency)  # Meta's budget unit is never finer
        out["daily_budget_from"] = None if budget is None else format_money(budget.from_amount, places)
        out["daily_budget_to"] = None if budget is None else format_money(budget.to_amount, places)
        return out


def spec_of(rule: Rule) -> RuleSpec:
    return RuleSpec.model_validate(
        {
            "name": rule.name,
            "level": rule.level,
            "scope": rule.scope,
            "window": rule.window,
            "conditions": rule.conditions,
            "min_spend": {"amount": rule.min_spend, "currency": rule.min_spend_currency},
            "action": {"type": rule.action, "percent": rule.budget_change_pct},
            "cooldown_minutes": rule.cooldown_minutes,
            "enabled": rule.enabled,
        }
    )


def rule_need(spec: RuleSpec, applied: AccountRule) -> Need:
    """The rows the rule can act on: of the status its action applies to, spent at least its
        minimum in the account's currency (`spec.matching` checks both again), with the metrics
    its conditions read."""
    metrics = frozenset({"spend", *(c.metric for c in spec.conditions)})
    return Need(frozenset({ACTS_ON_STATUS[spec.action.type]}), applied.min_spend, metrics)


def rules_needs(rules: Iterable[Rule], money: AccountMoney) -> Needs:
    """What the rules of an evaluation of one account read, per (level, window); a rule whose
    amounts cannot apply to the account (no rate) reads nothing."""
    needs: list[Needs] = []
    for rule in rules:
        spec = spec_of(rule)
        applied = on_account(spec, money)
        if isinstance(applied, AccountRule):
            needs.append({(spec.level, spec.window): rule_need(spec, applied)})
    return merge_needs(*needs)


def in_scope(spec: RuleSpec, account_id: uuid.UUID) -> bool:
    return not spec.scope.ad_account_ids or account_id in spec.scope.ad_account_ids


def plan_rule(
    session: Session,
    rule: Rule,
    account: AdAccount,
    now: datetime,
    reads: Candidates | None = None,
    book: RateBook | None = None,
) -> list[PlannedAction]:
    """What `rule` would do to `account`'s entities at `now` (nothing is changed). The rule's
    amounts apply in the account's currency (`spec.on_account`: converted at the local day's
    reference rate from `book` when the rule states another; a rule that cannot apply so acts
    on nothing)."""
    spec = spec_of(rule)
    if not in_scope(spec, account.id):
        return []
    applied = on_account(
        spec, account_money(account, now, book if book is not None else book_around(session, now))
    )
    if isinstance(applied, NotApplicable):
        return []
    matched = _matches(session, spec, applied, account, now, reads if reads is not None else Candidates())
    if not matched:
        return []
    if spec.action.type is RuleActionType.CHANGE_BUDGET:
        planned = _budget_targets(session, spec, matched, account.currency)
    else:
        planned = [
            PlannedAction(spec.level, r.id, r.meta_id, r.name, r.ad_account_id, r.id, values)
            for r, values in matched
        ]
    notes = tuple(applied.notes())
    return [
        replace(p, currency=account.currency, conversions=notes)
        for p in _drop_cooling(session, rule, spec, planned, now)
    ]


def rule_filters(spec: RuleSpec, account: AdAccount) -> Filters:
    """The Ads Manager filters of the rule on `account`: its scope and the status it acts on."""
    return Filters(
        ad_account_ids=(account.id,),
        sellpage_ids=spec.scope.sellpage_ids,
        campaign_ids=spec.scope.campaign_ids,
        statuses=(ACTS_ON_STATUS[spec.action.type],),
        q=spec.scope.name_contains,
    )


def _matches(
    session: Session,
    spec: RuleSpec,
    applied: AccountRule,
    account: AdAccount,
    now: datetime,
    reads: Candidates,
) -> list[tuple[SummedRow, dict[str, Any]]]:
    read = reads.read(session, account, spec.level, spec.window, now, rule_need(spec, applied))
    kept = matching(applied, read.where(rule_filters(spec, account)), _metrics_of)
    kept.sort(key=lambda candidate: by_spend(candidate.row))  # the Ads Manager's order
    matched = [(candidate.row, decisive_values(spec, candidate.metrics)) for candidate in kept]
    wanted = spec.scope.creative_fatigue
    if wanted is None or not matched:
        return matched
    thresholds = seller_fatigue_thresholds(session, account.seller_id)
    found = ads_fatigue(session, account.seller_id, [r.id for r, _ in matched], thresholds, now)
    at_least = (
        {FatigueState.FATIGUED} if wanted == "fatigued" else {FatigueState.WATCH, FatigueState.FATIGUED}
    )
    return [
        (
            row,
            {**values, "fatigue": found[row.id].state.value, "fatigue_signals": list(found[row.id].signals)},
        )
        for row, values in matched
        if row.id in found and found[row.id].state in at_least
    ]


_metrics_of = attrgetter("metrics")


def _budget_targets(
    session: Session, spec: RuleSpec, matched: list[tuple[SummedRow, dict[str, Any]]], currency: str
) -> list[PlannedAction]:
    assert spec.action.percent is not None
    ids = [r.id for r, _ in matched]
    campaigns: dict[uuid.UUID, Campaign] = {}
    adsets: dict[uuid.UUID, AdSet] = {}
    if spec.level is EntityLevel.ADSET:
        adsets = {a.id: a for a in session.scalars(select(AdSet).where(AdSet.id.in_(ids)))}
        parent_ids = {a.campaign_id for a in adsets.values()}
        campaigns = {c.id: c for c in session.scalars(select(Campaign).where(Campaign.id.in_(parent_ids)))}
    else:
        campaigns = {c.id: c for c in session.scalars(select(Campaign).where(Campaign.id.in_(ids)))}
    out: dict[uuid.UUID, PlannedAction] = {}
    for row, values in matched:
        holder: Campaign | AdSet | None = campaigns.get(row.id)
        level = EntityLevel.CAMPAIGN
        if spec.level is EntityLevel.ADSET:
            adset = adsets[row.id]
            holder, level = (
                (adset, EntityLevel.ADSET)
                if adset.daily_budget
                else (campaigns.get(adset.campaign_id), EntityLevel.CAMPAIGN)
            )
        if holder is None or not holder.daily_budget or holder.id in out:
            continue
        change = changed_budget(holder.daily_budget, spec.action.percent, currency)
        out[holder.id] = PlannedAction(
            level, holder.id, holder.meta_id, holder.name, holder.ad_account_id, row.id, values, change
        )
    return list(out.values())


def _drop_cooling(
    session: Session, rule: Rule, spec: RuleSpec, planned: list[PlannedAction], now: datetime
) -> list[PlannedAction]:
    if not planned:
        return []
    ids = [p.entity_id for p in planned]
    cooling: set[uuid.UUID] = set()
    if spec.cooldown_minutes:
        cooling |= set(
            session.scalars(
                select(RuleAction.entity_id).where(
                    RuleAction.rule_id == rule.id,
                    RuleAction.entity_id.in_(ids),
                    RuleAction.acted_at > now - timedelta(minutes=spec.cooldown_minutes),
                    RuleAction.outcome != RuleActionOutcome.FAILED,
                )
            )
        )
    if spec.action.type is RuleActionType.CHANGE_BUDGET:
        cooling |= set(
            session.scalars(
                select(RuleAction.entity_id).where(
                    RuleAction.entity_id.in_(ids),
                    RuleAction.action == RuleActionType.CHANGE_BUDGET,
                    RuleAction.acted_at > now - timedelta(hours=BUDGET_SPACING_HOURS),
                    RuleAction.outcome != RuleActionOutcome.FAILED,
                )
            )
        )
    return [p for p in planned if p.entity_id not in cooling]
