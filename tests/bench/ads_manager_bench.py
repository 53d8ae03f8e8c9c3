"""Ads Manager read benchmark (prints figures and the issue-10 ratios; not a test).

Seeds 20 sellers into a fresh database (one with 5,000 ads x 90 days, the others with 250 ads x
90 days, all with generate_series), then times, for the big seller:

- GET /api/ads-manager/campaigns?date_preset=last_30d and /ads?date_preset=last_30d through the
  real FastAPI app in-process (auth, validation, the one SQL statement, metrics, JSON); /ads
  twice: live (no preset snapshot, e.g. after local midnight before the next sync) and with the
  snapshot the stats sync refreshes after each run;
- the same SQL statement run raw (SQLAlchemy text on one connection);
- the floors of issue 10: a minimal endpoint on the same app (no auth, no database: routing,
  middleware and a constant body), the campaign rollup read alone (sum per campaign over the
  range) and the ads' preset snapshot read alone (one row per ad).

Ratios printed (lower is better; the aim is <= 1.5):
  campaigns ratio = p50(/campaigns) / (p50(rollup read) + p50(minimal endpoint))
  ads ratio       = p50(/ads, snapshot) / (p50(snapshot read) + p50(minimal endpoint))

Run:  .venv/bin/python tests/bench/ads_manager_bench.py [--iterations 60]
Uses DATABASE_URL's server if set, else an embedded PostgreSQL (pgserver).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from pixecom.clock import utc_now

os.environ.setdefault("PIXECOM_ENV", "local")
os.environ.setdefault("JWT_SECRET", "bench-signing-key-" + "x" * 32)
os.environ.setdefault("PIXECOM_STATE_DIR", tempfile.mkdtemp(prefix="pixecom-bench-"))
os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")
# As the API Lambda runs (template.yaml): one request at a time, list reads on the event loop.
os.environ.setdefault("API_READS_INLINE", "true")

import psycopg  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

BIG_ADS, SMALL_ADS, DAYS, SELLERS = 5000, 250, 90, 20

SEED_SQL = f"""
SELECT setseed(0.42);
INSERT INTO sellers (id, name)
  SELECT md5('s' || k)::uuid, 'Seller ' || k FROM generate_series(1, {SELLERS}) k;
INSERT INTO users (id, seller_id, email, password_hash, role)
  SELECT md5('u' || k)::uuid, md5('s' || k)::uuid, 'owner' || k || '@bench.example', '!', 'owner'
  FROM generate_series(1, {SELLERS}) k;
INSERT INTO ad_accounts (id, seller_id, meta_account_id, name, currency, timezone_name,
                         access_token_encrypted, connection_status, backfill_chunks_total,
                         backfill_chunks_done)
  SELECT md5('a' || k)::uuid, md5('s' || k)::uuid, 'act_' || k, 'Account ' || k, 'USD',
         'America/New_York', '\\x00', 'ACTIVE', 0, 0
  FROM generate_series(1, {SELLERS}) k;
