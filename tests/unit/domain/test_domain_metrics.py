"""The metric engine: formulas, zero denominators, extremes, rounding and output types."""

from dataclasses import replace
from decimal import Decimal, localcontext
from typing import Any

import pytest

from pixecom.domain.currency import minor_units
from pixecom.domain.metrics import (
    COUNT_METRICS,
    METRIC_NAMES,
    MONEY_METRICS,
    RATIO_METRICS,
    SUMMED_COUNTERS,
    DerivedMetrics,
    MetricTotals,
    compute_metrics,
    format_metrics,
    format_money,
    format_ratio,
    metrics_payload,
    ratio,
    shown_value,
    sort_value,
    sum_totals,
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

DERIVED = [n for n in ISSUE_ORDER if n not in COUNT_METRICS and n not in ("spend", "purchase_value")]


def totals(**kw: Any) -> MetricTotals:
    base = MetricTotals.zero()
    conv: dict[str, Any] = {
        k: Decimal(str(v)) if k in ("spend", "purchase_value") else v for k, v in kw.items()
    }
    return replace(base, **conv)


FUNNEL = totals(
    spend="200",
    impressions=50_000,
    clicks=1_500,
    link_clicks=1_000,
    content_views=800,
    add_to_cart=200,
    initiate_checkout=100,
    purchases=40,
    purchase_value="1600",
    results=40,
    landing_page_views=900,
    video_views=20_000,
    video_plays=22_000,
    thruplays=6_000,
    video_p100=3_000,
    video_watch_time=110_000,
)


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


# --- formulas ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cpm", Decimal("4")),  # 200 / 50000 x 1000
        ("ctr", Decimal("2")),  # 1000 / 50000 x 100
        ("ctr_all", Decimal("3")),  # 1500 / 50000 x 100
        ("cpc", Decimal("0.2")),  # 200 / 1000
        ("cpv", Decimal("0.25")),  # 200 / 800
        ("cost_per_add_to_cart", Decimal("1")),
        ("cost_per_checkout", Decimal("2")),
        ("cost_per_purchase", Decimal("5")),
        ("cr", Decimal("5")),  # 40 / 800 x 100
        ("cr1", Decimal("25")),  # 200 / 800 x 100
        ("cr2", Decimal("50")),  # 100 / 200 x 100
        ("cr3", Decimal("40")),  # 40 / 100 x 100
        ("cost_per_result", Decimal("5")),
        ("roas", Decimal("8")),  # 1600 / 200
        ("aov", Decimal("40")),  # 1600 / 40
    ],
)
def test_each_derived_metric_follows_the_design_formula(name, expected):
    assert getattr(compute_metrics(FUNNEL), name) == expected


def test_counters_pass_through_unchanged():
    d = compute_metrics(FUNNEL)
    assert (d.spend, d.impressions, d.clicks, d.purchases, d.purchase_value, d.results) == (
        Decimal("200"),
        50_000,
        1_500,
        40,
        Decimal("1600"),
        40,
    )


@pytest.mark.parametrize("name", DERIVED)
def test_every_derived_metric_is_none_when_all_counters_are_zero(name):
    assert getattr(compute_metrics(MetricTotals.zero()), name) is None


@pytest.mark.parametrize(
    ("zeroed", "undefined"),
    [
        ("impressions", {"cpm", "ctr", "ctr_all", "hook_rate"}),
        ("link_clicks", {"cpc"}),
        ("content_views", {"cpv", "cr", "cr1"}),
        ("add_to_cart", {"cost_per_add_to_cart", "cr2"}),
        ("initiate_checkout", {"cost_per_checkout", "cr3"}),
        ("purchases", {"cost_per_purchase", "aov"}),
        ("results", {"cost_per_result"}),
        ("spend", {"roas"}),
        ("video_views", {"hold_rate", "completion_rate"}),
        ("thruplays", {"cost_per_thruplay"}),
        ("video_plays", {"avg_watch_time"}),
    ],
)
def test_a_zero_denominator_makes_exactly_its_metrics_none(zeroed, undefined):
    zero: dict[str, Any] = {zeroed: Decimal(0) if zeroed == "spend" else 0}
    d = compute_metrics(replace(FUNNEL, **zero))
    nones = {n for n in DERIVED if getattr(d, n) is None}
    assert nones == undefined


def test_zero_numerator_over_nonzero_denominator_is_zero_not_none():
    d = compute_metrics(totals(impressions=1000))
    assert d.ctr == 0 and d.cpm == 0 and d.ctr_all == 0
    assert format_metrics(d)["cpm"] == "0.00"
    assert format_metrics(d)["ctr"] == 0.0


