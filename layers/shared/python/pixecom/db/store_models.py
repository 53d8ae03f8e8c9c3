"""The PixEcom store's side (migration 0021): per-seller store API keys, the orders the store sends,
and their daily sums per sellpage, Meta campaign/ad set/ad, day and currency.

Migration 0030 adds the index of paid orders without Meta ids (the store columns' sellpage link).

`store_stats_daily` is maintained ONLY by statement triggers on `store_orders`: never write it from
code. A key whose orders all moved away (cancelled, re-dated) stays at zero. Meta ids are kept as
the landing URL carried them ("" when it carried none), so an order stays attributed to a
campaign the delivery sync has not seen yet.
"""

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import func, text

from pixecom.db.base import MONEY, Base, created_at_col, seller_fk, uuid_pk


class StoreApiKey(Base):
    """A key the store sends orders with: SHA-256 of the key only (the key is shown once), its
    scope, when it was revoked, and its request count in the current rate window."""

    __tablename__ = "store_api_keys"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    key_prefix: Mapped[str] = mapped_column(String(16), nullable=False)  # shown in lists: "pxs_AbC1"
    key_hash: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False, unique=True)
    scope: Mapped[str] = mapped_column(String(32), nullable=False)
    created_at: Mapped[datetime] = created_at_col()
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    window_started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    window_requests: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0", default=0)


class StoreOrder(Base):
    """An order as of its newest event (the highest `version` the store sent)."""

    __tablename__ = "store_orders"

    seller_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("sellers.id", ondelete="CASCADE"), primary_key=True
    )
    order_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, nullable=False)
    event_type: Mapped[str] = mapped_column(String(32), nullable=False)
    status: Mapped[str] = mapped_column(String(32), nullable=False)
    event_hash: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)
    sellpage_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("sellpages.id", ondelete="CASCADE"), nullable=False, index=True
    )
    amount: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    refunded_amount: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    ordered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    local_date: Mapped[date] = mapped_column(Date, nullable=False)
    campaign_meta_id: Mapped[str] = mapped_column(String(32), nullable=False)
    adset_meta_id: Mapped[str] = mapped_column(String(32), nullable=False)
    ad_meta_id: Mapped[str] = mapped_column(String(32), nullable=False)
    landing_params: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), nullable=False
    )

    __table_args__ = (
        CheckConstraint("amount >= 0 AND refunded_amount >= 0 AND refunded_amount <= amount", name="amounts"),
        CheckConstraint("version >= 1", name="version"),
        # Paid orders without Meta ids, by seller and time: the campaigns list's sellpage-link
        # attribution reads these (migration 0030).
        Index(
            "ix_store_orders_without_ids",
            "seller_id",
            "ordered_at",
            postgresql_where=text(
                "campaign_meta_id = '' AND adset_meta_id = '' AND ad_meta_id = '' "
                "AND status IN ('paid', 'partly_refunded')"
            ),
        ),
    )


class StoreStatsDaily(Base):
    """Store orders summed per seller, sellpage, Meta campaign/ad set/ad, local day and currency."""

    __tablename__ = "store_stats_daily"

    seller_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("sellers.id", ondelete="CASCADE"), primary_key=True
    )
    sellpage_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("sellpages.id", ondelete="CASCADE"), primary_key=True
    )
    campaign_meta_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    adset_meta_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    ad_meta_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    date: Mapped["date"] = mapped_column(Date, primary_key=True)  # quoted: `date` is this column by then
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    orders: Mapped[int] = mapped_column(BigInteger, nullable=False)
    gross_revenue: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    refunds: Mapped[Decimal] = mapped_column(MONEY, nullable=False)

    __table_args__ = (
        Index("ix_store_stats_daily_seller_date", "seller_id", "date"),
        {"postgresql_with": {"fillfactor": 70}},  # room for HOT updates: the triggers update in place
    )
