"""Graph insights elements -> InsightRow: one alias per counter, absent is 0, strings to numbers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from pixecom.meta.normalize import (
    FUNNEL_ACTION_PRECEDENCE,
    ad_from_graph,
    adset_from_graph,
    campaign_from_graph,
    creative_link_url,
    insight_row_from_graph,
    pick_action,
    result_action_type,
)

PURCHASE_ALIASES = (
    "omni_purchase",
    "purchase",
    "offsite_conversion.fb_pixel_purchase",
    "onsite_web_purchase",
    "onsite_web_app_purchase",
)


def element(**extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "account_id": "1001",
        "campaign_id": "2001",
        "adset_id": "3001",
        "ad_id": "4001",
        "date_start": "2026-11-20",
        "date_stop": "2026-11-20",
    }
    return {**base, **extra}


def actions(**counts: str) -> list[dict[str, str]]:
    return [{"action_type": name.replace("__", "."), "value": value} for name, value in counts.items()]


def test_every_alias_present_with_the_same_count_is_counted_once() -> None:
    raw = element(actions=[{"action_type": alias, "value": "7"} for alias in PURCHASE_ALIASES])
    assert insight_row_from_graph(raw).purchases == 7


@pytest.mark.parametrize(
    ("counter", "present", "expected"),
    [
        (
            "purchases",
            {"purchase": "3", "offsite_conversion.fb_pixel_purchase": "4", "omni_purchase": "5"},
            5,
        ),
        ("purchases", {"offsite_conversion.fb_pixel_purchase": "4", "purchase": "3"}, 3),
        ("purchases", {"offsite_conversion.fb_pixel_purchase": "4"}, 4),
        ("purchases", {"onsite_web_purchase": "9"}, None),
        ("content_views", {"view_content": "11", "omni_view_content": "12"}, 12),
        ("content_views", {"offsite_conversion.fb_pixel_view_content": "10"}, 10),
        ("add_to_cart", {"add_to_cart": "6", "offsite_conversion.fb_pixel_add_to_cart": "8"}, 6),
        ("initiate_checkout", {"omni_initiated_checkout": "2", "initiate_checkout": "1"}, 2),
        ("initiate_checkout", {"offsite_conversion.fb_pixel_initiate_checkout": "1"}, 1),
    ],
)
def test_pick_action_takes_the_first_alias_in_precedence(
    counter: str, present: dict[str, str], expected: int | None
) -> None:
    listed = [{"action_type": k, "value": v} for k, v in present.items()]
    value = pick_action(listed, counter)
    assert (None if value is None else int(value)) == expected


def test_precedence_matches_design_order() -> None:
    assert FUNNEL_ACTION_PRECEDENCE["purchases"] == (
        "omni_purchase",
        "purchase",
        "offsite_conversion.fb_pixel_purchase",
    )
    assert FUNNEL_ACTION_PRECEDENCE["initiate_checkout"][0] == "omni_initiated_checkout"
    assert FUNNEL_ACTION_PRECEDENCE["purchase_value"] == FUNNEL_ACTION_PRECEDENCE["purchases"]


def test_absent_metrics_are_zero_and_absent_reach_is_unknown() -> None:
    row = insight_row_from_graph(element())
    assert (row.spend, row.impressions, row.clicks, row.link_clicks) == (Decimal(0), 0, 0, 0)
    assert (row.content_views, row.add_to_cart, row.initiate_checkout, row.purchases) == (0, 0, 0, 0)
    assert row.purchase_value == Decimal(0)
    assert row.results == 0
    assert row.reach is None


def test_number_strings_become_int_and_decimal() -> None:
    row = insight_row_from_graph(
        element(
            spend="5339.5",
            impressions="361324",
            reach="210000",
            clicks="1204",
            action_values=[
                {"action_type": "purchase", "value": "18262.10"},
                {"action_type": "omni_purchase", "value": "18262.1"},
            ],
        )
    )
    assert row.spend == Decimal("5339.5")
    assert isinstance(row.spend, Decimal)
    assert (row.impressions, row.reach, row.clicks) == (361324, 210000, 1204)
    assert row.purchase_value == Decimal("18262.1")
    assert row.date == date(2026, 11, 20)
    assert (row.ad_id, row.adset_id, row.campaign_id) == ("4001", "3001", "2001")


def test_link_clicks_prefer_inline_link_clicks() -> None:
    raw = element(inline_link_clicks="40", actions=actions(link_click="52"))
    assert insight_row_from_graph(raw).link_clicks == 40


def test_link_clicks_fall_back_to_the_link_click_action() -> None:
    assert insight_row_from_graph(element(actions=actions(link_click="52"))).link_clicks == 52


def test_results_come_from_the_native_results_field_first() -> None:
    raw = element(
        actions=actions(omni_purchase="70", add_to_cart="90"),
        results=[
            {
                "indicator": "actions:offsite_conversion.fb_pixel_add_to_cart",
                "values": [{"value": "88", "attribution_windows": ["default"]}],
            }
        ],
    )
    assert insight_row_from_graph(raw, {"3001": "offsite_conversion.fb_pixel_purchase"}).results == 88


def test_native_results_without_values_mean_zero_results() -> None:
    raw = element(
        actions=actions(omni_purchase="70"),
        results=[{"indicator": "actions:offsite_conversion.fb_pixel_purchase"}],
    )
    assert insight_row_from_graph(raw, {"3001": "offsite_conversion.fb_pixel_purchase"}).results == 0


def test_results_fall_back_to_the_ad_sets_result_action() -> None:
    raw = element(
        actions=actions(
            omni_purchase="70",
            omni_add_to_cart="90",
            add_to_cart="90",
            offsite_conversion__fb_pixel_add_to_cart="90",
        )
    )
    assert insight_row_from_graph(raw, {"3001": "offsite_conversion.fb_pixel_add_to_cart"}).results == 90
    assert insight_row_from_graph(raw, {"3001": "offsite_conversion.fb_pixel_purchase"}).results == 70


def test_results_fall_back_to_a_metric_for_reach_goals() -> None:
    raw = element(reach="800", impressions="1000")
    assert insight_row_from_graph(raw, {"3001": "reach"}).results == 800


def test_results_are_zero_without_native_field_or_mapping() -> None:
    raw = element(actions=actions(omni_purchase="70"))
    assert insight_row_from_graph(raw, {"other-adset": "offsite_conversion.fb_pixel_purchase"}).results == 0
    assert insight_row_from_graph(raw, None).results == 0


@pytest.mark.parametrize(
    ("goal", "promoted", "expected"),
    [
        ("OFFSITE_CONVERSIONS", {"custom_event_type": "PURCHASE"}, "offsite_conversion.fb_pixel_purchase"),
        (
            "OFFSITE_CONVERSIONS",
            {"custom_event_type": "ADD_TO_CART"},
            "offsite_conversion.fb_pixel_add_to_cart",
        ),
        (
            "OFFSITE_CONVERSIONS",
            {"custom_event_type": "INITIATED_CHECKOUT"},
            "offsite_conversion.fb_pixel_initiate_checkout",
        ),
        (
            "OFFSITE_CONVERSIONS",
            {"custom_event_type": "CONTENT_VIEW"},
            "offsite_conversion.fb_pixel_view_content",
        ),
        ("VALUE", {"custom_event_type": "PURCHASE"}, "offsite_conversion.fb_pixel_purchase"),
        ("LINK_CLICKS", None, "link_click"),
        ("LANDING_PAGE_VIEWS", None, "landing_page_view"),
        ("LEAD_GENERATION", {"page_id": "1"}, "onsite_conversion.lead_grouped"),
        ("REACH", None, "reach"),
        ("OFFSITE_CONVERSIONS", None, None),
        (None, None, None),
        ("SOMETHING_NEW", None, None),
    ],
)
def test_result_action_type_by_goal(
    goal: str | None, promoted: dict[str, str] | None, expected: str | None
) -> None:
    assert result_action_type(goal, promoted) == expected


@pytest.mark.parametrize(
    ("creative", "expected"),
    [
        ({"link_url": "https://a.example/p"}, "https://a.example/p"),
        ({"object_story_spec": {"link_data": {"link": "https://b.example/p"}}}, "https://b.example/p"),
        (
            {
                "object_story_spec": {
                    "video_data": {"call_to_action": {"value": {"link": "https://c.example"}}}
                }
            },
            "https://c.example",
        ),
        ({"asset_feed_spec": {"link_urls": [{"website_url": "https://d.example"}]}}, "https://d.example"),
        ({"id": "1"}, None),
        (None, None),
    ],
)
def test_creative_link_url_sources(creative: dict[str, Any] | None, expected: str | None) -> None:
    assert creative_link_url(creative) == expected


def test_entity_nodes_parse_budgets_times_and_learning_stage() -> None:
    campaign = campaign_from_graph(
        {
            "id": "2001",
            "name": "C",
            "status": "ACTIVE",
            "configured_status": "ACTIVE",
            "effective_status": "ACTIVE",
            "daily_budget": "5000",
            "updated_time": "2026-11-20T10:00:00+0000",
        }
    )
    assert campaign.daily_budget == 5000
    assert campaign.lifetime_budget is None
    assert campaign.updated_time is not None and campaign.updated_time.utcoffset() is not None
    adset = adset_from_graph(
        {
            "id": "3001",
            "campaign_id": "2001",
            "name": "S",
            "status": "ACTIVE",
            "effective_status": "ACTIVE",
            "optimization_goal": "OFFSITE_CONVERSIONS",
            "promoted_object": {"custom_event_type": "PURCHASE"},
            "learning_stage_info": {"status": "FAIL"},
        }
    )
    assert adset.learning_stage == "FAIL"
    assert adset.promoted_object == {"custom_event_type": "PURCHASE"}
    ad = ad_from_graph(
        {
            "id": "4001",
            "adset_id": "3001",
            "campaign_id": "2001",
            "name": "A",
            "status": "ACTIVE",
            "effective_status": "DISAPPROVED",
            "issues_info": [{"error_code": 1, "error_summary": "Policy"}],
            "creative": {"object_story_spec": {"link_data": {"link": "https://e.example"}}},
        }
    )
    assert (ad.effective_status, ad.link_url) == ("DISAPPROVED", "https://e.example")
    assert ad.issues == [{"error_code": 1, "error_summary": "Policy"}]
