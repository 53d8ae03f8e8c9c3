"""The converted grand total of the lists and the CSV: each day's amounts of each currency at
that day's reference rate (the last published one on days without), summed, in the seller's
reporting currency; checked against a sum computed here, independently, with USD, THB and VND
accounts (VND from an operator's rates: the ECB does not publish it) and one currency without
any rate, which is left out and named."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from adsmanager_helpers import Seeder
from sqlalchemy import text

from pixecom.rates.sources import parse_ecb, parse_operator_csv
from pixecom.rates.store import save_rates

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SINCE, UNTIL = date(2026, 11, 2), date(2026, 11, 10)  # Monday to the next Tuesday
RANGE = {"since": SINCE.isoformat(), "until": UNTIL.isoformat()}
MACHINE = {**RANGE, "csv_header": "machine"}  # the CSV with the API's field names as headers

# The ECB's quotation (units per euro) on its working days: no Saturday 7 or Sunday 8 November.
ECB_DAYS = {
    date(2026, 10, 30): {"USD": "1.0800", "THB": "37.120"},
    **{
        date(2026, 11, d): {"USD": f"1.07{d:02d}", "THB": f"36.{900 + d * 7}"} for d in (2, 3, 4, 5, 6, 9, 10)
    },
}
# An operator's VND rates, loaded now and then: days between use the last one before them.
VND_CSV = "date,currency,per_eur\n2026-11-01,VND,27310\n2026-11-05,VND,27455.5\n2026-11-09,VND,27390\n"


def _ecb_xml() -> bytes:
    cubes = "".join(
        f"<Cube time='{day.isoformat()}'>"
        + "".join(f"<Cube currency='{c}' rate='{r}'/>" for c, r in rates.items())
        + "</Cube>"
        for day, rates in sorted(ECB_DAYS.items(), reverse=True)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" '
        'xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">'
        "<gesmes:subject>Reference rates</gesmes:subject>"
        f"<Cube>{cubes}</Cube></gesmes:Envelope>"
    ).encode()


def _per_eur(currency: str, day: date) -> Decimal:
    """Independently: the rate of `day`, or of the last day before it with one."""
    if currency == "VND":
        table = {r.day: r.per_eur for r in parse_operator_csv(VND_CSV)}
    else:
        table = {d: Decimal(rates[currency]) for d, rates in ECB_DAYS.items()}
    return table[max(d for d in table if d <= day)]


SPEND = {"USD": "12.34", "THB": "431.5", "VND": "2417000", "IDR": "150000"}


@pytest.fixture
def shop(seed: Seeder, make_seller: Callable[..., Any], api: Any, set_now: Any) -> dict[str, Any]:
    set_now(NOW)
    seller = make_seller("Shop")
    ads = {}
    for currency in SPEND:
        account = seed.account(seller.seller_id, currency, tz="Asia/Bangkok")
        campaign = seed.campaign(account, f"{currency} campaign")
        ads[currency] = seed.ad(seed.adset(campaign, f"{currency} set"), f"{currency} ad")
    for n, day in enumerate(SINCE + timedelta(days=i) for i in range((UNTIL - SINCE).days + 1)):
        for currency, ad in ads.items():
            spend = Decimal(SPEND[currency]) * (n + 1)
            seed.day(ad, day, spend=spend, purchase_value=spend * 3, impressions=1000, purchases=1)
    save_rates(seed.session, parse_ecb(_ecb_xml()), NOW)
    save_rates(seed.session, parse_operator_csv(VND_CSV), NOW)
    seed.session.execute(
        text("UPDATE sellers SET reporting_currency = 'USD' WHERE id = :s"), {"s": seller.seller_id}
    )
    seed.commit()
    return {"seller": seller, "seed": seed}


def _expected(seed: Seeder, currencies: set[str], column: str = "spend") -> str:
    currency_of = {"USD", "THB", "VND", "IDR"}
    total = Decimal(0)
    for row in seed.stats:
        currency = next(c for c in currency_of if row["ad_id"] == _ad_of(seed, c))
        if currency not in currencies:
            continue
        amount = row[column]
        total += (
            amount
            if currency == "USD"
            else amount * _per_eur("USD", row["date"]) / _per_eur(currency, row["date"])
        )
    return str(total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _ad_of(seed: Seeder, currency: str) -> Any:
    return next(r["ad_id"] for r in seed.stats if r["spend"] == Decimal(SPEND[currency]))


def test_the_converted_total_is_each_days_amounts_at_that_days_rate_summed(api, shop):
    body = api.get("/api/ads-manager/campaigns", params=RANGE, headers=shop["seller"].headers).json()

    total = body["converted_total"]
    assert total["label"] == "converted"
    assert total["currency"] == "USD"
    assert total["spend"] == _expected(shop["seed"], {"USD", "THB", "VND"})
    assert total["purchase_value"] == _expected(shop["seed"], {"USD", "THB", "VND"}, "purchase_value")
    assert total["roas"] == 3.0
    assert total["rates"] == [
        # 7 and 8 November had no ECB rate: Friday the 6th's was used
        {
            "currency": "THB",
            "source": "ecb",
            "first_rate_date": "2026-11-02",
            "last_rate_date": "2026-11-10",
            "days_carried_forward": 2,
        },
        # VND -> USD reads the operator's VND rate and the ECB's USD one; 7 of its 9 days had no
        # VND rate of their own
        {
            "currency": "VND",
            "source": "ecb+operator",
            "first_rate_date": "2026-11-01",
            "last_rate_date": "2026-11-09",
            "days_carried_forward": 7,
        },
    ]
    assert total["left_out"] == [
        {
            "currency": "IDR",
            "reason": "no exchange rate between IDR and USD for 2026-11-02: "
            "its amounts are not in this total",
        }
    ]
    # The rows and the per-currency summary stay in their own currencies.
    assert {s["currency"] for s in body["summary"]} == {"USD", "THB", "VND", "IDR"}
    vnd = next(s for s in body["summary"] if s["currency"] == "VND")
    assert vnd["metrics"]["spend"] == str(sum(Decimal(SPEND["VND"]) * n for n in range(1, 10)))


def test_the_total_follows_the_lists_filters(api, shop):
    accounts = {
        r.currency: r.id
        for r in shop["seed"].session.execute(text("SELECT id, currency FROM ad_accounts")).all()
    }
    shop["seed"].commit()  # the test's session gives its connection back to the pool
    params = {**RANGE, "ad_account_id": f"{accounts['USD']},{accounts['THB']}"}

    total = api.get("/api/ads-manager/ads", params=params, headers=shop["seller"].headers).json()[
        "converted_total"
    ]

    assert total["spend"] == _expected(shop["seed"], {"USD", "THB"})
    assert [r["currency"] for r in total["rates"]] == ["THB"]
    assert total["left_out"] == []


def test_a_member_limited_to_some_accounts_gets_the_total_of_theirs_only(api, shop, make_member):
    accounts = {
        r.currency: r.id
        for r in shop["seed"].session.execute(text("SELECT id, currency FROM ad_accounts")).all()
    }
    shop["seed"].commit()  # the test's session gives its connection back to the pool
    member = make_member(
        shop["seller"].seller_id, "analyst", ad_account_ids=[accounts["USD"], accounts["VND"]]
    )

    listed = api.get("/api/ads-manager/campaigns", params=RANGE, headers=member.headers).json()
    exported = api.get("/api/ads-manager/ads/export.csv", params=MACHINE, headers=member.headers)
    sellpages = api.get("/api/ads-manager/sellpages", params=RANGE, headers=member.headers)

    total = listed["converted_total"]
    assert total["spend"] == _expected(shop["seed"], {"USD", "VND"})
    assert [r["currency"] for r in total["rates"]] == ["VND"]
    assert total["left_out"] == []  # the IDR account is not theirs: not even named
    (row,) = [r for r in csv.DictReader(io.StringIO(exported.text)) if r["row_type"] == "converted_total"]
    assert row["spend"] == total["spend"]
    # The sellpage level sets the store's orders (the seller's) beside the campaigns: refused.
    assert (sellpages.status_code, sellpages.json()["error"]["code"]) == (403, "forbidden")


def test_the_csv_ends_with_the_converted_total_row(api, shop):
    response = api.get("/api/ads-manager/adsets/export.csv", params=MACHINE, headers=shop["seller"].headers)

    rows = list(csv.DictReader(io.StringIO(response.text)))
    (converted,) = [r for r in rows if r["row_type"] == "converted_total"]
    assert (converted["currency"], converted["spend"]) == (
        "USD",
        _expected(shop["seed"], {"USD", "THB", "VND"}),
    )
    assert "THB at ecb rates of 2026-11-02..2026-11-10" in converted["name"]
    assert "IDR left out (no rate)" in converted["name"]
    assert rows[-1] is converted


def test_without_a_reporting_currency_there_is_no_converted_total(api, shop):
    shop["seed"].session.execute(text("UPDATE sellers SET reporting_currency = NULL"))
    shop["seed"].commit()

    body = api.get("/api/ads-manager/campaigns", params=RANGE, headers=shop["seller"].headers).json()

    assert body["converted_total"] is None


def test_a_reporting_currency_needs_a_known_rate(api, shop):
    headers = shop["seller"].headers

    refused = api.put("/api/reporting-currency", json={"currency": "IDR"}, headers=headers)
    chosen = api.put("/api/reporting-currency", json={"currency": "THB"}, headers=headers)

    assert refused.status_code == 422
    assert "no exchange rate is known for IDR" in refused.json()["error"]["message"]
    assert chosen.json() == {"currency": "THB"}
    assert api.get("/api/reporting-currency", headers=headers).json() == {"currency": "THB"}
