"""Evaluate a seller's enabled rules for one ad account after its stats sync, and act.

Idempotent per (rule, entity, evaluation): the evaluation key comes from the sync run that
triggered it, and each entity a rule acts on is claimed with a `rule_actions` row under a unique
(rule, entity, evaluation_key) key in the same transaction as the rule run and its control job.
A retried message therefore claims nothing new; it only re-sends the control message of a job
still queued and re-applies budgets still marked queued (a daily_budget write sets an absolute
value, so applying it twice is the same as once).

- pause / activate: one bulk status job per rule run (`pixecom.control`), the rule as its actor.
- change_budget: applied here through the Graph API, one object at a time, audited.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from pixecom.control.jobs import StatusChange, create_status_job
from pixecom.control.messages import send_control_message
from pixecom.crypto import decrypt_token
from pixecom.db.automation_models import Rule, RuleAction, RuleRun
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount, AdSet, AuditLog, Campaign, Job
from pixecom.domain.automation import RuleActionOutcome, RuleActionType
from pixecom.domain.enums import ConnectionStatus, EntityLevel, JobStatus
from pixecom.meta.errors import GraphError
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.observability import logger
from pixecom.rates.store import account_money, book_around
from pixecom.rules.plan import TARGET_STATUS, PlannedAction, plan_rule, rules_needs
from pixecom.rules.windows import Candidates

BUDGET_CHANGE = "budget_change"


@dataclass
class EvaluationReport:
    rules: int = 0
    runs: int = 0
    entities: int = 0
    jobs: list[uuid.UUID] = field(default_factory=list)
    budgets_applied: int = 0
    budgets_failed: int = 0


def evaluate_rules(
    account_id: uuid.UUID,
    evaluation_key: str,
    now: datetime,
    *,
    graph: GraphFactory = default_graph,
    send_control: Callable[[uuid.UUID], None] = send_control_message,
    reads: Candidates | None = None,
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
    _apply_budgets(account_id, evaluation_key, now, graph, report)
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
    job_id = None
    if rule.action is not RuleActionType.CHANGE_BUDGET:
        change = StatusChange(
            level=rule.level,
            status=TARGET_STATUS[rule.action],
            ids=[p.entity_id for p in claimed],
            idempotency_key=f"rule:{rule.id}:{account.id}:{key}"[:200],
        )
        job_id = create_status_job(session, rule.seller_id, change, now, rule_id=rule.id).job_id
        report.jobs.append(job_id)
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
            "from_value": str(p.budget.from_minor) if p.budget else None,
            "to_value": str(p.budget.to_minor) if p.budget else TARGET_STATUS[rule.action].value,
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
    with session_scope() as session:
        return list(
            session.scalars(
                select(Job.id)
                .join(RuleRun, RuleRun.job_id == Job.id)
                .where(
                    RuleRun.ad_account_id == account_id,
                    RuleRun.evaluation_key == key,
                    Job.status == JobStatus.QUEUED,
                )
            ).all()
        )


@dataclass(frozen=True)
class _BudgetItem:
    action_id: int
    rule_id: uuid.UUID
    seller_id: uuid.UUID
    level: EntityLevel
    entity_id: uuid.UUID
    meta_id: str
    name: str
    from_minor: int
    to_minor: int


def _pending_budgets(account_id: uuid.UUID, key: str) -> tuple[str, bytes, list[_BudgetItem]]:
    with session_scope() as session:
        account = session.get_one(AdAccount, account_id)
        rows = session.execute(
            select(RuleAction, Rule.level, RuleRun.entities)
            .join(Rule, Rule.id == RuleAction.rule_id)
            .join(
                RuleRun,
                (RuleRun.rule_id == RuleAction.rule_id)
                & (RuleRun.evaluation_key == RuleAction.evaluation_key)
                & (RuleRun.ad_account_id == account_id),
            )
            .where(
                RuleAction.evaluation_key == key,
                RuleAction.action == RuleActionType.CHANGE_BUDGET,
                RuleAction.outcome == RuleActionOutcome.QUEUED,
            )
        ).all()
        items = []
        for action, _level, entities in rows:
            entry = next(e for e in entities if e["entity_id"] == str(action.entity_id))
            items.append(
                _BudgetItem(
                    action.id,
                    action.rule_id,
                    action.seller_id,
                    EntityLevel(entry["level"]),
                    action.entity_id,
                    _meta_id(session, EntityLevel(entry["level"]), action.entity_id),
                    entry["name"],
                    int(action.from_value or 0),
                    int(action.to_value or 0),
                )
            )
        return account.meta_account_id, bytes(account.access_token_encrypted), items


def _meta_id(session: Session, level: EntityLevel, entity_id: uuid.UUID) -> str:
    model = Campaign if level is EntityLevel.CAMPAIGN else AdSet
    return str(session.scalar(select(model.meta_id).where(model.id == entity_id)))


def _apply_budgets(
    account_id: uuid.UUID,
    key: str,
    now: datetime,
    graph: GraphFactory,
    report: EvaluationReport,
) -> None:
    meta_account_id, ciphertext, items = _pending_budgets(account_id, key)
    if not items:
        return
    with graph(decrypt_token(ciphertext)) as client:
        for item in items:
            error = None
            try:
                client.set_daily_budget(item.meta_id, item.to_minor, account_id=meta_account_id)
            except GraphError as exc:
                error = exc.message
            _record_budget(item, error, now)
            if error is None:
                report.budgets_applied += 1
            else:
                report.budgets_failed += 1


def _record_budget(item: _BudgetItem, error: str | None, now: datetime) -> None:
    outcome = RuleActionOutcome.FAILED if error else RuleActionOutcome.APPLIED
    with session_scope() as session:
        session.execute(
            update(RuleAction).where(RuleAction.id == item.action_id).values(outcome=outcome, error=error)
        )
        if error is None:
            model = Campaign if item.level is EntityLevel.CAMPAIGN else AdSet
            session.execute(
                update(model).where(model.id == item.entity_id).values(daily_budget=item.to_minor)
            )
        session.add(
            AuditLog(
                seller_id=item.seller_id,
                rule_id=item.rule_id,
                action=BUDGET_CHANGE,
                entity_level=item.level.value,
                entity_id=item.entity_id,
                entity_name=item.name,
                from_value=str(item.from_minor),
                to_value=str(item.to_minor),
                outcome=outcome.value,
                detail={"meta_id": item.meta_id, **({"error": error} if error else {})},
                created_at=now,
            )
        )
