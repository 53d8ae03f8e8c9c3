"""Rules evaluated after a sync on the simulator's synced numbers: what they act on, once."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal
from typing import Any

from automation_helpers import ids_by_name, rows, usd

from pixecom.automation.worker import run_automation
from pixecom.automation_message import AutomationMessage
from pixecom.control.apply import apply_job
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount

STOP_LOSS = {
    "name": "Stop-loss",
    "level": "ad",
    "window": "today",
    "conditions": [{"metric": "purchases", "op": "eq", "value": "0"}],
    "min_spend": usd("35"),
    "action": {"type": "pause"},
}
SCALE = {
    "name": "Scale winners",
    "level": "adset",
    "window": "last_7d",  # still holds the same 3 days of data 49 hours later
    "conditions": [{"metric": "roas", "op": "gt", "value": "3"}],
    "min_spend": usd("50"),
    "action": {"type": "change_budget", "percent": "20"},
    "cooldown_minutes": 0,
}


def _create(api: Any, headers: dict[str, str], body: dict[str, Any]) -> str:
    response = api.post("/api/rules", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _evaluate(synced: Any, graph: Any, key: str, now: Any) -> Any:
    return run_automation(
        AutomationMessage(account_id=synced.account_id, evaluation_key=key),
        clock=lambda: now,
        graph=graph,
    )


def _apply_control(control_queue: Any, graph: Any) -> None:
    for body in control_queue():
        apply_job(uuid.UUID(body["job_id"]), graph=graph)


def test_stop_loss_pauses_exactly_the_ads_over_the_threshold_not_one_below_min_spend(
    api, synced, sim, graph, control_queue, now
):
    _create(api, synced.headers, STOP_LOSS)

    _evaluate(synced, graph, "stats:run-1", now)
    _apply_control(control_queue, graph)

    paused = {
        name
        for name, meta in (
            ("Burner 1", "5001301"),
            ("Burner 2", "5001302"),
            ("Small", "5001303"),
            ("Winner", "5001304"),
        )
        if sim.status_of(meta) == "PAUSED"
    }
    assert paused == {"Burner 1", "Burner 2"}
    local = {
        r.name: r.status
        for r in rows("SELECT name, status FROM ads WHERE ad_account_id = :a", a=synced.account_id)
    }
    assert (local["Burner 1"], local["Burner 2"], local["Small"], local["Winner"]) == (
        "PAUSED",
        "PAUSED",
        "ACTIVE",
        "ACTIVE",
    )


def test_preview_lists_the_same_entities_the_rule_then_acts_on(api, synced, graph, control_queue, now):
    rule_id = _create(api, synced.headers, STOP_LOSS)
    preview = api.post(f"/api/rules/{rule_id}/preview", headers=synced.headers)
    assert preview.status_code == 200, preview.text
    previewed = {e["name"]: e["values"] for e in preview.json()["entities"]}

    _evaluate(synced, graph, "stats:run-1", now)

    (run,) = api.get(f"/api/rules/{rule_id}/runs", headers=synced.headers).json()["data"]
    assert {e["name"] for e in run["entities"]} == set(previewed) == {"Burner 1", "Burner 2"}
    assert previewed["Burner 1"] == {"spend": "50.00", "purchases": 0}  # the Ads Manager's types
    assert {e["currency"] for e in preview.json()["entities"]} == {"USD"}
    job = api.get(f"/api/jobs/{run['job_id']}", headers=synced.headers).json()
    assert sorted(i["name"] for i in job["items"]) == ["Burner 1", "Burner 2"]


def test_a_retried_evaluation_message_acts_once(api, synced, graph, control_queue, now):
    rule_id = _create(api, synced.headers, STOP_LOSS)

    first = _evaluate(synced, graph, "stats:run-1", now)
    second = _evaluate(synced, graph, "stats:run-1", now)
    _apply_control(control_queue, graph)

    assert (first.runs, first.entities, second.runs, second.entities) == (1, 2, 0, 0)
    assert len(rows("SELECT id FROM rule_runs WHERE rule_id = :r", r=rule_id)) == 1
    assert len(rows("SELECT id FROM jobs WHERE rule_id = :r", r=rule_id)) == 1
    applied = rows(
        "SELECT entity_name FROM audit_log "
        "WHERE rule_id = :r AND action = 'status_change' AND outcome = 'applied'",
        r=rule_id,
    )
    assert sorted(r.entity_name for r in applied) == ["Burner 1", "Burner 2"]


def test_the_audit_of_a_rules_change_names_the_rule_and_the_member_who_made_it(
    api, synced, make_member, graph, control_queue, now
):
    buyer = make_member(synced.seller.seller_id, "media_buyer", email="bo@agency.example")
    rule_id = _create(api, buyer.headers, STOP_LOSS)

    _evaluate(synced, graph, "stats:run-1", now)
    _apply_control(control_queue, graph)

    made_by_rule = [e for e in api.get("/api/audit", headers=synced.headers).json()["data"] if e["rule_id"]]
    assert {
        (e["rule_id"], e["rule_name"], e["rule_created_by_email"], e["user_email"]) for e in made_by_rule
    } == {(rule_id, "Stop-loss", "bo@agency.example", None)}
    assert {e["action"] for e in made_by_rule} == {"status_change_requested", "status_change"}


def test_a_scaling_rule_raises_a_budget_once_and_not_again_inside_48_hours(
    api, synced, sim, graph, control_queue, now
):
    rule_id = _create(api, synced.headers, SCALE)

    first = _evaluate(synced, graph, "stats:run-1", now)
    _apply_control(control_queue, graph)
    again = _evaluate(synced, graph, "stats:run-2", now + timedelta(hours=47))
    later = _evaluate(synced, graph, "stats:run-3", now + timedelta(hours=49))
    _apply_control(control_queue, graph)

    # One budget job per level acted on: the ad set, and the campaign holding a campaign budget.
    assert (len(first.jobs), len(again.jobs), len(later.jobs)) == (2, 0, 2)
    assert sim.state.entries["5001202"].node.daily_budget == "28800"  # 200 -> 240 -> 288 USD
    audit = rows(
        "SELECT entity_name, from_value, to_value, outcome, user_id FROM audit_log "
        "WHERE rule_id = :r AND action = 'budget_change' ORDER BY id",
        r=rule_id,
    )
    assert sorted((a.entity_name, a.from_value, a.to_value, a.outcome, a.user_id) for a in audit) == [
        ("CBO", "500", "600", "applied", None),  # the rule is the actor
        ("CBO", "600", "720", "applied", None),
        ("Scaler", "200", "240", "applied", None),
        ("Scaler", "240", "288", "applied", None),
    ]


def test_a_campaign_budget_campaign_gets_the_change_on_the_campaign(
    api, synced, sim, graph, control_queue, now
):
    _create(api, synced.headers, SCALE)

    _evaluate(synced, graph, "stats:run-1", now)
    _apply_control(control_queue, graph)

    assert sim.state.entries["5001103"].node.daily_budget == "60000"
    assert sim.state.entries["5001203"].node.daily_budget is None
    campaigns = ids_by_name("campaigns", synced.account_id)
    (row,) = rows("SELECT daily_budget FROM campaigns WHERE id = :i", i=campaigns["CBO"])
    assert row.daily_budget == Decimal(600)


def test_a_budget_rule_below_metas_minimum_is_refused_by_the_budget_job(
    api, synced, sim, graph, control_queue, now
):
    with session_scope() as s:
        s.get_one(AdAccount, synced.account_id).minimum_budgets = {"min_daily_budget_low_freq": 23000}
    lower = {**SCALE, "action": {"type": "change_budget", "percent": "-10"}}
    rule_id = _create(api, synced.headers, lower)

    _evaluate(synced, graph, "stats:run-1", now)
    _apply_control(control_queue, graph)

    (item,) = rows(
        "SELECT i.outcome, i.error FROM job_items i JOIN jobs j ON j.id = i.job_id "
        "WHERE j.rule_id = :r AND i.name = 'Scaler'",
        r=rule_id,
    )
    assert item.outcome == "failed" and "below Meta's minimum daily budget of 230.00 USD" in item.error
    assert sim.state.entries["5001202"].node.daily_budget == "20000"


def test_a_rule_never_touches_another_sellers_entities(api, connect_synced, graph, control_queue, now):
    mine = connect_synced("act_5001")
    theirs = connect_synced("act_5002")
    _create(api, theirs.headers, STOP_LOSS)

    report = _evaluate(mine, graph, "stats:run-1", now)
    foreign = api.post(
        "/api/rules",
        json={**STOP_LOSS, "scope": {"ad_account_ids": [str(mine.account_id)]}},
        headers=theirs.headers,
    )

    assert (report.rules, report.runs) == (0, 0)
    assert control_queue() == []
    assert foreign.status_code == 404 and foreign.json()["error"]["field"] == "scope.ad_account_ids"
