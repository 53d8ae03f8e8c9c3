"""Reads that tolerate a little lag go to a streaming replica when one is configured and fit.

Lag-tolerant reads (the Ads Manager lists, exports and daily series) call
`lag_tolerant(seller_id, read)`: `read` runs on a connection to the reader when

- a reader is configured (`DATABASE_READER_URL`, or `DB_READER_HOST` with the DB secret),
- nothing the seller sees of its accounts, campaigns, ad sets or ads changed in the last
  `reader_after_write_seconds` (`seller_write_marks`, kept by statement triggers on those
  tables, migration 0020; read on the primary: a bulk job, a budget change, a new account are
  seen at once by the seller who caused them), and
- the reader is at most `reader_max_lag_seconds` behind (its own view: nothing received is
  left to replay, or its last replayed commit is that recent);

otherwise on the primary. A reader that cannot be reached, fails the read or cancels it (a
recovery conflict) costs one retry on the primary, never an error to the client; every read
sent to the primary while a reader is configured counts in the `ReaderFallback` metric with its
reason, and `reader_route_counts` (per process) for tests and logs.

A replica replays whole transactions in commit order, so a read there sees a consistent, older
state: sums and their rows always agree; never half a sync.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

import psycopg
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from pixecom.db.engine import (
    SecretCredentials,
    make_engine,
    read_connection,
    sqlalchemy_url,
    url_from_secret,
    use_secret_credentials,
)
from pixecom.observability import logger
from pixecom.settings import Settings, get_settings

T = TypeVar("T")

# Seconds behind the primary, from the replica's own view; 0 when it replayed all it received
# (or is no replica at all: a promoted one, a reader URL that names the primary).
LAG_SQL = text(
    "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0 "
    "WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
    "ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 'Infinity') END"
)
RECENT_WRITE_SQL = text(
    "SELECT EXISTS (SELECT 1 FROM seller_write_marks WHERE seller_id = :seller "
    "AND written_at > now() - make_interval(secs => :window))"
)

# Why a read went to the primary -> its metric (docs/operations.md names them for alarms).
FALLBACK_METRICS = {
    "recent_write": "ReaderFallbackRecentWrite",
    "lag": "ReaderFallbackLag",
    "reader_error": "ReaderFallbackReaderError",
}

_reader: Engine | None = None
reader_route_counts: Counter[str] = Counter()


def reader_url(settings: Settings) -> str | None:
    if settings.database_reader_url:
        return sqlalchemy_url(settings.database_reader_url)
    if settings.database_reader_host and settings.database_secret_arn:
        from pixecom.secret_store import get_secret

        return url_from_secret(get_secret(settings.database_secret_arn), settings.database_reader_host)
    return None


def get_reader_engine() -> Engine | None:
    """The container's reader engine (one connection, like the primary's), or None."""
    global _reader
    if _reader is None:
        settings = get_settings()
        url = reader_url(settings)
        if url is None:
            return None
        engine = make_engine(url, settings)
        if settings.database_secret_arn and not settings.database_reader_url:
            use_secret_credentials(engine, SecretCredentials(settings.database_secret_arn))
        _reader = engine
    return _reader


def reset_reader() -> None:
    global _reader
    if _reader is not None:
        _reader.dispose()
    _reader = None


def _fallback(reason: str) -> None:
    from aws_lambda_powertools.metrics import MetricUnit

    from pixecom.observability import metrics

    reader_route_counts[f"primary:{reason}"] += 1
    metrics.add_metric(name=FALLBACK_METRICS[reason], unit=MetricUnit.Count, value=1)


def on_primary(read: Callable[[Connection], T]) -> T:
    """`read` on a pooled primary connection; once more on a new one when that connection turns
    out dead (pooled connections used a moment ago are not pinged: `db.engine.ping_when_idle`)."""
    with read_connection() as conn:
        try:
            return read(conn)
        except (DBAPIError, psycopg.OperationalError) as error:
            if not connection_lost(conn, error):
                raise
            conn.invalidate()
    logger.warning("database connection lost; reading again on a new one")
    with read_connection() as conn:
        return read(conn)


def connection_lost(conn: Connection, error: Exception) -> bool:
    """Whether `error` came from a connection that is gone (not from the statement itself)."""
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    driver = conn.connection.driver_connection
    return bool(getattr(driver, "broken", False) or getattr(driver, "closed", False))


def lag_tolerant(seller_id: uuid.UUID, read: Callable[[Connection], T]) -> T:
    """`read(conn)` on the reader when it is fresh enough for this seller, else on the primary.
    The connection is in autocommit: `read` must only read."""
    reader = get_reader_engine()
    if reader is None:
        return on_primary(read)
    settings = get_settings()
    with read_connection() as primary:
        wrote = primary.execute(
            RECENT_WRITE_SQL, {"seller": seller_id, "window": settings.reader_after_write_seconds}
        ).scalar()
    if wrote:
        _fallback("recent_write")
        return on_primary(read)
    try:
        with reader.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            lag = float(conn.execute(LAG_SQL).scalar_one())
            if lag <= settings.reader_max_lag_seconds:
                result = read(conn)
                reader_route_counts["reader"] += 1
                return result
    except (DBAPIError, PoolTimeout, psycopg.OperationalError) as exc:
        logger.warning("reader failed; reading on the primary", extra={"error": type(exc).__name__})
        _fallback("reader_error")
        return on_primary(read)
    logger.info("reader lags; reading on the primary", extra={"lag_seconds": lag})
    _fallback("lag")
    return on_primary(read)
