"""The Ads Manager list: ONE SQL statement per request, whatever the page size.

The statement (`list_statement`) is composed of small named parts, one function each, with
psycopg `sql` (`pixecom.adsmanager.statement`: each part carries its own values):

- `acct`: the seller's ad accounts, each with ITS OWN since/until (presets resolve in the
  account's timezone, see `ranges.py`) and its currency;
- `stats`: the level's daily stats (ad_stats_daily for ads, the campaign/ad set rollups for the
  others) summed per entity over each account's range: the only big scan, an index range on
  (seller_id, date), narrowed further by campaign/ad set filters (`stats.py`: the days every
  account holds are summed without a join, the few edge days per account);
- `matched`: every entity the filters match, LEFT JOINed to its sums (no stats = zeros), so a
  paused campaign still shows;
- `types`: the result type and attribution spec(s) of each ad set (ad sets and ads) or campaign
  (`mixed` when its ad sets differ), from `pixecom.domain.results` as SQL;
- the page: `matched` with the sort metric computed in SQL from the sums, NULLS LAST, ties by
  id, keyset after the cursor, LIMIT n + 1 (the extra row says whether there is a next page).
  A money sort orders by currency first (a list spanning currencies never ranks JPY 1,090,100
  above EUR 5,865); results / cost per result of a `mixed` row sort with the nulls;
- the summary: the same `matched` rows summed per currency (all rows, not the page), with the
  result type those rows share (else `mixed`);
- the date range envelope over the accounts, the seller's reporting currency, and the database
  snapshot the statement read (a kept body is checked against it: `kept_lists.py`);
- each account with its range and the reach stored for it, and for the page rows the reach
  stored for their own range (`reach_stats` by its key): a list whose reach is stored reads
  nothing else;
- for the page rows only, the entity's own columns (budget, bids, objective, spend cap, its
  parents' and ad account's names) as one JSON object (`entity_columns.py`), and the store's
  numbers (`store_columns.py`; a store sort ranks by them).

Postgres computes and formats every metric (`sql.metrics_json`: the currency's minor units,
ratios to 4 decimals, nulls where undefined or mixed) and returns each row's `metrics` as JSON
text, so the API splices it into the response without touching a number. All parts come back
as one result set (UNION ALL, a `kind` column tells them apart; `list_rows.split_result` reads
it). The API runs it on the psycopg connection itself; exports run it on the connection under
their session (`list_entities`).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, LiteralString

from psycopg import sql

from pixecom.adsmanager.entity_columns import entity_columns_json
from pixecom.adsmanager.list_rows import ListResult, split_result
from pixecom.adsmanager.params import STORE_SORT_KEYS, Filters, Level, ListQuery
from pixecom.adsmanager.ranges import RangePlan, plan_ranges
from pixecom.adsmanager.sql import (
    LEVELS,
    LevelSql,
    metric_expr,
    metrics_json,
    minor_units_sql,
    result_type_sql,
    sum_list,
)
from pixecom.adsmanager.statement import EMPTY, Fragment, Param, ident, join, lit, q, run
from pixecom.adsmanager.stats import stats_cte
from pixecom.adsmanager.store_columns import (
    row_store_json,
    store_ctes,
    store_sort_value,
    summary_store_json,
    summed_store_cte,
)
from pixecom.domain.catalogue import STORE_METRIC_BY_NAME
from pixecom.domain.creatives import KEY_COLUMNS
from pixecom.domain.metrics import METRIC_BY_NAME, Kind
from pixecom.domain.results import MIXED


def _like_pattern(q: str) -> str:
    """`q` as a literal 'contains' ILIKE pattern (its own % and _ escaped)."""
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def acct_cte(plan: RangePlan, query: ListQuery, seller_id: uuid.UUID) -> Fragment:
    """`acct`: the seller's ad accounts (those the filter names), each with its own since/until,
    currency, minor units, Meta id, timezone and whether its preset snapshot is for its current
    local day."""
    account_filter = EMPTY
    if query.filters.ad_account_ids:
        account_filter = q(" AND a.id = ANY({})", Param(list(query.filters.ad_account_ids)))
    if plan.custom is not None:
        return q(
            "SELECT a.id, a.currency, a.meta_account_id, a.timezone_name, CAST({} AS date) AS since, "
            "CAST({} AS date) AS until, false AS fresh, {} AS mu FROM ad_accounts a WHERE a.seller_id = {}{}",
            Param(plan.custom.since),
            Param(plan.custom.until),
            _ACCOUNT_MU,
            Param(seller_id),
            account_filter,
        )
    candidates = join(
        ", ",
        (
            q(
                "(CAST({} AS date), CAST({} AS date), CAST({} AS date))",
                Param(day),
                Param(r.since),
                Param(r.until),
            )
            for day, r in plan.by_local_day
        ),
    )
    return q(
        "SELECT a.id, a.currency, a.meta_account_id, a.timezone_name, r.since, r.until, {} AS mu, "
        # fresh: the account's preset snapshots (migrations 0003, 0012) are for its current local day.
        "EXISTS (SELECT 1 FROM ad_preset_stats_state f "
        "WHERE f.ad_account_id = a.id AND f.local_day = r.local_day) AS fresh "
        "FROM ad_accounts a JOIN (VALUES {}) AS r(local_day, since, until) "
        "ON r.local_day = CAST(CAST({} AS timestamptz) AT TIME ZONE a.timezone_name AS date) "
        "WHERE a.seller_id = {}{}",
        _ACCOUNT_MU,
        candidates,
        Param(plan.now),
        Param(seller_id),
        account_filter,
    )


_ACCOUNT_MU = minor_units_sql(q("a.currency"))


def entity_filters(lv: LevelSql, query: ListQuery, seller_id: uuid.UUID) -> Fragment:
    """The WHERE of the listed entities (alias `e`): the seller's, and every filter given."""
    f = query.filters
    where = [q("e.seller_id = {}", Param(seller_id))]
    if f.sellpage_ids:
        where.append(q("{} = ANY({})", lv.sellpage_expr, Param(list(f.sellpage_ids))))
    if f.statuses:
        where.append(q("e.status = ANY({})", Param([s.value for s in f.statuses])))
    if f.delivery_statuses:
        where.append(q("e.delivery_status = ANY({})", Param([s.value for s in f.delivery_statuses])))
    if f.campaign_ids:
        where.append(q("{} = ANY({})", lv.campaign_expr, Param(list(f.campaign_ids))))
    if f.adset_ids:
        where.append(q("{} = ANY({})", lv.adset_expr, Param(list(f.adset_ids))))
    if f.q:
        where.append(q("e.name ILIKE {} ESCAPE '\\'", Param(_like_pattern(f.q))))
    where.extend(parent_filters(f))
    for kind, keys in f.versions:  # ads only (params.parse_versions)
        where.append(
            q(
                "EXISTS (SELECT 1 FROM creatives cr WHERE cr.id = e.creative_id AND {} = ANY({}))",
                ident("cr", KEY_COLUMNS[kind]),
                Param(list(keys)),
            )
        )
    return join(" AND ", where)


