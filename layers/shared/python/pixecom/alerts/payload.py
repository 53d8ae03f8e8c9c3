"""An alert as the API and the webhook show it (one shape for both)."""

from __future__ import annotations

from typing import Any

from pixecom.db.automation_models import Alert


def alert_payload(alert: Alert) -> dict[str, Any]:
    """The alert as the API and the webhook show it."""
    return {
        "id": str(alert.id),
        "kind": alert.kind.value,
        "severity": alert.severity.value,
        "status": alert.status.value,
        "ad_account_id": str(alert.ad_account_id),
        "entity_level": alert.entity_level.value,
        "entity_id": str(alert.entity_id),
        "entity_name": alert.entity_name,
        "message": alert.message,
        "values": alert.detail,
        "occurrences": alert.occurrences,
        "opened_at": alert.opened_at.isoformat(),
        "last_seen_at": alert.last_seen_at.isoformat(),
        "resolved_at": alert.resolved_at.isoformat() if alert.resolved_at else None,
        "acknowledged_at": alert.acknowledged_at.isoformat() if alert.acknowledged_at else None,
    }
