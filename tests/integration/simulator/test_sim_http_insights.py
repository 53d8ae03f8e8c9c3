"""Insights over real HTTP: Meta's wire format, sync limits, async report runs."""

from __future__ import annotations

import json
from typing import Any

import httpx

from simulator.testing import SimulatorServer

FIELDS = (
    "account_id,account_currency,campaign_id,adset_id,ad_id,spend,impressions,reach,clicks,"
    "inline_link_clicks,actions,action_values,results,cost_per_result"
)
WEEK = json.dumps({"since": "2026-11-15", "until": "2026-11-21"})


def _ad_rows(http: httpx.Client, **extra: Any) -> list[dict[str, Any]]:
    params = {"level": "ad", "time_increment": "1", "time_range": WEEK, "fields": FIELDS, **extra}
    response = http.get("/act_1001/insights", params=params)
    assert response.status_code == 200, response.text
    return response.json()["data"]


def _row(rows: list[dict[str, Any]], ad_id: str, day: str) -> dict[str, Any]:
    return next(r for r in rows if r["ad_id"] == ad_id and r["date_start"] == day)


def _actions(row: dict[str, Any], key: str = "actions") -> dict[str, str]:
    return {a["action_type"]: a["value"] for a in row.get(key, [])}


def test_numbers_are_strings_and_ids_and_dates_are_present(http: httpx.Client) -> None:
    row = _row(_ad_rows(http), "4001", "2026-11-20")
    assert row["spend"] == "12.34" and row["impressions"] == "1000" and row["reach"] == "800"
    assert row["clicks"] == "52" and row["inline_link_clicks"] == "40"
    assert (row["account_id"], row["campaign_id"], row["adset_id"]) == ("1001", "2001", "3001")
    assert (row["date_start"], row["date_stop"], row["account_currency"]) == (
        "2026-11-20",
        "2026-11-20",
        "USD",
    )


def test_every_purchase_alias_carries_the_same_count_and_value(http: httpx.Client) -> None:
    row = _row(_ad_rows(http), "4001", "2026-11-20")
    actions, values = _actions(row), _actions(row, "action_values")
    for alias in ("omni_purchase", "purchase", "offsite_conversion.fb_pixel_purchase"):
        assert actions[alias] == "2"
        assert values[alias] == "59.9"
    for alias in ("omni_view_content", "view_content", "offsite_conversion.fb_pixel_view_content"):
        assert actions[alias] == "30"
    for alias in ("omni_add_to_cart", "add_to_cart", "offsite_conversion.fb_pixel_add_to_cart"):
        assert actions[alias] == "8"
    for alias in (
        "omni_initiated_checkout",
        "initiate_checkout",
        "offsite_conversion.fb_pixel_initiate_checkout",
    ):
        assert actions[alias] == "4"
    assert actions["link_click"] == "40"


def test_zero_metrics_are_left_out(http: httpx.Client) -> None:
    row = _row(_ad_rows(http), "4002", "2026-11-19")
    assert "reach" not in row and "action_values" not in row
    assert "purchase" not in _actions(row) and "add_to_cart" not in _actions(row)


def test_days_without_delivery_have_no_row(http: httpx.Client) -> None:
    rows = _ad_rows(http)
    assert sorted((r["ad_id"], r["date_start"]) for r in rows) == [
        ("4001", "2026-11-20"),
        ("4002", "2026-11-19"),
        ("4003", "2026-11-20"),
    ]


def test_results_follow_the_ad_sets_optimization_event(http: httpx.Client) -> None:
    rows = _ad_rows(http)
    assert _row(rows, "4001", "2026-11-20")["results"] == [
        {
            "indicator": "actions:offsite_conversion.fb_pixel_purchase",
            "values": [{"value": "2", "attribution_windows": ["default"]}],
        }
    ]
    assert _row(rows, "4003", "2026-11-20")["results"] == [
        {
            "indicator": "actions:offsite_conversion.fb_pixel_add_to_cart",
            "values": [{"value": "3", "attribution_windows": ["default"]}],
        }
    ]


def test_zero_results_keep_the_indicator_without_values(http: httpx.Client) -> None:
    row = _row(_ad_rows(http), "4002", "2026-11-19")
    assert row["results"] == [{"indicator": "actions:offsite_conversion.fb_pixel_purchase"}]


