"""The simulator's object writes survive a restart when it has a state file (make dev)."""

from pathlib import Path

from simulator.generator import generate_scenario
from simulator.state import SimulatorState

SCENARIO = generate_scenario(accounts=1, ads=8, days=3, seed=3)
CAMPAIGN = SCENARIO.ad_accounts[0].campaigns[0]
ADSET = CAMPAIGN.adsets[0]
AD = ADSET.ads[0]


def test_a_pause_survives_a_restart_with_its_effects_below(tmp_path: Path):
    state_file = tmp_path / ".pixecom" / "simulator-state.json"
    SimulatorState(SCENARIO, state_file=state_file).set_status(CAMPAIGN.id, "PAUSED")
    restarted = SimulatorState(SCENARIO, state_file=state_file)
    assert restarted.status_of(CAMPAIGN.id) == "PAUSED"
    assert restarted.effective_status(ADSET.id) == "CAMPAIGN_PAUSED"
    assert restarted.effective_status(AD.id) == "CAMPAIGN_PAUSED"


def test_renames_and_budgets_survive_a_restart(tmp_path: Path):
    state_file = tmp_path / "simulator-state.json"
    SimulatorState(SCENARIO, state_file=state_file).update_object(
        ADSET.id, name="Renamed", budgets={"daily_budget": "777"}
    )
    node = SimulatorState(SCENARIO, state_file=state_file).entries[ADSET.id].adset
    assert node is not None and (node.name, node.daily_budget) == ("Renamed", "777")


def test_a_reset_forgets_the_saved_writes(tmp_path: Path):
    state_file = tmp_path / "simulator-state.json"
    state = SimulatorState(SCENARIO, state_file=state_file)
    state.set_status(AD.id, "PAUSED")
    state.reset()
    assert not state_file.exists()
    assert SimulatorState(SCENARIO, state_file=state_file).status_of(AD.id) == AD.status


def test_without_a_state_file_a_restart_starts_from_the_scenario(tmp_path: Path):
    SimulatorState(SCENARIO).set_status(AD.id, "PAUSED")
    assert SimulatorState(SCENARIO).status_of(AD.id) == AD.status
    assert list(tmp_path.iterdir()) == []


def test_an_unreadable_state_file_is_ignored(tmp_path: Path):
    state_file = tmp_path / "simulator-state.json"
    state_file.write_text("{not json", encoding="utf-8")
    assert SimulatorState(SCENARIO, state_file=state_file).status_of(AD.id) == AD.status
