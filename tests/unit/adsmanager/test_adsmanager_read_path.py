"""The list read's pure parts: the range plan's core and edges, and the driver's SQL text."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pixecom.adsmanager.params import Level, RawListParams, parse_list_query
from pixecom.adsmanager.query import driver_sql
from pixecom.adsmanager.ranges import plan_ranges
from pixecom.domain.dates import DateRange

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)  # the 19th, 20th or 21st, by timezone


def test_a_preset_splits_into_the_days_every_timezone_holds_and_the_edges_some_do() -> None:
    # last_7d ends the day before the local day: the 12th-18th, 13th-19th or 14th-20th.
    core, edges = plan_ranges(
        parse_list_query(Level.CAMPAIGNS, RawListParams(date_preset="last_7d")).dates, NOW
    ).split()
    assert core == DateRange(date(2026, 11, 14), date(2026, 11, 18))
    assert edges == (
        DateRange(date(2026, 11, 12), date(2026, 11, 13)),
        DateRange(date(2026, 11, 19), date(2026, 11, 20)),
    )


def test_today_has_no_core_and_its_whole_envelope_is_edge() -> None:
    plan = plan_ranges(parse_list_query(Level.CAMPAIGNS, RawListParams(date_preset="today")).dates, NOW)
    assert plan.split() == (None, (DateRange(date(2026, 11, 19), date(2026, 11, 21)),))


def test_a_preset_that_is_one_range_in_every_timezone_has_no_edges() -> None:
    plan = plan_ranges(parse_list_query(Level.CAMPAIGNS, RawListParams(date_preset="last_month")).dates, NOW)
    assert plan.split() == (DateRange(date(2026, 10, 1), date(2026, 10, 31)), ())


def test_a_custom_range_is_all_core() -> None:
    raw = RawListParams(since="2026-11-01", until="2026-11-15")
    plan = plan_ranges(parse_list_query(Level.CAMPAIGNS, raw).dates, NOW)
    assert plan.split() == (DateRange(date(2026, 11, 1), date(2026, 11, 15)), ())


def test_driver_sql_turns_bind_names_into_psycopg_placeholders_and_leaves_casts() -> None:
    sql = "SELECT CAST(:since AS date), x::text, '50%' FROM t WHERE a = ANY(:ids) AND b ILIKE :q ESCAPE '\\'"
    assert driver_sql(sql) == (
        "SELECT CAST(%(since)s AS date), x::text, '50%%' FROM t WHERE a = ANY(%(ids)s) "
        "AND b ILIKE %(q)s ESCAPE '\\'"
    )
