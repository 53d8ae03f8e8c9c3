"""Shared fixtures: real parts only.

- One PostgreSQL per test session: embedded (pgserver) unless DATABASE_URL points at a server.
- Migrated once into a template database; each test that asks for `db_url` gets a fresh
  `CREATE DATABASE ... TEMPLATE` copy, so tests are isolated and order-independent. The
  embedded server is scratch, so it runs without durability (no fsync): see _without_durability.
- moto's `mock_aws` for SQS (and Secrets Manager), the same boto3 path AWS runs.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

import contract_check
from lambda_support import FakeLambdaContext
from pixecom.clock import utc_now

TEMPLATE_DB = "pixecom_test_template"


def _remove_at_exit(path: Path) -> Path:
    """Remove `path` (a directory this process makes under /tmp) when this process exits, in
    case no fixture teardown did (an interrupted or failed session): a session leaves nothing
    behind (a dev machine once held 50 GB of old data dirs). Register it before starting a
    server there: exit handlers run last-registered first, so the server's stop (registered
    after) runs before the removal."""
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


# Settings every test sees; a test may override with monkeypatch + get_settings.cache_clear().
os.environ.setdefault("PIXECOM_ENV", "local")
os.environ.setdefault("JWT_SECRET", "test-signing-key-" + "x" * 32)
if "PIXECOM_STATE_DIR" not in os.environ:
    # Made once, by the process that loads this first (xdist's controller: its workers inherit
    # the variable), and removed when that process exits.
    os.environ["PIXECOM_STATE_DIR"] = str(_remove_at_exit(Path(tempfile.mkdtemp(prefix="pixecom-state-"))))
os.environ.setdefault("POWERTOOLS_SERVICE_NAME", "pixecom-tests")
os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "PixEcomTests")
os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")


def _libpq(url: str, database: str | None = None) -> str:
    """A psycopg (libpq) URI for a SQLAlchemy URL, optionally for another database."""
    parsed = make_url(url)
    if database:
        parsed = parsed.set(database=database)
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def _admin(url: str, sql: str) -> None:
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def pg_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """SQLAlchemy URL of a server we may create databases on."""
    external = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if external:
        from pixecom.db.engine import sqlalchemy_url

        yield sqlalchemy_url(external)
        return
    from pixecom.db.embedded import start_embedded_postgres

    # Short path: the server's Unix socket lives in the data dir (108-byte limit).
    data_dir = _remove_at_exit(Path("/tmp") / f"pixecom-pg-{os.getpid()}")
    server, url = start_embedded_postgres(data_dir)  # pgserver stops it at exit, if not before
    _EMBEDDED["server"] = server
    _without_durability(url)
    yield url
    server.cleanup()
    shutil.rmtree(data_dir, ignore_errors=True)  # the stopped server's ~95 MB


_EMBEDDED: dict[str, Any] = {}


def _without_durability(url: str) -> None:
    """The session's throwaway server skips what only a crash would need: fsync (each commit
    and each database copy waited for the disk), synchronous commit and full-page writes.
    Nothing a test checks changes; a crash would only lose this session's scratch data."""
    for setting in ("fsync = off", "synchronous_commit = off", "full_page_writes = off"):
        _admin(url, f"ALTER SYSTEM SET {setting}")
    _admin(url, "SELECT pg_reload_conf()")


def _copy_of_template(server_url: str, name: str) -> None:
    """CREATE DATABASE `name` as a copy of the migrated template.

    On the embedded server (no fsync) a file copy is quicker than PostgreSQL's default of
    writing every page of the template to the WAL; on another server keep the default, whose
    file copy would force two checkpoints."""
    strategy = " STRATEGY FILE_COPY" if "server" in _EMBEDDED else ""
    _admin(server_url, f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE_DB}"{strategy}')


