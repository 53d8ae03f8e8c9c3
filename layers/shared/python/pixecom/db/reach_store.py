"""`reach_stats`: Meta's reach for exact ranges, written and read (see `pixecom.db.reach_models`).

A read's scope is one level over one range (`ReachRead`), or over each day of a range
(`daily`). Writing a read replaces its scope with Meta's answer: Meta lists only objects with
delivery, so an object it no longer lists for that scope is deleted, as the daily stats are.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from pixecom.meta.reach import ReachRow

PRUNE_RANGES_AFTER = timedelta(days=3)  # ranges (not days) nobody refreshed since: old presets, cache


@dataclass(frozen=True)
class ReachRead:
    """One insights read: a level over a range, as one row per object (or per object and day)."""

    level: str
    since: date
    until: date
    daily: bool = False


def last_reads(session: Session, account_id: uuid.UUID) -> dict[tuple[date, date], datetime]:
    """When each range (not day) was last read whole: its account-level row is written last."""
    rows = session.execute(
        text(
            "SELECT since, until, max(fetched_at) FROM reach_stats WHERE ad_account_id = :account "
            "AND level = 'account' AND since < until GROUP BY since, until"
        ),
        {"account": account_id},
    ).all()
    return {(r[0], r[1]): r[2] for r in rows}


_UPSERT = text(
    """
    INSERT INTO reach_stats (ad_account_id, seller_id, level, object_id, since, until, reach,
                             impressions, fetched_at)
    SELECT :account, :seller, u.level, u.object_id, u.since, u.until, u.reach, u.impressions, :now
    FROM unnest(CAST(:level AS text[]), CAST(:object_id AS text[]), CAST(:since AS date[]),
                CAST(:until AS date[]), CAST(:reach AS bigint[]), CAST(:impressions AS bigint[]))
         AS u(level, object_id, since, until, reach, impressions)
    ON CONFLICT (ad_account_id, level, object_id, since, until) DO UPDATE SET
        reach = EXCLUDED.reach, impressions = EXCLUDED.impressions, fetched_at = EXCLUDED.fetched_at
    """
)
# A read's scope without the objects it answered: Meta lists only objects with delivery.
_DELETE_UNANSWERED = text(
    """
    DELETE FROM reach_stats r
    WHERE r.ad_account_id = :account AND r.level = :level
      AND ((:daily AND r.since = r.until AND r.since BETWEEN :since AND :until)
           OR (NOT :daily AND r.since = :since AND r.until = :until))
      AND NOT EXISTS (SELECT 1 FROM unnest(CAST(:object_id AS text[]), CAST(:day AS date[])) AS k(o, d)
                      WHERE k.o = r.object_id AND k.d = r.since)
    """
)


def store_reach(
    session: Session,
    account_id: uuid.UUID,
    seller_id: uuid.UUID,
    answers: Sequence[tuple[ReachRead, Sequence[ReachRow]]],
    now: datetime,
    *,
    replace: bool = True,
) -> int:
    """Write each read's rows (the account level's last); with `replace`, delete the rest of each
    read's scope. Ranges nobody refreshed for PRUNE_RANGES_AFTER go. Returns rows written."""
    written = 0
    ordered = sorted(answers, key=lambda a: a[0].level == "account")
    for read, rows in ordered:
        if replace:
            session.execute(
                _DELETE_UNANSWERED,
                {
                    "account": account_id,
                    "level": read.level,
                    "daily": read.daily,
                    "since": read.since,
                    "until": read.until,
                    "object_id": [r.object_id for r in rows],
                    "day": [r.since for r in rows],
                },
            )
        if rows:
            session.execute(
                _UPSERT,
                {
                    "account": account_id,
                    "seller": seller_id,
                    "now": now,
                    "level": [r.level for r in rows],
                    "object_id": [r.object_id for r in rows],
                    "since": [r.since for r in rows],
                    "until": [r.until for r in rows],
                    "reach": [r.reach for r in rows],
                    "impressions": [r.impressions for r in rows],
                },
            )
            written += len(rows)
    session.execute(
        text(
            "DELETE FROM reach_stats WHERE ad_account_id = :account AND since < until "
            "AND fetched_at < :before"
        ),
        {"account": account_id, "before": now - PRUNE_RANGES_AFTER},
    )
    return written