def test_totals_ratios_come_from_summed_counters_not_averaged_rows():
    a = totals(impressions=100, link_clicks=10, spend="1")  # CTR 10 %
    b = totals(impressions=900, link_clicks=9, spend="9")  # CTR 1 %
    d = compute_metrics(a + b)
    assert d.ctr == Decimal("1.9")  # 19 / 1000 x 100, not (10 + 1) / 2 = 5.5
    assert d.cpm == Decimal("10")
    assert d.cpc == Decimal("0.5263157894736842105263157894736842")  # 10 / 19, 34 digits


# --- extremes ---------------------------------------------------------------------------------


def test_tiny_spend_keeps_full_precision_inside():
    d = compute_metrics(totals(spend="0.0001", impressions=1, link_clicks=1, purchases=1, purchase_value="1"))
    assert d.cpm == Decimal("0.1")
    assert d.cpc == Decimal("0.0001")
    assert d.roas == Decimal("10000")
    out = format_metrics(d)
    assert (out["spend"], out["cpm"], out["cpc"], out["roas"]) == ("0.00", "0.10", "0.00", 10000.0)


def test_huge_values_are_exact_and_formatted_without_exponents():
    d = compute_metrics(
        totals(
            spend="1000000000",
            impressions=10**12,
            clicks=10**10,
            link_clicks=3 * 10**9,
            purchases=10**6,
            purchase_value="123456789012.34",
        )
    )
    out = format_metrics(d)
    assert out["spend"] == "1000000000.00"
    assert out["cpm"] == "1.00"
    assert out["impressions"] == 10**12
    assert out["ctr"] == 0.3
    assert out["ctr_all"] == 1.0
    assert out["cpc"] == "0.33"
    assert out["purchase_value"] == "123456789012.34"
    assert out["aov"] == "123456.79"
    assert out["roas"] == 123.4568


# --- rounding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.005", "0.01"),
        ("0.015", "0.02"),  # half-up, not banker's (which gives 0.02 here too)
        ("0.025", "0.03"),  # banker's rounding would give 0.02
        ("2.675", "2.68"),  # float(2.675) is 2.67499..; Decimal is exact
        ("1.004999", "1.00"),
        ("12.3", "12.30"),
        ("7", "7.00"),
        ("0", "0.00"),
        ("999999999.995", "1000000000.00"),
    ],
)
def test_money_is_rounded_half_up_to_two_decimals(value, expected):
    assert format_money(Decimal(value)) == expected


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


def test_rounding_of_a_computed_cost_uses_half_up():
    # 0.125 / 1 link click: CPC is exactly 0.125 -> 0.13 (banker's would give 0.12).
    out = metrics_payload(totals(spend="0.125", link_clicks=1))
    assert out["cpc"] == "0.13"


def test_a_computed_ctr_is_rounded_from_full_precision():
    # 1 / 3 x 100 = 33.3333.. ; 2 / 3 x 100 = 66.6666..
    assert metrics_payload(totals(impressions=3, link_clicks=1, clicks=2))["ctr"] == 33.3333
    assert metrics_payload(totals(impressions=3, link_clicks=1, clicks=2))["ctr_all"] == 66.6667


def test_undefined_formats_as_none():
    assert format_money(None) is None
    assert format_ratio(None) is None


# --- output types -----------------------------------------------------------------------------


def test_formatted_metrics_have_the_declared_types():
    out = metrics_payload(FUNNEL)
    assert list(out) == ISSUE_ORDER
    for name, value in out.items():
        if name in MONEY_METRICS:
            assert isinstance(value, str) and len(value.split(".")[1]) == 2, name
        elif name in RATIO_METRICS:
            assert type(value) is float, name
        else:
            assert type(value) is int, name


def test_formatted_metrics_of_an_entity_without_stats():
    out = metrics_payload(MetricTotals.zero())
    assert out["spend"] == "0.00" and out["purchase_value"] == "0.00"
    assert out["impressions"] == 0 and out["results"] == 0
    assert all(out[n] is None for n in DERIVED)


def test_formatted_funnel_values():
    out = metrics_payload(FUNNEL)
    assert out["cpm"] == "4.00" and out["cpc"] == "0.20" and out["aov"] == "40.00"
    assert out["ctr"] == 2.0 and out["cr2"] == 50.0 and out["roas"] == 8.0


def test_video_funnel_metrics_follow_their_definitions():
    out = metrics_payload(FUNNEL)
    assert out["hook_rate"] == 40.0  # 3-second plays per 100 impressions
    assert out["hold_rate"] == 30.0  # ThruPlays per 100 3-second plays
    assert out["completion_rate"] == 15.0  # plays to the end per 100 3-second plays
    assert out["cost_per_thruplay"] == "0.03"
    assert out["avg_watch_time"] == 5.0  # seconds watched / plays started, not a mean of means


