"""One creative version group's daily series, and one ad's creative (the drill from an ad)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pixecom.adsmanager.creatives import CreativeQuery
from pixecom.adsmanager.query import acct_cte, combined_type
from pixecom.adsmanager.ranges import plan_ranges
from pixecom.adsmanager.sql import metrics_json, minor_units_sql, result_type_sql, sum_list
from pixecom.adsmanager.statement import Fragment, Param, ident, join, lit, q, run
from pixecom.domain.creatives import KEY_COLUMNS, VersionKind
from pixecom.domain.dates import DateRange
from pixecom.domain.results import MIXED


@dataclass(frozen=True)
class GroupDaily:
    key: str
    currency: str
    result_type: str | None
    ads: int
    date_range: DateRange
    points: list[tuple[date, str]]  # each day's `metrics` as JSON text, as Postgres built it


def group_daily_statement(
    query: CreativeQuery, key: str, currency: str, seller_id: uuid.UUID, now: datetime
) -> tuple[Fragment, DateRange]:
    """Per local day of each account's own range: the sums over the group's ads in `currency`."""
    plan = plan_ranges(query.ads.dates, now)
    envelope = plan.envelope
    column = ident("cr", KEY_COLUMNS[query.group_by])
    statement = q(
        "WITH acct AS MATERIALIZED ({}), "
        "members AS MATERIALIZED (SELECT e.id, e.adset_id FROM ads e "
        "JOIN acct ON acct.id = e.ad_account_id JOIN creatives cr ON cr.id = e.creative_id "
        "WHERE e.seller_id = {} AND {} = {} AND acct.currency = {}), "
        "types AS (SELECT {} AS rt FROM adsets x WHERE x.id IN (SELECT adset_id FROM members)), "
        "days AS (SELECT s.date, {} FROM ad_stats_daily s "
        "JOIN acct ON acct.id = s.ad_account_id AND s.date BETWEEN acct.since AND acct.until "
        "WHERE s.seller_id = {} AND s.date BETWEEN {} AND {} AND s.ad_id IN (SELECT id FROM members) "
        "GROUP BY s.date) "
        "SELECT CAST(d.day AS date) AS date, CAST({} AS text) AS metrics, (SELECT rt FROM types) AS rt, "
        "(SELECT count(*) FROM members) AS ads "
        "FROM generate_series(CAST({} AS date), CAST({} AS date), interval '1 day') AS d(day) "
        "LEFT JOIN days t ON t.date = CAST(d.day AS date) CROSS JOIN LATERAL (SELECT {}) AS z ORDER BY d.day",
        acct_cte(plan, query.ads, seller_id),
        Param(seller_id),
        column,
        Param(key),
        Param(currency),
        combined_type(result_type_sql("x")),
        sum_list("s"),
        Param(seller_id),
        Param(envelope.since),
        Param(envelope.until),
        metrics_json(
            "z",
            minor_units_sql(q("CAST({} AS text)", Param(currency))),
            q("coalesce((SELECT rt FROM types) = {}, false)", lit(MIXED)),
        ),
        Param(envelope.since),
        Param(envelope.until),
        sum_list("t", coalesce=True, cast=True),
    )
    return statement, envelope


def group_daily(
    conn: Any, seller_id: uuid.UUID, query: CreativeQuery, key: str, currency: str, now: datetime
) -> GroupDaily | None:
    """The group's series; None when no ad of the seller's (that the query may see) is in it."""
    statement, envelope = group_daily_statement(query, key, currency, seller_id, now)
    rows = run(conn, statement)
    if not rows or not rows[0]["ads"]:
        return None
    points = [(m["date"], m["metrics"]) for m in rows]
    return GroupDaily(key, currency, rows[0]["rt"], rows[0]["ads"], envelope, points)


_CREATIVE_COLUMNS = (
    "meta_id", "name", "format", "object_type", "image_hash", "video_id", "thumbnail_url",
    "thumbnail_expires_at", "title", "body", "call_to_action", "link_url", "story_id", "assets",
    "media_key", "text_key", "thumbnail_key", "post_key",
)  # fmt: skip


def ad_creative(
    conn: Any, seller_id: uuid.UUID, ad_id: uuid.UUID, account_ids: frozenset[uuid.UUID] | None
) -> tuple[bool, dict[str, Any] | None]:
    """(the ad is the caller's, its creative with its version keys). Not the caller's: the
    seller, or a member limited to `account_ids`, has no such ad. No creative: not synced yet."""
    visible = q("") if account_ids is None else q(" AND e.ad_account_id = ANY({})", Param(list(account_ids)))
    rows = run(
        conn,
        q(
            "SELECT e.id AS ad_id, cr.id, {} FROM ads e LEFT JOIN creatives cr ON cr.id = e.creative_id "
            "WHERE e.id = {} AND e.seller_id = {}{}",
            join(", ", (ident("cr", c) for c in _CREATIVE_COLUMNS)),
            Param(ad_id),
            Param(seller_id),
            visible,
        ),
    )
    if not rows:
        return False, None
    row = rows[0]
    if row["id"] is None:
        return True, None
    return True, {**row, "versions": {k.value: row[KEY_COLUMNS[k]] for k in VersionKind}}
