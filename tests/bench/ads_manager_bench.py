"""Ads Manager read benchmark over real HTTP (prints figures and ratios; not a test).

Seeds 20 sellers into a fresh database (one with 5,000 ads x 90 days, the others with 250 ads x
90 days, all with generate_series), serves the API with uvicorn on a loopback port and times,
for the big seller, over one keep-alive HTTP connection:

- GET /api/ads-manager/{campaigns,adsets,ads}?date_preset=last_30d, first without a preset
  snapshot (as after an account's local midnight, before the next sync), then with the
  snapshots the stats sync refreshes after each run;
- each list again with its body kept (`adsmanager/kept_lists.py`): the first request reads, every
  later one is served again after one check of the change log on the primary; every other
  request above runs with keeping off (LIST_CACHE_MB=0), so it reads the database each time;
- the campaigns and the ads with `compare=previous_period`, against the same request without;
- the floors: GET /api/health (a round trip through the same server, one `SELECT 1`) and each
  level's preset snapshot read alone (one row per entity; before the campaign/ad set snapshots
  existed, the level's rollup read).

Ratios printed (lower is better; the aim is <= 1.5 for each level), read and served again:
  ratio = p50(GET /api/ads-manager/<level>) / (p50(<level> snapshot read) + p50(GET /api/health))

Run:  .venv/bin/python tests/bench/ads_manager_bench.py [--iterations 60]
Uses DATABASE_URL's server if set, else an embedded PostgreSQL (pgserver).
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
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

from pixecom.domain.catalogue import STORED_COUNTERS, SUMMED_COUNTERS  # noqa: E402

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
INSERT INTO ad_stats_daily (ad_id, date, seller_id, ad_account_id, campaign_id, adset_id, {{names}})
  SELECT ad_id, day, seller_id, ad_account_id, campaign_id, adset_id, {{values}}
  FROM (
    SELECT a.id AS ad_id, (CURRENT_DATE - d) AS day, a.seller_id, a.ad_account_id, a.campaign_id,
           a.adset_id, (random() * 8000)::int AS imp
    FROM ads a, generate_series(0, {DAYS - 1}) d
  ) AS g;
"""
# Each seeded counter (by name: the others 0) as an expression of the day's impressions `imp`.
SEED_COUNTERS = {
    "spend": "round(imp * 0.008, 2)",
    "impressions": "imp",
    "clicks": "imp / 40",
    "link_clicks": "imp / 80",
    "content_views": "imp / 160",
    "add_to_cart": "imp / 640",
    "initiate_checkout": "imp / 1280",
    "purchases": "imp / 2560",
    "purchase_value": "round((imp / 2560) * 31.5, 2)",
    "results": "imp / 2560",
    "landing_page_views": "imp / 100",
}


def with_counters(seed_sql: str, counters: dict[str, str]) -> str:
    """`seed_sql` with its `{names}` and `{values}` of ad_stats_daily filled from `counters`
    (counter name -> SQL expression; the catalogue's other counters are left at 0)."""
    unknown = set(counters) - set(STORED_COUNTERS)
    assert not unknown, unknown
    return seed_sql.format(names=", ".join(counters), values=", ".join(counters.values()))


