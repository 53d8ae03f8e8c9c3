"""A seller's alert webhook: configuration, the outbox of alert events, and signed delivery.

Alert evaluation only INSERTs a `webhook_deliveries` row (same transaction as the alert), so a
slow or broken receiver never holds up a sync or an evaluation. `deliver_due` POSTs what is due,
one row per transaction (`FOR UPDATE SKIP LOCKED`: concurrent workers never send a row twice
at once), and on failure schedules the next attempt with exponential backoff; after
MAX_ATTEMPTS the row is `failed`. The webhook row shows how delivery is going
(consecutive_failures, last_error, last_success_at).

The body carries a Slack-compatible `text`, so a Slack incoming-webhook URL works as it is.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixecom.alerts.payload import alert_payload
from pixecom.alerts.signing import SIGNATURE_HEADER, sign
from pixecom.alerts.webhook_urls import UnsafeWebhookUrl, check_webhook_url
from pixecom.clock import Clock, utc_now
from pixecom.crypto import decrypt_token, encrypt_token
from pixecom.db.automation_models import Alert, Webhook, WebhookDelivery
from pixecom.db.engine import session_scope
from pixecom.domain.automation import WebhookDeliveryState
from pixecom.observability import logger
from pixecom.settings import get_settings

if TYPE_CHECKING:  # imported by the first delivery run, not by every importer
    import httpx

MAX_ATTEMPTS = 6
FIRST_RETRY_SECONDS = 30
MAX_RETRY_SECONDS = 7200
TIMEOUT_SECONDS = 5.0
MAX_ERROR_CHARS = 300

Post = Callable[[str, bytes, dict[str, str]], int]


def retry_delay(attempts: int) -> timedelta:
    """Wait after the `attempts`-th failed attempt: 30 s, 2 min, 8 min, 32 min, then 2 h."""
    return timedelta(seconds=min(FIRST_RETRY_SECONDS * 4 ** (attempts - 1), MAX_RETRY_SECONDS))


def slack_text(alert: Alert, event: str) -> str:
    icon = {"critical": ":rotating_light:", "warning": ":warning:", "info": ":information_source:"}
    if event == "alert.resolved":
        return f":white_check_mark: Resolved: {alert.message}"
    return f"{icon.get(alert.severity.value, '')} {alert.message}".strip()


def queue_alert_event(
    session: Session, seller_id: uuid.UUID, alert_id: uuid.UUID, event: str, now: datetime
) -> bool:
    """Add the event to the outbox if the seller has an enabled webhook; True if queued."""
    enabled = session.scalar(select(Webhook.enabled).where(Webhook.seller_id == seller_id))
    if not enabled:
        return False

    alert = session.get_one(Alert, alert_id)
    payload = {"event": event, "text": slack_text(alert, event), "alert": alert_payload(alert)}
    session.add(
        WebhookDelivery(
            seller_id=seller_id,
            alert_id=alert_id,
            event=event,
            payload=payload,
            state=WebhookDeliveryState.PENDING,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
    )
    return True


def set_webhook(
    session: Session, seller_id: uuid.UUID, url: str, secret: str | None, enabled: bool
) -> Webhook:
    """Create or change the seller's webhook; the secret is kept encrypted and never shown again.

    A new webhook needs a secret; omitting it on a change keeps the current one. UnsafeWebhookUrl
    for a URL that is not https to a public address (pixecom.alerts.webhook_urls).
    """
    hook = session.get(Webhook, seller_id)
    if hook is None and secret is None:
        raise ValueError("secret")
    check_webhook_url(url, allow_loopback=get_settings().webhook_allow_loopback)
    if hook is None:
        assert secret is not None
        hook = Webhook(seller_id=seller_id, url=url, secret_encrypted=encrypt_token(secret), enabled=enabled)
        session.add(hook)
    else:
        hook.url, hook.enabled = url, enabled
        if secret is not None:
            hook.secret_encrypted = encrypt_token(secret)
        hook.consecutive_failures, hook.last_error, hook.last_failure_at = 0, None, None
    session.flush()
    return hook


def webhook_payload(hook: Webhook, pending: int, retrying: int = 0) -> dict[str, Any]:
    """How the webhook is set up and how delivery goes (never the secret). A failed delivery
    waiting for its retry keeps the status failing even when a later delivery succeeded."""
    failing = hook.consecutive_failures > 0 or retrying > 0
    return {
        "url": hook.url,
        "enabled": hook.enabled,
        "has_secret": True,
        "status": "failing" if failing else "ok",
        "consecutive_failures": hook.consecutive_failures,
        "last_attempt_at": hook.last_attempt_at.isoformat() if hook.last_attempt_at else None,
        "last_success_at": hook.last_success_at.isoformat() if hook.last_success_at else None,
        "last_failure_at": hook.last_failure_at.isoformat() if hook.last_failure_at else None,
        "last_error": hook.last_error,
        "pending_deliveries": pending,
        "retrying_deliveries": retrying,
    }


def httpx_poster(client: httpx.Client) -> Post:
    """POST through `client`; returns the HTTP status (raises httpx errors on no answer)."""

    def post(url: str, body: bytes, headers: dict[str, str]) -> int:
        return client.post(url, content=body, headers=headers).status_code

    return post


@dataclass
class DeliveryReport:
    delivered: int = 0
    retried: int = 0
    failed: int = 0


def deliver_due(
    *,
    clock: Clock = utc_now,
    seller_id: uuid.UUID | None = None,
    limit: int = 100,
    post: Post | None = None,
) -> DeliveryReport:
    """Send up to `limit` due deliveries (of one seller, or all); each in its own transaction.

    Redirects are not followed: the signed request goes to the configured URL or nowhere."""
    report = DeliveryReport()
    with ExitStack() as stack:
        send = post or _client_on_first_post(stack)
        for _ in range(limit):
            with session_scope() as session:
                if not _deliver_one(session, clock(), seller_id, send, report):
                    break
    return report


def _client_on_first_post(stack: ExitStack) -> Post:
    """A poster whose HTTP client (and its TLS context: ~60 ms) is made at the first POST, so
    the check after every evaluation costs nothing when no delivery is due; `stack` closes it."""
    sent: list[Post] = []

    def post(url: str, body: bytes, headers: dict[str, str]) -> int:
        if not sent:
            import httpx

            client = stack.enter_context(httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=False))
            sent.append(httpx_poster(client))
        return sent[0](url, body, headers)

    return post


def _deliver_one(
    session: Session, at: datetime, seller_id: uuid.UUID | None, post: Post, report: DeliveryReport
) -> bool:
    query = (
        select(WebhookDelivery)
        .where(
            WebhookDelivery.state == WebhookDeliveryState.PENDING,
            WebhookDelivery.next_attempt_at <= at,
        )
        .order_by(WebhookDelivery.next_attempt_at)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    if seller_id is not None:
        query = query.where(WebhookDelivery.seller_id == seller_id)
    delivery = session.scalars(query).one_or_none()
    if delivery is None:
        return False
    hook = session.get(Webhook, delivery.seller_id)
    if hook is None or not hook.enabled:
        delivery.state, delivery.last_error = WebhookDeliveryState.FAILED, "webhook removed or disabled"
        report.failed += 1
        return True
    code, error = signed_post(hook, delivery.payload, at, post)
    _record(delivery, hook, at, code, error, report)
    return True


def signed_post(
    hook: Webhook, payload: dict[str, Any], at: datetime, post: Post
) -> tuple[int | None, str | None]:
    """POST `payload` to the hook, signed with its secret: (HTTP status or None, error or None)."""
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "PixEcom-Alerts/1",
        SIGNATURE_HEADER: sign(decrypt_token(bytes(hook.secret_encrypted)), int(at.timestamp()), body),
    }
    import httpx

    error, code = None, None
    try:
        # Again at send time: the name may resolve elsewhere now than when the URL was saved.
        check_webhook_url(hook.url, allow_loopback=get_settings().webhook_allow_loopback)
        code = post(hook.url, body, headers)
        if not 200 <= code < 300:
            error = f"HTTP {code}"
    except UnsafeWebhookUrl as exc:
        error = f"URL refused: {exc}"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: could not reach the webhook"
    return code, error


def record_attempt(hook: Webhook, at: datetime, error: str | None) -> None:
    """How delivery goes, on the webhook row: the last attempt, success, or the failure streak."""
    hook.last_attempt_at = at
    if error is None:
        # last_error and last_failure_at stay: an earlier failure must not vanish from view.
        hook.consecutive_failures, hook.last_success_at = 0, at
    else:
        hook.consecutive_failures += 1
        hook.last_error, hook.last_failure_at = error[:MAX_ERROR_CHARS], at


def _record(
    delivery: WebhookDelivery,
    hook: Webhook,
    at: datetime,
    code: int | None,
    error: str | None,
    report: DeliveryReport,
) -> None:
    delivery.attempts += 1
    delivery.last_status_code, delivery.last_error = code, error
    record_attempt(hook, at, error)
    if error is None:
        delivery.state, delivery.delivered_at = WebhookDeliveryState.DELIVERED, at
        report.delivered += 1
        return
    if delivery.attempts >= MAX_ATTEMPTS:
        delivery.state = WebhookDeliveryState.FAILED
        report.failed += 1
    else:
        delivery.next_attempt_at = at + retry_delay(delivery.attempts)
        report.retried += 1
    logger.warning(
        "webhook delivery failed",
        extra={
            "seller_id": str(delivery.seller_id),
            "delivery_id": str(delivery.id),
            "attempts": delivery.attempts,
            "error": error,
        },
    )
