"""The console says a job item's reason in the reader's language by reading the API's English
sentence back (console/src/jobReasons.ts): every sentence the API writes for a budget refusal, a
rate limit or a retried Meta error matches one of its patterns, so rewording one here fails."""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from pixecom.control.budgets import BudgetTarget, Holder, decide, limit_reached
from pixecom.control.outcomes import ApplyReport, record_result
from pixecom.db.models import JobItem
from pixecom.domain.budgets import BudgetType, ChangeSlot
from pixecom.domain.enums import EntityLevel, JobItemOutcome
from pixecom.meta.errors import RateLimited, TransientError
from pixecom.meta.models import StatusResult

REASONS = Path(__file__).resolve().parents[3] / "console" / "src" / "jobReasons.ts"
NOW = datetime(2026, 12, 6, 14, 5, tzinfo=UTC)


def console_patterns() -> list[re.Pattern[str]]:
    """The regular expressions of REASONS (JS literals in the subset Python reads alike)."""
    found = re.findall(r"\[\s*/(\^.*?\$)/,", REASONS.read_text())
    assert len(found) >= 12
    return [re.compile(pattern) for pattern in found]


ADSET = Holder(
    level=EntityLevel.ADSET,
    name="Ad set",
    status="ACTIVE",
    daily=Decimal("20.00"),
    lifetime=None,
    campaign_name="Spring sale",
    campaign_holds_budget=False,
    currency="USD",
    minimums={"min_daily_budget_low_freq": 500},
    goals=("OFFSITE_CONVERSIONS",),
    slot=ChangeSlot(True),
)
DAILY_50 = BudgetTarget(BudgetType.DAILY, amount=Decimal("50"), currency="USD")


def refusals() -> list[str]:
    campaign = replace(ADSET, level=EntityLevel.CAMPAIGN, daily=None, campaign_name=None)
    cases = [
        (replace(ADSET, status="ARCHIVED"), DAILY_50),
        (replace(ADSET, campaign_holds_budget=True), DAILY_50),
        (campaign, DAILY_50),
        (replace(ADSET, daily=None, lifetime=Decimal("900")), DAILY_50),
        (replace(ADSET, daily=None), DAILY_50),
        (ADSET, BudgetTarget(BudgetType.DAILY, amount=Decimal("50"), currency="EUR")),
        (ADSET, BudgetTarget(BudgetType.DAILY, amount=Decimal("50.005"), currency="USD")),
        (ADSET, BudgetTarget(BudgetType.DAILY, amount=Decimal("2"), currency="USD")),
        (replace(ADSET, slot=ChangeSlot(False, NOW + timedelta(minutes=20))), DAILY_50),
    ]
    errors = [decide(holder, target).error for holder, target in cases]
    assert all(errors), errors
    return [*errors, limit_reached(ChangeSlot(False, NOW))]  # type: ignore[list-item]


def retried() -> list[str]:
    messages = []
    for error in (RateLimited("throttled", until=NOW), TransientError("Service temporarily unavailable")):
        item = JobItem(id=uuid.uuid4(), outcome=JobItemOutcome.PENDING, attempts=0, error=None)
        record_result(
            item, StatusResult(object_id="1", ok=False, error=error), NOW, ApplyReport(uuid.uuid4())
        )
        messages.append(item.error)
    return messages


@pytest.mark.parametrize("sentence", [*refusals(), *retried()])
def test_the_console_reads_every_reason_the_api_writes(sentence):
    assert any(p.fullmatch(sentence) for p in console_patterns()), f"no console pattern for: {sentence}"


def test_a_message_of_meta_itself_is_not_taken_for_one_of_ours():
    assert not any(p.fullmatch("(#100) This ad is under review") for p in console_patterns())
