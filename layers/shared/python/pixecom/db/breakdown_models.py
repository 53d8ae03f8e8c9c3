"""Breakdown reports fetched from Meta and kept for the Ads Manager (migration 0026).

A `BreakdownJob` is one Meta async insights report: one ad account, one breakdown, one date range
(the account's own days), read at ad level so one report serves the three list levels. Its rows
(`BreakdownStat`) are the additive counters of each ad, ad set and campaign and bucket over the
whole range.
"""

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.orm import Mapped, mapped_column

from pixecom.db.base import Base, seller_fk, uuid_pk
from pixecom.db.stats_schema import orm_counters

if TYPE_CHECKING:
    _StatsSums = Any  # the counters' columns, typed by the catalogue at run time
else:
    _StatsSums = orm_counters(summed_only=True)


class BreakdownJob(Base):
    """One report: `queued` -> `running` (Meta's run started: `report_run_id`) -> `done` (rows
    stored, `finished_at`) or `failed` (`error`, in words a seller may read). A done report is
    served until the account's next stats sync (`finished_at` older than it: stale, run again)."""

    __tablename__ = "breakdown_jobs"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )
    breakdown: Mapped[str] = mapped_column(String(64), nullable=False)  # the API's value: "age,gender"
    since: Mapped[date] = mapped_column(Date, nullable=False)
    until: Mapped[date] = mapped_column(Date, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    report_run_id: Mapped[str | None] = mapped_column(String(64))
    next_page: Mapped[str | None] = mapped_column(Text)  # reading a complete run: the next page's cursor
    percent_complete: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    row_count: Mapped[int | None] = mapped_column(Integer)
    graph_calls: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    progressed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (UniqueConstraint("ad_account_id", "breakdown", "since", "until"),)


class BreakdownStat(_StatsSums, Base):
    """One entity and bucket of a report: each ad's counters as Meta reported them, and each ad
    set's and campaign's summed from its ads when the report is stored (a list page reads one
    row per entity and bucket at its own level). `bucket`: the values in the breakdown's order
    (`{"25-34", "female"}` for `age,gender`)."""

    __tablename__ = "breakdown_stats"

    job_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("breakdown_jobs.id", ondelete="CASCADE"), primary_key=True
    )
    level: Mapped[str] = mapped_column(String(8), primary_key=True)  # campaign, adset or ad
    meta_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    bucket: Mapped[list[str]] = mapped_column(ARRAY(Text), primary_key=True)
