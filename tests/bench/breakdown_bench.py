"""Breakdown benchmark for the 5,000-ad account (prints figures and ratios; not a test).

Seeds the Ads Manager bench's database (`ads_manager_bench.prepare_database`: one seller with
5,000 ads x 90 days, 19 with 250 ads), serves the same 5,000 ads from the Graph API simulator
(a delivery profile per ad) and the API with uvicorn, then, over real HTTP:

- first answer: GET /api/ads-manager/campaigns?date_preset=last_30d&breakdown=age,gender with no
  report cached (the 202 and its queued report), against the floor of the same list without a
  breakdown in the same run;
- the report: every ControlWorker step run back to back against the simulator (start, polls,
  the pages of rows), its Graph calls and its wall time (Meta's own compute time comes on top);
- cached: the same request once the report is stored (200 with every row's breakdown rows),
  p50 against the floor;
- storage: the report's rows and bytes (table and indexes), and what 5,000 ads x 90 days costs.

The simulator runs in its own process: the worker's figures are its own work (the simulator's
time to build and render the report is Meta's side, shown apart by the worker's step times).

Run:  .venv/bin/python tests/bench/breakdown_bench.py [--iterations 30] [--breakdown age,gender]
      [--seeded-url URL]
"""

from __future__ import annotations

import argparse
import http.client
import os
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from ads_manager_bench import HttpServer, _md5, pct, prepare_database, timed  # noqa: E402

from pixecom.clock import utc_now  # noqa: E402


