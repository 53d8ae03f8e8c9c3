"""The rule spec and its decisions: pure."""

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from pixecom.domain.automation import RuleWindow
from pixecom.domain.dates import DateRange
from pixecom.domain.money import Rate, RateBook
from pixecom.rates.thresholds import AccountMoney
from pixecom.rules.spec import (
    AccountRule,
    NotApplicable,
    RuleSpec,
    changed_budget,
    matching,
    on_account,
    rule_matches,
)
from pixecom.rules.windows import window_range

DAY = date(2026, 12, 4)
# The ECB's quotation: units per euro. 1 USD = 150 JPY here.
BOOK = RateBook(
    [
        Rate("USD", date(2026, 12, 3), Decimal("1.0"), "ecb"),
        Rate("JPY", date(2026, 12, 3), Decimal("150"), "ecb"),
    ]
)


def _on(spec: RuleSpec, currency: str = "USD") -> AccountRule:
    applied = on_account(spec, AccountMoney(currency, DAY, BOOK))
    assert isinstance(applied, AccountRule)
    return applied


BASE = {
    "name": "r",
    "level": "ad",
    "window": "today",
    "conditions": [{"metric": "cost_per_purchase", "op": "gt", "value": {"amount": "20", "currency": "USD"}}],
    "min_spend": {"amount": "10", "currency": "USD"},
    "action": {"type": "pause"},
}


def _metrics(spend: str, purchases: int) -> dict[str, Decimal | int | None]:
    """A row's metrics as a rule reads them (computed in SQL: pixecom.adsmanager.sums)."""
    cost = Decimal(spend) / purchases if purchases else None
    return {"spend": Decimal(spend), "purchases": purchases, "cost_per_purchase": cost}


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
    spec = _on(RuleSpec.model_validate(BASE))
    assert rule_matches(spec, _metrics("50", 2))  # 25 per purchase
    assert not rule_matches(spec, _metrics("50", 0))  # no purchases: cost per purchase undefined


def test_below_the_minimum_spend_nothing_matches():
    spec = _on(RuleSpec.model_validate({**BASE, "min_spend": {"amount": "100", "currency": "USD"}}))
    assert not rule_matches(spec, _metrics("99.99", 1))


@pytest.mark.parametrize("field", ["min_spend", "condition"])
def test_a_money_amount_without_its_currency_is_refused_in_our_words(field):
    body = (
        {**BASE, "min_spend": "20"}
        if field == "min_spend"
        else {**BASE, "conditions": [{"metric": "cpc", "op": "gt", "value": "1.5"}]}
    )
    with pytest.raises(ValidationError, match="is a money amount: give it with its currency"):
        RuleSpec.model_validate(body)


def test_a_ratio_condition_takes_a_number_not_money():
    body = {
        **BASE,
        "conditions": [{"metric": "roas", "op": "lt", "value": {"amount": "1", "currency": "USD"}}],
    }
    with pytest.raises(ValidationError, match="roas is not money"):
        RuleSpec.model_validate(body)


def test_a_dollar_rule_applies_to_a_yen_account_at_the_days_rate_and_says_so():
    spec = RuleSpec.model_validate(BASE)  # min spend 10 USD, cost per purchase over 20 USD

    on_yen = _on(spec, "JPY")

    assert on_yen.min_spend == Decimal(1500)
    assert on_yen.conditions[0][2] == Decimal(3000)
    assert not rule_matches(on_yen, _metrics("20", 0))  # 20 yen is not 10 dollars
    assert not rule_matches(on_yen, _metrics("2900", 1))  # 2900 yen per purchase: under $20
    assert rule_matches(on_yen, _metrics("3100", 1))
    note = on_yen.notes()[0]
    assert note == {
        "threshold": "min_spend",
        "from": "10.00 USD",
        "to": "1500 JPY",
        "rate": "150",
        "source": "ecb",
        "rate_date": "2026-12-03",  # the day before had the last published rate
    }


def test_a_rule_in_a_currency_without_a_rate_does_not_apply_and_says_why():
    applied = on_account(RuleSpec.model_validate(BASE), AccountMoney("VND", DAY, BOOK))

    assert isinstance(applied, NotApplicable)
    assert "no exchange rate between USD and VND" in applied.reason


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

    kept = matching(_on(spec), rows, lambda row: row[1])

    assert [name for name, _ in kept] == ["a", "e"]
