"""The AutomationWorker: after each successful stats sync, evaluate the account's alerts and the
seller's rules, then deliver the seller's due webhooks.

The stats worker only sends one small message (`pixecom.automation_message`, best effort, after
its transaction committed), so neither a slow evaluation nor an unreachable webhook can delay or
fail a sync.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy.orm import Session

from pixecom.alerts.evaluate import alert_needs, evaluate_account_alerts, load_thresholds
from pixecom.alerts.webhooks import deliver_due
from pixecom.automation_message import AutomationMessage
from pixecom.clock import Clock, utc_now
from pixecom.control.messages import send_control_message
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.rules.evaluate import EvaluationReport, enabled_rules, evaluate_rules
from pixecom.rules.plan import rules_needs
from pixecom.rules.windows import Candidates, Needs, merge_needs


def run_automation(
    message: AutomationMessage,
    *,
    clock: Clock = utc_now,
    graph: GraphFactory = default_graph,
    send_control: Callable[[uuid.UUID], None] = send_control_message,
) -> EvaluationReport:
    """Alerts, rules, then the seller's due webhooks, for one message.

    Alerts and rules decide at one instant and share their Ads Manager reads (one statement per
    level and window of the account)."""
    now = clock()
    with session_scope() as session:
        seller_id = session.scalar(
            AdAccount.__table__.select()
            .with_only_columns(AdAccount.seller_id)
            .where(AdAccount.id == message.account_id)
        )
        if seller_id is None:
            return EvaluationReport()
        reads = Candidates(needs=evaluation_needs(session, seller_id))
        evaluate_account_alerts(session, message.account_id, now, reads=reads)
    report = evaluate_rules(
        message.account_id, message.evaluation_key, now, graph=graph, send_control=send_control, reads=reads
    )
    deliver_due(clock=clock, seller_id=seller_id)
    return report


def evaluation_needs(session: Session, seller_id: uuid.UUID) -> Needs:
    """What the seller's alerts and enabled rules read, per level and window: planned before the
    first read, so each (level, window) is read once, with the rows all of them act on."""
    return merge_needs(
        alert_needs(load_thresholds(session, seller_id)),
        rules_needs(enabled_rules(session, seller_id)),
    )
