"""Simulator benchmark (prints figures; not a test).

Generates one account of 2,000 ads x 28 days, serves it on a local port and reads it with plain
httpx the way Meta's async flow goes (POST report, poll, page through the rows), so the figures
are the simulator's own cost, not a client's.

Run:  .venv/bin/python tests/bench/simulator_bench.py [--ads 2000] [--days 28] [--page-size 500]
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, datetime, timedelta

import httpx

from simulator.generator import generate_scenario
from simulator.testing import SimulatorServer

FIELDS = (
    "account_id,campaign_id,adset_id,ad_id,spend,impressions,reach,clicks,inline_link_clicks,"
    "actions,action_values,results"
)

TOKEN = {"access_token": "token-1001"}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ads", type=int, default=2000)
    parser.add_argument("--days", type=int, default=28)
    parser.add_argument("--page-size", type=int, default=500)
    args = parser.parse_args()
    today = datetime.now(UTC).date()
    started = time.perf_counter()
    scenario = generate_scenario(accounts=1, ads=args.ads, days=args.days, seed=42, today=today)
    print(f"generate {args.ads} ads x {args.days} days: {time.perf_counter() - started:.2f} s")
    time_range = json.dumps(
        {"since": (today - timedelta(days=args.days - 1)).isoformat(), "until": today.isoformat()}
    )
    with (
        SimulatorServer(scenario) as sim,
        # No client-level params: httpx would replace the query of the absolute `next` URLs.
        httpx.Client(base_url=f"{sim.base_url}/v25.0", timeout=120) as http,
    ):
        started = time.perf_counter()
        run_id = http.post(
            "/act_1001/insights",
            data={"level": "ad", "time_increment": "1", "time_range": time_range, "fields": FIELDS, **TOKEN},
        ).json()
        while http.get(f"/{run_id['report_run_id']}", params=TOKEN).json()["async_status"] != "Job Completed":
            pass
        url: str | None = f"/{run_id['report_run_id']}/insights"
        params: dict[str, str] | None = {"limit": str(args.page_size), **TOKEN}
        rows, first_page = 0, 0.0
        while url:
            page_started = time.perf_counter()
            body = http.get(url, params=params).json()
            first_page = first_page or time.perf_counter() - page_started
            if "data" not in body:
                raise SystemExit(f"unexpected answer: {body}")
            rows += len(body["data"])
            url, params = body.get("paging", {}).get("next"), None
        seconds = time.perf_counter() - started
        print(
            f"async report read: {sim.calls} calls, {rows} rows, {seconds:.2f} s "
            f"(first page incl. building the report {first_page:.2f} s)"
        )
        started = time.perf_counter()
        ads = 0
        url, params = (
            "/act_1001/ads",
            {"limit": str(args.page_size), "fields": "id,effective_status", **TOKEN},
        )
        while url:
            body = http.get(url, params=params).json()
            ads += len(body["data"])
            url, params = body.get("paging", {}).get("next"), None
        print(f"ads listing: {ads} ads in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
