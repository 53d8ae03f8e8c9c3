"""What routing reads to a replica (migration 0020; pixecom.db.reader) and serving kept list bodies
(migration 0032; pixecom.db.data_changes) need.

`seller_write_marks`: when each seller last connected or removed an ad account, or added,
removed or changed what it sees of an entity (name, statuses, budgets, sellpage), per account
(statement triggers on `ad_accounts`, `campaigns`, `adsets`, `ads`). Read on
the primary before a lag-tolerant read: a seller who just wrote reads the primary. No foreign
keys: a mark outliving its account is harmless, and keeping it costs no lock on the account.

`data_changes`: which transactions changed what each seller's lists read (migration 0032), so a
list body kept in memory is served again only while no transaction it did not see wrote since.
"""

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Index, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from pixecom.db.base import Base


class SellerWriteMark(Base):
    __tablename__ = "seller_write_marks"

    seller_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    ad_account_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    written_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class DataChange(Base):
    """One transaction that changed what a seller's Ads Manager lists read (migration 0032,
    statement triggers on every table they read; pixecom.db.data_changes). `xid` is the
    transaction's 64-bit id; the all-zero seller id stands for a change every seller sees."""

    __tablename__ = "data_changes"
    __table_args__ = (Index("ix_data_changes_logged_at", "logged_at"),)

    seller_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    xid: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    logged_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, server_default=text("clock_timestamp()")
    )