# The parents' columns over the listed entity `e` (its campaign `c` is joined on ad sets and ads).
_PARENT_COLUMNS: tuple[tuple[str, LiteralString], ...] = (
    ("campaign_statuses", "c.status"),
    ("campaign_deliveries", "c.delivery_status"),
    ("adset_statuses", "(SELECT x.status FROM adsets x WHERE x.id = e.adset_id)"),
    ("adset_deliveries", "(SELECT x.delivery_status FROM adsets x WHERE x.id = e.adset_id)"),
)


def parent_filters(f: Filters) -> list[Fragment]:
    """The filters on the entity's campaign's and ad set's status and delivery (`params` refuses
    them on a level without that parent)."""
    where = []
    for name, column in _PARENT_COLUMNS:
        values = getattr(f, name)
        if values:
            where.append(q(column + " = ANY({})", Param([v.value for v in values])))
    return where


def by_currency_first(query: ListQuery) -> bool:
    """Money sorts order by currency, then value: amounts of different currencies never compare."""
    metric = METRIC_BY_NAME.get(query.sort.key) or STORE_METRIC_BY_NAME.get(query.sort.key)
    return metric is not None and metric.kind is Kind.MONEY


def keyset(query: ListQuery, tie: Fragment = q("r.id"), last: Fragment | None = None) -> Fragment:
    """Rows strictly after the cursor in ([currency,] sort value NULLS LAST, tie) order: `tie` is
    what breaks the sort's ties (an entity's id; a creative group's key and currency) and `last`
    the cursor's row's (default its id)."""
    cursor = query.cursor
    if cursor is None:
        return q("TRUE")
    after = q("{} > {}", tie, Param(cursor.last_id) if last is None else last)
    if cursor.value is None:  # already inside the NULL tail: only ties after it remain
        within = q("(r.sort_value IS NULL AND {})", after)
    else:
        cast = sql.SQL("text" if query.sort.key == "name" else "numeric")
        op = sql.SQL("<" if query.sort.descending else ">")
        value = q("CAST({} AS {})", Param(cursor.value), cast)
        within = q(
            "(r.sort_value {} {} OR (r.sort_value = {} AND {}) OR r.sort_value IS NULL)",
            op,
            value,
            value,
            after,
        )
    if not by_currency_first(query):
        return within
    currency = Param(cursor.currency or "")
    return q("(r.currency > {} OR (r.currency = {} AND {}))", currency, currency, within)


