"""Reach benchmark (prints figures; not a test): the extra Graph calls a stats run makes for reach.

One ad account of 5,000 ads x 90 days served by the Graph API simulator over HTTP. The floor is
what a stats run already calls for its daily ad rows (yesterday and today, `get_daily_insights`);
then the reach reads of `pixecom.sync.reach` are made exactly as a run makes them:

- a usual run: each day of the window at the account, campaign and ad set levels, and the one
  preset range holding today (this month) at the four levels;
- a run where every preset range is due (the first of the local day, then every
  SETTLED_REFRESH): the five preset ranges at the four levels;

and the average over a day of 15-minute runs. Report runs complete at the simulator's third
poll (as configured by default) and the client's waits are not slept, so "seconds" is our cost
plus the simulator's, not Meta's report queue.

Run:  .venv/bin/python tests/bench/reach_bench.py [--ads 5000] [--days 90]
"""

from __future__ import annotations

import argparse
import time
from datetime import UTC, datetime, timedelta

from pixecom.domain.dates import local_today, stats_window
from pixecom.meta.client import GraphClient
from pixecom.sync.reach import SETTLED_REFRESH, planned_reads, preset_ranges, ranges_due, read_all
from pixecom.sync.recording import AccountRef
from simulator.generator import generate_scenario
from simulator.testing import SimulatorServer

RUNS_PER_DAY = 24 * 4
INF = float("inf")  # every read counted (a real run stops at TIME_BUDGET_SECONDS, the rest next run)


def _calls(client: GraphClient, work: object) -> tuple[int, float]:
    before, started = client.calls, time.perf_counter()
    if callable(work):
        work()
    return client.calls - before, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ads", type=int, default=5000)
    parser.add_argument("--days", type=int, default=90)
    args = parser.parse_args()
    now = datetime.now(UTC)
    scenario = generate_scenario(accounts=1, ads=args.ads, days=args.days, today=now.date())
    spec = scenario.ad_accounts[0]
    today = local_today(now, spec.timezone_name)
    window = stats_window(today, False)
    account = AccountRef(
        id=None,
        seller_id=None,
        meta_account_id=spec.id,  # type: ignore[arg-type]
        timezone_name=spec.timezone_name,
        currency=spec.currency,
    )
    with (
        SimulatorServer(scenario) as sim,
        GraphClient(spec.access_token, base_url=sim.base_url, sleep=lambda _s: None) as client,
    ):
        floor, floor_s = _calls(
            client,
            lambda: client.get_daily_insights(spec.id, window.since, window.until, estimated_ads=args.ads),
        )
        fresh = {(r.since, r.until): now for r in preset_ranges(today)}
        usual_ranges = ranges_due(today, fresh, now)
        all_ranges = ranges_due(today, {}, now)
        usual, usual_s = _calls(
            client,
            lambda: read_all(client, account, planned_reads(window, usual_ranges), args.ads, time_budget=INF),
        )
        full, full_s = _calls(
            client,
            lambda: read_all(client, account, planned_reads(window, all_ranges), args.ads, time_budget=INF),
        )
    full_runs = int(timedelta(days=1) / SETTLED_REFRESH)
    average = (full * full_runs + usual * (RUNS_PER_DAY - full_runs)) / RUNS_PER_DAY
    print(f"account: {args.ads} ads x {args.days} days; window {window.since}..{window.until}")
    print(f"stats run's own daily ad reads (floor): {floor} Graph calls, {floor_s:.1f}s")
    print(
        f"reach, usual run ({len(usual_ranges)} range due): {usual} extra calls "
        f"({usual / floor:.2f}x the floor), {usual_s:.1f}s"
    )
    print(
        f"reach, every range due ({len(all_ranges)} ranges): {full} extra calls "
        f"({full / floor:.2f}x the floor), {full_s:.1f}s"
    )
    print(
        f"reach, average over a day of 15-minute runs ({full_runs} with every range due): "
        f"{average:.1f} extra calls per run ({average / floor:.2f}x the floor)"
    )


if __name__ == "__main__":
    main()
