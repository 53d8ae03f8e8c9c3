"""Load benchmark (prints figures; not a test): a bounded, loopback-only load of fixed duration.

Starts the API under uvicorn in a subprocess on 127.0.0.1 (a free port) with the pool sized as
`pixecom dev` sizes it, on a fresh seeded database (10 sellers x 250 ads x 30 days). Then, for
each client count (default 50 and 200), closed-loop clients (each sends its next request when
the previous answered) read the Ads Manager, list ad accounts, ask who they are and log in, for
`--seconds` each. Prints per level: requests/s, p50/p95/p99 per route, the 5xx count, and the
most database connections seen (pg_stat_activity sampled every 100 ms); the floor is a minimal
route (/api/health-like: an unknown path's 404, no database) measured in the same run, and the
ratio of /campaigns p95 to it.

Run:  .venv/bin/python tests/bench/load_bench.py [--clients 50 200] [--seconds 10]
Uses DATABASE_URL's server if set, else an embedded PostgreSQL (pgserver).
"""

from __future__ import annotations

import argparse
import asyncio
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
from pathlib import Path

os.environ.setdefault("PIXECOM_ENV", "local")
os.environ.setdefault("JWT_SECRET", "bench-signing-key-" + "x" * 32)
os.environ.setdefault("PIXECOM_STATE_DIR", tempfile.mkdtemp(prefix="pixecom-bench-"))
os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")
os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")

import httpx  # noqa: E402
import psycopg  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from ads_manager_bench import _libpq, _server_url  # noqa: E402

SELLERS, ADS, DAYS = 10, 250, 30
PASSWORD = "bench-password-123"
SEED_SQL = f"""
SELECT setseed(0.42);
INSERT INTO sellers (id, name)
  SELECT md5('s' || k)::uuid, 'Seller ' || k FROM generate_series(1, {SELLERS}) k;
INSERT INTO ad_accounts (id, seller_id, meta_account_id, name, currency, timezone_name,
                         access_token_encrypted, connection_status, backfill_chunks_total,
                         backfill_chunks_done)
  SELECT md5('a' || k)::uuid, md5('s' || k)::uuid, 'act_' || k, 'Account ' || k, 'USD',
         'America/New_York', '\\x00', 'ACTIVE', 0, 0 FROM generate_series(1, {SELLERS}) k;
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
INSERT INTO ad_stats_daily (ad_id, date, seller_id, ad_account_id, campaign_id, adset_id, spend,
                            impressions, clicks, link_clicks, content_views, add_to_cart,
                            initiate_checkout, purchases, purchase_value, results)
  SELECT a.id, CURRENT_DATE - d, a.seller_id, a.ad_account_id, a.campaign_id, a.adset_id, 12.34, 1000,
         25, 12, 6, 2, 1, 1, 31.50, 1
  FROM ads a, generate_series(0, {DAYS - 1}) d;
"""

ROUTES = {  # name -> (share of requests, method, path)
    "campaigns": (0.55, "GET", "/api/ads-manager/campaigns?date_preset=last_30d"),
    "ad-accounts": (0.2, "GET", "/api/ad-accounts"),
    "me": (0.15, "GET", "/api/auth/me"),
    "login": (0.05, "POST", "/api/auth/login"),
    "floor (404)": (0.05, "GET", "/api/no-such-route"),
}


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


def start_server(url: str, port: int) -> subprocess.Popen[bytes]:
    code = (
        "from pixecom.local.dev import size_pool_for_server; size_pool_for_server();"
        "import uvicorn; from pixecom.api.app import create_app;"
        f"uvicorn.run(create_app(), host='127.0.0.1', port={port}, log_level='warning', access_log=False)"
    )
    env = {**os.environ, "DATABASE_URL": url}
    process = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=2)
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the API did not start")


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


async def client_loop(
    client: httpx.AsyncClient,
    token: str,
    k: int,
    until: float,
    samples: dict[str, list[float]],
    errors: list[int],
) -> None:
    rng = random.Random(k)  # noqa: S311 - load mix, not security
    names, weights = list(ROUTES), [share for share, _m, _p in ROUTES.values()]
    headers = {"Authorization": f"Bearer {token}"}
    while time.monotonic() < until:
        name = rng.choices(names, weights)[0]
        _share, method, path = ROUTES[name]
        body = (
            {"email": f"owner{k % SELLERS + 1}@bench.example", "password": PASSWORD}
            if name == "login"
            else None
        )
        started = time.perf_counter()
        try:
            response = await client.request(method, path, headers=headers, json=body)
            status = response.status_code
        except httpx.HTTPError:
            status = 599
        samples[name].append(time.perf_counter() - started)
        if status >= 500:
            errors.append((name, status))


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
    base: str, tokens: list[str], clients: int, seconds: float
) -> tuple[dict[str, list[float]], list[tuple[str, int]]]:
    samples: dict[str, list[float]] = defaultdict(list)
    errors: list[tuple[str, int]] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        until = time.monotonic() + seconds
        await asyncio.gather(
            *(client_loop(client, tokens[k % len(tokens)], k, until, samples, errors) for k in range(clients))
        )
    return samples, errors


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    url = prepare_database()
    port = free_port()
    server = start_server(url, port)
    base = f"http://127.0.0.1:{port}"
    try:
        tokens = login_tokens(base)
        for clients in args.clients:
            sampler = ConnectionSampler(url)
            sampler.start()
            started = time.perf_counter()
            samples, errors = asyncio.run(level(base, tokens, clients, args.seconds))
            elapsed = time.perf_counter() - started
            most = sampler.stop()
            total = sum(len(v) for v in samples.values())
            print(
                f"\n{clients} clients, {args.seconds:.0f} s: {total / elapsed:.0f} requests/s, "
                f"5xx: {len(errors)} {dict(Counter(errors)) or ''}, most DB connections seen: {most}"
            )
            for name in ROUTES:
                values = samples.get(name, [])
                if values:
                    print(
                        f"  {name:<12} n={len(values):<6} p50 {pct(values, 50):7.1f} ms  "
                        f"p95 {pct(values, 95):7.1f} ms  p99 {pct(values, 99):7.1f} ms"
                    )
            floor = statistics.median(samples["floor (404)"]) if samples.get("floor (404)") else None
            if floor:
                print(f"  campaigns p95 / floor p50 = {pct(samples['campaigns'], 95) / (floor * 1000):.1f}x")
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
