""" "Send a test" for a seller's alert webhook: one signed POST now (not through the outbox, so
the seller sees the answer at once), recorded on the webhook row like any delivery."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from pixecom.alerts.webhooks import TIMEOUT_SECONDS, Post, httpx_poster, record_attempt, signed_post
from pixecom.db.automation_models import Webhook

PING_TEXT = "PixEcom test alert: your webhook is connected."


@dataclass(frozen=True)
class PingResult:
    delivered: bool
    status_code: int | None
    error: str | None


def ping_payload(at: datetime) -> dict[str, object]:
    """What the receiver gets: the shape of an alert event, marked as a test (no alert)."""
    return {"event": "test", "text": PING_TEXT, "alert": None, "sent_at": at.isoformat()}


def send_ping(
    session: Session, seller_id: uuid.UUID, at: datetime, post: Post | None = None
) -> PingResult | None:
    """POST a signed test event to the seller's webhook; None when there is no webhook."""
    hook = session.get(Webhook, seller_id)
    if hook is None:
        return None
    if post is None:
        import httpx  # only when a seller presses the button (cold starts skip it)

        with httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=False) as client:
            code, error = signed_post(hook, ping_payload(at), at, httpx_poster(client))
    else:
        code, error = signed_post(hook, ping_payload(at), at, post)
    record_attempt(hook, at, error)
    session.flush()
    return PingResult(delivered=error is None, status_code=code, error=error)
