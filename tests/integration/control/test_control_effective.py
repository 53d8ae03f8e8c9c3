"""After a bulk status job, effective and delivery statuses show the change at once, as Meta does,
and the job's timestamps come from one clock."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from control_helpers import control_scenario, seed_scenario
from sqlalchemy import select

from pixecom.control.apply import apply_job
from pixecom.control.jobs import StatusChange, enqueue_status_change
from pixecom.db.engine import session_scope
from pixecom.db.models import Ad, AdSet, Campaign, Job
from pixecom.domain.delivery import map_delivery_status
from pixecom.domain.enums import CampaignStatus, EntityLevel


def _run(api, seller, control_queue, graph, clock, level: str, ids, status: str) -> None:
    response = api.post(
        "/api/ads-manager/status",
        json={"level": level, "ids": [str(i) for i in ids], "status": status},
        headers=seller.headers,
    )
    assert response.status_code == 202, response.text
    for body in control_queue():
        apply_job(uuid.UUID(body["job_id"]), graph=graph, clock=clock)


def _local(seeded) -> dict[str, tuple[str, str]]:
    """Meta id -> (effective_status, delivery_status) of every seeded entity."""
    found = {}
    with session_scope() as s:
        for model in (Campaign, AdSet, Ad):
            for row in s.scalars(select(model)):
                found[row.meta_id] = (row.effective_status, row.delivery_status.value)
    return found


def _meta(sim, seeded) -> dict[str, str]:
    ids = [*seeded.campaigns, *seeded.adsets, *seeded.ads]
    return {meta_id: sim.effective_status_of(meta_id) for meta_id in ids}


def _assert_as_meta_says(sim, seeded) -> None:
    local, meta = _local(seeded), _meta(sim, seeded)
    assert {k: v[0] for k, v in local.items()} == meta
    assert all(
        delivery == map_delivery_status(effective, None).value for effective, delivery in local.values()
    )


def test_pausing_a_campaign_shows_every_level_as_meta_does_at_once(
    api, make_seller, sqs, control_queue, delivery_queue, simulator, graph_for, clock
):
    scenario = control_scenario(ads=4, ads_per_adset=2)
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    graph = graph_for(sim)

    _run(api, seller, control_queue, graph, clock, "campaign", seeded.campaigns.values(), "PAUSED")
    _assert_as_meta_says(sim, seeded)
    assert set(_local(seeded).values()) == {("PAUSED", "INACTIVE"), ("CAMPAIGN_PAUSED", "INACTIVE")}

    _run(api, seller, control_queue, graph, clock, "campaign", seeded.campaigns.values(), "ACTIVE")
    _assert_as_meta_says(sim, seeded)
    assert set(_local(seeded).values()) == {("ACTIVE", "ACTIVE")}


def test_pausing_an_ad_set_makes_its_ads_adset_paused_and_leaves_the_others(
    api, make_seller, sqs, control_queue, delivery_queue, simulator, graph_for, clock
):
    scenario = control_scenario(ads=4, ads_per_adset=2)
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    first_adset = next(iter(seeded.adsets.values()))

    _run(api, seller, control_queue, graph_for(sim), clock, "adset", [first_adset], "PAUSED")

    _assert_as_meta_says(sim, seeded)
    assert sorted(effective for effective, _ in _local(seeded).values()) == [
        "ACTIVE",  # the campaign
        "ACTIVE",  # the other ad set
        "ACTIVE",  # and its two ads
        "ACTIVE",
        "ADSET_PAUSED",
        "ADSET_PAUSED",
        "PAUSED",
    ]


def test_pausing_ads_shows_them_inactive_in_the_ads_manager_before_any_sync(
    api, make_seller, sqs, control_queue, delivery_queue, simulator, graph_for, clock
):
    scenario = control_scenario(ads=3)
    sim = simulator(scenario)
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)

    _run(api, seller, control_queue, graph_for(sim), clock, "ad", seeded.ads.values(), "PAUSED")

    listed = api.get("/api/ads-manager/ads?date_preset=today", headers=seller.headers).json()["data"]
    assert {(row["status"], row["delivery_status"]) for row in listed} == {("PAUSED", "INACTIVE")}
    _assert_as_meta_says(sim, seeded)


def test_a_job_never_finishes_before_it_was_created(make_seller):
    seller = make_seller()
    seeded = seed_scenario(seller.seller_id, control_scenario(ads=2))
    # Every ad is ACTIVE already: the job finishes at once, stamped by the application's clock.
    at = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    result = enqueue_status_change(
        seller.seller_id,
        None,
        StatusChange(EntityLevel.AD, CampaignStatus.ACTIVE, list(seeded.ads.values())),
        send=lambda _job_id: None,
        now=at,
    )
    with session_scope() as s:
        job = s.get_one(Job, result.job_id)
        assert job.created_at == job.started_at == job.finished_at == at
