"""functions/control_worker/app.py run with events/sqs/control_worker.json, as `sam local invoke -e` would."""

from __future__ import annotations

import copy
import json
import uuid

from control_helpers import control_scenario, seed_scenario

from lambda_support import load_event, load_handler
from pixecom.db.engine import session_scope
from pixecom.db.models import Job, JobItem
from pixecom.domain.enums import CampaignStatus, EntityLevel, JobItemOutcome, JobStatus
from pixecom.settings import get_settings


def _job_with_the_events_id(event: dict, seller_id: uuid.UUID, seeded) -> uuid.UUID:
    """Write the job the sample event names (what POST /ads-manager/status would have created)."""
    job_id = uuid.UUID(json.loads(event["Records"][0]["body"])["job_id"])
    meta_id, ad_id = next(iter(seeded.ads.items()))
    with session_scope() as s:
        s.add(
            Job(
                id=job_id,
                seller_id=seller_id,
                kind="status_change",
                level=EntityLevel.AD,
                target_status=CampaignStatus.PAUSED,
                status=JobStatus.QUEUED,
            )
        )
        s.flush()
        s.add(
            JobItem(
                job_id=job_id,
                seller_id=seller_id,
                ad_account_id=seeded.account_ids["act_7001"],
                entity_id=ad_id,
                meta_id=meta_id,
                name="Ad 000",
                from_status="ACTIVE",
                to_status="PAUSED",
                outcome=JobItemOutcome.PENDING,
                attempts=0,
            )
        )
    return job_id


def test_handler_applies_the_events_job_and_reports_only_the_bad_record(
    make_seller, sqs, simulator, monkeypatch, lambda_context
):
    scenario = control_scenario(ads=1)
    sim = simulator(scenario)
    monkeypatch.setenv("GRAPH_BASE_URL", sim.base_url)
    get_settings.cache_clear()
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    event = load_event("sqs/control_worker.json")
    job_id = _job_with_the_events_id(event, seller.seller_id, seeded)
    poison = copy.deepcopy(event["Records"][0])
    poison.update(messageId="poison-1", body="{not json")
    event["Records"].append(poison)

    result = load_handler("control_worker").handler(event, lambda_context)

    assert result == {"batchItemFailures": [{"itemIdentifier": "poison-1"}]}
    with session_scope() as s:
        assert s.get_one(Job, job_id).status is JobStatus.SUCCEEDED
    assert sim.status_of(next(iter(seeded.ads))) == "PAUSED"


def test_a_breakdown_message_advances_its_report_one_step(
    make_seller, sqs, simulator, monkeypatch, lambda_context
):
    from datetime import UTC, date, datetime

    from pixecom.db.breakdown_models import BreakdownJob

    scenario = control_scenario(ads=1)
    sim = simulator(scenario)
    monkeypatch.setenv("GRAPH_BASE_URL", sim.base_url)
    get_settings.cache_clear()
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    job_id, now = uuid.uuid4(), datetime(2026, 11, 20, tzinfo=UTC)
    with session_scope() as s:
        s.add(
            BreakdownJob(
                id=job_id,
                seller_id=seller.seller_id,
                ad_account_id=seeded.account_ids["act_7001"],
                breakdown="age",
                since=date(2026, 11, 1),
                until=date(2026, 11, 7),
                status="queued",
                created_at=now,
                progressed_at=now,
            )
        )
    event = load_event("sqs/control_worker.json")
    event["Records"][0]["body"] = json.dumps({"breakdown_job_id": str(job_id)})

    assert load_handler("control_worker").handler(event, lambda_context) == {"batchItemFailures": []}
    with session_scope() as s:
        job = s.get_one(BreakdownJob, job_id)
        assert (job.status, job.attempts, job.graph_calls) == ("running", 1, 1)
        assert job.report_run_id in sim.state.report_runs
