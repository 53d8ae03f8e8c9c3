"""Ads Manager fixtures; the builder and the independent expectations live in adsmanager_helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest
from adsmanager_helpers import Seeder, World, build_world
from sqlalchemy.orm import Session


@pytest.fixture
def seed(session: Session) -> Iterator[Seeder]:
    yield Seeder(session)


@pytest.fixture
def set_now(api: Any) -> Callable[[datetime], None]:
    """Freeze the API's clock (the `get_now` dependency) at an aware instant."""
    from pixecom.api.deps import get_now

    def freeze(now: datetime) -> None:
        assert now.tzinfo is not None
        api.app.dependency_overrides[get_now] = lambda: now

    return freeze


@pytest.fixture
def world(seed: Seeder, make_seller: Callable[..., Any]) -> World:
    return build_world(seed, make_seller)