def combined_type(x: Fragment) -> Fragment:
    """Rows summed together: the result type they share, else `mixed`
    (domain.results.combined_result_type: an unknown type counts as one of its own)."""
    return q("CASE WHEN count(DISTINCT coalesce({}, '')) > 1 THEN {} ELSE max({}) END", x, lit(MIXED), x)


def types_cte(query: ListQuery, seller_id: uuid.UUID) -> Fragment:
    """`key` -> `rt`, `attr`: ad sets' result types and attribution specs (keyed by ad set), or
    campaigns' (by campaign: `mixed` when its ad sets differ). `attr` is the JSON list of the
    distinct specs under the key, named in Python (`list_rows.attribution_setting`)."""
    where = q("x.seller_id = {}", Param(seller_id))
    if query.filters.campaign_ids:
        where = q("{} AND x.campaign_id = ANY({})", where, Param(list(query.filters.campaign_ids)))
    if query.level is Level.CAMPAIGNS:
        # Each ad set's type computed once, then combined (the type's CASE written once: a
        # statement's parse and plan grow with its text).
        return q(
            "SELECT x.key, {} AS rt, CAST(jsonb_agg(DISTINCT x.attribution_spec) AS text) AS attr "
            "FROM (SELECT x.campaign_id AS key, {} AS rt, x.attribution_spec FROM adsets x WHERE {}) AS x "
            "GROUP BY x.key",
            combined_type(q("x.rt")),
            result_type_sql("x"),
            where,
        )
    return q(
        "SELECT x.id AS key, {} AS rt, CAST(jsonb_build_array(x.attribution_spec) AS text) AS attr "
        "FROM adsets x WHERE {}",
        result_type_sql("x"),
        where,
    )


# The snapshot this statement reads (the list's first): a body is kept against it
# (pixecom.adsmanager.kept_lists); none on a replica, whose snapshot the primary cannot check.
_SNAPSHOT = q("CASE WHEN pg_is_in_recovery() THEN NULL ELSE CAST(pg_current_snapshot() AS text) END")
_NULL_ENTITY = sql.SQL(
    "CAST(NULL AS uuid), NULL, NULL, NULL, NULL, NULL, CAST(NULL AS uuid), CAST(NULL AS uuid), "
    "CAST(NULL AS uuid), CAST(NULL AS uuid)"
)
RESULTS_MIXED = q("coalesce(t.rt = {}, false)", lit(MIXED))


def matched_cte(lv: LevelSql, query: ListQuery, seller_id: uuid.UUID) -> Fragment:
    """`matched`: every entity the filters match with its sums (no stats: zeros). Narrow (id,
    currency, sums): with thousands of ads its width is most of the cost; names, statuses,
    parents and result types are read for the page rows only."""
    return q(
        "SELECT e.id, acct.currency, acct.mu, {} AS rt_key, {}{} "
        "FROM {} e JOIN acct ON acct.id = e.ad_account_id {} "
        "LEFT JOIN stats st ON st.entity_id = e.id WHERE {}",
        lv.result_type_key,
        sql.SQL("e.name, " if query.sort.key == "name" else ""),
        sum_list("st", coalesce=True, cast=True),
        lv.table,
        lv.parent_join,
        entity_filters(lv, query, seller_id),
    )


