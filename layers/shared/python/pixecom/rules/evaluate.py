"""Evaluate a seller's enabled rules for one ad account after its stats sync, and act.

Idempotent per (rule, entity, evaluation): the evaluation key comes from the sync run that
triggered it, and each entity a rule acts on is claimed with a `rule_actions` row under a unique
(rule, entity, evaluation_key) key in the same transaction as the rule run and its control job.
A retried message therefore claims nothing new; it only re-sends the control message of a job
still queued.

- pause / activate: one bulk status job per rule run (`pixecom.control`), the rule as its actor.
- change_budget: one budget job per level acted on (ad sets, and campaigns holding an Advantage
  campaign budget) with the rule's percent, through the same path as a seller's bulk budget
  change (`pixecom.control.budgets`: Meta's minimums and its 4-changes-an-hour limit checked
  before any Graph call, applied by the ControlWorker, audited with the rule as the actor).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from pixecom.control.budgets import BudgetChange, BudgetTarget, create_budget_job
from pixecom.control.jobs import StatusChange, create_status_job
from pixecom.control.messages import send_control_message
from pixecom.db.automation_models import Rule, RuleAction, RuleRun
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount, Job
from pixecom.domain.automation import RuleActionOutcome, RuleActionType
from pixecom.domain.budgets import BudgetType
from pixecom.domain.enums import ConnectionStatus, EntityLevel, JobStatus
from pixecom.domain.money import RateBook
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.observability import logger
from pixecom.rates.store import account_money, book_around
from pixecom.rules.plan import TARGET_STATUS, PlannedAction, plan_rule, rules_needs
from pixecom.rules.spec import capped_percent
from pixecom.rules.windows import Candidates

BUDGET_CHANGE = "budget_change"


@dataclass
class EvaluationReport:
    rules: int = 0
    runs: int = 0
    entities: int = 0
    jobs: list[uuid.UUID] = field(default_factory=list)


def evaluate_rules(
    account_id: uuid.UUID,
    evaluation_key: str,
    now: datetime,
    *,
    graph: GraphFactory = default_graph,
    send_control: Callable[[uuid.UUID], None] = send_control_message,
    reads: Candidates | None = None,
    book: RateBook | None = None,
) -> EvaluationReport:
    """Evaluate every enabled rule of the account's seller on it, act, record the runs.

    The rules read the Ads Manager once per level and window (`reads`: pass the alerts' to share
    theirs too, planned with the rules' needs: `pixecom.rules.plan.rules_needs`)."""
    report = EvaluationReport()
    with session_scope() as session:
        account = session.get(AdAccount, account_id)
        if account is None or account.connection_status is not ConnectionStatus.ACTIVE:
            return report
        rules = enabled_rules(session, account.seller_id)
        if book is None:  # the rates the automation worker already read for the alerts, else now
            book = book_around(session, now)
        if reads is None:
            reads = Candidates(needs=rules_needs(rules, account_money(account, now, book)))
        for rule in rules:
            report.rules += 1
            planned = plan_rule(session, rule, account, now, reads, book)
            rule.last_evaluated_at = now
            if planned:
                _record_run(session, rule, account, planned, evaluation_key, now, report)
    for job_id in _queued_jobs(account_id, evaluation_key):
        send_control(job_id)
    logger.info(
        "rules evaluated",
        extra={
            "account_id": str(account_id),
            "rules": report.rules,
            "runs": report.runs,
            "entities": report.entities,
        },
    )
    return report


def enabled_rules(session: Session, seller_id: uuid.UUID) -> list[Rule]:
    """The seller's enabled rules, in the order they were made (the order they act in)."""
    return list(
        session.scalars(
            select(Rule)
            .where(Rule.seller_id == seller_id, Rule.enabled.is_(True))
            .order_by(Rule.created_at, Rule.id)
        )
    )


def _record_run(
    session: Session,
    rule: Rule,
    account: AdAccount,
    planned: list[PlannedAction],
    key: str,
    now: datetime,
    report: EvaluationReport,
) -> None:
    claimed = _claim(session, rule, planned, key, now)
    if not claimed:
        return  # a retried evaluation: this rule already acted on these entities
    job_ids = _create_jobs(session, rule, account, claimed, key, now)
    report.jobs.extend(job_ids)
    job_id = job_ids[0] if job_ids else None
    session.add(
        RuleRun(
            seller_id=rule.seller_id,
            rule_id=rule.id,
            ad_account_id=account.id,
            evaluation_key=key,
            action=rule.action,
            entities=[p.as_json() for p in claimed],
            job_id=job_id,
            created_at=now,
        )
    )
    report.runs += 1
    report.entities += len(claimed)


def job_keys(rule_id: uuid.UUID, account_id: uuid.UUID, key: str) -> list[str]:
    """The idempotency keys of the jobs a rule run makes: one status job, or a budget job per level."""
    base = f"rule:{rule_id}:{account_id}:{key}"
    return [
        base[:200],
        *(f"{base}:{level.value}"[:200] for level in (EntityLevel.CAMPAIGN, EntityLevel.ADSET)),
    ]


def _create_jobs(
    session: Session, rule: Rule, account: AdAccount, claimed: list[PlannedAction], key: str, now: datetime
) -> list[uuid.UUID]:
    status_key, campaign_key, adset_key = job_keys(rule.id, account.id, key)
    if rule.action is not RuleActionType.CHANGE_BUDGET:
        change = StatusChange(
            level=rule.level,
            status=TARGET_STATUS[rule.action],
            ids=[p.entity_id for p in claimed],
            idempotency_key=status_key,
        )
        return [create_status_job(session, rule.seller_id, change, now, rule_id=rule.id).job_id]
    assert rule.budget_change_pct is not None
    target = BudgetTarget(BudgetType.DAILY, percent=capped_percent(rule.budget_change_pct))
    jobs = []
    for level, job_key in ((EntityLevel.CAMPAIGN, campaign_key), (EntityLevel.ADSET, adset_key)):
        ids = [p.entity_id for p in claimed if p.level is level]
        if ids:
            budget = BudgetChange(level, target, ids, job_key)
            jobs.append(create_budget_job(session, rule.seller_id, budget, now, rule_id=rule.id).job_id)
    return jobs


def _claim(
    session: Session, rule: Rule, planned: list[PlannedAction], key: str, now: datetime
) -> list[PlannedAction]:
    """Insert one rule_actions row per entity; only the rows that were new are this run's."""
    rows = [
        {
            "seller_id": rule.seller_id,
            "rule_id": rule.id,
            "entity_id": p.entity_id,
            "evaluation_key": key,
            "action": rule.action,
            "outcome": RuleActionOutcome.QUEUED,
            "from_value": format(p.budget.from_amount.normalize(), "f") if p.budget else None,
            "to_value": format(p.budget.to_amount.normalize(), "f")
            if p.budget
            else TARGET_STATUS[rule.action].value,
            "acted_at": now,
        }
        for p in planned
    ]
    inserted = set(
        session.scalars(
            insert(RuleAction)
            .values(rows)
            .on_conflict_do_nothing(
                index_elements=[RuleAction.rule_id, RuleAction.entity_id, RuleAction.evaluation_key]
            )
            .returning(RuleAction.entity_id)
        ).all()
    )
    return [p for p in planned if p.entity_id in inserted]


def _queued_jobs(account_id: uuid.UUID, key: str) -> list[uuid.UUID]:
    """The still-queued jobs of this evaluation's rule runs on the account (to (re-)send)."""
    with session_scope() as session:
        runs = session.execute(
            select(RuleRun.rule_id, RuleRun.seller_id).where(
                RuleRun.ad_account_id == account_id, RuleRun.evaluation_key == key
            )
        ).all()
        if not runs:
            return []
        keys = [k for rule_id, _ in runs for k in job_keys(rule_id, account_id, key)]
        return list(
            session.scalars(
                select(Job.id)
                .where(
                    Job.seller_id == runs[0].seller_id,
                    Job.idempotency_key.in_(keys),
                    Job.status == JobStatus.QUEUED,
                )
                .order_by(Job.created_at, Job.id)
            ).all()
        )
