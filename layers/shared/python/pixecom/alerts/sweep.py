"""The scheduled alert sweep: connection and sync-health alerts of every account (a sync that
never runs raises nothing after itself), then every due webhook delivery (the retries)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from pixecom.alerts.evaluate import evaluate_account_alerts
from pixecom.alerts.webhooks import DeliveryReport, Post, deliver_due
from pixecom.clock import Clock, utc_now
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount
from pixecom.observability import logger


@dataclass(frozen=True)
class SweepReport:
    accounts: int
    opened: int
    resolved: int
    deliveries: DeliveryReport


def sweep_alerts(*, clock: Clock = utc_now, post: Post | None = None) -> SweepReport:
    """Check every account's health kinds (one transaction each), then deliver what is due."""
    with session_scope() as session:
        account_ids = list(session.scalars(select(AdAccount.id).order_by(AdAccount.id)))
    opened = resolved = 0
    for account_id in account_ids:
        try:
            with session_scope() as session:
                applied = evaluate_account_alerts(session, account_id, clock(), data=False)
        except Exception as exc:  # one account's failure never blocks the others
            logger.warning(
                "alert sweep failed for an account",
                extra={"account_id": str(account_id), "error_type": type(exc).__name__},
            )
            continue
        if applied is not None:
            opened, resolved = opened + len(applied.opened), resolved + len(applied.resolved)
    deliveries = deliver_due(clock=clock, post=post)
    return SweepReport(len(account_ids), opened, resolved, deliveries)
