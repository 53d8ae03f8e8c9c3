"""Stats rollups that code maintains (the per-day campaign/ad set rollups are trigger-maintained).

`refresh_preset_stats` rebuilds one ad account's per-ad sums for every date preset on the
account's current local day (migration 0003). Call it in the same transaction, after writing the
account's ad_stats_daily rows (the write itself invalidated the previous snapshot). Readers use a
snapshot only for the local day it was built for, so skipping a refresh costs speed, not truth.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from pixecom.domain.dates import DatePreset, local_today, resolve_date_preset

_SUMS = (
    "spend",
    "impressions",
    "clicks",
    "link_clicks",
    "content_views",
    "add_to_cart",
    "initiate_checkout",
    "purchases",
    "purchase_value",
    "results",
)


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


def refresh_preset_stats(session: Session, ad_account_id: uuid.UUID, now: datetime) -> bool:
    """Rebuild the account's preset snapshot for its local day at `now`; False if no such account."""
    account = session.execute(
        text("SELECT timezone_name FROM ad_accounts WHERE id = :id"), {"id": ad_account_id}
    ).one_or_none()
    if account is None:
        return False
    today = local_today(now, account.timezone_name)
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
    keys = "ad_id, seller_id, ad_account_id, campaign_id, adset_id"
    session.execute(text("DELETE FROM ad_preset_stats WHERE ad_account_id = :account_id"), params)
    session.execute(
        text(
            f"INSERT INTO ad_preset_stats (preset, {keys}, {', '.join(_SUMS)}) "  # noqa: S608
            f"SELECT p.preset, {', '.join(f'g.{k}' for k in keys.split(', '))}, "
            f"{', '.join(f'sum(g.{c})' for c in _SUMS)} "
            f"FROM (SELECT {', '.join(f's.{k}' for k in keys.split(', '))}, "
            "width_bucket(s.date, CAST(:starts AS date[])) AS segment, "
            f"{', '.join(f'sum(s.{c}) AS {c}' for c in _SUMS)} "
            "FROM ad_stats_daily s WHERE s.ad_account_id = :account_id AND s.date BETWEEN :lo AND :hi "
            f"GROUP BY {', '.join(f's.{k}' for k in keys.split(', '))}, segment) AS g "
            f"JOIN (VALUES {', '.join(values)}) AS p(preset, first_segment, last_segment) "
            "ON g.segment BETWEEN p.first_segment AND p.last_segment "
            f"GROUP BY p.preset, {', '.join(f'g.{k}' for k in keys.split(', '))}"
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
