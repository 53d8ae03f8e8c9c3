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
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pixecom.clock import utc_now

os.environ.setdefault("PIXECOM_ENV", "local")
os.environ.setdefault("PIXECOM_STATE_DIR", tempfile.mkdtemp(prefix="pixecom-bench-"))
os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")
os.environ.setdefault("POWERTOOLS_METRICS_DISABLED", "true")
os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "PixEcomBench")
os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")

import psycopg  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from pixecom.domain.catalogue import META_COUNTERS  # noqa: E402

_COUNTERS = tuple(c.name for c in META_COUNTERS)  # what a Graph row carries, in storage order
COPY_COLUMNS = (
    "ad_id",
    "date",
    "seller_id",
    "ad_account_id",
    "campaign_id",
    "adset_id",
    *_COUNTERS,
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
    command = [
        sys.executable,
        "-m",
        "local.command",
        "simulator",
        "--scenario",
        str(path),
        "--port",
        str(port),
    ]
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


@dataclass
class Bench:
    url: str
    base_url: str
    spec: Any
    ref: Any
    window: Any
    today: date


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ads", type=int, default=2000)
    parser.add_argument("--days", type=int, default=28)
    parser.add_argument("--repeat", type=int, default=3, help="timed repetitions of each write step")
    args = parser.parse_args()

    from simulator.generator import generate_scenario

    url = prepare_database()
    scenario = generate_scenario(accounts=1, ads=args.ads, days=args.days + 2, seed=5)
    scenario.settings.report_polls_to_complete = 1
    with simulator_process(scenario) as base_url:
        bench = connect(url, base_url, scenario.ad_accounts[0], args.days)
        print(f"account {bench.spec.id}: {args.ads:,} ads x {args.days} days")
        measure_worker(bench)
        rows, index = measure_fetch(bench)
    measure_writes(bench, rows, index, args.repeat)
    return 0


def connect(url: str, base_url: str, spec: Any, days: int) -> Bench:
    """A seller with the account connected (no backfill queued) and its entities synced."""
    from pixecom.accounts.connect import connect_account
    from pixecom.db.engine import session_scope
    from pixecom.db.models import Seller
    from pixecom.domain.dates import DateRange
    from pixecom.sync import recording

    with session_scope() as s:
        seller = Seller(name="Bench")
        s.add(seller)
        s.flush()
        seller_id = seller.id
    account = connect_account(
        seller_id, spec.id, spec.access_token, backfill_days=1, graph=bench_graph(base_url), now=utc_now()
    )
    ref = recording.AccountRef(
        account.id, seller_id, account.meta_account_id, account.timezone_name, account.currency
    )
    today = datetime.now(UTC).astimezone(ZoneInfo(spec.timezone_name)).date()
    return Bench(url, base_url, spec, ref, DateRange(today - timedelta(days=days - 1), today), today)


def bench_graph(base_url: str) -> Any:
    """Graph clients on the simulator whose retries do not really wait."""
    from pixecom.meta.client import GraphClient

    return lambda token: GraphClient(token, base_url=base_url, sleep=lambda _s: None)


def measure_worker(bench: Bench) -> None:
    """Delivery, then the 28-day stats window and a regular 2-day run, through the worker path."""
    from pixecom.domain.enums import SyncKind
    from pixecom.sync.delivery import sync_account_delivery
    from pixecom.sync.stats import sync_account_stats
    from pixecom.sync_message import SyncMessage, new_run_id

    account_id = bench.ref.id
    graph = bench_graph(bench.base_url)
    seconds, report = timed(
        lambda: sync_account_delivery(
            SyncMessage(account_id=account_id, kind=SyncKind.DELIVERY, run_id=new_run_id("bench")),
            graph=graph,
        )
    )
    print(f"delivery sync (campaigns, ad sets, ads): {seconds:.2f} s, {report.graph_calls} Graph calls")
    for label, since, full in (
        ("28-day window, end to end (worker path)", bench.window.since, True),
        ("regular run (yesterday + today, rows there)", bench.today - timedelta(days=1), False),
    ):
        message = SyncMessage(
            account_id=account_id,
            kind=SyncKind.STATS,
            run_id=new_run_id("bench"),
            since=since,
            until=bench.today,
            full_window=full,
        )
        seconds, report = timed(lambda m=message: sync_account_stats(m, graph=graph))
        print(
            f"stats sync, {label}: {report.rows_written:,} rows changed in {seconds:.2f} s, "
            f"{report.graph_calls} Graph calls, outcome {report.outcome}"
        )


def measure_fetch(bench: Bench) -> tuple[list[Any], Any]:
    """The Graph read alone, cold (the simulator synthesises each ad-day once) and warm."""
    from pixecom.db.engine import session_scope
    from pixecom.meta.client import GraphClient
    from pixecom.sync.stats import load_ad_index

    with session_scope() as s:
        index = load_ad_index(s, bench.ref.id)
    with GraphClient(bench.spec.access_token, base_url=bench.base_url, sleep=lambda _s: None) as client:

        def fetch() -> list[Any]:
            return client.get_daily_insights(
                bench.spec.id,
                bench.window.since,
                bench.window.until,
                index.result_actions,
                estimated_ads=len(index.ads),
            )

        cold_s, _ = timed(fetch)
        calls_before = client.calls
        fetch_s, rows = timed(fetch)
        calls = client.calls - calls_before
    print(
        f"Graph fetch alone (simulator warm): {len(rows):,} rows in {fetch_s:.2f} s over {calls} calls "
        f"({len(rows) / fetch_s:,.0f} rows/s); the first, cold read took {cold_s:.2f} s"
    )
    return rows, index


def measure_writes(bench: Bench, rows: list[Any], index: Any, repeat: int) -> None:
    """replace_daily_stats alone (insert, no-op, update), next to a raw COPY of the same rows."""
    from pixecom.db.engine import session_scope
    from pixecom.sync.stats import replace_daily_stats

    def sql(statement: str) -> Callable[[], None]:
        def run() -> None:
            with psycopg.connect(_libpq(bench.url), autocommit=True) as conn:
                conn.execute(statement)  # type: ignore[arg-type]

        return run

    def write(before: Callable[[], None] | None = None) -> float:
        if before:
            before()
        with session_scope() as s:
            return timed(lambda: replace_daily_stats(s, bench.ref, bench.window, rows, index.ads))[0]

    truncate = sql("TRUNCATE ad_stats_daily")
    results = {
        "write into an empty window (insert)": [write(truncate) for _ in range(repeat)],
        "re-sync, nothing changed (no-op)": [write() for _ in range(repeat)],
        "re-sync, every row changed (update)": [
            write(sql("UPDATE ad_stats_daily SET impressions = impressions + 1")) for _ in range(repeat)
        ],
        "raw COPY of the same rows (floor)": [
            copy_floor(bench.url, bench.ref, rows, index.ads, truncate) for _ in range(repeat)
        ],
    }
    print(f"\nwrite step, {len(rows):,} rows, median of {repeat}:")
    for label, samples in results.items():
        median = statistics.median(samples)
        print(f"  {label:<40} {median * 1000:8.0f} ms  {len(rows) / median:>10,.0f} rows/s")


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
            *(getattr(r, name) for name in _COUNTERS),
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


if __name__ == "__main__":
    sys.exit(main())
