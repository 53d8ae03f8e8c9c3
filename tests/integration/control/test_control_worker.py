"""The ControlWorker logic against the Graph simulator over HTTP, real Postgres and moto SQS."""

from __future__ import annotations

import uuid

import pytest
from control_helpers import control_scenario, queue_depth, seed_scenario
from sqlalchemy import select

from pixecom.control.apply import RetryLater, apply_job
from pixecom.db.engine import session_scope
from pixecom.db.models import Ad, AdAccount, Job, JobItem
from pixecom.domain.enums import ConnectionStatus, JobItemOutcome

# Through PgBouncer in transaction pooling mode: nothing may rely on session state.
pytestmark = pytest.mark.pooler

STATUS_URL = "/api/ads-manager/status"


def _request(api, seller, level: str, ids, status: str = "PAUSED") -> uuid.UUID:
    response = api.post(
        STATUS_URL,
        json={"level": level, "ids": [str(i) for i in ids], "status": status},
        headers=seller.headers,
    )
    assert response.status_code == 202, response.text
    return uuid.UUID(response.json()["job_id"])


def _work(control_queue, graph, clock) -> list:
    """Drain the ControlQueue through the worker logic, as the Lambda would."""
    reports = []
    for body in control_queue():
        reports.append(apply_job(uuid.UUID(body["job_id"]), graph=graph, clock=clock))
    return reports


def _local_statuses(ids) -> set[str]:
    with session_scope() as s:
        return {a.status.value for a in s.scalars(select(Ad).where(Ad.id.in_(list(ids))))}


def test_pausing_120_ads_takes_3_batches_and_shows_everywhere(
    api, make_seller, sqs, control_queue, delivery_queue, simulator, graph_for, clock
):
    scenario = control_scenario(ads=120)
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    job_id = _request(api, seller, "ad", seeded.ads.values())

    (report,) = _work(control_queue, graph_for(sim), clock)

    assert sim.calls_by_path.get("/") == 3  # 50 + 50 + 20 operations, one batch call each
    assert report.batches == 3 and report.applied == 120
    assert {sim.status_of(meta_id) for meta_id in seeded.ads} == {"PAUSED"}
    assert _local_statuses(seeded.ads.values()) == {"PAUSED"}
    job = api.get(f"/api/jobs/{job_id}", headers=seller.headers).json()
    assert job["status"] == "succeeded" and job["finished_at"] is not None
    assert {(i["outcome"], i["error"]) for i in job["items"]} == {("applied", None)}
    listed = api.get("/api/ads-manager/ads?date_preset=today&limit=500", headers=seller.headers).json()
    assert {row["status"] for row in listed["data"]} == {"PAUSED"} and len(listed["data"]) == 120
    account_id = str(seeded.account_ids["act_7001"])
    assert [(m["account_id"], m["kind"]) for m in delivery_queue()] == [(account_id, "delivery")]


def test_one_rejected_id_fails_only_that_item_with_metas_reason(
    api, make_seller, sqs, control_queue, simulator, graph_for, clock
):
    scenario = control_scenario(ads=5)
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    rejected = "700130002"
    sim.inject_fault(object_id=rejected, code=100, message="(#100) Ad is in review and cannot be edited")
    job_id = _request(api, seller, "ad", seeded.ads.values())

    _work(control_queue, graph_for(sim), clock)

    job = api.get(f"/api/jobs/{job_id}", headers=seller.headers).json()
    assert job["status"] == "partially_failed"
    failed = [i for i in job["items"] if i["outcome"] == "failed"]
    assert [(i["id"], i["error"]) for i in failed] == [
        (str(seeded.ads[rejected]), "(#100) Ad is in review and cannot be edited")
    ]
    others = [m for m in seeded.ads if m != rejected]
    assert {sim.status_of(m) for m in others} == {"PAUSED"} and sim.status_of(rejected) == "ACTIVE"
    assert _local_statuses(seeded.ads[m] for m in others) == {"PAUSED"}
    assert _local_statuses([seeded.ads[rejected]]) == {"ACTIVE"}


