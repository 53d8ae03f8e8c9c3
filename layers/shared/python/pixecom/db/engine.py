"""One engine per Lambda container, created lazily; one session and transaction per unit of work.

Connection budget: each container holds at most `db_pool_size + db_max_overflow` connections
(1 + 0 behind RDS Proxy: a Lambda container serves one request at a time), so a function may
hold at most (that) x (its maximum concurrency). README.md ("Connection budget") adds those up
against the database's `max_connections`. A long-running process serving many requests at once
(`pixecom dev`) sizes the pool to its concurrency instead. A request that finds no free
connection within `db_pool_timeout_seconds` fails with SQLAlchemy's pool TimeoutError, which
the API answers 503 with Retry-After.

Rotated credentials: with DB_SECRET_ARN every new connection takes the username and password
from the secret (cached SECRET_CACHE_SECONDS). When the server refuses them (a password rotated
by Secrets Manager while this container still holds the old value), the secret is read again
from Secrets Manager and the connection tried once more; if that fails too, the error stands.

Dead connections: a pooled connection idle for `db_ping_after_idle_seconds` or more is pinged
before it is handed out (and replaced if the ping fails: a proxy that dropped an idle client, a
failover); one used more recently is handed out as is. Pinging on every checkout cost a round
trip per request, a tenth of an Ads Manager list read. A connection that died within the
window fails its statement once: lag-tolerant reads (`db.reader`) then retry on a new one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from pixecom.observability import logger
from pixecom.settings import Settings, get_settings

_engine: Engine | None = None
_session_factory: sessionmaker[Session] | None = None


class DatabaseNotConfigured(RuntimeError):
    """Neither DATABASE_URL nor DB_SECRET_ARN is set."""


def sqlalchemy_url(url: str) -> str:
    """Use the psycopg 3 driver whatever scheme the URL came with."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    raise DatabaseNotConfigured(f"not a PostgreSQL URL: scheme {url.split(':', 1)[0]!r}")


def url_from_secret(secret_json: str, host_override: str | None = None) -> str:
    """The URL for an RDS-style secret ({username, password, host, port, dbname}); a host that is
    a directory (a Unix socket's, as local servers use) goes into the query, as libpq wants it."""
    s = json.loads(secret_json)
    host = str(host_override or s["host"])
    user, password = quote(s["username"], safe=""), quote(s["password"], safe="")
    port, dbname = s.get("port", 5432), s.get("dbname", "postgres")
    if host.startswith("/"):
        return f"postgresql+psycopg://{user}:{password}@/{dbname}?host={quote(host)}&port={port}"
    return f"postgresql+psycopg://{user}:{password}@{host}:{port}/{dbname}"


class SecretCredentials:
    """The username and password new connections use, from the DB secret."""

    def __init__(self, arn: str) -> None:
        self.arn = arn

    def current(self) -> tuple[str, str]:
        from pixecom.secret_store import get_secret

        return _user_and_password(get_secret(self.arn))

    def reread(self) -> tuple[str, str]:
        from pixecom.secret_store import get_secret

        return _user_and_password(get_secret(self.arn, refresh=True))


def _user_and_password(secret_json: str) -> tuple[str, str]:
    s = json.loads(secret_json)
    return str(s["username"]), str(s["password"])


def credentials_refused(exc: BaseException) -> bool:
    """A connection refused for its credentials (28P01 invalid_password, 28000
    invalid_authorization_specification); libpq often gives only the message, not the code."""
    sqlstate = getattr(exc, "sqlstate", None)
    return sqlstate in ("28P01", "28000") or "authentication failed" in str(exc)


def use_secret_credentials(engine: Engine, credentials: SecretCredentials) -> None:
    """Every new connection of `engine` logs in with the secret's current credentials and, when
    they are refused, re-reads the secret and tries once more."""

    @event.listens_for(engine, "do_connect")
    def _connect(dialect: Any, record: Any, cargs: Any, cparams: dict[str, Any]) -> Any:
        cparams["user"], cparams["password"] = credentials.current()
        try:
            return dialect.connect(*cargs, **cparams)
        except Exception as exc:
            if not credentials_refused(exc):
                raise
        logger.warning("database refused the credentials; re-reading the DB secret")
        cparams["user"], cparams["password"] = credentials.reread()
        try:
            return dialect.connect(*cargs, **cparams)
        except Exception as exc:
            if credentials_refused(exc):
                logger.error("database refused the credentials of the re-read DB secret too")
            raise


