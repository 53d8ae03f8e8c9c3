"""Stats sync benchmark (prints figures; not a test).

One ad account of 2,000 ads x 28 days served by the Graph API simulator over HTTP (in its own
process), synced into a fresh database through the real worker path (`sync_account_stats`: Graph
insights, one transaction that upserts and deletes, the sync_runs row), then the write step alone
in three situations, next to a raw `COPY` of the very same rows into ad_stats_daily (the floor:
no conflict handling, no deletes, no comparisons).

Run:  .venv/bin/python tests/bench/sync_bench.py [--ads 2000] [--days 28] [--repeat 3]
Uses DATABASE_URL's server if set, else an embedded PostgreSQL (pgserver). Report runs in the
simulator complete at their first poll and the client's waits are not slept, so "seconds" is our
cost plus the simulator's, not Meta's report queue.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("PIXECOM_ENV", "local")
os.environ.setdefault("PIXECOM_STATE_DIR", tempfile.mkdtemp(prefix="pixecom-bench-"))
os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")
os.environ.setdefault("POWERTOOLS_METRICS_DISABLED", "true")
os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "PixEcomBench")
os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")

import psycopg  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

COPY_COLUMNS = (
    "ad_id",
    "date",
    "seller_id",
    "ad_account_id",
    "campaign_id",
    "adset_id",
    "spend",
    "impressions",
    "reach",
    "clicks",
    "link_clicks",
    "content_views",
    "add_to_cart",
    "initiate_checkout",
    "purchases",
    "purchase_value",
    "results",
)


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def prepare_database() -> str:
    """A fresh migrated database on DATABASE_URL's server or an embedded one; DATABASE_URL points at it."""
    from pixecom.db.engine import reset_engine, sqlalchemy_url
    from pixecom.db.migrate import upgrade
    from pixecom.settings import get_settings

    if os.environ.get("DATABASE_URL"):
        server = sqlalchemy_url(os.environ["DATABASE_URL"])
    else:
        from pixecom.db.embedded import start_embedded_postgres

        _server, server = start_embedded_postgres(Path("/tmp") / f"pixecom-syncbench-{os.getpid()}")
    name = f"pixecom_syncbench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_libpq(server), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()
    reset_engine()
    return url


