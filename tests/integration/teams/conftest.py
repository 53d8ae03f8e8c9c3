"""Team tests: cheap password hashing (tests/conftest.py) and HTTP helpers for members."""

from __future__ import annotations

from typing import Any

import pytest
from team_helpers import PASSWORD


@pytest.fixture(autouse=True)
def cheap_argon2(cheap_argon2: None) -> None:
    """Every team test hashes cheaply."""


@pytest.fixture
def owner(api: Any) -> dict[str, Any]:
    """A seller registered over the API; its owner's tokens and headers."""
    body = api.post(
        "/api/auth/register",
        json={"email": "owner@shop.example", "password": PASSWORD, "seller_name": "Shop"},
    ).json()
    return {**body, "headers": {"Authorization": f"Bearer {body['access_token']}"}}
