"""Store benchmark (prints figures and ratios; not a test).

Builds the Ads Manager bench's database (ads_manager_bench: 20 sellers, one with 5,000 ads x 90
days), gives the big seller 10 sellpages its campaigns link to and Meta-looking numeric ids, then
measures:

- sustained order ingestion: batches of 1,000 new orders (each with a sellpage, an ad's ids in
  its landing parameters, spread over 90 days) POSTed to /api/store/orders/batch through the real
  app in-process (store key check, validation, lookups, the upsert and the stats triggers), then
  the same orders refunded (every order replaced: the triggers subtract and add);
  floor: the database's own insert rate, the same rows inserted by psycopg into a copy of
  store_orders without triggers (executemany, one transaction per 1,000);
- GET /api/ads-manager/sellpages?date_preset=last_30d for the big seller, after the ingestion;
  floor: the campaign rollup read alone + a minimal endpoint on the same app (as ads_manager_bench);
- the campaigns and ads lists (`last_30d`, 50 rows) with their store columns, before any order
  (the store part reads nothing) and after the ingestion, against the same floor: what the store
  columns add to a list.

Run:  .venv/bin/python tests/bench/store_bench.py [--batches 20] [--iterations 40]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any

os.environ.setdefault("STORE_KEY_REQUESTS_PER_MINUTE", "1000000")

import ads_manager_bench as base  # noqa: E402 (sets the environment the app reads)

SELLPAGES = 10
IDS_SQL = "".join(
    f"UPDATE {table} t SET meta_id = '{prefix}' || n.rn "
    f"FROM (SELECT id, row_number() OVER (ORDER BY id) rn FROM {table}) n WHERE n.id = t.id;"
    for table, prefix in (("campaigns", 1202), ("adsets", 1203), ("ads", 1204))
)  # Meta-looking numeric ids, as landing URLs carry them


def _pages(seller_id: uuid.UUID) -> list[uuid.UUID]:
    from sqlalchemy import text

    from pixecom.db.engine import session_scope
    from pixecom.sellpages.service import create_sellpage

    with session_scope() as session:
        pages = [
            create_sellpage(session, seller_id, f"Page {n}", f"https://bench.example.com/p/{n}").id
            for n in range(SELLPAGES)
        ]
        session.execute(
            text(
                "UPDATE campaigns c SET sellpage_id = (CAST(:pages AS uuid[]))[1 + n.rn % :k] "
                "FROM (SELECT id, row_number() OVER (ORDER BY id) rn FROM campaigns WHERE seller_id = :s) n "
                "WHERE n.id = c.id"
            ),
            {"pages": pages, "k": SELLPAGES, "s": seller_id},
        )
    return pages


def _ads(seller_id: uuid.UUID) -> list[tuple[str, uuid.UUID]]:
    from sqlalchemy import text

    from pixecom.db.engine import session_scope

    with session_scope() as session:
        rows = session.execute(
            text(
                "SELECT a.meta_id, c.sellpage_id FROM ads a JOIN campaigns c ON c.id = a.campaign_id "
                "WHERE a.seller_id = :s"
            ),
            {"s": seller_id},
        ).all()
    return [(meta_id, page) for meta_id, page in rows]


def _events(
    batch: int, ads: list[tuple[str, uuid.UUID]], pages: list[uuid.UUID], refunded: bool
) -> list[dict[str, Any]]:
    rng = random.Random(batch)
    today = datetime.now(UTC).date()
    events = []
    for n in range(1000):
        meta = rng.random() < 0.8
        ad_id, page = rng.choice(ads) if meta else ("", rng.choice(pages))
        day = today - timedelta(days=rng.randrange(90))
        amount = f"{rng.randint(1500, 9000) / 100:.2f}"
        events.append(
            {
                "order_id": f"b{batch}-{n}",
                "version": 3 if refunded else 2,
                "type": "order.refunded" if refunded else "order.paid",
                "sellpage_id": str(page),
                "amount": amount,
                "refunded_amount": amount if refunded else "0",
                "currency": "USD",
                "ordered_at": f"{day.isoformat()}T15:{n % 60:02d}:00-05:00",
                "landing_params": {"utm_source": "facebook", "fbclid": f"IwAR{batch}x{n}", "ad_id": ad_id}
                if meta
                else {"utm_source": "google"},
            }
        )
    return events


def _floor_rows(events: list[dict[str, Any]], seller_id: uuid.UUID) -> list[tuple[Any, ...]]:
    import hashlib
    import json

    return [
        (
            seller_id,
            e["order_id"],
            e["version"],
            e["type"],
            "paid",
            hashlib.sha256(json.dumps(e).encode()).digest(),
            e["sellpage_id"],
            e["amount"],
            "0",
            "USD",
            e["ordered_at"],
            date.fromisoformat(e["ordered_at"][:10]),
            "",
            "",
            e["landing_params"].get("ad_id", ""),
            json.dumps(e["landing_params"]),
        )
        for e in events
    ]


def insert_floor(url: str, batches: list[list[dict[str, Any]]], seller_id: uuid.UUID) -> float:
    """Orders per second the database takes with no API, no lookups and no triggers."""
    import psycopg

    with psycopg.connect(base._libpq(url)) as conn:
        conn.execute("CREATE TABLE bench_orders_floor (LIKE store_orders INCLUDING ALL)")
        conn.commit()
        started = time.perf_counter()
        for events in batches:
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO bench_orders_floor (seller_id, order_id, version, event_type, status, "
                    "event_hash, sellpage_id, amount, refunded_amount, currency, ordered_at, local_date, "
                    "campaign_meta_id, adset_meta_id, ad_meta_id, landing_params) VALUES "
                    "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    _floor_rows(events, seller_id),
                )
            conn.commit()
        elapsed = time.perf_counter() - started
        conn.execute("DROP TABLE bench_orders_floor")
        conn.commit()
    return sum(len(b) for b in batches) / elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--iterations", type=int, default=40)
    args = parser.parse_args()
    url = base.prepare_database()
    os.environ["DATABASE_URL"] = url
    import psycopg

    with psycopg.connect(base._libpq(url), autocommit=True) as pg:
        pg.execute(IDS_SQL)

    from fastapi.testclient import TestClient
    from sqlalchemy import text

    from pixecom.api.app import create_app
    from pixecom.auth.tokens import issue_access_token
    from pixecom.clock import utc_now
    from pixecom.db.engine import get_engine, session_scope
    from pixecom.settings import get_settings
    from pixecom.store.keys import KeyScope, create_key

    get_settings.cache_clear()
    seller_id = uuid.UUID(bytes=bytes.fromhex(base._md5("s1")))
    user_id = uuid.UUID(bytes=bytes.fromhex(base._md5("u1")))
    headers = {"Authorization": f"Bearer {issue_access_token(user_id, seller_id, now=utc_now())}"}
    pages = _pages(seller_id)
    ads = _ads(seller_id)
    with session_scope() as session:
        _row, key = create_key(session, seller_id, user_id, "bench", KeyScope.ORDERS_WRITE)
    app = create_app()
    app.add_api_route("/api/bench-minimal", base._minimal, methods=["GET"])
    timer = base.ServerTimer(app)
    client = TestClient(timer)
    key_headers = {"X-PixEcom-Store-Key": key}

    def api(path: str, auth: bool = True) -> list[float]:
        answer = client.get(path, headers=headers if auth else {})
        assert answer.status_code == 200, answer.text[:300]
        base.timed(partial(client.get, path, headers=headers if auth else {}), args.iterations)
        return timer.samples[-args.iterations :]

    lists = {lv: f"/api/ads-manager/{lv}?date_preset=last_30d&limit=50" for lv in ("campaigns", "ads")}
    before = {level: api(path) for level, path in lists.items()}  # no orders yet
    for level, samples in before.items():
        print(f"GET /{level} last_30d, 50 rows, before any order: p50 {statistics.median(samples):.1f} ms")

    new = [_events(b, ads, pages, refunded=False) for b in range(args.batches)]
    refunds = [_events(b, ads, pages, refunded=True) for b in range(args.batches)]
    rates = {}
    for label, batches in (("new orders", new), ("refunds (every order replaced)", refunds)):
        started = time.perf_counter()
        for events in batches:
            answer = client.post("/api/store/orders/batch", json={"events": events}, headers=key_headers)
            assert answer.status_code == 200 and answer.json()["counts"]["applied"] == 1000, answer.text[:300]
        elapsed = time.perf_counter() - started
        rates[label] = args.batches * 1000 / elapsed
        print(
            f"ingestion, {label}: {args.batches} x 1,000 in {elapsed:.1f} s = {rates[label]:,.0f} orders/s "
            f"(server p50 per batch {statistics.median(timer.samples[-args.batches :]):.0f} ms)"
        )
    floor = insert_floor(url, new, seller_id)
    print(f"floor: the database's own insert rate (psycopg executemany, no triggers) = {floor:,.0f} orders/s")
    for label, rate in rates.items():
        print(f"ingestion ratio, {label} = floor / rate = {floor / rate:.2f}")
    with get_engine().connect() as sa_conn:
        stats = sa_conn.execute(text("SELECT count(*) FROM store_stats_daily")).scalar_one()
    print(f"store_stats_daily rows: {stats}")

    minimal = api("/api/bench-minimal", auth=False)
    today = datetime.now(ZONE).date()
    with get_engine().connect() as sa_conn:
        rollup = base.timed(
            partial(
                base._run,
                sa_conn,
                text(base.ROLLUP_READ.format(key="campaign_id", table="campaign_stats_daily")),
                {"s": seller_id, "since": today - timedelta(days=30), "until": today - timedelta(days=1)},
            ),
            args.iterations,
        )
    sellpages = api("/api/ads-manager/sellpages?date_preset=last_30d")
    for label, samples in (
        ("minimal endpoint", minimal),
        ("campaign rollup read alone", rollup),
        ("GET /api/ads-manager/sellpages?date_preset=last_30d", sellpages),
    ):
        print(f"{label:<55} p50 {base.pct(samples, 0.5):7.1f} ms  p95 {base.pct(samples, 0.95):7.1f} ms")
    floor_ms = statistics.median(rollup) + statistics.median(minimal)
    ratio = statistics.median(sellpages) / floor_ms
    print(f"sellpages ratio = p50 / (rollup read + minimal endpoint) = {ratio:.2f}")
    # The ingestion above refunded every order: send the paid state again (a higher version), so
    # the lists have store numbers to show.
    again = [[{**e, "version": 4, "type": "order.paid", "refunded_amount": "0"} for e in b] for b in refunds]
    for events in again:
        answer = client.post("/api/store/orders/batch", json={"events": events}, headers=key_headers)
        assert answer.status_code == 200, answer.text[:300]
    after = {level: api(path) for level, path in lists.items()}
    for level in lists:
        b, a = statistics.median(before[level]), statistics.median(after[level])
        print(
            f"GET /{level} last_30d, 50 rows: p50 before orders {b:6.1f} ms ({b / floor_ms:.2f} x floor), "
            f"after {args.batches * 1000:,} orders {a:6.1f} ms ({a / floor_ms:.2f} x floor): "
            f"store columns add {a / b:.2f} x"
        )
    return 0


ZONE = __import__("zoneinfo").ZoneInfo("America/New_York")  # the seeded accounts' zone

if __name__ == "__main__":
    sys.exit(main())
