"""GET /api/ads-manager/sellpages: Meta's numbers beside the store's, per currency, and the ratios."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from store_helpers import Shop, add_sellpage, add_stats, add_tree, event

RANGE = "since=2026-11-15&until=2026-11-25"


def _send(api: Any, shop: Shop, *events: dict[str, Any]) -> None:
    answer = api.post("/api/store/orders/batch", json={"events": list(events)}, headers=shop.key_headers)
    assert answer.status_code == 200 and answer.json()["counts"]["rejected"] == 0, answer.text


def _row(
    api: Any, shop: Shop, page_id: Any, query: str = "since=2026-11-15&until=2026-11-25"
) -> dict[str, Any]:
    answer = api.get(f"/api/ads-manager/sellpages?{query}", headers=shop.headers)
    assert answer.status_code == 200, answer.text
    return next(r for r in answer.json()["data"] if r["id"] == str(page_id))


def test_a_sellpage_shows_meta_and_the_store_side_by_side_with_roas_mer_and_the_gap(api, make_shop):
    shop = make_shop()
    add_stats(shop.tree.campaign_id, date(2026, 11, 20), "100.00", 5, "300.00")
    add_stats(shop.tree.campaign_id, date(2026, 11, 10), "50.00", 1, "40.00")  # outside the range
    page, ads = str(shop.page_id), {"ad_id": shop.tree.ad}
    _send(
        api,
        shop,
        event("a", 2, "paid", sellpage_id=page, landing_params=ads),
        event("b", 2, "paid", sellpage_id=page, landing_params=ads),
        event("c", 3, "refunded", refunded_amount="10.00", sellpage_id=page, landing_params=ads),
        event("d", 2, "paid", amount="60.00", sellpage_id=page, landing_params={"utm_source": "google"}),
        event("e", 1, "created", sellpage_id=page, landing_params=ads),  # not paid: not counted
        event("f", 2, "paid", sellpage_id=page, ordered_at="2026-11-10T12:00:00+00:00"),  # outside
    )
    row = _row(api, shop, shop.page_id)
    assert row["linked_campaigns"] == 1
    assert row["sums"] == [
        {
            "currency": "USD",
            "spend": "100.00",
            "meta_purchases": 5,
            "meta_purchase_value": "300.00",
            "store_orders": 4,
            "store_gross_revenue": "180.00",
            "store_refunds": "10.00",
            "store_revenue": "170.00",
            "store_attributed_orders": 3,
            "store_attributed_revenue": "110.00",
        }
    ]
    assert row["ratios"] == {
        "currency": "USD",
        "meta_roas": 3.0,
        "store_roas": 1.1,
        "mer": 1.7,
        "purchase_value_gap": "190.00",
        "null_reason": None,
        "conversion": None,
    }


def test_store_revenue_in_another_currency_nulls_the_ratios_and_says_why(api, make_shop):
    shop = make_shop()
    add_stats(shop.tree.campaign_id, date(2026, 11, 20), "100.00", 5, "300.00")
    page = str(shop.page_id)
    _send(
        api,
        shop,
        event("a", 2, "paid", sellpage_id=page),
        event("b", 2, "paid", currency="EUR", amount="20.00", sellpage_id=page),
    )
    row = _row(api, shop, shop.page_id)
    assert [(s["currency"], s["spend"], s["store_revenue"]) for s in row["sums"]] == [
        ("EUR", "0.00", "20.00"),
        ("USD", "100.00", "40.00"),
    ]
    ratios = row["ratios"]
    assert ratios["meta_roas"] == 3.0
    assert ratios["store_roas"] is None and ratios["mer"] is None and ratios["purchase_value_gap"] is None
    assert ratios["null_reason"] == (
        "store revenue in EUR is not converted to USD (no exchange rate on some day)"
    )


def test_store_revenue_in_another_currency_is_converted_at_the_days_reference_rate(api, make_shop):
    from pixecom.db.engine import session_scope
    from pixecom.domain.money import Rate
    from pixecom.rates.store import save_rates

    with session_scope() as s:  # 1 EUR = 1.25 USD from Nov 15 on (carried forward to the 20th)
        save_rates(s, [Rate("USD", date(2026, 11, 15), Decimal("1.25"), "ecb")], datetime.now(UTC))
    shop = make_shop()
    add_stats(shop.tree.campaign_id, date(2026, 11, 20), "100.00", 5, "300.00")
    page = str(shop.page_id)
    _send(
        api,
        shop,
        event("a", 2, "paid", sellpage_id=page),
        event("b", 2, "paid", currency="EUR", amount="20.00", sellpage_id=page),
    )
    ratios = _row(api, shop, shop.page_id)["ratios"]
    # 40.00 USD + 20.00 EUR x 1.25 = 65.00 USD of store revenue against 100.00 USD of spend
    assert ratios["mer"] == 0.65
    assert ratios["null_reason"] is None
    assert ratios["conversion"] == {"source": "ecb", "rate_dates": ["2026-11-15"]}


def test_spend_in_two_currencies_has_no_ratios(api, make_shop):
    shop = make_shop()
    other = add_tree(shop.seller_id, shop.page_id, "JPY", "Asia/Tokyo")
    add_stats(shop.tree.campaign_id, date(2026, 11, 20), "100.00", 5, "300.00")
    add_stats(other.campaign_id, date(2026, 11, 20), "5000", 2, "9000")
    row = _row(api, shop, shop.page_id)
    assert row["linked_campaigns"] == 2
    assert [(s["currency"], s["spend"]) for s in row["sums"]] == [("JPY", "5000"), ("USD", "100.00")]
    assert row["ratios"]["mer"] is None
    assert (
        row["ratios"]["null_reason"] == "spend is in several currencies (JPY, USD): ratios need one currency"
    )


def test_a_preset_resolves_in_the_accounts_timezone(api, make_seller):
    from pixecom.api.deps import get_now

    seller = make_seller()
    page = add_sellpage(seller.seller_id, "P", "https://preset.example.com/p")
    tree = add_tree(seller.seller_id, page, "USD", "America/Los_Angeles")
    key = api.post("/api/store/keys", json={"name": "k"}, headers=seller.headers).json()["key"]
    add_stats(tree.campaign_id, date(2026, 11, 20), "80.00", 1, "50.00")
    shop = Shop(seller.seller_id, seller.headers, {"X-PixEcom-Store-Key": key}, page, "", page, tree)
    # 2026-11-21 05:00 UTC is the 20th in Los Angeles: the order counts on the 20th, as Meta's spend does.
    _send(
        api,
        shop,
        event(
            "a",
            2,
            "paid",
            sellpage_id=str(page),
            ordered_at="2026-11-21T05:00:00+00:00",
            landing_params={"campaign_id": tree.campaign},
        ),
    )
    api.app.dependency_overrides[get_now] = lambda: datetime(
        2026, 11, 21, 18, 0, tzinfo=UTC
    )  # the 21st in LA
    try:
        row = _row(api, shop, page, "date_preset=yesterday")
    finally:
        api.app.dependency_overrides.pop(get_now)
    (usd,) = row["sums"]
    assert (usd["spend"], usd["store_orders"], usd["store_attributed_orders"]) == ("80.00", 1, 1)
    assert row["ratios"]["store_roas"] == 0.5


def test_a_bad_date_parameter_is_a_422_naming_it(api, make_shop):
    shop = make_shop()
    answer = api.get("/api/ads-manager/sellpages?date_preset=forever", headers=shop.headers)
    assert answer.status_code == 422
    assert answer.json()["error"]["field"] == "date_preset"


def test_an_order_naming_only_an_ad_synced_later_is_attributed_once_the_ad_is_known(api, make_seller):
    seller = make_seller()
    page = add_sellpage(seller.seller_id, "P", "https://later.example.com/p")
    key = api.post("/api/store/keys", json={"name": "k"}, headers=seller.headers).json()["key"]
    shop = Shop(seller.seller_id, seller.headers, {"X-PixEcom-Store-Key": key}, page, "", page, None)  # type: ignore[arg-type]
    _send(api, shop, event("a", 2, "paid", sellpage_id=str(page), landing_params={"ad_id": "777000013"}))
    before = _row(api, shop, page)
    assert before["sums"][0]["store_attributed_orders"] == 0
    tree = add_tree(seller.seller_id, page, n=77700001)  # the delivery sync brings the ad
    add_stats(tree.campaign_id, date(2026, 11, 20), "20.00", 1, "40.00")
    after = _row(api, shop, page)
    assert (after["sums"][0]["store_attributed_orders"], after["ratios"]["store_roas"]) == (1, 2.0)


def test_the_sellpage_list_pages_by_name_with_a_cursor_valid_for_its_own_dates_only(api, make_shop):
    shop = make_shop()
    add_sellpage(shop.seller_id, "apple", shop.page_url.replace("/p/mug", "/p/apple"))
    first = api.get(f"/api/ads-manager/sellpages?{RANGE}&limit=2", headers=shop.headers)
    assert first.status_code == 200, first.text
    assert [r["name"] for r in first.json()["data"]] == ["apple", "Mug"]  # case-insensitive
    cursor = first.json()["paging"]["next_cursor"]
    second = api.get(f"/api/ads-manager/sellpages?{RANGE}&limit=2&cursor={cursor}", headers=shop.headers)
    assert [r["name"] for r in second.json()["data"]] == ["Other"]
    assert second.json()["paging"]["next_cursor"] is None
    elsewhere = api.get(
        f"/api/ads-manager/sellpages?date_preset=last_7d&cursor={cursor}", headers=shop.headers
    )
    assert elsewhere.status_code == 422 and elsewhere.json()["error"]["field"] == "cursor"
    for bad in ("limit=0", "limit=501", "cursor=nonsense"):
        answer = api.get(f"/api/ads-manager/sellpages?{RANGE}&{bad}", headers=shop.headers)
        assert answer.status_code == 422, bad
