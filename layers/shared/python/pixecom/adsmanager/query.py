"""The Ads Manager list: ONE SQL statement per request, whatever the page size.

The statement (see `build_list_sql`) has these parts:

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
- the date range envelope over the accounts.

Postgres computes and formats every metric (`sql.metrics_json`: the currency's minor units,
ratios to 4 decimals, nulls where undefined or mixed) and returns each row's `metrics` as JSON
text, so the API splices it into the response without touching a number. All parts come back
as one result set (UNION ALL, a `kind` column tells them apart). The API runs it on the psycopg
connection itself (`read_entities`); exports and rules use `list_entities` on a session.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from psycopg.rows import dict_row
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from pixecom.adsmanager.entity_columns import extra_json_sql
from pixecom.adsmanager.params import Cursor, Level, ListQuery
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
from pixecom.adsmanager.stats import stats_cte
from pixecom.domain.attribution import attribution_label, combined_label
from pixecom.domain.dates import DateRange
from pixecom.domain.metrics import METRIC_BY_NAME, Kind
from pixecom.domain.results import MIXED


@dataclass(frozen=True)
class EntityRow:
    id: uuid.UUID
    meta_id: str
    name: str
    status: str
    delivery_status: str
    effective_status: str
    ad_account_id: uuid.UUID
    campaign_id: uuid.UUID | None
    adset_id: uuid.UUID | None
    sellpage_id: uuid.UUID | None
    currency: str
    result_type: str | None
    attribution_setting: str | None
    metrics_json: str  # the formatted `metrics` object, as Postgres built it
    extra_json: str = "{}"  # budget, bids, parents' names: adsmanager.entity_columns


@dataclass(frozen=True)
class CurrencyTotals:
    currency: str
    result_type: str | None
    metrics_json: str


@dataclass(frozen=True)
class ListResult:
    rows: list[EntityRow]
    summary: list[CurrencyTotals]
    next_cursor: Cursor | None
    date_range: DateRange


def _like_pattern(q: str) -> str:
    """`q` as a literal 'contains' ILIKE pattern (its own % and _ escaped)."""
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def acct_cte(plan: RangePlan, query: ListQuery, params: dict[str, Any]) -> str:
    account_filter = ""
    if query.filters.ad_account_ids:
        params["ad_account_ids"] = list(query.filters.ad_account_ids)
        account_filter = " AND a.id = ANY(:ad_account_ids)"
    if plan.custom is not None:
        params["since"], params["until"] = plan.custom.since, plan.custom.until
        return (
            "SELECT a.id, a.currency, CAST(:since AS date) AS since, CAST(:until AS date) AS until, "  # noqa: S608
            f"false AS fresh, {minor_units_sql('a.currency')} AS mu "
            f"FROM ad_accounts a WHERE a.seller_id = :seller_id{account_filter}"
        )
    values = []
    for i, (day, rng) in enumerate(plan.by_local_day):
        params[f"d{i}"], params[f"s{i}"], params[f"u{i}"] = day, rng.since, rng.until
        values.append(f"(CAST(:d{i} AS date), CAST(:s{i} AS date), CAST(:u{i} AS date))")
    params["now"] = plan.now
    return (
        f"SELECT a.id, a.currency, r.since, r.until, {minor_units_sql('a.currency')} AS mu, "  # noqa: S608
        # fresh: the account's preset snapshot (migration 0003) is for its current local day.
        "EXISTS (SELECT 1 FROM ad_preset_stats_state f "
        "WHERE f.ad_account_id = a.id AND f.local_day = r.local_day) AS fresh "
        "FROM ad_accounts a "
        f"JOIN (VALUES {', '.join(values)}) AS r(local_day, since, until) "
        "ON r.local_day = CAST(CAST(:now AS timestamptz) AT TIME ZONE a.timezone_name AS date) "
        f"WHERE a.seller_id = :seller_id{account_filter}"
    )


def _entity_filters(lv: LevelSql, query: ListQuery, params: dict[str, Any]) -> str:
    f = query.filters
    where = ["e.seller_id = :seller_id"]
    if f.sellpage_ids:
        params["sellpage_ids"] = list(f.sellpage_ids)
        where.append(f"{lv.sellpage_expr} = ANY(:sellpage_ids)")
    if f.statuses:
        params["statuses"] = [s.value for s in f.statuses]
        where.append("e.status = ANY(:statuses)")
    if f.delivery_statuses:
        params["delivery_statuses"] = [s.value for s in f.delivery_statuses]
        where.append("e.delivery_status = ANY(:delivery_statuses)")
    if f.campaign_ids:
        params["campaign_ids"] = list(f.campaign_ids)
        where.append(f"{lv.campaign_expr} = ANY(:campaign_ids)")
    if f.adset_ids:
        params["adset_ids"] = list(f.adset_ids)
        where.append(f"{lv.adset_expr} = ANY(:adset_ids)")
    if f.q:
        params["q"] = _like_pattern(f.q)
        where.append("e.name ILIKE :q ESCAPE '\\'")
    return " AND ".join(where)


def by_currency_first(query: ListQuery) -> bool:
    """Money sorts order by currency, then value: amounts of different currencies never compare."""
    metric = METRIC_BY_NAME.get(query.sort.key)
    return metric is not None and metric.kind is Kind.MONEY


def _keyset(query: ListQuery, params: dict[str, Any]) -> str:
    """Rows strictly after the cursor in ([currency,] sort value NULLS LAST, id) order."""
    cursor = query.cursor
    if cursor is None:
        return "TRUE"
    params["cursor_id"] = cursor.last_id
    if cursor.value is None:  # already inside the NULL tail: only ids after it remain
        within = "(r.sort_value IS NULL AND r.id > :cursor_id)"
    else:
        params["cursor_value"] = cursor.value
        cast = "text" if query.sort.key == "name" else "numeric"
        op = "<" if query.sort.descending else ">"
        value = f"CAST(:cursor_value AS {cast})"
        within = (
            f"(r.sort_value {op} {value} OR (r.sort_value = {value} AND r.id > :cursor_id) "
            "OR r.sort_value IS NULL)"
        )
    if not by_currency_first(query):
        return within
    params["cursor_currency"] = cursor.currency or ""
    return f"(r.currency > :cursor_currency OR (r.currency = :cursor_currency AND {within}))"


# Rows summed together: the result type they share, else `mixed` (domain.results.combined_result_type:
# an unknown type counts as one of its own, `mixed` stays `mixed`).
_COMBINED_TYPE = "CASE WHEN count(DISTINCT coalesce({x}, '')) > 1 THEN 'mixed' ELSE max({x}) END"


def types_cte(query: ListQuery, params: dict[str, Any]) -> str:
    """`key` -> `rt`, `attr`: ad sets' result types and attribution specs (keyed by ad set), or
    campaigns' (by campaign: `mixed` when its ad sets differ). `attr` is the JSON list of the
    distinct specs under the key, named in Python (`attribution_setting`)."""
    where = "x.seller_id = :seller_id"
    if query.filters.campaign_ids:
        where += " AND x.campaign_id = ANY(:campaign_ids)"
    if query.level is Level.CAMPAIGNS:
        return (
            f"SELECT x.campaign_id AS key, {_COMBINED_TYPE.format(x=result_type_sql('x'))} AS rt, "  # noqa: S608
            "CAST(jsonb_agg(DISTINCT x.attribution_spec) AS text) AS attr "
            f"FROM adsets x WHERE {where} GROUP BY x.campaign_id"
        )
    return (
        f"SELECT x.id AS key, {result_type_sql('x')} AS rt, "  # noqa: S608
        f"CAST(jsonb_build_array(x.attribution_spec) AS text) AS attr FROM adsets x WHERE {where}"
    )


@lru_cache(maxsize=1024)
def attribution_setting(specs_json: str | None) -> str | None:
    """The row's attribution setting in words from the JSON list of its ad sets' distinct specs:
    "7-day click or 1-day view", `mixed` when they differ, None when none is known."""
    if specs_json is None:
        return None
    specs = json.loads(specs_json)
    return combined_label(attribution_label(spec) for spec in specs)


RT_KEY = {Level.CAMPAIGNS: "e.id", Level.ADSETS: "e.id", Level.ADS: "e.adset_id"}
_NULL_ENTITY = (
    "CAST(NULL AS uuid), NULL, NULL, NULL, NULL, NULL, CAST(NULL AS uuid), CAST(NULL AS uuid), "
    "CAST(NULL AS uuid), CAST(NULL AS uuid)"
)
_MIXED = f"coalesce(t.rt = '{MIXED}', false)"


def build_list_sql(query: ListQuery, plan: RangePlan, seller_id: uuid.UUID) -> tuple[str, dict[str, Any]]:
    """The one statement of a list request and its bind parameters."""
    lv = LEVELS[query.level]
    envelope = plan.envelope
    params: dict[str, Any] = {"seller_id": seller_id, "lo": envelope.since, "hi": envelope.until}
    acct = acct_cte(plan, query, params)
    where = _entity_filters(lv, query, params)
    stats = stats_cte(lv, query, plan, params)
    types = types_cte(query, params)
    direction = "DESC" if query.sort.descending else "ASC"
    currency_first = "currency, " if by_currency_first(query) else ""
    order = f"{currency_first}sort_value {direction} NULLS LAST, id"
    page_order = f"{'p.currency, ' if currency_first else ''}p.sort_value {direction} NULLS LAST, p.id"
    limit = ""
    if query.limit is not None:
        params["limit"] = query.limit + 1
        limit = "LIMIT :limit"
    by_name = query.sort.key == "name"
    sort_expr = "m.name" if by_name else metric_expr(query.sort.key, "m")
    # Only campaigns can be `mixed`; their results and cost per result then sort with the nulls.
    mixed_sort = (
        not by_name and query.level is Level.CAMPAIGNS and METRIC_BY_NAME[query.sort.key].counts_results
    )
    ranked_from = "matched m"
    if mixed_sort:
        sort_expr = f"CASE WHEN t.rt = '{MIXED}' THEN NULL ELSE {sort_expr} END"
        ranked_from = "matched m LEFT JOIN types t ON t.key = m.rt_key"
    # `matched` stays narrow (id, currency, sums): with thousands of ads its width is most of the
    # cost. Names, statuses, parents and result types are read for the page rows only.
    # Only fixed fragments (LEVELS, the domain's tables, a validated sort key) are interpolated;
    # every client value is a bind parameter.
    sql = f"""
