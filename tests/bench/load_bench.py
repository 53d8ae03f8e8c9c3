"""Load benchmark (prints figures; not a test): a bounded, loopback-only load of fixed duration.

Starts, in a subprocess, what `pixecom dev` runs: the API under uvicorn on 127.0.0.1 (a free port)
with the pool sized as `pixecom dev` sizes it, the Graph API simulator, moto SQS and the local
scheduler (sync dispatch -> workers every `--sync-interval` seconds, the ControlQueue drained every
2 s), on a fresh seeded database (10 sellers x 250 ads x 30 days for the reads). Each seller also
connects one simulator account (its first syncs and a backfill queued), and before each level a
"sync now" is asked for every connected account, so every level runs during a sync of every
account. Then, for each client count (default 50 and 200), closed-loop clients (each sends its
next request when the previous answered) read the Ads Manager, list ad accounts, ask who they are,
log in and start bulk status jobs, for `--seconds` each. Prints per level: requests/s, p50/p95/p99
per route, the 5xx count, the 429 count (shed on purpose: login's hashing slots) apart, the most
database connections seen (pg_stat_activity sampled every 100 ms), and the sync runs and jobs
that finished during the level; the floor is a minimal route (an unknown path's 404, no
database) measured in the same run, and the ratio of /campaigns p95 to it.

Run:  .venv/bin/python tests/bench/load_bench.py [--clients 50 200] [--seconds 10] [--sync-interval 2]
Uses DATABASE_URL's server if set, else an embedded PostgreSQL (pgserver).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pixecom.clock import utc_now

os.environ.setdefault("PIXECOM_ENV", "local")
os.environ.setdefault("JWT_SECRET", "bench-signing-key-" + "x" * 32)
os.environ.setdefault("PIXECOM_STATE_DIR", tempfile.mkdtemp(prefix="pixecom-bench-"))
os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")
os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")

import httpx  # noqa: E402
import psycopg  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from ads_manager_bench import _libpq, _server_url, with_counters  # noqa: E402

SELLERS, ADS, DAYS = 10, 250, 30
PASSWORD = "bench-password-123"
SEED_SQL = f"""
SELECT setseed(0.42);
INSERT INTO sellers (id, name)
  SELECT md5('s' || k)::uuid, 'Seller ' || k FROM generate_series(1, {SELLERS}) k;
INSERT INTO ad_accounts (id, seller_id, meta_account_id, name, currency, timezone_name,
                         access_token_encrypted, connection_status, backfill_chunks_total,
                         backfill_chunks_done)
  SELECT md5('a' || k)::uuid, md5('s' || k)::uuid, 'act_seed_' || k, 'Account ' || k, 'USD',
         'America/New_York', '\\x00', 'DISABLED', 0, 0 FROM generate_series(1, {SELLERS}) k;
