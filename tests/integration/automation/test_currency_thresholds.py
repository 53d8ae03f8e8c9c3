"""Money thresholds across currencies, on the simulator's synced numbers: a stop-loss written in
one currency fires at the right amount on a USD account and on a JPY account (converted at the
day's reference rate), and never on a number of another currency taken as it is."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from automation_helpers import TZ, account_spec, day, insight, rows, sync_message

from pixecom.automation.worker import run_automation
from pixecom.automation_message import AutomationMessage
from pixecom.db.engine import session_scope
from pixecom.domain.money import Rate
from pixecom.rates.store import save_rates
from simulator.scenario import (
    AdAccountSpec,
    AdSetSpec,
    AdSpec,
    CampaignSpec,
    Scenario,
    SimulatorSettings,
)
from simulator.testing import SimulatorServer

YEN_ADS = {"Yen 2216": "2216", "Yen 5999": "5999", "Yen 6500": "6500", "Yen sold": "9000"}


def yen_account() -> AdAccountSpec:
    ads = [
        AdSpec(
            id=f"5009{n}",
            name=name,
            link_url="https://shop.example.com/p/y",
            insights=[
                insight(day(0), spend, 1 if name == "Yen sold" else 0, "20000" if name == "Yen sold" else "0")
            ],
        )
        for n, (name, spend) in enumerate(YEN_ADS.items(), start=301)
    ]
    campaign = CampaignSpec(
        id="5009101",
        name="Tokyo",
        adsets=[AdSetSpec(id="5009201", name="Tokyo set", daily_budget="500000", ads=ads)],
    )
    return AdAccountSpec(
        id="act_5009",
        name="Shop Tokyo",
        currency="JPY",
        timezone_name=TZ,
        access_token="token-5009",
        campaigns=[campaign],
    )


@pytest.fixture
def sim():
    scenario = Scenario(
        ad_accounts=[account_spec(5001), yen_account()],
        settings=SimulatorSettings(report_polls_to_complete=1),
    )
    with SimulatorServer(scenario) as server:
        yield server


@pytest.fixture
def accounts(make_seller: Any, graph: Any) -> Any:
    """One seller with the USD account (act_5001) and the JPY one (act_5009), both synced."""
    from pixecom.accounts.connect import connect_account
    from pixecom.clock import utc_now
    from pixecom.sync.delivery import sync_account_delivery
    from pixecom.sync.stats import sync_account_stats

    seller = make_seller()
    ids = {}
    for meta_id in ("act_5001", "act_5009"):
        account = connect_account(
            seller.seller_id, meta_id, f"token-{meta_id[4:]}", backfill_days=1, now=utc_now()
        )
        sync_account_delivery(sync_message(account.id, "delivery"))
        sync_account_stats(sync_message(account.id, "stats"))
        ids[meta_id] = account.id
    return seller, ids


def _rates_published_yesterday() -> None:
    """ECB-style rates (units per euro) of the day before: 1 USD = 150 JPY."""
    published = datetime.now(UTC).date() - timedelta(days=1)
    with session_scope() as s:
        save_rates(
            s,
            [Rate("USD", published, Decimal("1.05"), "ecb"), Rate("JPY", published, Decimal("157.5"), "ecb")],
            datetime.now(UTC),
        )


def _stop_loss(api: Any, headers: dict[str, str], amount: str, currency: str) -> str:
    body = {
        "name": f"Stop-loss {amount} {currency}",
        "level": "ad",
        "window": "today",
        "conditions": [{"metric": "purchases", "op": "eq", "value": "0"}],
        "min_spend": {"amount": amount, "currency": currency},
        "action": {"type": "pause"},
    }
    response = api.post("/api/rules", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _acted_on(rule_id: str) -> dict[str, set[str]]:
    """The entities a rule's runs acted on, by the account's currency."""
    out: dict[str, set[str]] = {}
    for run in rows("SELECT entities FROM rule_runs WHERE rule_id = :r", r=rule_id):
        for entity in run.entities:
            out.setdefault(entity["currency"], set()).add(entity["name"])
    return out


def _evaluate(ids: dict[str, Any], graph: Any) -> None:
    now = datetime.now(UTC)
    for account_id in ids.values():
        run_automation(
            AutomationMessage(account_id=account_id, evaluation_key="stats:run-1"),
            clock=lambda: now,
            graph=graph,
        )


def test_a_dollar_stop_loss_fires_at_its_dollar_amount_on_each_account(api, accounts, graph, control_queue):
    seller, ids = accounts
    _rates_published_yesterday()
    rule_id = _stop_loss(api, seller.headers, "40", "USD")  # = 6000 JPY that day

    _evaluate(ids, graph)

    assert _acted_on(rule_id) == {
        "USD": {"Burner 1", "Burner 2"},  # 50 and 45 USD; Small spent 30
        "JPY": {"Yen 6500"},  # never 2216 or 5999 yen: under 40 dollars
    }
    (jpy_run,) = [
        r
        for r in rows("SELECT entities FROM rule_runs WHERE rule_id = :r", r=rule_id)
        if r.entities[0]["currency"] == "JPY"
    ]
    assert jpy_run.entities[0]["conversions"] == [
        {
            "threshold": "min_spend",
            "from": "40.00 USD",
            "to": "6000 JPY",
            "rate": "150",
            "source": "ecb",
            "rate_date": (datetime.now(UTC).date() - timedelta(days=1)).isoformat(),
        }
    ]


def test_a_yen_stop_loss_fires_at_its_yen_amount_on_each_account(api, accounts, graph, control_queue):
    seller, ids = accounts
    _rates_published_yesterday()
    rule_id = _stop_loss(api, seller.headers, "3000", "JPY")  # = 20 USD that day

    _evaluate(ids, graph)

    assert _acted_on(rule_id) == {
        "USD": {"Burner 1", "Burner 2", "Small"},  # 50, 45, 30 USD: all over 20 dollars
        "JPY": {"Yen 5999", "Yen 6500"},
    }


def test_without_a_rate_a_dollar_rule_leaves_the_yen_account_alone_and_the_preview_says_why(
    api, accounts, graph, control_queue
):
    seller, ids = accounts  # no exchange rate stored at all
    rule_id = _stop_loss(api, seller.headers, "20", "USD")

    preview = api.post(f"/api/rules/{rule_id}/preview", headers=seller.headers).json()
    _evaluate(ids, graph)

    assert _acted_on(rule_id) == {"USD": {"Burner 1", "Burner 2", "Small"}}  # not one yen ad at 20 yen
    assert {e["currency"] for e in preview["entities"]} == {"USD"}
    (skipped,) = preview["skipped_accounts"]
    assert (skipped["ad_account_id"], skipped["currency"]) == (str(ids["act_5009"]), "JPY")
    assert "no exchange rate between USD and JPY" in skipped["reason"]


def test_a_money_amount_without_its_currency_is_refused(api, accounts):
    seller, _ = accounts
    body = {
        "name": "Ambiguous",
        "level": "ad",
        "window": "today",
        "conditions": [{"metric": "cost_per_purchase", "op": "gt", "value": "20"}],
        "min_spend": {"amount": "20", "currency": "USD"},
        "action": {"type": "pause"},
    }

    response = api.post("/api/rules", json=body, headers=seller.headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"
    assert "is a money amount: give it with its currency" in response.json()["error"]["message"]
    settings = api.put("/api/alerts/settings", json={"spend_without_purchase": "20"}, headers=seller.headers)
    assert settings.status_code == 422
    assert settings.json()["error"]["field"] == "spend_without_purchase"
