"""Per-window stats leases: one fetch of an account's days at a time, and no stale answer written.

A stats run takes a lease on its window (under the account's row lock) before its first Graph
call and releases it in the transaction that writes its rows. While the lease lives:
- another run whose window overlaps it does not fetch (it is skipped and heals itself: the next
  dispatch asks again, a backfill chunk goes back to pending), so backfill and regular runs never
  fetch the same days twice at once and dispatch queues nothing a running run already covers;
- a run slower than LEASE_SECONDS loses its lease to the next run that needs those days; it then
  finds its token gone at commit and discards its (older) answer, so the newer numbers stay.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pixecom.db.sync_models import StatsLease

# The StatsWorker's Lambda timeout: no holder can still be running after it.
LEASE_SECONDS = 900


@dataclass(frozen=True)
class Window:
    since: date
    until: date

    def overlaps(self, other: Window) -> bool:
        return self.since <= other.until and other.since <= self.until

    def covers(self, other: Window) -> bool:
        return self.since <= other.since and other.until <= self.until


class LeaseBusy(Exception):
    """Another live run is fetching days of this window."""


class LeaseLost(Exception):
    """This run's lease expired and was taken over: its answer is older than what may be written."""


def live_windows(session: Session, account_id: uuid.UUID, now: datetime) -> list[Window]:
    """Windows live leases of the account hold at `now`."""
    rows = session.execute(
        select(StatsLease.since, StatsLease.until).where(
            StatsLease.ad_account_id == account_id, StatsLease.expires_at > now
        )
    ).all()
    return [Window(since, until) for since, until in rows]


def live_windows_of(
    session: Session, account_ids: Sequence[uuid.UUID], now: datetime
) -> dict[uuid.UUID, list[Window]]:
    """`live_windows` of many accounts in one statement (dispatch reads every due account's)."""
    held: dict[uuid.UUID, list[Window]] = {account_id: [] for account_id in account_ids}
    if not account_ids:
        return held
    rows = session.execute(
        select(StatsLease.ad_account_id, StatsLease.since, StatsLease.until).where(
            StatsLease.ad_account_id.in_(account_ids), StatsLease.expires_at > now
        )
    ).all()
    for account_id, since, until in rows:
        held[account_id].append(Window(since, until))
    return held


def acquire(session: Session, account_id: uuid.UUID, window: Window, now: datetime) -> uuid.UUID:
    """A lease on `window` (caller holds the account's row lock); LeaseBusy if one overlaps it."""
    session.execute(
        delete(StatsLease).where(StatsLease.ad_account_id == account_id, StatsLease.expires_at <= now)
    )
    if any(held.overlaps(window) for held in live_windows(session, account_id, now)):
        raise LeaseBusy(f"another run is fetching {window.since}..{window.until}")
    token = uuid.uuid4()
    session.add(
        StatsLease(
            token=token,
            ad_account_id=account_id,
            since=window.since,
            until=window.until,
            expires_at=now + timedelta(seconds=LEASE_SECONDS),
        )
    )
    return token


def release(session: Session, token: uuid.UUID) -> bool:
    """Drop the lease; False when it was no longer there (taken over after it expired)."""
    result = session.execute(delete(StatsLease).where(StatsLease.token == token))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def commit_check(session: Session, token: uuid.UUID) -> None:
    """At the write, inside the data transaction: release the lease or raise LeaseLost."""
    if not release(session, token):
        raise LeaseLost("the lease on this window was taken over by a newer run")
