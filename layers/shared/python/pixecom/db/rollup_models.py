"""Read-side rollups of ad_stats_daily, kept exact by triggers (migrations 0002 and 0003).

Never written by application code except `pixecom.db.rollups.refresh_preset_stats`; every writer
of ad_stats_daily keeps them right without knowing they exist.
"""

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, DateTime, ForeignKey, Index, String
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from pixecom.db.base import Base
from pixecom.db.stats_schema import orm_counters

# The additive counters of ad_stats_daily, from the catalogue (reach is not additive: not rolled up).
if TYPE_CHECKING:
    _StatsSums = Any  # the counters' columns, typed by the catalogue at run time
else:
    _StatsSums = orm_counters(summed_only=True)


class CampaignStatsDaily(_StatsSums, Base):
    """ad_stats_daily summed per (campaign, day). Maintained ONLY by a trigger on ad_stats_daily
    (migration 0002): never write it from code. Lets the campaigns list read ~50x fewer rows."""

    __tablename__ = "campaign_stats_daily"

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    date: Mapped["date"] = mapped_column(Date, primary_key=True)  # quoted: `date` is this column by then
    seller_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sellers.id", ondelete="CASCADE"), nullable=False)
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )

    __table_args__ = (
        Index("ix_campaign_stats_daily_seller_date", "seller_id", "date"),
        {"postgresql_with": {"fillfactor": 70}},
    )


class AdSetStatsDaily(_StatsSums, Base):
    """ad_stats_daily summed per (ad set, day); maintained only by the same trigger."""

    __tablename__ = "adset_stats_daily"

    adset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("adsets.id", ondelete="CASCADE"), primary_key=True)
    date: Mapped["date"] = mapped_column(Date, primary_key=True)  # quoted: `date` is this column by then
    seller_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sellers.id", ondelete="CASCADE"), nullable=False)
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )
    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False
    )

    __table_args__ = (
        Index("ix_adset_stats_daily_seller_date", "seller_id", "date"),
        {"postgresql_with": {"fillfactor": 70}},
    )


class AdPresetStats(_StatsSums, Base):
    """Per ad and date preset: the sums over the preset's range on the local day recorded in
    AdPresetStatsState. Rebuilt by pixecom.db.rollups.refresh_preset_stats, kept exact between
    rebuilds by a trigger on ad_stats_daily (migration 0003); never written by other code."""

    __tablename__ = "ad_preset_stats"

    # No FK on ad_id / seller_id on purpose (refresh speed; see migration 0003).
    ad_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    preset: Mapped[str] = mapped_column(String(16), primary_key=True)
    seller_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), nullable=False)
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )
    campaign_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), nullable=False)
    adset_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), nullable=False)

    __table_args__ = (
        Index("ix_ad_preset_stats_seller_preset", "seller_id", "preset"),
        Index("ix_ad_preset_stats_account_preset", "ad_account_id", "preset"),
        {"postgresql_with": {"fillfactor": 60}},
    )


class AdSetPresetStats(_StatsSums, Base):
    """Per ad set and date preset: `ad_preset_stats` summed per ad set (migration 0012); rebuilt
    and kept exact the same way, by the same trigger."""

    __tablename__ = "adset_preset_stats"

    adset_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    preset: Mapped[str] = mapped_column(String(16), primary_key=True)
    seller_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), nullable=False)
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )
    campaign_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), nullable=False)

    __table_args__ = (
        Index("ix_adset_preset_stats_seller_preset", "seller_id", "preset"),
        Index("ix_adset_preset_stats_account_preset", "ad_account_id", "preset"),
        {"postgresql_with": {"fillfactor": 60}},
    )


class CampaignPresetStats(_StatsSums, Base):
    """Per campaign and date preset: `ad_preset_stats` summed per campaign (migration 0012)."""

    __tablename__ = "campaign_preset_stats"

    campaign_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    preset: Mapped[str] = mapped_column(String(16), primary_key=True)
    seller_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), nullable=False)
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )

    __table_args__ = (
        Index("ix_campaign_preset_stats_seller_preset", "seller_id", "preset"),
        Index("ix_campaign_preset_stats_account_preset", "ad_account_id", "preset"),
        {"postgresql_with": {"fillfactor": 60}},
    )


class AdPresetRange(Base):
    """The days each preset covered on the snapshot's local day (the trigger applies deltas by it)."""

    __tablename__ = "ad_preset_ranges"

    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), primary_key=True
    )
    preset: Mapped[str] = mapped_column(String(16), primary_key=True)
    since: Mapped[date] = mapped_column(Date, nullable=False)
    until: Mapped[date] = mapped_column(Date, nullable=False)


class AdPresetStatsState(Base):
    """An account's preset snapshot is for `local_day`; readers ignore it on any other day."""

    __tablename__ = "ad_preset_stats_state"

    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), primary_key=True
    )
    local_day: Mapped[date] = mapped_column(Date, nullable=False)
    refreshed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
