"""Daily ad-level insights: synchronous, async report runs, retries and splits, normalised rows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from meta_sim_helpers import ACCOUNT, SleepRecorder

from pixecom.meta.client import GraphClient
from pixecom.meta.errors import TransientError
from pixecom.meta.insights import InsightsPolicy
from pixecom.meta.models import InsightRow
from simulator.testing import ManualClock, SimulatorServer

RESULT_ACTIONS = {
    "3001": "offsite_conversion.fb_pixel_purchase",
    "3002": "offsite_conversion.fb_pixel_add_to_cart",
}
NOV_18, NOV_19 = date(2026, 11, 18), date(2026, 11, 19)


def rows_by_key(rows: list[InsightRow]) -> dict[tuple[str, date], InsightRow]:
    return {(r.ad_id, r.date): r for r in rows}


def test_small_range_is_read_synchronously_into_typed_rows(client: GraphClient, sim: SimulatorServer) -> None:
    rows = rows_by_key(client.get_daily_insights(ACCOUNT, NOV_18, NOV_19, RESULT_ACTIONS))
    assert set(rows) == {("4001", NOV_18), ("4001", NOV_19), ("4003", NOV_18)}
    first = rows[("4001", NOV_18)]
    assert first.spend == Decimal("12.34")
    assert (first.impressions, first.reach, first.clicks, first.link_clicks) == (1000, 800, 52, 40)
    # Every purchase alias comes back with the same count; the row counts the purchases once.
    assert (first.content_views, first.add_to_cart, first.initiate_checkout, first.purchases) == (30, 8, 4, 2)
    assert first.purchase_value == Decimal("59.90")
    assert first.results == 2
    assert (first.adset_id, first.campaign_id) == ("3001", "2001")
    assert rows[("4003", NOV_18)].results == 3  # its ad set optimises for add to cart
    assert sim.calls_by_path["/act_1001/insights"] == 1


def test_absent_counters_are_zero(client: GraphClient) -> None:
    rows = rows_by_key(client.get_daily_insights(ACCOUNT, NOV_18, NOV_19, RESULT_ACTIONS))
    second = rows[("4001", NOV_19)]
    assert (second.add_to_cart, second.initiate_checkout) == (0, 0)


def test_long_range_uses_an_async_report_with_the_same_rows(
    client: GraphClient, sim: SimulatorServer, sleeps: SleepRecorder
) -> None:
    sync_rows = client.get_daily_insights(ACCOUNT, NOV_18, NOV_19, RESULT_ACTIONS)
    async_rows = client.get_daily_insights(ACCOUNT, date(2026, 11, 1), date(2026, 11, 20), RESULT_ACTIONS)
    assert rows_by_key(async_rows) == rows_by_key(sync_rows)
    assert sim.calls_by_path["/act_1001/insights"] == 2  # the sync GET and the report POST
    run_paths = [p for p in sim.calls_by_path if p.endswith("/insights") and not p.startswith("/act_")]
    assert len(run_paths) == 1
    assert sleeps.waits[:2] == [1.0, 2.0]  # polls back off through the injected sleep


@pytest.mark.parametrize(
    "fault",
    [
        {
            "code": 1,
            "http_status": 500,
            "message": "Please reduce the amount of data you're asking for, then retry your request",
        },
        {"code": 100, "subcode": 1504018, "message": "(#100) The request timed out"},
    ],
)
def test_reduce_the_amount_of_data_switches_to_an_async_report(
    client: GraphClient, sim: SimulatorServer, fault: dict[str, object]
) -> None:
    sim.inject_fault("/act_1001/insights", method="GET", times=1, **fault)
    rows = client.get_daily_insights(ACCOUNT, NOV_18, NOV_19, RESULT_ACTIONS)
    assert len(rows) == 3
    assert sim.calls_by_path["/act_1001/insights"] == 2  # the refused GET, then the report POST


def test_sync_read_of_too_many_ad_days_goes_async(
    sim: SimulatorServer, clock: ManualClock, sleeps: SleepRecorder
) -> None:
    policy = InsightsPolicy(async_min_days=30, async_min_ad_days=10**9)
    with GraphClient(
        "token-1001", base_url=sim.base_url, sleep=sleeps, clock=clock, insights_policy=policy
    ) as graph:
        sim.state.settings.sync_insights_max_ad_days = 4
        try:
            rows = graph.get_daily_insights(ACCOUNT, NOV_18, NOV_19, RESULT_ACTIONS)
        finally:
            sim.state.settings.sync_insights_max_ad_days = 10_000
    assert len(rows) == 3


def test_an_async_report_that_fails_once_is_run_again(client: GraphClient, sim: SimulatorServer) -> None:
    sim.inject_fault("/act_1001/insights", async_status="Job Failed", times=1)
    rows = client.get_daily_insights(ACCOUNT, date(2026, 11, 1), date(2026, 11, 20), RESULT_ACTIONS)
    assert len(rows) == 3
    assert sim.calls_by_path["/act_1001/insights"] == 2  # two report POSTs, no split


def test_a_report_that_fails_twice_is_split_into_halves(client: GraphClient, sim: SimulatorServer) -> None:
    sim.inject_fault("/act_1001/insights", async_status="Job Skipped", times=2)
    rows = client.get_daily_insights(ACCOUNT, date(2026, 11, 1), date(2026, 11, 20), RESULT_ACTIONS)
    assert len(rows) == 3
    assert sim.calls_by_path["/act_1001/insights"] == 4  # two failed runs, then one run per half


def test_known_ad_count_makes_a_short_range_go_async(client: GraphClient, sim: SimulatorServer) -> None:
    rows = client.get_daily_insights(ACCOUNT, NOV_18, NOV_19, RESULT_ACTIONS, estimated_ads=6000)
    assert len(rows) == 3
    run_paths = [p for p in sim.calls_by_path if p.endswith("/insights") and not p.startswith("/act_")]
    assert len(run_paths) == 1


def test_a_report_that_never_finishes_ends_as_a_transient_error(
    sim: SimulatorServer, clock: ManualClock, sleeps: SleepRecorder
) -> None:
    policy = InsightsPolicy(poll_timeout=5.0)
    settings = sim.state.settings
    settings.report_polls_to_complete, before = 10_000, settings.report_polls_to_complete
    try:
        with (
            GraphClient(
                "token-1001", base_url=sim.base_url, sleep=sleeps, clock=clock, insights_policy=policy
            ) as graph,
            pytest.raises(TransientError, match="timed out"),
        ):
            graph.get_daily_insights(ACCOUNT, NOV_18, NOV_19, RESULT_ACTIONS, estimated_ads=10**6)
    finally:
        settings.report_polls_to_complete = before
    # Two runs for the range, then two for its first day (the split), each given up after 7 s.
    assert sim.calls_by_path["/act_1001/insights"] == 4
    assert sum(sleeps.waits) == 4 * (1 + 2 + 4)
