"""Ad creatives as the delivery sync reads them from Meta, with the keys of their version groups.

Part of the one schema (`pixecom.db.models` gathers every table); changes go through Alembic.
"""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Index, String, Text, UniqueConstraint, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from pixecom.db.base import Base, created_at_col, seller_fk, uuid_pk


class Creative(Base):
    """One Meta ad creative of an ad account (several ads may use it: one post).

    The `*_key` columns name its version groups (`pixecom.domain.creatives`): ads whose creatives
    share a media key use the same video or image, and so on for the ad text, the thumbnail and
    the post. `assets`: every asset of a flexible creative (`asset_feed_spec`) or a carousel's
    cards, one object each. `thumbnail_url` is Meta's signed URL, re-read by every delivery sync,
    valid until `thumbnail_expires_at` (docs/metrics.md, "Creatives")."""

    __tablename__ = "creatives"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )
    meta_id: Mapped[str] = mapped_column(String(64), nullable=False)
    name: Mapped[str | None] = mapped_column(String(400))
    format: Mapped[str] = mapped_column(String(16), nullable=False)  # image|video|carousel|flexible|other
    object_type: Mapped[str | None] = mapped_column(String(32))
    image_hash: Mapped[str | None] = mapped_column(String(128))
    video_id: Mapped[str | None] = mapped_column(String(64))
    thumbnail_url: Mapped[str | None] = mapped_column(Text)
    thumbnail_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    title: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    call_to_action: Mapped[str | None] = mapped_column(String(64))
    link_url: Mapped[str | None] = mapped_column(String(2048))
    story_id: Mapped[str | None] = mapped_column(String(128))  # effective_object_story_id
    assets: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONB)
    media_key: Mapped[str | None] = mapped_column(String(80))
    text_key: Mapped[str | None] = mapped_column(String(80))
    thumbnail_key: Mapped[str | None] = mapped_column(String(200))
    post_key: Mapped[str | None] = mapped_column(String(128))
    synced_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), nullable=False
    )
    created_at: Mapped[datetime] = created_at_col()

    __table_args__ = (
        UniqueConstraint("ad_account_id", "meta_id"),
        Index("ix_creatives_seller_account", "seller_id", "ad_account_id"),
    )
