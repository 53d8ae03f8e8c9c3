"""Usage headers driven by a per-account budget that decays, and real throttling."""

from __future__ import annotations

import json
from typing import Any

import httpx

from simulator.testing import ManualClock, SimulatorServer


def _account_pct(response: httpx.Response) -> float:
    return float(json.loads(response.headers["x-ad-account-usage"])["acc_id_util_pct"])


def _buc(response: httpx.Response) -> dict[str, Any]:
    return dict(json.loads(response.headers["x-business-use-case-usage"])["1001"][0])


def test_every_response_carries_the_three_usage_headers(http: httpx.Client) -> None:
    response = http.get("/act_1001/campaigns")
    assert {"x-app-usage", "x-ad-account-usage", "x-business-use-case-usage"} <= set(response.headers)
    assert _buc(response)["type"] == "ads_management"
    assert set(json.loads(response.headers["x-app-usage"])) == {"call_count", "total_cputime", "total_time"}


def test_usage_grows_with_calls(http: httpx.Client) -> None:
    readings = [_account_pct(http.get("/act_1001/campaigns")) for _ in range(3)]
    assert readings[0] < readings[1] < readings[2]


def test_writes_cost_more_than_reads(http: httpx.Client) -> None:
    before = _account_pct(http.get("/act_1001"))
    after_write = _account_pct(http.post("/4001", data={"status": "PAUSED"}))
    assert round(after_write - before, 2) == 0.15  # 3 points of 2000


def test_a_client_that_calls_too_much_gets_throttled_then_recovers(sim_with: Any, clock: ManualClock) -> None:
    server: SimulatorServer = sim_with(usage={"max_score": 5, "decay_seconds": 300, "block_seconds": 120})
    with httpx.Client(base_url=server.base_url + "/v25.0", params={"access_token": "token-1001"}) as http:
        statuses = [http.get("/act_1001/insights").status_code for _ in range(6)]
        assert statuses == [200, 200, 200, 200, 200, 400]
        throttled = http.get("/act_1001/insights")
        error = throttled.json()["error"]
        assert (error["code"], error["error_subcode"]) == (80000, 2446079)
        assert _buc(throttled)["estimated_time_to_regain_access"] == 2
        assert _buc(throttled)["type"] == "ads_insights"
        assert http.get("/act_1001/campaigns").json()["error"]["code"] == 80004
        clock.advance(121)
        assert http.get("/act_1001/insights").status_code == 200


def test_usage_decays_over_time(http: httpx.Client, clock: ManualClock) -> None:
    for _ in range(4):
        http.get("/act_1001")
    clock.advance(301)
    assert _account_pct(http.get("/act_1001")) == 0.05  # only this call is left in the window


def test_set_usage_to_full_throttles_the_account(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.set_usage("act_1001", 100)
    response = http.get("/act_1001/campaigns")
    assert response.json()["error"]["code"] == 80004
    assert _account_pct(response) >= 100


def test_set_usage_below_full_shows_in_headers(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.set_usage("act_1001", 90)
    assert _account_pct(http.get("/act_1001")) == 90.05


def test_throttle_code_is_configurable(sim_with: Any) -> None:
    server: SimulatorServer = sim_with(usage={"max_score": 1, "throttle_code": 17})
    url = f"{server.base_url}/v25.0/act_1001"
    httpx.get(url, params={"access_token": "token-1001"})
    error = httpx.get(url, params={"access_token": "token-1001"}).json()["error"]
    assert (error["code"], error["error_subcode"]) == (17, 2446079)
