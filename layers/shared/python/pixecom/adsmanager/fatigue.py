"""The first and last 3 days of delivery of ads, or of creative version groups: the windows the
fatigue assessment compares (`pixecom.domain.fatigue`). One statement per call.

A day of delivery is a local day with impressions (the account's timezone, as stored); a
group's day sums its ads' rows of that day (one currency: groups are per currency). The whole
stored history is read for the units asked for (the page's groups, an account's active ads).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from pixecom.adsmanager.params import DateSpec
from pixecom.adsmanager.ranges import range_for_timezone
from pixecom.adsmanager.reach_rows import reach_for_ads
from pixecom.adsmanager.statement import Fragment, Param, ident, join, q, run
from pixecom.domain.creatives import KEY_COLUMNS, VersionKind
from pixecom.domain.dates import DatePreset
from pixecom.domain.fatigue import WINDOW_DAYS, Fatigue, FatigueThresholds, Window, assess_fatigue

_SUMMED = ("spend", "impressions", "link_clicks", "results")


def _windows_statement(daily: Fragment) -> Fragment:
    """`daily` (unit, date, the four sums; delivery days only) -> per unit its day count and
    the sums of its first and last WINDOW_DAYS days."""
    parts = []
    for prefix, position in (("e", "up"), ("l", "down")):
        for column in _SUMMED:
            parts.append(
                q(
                    "COALESCE(sum({}) FILTER (WHERE {} <= {}), 0) AS {}",
                    ident("r", column),
                    ident("r", position),
                    Param(WINDOW_DAYS),
                    ident(f"{prefix}_{column}"),
                )
            )
    sums = join(", ", parts)
    return q(
        "WITH daily AS ({}), ranked AS (SELECT d.*, "
        "row_number() OVER (PARTITION BY d.unit ORDER BY d.date) AS up, "
        "row_number() OVER (PARTITION BY d.unit ORDER BY d.date DESC) AS down FROM daily d) "
        "SELECT r.unit, count(*) AS days, {} FROM ranked r GROUP BY r.unit",
        daily,
        sums,
    )


def _window(row: Mapping[str, Any], prefix: str, days: int) -> Window:
    return Window(
        days=min(days, WINDOW_DAYS),
        spend=Decimal(row[f"{prefix}_spend"]),
        impressions=int(row[f"{prefix}_impressions"]),
        link_clicks=int(row[f"{prefix}_link_clicks"]),
        results=int(row[f"{prefix}_results"]),
    )


def _assess(
    rows: Sequence[Mapping[str, Any]],
    thresholds: FatigueThresholds,
    comparable: Mapping[Any, bool],
    frequencies: Mapping[Any, Decimal | None] | None = None,
) -> dict[Any, Fatigue]:
    out = {}
    for row in rows:
        days = int(row["days"])
        out[row["unit"]] = assess_fatigue(
            _window(row, "e", days),
            _window(row, "l", days),
            delivery_days=days,
            frequency=(frequencies or {}).get(row["unit"]),
            results_comparable=comparable.get(row["unit"], True),
            thresholds=thresholds,
        )
    return out


def seller_fatigue_thresholds(conn: Any, seller_id: uuid.UUID) -> FatigueThresholds:
    """The seller's fatigue thresholds (set with the alert thresholds), else the defaults."""
    rows = run(
        conn,
        q("SELECT s.values -> 'fatigue' AS f FROM alert_settings s WHERE s.seller_id = {}", Param(seller_id)),
    )
    stored = rows[0]["f"] if rows else None
    return FatigueThresholds.model_validate(stored or {})


_DAY_SUMS = q(
    "sum(s.spend) AS spend, sum(s.impressions) AS impressions, sum(s.link_clicks) AS link_clicks, "
    "sum(s.results) AS results"
)


def recent_frequency(
    conn: Any, seller_id: uuid.UUID, ad_ids: Sequence[uuid.UUID], now: datetime
) -> dict[uuid.UUID, Decimal | None]:
    """Each ad's frequency over its account's last 7 days (local), from the reach the stats sync
    stores for that preset: Meta's own, never a sum of days, and never a Graph call here."""
    rows = run(
        conn,
        q(
            "SELECT a.id, acc.timezone_name FROM ads a JOIN ad_accounts acc ON acc.id = a.ad_account_id "
            "WHERE a.seller_id = {} AND a.id = ANY({})",
            Param(seller_id),
            Param(list(ad_ids)),
        ),
    )
    by_timezone: dict[str, list[uuid.UUID]] = {}
    for row in rows:
        by_timezone.setdefault(row["timezone_name"], []).append(row["id"])
    out: dict[uuid.UUID, Decimal | None] = {}
    for timezone_name, ids in by_timezone.items():
        days = range_for_timezone(_FREQUENCY_RANGE, now, timezone_name)
        found = reach_for_ads(conn, seller_id, ids, days.since, days.until, now, graph=None)
        out.update({ad_id: value.frequency for ad_id, value in found.items()})
    return out


_FREQUENCY_RANGE = DateSpec(preset=DatePreset.LAST_7D)


def ads_fatigue(
    conn: Any,
    seller_id: uuid.UUID,
    ad_ids: Sequence[uuid.UUID],
    thresholds: FatigueThresholds,
    now: datetime,
) -> dict[uuid.UUID, Fatigue]:
    """Each ad's fatigue (ads without delivery are left out), with its last 7 days' frequency."""
    if not ad_ids:
        return {}
    daily = q(
        "SELECT s.ad_id AS unit, s.date, {} FROM ad_stats_daily s "
        "WHERE s.seller_id = {} AND s.ad_id = ANY({}) AND s.impressions > 0 GROUP BY s.ad_id, s.date",
        _DAY_SUMS,
        Param(seller_id),
        Param(list(ad_ids)),
    )
    frequencies = recent_frequency(conn, seller_id, ad_ids, now)
    return _assess(run(conn, _windows_statement(daily)), thresholds, {}, frequencies)


def groups_fatigue(
    conn: Any,
    seller_id: uuid.UUID,
    group_by: VersionKind,
    groups: Sequence[tuple[str, str, bool]],
    account_ids: Sequence[uuid.UUID] = (),
    thresholds: FatigueThresholds | None = None,
) -> dict[tuple[str, str], Fatigue]:
    """Each (key, currency) group's fatigue over its ads' summed days; `groups` carry whether
    their results are of one type (else the cost per result is not compared). `account_ids`:
    only those accounts' ads (a limited member's, or the list's filter)."""
    if not groups:
        return {}
    key = ident("cr", KEY_COLUMNS[group_by])
    accounts = q("") if not account_ids else q(" AND s.ad_account_id = ANY({})", Param(list(account_ids)))
    daily = q(
        "SELECT a.currency || {} AS unit, s.date, {} "
        "FROM ad_stats_daily s JOIN ads e ON e.id = s.ad_id JOIN creatives cr ON cr.id = e.creative_id "
        "JOIN ad_accounts a ON a.id = s.ad_account_id "
        "WHERE s.seller_id = {} AND {} = ANY({}) AND s.impressions > 0{} GROUP BY 1, s.date",
        key,
        _DAY_SUMS,
        Param(seller_id),
        key,
        Param(sorted({k for k, _, _ in groups})),
        accounts,
    )
    # A unit is the currency (3 letters) then the key: one text column to partition by.
    comparable = {c + k: ok for k, c, ok in groups}
    found = _assess(run(conn, _windows_statement(daily)), thresholds or FatigueThresholds(), comparable)
    return {(unit[3:], unit[:3]): f for unit, f in found.items()}
