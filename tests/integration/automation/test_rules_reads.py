"""An evaluation reads the Ads Manager once per level and window of the account, and every rule
still keeps exactly the rows its own scope and status select (the filters applied in Python)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from automation_helpers import ids_by_name, rows
from sqlalchemy import event, text

from pixecom.adsmanager.params import Filters
from pixecom.db.engine import get_engine, session_scope
from pixecom.db.models import AdAccount
from pixecom.domain.automation import RuleWindow
from pixecom.domain.enums import CampaignStatus, DeliveryStatus, EntityLevel
from pixecom.rules.automation import AutomationMessage, run_automation
from pixecom.rules.evaluate import evaluate_rules
from pixecom.rules.windows import Candidates, account_window, read_entities, window_dates
from pixecom.sellpages.service import create_sellpage

ADS_MANAGER_STATEMENT = "WITH acct AS MATERIALIZED"  # how build_list_sql's statement begins
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
        "conditions": [{"metric": "spend", "op": "gt", "value": "0"}],
        "min_spend": "0",
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
                    by_sql = read_entities(s, synced.seller.seller_id, level, dates, with_account, now)
                    in_python = shared.where(f)
                    assert [c.row for c in in_python] == by_sql, (level, window, label)
        assert len(shared.rows) > 0
