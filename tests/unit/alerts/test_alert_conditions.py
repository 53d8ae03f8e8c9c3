"""Alert conditions: pure functions of an account's facts and the seller's thresholds."""

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from pydantic import ValidationError

from pixecom.alerts.conditions import (
    AccountFacts,
    AlertThresholds,
    EntityFacts,
    account_findings,
    spend_findings,
    spike_finding,
)
from pixecom.domain.automation import AlertEntityLevel, AlertKind
from pixecom.domain.enums import ConnectionStatus
from pixecom.domain.metrics import MetricTotals, compute_metrics

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
DEFAULTS = AlertThresholds()


def _account(**overrides):
    base = dict(
        id=uuid.uuid4(),
        name="Shop",
        currency="USD",
        connection_status=ConnectionStatus.ACTIVE,
        throttled_until=None,
        last_stats_success_at=NOW - timedelta(minutes=10),
        created_at=NOW - timedelta(days=30),
    )
    return AccountFacts(**{**base, **overrides})


def _kinds(findings):
    return [f.kind for f in findings]


def test_a_healthy_account_raises_nothing():
    assert account_findings(_account(), DEFAULTS, NOW) == []


def test_an_account_needing_reauth_raises_only_that():
    facts = _account(connection_status=ConnectionStatus.NEEDS_REAUTH, last_stats_success_at=None)
    assert _kinds(account_findings(facts, DEFAULTS, NOW)) == [AlertKind.ACCOUNT_NEEDS_RECONNECT]


@pytest.mark.parametrize(("days", "raised"), [(6, True), (7, True), (8, False)])
def test_a_token_expiring_within_7_days_raises(days, raised):
    facts = _account(token_expires_at=NOW + timedelta(days=days))
    assert (AlertKind.TOKEN_EXPIRING in _kinds(account_findings(facts, DEFAULTS, NOW))) is raised


def test_an_unknown_token_expiry_raises_nothing():
    assert account_findings(_account(token_expires_at=None), DEFAULTS, NOW) == []


@pytest.mark.parametrize(("until_minutes", "raised"), [(30, False), (61, True)])
def test_throttled_for_over_an_hour_raises(until_minutes, raised):
    facts = _account(throttled_until=NOW + timedelta(minutes=until_minutes))
    assert (AlertKind.ACCOUNT_THROTTLED in _kinds(account_findings(facts, DEFAULTS, NOW))) is raised


@pytest.mark.parametrize(("minutes_ago", "raised"), [(59, False), (60, True)])
def test_no_successful_stats_sync_for_an_hour_raises(minutes_ago, raised):
    facts = _account(last_stats_success_at=NOW - timedelta(minutes=minutes_ago))
    assert (AlertKind.STATS_STALE in _kinds(account_findings(facts, DEFAULTS, NOW))) is raised


def _ad(spend: str, purchases: int) -> EntityFacts:
    totals = MetricTotals(Decimal(spend), 1000, 10, 10, 10, 0, 0, purchases, Decimal(purchases * 30), 0)
    return EntityFacts(AlertEntityLevel.AD, uuid.uuid4(), f"Ad {spend}", compute_metrics(totals))


def test_spend_without_purchase_counts_from_the_threshold_up():
    found = spend_findings([_ad("19.99", 0), _ad("20.00", 0), _ad("90", 1)], DEFAULTS, "USD")
    assert [f.entity_name for f in found] == ["Ad 20.00"]
    assert found[0].detail["spend"] == "20.00"


def test_a_spike_is_more_than_n_times_the_previous_daily_average():
    facts = _account()
    assert spike_finding(facts, Decimal("60"), Decimal("210"), DEFAULTS) == []  # exactly 2x
    assert _kinds(spike_finding(facts, Decimal("60.01"), Decimal("210"), DEFAULTS)) == [AlertKind.SPEND_SPIKE]
    assert spike_finding(facts, Decimal("60"), Decimal("0"), DEFAULTS) == []  # no history: no spike


def test_thresholds_refuse_nonsense():
    with pytest.raises(ValidationError):
        AlertThresholds(spend_spike_multiplier=Decimal("0.5"))
    with pytest.raises(ValidationError):
        AlertThresholds.model_validate({"unknown": 1})
