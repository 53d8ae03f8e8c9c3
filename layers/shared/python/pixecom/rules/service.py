"""Rules CRUD, enable/disable, preview and runs, sealed to the seller (None = not found)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixecom.adsmanager.values import shown
from pixecom.db.automation_models import Rule, RuleRun
from pixecom.db.models import AdAccount, Campaign, Sellpage
from pixecom.domain.metrics import METRIC_BY_NAME
from pixecom.rates.store import account_money, book_around
from pixecom.rates.thresholds import MoneyAmount
from pixecom.rules.plan import PlannedAction, in_scope, plan_rule, spec_of
from pixecom.rules.spec import Condition, NotApplicable, RuleSpec, on_account
from pixecom.rules.windows import Candidates


class UnknownScopeId(Exception):
    """The scope names an ad account, sellpage or campaign that is not the seller's."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


def _check_scope(session: Session, seller_id: uuid.UUID, spec: RuleSpec) -> None:
    for field, model, ids in (
        ("scope.ad_account_ids", AdAccount, spec.scope.ad_account_ids),
        ("scope.sellpage_ids", Sellpage, spec.scope.sellpage_ids),
        ("scope.campaign_ids", Campaign, spec.scope.campaign_ids),
    ):
        if not ids:
            continue
        found = set(session.scalars(select(model.id).where(model.seller_id == seller_id, model.id.in_(ids))))
        if found != set(ids):
            raise UnknownScopeId(field)


def _write(rule: Rule, spec: RuleSpec) -> None:
    rule.name = spec.name
    rule.level = spec.level
    rule.window = spec.window
    rule.scope = spec.scope.model_dump(mode="json")
    rule.conditions = [c.model_dump(mode="json") for c in spec.conditions]
    rule.min_spend = spec.min_spend.amount
    rule.min_spend_currency = spec.min_spend.currency
    rule.action = spec.action.type
    rule.budget_change_pct = spec.action.percent
    rule.cooldown_minutes = spec.cooldown_minutes
    rule.enabled = spec.enabled


def create_rule(
    session: Session, seller_id: uuid.UUID, spec: RuleSpec, *, created_by: uuid.UUID | None = None
) -> Rule:
    _check_scope(session, seller_id, spec)
    rule = Rule(seller_id=seller_id, created_by=created_by)
    _write(rule, spec)
    session.add(rule)
    session.flush()
    session.refresh(rule)
    return rule


def get_rule(session: Session, seller_id: uuid.UUID, rule_id: uuid.UUID) -> Rule | None:
    return session.scalars(select(Rule).where(Rule.id == rule_id, Rule.seller_id == seller_id)).one_or_none()


def list_rules(session: Session, seller_id: uuid.UUID) -> list[Rule]:
    return list(
        session.scalars(select(Rule).where(Rule.seller_id == seller_id).order_by(Rule.created_at, Rule.id))
    )


def update_rule(
    session: Session, seller_id: uuid.UUID, rule_id: uuid.UUID, changes: dict[str, Any]
) -> Rule | None:
    """Apply a partial change; the whole rule is validated again (ValidationError if not valid)."""
    rule = get_rule(session, seller_id, rule_id)
    if rule is None:
        return None
    merged = {**spec_of(rule).model_dump(mode="json"), **changes}
    spec = RuleSpec.model_validate(merged)
    _check_scope(session, seller_id, spec)
    _write(rule, spec)
    session.flush()
    return rule


def delete_rule(session: Session, seller_id: uuid.UUID, rule_id: uuid.UUID) -> bool:
    rule = get_rule(session, seller_id, rule_id)
    if rule is None:
        return False
    session.delete(rule)
    return True


@dataclass(frozen=True)
class Preview:
    """What the rule would do now, and the accounts in its scope its amounts cannot apply to."""

    planned: list[PlannedAction]
    skipped: list[dict[str, Any]]


def preview_rule(session: Session, rule: Rule, now: datetime) -> Preview:
    """What the rule would do now on every account in its scope; nothing is changed."""
    spec = spec_of(rule)
    accounts = session.scalars(
        select(AdAccount).where(AdAccount.seller_id == rule.seller_id).order_by(AdAccount.name, AdAccount.id)
    ).all()
    reads, book = Candidates(), book_around(session, now)
    out: list[PlannedAction] = []
    skipped: list[dict[str, Any]] = []
    for account in accounts:
        if not in_scope(spec, account.id):
            continue
        applied = on_account(spec, account_money(account, now, book))
        if isinstance(applied, NotApplicable):
            skipped.append(
                {"ad_account_id": str(account.id), "currency": account.currency, "reason": applied.reason}
            )
            continue
        out += plan_rule(session, rule, account, now, reads, book)
    return Preview(out, skipped)


def list_runs(session: Session, seller_id: uuid.UUID, rule_id: uuid.UUID, limit: int) -> list[RuleRun]:
    return list(
        session.scalars(
            select(RuleRun)
            .where(RuleRun.rule_id == rule_id, RuleRun.seller_id == seller_id)
            .order_by(RuleRun.created_at.desc(), RuleRun.id)
            .limit(limit)
        )
    )


def rule_payload(rule: Rule) -> dict[str, Any]:
    spec = spec_of(rule).model_dump(mode="json")
    return {
        "id": str(rule.id),
        **spec,
        "min_spend": spec_of(rule).min_spend.as_json(),
        "conditions": [_condition_json(c) for c in spec_of(rule).conditions],
        "last_evaluated_at": rule.last_evaluated_at.isoformat() if rule.last_evaluated_at else None,
        "created_at": rule.created_at.isoformat(),
        "updated_at": rule.updated_at.isoformat(),
    }


def run_payload(run: RuleRun) -> dict[str, Any]:
    return {
        "id": str(run.id),
        "rule_id": str(run.rule_id),
        "ad_account_id": str(run.ad_account_id),
        "evaluation_key": run.evaluation_key,
        "action": run.action.value,
        "entities": [entity_json(e) for e in run.entities],
        "job_id": str(run.job_id) if run.job_id else None,
        "created_at": run.created_at.isoformat(),
    }


def entity_json(stored: dict[str, Any]) -> dict[str, Any]:
    """A planned or stored entity with its values in the Ads Manager's types (runs recorded
    before the values were typed held every value as a string, and no currency)."""
    values = {  # metrics in their types; other facts (a creative's fatigue) as recorded
        name: shown(name, value) if name in METRIC_BY_NAME else value
        for name, value in stored.get("values", {}).items()
    }
    return {**stored, "values": values, "conversions": stored.get("conversions", [])}


def _condition_json(condition: Condition) -> dict[str, Any]:
    value = condition.value
    shown_value = value.as_json() if isinstance(value, MoneyAmount) else str(value)
    return {"metric": condition.metric, "op": condition.op.value, "value": shown_value}
