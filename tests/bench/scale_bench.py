"""Scale benchmark (prints figures; not a test): one delivery and one stats cycle for many ad
accounts of long-tailed sizes through the real dispatch -> queue (moto SQS) -> worker handlers,
against the Graph API simulator over HTTP (in its own process) and a real PostgreSQL.

Accounts: `--accounts` (default 150) with ad counts from a Pareto tail (most have tens of ads, a
few hundreds, the largest `--largest` ads, default 2,000). Each message is handed to its worker
handler alone, so every figure belongs to one account: Graph calls and rows written (its
`sync_runs` row), worker wall time, database time (the statements' time at the driver),
connections held (the pool's peak), and the share of Meta's hourly per-account budget the
schedule would use (stats every 15 minutes: ads_insights 600 + 400 x active ads per hour;
delivery every 5 minutes: ads_management 300 + 40 x active ads). docs/scale.md extrapolates
from these figures.

Run:  .venv/bin/python tests/bench/scale_bench.py [--accounts 150] [--largest 2000] [--seed 7]
      [--per-account]   (print every account's row, not only the size buckets)
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from sync_bench import bench_graph, prepare_database, simulator_process  # noqa: E402

from pixecom.clock import utc_now  # noqa: E402

STATS_PER_HOUR, DELIVERY_PER_HOUR = 4, 12


def long_tail_sizes(accounts: int, largest: int, seed: int) -> list[int]:
    """Ad counts: Pareto(1.1) x 8 ads, capped at `largest`; the first account is the largest."""
    rng = random.Random(seed)  # noqa: S311 (a benchmark's data)
    sizes = [max(3, min(largest, int(8 * rng.paretovariate(1.1)))) for _ in range(accounts)]
    sizes[0] = largest
    return sizes


@dataclass
class DbTimer:
    """Time spent in the driver's execute calls, and the pool's peak of connections checked out."""

    seconds: float = 0.0
    statements: int = 0
    held: int = 0
    peak: int = 0
    _started: list[float] = field(default_factory=list)

    def install(self, engine: Any) -> None:
        from sqlalchemy import event

        @event.listens_for(engine, "before_cursor_execute")
        def _before(*_args: Any) -> None:
            self._started.append(time.perf_counter())

        @event.listens_for(engine, "after_cursor_execute")
        def _after(*_args: Any) -> None:
            self.seconds += time.perf_counter() - self._started.pop()
            self.statements += 1

        @event.listens_for(engine.pool, "checkout")
        def _checkout(*_args: Any) -> None:
            self.held += 1
            self.peak = max(self.peak, self.held)

        @event.listens_for(engine.pool, "checkin")
        def _checkin(*_args: Any) -> None:
            self.held -= 1

    @contextmanager
    def measure(self) -> Iterator[dict[str, float]]:
        out: dict[str, float] = {}
        seconds, statements, self.peak = self.seconds, self.statements, self.held
        started = time.perf_counter()
        yield out
        out.update(
            wall=time.perf_counter() - started,
            db=self.seconds - seconds,
            statements=self.statements - statements,
            connections=self.peak,
        )


@dataclass
class AccountFigures:
    meta_id: str
    ads: int
    active_ads: int
    kind: str
    graph_calls: int
    rows: int
    wall: float
    db: float
    statements: int
    connections: int

    def budget_pct(self) -> float:
        """Share of Meta's hourly per-account quota this kind of sync uses on its schedule."""
        if self.kind == "stats":
            return 100 * self.graph_calls * STATS_PER_HOUR / (600 + 400 * self.active_ads)
        return 100 * self.graph_calls * DELIVERY_PER_HOUR / (300 + 40 * self.active_ads)


