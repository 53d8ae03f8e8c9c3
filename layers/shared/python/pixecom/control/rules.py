"""Pure rules of bulk status jobs: job status from item outcomes, request fingerprints, batching.

No clock, no database, no HTTP: table-tested in tests/unit/control.
"""

from __future__ import annotations

import hashlib
import json
import math
import uuid
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import TypeVar

from pixecom.domain.enums import CampaignStatus, EntityLevel, JobItemOutcome, JobStatus

# Meta executes at most 50 operations per batch request (Graph API batch requests).
GRAPH_BATCH_LIMIT = 50
MAX_IDS_PER_REQUEST = 500
# SQS refuses DelaySeconds above 15 minutes; longer deferrals hop (the worker re-sends).
MAX_SQS_DELAY_SECONDS = 900
# A transient failure is retried by SQS redelivery; after this many sends the item fails for
# good, so a job always finishes before its message would reach the DLQ (maxReceiveCount >= 3).
MAX_ITEM_ATTEMPTS = 3
# The statuses a seller may ask for; ARCHIVED/DELETED are not bulk-controllable.
CONTROLLABLE_TARGETS = frozenset({CampaignStatus.ACTIVE, CampaignStatus.PAUSED})

T = TypeVar("T")


def job_status_from_outcomes(counts: Mapping[JobItemOutcome, int], *, started: bool) -> JobStatus:
    """The job's status implied by how many items ended each way.

    Anything pending keeps the job queued/running; otherwise no failure is success (skipped
    items count as done), nothing done is failure, and a mix is a partial failure.
    """
    pending = counts.get(JobItemOutcome.PENDING, 0)
    failed = counts.get(JobItemOutcome.FAILED, 0)
    done = counts.get(JobItemOutcome.APPLIED, 0) + counts.get(JobItemOutcome.SKIPPED, 0)
    if pending:
        return JobStatus.RUNNING if started else JobStatus.QUEUED
    if not failed:
        return JobStatus.SUCCEEDED
    if not done:
        return JobStatus.FAILED
    return JobStatus.PARTIALLY_FAILED


def is_finished(status: JobStatus) -> bool:
    return status not in (JobStatus.QUEUED, JobStatus.RUNNING)


def unique_in_order(ids: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    """Drop repeated ids, keeping the first occurrence's position."""
    return list(dict.fromkeys(ids))


def request_hash(level: EntityLevel, status: CampaignStatus, ids: Sequence[uuid.UUID]) -> str:
    """A fingerprint of what a request asks for: the same ids in another order are the same ask."""
    return ask_hash({"level": level.value, "status": status.value}, ids)


def ask_hash(ask: Mapping[str, object], ids: Sequence[uuid.UUID]) -> str:
    """The fingerprint of any request: what it asks (JSON-able) and of which ids, in any order."""
    canonical = {**ask, "ids": sorted(str(i) for i in set(ids))}
    return hashlib.sha256(json.dumps(canonical, separators=(",", ":"), sort_keys=True).encode()).hexdigest()


def chunks(items: Sequence[T], size: int = GRAPH_BATCH_LIMIT) -> Iterator[list[T]]:
    """Consecutive slices of at most `size` items."""
    if size < 1:
        raise ValueError("size must be positive")
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def delay_seconds(until: datetime, now: datetime) -> int:
    """SQS DelaySeconds for a message meant to arrive at `until`: 0..900, rounded up."""
    remaining = (until - now).total_seconds()
    return max(0, min(MAX_SQS_DELAY_SECONDS, math.ceil(remaining)))
