"""Date presets, custom ranges, account-local days and sync windows."""

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfoNotFoundError

import pytest

from pixecom.domain.dates import (
    DEFAULT_PRESET,
    DatePreset,
    DateRange,
    InvalidDateRange,
    add_months,
    backfill_chunks,
    local_today,
    parse_date_preset,
    parse_iso_date,
    resolve_date_preset,
    stats_window,
    validate_custom_range,
)

D = date.fromisoformat


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# --- presets ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("preset", "today", "since", "until"),
    [
        ("today", "2026-11-25", "2026-11-25", "2026-11-25"),
        ("yesterday", "2026-11-25", "2026-11-24", "2026-11-24"),
        ("last_7d", "2026-11-25", "2026-11-18", "2026-11-24"),
        ("last_14d", "2026-11-25", "2026-11-11", "2026-11-24"),
        ("last_30d", "2026-11-25", "2026-10-26", "2026-11-24"),
        ("this_month", "2026-11-25", "2026-11-01", "2026-11-25"),
        ("last_month", "2026-11-25", "2026-10-01", "2026-10-31"),
        # first day of a month: yesterday and the last_Nd ranges fall in the previous month
        ("yesterday", "2026-03-01", "2026-02-28", "2026-02-28"),
        ("last_7d", "2026-03-01", "2026-02-22", "2026-02-28"),
        ("this_month", "2026-03-01", "2026-03-01", "2026-03-01"),
        ("last_month", "2026-03-01", "2026-02-01", "2026-02-28"),
        ("last_month", "2026-03-31", "2026-02-01", "2026-02-28"),
        # leap years
        ("yesterday", "2028-03-01", "2028-02-29", "2028-02-29"),
        ("last_month", "2028-03-15", "2028-02-01", "2028-02-29"),
        ("last_30d", "2028-03-01", "2028-01-31", "2028-02-29"),
        ("last_month", "2100-03-01", "2100-02-01", "2100-02-28"),  # 2100 is not a leap year
        # year boundary
        ("yesterday", "2027-01-01", "2026-12-31", "2026-12-31"),
        ("last_7d", "2027-01-03", "2026-12-27", "2027-01-02"),
        ("last_month", "2027-01-10", "2026-12-01", "2026-12-31"),
        ("this_month", "2026-12-31", "2026-12-01", "2026-12-31"),
        ("last_14d", "2027-01-01", "2026-12-18", "2026-12-31"),
    ],
)
def test_preset_resolves_to_metas_inclusive_range(preset, today, since, until):
    assert resolve_date_preset(preset, D(today)) == DateRange(D(since), D(until))


@pytest.mark.parametrize(("preset", "days"), [("last_7d", 7), ("last_14d", 14), ("last_30d", 30)])
def test_last_n_days_has_n_days_and_excludes_today(preset, days):
    today = D("2026-07-15")
    r = resolve_date_preset(DatePreset(preset), today)
    assert r.days == days
    assert r.until == today - timedelta(days=1)
    assert not r.contains(today)


def test_default_preset_is_last_7d():
    assert DEFAULT_PRESET is DatePreset.LAST_7D


def test_presets_are_exactly_the_seven_of_the_issue():
    assert [p.value for p in DatePreset] == [
        "today",
        "yesterday",
        "last_7d",
        "last_14d",
        "last_30d",
        "this_month",
        "last_month",
    ]


@pytest.mark.parametrize("value", ["last_90d", "maximum", "LAST_7D", "", "last 7d"])
def test_an_unknown_preset_names_the_date_preset_parameter(value):
    with pytest.raises(InvalidDateRange) as err:
        parse_date_preset(value)
    assert err.value.param == "date_preset"
    with pytest.raises(InvalidDateRange):
        resolve_date_preset(value, D("2026-11-25"))


