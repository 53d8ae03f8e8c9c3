"""The `stats` part of the Ads Manager statements (`query.list_statement`, `sums.sums_statement`):
the level's stats summed per entity over each ad account's own range; the only big read."""

from __future__ import annotations

from pixecom.adsmanager.params import Filters, ListQuery
from pixecom.adsmanager.ranges import RangePlan
from pixecom.adsmanager.sql import LevelSql, sum_columns, sum_list
from pixecom.adsmanager.statement import EMPTY, Fragment, Param, join, q
from pixecom.adsmanager.statement import ident as _ident
from pixecom.domain.catalogue import SUMMED_COUNTERS


def stats_cte(lv: LevelSql, query: ListQuery, plan: RangePlan, seller_id: object) -> Fragment:
    """`entity_id` and the summed counters of every entity with stats in its account's range
    (the caller LEFT JOINs it: no row = zeros). Reads the `acct` part for each account's range."""
    pushdown = stats_pushdown(query.filters)
    # A preset: accounts with a fresh snapshot read one row per entity from it; the others
    # (never refreshed, or stale since their local midnight) aggregate live.
    if query.dates.preset is not None:
        return snapshot_stats(lv, query.dates.preset.value, plan, seller_id, pushdown)
    return range_stats(lv, plan, seller_id, pushdown)


def stats_pushdown(f: Filters) -> Fragment:
    """Filters on the parent columns the stats rows carry: the scan reads less."""
    parts = []
    if f.campaign_ids:
        parts.append(q(" AND s.campaign_id = ANY({})", Param(list(f.campaign_ids))))
    if f.adset_ids:
        parts.append(q(" AND s.adset_id = ANY({})", Param(list(f.adset_ids))))
    if f.ad_account_ids:
        parts.append(q(" AND s.ad_account_id = ANY({})", Param(list(f.ad_account_ids))))
    return join("", parts) if parts else EMPTY


def range_stats(lv: LevelSql, plan: RangePlan, seller_id: object, pushdown: Fragment) -> Fragment:
    """The level's sums over each account's own days, read as the bare rollup read reads.

    The core (days every account's range holds: all of a custom range, all but a day or two
    of a preset) is summed per entity with no join and constant bounds, so the planner
    estimates it well and hash-aggregates. Only the edge days (a preset's days that some
    timezones hold and others not) join the accounts to keep each account's own range; the
    two sums are added per entity. (One scan over the envelope with each account's range in a
    FILTER or join cost ~2x the bare read: the planner guessed ~1% of the rows and sorted.)
    """
    core, edges = plan.split()
    parts = []
    if core is not None:
        parts.append(
            q(
                "SELECT s.{} AS entity_id, {} FROM {} s "
                "WHERE s.seller_id = {} AND s.date BETWEEN {} AND {}{} GROUP BY s.{}",
                lv.stats_key,
                sum_list("s"),
                lv.stats_table,
                Param(seller_id),
                Param(core.since),
                Param(core.until),
                pushdown,
                lv.stats_key,
            )
        )
    if edges:
        days = join(" OR ", (q("s.date BETWEEN {} AND {}", Param(e.since), Param(e.until)) for e in edges))
        parts.append(
            q(
                "SELECT s.{} AS entity_id, {} FROM {} s "
                "JOIN acct ON acct.id = s.ad_account_id AND s.date BETWEEN acct.since AND acct.until "
                "WHERE s.seller_id = {} AND ({}){} GROUP BY s.{}",
                lv.stats_key,
                sum_list("s"),
                lv.stats_table,
                Param(seller_id),
                days,
                pushdown,
                lv.stats_key,
            )
        )
    if len(parts) == 1:
        return parts[0]
    added = join(
        ", ",
        (
            q("coalesce(c.{}, 0) + coalesce(g.{}, 0) AS {}", _ident(col), _ident(col), _ident(col))
            for col in SUMMED_COUNTERS
        ),
    )
    return q(
        "SELECT coalesce(c.entity_id, g.entity_id) AS entity_id, {} "
        "FROM ({}) AS c FULL JOIN ({}) AS g ON g.entity_id = c.entity_id",
        added,
        parts[0],
        parts[1],
    )


def snapshot_stats(
    lv: LevelSql, preset: str, plan: RangePlan, seller_id: object, pushdown: Fragment
) -> Fragment:
    """A preset: the fresh accounts' snapshot rows of the level, plus the live sums of the others.

    The live part reads the envelope (constants: the planner estimates the rows) and picks each
    account's own days by FILTER; when every account is fresh its join is empty and Postgres
    skips the scan."""
    envelope = plan.envelope
    return q(
        "SELECT s.{} AS entity_id, {} "
        "FROM {} s JOIN acct ON acct.id = s.ad_account_id AND acct.fresh "
        "WHERE s.seller_id = {} AND s.preset = {}{} UNION ALL "
        "SELECT s.{} AS entity_id, {} "
        "FROM {} s JOIN acct ON acct.id = s.ad_account_id AND NOT acct.fresh "
        "WHERE s.seller_id = {} AND s.date BETWEEN {} AND {}{} GROUP BY s.{}",
        lv.stats_key,
        sum_columns("s"),
        lv.snapshot_table,
        Param(seller_id),
        Param(preset),
        pushdown,
        lv.stats_key,
        sum_list("s", where=q("s.date BETWEEN acct.since AND acct.until")),
        lv.stats_table,
        Param(seller_id),
        Param(envelope.since),
        Param(envelope.until),
        pushdown,
        lv.stats_key,
    )
