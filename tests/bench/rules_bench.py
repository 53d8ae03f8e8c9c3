"""Rules and alerts benchmark: what evaluation adds after a stats sync (prints figures; not a test).

The seller and data of the Ads Manager bench (tests/bench/ads_manager_bench.py: 5,000 ads x 90
days for the big seller), 20 rules of every level, window and action on its account, then:

- floor: the Ads Manager's ads statement for the account (date_preset=today), run raw;
- the first evaluation of the 20 rules (it acts: pause jobs are created, the queue send is a no-op);
- later evaluations (new sync runs: cooldowns hold, nothing new to act on);
- the alert evaluation of the same account.

Run:  .venv/bin/python tests/bench/rules_bench.py [--iterations 15] [--seeded-url URL]
Uses DATABASE_URL's server if set, else an embedded PostgreSQL (pgserver).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ads_manager_bench import _md5, _run, pct, prepare_database, timed  # noqa: E402

# (level, window, conditions, min_spend, action, percent, scope)
RULES: list[tuple[str, str, list[tuple[str, str, str]], str, str, str | None, dict[str, Any]]] = [
    ("ad", "today", [("spend", "gt", "20"), ("purchases", "eq", "0")], "10", "pause", None, {}),
    ("ad", "today", [("cost_per_purchase", "gt", "50")], "20", "pause", None, {}),
    ("ad", "yesterday", [("ctr", "lt", "0.5")], "5", "pause", None, {}),
    ("ad", "last_3d", [("roas", "lt", "0.5")], "30", "pause", None, {}),
    ("ad", "last_7d", [("cost_per_purchase", "gt", "80")], "50", "pause", None, {}),
    ("ad", "today", [("spend", "gt", "10")], "10", "pause", None, {"name_contains": "Ad c1-1-1-"}),
    ("ad", "last_3d", [("cpm", "gt", "30")], "10", "pause", None, {}),
    ("ad", "yesterday", [("roas", "gt", "5")], "10", "activate", None, {}),
    ("ad", "last_7d", [("cr", "lt", "0.1")], "10", "pause", None, {}),
    ("ad", "today", [("purchases", "eq", "0"), ("spend", "gt", "40")], "10", "pause", None, {"campaigns": 5}),
    ("adset", "last_3d", [("roas", "gt", "100")], "50", "change_budget", "20", {}),
    ("adset", "last_7d", [("roas", "gt", "100")], "50", "change_budget", "15", {}),
    ("adset", "today", [("cost_per_purchase", "gt", "200")], "50", "pause", None, {}),
    ("adset", "yesterday", [("roas", "lt", "0.2")], "50", "pause", None, {}),
    ("adset", "last_7d", [("roas", "gt", "50")], "20", "activate", None, {}),
    ("adset", "today", [("cpc", "gt", "5")], "20", "pause", None, {"name_contains": "Ad set 1"}),
    ("campaign", "last_7d", [("roas", "lt", "0.1")], "100", "pause", None, {}),
    ("campaign", "last_3d", [("roas", "gt", "100")], "100", "change_budget", "-10", {}),
    ("campaign", "today", [("spend", "gt", "10000")], "100", "pause", None, {}),
    ("campaign", "yesterday", [("cost_per_purchase", "gt", "500")], "100", "pause", None, {}),
]


def create_rules(seller_id: uuid.UUID) -> int:
    from sqlalchemy import text

    from pixecom.db.engine import session_scope
    from pixecom.rules.service import create_rule
    from pixecom.rules.spec import RuleSpec

    with session_scope() as session:
        campaign_ids = [
            str(i)
            for i in session.execute(
                text("SELECT id FROM campaigns WHERE seller_id = :s ORDER BY meta_id LIMIT 5"),
                {"s": seller_id},
            ).scalars()
        ]
        for n, (level, window, conditions, min_spend, action, percent, scope) in enumerate(RULES):
            scope_json: dict[str, Any] = (
                {"name_contains": scope["name_contains"]} if "name_contains" in scope else {}
            )
            if "campaigns" in scope:
                scope_json["campaign_ids"] = campaign_ids
            spec = RuleSpec.model_validate(
                {
                    "name": f"Rule {n}",
                    "level": level,
                    "window": window,
                    "scope": scope_json,
                    "conditions": [{"metric": m, "op": o, "value": v} for m, o, v in conditions],
                    "min_spend": Decimal(min_spend),
                    "action": {"type": action, "percent": percent},
                }
            )
            create_rule(session, seller_id, spec)
    return len(RULES)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=15)
    parser.add_argument("--seeded-url", help="reuse a database the Ads Manager bench seeded before")
    args = parser.parse_args()
    import os

    url = args.seeded_url or prepare_database()
    os.environ["DATABASE_URL"] = url

    from sqlalchemy import text

    from pixecom.adsmanager.params import Level, RawListParams, parse_list_query
    from pixecom.adsmanager.query import build_list_sql
    from pixecom.adsmanager.ranges import plan_ranges
    from pixecom.alerts.evaluate import evaluate_account_alerts
    from pixecom.db.engine import get_engine, session_scope
    from pixecom.db.rollups import refresh_preset_stats
    from pixecom.rules.evaluate import evaluate_rules
    from pixecom.settings import get_settings

    get_settings.cache_clear()
    seller_id = uuid.UUID(bytes=bytes.fromhex(_md5("s1")))
    account_id = uuid.UUID(bytes=bytes.fromhex(_md5("a1")))
    now = datetime.now(UTC)
    with session_scope() as session:
        refresh_preset_stats(session, account_id, now)  # what the stats sync leaves behind
    print(f"{create_rules(seller_id)} rules on a 5,000-ad account")

    query = parse_list_query(Level.ADS, RawListParams(date_preset="today", ad_account_id=[str(account_id)]))
    sql, params = build_list_sql(query, plan_ranges(query.dates, now), seller_id)
    with get_engine().connect() as conn:
        floor = timed(partial(_run, conn, text(sql), params), args.iterations)

    sent: list[uuid.UUID] = []
    started = time.perf_counter()
    first = evaluate_rules(account_id, "bench:first", now, send_control=sent.append)
    first_ms = (time.perf_counter() - started) * 1000
    keys = iter(range(10**6))
    later = timed(
        lambda: evaluate_rules(account_id, f"bench:{next(keys)}", now, send_control=sent.append),
        args.iterations,
    )

    def alerts() -> None:
        with session_scope() as session:
            evaluate_account_alerts(session, account_id, now)

    alert_ms = timed(alerts, args.iterations)
    base = statistics.median(floor)
    print("floor = the Ads Manager ads statement for this account (date_preset=today), raw")
    print(f"{'what':<58}{'p50 ms':>8}{'p95 ms':>8}{'x floor':>9}")
    print(f"{'floor':<58}{pct(floor, 0.5):8.1f}{pct(floor, 0.95):8.1f}{1:9.2f}")
    label = f"first evaluation, 20 rules ({first.runs} acted on {first.entities} entities)"
    print(f"{label:<58}{first_ms:8.1f}{first_ms:8.1f}{first_ms / base:9.2f}")
    label = "later evaluations, 20 rules (cooldowns hold)"
    print(f"{label:<58}{pct(later, 0.5):8.1f}{pct(later, 0.95):8.1f}{statistics.median(later) / base:9.2f}")
    print(
        f"{'alert evaluation':<58}{pct(alert_ms, 0.5):8.1f}{pct(alert_ms, 0.95):8.1f}"
        f"{statistics.median(alert_ms) / base:9.2f}"
    )
    total = statistics.median(later) + statistics.median(alert_ms)
    print(f"after a sync (alerts + 20 rules, p50): {total:.0f} ms (target: rules under 1,000 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