# --- account-local today --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("instant", "los_angeles", "bangkok"),
    [
        ("2026-11-25T20:00:00", "2026-11-25", "2026-11-26"),  # LA noon, Bangkok 03:00 next day
        ("2026-11-25T03:00:00", "2026-11-24", "2026-11-25"),  # LA 19:00 previous day
        ("2026-11-25T10:00:00", "2026-11-25", "2026-11-25"),  # both on the same day
        ("2026-12-31T18:00:00", "2026-12-31", "2027-01-01"),  # New Year in Bangkok only
    ],
)
def test_the_same_instant_is_a_different_day_per_account_timezone(instant, los_angeles, bangkok):
    now = utc(instant)
    assert local_today(now, "America/Los_Angeles") == D(los_angeles)
    assert local_today(now, "Asia/Bangkok") == D(bangkok)


def test_presets_resolve_per_account_on_the_same_request():
    now = utc("2026-11-25T20:00:00")
    la = resolve_date_preset("yesterday", local_today(now, "America/Los_Angeles"))
    bkk = resolve_date_preset("yesterday", local_today(now, "Asia/Bangkok"))
    assert (la.since, bkk.since) == (D("2026-11-24"), D("2026-11-25"))


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        # spring forward: Sun 2026-03-08 02:00 PST -> 03:00 PDT; midnight is 08:00Z on the 8th,
        # 07:00Z on the 9th (the offset changed during the day).
        ("2026-03-08T07:59:59", "2026-03-07"),
        ("2026-03-08T08:00:00", "2026-03-08"),
        ("2026-03-09T06:59:59", "2026-03-08"),
        ("2026-03-09T07:00:00", "2026-03-09"),
        # fall back: Sun 2026-11-01 02:00 PDT -> 01:00 PST; midnight is 07:00Z on the 1st,
        # 08:00Z on the 2nd (a 25-hour day).
        ("2026-11-01T06:59:59", "2026-10-31"),
        ("2026-11-01T07:00:00", "2026-11-01"),
        ("2026-11-02T07:30:00", "2026-11-01"),
        ("2026-11-02T08:00:00", "2026-11-02"),
    ],
)
def test_local_today_follows_dst_changes(instant, expected):
    assert local_today(utc(instant), "America/Los_Angeles") == D(expected)


def test_local_today_accepts_any_aware_now():
    now = datetime(2026, 11, 26, 3, 0, tzinfo=timezone(timedelta(hours=7)))  # = 2026-11-25T20:00Z
    assert local_today(now, "America/Los_Angeles") == D("2026-11-25")
    assert local_today(now, "UTC") == D("2026-11-25")


def test_local_today_refuses_a_naive_now():
    with pytest.raises(ValueError, match="aware"):
        local_today(datetime(2026, 11, 25, 12), "UTC")


def test_local_today_refuses_an_unknown_zone():
    with pytest.raises(ZoneInfoNotFoundError):
        local_today(utc("2026-11-25T12:00:00"), "Mars/Olympus_Mons")


# --- DateRange ------------------------------------------------------------------------------------


def test_date_range_counts_both_ends():
    assert DateRange(D("2026-11-01"), D("2026-11-30")).days == 30
    assert DateRange.single(D("2026-11-01")).days == 1
    assert DateRange(D("2028-02-01"), D("2028-03-01")).days == 30


def test_date_range_refuses_since_after_until():
    with pytest.raises(InvalidDateRange) as err:
        DateRange(D("2026-11-02"), D("2026-11-01"))
    assert err.value.param == "since"


def test_date_range_iterates_its_days_across_a_year_boundary():
    r = DateRange(D("2026-12-30"), D("2027-01-02"))
    assert list(r.iter_days()) == [D("2026-12-30"), D("2026-12-31"), D("2027-01-01"), D("2027-01-02")]


def test_date_range_as_meta_time_range():
    r = DateRange(D("2025-01-01"), D("2025-01-31"))
    assert r.as_meta_time_range() == {"since": "2025-01-01", "until": "2025-01-31"}


