"""Lag-tolerant reads on a real streaming standby (pg_basebackup of the embedded server): served
there while it is fresh, on the primary after the seller's own write, when it lags or when it is
down; never an error, never a wrong number."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from adsmanager_helpers import WORLD_NOW
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from pixecom.db import reader
from replica_support import (
    age_write_marks,
    caught_up,
    read_on,
    read_primary_only,
    resume_replay,
    standby_sql,
)

LIST = "/api/ads-manager/campaigns?since=2026-11-01&until=2026-11-30"


@pytest.fixture
def replica_reads(
    db_url: str, standby: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[float], None]]:
    """Call with the max lag to send this test's lag-tolerant reads to the standby."""
    yield lambda max_lag: read_on(standby, db_url, monkeypatch, max_lag)
    resume_replay(standby)
    read_primary_only(monkeypatch)


@pytest.fixture
def settled(world: Any, set_now: Any, session: Session, db_url: str, standby: Any) -> Any:
    """The world at its clock, its seller reporting in USD (lists carry a converted total), its
    setup's write marks an hour old, the standby caught up."""
    set_now(WORLD_NOW)
    session.rollback()
    session.execute(
        text("UPDATE sellers SET reporting_currency = 'USD' WHERE id = :s"), {"s": world.seller.seller_id}
    )
    session.commit()
    age_write_marks(db_url)
    caught_up(db_url, standby)
    return world


def _spend(listed: Any) -> list[str]:
    return [row["metrics"]["spend"] for row in listed["data"]]


def test_lists_are_served_by_the_standby(
    settled: Any, api: Any, session: Session, db_url: str, standby: Any, replica_reads: Any
) -> None:
    world = settled
    primary = api.get(LIST, headers=world.seller.headers).json()
    replica_reads(30.0)

    on_standby = api.get(LIST, headers=world.seller.headers)

    assert on_standby.status_code == 200 and on_standby.json() == primary
    assert primary["converted_total"]["currency"] == "USD"  # read on the standby with the rows
    assert reader.reader_route_counts == {"reader": 1}
    queries = standby_sql(
        standby,
        f"SELECT query FROM pg_stat_activity WHERE datname = '{make_url(db_url).database}' "
        "AND backend_type = 'client backend'",
    )
    # Its connection's last statement: the converted total's rates, read after the list's rows
    # (and the reach stored for them) on the same standby connection.
    assert any("FROM exchange_rates" in q for (q,) in queries), queries


def test_the_sellers_own_write_is_read_on_the_primary_while_the_standby_is_behind(
    settled: Any, api: Any, session: Session, db_url: str, standby: Any, replica_reads: Any
) -> None:
    world = settled
    replica_reads(3600.0)  # lag alone would never send it to the primary
    standby_sql(standby, "SELECT pg_wal_replay_pause()")
    campaign = world.campaigns["mug_winter"]
    session.execute(text("UPDATE campaigns SET status = 'PAUSED' WHERE id = :id"), {"id": campaign.id})
    session.commit()  # what a bulk job's worker commits

    rows = api.get(LIST, headers=world.seller.headers).json()["data"]

    assert {r["id"]: r["status"] for r in rows}[str(campaign.id)] == "PAUSED"
    assert reader.reader_route_counts == {"primary:recent_write": 1}


def test_a_lagging_standby_serves_the_older_numbers_whole_then_the_primary_serves_the_new(
    settled: Any, api: Any, session: Session, db_url: str, standby: Any, replica_reads: Any
) -> None:
    world = settled
    before = api.get(LIST, headers=world.seller.headers).json()
    standby_sql(standby, "SELECT pg_wal_replay_pause()")
    session.execute(
        text("UPDATE ad_stats_daily SET spend = spend + 1")
    )  # a stats sync, not the seller's write
    session.commit()
    after = api.get(LIST, headers=world.seller.headers).json()
    assert _spend(after) != _spend(before)
    assert after["converted_total"]["spend"] != before["converted_total"]["spend"]
    time.sleep(1.1)

    replica_reads(3600.0)
    assert api.get(LIST, headers=world.seller.headers).json() == before  # older, and whole
    replica_reads(1.0)
    assert api.get(LIST, headers=world.seller.headers).json() == after
    assert reader.reader_route_counts == {"primary:lag": 1}


def test_a_stopped_standby_sends_reads_to_the_primary_without_an_error(
    settled: Any, api: Any, session: Session, db_url: str, standby: Any, replica_reads: Any
) -> None:
    world = settled
    campaign_id = world.campaigns["mug_winter"].id
    daily = f"/api/ads-manager/campaigns/{campaign_id}/daily?since=2026-11-01&until=2026-11-19"
    expected = api.get(LIST, headers=world.seller.headers).json()
    expected_daily = api.get(daily, headers=world.seller.headers).json()
    replica_reads(30.0)
    standby.stop()
    try:
        response = api.get(LIST, headers=world.seller.headers)
        export = api.get(LIST.replace("campaigns?", "campaigns/export.csv?"), headers=world.seller.headers)
        series = api.get(daily, headers=world.seller.headers)
    finally:
        standby.start()
    assert response.status_code == 200 and response.json() == expected
    assert export.status_code == 200 and series.json() == expected_daily
    assert reader.reader_route_counts == {"primary:reader_error": 3}


def test_a_body_read_on_the_standby_is_not_kept(
    settled: Any, api: Any, session: Session, db_url: str, standby: Any, replica_reads: Any
) -> None:
    """A standby's snapshot does not name the primary's running transactions, so the primary
    cannot tell what a body read there missed: every request reads the standby again."""
    from pixecom.adsmanager.kept_lists import kept_counts, reset_list_cache

    world = settled
    reset_list_cache()
    replica_reads(3600.0)
    kept_list = LIST + "&columns=spend,impressions,purchases,roas"  # no reach to ask Meta for
    first = api.get(kept_list, headers=world.seller.headers).json()
    again = api.get(kept_list, headers=world.seller.headers).json()

    assert again == first
    assert reader.reader_route_counts == {"reader": 2}
    assert kept_counts == {"read": 2}
