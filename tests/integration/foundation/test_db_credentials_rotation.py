"""A rotated database password does not take the app down: a connection refused for its
credentials re-reads the DB secret (moto Secrets Manager) and reconnects once.

Real Postgres: the test server trusts local logins, so the roles made here belong to a group
that pg_hba.conf (edited once per test server) makes log in with a SCRAM password.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import exc, text
from sqlalchemy.engine import make_url

from pixecom.db.engine import get_engine, reset_engine, session_scope
from pixecom.settings import get_settings

PASSWORD_GROUP = "pixecom_password_login"
HBA_LINE = f"local all +{PASSWORD_GROUP} scram-sha-256\n"
REREAD = "database refused the credentials; re-reading the DB secret"


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _admin(url: str, statement: str) -> list[Any]:
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        cursor = conn.execute(statement)  # type: ignore[call-overload]
        return cursor.fetchall() if cursor.description else []


@pytest.fixture
def password_role(pg_server_url: str, db_url: str) -> Iterator[str]:
    """A login role that must give its password (initially 'first-password')."""
    hba = Path(_admin(pg_server_url, "SHOW hba_file")[0][0])
    if not hba.exists() or not hba.is_file():
        pytest.skip("the test server's pg_hba.conf is not on this machine")
    _admin(
        pg_server_url,
        f"DO $$ BEGIN CREATE ROLE {PASSWORD_GROUP} NOLOGIN; "
        "EXCEPTION WHEN duplicate_object THEN NULL; END $$",
    )
    if HBA_LINE not in hba.read_text():
        hba.write_text(HBA_LINE + hba.read_text())
        _admin(pg_server_url, "SELECT pg_reload_conf()")
    role = f"app_{uuid.uuid4().hex[:10]}"
    _admin(pg_server_url, f"CREATE ROLE {role} LOGIN PASSWORD 'first-password' IN ROLE {PASSWORD_GROUP}")
    yield role
    reset_engine()
    _admin(pg_server_url, f"DROP ROLE IF EXISTS {role}")


@pytest.fixture
def secret(aws: None, db_url: str, password_role: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The DB secret in moto Secrets Manager; the app reads the database from it (no DATABASE_URL)."""
    import boto3

    url = make_url(db_url)
    client = boto3.client("secretsmanager")
    value = {
        "username": password_role,
        "password": "first-password",
        "host": url.query["host"],
        "port": int(url.query.get("port", 5432)),
        "dbname": url.database,
    }
    arn = client.create_secret(Name=f"db-{password_role}", SecretString=json.dumps(value))["ARN"]
    monkeypatch.delenv("DATABASE_URL")
    monkeypatch.setenv("DB_SECRET_ARN", arn)
    get_settings.cache_clear()
    reset_engine()

    def update(password: str) -> None:
        client.put_secret_value(SecretId=arn, SecretString=json.dumps({**value, "password": password}))

    return update


def _whoami() -> str:
    with session_scope() as s:
        return str(s.execute(text("SELECT current_user")).scalar_one())


def test_a_rotated_password_is_picked_up_after_one_reread_of_the_secret(
    secret, password_role, pg_server_url, caplog
):
    assert _whoami() == password_role  # the secret's value is cached from here on

    _admin(pg_server_url, f"ALTER ROLE {password_role} PASSWORD 'second-password'")
    secret("second-password")
    get_engine().dispose()  # the pool's connections go; the next query needs a new login

    with caplog.at_level(logging.WARNING):
        assert _whoami() == password_role
        assert _whoami() == password_role  # the refreshed value stays: no second re-read
    assert [r.getMessage() for r in caplog.records].count(REREAD) == 1
    assert "second-password" not in caplog.text


def test_a_wrong_secret_fails_clearly_after_one_reread(secret, password_role, pg_server_url, caplog):
    assert _whoami() == password_role
    _admin(pg_server_url, f"ALTER ROLE {password_role} PASSWORD 'second-password'")
    secret("not-the-password")
    get_engine().dispose()

    with (
        caplog.at_level(logging.WARNING),
        pytest.raises(exc.OperationalError, match="password authentication failed"),
    ):
        _whoami()
    assert [r.getMessage() for r in caplog.records].count(REREAD) == 1
    assert "not-the-password" not in caplog.text
