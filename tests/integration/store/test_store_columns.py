"""The store's numbers on campaign, ad set and ad rows of the Ads Manager lists (`store` object):
exactly the store's truth per row, attributed by ids (every level) or by the only campaign linking
to the order's sellpage (campaigns), converted into the row's currency at each day's rate."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from store_helpers import Shop, add_stats, add_tree, event

RANGE = "since=2026-11-15&until=2026-11-25"


def _send(api: Any, shop: Shop, *events: dict[str, Any]) -> dict[str, int]:
    answer = api.post("/api/store/orders/batch", json={"events": list(events)}, headers=shop.key_headers)
    assert answer.status_code == 200, answer.text
    counts: dict[str, int] = answer.json()["counts"]
    return counts


def _store(api: Any, shop: Shop, level: str, meta_id: str, query: str = RANGE) -> dict[str, Any]:
    answer = api.get(f"/api/ads-manager/{level}?{query}", headers=shop.headers)
    assert answer.status_code == 200, answer.text
    row: dict[str, Any] = next(r for r in answer.json()["data"] if r["meta_id"] == meta_id)
    return row["store"]


def _numbers(store: dict[str, Any]) -> tuple[Any, ...]:
    return (store["store_orders"], store["store_revenue"], store["store_roas"], store["purchase_value_gap"])


def test_store_columns_are_the_stores_truth_after_duplicates_late_out_of_order_refunds_and_cancels(
    api, make_shop
):
    shop = make_shop()
    t, page = shop.tree, str(shop.page_id)
    add_stats(t.campaign_id, date(2026, 11, 20), "100.00", 5, "300.00")
    ids = {"campaign_id": t.campaign, "adset_id": t.adset, "ad_id": t.ad}
    ad_only = {"ad_id": t.ad}  # the ad set and campaign come from our copy of Meta's objects
    _send(
        api,
        shop,
        event("a", 3, "paid", sellpage_id=page, landing_params=ad_only),
        event("b", 2, "paid", sellpage_id=page, landing_params=ids),
        event("c", 2, "paid", sellpage_id=page, landing_params=ids),
        event("d", 2, "paid", sellpage_id=page, landing_params=ids),
        event("e", 2, "paid", sellpage_id=page, landing_params=ids),
        event("g", 2, "paid", sellpage_id=page, landing_params={"campaign_id": t.campaign}),
        event("h", 2, "paid", amount="25.00", sellpage_id=page, landing_params={"fbclid": "IwAR1"}),
        event("i", 2, "paid", amount="99.00", sellpage_id=page, landing_params={"utm_source": "google"}),
    )
    later = _send(
        api,
        shop,
        event("a", 1, "created", sellpage_id=page, landing_params=ad_only),  # late: stale
        event("b", 2, "paid", sellpage_id=page, landing_params=ids),  # twice: duplicate
        event("c", 3, "refunded", refunded_amount="10.00", sellpage_id=page, landing_params=ids),
        event("d", 3, "refunded", refunded_amount="40.00", sellpage_id=page, landing_params=ids),
        event("e", 3, "cancelled", sellpage_id=page, landing_params=ids),
    )
    assert later == {"applied": 3, "duplicate": 1, "stale": 1, "rejected": 0}

    # a, b at 40 and c at 30 net: the ad, its ad set and its campaign
    assert _numbers(_store(api, shop, "ads", t.ad)) == (3, "110.00", 1.1, "190.00")
    assert _numbers(_store(api, shop, "adsets", t.adset)) == (3, "110.00", 1.1, "190.00")
    # + g (the campaign's id only) and h (from Meta without ids: the only campaign on the sellpage)
    campaign = _store(api, shop, "campaigns", t.campaign)
    assert _numbers(campaign) == (5, "175.00", 1.75, "125.00")
    assert campaign["orders_via_sellpage"] == 1 and campaign["null_reason"] is None
    assert campaign["conversion"] is None
    machine_csv = f"/api/ads-manager/campaigns/export.csv?{RANGE}&csv_header=machine"
    exported = api.get(machine_csv, headers=shop.headers)
    row = next(csv.DictReader(io.StringIO(exported.text)))  # the campaign's row, then the summary
    assert [row[k] for k in ("store_orders", "store_revenue", "store_roas", "purchase_value_gap")] == [
        "5",
        "175.00",
        "1.75",
        "125.00",
    ]


def test_sellpage_link_counts_only_where_one_campaign_links_and_unlinked_rows_say_why(api, make_shop):
    shop = make_shop()
    second = add_tree(shop.seller_id, shop.page_id)  # a second campaign on the same sellpage
    bare = add_tree(shop.seller_id, None)  # a campaign linking to no sellpage
    page = str(shop.page_id)
    _send(api, shop, event("h", 2, "paid", sellpage_id=page, landing_params={"utm_source": "facebook"}))
    for meta_id in (shop.tree.campaign, second.campaign):
        store = _store(api, shop, "campaigns", meta_id)
        assert (store["store_orders"], store["store_revenue"], store["orders_via_sellpage"]) == (0, "0.00", 0)
    unlinked = _store(api, shop, "campaigns", bare.campaign)
    assert _numbers(unlinked) == (None, None, None, None)
    assert "links to no sellpage" in unlinked["null_reason"]
    assert _store(api, shop, "ads", bare.ad)["store_orders"] is None


def test_another_sellers_orders_never_reach_this_sellers_rows(api, make_shop):
    mine, theirs = make_shop(), make_shop()
    t = mine.tree
    add_stats(t.campaign_id, date(2026, 11, 20), "50.00", 5, "80.00")
    ids = {"campaign_id": t.campaign, "adset_id": t.adset, "ad_id": t.ad}
    # their store names my ids, on their sellpage: it is written under them and joins nothing of mine
    _send(api, theirs, event("x", 2, "paid", sellpage_id=str(theirs.page_id), landing_params=ids))
    for level, meta_id in (("campaigns", t.campaign), ("adsets", t.adset), ("ads", t.ad)):
        assert _numbers(_store(api, mine, level, meta_id)) == (0, "0.00", 0.0, "80.00")
    assert _store(api, theirs, "campaigns", theirs.tree.campaign)["store_orders"] == 0
    summary = api.get(f"/api/ads-manager/campaigns?{RANGE}", headers=mine.headers).json()["summary"]
    assert [s["store"]["store_orders"] for s in summary] == [0]


def test_other_currencies_convert_at_each_days_rate_and_a_missing_rate_nulls_with_the_reason(api, make_shop):
    from pixecom.db.engine import session_scope
    from pixecom.domain.money import Rate
    from pixecom.rates.store import save_rates

    with (
        session_scope() as s
    ):  # 1 EUR = 1.10 USD = 38.5 THB on Sep 7 (carried to the 8th), 1.20 USD on the 9th
        save_rates(
            s,
            [
                Rate("USD", date(2026, 9, 7), Decimal("1.10"), "ecb"),
                Rate("USD", date(2026, 9, 9), Decimal("1.20"), "ecb"),
                Rate("THB", date(2026, 9, 7), Decimal("38.5"), "provider"),
            ],
            datetime.now(UTC),
        )
    shop = make_shop()
    t, page = shop.tree, str(shop.page_id)
    add_stats(t.campaign_id, date(2026, 9, 8), "40.00", 5, "60.00")
    ids = {"ad_id": t.ad}
    at = {"ordered_at": "2026-09-08T12:00:00+00:00", "sellpage_id": page, "landing_params": ids}
    _send(
        api,
        shop,
        event("usd", 2, "paid", amount="10.00", **at),
        event("eur", 2, "paid", currency="EUR", amount="20.00", **at),  # 22.00 USD at Sep 7's rate
        event("thb", 2, "paid", currency="THB", amount="385.00", **at),  # 10 EUR = 11.00 USD
        event(
            "eur9",
            2,
            "paid",
            currency="EUR",
            amount="5.00",
            **{**at, "ordered_at": "2026-09-09T12:00:00+00:00"},
        ),
    )
    query = "since=2026-09-01&until=2026-09-10"
    ad = _store(api, shop, "ads", t.ad, query)
    assert _numbers(ad) == (4, "49.00", 1.225, "11.00")  # 10 + 22 + 11 + 6 (Sep 9: 1.20)
    assert ad["conversion"] == {
        "from": ["EUR", "THB"],
        "source": "ecb, provider+ecb",
        "first_rate_date": "2026-09-07",
        "last_rate_date": "2026-09-09",
    }
    _send(api, shop, event("vnd", 2, "paid", currency="VND", amount="250000", **at))  # no VND rate
    ad = _store(api, shop, "ads", t.ad, query)
    assert _numbers(ad) == (5, None, None, None)
    assert ad["null_reason"] == "store revenue in VND is not converted to USD (no exchange rate on some day)"
    summary = api.get(f"/api/ads-manager/ads?{query}", headers=shop.headers).json()["summary"][0]["store"]
    assert summary["store_revenue"] is None and "VND" in summary["null_reason"]
