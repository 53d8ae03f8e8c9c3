"""The list read's pure parts: the range plan's core and edges, and each part of the statement."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from psycopg import sql

from pixecom.adsmanager.params import Cursor, Level, ListQuery, RawListParams, parse_list_query
from pixecom.adsmanager.query import (
    acct_cte,
    entity_filters,
    keyset,
    list_statement,
    matched_cte,
    page_cte,
    ranked_cte,
    summed_cte,
    summed_types_cte,
    types_cte,
)
from pixecom.adsmanager.ranges import plan_ranges
from pixecom.adsmanager.sql import LEVELS
from pixecom.adsmanager.statement import Fragment, Param, join, q
from pixecom.adsmanager.stats import range_stats, snapshot_stats, stats_pushdown
from pixecom.adsmanager.sums import sums_statement
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


# --- the statement's parts: SQL text and the values of its placeholders, in order -------------

SELLER = uuid.UUID(int=7)
ACCOUNT = uuid.UUID(int=8)
CAMPAIGN = uuid.UUID(int=9)


def text_of(fragment: Fragment) -> str:
    return fragment.as_string(None)


def query(level: Level = Level.CAMPAIGNS, **raw: Any) -> ListQuery:
    return parse_list_query(level, RawListParams(**raw))


def test_a_fragment_carries_its_values_in_the_order_of_its_placeholders() -> None:
    inner = q("b = {}", Param(2))
    both = q("a = {} AND {} AND c = {}", Param(1), inner, Param(3))
    assert text_of(both) == "a = %s AND b = %s AND c = %s"
    assert both.params == (1, 2, 3)
    assert join(" OR ", [inner, inner]).params == (2, 2)


def test_a_template_must_have_one_plain_slot_per_part() -> None:
    with pytest.raises(ValueError, match="slots"):
        q("a = {0}", Param(1))
    with pytest.raises(ValueError, match="slots"):
        q("a = {} AND b = {}", Param(1))


def test_a_client_value_is_a_placeholder_never_text() -> None:
    nasty = "'; DROP TABLE ads; --"
    fragment = entity_filters(LEVELS[Level.ADS], query(Level.ADS, date_preset="last_7d", q=nasty), SELLER)
    assert nasty not in text_of(fragment)
    assert f"%{nasty}%" in fragment.params


def test_acct_for_a_custom_range_binds_its_days_and_the_seller() -> None:
    qq = query(since="2026-11-01", until="2026-11-15", ad_account_id=[str(ACCOUNT)])
    fragment = acct_cte(plan_ranges(qq.dates, NOW), qq, SELLER)
    assert "false AS fresh" in text_of(fragment)
    assert fragment.params == (date(2026, 11, 1), date(2026, 11, 15), SELLER, [ACCOUNT])


def test_acct_for_a_preset_offers_three_local_days_and_reads_the_snapshot_state() -> None:
    qq = query(date_preset="last_7d")
    fragment = acct_cte(plan_ranges(qq.dates, NOW), qq, SELLER)
    assert "ad_preset_stats_state" in text_of(fragment)
    assert fragment.params[:3] == (date(2026, 11, 19), date(2026, 11, 12), date(2026, 11, 18))
    assert fragment.params[-2:] == (NOW, SELLER)


def test_entity_filters_start_with_the_seller_and_add_only_what_is_given() -> None:
    lv = LEVELS[Level.ADSETS]
    plain = entity_filters(lv, query(Level.ADSETS, date_preset="last_7d"), SELLER)
    assert (text_of(plain), plain.params) == ("e.seller_id = %s", (SELLER,))
    filtered = entity_filters(
        lv, query(Level.ADSETS, date_preset="last_7d", campaign_id=[str(CAMPAIGN)]), SELLER
    )
    assert text_of(filtered) == "e.seller_id = %s AND e.campaign_id = ANY(%s)"
    assert filtered.params == (SELLER, [CAMPAIGN])


def test_stats_pushdown_names_the_stats_rows_parent_columns() -> None:
    f = query(Level.ADS, date_preset="last_7d", campaign_id=[str(CAMPAIGN)]).filters
    fragment = stats_pushdown(f)
    assert (text_of(fragment), fragment.params) == (" AND s.campaign_id = ANY(%s)", ([CAMPAIGN],))


def test_range_stats_of_a_custom_range_is_one_core_scan_of_the_rollup() -> None:
    qq = query(since="2026-11-01", until="2026-11-15")
    fragment = range_stats(
        LEVELS[Level.CAMPAIGNS], plan_ranges(qq.dates, NOW), SELLER, stats_pushdown(qq.filters)
    )
    assert "FROM campaign_stats_daily s" in text_of(fragment)
    assert "JOIN acct" not in text_of(fragment)
    assert fragment.params == (SELLER, date(2026, 11, 1), date(2026, 11, 15))


def test_range_stats_of_a_preset_adds_the_edge_days_joined_to_each_account() -> None:
    qq = query(date_preset="last_7d")
    fragment = range_stats(
        LEVELS[Level.ADSETS], plan_ranges(qq.dates, NOW), SELLER, stats_pushdown(qq.filters)
    )
    assert "FULL JOIN" in text_of(fragment) and "JOIN acct" in text_of(fragment)
    assert fragment.params == (
        SELLER, date(2026, 11, 14), date(2026, 11, 18),
        SELLER, date(2026, 11, 12), date(2026, 11, 13), date(2026, 11, 19), date(2026, 11, 20),
    )  # fmt: skip


@pytest.mark.parametrize("level", list(Level))
def test_snapshot_stats_read_the_levels_snapshot_for_fresh_accounts_and_live_rows_for_the_others(
    level: Level,
) -> None:
    qq = query(level, date_preset="last_7d")
    lv = LEVELS[level]
    fragment = snapshot_stats(lv, "last_7d", plan_ranges(qq.dates, NOW), SELLER, stats_pushdown(qq.filters))
    text = text_of(fragment)
    assert (
        f"FROM {lv.snapshot_table.as_string(None)} s JOIN acct ON acct.id = s.ad_account_id AND acct.fresh"
        in text
    )
    assert (
        f"FROM {lv.stats_table.as_string(None)} s JOIN acct ON acct.id = s.ad_account_id AND NOT acct.fresh"
        in text
    )
    assert fragment.params == (SELLER, "last_7d", SELLER, date(2026, 11, 12), date(2026, 11, 20))


def test_types_of_campaigns_combine_their_ad_sets_into_mixed() -> None:
    fragment = types_cte(query(date_preset="last_7d"), SELLER)
    text = text_of(fragment)
    assert "x.campaign_id AS key" in text and "GROUP BY x.key" in text and "'mixed'" in text
    assert fragment.params == (SELLER,)


def test_matched_is_narrow_unless_sorting_by_name() -> None:
    lv = LEVELS[Level.ADS]
    assert "e.name" not in text_of(matched_cte(lv, query(Level.ADS, date_preset="last_7d"), SELLER))
    by_name = query(Level.ADS, date_preset="last_7d", sort="name")
    assert "e.name, " in text_of(matched_cte(lv, by_name, SELLER))


def test_ranked_sorts_mixed_campaign_results_with_the_nulls() -> None:
    text = text_of(ranked_cte(query(date_preset="last_7d", sort="-cost_per_result")))
    assert "CASE WHEN t.rt = 'mixed' THEN NULL" in text
    plain = text_of(ranked_cte(query(Level.ADS, date_preset="last_7d", sort="-cost_per_result")))
    assert "CASE" not in plain and "NULLIF" in plain


def test_keyset_after_a_cursor_compares_value_then_id_and_currency_first_for_money() -> None:
    qq = query(date_preset="last_7d", sort="-spend")
    last = uuid.UUID(int=1)
    cursor = Cursor(sort="-spend", value="12.5", last_id=last, query=qq.fingerprint, currency="USD")
    fragment = keyset(dataclasses.replace(qq, cursor=cursor))
    assert text_of(fragment).startswith(
        "(r.currency > %s OR (r.currency = %s AND (r.sort_value < CAST(%s AS numeric)"
    )
    assert fragment.params == ("USD", "USD", "12.5", "12.5", last)
    assert text_of(keyset(qq)) == "TRUE"


def test_the_page_asks_for_one_more_row_than_the_limit() -> None:
    fragment = page_cte(query(date_preset="last_7d", limit=50))
    assert text_of(fragment).endswith("LIMIT %s") and fragment.params == (51,)


def test_the_summary_sums_every_matched_row_per_currency() -> None:
    assert "FROM matched GROUP BY currency" in text_of(summed_cte())
    assert "'mixed'" in text_of(summed_types_cte())


def test_the_list_statement_holds_every_part_once_and_every_value_in_order() -> None:
    qq = query(since="2026-11-01", until="2026-11-15", limit=10)
    fragment = list_statement(qq, plan_ranges(qq.dates, NOW), SELLER)
    text = text_of(fragment)
    for part in ("acct", "stats", "types", "matched", "ranked", "page", "summed", "summed_types"):
        assert f" {part} AS " in f" {text}" or text.startswith(f"WITH {part} AS")
    assert text.count("%s") == len(fragment.params)


def test_the_rules_statement_binds_statuses_and_the_minimum_spend() -> None:
    from pixecom.adsmanager.params import DateSpec
    from pixecom.domain.enums import CampaignStatus

    fragment = sums_statement(
        SELLER, ACCOUNT, Level.ADS, DateSpec(custom=DateRange(date(2026, 11, 1), date(2026, 11, 2))),
        {CampaignStatus.ACTIVE}, Decimal("5"), NOW,
    )  # fmt: skip
    assert text_of(fragment).count("%s") == len(fragment.params)
    assert ["ACTIVE"] in fragment.params and Decimal("5") in fragment.params
    assert "%%" not in text_of(fragment)  # no literal percent sign to escape in this statement


def test_a_quoted_constant_holding_a_percent_sign_is_escaped_for_the_driver() -> None:
    fragment = q("SELECT {} WHERE x = {}", sql.Literal("50%"), Param(1))
    assert text_of(fragment) == "SELECT '50%%' WHERE x = %s"
    with pytest.raises(ValueError, match="no %"):
        q("SELECT '50%' WHERE x = {}", Param(1))
