"""Budgets in the simulator as Meta handles them, over real HTTP: offset units per currency, the
account's minimum_budgets, campaign vs ad set budgets, Meta's error for each refused write, and the
limit of 4 budget changes per ad set per hour (the fifth: code 17, and an hour's block)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from simulator.scenario import parse_scenario
from simulator.testing import SimulatorServer

SCENARIO = {
    "ad_accounts": [
        {
            "id": "act_8101",
            "name": "Budgets",
            "currency": "VND",
            "access_token": "tok-8101",
            "campaigns": [
                {
                    "id": "8101101",
                    "name": "CBO",
                    "daily_budget": "500000",
                    "advantage_state": "advantage_plus_sales",
                    "adsets": [
                        {"id": "8101201", "name": "Under CBO", "optimization_goal": "OFFSITE_CONVERSIONS"}
                    ],
                },
                {
                    "id": "8101102",
                    "name": "ABO",
                    "adsets": [
                        {
                            "id": "8101202",
                            "name": "Clicks",
                            "optimization_goal": "LINK_CLICKS",
                            "daily_budget": "300000",
                            "bid_strategy": "COST_CAP",
                            "bid_amount": "20000",
                        },
                        {
                            "id": "8101203",
                            "name": "Lifetime",
                            "lifetime_budget": "9000000",
                            "created_time": "2026-12-01T00:00:00+00:00",  # its start_time
                            "end_time": "2026-12-31T00:00:00+00:00",  # a 30-day schedule
                        },
                    ],
                },
            ],
        }
    ]
}


@pytest.fixture
def sim() -> Iterator[SimulatorServer]:
    with SimulatorServer(parse_scenario(SCENARIO)) as server:
        yield server


@pytest.fixture
def http(sim: SimulatorServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"{sim.base_url}/v27.0", params={"access_token": "tok-8101"}) as client:
        yield client


def _error(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 400, response.text
    return dict(response.json()["error"])


def test_minimum_budgets_are_served_in_the_currencys_units(http: httpx.Client) -> None:
    (row,) = http.get("/act_8101/minimum_budgets").json()["data"]
    assert row["currency"] == "VND"
    assert row["min_daily_budget_imp"] == 25000 and row["min_daily_budget_low_freq"] == 250000


def test_budgets_bids_and_advantage_state_are_in_delivery_reads(http: httpx.Client) -> None:
    fields = "daily_budget,budget_remaining,bid_strategy,advantage_state_info"
    campaign = http.get("/8101101", params={"fields": fields}).json()
    adset = http.get("/8101202", params={"fields": "daily_budget,bid_strategy,bid_amount"}).json()

    assert campaign["daily_budget"] == "500000" and campaign["budget_remaining"] == "500000"
    assert campaign["advantage_state_info"]["advantage_state"] == "advantage_plus_sales"
    assert (adset["bid_strategy"], adset["bid_amount"]) == ("COST_CAP", "20000")


def test_an_ad_set_budget_under_a_campaign_budget_is_refused(http: httpx.Client) -> None:
    error = _error(http.post("/8101201", data={"daily_budget": "300000"}))
    assert (error["code"], error["error_user_title"]) == (100, "Budget Level Mismatch")


def test_a_campaign_budget_on_a_campaign_whose_ad_sets_hold_them_is_refused(http: httpx.Client) -> None:
    assert _error(http.post("/8101102", data={"daily_budget": "900000"}))["code"] == 100


def test_a_daily_budget_on_a_lifetime_budget_is_refused(http: httpx.Client) -> None:
    assert "lifetime budget" in _error(http.post("/8101203", data={"daily_budget": "300000"}))["message"]


def test_a_daily_budget_below_the_minimum_is_refused_with_the_minimum(http: httpx.Client) -> None:
    error = _error(http.post("/8101202", data={"daily_budget": "1000"}))
    assert error["error_user_title"] == "Your Budget Is Too Low"
    assert "5000 VND" in error["error_user_msg"]  # LINK_CLICKS: the high-frequency minimum


def test_a_lifetime_budget_below_the_daily_minimum_for_each_day_is_refused(http: httpx.Client) -> None:
    # No optimization goal: the low-frequency minimum, 250,000 VND a day, x 30 days.
    schedule = http.get("/8101203", params={"fields": "start_time,end_time"}).json()
    error = _error(http.post("/8101203", data={"lifetime_budget": "7499999"}))
    accepted = http.post("/8101203", data={"lifetime_budget": "7500000"})

    assert (schedule["start_time"], schedule["end_time"]) == (
        "2026-11-30T16:00:00-0800",  # in the account's timezone, as Meta writes times
        "2026-12-30T16:00:00-0800",
    )
    assert (error["code"], error["error_user_title"]) == (100, "Your Budget Is Too Low")
    assert "7500000 VND" in error["error_user_msg"]
    assert accepted.status_code == 200, accepted.text


def test_the_fifth_change_within_an_hour_is_code_17_and_blocks_the_ad_set_for_an_hour(
    sim: SimulatorServer, http: httpx.Client
) -> None:
    for amount in ("310000", "320000", "330000", "340000"):
        assert http.post("/8101202", data={"daily_budget": amount}).json() == {"success": True}

    fifth = http.post("/8101202", data={"daily_budget": "350000"})
    error = _error(fifth)
    usage = json.loads(fifth.headers["x-business-use-case-usage"])["8101"][0]
    sim.state.advance(59 * 60)
    still = _error(http.post("/8101202", data={"daily_budget": "350000"}))
    sim.state.advance(2 * 60)
    later = http.post("/8101202", data={"daily_budget": "350000"})

    assert (error["code"], error["error_subcode"]) == (17, 2446079)
    assert usage["estimated_time_to_regain_access"] == 60
    assert still["code"] == 17
    assert later.json() == {"success": True}
    assert sim.state.entries["8101202"].node.daily_budget == "350000"


def test_a_batched_budget_write_gets_the_same_answers(http: httpx.Client) -> None:
    items = [
        {"method": "POST", "relative_url": "8101202", "body": "daily_budget=400000"},
        {"method": "POST", "relative_url": "8101201", "body": "daily_budget=400000"},
    ]
    answers = http.post("/", data={"batch": json.dumps(items)}).json()
    assert [a["code"] for a in answers] == [200, 400]