INSERT INTO campaigns (id, seller_id, ad_account_id, meta_id, name, status, delivery_status, effective_status)
  SELECT md5('c' || k || '-' || c)::uuid, md5('s' || k)::uuid, md5('a' || k)::uuid, 'c' || k || '-' || c,
         'Campaign ' || c, 'ACTIVE', 'ACTIVE', 'ACTIVE'
  FROM generate_series(1, {SELLERS}) k, generate_series(1, {ADS // 50}) c;
INSERT INTO adsets (id, seller_id, ad_account_id, campaign_id, meta_id, name, status, delivery_status,
                    effective_status)
  SELECT md5(c.id::text || '-' || j)::uuid, c.seller_id, c.ad_account_id, c.id, c.meta_id || '-' || j,
         'Ad set ' || j, c.status, c.delivery_status, c.effective_status
  FROM campaigns c, generate_series(1, 5) j;
INSERT INTO ads (id, seller_id, ad_account_id, campaign_id, adset_id, meta_id, name, status,
                 delivery_status, effective_status)
  SELECT md5(s.id::text || '-' || j)::uuid, s.seller_id, s.ad_account_id, s.campaign_id, s.id,
         s.meta_id || '-' || j, 'Ad ' || j, s.status, s.delivery_status, s.effective_status
  FROM adsets s, generate_series(1, 10) j;
INSERT INTO ad_stats_daily (ad_id, date, seller_id, ad_account_id, campaign_id, adset_id, {{names}})
  SELECT a.id, CURRENT_DATE - d, a.seller_id, a.ad_account_id, a.campaign_id, a.adset_id, {{values}}
  FROM ads a, generate_series(0, {DAYS - 1}) d;
"""
# Every ad-day's counters, by name (the others 0).
SEED_DAY = {
    "spend": "12.34",
    "impressions": "1000",
    "clicks": "25",
    "link_clicks": "12",
    "content_views": "6",
    "add_to_cart": "2",
    "initiate_checkout": "1",
    "purchases": "1",
    "purchase_value": "31.50",
    "results": "1",
}
SEED_SQL = with_counters(SEED_SQL, SEED_DAY)

# The seeded accounts hold no usable token: DISABLED, so they are read but never synced. The
# accounts that sync are the simulator's, one per seller, connected by the server at start.
SYNC_ADS, SYNC_DAYS, BACKFILL_DAYS = 40, 60, 30

ROUTES = {  # name -> (share of requests, method, path)
    "campaigns": (0.53, "GET", "/api/ads-manager/campaigns?date_preset=last_30d"),
    "ad-accounts": (0.2, "GET", "/api/ad-accounts"),
    "me": (0.15, "GET", "/api/auth/me"),
    "login": (0.05, "POST", "/api/auth/login"),
    "status job": (0.02, "POST", "/api/ads-manager/status"),
    "floor (404)": (0.05, "GET", "/api/no-such-route"),
}


def seller_id(k: int) -> uuid.UUID:
    return uuid.UUID(hashlib.md5(f"s{k}".encode()).hexdigest())  # noqa: S324 - md5('s' || k)::uuid


def serve(url: str, port: int, sync_interval: float) -> None:
    """The server process: `pixecom dev` without the console and the demo seller."""
    os.environ["DATABASE_URL"] = url
    import uvicorn

    from local.dev import size_pool_for_server
    from local.runner import LocalQueues
    from local.scheduler import LocalScheduler
    from pixecom.accounts.connect import connect_account
    from pixecom.api.app import create_app
    from pixecom.settings import get_settings
    from simulator.generator import generate_scenario
    from simulator.testing import SimulatorServer

    size_pool_for_server()
    scenario = generate_scenario(accounts=SELLERS, days=SYNC_DAYS, seed=7, ads_per_account=SYNC_ADS)
    scenario.settings.report_polls_to_complete = 1
    simulator = SimulatorServer(scenario).start()
    os.environ["GRAPH_BASE_URL"] = simulator.base_url
    get_settings.cache_clear()
    queues = LocalQueues().start()
    for k, spec in enumerate(scenario.ad_accounts, start=1):
        connect_account(
            seller_id(k), spec.id, spec.access_token or "", backfill_days=BACKFILL_DAYS, now=utc_now()
        )
    scheduler = LocalScheduler(interval=sync_interval).start()
    try:
        uvicorn.run(create_app(), host="127.0.0.1", port=port, log_level="warning", access_log=False)
    finally:
        scheduler.stop(timeout=5)
        queues.stop()
        simulator.stop()


def prepare_database() -> str:
    from pixecom.auth.passwords import hash_password
    from pixecom.db.migrate import upgrade

    server = _server_url()
    name = f"pixecom_load_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_libpq(server), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        conn.execute(SEED_SQL)  # type: ignore[arg-type]
        password_hash = hash_password(PASSWORD)
        for k in range(1, SELLERS + 1):
            conn.execute(
                "INSERT INTO users (id, seller_id, email, password_hash, role) "
                "VALUES (gen_random_uuid(), md5(%s)::uuid, %s, %s, 'owner')",
                (f"s{k}", f"owner{k}@bench.example", password_hash),
            )
        conn.execute("VACUUM ANALYZE")
    return url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, port: int, sync_interval: float) -> subprocess.Popen[bytes]:
    args = ["--serve", url, "--port", str(port), "--sync-interval", str(sync_interval)]
    process = subprocess.Popen([sys.executable, __file__, *args], env=dict(os.environ))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=2)
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the API did not start")


def synced_ads(url: str, timeout: float = 180) -> dict[int, list[str]]:
    """Per seller, the ids of its simulator account's ads, once the first delivery syncs wrote them."""
    deadline = time.monotonic() + timeout
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        while True:
            rows = conn.execute(
                "SELECT a.seller_id, a.id FROM ads a JOIN ad_accounts c ON c.id = a.ad_account_id "
                "WHERE c.connection_status = 'ACTIVE' ORDER BY a.seller_id, a.meta_id"
            ).fetchall()
            by_seller: dict[uuid.UUID, list[str]] = defaultdict(list)
            for seller, ad in rows:
                by_seller[seller].append(str(ad))
            if len(by_seller) == SELLERS or time.monotonic() > deadline:
                return {k: by_seller.get(seller_id(k), []) for k in range(1, SELLERS + 1)}
            time.sleep(0.5)


def sync_every_account(base: str, tokens: list[str]) -> int:
    """ "Sync now" for every connected account (what the sync button sends); returns how many."""
    asked = 0
    for token in tokens:
        headers = {"Authorization": f"Bearer {token}"}
        listed = httpx.get(f"{base}/api/ad-accounts", headers=headers, timeout=60).json()
        for account in listed.get("data", listed if isinstance(listed, list) else []):
            if account.get("connection_status") == "ACTIVE":
                response = httpx.post(
                    f"{base}/api/ad-accounts/{account['id']}/sync", headers=headers, timeout=60
                )
                asked += response.status_code < 300
    return asked


def jobs_settled(url: str, since: float, wait: float = 90) -> tuple[int, int, float | None]:
    """After a level: wait (up to `wait` s) for its jobs to finish; (finished, unfinished, slowest
    created -> finished in seconds)."""
    deadline = time.monotonic() + wait
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        while True:
            row = conn.execute(
                "SELECT count(*) FILTER (WHERE finished_at IS NOT NULL), "
                "count(*) FILTER (WHERE finished_at IS NULL), "
                "max(extract(epoch FROM finished_at - created_at)) "
                "FROM jobs WHERE created_at >= to_timestamp(%s)",
                (since,),
            ).fetchone()
            assert row is not None
            if not row[1] or time.monotonic() > deadline:
                return int(row[0]), int(row[1]), float(row[2]) if row[2] is not None else None
            time.sleep(1)


def finished_since(url: str, since: float) -> tuple[int, int, dict[str, int]]:
    """Sync runs finished, jobs created and jobs by status since the epoch time `since`."""
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        runs = conn.execute(
            "SELECT count(*) FROM sync_runs WHERE finished_at >= to_timestamp(%s)", (since,)
        ).fetchone()
        jobs = conn.execute(
            "SELECT status, count(*) FROM jobs WHERE created_at >= to_timestamp(%s) GROUP BY status", (since,)
        ).fetchall()
    by_status = {str(status): int(n) for status, n in jobs}
    return int(runs[0]) if runs else 0, sum(by_status.values()), by_status


class ConnectionSampler(threading.Thread):
    """The most connections to the bench database seen in pg_stat_activity."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url, self.most, self._done = url, 0, threading.Event()

    def run(self) -> None:
        name = make_url(self.url).database
        with psycopg.connect(_libpq(self.url), autocommit=True) as conn:
            while not self._done.wait(0.1):
                row = conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                    (name,),
                ).fetchone()
                self.most = max(self.most, int(row[0]) if row else 0)

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.most


@dataclass
class Outcomes:
    samples: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[tuple[str, int | str]] = field(default_factory=list)  # 5xx, or why no answer came
    shed: list[tuple[str, int]] = field(default_factory=list)  # 429: refused on purpose, retry later


async def client_loop(
    client: httpx.AsyncClient, token: str, k: int, ads: list[str], until: float, out: Outcomes
) -> None:
    rng = random.Random(k)  # noqa: S311 - load mix, not security
    names, weights = list(ROUTES), [share for share, _m, _p in ROUTES.values()]
    headers = {"Authorization": f"Bearer {token}"}
    while time.monotonic() < until:
        name = rng.choices(names, weights)[0]
        _share, method, path = ROUTES[name]
        body: dict[str, object] | None = None
        failure = ""
        if name == "login":
            body = {"email": f"owner{k % SELLERS + 1}@bench.example", "password": PASSWORD}
        elif name == "status job":
            if not ads:
                continue
            body = {
                "level": "ad",
                "ids": rng.sample(ads, min(3, len(ads))),
                "status": rng.choice(["PAUSED", "ACTIVE"]),
            }
        started = time.perf_counter()
        try:
            response = await client.request(method, path, headers=headers, json=body)
            status = response.status_code
        except httpx.HTTPError as exc:  # no answer: counted with the 5xx, named by its kind
            status, failure = 599, type(exc).__name__
        out.samples[name].append(time.perf_counter() - started)
        if status == 599:
            out.errors.append((name, failure))
        elif status >= 500:
            out.errors.append((name, status))
        elif status == 429:
            out.shed.append((name, status))


def login_tokens(base: str) -> list[str]:
    tokens = []
    for k in range(1, SELLERS + 1):
        response = httpx.post(
            f"{base}/api/auth/login",
            json={"email": f"owner{k}@bench.example", "password": PASSWORD},
            timeout=60,
        )
        response.raise_for_status()
        tokens.append(response.json()["access_token"])
    return tokens


async def level(
    base: str, tokens: list[str], ads: dict[int, list[str]], clients: int, seconds: float
) -> Outcomes:
    out = Outcomes()
    # uvicorn closes a keep-alive connection idle for 5 s; a client keeping it exactly as long
    # (httpx's default) may send on it as it closes and get no answer (ReadError,
    # RemoteProtocolError) although the server is fine. Browsers retry those; this client lets
    # idle connections go first.
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients, keepalive_expiry=4)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        until = time.monotonic() + seconds
        await asyncio.gather(
            *(
                client_loop(client, tokens[k % len(tokens)], k, ads[k % len(tokens) + 1], until, out)
                for k in range(clients)
            )
        )
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--sync-interval", type=float, default=2.0, help="seconds between sync cycles")
    parser.add_argument("--serve", metavar="DATABASE_URL", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, args.sync_interval)
        return 0
    url = prepare_database()
    port = free_port()
    server = start_server(url, port, args.sync_interval)
    base = f"http://127.0.0.1:{port}"
    try:
        tokens = login_tokens(base)
        ads = synced_ads(url)
        print(f"simulator accounts synced: {sum(1 for a in ads.values() if a)} of {SELLERS}")
        for clients in args.clients:
            asked = sync_every_account(base, tokens)
            since = time.time()
            sampler = ConnectionSampler(url)
            sampler.start()
            started = time.perf_counter()
            out = asyncio.run(level(base, tokens, ads, clients, args.seconds))
            elapsed = time.perf_counter() - started
            most = sampler.stop()
            runs, jobs, job_status = finished_since(url, since)
            total = sum(len(v) for v in out.samples.values())
            print(
                f"\n{clients} clients, {args.seconds:.0f} s: {total / elapsed:.0f} requests/s, "
                f"5xx: {len(out.errors)} {dict(Counter(out.errors)) or ''}, "
                f"429: {len(out.shed)} {dict(Counter(out.shed)) or ''}, most DB connections seen: {most}"
            )
            print(
                f"  during it: sync asked for {asked} accounts, {runs} sync runs finished, "
                f"{jobs} jobs created {job_status}"
            )
            done, left, slowest = jobs_settled(url, since)
            print(
                f"  jobs after the level: {done} finished (slowest {slowest or 0:.0f} s from request "
                f"to finish), {left} still unfinished after 90 s more"
            )
            for name in ROUTES:
                values = out.samples.get(name, [])
                if values:
                    print(
                        f"  {name:<12} n={len(values):<6} p50 {pct(values, 50):7.1f} ms  "
                        f"p95 {pct(values, 95):7.1f} ms  p99 {pct(values, 99):7.1f} ms"
                    )
            samples = out.samples
            floor = statistics.median(samples["floor (404)"]) if samples.get("floor (404)") else None
            if floor:
                print(f"  campaigns p95 / floor p50 = {pct(samples['campaigns'], 95) / (floor * 1000):.1f}x")
    finally:
        server.terminate()
        server.wait(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
