"""The metric table's names and kinds, and the arithmetic Python still does (exact ratios of
amounts outside the catalogue, half-up formatting). The metrics' values are computed in SQL:
tests/integration/adsmanager/test_metric_values.py."""

from decimal import Decimal, localcontext

import pytest

from pixecom.domain.metrics import (
    COUNT_METRICS,
    METRIC_NAMES,
    MONEY_METRICS,
    RATIO_METRICS,
    format_money,
    format_ratio,
    ratio,
)

ISSUE_ORDER = [
    "spend",
    "impressions",
    "clicks",
    "link_clicks",
    "content_views",
    "add_to_cart",
    "initiate_checkout",
    "purchases",
    "purchase_value",
    "results",
    "landing_page_views",
    "video_views",
    "video_plays",
    "thruplays",
    "video_p25",
    "video_p50",
    "video_p75",
    "video_p95",
    "video_p100",
    "video_30s_plays",
    "video_watch_time",
    "cpm",
    "ctr",
    "ctr_all",
    "cpc",
    "cpv",
    "cost_per_add_to_cart",
    "cost_per_checkout",
    "cost_per_purchase",
    "cr",
    "cr1",
    "cr2",
    "cr3",
    "cost_per_result",
    "roas",
    "aov",
    "cost_per_landing_page_view",
    "hook_rate",
    "hold_rate",
    "cost_per_thruplay",
    "completion_rate",
    "avg_watch_time",
]

# --- names and categories -------------------------------------------------------------------


def test_metric_names_follow_the_issue_order():
    assert list(METRIC_NAMES) == ISSUE_ORDER


def test_every_metric_is_exactly_one_of_money_ratio_or_count():
    assert set(METRIC_NAMES) == MONEY_METRICS | RATIO_METRICS | COUNT_METRICS
    assert not MONEY_METRICS & RATIO_METRICS
    assert not MONEY_METRICS & COUNT_METRICS
    assert not RATIO_METRICS & COUNT_METRICS


def test_cpm_is_a_money_metric():
    assert "cpm" in MONEY_METRICS


# --- ratio ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("num", "den", "scale", "expected"),
    [
        (1, 4, 1, Decimal("0.25")),
        (1, 4, 100, Decimal("25")),
        (Decimal("10"), 4000, 1000, Decimal("2.5")),
        (0, 5, 1, Decimal(0)),
        (5, 0, 1, None),
        (0, 0, 100, None),
        (Decimal("3"), Decimal("0"), 1, None),
        (Decimal("0.00"), Decimal("0.00"), 1, None),
    ],
)
def test_ratio_divides_and_scales_and_is_none_for_a_zero_denominator(num, den, scale, expected):
    assert ratio(num, den, scale) == expected


def test_ratio_ignores_the_callers_decimal_context():
    with localcontext() as ctx:
        ctx.prec = 3
        assert ratio(1, 3) == Decimal("0." + "3" * 34)


# --- rounding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1.23445", 1.2345),
        ("1.23455", 1.2346),
        ("0.00005", 0.0001),
        ("0.000049999", 0.0),
        ("33.333333333", 33.3333),
        ("66.666666666", 66.6667),
        ("100", 100.0),
    ],
)
def test_ratios_are_rounded_half_up_to_four_decimals(value, expected):
    assert format_ratio(Decimal(value)) == expected


def test_undefined_formats_as_none():
    assert format_money(None) is None
    assert format_ratio(None) is None
