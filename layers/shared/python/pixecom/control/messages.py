"""The ControlQueue message: which job to work on. The job row in Postgres holds everything else."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict

from pixecom.queue import sqs_client
from pixecom.settings import get_settings


class ControlQueueNotConfigured(RuntimeError):
    """CONTROL_QUEUE_URL is not set."""


class ControlMessage(BaseModel):
    """Body of a ControlQueue message. Re-delivery and duplicates are harmless: the worker only
    sends items that are still pending."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    job_id: uuid.UUID


def send_control_message(job_id: uuid.UUID, *, delay_seconds: int = 0, client: Any | None = None) -> None:
    """Queue work for `job_id`, visible after `delay_seconds` (0..900)."""
    queue_url = get_settings().control_queue_url
    if not queue_url:
        raise ControlQueueNotConfigured("CONTROL_QUEUE_URL is not set")
    body = ControlMessage(job_id=job_id).model_dump_json()
    (client or sqs_client()).send_message(QueueUrl=queue_url, MessageBody=body, DelaySeconds=delay_seconds)
