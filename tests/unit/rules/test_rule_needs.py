"""What an evaluation reads: the union of what its alerts and rules act on."""

from datetime import date
from decimal import Decimal

from pixecom.alerts.conditions import AlertThresholds
from pixecom.alerts.evaluate import alert_needs
from pixecom.domain.automation import RuleWindow
from pixecom.domain.enums import CampaignStatus, EntityLevel
from pixecom.domain.money import RateBook
from pixecom.rates.thresholds import AccountMoney, MoneyAmount
from pixecom.rules.windows import TOTALS_ONLY, Need, merge_needs

ACTIVE = frozenset({CampaignStatus.ACTIVE})
PAUSED = frozenset({CampaignStatus.PAUSED})
AD_TODAY = (EntityLevel.AD, RuleWindow.TODAY)
ALERT_READS = frozenset({"spend", "purchases", "cost_per_purchase", "roas"})
USD_ACCOUNT = AccountMoney("USD", date(2026, 12, 4), RateBook([]))


def _usd(amount: int) -> MoneyAmount:
    return MoneyAmount(amount=Decimal(amount), currency="USD")


def test_a_need_covers_fewer_statuses_and_a_higher_minimum_spend():
    need = Need(ACTIVE, Decimal(10))

    assert need.covers(Need(ACTIVE, Decimal(10)))
    assert need.covers(Need(ACTIVE, Decimal(50)))
    assert not need.covers(Need(ACTIVE, Decimal(5)))
    assert not need.covers(Need(PAUSED, Decimal(10)))
    assert not need.covers(Need(None, Decimal(10)))  # every status


def test_every_status_covers_any_statuses():
    assert Need(None, Decimal(0)).covers(Need(ACTIVE | PAUSED, Decimal(0)))


def test_the_union_of_needs_keeps_every_status_and_the_lowest_minimum():
    assert Need(ACTIVE, Decimal(10)) | Need(PAUSED, Decimal(30)) == Need(ACTIVE | PAUSED, Decimal(10))
    assert Need(ACTIVE, Decimal(10)) | Need(None, Decimal(30)) == Need(None, Decimal(10))
    assert TOTALS_ONLY | Need(ACTIVE, Decimal(5)) == Need(ACTIVE, Decimal(5))
    assert Need(ACTIVE, Decimal(5)) | TOTALS_ONLY == Need(ACTIVE, Decimal(5))


def test_a_totals_only_need_is_covered_by_any_read():
    assert Need(PAUSED, Decimal(100)).covers(TOTALS_ONLY)


def test_a_read_covers_only_the_metrics_it_selected_and_the_union_selects_them_all():
    cpa = Need(ACTIVE, Decimal(10), frozenset({"spend", "cost_per_purchase"}))
    roas = Need(ACTIVE, Decimal(10), frozenset({"spend", "roas"}))

    assert not cpa.covers(roas)
    assert (cpa | roas).metrics == {"spend", "cost_per_purchase", "roas"}
    assert (TOTALS_ONLY | cpa).covers(cpa) and (cpa | TOTALS_ONLY).covers(TOTALS_ONLY)


def test_merged_needs_cover_every_reader_of_each_level_and_window():
    alerts = {AD_TODAY: Need(ACTIVE, Decimal(20)), (EntityLevel.CAMPAIGN, RuleWindow.TODAY): TOTALS_ONLY}
    rules = {
        AD_TODAY: Need(PAUSED, Decimal(5)),
        (EntityLevel.ADSET, RuleWindow.LAST_7D): Need(ACTIVE, Decimal(50)),
    }

    merged = merge_needs(alerts, rules)

    assert merged == {
        AD_TODAY: Need(ACTIVE | PAUSED, Decimal(5)),
        (EntityLevel.CAMPAIGN, RuleWindow.TODAY): TOTALS_ONLY,
        (EntityLevel.ADSET, RuleWindow.LAST_7D): Need(ACTIVE, Decimal(50)),
    }
    for group in (alerts, rules):
        assert all(merged[key].covers(need) for key, need in group.items())


def test_alerts_read_active_rows_above_their_thresholds_and_only_totals_for_the_spike():
    t = AlertThresholds(spend_without_purchase=_usd(25), min_spend=_usd(10))
    needs = alert_needs(t.on_account(USD_ACCOUNT))

    assert needs == {
        AD_TODAY: Need(ACTIVE, Decimal(25), ALERT_READS),
        (EntityLevel.CAMPAIGN, RuleWindow.TODAY): TOTALS_ONLY,
        (EntityLevel.CAMPAIGN, RuleWindow.LAST_7D): TOTALS_ONLY,
    }


def test_alerts_that_are_switched_on_add_their_reads():
    t = AlertThresholds(target_cost_per_purchase=_usd(30), roas_floor=Decimal(2), min_spend=_usd(15))

    needs = alert_needs(t.on_account(USD_ACCOUNT))

    assert needs[(EntityLevel.ADSET, RuleWindow.TODAY)] == Need(ACTIVE, Decimal(15), ALERT_READS)
    assert needs[(EntityLevel.CAMPAIGN, RuleWindow.LAST_3D)] == Need(ACTIVE, Decimal(15), ALERT_READS)


def test_alerts_in_a_currency_without_a_rate_read_nothing_on_the_account_but_the_totals():
    t = AlertThresholds(
        spend_without_purchase=_usd(25), target_cost_per_purchase=_usd(30), min_spend=_usd(15)
    )

    needs = alert_needs(t.on_account(AccountMoney("VND", date(2026, 12, 4), RateBook([]))))

    assert needs == {
        (EntityLevel.CAMPAIGN, RuleWindow.TODAY): TOTALS_ONLY,
        (EntityLevel.CAMPAIGN, RuleWindow.LAST_7D): TOTALS_ONLY,
    }
