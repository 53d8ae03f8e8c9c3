"""An alert as the API and the webhook show it (one shape for both)."""

from __future__ import annotations

from typing import Any

from pixecom.adsmanager.values import shown
from pixecom.db.automation_models import Alert
from pixecom.domain.metrics import METRIC_BY_NAME

_APART = ("currency", "conversions")  # stated beside the values, not among them


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
        "currency": alert.detail.get("currency"),
        "values": alert_values(alert.detail),
        "conversions": alert.detail.get("conversions", []),
        "occurrences": alert.occurrences,
        "opened_at": alert.opened_at.isoformat(),
        "last_seen_at": alert.last_seen_at.isoformat(),
        "resolved_at": alert.resolved_at.isoformat() if alert.resolved_at else None,
        "acknowledged_at": alert.acknowledged_at.isoformat() if alert.acknowledged_at else None,
    }


def alert_values(detail: dict[str, Any]) -> dict[str, Any]:
    """The values of an alert, metrics in the Ads Manager's types (alerts opened before they were
    typed stored every value as a string)."""
    out: dict[str, Any] = {}
    for name, value in detail.items():
        if name in _APART:
            continue
        if name in METRIC_BY_NAME:
            out[name] = shown(name, value)
        elif name == "floor" and value is not None:
            out[name] = float(value)
        else:
            out[name] = value
    return out
