"""What Meta does with numbers that the sync must follow: attribution settings, deleted and
archived ads in ad-level insights, account totals."""

from __future__ import annotations

import json
from typing import Any

import httpx

from simulator.testing import SimulatorServer

WEEK = json.dumps({"since": "2026-11-15", "until": "2026-11-21"})
ONE_DAY_CLICK = [{"event_type": "CLICK_THROUGH", "window_days": 1}]


def _insights(http: httpx.Client, level: str, fields: str, **extra: Any) -> list[dict[str, Any]]:
    params = {"level": level, "time_range": WEEK, "fields": fields, **extra}
    response = http.get("/act_1001/insights", params=params)
    assert response.status_code == 200, response.text
    return response.json()["data"]


def test_every_ad_set_answers_an_attribution_spec_defaulting_to_7_day_click_1_day_view(
    http: httpx.Client,
) -> None:
    data = http.get("/act_1001/adsets", params={"fields": "id,attribution_spec"}).json()["data"]
    assert data[0] == {
        "id": "3001",
        "attribution_spec": [
            {"event_type": "CLICK_THROUGH", "window_days": 7},
            {"event_type": "VIEW_THROUGH", "window_days": 1},
        ],
    }


def test_insights_name_each_ad_sets_attribution_setting_and_mixed_above_different_ones(
    sim: SimulatorServer, http: httpx.Client
) -> None:
    with sim.state.lock:
        adset = sim.state.entries["3002"].adset
        assert adset is not None
        adset.attribution_spec = ONE_DAY_CLICK
    by_adset = {
        r["adset_id"]: r["attribution_setting"]
        for r in _insights(http, "adset", "adset_id,attribution_setting")
    }
    assert by_adset == {"3001": "7d_click_1d_view", "3002": "1d_click"}
    (campaign,) = _insights(http, "campaign", "campaign_id,attribution_setting")
    assert campaign["attribution_setting"] == "mixed"


def test_the_unified_attribution_flag_is_accepted_and_changes_nothing(http: httpx.Client) -> None:
    plain = _insights(http, "ad", "ad_id,spend,actions")
    flagged = _insights(http, "ad", "ad_id,spend,actions", use_unified_attribution_setting="true")
    assert flagged == plain


def _deleted_4003(sim: SimulatorServer, status: str = "DELETED") -> None:
    sim.state.set_status("4003", status)


def test_ad_level_insights_leave_out_a_deleted_ad_by_default(
    sim: SimulatorServer, http: httpx.Client
) -> None:
    _deleted_4003(sim)
    assert {r["ad_id"] for r in _insights(http, "ad", "ad_id,spend")} == {"4001", "4002"}


def test_ad_level_insights_leave_out_an_archived_ad_by_default(
    sim: SimulatorServer, http: httpx.Client
) -> None:
    _deleted_4003(sim, "ARCHIVED")
    assert "4003" not in {r["ad_id"] for r in _insights(http, "ad", "ad_id,spend")}


def test_a_filter_on_ad_effective_status_brings_deleted_ads_back_exactly(
    sim: SimulatorServer, http: httpx.Client
) -> None:
    _deleted_4003(sim)
    only_deleted = json.dumps([{"field": "ad.effective_status", "operator": "IN", "value": ["DELETED"]}])
    assert {r["ad_id"] for r in _insights(http, "ad", "ad_id", filtering=only_deleted)} == {"4003"}
    every = json.dumps(
        [{"field": "ad.effective_status", "operator": "IN", "value": ["ACTIVE", "DISAPPROVED", "DELETED"]}]
    )
    assert {r["ad_id"] for r in _insights(http, "ad", "ad_id", filtering=every)} == {"4001", "4002", "4003"}


def test_parent_and_account_totals_still_count_a_deleted_ads_numbers(
    sim: SimulatorServer, http: httpx.Client
) -> None:
    _deleted_4003(sim)
    (account,) = _insights(http, "account", "spend,impressions")
    assert (account["spend"], account["impressions"]) == ("20.84", "1500")  # 12.34 + 3.5 + 5
    by_adset = {r["adset_id"]: r["spend"] for r in _insights(http, "adset", "adset_id,spend")}
    assert by_adset["3002"] == "5"
