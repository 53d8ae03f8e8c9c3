"""Scenario and helpers shared by the Graph client's integration tests (imported by name:
test folders have no __init__.py, and `conftest` is not a unique module name)."""

from __future__ import annotations

from typing import Any

from simulator.scenario import Scenario, parse_scenario
from simulator.testing import ManualClock

TOKEN = "token-1001"
ACCOUNT = "act_1001"
CAMPAIGNS = 12  # enough for several pages at a small page size


def _ad(ad_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": ad_id,
        "name": f"Ad {ad_id}",
        "status": "ACTIVE",
        "effective_status": "ACTIVE",
        "link_url": f"https://shop.example.com/p/{ad_id}",
        **extra,
    }


def scenario_dict() -> dict[str, Any]:
    """One account: 12 campaigns; the first three carry ad sets and ads with known insights."""
    campaigns: list[dict[str, Any]] = []
    for n in range(CAMPAIGNS):
        campaigns.append(
            {
                "id": str(2001 + n),
                "name": f"Campaign {n}",
                "status": "ACTIVE",
                "effective_status": "ACTIVE",
                "objective": "OUTCOME_SALES",
                "daily_budget": "5000",
            }
        )
    campaigns[0]["adsets"] = [
        {
            "id": "3001",
            "name": "Broad US",
            "status": "ACTIVE",
            "effective_status": "ACTIVE",
            "optimization_goal": "OFFSITE_CONVERSIONS",
            "promoted_object": {"custom_event_type": "PURCHASE"},
            "learning_stage": "SUCCESS",
            "ads": [
                _ad(
                    "4001",
                    insights=[
                        {
                            "date": "2026-11-18",
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
                        },
                        {
                            "date": "2026-11-19",
                            "spend": "10.00",
                            "impressions": 900,
                            "reach": 700,
                            "clicks": 40,
                            "inline_link_clicks": 31,
                            "actions": {"view_content": 20, "purchase": 1},
                            "action_values": {"purchase": "29.95"},
                        },
                    ],
                ),
                _ad("4002", status="PAUSED", effective_status="PAUSED"),
            ],
        }
    ]
    campaigns[1]["adsets"] = [
        {
            "id": "3002",
            "name": "Retarget",
            "status": "ACTIVE",
            "effective_status": "ACTIVE",
            "optimization_goal": "OFFSITE_CONVERSIONS",
            "promoted_object": {"custom_event_type": "ADD_TO_CART"},
            "learning_stage": "LEARNING",
            "ads": [
                _ad(
                    "4003",
                    insights=[
                        {
                            "date": "2026-11-18",
                            "spend": "5.50",
                            "impressions": 400,
                            "clicks": 9,
                            "inline_link_clicks": 7,
                            "actions": {"view_content": 6, "add_to_cart": 3},
                        }
                    ],
                )
            ],
        }
    ]
    campaigns[2]["adsets"] = [
        {
            "id": "3003",
            "name": "Traffic",
            "status": "ACTIVE",
            "effective_status": "ACTIVE",
            "optimization_goal": "LINK_CLICKS",
            "learning_stage": "FAIL",
            "ads": [
                _ad(
                    "4004",
                    effective_status="DISAPPROVED",
                    issues_info=[{"error_code": 1487213, "error_summary": "Ad disapproved", "level": "AD"}],
                )
            ],
        }
    ]
    return {
        "ad_accounts": [
            {
                "id": ACCOUNT,
                "name": "Mugs US",
                "currency": "USD",
                "timezone_name": "America/Los_Angeles",
                "account_status": 1,
                "access_token": TOKEN,
                "campaigns": campaigns,
            }
        ]
    }


def make_scenario(**settings: Any) -> Scenario:
    raw = scenario_dict()
    if settings:
        raw["settings"] = settings
    return parse_scenario(raw)


class SleepRecorder:
    """The client's `sleep`: records each wait and moves the shared manual clock instead of waiting."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.clock.advance(seconds)
