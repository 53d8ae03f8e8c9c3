"""Per account-day comparison of Meta's account totals with the sum of our ad rows (migration
0008). Written by the stats sync after each run (pixecom.sync.reconcile); read by the API."""

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Boolean, Date, DateTime, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from pixecom.db.base import MONEY, Base


class StatsReconciliation(Base):
    """The last check of one account-day: Meta's numbers, ours, and whether they differ."""

    __tablename__ = "stats_reconciliation"

    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), primary_key=True
    )
    date: Mapped["date"] = mapped_column(Date, primary_key=True)  # quoted: `date` is this column by then
    seller_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("sellers.id", ondelete="CASCADE"), nullable=False, index=True
    )
    meta_spend: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    our_spend: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    meta_impressions: Mapped[int] = mapped_column(BigInteger, nullable=False)
    our_impressions: Mapped[int] = mapped_column(BigInteger, nullable=False)
    meta_link_clicks: Mapped[int] = mapped_column(BigInteger, nullable=False)
    our_link_clicks: Mapped[int] = mapped_column(BigInteger, nullable=False)
    meta_purchases: Mapped[int] = mapped_column(BigInteger, nullable=False)
    our_purchases: Mapped[int] = mapped_column(BigInteger, nullable=False)
    meta_purchase_value: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    our_purchase_value: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    differs: Mapped[bool] = mapped_column(Boolean, nullable=False)
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
