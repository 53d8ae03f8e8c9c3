"""The `stats` part of the Ads Manager list statement (`query.build_list_sql`): the level's daily
stats summed per entity over each ad account's own range; the only big read of the request."""

from __future__ import annotations

from typing import Any

from pixecom.adsmanager.params import ListQuery
from pixecom.adsmanager.ranges import RangePlan
from pixecom.adsmanager.sql import SUM_COLUMNS, LevelSql, sum_list


def stats_cte(lv: LevelSql, query: ListQuery, plan: RangePlan, params: dict[str, Any]) -> str:
    """The `stats` part of the list statement: `entity_id` and the summed counters of every
    entity with stats in its account's range (the caller LEFT JOINs it: no row = zeros)."""
    # Filters on columns copied onto the stats rows are pushed down so the scan reads less.
    pushdown = ""
    if query.filters.campaign_ids:
        pushdown += " AND s.campaign_id = ANY(:campaign_ids)"
    if query.filters.adset_ids:
        pushdown += " AND s.adset_id = ANY(:adset_ids)"
    if query.filters.ad_account_ids:
        pushdown += " AND s.ad_account_id = ANY(:ad_account_ids)"
    # A preset: accounts with a fresh snapshot read one row per entity from it; the others
    # (never refreshed, or stale since their local midnight) aggregate live.
    if query.dates.preset is not None:
        return _snapshot_stats(lv, query, pushdown, params)
    return _range_stats(lv, plan, pushdown, params)


def _range_stats(lv: LevelSql, plan: RangePlan, pushdown: str, params: dict[str, Any]) -> str:
    """The level's sums over each account's own days, read as the bare rollup read reads.

    The core (days every account's range holds: all of a custom range, all but a day or two
    of a preset) is summed per entity with no join and constant bounds, so the planner
    estimates it well and hash-aggregates. Only the edge days (a preset's days that some
    timezones hold and others not) join the accounts to keep each account's own range; the
    two sums are added per entity. (One scan over the envelope with each account's range in a
    FILTER or join cost ~2x the bare read: the planner guessed ~1% of the rows and sorted.)
    """
    core, edges = plan.split()
    key, table = lv.stats_key, lv.stats_table
    parts = []
    if core is not None:
        params["core_since"], params["core_until"] = core.since, core.until
        parts.append(
            f"SELECT s.{key} AS entity_id, {sum_list('s')} FROM {table} s "  # noqa: S608
            f"WHERE s.seller_id = :seller_id AND s.date BETWEEN :core_since AND :core_until{pushdown} "
            f"GROUP BY s.{key}"
        )
    if edges:
        days = []
        for i, edge in enumerate(edges):
            params[f"edge{i}_since"], params[f"edge{i}_until"] = edge.since, edge.until
            days.append(f"s.date BETWEEN :edge{i}_since AND :edge{i}_until")
        parts.append(
            f"SELECT s.{key} AS entity_id, {sum_list('s')} FROM {table} s "  # noqa: S608
            "JOIN acct ON acct.id = s.ad_account_id AND s.date BETWEEN acct.since AND acct.until "
            f"WHERE s.seller_id = :seller_id AND ({' OR '.join(days)}){pushdown} GROUP BY s.{key}"
        )
    if len(parts) == 1:
        return parts[0]
    added = ", ".join(f"coalesce(c.{col}, 0) + coalesce(g.{col}, 0) AS {col}" for col in SUM_COLUMNS)
    return (
        f"SELECT coalesce(c.entity_id, g.entity_id) AS entity_id, {added} "  # noqa: S608
        f"FROM ({parts[0]}) AS c FULL JOIN ({parts[1]}) AS g ON g.entity_id = c.entity_id"
    )


def _snapshot_stats(lv: LevelSql, query: ListQuery, pushdown: str, params: dict[str, Any]) -> str:
    """A preset: the fresh accounts' snapshot rows of the level, plus the live sums of the others.

    The live part reads the envelope [:lo, :hi] (constants: the planner estimates the rows) and
    picks each account's own days by FILTER; when every account is fresh its join is empty and
    Postgres skips the scan."""
    assert query.dates.preset is not None
    params["preset"] = query.dates.preset.value
    own_days = "s.date BETWEEN acct.since AND acct.until"
    return (
        f"SELECT s.{lv.stats_key} AS entity_id, {', '.join(SUM_COLUMNS)} "  # noqa: S608
        f"FROM {lv.snapshot_table} s JOIN acct ON acct.id = s.ad_account_id AND acct.fresh "
        f"WHERE s.seller_id = :seller_id AND s.preset = :preset{pushdown} UNION ALL "
        f"SELECT s.{lv.stats_key} AS entity_id, {sum_list('s', where=own_days)} "
        f"FROM {lv.stats_table} s JOIN acct ON acct.id = s.ad_account_id AND NOT acct.fresh "
        f"WHERE s.seller_id = :seller_id AND s.date BETWEEN :lo AND :hi{pushdown} "
        f"GROUP BY s.{lv.stats_key}"
    )
