"""Has anything a seller's lists read changed since a snapshot? (migration 0032, `data_changes`)

Every insert, update, delete or truncate of a table the Ads Manager lists read logs its
transaction's id per seller it touched (statement triggers); a change every seller sees (exchange
rates, a dropped stats partition) is logged under `EVERY_SELLER`. A reader notes the database
snapshot (`pg_current_snapshot()`) of its first statement; later, `unchanged_since` asks
whether any transaction that snapshot did not see has logged the seller (or everyone) since. A
transaction still running when the snapshot was taken, or begun after it, is "not seen", so a
write that commits a moment after the read still counts; nothing committed is ever missed.

Log rows are kept `RETENTION` (the daily maintenance prunes older ones): far longer than any
transaction may run (a Lambda lives 15 minutes at most) plus the longest a kept body may be
served, so a pruned row was visible to every snapshot still in use.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

EVERY_SELLER = uuid.UUID(int=0)
RETENTION = timedelta(hours=1)

_UNCHANGED_SQL = (
    "SELECT NOT EXISTS (SELECT 1 FROM data_changes WHERE seller_id IN (%(seller)s, %(everyone)s) "
    "AND xid >= %(xmin)s AND NOT pg_visible_in_snapshot("
    "CAST(CAST(xid AS text) AS xid8), CAST(%(snapshot)s AS pg_snapshot)))"
)


def unchanged_since(driver: Any, seller_id: uuid.UUID, snapshot: str) -> bool:
    """Whether no transaction `snapshot` did not see has changed this seller's (or everyone's)
    listed data. Run on the primary: it must see every commit."""
    xmin = int(snapshot.split(":", 1)[0])  # every transaction below it had ended: all seen
    params = {"seller": seller_id, "everyone": EVERY_SELLER, "xmin": xmin, "snapshot": snapshot}
    row = driver.execute(_UNCHANGED_SQL, params).fetchone()
    return bool(row[0])


def log_change_for_everyone(conn: Any) -> None:
    """Log a change every seller's lists see, made without a logged write (a dropped partition)."""
    conn.execute(
        text(
            "INSERT INTO data_changes (seller_id, xid) "
            "VALUES (:everyone, CAST(CAST(pg_current_xact_id() AS text) AS bigint)) "
            "ON CONFLICT (seller_id, xid) DO NOTHING"
        ),
        {"everyone": EVERY_SELLER},
    )


def prune_data_changes(session: Session, now: datetime) -> int:
    """Delete log rows older than RETENTION; returns how many."""
    result = session.execute(
        text("DELETE FROM data_changes WHERE logged_at < :before"), {"before": now - RETENTION}
    )
    return int(getattr(result, "rowcount", 0) or 0)
