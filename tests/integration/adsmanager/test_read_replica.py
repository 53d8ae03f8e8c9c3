"""Lag-tolerant reads on a real streaming standby (pg_basebackup of the embedded server): served
there while it is fresh, on the primary after the seller's own write, when it lags or when it is
down; never an error, never a wrong number."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest
from adsmanager_helpers import WORLD_NOW
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from pixecom.db import reader
from pixecom.settings import get_settings

LIST = "/api/ads-manager/campaigns?since=2026-11-01&until=2026-11-30"


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _caught_up(primary_url: str, standby_url: str) -> None:
    with psycopg.connect(_libpq(primary_url), autocommit=True) as p:
        target = p.execute("SELECT pg_current_wal_lsn()").fetchone()[0]  # type: ignore[index]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with psycopg.connect(_libpq(standby_url), autocommit=True) as s:
                done = s.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (target,)).fetchone()
                if done and done[0]:
                    return
        except psycopg.OperationalError:
            pass  # the database is not replayed yet
        time.sleep(0.05)
    raise AssertionError("the standby did not catch up")


def _standby_sql(standby: Any, sql: str) -> Any:
    with psycopg.connect(_libpq(standby.url()), autocommit=True) as conn:
        return conn.execute(sql).fetchall()  # type: ignore[arg-type]


@pytest.fixture
def replica_reads(
    db_url: str, standby: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[float], None]]:
    """DATABASE_READER_URL at this test's database on the standby; call with the max lag."""
    database = make_url(db_url).database
    reader_url = standby.url(database)

    def configure(max_lag: float = 30.0) -> None:
        monkeypatch.setenv("DATABASE_READER_URL", reader_url)
        monkeypatch.setenv("READER_MAX_LAG_SECONDS", str(max_lag))
        monkeypatch.setenv("READER_AFTER_WRITE_SECONDS", "60")
        get_settings.cache_clear()
        reader.reset_reader()
        reader.reader_route_counts.clear()

    yield configure
    _standby_sql(standby, "SELECT pg_wal_replay_resume()") if _paused(standby) else None
    reader.reset_reader()
    get_settings.cache_clear()


def _paused(standby: Any) -> bool:
    return bool(_standby_sql(standby, "SELECT pg_is_wal_replay_paused()")[0][0])


def _age_marks(session: Session) -> None:
    """The world was written just now: make those writes older than the read-your-writes window."""
    session.execute(text("UPDATE seller_write_marks SET written_at = now() - interval '1 hour'"))
    session.commit()


def _spend(listed: Any) -> list[str]:
    return [row["metrics"]["spend"] for row in listed["data"]]


def test_lists_are_served_by_the_standby(
    world: Any, api: Any, set_now: Any, session: Session, db_url: str, standby: Any, replica_reads: Any
) -> None:
    set_now(WORLD_NOW)
    primary = api.get(LIST, headers=world.seller.headers).json()
    _age_marks(session)
    _caught_up(db_url, standby.url(make_url(db_url).database))
    replica_reads(30.0)

    on_standby = api.get(LIST, headers=world.seller.headers)

    assert on_standby.status_code == 200 and on_standby.json() == primary
    assert reader.reader_route_counts == {"reader": 1}
    queries = _standby_sql(
        standby,
        f"SELECT query FROM pg_stat_activity WHERE datname = '{make_url(db_url).database}' "
        "AND backend_type = 'client backend'",
    )
    assert any("campaign_stats_daily" in q for (q,) in queries)


def test_the_sellers_own_write_is_read_on_the_primary_while_the_standby_is_behind(
    world: Any, api: Any, set_now: Any, session: Session, db_url: str, standby: Any, replica_reads: Any
) -> None:
    set_now(WORLD_NOW)
    _age_marks(session)
    _caught_up(db_url, standby.url(make_url(db_url).database))
    replica_reads(3600.0)  # lag alone would never send it to the primary
    _standby_sql(standby, "SELECT pg_wal_replay_pause()")
    campaign = world.campaigns["mug_winter"]
    session.execute(text("UPDATE campaigns SET status = 'PAUSED' WHERE id = :id"), {"id": campaign.id})
    session.commit()  # what a bulk job's worker commits

    rows = api.get(LIST, headers=world.seller.headers).json()["data"]

    assert {r["id"]: r["status"] for r in rows}[str(campaign.id)] == "PAUSED"
    assert reader.reader_route_counts == {"primary:recent_write": 1}


def test_a_lagging_standby_serves_the_older_numbers_whole_then_the_primary_serves_the_new(
    world: Any, api: Any, set_now: Any, session: Session, db_url: str, standby: Any, replica_reads: Any
) -> None:
    set_now(WORLD_NOW)
    _age_marks(session)
    before = api.get(LIST, headers=world.seller.headers).json()
    _caught_up(db_url, standby.url(make_url(db_url).database))
    _standby_sql(standby, "SELECT pg_wal_replay_pause()")
    session.execute(
        text("UPDATE ad_stats_daily SET spend = spend + 1")
    )  # a stats sync, not the seller's write
    session.commit()
    after = api.get(LIST, headers=world.seller.headers).json()
    assert _spend(after) != _spend(before)
    time.sleep(1.1)

    replica_reads(3600.0)
    assert api.get(LIST, headers=world.seller.headers).json() == before  # older, and whole
    replica_reads(1.0)
    assert api.get(LIST, headers=world.seller.headers).json() == after
    assert reader.reader_route_counts == {"primary:lag": 1}


def test_a_stopped_standby_sends_reads_to_the_primary_without_an_error(
    world: Any, api: Any, set_now: Any, session: Session, db_url: str, standby: Any, replica_reads: Any
) -> None:
    set_now(WORLD_NOW)
    _age_marks(session)
    expected = api.get(LIST, headers=world.seller.headers).json()
    replica_reads(30.0)
    standby.stop()
    try:
        response = api.get(LIST, headers=world.seller.headers)
        export = api.get(LIST.replace("campaigns?", "campaigns/export.csv?"), headers=world.seller.headers)
    finally:
        standby.start()
    assert response.status_code == 200 and response.json() == expected
    assert export.status_code == 200
    assert reader.reader_route_counts == {"primary:reader_error": 2}
