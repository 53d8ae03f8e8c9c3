"""POST /api/ads-manager/status, GET /api/jobs[/{id}], GET /api/audit: acceptance side (no worker)."""

from __future__ import annotations

import uuid

from control_helpers import control_scenario, seed_scenario
from sqlalchemy import func, select

from pixecom.db.engine import session_scope
from pixecom.db.models import AuditLog, Job, JobItem
from pixecom.domain.enums import ConnectionStatus

STATUS_URL = "/api/ads-manager/status"


def _job_count() -> int:
    with session_scope() as s:
        return s.scalar(select(func.count()).select_from(Job)) or 0


def test_pause_request_queues_one_job_with_an_item_per_ad(api, make_seller, sqs, control_queue):
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, control_scenario(ads=3))
    ids = [str(i) for i in seeded.ads.values()]

    response = api.post(
        STATUS_URL, json={"level": "ad", "ids": ids, "status": "PAUSED"}, headers=seller.headers
    )

    assert response.status_code == 202
    job_id = response.json()["job_id"]
    assert control_queue() == [{"job_id": job_id}]
    job = api.get(f"/api/jobs/{job_id}", headers=seller.headers).json()
    assert job["status"] == "queued" and job["kind"] == "status_change" and job["finished_at"] is None
    assert [
        (i["name"], i["from_status"], i["to_status"], i["outcome"], i["error"]) for i in job["items"]
    ] == [
        ("Ad 000", "ACTIVE", "PAUSED", "pending", None),
        ("Ad 001", "ACTIVE", "PAUSED", "pending", None),
        ("Ad 002", "ACTIVE", "PAUSED", "pending", None),
    ]
    assert {i["id"] for i in job["items"]} == set(ids)
    assert set(job) == {"id", "kind", "status", "created_at", "finished_at", "budget", "items"}


def test_foreign_id_answers_404_and_queues_nothing(api, make_seller, sqs, control_queue):
    mine, other = make_seller(), make_seller()
    my_ads = seed_scenario(mine.seller_id, control_scenario(ads=2)).ads
    their_ads = seed_scenario(
        other.seller_id, control_scenario("act_8001", "tok-8001", ads=1, campaign_prefix="8001")
    ).ads
    ids = [str(i) for i in [*my_ads.values(), *their_ads.values()]]

    response = api.post(
        STATUS_URL, json={"level": "ad", "ids": ids, "status": "PAUSED"}, headers=mine.headers
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert str(next(iter(their_ads.values()))) not in response.text
    assert control_queue() == []
    assert _job_count() == 0


def test_id_of_another_level_is_not_found(api, make_seller, sqs, control_queue):
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, control_scenario(ads=1))
    body = {"level": "campaign", "ids": [str(next(iter(seeded.ads.values())))], "status": "PAUSED"}

    assert api.post(STATUS_URL, json=body, headers=seller.headers).status_code == 404
    assert control_queue() == []


def test_account_needing_reauth_answers_409_naming_it(api, make_seller, sqs, control_queue):
    seller = make_seller()
    seeded = seed_scenario(
        seller.seller_id, control_scenario(ads=2), connection=ConnectionStatus.NEEDS_REAUTH
    )
    body = {"level": "ad", "ids": [str(i) for i in seeded.ads.values()], "status": "PAUSED"}

    response = api.post(STATUS_URL, json=body, headers=seller.headers)

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "account_needs_reauth"
    assert "Shop act_7001" in error["message"] and "act_7001" in error["message"]
    assert control_queue() == [] and _job_count() == 0


def test_same_idempotency_key_twice_makes_one_job_and_one_message(api, make_seller, sqs, control_queue):
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, control_scenario(ads=2))
    body = {"level": "ad", "ids": [str(i) for i in seeded.ads.values()], "status": "PAUSED"}
    headers = {**seller.headers, "Idempotency-Key": "pause-losers-1"}

    first = api.post(STATUS_URL, json=body, headers=headers)
    second = api.post(STATUS_URL, json={**body, "ids": body["ids"][::-1]}, headers=headers)

    assert first.status_code == second.status_code == 202
    assert first.json() == second.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    assert _job_count() == 1
    assert len(control_queue()) == 1


