"""Meta's account totals against the sum of our ad rows: exact, per metric, the largest first."""

from datetime import date
from decimal import Decimal

from pixecom.domain.reconciliation import DayTotals, Difference, day_differences, largest_difference

D1, D2 = date(2026, 11, 20), date(2026, 11, 21)


def test_equal_totals_have_no_difference_whatever_the_decimal_scale():
    meta = DayTotals(Decimal("27.78"), 2200, 56, 4, Decimal("119.89"))
    ours = DayTotals(Decimal("27.7800"), 2200, 56, 4, Decimal("119.8900"))
    assert day_differences(D1, meta, ours) == []


def test_a_single_cent_is_a_difference():
    (found,) = day_differences(D1, DayTotals(spend=Decimal("10.01")), DayTotals(spend=Decimal("10.00")))
    assert (found.metric, found.difference) == ("spend", Decimal("0.01"))


def test_every_disagreeing_metric_is_reported_in_a_fixed_order():
    found = day_differences(D1, DayTotals(Decimal(1), 10, 3, 1, Decimal(5)), DayTotals())
    assert [d.metric for d in found] == ["spend", "impressions", "link_clicks", "purchases", "purchase_value"]


def test_the_largest_difference_is_the_largest_share_not_the_largest_number():
    spend = Difference(D1, "spend", Decimal("1000.00"), Decimal("999.00"))  # 0.1 %
    purchases = Difference(D1, "purchases", 4, 3)  # 25 %
    assert largest_difference([spend, purchases]) == purchases


def test_ties_go_to_the_latest_day():
    older, newer = Difference(D1, "purchases", 1, 0), Difference(D2, "purchases", 1, 0)
    assert largest_difference([older, newer]) == newer


def test_no_differences_means_no_largest():
    assert largest_difference([]) is None
