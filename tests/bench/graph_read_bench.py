"""Graph read benchmark (prints figures; not a test).

Generates one ad account of 2,000 ads x 28 days with the simulator's seeded generator, serves it
from a separate process (so the simulator's work does not share a GIL with the client), and reads
it with GraphClient as the stats sync would: ad sets (for the result actions), ads, then ad-level
daily insights for the 28 days (an async report run at this size). Prints Graph calls, rows and
seconds per step (wall clock, and the CPU time of the client process alone: the simulator runs
in another process, so on a busy machine the CPU figure is the steadier measure of the client).

Run:  .venv/bin/python tests/bench/graph_read_bench.py [--ads 2000] [--days 28] [--page-size 500]
      [--real-sleep]   (by default report polls are recorded, not waited: the simulator completes
                        a run after a number of polls, so waiting would only add idle seconds)
"""

from __future__ import annotations

import argparse
import multiprocessing
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from multiprocessing.synchronize import Event
from typing import Any, TypeVar

import httpx

from pixecom.meta import insights as insights_module
from pixecom.meta.client import GraphClient
from pixecom.meta.normalize import insight_row_from_graph, result_action_type
from simulator.generator import generate_scenario
from simulator.testing import SimulatorServer

T = TypeVar("T")


class Sleeper:
    """The client's sleep: records requested waits; waits for real only when asked to."""

    def __init__(self, real: bool) -> None:
        self.real = real
        self.total = 0.0

    def __call__(self, seconds: float) -> None:
        self.total += seconds
        if self.real:
            time.sleep(seconds)


def serve(ads: int, days: int, seed: int, today: date, ready: Any, stop: Event) -> None:
    """Child process: generate the scenario and serve it until told to stop."""
    scenario = generate_scenario(accounts=1, ads_per_account=ads, days=days, seed=seed, today=today)
    with SimulatorServer(scenario) as server:
        account = scenario.ad_accounts[0]
        ready.put((server.base_url, account.id, account.access_token, account.currency))
        stop.wait()


def timed(label: str, client: GraphClient, action: Callable[[], T], count: Callable[[T], int]) -> T:
    calls_before = client.calls
    started, cpu_started = time.perf_counter(), time.process_time()
    result = action()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(
        f"{label:<34} {client.calls - calls_before:>5} calls {count(result):>7} rows {seconds:>7.2f} s"
        f"  (client CPU {cpu:.2f} s)"
    )
    return result


def measure(client: GraphClient, account_id: str, since: date, until: date) -> None:
    """The insights read, with the client's own share (JSON decoding excluded) timed apart."""
    started = time.perf_counter()
    raws = insights_module.read_daily_insights(
        client, account_id, since, until, policy=client.insights_policy, estimated_ads=None
    )
    fetched = time.perf_counter() - started
    started = time.perf_counter()
    rows = [insight_row_from_graph(raw, None) for raw in raws]
    normalised = time.perf_counter() - started
    print(
        f"  of which: fetching pages {fetched:.2f} s, normalising {len(rows)} rows {normalised:.2f} s "
        f"({normalised / max(1, len(rows)) * 1e6:.0f} us/row)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ads", type=int, default=2000)
    parser.add_argument("--days", type=int, default=28)
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--real-sleep", action="store_true")
    args = parser.parse_args()

    today = datetime.now(UTC).date()
    ready: Any = multiprocessing.Queue()
    stop = multiprocessing.Event()
    child = multiprocessing.Process(target=serve, args=(args.ads, args.days, args.seed, today, ready, stop))
    child.start()
    try:
        base_url, account_id, token, currency = ready.get(timeout=60)
        print(
            f"simulator: 1 account ({account_id}, {currency}), {args.ads} ads x {args.days} days, "
            f"separate process; client page size {args.page_size}"
        )
        run(args, base_url, account_id, token, today)
    finally:
        stop.set()
        child.join(timeout=10)


def run(args: argparse.Namespace, base_url: str, account_id: str, token: str, today: date) -> None:
    sleeper = Sleeper(args.real_sleep)
    since = today - timedelta(days=args.days - 1)
    with GraphClient(token, base_url=base_url, page_size=args.page_size, sleep=sleeper) as client:
        total_started = time.perf_counter()
        adsets = timed("ad sets", client, lambda: client.get_adsets(account_id), len)
        timed("ads", client, lambda: client.get_ads(account_id), len)
        result_actions = {
            a.id: kind for a in adsets if (kind := result_action_type(a.optimization_goal, a.promoted_object))
        }
        rows = timed(
            f"insights {since}..{today}",
            client,
            lambda: client.get_daily_insights(account_id, since, today, result_actions),
            len,
        )
        total = time.perf_counter() - total_started
        print(
            f"{'total':<34} {client.calls:>5} calls {len(rows):>7} rows {total:>7.2f} s "
            f"(+ {sleeper.total:.0f} s of report polling waits {'waited' if args.real_sleep else 'skipped'})"
        )
        reading = client.usage(account_id)
        print(
            f"usage after the read: {reading.max_pct if reading else 0:.1f} %; "
            f"client throttled until: {client.throttled_until(account_id)}"
        )
        status = httpx.get(f"{base_url}/__control/status").json()
        print(
            f"report runs: {len(status['report_runs'])}; simulator calls by path: "
            f"{dict(sorted(status['calls_by_path'].items(), key=lambda kv: -kv[1])[:4])}"
        )
    with GraphClient(token, base_url=base_url, page_size=args.page_size, sleep=sleeper) as client:
        print("second read, split:")
        measure(client, account_id, since, today)


if __name__ == "__main__":
    main()
