"""An evaluation reads the Ads Manager once per level and window of the account, and every rule
still keeps exactly the rows its own scope and status select (the filters applied in Python)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from automation_helpers import day, ids_by_name, rows, usd
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from pixecom.adsmanager.list_rows import EntityRow
from pixecom.adsmanager.params import DateSpec, Filters, ListQuery
from pixecom.adsmanager.query import list_entities
from pixecom.adsmanager.sums import by_spend
from pixecom.automation.worker import run_automation
from pixecom.automation_message import AutomationMessage
from pixecom.db.engine import get_engine, session_scope
from pixecom.db.models import AdAccount
from pixecom.domain.automation import RuleWindow
from pixecom.domain.enums import CampaignStatus, DeliveryStatus, EntityLevel
from pixecom.domain.metrics import METRIC_NAMES
from pixecom.rules.evaluate import evaluate_rules
from pixecom.rules.windows import LIST_LEVEL, Candidates, Need, account_window, window_dates
from pixecom.sellpages.service import create_sellpage

ADS_MANAGER_STATEMENT = "WITH acct AS MATERIALIZED"  # how the list and sums statements begin
LEVEL_TABLES = ("FROM ads e", "FROM adsets e", "FROM campaigns e")


@contextmanager
def ads_manager_reads() -> Iterator[list[str]]:
    """The Ads Manager statements executed inside the block (each one's level table)."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().startswith(ADS_MANAGER_STATEMENT):
            seen.append(
                next(t for t in ("FROM ads e", "FROM adsets e", "FROM campaigns e") if t in statement)
            )

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _rule(
    name: str, *, action: str = "pause", level: str = "ad", window: str = "today", **extra: Any
) -> dict:
    return {
        "name": name,
        "level": level,
        "window": window,
        "conditions": [{"metric": "spend", "op": "gt", "value": usd("0")}],
        "min_spend": usd("0"),
        "action": {"type": action},
        **extra,
    }


def _create(api: Any, headers: dict[str, str], body: dict[str, Any]) -> str:
    response = api.post("/api/rules", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _acted_on(rule_id: str) -> set[str]:
    runs = rows("SELECT entities FROM rule_runs WHERE rule_id = :r", r=rule_id)
    return {e["name"] for run in runs for e in run.entities}


def _evaluate_rules(synced: Any, graph: Any, now: Any) -> Any:
    return evaluate_rules(synced.account_id, "stats:run-1", now, graph=graph, send_control=lambda _j: None)


def _ad_rules(api: Any, synced: Any) -> dict[str, str]:
    stop = ids_by_name("campaigns", synced.account_id)["Stop"]
    with session_scope() as s:  # Small is paused: only an `activate` rule may pick it
        s.execute(text("UPDATE ads SET status = 'PAUSED' WHERE name = 'Small'"))
    bodies = {
        "burners": _rule("Burners", scope={"name_contains": "burner"}),
        "sold in Stop": _rule(
            "Sold in Stop",
            scope={"campaign_ids": [str(stop)]},
            conditions=[{"metric": "purchases", "op": "gt", "value": "0"}],
        ),
        "paused": _rule("Paused ones", action="activate"),
        "elsewhere": _rule("Elsewhere", scope={"name_contains": "Steady"}),
        "all active": _rule("All active", scope={"campaign_ids": [str(stop)]}),
    }
    return {key: _create(api, synced.headers, body) for key, body in bodies.items()}


def test_an_evaluation_of_n_rules_on_one_level_and_window_reads_the_ads_manager_once(api, synced, graph, now):
    _ad_rules(api, synced)

    with ads_manager_reads() as reads:
        report = evaluate_rules(
            synced.account_id, "stats:run-1", now, graph=graph, send_control=lambda _j: None
        )

    assert report.rules == 5
    assert reads == ["FROM ads e"]


def test_alerts_and_rules_after_a_sync_share_their_reads_one_per_level_and_window(api, synced, graph, now):
    _create(api, synced.headers, _rule("Ads today"))
    _create(api, synced.headers, _rule("Ad sets today", level="adset"))
    _create(api, synced.headers, _rule("Campaigns last 7 days", level="campaign", window="last_7d"))

    with ads_manager_reads() as reads:
        run_automation(
            AutomationMessage(account_id=synced.account_id, evaluation_key="stats:run-1"),
            clock=lambda: now,
            graph=graph,
            send_control=lambda _j: None,
        )

    # Alerts: ads and ad sets today, the account's spend today and over last_7d (campaigns).
    assert sorted(reads) == ["FROM ads e", "FROM adsets e", "FROM campaigns e", "FROM campaigns e"]


def test_two_rules_with_different_scopes_on_the_same_read_pick_exactly_their_own_entities(
    api, synced, graph, now
):
    rule_ids = _ad_rules(api, synced)

    _evaluate_rules(synced, graph, now)

    assert {key: _acted_on(rule_id) for key, rule_id in rule_ids.items()} == {
        "burners": {"Burner 1", "Burner 2"},  # "name contains" ignores case, as the Ads Manager
        "sold in Stop": {"Winner"},
        "paused": {"Small"},
        "elsewhere": set(),  # Steady spent nothing today
        "all active": {"Burner 1", "Burner 2", "Winner"},
    }


def _ads_manager_rows(
    s: Session, seller_id: Any, level: EntityLevel, dates: DateSpec, filters: Filters, now: datetime
) -> list[EntityRow]:
    """The Ads Manager list itself (the API's statement, every row)."""
    query = ListQuery(level=LIST_LEVEL[level], dates=dates, filters=filters, limit=None)
    return list_entities(s, seller_id, query, now).rows


def test_the_filters_applied_to_a_shared_read_keep_the_rows_the_ads_manager_filters_keep(synced, now):
    ids = {t: ids_by_name(t, synced.account_id) for t in ("campaigns", "adsets")}
    with session_scope() as s:
        sellpage = create_sellpage(s, synced.seller.seller_id, "Page", "https://shop.example.com/p/x").id
        s.execute(text("UPDATE campaigns SET sellpage_id = :p WHERE name = 'Scale'"), {"p": sellpage})
        s.execute(text("UPDATE ads SET status = 'PAUSED' WHERE name IN ('Small', 'Steady')"))
        s.execute(text("UPDATE adsets SET status = 'PAUSED' WHERE name = 'Scaler'"))
    variants: dict[str, Callable[[], Filters]] = {
        "none": lambda: Filters(),
        "name, any case": lambda: Filters(q="BURNER"),
        "name with a LIKE wildcard": lambda: Filters(q="_"),
        "campaigns": lambda: Filters(campaign_ids=(ids["campaigns"]["Stop"], ids["campaigns"]["CBO"])),
        "ad sets": lambda: Filters(adset_ids=(ids["adsets"]["Scaler"],)),
        "sellpage": lambda: Filters(sellpage_ids=(sellpage,)),
        "paused": lambda: Filters(statuses=(CampaignStatus.PAUSED,)),
        "active in Stop, named with an e": lambda: Filters(
            statuses=(CampaignStatus.ACTIVE,), campaign_ids=(ids["campaigns"]["Stop"],), q="e"
        ),
        "delivering": lambda: Filters(delivery_statuses=(DeliveryStatus.ACTIVE,)),
    }
    account = (synced.account_id,)
    with session_scope() as s:
        acct = s.get_one(AdAccount, synced.account_id)
        for level in EntityLevel:
            for window in (RuleWindow.TODAY, RuleWindow.LAST_3D):
                shared = Candidates().read(s, acct, level, window, now)
                dates = window_dates(window, account_window(window, now, acct.timezone_name))
                for label, make in variants.items():
                    f = make()
                    if f.adset_ids and level is EntityLevel.CAMPAIGN:
                        continue  # not a campaign list filter (the API refuses it)
                    with_account = replace(f, ad_account_ids=account)
                    by_sql = _ads_manager_rows(s, synced.seller.seller_id, level, dates, with_account, now)
                    in_python = shared.where(f)
                    assert sorted(c.row.id for c in in_python) == sorted(r.id for r in by_sql), (
                        level,
                        window,
                        label,
                    )
        assert len(shared.rows) > 0


def _shown(metrics_json: str) -> dict[str, Any]:
    """The Ads Manager's `metrics` object as numbers (money strings and ratios as Decimals)."""
    raw = json.loads(metrics_json, parse_float=Decimal)
    return {k: Decimal(v) if isinstance(v, str) else v for k, v in raw.items()}


def _add_link_click_adset_to_stop() -> None:
    """Campaign "Stop" then has ad sets of two result types: its results are `mixed`."""
    with session_scope() as s:
        s.execute(
            text("CREATE TEMP TABLE extra ON COMMIT DROP AS SELECT * FROM adsets WHERE name = 'Prospecting'")
        )
        s.execute(
            text(
                "UPDATE extra SET id = gen_random_uuid(), meta_id = meta_id || '9', name = 'Clicks', "
                "optimization_goal = 'LINK_CLICKS'"
            )
        )
        s.execute(text("INSERT INTO adsets SELECT * FROM extra"))


EVERY_METRIC = Need(metrics=frozenset(METRIC_NAMES))


def test_an_evaluation_read_computes_every_metric_exactly_as_the_ads_manager_shows_it(synced, now):
    _add_link_click_adset_to_stop()
    with session_scope() as s:  # zero-spend rows (Issues, Clicks) and a mixed campaign among them
        acct = s.get_one(AdAccount, synced.account_id)
        compared = 0
        for level in EntityLevel:
            for window in RuleWindow:
                read = Candidates().read(s, acct, level, window, now, EVERY_METRIC)
                dates = window_dates(window, account_window(window, now, acct.timezone_name))
                listed = _ads_manager_rows(
                    s, synced.seller.seller_id, level, dates, Filters(ad_account_ids=(acct.id,)), now
                )
                in_list_order = sorted(read.rows, key=lambda c: by_spend(c.row))
                assert [c.row.id for c in in_list_order] == [r.id for r in listed], (level, window)
                for candidate, row in zip(in_list_order, listed, strict=True):
                    shown = _shown(row.metrics_json)
                    assert {n: candidate.metrics[n] for n in METRIC_NAMES} == shown, (level, window, row.name)
                    assert str(candidate.metrics["spend"]) == json.loads(row.metrics_json)["spend"]
                    compared += 1
        assert compared > 20
        stop_today = (
            Candidates()
            .read(s, acct, EntityLevel.CAMPAIGN, RuleWindow.TODAY, now, EVERY_METRIC)
            .where(Filters(q="Stop"))
        )
        assert stop_today[0].row.result_type == "mixed"
        assert stop_today[0].metrics["results"] is None and stop_today[0].metrics["purchases"] == 2


def test_a_read_returns_only_the_rows_of_the_statuses_and_spend_its_readers_need(synced, now):
    with session_scope() as s:
        s.execute(text("UPDATE ads SET status = 'PAUSED' WHERE name = 'Winner'"))
    with session_scope() as s:
        acct = s.get_one(AdAccount, synced.account_id)
        everything = Candidates().read(s, acct, EntityLevel.AD, RuleWindow.TODAY, now)
        need = Need(frozenset({CampaignStatus.ACTIVE}), Decimal("5"))
        narrow = Candidates().read(s, acct, EntityLevel.AD, RuleWindow.TODAY, now, need)

    expected = {
        c.row.name
        for c in everything.rows
        if c.row.status == "ACTIVE" and c.metrics["spend"] is not None and c.metrics["spend"] >= 5
    }
    assert {c.row.name for c in narrow.rows} == expected
    assert "Winner" not in expected and 0 < len(expected) < len(everything.rows)
    assert narrow.totals["spend"] == everything.totals["spend"] > 0  # totals: every entity


def test_a_reader_needing_more_than_was_planned_gets_a_wider_read_and_the_rest_share_it(synced, now):
    planned = {(EntityLevel.AD, RuleWindow.TODAY): Need(frozenset({CampaignStatus.ACTIVE}), Decimal("1000"))}
    reads = Candidates(needs=planned)
    with session_scope() as s, ads_manager_reads() as statements:
        acct = s.get_one(AdAccount, synced.account_id)
        first = reads.read(
            s, acct, EntityLevel.AD, RuleWindow.TODAY, now, planned[(EntityLevel.AD, RuleWindow.TODAY)]
        )
        wider = reads.read(s, acct, EntityLevel.AD, RuleWindow.TODAY, now, Need())
        again = reads.read(s, acct, EntityLevel.AD, RuleWindow.TODAY, now, Need(min_spend=Decimal("3")))

    assert first.rows == [] and len(wider.rows) > 0
    assert again is wider
    assert statements == ["FROM ads e", "FROM ads e"]


def test_a_minimum_spend_compares_the_spend_as_shown_rounded_to_the_currencys_cents(api, synced, graph, now):
    # Steady spent 40.00 on each of the last 3 days; 19.995 on one of them sums to 99.995,
    # which the Ads Manager shows as 100.00 (half-up): a rule with a 100.00 minimum reads it.
    with session_scope() as s:
        s.execute(
            text(
                "UPDATE ad_stats_daily SET spend = 19.995 WHERE date = :d "
                "AND ad_id = (SELECT id FROM ads WHERE name = 'Steady')"
            ),
            {"d": day(1)},
        )
    rule_id = _create(api, synced.headers, _rule("Big spenders", window="last_3d", min_spend=usd("100")))

    _evaluate_rules(synced, graph, now)

    (run,) = rows("SELECT entities FROM rule_runs WHERE rule_id = :r", r=rule_id)
    assert [(e["name"], e["values"]["spend"]) for e in run.entities] == [("Steady", "100.00")]
