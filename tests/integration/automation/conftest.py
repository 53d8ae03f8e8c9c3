"""Alerts and rules fixtures: the simulator over HTTP, a seller with act_5001 connected and synced
(delivery + stats) through the real sync code, and the workers' logic with a fixed clock."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from automation_helpers import fast_graph_factory, scenario, sync_message

from simulator.testing import SimulatorServer


@pytest.fixture
def sim() -> Iterator[SimulatorServer]:
    with SimulatorServer(scenario(5001, 5002)) as server:
        yield server


@pytest.fixture
def graph(
    sim: SimulatorServer, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Callable[[str], Any]:
    """A fast Graph factory on the simulator; code given no factory reaches it via GRAPH_BASE_URL."""
    from pixecom.settings import get_settings

    factory = fast_graph_factory(sim.base_url)
    monkeypatch.setenv("GRAPH_BASE_URL", sim.base_url)
    monkeypatch.setenv("GRAPH_MAX_RETRIES", "1")
    get_settings.cache_clear()
    if "api" in request.fixturenames:
        from pixecom.api.deps import get_graph

        request.getfixturevalue("api").app.dependency_overrides[get_graph] = lambda: factory
    return factory


@dataclass
class Synced:
    seller: Any
    account_id: uuid.UUID
    headers: dict[str, str]


@pytest.fixture
def connect_synced(make_seller: Callable[..., Any], graph: Any, now: datetime) -> Callable[..., Synced]:
    """Connect a scenario account for a new (or given) seller and run its delivery + stats syncs,
    at the test's `now`: the sync and what a test evaluates after it see the same local day even
    when the wall clock passes an account's midnight between them."""
    from pixecom.accounts.connect import connect_account
    from pixecom.sync.delivery import sync_account_delivery
    from pixecom.sync.stats import sync_account_stats

    def do(meta_account_id: str = "act_5001", seller: Any = None) -> Synced:
        seller = seller or make_seller()
        account = connect_account(
            seller.seller_id, meta_account_id, f"token-{meta_account_id[4:]}", backfill_days=1, now=now
        )
        sync_account_delivery(sync_message(account.id, "delivery"), clock=lambda: now)
        sync_account_stats(sync_message(account.id, "stats"), clock=lambda: now)
        return Synced(seller, account.id, seller.headers)

    return do


@pytest.fixture
def synced(connect_synced: Callable[..., Synced]) -> Synced:
    return connect_synced()


@pytest.fixture
def control_queue(sqs: Any) -> Callable[[], list[dict[str, Any]]]:
    """Drain the ControlQueue: the bodies that were waiting."""
    import os

    def drain() -> list[dict[str, Any]]:
        url = os.environ["CONTROL_QUEUE_URL"]
        found = []
        while got := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
            for message in got:
                found.append(json.loads(message["Body"]))
                sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
        return found

    return drain


@pytest.fixture
def now() -> datetime:
    return datetime.now(UTC)
