"""Ads Manager query parameters, cursors, range plans and the SQL sort formulas: pure."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from pixecom.adsmanager.params import (
    Cursor,
    InvalidParam,
    Level,
    RawListParams,
    decode_cursor,
    encode_cursor,
    parse_list_query,
    parse_sort,
    split_values,
)
from pixecom.adsmanager.ranges import plan_ranges, range_for_timezone
from pixecom.domain.dates import DatePreset, DateRange


def _bad(raw: RawListParams, level: Level = Level.ADS) -> str:
    with pytest.raises(InvalidParam) as info:
        parse_list_query(level, raw)
    return info.value.param


def test_defaults_are_last_7d_sorted_by_spend_descending_50_a_page() -> None:
    q = parse_list_query(Level.CAMPAIGNS, RawListParams())
    assert (q.dates.preset, q.sort.key, q.sort.descending, q.limit, q.cursor) == (
        DatePreset.LAST_7D,
        "spend",
        True,
        50,
        None,
    )


def test_list_values_may_repeat_and_be_comma_separated() -> None:
    assert split_values(["a,b", " c ", "", "d,,"]) == ["a", "b", "c", "d"]
    q = parse_list_query(Level.ADS, RawListParams(status=["active", "PAUSED,active"]))
    assert [s.value for s in q.filters.statuses] == ["ACTIVE", "PAUSED"]


def test_ids_are_parsed_and_deduplicated() -> None:
    one = uuid.uuid4()
    q = parse_list_query(Level.ADS, RawListParams(campaign_id=[f"{one},{one}"]))
    assert q.filters.campaign_ids == (one,)


@pytest.mark.parametrize(
    ("raw", "param"),
    [
        (RawListParams(date_preset="lifetime"), "date_preset"),
        (RawListParams(since="2026-02-02", until="2026-02-01"), "since"),
        (RawListParams(since="2020-01-01", until="2026-02-01"), "since"),
        (RawListParams(until="2026-02-01"), "since"),
        (RawListParams(since="2026-2-1", until="2026-02-01"), "since"),
        (RawListParams(sort="+spend"), "sort"),
        (RawListParams(sort="-"), "sort"),
        (RawListParams(limit="501"), "limit"),
        (RawListParams(limit="-1"), "limit"),
        (RawListParams(ad_account_id=["123"]), "ad_account_id"),
        (RawListParams(status=["LIVE"]), "status"),
        (RawListParams(q="x" * 201), "q"),
        (RawListParams(cursor="eyJ"), "cursor"),
    ],
)
def test_bad_values_name_their_parameter(raw: RawListParams, param: str) -> None:
    assert _bad(raw) == param


def test_37_months_is_the_longest_custom_range() -> None:
    ok = parse_list_query(Level.ADS, RawListParams(since="2023-10-25", until="2026-11-25"))
    assert ok.dates.custom == DateRange(date(2023, 10, 25), date(2026, 11, 25))
    assert _bad(RawListParams(since="2023-10-24", until="2026-11-25")) == "since"


def test_adset_filter_is_not_a_campaigns_filter() -> None:
    assert _bad(RawListParams(adset_id=[str(uuid.uuid4())]), Level.CAMPAIGNS) == "adset_id"


def test_export_ignores_limit_and_cursor() -> None:
    q = parse_list_query(Level.ADS, RawListParams(limit="9999", cursor="junk"), paged=False)
    assert (q.limit, q.cursor) == (None, None)


def test_cursor_round_trips_and_is_bound_to_its_sort() -> None:
    sort = parse_sort("-roas")
    cursor = Cursor(sort="-roas", value="1.2345678901234567890", last_id=uuid.uuid4())
    token = encode_cursor(cursor)
    assert decode_cursor(token, sort) == cursor
    with pytest.raises(InvalidParam):
        decode_cursor(token, parse_sort("roas"))


def test_cursor_in_the_null_tail_keeps_its_null() -> None:
    cursor = Cursor(sort="cpc", value=None, last_id=uuid.uuid4())
    assert decode_cursor(encode_cursor(cursor), parse_sort("cpc")).value is None


def test_a_metric_cursor_must_carry_a_number() -> None:
    forged = encode_cursor(Cursor(sort="spend", value="1; DROP TABLE ads", last_id=uuid.uuid4()))
    with pytest.raises(InvalidParam):
        decode_cursor(forged, parse_sort("spend"))


# --- ranges ------------------------------------------------------------------------------------


def test_a_preset_plan_has_a_range_for_each_possible_local_day() -> None:
    now = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    plan = plan_ranges(parse_list_query(Level.ADS, RawListParams(date_preset="yesterday")).dates, now)
    assert dict(plan.by_local_day) == {
        date(2026, 11, 19): DateRange.single(date(2026, 11, 18)),
        date(2026, 11, 20): DateRange.single(date(2026, 11, 19)),
        date(2026, 11, 21): DateRange.single(date(2026, 11, 20)),
    }
    assert plan.envelope == DateRange(date(2026, 11, 18), date(2026, 11, 20))
    assert plan.utc_range() == DateRange.single(date(2026, 11, 19))


def test_one_instant_is_two_different_yesterdays_in_la_and_bangkok() -> None:
    now = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    dates = parse_list_query(Level.ADS, RawListParams(date_preset="yesterday")).dates
    assert range_for_timezone(dates, now, "America/Los_Angeles") == DateRange.single(date(2026, 11, 18))
    assert range_for_timezone(dates, now, "Asia/Bangkok") == DateRange.single(date(2026, 11, 19))


# --- cursors are bound to their query (issue 14 §6) ----------------------------------------------


def _page2_cursor(level: Level, raw: RawListParams) -> str:
    q = parse_list_query(level, raw)
    return encode_cursor(Cursor(sort=q.sort.token, value="1.5", last_id=uuid.uuid4(), query=q.fingerprint))


@pytest.mark.parametrize(
    ("level", "changed"),
    [
        (Level.ADSETS, RawListParams(date_preset="last_7d")),  # another level
        (Level.ADS, RawListParams(date_preset="last_30d")),  # another preset
        (Level.ADS, RawListParams(since="2026-11-01", until="2026-11-07")),  # another range
        (Level.ADS, RawListParams(date_preset="last_7d", status=["PAUSED"])),  # another filter
        (Level.ADS, RawListParams(date_preset="last_7d", q="mug")),
        (Level.ADS, RawListParams(date_preset="last_7d", sort="spend")),  # another direction
    ],
)
def test_a_cursor_presented_with_another_query_is_refused(level: Level, changed: RawListParams) -> None:
    token = _page2_cursor(Level.ADS, RawListParams(date_preset="last_7d"))
    with pytest.raises(InvalidParam) as exc:
        parse_list_query(level, replace(changed, cursor=token))
    assert exc.value.param == "cursor"
    assert "another query" in exc.value.message


def test_a_cursor_is_accepted_with_the_same_query_in_another_spelling_and_page_size() -> None:
    token = _page2_cursor(
        Level.ADS, RawListParams(date_preset="last_7d", status=["ACTIVE", "PAUSED"], limit="10")
    )
    q = parse_list_query(
        Level.ADS, RawListParams(date_preset="last_7d", status=["paused,active"], limit="20", cursor=token)
    )
    assert q.cursor is not None and q.cursor.value == "1.5"


def test_a_cursor_without_a_query_fingerprint_is_refused() -> None:
    sort = parse_sort("-spend")
    legacy = encode_cursor(Cursor(sort="-spend", value="1", last_id=uuid.uuid4()))
    with pytest.raises(InvalidParam):
        decode_cursor(legacy, sort, parse_list_query(Level.ADS, RawListParams()).fingerprint)
