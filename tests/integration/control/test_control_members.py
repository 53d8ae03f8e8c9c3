"""Bulk status by team members: a removed member's job still finishes whole, and a member limited
to some ad accounts can neither pause nor see the others' ads or jobs."""

from __future__ import annotations

import uuid

from control_helpers import control_scenario, seed_scenario

from pixecom.control.apply import apply_job

STATUS_URL = "/api/ads-manager/status"


def test_a_job_started_by_a_member_removed_mid_session_is_neither_lost_nor_half_applied(
    api, make_seller, make_member, sqs, control_queue, simulator, graph_for, clock
):
    scenario = control_scenario(ads=5)
    sim = simulator(scenario)
    owner = make_seller()
    buyer = make_member(owner.seller_id, "media_buyer", email="bo@agency.example")
    seeded = seed_scenario(owner.seller_id, scenario)
    body = {"level": "ad", "ids": [str(i) for i in seeded.ads.values()], "status": "PAUSED"}
    job_id = api.post(STATUS_URL, json=body, headers=buyer.headers).json()["job_id"]

    assert api.delete(f"/api/team/members/{buyer.user_id}", headers=owner.headers).status_code == 204
    assert api.get(f"/api/jobs/{job_id}", headers=buyer.headers).status_code == 401
    (report,) = [
        apply_job(uuid.UUID(m["job_id"]), graph=graph_for(sim), clock=clock) for m in control_queue()
    ]

    assert report.applied == 5
    assert {sim.status_of(meta_id) for meta_id in seeded.ads} == {"PAUSED"}
    job = api.get(f"/api/jobs/{job_id}", headers=owner.headers).json()
    assert job["status"] == "succeeded" and {i["outcome"] for i in job["items"]} == {"applied"}
    audit = api.get(f"/api/audit?job_id={job_id}", headers=owner.headers).json()["data"]
    assert {(e["action"], e["user_email"]) for e in audit} == {
        ("status_change_requested", "bo@agency.example"),
        ("status_change", "bo@agency.example"),
    }


def test_a_limited_member_pauses_and_sees_only_their_accounts_ads_and_jobs(
    api, make_seller, make_member, sqs, control_queue
):
    owner = make_seller()
    mine = seed_scenario(owner.seller_id, control_scenario(ads=2))
    theirs = seed_scenario(
        owner.seller_id, control_scenario("act_8001", "tok-8001", ads=1, campaign_prefix="8001")
    )
    limited = make_member(owner.seller_id, "media_buyer", ad_account_ids=list(mine.account_ids.values()))
    their_ids = [str(i) for i in theirs.ads.values()]
    owners_job = api.post(
        STATUS_URL, json={"level": "ad", "ids": their_ids, "status": "PAUSED"}, headers=owner.headers
    )

    refused = api.post(
        STATUS_URL, json={"level": "ad", "ids": their_ids, "status": "PAUSED"}, headers=limited.headers
    )
    accepted = api.post(
        STATUS_URL, json={"level": "ad", "ids": [str(i) for i in mine.ads.values()], "status": "PAUSED"},
        headers=limited.headers,
    )  # fmt: skip

    assert (refused.status_code, refused.json()["error"]["code"]) == (404, "not_found")
    assert accepted.status_code == 202
    listed = api.get("/api/jobs", headers=limited.headers).json()["data"]
    assert [j["id"] for j in listed] == [accepted.json()["job_id"]]
    assert api.get(f"/api/jobs/{owners_job.json()['job_id']}", headers=limited.headers).status_code == 404
    audit_jobs = {e["job_id"] for e in api.get("/api/audit", headers=limited.headers).json()["data"]}
    assert audit_jobs == {accepted.json()["job_id"]}