SEED_SQL = with_counters(SEED_SQL, SEED_COUNTERS)


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

    from sqlalchemy import text

    from pixecom.adsmanager.params import Level, RawListParams, parse_list_query
    from pixecom.adsmanager.query import list_statement
    from pixecom.adsmanager.ranges import plan_ranges, range_for_timezone
    from pixecom.adsmanager.statement import run
    from pixecom.api.app import create_app
    from pixecom.auth.tokens import issue_access_token
    from pixecom.db.engine import get_engine, read_driver_connection, session_scope
    from pixecom.db.rollups import refresh_preset_stats
    from pixecom.settings import get_settings

    def keeping(on: bool) -> None:
        """List bodies kept and served again (the default) or every request read (off)."""
        os.environ["LIST_CACHE_MB"] = "32" if on else "0"
        get_settings.cache_clear()

    keeping(False)
    seller_id = uuid.UUID(bytes=bytes.fromhex(_md5("s1")))
    user_id = uuid.UUID(bytes=bytes.fromhex(_md5("u1")))
    headers = {"Authorization": f"Bearer {issue_access_token(user_id, seller_id, now=utc_now())}"}
    server = HttpServer(create_app()).start()
    client = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    print(f"real HTTP: uvicorn on 127.0.0.1:{server.port}, one keep-alive connection (client-side time)")
    print(f"{'request':<58}{'p50 ms':>8}{'p95 ms':>8}")

    def get(path: str, auth: bool = True) -> bytes:
        client.request("GET", path, headers=headers if auth else {})
        response = client.getresponse()
        body = response.read()
        assert response.status == 200, body[:500]
        return body

    def report(label: str, samples: list[float]) -> float:
        print(f"{label:<58}{pct(samples, 0.5):8.1f}{pct(samples, 0.95):8.1f}")
        return statistics.median(samples)

    def api(path: str, label: str = "") -> float:
        return report(f"GET {path}{label}", timed(partial(get, path), args.iterations))

    def sql_floor(label: str, sql: str, params: dict[str, Any]) -> float:
        with get_engine().connect() as conn:
            return report(f"floor: {label}", timed(partial(_run, conn, text(sql), params), args.iterations))

    def has_table(name: str) -> bool:
        with get_engine().connect() as conn:
            return bool(conn.execute(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": name}).scalar())

    health = report(
        "floor: GET /api/health (round trip)", timed(partial(get, "/api/health", False), args.iterations)
    )
    dates = parse_list_query(Level.CAMPAIGNS, RawListParams(date_preset="last_30d")).dates
    rng = range_for_timezone(dates, datetime.now(UTC), "America/New_York")  # the seeded accounts' zone
    window = {"s": seller_id, "since": rng.since, "until": rng.until}
    live = {
        level: api(f"/api/ads-manager/{level}?date_preset=last_30d", " (no snapshot)") for level in LEVELS
    }
    converted_total_cost(
        seller_id,
        live["campaigns"],
        lambda: api("/api/ads-manager/campaigns?date_preset=last_30d", " (no snapshot, EUR total)"),
        args.iterations,
    )
    # What the stats sync leaves behind after each run: every account's preset snapshot.
    started = time.perf_counter()
    with session_scope() as session:
        account_ids = session.execute(text("SELECT id FROM ad_accounts")).scalars().all()
        for account_id in account_ids:
            refresh_preset_stats(session, account_id, datetime.now(UTC))
    print(f"refresh_preset_stats for {len(account_ids)} accounts: {time.perf_counter() - started:.2f} s")
    store_preset_reach(rng.since, rng.until)
    floors: dict[str, float] = {}
    for level, (key, snapshot_table, rollup_table) in LEVELS.items():
        if has_table(snapshot_table):
            floors[level] = sql_floor(
                f"{level} preset snapshot read alone",
                SNAPSHOT_READ.format(key=key, table=snapshot_table),
                {"s": seller_id, "p": "last_30d"},
            )
        else:  # before the per-entity snapshots existed: the level's rollup read
            floors[level] = sql_floor(
                f"{level} rollup read alone (no snapshot table)",
                ROLLUP_READ.format(key=key, table=rollup_table),
                window,
            )
    ratios = []
    kept_ratios = []
    for level in LEVELS:
        value = api(f"/api/ads-manager/{level}?date_preset=last_30d", " (snapshot)")
        ratios.append((level, value, floors[level]))
        keeping(True)
        kept = api(f"/api/ads-manager/{level}?date_preset=last_30d", " (snapshot, served again)")
        kept_ratios.append((level, kept, floors[level]))
        keeping(False)
        query = parse_list_query(Level(level), RawListParams(date_preset="last_30d"))
        statement = list_statement(query, plan_ranges(query.dates, datetime.now(UTC)), seller_id)
        with read_driver_connection() as conn:
            report(
                "  its statement alone (psycopg, autocommit)",
                timed(partial(run, conn, statement), args.iterations),
            )
    # compare=previous_period: a second statement (the previous 30 days, read live: no snapshot
    # holds them); its floor is the same request without the comparison, in this run.
    for level in ("campaigns", "ads"):
        plain = next(value for lv, value, _ in ratios if lv == level)
        compared = api(f"/api/ads-manager/{level}?date_preset=last_30d&compare=previous_period")
        print(f"{level} with compare: {compared:.1f} / {plain:.1f} ms without = {compared / plain:.2f}x")
    for label, measured in (("read", ratios), ("served again", kept_ratios)):
        for level, value, read in measured:
            ratio = value / (read + health)
            figures = f"{value:.1f} / ({read:.1f} + {health:.1f}) = {ratio:.2f}"
            print(f"{level} ratio, {label} = {figures}  (aim <= 1.5)")
    for level, value in live.items():
        print(f"{level} without a fresh snapshot: {value:.1f} ms ({value / (floors[level] + health):.2f}x)")
    client.close()
    server.stop()
    metrics_where(args.iterations)
    write_cost(seller_id)
    return 0


def store_preset_reach(since: date, until: date) -> None:
    """What each stats run stores beside the snapshots (`sync/reach.py`): Meta's reach of the
    last_30d range for every account, campaign, ad set and ad, read minutes ago. Without it each
    list would find no reach and ask Meta (the bench's accounts have no token: refused)."""
    from sqlalchemy import text

    from pixecom.db.engine import session_scope

    started = time.perf_counter()
    levels = (
        (
            "account",
            "SELECT a.id, a.seller_id, 'act_' || regexp_replace(a.meta_account_id, '^act_', '') "
            "FROM ad_accounts a",
        ),
        ("campaign", "SELECT e.ad_account_id, e.seller_id, e.meta_id FROM campaigns e"),
        ("adset", "SELECT e.ad_account_id, e.seller_id, e.meta_id FROM adsets e"),
        ("ad", "SELECT e.ad_account_id, e.seller_id, e.meta_id FROM ads e"),
    )
    with session_scope() as session:
        for level, objects in levels:
            session.execute(
                text(
                    "INSERT INTO reach_stats (ad_account_id, level, object_id, since, until, seller_id, "
                    "reach, impressions, fetched_at) "
                    "SELECT o.id, :level, o.meta_id, :since, :until, o.seller_id, 700, 1000, now() "
                    f"FROM ({objects}) AS o(id, seller_id, meta_id)"
                ),
                {"level": level, "since": since, "until": until},
            )
        count = session.execute(text("SELECT count(*) FROM reach_stats")).scalar_one()
    print(f"stored {count:,} reach_stats rows (last_30d, 4 levels) in {time.perf_counter() - started:.2f} s")


def metrics_where(iterations: int) -> None:
    """What computing one page's metrics (50 rows and a summary) in Postgres adds to reading
    its sums (`sql.metrics_json`: the one place metrics are computed, for lists and rules)."""
    from pixecom.adsmanager.sql import metrics_json
    from pixecom.adsmanager.statement import q, run
    from pixecom.db.engine import get_engine

    sums = q(
        "SELECT "
        + ", ".join(f"CAST(g * {i + 1}.25 AS numeric) AS {c}" for i, c in enumerate(SUMMED_COUNTERS))
        + " FROM generate_series(1, 51) AS g"
    )
    in_sql = q(
        "SELECT CAST({} AS text) AS metrics FROM ({}) AS t", metrics_json("t", q("2"), q("false")), sums
    )
    with get_engine().connect() as conn:
        sql_ms = timed(partial(run, conn, in_sql), iterations)
        bare_ms = timed(partial(run, conn, sums), iterations)
    print(f"metrics of 51 rows: in SQL {pct(sql_ms, 0.5):.2f} ms, sums alone {pct(bare_ms, 0.5):.2f} ms")


class HttpServer:
    """The API under uvicorn in a background thread on 127.0.0.1 and a free port."""

    def __init__(self, app: Any) -> None:
        import socket

        import uvicorn

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            access_log=False,
            timeout_keep_alive=120,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def start(self) -> HttpServer:
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the API did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


# level -> (the key its stats group on, its preset snapshot table, its daily rollup table)
LEVELS = {
    "campaigns": ("campaign_id", "campaign_preset_stats", "campaign_stats_daily"),
    "adsets": ("adset_id", "adset_preset_stats", "adset_stats_daily"),
    "ads": ("ad_id", "ad_preset_stats", "ad_stats_daily"),
}
_SUMS = ", ".join(SUMMED_COUNTERS)
ROLLUP_READ = (
    "SELECT {key}, "
    + ", ".join(f"sum({c.strip()})" for c in _SUMS.split(","))
    + " FROM {table} WHERE seller_id = :s AND date BETWEEN :since AND :until GROUP BY {key}"
)
SNAPSHOT_READ = "SELECT {key}, " + _SUMS + " FROM {table} WHERE seller_id = :s AND preset = :p"


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
    on one connection, without a reporting currency (nothing: the list's statement reads the
    seller's reporting currency) and with EUR
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

    def alone(reporting: str | None) -> float:
        with get_engine().connect() as conn:
            samples = timed(
                lambda: converted_total(conn, seller_id, query, datetime.now(UTC), reporting), iterations
            )
        return statistics.median(samples)

    without = alone(None)
    today = datetime.now(UTC).date()
    with session_scope() as session:
        rates = [Rate("USD", today - timedelta(days=d), Decimal("1.05"), "ecb") for d in range(120)]
        save_rates(session, rates, datetime.now(UTC))
        session.execute(text("UPDATE sellers SET reporting_currency = 'EUR' WHERE id = :s"), {"s": seller_id})
    with_eur = alone("EUR")
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
