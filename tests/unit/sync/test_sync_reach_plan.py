"""Which reach a stats run reads: each day of its window, and the presets' ranges when due."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from pixecom.domain.dates import DateRange
from pixecom.sync.reach import DAILY_LEVELS, SETTLED_REFRESH, planned_reads, preset_ranges, ranges_due

TODAY = date(2026, 12, 6)
NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)


def test_the_presets_ranges_leave_out_single_days_and_repeats() -> None:
    assert preset_ranges(TODAY) == [
        DateRange(date(2026, 11, 29), date(2026, 12, 5)),
        DateRange(date(2026, 11, 22), date(2026, 12, 5)),
        DateRange(date(2026, 11, 6), date(2026, 12, 5)),
        DateRange(date(2026, 12, 1), date(2026, 12, 6)),
        DateRange(date(2026, 11, 1), date(2026, 11, 30)),
    ]
    assert DateRange(TODAY, TODAY) not in preset_ranges(date(2026, 12, 1))  # this_month is one day


def test_a_range_holding_today_is_read_at_every_run_and_settled_ones_every_few_hours() -> None:
    just_read = {(r.since, r.until): NOW - timedelta(minutes=15) for r in preset_ranges(TODAY)}
    assert ranges_due(TODAY, just_read, NOW) == [DateRange(date(2026, 12, 1), TODAY)]
    long_ago = {key: NOW - SETTLED_REFRESH for key in just_read}
    assert ranges_due(TODAY, long_ago, NOW) == preset_ranges(TODAY)
    assert ranges_due(TODAY, {}, NOW) == preset_ranges(TODAY)


def test_a_run_reads_its_days_at_three_levels_then_each_range_at_four() -> None:
    window = DateRange(TODAY - timedelta(days=1), TODAY)
    reads = planned_reads(window, [DateRange(date(2026, 12, 1), TODAY)])
    assert [(r.level, r.daily) for r in reads[:3]] == [(level, True) for level in DAILY_LEVELS]
    assert [r.level for r in reads[3:]] == ["account", "campaign", "adset", "ad"]


def test_reach_reads_stop_when_the_runs_time_for_them_is_used() -> None:
    from pixecom.meta.client import GraphClient
    from pixecom.sync.reach import read_all
    from pixecom.sync.recording import AccountRef

    account = AccountRef(uuid.uuid4(), uuid.uuid4(), "act_1", "UTC", "USD")
    window = DateRange(TODAY - timedelta(days=1), TODAY)
    with GraphClient("token", base_url="http://127.0.0.1:9") as client:  # never called
        outcome = read_all(client, account, planned_reads(window, []), None, time_budget=0.0)
        assert client.calls == 0
    assert outcome.answers == [] and outcome.stopped == "the run's 0 s for reach were used"
