"""Read-your-writes after a bulk job: while the standby is paused behind the job's commit, the
seller's Ads Manager list reads the primary and shows the job's statuses; another seller's list
still reads the standby."""

from __future__ import annotations

import uuid
from typing import Any

from control_helpers import control_scenario, seed_scenario

from pixecom.control.apply import apply_job
from pixecom.db import reader
from replica_support import (
    age_write_marks,
    caught_up,
    read_on,
    read_primary_only,
    resume_replay,
    standby_sql,
)

ADS = "/api/ads-manager/ads?date_preset=last_7d"


def test_after_a_bulk_job_the_seller_reads_its_own_statuses_while_the_standby_lags(
    api, make_seller, sqs, control_queue, simulator, graph_for, clock, db_url, standby, monkeypatch
):
    scenario = control_scenario(ads=4)
    sim = simulator(scenario)
    seller, other = make_seller(), make_seller()
    seeded = seed_scenario(seller.seller_id, scenario)
    age_write_marks(db_url)
    caught_up(db_url, standby)
    read_on(standby, db_url, monkeypatch, max_lag=3600.0)  # lag alone never sends it to the primary
    assert api.get(ADS, headers=other.headers).status_code == 200
    assert reader.reader_route_counts == {"reader": 1}
    standby_sql(standby, "SELECT pg_wal_replay_pause()")
    try:
        response = api.post(
            "/api/ads-manager/status",
            json={"level": "ad", "ids": [str(i) for i in seeded.ads.values()], "status": "PAUSED"},
            headers=seller.headers,
        )
        assert response.status_code == 202
        for body in control_queue():
            apply_job(uuid.UUID(body["job_id"]), graph=graph_for(sim), clock=clock)

        rows: list[dict[str, Any]] = api.get(ADS, headers=seller.headers).json()["data"]
        others = api.get(ADS, headers=other.headers)
    finally:
        resume_replay(standby)
        read_primary_only(monkeypatch)

    assert {r["status"] for r in rows} == {"PAUSED"} and len(rows) == 4
    assert others.status_code == 200
    assert reader.reader_route_counts == {"reader": 2, "primary:recent_write": 1}
