"""The first and last 3 days of delivery of ads, or of creative version groups: the windows the
fatigue assessment compares (`pixecom.domain.fatigue`), and an ad's last 7 days' frequency.

A day of delivery is a local day with impressions (the account's timezone, as stored); a
group's day sums its ads' rows of that day (one currency: groups are per currency). The whole
stored history is read for the units asked for (the page's groups, an account's active ads),
between the seller's first and last stored day: bounds given as values, so the planner keeps
only the partitions of `ad_stats_daily` that can hold them (planning every monthly partition
costs more than reading the few that hold rows). An ads read is two statements whatever the
number of ads: the seller's accounts and days, then every ad's windows and frequency at once.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from pixecom.adsmanager.params import DateSpec
from pixecom.adsmanager.ranges import range_for_timezone
from pixecom.adsmanager.reach import Reach
from pixecom.adsmanager.statement import EMPTY, Conn, Fragment, Param, ident, join, q, run, run_tuples
from pixecom.domain.creatives import KEY_COLUMNS, VersionKind
from pixecom.domain.dates import DatePreset, DateRange
from pixecom.domain.fatigue import WINDOW_DAYS, Fatigue, FatigueThresholds, Window, assess_fatigue

_SUMMED = ("spend", "impressions", "link_clicks", "results")  # spend numeric, the counts bigint


def _windows_statement(daily: Fragment, more: Fragment = EMPTY, *, summed: bool = False) -> Fragment:
    """`daily` (unit, date, the four sums; delivery days only, one row per unit and date) -> per
    unit: the unit, its day count, the four sums of its first WINDOW_DAYS days, of its last
    WINDOW_DAYS days (`_EARLY`, `_LATE`), then `more` (further aggregates of `r`, the ranked days).
    One sort: a day's rank from the end is the count less its rank from the start. `summed`:
    `daily` sums rows per day, hashed first (else the planner sorts every row to group them)."""
    parts = []
    for last in (False, True):
        within = q("r.up > r.days - {}", Param(WINDOW_DAYS)) if last else q("r.up <= {}", Param(WINDOW_DAYS))
        for column in _SUMMED:
            # Counts come back as integers (cheaper to read than numerics, and the same values).
            cast = q("") if column == "spend" else q("::bigint")
            parts.append(q("COALESCE(sum({}) FILTER (WHERE {}), 0){}", ident("r", column), within, cast))
    sums = join(", ", parts)
    return q(
        "WITH daily AS {}({}), ranked AS (SELECT d.*, "
        "row_number() OVER (PARTITION BY d.unit ORDER BY d.date) AS up, "
        "count(*) OVER (PARTITION BY d.unit) AS days FROM daily d) "
        "SELECT r.unit, max(r.days) AS days, {}{} FROM ranked r GROUP BY r.unit",
        q("MATERIALIZED ") if summed else EMPTY,
        daily,
        sums,
        more,
    )


# A row of `_windows_statement`, as a tuple: unit, days, then each window's spend, impressions,
# link clicks and results (first days at 2, last days at 6), then the statement's `more`.
_EARLY, _LATE, _MORE = 2, 6, 10


def _window(row: Sequence[Any], at: int, days: int) -> Window:
    return Window(min(days, WINDOW_DAYS), row[at], row[at + 1], row[at + 2], row[at + 3])


def _assess(
    rows: Sequence[Sequence[Any]],
    thresholds: FatigueThresholds,
    comparable: Mapping[Any, bool],
    frequencies: Mapping[Any, Decimal | None] | None = None,
) -> dict[Any, Fatigue]:
    out = {}
    frequencies = frequencies or {}
    for row in rows:
        unit, days = row[0], row[1]
        out[unit] = assess_fatigue(
            _window(row, _EARLY, days),
            _window(row, _LATE, days),
            delivery_days=days,
            frequency=frequencies.get(unit),
            results_comparable=comparable.get(unit, True),
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


_FREQUENCY_RANGE = DateSpec(preset=DatePreset.LAST_7D)


def _stored_bounds(seller_id: uuid.UUID) -> Fragment:
    """`first_day, last_day`: the first and last day the seller has stats for (an index probe per
    partition for each; the seller's rows are exactly what the window reads filter on)."""
    return q(
        "(SELECT min(s.date) FROM ad_stats_daily s WHERE s.seller_id = {}) AS first_day, "
        "(SELECT max(s.date) FROM ad_stats_daily s WHERE s.seller_id = {}) AS last_day",
        Param(seller_id),
        Param(seller_id),
    )


def _stored(row: Mapping[str, Any]) -> DateRange | None:
    return DateRange(row["first_day"], row["last_day"]) if row["first_day"] is not None else None


@dataclass(frozen=True)
class _History:
    """The seller's ad accounts' last 7 days (local, for the frequency) and the first and last
    day the seller has stats for (None: none yet), every row of its ads between them."""

    recent: Mapping[uuid.UUID, DateRange]
    stored: DateRange | None


def _history(conn: Conn, seller_id: uuid.UUID, now: datetime) -> _History:
    """The seller's accounts and stored days, in one statement."""
    rows = run(
        conn,
        q(
            "SELECT acc.id, acc.timezone_name, {} FROM ad_accounts acc WHERE acc.seller_id = {}",
            _stored_bounds(seller_id),
            Param(seller_id),
        ),
    )
    recent = {r["id"]: range_for_timezone(_FREQUENCY_RANGE, now, r["timezone_name"]) for r in rows}
    return _History(recent, _stored(rows[0]) if rows else None)


def _stored_days(s: str, days: DateRange) -> Fragment:
    """`<s>.date BETWEEN since AND until`, values the planner sees: the partitions to plan."""
    return q("{} BETWEEN {} AND {}", ident(s, "date"), Param(days.since), Param(days.until))


def _recent_ranges(recent: Mapping[uuid.UUID, DateRange]) -> Fragment:
    """`k(acct, since, until)`: each account's last 7 days, for a WITH clause."""
    accounts = list(recent)
    return q(
        "k(acct, since, until) AS (SELECT * FROM unnest(CAST({} AS uuid[]), CAST({} AS date[]), "
        "CAST({} AS date[])))",
        Param(accounts),
        Param([recent[a].since for a in accounts]),
        Param([recent[a].until for a in accounts]),
    )


# An ad `a`'s last 7 days (`k`) and Meta's reach for exactly them (the stats sync stores it for
# the preset; a range of several days is only ever in reach_stats).
_STORED_REACH = q(
    " LEFT JOIN k ON k.acct = a.ad_account_id LEFT JOIN reach_stats r ON r.ad_account_id = a.ad_account_id "
    "AND r.level = 'ad' AND r.object_id = a.meta_id AND r.since = k.since AND r.until = k.until"
)


def _frequency(
    recent_impressions: int | None, reach: int | None, reach_impressions: int | None
) -> Decimal | None:
    """Impressions per person of the stored answer (`Reach.frequency`: the same rounding); None
    when the ad had no impressions in the range (it reached nobody, whatever is stored) or its
    reach is not stored yet."""
    if not recent_impressions or reach is None:
        return None
    return Reach(reach, reach_impressions or 0).frequency


def recent_frequency(
    conn: Any, seller_id: uuid.UUID, ad_ids: Sequence[uuid.UUID], now: datetime
) -> dict[uuid.UUID, Decimal | None]:
    """Each ad's frequency over its account's last 7 days (local), from the reach the stats sync
    stores for that preset: Meta's own, never a sum of days, and never a Graph call here."""
    history = _history(conn, seller_id, now)
    if not history.recent or not ad_ids:
        return {}
    envelope = DateRange(
        min(r.since for r in history.recent.values()), max(r.until for r in history.recent.values())
    )
    rows = run_tuples(
        conn,
        q(
            "WITH {} SELECT a.id, (SELECT sum(s.impressions) FROM ad_stats_daily s WHERE s.ad_id = a.id "
            "AND s.date BETWEEN k.since AND k.until AND {})::bigint, r.reach, r.impressions "
            "FROM ads a{} WHERE a.seller_id = {} AND a.id = ANY({})",
            _recent_ranges(history.recent),
            _stored_days("s", envelope),
            _STORED_REACH,
            Param(seller_id),
            Param(list(ad_ids)),
        ),
    )
    return {row[0]: _frequency(*row[1:]) for row in rows}


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
    history = _history(conn, seller_id, now)
    if history.stored is None:
        return {}
    # An ad has one row a day (the primary key): its rows are its days, nothing to sum first.
    # Each row's impressions in its account's last 7 days come along (the rows of an ad are its
    # account's, dated in its timezone): whether the ad reached anyone in the frequency's range.
    daily = q(
        "SELECT s.ad_id AS unit, s.date, s.spend, s.impressions, s.link_clicks, s.results, "
        "CASE WHEN s.date BETWEEN k.since AND k.until THEN s.impressions END AS recent_impressions "
        "FROM ad_stats_daily s LEFT JOIN k ON k.acct = s.ad_account_id "
        "WHERE s.seller_id = {} AND s.ad_id = ANY({}) AND {} AND s.impressions > 0",
        Param(seller_id),
        Param(list(ad_ids)),
        _stored_days("s", history.stored),
    )
    windows = _windows_statement(daily, q(", sum(r.recent_impressions)::bigint"))
    rows = run_tuples(
        conn,
        q(
            "WITH {} SELECT w.*, r.reach, r.impressions FROM ({}) w "
            "LEFT JOIN ads a ON a.id = w.unit AND a.seller_id = {}{}",
            _recent_ranges(history.recent),
            windows,
            Param(seller_id),
            _STORED_REACH,
        ),
    )
    frequencies = {row[0]: _frequency(*row[_MORE:]) for row in rows}
    return _assess(rows, thresholds, {}, frequencies)


_DAY_SUMS = q(
    "sum(s.spend) AS spend, sum(s.impressions) AS impressions, sum(s.link_clicks) AS link_clicks, "
    "sum(s.results) AS results"
)


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
    stored = _stored(run(conn, q("SELECT {}", _stored_bounds(seller_id)))[0])
    if stored is None:
        return {}
    key = ident("cr", KEY_COLUMNS[group_by])
    accounts = q("") if not account_ids else q(" AND s.ad_account_id = ANY({})", Param(list(account_ids)))
    daily = q(
        "SELECT a.currency || {} AS unit, s.date, {} "
        "FROM ad_stats_daily s JOIN ads e ON e.id = s.ad_id JOIN creatives cr ON cr.id = e.creative_id "
        "JOIN ad_accounts a ON a.id = s.ad_account_id "
        "WHERE s.seller_id = {} AND {} = ANY({}) AND {} AND s.impressions > 0{} GROUP BY 1, s.date",
        key,
        _DAY_SUMS,
        Param(seller_id),
        key,
        Param(sorted({k for k, _, _ in groups})),
        _stored_days("s", stored),
        accounts,
    )
    # A unit is the currency (3 letters) then the key: one text column to partition by.
    comparable = {c + k: ok for k, c, ok in groups}
    found = _assess(
        run_tuples(conn, _windows_statement(daily, summed=True)),
        thresholds or FatigueThresholds(),
        comparable,
    )
    return {(unit[3:], unit[:3]): f for unit, f in found.items()}
