"""The jobs sweeper: a bulk job left without a message that will finish it is re-queued by the
delivery dispatch, and finishes with every item applied once on the Graph simulator."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

from control_helpers import control_scenario, queue_depth, seed_scenario

from pixecom.control.apply import apply_job
from pixecom.control.jobs import StatusChange, create_status_job
from pixecom.control.sweep import requeue_stale_jobs, sweep_stale_jobs
from pixecom.db.automation_models import Rule
from pixecom.db.engine import session_scope
from pixecom.db.models import Job
from pixecom.domain.automation import RuleActionType, RuleWindow
from pixecom.domain.enums import CampaignStatus, EntityLevel, JobStatus
from pixecom.settings import get_settings

STALE = timedelta(seconds=get_settings().job_stale_after_seconds)


def _job_committed_without_a_message(seller_id, ad_ids, clock) -> uuid.UUID:
    """What a rule does before its send (the send then failed): the job is committed, queued."""
    with session_scope() as s:
        rule = Rule(
            seller_id=seller_id,
            name="Pause losers",
            level=EntityLevel.AD,
            window=RuleWindow.TODAY,
            scope={},
            conditions=[],
            min_spend=Decimal("0"),
            min_spend_currency="USD",
            action=RuleActionType.PAUSE,
            cooldown_minutes=60,
        )
        s.add(rule)
        s.flush()
        change = StatusChange(
            EntityLevel.AD, CampaignStatus.PAUSED, list(ad_ids), idempotency_key="rule-run-1"
        )
        return create_status_job(s, seller_id, change, clock(), rule_id=rule.id).job_id


def _work(control_queue, graph, clock) -> list:
    return [apply_job(uuid.UUID(b["job_id"]), graph=graph, clock=clock) for b in control_queue()]


def _status(job_id: uuid.UUID) -> JobStatus:
    with session_scope() as s:
        return s.get_one(Job, job_id).status


def _sends_per_ad(sim, meta_ids) -> set[int]:
    """How many times Meta was asked to change each ad (batch items count under /{id})."""
    return {sim.calls_by_path.get(f"/{m}", 0) for m in meta_ids}


def test_a_job_whose_send_failed_after_commit_is_requeued_by_the_scheduled_sweep_and_applied_once(
    make_seller, sqs, control_queue, simulator, graph_for, clock
):
    scenario = control_scenario(ads=60)
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    job_id = _job_committed_without_a_message(seller.seller_id, seeded.ads.values(), clock)
    assert control_queue() == []

    clock.advance(STALE.total_seconds() + 1)
    assert requeue_stale_jobs(clock()) == 1
    (report,) = _work(control_queue, graph_for(sim), clock)
    assert report.applied == 60 and _status(job_id) is JobStatus.SUCCEEDED
    assert _sends_per_ad(sim, seeded.ads) == {1}
    assert {sim.status_of(m) for m in seeded.ads} == {"PAUSED"}


def test_a_message_lost_mid_job_is_requeued_and_no_item_is_applied_twice(
    make_seller, sqs, control_queue, simulator, graph_for, clock
):
    scenario = control_scenario(ads=120)
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    sim.inject_fault("/", method="POST", code=80004, every_nth=2, times=1)  # the 2nd batch call
    job_id = _job_committed_without_a_message(seller.seller_id, seeded.ads.values(), clock)
    first = apply_job(job_id, graph=graph_for(sim), clock=clock)
    assert first.applied == 50 and first.deferred_until is not None
    assert queue_depth(sqs, "CONTROL_QUEUE_URL")["delayed"] == 1  # its deferred message: never delivered

    # While the job waits for its rate limit it is not stale, however old it is.
    clock.advance((first.deferred_until - clock()).total_seconds() - 1)
    assert sweep_stale_jobs(clock()).requeued == []
    clock.advance(STALE.total_seconds() + 2)
    assert sweep_stale_jobs(clock()).requeued == [job_id]

    # The sweep's copy and the original (late after all) both arrive: the items go once.
    reports = _work(control_queue, graph_for(sim), clock)
    reports.append(apply_job(job_id, graph=graph_for(sim), clock=clock))

    assert sum(r.applied for r in reports) == 70 and _status(job_id) is JobStatus.SUCCEEDED
    assert _sends_per_ad(sim, seeded.ads) == {1}
    assert {sim.status_of(m) for m in seeded.ads} == {"PAUSED"}


def test_a_fresh_job_is_not_requeued(make_seller, sqs, control_queue, clock):
    scenario = control_scenario(ads=3)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    _job_committed_without_a_message(seller.seller_id, seeded.ads.values(), clock)

    clock.advance(STALE.total_seconds() - 1)

    assert sweep_stale_jobs(clock()).requeued == []
    assert control_queue() == []


def test_a_requeued_job_that_still_does_not_move_waits_another_threshold(
    make_seller, sqs, control_queue, clock
):
    scenario = control_scenario(ads=3)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    job_id = _job_committed_without_a_message(seller.seller_id, seeded.ads.values(), clock)
    clock.advance(STALE.total_seconds() + 1)
    assert sweep_stale_jobs(clock()).requeued == [job_id]

    clock.advance(STALE.total_seconds() - 1)
    assert sweep_stale_jobs(clock()).requeued == []
    clock.advance(2)
    assert sweep_stale_jobs(clock()).requeued == [job_id]
    assert [m["job_id"] for m in control_queue()] == [str(job_id)] * 2
