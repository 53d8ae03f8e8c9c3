"""Breakdowns end to end over the real simulator: a list with `breakdown=` answers 202 with a report
per ad account, the worker runs Meta's async reports step by step, and the list then carries each
row's breakdown rows, whose additive metrics add up to the row's own, for every dimension."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from csv import DictReader
from datetime import timedelta
from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from adsmanager_helpers import WORLD_NOW
from test_ads_manager_synced import scenario, sim, synced

from pixecom.adsmanager.breakdowns import Breakdown
from pixecom.domain.catalogue import SUMMED, Kind
from pixecom.meta.client import GraphClient
from simulator.testing import SimulatorServer

SYNCED_WORLD = (scenario, sim, synced)  # its fixtures: the two accounts, synced over the simulator
AFTER_SYNC = WORLD_NOW + timedelta(minutes=1)


@pytest.fixture
def run_reports(
    sim: SimulatorServer, monkeypatch: pytest.MonkeyPatch
) -> Callable[[list[dict[str, Any]]], None]:
    """Run each report's steps as the ControlWorker would, each message at once; pages of 10 rows,
    3 pages a step (a report is read over several steps, as a big one is)."""
    from pixecom.breakdowns import worker
    from pixecom.breakdowns.worker import advance_job

    monkeypatch.setattr(worker, "PAGES_PER_STEP", 3)

    def graph(token: str) -> GraphClient:
        return GraphClient(token, base_url=sim.base_url, sleep=lambda _s: None, max_retries=2, page_size=10)

    def run(jobs: list[dict[str, Any]]) -> None:
        queued = [uuid.UUID(job["id"]) for job in jobs]
        for _ in range(60):
            if not queued:
                return
            job_id = queued.pop(0)
            again: list[uuid.UUID] = []
            advance_job(job_id, clock=lambda: AFTER_SYNC, graph=graph, send=lambda j, **_: again.append(j))
            queued.extend(again)
        raise AssertionError("reports still running after 60 steps")

    return run


def _list(api: Any, headers: Any, level: str, breakdown: str) -> Any:
    return api.get(
        f"/api/ads-manager/{level}",
        headers=headers,
        params={"date_preset": "last_7d", "breakdown": breakdown},
    )


def _summed(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for counter in SUMMED:
        values = [row["metrics"][counter.name] for row in rows]
        out[counter.name] = (
            str(sum((Decimal(v) for v in values), Decimal(0))) if counter.kind is Kind.MONEY else sum(values)
        )
    return out


def _own(row: dict[str, Any]) -> dict[str, Any]:
    return {
        c.name: str(Decimal(row["metrics"][c.name])) if c.kind is Kind.MONEY else row["metrics"][c.name]
        for c in SUMMED
    }


def test_each_dimensions_breakdown_rows_add_up_to_their_row(
    api: Any, synced: Any, set_now: Any, run_reports: Any
) -> None:
    set_now(AFTER_SYNC)
    for breakdown in Breakdown:
        pending = _list(api, synced.headers, "campaigns", breakdown.value)
        assert pending.status_code == 202, breakdown
        assert pending.headers["Retry-After"]
        jobs = pending.json()["jobs"]
        assert len(jobs) == 2 and {j["status"] for j in jobs} == {"queued"}
        run_reports(jobs)
        levels = ("campaigns", "adsets", "ads") if breakdown is Breakdown.AGE_GENDER else ("campaigns",)
        for level in levels:
            body = _list(api, synced.headers, level, breakdown.value).json()
            assert body["breakdown"]["dimensions"] == list(breakdown.dimensions)
            for row in body["data"]:
                broken = row["breakdowns"]
                assert broken, (breakdown, level, row["name"])
                assert all(set(b["values"]) == set(breakdown.dimensions) for b in broken)
                left_out = set(breakdown.not_broken_down)
                assert body["breakdown"]["not_broken_down"] == list(breakdown.not_broken_down)
                summed = {k: v for k, v in _summed(broken).items() if k not in left_out}
                own = {k: v for k, v in _own(row).items() if k not in left_out}
                # Seconds watched are Meta's whole-second average x plays of each row: the
                # buckets' sum is within half a second per play of the row's (docs/breakdowns.md).
                watched = summed.pop("video_watch_time", 0), own.pop("video_watch_time", 0)
                assert abs(watched[0] - watched[1]) <= own.get("video_plays", 0) / 2, watched
                assert summed == own, (breakdown, level, row["name"])
                assert all(b["metrics"][name] in (0, "0.00", "0") for b in broken for name in left_out)
        if breakdown is Breakdown.AGE_GENDER:
            _check_buckets(body["data"][0]["breakdowns"])


def _check_buckets(rows: list[dict[str, Any]]) -> None:
    """Meta's bucket names with their `unknown`, biggest spend first, metrics per bucket."""
    genders = {b["values"]["gender"] for b in rows}
    assert genders == {"female", "male", "unknown"}
    assert "65+" in {b["values"]["age"] for b in rows}
    spends = [Decimal(b["metrics"]["spend"]) for b in rows]
    assert spends == sorted(spends, reverse=True)
    first = rows[0]["metrics"]
    assert first["cpm"] == str(
        (Decimal(first["spend"]) * 1000 / first["impressions"]).quantize(Decimal("0.01"))
    )


