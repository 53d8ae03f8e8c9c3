"""Auth test helpers: cheap argon2 (the rehash test and the bench use the real cost), HTTP helpers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from auth_helpers import PASSWORD


@pytest.fixture(autouse=True)
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
def register(api: Any) -> Any:
    """POST /api/auth/register; returns the JSON body (asserting 201)."""

    def _register(email: str = "ann@example.com", password: str = PASSWORD, seller_name: str = "Ann's Shop"):
        response = api.post(
            "/api/auth/register", json={"email": email, "password": password, "seller_name": seller_name}
        )
        assert response.status_code == 201, response.text
        return response.json()

    return _register
