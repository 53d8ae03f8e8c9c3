"""Nodes and edges over real HTTP: fields, effective_status filtering, cursor paging."""

from __future__ import annotations

import json

import httpx

from simulator.testing import SimulatorServer

V = "/v25.0"


def test_ad_account_node_answers_the_requested_fields(http: httpx.Client) -> None:
    fields = "id,account_id,name,currency,timezone_name,timezone_offset_hours_utc,account_status"
    body = http.get("/act_1001", params={"fields": fields}).json()
    assert body == {
        "id": "act_1001",
        "account_id": "1001",
        "name": "Mugs US",
        "currency": "USD",
        "timezone_name": "America/Los_Angeles",
        "timezone_offset_hours_utc": -8.0,
        "account_status": 1,
    }


def test_any_graph_version_prefix_is_served(sim: SimulatorServer, raw: httpx.Client) -> None:
    for version in ("v19.0", "v25.0", "v27.0", "v31.0"):
        response = raw.get(f"{sim.base_url}/{version}/act_1001", params={"access_token": "token-1001"})
        assert response.json() == {"id": "act_1001", "account_id": "1001"}


def test_campaign_edge_returns_only_id_without_fields(http: httpx.Client) -> None:
    assert http.get("/act_1001/campaigns").json()["data"] == [{"id": "2001"}]


def test_adset_fields_include_learning_stage_and_promoted_object(http: httpx.Client) -> None:
    fields = "id,campaign_id,optimization_goal,promoted_object,learning_stage_info,daily_budget"
    data = http.get("/act_1001/adsets", params={"fields": fields}).json()["data"]
    assert data[0] == {
        "id": "3001",
        "campaign_id": "2001",
        "optimization_goal": "OFFSITE_CONVERSIONS",
        "promoted_object": {"custom_event_type": "PURCHASE"},
        "learning_stage_info": {
            "status": "SUCCESS",
            "conversions": 50,
            "attribution_windows": ["7d_click", "1d_view"],
        },
    }
    assert data[1]["learning_stage_info"]["status"] == "LEARNING"


def test_ad_creative_expansion_carries_the_link_url(http: httpx.Client) -> None:
    fields = "id,creative{id,link_url,object_story_spec{link_data{link}}}"
    ad = http.get("/4001", params={"fields": fields}).json()
    assert ad["creative"]["link_url"] == "https://shop.example.com/p/mug"
    assert ad["creative"]["object_story_spec"] == {"link_data": {"link": "https://shop.example.com/p/mug"}}


def test_creative_without_sub_fields_is_a_reference(http: httpx.Client) -> None:
    assert set(http.get("/4001", params={"fields": "creative"}).json()["creative"]) == {"id"}


def test_effective_status_filter_selects_ads(http: httpx.Client) -> None:
    response = http.get(
        "/act_1001/ads",
        params={"fields": "id,effective_status", "effective_status": json.dumps(["DISAPPROVED"])},
    )
    assert response.json()["data"] == [{"id": "4002", "effective_status": "DISAPPROVED"}]


def test_unknown_field_is_error_100(http: httpx.Client) -> None:
    response = http.get("/act_1001/campaigns", params={"fields": "id,colour"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == 100
    assert "colour" in response.json()["error"]["message"]


def test_paging_walks_every_ad_with_next_links_carrying_the_token(
    big_sim: SimulatorServer, raw: httpx.Client
) -> None:
    url = f"{big_sim.base_url}{V}/act_1001/ads"
    params: dict[str, str] | None = {
        "access_token": "token-1001",
        "limit": "7",
        "fields": "id",
        "effective_status": json.dumps(
            [
                "ACTIVE",
                "PAUSED",
                "DISAPPROVED",
                "PENDING_REVIEW",
                "ADSET_PAUSED",
                "CAMPAIGN_PAUSED",
                "WITH_ISSUES",
                "IN_PROCESS",
                "PENDING_BILLING_INFO",
                "PREAPPROVED",
            ]
        ),
    }
    seen: list[str] = []
    pages = 0
    while url:
        body = raw.get(url, params=params).json()
        pages += 1
        seen += [row["id"] for row in body["data"]]
        assert set(body["paging"]["cursors"]) == {"before", "after"}
        url, params = body["paging"].get("next"), None
        if url:
            assert "access_token=token-1001" in url and "after=" in url
    assert pages == 6 and len(seen) == 40 == len(set(seen))


def test_last_page_has_cursors_but_no_next(http: httpx.Client) -> None:
    first = http.get("/act_1001/ads", params={"limit": 2}).json()
    second = http.get(
        "/act_1001/ads", params={"limit": 2, "after": first["paging"]["cursors"]["after"]}
    ).json()
    assert [row["id"] for row in second["data"]] == ["4003"]
    assert "next" not in second["paging"] and "previous" in second["paging"]


def test_campaign_children_edges(http: httpx.Client) -> None:
    assert [a["id"] for a in http.get("/3001/ads").json()["data"]] == ["4001", "4002"]
    assert [s["id"] for s in http.get("/2001/adsets").json()["data"]] == ["3001", "3002"]


def test_me_adaccounts_lists_the_tokens_accounts(http: httpx.Client) -> None:
    body = http.get("/me/adaccounts", params={"fields": "id,currency"}).json()
    assert body["data"] == [{"id": "act_1001", "currency": "USD"}]
