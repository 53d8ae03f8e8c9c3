"""Each alert kind on synced simulator data: opens, updates without duplicating, resolves."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from automation_helpers import day, rows, sync_message, usd

from pixecom.alerts.evaluate import evaluate_account_alerts
from pixecom.alerts.sweep import sweep_alerts
from pixecom.db.engine import session_scope
from pixecom.sync.delivery import sync_account_delivery
from pixecom.sync.stats import sync_account_stats


def _evaluate(synced: Any, now: datetime) -> None:
    with session_scope() as s:
        evaluate_account_alerts(s, synced.account_id, now)


def _alerts(kind: str) -> dict[str, Any]:
    """Every alert of a kind, by entity name: (status, occurrences)."""
    found = rows("SELECT entity_name, status, occurrences FROM alerts WHERE kind = :k", k=kind)
    return {r.entity_name: (r.status, r.occurrences) for r in found}


def _settings(api: Any, synced: Any, **values: Any) -> None:
    response = api.put("/api/alerts/settings", json=values, headers=synced.headers)
    assert response.status_code == 200, response.text


def test_spend_without_purchase_opens_updates_and_resolves(synced, sim, now):
    _evaluate(synced, now)
    _evaluate(synced, now)
    assert _alerts("spend_without_purchase") == {
        "Burner 1": ("open", 2),
        "Burner 2": ("open", 2),
        "Small": ("open", 2),
    }

    sim.set_insight("5001301", day(0), actions={"purchase": 1}, action_values={"purchase": Decimal("70")})
    sync_account_stats(sync_message(synced.account_id, "stats"))
    _evaluate(synced, now)

    assert _alerts("spend_without_purchase")["Burner 1"] == ("resolved", 2)
    assert _alerts("spend_without_purchase")["Burner 2"] == ("open", 3)


def test_cost_per_purchase_above_target_opens_and_resolves_when_the_target_moves(api, synced, now):
    _settings(api, synced, target_cost_per_purchase=usd("50"))
    _evaluate(synced, now)
    _evaluate(synced, now)
    # Prospecting today: 185.00 spend / 2 purchases = 92.50 per purchase.
    assert _alerts("cost_per_purchase_high") == {"Prospecting": ("open", 2)}

    _settings(api, synced, target_cost_per_purchase=usd("100"))
    _evaluate(synced, now)
    assert _alerts("cost_per_purchase_high") == {"Prospecting": ("resolved", 2)}


def test_roas_of_the_last_3_days_below_the_floor_opens_and_resolves(api, synced, now):
    _settings(api, synced, roas_floor="4.5")
    _evaluate(synced, now)
    _evaluate(synced, now)
    # Scale: ROAS 4 over the last 3 days; CBO: 5.
    assert _alerts("roas_low") == {"Scale": ("open", 2)}

    _settings(api, synced, roas_floor="3")
    _evaluate(synced, now)
    assert _alerts("roas_low") == {"Scale": ("resolved", 2)}


def test_spend_spike_against_the_previous_7_days_opens_and_resolves(api, synced, now):
    _evaluate(synced, now)
    _evaluate(synced, now)
    # Today 185.00; the previous 7 days 210.00 (30.00 a day): over 2x.
    assert _alerts("spend_spike") == {"Shop 5001": ("open", 2)}

    _settings(api, synced, spend_spike_multiplier="10")
    _evaluate(synced, now)
    assert _alerts("spend_spike") == {"Shop 5001": ("resolved", 2)}


def test_ads_in_delivery_error_and_limited_ad_sets_open_and_resolve_with_delivery(synced, sim, now):
    _evaluate(synced, now)
    _evaluate(synced, now)
    assert _alerts("ad_delivery_error") == {"Rejected": ("open", 2)}
    assert _alerts("adset_limited") == {"Limited": ("open", 2)}

    with sim.state.lock:
        sim.state.entries["5001307"].node.effective_status = "ACTIVE"
        sim.state.entries["5001204"].node.learning_stage = "SUCCESS"  # type: ignore[union-attr]
    sync_account_delivery(sync_message(synced.account_id, "delivery"))
    _evaluate(synced, now)

    assert _alerts("ad_delivery_error") == {"Rejected": ("resolved", 2)}
    assert _alerts("adset_limited") == {"Limited": ("resolved", 2)}


@pytest.mark.parametrize(
    ("kind", "breaks", "heals"),
    [
        (
            "account_needs_reconnect",
            "UPDATE ad_accounts SET connection_status = 'NEEDS_REAUTH'",
            "UPDATE ad_accounts SET connection_status = 'ACTIVE'",
        ),
        (
            "account_throttled",
            "UPDATE ad_accounts SET throttled_until = now() + interval '2 hours'",
            "UPDATE ad_accounts SET throttled_until = NULL",
        ),
        (
            "token_expiring",
            "UPDATE ad_accounts SET token_expires_at = now() + interval '3 days'",
            "UPDATE ad_accounts SET token_expires_at = now() + interval '60 days'",
        ),
        (
            "stats_stale",
            "UPDATE ad_accounts SET last_stats_success_at = now() - interval '2 hours'",
            "UPDATE ad_accounts SET last_stats_success_at = now()",
        ),
    ],
)
def test_account_health_alerts_open_update_and_resolve_from_the_sweep(synced, kind, breaks, heals):
    with session_scope() as s:
        s.execute(_text(breaks))
    sweep_alerts()
    sweep_alerts()
    assert _alerts(kind) == {"Shop 5001": ("open", 2)}

    with session_scope() as s:
        s.execute(_text(heals))
    sweep_alerts()
    assert _alerts(kind) == {"Shop 5001": ("resolved", 2)}


def _text(sql: str) -> Any:
    from sqlalchemy import text

    return text(sql)


def test_alerts_list_filters_pages_and_acknowledges(api, synced, now):
    _evaluate(synced, now)
    listed = api.get("/api/alerts?kind=spend_without_purchase&limit=2", headers=synced.headers).json()
    assert len(listed["data"]) == 2 and listed["paging"]["next_cursor"]
    rest = api.get(
        f"/api/alerts?kind=spend_without_purchase&limit=2&cursor={listed['paging']['next_cursor']}",
        headers=synced.headers,
    ).json()
    names = {a["entity_name"] for a in listed["data"] + rest["data"]}
    assert names == {"Burner 1", "Burner 2", "Small"} and rest["paging"]["next_cursor"] is None

    alert_id = listed["data"][0]["id"]
    acked = api.post(f"/api/alerts/{alert_id}/ack", headers=synced.headers)
    assert acked.status_code == 200 and acked.json()["acknowledged_at"] is not None
    assert acked.json()["status"] == "open"


def test_another_sellers_alert_is_not_found(api, synced, make_seller, now):
    _evaluate(synced, now)
    alert_id = api.get("/api/alerts", headers=synced.headers).json()["data"][0]["id"]
    other = make_seller()

    assert api.post(f"/api/alerts/{alert_id}/ack", headers=other.headers).status_code == 404
    assert api.get("/api/alerts", headers=other.headers).json()["data"] == []


def _tiring(sim: Any) -> None:
    """ "Steady" over the 7 synced days: CTR 3% its first 3 days, 1.5% its last 3, same CPM."""
    for offset in range(7):
        clicks = 90 if offset >= 4 else 70 if offset == 3 else 45
        sim.set_insight("5001305", day(offset), replace=True, spend=Decimal("30.00"), impressions=3000,
                        clicks=120, inline_link_clicks=clicks, actions={"purchase": 1},
                        action_values={"purchase": Decimal("60")})  # fmt: skip


def test_a_fatigued_creative_opens_an_alert_and_a_fatigue_rule_pauses_only_its_ad(api, synced, sim, now):
    _tiring(sim)
    sync_account_stats(sync_message(synced.account_id, "stats"))
    _evaluate(synced, now)
    (alert,) = rows("SELECT entity_name, message FROM alerts WHERE kind = 'creative_fatigue'")
    assert alert.entity_name == "Steady"
    # Its last 7 days' frequency is Meta's (the simulator's reach as the stats sync stored it).
    assert "CTR down 50% from its first 3 days at frequency 2.1 (3.00% -> 1.50%)" in alert.message
    rule = {
        "name": "Pause tired creatives",
        "level": "ad",
        "window": "last_7d",
        "scope": {"creative_fatigue": "fatigued"},
        "conditions": [{"metric": "spend", "op": "gt", "value": usd("1")}],
        "min_spend": usd("1"),
        "action": {"type": "pause"},
    }
    created = api.post("/api/rules", json=rule, headers=synced.headers)
    assert created.status_code == 201, created.text
    preview = api.post(f"/api/rules/{created.json()['id']}/preview", headers=synced.headers)
    assert preview.status_code == 200, preview.text
    preview = preview.json()
    assert [(e["name"], e["values"]["fatigue"]) for e in preview["entities"]] == [("Steady", "fatigued")]
    campaign_rule = api.post("/api/rules", json={**rule, "level": "campaign"}, headers=synced.headers)
    assert campaign_rule.status_code == 422
