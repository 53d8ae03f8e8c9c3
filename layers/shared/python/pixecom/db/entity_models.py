"""What is synced from Meta and done to it: campaigns, ad sets, ads, their daily stats, sync runs,
bulk status jobs and the audit log.

Part of the one schema (`pixecom.db.models` gathers every table); changes go through Alembic.
Money is NUMERIC (Decimal), never float. Meta ids are strings.
"""

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from pixecom.db.base import (
    MONEY,
    Base,
    created_at_col,
    seller_fk,
    str_enum,
    uuid_pk,
)
from pixecom.db.stats_schema import orm_counters
from pixecom.domain.enums import (
    CampaignStatus,
    DeliveryStatus,
    EntityLevel,
    JobItemOutcome,
    JobStatus,
    SyncKind,
    SyncOutcome,
)

# --- Meta entities -----------------------------------------------------------------------


class _Bids:
    """What campaigns and ad sets carry about spending: the budget left and the bid."""

    budget_remaining: Mapped[Decimal | None] = mapped_column(MONEY)
    bid_strategy: Mapped[str | None] = mapped_column(String(64))
    bid_amount: Mapped[Decimal | None] = mapped_column(MONEY)  # bid cap / cost cap, money
    roas_average_floor: Mapped[Decimal | None] = mapped_column(Numeric(12, 4))  # 1.5 = ROAS 150%
    # The schedule (Meta's start_time, and end_time, a campaign's stop_time): a lifetime budget's
    # minimum is the minimum daily budget for each of its days.
    start_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    end_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class _MetaEntity:
    """Columns shared by campaigns, ad sets and ads."""

    id: Mapped[uuid.UUID] = uuid_pk()
    meta_id: Mapped[str] = mapped_column(String(64), nullable=False)
    name: Mapped[str] = mapped_column(String(400), nullable=False)
    status: Mapped[CampaignStatus] = mapped_column(str_enum(CampaignStatus, "entity_status"), nullable=False)
    delivery_status: Mapped[DeliveryStatus] = mapped_column(
        str_enum(DeliveryStatus, "delivery_status"), nullable=False
    )
    effective_status: Mapped[str] = mapped_column(String(64), nullable=False)
    # Money in the account currency's units (Meta sends offset units: pixecom.domain.budgets).
    daily_budget: Mapped[Decimal | None] = mapped_column(MONEY)
    lifetime_budget: Mapped[Decimal | None] = mapped_column(MONEY)
    meta_updated_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    synced_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), nullable=False
    )
    created_at: Mapped[datetime] = created_at_col()


class Campaign(_MetaEntity, _Bids, Base):
    __tablename__ = "campaigns"

    seller_id: Mapped[uuid.UUID] = seller_fk()
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )
    objective: Mapped[str | None] = mapped_column(String(64))
    spend_cap: Mapped[Decimal | None] = mapped_column(MONEY)
    advantage_state: Mapped[str | None] = mapped_column(String(64))  # e.g. advantage_plus_sales
    sellpage_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("sellpages.id", ondelete="SET NULL"), index=True
    )
    # True when a seller set the sellpage by hand: the sync never overrides it.
    sellpage_set_manually: Mapped[bool] = mapped_column(
        Boolean, nullable=False, server_default=text("false"), default=False
    )

    __table_args__ = (
        UniqueConstraint("ad_account_id", "meta_id"),
        Index("ix_campaigns_seller_account", "seller_id", "ad_account_id"),
    )


class AdSet(_MetaEntity, _Bids, Base):
    __tablename__ = "adsets"

    seller_id: Mapped[uuid.UUID] = seller_fk()
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )
    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False, index=True
    )
    optimization_goal: Mapped[str | None] = mapped_column(String(64))
    promoted_object: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    promoted_event: Mapped[str | None] = mapped_column(String(64))  # custom_event_type
    learning_stage: Mapped[str | None] = mapped_column(String(32))  # LEARNING / SUCCESS / FAIL
    # Meta's [{event_type, window_days}]; pixecom.domain.attribution names it in words.
    attribution_spec: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONB)

    __table_args__ = (
        UniqueConstraint("ad_account_id", "meta_id"),
        Index("ix_adsets_seller_account", "seller_id", "ad_account_id"),
    )


class Ad(_MetaEntity, Base):
    __tablename__ = "ads"

    seller_id: Mapped[uuid.UUID] = seller_fk()
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )
    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False, index=True
    )
    adset_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("adsets.id", ondelete="CASCADE"), nullable=False, index=True
    )
    link_url: Mapped[str | None] = mapped_column(String(2048))
    issues: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONB)
    creative_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("creatives.id", ondelete="SET NULL"), index=True
    )

    __table_args__ = (
        UniqueConstraint("ad_account_id", "meta_id"),
        Index("ix_ads_seller_account", "seller_id", "ad_account_id"),
    )


# --- stats --------------------------------------------------------------------------------

if TYPE_CHECKING:
    _StoredCounters = Any  # the counters' columns, typed by the catalogue at run time
else:
    _StoredCounters = orm_counters(summed_only=False)


