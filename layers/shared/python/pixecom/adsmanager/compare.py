"""Period comparison of an Ads Manager list (`compare=`): the previous period's metrics of the
page rows and of the summary, in ONE more statement built from the list statement's parts.

The comparison range comes from each account's own range (`ranges.compare_plan`: a preset's days
in the account's timezone, moved back), so the accounts of a seller in different timezones each
compare their own days. The matched rows are the list's (the filters do not depend on dates):
the previous sums are read live from the daily stats (`stats.range_stats`; the preset snapshots
hold the current presets only) and formatted by the same SQL (`sql.metrics_json`). Ad sets and
ads whose filters keep whole campaigns (none, or accounts and campaigns only) read the previous
sums of the page rows alone and the summary's from the campaign rollup, not every ad's days
(`/ads` of 5,000 ads, last_30d: 326 -> 74 ms, tests/bench/ads_manager_bench.py). The relative
change of each metric is computed from the two formatted values (`relative_change`), so it is
the change between the numbers the seller reads.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pixecom.adsmanager.list_rows import Comparison, ListResult
from pixecom.adsmanager.params import Level, ListQuery
from pixecom.adsmanager.query import (
    RESULTS_MIXED,
    acct_cte,
    list_entities,
    matched_cte,
    summed_cte,
    summed_types_cte,
    types_cte,
)
from pixecom.adsmanager.ranges import RangePlan, compare_plan, plan_ranges
from pixecom.adsmanager.sql import LEVELS, metrics_json
from pixecom.adsmanager.statement import Fragment, Param, ident, join, q, run
from pixecom.adsmanager.stats import range_stats, stats_pushdown
from pixecom.domain.catalogue import SUMMED_COUNTERS
from pixecom.domain.dates import DateRange

CHANGE_DECIMALS = 4


def compare_statement(
    query: ListQuery, plan: RangePlan, seller_id: uuid.UUID, page_ids: Sequence[uuid.UUID]
) -> Fragment:
    """The previous period's metrics of the rows `page_ids` and of every matched row per
    currency (the summary), and the comparison range's envelope; `plan` is the comparison's."""
    lv = LEVELS[query.level]
    pushdown = stats_pushdown(query.filters)
    if summary_from_campaigns(query):
        # The rows' sums for the page only; the summary's from the campaign rollup.
        stats = range_stats(
            lv, plan, seller_id, q("{} AND s.{} = ANY({})", pushdown, lv.stats_key, Param(list(page_ids)))
        )
        summed = campaign_summed(plan, seller_id, pushdown)
    else:
        stats = range_stats(lv, plan, seller_id, pushdown)
        summed = summed_cte()
    return q(
        "WITH acct AS MATERIALIZED ({}), stats AS ({}), types AS MATERIALIZED ({}), "
        "matched AS MATERIALIZED ({}), summed AS ({}), summed_types AS ({}) "
        "SELECT 'row' AS kind, m.id, m.currency, CAST({} AS text) AS metrics, "
        "CAST(NULL AS date) AS since, CAST(NULL AS date) AS until "
        "FROM matched m LEFT JOIN types t ON t.key = m.rt_key WHERE m.id = ANY({}) "
        "UNION ALL "
        "SELECT 'summary', NULL, s.currency, CAST({} AS text), NULL, NULL "
        "FROM summed s JOIN summed_types t ON t.currency = s.currency "
        "UNION ALL "
        "SELECT 'srange', NULL, NULL, NULL, min(since), max(until) FROM acct",
        acct_cte(plan, query, seller_id),
        stats,
        types_cte(query, seller_id),
        matched_cte(lv, query, seller_id),
        summed,
        summed_types_cte(),
        metrics_json("m", q("m.mu"), RESULTS_MIXED, query.columns),
        Param(list(page_ids)),
        metrics_json("s", q("s.mu"), RESULTS_MIXED, query.columns),
    )


# Filters that keep whole campaigns: with no other, the ad sets or ads a list matches are every
# one of the matched campaigns', and their sums per currency are the campaign rollup's.
_CAMPAIGN_WIDE = frozenset({"ad_account_ids", "campaign_ids"})


def summary_from_campaigns(query: ListQuery) -> bool:
    """Whether the summary's previous sums can come from the campaign rollup (ad sets and ads
    whose filters keep whole campaigns): ~50x fewer rows than ad_stats_daily to sum."""
    if query.level is Level.CAMPAIGNS:
        return False  # already the campaign rollup
    f = query.filters
    return not any(
        getattr(f, field.name) for field in dataclasses.fields(f) if field.name not in _CAMPAIGN_WIDE
    )


def campaign_summed(plan: RangePlan, seller_id: uuid.UUID, pushdown: Fragment) -> Fragment:
    """`summed` from the campaign rollup over each account's range: per currency of the listed
    accounts, zeros where nothing ran (as the matched rows' sums would be)."""
    sums = join(
        ", ",
        (q("CAST(sum(COALESCE({}, 0)) AS numeric) AS {}", ident("x", c), ident(c)) for c in SUMMED_COUNTERS),
    )
    return q(
        "SELECT acct.currency, max(acct.mu) AS mu, {} FROM acct LEFT JOIN "
        "(SELECT c.ad_account_id, cs.* FROM ({}) AS cs JOIN campaigns c ON c.id = cs.entity_id) AS x "
        "ON x.ad_account_id = acct.id GROUP BY acct.currency",
        sums,
        range_stats(LEVELS[Level.CAMPAIGNS], plan, seller_id, pushdown),
    )


def list_compared(conn: Any, seller_id: uuid.UUID, query: ListQuery, now: datetime) -> ListResult:
    """`query.list_entities`, with the comparison when the query asks for one (a second statement
    on the same connection)."""
    result = list_entities(conn, seller_id, query, now)
    if query.compare is None:
        return result
    plan = plan_ranges(query.dates, now)
    comparison = read_comparison(conn, seller_id, query, plan, [row.id for row in result.rows])
    return dataclasses.replace(result, comparison=comparison)


def read_comparison(
    conn: Any, seller_id: uuid.UUID, query: ListQuery, plan: RangePlan, page_ids: Sequence[uuid.UUID]
) -> Comparison:
    """The comparison of a list whose range plan is `plan` and whose page holds `page_ids`."""
    assert query.compare is not None
    previous = compare_plan(plan, query.compare)
    result = run(conn, compare_statement(query, previous, seller_id, page_ids))
    envelope = next(m for m in result if m["kind"] == "srange")
    since, until = envelope["since"], envelope["until"]
    return Comparison(
        rows={m["id"]: m["metrics"] for m in result if m["kind"] == "row"},
        summary={m["currency"]: m["metrics"] for m in result if m["kind"] == "summary"},
        date_range=DateRange(since, until) if since and until else previous.utc_range(),
    )


_QUANTUM = Decimal(1).scaleb(-CHANGE_DECIMALS)
# Ratios parsed from the metrics' JSON straight into Decimals: exactly the digits shown.
_DECIMAL_JSON = json.JSONDecoder(parse_float=Decimal)


def _number(value: object) -> Decimal | None:
    """A metric's JSON value (money text, a count, a ratio) as a Decimal; None stays None."""
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(str(value))


def relative_change(current: object, previous: object) -> float | None:
    """(current - previous) / previous, rounded half-up to 4 decimals (0.25 = 25% more); null
    when either is null or the previous value is 0 (no ratio to a nothing)."""
    now, before = _number(current), _number(previous)
    if now is None or before is None or not before:
        return None
    return float(((now - before) / before).quantize(_QUANTUM, ROUND_HALF_UP))


def changes(current_json: str, previous_json: str) -> dict[str, float | None]:
    """Each metric's relative change, in the order of the current `metrics` object."""
    current: Mapping[str, object] = _DECIMAL_JSON.decode(current_json)
    previous: Mapping[str, object] = _DECIMAL_JSON.decode(previous_json)
    return {name: relative_change(value, previous.get(name)) for name, value in current.items()}
