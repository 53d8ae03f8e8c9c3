"""Status writes and batch requests over real HTTP."""

from __future__ import annotations

import json
from typing import Any

import httpx

from simulator.testing import SimulatorServer


def _batch(http: httpx.Client, items: list[dict[str, Any]]) -> httpx.Response:
    return http.post("/", data={"batch": json.dumps(items)})


def _pause(object_id: str) -> dict[str, str]:
    return {"method": "POST", "relative_url": object_id, "body": "status=PAUSED"}


def test_status_post_answers_success_and_changes_later_reads(
    sim: SimulatorServer, http: httpx.Client
) -> None:
    response = http.post("/4001", data={"status": "PAUSED"})
    assert response.json() == {"success": True}
    assert http.get("/4001", params={"fields": "status,effective_status"}).json() == {
        "status": "PAUSED",
        "effective_status": "PAUSED",
        "id": "4001",
    }
    assert sim.status_of("4001") == "PAUSED"


def test_pausing_an_ad_set_marks_its_ads_adset_paused(http: httpx.Client) -> None:
    http.post("/3001", data={"status": "PAUSED"})
    ads = http.get("/3001/ads", params={"fields": "id,status,effective_status"}).json()["data"]
    assert ads == [
        {"id": "4001", "status": "ACTIVE", "effective_status": "ADSET_PAUSED"},
        {"id": "4002", "status": "ACTIVE", "effective_status": "DISAPPROVED"},
    ]


def test_reactivating_restores_the_review_verdict(http: httpx.Client) -> None:
    http.post("/4002", data={"status": "PAUSED"})
    http.post("/4002", data={"status": "ACTIVE"})
    assert (
        http.get("/4002", params={"fields": "effective_status"}).json()["effective_status"] == "DISAPPROVED"
    )


def test_paused_ads_drop_out_of_an_active_filter(http: httpx.Client) -> None:
    http.post("/4003", data={"status": "PAUSED"})
    ids = [
        a["id"] for a in http.get("/act_1001/ads", params={"effective_status": '["ACTIVE"]'}).json()["data"]
    ]
    assert ids == ["4001"]


def test_invalid_status_is_error_100(http: httpx.Client) -> None:
    response = http.post("/4001", data={"status": "SLEEPING"})
    assert response.status_code == 400 and response.json()["error"]["code"] == 100


def test_rejected_object_fault_fails_only_that_id(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.inject_fault(object_id="4003", code=100, subcode=1487056, message="(#100) Cannot change status")
    assert http.post("/4003", data={"status": "PAUSED"}).json()["error"]["error_subcode"] == 1487056
    assert http.post("/4001", data={"status": "PAUSED"}).json() == {"success": True}
    assert sim.status_of("4003") == "ACTIVE"


def test_batch_answers_per_item_in_request_order(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.inject_fault(object_id="4002", code=100, message="(#100) Ad is under review")
    items = [_pause("4001"), _pause("4002"), {"method": "GET", "relative_url": "4003?fields=status"}]
    results = _batch(http, items).json()
    assert [r["code"] for r in results] == [200, 400, 200]
    assert json.loads(results[0]["body"]) == {"success": True}
    assert json.loads(results[1]["body"])["error"]["message"] == "(#100) Ad is under review"
    assert json.loads(results[2]["body"]) == {"status": "ACTIVE", "id": "4003"}
    assert {h["name"] for h in results[0]["headers"]} >= {"x-business-use-case-usage"}
    assert (sim.status_of("4001"), sim.status_of("4002")) == ("PAUSED", "ACTIVE")


def test_batch_null_item_was_not_executed_and_succeeds_on_retry(
    sim: SimulatorServer, http: httpx.Client
) -> None:
    sim.inject_fault("/4003", batch_null=True, times=1)
    results = _batch(http, [_pause("4001"), _pause("4003")]).json()
    assert results[0]["code"] == 200 and results[1] is None
    assert sim.status_of("4003") == "ACTIVE"
    retry = _batch(http, [_pause("4003")]).json()
    assert retry[0]["code"] == 200 and sim.status_of("4003") == "PAUSED"


def test_batch_items_with_version_prefix_and_absolute_slash(http: httpx.Client) -> None:
    results = _batch(http, [{"method": "GET", "relative_url": "/v25.0/act_1001?fields=currency"}]).json()
    assert json.loads(results[0]["body"]) == {"currency": "USD", "id": "act_1001"}


def test_batch_of_more_than_50_is_rejected(http: httpx.Client) -> None:
    response = _batch(http, [_pause("4001")] * 51)
    assert response.status_code == 400 and "50" in response.json()["error"]["message"]


def test_batch_counts_one_http_call_and_each_item_by_path(sim: SimulatorServer, http: httpx.Client) -> None:
    _batch(http, [_pause("4001"), _pause("4003")])
    assert sim.calls == 1
    assert sim.calls_by_path["/4001"] == 1 and sim.calls_by_path["/"] == 1


def test_batch_items_charge_the_accounts_usage(sim: SimulatorServer, http: httpx.Client) -> None:
    _batch(http, [_pause("4001")] * 10)
    assert sim.usage_of("act_1001") == 1.5  # 10 writes x 3 points of 2000


def test_status_of_another_sellers_ad_in_a_batch_is_refused(sim: SimulatorServer, http: httpx.Client) -> None:
    results = _batch(http, [_pause("4101")]).json()
    assert json.loads(results[0]["body"])["error"]["code"] == 100
    assert sim.status_of("4101") == "ACTIVE"


def test_scenario_faults_are_armed_at_start(clock: Any) -> None:
    from simulator import parse_scenario

    raw = {
        "ad_accounts": [{"id": "act_1", "name": "A", "access_token": "t", "campaigns": []}],
        "faults": [{"path": "/act_1", "code": 4, "times": 1}],
    }
    with SimulatorServer(parse_scenario(raw), now=clock) as server:
        first = httpx.get(f"{server.base_url}/v25.0/act_1", params={"access_token": "t"})
        second = httpx.get(f"{server.base_url}/v25.0/act_1", params={"access_token": "t"})
    assert first.json()["error"]["code"] == 4 and second.status_code == 200
