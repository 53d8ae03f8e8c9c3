"""Order events: exactly the store's truth whatever the order of arrival, and nothing from bad input."""

from __future__ import annotations

import random
from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import create_engine, text
from store_helpers import Shop, add_sellpage, add_tree, event


def _lifecycle(rng: random.Random, order_id: str, base: dict[str, Any]) -> list[dict[str, Any]]:
    """One order's events: created, then maybe paid, then maybe refunds (partly, then fully) or a cancel."""
    amount = Decimal(rng.randint(1000, 9000)) / 100
    common = {**base, "amount": str(amount)}
    events = [event(order_id, 1, "created", **common)]
    if rng.random() < 0.15:
        return events
    events.append(event(order_id, 2, "paid", **common))
    roll = rng.random()
    if roll < 0.2:
        part = (amount / 4).quantize(Decimal("0.01"))
        events.append(event(order_id, 3, "refunded", refunded_amount=str(part), **common))
        if rng.random() < 0.5:
            events.append(event(order_id, 4, "refunded", refunded_amount=str(amount), **common))
    elif roll < 0.3:
        events.append(event(order_id, 3, "cancelled", **common))
    return events


def _landing(rng: random.Random, shop: Shop) -> dict[str, Any]:
    t = shop.tree
    roll = rng.random()
    if roll < 0.35:  # Meta's dynamic parameters filled in, all three
        return {
            "landing_url": f"{shop.page_url}?utm_source=facebook&campaign_id={t.campaign}"
            f"&adset_id={t.adset}&ad_id={t.ad}&fbclid=IwAR{rng.randint(1, 10**9)}"
        }
    if roll < 0.55:  # only the ad id: the ad set and campaign come from the synced ad
        return {"landing_params": {"ad_id": t.ad, "utm_source": "facebook"}}
    if roll < 0.65:  # an ad preview: the placeholders were never filled in
        return {"landing_params": {"campaign_id": "{{campaign.id}}", "ad_id": "{{ad.id}}"}}
    return {"landing_params": {"utm_source": rng.choice(["google", "email", "tiktok"])}}  # other channels


def _truth(events: list[dict[str, Any]], shop: Shop) -> dict[tuple[str, str, str], list[Decimal]]:
    """Per (campaign, ad set, ad) ids: [orders, gross, refunds] from each order's newest event."""
    newest: dict[str, dict[str, Any]] = {}
    for e in events:
        if e["order_id"] not in newest or e["version"] > newest[e["order_id"]]["version"]:
            newest[e["order_id"]] = e
    sums: dict[tuple[str, str, str], list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 3)
    t = shop.tree
    for e in newest.values():
        if e["type"] not in ("order.paid", "order.refunded"):
            continue
        url = e.get("landing_url", "")
        params = e.get("landing_params", {})
        key = (
            (t.campaign, t.adset, t.ad) if ("ad_id=" in url or params.get("ad_id") == t.ad) else ("", "", "")
        )
        amount, refunded = Decimal(e["amount"]), Decimal(e.get("refunded_amount", "0"))
        s = sums[key]
        s[0] += 0 if refunded == amount else 1
        s[1] += amount
        s[2] += refunded
    return dict(sums)


def _stored(db_url: str, seller_id: Any) -> dict[tuple[str, str, str], list[Decimal]]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT campaign_meta_id, adset_meta_id, ad_meta_id, sum(orders), sum(gross_revenue), "
                    "sum(refunds) FROM store_stats_daily WHERE seller_id = :s GROUP BY 1, 2, 3 "
                    "HAVING sum(orders) <> 0 OR sum(gross_revenue) <> 0 OR sum(refunds) <> 0"
                ),
                {"s": seller_id},
            ).all()
    finally:
        engine.dispose()
    return {(c, s, a): [Decimal(o), g, r] for c, s, a, o, g, r in rows}