def ranked_cte(query: ListQuery) -> Fragment:
    """`ranked`: `matched` with the sort value (the metric in SQL from the sums, the store's
    number, or the name). Only campaigns can be `mixed`; their results and cost per result then
    sort with the nulls, as rows without store numbers do on a store sort."""
    if query.sort.key == "name":
        return q("SELECT m.*, m.name AS sort_value FROM matched m")
    if query.sort.key in STORE_SORT_KEYS:
        lv = LEVELS[query.level]
        return q(
            "SELECT m.*, {} AS sort_value FROM matched m JOIN {} e ON e.id = m.id {} "
            "LEFT JOIN store so ON so.entity_id = m.id",
            store_sort_value(query.sort.key, lv.sellpage_expr),
            lv.table,
            lv.parent_join,
        )
    value = metric_expr(query.sort.key, "m")
    if query.level is Level.CAMPAIGNS and METRIC_BY_NAME[query.sort.key].counts_results:
        return q(
            "SELECT m.*, CASE WHEN t.rt = {} THEN NULL ELSE {} END AS sort_value "
            "FROM matched m LEFT JOIN types t ON t.key = m.rt_key",
            lit(MIXED),
            value,
        )
    return q("SELECT m.*, {} AS sort_value FROM matched m", value)


def _order(query: ListQuery, alias: str = "") -> Fragment:
    prefix = sql.SQL(alias + "." if alias else "")
    direction = sql.SQL("DESC" if query.sort.descending else "ASC")
    currency = q("{}currency, ", prefix) if by_currency_first(query) else EMPTY
    return q("{}{}sort_value {} NULLS LAST, {}id", currency, prefix, direction, prefix)


def page_cte(query: ListQuery) -> Fragment:
    """`page`: the ranked rows after the cursor, in order, one more than the page (says whether
    there is a next page)."""
    limit = EMPTY if query.limit is None else q(" LIMIT {}", Param(query.limit + 1))
    return q("SELECT r.* FROM ranked r WHERE {} ORDER BY {}{}", keyset(query), _order(query), limit)


def summed_cte() -> Fragment:
    """`summed`: every matched row (not only the page) summed per currency."""
    return q("SELECT currency, max(mu) AS mu, {} FROM matched GROUP BY currency", sum_list("matched"))


def summed_types_cte() -> Fragment:
    """`summed_types`: the result type the summed rows of each currency share, else `mixed`."""
    return q(
        "SELECT d.currency, {} AS rt FROM (SELECT DISTINCT currency, rt_key FROM matched) d "
        "LEFT JOIN types t ON t.key = d.rt_key GROUP BY d.currency",
        combined_type(q("t.rt")),
    )