@pytest.fixture(scope="session")
def standby(pg_server_url: str) -> Iterator[Any]:
    """A streaming standby of the embedded server (its own pg_basebackup), once per session."""
    from local.standby import start_standby

    server = _EMBEDDED.get("server")
    if server is None:
        pytest.skip("a standby needs the embedded PostgreSQL (DATABASE_URL names another server)")
    replica = start_standby(server, _remove_at_exit(Path("/tmp") / f"pixecom-standby-{os.getpid()}"))
    atexit.register(replica.stop)  # before the removal, when the teardown below did not run
    yield replica
    replica.stop()
    shutil.rmtree(replica.data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def template_db_url(pg_server_url: str) -> str:
    """A database migrated to head once per session; tests copy it."""
    from pixecom.db.migrate import upgrade

    _admin(pg_server_url, f'DROP DATABASE IF EXISTS "{TEMPLATE_DB}" WITH (FORCE)')
    _admin(pg_server_url, f'CREATE DATABASE "{TEMPLATE_DB}"')
    url = make_url(pg_server_url).set(database=TEMPLATE_DB).render_as_string(hide_password=False)
    upgrade(url)
    return url


def _pooler_available() -> bool:
    from local.pooler import pgbouncer_binary

    return "server" in _EMBEDDED and pgbouncer_binary() is not None


@pytest.fixture(scope="session")
def pgbouncer(pg_server_url: str) -> Iterator[Any]:
    """A real PgBouncer in transaction pooling mode before the embedded server, once per session;
    tests marked `pooler` reach their database through it (see `db_url`)."""
    from local.pooler import start_pooler

    server = _EMBEDDED.get("server")
    if not _pooler_available():
        pytest.skip("needs the embedded PostgreSQL and Debian's pgbouncer (.ci/run installs it)")
    work_dir = _remove_at_exit(Path("/tmp") / f"pixecom-pgb-{os.getpid()}")
    pooler = start_pooler(server.get_postmaster_info().socket_dir, work_dir, server.system_user)
    atexit.register(pooler.stop)  # before the removal, when the teardown below did not run
    yield pooler
    pooler.stop()
    shutil.rmtree(work_dir, ignore_errors=True)


@pytest.fixture
def empty_db_url(pg_server_url: str) -> Iterator[str]:
    """A brand-new empty database (for migration tests)."""
    name = f"pixecom_empty_{uuid.uuid4().hex[:12]}"
    _admin(pg_server_url, f'CREATE DATABASE "{name}"')
    yield make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)
    _admin(pg_server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _reconciliation_differences(url: str) -> list[Any]:
    """Account-days whose stored reconciliation differs (none when the table is not there)."""
    database = make_url(url).database
    with psycopg.connect(_libpq(url, database)) as conn:
        present = conn.execute("SELECT to_regclass('stats_reconciliation')").fetchone()
        if present is None or present[0] is None:
            return []
        return conn.execute(
            "SELECT ad_account_id, date FROM stats_reconciliation WHERE differs ORDER BY date"
        ).fetchall()


@pytest.fixture
def db_url(
    pg_server_url: str,
    template_db_url: str,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> Iterator[str]:
    """A fresh, migrated database for this test; DATABASE_URL points at it, engine reset.

    A test marked `pooler` gets the database through PgBouncer in transaction pooling mode (when
    pgbouncer is installed and the server is the embedded one; else directly).

    Every stats run a test makes must reconcile with the simulator's account totals: a test
    that leaves a differing account-day fails unless marked `reconciliation_differs`."""
    from pixecom.db.engine import reset_engine
    from pixecom.settings import get_settings

    name = f"pixecom_test_{uuid.uuid4().hex[:12]}"
    _copy_of_template(pg_server_url, name)
    url = make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)
    if request.node.get_closest_marker("pooler") and _pooler_available():
        url = request.getfixturevalue("pgbouncer").url(name)  # everything the test does goes through it
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    reset_engine()
    yield url
    reset_engine()
    get_settings.cache_clear()
    differing = (
        []
        if request.node.get_closest_marker("reconciliation_differs")
        else (_reconciliation_differences(url))
    )
    _admin(pg_server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if differing:
        pytest.fail(f"stats rows differ from Meta's account totals on {differing}")


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    """A session on the test database; commit explicitly to make data visible to the app."""
    from pixecom.db.engine import session_factory

    with session_factory()() as s:
        yield s


@pytest.fixture
def api(db_url: str) -> Iterator[Any]:
    """The FastAPI app on the test database, over HTTP semantics (TestClient)."""
    from fastapi.testclient import TestClient

    from pixecom.api.app import create_app

    with TestClient(create_app(), raise_server_exceptions=False) as client:
        client.event_hooks["response"].append(contract_check.checker().check)
        yield client


@dataclass(frozen=True)
class SellerLogin:
    seller_id: uuid.UUID
    user_id: uuid.UUID
    email: str
    headers: dict[str, str]


@pytest.fixture
def make_seller(db_url: str) -> Callable[..., SellerLogin]:
    """Create a seller with an owner user directly in the DB; returns ids and auth headers."""
    from pixecom.auth.tokens import issue_access_token
    from pixecom.db.engine import session_scope
    from pixecom.db.models import Seller, User
    from pixecom.domain.enums import UserRole

    def make(name: str = "Seller", email: str | None = None) -> SellerLogin:
        email = email or f"{uuid.uuid4().hex[:8]}@example.com"
        with session_scope() as s:
            seller = Seller(name=name)
            s.add(seller)
            s.flush()
            # Not a usable password hash: these users log in through tokens only.
            user = User(seller_id=seller.id, email=email, password_hash="!", role=UserRole.OWNER)
            s.add(user)
            s.flush()
            seller_id, user_id = seller.id, user.id
        token = issue_access_token(user_id, seller_id, now=utc_now())
        return SellerLogin(seller_id, user_id, email, {"Authorization": f"Bearer {token}"})

    return make


@pytest.fixture
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Lower the argon2 cost for speed; tests that need the real cost override these env vars."""
    from pixecom.settings import get_settings

    monkeypatch.setenv("ARGON2_TIME_COST", "1")
    monkeypatch.setenv("ARGON2_MEMORY_KIB", "256")
    monkeypatch.setenv("ARGON2_PARALLELISM", "1")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def make_member(db_url: str) -> Callable[..., SellerLogin]:
    """Add a member with `role` to an existing seller (limited to `ad_account_ids` when given);
    returns ids and auth headers, as make_seller does."""
    from pixecom.auth.tokens import issue_access_token
    from pixecom.db.engine import session_scope
    from pixecom.db.models import MemberAdAccount, User
    from pixecom.domain.enums import UserRole

    def make(
        seller_id: uuid.UUID, role: str, *, ad_account_ids: Any = None, email: str | None = None
    ) -> SellerLogin:
        email = email or f"{role}-{uuid.uuid4().hex[:8]}@example.com"
        with session_scope() as s:
            user = User(
                seller_id=seller_id,
                email=email,
                password_hash="!",
                role=UserRole(role),
                accounts_limited=ad_account_ids is not None,
            )
            s.add(user)
            s.flush()
            for account_id in ad_account_ids or ():
                s.add(MemberAdAccount(user_id=user.id, ad_account_id=account_id, seller_id=seller_id))
            user_id = user.id
        token = issue_access_token(user_id, seller_id, now=utc_now())
        return SellerLogin(seller_id, user_id, email, {"Authorization": f"Bearer {token}"})

    return make


@pytest.fixture
def aws() -> Iterator[None]:
    """moto's mock_aws for the test."""
    from moto import mock_aws

    with mock_aws():
        yield


@pytest.fixture
def sqs(aws: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """moto SQS with the stats, delivery and control queues (each with a DLQ); env points at them."""
    import boto3

    from pixecom.settings import get_settings

    client = boto3.client("sqs", region_name=os.environ["AWS_DEFAULT_REGION"])
    for env_name, queue in (
        ("STATS_QUEUE_URL", "stats"),
        ("DELIVERY_QUEUE_URL", "delivery"),
        ("CONTROL_QUEUE_URL", "control"),
    ):
        dlq = client.create_queue(QueueName=f"{queue}-dlq")["QueueUrl"]
        dlq_arn = client.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"][
            "QueueArn"
        ]
        url = client.create_queue(
            QueueName=queue,
            Attributes={
                "VisibilityTimeout": "0",
                "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": "3"}),
            },
        )["QueueUrl"]
        monkeypatch.setenv(env_name, url)
    get_settings.cache_clear()
    yield client
    get_settings.cache_clear()


@pytest.fixture
def lambda_context() -> FakeLambdaContext:
    return FakeLambdaContext()