# --- custom ranges --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("since", "until"),
    [
        ("2026-11-25", "2026-11-25"),
        ("2026-01-01", "2026-12-31"),
        ("2023-10-25", "2026-11-25"),  # exactly 37 months
        ("2025-02-28", "2028-03-31"),  # 37 months back from Mar 31 clamps to Feb 28
    ],
)
def test_a_custom_range_up_to_37_months_is_accepted(since, until):
    assert validate_custom_range(D(since), D(until)) == DateRange(D(since), D(until))


@pytest.mark.parametrize(
    ("since", "until", "param"),
    [
        ("2026-11-26", "2026-11-25", "since"),
        ("2023-10-24", "2026-11-25", "since"),  # one day over 37 months
        ("2000-01-01", "2026-11-25", "since"),
    ],
)
def test_a_bad_custom_range_names_the_parameter(since, until, param):
    with pytest.raises(InvalidDateRange) as err:
        validate_custom_range(D(since), D(until))
    assert err.value.param == param
    assert err.value.message


def test_the_month_limit_is_a_parameter():
    with pytest.raises(InvalidDateRange):
        validate_custom_range(D("2026-09-30"), D("2026-11-25"), max_months=1)
    assert validate_custom_range(D("2026-10-25"), D("2026-11-25"), max_months=1).days == 32


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2026-03-31", -1, "2026-02-28"),
        ("2028-03-31", -1, "2028-02-29"),
        ("2026-01-15", -1, "2025-12-15"),
        ("2026-11-25", -37, "2023-10-25"),
        ("2026-12-31", 2, "2027-02-28"),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(day, months, expected):
    assert add_months(D(day), months) == D(expected)


@pytest.mark.parametrize(
    "value", ["2026-02-30", "2026-1-05", "20261105", "yesterday", "", "2026-11-05T00:00"]
)
def test_a_malformed_date_names_its_parameter(value):
    with pytest.raises(InvalidDateRange) as err:
        parse_iso_date(value, "until")
    assert err.value.param == "until"


def test_a_well_formed_date_parses():
    assert parse_iso_date("2028-02-29", "since") == D("2028-02-29")


# --- sync windows ---------------------------------------------------------------------------------


def test_the_frequent_stats_window_is_yesterday_and_today():
    assert stats_window(D("2027-01-01"), full=False) == DateRange(D("2026-12-31"), D("2027-01-01"))


def test_the_daily_full_stats_window_is_the_28_days_ending_today():
    r = stats_window(D("2028-03-10"), full=True)
    assert r == DateRange(D("2028-02-12"), D("2028-03-10"))
    assert r.days == 28


@pytest.mark.parametrize(
    ("since", "until", "chunk", "expected"),
    [
        ("2026-01-01", "2026-01-10", 4, [("01-01", "01-04"), ("01-05", "01-08"), ("01-09", "01-10")]),
        ("2026-01-01", "2026-01-08", 4, [("01-01", "01-04"), ("01-05", "01-08")]),
        ("2026-01-01", "2026-01-01", 30, [("01-01", "01-01")]),
        ("2026-01-01", "2026-01-03", 1, [("01-01", "01-01"), ("01-02", "01-02"), ("01-03", "01-03")]),
    ],
)
def test_backfill_chunks_cover_the_range_without_gaps_or_overlap(since, until, chunk, expected):
    chunks = backfill_chunks(D(since), D(until), chunk)
    assert [(c.since.isoformat()[5:], c.until.isoformat()[5:]) for c in chunks] == expected


def test_backfill_chunks_over_a_leap_year_cover_every_day_once():
    chunks = backfill_chunks(D("2027-12-01"), D("2028-03-31"), 28)
    days = [d for c in chunks for d in c.iter_days()]
    assert days == list(DateRange(D("2027-12-01"), D("2028-03-31")).iter_days())
    assert all(c.days <= 28 for c in chunks)


def test_backfill_chunks_refuse_bad_input():
    with pytest.raises(ValueError):
        backfill_chunks(D("2026-01-01"), D("2026-01-10"), 0)
    with pytest.raises(InvalidDateRange):
        backfill_chunks(D("2026-01-10"), D("2026-01-01"), 7)
