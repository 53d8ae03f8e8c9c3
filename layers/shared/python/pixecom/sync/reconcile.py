"""Reconciliation: after each stats run, Meta's account totals against the sum of our ad rows.

One more Graph call per run (`level=account, time_increment=1`, the run's window), made right
after the ad rows were read and before the write, so no Graph call happens under the account
lock. Inside the write's transaction, after the rows are replaced, each day of the window is
compared (spend, impressions, link clicks, purchases, purchase value; domain.reconciliation) and
stored in `stats_reconciliation`: the last check of a day wins. Differences are logged and counted
as a metric; they never fail the run (the rows are still Meta's answer for the ads it listed).
A failed totals call skips the check with a warning on the run.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from aws_lambda_powertools.metrics import MetricUnit
from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from pixecom.db.models import AdStatsDaily
from pixecom.db.reconciliation_models import StatsReconciliation
from pixecom.domain.dates import DateRange
from pixecom.domain.reconciliation import (
    RECONCILED_METRICS,
    DayTotals,
    Difference,
    day_differences,
    largest_difference,
)
from pixecom.meta.client import GraphClient
from pixecom.meta.errors import GraphError
from pixecom.meta.insights import read_account_daily_totals
from pixecom.meta.models import DailyTotals
from pixecom.meta.params import act_id
from pixecom.observability import logger, metrics
from pixecom.sync.runs import AccountRef


@dataclass(frozen=True)
class ReconciliationSummary:
    """What the checks of an account say: the ad account's `reconciliation` in the API."""

    days_checked: int = 0
    days_differing: int = 0
    largest_difference: Difference | None = None
    last_checked_at: datetime | None = None


def fetch_totals(client: GraphClient, account: AccountRef, window: DateRange) -> list[DailyTotals] | None:
    """Meta's daily account totals for the window; None (logged) when Meta did not answer."""
    try:
        return read_account_daily_totals(client, act_id(account.meta_account_id), window.since, window.until)
    except GraphError as exc:
        logger.warning(
            "account totals not read; reconciliation skipped",
            extra={"account_id": str(account.id), "kind": type(exc).__name__, "code": exc.code},
        )
        return None


def _our_totals(session: Session, account_id: uuid.UUID, window: DateRange) -> dict[date, DayTotals]:
    s = AdStatsDaily
    rows = session.execute(
        select(
            s.date,
            func.sum(s.spend),
            func.sum(s.impressions),
            func.sum(s.link_clicks),
            func.sum(s.purchases),
            func.sum(s.purchase_value),
        )
        .where(s.ad_account_id == account_id, s.date.between(window.since, window.until))
        .group_by(s.date)
    ).all()
    return {
        day: DayTotals(spend, int(impressions), int(link_clicks), int(purchases), value)
        for day, spend, impressions, link_clicks, purchases, value in rows
    }


def reconcile(
    session: Session,
    account: AccountRef,
    window: DateRange,
    totals: list[DailyTotals],
    checked_at: datetime,
) -> ReconciliationSummary:
    """Compare and store every day of the window (in `session`, after the rows were written)."""
    meta = {
        t.date: DayTotals(t.spend, t.impressions, t.link_clicks, t.purchases, t.purchase_value)
        for t in totals
    }
    ours = _our_totals(session, account.id, window)
    rows, differences, differing = [], [], 0
    for day in window.iter_days():
        theirs, mine = meta.get(day, DayTotals()), ours.get(day, DayTotals())
        found = day_differences(day, theirs, mine)
        differences.extend(found)
        differing += bool(found)
        row: dict[str, object] = {
            "ad_account_id": account.id,
            "seller_id": account.seller_id,
            "date": day,
            "differs": bool(found),
            "checked_at": checked_at,
        }
        for name in RECONCILED_METRICS:
            row[f"meta_{name}"], row[f"our_{name}"] = getattr(theirs, name), getattr(mine, name)
        rows.append(row)
    statement = pg_insert(StatsReconciliation)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=[StatsReconciliation.ad_account_id, StatsReconciliation.date],
            set_={c: statement.excluded[c] for c in rows[0] if c not in ("ad_account_id", "date")},
        ),
        rows,
    )
    summary = ReconciliationSummary(len(rows), differing, largest_difference(differences), checked_at)
    _report(account, window, summary)
    return summary


def _report(account: AccountRef, window: DateRange, summary: ReconciliationSummary) -> None:
    metrics.add_metric(name="ReconciliationDaysChecked", unit=MetricUnit.Count, value=summary.days_checked)
    metrics.add_metric(
        name="ReconciliationDaysDiffering", unit=MetricUnit.Count, value=summary.days_differing
    )
    largest = summary.largest_difference
    if largest is None:
        return
    logger.warning(
        "our ad rows differ from Meta's account totals",
        extra={
            "account_id": str(account.id),
            "since": str(window.since),
            "until": str(window.until),
            "days_differing": summary.days_differing,
            "largest_date": str(largest.date),
            "largest_metric": largest.metric,
            "meta": str(largest.meta),
            "ours": str(largest.ours),
        },
    )


def reconciliation_summaries(
    session: Session, seller_id: uuid.UUID, account_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, ReconciliationSummary]:
    """Each account's checks so far (accounts never checked are absent)."""
    r = StatsReconciliation
    scope = (r.seller_id == seller_id, r.ad_account_id.in_(list(account_ids)))
    counts = session.execute(
        select(r.ad_account_id, func.count(), func.count().filter(r.differs), func.max(r.checked_at))
        .where(*scope)
        .group_by(r.ad_account_id)
    ).all()
    differing: dict[uuid.UUID, list[Difference]] = {}
    for row in session.scalars(select(r).where(*scope, r.differs)):
        theirs = DayTotals(*(getattr(row, f"meta_{n}") for n in RECONCILED_METRICS))
        mine = DayTotals(*(getattr(row, f"our_{n}") for n in RECONCILED_METRICS))
        differing.setdefault(row.ad_account_id, []).extend(day_differences(row.date, theirs, mine))
    return {
        account_id: ReconciliationSummary(
            checked, bad, largest_difference(differing.get(account_id, [])), last
        )
        for account_id, checked, bad, last in counts
    }
