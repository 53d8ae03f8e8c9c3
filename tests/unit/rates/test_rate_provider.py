"""What the rates provider's JSON answers give (pixecom.rates.provider.parse_provider)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from pixecom.domain.money import Rate
from pixecom.rates.provider import parse_provider
from pixecom.rates.sources import RateSourceError


def _doc(body: object) -> bytes:
    return json.dumps(body).encode()


def test_a_latest_answer_gives_the_asked_currencies_of_its_day_exactly():
    body = {
        "success": True,
        "base": "EUR",
        "date": "2026-12-04",
        "rates": {"VND": 27350.55, "THB": 36.2, "USD": 1.05},
    }
    assert parse_provider(_doc(body), ("VND", "THB")) == [
        Rate("VND", date(2026, 12, 4), Decimal("27350.55"), "provider"),
        Rate("THB", date(2026, 12, 4), Decimal("36.2"), "provider"),
    ]


def test_a_timeseries_answer_gives_every_day():
    body = {
        "success": True,
        "timeseries": True,
        "base": "EUR",
        "rates": {"2026-12-05": {"VND": 27400}, "2026-12-06": {"VND": 27390}},
    }
    assert [(r.day, r.per_eur) for r in parse_provider(_doc(body), ("VND",))] == [
        (date(2026, 12, 5), Decimal(27400)),
        (date(2026, 12, 6), Decimal(27390)),
    ]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            {"success": False, "error": {"code": 101, "type": "invalid_access_key"}},
            "refused: invalid_access_key",
        ),
        ({"success": True, "base": "USD", "date": "2026-12-04", "rates": {"VND": 26000}}, "not the euro"),
        ({"success": True, "base": "EUR", "date": "2026-12-04", "rates": {"USD": 1.05}}, "no rate of VND"),
        ({"success": True, "base": "EUR", "date": "2026-12-04", "rates": {"VND": -1}}, "positive"),
        ({"success": True, "base": "EUR", "date": "04/12/2026", "rates": {"VND": 1}}, "not a date"),
    ],
)
def test_an_answer_that_is_not_usable_rates_is_refused(body, problem):
    with pytest.raises(RateSourceError, match=problem):
        parse_provider(_doc(body), ("VND",))