def connect_all(spec_accounts: list[Any], base_url: str) -> dict[str, Any]:
    """One seller per ten accounts; every account connected (no backfill); their ids by Meta id."""
    from pixecom.accounts.connect import connect_account
    from pixecom.db.engine import session_scope
    from pixecom.db.models import Seller

    accounts: dict[str, Any] = {}
    seller_id = None
    for n, spec in enumerate(spec_accounts):
        if n % 10 == 0:
            with session_scope() as s:
                seller = Seller(name=f"Scale seller {n // 10}")
                s.add(seller)
                s.flush()
                seller_id = seller.id
        assert seller_id is not None
        accounts[spec.id] = connect_account(
            seller_id, spec.id, spec.access_token, backfill_days=1, graph=bench_graph(base_url), now=utc_now()
        )
    return accounts


def forget_queued_windows() -> None:
    """Connecting queued each account's first stats run (purged here): let dispatch queue it."""
    from sqlalchemy import text

    from pixecom.db.engine import session_scope

    with session_scope() as s:
        s.execute(text("UPDATE ad_accounts SET full_window_queued_at = NULL"))
        s.execute(text("DELETE FROM stats_leases"))


def purge(queue_env: str) -> None:
    from pixecom.queue import sqs_client

    sqs_client().purge_queue(QueueUrl=os.environ[queue_env])


def run_cycle(kind: str, timer: DbTimer, now: datetime) -> tuple[list[tuple[str, dict[str, float]]], float]:
    """The dispatch handler, then each message alone through the worker handler."""
    from local.runner import QUEUE_ENV, invoke, scheduled_event, sqs_event
    from pixecom.queue import sqs_client

    started = time.perf_counter()
    with redirect_stdout(io.StringIO()):
        invoke(f"{kind}_dispatch", scheduled_event(now, f"{kind}-dispatch"))
    dispatch_seconds = time.perf_counter() - started
    client, url = sqs_client(), os.environ[QUEUE_ENV[kind]]
    arn = client.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    measured: list[tuple[str, dict[str, float]]] = []
    while True:
        received = client.receive_message(QueueUrl=url, MaxNumberOfMessages=1, AttributeNames=["All"]).get(
            "Messages", []
        )
        if not received:
            return measured, dispatch_seconds
        with timer.measure() as figures, redirect_stdout(io.StringIO()):  # the handlers' metric lines
            invoke(f"{kind}_worker", sqs_event(received, arn))
        client.delete_message(QueueUrl=url, ReceiptHandle=received[0]["ReceiptHandle"])
        measured.append((received[0]["Body"], figures))


def collect(
    kind: str, measured: list[tuple[str, dict[str, float]]], by_id: dict[Any, Any]
) -> list[AccountFigures]:
    import json

    from sqlalchemy import text

    from pixecom.db.engine import session_scope

    with session_scope() as s:
        runs = {
            str(r[0]): (int(r[1]), int(r[2]) + int(r[3]))
            for r in s.execute(
                text(
                    "SELECT DISTINCT ON (ad_account_id) ad_account_id, graph_calls, rows_written, "
                    "rows_deleted "
                    "FROM sync_runs WHERE kind = :kind ORDER BY ad_account_id, started_at DESC"
                ),
                {"kind": kind},
            )
        }
        sizes = {
            str(r[0]): (int(r[1]), int(r[2]))
            for r in s.execute(
                text(
                    "SELECT ad_account_id, count(*), count(*) FILTER (WHERE effective_status = 'ACTIVE') "
                    "FROM ads GROUP BY ad_account_id"
                )
            )
        }
    figures = []
    for body, f in measured:
        account_id = json.loads(body)["account_id"]
        calls, rows = runs.get(account_id, (0, 0))
        ads, active = sizes.get(account_id, (0, 0))
        figures.append(
            AccountFigures(
                by_id[account_id],
                ads,
                active,
                kind,
                calls,
                rows,
                f["wall"],
                f["db"],
                int(f["statements"]),
                int(f["connections"]),
            )
        )
    return figures


BUCKETS = ((0, 20), (20, 100), (100, 500), (500, 10**9))