def list_statement(query: ListQuery, plan: RangePlan, seller_id: uuid.UUID) -> Fragment:
    """The one statement of a list request: the page rows, the summary per currency and the
    date range envelope, as one result set (`kind` tells them apart)."""
    lv = LEVELS[query.level]
    return q(
        "WITH acct AS MATERIALIZED ({}), stats AS ({}), types AS MATERIALIZED ({}), "
        "matched AS MATERIALIZED ({}), {}, ranked AS ({}), page AS ({}), summed AS ({}), "
        "summed_types AS ({}), summed_store AS ({}) "
        "SELECT * FROM ("
        "SELECT 'row' AS kind, row_number() OVER (ORDER BY {}) AS ord, "
        "e.id, e.meta_id, e.name, e.status, e.delivery_status, e.effective_status, e.ad_account_id, "
        "{} AS campaign_id, {} AS adset_id, {} AS sellpage_id, p.currency, t.rt AS result_type, t.attr, "
        "CAST({} AS text) AS metrics, CAST(p.sort_value AS text) AS sort_text, "
        "CAST(NULL AS date) AS since, CAST(NULL AS date) AS until, CAST({} AS text) AS extra, "
        "CAST({} AS text) AS store, p.impressions, rs.reach, rs.impressions AS reach_impressions, "
        "rs.fetched_at AS reach_fetched_at "
        "FROM page p JOIN {} e ON e.id = p.id {} LEFT JOIN types t ON t.key = p.rt_key "
        "LEFT JOIN store so ON so.entity_id = p.id JOIN acct ra ON ra.id = e.ad_account_id "
        "LEFT JOIN reach_stats rs ON rs.ad_account_id = e.ad_account_id AND rs.level = {} "
        "AND rs.object_id = e.meta_id AND rs.since = ra.since AND rs.until = ra.until "
        "UNION ALL "
        "SELECT 'summary', row_number() OVER (ORDER BY s.currency), {}, s.currency, t.rt, NULL, "
        "CAST({} AS text), NULL, NULL, NULL, NULL, CAST({} AS text), s.impressions, NULL, NULL, NULL "
        "FROM summed s JOIN summed_types t ON t.currency = s.currency "
        "LEFT JOIN summed_store ss ON ss.currency = s.currency "
        "UNION ALL "
        "SELECT 'srange', 0, {}, (SELECT reporting_currency FROM sellers WHERE id = {}), NULL, NULL, NULL, "
        "NULL, min(since), max(until), {}, NULL, NULL, NULL, NULL, NULL FROM acct "
        "UNION ALL "
        "SELECT 'account', 0, a.id, a.meta_account_id, a.timezone_name, NULL, NULL, NULL, "
        "CAST(NULL AS uuid), CAST(NULL AS uuid), CAST(NULL AS uuid), CAST(NULL AS uuid), a.currency, "
        "NULL, NULL, NULL, NULL, "
        "a.since, a.until, NULL, NULL, NULL, rs.reach, rs.impressions, rs.fetched_at FROM acct a "
        "LEFT JOIN reach_stats rs ON rs.ad_account_id = a.id AND rs.level = 'account' "
        "AND rs.object_id = {} AND rs.since = a.since AND rs.until = a.until"
        ") AS result ORDER BY kind, ord",
        acct_cte(plan, query, seller_id),
        stats_cte(lv, query, plan, seller_id),
        types_cte(query, seller_id),
        matched_cte(lv, query, seller_id),
        store_ctes(query.level, plan, seller_id),
        ranked_cte(query),
        page_cte(query),
        summed_cte(),
        summed_types_cte(),
        summed_store_cte(query.level, lv.sellpage_expr, lv.parent_join, seller_id),
        _order(query, "p"),
        lv.campaign_expr,
        lv.adset_expr,
        lv.sellpage_expr,
        metrics_json("p", q("p.mu"), RESULTS_MIXED, query.columns),
        entity_columns_json(query.level),
        row_store_json(lv.sellpage_expr),
        lv.table,
        lv.parent_join,
        lit(lv.level_name),
        _NULL_ENTITY,
        metrics_json("s", q("s.mu"), RESULTS_MIXED, query.columns),
        summary_store_json(),
        _NULL_ENTITY,
        Param(seller_id),
        _SNAPSHOT,
        _ACT_ID,
    )


# Meta's id of the account `a` as reach_stats keys it (`meta.params.act_id`: "act_" once).
_ACT_ID = q(
    "CASE WHEN left(a.meta_account_id, 4) = 'act_' THEN a.meta_account_id "
    "ELSE 'act_' || a.meta_account_id END"
)


def list_entities(conn: Any, seller_id: uuid.UUID, query: ListQuery, now: datetime) -> ListResult:
    """One page (or, with limit None, every row) of a level, its summary and date range, read
    with one statement on a psycopg connection (the API's autocommit read connection,
    `db.engine.read_driver_connection`) or on the connection of a SQLAlchemy session.

    `date_range`: for a custom range, that range; for a preset, the envelope of the ranges of
    the seller's ad accounts (only those named by `ad_account_id`, when given): the earliest
    since and the latest until. When those accounts share a timezone it is exactly their range;
    across timezones each row still uses its own account's days. A seller without ad accounts
    gets the preset resolved in UTC.
    """
    plan = plan_ranges(query.dates, now)
    result = run(conn, list_statement(query, plan, seller_id))
    return split_result(query, plan, result, by_currency_first(query))
