"""Auth test helpers: cheap argon2 (the rehash test and the bench use the real cost), HTTP helpers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from auth_helpers import PASSWORD

import contract_check


@pytest.fixture(autouse=True)
def cheap_argon2(cheap_argon2: None) -> None:
    """Every auth test hashes cheaply (the fixture of tests/conftest.py, made automatic here)."""


@pytest.fixture
def register(api: Any) -> Any:
    """POST /api/auth/register; returns the JSON body (asserting 201)."""

    def _register(email: str = "ann@example.com", password: str = PASSWORD, seller_name: str = "Ann's Shop"):
        response = api.post(
            "/api/auth/register", json={"email": email, "password": password, "seller_name": seller_name}
        )
        assert response.status_code == 201, response.text
        return response.json()

    return _register


@pytest.fixture(scope="module")
def shared_api(pg_server_url: str, template_db_url: str) -> Iterator[Any]:
    """One app + database for a whole module, for tests that only read or are refused before
    touching data (token tampering, validation): creating a database per test costs ~0.5 s."""
    import uuid

    from fastapi.testclient import TestClient
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from pixecom.api.app import create_app
    from pixecom.db.engine import reset_engine
    from pixecom.settings import get_settings

    def admin(sql: str) -> None:
        engine = create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(sql))
        finally:
            engine.dispose()

    name = f"pixecom_auth_{uuid.uuid4().hex[:12]}"
    admin(f'CREATE DATABASE "{name}" TEMPLATE "{make_url(template_db_url).database}"')
    url = make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", url)
        get_settings.cache_clear()
        reset_engine()
        with TestClient(create_app(), raise_server_exceptions=False) as client:
            client.event_hooks["response"].append(contract_check.checker().check)
            yield client
        reset_engine()
    get_settings.cache_clear()
    admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def shared_seller(shared_api: Any) -> Any:
    """Factory: a seller with an owner user in the shared database (ids only; no password)."""
    from pixecom.db.engine import session_scope
    from pixecom.db.models import Seller, User
    from pixecom.domain.enums import UserRole

    def make(name: str) -> tuple[Any, Any]:
        with session_scope() as s:
            seller = Seller(name=name)
            s.add(seller)
            s.flush()
            user = User(
                seller_id=seller.id, email=f"{seller.id}@example.com", password_hash="!", role=UserRole.OWNER
            )
            s.add(user)
            s.flush()
            return user.id, seller.id

    return make