def test_set_insight_changes_later_reads(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.set_insight("4001", "2026-11-20", actions={"purchase": 5}, action_values={"purchase": "150"})
    row = _row(_ad_rows(http), "4001", "2026-11-20")
    assert _actions(row)["omni_purchase"] == "5" and _actions(row, "action_values")["purchase"] == "150"
    assert _actions(row)["view_content"] == "30" and row["spend"] == "12.34"


def test_remove_insight_drops_the_row(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.remove_insight("4001", "2026-11-20")
    assert ("4001", "2026-11-20") not in {(r["ad_id"], r["date_start"]) for r in _ad_rows(http)}


def test_account_level_all_days_sums_the_ads(http: httpx.Client) -> None:
    rows = http.get("/act_1001/insights", params={"time_range": WEEK, "fields": "spend,impressions"}).json()
    assert rows["data"] == [
        {"spend": "20.84", "impressions": "1500", "date_start": "2026-11-15", "date_stop": "2026-11-21"}
    ]


def test_insights_paging_uses_limit_and_after(http: httpx.Client) -> None:
    first = http.get(
        "/act_1001/insights", params={"level": "ad", "time_increment": "1", "time_range": WEEK, "limit": 2}
    ).json()
    assert len(first["data"]) == 2 and "next" in first["paging"]
    second = httpx.get(first["paging"]["next"]).json()
    assert len(second["data"]) == 1 and "next" not in second["paging"]


def test_too_much_data_for_a_sync_request_is_error_1_http_500(sim_with: Any) -> None:
    small = sim_with(sync_insights_max_ad_days=10)
    response = httpx.get(
        f"{small.base_url}/v25.0/act_1001/insights",
        params={"access_token": "token-1001", "level": "ad", "time_increment": "1", "time_range": WEEK},
    )
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["code"] == 1
    assert error["message"].startswith("Please reduce the amount of data you're asking for")


def test_usage_throttle_header_is_sent_on_insights(http: httpx.Client) -> None:
    response = http.get("/act_1001/insights", params={"time_range": WEEK})
    assert set(json.loads(response.headers["x-fb-ads-insights-throttle"])) >= {
        "app_id_util_pct",
        "acc_id_util_pct",
    }


def _start_report(http: httpx.Client) -> str:
    response = http.post(
        "/act_1001/insights",
        data={"level": "ad", "time_increment": "1", "time_range": WEEK, "fields": FIELDS},
    )
    assert response.status_code == 200, response.text
    return str(response.json()["report_run_id"])


def test_report_run_moves_from_not_started_through_running_to_completed(http: httpx.Client) -> None:
    run_id = _start_report(http)
    polls = [http.get(f"/{run_id}").json() for _ in range(3)]
    assert [(p["async_status"], p["async_percent_completion"]) for p in polls] == [
        ("Job Not Started", 0),
        ("Job Running", 50),
        ("Job Completed", 100),
    ]
    assert polls[-1]["id"] == run_id and polls[-1]["account_id"] == "1001"


def test_completed_report_pages_its_rows(http: httpx.Client) -> None:
    run_id = _start_report(http)
    for _ in range(3):
        http.get(f"/{run_id}")
    first = http.get(f"/{run_id}/insights", params={"limit": 2}).json()
    rest = httpx.get(first["paging"]["next"]).json()
    rows = first["data"] + rest["data"]
    assert len(rows) == 3 and _row(rows, "4001", "2026-11-20")["spend"] == "12.34"


def test_injected_job_failed_ends_the_run_with_v25_error_fields(
    sim: SimulatorServer, http: httpx.Client
) -> None:
    sim.inject_fault("/act_1001/insights", async_status="Job Failed", times=1)
    failed = _start_report(http)
    statuses = [http.get(f"/{failed}").json() for _ in range(3)]
    assert statuses[-1]["async_status"] == "Job Failed"
    assert statuses[-1]["error_code"] == -2 and statuses[-1]["error_subcode"] == 2490547
    again = _start_report(http)
    assert [http.get(f"/{again}").json()["async_status"] for _ in range(3)][-1] == "Job Completed"


def test_report_run_can_be_driven_by_time(sim_with: Any, clock: Any) -> None:
    timed = sim_with(report_seconds_to_complete=60)
    with httpx.Client(base_url=timed.base_url + "/v25.0", params={"access_token": "token-1001"}) as http:
        run_id = _start_report(http)
        clock.advance(30)
        assert http.get(f"/{run_id}").json()["async_status"] == "Job Running"
        clock.advance(31)
        assert http.get(f"/{run_id}").json()["async_status"] == "Job Completed"


def test_reading_an_unfinished_report_is_an_error(http: httpx.Client) -> None:
    run_id = _start_report(http)
    response = http.get(f"/{run_id}/insights")
    assert response.status_code == 400 and response.json()["error"]["code"] == 100


def test_injected_job_skipped_is_reported_as_skipped(sim: SimulatorServer, http: httpx.Client) -> None:
    sim.inject_fault("/act_*/insights", async_status="Job Skipped", times=1)
    run_id = _start_report(http)
    assert [http.get(f"/{run_id}").json()["async_status"] for _ in range(3)][-1] == "Job Skipped"
    assert http.get(f"/{run_id}/insights").json()["error"]["error_subcode"] == 2490547