# --- totals -----------------------------------------------------------------------------------


def test_from_mapping_reads_db_sums_and_treats_null_as_zero():
    row = {
        "spend": Decimal("12.34"),
        "impressions": Decimal("1000"),
        "clicks": 20,
        "link_clicks": None,
        "content_views": 5,
        "add_to_cart": None,
        "initiate_checkout": 0,
        "purchases": Decimal("1"),
        "purchase_value": None,
        "results": None,
        "landing_page_views": None,
        **{c: None for c in SUMMED_COUNTERS if c.startswith(("video_", "thruplays"))},
    }
    t = MetricTotals.from_mapping(row)
    assert t == totals(spend="12.34", impressions=1000, clicks=20, content_views=5, purchases=1)
    assert type(t.impressions) is int and type(t.purchases) is int
    assert isinstance(t.purchase_value, Decimal)


def test_from_mapping_of_a_sum_over_no_rows_is_zero():
    row = dict.fromkeys(SUMMED_COUNTERS)
    assert MetricTotals.from_mapping(row) == MetricTotals.zero()


def test_from_mapping_refuses_a_missing_column():
    with pytest.raises(KeyError):
        MetricTotals.from_mapping({"spend": 1})


def test_from_mapping_converts_float_money_without_binary_noise():
    row = {**dict.fromkeys(SUMMED_COUNTERS), "spend": 0.1}
    assert MetricTotals.from_mapping(row).spend == Decimal("0.1")


def test_totals_add_field_by_field_and_sum_of_nothing_is_zero():
    assert (
        replace(
            FUNNEL,
            spend=Decimal(400),
            impressions=100_000,
            clicks=3_000,
            link_clicks=2_000,
            content_views=1_600,
            add_to_cart=400,
            initiate_checkout=200,
            purchases=80,
            purchase_value=Decimal(3200),
            results=80,
            landing_page_views=1_800,
            video_views=40_000,
            video_plays=44_000,
            thruplays=12_000,
            video_p100=6_000,
            video_watch_time=220_000,
        )
        == FUNNEL + FUNNEL
    )
    assert sum_totals([]) == MetricTotals.zero()
    assert sum_totals([FUNNEL, MetricTotals.zero(), FUNNEL]) == FUNNEL + FUNNEL


def test_money_sums_stay_exact():
    parts = [totals(spend="0.1")] * 10
    assert sum_totals(parts).spend == Decimal("1.0")


# --- sorting ----------------------------------------------------------------------------------


def test_sort_value_returns_full_precision_or_none():
    d = compute_metrics(totals(spend="1", link_clicks=3))
    assert sort_value(d, "cpc") == Decimal("0." + "3" * 34)
    assert sort_value(d, "aov") is None
    assert sort_value(d, "link_clicks") == 3


def test_sort_value_refuses_an_unknown_key():
    with pytest.raises(KeyError):
        sort_value(compute_metrics(FUNNEL), "name")


def test_derived_metrics_is_immutable():
    d: DerivedMetrics = compute_metrics(FUNNEL)
    with pytest.raises(AttributeError):
        d.spend = Decimal(0)  # type: ignore[misc]


SHOWN_CASES = [
    (MetricTotals.zero(), "USD", False),
    (
        MetricTotals(Decimal("1234.565"), 98765, 4321, 1234, 555, 77, 33, 7, Decimal("2999.995"), 7),
        "USD",
        False,
    ),
    (MetricTotals(Decimal("1090100"), 123457, 999, 333, 111, 11, 5, 3, Decimal("5000001"), 4), "JPY", True),
    (MetricTotals(Decimal("1.2345"), 3, 1, 1, 3, 2, 1, 1, Decimal("0.0005"), 0), "KWD", False),
]


@pytest.mark.parametrize(("totals", "currency", "mixed"), SHOWN_CASES)
def test_shown_value_is_the_formatted_metric_as_a_number_for_every_metric(totals, currency, mixed):
    formatted = format_metrics(compute_metrics(totals), currency=currency, results_mixed=mixed)
    sums = [getattr(totals, name) for name in SUMMED_COUNTERS]
    for name, shown in formatted.items():
        value = shown_value(name, sums, minor_units(currency), mixed)
        if shown is None:
            assert value is None, name
        elif isinstance(shown, str):  # money: the same digits, the same number of decimals
            assert str(value) == shown, name
        else:
            assert value == Decimal(str(shown)) and type(value) is (
                int if isinstance(shown, int) else Decimal
            ), name
