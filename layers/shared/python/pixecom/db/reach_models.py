"""Meta's reach for exact ranges, stored as Meta answered it (reach is never summed here).

One row per (ad account, level, Meta object, since, until): the unique people Meta counts for
that object over exactly those local days, with the impressions of the same answer (so
`frequency` is Meta's own). The stats sync writes the standard presets' ranges and each day of
its window (`pixecom.sync.reach`); the Ads Manager read fetches other ranges on demand and keeps
them here as a cache (`fetched_at` says how fresh). An ad's single days are not here: they are
`ad_stats_daily.reach`.
"""

import uuid
from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Date, DateTime, ForeignKey, String
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from pixecom.db.base import Base, seller_fk

REACH_LEVELS = ("account", "campaign", "adset", "ad")


class ReachStats(Base):
    __tablename__ = "reach_stats"
    __table_args__ = (
        CheckConstraint("level IN ('account', 'campaign', 'adset', 'ad')", name="level"),
        CheckConstraint("since <= until", name="range"),
    )

    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("ad_accounts.id", ondelete="CASCADE"), primary_key=True
    )
    level: Mapped[str] = mapped_column(String(16), primary_key=True)
    object_id: Mapped[str] = mapped_column(String(64), primary_key=True)  # Meta's id (act_ for accounts)
    since: Mapped[date] = mapped_column(Date, primary_key=True)
    until: Mapped[date] = mapped_column(Date, primary_key=True)
    seller_id: Mapped[uuid.UUID] = seller_fk()
    reach: Mapped[int] = mapped_column(BigInteger, nullable=False)
    impressions: Mapped[int] = mapped_column(BigInteger, nullable=False)
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
