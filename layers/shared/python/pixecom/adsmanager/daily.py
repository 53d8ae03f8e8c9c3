"""Per-day series of one campaign, ad set or ad (charts): every day of the range, gaps as zeros."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from pixecom.adsmanager.params import DateSpec, Level
from pixecom.adsmanager.ranges import range_for_timezone
from pixecom.adsmanager.sql import LEVELS, sum_list
from pixecom.domain.attribution import attribution_label, combined_label
from pixecom.domain.dates import DateRange
from pixecom.domain.metrics import MetricTotals
from pixecom.domain.results import combined_result_type, result_type


@dataclass(frozen=True)
class DailySeries:
    entity_id: uuid.UUID
    currency: str
    result_type: str | None  # `mixed`: results and cost per result are null on every point
    attribution_setting: str | None  # in words, or `mixed`
    date_range: DateRange
    points: list[tuple[date, MetricTotals]]


# The ad sets whose optimization event counts the entity's results, per level.
_ADSETS_OF = {Level.CAMPAIGNS: "x.campaign_id", Level.ADSETS: "x.id", Level.ADS: "x.id"}
_KEY_OF = {Level.CAMPAIGNS: "e.id", Level.ADSETS: "e.id", Level.ADS: "e.adset_id"}


def daily_series(
    session: Session | Connection,
    seller_id: uuid.UUID,
    level: Level,
    entity_id: uuid.UUID,
    dates: DateSpec,
    now: datetime,
) -> DailySeries | None:
    """The entity's totals per local day of its account's range; None if the seller has no such entity."""
    lv = LEVELS[level]
    owner = session.execute(
        text(
            f"SELECT a.timezone_name, a.currency, {_KEY_OF[level]} AS rt_key FROM {lv.table} e "  # noqa: S608
            "JOIN ad_accounts a ON a.id = e.ad_account_id WHERE e.id = :id AND e.seller_id = :seller_id"
        ),
        {"id": entity_id, "seller_id": seller_id},
    ).one_or_none()
    if owner is None:
        return None
    goals = session.execute(
        text(
            "SELECT x.optimization_goal, x.promoted_event, x.attribution_spec FROM adsets x "  # noqa: S608
            f"WHERE {_ADSETS_OF[level]} = :key AND x.seller_id = :seller_id"
        ),
        {"key": owner.rt_key, "seller_id": seller_id},
    ).all()
    rt = combined_result_type(result_type(g.optimization_goal, g.promoted_event) for g in goals)
    attribution = combined_label(attribution_label(g.attribution_spec) for g in goals)
    rng = range_for_timezone(dates, now, owner.timezone_name)
    rows = session.execute(
        text(
            f"SELECT s.date, {sum_list('s')} FROM {lv.stats_table} s "  # noqa: S608
            f"WHERE s.seller_id = :seller_id AND s.{lv.stats_key} = :id "
            "AND s.date BETWEEN :since AND :until GROUP BY s.date"
        ),
        {"id": entity_id, "seller_id": seller_id, "since": rng.since, "until": rng.until},
    ).mappings()
    by_day = {m["date"]: MetricTotals.from_mapping(cast(Mapping[str, Any], m)) for m in rows}
    points = [(day, by_day.get(day, MetricTotals.zero())) for day in rng.iter_days()]
    return DailySeries(entity_id, owner.currency, rt, attribution, rng, points)