@contextmanager
def simulator_process(scenario: object) -> Iterator[str]:
    """`pixecom simulator --scenario` in its own process (so it does not share our GIL); its URL."""
    workdir = Path(tempfile.mkdtemp(prefix="pixecom-syncbench-sim-"))
    path = workdir / "scenario.json"
    path.write_text(scenario.to_json(indent=None))  # type: ignore[attr-defined]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "pixecom.cli", "simulator", "--scenario", str(path), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        else:
            raise RuntimeError("the simulator did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ads", type=int, default=2000)
    parser.add_argument("--days", type=int, default=28)
    parser.add_argument("--repeat", type=int, default=3, help="timed repetitions of each write step")
    args = parser.parse_args()

    from pixecom.db.engine import session_scope
    from pixecom.db.models import Seller
    from pixecom.domain.dates import DateRange
    from pixecom.domain.enums import SyncKind
    from pixecom.meta.client import GraphClient
    from pixecom.meta.simulator.generator import generate_scenario
    from pixecom.sync import runs
    from pixecom.sync.accounts import connect_account
    from pixecom.sync.delivery import sync_account_delivery
    from pixecom.sync.messages import SyncMessage, new_run_id
    from pixecom.sync.stats import load_ad_index, replace_daily_stats, sync_account_stats

    url = prepare_database()
    scenario = generate_scenario(accounts=1, ads=args.ads, days=args.days + 2, seed=5)
    scenario.settings.report_polls_to_complete = 1
    spec = scenario.ad_accounts[0]
    with simulator_process(scenario) as base_url:
        runs.graph_factory = lambda token: GraphClient(token, base_url=base_url, sleep=lambda _s: None)
        with session_scope() as s:
            seller = Seller(name="Bench")
            s.add(seller)
            s.flush()
            seller_id = seller.id
        account = connect_account(seller_id, spec.id, spec.access_token, backfill_days=1)
        ref = runs.AccountRef(account.id, seller_id, account.meta_account_id, account.timezone_name)
        delivery_s, delivery = timed(
            lambda: sync_account_delivery(
                SyncMessage(account_id=account.id, kind=SyncKind.DELIVERY, run_id=new_run_id("bench"))
            )
        )

        today = datetime.now(UTC).astimezone(ZoneInfo(spec.timezone_name)).date()
        window = DateRange(today - timedelta(days=args.days - 1), today)
        message = SyncMessage(
            account_id=account.id,
            kind=SyncKind.STATS,
            run_id=new_run_id("bench"),
            since=window.since,
            until=window.until,
            full_window=True,
        )
        with GraphClient(spec.access_token, base_url=base_url, sleep=lambda _s: None) as client:
            with session_scope() as s:
                index = load_ad_index(s, account.id)

            def fetch() -> object:
                return client.get_daily_insights(
                    spec.id, window.since, window.until, index.result_actions, estimated_ads=len(index.ads)
                )

            cold_s, _ = timed(fetch)  # the simulator synthesises each ad-day on first read
            calls_before = client.calls
            fetch_s, rows = timed(fetch)
            fetch_calls = client.calls - calls_before
        sync_s, report = timed(lambda: sync_account_stats(message))
        print_sync(args, spec.id, (delivery_s, delivery), sync_s, report)
        regular = message.model_copy(
            update={"since": today - timedelta(days=1), "full_window": False, "run_id": new_run_id("bench")}
        )
        regular_s, regular_report = timed(lambda: sync_account_stats(regular))
        print(
            f"regular 15-minute run (yesterday + today, rows already there): {regular_s:.2f} s, "
            f"{getattr(regular_report, 'graph_calls', '?')} Graph calls, "
            f"{getattr(regular_report, 'rows_written', '?')} rows changed"
        )
    assert isinstance(rows, list)
    print(
        f"Graph fetch alone (simulator warm): {len(rows):,} rows in {fetch_s:.2f} s over {fetch_calls} calls "
        f"({len(rows) / fetch_s:,.0f} rows/s); first, cold read {cold_s:.2f} s"
    )

    def write(mutate: Callable[[], None] | None = None) -> tuple[float, object]:
        if mutate:
            mutate()
        with session_scope() as s:
            return timed(lambda: replace_daily_stats(s, ref, window, rows, index.ads))

    def truncate() -> None:
        with psycopg.connect(_libpq(url), autocommit=True) as conn:
            conn.execute("TRUNCATE ad_stats_daily")

    def scramble() -> None:  # every row differs from what the sync will write
        with psycopg.connect(_libpq(url), autocommit=True) as conn:
            conn.execute("UPDATE ad_stats_daily SET impressions = impressions + 1")

    results = {
        "write into an empty window (insert)": [write(truncate)[0] for _ in range(args.repeat)],
        "re-sync, nothing changed (no-op)": [write()[0] for _ in range(args.repeat)],
        "re-sync, every row changed (update)": [write(scramble)[0] for _ in range(args.repeat)],
        "raw COPY of the same rows (floor)": [
            copy_floor(url, ref, rows, index.ads, truncate) for _ in range(args.repeat)
        ],
    }
    print(f"\nwrite step, {len(rows):,} rows, median of {args.repeat}:")
    for label, samples in results.items():
        median = statistics.median(samples)
        print(f"  {label:<40} {median * 1000:8.0f} ms  {len(rows) / median:>10,.0f} rows/s")
    return 0


def copy_floor(url: str, ref: object, rows: list, ads: dict, truncate: Callable[[], None]) -> float:
    """COPY the same rows (ids resolved the same way) into an emptied ad_stats_daily; seconds."""
    truncate()
    records = [
        (
            ads[r.ad_id].ad_id,
            r.date,
            ref.seller_id,
            ref.id,
            ads[r.ad_id].campaign_id,  # type: ignore[attr-defined]
            ads[r.ad_id].adset_id,
            r.spend,
            r.impressions,
            r.reach,
            r.clicks,
            r.link_clicks,
            r.content_views,
            r.add_to_cart,
            r.initiate_checkout,
            r.purchases,
            r.purchase_value,
            r.results,
        )
        for r in rows
        if r.ad_id in ads
    ]
    with psycopg.connect(_libpq(url)) as conn:
        started = time.perf_counter()
        with (
            conn.cursor() as cur,
            cur.copy(f"COPY ad_stats_daily ({', '.join(COPY_COLUMNS)}) FROM STDIN") as copy,
        ):
            for record in records:
                copy.write_row(record)
        conn.commit()
        return time.perf_counter() - started


def print_sync(
    args: argparse.Namespace, account: str, delivery: tuple[float, object], sync_s: float, report: object
) -> None:
    rows = getattr(report, "rows_written", 0)
    print(f"account {account}: {args.ads:,} ads x {args.days} days")
    print(
        f"delivery sync (campaigns, ad sets, ads): {delivery[0]:.2f} s, "
        f"{getattr(delivery[1], 'graph_calls', '?')} Graph calls"
    )
    print(
        f"stats sync end to end (worker path): {rows:,} rows written in {sync_s:.2f} s = "
        f"{rows / sync_s:,.0f} rows/s; Graph calls {getattr(report, 'graph_calls', '?')}; "
        f"outcome {getattr(report, 'outcome', '?')}"
    )


if __name__ == "__main__":
    sys.exit(main())
