"""Creatives and video benchmark (prints figures; not a test).

One ad account of 5,000 ads served by the Graph API simulator over HTTP (its own process), synced
into a fresh database through the real worker path. What creatives and video add to each sync,
against floors measured in the same run: the same syncs asking Meta for what they asked before
(ads without the creative expansion, insights without the video fields). Then the creative level
and the fatigue read against the ads list of the same account.

Run:  .venv/bin/python tests/bench/creatives_bench.py [--ads 5000] [--days 10] [--repeat 3]
Per 15-minute run: one stats run (today and yesterday) and three delivery runs (every 5 minutes).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import psycopg  # noqa: E402
from sync_bench import _libpq, connect, prepare_database, simulator_process  # noqa: E402

OLD_AD_FIELDS = (
    "id,name,status,configured_status,effective_status,updated_time,adset_id,campaign_id,issues_info,"
    "creative{link_url,object_story_spec,asset_feed_spec}"
)
OLD_INSIGHT_FIELDS = (
    "account_id,campaign_id,adset_id,ad_id,date_start,date_stop,spend,impressions,reach,clicks,"
    "inline_link_clicks,actions,action_values,results"
)


class ByteCounter:
    """Bytes of Graph answers received (httpx response hook)."""

    def __init__(self) -> None:
        self.total = 0

    def hook(self, response: Any) -> None:
        response.read()
        self.total += len(response.content)


def graph_counting(base_url: str, counter: ByteCounter) -> Any:
    from pixecom.meta.client import GraphClient

    def make(token: str) -> Any:
        client = GraphClient(token, base_url=base_url, sleep=lambda _s: None)
        client._http.event_hooks["response"].append(counter.hook)  # noqa: SLF001 - a bench's probe
        return client

    return make


def median_run(repeat: int, run: Callable[[], tuple[float, Any]]) -> tuple[float, Any]:
    samples = [run() for _ in range(repeat)]
    return statistics.median(s for s, _ in samples), samples[-1][1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ads", type=int, default=5000)
    parser.add_argument("--days", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import pixecom.meta.client as client_module
    import pixecom.meta.insights as insights_module
    from pixecom.domain.enums import SyncKind
    from pixecom.sync.delivery import sync_account_delivery
    from pixecom.sync.stats import sync_account_stats
    from pixecom.sync_message import SyncMessage, new_run_id
    from simulator.generator import generate_scenario

    url = prepare_database()
    scenario = generate_scenario(accounts=1, ads=args.ads, days=args.days + 2, seed=5)
    scenario.settings.report_polls_to_complete = 1
    spec = scenario.ad_accounts[0]
    print(f"account {spec.id}: {args.ads:,} ads, {len(spec.creatives):,} creatives x {args.days} days")
    with simulator_process(scenario) as base_url:
        bench = connect(url, base_url, spec, args.days)
        account_id = bench.ref.id
        counter = ByteCounter()
        graph = graph_counting(base_url, counter)

        def rewritten(since: datetime) -> int:
            """Entity and creative rows a delivery run actually rewrote (their synced_at moved)."""
            from pixecom.adsmanager.statement import Param, ident, q, run

            with psycopg.connect(_libpq(url), autocommit=True) as conn:
                counts = [
                    run(conn, q("SELECT count(*) AS n FROM {} WHERE synced_at >= {}", ident(t), Param(since)))
                    for t in ("campaigns", "adsets", "ads", "creatives")
                ]
            return sum(int(c[0]["n"]) for c in counts)

        def delivery() -> tuple[float, Any]:
            counter.total = 0
            wall = datetime.now(UTC)
            started = time.perf_counter()
            report = sync_account_delivery(
                SyncMessage(account_id=account_id, kind=SyncKind.DELIVERY, run_id=new_run_id("b")),
                graph=graph,
            )
            seconds = time.perf_counter() - started
            return seconds, (report.graph_calls, report.rows_written, counter.total, rewritten(wall))

        def stats(since_days: int) -> Callable[[], tuple[float, Any]]:
            def run() -> tuple[float, Any]:
                counter.total = 0
                message = SyncMessage(
                    account_id=account_id,
                    kind=SyncKind.STATS,
                    run_id=new_run_id("b"),
                    since=bench.today - timedelta(days=since_days),
                    until=bench.today,
                )
                started = time.perf_counter()
                report = sync_account_stats(message, graph=graph)
                seconds = time.perf_counter() - started
                return seconds, (report.graph_calls, report.rows_written, counter.total, report.rows_written)

            return run

        new_fields = (client_module.AD_FIELDS, insights_module.INSIGHT_FIELDS)
        # Floors first (the creatives table empty: the first run with creatives writes them all).
        client_module.AD_FIELDS, insights_module.INSIGHT_FIELDS = OLD_AD_FIELDS, OLD_INSIGHT_FIELDS
        stats(args.days - 1)()  # the history, once (both sides then re-sync unchanged rows)
        floor_delivery = median_run(args.repeat, delivery)
        floor_stats = median_run(args.repeat, stats(1))
        client_module.AD_FIELDS, insights_module.INSIGHT_FIELDS = new_fields
        first_seconds, first = delivery()
        stats(args.days - 1)()  # the video counters of the history (what a restatement does)
        with_delivery = median_run(args.repeat, delivery)
        with_stats = median_run(args.repeat, stats(1))

    print(
        f"\nper run (median of {args.repeat}): Graph calls, rows upserted (rewritten), bytes received, "
        "seconds, ratio to floor"
    )
    rows = (
        ("delivery, before (floor)", floor_delivery),
        ("delivery, with creatives", with_delivery),
        ("stats 2 days, before (floor)", floor_stats),
        ("stats 2 days, with video", with_stats),
    )
    for label, (seconds, (calls, written, received, changed)) in rows:
        floor = floor_delivery[0] if label.startswith("delivery") else floor_stats[0]
        print(
            f"  {label:<32} {calls:>4} calls {written:>7,} rows ({changed:,}) {received / 1e6:>8.2f} MB "
            f"{seconds:>7.2f} s  x{seconds / floor:.2f}"
        )
    print(
        f"  first delivery with creatives (writes every creative): {first[0]} calls, {first[1]:,} rows, "
        f"{first_seconds:.2f} s"
    )
    extra_calls = (with_delivery[1][0] - floor_delivery[1][0]) * 3 + (with_stats[1][0] - floor_stats[1][0])
    extra_rows = (with_delivery[1][1] - floor_delivery[1][1]) * 3 + (with_stats[1][1] - floor_stats[1][1])
    extra_changed = (with_delivery[1][3] - floor_delivery[1][3]) * 3 + (with_stats[1][3] - floor_stats[1][3])
    print(
        f"extra per 15-minute run (3 deliveries + 1 stats): {extra_calls} Graph calls, {extra_rows:,} rows "
        f"upserted, {extra_changed:,} rewritten"
    )
    measure_reads(bench, args.repeat)
    return 0


def measure_reads(bench: Any, repeat: int) -> None:
    """The creative level and the fatigue read, against the ads list of the same account."""
    import psycopg
    from sync_bench import _libpq

    from pixecom.adsmanager.creatives import CreativeQuery, list_groups
    from pixecom.adsmanager.fatigue import ads_fatigue
    from pixecom.adsmanager.params import Level, RawListParams, parse_list_query
    from pixecom.adsmanager.query import list_entities
    from pixecom.adsmanager.statement import q, run
    from pixecom.domain.creatives import VersionKind
    from pixecom.domain.fatigue import FatigueThresholds

    now = datetime.now(UTC)
    query = parse_list_query(Level.ADS, RawListParams(date_preset="last_7d", limit="50"))
    with psycopg.connect(_libpq(bench.url), autocommit=True) as conn:
        ad_ids = [r["id"] for r in run(conn, q("SELECT id FROM ads"))]

        def timed(fn: Callable[[], object]) -> float:
            samples = []
            for _ in range(repeat):
                started = time.perf_counter()
                fn()
                samples.append(time.perf_counter() - started)
            return statistics.median(samples)

        seller = bench.ref.seller_id
        floor = timed(lambda: list_entities(conn, seller, query, now))
        print(f"\nreads, median of {repeat}, against the ads list (50 rows, last_7d) {floor * 1000:.0f} ms:")
        for kind in VersionKind:
            grouped = CreativeQuery(kind, query)
            seconds = timed(lambda grouped=grouped: list_groups(conn, seller, grouped, now))  # type: ignore[misc]
            print(f"  creatives group_by={kind.value:<10} {seconds * 1000:7.0f} ms  x{seconds / floor:.2f}")
        measure_pages(conn, seller, query, now, floor, timed)
        seconds = timed(lambda: ads_fatigue(conn, seller, ad_ids, FatigueThresholds(), now))
        print(
            f"  fatigue of all {len(ad_ids):,} ads (the alert)  {seconds * 1000:7.0f} ms  "
            f"x{seconds / floor:.2f}"
        )


def measure_pages(conn: Any, seller: Any, query: Any, now: datetime, floor: float, timed: Any) -> None:
    """The creative level's pages (group_by=media, 50 groups a page, by spend): the first page,
    and a middle and the last one, each reached through the cursor of the page before it."""
    import dataclasses

    from pixecom.adsmanager.creatives import CreativeQuery, list_groups
    from pixecom.domain.creatives import VersionKind

    def at(cursor: Any) -> CreativeQuery:
        return CreativeQuery(VersionKind.MEDIA, dataclasses.replace(query, cursor=cursor))

    cursors, page = [None], list_groups(conn, seller, at(None), now)
    while page.next_cursor is not None:
        cursors.append(page.next_cursor)
        page = list_groups(conn, seller, at(page.next_cursor), now)
    groups = (len(cursors) - 1) * query.limit + len(page.rows)
    print(f"  creatives pages (media, -spend, {query.limit} a page; {groups:,} groups in {len(cursors)}):")
    for number in dict.fromkeys((1, len(cursors) // 2 + 1, len(cursors))):
        paged = at(cursors[number - 1])
        seconds = timed(lambda paged=paged: list_groups(conn, seller, paged, now))
        print(f"    page {number:<22} {seconds * 1000:7.0f} ms  x{seconds / floor:.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