def test_same_idempotency_key_with_a_different_body_is_refused(api, make_seller, sqs):
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, control_scenario(ads=2))
    ids = [str(i) for i in seeded.ads.values()]
    headers = {**seller.headers, "Idempotency-Key": "k-1"}
    assert (
        api.post(
            STATUS_URL, json={"level": "ad", "ids": ids, "status": "PAUSED"}, headers=headers
        ).status_code
        == 202
    )

    response = api.post(STATUS_URL, json={"level": "ad", "ids": ids, "status": "ACTIVE"}, headers=headers)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "idempotency_key_reused"
    assert _job_count() == 1


def test_idempotency_keys_are_per_seller(api, make_seller, sqs):
    a, b = make_seller(), make_seller()
    ads_a = seed_scenario(a.seller_id, control_scenario(ads=1)).ads
    ads_b = seed_scenario(
        b.seller_id, control_scenario("act_8001", "tok-8001", ads=1, campaign_prefix="8001")
    ).ads

    ra = api.post(
        STATUS_URL,
        json={"level": "ad", "ids": [str(*ads_a.values())], "status": "PAUSED"},
        headers={**a.headers, "Idempotency-Key": "same"},
    )
    rb = api.post(
        STATUS_URL,
        json={"level": "ad", "ids": [str(*ads_b.values())], "status": "PAUSED"},
        headers={**b.headers, "Idempotency-Key": "same"},
    )

    assert ra.status_code == rb.status_code == 202
    assert ra.json()["job_id"] != rb.json()["job_id"]


def test_items_already_at_the_target_are_skipped_and_need_no_worker(api, make_seller, sqs, control_queue):
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, control_scenario(ads=2))
    body = {"level": "campaign", "ids": [str(i) for i in seeded.campaigns.values()], "status": "ACTIVE"}

    job_id = api.post(STATUS_URL, json=body, headers=seller.headers).json()["job_id"]

    job = api.get(f"/api/jobs/{job_id}", headers=seller.headers).json()
    assert job["status"] == "succeeded" and job["finished_at"] is not None
    assert [i["outcome"] for i in job["items"]] == ["skipped"]
    assert control_queue() == []


def test_repeated_ids_make_one_item(api, make_seller, sqs):
    seller = make_seller()
    ad = str(next(iter(seed_scenario(seller.seller_id, control_scenario(ads=1)).ads.values())))

    job_id = api.post(
        STATUS_URL, json={"level": "ad", "ids": [ad, ad], "status": "PAUSED"}, headers=seller.headers
    ).json()["job_id"]

    assert len(api.get(f"/api/jobs/{job_id}", headers=seller.headers).json()["items"]) == 1


def test_a_queue_that_cannot_be_reached_answers_503_and_keeps_nothing(api, make_seller, sqs, monkeypatch):
    from pixecom.settings import get_settings

    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, control_scenario(ads=1))
    monkeypatch.setenv("CONTROL_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/missing")
    get_settings.cache_clear()

    response = api.post(
        STATUS_URL,
        json={"level": "ad", "ids": [str(*seeded.ads.values())], "status": "PAUSED"},
        headers=seller.headers,
    )

    assert response.status_code == 503
    assert response.json()["error"]["code"] == "queue_unavailable"
    assert _job_count() == 0
    with session_scope() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog)) == 0
        assert s.scalar(select(func.count()).select_from(JobItem)) == 0


BAD_BODIES = [
    ({"level": "ad", "ids": [], "status": "PAUSED"}, "ids"),
    ({"level": "ad", "ids": [str(uuid.uuid4()) for _ in range(501)], "status": "PAUSED"}, "ids"),
    ({"level": "ads", "ids": [str(uuid.uuid4())], "status": "PAUSED"}, "level"),
    ({"level": "ad", "ids": [str(uuid.uuid4())], "status": "ARCHIVED"}, "status"),
    ({"level": "ad", "ids": ["not-a-uuid"], "status": "PAUSED"}, "ids.0"),
    ({"level": "ad", "ids": [str(uuid.uuid4())]}, "status"),
    ({"level": "ad", "ids": [str(uuid.uuid4())], "status": "PAUSED", "extra": 1}, "extra"),
]


