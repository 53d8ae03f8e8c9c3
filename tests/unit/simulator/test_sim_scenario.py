"""Scenario parsing: the issue's format exactly, optional extras, file round trip."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from simulator import generate_scenario, load_scenario, parse_scenario

ISSUE_EXAMPLE = """
{
  "ad_accounts": [{
    "id": "act_1001", "name": "Mugs US", "currency": "USD", "timezone_name": "America/Los_Angeles",
    "account_status": 1, "access_token": "token-1001",
    "campaigns": [{
      "id": "2001", "name": "Mug launch", "status": "ACTIVE", "effective_status": "ACTIVE", "objective": "OUTCOME_SALES",
      "daily_budget": "5000",
      "adsets": [{
        "id": "3001", "name": "Broad US", "status": "ACTIVE", "effective_status": "ACTIVE",
        "optimization_goal": "OFFSITE_CONVERSIONS", "promoted_object": {"custom_event_type": "PURCHASE"},
        "learning_stage": "SUCCESS",
        "ads": [{
          "id": "4001", "name": "Mug video 1", "status": "ACTIVE", "effective_status": "ACTIVE",
          "link_url": "https://shop.example.com/p/mug",
          "insights": [{"date": "2026-11-20", "spend": "12.34", "impressions": 1000, "reach": 800, "clicks": 52,
                        "inline_link_clicks": 40,
                        "actions": {"view_content": 30, "add_to_cart": 8, "initiate_checkout": 4, "purchase": 2},
                        "action_values": {"purchase": "59.90"}}]
        }]
      }]
    }]
  }]
}
"""  # noqa: E501 - the issue's text verbatim


def test_the_issue_example_parses_with_typed_values() -> None:
    scenario = parse_scenario(ISSUE_EXAMPLE)
    account = scenario.ad_accounts[0]
    day = account.campaigns[0].adsets[0].ads[0].insights[0]
    assert (account.id, account.account_id, account.access_token) == ("act_1001", "1001", "token-1001")
    assert account.campaigns[0].daily_budget == "5000"
    assert day.date == date(2026, 11, 20) and day.spend == Decimal("12.34")
    assert day.actions == {"view_content": 30, "add_to_cart": 8, "initiate_checkout": 4, "purchase": 2}
    assert day.action_values == {"purchase": Decimal("59.90")}
    assert scenario.faults == [] and scenario.settings.sync_insights_max_ad_days == 10_000


def test_account_id_gets_the_act_prefix() -> None:
    scenario = parse_scenario({"ad_accounts": [{"id": "77", "name": "x"}]})
    assert scenario.ad_accounts[0].id == "act_77"


def test_faults_and_settings_are_optional_keys() -> None:
    scenario = parse_scenario(
        {
            "ad_accounts": [],
            "faults": [{"path": "/act_*/insights", "code": 2, "every_nth": 3}],
            "settings": {"report_polls_to_complete": 5, "usage": {"max_score": 10}},
        }
    )
    assert scenario.faults[0].every_nth == 3 and scenario.faults[0].path == "/act_*/insights"
    assert scenario.settings.report_polls_to_complete == 5 and scenario.settings.usage.max_score == 10


def test_misspelt_keys_are_rejected() -> None:
    with pytest.raises(ValidationError):
        parse_scenario({"ad_accounts": [{"id": "act_1", "name": "x", "curency": "USD"}]})


def test_invalid_fault_trigger_is_rejected() -> None:
    with pytest.raises(ValidationError):
        parse_scenario({"ad_accounts": [], "faults": [{"probability": 1.5}]})


def test_a_generated_scenario_survives_a_file_round_trip(tmp_path: Path) -> None:
    scenario = generate_scenario(accounts=2, ads=12, days=5, seed=3, today=date(2026, 11, 21))
    path = tmp_path / "scenario.json"
    path.write_text(scenario.to_json())
    assert load_scenario(path) == scenario
    assert json.loads(path.read_text())["ad_accounts"][0]["access_token"] == "token-1001"
