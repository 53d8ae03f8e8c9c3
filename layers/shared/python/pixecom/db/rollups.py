"""The Ads Manager's preset snapshots (migrations 0003, 0012): per ad, ad set and campaign.

`refresh_preset_stats` rebuilds one ad account's per-ad sums for every date preset when the
account's local day has changed, then the ad sets' and campaigns' from them; the rest of the
day a trigger on ad_stats_daily keeps them exact.
The stats sync calls it after each run (a cheap no-op until the account's next local midnight).
Readers use a snapshot only for the local day it was built for: skipping a refresh costs speed,
never truth.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from pixecom.db.stats_schema import SNAPSHOTS
from pixecom.domain.catalogue import SUMMED_COUNTERS
from pixecom.domain.dates import DatePreset, local_today, resolve_date_preset

_SUMS = SUMMED_COUNTERS


def preset_segments(today: date) -> tuple[list[date], list[tuple[str, int, int]]]:
    """The presets' ranges on `today` cut into disjoint segments.

    Returns the sorted segment starts (each range's since and the day after its until) and, per
    preset, its first and last segment as numbered by Postgres `width_bucket(date, starts)`.
    Summing each ad's rows once per segment, then segments per preset, reads every row once
    instead of once per preset covering it.
    """
    ranges = {preset.value: resolve_date_preset(preset, today) for preset in DatePreset}
    starts = sorted(
        {r.since for r in ranges.values()} | {r.until + timedelta(days=1) for r in ranges.values()}
    )
    bucket = {start: index + 1 for index, start in enumerate(starts)}  # width_bucket numbering
    spans = [(name, bucket[r.since], bucket[r.until + timedelta(days=1)] - 1) for name, r in ranges.items()]
    return starts, spans


def refresh_preset_stats(
    session: Session, ad_account_id: uuid.UUID, now: datetime, *, force: bool = False
) -> bool:
    """Rebuild the account's preset snapshot if its local day at `now` is not the snapshot's
    (or `force`); True when it rebuilt. Between rebuilds a trigger keeps the snapshot exact."""
    account = session.execute(
        text(
            "SELECT a.timezone_name, f.local_day FROM ad_accounts a "
            "LEFT JOIN ad_preset_stats_state f ON f.ad_account_id = a.id WHERE a.id = :id"
        ),
        {"id": ad_account_id},
    ).one_or_none()
    if account is None:
        return False
    today = local_today(now, account.timezone_name)
    if account.local_day == today and not force:
        return False
    starts, spans = preset_segments(today)
    params: dict[str, Any] = {
        "account_id": ad_account_id,
        "day": today,
        "now": now,
        "starts": starts,
        "lo": starts[0],
        "hi": starts[-1] - timedelta(days=1),
    }
    values = []
    for i, (name, first, last) in enumerate(spans):
        params[f"p{i}"], params[f"f{i}"], params[f"l{i}"] = name, first, last
        values.append(f"(CAST(:p{i} AS varchar), CAST(:f{i} AS int), CAST(:l{i} AS int))")
    sums = ", ".join(_SUMS)
    # ~60 days x every ad are grouped below: room to hash them in memory, this transaction only.
    session.execute(text("SET LOCAL work_mem = '64MB'"))
    for snapshot in SNAPSHOTS:
        session.execute(text(f"DELETE FROM {snapshot.table} WHERE ad_account_id = :account_id"), params)  # noqa: S608
    _store_ranges(session, ad_account_id, today)
    # Innermost: each ad's rows summed per segment (grouped by ad_id alone: hashing one uuid, not
    # five); then segments summed per preset; parents come from `ads`, as the stats rows copied them.
    session.execute(
        text(
            f"INSERT INTO ad_preset_stats (preset, ad_id, seller_id, ad_account_id, campaign_id, "  # noqa: S608
            f"adset_id, {sums}) "
            f"SELECT t.preset, a.id, a.seller_id, a.ad_account_id, a.campaign_id, a.adset_id, {sums} "
            f"FROM (SELECT p.preset, g.ad_id, {', '.join(f'sum(g.{c}) AS {c}' for c in _SUMS)} "
            "FROM (SELECT s.ad_id, width_bucket(s.date, CAST(:starts AS date[])) AS segment, "
            f"{', '.join(f'sum(s.{c}) AS {c}' for c in _SUMS)} "
            "FROM ad_stats_daily s WHERE s.ad_account_id = :account_id AND s.date BETWEEN :lo AND :hi "
            "GROUP BY s.ad_id, segment) AS g "
            f"JOIN (VALUES {', '.join(values)}) AS p(preset, first_segment, last_segment) "
            "ON g.segment BETWEEN p.first_segment AND p.last_segment "
            "GROUP BY p.preset, g.ad_id) AS t "
            "JOIN ads a ON a.id = t.ad_id"
        ),
        params,
    )
    for snapshot in SNAPSHOTS[1:]:  # the ad sets' and campaigns': the ads' summed per entity
        keys = ", ".join((snapshot.key, *snapshot.copied))
        session.execute(
            text(
                f"INSERT INTO {snapshot.table} (preset, {keys}, {sums}) "  # noqa: S608
                f"SELECT preset, {keys}, {', '.join(f'sum({c})' for c in _SUMS)} FROM ad_preset_stats "
                f"WHERE ad_account_id = :account_id GROUP BY preset, {keys}"
            ),
            params,
        )
    session.execute(
        text(
            "INSERT INTO ad_preset_stats_state (ad_account_id, local_day, refreshed_at) "
            "VALUES (:account_id, :day, :now) ON CONFLICT (ad_account_id) "
            "DO UPDATE SET local_day = EXCLUDED.local_day, refreshed_at = EXCLUDED.refreshed_at"
        ),
        params,
    )
    return True


def _store_ranges(session: Session, ad_account_id: uuid.UUID, today: date) -> None:
    """The presets' days on `today`: the trigger adds later writes to the presets covering them."""
    session.execute(text("DELETE FROM ad_preset_ranges WHERE ad_account_id = :id"), {"id": ad_account_id})
    session.execute(
        text(
            "INSERT INTO ad_preset_ranges (ad_account_id, preset, since, until) "
            "VALUES (:id, :preset, :since, :until)"
        ),
        [
            {"id": ad_account_id, "preset": p.value, "since": r.since, "until": r.until}
            for p in DatePreset
            for r in [resolve_date_preset(p, today)]
        ],
    )
