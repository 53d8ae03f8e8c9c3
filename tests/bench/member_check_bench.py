"""What the revocation check costs each request (prints figures and ratios; not a test).

Every authenticated request checks its access token against the member's current state (still in
the team, role, ad accounts, token version: pixecom.auth.members), from a per-process cache that
is read again from Postgres after MEMBER_CACHE_SECONDS. Timed on one event loop, as the API
Lambda serves one request at a time:

- floor: the signature check alone (decode_access_token), all a request paid before;
- hit:   get_caller with the member's state cached (the common case);
- miss:  get_caller reading the state from Postgres (the first request of a member per cache
         period and process; a hop to the threadpool and one indexed read).

Run:  .venv/bin/python tests/bench/member_check_bench.py [--iterations 2000]
Uses DATABASE_URL's server if set, else an embedded PostgreSQL (pgserver).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("PIXECOM_ENV", "local")
os.environ.setdefault("JWT_SECRET", "bench-signing-key-" + "x" * 32)
os.environ.setdefault("PIXECOM_STATE_DIR", tempfile.mkdtemp(prefix="pixecom-bench-"))
os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ads_manager_bench import _libpq, _server_url, pct  # noqa: E402


def fresh_database() -> str:
    import psycopg
    from sqlalchemy.engine import make_url

    from pixecom.db.migrate import upgrade

    server = _server_url()
    name = f"pixecom_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_libpq(server), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    return url


def timed_us(run: Callable[[], object], iterations: int) -> list[float]:
    for _ in range(20):
        run()
    samples = []
    for _ in range(iterations):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1e6)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=2000)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = fresh_database()

    from fastapi.security import HTTPAuthorizationCredentials

    from pixecom.api.deps import get_caller
    from pixecom.auth.members import member_cache
    from pixecom.auth.tokens import decode_access_token, issue_access_token
    from pixecom.clock import utc_now
    from pixecom.db.engine import session_scope
    from pixecom.db.models import Seller, User
    from pixecom.domain.enums import UserRole

    with session_scope() as s:
        seller = Seller(name="Bench")
        s.add(seller)
        s.flush()
        user = User(
            seller_id=seller.id, email="bench@pixecom.example", password_hash="!", role=UserRole.ANALYST
        )
        s.add(user)
        s.flush()
        user_id, seller_id = user.id, seller.id
    now = utc_now()  # one instant: the token stays valid for the whole run
    token = issue_access_token(user_id, seller_id, now=now)
    credentials = HTTPAuthorizationCredentials(scheme="Bearer", credentials=token)
    loop = asyncio.new_event_loop()

    async def decode_only() -> object:
        return decode_access_token(token, now=now)

    def miss() -> object:
        member_cache.clear()
        return loop.run_until_complete(get_caller(credentials, now))

    floor = timed_us(lambda: loop.run_until_complete(decode_only()), args.iterations)
    hit = timed_us(lambda: loop.run_until_complete(get_caller(credentials, now)), args.iterations)
    missed = timed_us(miss, max(200, args.iterations // 10))
    loop.close()

    base = pct(floor, 0.5)
    for label, samples in (
        ("floor (signature only)", floor),
        ("cache hit", hit),
        ("cache miss (Postgres)", missed),
    ):
        p50, p95 = pct(samples, 0.5), pct(samples, 0.95)
        print(f"{label:24s} p50 {p50:8.1f} us  p95 {p95:8.1f} us  {p50 / base:5.2f}x floor")
    print(f"per-request cost of the check on a hit: {pct(hit, 0.5) - base:.1f} us over the floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
