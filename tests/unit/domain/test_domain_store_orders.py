"""An order event's meaning: status, attribution from the landing URL, money checks, its day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from pixecom.domain.store_orders import (
    Attribution,
    OrderEventType,
    OrderProblem,
    OrderStatus,
    attribution_of,
    check_currency,
    check_money,
    event_hash,
    landing_params,
    order_day,
    order_status,
)

E = OrderEventType
D = Decimal


@pytest.mark.parametrize(
    ("kind", "amount", "refunded", "status"),
    [
        (E.CREATED, D("40"), D(0), OrderStatus.PENDING),
        (E.PAID, D("40"), D(0), OrderStatus.PAID),
        (E.REFUNDED, D("40"), D("10"), OrderStatus.PARTLY_REFUNDED),
        (E.REFUNDED, D("40"), D("40"), OrderStatus.REFUNDED),
        (E.PAID, D("40"), D("5"), OrderStatus.PARTLY_REFUNDED),  # a paid event after a refund keeps it
        (E.CANCELLED, D("40"), D(0), OrderStatus.CANCELLED),
    ],
)
def test_an_events_type_and_amounts_give_the_orders_status(kind, amount, refunded, status):
    assert order_status(kind, amount, refunded) is status


@pytest.mark.parametrize(
    ("kind", "amount", "refunded"),
    [(E.REFUNDED, D("40"), D(0)), (E.REFUNDED, D("40"), D("41")), (E.CREATED, D("40"), D("1"))],
)
def test_amounts_that_contradict_the_event_are_refused_on_refunded_amount(kind, amount, refunded):
    with pytest.raises(OrderProblem) as problem:
        order_status(kind, amount, refunded)
    assert problem.value.field == "refunded_amount"


def test_landing_params_keep_utm_fbclid_and_meta_ids_and_drop_the_rest():
    url = "https://shop.example.com/p?utm_source=fb&email=a@b.c&fbclid=IwAR1&ad_id=1&x=2"
    assert landing_params(url, {"utm_campaign": "Winter", "ad_id": "9"}) == {
        "utm_source": "fb",
        "fbclid": "IwAR1",
        "ad_id": "9",
        "utm_campaign": "Winter",
    }


def test_a_parameter_too_long_is_refused_naming_it():
    with pytest.raises(OrderProblem) as problem:
        landing_params(None, {"utm_term": "x" * 501})
    assert problem.value.field == "landing_params.utm_term"


def test_meta_ids_are_digits_and_unfilled_placeholders_attribute_nothing():
    assert attribution_of({"campaign_id": "120211", "adset_id": "{{adset.id}}", "ad_id": " 120213 "}) == (
        Attribution("120211", "", "120213")
    )
    assert attribution_of({}) == Attribution()


@pytest.mark.parametrize(
    ("value", "currency", "ok"),
    [
        ("12.35", "USD", True),
        ("12.345", "USD", False),
        ("1090", "JPY", True),
        ("10.5", "JPY", False),
        ("1.235", "KWD", True),
        ("12.300", "USD", True),
        ("-0.01", "USD", False),
        ("0", "USD", True),
    ],
)
def test_money_has_at_most_the_currencys_decimals_and_is_never_negative(value, currency, ok):
    if ok:
        assert check_money(D(value), currency, "amount") == D(value)
    else:
        with pytest.raises(OrderProblem):
            check_money(D(value), currency, "amount")


def test_an_unknown_currency_has_its_own_code():
    assert check_currency("VND") == "VND"
    with pytest.raises(OrderProblem) as problem:
        check_currency("usd")
    assert (problem.value.code, problem.value.field) == ("unknown_currency", "currency")


def test_an_order_day_is_the_accounts_day_else_the_day_at_the_offset_sent():
    at = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
    assert order_day(at, "America/Los_Angeles") == date(2026, 11, 20)
    assert order_day(at.astimezone(timezone(timedelta(hours=7))), None) == date(2026, 11, 21)
    assert order_day(at.astimezone(timezone(timedelta(hours=-5))), None) == date(2026, 11, 20)


def test_the_event_fingerprint_ignores_key_order_but_not_values():
    assert event_hash({"a": 1, "b": "2"}) == event_hash({"b": "2", "a": 1})
    assert event_hash({"a": 1}) != event_hash({"a": 2})
