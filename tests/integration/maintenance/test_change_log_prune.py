"""The daily run prunes the change log kept list bodies are checked against
(pixecom.db.data_changes): rows older than its retention go, newer ones stay."""

from __future__ import annotations

import uuid
from datetime import timedelta

from maintenance_helpers import NOW
from sqlalchemy import text

from pixecom.db.data_changes import RETENTION
from pixecom.db.engine import session_scope
from pixecom.maintenance.run import run_maintenance


def _log(seller_id: uuid.UUID, xid: int, age: timedelta) -> None:
    with session_scope() as session:
        session.execute(
            text("INSERT INTO data_changes (seller_id, xid, logged_at) VALUES (:s, :x, :at)"),
            {"s": seller_id, "x": xid, "at": NOW - age},
        )


def _logged() -> set[int]:
    with session_scope() as session:
        return set(session.execute(text("SELECT xid FROM data_changes")).scalars())


def test_the_run_prunes_change_log_rows_past_the_retention(db_url: str) -> None:
    seller = uuid.uuid4()
    _log(seller, 1, RETENTION + timedelta(minutes=1))
    _log(seller, 2, RETENTION - timedelta(minutes=1))
    before = _logged()

    result = run_maintenance(NOW)

    assert {1, 2} <= before
    assert result["change_log"] == {"pruned": len(before) - len(_logged())}
    assert 1 not in _logged() and 2 in _logged()
