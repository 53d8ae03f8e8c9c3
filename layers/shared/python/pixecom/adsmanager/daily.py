"""Per-day series of one campaign, ad set or ad (charts): every day of the range, gaps as zeros."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from psycopg import sql
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from pixecom.adsmanager.params import CompareSpec, DateSpec, Level
from pixecom.adsmanager.ranges import range_for_timezone
from pixecom.adsmanager.sql import LEVELS, LevelSql, metrics_json, minor_units_sql, sum_list
from pixecom.adsmanager.statement import Fragment, Param, q, run
from pixecom.domain.attribution import attribution_label, combined_label
from pixecom.domain.dates import CompareMode, DateRange, one_year_earlier, previous_range
from pixecom.domain.results import MIXED, combined_result_type, result_type


@dataclass(frozen=True)
class DailySeries:
    entity_id: uuid.UUID
    currency: str
    result_type: str | None  # `mixed`: results and cost per result are null on every point
    attribution_setting: str | None  # in words, or `mixed`
    date_range: DateRange
    points: list[tuple[date, str]]  # each day's `metrics` object as JSON text, as Postgres built it
    reach_unavailable: Mapping[date, str] = field(default_factory=dict)  # days without reach: why
    # compare=: the comparison range and, per point, the day it is compared with and its metrics.
    compare_range: DateRange | None = None
    previous: list[tuple[date, str] | None] | None = None


# The ad sets whose optimization event counts the entity's results, per level.
_ADSETS_OF = {
    Level.CAMPAIGNS: sql.SQL("x.campaign_id"),
    Level.ADSETS: sql.SQL("x.id"),
    Level.ADS: sql.SQL("x.id"),
}


def daily_series(
    session: Session | Connection,
    seller_id: uuid.UUID,
    level: Level,
    entity_id: uuid.UUID,
    dates: DateSpec,
    now: datetime,
    compare: CompareSpec | None = None,
) -> DailySeries | None:
    """The entity's totals per local day of its account's range; None if the seller has no such entity."""
    lv = LEVELS[level]
    owners = run(
        session,
        q(
            "SELECT a.timezone_name, a.currency, {} AS rt_key FROM {} e "
            "JOIN ad_accounts a ON a.id = e.ad_account_id WHERE e.id = {} AND e.seller_id = {}",
            lv.result_type_key,
            lv.table,
            Param(entity_id),
            Param(seller_id),
        ),
    )
    if not owners:
        return None
    owner = owners[0]
    goals = run(
        session,
        q(
            "SELECT x.optimization_goal, x.promoted_event, x.attribution_spec FROM adsets x "
            "WHERE {} = {} AND x.seller_id = {}",
            _ADSETS_OF[level],
            Param(owner["rt_key"]),
            Param(seller_id),
        ),
    )
    rt = combined_result_type(result_type(g["optimization_goal"], g["promoted_event"]) for g in goals)
    attribution = combined_label(attribution_label(g["attribution_spec"]) for g in goals)
    rng = range_for_timezone(dates, now, owner["timezone_name"])
    mixed = rt == MIXED
    rows = run(session, daily_statement(lv, seller_id, entity_id, rng, owner["currency"], mixed))
    points = [(m["date"], m["metrics"]) for m in rows]
    series = DailySeries(entity_id, owner["currency"], rt, attribution, rng, points)
    if compare is None:
        return series
    other = compare.custom if compare.mode is None else previous_range(rng, compare.mode)
    assert other is not None
    rows = run(session, daily_statement(lv, seller_id, entity_id, other, owner["currency"], mixed))
    before = [(m["date"], m["metrics"]) for m in rows]
    return replace(series, compare_range=other, previous=aligned(points, before, compare))


def aligned(
    points: list[tuple[date, str]], before: list[tuple[date, str]], compare: CompareSpec
) -> list[tuple[date, str] | None]:
    """The earlier day each point is compared with: the same date a year before (previous_year),
    else the day at the same place in the comparison range; None past its end."""
    if compare.mode is CompareMode.PREVIOUS_YEAR:
        by_day = dict(before)
        return [(one_year_earlier(day), by_day[one_year_earlier(day)]) for day, _ in points]
    return [before[i] if i < len(before) else None for i in range(len(points))]


def daily_statement(
    lv: LevelSql, seller_id: uuid.UUID, entity_id: uuid.UUID, rng: DateRange, currency: str, mixed: bool
) -> Fragment:
    """One row per day of `rng` (days without stats: zeros) with its `metrics` as JSON text,
    formatted by the same SQL as the lists' rows and summaries (`sql.metrics_json`)."""
    return q(
        "SELECT CAST(d.day AS date) AS date, CAST({} AS text) AS metrics "
        "FROM generate_series(CAST({} AS date), CAST({} AS date), interval '1 day') AS d(day) "
        "LEFT JOIN (SELECT s.date, {} FROM {} s WHERE s.seller_id = {} AND s.{} = {} "
        "AND s.date BETWEEN {} AND {} GROUP BY s.date) AS t ON t.date = CAST(d.day AS date) "
        "CROSS JOIN LATERAL (SELECT {}) AS z ORDER BY d.day",
        metrics_json("z", minor_units_sql(q("CAST({} AS text)", Param(currency))), q("{}", Param(mixed))),
        Param(rng.since),
        Param(rng.until),
        sum_list("s"),
        lv.stats_table,
        Param(seller_id),
        lv.stats_key,
        Param(entity_id),
        Param(rng.since),
        Param(rng.until),
        sum_list("t", coalesce=True, cast=True),
    )