def test_a_report_is_polled_by_its_seller_only_and_stale_after_the_next_stats_sync(
    api: Any, synced: Any, set_now: Any, run_reports: Any, make_seller: Any, session: Any
) -> None:
    from sqlalchemy import text

    set_now(AFTER_SYNC)
    job = _list(api, synced.headers, "ads", "country").json()["jobs"][0]
    polled = api.get(f"/api/ads-manager/breakdown-jobs/{job['id']}", headers=synced.headers)
    assert (polled.status_code, polled.json()["status"]) == (200, "queued")
    other = make_seller()
    assert api.get(f"/api/ads-manager/breakdown-jobs/{job['id']}", headers=other.headers).status_code == 404
    assert (
        api.get(f"/api/ads-manager/breakdown-jobs/{uuid.uuid4()}", headers=synced.headers).status_code == 404
    )
    run_reports(_list(api, synced.headers, "ads", "country").json()["jobs"])
    done = api.get(f"/api/ads-manager/breakdown-jobs/{job['id']}", headers=synced.headers).json()
    assert (done["status"], done["percent_complete"]) == ("done", 100)
    assert _list(api, synced.headers, "ads", "country").status_code == 200
    csv = api.get(
        "/api/ads-manager/ads/export.csv",
        headers=synced.headers,
        params={"date_preset": "last_7d", "breakdown": "country", "csv_header": "machine"},
    )
    lines = list(DictReader(StringIO(csv.text)))
    assert csv.text.split("\r\n", 1)[0].endswith(",country")
    first_ad = [x for x in lines if x["id"] == lines[0]["id"]]
    assert [x["row_type"] for x in first_ad[:2]] == ["entity", "breakdown"]
    assert sum(int(x["impressions"]) for x in first_ad[1:]) == int(first_ad[0]["impressions"])
    session.execute(
        text("UPDATE ad_accounts SET last_stats_success_at = :t"), {"t": AFTER_SYNC + timedelta(hours=1)}
    )
    session.commit()
    assert _list(api, synced.headers, "ads", "country").status_code == 202  # the rows moved on: read again


def test_an_unknown_breakdown_is_a_422_naming_it(api: Any, make_seller: Any) -> None:
    answer = _list(api, make_seller().headers, "campaigns", "shoe_size")
    assert answer.status_code == 422
    assert answer.json()["error"]["field"] == "breakdown"


def test_a_failed_run_is_started_once_more_then_fails_with_metas_words_stuck_ones_are_swept_old_ones_purged(
    api: Any, synced: Any, set_now: Any, run_reports: Any, sim: SimulatorServer, session: Any
) -> None:
    from sqlalchemy import text

    from pixecom.breakdowns.sweep import purge_old_reports, requeue_stale_reports

    set_now(AFTER_SYNC)
    sim.inject_fault("*/insights", method="POST", async_status="Job Failed", times=1)
    run_reports(_list(api, synced.headers, "campaigns", "gender").json()["jobs"])
    assert _list(api, synced.headers, "campaigns", "gender").status_code == 200  # the second run did it

    sim.inject_fault("*/insights", method="POST", async_status="Job Failed")
    jobs = _list(api, synced.headers, "campaigns", "device_platform").json()["jobs"]
    run_reports(jobs)
    failed = api.get(f"/api/ads-manager/breakdown-jobs/{jobs[0]['id']}", headers=synced.headers).json()
    assert failed["status"] == "failed"
    assert failed["error"] == "Meta could not produce the report (Job Failed): Report Failed"
    again = _list(api, synced.headers, "campaigns", "device_platform").json()["jobs"]
    assert {j["status"] for j in again} == {"queued"}  # asking again runs it again

    sent: list[uuid.UUID] = []
    assert requeue_stale_reports(AFTER_SYNC + timedelta(minutes=5), send=sent.append) == 0
    assert requeue_stale_reports(AFTER_SYNC + timedelta(hours=1), send=sent.append) == 2
    assert sorted(map(str, sent)) == sorted(j["id"] for j in again)
    stamps = session.execute(
        text("SELECT DISTINCT progressed_at FROM breakdown_jobs WHERE status = 'queued'")
    )
    assert stamps.scalars().all() == [AFTER_SYNC + timedelta(hours=1)]  # the next sweep waits again
    session.commit()  # its connection back to the pool
    assert purge_old_reports(AFTER_SYNC + timedelta(days=1)) == 0
    assert purge_old_reports(AFTER_SYNC + timedelta(days=3)) == 4  # nothing moved them for 2 days
    assert session.execute(text("SELECT count(*) FROM breakdown_stats")).scalar() == 0
