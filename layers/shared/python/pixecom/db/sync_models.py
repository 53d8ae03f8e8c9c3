"""Sync bookkeeping beside the data: backfill chunks and per-window fetch leases (migration 0004).

- `backfill_chunks`: one row per chunk of an account's history (pending -> queued -> done), so a
  chunk that was throttled, blocked by NEEDS_REAUTH, skipped or never queued is queued again by
  the next dispatch and progress always reaches its total.
- `stats_leases`: a stats run holds a lease on its window from before its first Graph call until
  its commit. A second run whose window overlaps a live lease does not fetch (see
  pixecom.sync.leases); a run whose lease was taken over after expiring discards its answer.
"""

import uuid
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from pixecom.db.base import Base


class BackfillChunk(Base):
    __tablename__ = "backfill_chunks"

    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), primary_key=True
    )
    chunk: Mapped[int] = mapped_column(Integer, primary_key=True)  # 1 = newest
    since: Mapped[date] = mapped_column(Date, nullable=False)
    until: Mapped[date] = mapped_column(Date, nullable=False)
    state: Mapped[str] = mapped_column(String(16), nullable=False, default="pending")
    queued_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class StatsLease(Base):
    __tablename__ = "stats_leases"

    token: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False, index=True
    )
    since: Mapped[date] = mapped_column(Date, nullable=False)
    until: Mapped[date] = mapped_column(Date, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
