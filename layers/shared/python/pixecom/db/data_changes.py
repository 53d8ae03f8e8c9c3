"""Has anything a seller's lists read changed since a snapshot? (migration 0032, `data_changes`)

Every insert, update, delete or truncate of a table the Ads Manager lists read logs its
transaction's id per seller it touched (statement triggers); a change every seller sees (exchange
rates, a dropped stats partition) is logged under `EVERY_SELLER`. A reader notes the database
snapshot (`pg_current_snapshot()`) of its first statement; later, `unchanged_since` asks the
primary whether any transaction that snapshot did not see has logged the seller (or everyone):

- a primary's snapshot names the transactions running when it was taken, so the check is
  exact: a transaction still running then, or begun after, is "not seen", and a write that
  commits a moment after the read still counts;
- a replica's does not (a standby keeps the primary's running transactions apart from the list
  `pg_current_snapshot()` shows), but every transaction below its `xmin` had ended and been
  replayed when it was taken: any logged transaction from `xmin` on counts as not seen. That
  may count a write the read did see (one more read, never a stale body).

Nothing committed is ever missed. Log rows are kept `RETENTION` (the daily maintenance prunes
older ones): far longer than any transaction may run (a Lambda lives 15 minutes at most) plus
the longest a kept body may be served, so a pruned row was visible to every snapshot still in use.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

EVERY_SELLER = uuid.UUID(int=0)
RETENTION = timedelta(hours=1)

# Logged transactions of this seller (or everyone's) from the snapshot's xmin on: those below it
# had ended when the snapshot was taken, so it saw them.
_LOGGED_FROM_XMIN = (
    "SELECT 1 FROM data_changes WHERE seller_id IN (%(seller)s, %(everyone)s) AND xid >= %(xmin)s"
)
_UNCHANGED_SQL = {
    False: "SELECT NOT EXISTS (" + _LOGGED_FROM_XMIN + " AND NOT pg_visible_in_snapshot("
    "CAST(CAST(xid AS text) AS xid8), CAST(%(snapshot)s AS pg_snapshot)))",
    True: "SELECT NOT EXISTS (" + _LOGGED_FROM_XMIN + ")",  # a replica's: any counts as unseen
}


@dataclass(frozen=True)
class ReadSnapshot:
    """The snapshot a read started from: `pg_current_snapshot()` as text, and whether it was
    taken on a replica."""

    text: str
    on_replica: bool

    @classmethod
    def from_json(cls, value: str | None) -> ReadSnapshot | None:
        """From the list statement's `{"snapshot": ..., "on_replica": ...}` (None: not read)."""
        if value is None:
            return None
        parsed = json.loads(value)
        return cls(str(parsed["snapshot"]), bool(parsed["on_replica"]))

    @property
    def xmin(self) -> int:
        """Every transaction below it had ended when the snapshot was taken."""
        return int(self.text.split(":", 1)[0])


def unchanged_since(driver: Any, seller_id: uuid.UUID, snapshot: ReadSnapshot) -> bool:
    """Whether no transaction `snapshot` did not see has changed this seller's (or everyone's)
    listed data. Run on the primary: it must see every commit."""
    params = {"seller": seller_id, "everyone": EVERY_SELLER, "xmin": snapshot.xmin}
    params["snapshot"] = snapshot.text
    row = driver.execute(_UNCHANGED_SQL[snapshot.on_replica], params).fetchone()
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
