"""Helpers for tests that read on the `standby` fixture: wait for it, query it, point the app's
reader at it, and age the seller write marks a test's own setup left."""

from __future__ import annotations

import time
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url


def libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def standby_sql(standby: Any, sql: str) -> Any:
    with psycopg.connect(libpq(standby.url()), autocommit=True) as conn:
        return conn.execute(sql).fetchall()  # type: ignore[arg-type]


def caught_up(primary_url: str, standby: Any) -> None:
    """Wait until the standby replayed everything the primary had written (this test's database
    included), or fail after 30 s."""
    with psycopg.connect(libpq(primary_url), autocommit=True) as p:
        target = p.execute("SELECT pg_current_wal_lsn()").fetchone()[0]  # type: ignore[index]
    standby_url = standby.url(make_url(primary_url).database)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with psycopg.connect(libpq(standby_url), autocommit=True) as s:
                done = s.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (target,)).fetchone()
                if done and done[0]:
                    return
        except psycopg.OperationalError:
            pass  # the database is not replayed yet
        time.sleep(0.05)
    raise AssertionError("the standby did not catch up")


def read_on(standby: Any, db_url: str, monkeypatch: pytest.MonkeyPatch, max_lag: float) -> None:
    """The app's lag-tolerant reads on this test's database on the standby (counts reset)."""
    from pixecom.db import reader
    from pixecom.settings import get_settings

    monkeypatch.setenv("DATABASE_READER_URL", standby.url(make_url(db_url).database))
    monkeypatch.setenv("READER_MAX_LAG_SECONDS", str(max_lag))
    monkeypatch.setenv("READER_AFTER_WRITE_SECONDS", "60")
    get_settings.cache_clear()
    reader.reset_reader()
    reader.reader_route_counts.clear()


def read_primary_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Undo `read_on`: no reader for the tests that follow in this process (its engine is a
    process global; left behind, their reads would go on checking write marks)."""
    from pixecom.db import reader
    from pixecom.settings import get_settings

    monkeypatch.undo()
    get_settings.cache_clear()
    reader.reset_reader()


def resume_replay(standby: Any) -> None:
    if standby_sql(standby, "SELECT pg_is_wal_replay_paused()")[0][0]:
        standby_sql(standby, "SELECT pg_wal_replay_resume()")


def age_write_marks(db_url: str) -> None:
    """The test's setup wrote the seller's entities just now: make those writes an hour old."""
    with psycopg.connect(libpq(db_url), autocommit=True) as conn:
        conn.execute("UPDATE seller_write_marks SET written_at = now() - interval '1 hour'")
