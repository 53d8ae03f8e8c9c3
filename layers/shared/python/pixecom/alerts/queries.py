"""Reading a seller's alerts: newest first, filtered, keyset-paged (cursor = opened_at|id)."""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pixecom.db.automation_models import Alert
from pixecom.domain.automation import AlertKind, AlertSeverity, AlertStatus


@dataclass(frozen=True)
class AlertFilters:
    status: AlertStatus | None = AlertStatus.OPEN  # None: open and resolved
    kinds: tuple[AlertKind, ...] = ()
    severities: tuple[AlertSeverity, ...] = ()
    ad_account_id: uuid.UUID | None = None
    entity_id: uuid.UUID | None = None


def encode_cursor(alert: Alert) -> str:
    raw = f"{alert.opened_at.isoformat()}|{alert.id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(token: str) -> tuple[datetime, uuid.UUID]:
    """ValueError for anything that is not one of our cursors."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        at, alert_id = raw.split("|", 1)
        parsed = datetime.fromisoformat(at)
        if parsed.tzinfo is None:
            raise ValueError(token)
        return parsed, uuid.UUID(alert_id)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValueError("malformed cursor") from exc


def list_alerts(
    session: Session,
    seller_id: uuid.UUID,
    filters: AlertFilters,
    limit: int,
    cursor: str | None,
    *,
    accounts: frozenset[uuid.UUID] | None = None,
) -> tuple[list[Alert], str | None]:
    """A page of the seller's alerts (only those of `accounts` when given: a limited member)."""
    query = select(Alert).where(Alert.seller_id == seller_id)
    if accounts is not None:
        query = query.where(Alert.ad_account_id.in_(accounts))
    if filters.status is not None:
        query = query.where(Alert.status == filters.status)
    if filters.kinds:
        query = query.where(Alert.kind.in_(filters.kinds))
    if filters.severities:
        query = query.where(Alert.severity.in_(filters.severities))
    if filters.ad_account_id is not None:
        query = query.where(Alert.ad_account_id == filters.ad_account_id)
    if filters.entity_id is not None:
        query = query.where(Alert.entity_id == filters.entity_id)
    if cursor is not None:
        at, last_id = decode_cursor(cursor)
        query = query.where(or_(Alert.opened_at < at, (Alert.opened_at == at) & (Alert.id > last_id)))
    rows = list(session.scalars(query.order_by(Alert.opened_at.desc(), Alert.id).limit(limit + 1)))
    next_cursor = encode_cursor(rows[limit - 1]) if len(rows) > limit else None
    return rows[:limit], next_cursor
