"""Bulk status control fixtures (helpers live in control_helpers.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from control_helpers import FakeClock, Seeded, queue_messages, seed_scenario

from pixecom.control.apply import GraphFactory
from pixecom.meta.client import GraphClient
from simulator.scenario import Scenario
from simulator.testing import SimulatorServer


@pytest.fixture
def seed() -> Callable[..., Seeded]:
    return seed_scenario


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def control_queue(sqs: Any) -> Callable[[], list[dict[str, Any]]]:
    """Drain the ControlQueue: returns the message bodies that were waiting."""
    return lambda: queue_messages(sqs, "CONTROL_QUEUE_URL")


@pytest.fixture
def delivery_queue(sqs: Any) -> Callable[[], list[dict[str, Any]]]:
    return lambda: queue_messages(sqs, "DELIVERY_QUEUE_URL")


@pytest.fixture
def simulator() -> Iterator[Callable[[Scenario], SimulatorServer]]:
    """Start the Graph simulator on a free port for a scenario (stopped after the test)."""
    servers: list[SimulatorServer] = []

    def start(scenario: Scenario) -> SimulatorServer:
        server = SimulatorServer(scenario).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def graph_for(clock: FakeClock) -> Callable[[SimulatorServer], GraphFactory]:
    """A GraphClient factory talking to the simulator, with the test clock and no real sleeping."""

    def factory(sim: SimulatorServer) -> GraphFactory:
        return lambda token: GraphClient(
            token, base_url=sim.base_url, sleep=clock.sleep, clock=clock, max_retries=2
        )

    return factory
