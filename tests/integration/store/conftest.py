"""Store fixtures (the builders live in store_helpers)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from store_helpers import Shop, add_sellpage, add_tree


@pytest.fixture
def make_shop(api: Any, make_seller: Callable[..., Any]) -> Callable[..., Shop]:
    def make(currency: str = "USD", tz: str = "UTC") -> Shop:
        seller = make_seller()
        url = f"https://shop-{uuid.uuid4().hex[:6]}.example.com/p/mug"
        page = add_sellpage(seller.seller_id, "Mug", url)
        other = add_sellpage(seller.seller_id, "Other", url.replace("/p/mug", "/p/other"))
        tree = add_tree(seller.seller_id, page, currency, tz)
        made = api.post("/api/store/keys", json={"name": "shop"}, headers=seller.headers)
        assert made.status_code == 201, made.text
        key_headers = {"X-PixEcom-Store-Key": made.json()["key"]}
        return Shop(seller.seller_id, seller.headers, key_headers, page, url, other, tree)

    return make
