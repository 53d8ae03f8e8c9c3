"""The real API for the TypeScript client tests (`node --test`): the app `make dev` serves.

Starts embedded Postgres in a temporary directory (or uses DATABASE_URL), migrates, seeds one
seller with a password login and a small Ads Manager tree with stats, and serves the FastAPI app
under uvicorn on a free loopback port. Prints ONE JSON line on stdout when ready:
    {"url": "http://127.0.0.1:PORT", "email": ..., "password": ..., "origin": ...}
and runs until stdin closes or it gets SIGTERM/SIGINT, then stops everything it started.

Short lifetimes for the tests (overridable from the environment): access tokens live
ACCESS_TOKEN_TTL_SECONDS=2, the refresh reuse grace window REFRESH_REUSE_GRACE_SECONDS=30.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ORIGIN = "http://localhost:3000"
EMAIL = "client-tests@pixecom.local"
PASSWORD = "client-tests-password-1"

_ENV_DEFAULTS = {
    "PIXECOM_ENV": "local",
    "JWT_SECRET": "client-tests-signing-key-" + "x" * 32,
    "ACCESS_TOKEN_TTL_SECONDS": "2",
    "REFRESH_REUSE_GRACE_SECONDS": "30",
    "CORS_ORIGINS": f"{ORIGIN},http://127.0.0.1:3000",
    # argon2id cheap enough for tests (the cost itself is tested in the Python suite).
    "ARGON2_TIME_COST": "1",
    "ARGON2_MEMORY_KIB": "8192",
    "ARGON2_PARALLELISM": "1",
    "POWERTOOLS_SERVICE_NAME": "pixecom-client-tests",
    "POWERTOOLS_METRICS_NAMESPACE": "PixEcomClientTests",
    "POWERTOOLS_TRACE_DISABLED": "true",
    "POWERTOOLS_LOG_LEVEL": "WARNING",
    "AWS_DEFAULT_REGION": "us-east-1",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _seed() -> None:
    """One seller (password login) with an account, two campaigns, ad sets, ads and 3 days of stats."""
    from pixecom.auth.passwords import hash_password
    from pixecom.db.engine import session_scope
    from pixecom.db.models import Ad, AdAccount, AdSet, AdStatsDaily, Campaign, Seller, User
    from pixecom.domain.enums import UserRole

    today = datetime.now(UTC).date()
    with session_scope() as s:
        seller = Seller(name="Client Tests")
        s.add(seller)
        s.flush()
        s.add(
            User(seller_id=seller.id, email=EMAIL, password_hash=hash_password(PASSWORD), role=UserRole.OWNER)
        )
        account = AdAccount(
            seller_id=seller.id,
            meta_account_id="act_1001",
            name="Main account",
            currency="USD",
            timezone_name="UTC",
            access_token_encrypted=b"x",
        )
        s.add(account)
        s.flush()
        ids = {"seller_id": seller.id, "ad_account_id": account.id}
        for n, (name, spend, value) in enumerate(
            (("Summer sale", "12.50", "40.00"), ("Evergreen", "0", "0"))
        ):
            status = "ACTIVE" if n == 0 else "PAUSED"
            c = Campaign(
                **ids,
                meta_id=f"c{n}",
                name=name,
                status=status,
                delivery_status="ACTIVE",
                effective_status=status,
            )
            s.add(c)
            s.flush()
            a_set = AdSet(
                **ids,
                campaign_id=c.id,
                meta_id=f"s{n}",
                name=f"{name} set",
                status=status,
                delivery_status="ACTIVE",
                effective_status=status,
            )
            s.add(a_set)
            s.flush()
            ad = Ad(
                **ids,
                campaign_id=c.id,
                adset_id=a_set.id,
                meta_id=f"a{n}",
                name=f"{name} ad",
                status=status,
                delivery_status="ACTIVE",
                effective_status=status,
            )
            s.add(ad)
            s.flush()
            for back in range(1, 4):
                s.add(
                    AdStatsDaily(
                        **ids,
                        campaign_id=c.id,
                        adset_id=a_set.id,
                        ad_id=ad.id,
                        date=today - timedelta(days=back),
                        spend=Decimal(spend),
                        purchase_value=Decimal(value),
                        impressions=1000 * (1 - n),
                        clicks=30 * (1 - n),
                        link_clicks=20 * (1 - n),
                        content_views=10 * (1 - n),
                        add_to_cart=4 * (1 - n),
                        initiate_checkout=2 * (1 - n),
                        purchases=1 - n,
                        results=1 - n,
                    )
                )


def main() -> int:
    for key, value in _ENV_DEFAULTS.items():
        os.environ.setdefault(key, value)
    state = Path(tempfile.mkdtemp(prefix="pxc-", dir="/tmp"))  # short: the Unix socket lives there
    os.environ.setdefault("PIXECOM_STATE_DIR", str(state))

    import uvicorn

    from local.dev import ensure_database
    from pixecom.db.migrate import upgrade
    from pixecom.settings import get_settings

    get_settings.cache_clear()
    url, embedded = ensure_database(state)
    try:
        upgrade(url)
        _seed()
        from pixecom.api.app import create_app

        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning", lifespan="off")
        )

        def stop(*_: Any) -> None:
            server.should_exit = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        threading.Thread(target=lambda: (sys.stdin.read(), stop()), daemon=True).start()

        def announce() -> None:
            while not server.started and not server.should_exit:
                threading.Event().wait(0.05)
            ready = {
                "url": f"http://127.0.0.1:{port}",
                "email": EMAIL,
                "password": PASSWORD,
                "origin": ORIGIN,
            }
            print(json.dumps(ready), flush=True)

        threading.Thread(target=announce, daemon=True).start()
        server.run()
    finally:
        if embedded is not None:
            from pixecom.db.embedded import stop_embedded_postgres

            stop_embedded_postgres(embedded)
        shutil.rmtree(state, ignore_errors=True)  # the stopped server's data dir: nothing left in /tmp
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
