"""The entity columns of list rows: one declaration each, flattened for the CSV."""

from __future__ import annotations

import json

from pixecom.adsmanager.entity_columns import csv_columns, csv_values, entity_columns_json
from pixecom.adsmanager.params import Level

SPENDING = [
    "budget_type",
    "budget_amount",
    "budget_level",
    "budget_remaining",
    "bid_strategy",
    "bid_amount",
    "roas_average_floor",
    "objective",
    "spend_cap",
]


def test_each_level_has_its_csv_columns_in_declaration_order():
    assert csv_columns(Level.CAMPAIGNS) == ["ad_account_name", *SPENDING]
    assert csv_columns(Level.ADSETS) == ["ad_account_name", "campaign_name", *SPENDING]
    assert csv_columns(Level.ADS) == ["ad_account_name", "campaign_name", "adset_name"]


def test_a_budget_object_becomes_budget_cells_and_no_budget_empty_ones():
    funded = {"budget": {"type": "daily", "amount": "50.00", "level": "adset", "remaining": None}}
    unfunded = {"budget": None, "bid_strategy": "COST_CAP"}

    assert csv_values(json.dumps(funded)) == {
        "budget_type": "daily",
        "budget_amount": "50.00",
        "budget_level": "adset",
        "budget_remaining": None,
    }
    assert csv_values(json.dumps(unfunded)) == {
        "bid_strategy": "COST_CAP",
        "budget_type": None,
        "budget_amount": None,
        "budget_level": None,
        "budget_remaining": None,
    }


def test_the_json_expression_holds_no_placeholder_and_names_only_the_levels_fields():
    ads = entity_columns_json(Level.ADS)

    assert ads.params == ()
    assert "'adset_name'" in ads.text and "'budget'" not in ads.text
