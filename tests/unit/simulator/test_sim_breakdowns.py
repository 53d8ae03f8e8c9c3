"""The simulator's breakdowns: Meta's buckets, its combination rules and refusals, and splits that add
up exactly to the unbroken ad-day."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from simulator.breakdowns import BUCKETS, buckets, check_breakdowns, split_day
from simulator.scenario import InsightDay
from simulator.wire import SimError

DAY = InsightDay(
    date=date(2026, 11, 10),
    spend=Decimal("123.47"),
    impressions=9_871,
    reach=6_020,
    clicks=301,
    inline_link_clicks=211,
    actions={"view_content": 97, "add_to_cart": 31, "initiate_checkout": 12, "purchase": 7},
    action_values={"purchase": Decimal("412.35")},
)
COMBINATIONS = [
    ("age",), ("gender",), ("age", "gender"), ("country",), ("region",), ("publisher_platform",),
    ("publisher_platform", "platform_position"), ("device_platform",), ("impression_device",),
    ("publisher_platform", "platform_position", "impression_device"),
]  # fmt: skip


@pytest.mark.parametrize("dims", COMBINATIONS, ids=",".join)
def test_the_buckets_of_an_ad_day_add_up_exactly_to_it(dims: tuple[str, ...]) -> None:
    parts = [part for _, part in split_day("1203", DAY, dims)]
    assert sum((p.spend for p in parts), Decimal(0)) == DAY.spend
    for name in ("impressions", "reach", "clicks", "inline_link_clicks"):
        assert sum(getattr(p, name) for p in parts) == getattr(DAY, name)
    if "region" in dims:
        return  # Meta leaves the pixel's actions out of region rows (below)
    for action, count in DAY.actions.items():
        assert sum(p.actions.get(action, 0) for p in parts) == count
    assert sum((p.action_values.get("purchase", Decimal(0)) for p in parts), Decimal(0)) == Decimal("412.35")


def test_region_rows_leave_off_meta_actions_out_as_meta_does() -> None:
    parts = [part for _, part in split_day("1203", DAY, ("region",))]
    assert all(not p.actions and not p.action_values for p in parts)
    assert sum(p.impressions for p in parts) == DAY.impressions


def test_every_dimension_has_an_unknown_bucket_as_meta_names_it() -> None:
    assert ("Unknown", 2) in BUCKETS["age"]
    assert {value for value, _ in BUCKETS["gender"]} == {"female", "male", "unknown"}
    assert all(any(v.lower() in ("unknown", "other") for v, _ in values) for values in BUCKETS.values())


def test_ads_lean_differently_and_always_the_same_way() -> None:
    first = dict(split_day("1203", DAY, ("age",)))
    again = dict(split_day("1203", DAY, ("age",)))
    other = dict(split_day("9999", DAY, ("age",)))
    assert first == again
    assert first != other


def test_placements_are_positions_under_their_platform() -> None:
    keys = [key for key, _ in buckets(("publisher_platform", "platform_position"))]
    assert ("instagram", "instagram_reels") in keys
    assert ("facebook", "instagram_reels") not in keys


@pytest.mark.parametrize(
    "dims",
    [("platform_position",), ("age", "country"), ("gender", "publisher_platform"), ("region", "country")],
    ids=",".join,
)
def test_combinations_meta_does_not_serve_are_refused_with_code_100(dims: tuple[str, ...]) -> None:
    with pytest.raises(SimError) as refused:
        check_breakdowns(dims)
    assert refused.value.code == 100
    assert "Current combination of data breakdown columns" in refused.value.message


def test_an_unknown_dimension_is_refused() -> None:
    with pytest.raises(SimError, match=r"\(#100\) breakdowns\[0\] must be one of"):
        check_breakdowns(("shoe_size",))
