"""Exact trigger rollups against materialized views (prints figures; not a test).

On the Ads Manager bench's data (20 sellers, one with 5,000 ads x 90 days; ~900,000
ad_stats_daily rows, partitioned by month): what the rollup and snapshot triggers add to a
15-minute sync's write (10,000 rows updated, with and without the triggers), against what a
materialized view of the same campaign-day sums costs to keep: a full REFRESH, and a REFRESH
CONCURRENTLY (what readers could live with), each after the same write. Reads of either are the
same GROUP BY-free index scan, so they are not timed here.

Run:  .venv/bin/python tests/bench/rollup_bench.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import psycopg  # noqa: E402
from ads_manager_bench import _libpq, prepare_database  # noqa: E402

from pixecom.domain.catalogue import SUMMED_COUNTERS  # noqa: E402

SUMS = ", ".join(SUMMED_COUNTERS)
WRITE = (
    "UPDATE ad_stats_daily SET spend = spend + 1, purchases = purchases + 1 "
    "WHERE seller_id = md5('s1')::uuid AND date >= CURRENT_DATE - 1"
)


def _ms(conn: psycopg.Connection, sql: str) -> float:
    started = time.perf_counter()
    conn.execute(sql)  # type: ignore[arg-type]
    return (time.perf_counter() - started) * 1000


def main() -> int:
    url = prepare_database()
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        sums = ", ".join(f"sum({c.strip()}) AS {c.strip()}" for c in SUMS.split(","))
        conn.execute(
            f"CREATE MATERIALIZED VIEW campaign_day AS SELECT campaign_id, date, {sums} "  # type: ignore[arg-type]
            "FROM ad_stats_daily GROUP BY campaign_id, date"
        )
        conn.execute("CREATE UNIQUE INDEX ON campaign_day (campaign_id, date)")
        figures: dict[str, list[float]] = {}
        for _ in range(3):
            for label, disable in (("write with triggers", False), ("write without triggers", True)):
                with conn.transaction(force_rollback=True):
                    if disable:
                        conn.execute("ALTER TABLE ad_stats_daily DISABLE TRIGGER USER")
                    figures.setdefault(label, []).append(_ms(conn, WRITE))
            conn.execute("ALTER TABLE ad_stats_daily DISABLE TRIGGER USER")
            figures.setdefault("write, then REFRESH", []).append(_ms(conn, WRITE))
            figures["write, then REFRESH"][-1] += _ms(conn, "REFRESH MATERIALIZED VIEW campaign_day")
            figures.setdefault("write, then REFRESH CONCURRENTLY", []).append(_ms(conn, WRITE))
            figures["write, then REFRESH CONCURRENTLY"][-1] += _ms(
                conn, "REFRESH MATERIALIZED VIEW CONCURRENTLY campaign_day"
            )
            conn.execute("ALTER TABLE ad_stats_daily ENABLE TRIGGER USER")
        rows = conn.execute("SELECT count(*) FROM ad_stats_daily").fetchone()
    print(f"ad_stats_daily: {rows[0] if rows else '?'} rows; a sync-like write updates 10,000 of them")
    for label, samples in figures.items():
        runs = ", ".join(f"{s:.0f}" for s in samples)
        print(f"{label:>34}: p50 {statistics.median(samples):7.0f} ms  (runs: {runs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
