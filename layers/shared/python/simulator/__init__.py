"""A faithful Meta Graph API (Marketing API) simulator: scenario in, Graph wire format out.

Public API: `Scenario`/`load_scenario` (scenario.py), `generate_scenario` (generator.py),
`create_simulator_app` (app.py), `SimulatorState` (state.py); `SimulatorServer` and
`ManualClock` live in `simulator.testing` (they need uvicorn, a dev dependency).
"""

from simulator.app import create_simulator_app
from simulator.generator import generate_scenario
from simulator.scenario import (
    AdAccountSpec,
    AdSetSpec,
    AdSpec,
    CampaignSpec,
    DeliveryProfile,
    FaultSpec,
    InsightDay,
    Scenario,
    SimulatorSettings,
    UsageSettings,
    load_scenario,
    parse_scenario,
)
from simulator.state import SimulatorState

__all__ = [
    "AdAccountSpec",
    "AdSetSpec",
    "AdSpec",
    "CampaignSpec",
    "DeliveryProfile",
    "FaultSpec",
    "InsightDay",
    "Scenario",
    "SimulatorSettings",
    "SimulatorState",
    "UsageSettings",
    "create_simulator_app",
    "generate_scenario",
    "load_scenario",
    "parse_scenario",
]