def _scenario(ad_rows: list[tuple[str, str, str]]) -> Any:
    """The big account's campaigns, ad sets and ads (Meta ids as seeded) with a delivery profile
    per ad, as the simulator's generator makes them."""
    from simulator.scenario import (
        AdAccountSpec,
        AdSetSpec,
        AdSpec,
        CampaignSpec,
        DeliveryProfile,
        Scenario,
        SimulatorSettings,
    )

    campaigns: dict[str, dict[str, list[AdSpec]]] = {}
    for i, (campaign, adset, ad) in enumerate(ad_rows):
        profile = DeliveryProfile(
            start=date.today() - timedelta(days=120),
            seed=i,
            daily_spend=Decimal("40.00"),
            cpm=Decimal("12.00"),
            ctr=0.015,
            link_ratio=0.7,
            view_content_rate=0.7,
            add_to_cart_rate=0.12,
            initiate_checkout_rate=0.5,
            purchase_rate=0.45,
            aov=Decimal("42.00"),
        )
        campaigns.setdefault(campaign, {}).setdefault(adset, []).append(
            AdSpec(id=ad, name=ad, profile=profile)
        )
    account = AdAccountSpec(
        id="act_1",
        name="Account 1",
        currency="USD",
        timezone_name="America/New_York",
        access_token="bench-token",
        campaigns=[
            CampaignSpec(
                id=c,
                name=c,
                adsets=[
                    AdSetSpec(
                        id=s,
                        name=s,
                        optimization_goal="OFFSITE_CONVERSIONS",
                        promoted_object={"pixel_id": "1", "custom_event_type": "PURCHASE"},
                        ads=ads,
                    )
                    for s, ads in adsets.items()
                ],
            )
            for c, adsets in campaigns.items()
        ],
    )
    return Scenario(ad_accounts=[account], settings=SimulatorSettings(report_polls_to_complete=2))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=30)
    parser.add_argument("--breakdown", default="age,gender")
    parser.add_argument("--seeded-url", help="reuse a database ads_manager_bench seeded before")
    args = parser.parse_args()
    url = args.seeded_url or prepare_database()
    os.environ["DATABASE_URL"] = url

    import psycopg
    from sqlalchemy import text

    from pixecom.api.app import create_app
    from pixecom.auth.tokens import issue_access_token
    from pixecom.breakdowns.worker import advance_job
    from pixecom.crypto import encrypt_token
    from pixecom.db.engine import session_scope
    from pixecom.meta.client import GraphClient
    from pixecom.settings import get_settings

    get_settings.cache_clear()
    seller_id = uuid.UUID(bytes=bytes.fromhex(_md5("s1")))
    account_id = uuid.UUID(bytes=bytes.fromhex(_md5("a1")))
    user_id = uuid.UUID(bytes=bytes.fromhex(_md5("u1")))
    with session_scope() as session:
        ad_rows = [
            (c, s, a)
            for c, s, a in session.execute(
                text(
                    "SELECT c.meta_id, s.meta_id, a.meta_id FROM ads a JOIN adsets s ON s.id = a.adset_id "
                    "JOIN campaigns c ON c.id = a.campaign_id WHERE a.ad_account_id = :a ORDER BY a.meta_id"
                ),
                {"a": account_id},
            ).all()
        ]
        session.execute(
            text(
                "UPDATE ad_accounts SET access_token_encrypted = :t, last_stats_success_at = :now "
                "WHERE id = :a"
            ),
            {"t": encrypt_token("bench-token"), "a": account_id, "now": utc_now()},
        )
    sim = SimulatorProcess(_scenario(ad_rows))
    print(f"simulator (its own process, as Meta is): {len(ad_rows)} ads of act_1 with delivery profiles")
    headers = {"Authorization": f"Bearer {issue_access_token(user_id, seller_id, now=utc_now())}"}
    server = HttpServer(create_app()).start()
    client = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    plain = "/api/ads-manager/campaigns?date_preset=last_30d"
    broken = f"{plain}&breakdown={args.breakdown}"

    def get(path: str, status: int) -> bytes:
        client.request("GET", path, headers=headers)
        response = client.getresponse()
        body = response.read()
        assert response.status == status, (response.status, body[:300])
        return body

    def forget_reports() -> None:
        with psycopg.connect(_libpq(url), autocommit=True) as conn:
            conn.execute("DELETE FROM breakdown_jobs")

    floor = pct(timed(partial(get, plain, 200), args.iterations), 0.5)
    print(f"{'floor: GET ' + plain:<80}{floor:8.1f} ms")

    def first_answer() -> None:
        forget_reports()
        get(broken, 202)

    first = pct(timed(first_answer, args.iterations), 0.5)
    print(
        f"{'first answer (202, report queued): GET ' + broken:<80}{first:8.1f} ms  "
        f"({first / floor:.2f}x floor)"
    )

    forget_reports()
    get(broken, 202)
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        job_id = conn.execute("SELECT id FROM breakdown_jobs").fetchone()[0]  # type: ignore[index]

    def graph(token: str) -> GraphClient:
        return GraphClient(token, base_url=sim.base_url, sleep=lambda _s: None, max_retries=2, timeout=300)

    started, steps, status, step_seconds = time.perf_counter(), 0, None, []
    while status not in ("done", "failed") and steps < 50:
        step = time.perf_counter()
        status = advance_job(
            job_id, clock=lambda: datetime.now(UTC), graph=graph, send=lambda *_a, **_k: None
        )
        step_seconds.append(time.perf_counter() - step)
        steps += 1
    report_seconds = time.perf_counter() - started
    print("worker steps (s): " + ", ".join(f"{x:.1f}" for x in step_seconds))
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        rows, calls = conn.execute("SELECT row_count, graph_calls FROM breakdown_jobs").fetchone()  # type: ignore[misc]
        conn.execute("VACUUM ANALYZE breakdown_stats")
        table, total = conn.execute(
            "SELECT pg_relation_size('breakdown_stats'), pg_total_relation_size('breakdown_stats')"
        ).fetchone()  # type: ignore[misc]
    print(
        f"report ({status}): {steps} worker steps, {calls} Graph calls, {rows} rows, {report_seconds:.1f} s "
        "of our work back to back (Meta's compute time and the poll delays come on top)"
    )
    client.close()  # idle through the report: a fresh keep-alive connection
    client = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    floor = pct(timed(partial(get, plain, 200), args.iterations), 0.5)
    print(f"{'floor again: GET ' + plain:<80}{floor:8.1f} ms")
    cached = pct(timed(partial(get, broken, 200), args.iterations), 0.5)
    print(
        f"{'cached (200 with breakdown rows): GET ' + broken:<80}{cached:8.1f} ms  "
        f"({cached / floor:.2f}x floor)"
    )
    per_row = total / max(rows, 1)
    print(
        f"storage: {rows} rows, table {table / 1e6:.1f} MB, with indexes {total / 1e6:.1f} MB "
        f"({per_row:.0f} bytes/row); one cached report of 5,000 ads covers any range, 90 days included"
    )
    per_ad = rows / max(len(ad_rows), 1)
    print(
        f"a daily-synced design instead: 5,000 ads x 90 days x {per_ad:.1f} buckets/ad "
        f"= {5000 * 90 * per_ad / 1e6:.1f} M rows, ~{5000 * 90 * per_ad * per_row / 1e9:.1f} GB"
    )
    client.close()
    server.stop()
    sim.stop()
    return 0


class SimulatorProcess:
    """`pixecom simulator --scenario` in its own process (its CPU is Meta's, not the worker's)."""

    def __init__(self, scenario: Any) -> None:
        import socket
        import subprocess
        import tempfile

        self._file = Path(tempfile.mkdtemp(prefix="pixecom-bd-bench-")) / "scenario.json"
        self._file.write_text(scenario.to_json(), encoding="utf-8")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"
        pixecom = Path(sys.executable).parent / "pixecom"
        self._process = subprocess.Popen(
            [str(pixecom), "simulator", "--scenario", str(self._file), "--port", str(port)],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.2)
        raise RuntimeError("the simulator did not start")

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=10)


def _libpq(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


if __name__ == "__main__":
    sys.exit(main())
