"""Every metric's value, computed where the Ads Manager computes it: in SQL, from summed counters.

One expression per metric (`pixecom.adsmanager.sql.shown_metric`) serves the lists' JSON
(`metrics_json`: rows, summaries, daily series, CSV) and the rules' and alerts' reads
(`pixecom.adsmanager.sums.shown_values`); `metric_expr` is the full-precision value the lists sort by. These
tests feed ad-day rows of counters to those expressions on the test server (no schema needed)
and pin the formulas, the zero denominators, the extremes, the rounding and the JSON types.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url

from pixecom.adsmanager.sql import metric_expr, metrics_json, minor_units_sql, sum_list
from pixecom.adsmanager.statement import Param, ident, join, q, run_tuples
from pixecom.adsmanager.sums import shown_values
from pixecom.domain.catalogue import SUMMED
from pixecom.domain.metrics import COUNT_METRICS, METRIC_NAMES, MONEY_METRICS, RATIO_METRICS

NAMES = METRIC_NAMES
DERIVED = [n for n in METRIC_NAMES if n not in COUNT_METRICS and n not in ("spend", "purchase_value")]

Counters = Mapping[str, Any]


@dataclass(frozen=True)
class Values:
    """One set of summed rows as the Ads Manager has it: `shown` (the API's `metrics` JSON),
    `numbers` (what rules and alerts read) and `exact` (full precision: what lists sort by)."""

    shown: dict[str, Any]
    numbers: dict[str, Any]
    exact: dict[str, Any]


_NUMERIC, _BIGINT = q("numeric"), q("bigint")


def _rows_sql(rows: list[Counters]) -> Any:
    """`rows` (counters by name, 0 where left out) as a VALUES list of typed ad-day rows."""
    values = join(
        ", ",
        (
            q(
                "({})",
                join(
                    ", ",
                    (
                        q("CAST({} AS {})", Param(row.get(c.name, 0)), _NUMERIC if c.money else _BIGINT)
                        for c in SUMMED
                    ),
                ),
            )
            for row in rows
        ),
    )
    names = join(", ", (ident(c.name) for c in SUMMED))
    return q("(VALUES {}) AS r({})", values, names)


@pytest.fixture(scope="module")
def metrics_of(pg_server_url: str) -> Iterator[Callable[..., Values]]:
    url = make_url(pg_server_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as conn:

        def compute(*rows: Counters, currency: str = "USD", mixed: bool = False) -> Values:
            mu = minor_units_sql(q("CAST({} AS text)", Param(currency)))
            flag = q("CAST({} AS boolean)", Param(mixed))
            statement = q(
                "SELECT CAST({} AS text), {}, {} FROM (SELECT {} FROM (SELECT {} FROM {}) y) t",
                metrics_json("t", mu, flag),
                shown_values(NAMES, "t", mu, flag),
                join(", ", (metric_expr(n, "t") for n in NAMES)),
                sum_list("y", coalesce=True, cast=True),
                sum_list("r"),
                _rows_sql(list(rows) or [{}]),
            )
            ((shown, *values),) = run_tuples(conn, statement)
            numbers, exact = values[: len(NAMES)], values[len(NAMES) :]
            return Values(json.loads(shown), dict(zip(NAMES, numbers)), dict(zip(NAMES, exact)))

        yield compute


FUNNEL = {
    "spend": Decimal("200"),
    "impressions": 50_000,
    "clicks": 1_500,
    "link_clicks": 1_000,
    "content_views": 800,
    "add_to_cart": 200,
    "initiate_checkout": 100,
    "purchases": 40,
    "purchase_value": Decimal("1600"),
    "results": 40,
    "landing_page_views": 900,
    "video_views": 20_000,
    "video_plays": 22_000,
    "thruplays": 6_000,
    "video_p100": 3_000,
    "video_watch_time": 110_000,
}


# --- formulas ---------------------------------------------------------------------------------


def test_each_derived_metric_follows_the_documented_formula(metrics_of):
    exact = metrics_of(FUNNEL).exact
    expected = {
        "cpm": Decimal("4"),  # 200 / 50000 x 1000
        "ctr": Decimal("2"),  # 1000 / 50000 x 100
        "ctr_all": Decimal("3"),  # 1500 / 50000 x 100
        "cpc": Decimal("0.2"),  # 200 / 1000
        "cpv": Decimal("0.25"),  # 200 / 800
        "cost_per_add_to_cart": Decimal("1"),
        "cost_per_checkout": Decimal("2"),
        "cost_per_purchase": Decimal("5"),
        "cr": Decimal("5"),  # 40 / 800 x 100
        "cr1": Decimal("25"),  # 200 / 800 x 100
        "cr2": Decimal("50"),  # 100 / 200 x 100
        "cr3": Decimal("40"),  # 40 / 100 x 100
        "cost_per_result": Decimal("5"),
        "roas": Decimal("8"),  # 1600 / 200
        "aov": Decimal("40"),  # 1600 / 40
        "hook_rate": Decimal("40"),  # 20000 / 50000 x 100
        "hold_rate": Decimal("30"),  # 6000 / 20000 x 100
        "cost_per_thruplay": Decimal(200) / Decimal(6000),
        "completion_rate": Decimal("15"),  # 3000 / 20000 x 100
        "avg_watch_time": Decimal(110_000) / Decimal(22_000),  # 5 s per play started
    }
    assert {name: exact[name] for name in expected} == pytest.approx(expected, rel=Decimal("1e-18"))


def test_counters_pass_through_unchanged(metrics_of):
    d = metrics_of(FUNNEL).numbers
    assert (d["spend"], d["impressions"], d["clicks"], d["purchases"], d["purchase_value"], d["results"]) == (
        Decimal("200"),
        50_000,
        1_500,
        40,
        Decimal("1600"),
        40,
    )


def test_every_derived_metric_is_null_when_all_counters_are_zero(metrics_of):
    values = metrics_of({})
    assert all(values.exact[n] is None and values.shown[n] is None for n in DERIVED)


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
def test_a_zero_denominator_makes_exactly_its_metrics_null(metrics_of, zeroed, undefined):
    d = metrics_of({**FUNNEL, zeroed: 0}).numbers
    assert {n for n in DERIVED if d[n] is None} == undefined


def test_zero_numerator_over_nonzero_denominator_is_zero_not_null(metrics_of):
    values = metrics_of({"impressions": 1000})
    d = values.exact
    assert d["ctr"] == 0 and d["cpm"] == 0 and d["ctr_all"] == 0
    assert values.shown["cpm"] == "0.00"
    assert values.shown["ctr"] == 0.0


def test_ratios_come_from_summed_counters_not_averaged_rows(metrics_of):
    a = {"impressions": 100, "link_clicks": 10, "spend": Decimal("1")}  # CTR 10 %
    b = {"impressions": 900, "link_clicks": 9, "spend": Decimal("9")}  # CTR 1 %
    d = metrics_of(a, b).exact
    assert d["ctr"] == Decimal("1.9")  # 19 / 1000 x 100, not (10 + 1) / 2 = 5.5
    assert d["cpm"] == Decimal("10")
    # 10 / 19, exact to the 20 decimals Postgres divides to
    assert d["cpc"] == round(Decimal("0.5263157894736842105263157894736842"), 20)


def test_money_sums_stay_exact(metrics_of):
    values = metrics_of(*[{"spend": Decimal("0.1")}] * 10)
    assert values.exact["spend"] == Decimal("1.0") and values.shown["spend"] == "1.00"


# --- extremes ---------------------------------------------------------------------------------


def test_tiny_spend_keeps_full_precision_inside(metrics_of):
    values = metrics_of(
        {"spend": Decimal("0.0001"), "impressions": 1, "link_clicks": 1, "purchases": 1, "purchase_value": 1}
    )
    d = values.exact
    assert d["cpm"] == Decimal("0.1")
    assert d["cpc"] == Decimal("0.0001")
    assert d["roas"] == Decimal("10000")
    out = values.shown
    assert (out["spend"], out["cpm"], out["cpc"], out["roas"]) == ("0.00", "0.10", "0.00", 10000.0)


def test_huge_values_are_exact_and_formatted_without_exponents(metrics_of):
    out = metrics_of(
        {
            "spend": Decimal("1000000000"),
            "impressions": 10**12,
            "clicks": 10**10,
            "link_clicks": 3 * 10**9,
            "purchases": 10**6,
            "purchase_value": Decimal("123456789012.34"),
        }
    ).shown
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
        ("2.675", "2.68"),  # float(2.675) is 2.67499..; numeric is exact
        ("1.004999", "1.00"),
        ("12.3", "12.30"),
        ("7", "7.00"),
        ("0", "0.00"),
        ("999999999.995", "1000000000.00"),
    ],
)
def test_money_is_rounded_half_up_to_two_decimals(metrics_of, value, expected):
    values = metrics_of({"spend": Decimal(value)})
    assert values.shown["spend"] == expected and str(values.numbers["spend"]) == expected


@pytest.mark.parametrize(
    ("clicks", "impressions", "expected"),
    [(1, 3, 33.3333), (2, 3, 66.6667), (1, 200_000, 0.0005), (1, 200_001, 0.0005), (1, 2_000_001, 0.0)],
)
def test_ratios_are_rounded_half_up_to_four_decimals(metrics_of, clicks, impressions, expected):
    values = metrics_of({"link_clicks": clicks, "impressions": impressions})
    assert values.shown["ctr"] == expected and values.numbers["ctr"] == Decimal(str(expected))


def test_rounding_of_a_computed_cost_uses_half_up(metrics_of):
    # 0.125 / 1 link click: CPC is exactly 0.125 -> 0.13 (banker's would give 0.12).
    assert metrics_of({"spend": Decimal("0.125"), "link_clicks": 1}).shown["cpc"] == "0.13"


def test_a_computed_ctr_is_rounded_from_full_precision(metrics_of):
    # 1 / 3 x 100 = 33.3333.. ; 2 / 3 x 100 = 66.6666..
    out = metrics_of({"impressions": 3, "link_clicks": 1, "clicks": 2}).shown
    assert out["ctr"] == 33.3333
    assert out["ctr_all"] == 66.6667


# --- currencies and result types --------------------------------------------------------------

MIXED_CURRENCY = {
    "spend": Decimal("1000.4"),
    "impressions": 3000,
    "clicks": 90,
    "link_clicks": 30,
    "content_views": 20,
    "add_to_cart": 10,
    "initiate_checkout": 5,
    "purchases": 3,
    "purchase_value": Decimal("4500"),
    "results": 3,
}


def test_money_is_shown_in_the_currencys_minor_units_and_ratios_are_not(metrics_of):
    jpy = metrics_of(MIXED_CURRENCY, currency="JPY")
    kwd = metrics_of(MIXED_CURRENCY, currency="KWD")
    assert (jpy.shown["spend"], jpy.shown["cpc"], jpy.shown["cost_per_result"]) == ("1000", "33", "333")
    assert (kwd.shown["spend"], kwd.shown["cpc"], kwd.shown["cost_per_result"]) == (
        "1000.400",
        "33.347",
        "333.467",
    )
    assert jpy.shown["roas"] == kwd.shown["roas"] == 4.4982
    assert (kwd.numbers["spend"], kwd.numbers["cpc"]) == (Decimal("1000.400"), Decimal("33.347"))


def test_mixed_result_types_null_results_and_cost_per_result_only(metrics_of):
    counters = {**MIXED_CURRENCY, "spend": Decimal("100"), "purchases": 4, "purchase_value": 450}
    counters["results"] = 2746
    for out in (metrics_of(counters, mixed=True).shown, metrics_of(counters, mixed=True).numbers):
        assert (out["results"], out["cost_per_result"]) == (None, None)
        assert (out["purchases"], str(out["cost_per_purchase"]), str(out["spend"])) == (4, "25.00", "100.00")


# --- output types -----------------------------------------------------------------------------


def test_shown_metrics_have_the_declared_types_in_the_catalogues_order(metrics_of):
    values = metrics_of(FUNNEL)
    assert list(values.shown) == list(METRIC_NAMES)
    for name, value in values.shown.items():
        if name in MONEY_METRICS:
            assert isinstance(value, str) and len(value.split(".")[1]) == 2, name
            assert values.numbers[name] == Decimal(value), name
        elif name in RATIO_METRICS:
            assert type(value) is float, name
            assert values.numbers[name] == Decimal(str(value)), name
        else:
            assert type(value) is int and type(values.numbers[name]) is int, name


def test_shown_metrics_of_an_entity_without_stats(metrics_of):
    out = metrics_of({}).shown
    assert out["spend"] == "0.00" and out["purchase_value"] == "0.00"
    assert out["impressions"] == 0 and out["results"] == 0
    assert all(out[n] is None for n in DERIVED)


def test_shown_funnel_values(metrics_of):
    out = metrics_of(FUNNEL).shown
    assert out["cpm"] == "4.00" and out["cpc"] == "0.20" and out["aov"] == "40.00"
    assert out["ctr"] == 2.0 and out["cr2"] == 50.0 and out["roas"] == 8.0


# --- sorting ----------------------------------------------------------------------------------


def test_the_sort_value_is_full_precision_or_null(metrics_of):
    d = metrics_of({"spend": Decimal("1"), "link_clicks": 3}).exact
    assert d["cpc"] == round(Decimal("0." + "3" * 34), 20)  # the 20 decimals Postgres divides to
    assert d["aov"] is None
    assert d["link_clicks"] == 3
