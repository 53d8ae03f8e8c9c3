"""Result types (issue 14 §2), currencies' minor units (§5) and the one metric table (issue 10)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pixecom.domain.currency import minor_units
from pixecom.domain.metrics import (
    METRICS,
    MONEY_METRICS,
    RATIO_METRICS,
    RESULT_METRICS,
    Kind,
    format_money,
)
from pixecom.domain.results import MIXED, combined_result_type, result_type


@pytest.mark.parametrize(
    ("goal", "event", "expected"),
    [
        ("OFFSITE_CONVERSIONS", "PURCHASE", "purchase"),
        ("OFFSITE_CONVERSIONS", "ADD_TO_CART", "add_to_cart"),
        ("OFFSITE_CONVERSIONS", "CONTENT_VIEW", "content_view"),
        ("OFFSITE_CONVERSIONS", "INITIATED_CHECKOUT", "initiate_checkout"),
        ("offsite_conversions", "purchase", "purchase"),
        ("VALUE", None, "purchase"),
        ("LINK_CLICKS", None, "link_click"),
        ("LANDING_PAGE_VIEWS", "PURCHASE", "landing_page_view"),
        ("OFFSITE_CONVERSIONS", None, None),
        ("SOMETHING_NEW", None, None),
        (None, "PURCHASE", None),
    ],
)
def test_result_type_names_the_optimization_event_as_ads_manager_does(
    goal: str | None, event: str | None, expected: str | None
) -> None:
    assert result_type(goal, event) == expected


def test_rows_of_one_result_type_keep_it() -> None:
    assert combined_result_type(["purchase", "purchase"]) == "purchase"


def test_rows_of_different_result_types_are_mixed() -> None:
    assert combined_result_type(["purchase", "add_to_cart", "content_view"]) == MIXED


def test_a_known_and_an_unknown_result_type_are_mixed() -> None:
    assert combined_result_type(["purchase", None]) == MIXED


def test_mixed_stays_mixed_and_nothing_has_no_type() -> None:
    assert combined_result_type([MIXED]) == MIXED
    assert combined_result_type([]) is None


@pytest.mark.parametrize(
    ("currency", "places"),
    [("JPY", 0), ("VND", 0), ("KRW", 0), ("USD", 2), ("EUR", 2), ("KWD", 3), ("bhd", 3)],
)
def test_minor_units_follow_iso_4217(currency: str, places: int) -> None:
    assert minor_units(currency) == places


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [("1090100.5", 0, "1090101"), ("5865.125", 2, "5865.13"), ("1.2345", 3, "1.235"), ("7", 3, "7.000")],
)
def test_money_is_rounded_half_up_to_the_currencys_minor_units(
    value: str, places: int, expected: str
) -> None:
    assert format_money(Decimal(value), places) == expected


def test_the_metric_table_defines_every_set() -> None:
    assert MONEY_METRICS == {m.name for m in METRICS if m.kind is Kind.MONEY}
    assert RATIO_METRICS == {m.name for m in METRICS if m.kind is Kind.RATIO}
    assert RESULT_METRICS == {"results", "cost_per_result"}