def report(kind: str, figures: list[AccountFigures], dispatch_seconds: float, per_account: bool) -> None:
    if not figures:
        print(f"\n== {kind} cycle: nothing dispatched")
        return
    print(f"\n== {kind} cycle: {len(figures)} accounts, dispatch {dispatch_seconds * 1000:.0f} ms")
    if per_account:
        print(
            f"{'account':>16} {'ads':>6} {'calls':>5} {'rows':>6} {'worker ms':>9} {'db ms':>7} "
            f"{'conns':>5} {'budget %':>8}"
        )
        for a in sorted(figures, key=lambda a: -a.ads):
            print(
                f"{a.meta_id:>16} {a.ads:>6} {a.graph_calls:>5} {a.rows:>6} {a.wall * 1000:>9.0f} "
                f"{a.db * 1000:>7.0f} {a.connections:>5} {a.budget_pct():>8.2f}"
            )
    print(
        f"{'ads per account':>16} {'accounts':>8} {'calls':>6} {'rows':>7} {'worker ms p50/max':>18} "
        f"{'db ms p50':>9} {'db share':>8} {'budget % max':>12}"
    )
    for low, high in BUCKETS:
        group = [a for a in figures if low <= a.ads < high]
        if not group:
            continue
        label = f"{low}-{high - 1}" if high < 10**9 else f"{low}+"
        walls = [a.wall * 1000 for a in group]
        print(
            f"{label:>16} {len(group):>8} {statistics.mean(a.graph_calls for a in group):>6.1f} "
            f"{statistics.mean(a.rows for a in group):>7.0f} "
            f"{statistics.median(walls):>9.0f}/{max(walls):<8.0f} "
            f"{statistics.median(a.db * 1000 for a in group):>9.0f} "
            f"{sum(a.db for a in group) / sum(a.wall for a in group):>8.0%} "
            f"{max(a.budget_pct() for a in group):>12.2f}"
        )
    total_wall = sum(a.wall for a in figures)
    print(
        f"run: {sum(a.graph_calls for a in figures)} Graph calls, "
        f"{sum(a.rows for a in figures)} rows written, "
        f"worker time {total_wall:.1f} s (mean {total_wall / len(figures) * 1000:.0f} ms/account), "
        f"db time {sum(a.db for a in figures):.1f} s, {sum(a.statements for a in figures)} statements, "
        f"peak connections per worker {max(a.connections for a in figures)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--accounts", type=int, default=150)
    parser.add_argument("--largest", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-account", action="store_true")
    args = parser.parse_args()

    from local.runner import LocalQueues
    from pixecom.db.engine import get_engine
    from pixecom.settings import get_settings
    from simulator.generator import generate_scenario

    sizes = long_tail_sizes(args.accounts, args.largest, args.seed)
    prepare_database()
    scenario = generate_scenario(days=3, seed=args.seed, ad_counts=sizes)
    scenario.settings.report_polls_to_complete = 1
    print(
        f"{len(sizes)} accounts, {sum(sizes):,} ads (median {statistics.median(sizes):.0f}, "
        f"largest {max(sizes)}, {sum(s >= 500 for s in sizes)} with 500+)"
    )
    with simulator_process(scenario) as base_url, LocalQueues():
        os.environ.update(GRAPH_BASE_URL=base_url, GRAPH_BACKOFF_BASE_SECONDS="0.002")
        get_settings.cache_clear()
        started = time.perf_counter()
        accounts = connect_all(scenario.ad_accounts, base_url)
        print(f"connected in {time.perf_counter() - started:.1f} s")
        for env in ("STATS_QUEUE_URL", "DELIVERY_QUEUE_URL"):
            purge(env)
        forget_queued_windows()
        by_id = {str(a.id): a.meta_account_id for a in accounts.values()}
        timer = DbTimer()
        timer.install(get_engine())
        now = utc_now()
        # Delivery; the day's first stats run (the 28-day restatement); then a regular one (2 days).
        for n, (kind, label) in enumerate(
            (("delivery", "delivery"), ("stats", "stats, 28-day window"), ("stats", "stats, 2-day window"))
        ):
            measured, dispatch_seconds = run_cycle(kind, timer, now + timedelta(seconds=n + 1))
            report(label, collect(kind, measured, by_id), dispatch_seconds, args.per_account)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
