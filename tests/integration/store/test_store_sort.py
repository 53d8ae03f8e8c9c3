"""The lists sort by the store's numbers (orders, revenue, store ROAS, the gap with Meta's
purchase value): rows without store numbers last, money by currency first, pages by cursor."""

from __future__ import annotations

from datetime import date
from typing import Any

from store_helpers import Shop, add_stats, add_tree, event

RANGE = {"since": "2026-11-15", "until": "2026-11-25"}


def _send(api: Any, shop: Shop, *events: dict[str, Any]) -> None:
    answer = api.post("/api/store/orders/batch", json={"events": list(events)}, headers=shop.key_headers)
    assert answer.status_code == 200, answer.text


def _campaigns(api: Any, shop: Shop, **params: str) -> dict[str, Any]:
    answer = api.get("/api/ads-manager/campaigns", headers=shop.headers, params={**RANGE, **params})
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def _shop_of_three(api: Any, make_shop: Any) -> tuple[Shop, dict[str, str]]:
    """Three campaigns on their own sellpages' orders (by ids): ROAS 3.0, 0.5 and none sold
    (0), and a fourth that links to no sellpage (no store numbers)."""
    shop = make_shop()
    low = add_tree(shop.seller_id, shop.other_page_id)
    none_sold = add_tree(shop.seller_id, shop.page_id)
    unlinked = add_tree(shop.seller_id, None)
    for tree, spend in ((shop.tree, "40.00"), (low, "160.00"), (none_sold, "10.00"), (unlinked, "5.00")):
        add_stats(tree.campaign_id, date(2026, 11, 20), spend, 1, "50.00")
    page = str(shop.page_id)
    _send(
        api,
        shop,
        *(
            event(f"t{i}", 1, "paid", sellpage_id=page, landing_params={"campaign_id": shop.tree.campaign})
            for i in range(3)
        ),
        event(
            "l1", 1, "paid", sellpage_id=str(shop.other_page_id), landing_params={"campaign_id": low.campaign}
        ),
        event(
            "l2", 1, "paid", sellpage_id=str(shop.other_page_id), landing_params={"campaign_id": low.campaign}
        ),
    )
    names = {
        shop.tree.campaign: "high",
        low.campaign: "low",
        none_sold.campaign: "none",
        unlinked.campaign: "unlinked",
    }
    return shop, names


def test_campaigns_sort_by_store_roas_with_rows_without_store_numbers_last(api, make_shop):
    shop, names = _shop_of_three(api, make_shop)
    body = _campaigns(api, shop, sort="-store_roas")
    order = [names[r["meta_id"]] for r in body["data"]]
    assert order == ["high", "low", "none", "unlinked"]
    assert [r["store"]["store_roas"] for r in body["data"]] == [3.0, 0.5, 0.0, None]
    ascending = _campaigns(api, shop, sort="store_roas")
    assert [names[r["meta_id"]] for r in ascending["data"]] == ["none", "low", "high", "unlinked"]


def test_a_store_sort_pages_with_the_cursor(api, make_shop):
    shop, names = _shop_of_three(api, make_shop)
    seen, cursor = [], None
    while True:
        params = {"sort": "-store_orders", "limit": "1", **({"cursor": cursor} if cursor else {})}
        body = _campaigns(api, shop, **params)
        seen += [names[r["meta_id"]] for r in body["data"]]
        cursor = body["paging"]["next_cursor"]
        if cursor is None:
            break
    assert seen == ["high", "low", "none", "unlinked"]


def test_store_revenue_sorts_each_currency_apart(api, make_shop):
    shop, names = _shop_of_three(api, make_shop)
    euros = add_tree(shop.seller_id, shop.page_id, currency="EUR")
    add_stats(euros.campaign_id, date(2026, 11, 20), "1.00", 1, "1.00")
    names[euros.campaign] = "euros"
    body = _campaigns(api, shop, sort="-store_revenue")
    currencies = [r["currency"] for r in body["data"]]
    assert currencies == sorted(currencies)  # EUR rows, then USD rows: never compared
    usd = [names[r["meta_id"]] for r in body["data"] if r["currency"] == "USD"]
    assert usd == ["high", "low", "none", "unlinked"]


def test_the_creative_level_refuses_a_store_sort(api, make_shop):
    shop = make_shop()
    answer = api.get(
        "/api/ads-manager/creatives",
        headers=shop.headers,
        params={"group_by": "media", "sort": "-store_roas"},
    )
    assert answer.status_code == 422
    assert answer.json()["error"]["field"] == "sort"
