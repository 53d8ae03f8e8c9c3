"""Daily reference exchange rates (pixecom.rates). Migration 0015."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, DateTime, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from pixecom.db.base import Base


class ExchangeRate(Base):
    """Units of `currency` for one euro on `day` (the ECB's quotation), and who published it:
    `ecb` (the daily feed) or `operator` (loaded with `pixecom rates load`, for currencies the
    ECB does not publish). Not tenant data: one table of public reference rates."""

    __tablename__ = "exchange_rates"

    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    per_eur: Mapped[Decimal] = mapped_column(Numeric(24, 10), nullable=False)
    source: Mapped[str] = mapped_column(String(32), nullable=False)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
