"""The AutomationWorker: after each successful stats sync, evaluate the account's alerts and the
seller's rules, then deliver the seller's due webhooks.

The stats worker only sends one small message (`pixecom.automation_message`, best effort, after
its transaction committed), so neither a slow evaluation nor an unreachable webhook can delay or
fail a sync.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from pixecom.alerts.evaluate import alert_needs, evaluate_account_alerts, load_thresholds
from pixecom.alerts.webhooks import deliver_due
from pixecom.automation_message import AutomationMessage
from pixecom.clock import Clock, utc_now
from pixecom.control.messages import send_control_message
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount
from pixecom.domain.money import RateBook
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.rates.store import account_money, book_around
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
        account = session.get(AdAccount, message.account_id)
        if account is None:
            return EvaluationReport()
        seller_id = account.seller_id
        book = book_around(session, now)  # one read of the rates for the alerts and the rules
        reads = Candidates(needs=evaluation_needs(session, account, now, book))
        evaluate_account_alerts(session, message.account_id, now, reads=reads, book=book)
    report = evaluate_rules(
        message.account_id,
        message.evaluation_key,
        now,
        graph=graph,
        send_control=send_control,
        reads=reads,
        book=book,
    )
    deliver_due(clock=clock, seller_id=seller_id)
    return report


def evaluation_needs(session: Session, account: AdAccount, now: datetime, book: RateBook) -> Needs:
    """What the seller's alerts and enabled rules read on `account`, per level and window (their
    amounts in the account's currency): planned before the first read, so each (level, window) is
    read once, with the rows all of them act on."""
    money = account_money(account, now, book)
    return merge_needs(
        alert_needs(load_thresholds(session, account.seller_id).on_account(money)),
        rules_needs(enabled_rules(session, account.seller_id), money),
    )
