"""The AutomationQueue: after each successful stats sync, evaluate the account's alerts and the
seller's rules, then deliver the seller's due webhooks, in a worker of its own.

The stats worker only sends one small message (best effort, after its transaction committed),
so neither a slow evaluation nor an unreachable webhook can delay or fail a sync.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict

from pixecom.alerts.evaluate import evaluate_account_alerts
from pixecom.alerts.webhooks import deliver_due
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount
from pixecom.observability import logger
from pixecom.queue import send_messages
from pixecom.rules.evaluate import EvaluationReport, GraphFactory, evaluate_rules
from pixecom.settings import get_settings

Clock = Callable[[], datetime]


class AutomationMessage(BaseModel):
    """One account to evaluate; `evaluation_key` names the sync run that triggered it, so a
    redelivered message is the same evaluation (rules act once per key)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    account_id: uuid.UUID
    evaluation_key: str


def queue_automation(account_id: uuid.UUID, evaluation_key: str) -> bool:
    """Send the message; never raises (the sync that calls this has already succeeded)."""
    queue_url = get_settings().automation_queue_url
    if not queue_url:
        return False
    body = AutomationMessage(account_id=account_id, evaluation_key=evaluation_key).model_dump_json()
    try:
        send_messages(queue_url, [body])
    except Exception as exc:  # the next sync queues the next evaluation
        logger.warning(
            "automation message not queued",
            extra={"account_id": str(account_id), "error_type": type(exc).__name__},
        )
        return False
    return True


def _utcnow() -> datetime:
    return datetime.now(UTC)


def run_automation(
    message: AutomationMessage,
    *,
    now: Clock = _utcnow,
    graph_factory: GraphFactory | None = None,
    send_control: Callable[[uuid.UUID], None] | None = None,
) -> EvaluationReport:
    """Alerts, rules, then the seller's due webhooks, for one message."""
    with session_scope() as session:
        evaluate_account_alerts(session, message.account_id, now())
        seller_id = session.scalar(
            AdAccount.__table__.select()
            .with_only_columns(AdAccount.seller_id)
            .where(AdAccount.id == message.account_id)
        )
    extra = {"send_control": send_control} if send_control is not None else {}
    report = evaluate_rules(
        message.account_id, message.evaluation_key, now(), graph_factory=graph_factory, **extra
    )
    if seller_id is not None:
        deliver_due(now, seller_id=seller_id)
    return report
