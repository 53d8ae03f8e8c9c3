"""The rule spec and its decisions: pure."""

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from pixecom.adsmanager.windows import window_range
from pixecom.domain.automation import RuleWindow
from pixecom.domain.dates import DateRange
from pixecom.domain.metrics import MetricTotals, compute_metrics
from pixecom.rules.spec import RuleSpec, changed_budget, matching, rule_matches

BASE = {
    "name": "r",
    "level": "ad",
    "window": "today",
    "conditions": [{"metric": "cost_per_purchase", "op": "gt", "value": "20"}],
    "min_spend": "10",
    "action": {"type": "pause"},
}


def _metrics(spend: str, purchases: int):
    return compute_metrics(MetricTotals(Decimal(spend), 1000, 10, 10, 10, 0, 0, purchases, Decimal(0), 0))


@pytest.mark.parametrize("percent", ["0", "20.01", "-25", None])
def test_budget_changes_are_refused_beyond_20_percent_or_without_a_percent(percent):
    body = {**BASE, "level": "adset", "action": {"type": "change_budget", "percent": percent}}
    with pytest.raises(ValidationError):
        RuleSpec.model_validate(body)


def test_ads_have_no_budget_to_change():
    with pytest.raises(ValidationError, match="campaigns or ad sets"):
        RuleSpec.model_validate({**BASE, "action": {"type": "change_budget", "percent": "10"}})


def test_an_unknown_metric_is_refused():
    with pytest.raises(ValidationError, match="unknown metric"):
        RuleSpec.model_validate({**BASE, "conditions": [{"metric": "vibes", "op": "gt", "value": "1"}]})


def test_an_undefined_metric_never_matches():
    spec = RuleSpec.model_validate(BASE)
    assert rule_matches(spec, _metrics("50", 2))  # 25 per purchase
    assert not rule_matches(spec, _metrics("50", 0))  # no purchases: cost per purchase undefined


def test_below_the_minimum_spend_nothing_matches():
    spec = RuleSpec.model_validate({**BASE, "min_spend": "100"})
    assert not rule_matches(spec, _metrics("99.99", 1))


@pytest.mark.parametrize(
    ("current", "percent", "currency", "expected"),
    [
        ("100.00", "20", "USD", "120.00"),
        ("100.00", "-20", "USD", "80.00"),
        ("9.99", "10", "USD", "10.99"),  # 10.989 half-up to the cent
        ("0.05", "-20", "USD", "0.04"),
        ("0.01", "-20", "USD", "0.01"),  # never below one cent
        ("100.00", "35", "USD", "120.00"),  # capped at +20%
        ("99999", "10", "VND", "109999"),  # 109998.9: whole dong
        ("1", "-20", "JPY", "1"),
    ],
)
def test_budget_changes_round_half_up_to_metas_budget_unit(current, percent, currency, expected):
    assert changed_budget(Decimal(current), Decimal(percent), currency).to_amount == Decimal(expected)


def test_windows_end_yesterday_except_today():
    today = date(2026, 11, 20)
    assert window_range(RuleWindow.TODAY, today) == DateRange(today, today)
    assert window_range(RuleWindow.YESTERDAY, today) == DateRange(date(2026, 11, 19), date(2026, 11, 19))
    assert window_range(RuleWindow.LAST_3D, today) == DateRange(date(2026, 11, 17), date(2026, 11, 19))
    assert window_range(RuleWindow.LAST_7D, today) == DateRange(date(2026, 11, 13), date(2026, 11, 19))


def test_matching_keeps_exactly_the_matching_rows_in_their_order():
    spec = RuleSpec.model_validate(BASE)  # cost per purchase > 20, spend >= 10
    rows = [
        ("a", _metrics("50", 2)),  # 25 per purchase
        ("b", _metrics("9", 0)),  # under the minimum spend
        ("c", _metrics("80", 0)),  # cost per purchase undefined
        ("d", _metrics("30", 3)),  # 10 per purchase
        ("e", _metrics("63", 3)),  # 21 per purchase
    ]

    kept = matching(spec, rows, lambda row: row[1])

    assert [name for name, _ in kept] == ["a", "e"]
