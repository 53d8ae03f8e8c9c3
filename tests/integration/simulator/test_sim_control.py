"""The `/__control/...` endpoints: the same controls as SimulatorServer, over HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from simulator.testing import SimulatorServer


@pytest.fixture
def control(sim: SimulatorServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sim.base_url + "/__control") as client:
        yield client


def test_fault_added_over_http_fires_and_clears(control: httpx.Client, http: httpx.Client) -> None:
    control.post("/faults", json={"path": "/act_1001", "code": 2, "times": 1}).raise_for_status()
    assert http.get("/act_1001").json()["error"]["code"] == 2
    control.post("/faults", json={"path": "/act_1001", "code": 2})
    control.delete("/faults").raise_for_status()
    assert http.get("/act_1001").status_code == 200


def test_set_and_remove_insight_over_http(control: httpx.Client, http: httpx.Client) -> None:
    week = json.dumps({"since": "2026-11-15", "until": "2026-11-21"})
    params = {"level": "ad", "time_increment": "1", "time_range": week, "fields": "ad_id,spend"}
    control.put("/insights", json={"ad_id": "4001", "date": "2026-11-18", "spend": "7.5", "impressions": 100})
    rows = http.get("/act_1001/insights", params=params).json()["data"]
    assert {"ad_id": "4001", "spend": "7.5", "date_start": "2026-11-18", "date_stop": "2026-11-18"} in rows
    control.delete("/insights/4001/2026-11-18").raise_for_status()
    rows = http.get("/act_1001/insights", params=params).json()["data"]
    assert all(r["date_start"] != "2026-11-18" for r in rows)


def test_expire_token_over_http(control: httpx.Client, http: httpx.Client) -> None:
    control.post("/tokens/expire", json={"token": "token-1001"}).raise_for_status()
    assert http.get("/act_1001").json()["error"]["error_subcode"] == 463


def test_set_usage_over_http(control: httpx.Client, http: httpx.Client) -> None:
    control.post("/usage", json={"account_id": "act_1001", "pct": 100}).raise_for_status()
    assert http.get("/act_1001/insights").json()["error"]["code"] == 80000


def test_status_reports_calls_usage_and_report_runs(control: httpx.Client, http: httpx.Client) -> None:
    http.get("/act_1001")
    run_id = http.post("/act_1001/insights", data={"level": "ad"}).json()["report_run_id"]
    status = control.get("/status").json()
    assert status["calls"] == 2 and status["calls_by_path"] == {"/act_1001": 1, "/act_1001/insights": 1}
    assert status["usage"]["1001"] == 0.2
    assert status["report_runs"][run_id]["async_status"] == "Job Not Started"


def test_object_status_and_reset(control: httpx.Client, http: httpx.Client) -> None:
    http.post("/4001", data={"status": "PAUSED"})
    assert control.get("/objects/4001").json() == {
        "id": "4001",
        "kind": "ad",
        "status": "PAUSED",
        "effective_status": "PAUSED",
    }
    control.post("/reset").raise_for_status()
    assert control.get("/objects/4001").json()["status"] == "ACTIVE"
    assert control.get("/status").json()["calls"] == 0


def test_clock_advance_moves_time_based_state(control: httpx.Client) -> None:
    before = control.get("/status").json()["now"]
    after = control.post("/clock", json={"advance_seconds": 3600}).json()["now"]
    assert before.startswith("2026-11-21T18:00") and after.startswith("2026-11-21T19:00")
