"""How one Meta answer sets a job item's outcome (no database: JobItem objects in memory)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from pixecom.control.outcomes import ApplyReport, record_result
from pixecom.control.rules import MAX_ITEM_ATTEMPTS
from pixecom.db.models import JobItem
from pixecom.domain.enums import JobItemOutcome
from pixecom.meta.errors import InvalidRequest, PermissionDenied, RateLimited, TokenInvalid, TransientError
from pixecom.meta.models import StatusResult

AT = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def _item(attempts: int = 0) -> JobItem:
    return JobItem(
        id=uuid.uuid4(),
        meta_id="120001",
        name="Ad",
        from_status="ACTIVE",
        to_status="PAUSED",
        outcome=JobItemOutcome.PENDING,
        attempts=attempts,
    )


def _failed(error: Exception) -> StatusResult:
    return StatusResult(object_id="120001", ok=False, error=error)


def test_success_applies_the_item_and_clears_an_earlier_error():
    item, report = _item(), ApplyReport(uuid.uuid4())
    item.error = "Temporary Meta error"

    stop = record_result(item, StatusResult(object_id="120001", ok=True), AT, report)

    assert (item.outcome, item.error, item.applied_at, item.attempts) == (JobItemOutcome.APPLIED, None, AT, 1)
    assert stop is None and report.applied == 1


def test_a_permanent_refusal_fails_the_item_with_metas_message():
    item, report = _item(), ApplyReport(uuid.uuid4())

    stop = record_result(item, _failed(InvalidRequest("(#100) Invalid parameter", code=100)), AT, report)

    assert (item.outcome, item.error) == (JobItemOutcome.FAILED, "(#100) Invalid parameter")
    assert stop is None and report.failed == 1


def test_a_permission_error_fails_the_item_only():
    item, report = _item(), ApplyReport(uuid.uuid4())
    stop = record_result(item, _failed(PermissionDenied("(#200) Permissions error", code=200)), AT, report)
    assert item.outcome is JobItemOutcome.FAILED and stop is None


def test_a_rate_limit_keeps_the_item_pending_without_counting_an_attempt_and_stops_the_account():
    item, report = _item(), ApplyReport(uuid.uuid4())
    until = AT + timedelta(minutes=5)

    stop = record_result(
        item, _failed(RateLimited("(#80004) too many calls", code=80004, until=until)), AT, report
    )

    assert (item.outcome, item.attempts) == (JobItemOutcome.PENDING, 0)
    assert "Rate limited" in (item.error or "")
    assert stop is RateLimited and report.deferred_until == until


def test_the_latest_rate_limit_wins_the_deferral():
    report = ApplyReport(uuid.uuid4())
    later, sooner = AT + timedelta(minutes=9), AT + timedelta(minutes=2)
    record_result(_item(), _failed(RateLimited("a", code=17, until=later)), AT, report)
    record_result(_item(), _failed(RateLimited("b", code=17, until=sooner)), AT, report)
    assert report.deferred_until == later


def test_a_transient_error_retries_until_the_last_attempt_then_fails():
    report = ApplyReport(uuid.uuid4())
    early, last = _item(), _item(attempts=MAX_ITEM_ATTEMPTS - 1)

    record_result(early, _failed(TransientError("(#2) Service temporarily unavailable", code=2)), AT, report)
    record_result(last, _failed(TransientError("(#2) Service temporarily unavailable", code=2)), AT, report)

    assert early.outcome is JobItemOutcome.PENDING and report.retry
    assert (last.outcome, last.error) == (JobItemOutcome.FAILED, "(#2) Service temporarily unavailable")


def test_an_invalid_token_fails_the_item_and_stops_the_account():
    item, report = _item(), ApplyReport(uuid.uuid4())
    stop = record_result(
        item, _failed(TokenInvalid("Session has expired", code=190, subcode=463)), AT, report
    )
    assert item.outcome is JobItemOutcome.FAILED and stop is TokenInvalid