def test_events_sent_twice_late_and_out_of_order_give_the_newest_state_of_every_order(api, make_shop, db_url):
    shop = make_shop()
    rng = random.Random(7)
    events: list[dict[str, Any]] = []
    for n in range(80):
        events += _lifecycle(rng, f"ord-{n}", {"sellpage_id": str(shop.page_id), **_landing(rng, shop)})
    sent = events + rng.sample(events, len(events) // 4)  # a quarter sent twice
    rng.shuffle(sent)  # late and out of order
    outcomes: dict[str, int] = defaultdict(int)
    position = 0
    while position < len(sent):
        size = rng.choice([1, 1, 7, 30, 60])
        chunk = sent[position : position + size]
        position += size
        if size == 1:
            answer = api.post("/api/store/orders", json=chunk[0], headers=shop.key_headers)
            assert answer.status_code == 200, answer.text
            outcomes[answer.json()["outcome"]] += 1
        else:
            answer = api.post("/api/store/orders/batch", json={"events": chunk}, headers=shop.key_headers)
            assert answer.status_code == 200, answer.text
            for item in answer.json()["data"]:
                outcomes[item["outcome"]] += 1
    assert outcomes["rejected"] == 0
    assert outcomes["duplicate"] > 0 and outcomes["stale"] > 0
    truth = _truth(events, shop)
    assert _stored(db_url, shop.seller_id) == {k: v for k, v in truth.items() if any(v)}
    # and the sellpage level reads the same truth
    body = api.get(
        "/api/ads-manager/sellpages?since=2026-11-01&until=2026-11-30", headers=shop.headers
    ).json()
    mug = next(r for r in body["data"] if r["id"] == str(shop.page_id))
    (usd,) = mug["sums"]
    assert usd["store_orders"] == sum(int(v[0]) for v in truth.values())
    assert Decimal(usd["store_revenue"]) == sum(v[1] - v[2] for v in truth.values())
    assert (
        Decimal(usd["store_attributed_revenue"])
        == truth[(shop.tree.campaign, shop.tree.adset, shop.tree.ad)][1]
        - truth[(shop.tree.campaign, shop.tree.adset, shop.tree.ad)][2]
    )


def test_a_refund_then_a_late_paid_event_keeps_the_refund(api, make_shop, db_url):
    shop = make_shop()
    page = {"sellpage_id": str(shop.page_id)}
    refund = event("o1", 3, "refunded", refunded_amount="10.00", **page)
    assert api.post("/api/store/orders", json=refund, headers=shop.key_headers).json()["outcome"] == "applied"
    late = api.post("/api/store/orders", json=event("o1", 2, "paid", **page), headers=shop.key_headers)
    assert late.json()["outcome"] == "stale"
    assert _stored(db_url, shop.seller_id) == {("", "", ""): [Decimal(1), Decimal("40.00"), Decimal("10.00")]}
    cancel = api.post("/api/store/orders", json=event("o1", 4, "cancelled", **page), headers=shop.key_headers)
    assert cancel.json()["outcome"] == "applied"
    assert _stored(db_url, shop.seller_id) == {}


def test_the_same_version_with_other_content_is_a_conflict_and_changes_nothing(api, make_shop, db_url):
    shop = make_shop()
    page = {"sellpage_id": str(shop.page_id)}
    api.post("/api/store/orders", json=event("o1", 2, "paid", **page), headers=shop.key_headers)
    again = api.post("/api/store/orders", json=event("o1", 2, "paid", **page), headers=shop.key_headers)
    assert again.json()["outcome"] == "duplicate"
    other = api.post(
        "/api/store/orders", json=event("o1", 2, "paid", amount="41.00", **page), headers=shop.key_headers
    )
    assert other.status_code == 409
    assert other.json()["error"]["code"] == "version_conflict"
    assert _stored(db_url, shop.seller_id) == {("", "", ""): [Decimal(1), Decimal("40.00"), Decimal(0)]}


def test_an_order_is_dated_in_its_campaigns_account_timezone(api, make_seller, db_url):
    seller = make_seller()
    page = add_sellpage(seller.seller_id, "P", "https://tz.example.com/p")
    tree = add_tree(seller.seller_id, page, "USD", "America/Los_Angeles")
    key = api.post("/api/store/keys", json={"name": "k"}, headers=seller.headers).json()["key"]
    headers = {"X-PixEcom-Store-Key": key}
    # 03:00 UTC on the 21st is still the 20th in Los Angeles; without a known campaign, the sent offset's day
    at = "2026-11-21T03:00:00+00:00"
    api.post(
        "/api/store/orders",
        json=event(
            "a",
            2,
            "paid",
            sellpage_id=str(page),
            ordered_at=at,
            landing_params={"campaign_id": tree.campaign},
        ),
        headers=headers,
    )
    api.post(
        "/api/store/orders", json=event("b", 2, "paid", sellpage_id=str(page), ordered_at=at), headers=headers
    )
    engine = create_engine(db_url)
    with engine.connect() as conn:
        days = dict(conn.execute(text("SELECT order_id, local_date::text FROM store_orders")).all())
    engine.dispose()
    assert days == {"a": "2026-11-20", "b": "2026-11-21"}


def test_a_sellpage_given_by_url_is_found_by_its_key(api, make_shop):
    shop = make_shop()
    url = shop.page_url.replace("https://", "http://www.") + "/?variant=2"
    answer = api.post(
        "/api/store/orders", json=event("o1", 2, "paid", sellpage_url=url), headers=shop.key_headers
    )
    assert answer.status_code == 200 and answer.json()["outcome"] == "applied"


def _count_orders(db_url: str) -> int:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM store_orders")).scalar_one()
    engine.dispose()
    return int(count)


def test_bad_events_get_a_clear_4xx_and_write_nothing(api, make_shop, db_url):
    shop = make_shop()
    page = {"sellpage_id": str(shop.page_id)}
    cases = [
        (event("o", 1, "paid", amount="-1.00", **page), 422, "invalid_input", "amount"),
        (event("o", 1, "paid", currency="ABC", **page), 422, "unknown_currency", "currency"),
        (event("o", 1, "paid", currency="JPY", amount="10.5", **page), 422, "invalid_input", "amount"),
        (
            event("o", 1, "paid", sellpage_id="00000000-0000-0000-0000-000000000001"),
            422,
            "unknown_sellpage",
            "sellpage_id",
        ),
        (
            event("o", 1, "paid", sellpage_url="https://elsewhere.example.org/x"),
            422,
            "unknown_sellpage",
            "sellpage_url",
        ),
        (event("o", 1, "refunded", refunded_amount="50.00", **page), 422, "invalid_input", "refunded_amount"),
        (event("o", 1, "paid"), 422, "invalid_input", "body"),  # no sellpage at all
    ]
    for body, status, code, field in cases:
        answer = api.post("/api/store/orders", json=body, headers=shop.key_headers)
        assert answer.status_code == status, (body, answer.text)
        assert answer.json()["error"]["code"] == code, answer.text
        assert answer.json()["error"].get("field") == field, answer.text
    too_big = api.post(
        "/api/store/orders/batch",
        content=b'{"events": [' + b" " * 1_100_000 + b"]}",
        headers={**shop.key_headers, "content-type": "application/json"},
    )
    assert too_big.status_code == 413
    assert too_big.json()["error"]["code"] == "payload_too_large"
    over = api.post(
        "/api/store/orders/batch",
        json={"events": [event(f"o{i}", 1, "paid", **page) for i in range(1001)]},
        headers=shop.key_headers,
    )
    assert over.status_code == 422
    assert _count_orders(db_url) == 0


def test_a_batch_writes_its_good_events_and_explains_each_bad_one(api, make_shop, db_url):
    shop = make_shop()
    page = {"sellpage_id": str(shop.page_id)}
    answer = api.post(
        "/api/store/orders/batch",
        json={
            "events": [
                event("g1", 2, "paid", **page),
                event("b1", 2, "paid", amount="-5", **page),
                "not an object",
                event("g2", 2, "paid", **page),
                {"order_id": "b3"},
            ]
        },
        headers=shop.key_headers,
    )
    assert answer.status_code == 200
    body = answer.json()
    assert [i["outcome"] for i in body["data"]] == ["applied", "rejected", "rejected", "applied", "rejected"]
    assert body["data"][1]["error"]["field"] == "amount"
    assert body["data"][4]["order_id"] == "b3"
    assert body["counts"] == {"applied": 2, "duplicate": 0, "stale": 0, "rejected": 3}
    assert _count_orders(db_url) == 2


def test_one_batch_of_a_thousand_orders_is_written_whole(api, make_shop, db_url):
    shop = make_shop()
    events = [
        event(
            f"o{i}",
            2,
            "paid",
            sellpage_id=str(shop.page_id),
            landing_params={"ad_id": shop.tree.ad, "fbclid": f"IwAR{i}"},
        )
        for i in range(1000)
    ]
    answer = api.post("/api/store/orders/batch", json={"events": events}, headers=shop.key_headers)
    assert answer.status_code == 200, answer.text
    assert answer.json()["counts"]["applied"] == 1000
    assert _stored(db_url, shop.seller_id) == {
        (shop.tree.campaign, shop.tree.adset, shop.tree.ad): [Decimal(1000), Decimal("40000.00"), Decimal(0)]
    }


def _versioned(order: int, version: int, page: str) -> dict[str, Any]:
    """Order `order` at `version`: its content follows from both, so any two senders agree."""
    kinds = {1: ("created", "0"), 2: ("paid", "0"), 3: ("refunded", "5.00"), 4: ("refunded", "40.00"),
             5: ("cancelled", "0")}  # fmt: skip
    kind, refunded = kinds[version]
    extra = {"refunded_amount": refunded} if kind == "refunded" else {}
    day = 10 + order % 3
    return event(
        f"o{order}", version, kind, sellpage_id=page, ordered_at=f"2026-11-{day}T10:00:00+00:00", **extra
    )


def test_concurrent_batches_sharing_orders_and_days_neither_deadlock_nor_lose_a_sum(
    api, make_shop, db_url, monkeypatch
):
    import asyncio

    import anyio
    import httpx

    from pixecom.db.engine import reset_engine
    from pixecom.settings import get_settings

    shop = make_shop()
    monkeypatch.setenv("DB_POOL_SIZE", "4")
    get_settings.cache_clear()
    reset_engine()
    rng = random.Random(11)
    page = str(shop.page_id)
    batches = [[_versioned(rng.randrange(60), rng.randint(1, 5), page) for _ in range(120)] for _ in range(8)]

    async def send_all() -> list[httpx.Response]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = 4
        transport = httpx.ASGITransport(app=api.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test", timeout=60) as client:
            return await asyncio.gather(
                *(
                    client.post("/api/store/orders/batch", json={"events": b}, headers=shop.key_headers)
                    for b in batches
                )
            )

    try:
        answers = anyio.run(send_all)
    finally:
        reset_engine()
    assert [a.status_code for a in answers] == [200] * len(batches)
    newest: dict[str, dict[str, Any]] = {}
    for e in (e for b in batches for e in b):
        if e["order_id"] not in newest or e["version"] > newest[e["order_id"]]["version"]:
            newest[e["order_id"]] = e
    expected = [Decimal(0)] * 3
    for e in newest.values():
        if e["type"] in ("order.paid", "order.refunded"):
            refunded = Decimal(e.get("refunded_amount", "0"))
            expected = [
                expected[0] + (refunded != Decimal("40.00")),
                expected[1] + Decimal("40.00"),
                expected[2] + refunded,
            ]
    assert _stored(db_url, shop.seller_id) == {("", "", ""): expected}
