"""Open, update and resolve alerts: one OPEN alert per (seller, kind, entity), never two.

`apply_findings` takes every finding of the kinds it evaluated for one account: a finding with an
open alert updates it (last_seen_at, message, values, occurrences), a new one opens an alert
(INSERT ... ON CONFLICT on the partial unique index, so concurrent evaluations cannot duplicate),
and open alerts of those kinds that no finding names any more resolve. Opening and resolving
each queue a webhook delivery when the seller has an enabled webhook.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from pixecom.alerts.conditions import Finding
from pixecom.alerts.payload import alert_payload  # noqa: F401 (the API reads it from here)
from pixecom.alerts.webhooks import queue_alert_event
from pixecom.db.automation_models import Alert
from pixecom.domain.automation import AlertKind, AlertStatus

UPSERT_BATCH = 500  # findings per statement


@dataclass(frozen=True)
class AppliedFindings:
    opened: list[uuid.UUID]
    updated: list[uuid.UUID]
    resolved: list[uuid.UUID]


def apply_findings(
    session: Session,
    seller_id: uuid.UUID,
    account_id: uuid.UUID,
    kinds: Collection[AlertKind],
    findings: Sequence[Finding],
    now: datetime,
) -> AppliedFindings:
    """Make the account's open alerts of `kinds` exactly `findings` (see the module docstring)."""
    opened: list[uuid.UUID] = []
    updated: list[uuid.UUID] = []
    unique = list({(f.kind, f.entity_id): f for f in findings}.values())  # one row per conflict key
    for start in range(0, len(unique), UPSERT_BATCH):
        for alert_id, inserted in _upsert(
            session, seller_id, account_id, unique[start : start + UPSERT_BATCH], now
        ):
            (opened if inserted else updated).append(alert_id)
    resolved = _resolve_others(session, seller_id, account_id, kinds, {*opened, *updated}, now)
    for alert_id in opened:
        queue_alert_event(session, seller_id, alert_id, "alert.opened", now)
    for alert_id in resolved:
        queue_alert_event(session, seller_id, alert_id, "alert.resolved", now)
    return AppliedFindings(opened, updated, resolved)


def _upsert(
    session: Session, seller_id: uuid.UUID, account_id: uuid.UUID, findings: Sequence[Finding], now: datetime
) -> list[tuple[uuid.UUID, bool]]:
    """One INSERT ... ON CONFLICT for findings of distinct (kind, entity): (alert id, whether it
    was opened now), in the findings' order."""
    if not findings:
        return []
    statement = insert(Alert).values(
        [
            {
                "id": uuid.uuid4(),
                "seller_id": seller_id,
                "ad_account_id": account_id,
                "kind": f.kind,
                "severity": f.severity,
                "status": AlertStatus.OPEN,
                "entity_level": f.entity_level,
                "entity_id": f.entity_id,
                "entity_name": f.entity_name[:400],
                "message": f.message,
                "detail": f.detail,
                "occurrences": 1,
                "opened_at": now,
                "last_seen_at": now,
            }
            for f in findings
        ]
    )
    excluded = statement.excluded
    upsert = statement.on_conflict_do_update(
        index_elements=[Alert.seller_id, Alert.kind, Alert.entity_id],
        index_where=text("status = 'open'"),
        set_={
            "last_seen_at": excluded.last_seen_at,
            "message": excluded.message,
            "detail": excluded.detail,
            "entity_name": excluded.entity_name,
            "occurrences": Alert.occurrences + 1,
        },
    ).returning(Alert.kind, Alert.entity_id, Alert.id, text("(xmax = 0) AS inserted"))
    got = {(row[0], row[1]): (row[2], bool(row[3])) for row in session.execute(upsert).all()}
    return [got[(f.kind, f.entity_id)] for f in findings]


def _resolve_others(
    session: Session,
    seller_id: uuid.UUID,
    account_id: uuid.UUID,
    kinds: Collection[AlertKind],
    keep: set[uuid.UUID],
    now: datetime,
) -> list[uuid.UUID]:
    if not kinds:
        return []
    statement = (
        update(Alert)
        .where(
            Alert.seller_id == seller_id,
            Alert.ad_account_id == account_id,
            Alert.status == AlertStatus.OPEN,
            Alert.kind.in_(list(kinds)),
        )
        .values(status=AlertStatus.RESOLVED, resolved_at=now)
        .returning(Alert.id)
    )
    if keep:
        statement = statement.where(Alert.id.not_in(list(keep)))
    return list(session.scalars(statement).all())


def acknowledge(
    session: Session,
    seller_id: uuid.UUID,
    alert_id: uuid.UUID,
    user_id: uuid.UUID,
    now: datetime,
    *,
    accounts: frozenset[uuid.UUID] | None = None,
) -> Alert | None:
    """Mark the seller's alert acknowledged (once: the first acknowledgement is kept). None when
    it is not the seller's, or not of `accounts` (when given)."""
    alert = session.scalars(
        select(Alert).where(Alert.id == alert_id, Alert.seller_id == seller_id).with_for_update()
    ).one_or_none()
    if alert is None or (accounts is not None and alert.ad_account_id not in accounts):
        return None
    if alert.acknowledged_at is None:
        alert.acknowledged_at, alert.acknowledged_by = now, user_id
    return alert
