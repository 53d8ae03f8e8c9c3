"""The PgBouncer the `pooler` tests pass through really pools by transaction: a session setting
does not follow its client to the next transaction, as with RDS Proxy while unpinned."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url

from pixecom.settings import get_settings

pytestmark = pytest.mark.pooler


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def test_a_pooler_test_reaches_its_database_through_pgbouncer(db_url: str, pgbouncer: Any) -> None:
    assert get_settings().database_url == db_url
    assert make_url(db_url).query["port"] == str(pgbouncer.port)


def test_a_session_setting_does_not_follow_its_client_to_the_next_transaction(
    db_url: str, pgbouncer: Any
) -> None:
    with (
        psycopg.connect(_libpq(db_url), autocommit=True) as a,
        psycopg.connect(_libpq(db_url), autocommit=True) as b,
    ):
        a.execute("SET work_mem = '7MB'")  # left on the server connection a just used
        with b.transaction():
            b.execute("SELECT 1")  # b now holds that server connection until it commits
            shown = a.execute("SHOW work_mem").fetchone()
    assert shown is not None and shown[0] != "7MB"
