"""The ControlQueue message that advances one breakdown report (`pixecom.breakdowns`).

The ControlQueue carries bulk jobs (`{"job_id"}`) and breakdown reports (`{"breakdown_job_id"}`);
the ControlWorker tells them apart by that key. Outside the breakdowns service because the API
sends it too (the service order: docs/architecture.md).
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict

from pixecom.queue import sqs_client
from pixecom.settings import get_settings


class BreakdownQueueNotConfigured(RuntimeError):
    """CONTROL_QUEUE_URL is not set."""


class BreakdownMessage(BaseModel):
    """Re-delivery and duplicates are harmless: the worker locks the report and does the one step
    its state calls for."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    breakdown_job_id: uuid.UUID


def is_breakdown_message(body: str) -> bool:
    return '"breakdown_job_id"' in body


def send_breakdown_message(job_id: uuid.UUID, *, delay_seconds: int = 0, client: Any | None = None) -> None:
    """Queue the next step of report `job_id`, visible after `delay_seconds` (0..900)."""
    queue_url = get_settings().control_queue_url
    if not queue_url:
        raise BreakdownQueueNotConfigured("CONTROL_QUEUE_URL is not set")
    body = BreakdownMessage(breakdown_job_id=job_id).model_dump_json()
    (client or sqs_client()).send_message(QueueUrl=queue_url, MessageBody=body, DelaySeconds=delay_seconds)
