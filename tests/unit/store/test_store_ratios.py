"""A sellpage's ratios from its sums per currency: given only where one currency holds them all."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pixecom.store.conversion import NO_RATES, DatedAmount
from pixecom.store.sellpage_level import CurrencySums, sellpage_ratios

D = Decimal


def _usd(**values: object) -> CurrencySums:
    return CurrencySums("USD", **values)  # type: ignore[arg-type]


def test_one_currency_gives_meta_roas_store_roas_mer_and_the_gap():
    sums = [
        _usd(
            spend=D(100),
            meta_purchase_value=D(300),
            store_gross_revenue=D(180),
            store_refunds=D(10),
            store_attributed_revenue=D(110),
            has_spend=True,
            has_store=True,
        )
    ]
    r = sellpage_ratios(sums, ([], []), NO_RATES)
    assert (r.currency, r.meta_roas, r.store_roas, r.mer, r.purchase_value_gap, r.null_reason) == (
        "USD",
        D(3),
        D("1.1"),
        D("1.7"),
        D(190),
        None,
    )


def test_no_spend_means_no_ratios():
    r = sellpage_ratios([_usd(store_gross_revenue=D(40), has_store=True)], ([], []), NO_RATES)
    assert (r.mer, r.null_reason) == (None, "no spend in the range")


def test_revenue_in_a_currency_without_rates_nulls_the_store_ratios_but_not_metas():
    sums = [
        CurrencySums("EUR", store_gross_revenue=D(20), has_store=True),
        _usd(
            spend=D(100),
            meta_purchase_value=D(300),
            store_gross_revenue=D(40),
            has_spend=True,
            has_store=True,
        ),
    ]
    days = [DatedAmount(date(2026, 11, 20), "EUR", D(20)), DatedAmount(date(2026, 11, 20), "USD", D(40))]
    r = sellpage_ratios(sums, (days, days), NO_RATES)
    assert (r.meta_roas, r.store_roas, r.mer, r.purchase_value_gap) == (D(3), None, None, None)
    assert r.null_reason == "store revenue in EUR is not converted to USD (no exchange rate on some day)"


def test_without_rates_only_amounts_already_in_the_target_currency_are_summed():
    same = [DatedAmount(date(2026, 11, 20), "USD", D(40)), DatedAmount(date(2026, 11, 21), "USD", D(2))]
    converted = NO_RATES.convert(same, "USD")
    assert converted is not None and converted.amount == D(42)
    assert NO_RATES.convert([*same, DatedAmount(date(2026, 11, 21), "EUR", D(1))], "USD") is None