def test_a_rate_limit_mid_job_defers_the_rest_and_then_completes(
    api, make_seller, sqs, control_queue, simulator, graph_for, clock
):
    scenario = control_scenario(ads=120)
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    sim.inject_fault("/", method="POST", code=80004, every_nth=2, times=1)  # the 2nd batch call
    job_id = _request(api, seller, "ad", seeded.ads.values())

    (first,) = _work(control_queue, graph_for(sim), clock)

    assert first.applied == 50 and first.deferred_until is not None
    job = api.get(f"/api/jobs/{job_id}", headers=seller.headers).json()
    assert job["status"] == "running" and job["finished_at"] is None
    outcomes = [i["outcome"] for i in job["items"]]
    assert outcomes.count("applied") == 50 and outcomes.count("pending") == 70
    with session_scope() as s:
        assert s.get_one(Job, job_id).not_before == first.deferred_until
        throttled = s.scalars(select(AdAccount.throttled_until)).one()
        assert throttled == first.deferred_until
    assert queue_depth(sqs, "CONTROL_QUEUE_URL")["delayed"] == 1  # the job's own message, delayed

    # The delayed message arrives; a copy of it arriving early just re-defers.
    early = apply_job(job_id, graph=graph_for(sim), clock=clock)
    assert early.applied == 0 and sim.calls_by_path.get("/") == 2
    clock.advance((first.deferred_until - clock()).total_seconds() + 1)
    second = apply_job(job_id, graph=graph_for(sim), clock=clock)

    assert second.applied == 70 and second.batches == 2
    assert {sim.status_of(m) for m in seeded.ads} == {"PAUSED"}
    job = api.get(f"/api/jobs/{job_id}", headers=seller.headers).json()
    assert job["status"] == "succeeded"
    assert {(i["outcome"], i["error"]) for i in job["items"]} == {("applied", None)}


def test_a_redelivered_message_never_applies_an_item_twice(
    api, make_seller, sqs, control_queue, simulator, graph_for, clock
):
    scenario = control_scenario(ads=3)
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    job_id = _request(api, seller, "ad", seeded.ads.values())
    _work(control_queue, graph_for(sim), clock)
    calls = sim.calls

    again = apply_job(job_id, graph=graph_for(sim), clock=clock)

    assert sim.calls == calls and again.applied == 0 and again.batches == 0
    with session_scope() as s:
        attempts = s.scalars(select(JobItem.attempts).where(JobItem.job_id == job_id)).all()
    assert attempts == [1, 1, 1]


def test_transient_failures_retry_through_sqs_then_apply(
    api, make_seller, sqs, control_queue, simulator, graph_for, clock
):
    scenario = control_scenario(ads=2)
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    sim.inject_fault("/", method="POST", code=2, times=3)  # outlasts the client's own 2 retries
    job_id = _request(api, seller, "ad", seeded.ads.values())

    try:
        apply_job(job_id, graph=graph_for(sim), clock=clock)
        raise AssertionError("expected RetryLater")
    except RetryLater:
        pass
    job = api.get(f"/api/jobs/{job_id}", headers=seller.headers).json()
    assert job["status"] == "running"
    assert all(i["outcome"] == "pending" and "Temporary Meta error" in i["error"] for i in job["items"])

    retried = apply_job(job_id, graph=graph_for(sim), clock=clock)  # SQS redelivers

    assert retried.applied == 2
    assert api.get(f"/api/jobs/{job_id}", headers=seller.headers).json()["status"] == "succeeded"
    assert len(clock.slept) == 2  # backoff went through the injected sleep


def test_an_expired_token_fails_the_accounts_items_and_flags_reauth(
    api, make_seller, sqs, control_queue, simulator, graph_for, clock
):
    scenario = control_scenario(ads=2)
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    job_id = _request(api, seller, "ad", seeded.ads.values())
    sim.expire_token("tok-7001")

    _work(control_queue, graph_for(sim), clock)

    job = api.get(f"/api/jobs/{job_id}", headers=seller.headers).json()
    assert job["status"] == "failed"
    assert all(i["outcome"] == "failed" and "expired" in i["error"] for i in job["items"])
    with session_scope() as s:
        account = s.scalars(select(AdAccount)).one()
        assert account.connection_status is ConnectionStatus.NEEDS_REAUTH
    assert {sim.status_of(m) for m in seeded.ads} == {"ACTIVE"}


