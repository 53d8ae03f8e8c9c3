"""Issue 14: results only where they mean one thing (§2), money in each currency's own units and
sorted by currency first (§5), cursors bound to their query (§6); and issue 10's one metric
table: the SQL that formats list rows equals the domain's Python on the same totals."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from adsmanager_helpers import ONE_DAY_CLICK, Seeder

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
RANGE = {"since": "2026-11-01", "until": "2026-11-10"}


def _stats(seed: Seeder, ad: Any, spend: str, purchases: int, atc: int, views: int, results: int) -> None:
    for day in (date(2026, 11, 3), date(2026, 11, 4)):
        seed.day(
            ad,
            day,
            spend=spend,
            impressions=1000,
            clicks=40,
            link_clicks=30,
            content_views=views,
            add_to_cart=atc,
            initiate_checkout=atc,
            purchases=purchases,
            purchase_value=Decimal(purchases) * 25,
            results=results,
        )


@pytest.fixture
def shop(seed: Seeder, make_seller: Callable[..., Any], api: Any, set_now: Any) -> dict[str, Any]:
    """One USD account: "Mug launch" optimises three ad sets for three events (mixed), "Tee" two
    for purchases; one JPY account with a purchase campaign."""
    set_now(NOW)
    seller = make_seller("Shop")
    usd = seed.account(seller.seller_id, "USD")
    jpy = seed.account(seller.seller_id, "JPY")
    mug = seed.campaign(usd, "Mug launch")
    tee = seed.campaign(usd, "Tee")
    yen = seed.campaign(jpy, "Yen mug")
    sets = {
        "mug_buy": seed.adset(mug, "Buyers", event="PURCHASE"),
        "mug_cart": seed.adset(mug, "Carts", event="ADD_TO_CART"),
        "mug_view": seed.adset(mug, "Viewers", event="CONTENT_VIEW", attribution=ONE_DAY_CLICK),
        "tee_a": seed.adset(tee, "Tee A"),
        "tee_b": seed.adset(tee, "Tee B"),
        "yen": seed.adset(yen, "Yen set"),
    }
    _stats(seed, seed.ad(sets["mug_buy"], "buy"), "10.00", 3, 5, 50, results=3)
    _stats(seed, seed.ad(sets["mug_cart"], "cart"), "20.00", 1, 9, 60, results=9)
    _stats(seed, seed.ad(sets["mug_view"], "view"), "30.00", 0, 2, 900, results=900)
    _stats(seed, seed.ad(sets["tee_a"], "tee a"), "12.50", 2, 3, 20, results=2)
    _stats(seed, seed.ad(sets["tee_b"], "tee b"), "7.50", 3, 4, 30, results=3)
    _stats(seed, seed.ad(sets["yen"], "yen"), "1090100.5", 4, 6, 70, results=4)
    seed.commit()
    return {"seller": seller, "usd": usd, "jpy": jpy, "mug": mug, "tee": tee, "yen": yen, "sets": sets}


def _csv(api: Any, shop: dict[str, Any], **params: Any) -> Any:
    """The campaigns' CSV with the API's field names as headers."""
    return _get(api, shop, "campaigns/export.csv", csv_header="machine", **params)


def _get(api: Any, shop: dict[str, Any], path: str, **params: Any) -> Any:
    response = api.get(f"/api/ads-manager/{path}", headers=shop["seller"].headers, params={**RANGE, **params})
    assert response.status_code == 200, response.text
    return response


def _by_name(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["name"]: row for row in body["data"]}


# --- §2 results ---------------------------------------------------------------------------------


def test_a_campaign_whose_ad_sets_optimise_different_events_is_mixed_without_results(
    api: Any, shop: dict[str, Any]
) -> None:
    rows = _by_name(_get(api, shop, "campaigns", ad_account_id=str(shop["usd"].id)).json())
    mug, tee = rows["Mug launch"], rows["Tee"]
    assert mug["result_type"] == "mixed"
    assert (mug["metrics"]["results"], mug["metrics"]["cost_per_result"]) == (None, None)
    assert (mug["metrics"]["purchases"], mug["metrics"]["spend"]) == (8, "120.00")  # the rest stays
    assert tee["result_type"] == "purchase"
    assert (tee["metrics"]["results"], tee["metrics"]["cost_per_result"]) == (10, "4.00")


def test_ad_sets_and_ads_carry_their_own_result_type_and_results(api: Any, shop: dict[str, Any]) -> None:
    sets = _by_name(_get(api, shop, "adsets", campaign_id=str(shop["mug"].id)).json())
    assert {name: (r["result_type"], r["metrics"]["results"]) for name, r in sets.items()} == {
        "Buyers": ("purchase", 6),
        "Carts": ("add_to_cart", 18),
        "Viewers": ("content_view", 1800),
    }
    ads = _by_name(_get(api, shop, "ads", adset_id=str(shop["sets"]["mug_cart"].id)).json())
    assert ads["cart"]["result_type"] == "add_to_cart"
    assert ads["cart"]["metrics"]["cost_per_result"] == "2.22"


def test_a_summary_over_mixed_rows_is_mixed_and_over_one_type_keeps_it(
    api: Any, shop: dict[str, Any]
) -> None:
    usd = str(shop["usd"].id)
    mixed = _get(api, shop, "adsets", ad_account_id=usd).json()["summary"]
    assert [
        (s["currency"], s["result_type"], s["metrics"]["results"], s["metrics"]["cost_per_result"])
        for s in mixed
    ] == [("USD", "mixed", None, None)]
    one = _get(api, shop, "adsets", campaign_id=str(shop["tee"].id)).json()["summary"]
    assert [(s["result_type"], s["metrics"]["results"], s["metrics"]["cost_per_result"]) for s in one] == [
        ("purchase", 10, "4.00")
    ]


def test_daily_points_of_a_mixed_campaign_have_no_results(api: Any, shop: dict[str, Any]) -> None:
    body = _get(api, shop, f"campaigns/{shop['mug'].id}/daily").json()
    assert body["result_type"] == "mixed"
    assert {(p["metrics"]["results"], p["metrics"]["cost_per_result"]) for p in body["data"]} == {
        (None, None)
    }
    tee = _get(api, shop, f"campaigns/{shop['tee'].id}/daily").json()
    assert tee["result_type"] == "purchase"
    assert [p["metrics"]["results"] for p in tee["data"] if p["date"] == "2026-11-03"] == [5]


@pytest.mark.parametrize("sort", ["-results", "results", "-cost_per_result", "cost_per_result"])
def test_sorting_by_results_puts_mixed_rows_with_the_nulls(api: Any, shop: dict[str, Any], sort: str) -> None:
    body = _get(api, shop, "campaigns", ad_account_id=str(shop["usd"].id), sort=sort).json()
    assert [r["name"] for r in body["data"]] == ["Tee", "Mug launch"]


def test_csv_leaves_results_empty_for_mixed_rows(api: Any, shop: dict[str, Any]) -> None:
    rows = list(csv.DictReader(io.StringIO(_csv(api, shop).text)))
    mug = next(r for r in rows if r["name"] == "Mug launch")
    assert (mug["result_type"], mug["results"], mug["cost_per_result"], mug["purchases"]) == (
        "mixed",
        "",
        "",
        "8",
    )


# --- §3 attribution ---------------------------------------------------------------------------


def test_rows_say_their_attribution_setting_in_words_or_mixed(api: Any, shop: dict[str, Any]) -> None:
    campaigns = _by_name(_get(api, shop, "campaigns").json())
    assert campaigns["Tee"]["attribution_setting"] == "7-day click or 1-day view"
    assert campaigns["Mug launch"]["attribution_setting"] == "mixed"
    sets = _by_name(_get(api, shop, "adsets", campaign_id=str(shop["mug"].id)).json())
    assert sets["Viewers"]["attribution_setting"] == "1-day click"
    assert sets["Buyers"]["attribution_setting"] == "7-day click or 1-day view"
    ads = _by_name(_get(api, shop, "ads", adset_id=str(shop["sets"]["mug_view"].id)).json())
    assert ads["view"]["attribution_setting"] == "1-day click"
    daily = _get(api, shop, f"campaigns/{shop['mug'].id}/daily").json()
    assert daily["attribution_setting"] == "mixed"
    rows = list(csv.DictReader(io.StringIO(_csv(api, shop).text)))
    assert {r["name"]: r["attribution_setting"] for r in rows if r["row_type"] == "entity"}["Tee"] == (
        "7-day click or 1-day view"
    )


# --- §5 currencies ------------------------------------------------------------------------------


def test_yen_has_no_decimals_in_rows_summaries_daily_points_and_csv(api: Any, shop: dict[str, Any]) -> None:
    jpy = str(shop["jpy"].id)
    body = _get(api, shop, "campaigns", ad_account_id=jpy).json()
    row = body["data"][0]
    assert (row["currency"], row["metrics"]["spend"], row["metrics"]["cost_per_purchase"]) == (
        "JPY",
        "2180201",
        "272525",
    )
    assert body["summary"][0]["metrics"]["spend"] == "2180201"
    daily = _get(api, shop, f"campaigns/{shop['yen'].id}/daily").json()
    assert [p["metrics"]["spend"] for p in daily["data"] if p["date"] == "2026-11-03"] == ["1090101"]
    rows = list(csv.DictReader(io.StringIO(_csv(api, shop, ad_account_id=jpy).text)))
    assert {r["spend"] for r in rows} == {"2180201"}


@pytest.mark.parametrize("sort", ["-spend", "spend"])
def test_a_money_sort_over_currencies_orders_by_currency_then_value(
    api: Any, shop: dict[str, Any], sort: str
) -> None:
    body = _get(api, shop, "campaigns", sort=sort).json()
    names = [r["name"] for r in body["data"]]
    # JPY 2,180,201 never ranks among dollars: currency first (JPY < USD), then the value.
    usd = ["Mug launch", "Tee"] if sort == "-spend" else ["Tee", "Mug launch"]
    assert names == ["Yen mug", *usd]


def test_paging_a_money_sort_across_currencies_loses_no_row(api: Any, shop: dict[str, Any]) -> None:
    walked, cursor = [], None
    for _ in range(5):
        params: dict[str, Any] = {"sort": "-spend", "limit": 1, **({"cursor": cursor} if cursor else {})}
        body = _get(api, shop, "campaigns", **params).json()
        walked += [r["name"] for r in body["data"]]
        cursor = body["paging"]["next_cursor"]
        if cursor is None:
            break
    assert walked == ["Yen mug", "Mug launch", "Tee"]


# --- §6 cursors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("campaigns", {"status": "PAUSED"}),
        ("campaigns", {"since": "2026-11-02"}),
        ("campaigns", {"sort": "spend"}),
        ("adsets", {}),
    ],
)
def test_a_cursor_presented_with_another_query_is_a_422(
    api: Any, shop: dict[str, Any], path: str, params: dict[str, Any]
) -> None:
    first = _get(api, shop, "campaigns", sort="-spend", limit=1).json()
    cursor = first["paging"]["next_cursor"]
    assert cursor is not None
    response = api.get(
        f"/api/ads-manager/{path}",
        headers=shop["seller"].headers,
        params={**RANGE, "sort": "-spend", "limit": 1, **params, "cursor": cursor},
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "cursor"
