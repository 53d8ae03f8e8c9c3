"""Pure rules of bulk status jobs."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from pixecom.control.rules import (
    chunks,
    delay_seconds,
    is_finished,
    job_status_from_outcomes,
    request_hash,
    unique_in_order,
)
from pixecom.domain.enums import CampaignStatus, EntityLevel, JobItemOutcome, JobStatus

P, A, F, S = JobItemOutcome.PENDING, JobItemOutcome.APPLIED, JobItemOutcome.FAILED, JobItemOutcome.SKIPPED


@pytest.mark.parametrize(
    ("counts", "started", "expected"),
    [
        ({P: 3}, False, JobStatus.QUEUED),
        ({P: 1, A: 2}, True, JobStatus.RUNNING),
        ({P: 1, F: 2}, True, JobStatus.RUNNING),
        ({A: 3}, True, JobStatus.SUCCEEDED),
        ({A: 1, S: 2}, True, JobStatus.SUCCEEDED),
        ({S: 2}, False, JobStatus.SUCCEEDED),
        ({A: 2, F: 1}, True, JobStatus.PARTIALLY_FAILED),
        ({S: 1, F: 1}, True, JobStatus.PARTIALLY_FAILED),
        ({F: 3}, True, JobStatus.FAILED),
        ({}, True, JobStatus.SUCCEEDED),
    ],
)
def test_job_status_follows_item_outcomes(counts, started, expected):
    assert job_status_from_outcomes(counts, started=started) is expected


def test_only_queued_and_running_are_unfinished():
    assert [s for s in JobStatus if not is_finished(s)] == [JobStatus.QUEUED, JobStatus.RUNNING]


def test_request_hash_ignores_order_and_repeats_but_not_content():
    a, b = uuid.uuid4(), uuid.uuid4()
    base = request_hash(EntityLevel.AD, CampaignStatus.PAUSED, [a, b])
    assert request_hash(EntityLevel.AD, CampaignStatus.PAUSED, [b, a, a]) == base
    assert request_hash(EntityLevel.AD, CampaignStatus.ACTIVE, [a, b]) != base
    assert request_hash(EntityLevel.ADSET, CampaignStatus.PAUSED, [a, b]) != base
    assert request_hash(EntityLevel.AD, CampaignStatus.PAUSED, [a]) != base


def test_unique_in_order_keeps_first_positions():
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    assert unique_in_order([b, a, b, c, a]) == [b, a, c]


def test_120_items_make_batches_of_50_50_20():
    assert [len(c) for c in chunks(list(range(120)))] == [50, 50, 20]
    assert list(chunks([])) == []


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(-5, 0), (0, 0), (0.2, 1), (61, 61), (900, 900), (3600, 900)],
)
def test_delay_seconds_is_rounded_up_and_capped_at_sqs_maximum(seconds, expected):
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert delay_seconds(now + timedelta(seconds=seconds), now) == expected
