"""Fixtures for the simulator's own tests: a running simulator on a free port, a manual clock."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest

from simulator import Scenario, generate_scenario, parse_scenario
from simulator.testing import ManualClock, SimulatorServer

# The scenario format exactly as issue 4 writes it, plus a second account for permission tests.
ISSUE_SCENARIO: dict[str, Any] = {
    "ad_accounts": [
        {
            "id": "act_1001",
            "name": "Mugs US",
            "currency": "USD",
            "timezone_name": "America/Los_Angeles",
            "account_status": 1,
            "access_token": "token-1001",
            "campaigns": [
                {
                    "id": "2001",
                    "name": "Mug launch",
                    "status": "ACTIVE",
                    "effective_status": "ACTIVE",
                    "objective": "OUTCOME_SALES",
                    "daily_budget": "5000",
                    "adsets": [
                        {
                            "id": "3001",
                            "name": "Broad US",
                            "status": "ACTIVE",
                            "effective_status": "ACTIVE",
                            "optimization_goal": "OFFSITE_CONVERSIONS",
                            "promoted_object": {"custom_event_type": "PURCHASE"},
                            "learning_stage": "SUCCESS",
                            "ads": [
                                {
                                    "id": "4001",
                                    "name": "Mug video 1",
                                    "status": "ACTIVE",
                                    "effective_status": "ACTIVE",
                                    "link_url": "https://shop.example.com/p/mug",
                                    "insights": [
                                        {
                                            "date": "2026-11-20",
                                            "spend": "12.34",
                                            "impressions": 1000,
                                            "reach": 800,
                                            "clicks": 52,
                                            "inline_link_clicks": 40,
                                            "actions": {
                                                "view_content": 30,
                                                "add_to_cart": 8,
                                                "initiate_checkout": 4,
                                                "purchase": 2,
                                            },
                                            "action_values": {"purchase": "59.90"},
                                        }
                                    ],
                                },
                                {
                                    "id": "4002",
                                    "name": "Mug photo 2",
                                    "status": "ACTIVE",
                                    "effective_status": "DISAPPROVED",
                                    "link_url": "https://shop.example.com/p/mug",
                                    "insights": [
                                        {
                                            "date": "2026-11-19",
                                            "spend": "3.5",
                                            "impressions": 200,
                                            "clicks": 4,
                                            "inline_link_clicks": 3,
                                            "actions": {"view_content": 2},
                                        }
                                    ],
                                },
                            ],
                        },
                        {
                            "id": "3002",
                            "name": "Carts",
                            "status": "ACTIVE",
                            "effective_status": "ACTIVE",
                            "optimization_goal": "OFFSITE_CONVERSIONS",
                            "promoted_object": {"custom_event_type": "ADD_TO_CART"},
                            "learning_stage": "LEARNING",
                            "ads": [
                                {
                                    "id": "4003",
                                    "name": "Cart video",
                                    "status": "ACTIVE",
                                    "effective_status": "ACTIVE",
                                    "link_url": "https://mugs.example.net/products/mug",
                                    "insights": [
                                        {
                                            "date": "2026-11-20",
                                            "spend": "5",
                                            "impressions": 300,
                                            "clicks": 9,
                                            "inline_link_clicks": 6,
                                            "actions": {"view_content": 5, "add_to_cart": 3},
                                        }
                                    ],
                                }
                            ],
                        },
                    ],
                }
            ],
        },
        {
            "id": "act_2002",
            "name": "Tokyo",
            "currency": "JPY",
            "timezone_name": "Asia/Tokyo",
            "account_status": 1,
            "access_token": "token-2002",
            "campaigns": [
                {
                    "id": "2101",
                    "name": "JP",
                    "status": "ACTIVE",
                    "effective_status": "ACTIVE",
                    "adsets": [
                        {
                            "id": "3101",
                            "name": "JP set",
                            "status": "ACTIVE",
                            "effective_status": "ACTIVE",
                            "ads": [
                                {
                                    "id": "4101",
                                    "name": "JP ad",
                                    "status": "ACTIVE",
                                    "effective_status": "ACTIVE",
                                }
                            ],
                        }
                    ],
                }
            ],
        },
    ],
}
V = "/v25.0"


def issue_scenario(**settings: Any) -> Scenario:
    raw = copy.deepcopy(ISSUE_SCENARIO)
    raw["settings"] = settings
    return parse_scenario(raw)


START = datetime(2026, 11, 21, 18, 0, tzinfo=UTC)  # 2026-11-21 10:00 in Los Angeles


@pytest.fixture(scope="session")
def session_clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def clock(session_clock: ManualClock) -> ManualClock:
    session_clock.current = START
    return session_clock


@pytest.fixture(scope="session")
def _issue_server(session_clock: ManualClock) -> Iterator[SimulatorServer]:
    with SimulatorServer(issue_scenario(), now=session_clock) as server:
        yield server


@pytest.fixture
def sim(_issue_server: SimulatorServer, clock: ManualClock) -> SimulatorServer:
    """The issue's scenario, served; state and clock are reset for every test."""
    _issue_server.reset()
    return _issue_server


@pytest.fixture(scope="session")
def _big_server(session_clock: ManualClock) -> Iterator[SimulatorServer]:
    scenario = generate_scenario(accounts=1, ads=40, days=7, seed=7, today=date(2026, 11, 21))
    with SimulatorServer(scenario, now=session_clock) as server:
        yield server


@pytest.fixture
def big_sim(_big_server: SimulatorServer, clock: ManualClock) -> SimulatorServer:
    """A generated seller: 1 account (act_1001), 40 ads, 7 days up to 2026-11-21."""
    _big_server.reset()
    return _big_server


@pytest.fixture(scope="session")
def _http_client() -> Iterator[httpx.Client]:
    with httpx.Client() as client:
        yield client


@pytest.fixture
def raw(_http_client: httpx.Client) -> httpx.Client:
    """A plain client (no base URL, no token), shared to avoid per-request set-up cost."""
    return _http_client


@pytest.fixture
def http(sim: SimulatorServer) -> Iterator[httpx.Client]:
    """A client for the issue scenario's server at /v25.0 with token-1001."""
    with httpx.Client(base_url=sim.base_url + V, params={"access_token": "token-1001"}) as client:
        yield client


@pytest.fixture
def sim_with(clock: ManualClock) -> Iterator[Callable[..., SimulatorServer]]:
    """Factory: a fresh server of the issue scenario with these `settings` (stopped at teardown)."""
    servers: list[SimulatorServer] = []

    def start(**settings: Any) -> SimulatorServer:
        server = SimulatorServer(issue_scenario(**settings), now=clock).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
