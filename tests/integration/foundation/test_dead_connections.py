"""Dead pooled connections (a proxy that dropped an idle client, a failover): a connection idle
past `db_ping_after_idle_seconds` is pinged and replaced before use; one used a moment ago is
handed out without a ping, and a lag-tolerant read that finds it dead reads again on a new one."""

import psycopg
import pytest
from sqlalchemy import text

from pixecom.db.engine import get_engine, read_connection, reset_engine
from pixecom.db.reader import lag_tolerant
from pixecom.settings import get_settings


@pytest.fixture
def one_connection(db_url, monkeypatch):
    """The container's engine with one pooled connection and the given ping window."""

    def make(ping_after_idle_seconds: float):
        monkeypatch.setenv("DB_POOL_SIZE", "1")
        monkeypatch.setenv("DB_MAX_OVERFLOW", "0")
        monkeypatch.setenv("DB_PING_AFTER_IDLE_SECONDS", str(ping_after_idle_seconds))
        get_settings.cache_clear()
        reset_engine()
        return get_engine()

    yield make
    reset_engine()


def _backend_pid() -> int:
    with read_connection() as conn:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _terminate(db_url: str, pid: int) -> None:
    """Kill the pooled connection's server process from another connection, as a failover would."""
    from sqlalchemy import create_engine

    killer = create_engine(db_url)
    with killer.connect() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
    killer.dispose()


@pytest.fixture
def sent(monkeypatch):
    """The statements sent on psycopg connections from here on, recorded at the driver."""
    statements: list[str] = []
    original = psycopg.Connection.execute

    def recording(self, query, *args, **kwargs):
        statements.append(str(query))
        return original(self, query, *args, **kwargs)

    def start() -> list[str]:
        monkeypatch.setattr(psycopg.Connection, "execute", recording)
        return statements

    return start


def test_a_connection_idle_past_the_window_is_pinged_and_replaced_when_dead(one_connection, db_url):
    one_connection(ping_after_idle_seconds=0)
    first = _backend_pid()
    _terminate(db_url, first)
    assert _backend_pid() != first  # the ping failed, the pool connected anew: no error


def test_a_connection_used_a_moment_ago_is_handed_out_without_a_ping(one_connection, sent):
    one_connection(ping_after_idle_seconds=3600)
    _backend_pid()  # connected and returned to the pool
    statements = sent()
    _backend_pid()
    assert "SELECT 1" not in statements


def test_a_connection_idle_past_the_window_is_pinged_once_before_use(one_connection, sent):
    one_connection(ping_after_idle_seconds=0)
    _backend_pid()
    statements = sent()
    _backend_pid()
    assert statements.count("SELECT 1") == 1


def test_a_read_that_finds_its_recent_connection_dead_reads_again_on_a_new_one(
    one_connection, db_url, make_seller
):
    seller = make_seller()
    one_connection(ping_after_idle_seconds=3600)
    first = _backend_pid()
    _terminate(db_url, first)

    def read(conn):
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())

    assert lag_tolerant(seller.seller_id, read) != first


def test_a_read_on_the_driver_connection_that_finds_it_dead_reads_again(one_connection, db_url, make_seller):
    """The Ads Manager lists run on the psycopg connection itself, under SQLAlchemy's pool."""
    seller = make_seller()
    one_connection(ping_after_idle_seconds=3600)
    first = _backend_pid()
    _terminate(db_url, first)

    def read(conn):
        driver = conn.connection.driver_connection
        return int(driver.execute("SELECT pg_backend_pid()").fetchone()[0])

    assert lag_tolerant(seller.seller_id, read) != first


def test_a_statement_error_is_not_read_again(one_connection, make_seller):
    seller = make_seller()
    one_connection(ping_after_idle_seconds=3600)
    calls = []

    def read(conn):
        calls.append(1)
        return conn.execute(text("SELECT 1 / 0")).scalar_one()

    with pytest.raises(Exception, match="division by zero"):
        lag_tolerant(seller.seller_id, read)
    assert len(calls) == 1
