"""Stats rollups that code maintains (the per-day campaign/ad set rollups are trigger-maintained).

`refresh_preset_stats` rebuilds one ad account's per-ad sums for every date preset on the
account's current local day (migration 0003). Call it in the same transaction, after writing the
account's ad_stats_daily rows (the write itself invalidated the previous snapshot). Readers use a
snapshot only for the local day it was built for, so skipping a refresh costs speed, not truth.
"""

from __future__ import annotations

import uuid
from datetime import datetime
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


def refresh_preset_stats(session: Session, ad_account_id: uuid.UUID, now: datetime) -> bool:
    """Rebuild the account's preset snapshot for its local day at `now`; False if no such account."""
    account = session.execute(
        text("SELECT seller_id, timezone_name FROM ad_accounts WHERE id = :id"), {"id": ad_account_id}
    ).one_or_none()
    if account is None:
        return False
    today = local_today(now, account.timezone_name)
    params: dict[str, Any] = {"account_id": ad_account_id, "day": today, "now": now}
    values = []
    ranges = [resolve_date_preset(preset, today) for preset in DatePreset]
    params["lo"], params["hi"] = min(r.since for r in ranges), max(r.until for r in ranges)
    for i, (preset, rng) in enumerate(zip(DatePreset, ranges, strict=True)):
        params[f"p{i}"], params[f"s{i}"], params[f"u{i}"] = preset.value, rng.since, rng.until
        values.append(f"(CAST(:p{i} AS varchar), CAST(:s{i} AS date), CAST(:u{i} AS date))")
    sums = ", ".join(f"sum(s.{c})" for c in _SUMS)
    session.execute(text("DELETE FROM ad_preset_stats WHERE ad_account_id = :account_id"), params)
    session.execute(
        text(
            f"INSERT INTO ad_preset_stats (ad_id, preset, seller_id, ad_account_id, campaign_id, adset_id, "  # noqa: S608
            f"{', '.join(_SUMS)}) "
            f"SELECT s.ad_id, p.preset, s.seller_id, s.ad_account_id, s.campaign_id, s.adset_id, {sums} "
            f"FROM ad_stats_daily s JOIN (VALUES {', '.join(values)}) AS p(preset, since, until) "
            "ON s.date BETWEEN p.since AND p.until "
            "WHERE s.ad_account_id = :account_id AND s.date BETWEEN :lo AND :hi "
            "GROUP BY s.ad_id, p.preset, s.seller_id, s.ad_account_id, s.campaign_id, s.adset_id"
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