def test_bad_status_requests_answer_422_naming_the_field(api, make_seller, sqs, control_queue):
    seller = make_seller()  # one database for all cases: setup dominates this test's time

    answers = [api.post(STATUS_URL, json=body, headers=seller.headers) for body, _ in BAD_BODIES]

    assert [(r.status_code, r.json()["error"]["field"]) for r in answers] == [(422, f) for _, f in BAD_BODIES]
    malformed = api.post(
        STATUS_URL, content=b"{oops", headers={**seller.headers, "Content-Type": "application/json"}
    )
    assert malformed.status_code == 400
    assert control_queue() == []
    assert _job_count() == 0


def test_status_change_needs_a_token(api, sqs):
    response = api.post(STATUS_URL, json={"level": "ad", "ids": [str(uuid.uuid4())], "status": "PAUSED"})
    assert response.status_code == 401


def test_another_sellers_job_is_not_found(api, make_seller, sqs):
    owner, stranger = make_seller(), make_seller()
    seeded = seed_scenario(owner.seller_id, control_scenario(ads=1))
    job_id = api.post(
        STATUS_URL,
        json={"level": "ad", "ids": [str(*seeded.ads.values())], "status": "PAUSED"},
        headers=owner.headers,
    ).json()["job_id"]

    assert api.get(f"/api/jobs/{job_id}", headers=stranger.headers).status_code == 404
    assert api.get("/api/jobs", headers=stranger.headers).json()["data"] == []
    assert api.get("/api/audit", headers=stranger.headers).json()["data"] == []


def test_malformed_job_id_is_422(api, make_seller):
    seller = make_seller()
    response = api.get("/api/jobs/12345", headers=seller.headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "job_id"


def test_jobs_list_newest_first_in_pages(api, make_seller, sqs):
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, control_scenario(ads=3))
    made = []
    for ad in seeded.ads.values():
        made.append(
            api.post(
                STATUS_URL, json={"level": "ad", "ids": [str(ad)], "status": "PAUSED"}, headers=seller.headers
            ).json()["job_id"]
        )

    first = api.get("/api/jobs?limit=2", headers=seller.headers).json()
    second = api.get(
        f"/api/jobs?limit=2&cursor={first['paging']['next_cursor']}", headers=seller.headers
    ).json()

    assert [j["id"] for j in first["data"] + second["data"]] == made[::-1]
    assert second["paging"]["next_cursor"] is None
    assert first["data"][0]["counts"] == {"pending": 1, "applied": 0, "failed": 0, "skipped": 0}
    assert first["data"][0]["level"] == "ad" and first["data"][0]["target_status"] == "PAUSED"


def test_jobs_list_refuses_a_forged_cursor(api, make_seller):
    seller = make_seller()
    response = api.get("/api/jobs?cursor=bm90LWEtY3Vyc29y", headers=seller.headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "cursor"


def test_audit_records_the_request_and_each_skipped_item(api, make_seller, sqs):
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, control_scenario(ads=1))
    campaign = str(*seeded.campaigns.values())
    job_id = api.post(
        STATUS_URL, json={"level": "campaign", "ids": [campaign], "status": "ACTIVE"}, headers=seller.headers
    ).json()["job_id"]

    entries = api.get("/api/audit", headers=seller.headers).json()["data"]

    assert [
        (e["action"], e["entity_id"], e["from_status"], e["to_status"], e["outcome"]) for e in entries
    ] == [
        ("status_change", campaign, "ACTIVE", "ACTIVE", "skipped"),
        ("status_change_requested", None, None, "ACTIVE", "accepted"),
    ]
    assert {e["job_id"] for e in entries} == {job_id}
    assert {e["user_id"] for e in entries} == {str(seller.user_id)}
    assert entries[0]["entity_name"] == "Campaign A" and entries[0]["entity_level"] == "campaign"


def test_audit_pages_with_a_cursor(api, make_seller, sqs):
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, control_scenario(ads=1))
    campaign = str(*seeded.campaigns.values())
    for _ in range(2):
        api.post(
            STATUS_URL,
            json={"level": "campaign", "ids": [campaign], "status": "ACTIVE"},
            headers=seller.headers,
        )

    first = api.get("/api/audit?limit=3", headers=seller.headers).json()
    rest = api.get(
        f"/api/audit?limit=3&cursor={first['paging']['next_cursor']}", headers=seller.headers
    ).json()

    ids = [e["id"] for e in first["data"] + rest["data"]]
    assert len(ids) == 4 and ids == sorted(ids, reverse=True)
    assert rest["paging"]["next_cursor"] is None
    assert api.get("/api/audit?cursor=abc", headers=seller.headers).status_code == 422