def test_every_applied_change_is_in_the_audit_log(
    api, make_seller, sqs, control_queue, simulator, graph_for, clock
):
    scenario = control_scenario(ads=2)
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    job_id = _request(api, seller, "adset", seeded.adsets.values())

    _work(control_queue, graph_for(sim), clock)

    entries = api.get(f"/api/audit?job_id={job_id}", headers=seller.headers).json()["data"]
    changes = [e for e in entries if e["action"] == "status_change"]
    assert [
        (e["entity_name"], e["entity_level"], e["from_status"], e["to_status"], e["outcome"]) for e in changes
    ] == [("Ad set 0", "adset", "ACTIVE", "PAUSED", "applied")]
    assert changes[0]["user_id"] == str(seller.user_id) and changes[0]["at"]
    assert sim.status_of("700120000") == "PAUSED"
    with session_scope() as s:
        assert s.scalars(select(JobItem.outcome)).one() is JobItemOutcome.APPLIED


def test_an_item_another_delivery_is_applying_is_not_sent_again(
    api, make_seller, sqs, control_queue, simulator, graph_for, clock, db_url
):
    import psycopg
    from sqlalchemy.engine import make_url

    scenario = control_scenario(ads=3)
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    job_id = _request(api, seller, "ad", seeded.ads.values())
    busy = seeded.ads["700130001"]
    libpq = make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False)

    with psycopg.connect(libpq) as other_worker:  # holds the row lock a concurrent batch would hold
        other_worker.execute("SELECT id FROM job_items WHERE entity_id = %s FOR UPDATE", (busy,))
        report = apply_job(job_id, graph=graph_for(sim), clock=clock)
        assert report.applied == 2
        assert sim.status_of("700130001") == "ACTIVE"
        assert api.get(f"/api/jobs/{job_id}", headers=seller.headers).json()["status"] == "running"

    later = apply_job(job_id, graph=graph_for(sim), clock=clock)

    assert later.applied == 1 and sim.status_of("700130001") == "PAUSED"
    assert api.get(f"/api/jobs/{job_id}", headers=seller.headers).json()["status"] == "succeeded"


def test_items_are_grouped_into_one_batch_per_ad_account(
    api, make_seller, sqs, control_queue, delivery_queue, simulator, graph_for, clock
):
    first = control_scenario("act_7001", "tok-7001", ads=3)
    second = control_scenario("act_7002", "tok-7002", ads=2, campaign_prefix="7002")
    scenario = first.model_copy(update={"ad_accounts": [*first.ad_accounts, *second.ad_accounts]})
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    job_id = _request(api, seller, "ad", seeded.ads.values())

    (report,) = _work(control_queue, graph_for(sim), clock)

    assert sim.calls_by_path.get("/") == 2 and report.applied == 5
    assert {sim.status_of(m) for m in seeded.ads} == {"PAUSED"}
    assert sorted(m["account_id"] for m in delivery_queue()) == sorted(
        str(a) for a in seeded.account_ids.values()
    )
    assert api.get(f"/api/jobs/{job_id}", headers=seller.headers).json()["status"] == "succeeded"


def test_an_account_that_lost_its_connection_after_the_request_fails_its_items(
    api, make_seller, sqs, control_queue, simulator, graph_for, clock
):
    scenario = control_scenario(ads=2)
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    job_id = _request(api, seller, "ad", seeded.ads.values())
    with session_scope() as s:
        s.get_one(AdAccount, seeded.account_ids["act_7001"]).connection_status = ConnectionStatus.NEEDS_REAUTH

    _work(control_queue, graph_for(sim), clock)

    job = api.get(f"/api/jobs/{job_id}", headers=seller.headers).json()
    assert job["status"] == "failed"
    assert {(i["outcome"], i["error"]) for i in job["items"]} == {
        ("failed", "Ad account is NEEDS_REAUTH; reconnect it")
    }
    assert sim.calls == 0