WITH acct AS MATERIALIZED ({acct}),
stats AS ({stats}),
types AS MATERIALIZED ({types}),
matched AS MATERIALIZED (
  SELECT e.id, acct.currency, acct.mu, {RT_KEY[query.level]} AS rt_key, {"e.name, " if by_name else ""}
         {sum_list("st", coalesce=True, cast=True)}
  FROM {lv.table} e JOIN acct ON acct.id = e.ad_account_id {lv.parent_join}
  LEFT JOIN stats st ON st.entity_id = e.id
  WHERE {where}
),
ranked AS (SELECT m.*, {sort_expr} AS sort_value FROM {ranked_from}),
page AS (SELECT r.* FROM ranked r WHERE {_keyset(query, params)} ORDER BY {order} {limit}),
summed AS (SELECT currency, max(mu) AS mu, {sum_list("matched")} FROM matched GROUP BY currency),
summed_types AS (
  SELECT d.currency, {_COMBINED_TYPE.format(x="t.rt")} AS rt
  FROM (SELECT DISTINCT currency, rt_key FROM matched) d LEFT JOIN types t ON t.key = d.rt_key
  GROUP BY d.currency
)
SELECT * FROM (
  SELECT 'row' AS kind,
         row_number() OVER (ORDER BY {page_order}) AS ord,
         e.id, e.meta_id, e.name, e.status, e.delivery_status, e.effective_status, e.ad_account_id,
         {lv.campaign_expr} AS campaign_id, {lv.adset_expr} AS adset_id,
         {lv.sellpage_expr} AS sellpage_id, p.currency, t.rt AS result_type, t.attr,
         CAST({metrics_json("p", "p.mu", _MIXED)} AS text) AS metrics,
         CAST(p.sort_value AS text) AS sort_text, CAST(NULL AS date) AS since, CAST(NULL AS date) AS until,
         CAST({extra_json_sql(query.level)} AS text) AS extra
  FROM page p JOIN {lv.table} e ON e.id = p.id {lv.parent_join}
  LEFT JOIN types t ON t.key = p.rt_key
  UNION ALL
  SELECT 'summary', row_number() OVER (ORDER BY s.currency), {_NULL_ENTITY}, s.currency, t.rt, NULL,
         CAST({metrics_json("s", "s.mu", _MIXED)} AS text), NULL, NULL, NULL, NULL
  FROM summed s JOIN summed_types t ON t.currency = s.currency
  UNION ALL
  SELECT 'srange', 0, {_NULL_ENTITY}, NULL, NULL, NULL, NULL, NULL, min(since), max(until), NULL FROM acct
) AS result ORDER BY kind, ord
"""  # noqa: S608
    return sql, params


def _entity_row(m: Mapping[Any, Any]) -> EntityRow:
    return EntityRow(
        id=m["id"],
        meta_id=m["meta_id"],
        name=m["name"],
        status=m["status"],
        delivery_status=m["delivery_status"],
        effective_status=m["effective_status"],
        ad_account_id=m["ad_account_id"],
        campaign_id=m["campaign_id"],
        adset_id=m["adset_id"],
        sellpage_id=m["sellpage_id"],
        currency=m["currency"],
        result_type=m["result_type"],
        attribution_setting=attribution_setting(m["attr"]),
        metrics_json=m["metrics"],
        extra_json=m["extra"],
    )


def _split_result(query: ListQuery, plan: RangePlan, result: Sequence[Mapping[Any, Any]]) -> ListResult:
    page = [m for m in result if m["kind"] == "row"]
    next_cursor = None
    if query.limit is not None and len(page) > query.limit:
        page = page[: query.limit]
        last = page[-1]
        next_cursor = Cursor(
            sort=query.sort.token,
            value=last["sort_text"],
            last_id=last["id"],
            query=query.fingerprint,
            currency=last["currency"] if by_currency_first(query) else None,
        )
    summary = [
        CurrencyTotals(m["currency"], m["result_type"], m["metrics"])
        for m in result
        if m["kind"] == "summary"
    ]
    envelope = next(m for m in result if m["kind"] == "srange")
    since: date | None = envelope["since"]
    until: date | None = envelope["until"]
    date_range = DateRange(since, until) if since and until else plan.utc_range()
    return ListResult([_entity_row(m) for m in page], summary, next_cursor, date_range)


def list_entities(
    session: Session | Connection, seller_id: uuid.UUID, query: ListQuery, now: datetime
) -> ListResult:
    """One page (or, with limit None, every row) of a level, its summary and date range.

    `date_range`: for a custom range, that range; for a preset, the envelope of the ranges of
    the seller's ad accounts (only those named by `ad_account_id`, when given): the earliest
    since and the latest until. When those accounts share a timezone it is exactly their range;
    across timezones each row still uses its own account's days. A seller without ad accounts
    gets the preset resolved in UTC.
    """
    plan = plan_ranges(query.dates, now)
    sql, params = build_list_sql(query, plan, seller_id)
    result = session.execute(text(sql), params).mappings().all()
    return _split_result(query, plan, result)


# SQLAlchemy's own pattern for `:name` bind parameters in text() (never `::` casts).
_BIND = re.compile(r"(?<![:\w\\]):(\w+)(?!:)")


@lru_cache(maxsize=256)
def driver_sql(sql: str) -> str:
    """`sql` with `:name` parameters as psycopg's `%(name)s` (literal % doubled)."""
    return _BIND.sub(r"%(\1)s", sql.replace("%", "%%"))


def read_entities(conn: Any, seller_id: uuid.UUID, query: ListQuery, now: datetime) -> ListResult:
    """`list_entities` on a psycopg connection (`db.engine.read_driver_connection`): the same
    statement and result, without SQLAlchemy compiling the statement and wrapping ~50 rows
    (~1 ms of CPU per request)."""
    plan = plan_ranges(query.dates, now)
    sql, params = build_list_sql(query, plan, seller_id)
    with conn.cursor(row_factory=dict_row) as cursor:
        rows = cursor.execute(driver_sql(sql), params).fetchall()
    return _split_result(query, plan, rows)
