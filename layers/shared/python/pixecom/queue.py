"""The queue port: send messages to SQS in batches of ten, retrying entries SQS failed.

The same boto3 path runs in AWS and locally (against moto), so the local scheduler proves it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from pixecom.observability import logger

SQS_BATCH_LIMIT = 10
MAX_SEND_ATTEMPTS = 3


class QueueSendError(RuntimeError):
    """Some messages could not be sent after retries; `failed` holds their bodies."""

    def __init__(self, queue_url: str, failed: list[str]) -> None:
        super().__init__(f"{len(failed)} message(s) not sent to {queue_url.rsplit('/', 1)[-1]}")
        self.failed = failed


@lru_cache(maxsize=1)
def sqs_client() -> Any:
    """One boto3 SQS client per container (created lazily: boto3 import is slow)."""
    import boto3

    return boto3.client("sqs")


def send_messages(queue_url: str, bodies: Sequence[str], client: Any | None = None) -> int:
    """Send every body; returns how many were sent. Raises QueueSendError if any still fail."""
    client = client or sqs_client()
    failed: list[str] = []
    for start in range(0, len(bodies), SQS_BATCH_LIMIT):
        failed.extend(_send_batch(client, queue_url, list(bodies[start : start + SQS_BATCH_LIMIT])))
    if failed:
        raise QueueSendError(queue_url, failed)
    return len(bodies)


def _send_batch(client: Any, queue_url: str, bodies: list[str]) -> list[str]:
    pending = {str(i): body for i, body in enumerate(bodies)}
    for attempt in range(1, MAX_SEND_ATTEMPTS + 1):
        entries = [{"Id": key, "MessageBody": body} for key, body in pending.items()]
        response = client.send_message_batch(QueueUrl=queue_url, Entries=entries)
        failed_ids = {f["Id"] for f in response.get("Failed", [])}
        pending = {key: body for key, body in pending.items() if key in failed_ids}
        if not pending:
            return []
        logger.warning("sqs batch entries failed", extra={"failed": len(pending), "attempt": attempt})
    return list(pending.values())


class BatchFailed(RuntimeError):
    """Every record of an SQS batch failed: the whole batch returns to the queue."""


def process_sqs_batch(event: Mapping[str, Any], handle: Callable[[str], object]) -> dict[str, Any]:
    """Call `handle(body)` for each record of an SQS event; the ids of the records that raised come
    back as `batchItemFailures` (the event source's ReportBatchItemFailures), so only those are
    received again. When every record of a non-empty batch fails, raise `BatchFailed` instead, as
    Powertools' batch processor does (the function errors, the batch is retried as a whole).

    Plain code rather than Powertools' batch utility: that one imports every event data class at a
    cold start, and workers only need this loop.
    """
    records = event.get("Records")
    if not isinstance(records, list):
        raise ValueError("not an SQS event: it has no Records")
    failures: list[dict[str, str]] = []
    for record in records:
        try:
            handle(record["body"])
        except Exception as exc:
            # The type only: a message may carry an account's data, never log it.
            logger.warning(
                "sqs record failed; it returns to the queue",
                extra={"message_id": record.get("messageId"), "error_type": type(exc).__name__},
            )
            failures.append({"itemIdentifier": record["messageId"]})
    if records and len(failures) == len(records):
        raise BatchFailed(f"All {len(records)} record(s) of the batch failed")
    return {"batchItemFailures": failures}
