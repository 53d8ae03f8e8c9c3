"""The pure parts of breakdowns: the `breakdown=` values, Meta's dimensions for each, the rows a
report stores, and the worker's poll delays."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pixecom.adsmanager.breakdowns import Breakdown, parse_breakdown
from pixecom.adsmanager.params import InvalidParam
from pixecom.breakdowns.worker import ad_rows, poll_delay
from pixecom.domain.catalogue import SUMMED_COUNTERS
from pixecom.meta.breakdowns import BreakdownRow
from pixecom.meta.models import InsightRow


def test_a_placement_position_is_read_and_shown_under_its_platform() -> None:
    assert Breakdown.PLATFORM_POSITION.dimensions == ("publisher_platform", "platform_position")
    assert Breakdown.AGE_GENDER.dimensions == ("age", "gender")
    assert Breakdown.COUNTRY.dimensions == ("country",)


def test_breakdown_values_are_read_leniently_and_refused_by_name() -> None:
    assert parse_breakdown(" Gender , AGE ") is Breakdown.AGE_GENDER
    assert parse_breakdown("") is None
    with pytest.raises(InvalidParam) as refused:
        parse_breakdown("age,country")
    assert refused.value.param == "breakdown"
    assert "age,gender" in refused.value.message


def test_only_region_leaves_counters_out() -> None:
    assert Breakdown.REGION.not_broken_down == (
        "content_views", "add_to_cart", "initiate_checkout", "purchases", "purchase_value", "results",
    )  # fmt: skip
    assert all(not b.not_broken_down for b in Breakdown if b is not Breakdown.REGION)


def _row(ad: str, adset: str, bucket: str, spend: str, impressions: int) -> BreakdownRow:
    counters = {name: 0 for name in SUMMED_COUNTERS} | {"spend": Decimal(spend), "impressions": impressions}
    counters["purchase_value"] = Decimal(0)
    row = InsightRow(
        ad_id=ad, adset_id=adset, campaign_id="c1", date=date(2026, 11, 1), reach=None, **counters
    )
    return BreakdownRow(row, (bucket,))


def test_a_report_stores_each_ad_row_with_its_counters_in_catalogue_order() -> None:
    rows = [_row("a1", "s1", "male", "1.25", 10), _row("a2", "s1", "female", "2.50", 5)]
    stored = list(ad_rows(rows))
    assert [(level, meta_id, bucket) for level, meta_id, bucket, _ in stored] == [
        ("ad", "a1", ("male",)),
        ("ad", "a2", ("female",)),
    ]
    assert dict(zip(SUMMED_COUNTERS, stored[1][3], strict=True))["spend"] == Decimal("2.50")


def test_polls_wait_longer_each_time_up_to_a_minute() -> None:
    assert [poll_delay(n) for n in (1, 2, 3, 4, 5, 6, 7, 8)] == [2, 4, 8, 16, 32, 60, 60, 60]
