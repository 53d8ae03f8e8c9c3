"""Per-day series of one campaign, ad set or ad (charts): every day of the range, gaps as zeros."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import text
from sqlalchemy.orm import Session

from pixecom.adsmanager.params import DateSpec, Level
from pixecom.adsmanager.ranges import range_for_timezone
from pixecom.adsmanager.sql import LEVELS, sum_list
from pixecom.domain.dates import DateRange
from pixecom.domain.metrics import MetricTotals


@dataclass(frozen=True)
class DailySeries:
    entity_id: uuid.UUID
    currency: str
    date_range: DateRange
    points: list[tuple[date, MetricTotals]]


def daily_series(
    session: Session, seller_id: uuid.UUID, level: Level, entity_id: uuid.UUID, dates: DateSpec, now: datetime
) -> DailySeries | None:
    """The entity's totals per local day of its account's range; None if the seller has no such entity."""
    lv = LEVELS[level]
    owner = session.execute(
        text(
            f"SELECT a.timezone_name, a.currency FROM {lv.table} e "  # noqa: S608
            "JOIN ad_accounts a ON a.id = e.ad_account_id WHERE e.id = :id AND e.seller_id = :seller_id"
        ),
        {"id": entity_id, "seller_id": seller_id},
    ).one_or_none()
    if owner is None:
        return None
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
    return DailySeries(entity_id, owner.currency, rng, points)