class AdStatsDaily(_StoredCounters, Base):
    """One row per (ad, day in the ad account's timezone); parents copied on for fast grouping;
    every counter of the catalogue (`pixecom.domain.catalogue`) as a column."""

    __tablename__ = "ad_stats_daily"

    ad_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ads.id", ondelete="CASCADE"), primary_key=True)
    date: Mapped["date"] = mapped_column(Date, primary_key=True)  # quoted: `date` is this column by then
    seller_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sellers.id", ondelete="CASCADE"), nullable=False)
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )
    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False
    )
    adset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("adsets.id", ondelete="CASCADE"), nullable=False)
    synced_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), nullable=False
    )

    __table_args__ = (
        Index("ix_ad_stats_daily_seller_date", "seller_id", "date"),
        Index("ix_ad_stats_daily_account_date", "ad_account_id", "date"),
        Index("ix_ad_stats_daily_campaign_date", "campaign_id", "date"),
        Index("ix_ad_stats_daily_adset_date", "adset_id", "date"),
        # One partition per month, and a default one (migration 0019, pixecom.db.partitions).
        {"postgresql_partition_by": "RANGE (date)"},
    )


class SyncRun(Base):
    __tablename__ = "sync_runs"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )
    kind: Mapped[SyncKind] = mapped_column(str_enum(SyncKind, "sync_kind"), nullable=False)
    dispatch_id: Mapped[str | None] = mapped_column(String(64))  # the run id the message carried
    window_since: Mapped[date | None] = mapped_column(Date)
    window_until: Mapped[date | None] = mapped_column(Date)
    is_backfill: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=text("false"))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    outcome: Mapped[SyncOutcome] = mapped_column(str_enum(SyncOutcome, "sync_outcome"), nullable=False)
    rows_written: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows_deleted: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    graph_calls: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_sync_runs_account_kind_started", "ad_account_id", "kind", "started_at"),)


# --- bulk status jobs and audit ---------------------------------------------------------------


class Job(Base):
    __tablename__ = "jobs"

    id: Mapped[uuid.UUID] = uuid_pk()
    seller_id: Mapped[uuid.UUID] = seller_fk()
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(32), nullable=False)  # "status_change" | "budget_change"
    level: Mapped[EntityLevel] = mapped_column(str_enum(EntityLevel, "entity_level"), nullable=False)
    # A status job's target; None for a budget job, whose request is `budget`
    # ({"type", "amount", "currency"} or {"type", "percent"}: pixecom.control.budgets).
    target_status: Mapped[CampaignStatus | None] = mapped_column(
        str_enum(CampaignStatus, "job_target_status")
    )
    budget: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    status: Mapped[JobStatus] = mapped_column(str_enum(JobStatus, "job_status"), nullable=False)
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    request_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = created_at_col()
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    not_before: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # rate-limit deferral
    # When the jobs sweeper last re-sent the job's message (control.sweep).
    requeued_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Set when an automated rule (pixecom.rules) made the job: the rule is the actor, not a user.
    rule_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("rules.id", ondelete="SET NULL"))
    error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("seller_id", "idempotency_key"),
        Index("ix_jobs_seller_created", "seller_id", "created_at"),
    )


class JobItem(Base):
    __tablename__ = "job_items"

    id: Mapped[uuid.UUID] = uuid_pk()
    job_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("jobs.id", ondelete="CASCADE"), nullable=False, index=True
    )
    seller_id: Mapped[uuid.UUID] = seller_fk()
    ad_account_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
    )
    entity_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), nullable=False)
    meta_id: Mapped[str] = mapped_column(String(64), nullable=False)
    name: Mapped[str] = mapped_column(String(400), nullable=False)
    from_status: Mapped[str] = mapped_column(String(32), nullable=False)
    to_status: Mapped[str] = mapped_column(String(32), nullable=False)
    # A budget job's item: the budget before and the one asked for (money, the account's currency).
    from_budget: Mapped[Decimal | None] = mapped_column(MONEY)
    to_budget: Mapped[Decimal | None] = mapped_column(MONEY)
    outcome: Mapped[JobItemOutcome] = mapped_column(
        str_enum(JobItemOutcome, "job_item_outcome"), nullable=False
    )
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    applied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (UniqueConstraint("job_id", "entity_id"),)


class AuditLog(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    seller_id: Mapped[uuid.UUID] = seller_fk()
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(64), nullable=False)  # e.g. "status_change"
    entity_level: Mapped[str | None] = mapped_column(String(16))
    entity_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    entity_name: Mapped[str | None] = mapped_column(String(400))
    from_value: Mapped[str | None] = mapped_column(String(64))
    to_value: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str | None] = mapped_column(String(32))
    job_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("jobs.id", ondelete="SET NULL"))
    rule_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("rules.id", ondelete="SET NULL"))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = created_at_col()

    __table_args__ = (Index("ix_audit_log_seller_created", "seller_id", "created_at"),)


# The read-side rollups, sync state, login, automation and reconciliation tables live in their own
# modules; importing them here registers their tables on Base.metadata for Alembic and the schema
