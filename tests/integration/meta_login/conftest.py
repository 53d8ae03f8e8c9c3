"""Facebook Login tests: the simulator (with our app and users) over real HTTP, the API through
TestClient with META_* settings pointing at it, moto SQS, Graph clients that do not sleep."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "sync"))

from login_helpers import APP_ID, APP_SECRET, REDIRECT_URI, login_spec, with_login  # noqa: E402
from sync_helpers import Db, small_scenario  # noqa: E402

from simulator.testing import SimulatorServer  # noqa: E402


@pytest.fixture
def spec_options() -> dict[str, Any]:
    """Override in a test module to change the login spec (require_proof, long_lived_seconds)."""
    return {}


@pytest.fixture
def sim(spec_options: dict[str, Any]) -> Iterator[SimulatorServer]:
    scenario = with_login(small_scenario(1001, 1002, 1003), login_spec(**spec_options))
    with SimulatorServer(scenario) as server:
        yield server


@pytest.fixture
def meta(sim: SimulatorServer, sqs: Any, monkeypatch: pytest.MonkeyPatch) -> SimulatorServer:
    """Our app configured against the simulator; workers and the API build clients from settings."""
    from pixecom.settings import get_settings

    for name, value in (
        ("GRAPH_BASE_URL", sim.base_url),
        ("META_DIALOG_BASE_URL", sim.base_url),
        ("META_APP_ID", APP_ID),
        ("GRAPH_APP_SECRET", APP_SECRET),
        ("META_REDIRECT_URI", REDIRECT_URI),
        ("GRAPH_MAX_RETRIES", "1"),
    ):
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()

    return sim


@pytest.fixture
def db(db_url: str) -> Db:
    return Db()


@pytest.fixture
def seller(make_seller: Callable[..., Any], meta: SimulatorServer) -> Any:
    return make_seller("Shop One")
