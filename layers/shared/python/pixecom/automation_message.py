"""The AutomationQueue's message: one ad account whose stats just synced, to evaluate its alerts
and its seller's rules in a worker of their own (`pixecom.automation.worker`).

Beside the queue port, outside the services: the stats sync sends it without importing alerts or
rules, so the services keep one import order (docs/architecture.md).
"""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict

from pixecom.observability import logger
from pixecom.queue import send_messages
from pixecom.settings import get_settings


class AutomationMessage(BaseModel):
    """One account to evaluate; `evaluation_key` names the sync run that triggered it, so a
    redelivered message is the same evaluation (rules act once per key)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    account_id: uuid.UUID
    evaluation_key: str


def queue_automation(account_id: uuid.UUID, evaluation_key: str) -> bool:
    """Send the message; never raises (the sync that calls this has already succeeded)."""
    queue_url = get_settings().automation_queue_url
    if not queue_url:
        return False
    body = AutomationMessage(account_id=account_id, evaluation_key=evaluation_key).model_dump_json()
    try:
        send_messages(queue_url, [body])
    except Exception as exc:  # the next sync queues the next evaluation
        logger.warning(
            "automation message not queued",
            extra={"account_id": str(account_id), "error_type": type(exc).__name__},
        )
        return False
    return True