def resolve_database_url(settings: Settings) -> str:
    if settings.database_url:
        return sqlalchemy_url(settings.database_url)
    if settings.database_secret_arn:
        from pixecom.secret_store import get_secret

        return url_from_secret(get_secret(settings.database_secret_arn), settings.database_host_override)
    raise DatabaseNotConfigured("set DATABASE_URL (local) or DB_SECRET_ARN (AWS)")


def make_engine(url: str, settings: Settings) -> Engine:
    """An engine sized for one Lambda container; prepare_threshold=None keeps RDS Proxy unpinned."""
    engine = create_engine(
        sqlalchemy_url(url),
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout_seconds,
        pool_recycle=settings.db_pool_recycle_seconds,
        # Errors and logs never echo bound values (hashes, ciphertexts, emails).
        hide_parameters=True,
        connect_args={
            "prepare_threshold": None,
            "connect_timeout": 10,
            "options": f"-c statement_timeout={settings.db_statement_timeout_ms}",
        },
    )
    ping_when_idle(engine, settings.db_ping_after_idle_seconds)
    return engine


_RETURNED_AT = "pixecom_returned_at"


def ping_when_idle(engine: Engine, idle_seconds: float) -> None:
    """Ping a pooled connection on checkout when it sat idle `idle_seconds` or more (SQLAlchemy's
    pessimistic disconnect handling, on a timer); a failed ping makes the pool connect anew."""

    @event.listens_for(engine, "checkin")
    def returned(dbapi_connection: Any, record: Any) -> None:
        record.info[_RETURNED_AT] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def checked_out(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        returned_at = record.info.get(_RETURNED_AT)
        if returned_at is None or time.monotonic() - returned_at < idle_seconds:
            return  # new (just connected), or used a moment ago
        try:
            dbapi_connection.execute("SELECT 1")
            if not dbapi_connection.autocommit:
                dbapi_connection.rollback()
        except Exception as error:  # any failure: the pool discards it and connects again
            raise exc.DisconnectionError() from error


def get_engine() -> Engine:
    """The container's engine, created on first use."""
    global _engine, _session_factory
    if _engine is None:
        settings = get_settings()
        engine = make_engine(resolve_database_url(settings), settings)
        if settings.database_secret_arn and not settings.database_url:
            use_secret_credentials(engine, SecretCredentials(settings.database_secret_arn))
        _engine = engine
        _session_factory = sessionmaker(_engine, expire_on_commit=False)
    return _engine


def session_factory() -> sessionmaker[Session]:
    get_engine()
    assert _session_factory is not None
    return _session_factory


@contextmanager
def session_scope() -> Iterator[Session]:
    """One session in one transaction: committed on success, rolled back on any error."""
    with session_factory().begin() as session:
        yield session


@contextmanager
def read_connection() -> Iterator[Connection]:
    """A pooled connection in autocommit mode, for reads of ONE statement: no BEGIN/COMMIT round
    trips (one statement already reads one consistent snapshot). Never for writes."""
    with get_engine().connect() as conn:
        yield conn.execution_options(isolation_level="AUTOCOMMIT")


@contextmanager
def read_driver_connection() -> Iterator[Any]:
    """`read_connection`'s psycopg connection itself (autocommit), for a read that needs none of
    SQLAlchemy's statement compilation or result wrapping. The pool still checks it out, pings
    and returns it."""
    with read_connection() as conn:
        yield conn.connection.driver_connection


def reset_engine() -> None:
    """Drop the cached engine (tests that point DATABASE_URL elsewhere; never in handlers)."""
    global _engine, _session_factory
    if _engine is not None:
        _engine.dispose()
    _engine, _session_factory = None, None