INSERT INTO campaigns (id, seller_id, ad_account_id, meta_id, name, status, delivery_status,
                       effective_status)
  SELECT md5('c' || k || '-' || c)::uuid, md5('s' || k)::uuid, md5('a' || k)::uuid,
         'c' || k || '-' || c, 'Campaign ' || c,
         CASE WHEN c % 4 = 0 THEN 'PAUSED' ELSE 'ACTIVE' END,
         CASE WHEN c % 4 = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END,
         CASE WHEN c % 4 = 0 THEN 'PAUSED' ELSE 'ACTIVE' END
  FROM generate_series(1, {SELLERS}) k,
       generate_series(1, CASE WHEN k = 1 THEN {BIG_ADS // 50} ELSE {SMALL_ADS // 50} END) c;
INSERT INTO adsets (id, seller_id, ad_account_id, campaign_id, meta_id, name, status,
                    delivery_status, effective_status)
  SELECT md5(c.id::text || '-' || j)::uuid, c.seller_id, c.ad_account_id, c.id,
         c.meta_id || '-' || j, 'Ad set ' || j, c.status, c.delivery_status, c.effective_status
  FROM campaigns c, generate_series(1, 5) j;
INSERT INTO ads (id, seller_id, ad_account_id, campaign_id, adset_id, meta_id, name, status,
                 delivery_status, effective_status)
  SELECT md5(s.id::text || '-' || j)::uuid, s.seller_id, s.ad_account_id, s.campaign_id, s.id,
         s.meta_id || '-' || j, 'Ad ' || s.meta_id || '-' || j, s.status, s.delivery_status,
         s.effective_status
  FROM adsets s, generate_series(1, 10) j;
INSERT INTO ad_stats_daily (ad_id, date, seller_id, ad_account_id, campaign_id, adset_id, spend,
                            impressions, clicks, link_clicks, content_views, add_to_cart,
                            initiate_checkout, purchases, purchase_value, results)
  SELECT ad_id, day, seller_id, ad_account_id, campaign_id, adset_id, round(imp * 0.008, 2), imp,
         imp / 40, imp / 80, imp / 160, imp / 640, imp / 1280, imp / 2560,
         round((imp / 2560) * 31.5, 2), imp / 2560
  FROM (
    SELECT a.id AS ad_id, (CURRENT_DATE - d) AS day, a.seller_id, a.ad_account_id, a.campaign_id,
           a.adset_id, (random() * 8000)::int AS imp
    FROM ads a, generate_series(0, {DAYS - 1}) d
  ) AS g;
"""


def _libpq(url: str, database: str | None = None) -> str:
    parsed = make_url(url)
    if database:
        parsed = parsed.set(database=database)
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def _server_url() -> str:
    if os.environ.get("DATABASE_URL"):
        from pixecom.db.engine import sqlalchemy_url

        return sqlalchemy_url(os.environ["DATABASE_URL"])
    from pixecom.db.embedded import start_embedded_postgres

    _server, url = start_embedded_postgres(Path("/tmp") / f"pixecom-bench-{os.getpid()}")
    return url


def prepare_database() -> str:
    """A fresh migrated and seeded database; returns its SQLAlchemy URL."""
    from pixecom.db.migrate import upgrade

    server = _server_url()
    name = f"pixecom_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_libpq(server), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    started = time.perf_counter()
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        conn.execute(SEED_SQL)
        conn.execute("VACUUM ANALYZE")
        rows = conn.execute("SELECT count(*) FROM ad_stats_daily").fetchone()
    print(f"seeded {rows[0] if rows else '?'} ad_stats_daily rows in {time.perf_counter() - started:.1f} s")
    return url


class ServerTimer:
    """Pure ASGI wrapper: time from the request entering the app to the last body byte sent."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.samples: list[float] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        started = time.perf_counter()
        await self.app(scope, receive, send)
        self.samples.append((time.perf_counter() - started) * 1000)


def timed(fn: Callable[[], object], iterations: int) -> list[float]:
    for _ in range(5):  # warm caches and the connection pool
        fn()
    samples = []
    for _ in range(iterations):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=60)
    parser.add_argument("--seeded-url", help="reuse a database this script seeded before")
    args = parser.parse_args()
    url = args.seeded_url or prepare_database()
    print(f"database: {make_url(url).database}")
    os.environ["DATABASE_URL"] = url

    from fastapi.testclient import TestClient
    from sqlalchemy import text

    from pixecom.adsmanager.params import Level, RawListParams, parse_list_query
    from pixecom.adsmanager.query import build_list_sql
    from pixecom.adsmanager.ranges import plan_ranges, range_for_timezone
    from pixecom.api.app import create_app
    from pixecom.auth.tokens import issue_access_token
    from pixecom.db.engine import get_engine, session_scope
    from pixecom.db.rollups import refresh_preset_stats
    from pixecom.settings import get_settings

    get_settings.cache_clear()
    seller_id = uuid.UUID(bytes=bytes.fromhex(_md5("s1")))
    user_id = uuid.UUID(bytes=bytes.fromhex(_md5("u1")))
    headers = {"Authorization": f"Bearer {issue_access_token(user_id, seller_id, now=utc_now())}"}
    app = create_app()
    app.add_api_route("/api/bench-minimal", _minimal, methods=["GET"])  # the round-trip floor
    timer = ServerTimer(app)
    client = TestClient(timer)
    print("server time = ASGI app entry to last byte (auth, validation, SQL, metrics, JSON)")
    print("statement = the endpoint's own SQL statement run raw (SQLAlchemy text on one connection)")
    print(f"{'request':<54}{'p50 ms':>8}{'p95 ms':>8}{'stmt p50':>10}{'stmt p95':>10}")

    def api_samples(path: str, auth: bool = True) -> list[float]:
        response = client.get(path, headers=headers if auth else {})
        assert response.status_code == 200, response.text
        timed(partial(client.get, path, headers=headers if auth else {}), args.iterations)
        return timer.samples[-args.iterations :]

    def sql_samples(sql: str, params: dict[str, Any]) -> list[float]:
        with get_engine().connect() as conn:
            return timed(partial(_run, conn, text(sql), params), args.iterations)

    def measure(level: Level, label: str) -> float:
        path = f"/api/ads-manager/{level.value}?date_preset=last_30d"
        api = api_samples(path)
        query = parse_list_query(level, RawListParams(date_preset="last_30d"))
        sql, params = build_list_sql(query, plan_ranges(query.dates, datetime.now(UTC)), seller_id)
        stmt = sql_samples(sql, params)
        figures = f"{pct(api, 0.5):8.1f}{pct(api, 0.95):8.1f}{pct(stmt, 0.5):10.1f}{pct(stmt, 0.95):10.1f}"
        print(f"GET {path + label:<50}{figures}")
        return statistics.median(api)

    def floor(label: str, samples: list[float]) -> float:
        print(f"floor: {label:<47}{pct(samples, 0.5):8.1f}{pct(samples, 0.95):8.1f}")
        return statistics.median(samples)

    minimal = floor("minimal endpoint (same app)", api_samples("/api/bench-minimal", auth=False))
    dates = parse_list_query(Level.CAMPAIGNS, RawListParams(date_preset="last_30d")).dates
    rng = range_for_timezone(dates, datetime.now(UTC), "America/New_York")  # the seeded accounts' zone
    rollup = floor(
        "campaign rollup read alone",
        sql_samples(ROLLUP_READ, {"s": seller_id, "since": rng.since, "until": rng.until}),
    )
    campaigns = measure(Level.CAMPAIGNS, "")
    converted_total_cost(
        seller_id, campaigns, lambda: measure(Level.CAMPAIGNS, " (EUR total)"), args.iterations
    )
    measure(Level.ADS, " (live)")
    # What the stats sync leaves behind after each run: every account's preset snapshot.
    started = time.perf_counter()
    with session_scope() as session:
        account_ids = session.execute(text("SELECT id FROM ad_accounts")).scalars().all()
        for account_id in account_ids:
            refresh_preset_stats(session, account_id, datetime.now(UTC))
    print(f"refresh_preset_stats for {len(account_ids)} accounts: {time.perf_counter() - started:.2f} s")
    snapshot = floor(
        "ads preset snapshot read alone", sql_samples(SNAPSHOT_READ, {"s": seller_id, "p": "last_30d"})
    )
    ads = measure(Level.ADS, " (snapshot)")
    for name, value, read in (("campaigns", campaigns, rollup), ("ads", ads, snapshot)):
        ratio = value / (read + minimal)
        print(f"{name} ratio = {value:.1f} / ({read:.1f} + {minimal:.1f}) = {ratio:.2f}  (aim <= 1.5)")
    write_cost(seller_id)
    return 0


_SUMS = (
    "spend, impressions, clicks, link_clicks, content_views, add_to_cart, initiate_checkout, "
    "purchases, purchase_value, results"
)
ROLLUP_READ = (
    "SELECT campaign_id, "
    + ", ".join(f"sum({c.strip()})" for c in _SUMS.split(","))
    + " FROM campaign_stats_daily WHERE seller_id = :s AND date BETWEEN :since AND :until"
    + " GROUP BY campaign_id"
)
SNAPSHOT_READ = f"SELECT ad_id, {_SUMS} FROM ad_preset_stats WHERE seller_id = :s AND preset = :p"


async def _minimal() -> Any:
    from starlette.responses import Response

    return Response(b'{"ok":true}', media_type="application/json")


def write_cost(seller_id: uuid.UUID) -> None:
    """What the rollup/snapshot triggers add to a 15-minute sync's write (2 days x 5,000 ads)."""
    from sqlalchemy import text

    from pixecom.db.engine import get_engine

    sql = text(
        "UPDATE ad_stats_daily SET spend = spend + 1, purchases = purchases + 1 "
        "WHERE seller_id = :s AND date >= CURRENT_DATE - 1"
    )
    for label, disable in (("with triggers", False), ("without triggers", True)):
        samples = []
        for _ in range(5):
            with get_engine().connect() as conn, conn.begin() as tx:
                if disable:
                    conn.execute(text("ALTER TABLE ad_stats_daily DISABLE TRIGGER USER"))
                started = time.perf_counter()
                conn.execute(sql, {"s": seller_id})
                samples.append((time.perf_counter() - started) * 1000)
                tx.rollback()
        print(f"sync-like UPDATE of 10,000 stats rows {label}: p50 {statistics.median(samples):.0f} ms")


def converted_total_cost(
    seller_id: uuid.UUID, campaigns: float, measure: Callable[[], float], iterations: int
) -> None:
    """What the lists' converted grand total (pixecom.rates.totals) costs: its reads timed alone
    on one connection, without a reporting currency (what every list request pays) and with EUR
    (each day of the USD accounts converted at its own rate); then /campaigns with EUR. Back to no
    reporting currency for what follows."""
    from datetime import timedelta
    from decimal import Decimal

    from sqlalchemy import text

    from pixecom.adsmanager.params import Level, RawListParams, parse_list_query
    from pixecom.db.engine import get_engine, session_scope
    from pixecom.domain.money import Rate
    from pixecom.rates.store import save_rates
    from pixecom.rates.totals import converted_total

    query = parse_list_query(Level.CAMPAIGNS, RawListParams(date_preset="last_30d"))

    def alone() -> float:
        with get_engine().connect() as conn:
            samples = timed(lambda: converted_total(conn, seller_id, query, datetime.now(UTC)), iterations)
        return statistics.median(samples)

    without = alone()
    today = datetime.now(UTC).date()
    with session_scope() as session:
        rates = [Rate("USD", today - timedelta(days=d), Decimal("1.05"), "ecb") for d in range(120)]
        save_rates(session, rates, datetime.now(UTC))
        session.execute(text("UPDATE sellers SET reporting_currency = 'EUR' WHERE id = :s"), {"s": seller_id})
    with_eur = alone()
    converted = measure()
    print(
        f"converted total alone, p50: {without:.1f} ms without a reporting currency, "
        f"{with_eur:.1f} ms in EUR; "
        f"/campaigns p50 {campaigns:.1f} -> {converted:.1f} ms in EUR"
    )
    with session_scope() as session:
        session.execute(text("UPDATE sellers SET reporting_currency = NULL WHERE id = :s"), {"s": seller_id})


def _run(conn: Any, statement: Any, params: dict[str, Any]) -> object:
    return conn.execute(statement, params).all()


def _md5(value: str) -> str:
    import hashlib

    return hashlib.md5(value.encode(), usedforsecurity=False).hexdigest()


if __name__ == "__main__":
    sys.exit(main())
