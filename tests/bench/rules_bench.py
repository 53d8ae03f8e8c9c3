"""Rules and alerts benchmark: what evaluation adds after a stats sync (prints figures; not a test).

The seller and data of the Ads Manager bench (tests/bench/ads_manager_bench.py: 5,000 ads x 90
days for the big seller), 20 rules of every level, window and action on its account, then, each
with its ratio to the floor measured in the same run:

- floor: ONE plain Ads Manager read of the account, the whole ads list for date_preset=today
  (the statement run raw, no paging): the unit the first designs were made of;
- the reads of the first design (one Ads Manager statement per distinct rule scope/status, plus
  the alerts' own), of the second (one whole list per level and window, shared: 12 here), and
  of this one (one sums read per level and window with only the rows some reader acts on,
  planned before the first read: `pixecom.automation.worker.evaluation_needs`);
- the first evaluation after a sync (`run_automation`: alerts, then the 20 rules, sharing their
  reads, as the AutomationWorker runs it; it acts: pause jobs are created, the queue send is a
  no-op);
- later evaluations (new sync runs: cooldowns hold, nothing new to act on), and the alerts and
  the rules each alone (their own reads).

Run:  .venv/bin/python tests/bench/rules_bench.py [--iterations 10] [--seeded-url URL]
Uses DATABASE_URL's server if set, else an embedded PostgreSQL (pgserver). With --seeded-url (a
database the Ads Manager bench or this one seeded) the run works on a fresh copy of it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ads_manager_bench import _md5, pct, prepare_database, timed  # noqa: E402

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
    from pixecom.domain.metrics import MONEY_METRICS
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
                    "conditions": [
                        {
                            "metric": m,
                            "op": o,
                            "value": {"amount": v, "currency": "USD"} if m in MONEY_METRICS else v,
                        }
                        for m, o, v in conditions
                    ],
                    "min_spend": {"amount": min_spend, "currency": "USD"},
                    "action": {"type": action, "percent": percent},
                }
            )
            create_rule(session, seller_id, spec)
    return len(RULES)


def fresh_copy(seeded_url: str) -> str:
    """A new database made from `seeded_url` (CREATE DATABASE ... TEMPLATE): runs never see each
    other's rules, runs or jobs."""
    import psycopg
    from ads_manager_bench import _libpq
    from sqlalchemy.engine import make_url

    from pixecom.db.migrate import upgrade

    name = f"pixecom_rules_bench_{uuid.uuid4().hex[:8]}"
    template = make_url(seeded_url).database
    with psycopg.connect(_libpq(seeded_url, "postgres"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    url = make_url(seeded_url).set(database=name).render_as_string(hide_password=False)
    upgrade(url)  # migrations landed since it was seeded
    return url


def _list(session: Any, account: Any, level: Any, window: Any, filters: Any, now: datetime) -> None:
    """One Ads Manager list statement (every row, metrics formatted by Postgres)."""
    from pixecom.adsmanager.params import ListQuery
    from pixecom.adsmanager.query import list_entities
    from pixecom.rules.windows import LIST_LEVEL, account_window, window_dates

    dates = window_dates(window, account_window(window, now, account.timezone_name))
    query = ListQuery(level=LIST_LEVEL[level], dates=dates, filters=filters, limit=None)
    list_entities(session, account.seller_id, query, now)


def first_design_reads(session: Any, account: Any, now: datetime) -> int:
    """The Ads Manager statements the first design ran for one evaluation: one per distinct
    (level, window, filters) of the rules, and the alerts' own (ads and ad sets today ACTIVE,
    the account's campaigns today and over the previous 7 days for its spend)."""
    from pixecom.adsmanager.params import Filters
    from pixecom.db.automation_models import Rule
    from pixecom.domain.automation import RuleWindow
    from pixecom.domain.enums import CampaignStatus, EntityLevel
    from pixecom.rules.plan import rule_filters, spec_of

    keys = set()
    for rule in session.query(Rule).filter(Rule.seller_id == account.seller_id):
        spec = spec_of(rule)
        keys.add((spec.level, spec.window, rule_filters(spec, account)))
    active = Filters(ad_account_ids=(account.id,), statuses=(CampaignStatus.ACTIVE,))
    whole = Filters(ad_account_ids=(account.id,))
    keys |= {
        (EntityLevel.AD, RuleWindow.TODAY, active),
        (EntityLevel.ADSET, RuleWindow.TODAY, active),
        (EntityLevel.CAMPAIGN, RuleWindow.TODAY, whole),
        (EntityLevel.CAMPAIGN, RuleWindow.LAST_7D, whole),
    }
    for level, window, filters in keys:
        _list(session, account, level, window, filters, now)
    return len(keys)


def whole_list_reads(session: Any, account: Any, now: datetime) -> int:
    """The second design: one whole Ads Manager list (every status and row, formatted metrics)
    per (level, window) the rules and alerts read, shared."""
    from pixecom.adsmanager.params import Filters
    from pixecom.domain.automation import RuleWindow
    from pixecom.domain.enums import EntityLevel

    keys = {(EntityLevel(r[0]), RuleWindow(r[1])) for r in RULES}
    keys |= {(EntityLevel(level), RuleWindow(window)) for level, window in ALERT_READS}
    for level, window in keys:
        _list(session, account, level, window, Filters(ad_account_ids=(account.id,)), now)
    return len(keys)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--seeded-url", help="a database the Ads Manager bench (or this one) seeded")
    args = parser.parse_args()
    import os

    url = fresh_copy(args.seeded_url) if args.seeded_url else prepare_database()
    os.environ["DATABASE_URL"] = url
    print(f"database: {url.rsplit('/', 1)[-1].split('?')[0]}")

    from pixecom.adsmanager.params import Level, RawListParams, parse_list_query
    from pixecom.adsmanager.query import list_statement
    from pixecom.adsmanager.ranges import plan_ranges
    from pixecom.adsmanager.statement import run
    from pixecom.alerts.evaluate import evaluate_account_alerts
    from pixecom.automation.worker import evaluation_needs, run_automation
    from pixecom.automation_message import AutomationMessage
    from pixecom.db.engine import get_engine, session_scope
    from pixecom.db.models import AdAccount
    from pixecom.db.rollups import refresh_preset_stats
    from pixecom.rates.store import book_around
    from pixecom.rules.evaluate import evaluate_rules
    from pixecom.rules.windows import Candidates
    from pixecom.runtime import end_of_init
    from pixecom.settings import get_settings

    get_settings.cache_clear()
    seller_id = uuid.UUID(bytes=bytes.fromhex(_md5("s1")))
    account_id = uuid.UUID(bytes=bytes.fromhex(_md5("a1")))
    now = datetime.now(UTC)
    with session_scope() as session:
        refresh_preset_stats(session, account_id, now)  # what the stats sync leaves behind
    print(f"{create_rules(seller_id)} rules on a 5,000-ad account")
    end_of_init()  # as the AutomationWorker's module does once its imports are done

    page = parse_list_query(Level.ADS, RawListParams(date_preset="today", ad_account_id=[str(account_id)]))
    whole = replace(page, limit=None)  # the whole list, as an evaluation reads it
    with get_engine().connect() as conn:
        floor, page_floor = (
            timed(partial(run, conn, statement), args.iterations)
            for statement in (list_statement(q, plan_ranges(q.dates, now), seller_id) for q in (whole, page))
        )

    def after_a_sync(key: str) -> None:
        """The AutomationWorker's evaluation: alerts, then the rules, on planned shared reads
        (then the seller's due webhooks: none here)."""
        message = AutomationMessage(account_id=account_id, evaluation_key=key)
        run_automation(message, clock=lambda: now, send_control=lambda _job: None)

    def alerts_alone() -> None:
        with session_scope() as session:
            evaluate_account_alerts(session, account_id, now)

    def reads_alone(design: str) -> int:
        with session_scope() as session:
            account = session.get_one(AdAccount, account_id)
            if design == "first":
                return first_design_reads(session, account, now)
            if design == "whole":
                return whole_list_reads(session, account, now)
            reads = Candidates(needs=evaluation_needs(session, account, now, book_around(session, now)))
            for level, window in reads.needs:
                reads.read(session, account, level, window, now, reads.needs[(level, window)])
            return len(reads.reads)

    def rules_alone(key: str) -> None:
        evaluate_rules(account_id, key, now, send_control=lambda _job: None)

    n_first, n_whole, n_now = reads_alone("first"), reads_alone("whole"), reads_alone("now")
    started = time.perf_counter()
    after_a_sync("bench:first")
    first_ms = (time.perf_counter() - started) * 1000
    keys = iter(range(10**6))
    rows: list[tuple[str, list[float]]] = [
        ("one page of that list (50 rows: the previous bench's floor)", page_floor),
        (
            f"first design's reads ({n_first} list statements: per rule scope)",
            timed(partial(reads_alone, "first"), args.iterations),
        ),
        (
            f"second design's reads ({n_whole} whole lists, shared)",
            timed(partial(reads_alone, "whole"), args.iterations),
        ),
        (
            f"reads now ({n_now} sums reads: rows the readers need)",
            timed(partial(reads_alone, "now"), args.iterations),
        ),
        ("after a sync, first: alerts + 20 rules (acts)", [first_ms]),
        (
            "after a sync, later: alerts + 20 rules (cooldowns hold)",
            timed(lambda: after_a_sync(f"bench:{next(keys)}"), args.iterations),
        ),
        (
            "20 rules alone (their own reads)",
            timed(lambda: rules_alone(f"bench:{next(keys)}"), args.iterations),
        ),
        ("alerts alone (their own reads)", timed(alerts_alone, args.iterations)),
    ]
    base = statistics.median(floor)
    print("floor = ONE Ads Manager read: the account's whole ads list, date_preset=today, raw SQL")
    print(f"{'what':<62}{'p50 ms':>8}{'p95 ms':>8}{'x floor':>9}")
    print(f"{'floor':<62}{pct(floor, 0.5):8.1f}{pct(floor, 0.95):8.1f}{1:9.2f}")
    for label, samples in rows:
        p50 = statistics.median(samples)
        print(f"{label:<62}{p50:8.1f}{pct(samples, 0.95):8.1f}{p50 / base:9.2f}")
    later = statistics.median(rows[5][1])
    print(
        f"after a sync (alerts + 20 rules, p50): {later:.0f} ms = {later / base:.1f} x floor"
        f" = {later / statistics.median(page_floor):.0f} x one page"
    )
    # CPU of this process (Python; Postgres works in its own): what a busy shared machine moves
    # least, beside the wall-clock figures above.
    cpu = []
    for _ in range(args.iterations):
        started = time.process_time()
        after_a_sync(f"bench:{next(keys)}")
        cpu.append((time.process_time() - started) * 1000)
    load = os.getloadavg()[0]
    print(
        f"after a sync, CPU in this process (p50): {statistics.median(cpu):.0f} ms; load average {load:.1f}"
    )
    print("target: under 1,000 ms for 20 rules (rules + the alerts evaluated after a sync)")
    return 0


# The (level, window) reads the alerts make besides the rules' (roas_low reads campaigns over
# last_3d only once the seller sets a ROAS floor; the bench seller has none).
ALERT_READS = {("ad", "today"), ("adset", "today"), ("campaign", "today"), ("campaign", "last_7d")}


if __name__ == "__main__":
    sys.exit(main())
