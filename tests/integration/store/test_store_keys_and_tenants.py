"""Store API keys: shown once, stored hashed, revocable, rate-limited, and sealed to their seller."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import create_engine, text
from store_helpers import add_sellpage, event


def _key_rows(db_url: str) -> list[tuple[bytes, str]]:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        rows = [
            (bytes(h), p) for h, p in conn.execute(text("SELECT key_hash, key_prefix FROM store_api_keys"))
        ]
    engine.dispose()
    return rows


def test_a_key_is_shown_once_and_only_its_hash_is_stored(api, make_seller, db_url):
    seller = make_seller()
    made = api.post("/api/store/keys", json={"name": "shop backend"}, headers=seller.headers)
    assert made.status_code == 201
    key = made.json()["key"]
    assert key.startswith("pxs_") and len(key) > 40
    assert _key_rows(db_url) == [(hashlib.sha256(key.encode()).digest(), key[:8])]
    listed = api.get("/api/store/keys", headers=seller.headers).json()["data"]
    assert [k["name"] for k in listed] == ["shop backend"]
    assert "key" not in listed[0] and listed[0]["scope"] == "orders:write"


def test_a_revoked_key_is_refused_and_writes_nothing(api, make_shop, db_url):
    shop = make_shop()
    key_id = api.get("/api/store/keys", headers=shop.headers).json()["data"][0]["id"]
    assert api.delete(f"/api/store/keys/{key_id}", headers=shop.headers).status_code == 204
    assert (
        api.delete(f"/api/store/keys/{key_id}", headers=shop.headers).status_code == 204
    )  # again: no change
    answer = api.post(
        "/api/store/orders",
        json=event("o", 1, "paid", sellpage_id=str(shop.page_id)),
        headers=shop.key_headers,
    )
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "api_key_revoked"
    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM store_orders")).scalar_one() == 0
    engine.dispose()


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, "unauthorized"),
        ({"X-PixEcom-Store-Key": "pxs_" + "x" * 43}, "invalid_api_key"),
        ({"X-PixEcom-Store-Key": "not-a-key"}, "invalid_api_key"),
    ],
)
def test_a_missing_or_unknown_key_is_a_401(api, make_shop, headers, code):
    shop = make_shop()
    answer = api.post(
        "/api/store/orders", json=event("o", 1, "paid", sellpage_id=str(shop.page_id)), headers=headers
    )
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == code


def test_a_store_key_is_no_seller_token_and_a_seller_token_no_store_key(api, make_shop):
    shop = make_shop()
    as_bearer = {"Authorization": f"Bearer {shop.key_headers['X-PixEcom-Store-Key']}"}
    assert api.get("/api/ad-accounts", headers=as_bearer).status_code == 401
    assert api.get("/api/store/keys", headers=shop.key_headers).status_code == 401
    answer = api.post(
        "/api/store/orders", json=event("o", 1, "paid", sellpage_id=str(shop.page_id)), headers=shop.headers
    )
    assert answer.status_code == 401


def test_another_sellers_key_cannot_be_listed_or_revoked(api, make_shop):
    mine, theirs = make_shop(), make_shop()
    their_key = api.get("/api/store/keys", headers=theirs.headers).json()["data"][0]["id"]
    assert api.delete(f"/api/store/keys/{their_key}", headers=mine.headers).status_code == 404
    assert [k["id"] for k in api.get("/api/store/keys", headers=mine.headers).json()["data"]] != [their_key]


def test_a_key_over_its_rate_is_told_when_to_come_back(api, make_shop, monkeypatch):
    from pixecom.settings import get_settings

    shop = make_shop()
    monkeypatch.setenv("STORE_KEY_REQUESTS_PER_MINUTE", "2")
    get_settings.cache_clear()
    try:
        body = event("o", 1, "paid", sellpage_id=str(shop.page_id))
        codes = [
            api.post("/api/store/orders", json=body, headers=shop.key_headers).status_code for _ in range(3)
        ]
        assert codes == [200, 200, 429]
        limited = api.post("/api/store/orders", json=body, headers=shop.key_headers)
        assert 1 <= int(limited.headers["Retry-After"]) <= 60
        assert limited.json()["error"]["code"] == "too_many_requests"
    finally:
        monkeypatch.delenv("STORE_KEY_REQUESTS_PER_MINUTE")
        get_settings.cache_clear()


def test_nothing_another_seller_sends_reaches_this_sellers_data(api, make_shop):
    mine, theirs = make_shop(), make_shop()
    t = mine.tree
    # They name my sellpage (by id and by URL) and my campaign's ids: refused or kept in their own data.
    by_id = api.post(
        "/api/store/orders",
        json=event("x", 2, "paid", sellpage_id=str(mine.page_id)),
        headers=theirs.key_headers,
    )
    assert by_id.status_code == 422 and by_id.json()["error"]["code"] == "unknown_sellpage"
    by_url = api.post(
        "/api/store/orders",
        json=event("x", 2, "paid", sellpage_url=mine.page_url),
        headers=theirs.key_headers,
    )
    assert by_url.status_code == 422
    add_sellpage(theirs.seller_id, "Copy", mine.page_url)  # their own page at my URL
    ads = {"campaign_id": t.campaign, "adset_id": t.adset, "ad_id": t.ad}
    sent = api.post(
        "/api/store/orders",
        json=event("x", 2, "paid", sellpage_url=mine.page_url, landing_params=ads),
        headers=theirs.key_headers,
    )
    assert sent.json()["outcome"] == "applied"
    # The same order id from me is my own order.
    api.post(
        "/api/store/orders",
        json=event("x", 2, "paid", amount="5.00", sellpage_id=str(mine.page_id)),
        headers=mine.key_headers,
    )
    body = api.get(
        "/api/ads-manager/sellpages?since=2026-11-01&until=2026-11-30", headers=mine.headers
    ).json()
    assert {r["id"] for r in body["data"]} == {str(mine.page_id), str(mine.other_page_id)}
    mug = next(r for r in body["data"] if r["id"] == str(mine.page_id))
    assert [(s["store_orders"], s["store_revenue"], s["store_attributed_orders"]) for s in mug["sums"]] == [
        (1, "5.00", 0)
    ]
