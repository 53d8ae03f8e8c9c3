"""Reading reference rates: the ECB's eurofxref documents (as the simulator serves them) and an
operator's CSV; every bad input refused by name, nothing half-read."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from pixecom.rates.sources import RateSourceError, parse_ecb, parse_operator_csv
from simulator.ecb import BASES, eurofxref, published_days


def test_the_ecb_document_gives_every_currency_of_every_day():
    days = published_days(datetime(2026, 12, 7, 9, 0, tzinfo=UTC), 3)  # a Monday morning

    rates = parse_ecb(eurofxref(days).encode())

    assert days == [date(2026, 12, 4), date(2026, 12, 3), date(2026, 12, 2)]  # no weekend, not yet today
    assert len(rates) == 3 * len(BASES)
    assert {r.source for r in rates} == {"ecb"}
    assert "VND" not in {r.currency for r in rates}  # the ECB does not publish it


def test_after_publication_time_the_daily_file_has_today():
    assert published_days(datetime(2026, 12, 7, 15, 30, tzinfo=UTC), 1) == [date(2026, 12, 7)]


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        (b"<html>maintenance</html>", "holds no rate"),
        (b"not xml", "not an XML rates document"),
        (b"<Cube><Cube time='2026-12-04'><Cube currency='USD' rate='-1'/></Cube></Cube>", "positive"),
        (b"<Cube><Cube time='04/12/2026'><Cube currency='USD' rate='1.05'/></Cube></Cube>", "not a date"),
        (b"<Cube><Cube time='2026-12-04'><Cube currency='usd' rate='1.05'/></Cube></Cube>", "currency code"),
    ],
)
def test_a_document_that_is_not_rates_is_refused(document, problem):
    with pytest.raises(RateSourceError, match=problem):
        parse_ecb(document)


def test_an_operator_csv_gives_operator_rates():
    rates = parse_operator_csv("date,currency,per_eur\n2026-12-04,VND,27350.5\n\n2026-12-05,VND,27400\n")

    assert [(r.currency, r.day, r.per_eur, r.source) for r in rates] == [
        ("VND", date(2026, 12, 4), Decimal("27350.5"), "operator"),
        ("VND", date(2026, 12, 5), Decimal("27400"), "operator"),
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("day,code,rate\n2026-12-04,VND,1\n", "header"),
        ("date,currency,per_eur\n2026-12-04,VND,0\n", "line 2: VND: a rate must be a positive number"),
        ("date,currency,per_eur\n2026-12-04,VND,1\n2026-12-05,VND\n", "line 3"),
        ("date,currency,per_eur\n2026-12-04,VND,NaN\n", "line 2"),
        ("date,currency,per_eur\n", "no rate"),
    ],
)
def test_a_bad_operator_csv_is_refused_naming_its_line(text, problem):
    with pytest.raises(RateSourceError, match=problem):
        parse_operator_csv(text)
