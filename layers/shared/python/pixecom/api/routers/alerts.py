"""Alerts: GET /alerts, POST /alerts/{id}/ack, the seller's thresholds and webhook.

Sealed to the caller's seller: another seller's alert is not found (404).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from sqlalchemy import func, select

from pixecom.alerts import queries
from pixecom.alerts.conditions import AlertThresholds
from pixecom.alerts.store import acknowledge, alert_payload
from pixecom.alerts.webhook_ping import send_ping
from pixecom.alerts.webhook_urls import UnsafeWebhookUrl
from pixecom.alerts.webhooks import set_webhook, webhook_payload
from pixecom.api.deps import CurrentSeller, DbSession, Now
from pixecom.api.errors import InvalidInput, NotFound
from pixecom.api.permits import requires
from pixecom.api.schemas.alerts import (
    AlertList,
    AlertOut,
    AlertThresholdsOut,
    WebhookIn,
    WebhookOrNone,
    WebhookOut,
    WebhookTestOut,
)
from pixecom.api.schemas.errors import error_responses
from pixecom.control.audit import record_write
from pixecom.db.automation_models import AlertSetting, Webhook, WebhookDelivery
from pixecom.domain.automation import (
    AlertKind,
    AlertSeverity,
    AlertStatus,
    WebhookDeliveryState,
)
from pixecom.domain.permissions import Permission

router = APIRouter(tags=["alerts"])


StatusParam = Annotated[str, Query(pattern="^(open|resolved|all)$")]


@router.get(
    "/alerts",
    dependencies=[requires(Permission.READ)],
    response_model=AlertList,
    response_model_exclude_unset=True,
    responses=error_responses(401, 422),
)
def list_alerts(
    caller: CurrentSeller,
    db: DbSession,
    status: StatusParam = "open",
    kind: Annotated[list[AlertKind] | None, Query()] = None,
    severity: Annotated[list[AlertSeverity] | None, Query()] = None,
    ad_account_id: uuid.UUID | None = None,
    entity_id: uuid.UUID | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    filters = queries.AlertFilters(
        status=None if status == "all" else AlertStatus(status),
        kinds=tuple(kind or ()),
        severities=tuple(severity or ()),
        ad_account_id=ad_account_id,
        entity_id=entity_id,
    )
    try:
        rows, next_cursor = queries.list_alerts(
            db, caller.seller_id, filters, limit, cursor, accounts=caller.ad_account_ids
        )
    except ValueError:
        raise InvalidInput("cursor: malformed cursor", field="cursor") from None
    return {"data": [alert_payload(a) for a in rows], "paging": {"next_cursor": next_cursor}}


@router.post(
    "/alerts/{alert_id}/ack",
    dependencies=[requires(Permission.ALERTS_WRITE)],
    response_model=AlertOut,
    response_model_exclude_unset=True,
    responses=error_responses(401, 404, 422),
)
def acknowledge_alert(alert_id: uuid.UUID, caller: CurrentSeller, db: DbSession, now: Now) -> dict[str, Any]:
    alert = acknowledge(db, caller.seller_id, alert_id, caller.user_id, now, accounts=caller.ad_account_ids)
    if alert is None:
        raise NotFound("No such alert")
    record_write(db, caller.seller_id, caller.user_id, "alert_acknowledged", "alert", entity_id=alert.id,
                 entity_name=alert.entity_name, now=now)  # fmt: skip
    return alert_payload(alert)


@router.get(
    "/alerts/settings",
    dependencies=[requires(Permission.READ)],
    response_model=AlertThresholdsOut,
    responses=error_responses(401),
)
def get_thresholds(caller: CurrentSeller, db: DbSession) -> dict[str, Any]:
    stored = db.get(AlertSetting, caller.seller_id)
    return AlertThresholds.model_validate(stored.values if stored else {}).model_dump()


@router.put(
    "/alerts/settings",
    dependencies=[requires(Permission.ALERTS_WRITE, seller_wide=True)],
    response_model=AlertThresholdsOut,
    responses=error_responses(400, 401, 422),
)
def put_thresholds(body: AlertThresholds, caller: CurrentSeller, db: DbSession, now: Now) -> dict[str, Any]:
    values = body.model_dump(mode="json")
    stored = db.get(AlertSetting, caller.seller_id)
    if stored is None:
        db.add(AlertSetting(seller_id=caller.seller_id, values=values))
    else:
        stored.values = values
    record_write(db, caller.seller_id, caller.user_id, "alert_settings_changed", "alert_settings", now=now)
    return body.model_dump()


def _webhook_out(db: DbSession, hook: Webhook) -> dict[str, Any]:
    pending, retrying = db.execute(
        select(func.count(), func.count().filter(WebhookDelivery.attempts > 0))
        .select_from(WebhookDelivery)
        .where(
            WebhookDelivery.seller_id == hook.seller_id,
            WebhookDelivery.state == WebhookDeliveryState.PENDING,
        )
    ).one()
    return webhook_payload(hook, int(pending or 0), int(retrying or 0))


@router.get(
    "/alerts/webhook",
    dependencies=[requires(Permission.WEBHOOKS_MANAGE)],
    response_model=WebhookOrNone,
    responses=error_responses(401),
    summary="The webhook and its delivery status; null when none is set",
)
def get_webhook(caller: CurrentSeller, db: DbSession) -> dict[str, Any] | None:
    # No webhook is a normal state of a seller, not a missing resource: 200 with null (a 404
    # would be an error in every browser's console on each visit of the Alerts page).
    hook = db.get(Webhook, caller.seller_id)
    return None if hook is None else _webhook_out(db, hook)


@router.put(
    "/alerts/webhook",
    dependencies=[requires(Permission.WEBHOOKS_MANAGE)],
    response_model=WebhookOut,
    responses=error_responses(400, 401, 422),
)
def put_webhook(body: WebhookIn, caller: CurrentSeller, db: DbSession, now: Now) -> dict[str, Any]:
    try:
        hook = set_webhook(db, caller.seller_id, str(body.url), body.secret, body.enabled)
    except UnsafeWebhookUrl as exc:
        raise InvalidInput(f"url: {exc}", field="url") from None
    except ValueError:
        raise InvalidInput("secret: required when creating the webhook", field="secret") from None
    record_write(
        db, caller.seller_id, caller.user_id, "webhook_set", "webhook", entity_name=hook.url, now=now
    )
    return _webhook_out(db, hook)


@router.post(
    "/alerts/webhook/test",
    dependencies=[requires(Permission.WEBHOOKS_MANAGE)],
    response_model=WebhookTestOut,
    responses=error_responses(401, 404),
)
def test_webhook(caller: CurrentSeller, db: DbSession, now: Now) -> dict[str, Any]:
    """Send a signed test event to the webhook now and say how it went (also in its status)."""
    sent = send_ping(db, caller.seller_id, now)
    hook = db.get(Webhook, caller.seller_id)
    if sent is None or hook is None:
        raise NotFound("No webhook set")
    return {
        "delivered": sent.delivered,
        "status_code": sent.status_code,
        "error": sent.error,
        "webhook": _webhook_out(db, hook),
    }


@router.delete(
    "/alerts/webhook",
    dependencies=[requires(Permission.WEBHOOKS_MANAGE)],
    status_code=204,
    responses=error_responses(401, 404),
)
def delete_webhook(caller: CurrentSeller, db: DbSession, now: Now) -> Response:
    hook = db.get(Webhook, caller.seller_id)
    if hook is None:
        raise NotFound("No webhook set")
    db.delete(hook)
    record_write(
        db, caller.seller_id, caller.user_id, "webhook_deleted", "webhook", entity_name=hook.url, now=now
    )
    return Response(status_code=204)
