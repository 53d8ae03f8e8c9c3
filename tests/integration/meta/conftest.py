"""The Graph API simulator on a free local port, and a GraphClient on a manual clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from meta_sim_helpers import TOKEN, SleepRecorder, make_scenario

from pixecom.meta.client import GraphClient
from simulator.testing import ManualClock, SimulatorServer


@pytest.fixture(scope="module")
def module_clock() -> ManualClock:
    return ManualClock()


@pytest.fixture(scope="module")
def sim_server(module_clock: ManualClock) -> Iterator[SimulatorServer]:
    with SimulatorServer(make_scenario(), now=module_clock) as server:
        yield server


@pytest.fixture
def sim(sim_server: SimulatorServer) -> Iterator[SimulatorServer]:
    """The module's simulator, back to its scenario before every test."""
    sim_server.reset()
    yield sim_server
    sim_server.reset()


@pytest.fixture
def clock(module_clock: ManualClock) -> ManualClock:
    return module_clock


@pytest.fixture
def sleeps(clock: ManualClock) -> SleepRecorder:
    return SleepRecorder(clock)


@pytest.fixture
def client(sim: SimulatorServer, clock: ManualClock, sleeps: SleepRecorder) -> Iterator[GraphClient]:
    with GraphClient(TOKEN, base_url=sim.base_url, page_size=5, sleep=sleeps, clock=clock) as graph:
        yield graph
