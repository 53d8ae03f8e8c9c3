"""Wire-format helpers: number strings, aliases, result indicators, fields, cursors, usage budget."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from simulator.paging import decode_cursor, encode_cursor, page
from simulator.scenario import UsageSettings
from simulator.usage import UsageTracker
from simulator.wire import (
    SimError,
    canonical_action,
    fmt_number,
    parse_fields,
    project,
    render_action_list,
    result_event,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("12.340"), "12.34"),
        (Decimal("5339.50"), "5339.5"),
        (Decimal("1000"), "1000"),
        (1000, "1000"),
        (Decimal("1E+3"), "1000"),
        (Decimal("0.00"), "0"),
    ],
)
def test_numbers_render_like_meta(value: Decimal | int, text: str) -> None:
    assert fmt_number(value) == text


def test_an_event_renders_under_every_alias_with_one_count() -> None:
    rows = render_action_list({"purchase": 3})
    assert {r["action_type"] for r in rows} >= {
        "purchase",
        "omni_purchase",
        "offsite_conversion.fb_pixel_purchase",
    }
    assert {r["value"] for r in rows} == {"3"}


def test_zero_counts_render_nothing() -> None:
    assert render_action_list({"purchase": 0, "add_to_cart": 0}) == []


def test_aliases_map_back_to_the_canonical_event() -> None:
    assert canonical_action("omni_initiated_checkout") == "initiate_checkout"
    assert canonical_action("offsite_conversion.fb_pixel_view_content") == "view_content"
    assert canonical_action("video_view") == "video_view"


@pytest.mark.parametrize(
    ("goal", "promoted", "indicator"),
    [
        (
            "OFFSITE_CONVERSIONS",
            {"custom_event_type": "PURCHASE"},
            "actions:offsite_conversion.fb_pixel_purchase",
        ),
        (
            "OFFSITE_CONVERSIONS",
            {"custom_event_type": "ADD_TO_CART"},
            "actions:offsite_conversion.fb_pixel_add_to_cart",
        ),
        (
            "OFFSITE_CONVERSIONS",
            {"custom_event_type": "CONTENT_VIEW"},
            "actions:offsite_conversion.fb_pixel_view_content",
        ),
        ("LINK_CLICKS", None, "actions:link_click"),
        ("REACH", None, "reach"),
    ],
)
def test_result_indicator_follows_the_optimization_goal(
    goal: str, promoted: dict[str, str] | None, indicator: str
) -> None:
    found = result_event(goal, promoted)
    assert found is not None and found[0] == indicator


def test_fields_parse_with_nested_expansion() -> None:
    tree = parse_fields("id,creative{id,object_story_spec{link_data{link}}},name")
    assert tree == {
        "id": None,
        "creative": {"id": None, "object_story_spec": {"link_data": {"link": None}}},
        "name": None,
    }
    value = {"id": "1", "object_story_spec": {"link_data": {"link": "u", "message": "m"}, "page_id": "p"}}
    assert project(value, tree["creative"]) == {"id": "1", "object_story_spec": {"link_data": {"link": "u"}}}


def test_cursors_round_trip_and_look_like_metas() -> None:
    assert encode_cursor(24) == "MjQZD"
    assert decode_cursor(encode_cursor(12345)) == 12345
    with pytest.raises(SimError):
        decode_cursor("%%%")


def test_page_omits_next_on_the_last_page() -> None:
    first = page(
        list(range(5)),
        {"limit": "3", "access_token": "t"},
        "http://x/v25.0/act_1/ads",
        default_limit=25,
        max_limit=100,
    )
    assert first["data"] == [0, 1, 2] and "access_token=t" in first["paging"]["next"]
    last = page(
        list(range(5)),
        {"limit": "3", "after": first["paging"]["cursors"]["after"]},
        "http://x",
        default_limit=25,
        max_limit=100,
    )
    assert last["data"] == [3, 4] and "next" not in last["paging"]


class _Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 21, tzinfo=UTC)

    def __call__(self) -> float:
        return self.now.timestamp()


def test_usage_blocks_at_the_budget_and_frees_after_the_block() -> None:
    clock = _Clock()
    usage = UsageTracker(UsageSettings(max_score=4, decay_seconds=300, block_seconds=60), clock)
    for _ in range(4):
        usage.check("1", insights=False)
        usage.charge("1", 1)
    with pytest.raises(SimError) as raised:
        usage.check("1", insights=True)
    assert raised.value.code == 80000
    clock.now += timedelta(seconds=61)
    usage.check("1", insights=True)
    assert usage.pct("1") == 0


def test_usage_points_leave_the_window_after_decay_seconds() -> None:
    clock = _Clock()
    usage = UsageTracker(UsageSettings(max_score=100, decay_seconds=300), clock)
    usage.charge("1", 10)
    clock.now += timedelta(seconds=200)
    usage.charge("1", 5)
    assert usage.pct("1") == 15
    clock.now += timedelta(seconds=101)
    assert usage.pct("1") == 5
