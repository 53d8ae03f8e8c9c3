"""Fixtures for the sync tests: the simulator over HTTP, Graph clients that do not really sleep,
and a way to connect scenario accounts through the accounts service."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sync_helpers import Db, fast_graph_factory, small_scenario

from pixecom.clock import utc_now
from simulator.testing import SimulatorServer


@pytest.fixture
def sim() -> Iterator[SimulatorServer]:
    with SimulatorServer(small_scenario(1001, 1002, 1003)) as server:
        yield server


@pytest.fixture
def graph(
    sim: SimulatorServer, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Callable[[str], Any]:
    """A Graph factory on the simulator, with retries and report polls not really waiting.

    Tests pass it as `graph=`; the API gets it through its `get_graph` dependency; Lambda handlers
    (which take no arguments) reach the simulator through GRAPH_BASE_URL.
    """
    from pixecom.settings import get_settings

    factory = fast_graph_factory(sim.base_url)
    monkeypatch.setenv("GRAPH_BASE_URL", sim.base_url)
    get_settings.cache_clear()
    if "api" in request.fixturenames:
        from pixecom.api.deps import get_graph

        request.getfixturevalue("api").app.dependency_overrides[get_graph] = lambda: factory
    return factory


@pytest.fixture
def db(db_url: str) -> Db:
    return Db()


@pytest.fixture
def connect(make_seller: Callable[..., Any], graph: Any) -> Callable[..., uuid.UUID]:
    """Connect a scenario account for a (new) seller through the accounts service; returns our id."""
    from pixecom.accounts.connect import connect_account

    sellers: dict[str, Any] = {}

    def do(
        meta_account_id: str, token: str | None = None, seller: Any = None, backfill_days: int = 3
    ) -> uuid.UUID:
        seller = seller or sellers.setdefault("default", make_seller())
        account = connect_account(
            seller.seller_id,
            meta_account_id,
            token or f"token-{meta_account_id[4:]}",
            backfill_days=backfill_days,
            graph=graph,
            now=utc_now(),
        )
        return account.id

    return do
