"""Alert conditions: pure functions of an account's facts and the seller's thresholds."""

import uuid
from datetime import UTC, date, datetime, timedelta
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
from pixecom.domain.money import Rate, RateBook
from pixecom.rates.thresholds import AccountMoney

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
DEFAULTS = AlertThresholds()  # in USD
# The ECB's quotation (units per euro), published the day before: 1 USD = 150 JPY.
BOOK = RateBook(
    [
        Rate("USD", date(2026, 11, 19), Decimal("1.05"), "ecb"),
        Rate("JPY", date(2026, 11, 19), Decimal("157.5"), "ecb"),
    ]
)
ON_USD = DEFAULTS.on_account(AccountMoney("USD", NOW.date(), BOOK))
ON_JPY = DEFAULTS.on_account(AccountMoney("JPY", NOW.date(), BOOK))


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
    amount = Decimal(spend)  # the metrics an alert reads (computed in SQL: pixecom.adsmanager.sums)
    metrics = {
        "spend": amount,
        "purchases": purchases,
        "cost_per_purchase": amount / purchases if purchases else None,
        "roas": Decimal(purchases * 30) / amount if amount else None,
    }
    return EntityFacts(AlertEntityLevel.AD, uuid.uuid4(), f"Ad {spend}", metrics)


def test_spend_without_purchase_counts_from_the_threshold_up():
    found = spend_findings([_ad("19.99", 0), _ad("20.00", 0), _ad("90", 1)], ON_USD)
    assert [f.entity_name for f in found] == ["Ad 20.00"]
    assert found[0].detail["spend"] == "20.00"
    assert found[0].detail["conversions"] == []


def test_a_dollar_threshold_never_fires_on_a_yen_account_at_the_same_number_of_yen():
    found = spend_findings([_ad("20", 0), _ad("2216", 0), _ad("2999", 0), _ad("3000", 0)], ON_JPY)

    assert [f.entity_name for f in found] == ["Ad 3000"]  # 20 USD = 3000 JPY that day
    assert "threshold 3000 JPY (20.00 USD at the ecb rate of 2026-11-19)" in found[0].message
    assert found[0].detail["conversions"][0]["to"] == "3000 JPY"


def test_a_threshold_without_a_rate_for_the_account_raises_nothing_there():
    on_vnd = DEFAULTS.on_account(AccountMoney("VND", NOW.date(), BOOK))

    assert on_vnd.spend_without_purchase is None
    assert spend_findings([_ad("1000000", 0)], on_vnd) == []
    assert "no exchange rate between USD and VND" in on_vnd.notes[0]["reason"]


def test_alert_money_thresholds_must_state_their_currency():
    with pytest.raises(ValidationError, match="spend_without_purchase is a money amount"):
        AlertThresholds.model_validate({"spend_without_purchase": "20"})


def test_a_spike_is_more_than_n_times_the_previous_daily_average():
    facts = _account()
    assert spike_finding(facts, Decimal("60"), Decimal("210"), ON_USD) == []  # exactly 2x
    assert _kinds(spike_finding(facts, Decimal("60.01"), Decimal("210"), ON_USD)) == [AlertKind.SPEND_SPIKE]
    assert spike_finding(facts, Decimal("60"), Decimal("0"), ON_USD) == []  # no history: no spike


def test_thresholds_refuse_nonsense():
    with pytest.raises(ValidationError):
        AlertThresholds(spend_spike_multiplier=Decimal("0.5"))
    with pytest.raises(ValidationError):
        AlertThresholds.model_validate({"unknown": 1})
