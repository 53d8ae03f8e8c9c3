"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 21:33:05.281731
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "login_attempts",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("client_ip", sa.String(length=64), nullable=False),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.Column(
            "attempted_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempts")),
    )
    op.create_index("ix_login_attempts_email_time", "login_attempts", ["email", "attempted_at"], unique=False)
    op.create_index(
        "ix_login_attempts_ip_time", "login_attempts", ["client_ip", "attempted_at"], unique=False
    )
    op.create_table(
        "sellers",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sellers")),
    )
    op.create_table(
        "ad_accounts",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("meta_account_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("timezone_name", sa.String(length=64), nullable=False),
        sa.Column("account_status", sa.Integer(), nullable=True),
        sa.Column("access_token_encrypted", sa.LargeBinary(), nullable=False),
        sa.Column(
            "connection_status",
            sa.Enum(
                "ACTIVE",
                "NEEDS_REAUTH",
                "DISABLED",
                name="connection_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("connection_error", sa.Text(), nullable=True),
        sa.Column("throttled_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_stats_success_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_stats_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_stats_error", sa.Text(), nullable=True),
        sa.Column("last_full_window_on", sa.Date(), nullable=True),
        sa.Column("last_delivery_success_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_delivery_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_delivery_error", sa.Text(), nullable=True),
        sa.Column("backfill_since", sa.Date(), nullable=True),
        sa.Column("backfill_chunks_total", sa.Integer(), nullable=False),
        sa.Column("backfill_chunks_done", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name=op.f("fk_ad_accounts_seller_id_sellers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ad_accounts")),
        sa.UniqueConstraint(
            "seller_id", "meta_account_id", name=op.f("uq_ad_accounts_seller_id_meta_account_id")
        ),
    )
    op.create_index(op.f("ix_ad_accounts_seller_id"), "ad_accounts", ["seller_id"], unique=False)
    op.create_table(
        "sellpages",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("url_key", sa.String(length=2048), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name=op.f("fk_sellpages_seller_id_sellers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sellpages")),
        sa.UniqueConstraint("seller_id", "url_key", name=op.f("uq_sellpages_seller_id_url_key")),
    )
    op.create_index(op.f("ix_sellpages_seller_id"), "sellpages", ["seller_id"], unique=False)
    op.create_table(
        "users",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "owner", "member", name="user_role", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("email = lower(email)", name=op.f("ck_users_email_lowercase")),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name=op.f("fk_users_seller_id_sellers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_index(op.f("ix_users_seller_id"), "users", ["seller_id"], unique=False)
    op.create_table(
        "campaigns",
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("objective", sa.String(length=64), nullable=True),
        sa.Column("sellpage_id", sa.UUID(), nullable=True),
        sa.Column("sellpage_set_manually", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("meta_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=400), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "ACTIVE",
                "PAUSED",
                "ARCHIVED",
                "DELETED",
                name="entity_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "delivery_status",
            sa.Enum(
                "ACTIVE",
                "INACTIVE",
                "LEARNING",
                "ERROR",
                "LIMITED",
                "NOT_DELIVERING",
                name="delivery_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("effective_status", sa.String(length=64), nullable=False),
        sa.Column("daily_budget", sa.BigInteger(), nullable=True),
        sa.Column("lifetime_budget", sa.BigInteger(), nullable=True),
        sa.Column("meta_updated_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("synced_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["ad_account_id"],
            ["ad_accounts.id"],
            name=op.f("fk_campaigns_ad_account_id_ad_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name=op.f("fk_campaigns_seller_id_sellers"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["sellpage_id"],
            ["sellpages.id"],
            name=op.f("fk_campaigns_sellpage_id_sellpages"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
        sa.UniqueConstraint("ad_account_id", "meta_id", name=op.f("uq_campaigns_ad_account_id_meta_id")),
    )
    op.create_index("ix_campaigns_seller_account", "campaigns", ["seller_id", "ad_account_id"], unique=False)
    op.create_index(op.f("ix_campaigns_seller_id"), "campaigns", ["seller_id"], unique=False)
    op.create_index(op.f("ix_campaigns_sellpage_id"), "campaigns", ["sellpage_id"], unique=False)
    op.create_table(
        "jobs",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("user_id", sa.UUID(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "campaign",
                "adset",
                "ad",
                name="entity_level",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "target_status",
            sa.Enum(
                "ACTIVE",
                "PAUSED",
                "ARCHIVED",
                "DELETED",
                name="job_target_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "queued",
                "running",
                "succeeded",
                "partially_failed",
                "failed",
                name="job_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("idempotency_key", sa.String(length=200), nullable=True),
        sa.Column("request_hash", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("not_before", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name=op.f("fk_jobs_seller_id_sellers"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_jobs_user_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
        sa.UniqueConstraint("seller_id", "idempotency_key", name=op.f("uq_jobs_seller_id_idempotency_key")),
    )
    op.create_index("ix_jobs_seller_created", "jobs", ["seller_id", "created_at"], unique=False)
    op.create_index(op.f("ix_jobs_seller_id"), "jobs", ["seller_id"], unique=False)
    op.create_table(
        "refresh_tokens",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("user_id", sa.UUID(), nullable=False),
        sa.Column("family_id", sa.UUID(), nullable=False),
        sa.Column("token_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("family_expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rotated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["seller_id"],
            ["sellers.id"],
            name=op.f("fk_refresh_tokens_seller_id_sellers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_refresh_tokens_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refresh_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_refresh_tokens_token_hash")),
    )
    op.create_index(op.f("ix_refresh_tokens_family_id"), "refresh_tokens", ["family_id"], unique=False)
    op.create_index(op.f("ix_refresh_tokens_seller_id"), "refresh_tokens", ["seller_id"], unique=False)
    op.create_index(op.f("ix_refresh_tokens_user_id"), "refresh_tokens", ["user_id"], unique=False)
    op.create_table(
        "sync_runs",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "stats", "delivery", name="sync_kind", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("dispatch_id", sa.String(length=64), nullable=True),
        sa.Column("window_since", sa.Date(), nullable=True),
        sa.Column("window_until", sa.Date(), nullable=True),
        sa.Column("is_backfill", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "running",
                "succeeded",
                "failed",
                "throttled",
                "needs_reauth",
                name="sync_outcome",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("rows_written", sa.Integer(), nullable=False),
        sa.Column("rows_deleted", sa.Integer(), nullable=False),
        sa.Column("graph_calls", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ad_account_id"],
            ["ad_accounts.id"],
            name=op.f("fk_sync_runs_ad_account_id_ad_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name=op.f("fk_sync_runs_seller_id_sellers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_runs")),
    )
    op.create_index(
        "ix_sync_runs_account_kind_started",
        "sync_runs",
        ["ad_account_id", "kind", "started_at"],
        unique=False,
    )
    op.create_index(op.f("ix_sync_runs_seller_id"), "sync_runs", ["seller_id"], unique=False)
    op.create_table(
        "adsets",
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("campaign_id", sa.UUID(), nullable=False),
        sa.Column("optimization_goal", sa.String(length=64), nullable=True),
        sa.Column("promoted_object", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("promoted_event", sa.String(length=64), nullable=True),
        sa.Column("learning_stage", sa.String(length=32), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("meta_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=400), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "ACTIVE",
                "PAUSED",
                "ARCHIVED",
                "DELETED",
                name="entity_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "delivery_status",
            sa.Enum(
                "ACTIVE",
                "INACTIVE",
                "LEARNING",
                "ERROR",
                "LIMITED",
                "NOT_DELIVERING",
                name="delivery_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("effective_status", sa.String(length=64), nullable=False),
        sa.Column("daily_budget", sa.BigInteger(), nullable=True),
        sa.Column("lifetime_budget", sa.BigInteger(), nullable=True),
        sa.Column("meta_updated_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("synced_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["ad_account_id"],
            ["ad_accounts.id"],
            name=op.f("fk_adsets_ad_account_id_ad_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_adsets_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name=op.f("fk_adsets_seller_id_sellers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adsets")),
        sa.UniqueConstraint("ad_account_id", "meta_id", name=op.f("uq_adsets_ad_account_id_meta_id")),
    )
    op.create_index(op.f("ix_adsets_campaign_id"), "adsets", ["campaign_id"], unique=False)
    op.create_index("ix_adsets_seller_account", "adsets", ["seller_id", "ad_account_id"], unique=False)
    op.create_index(op.f("ix_adsets_seller_id"), "adsets", ["seller_id"], unique=False)
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("user_id", sa.UUID(), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity_level", sa.String(length=16), nullable=True),
        sa.Column("entity_id", sa.UUID(), nullable=True),
        sa.Column("entity_name", sa.String(length=400), nullable=True),
        sa.Column("from_value", sa.String(length=64), nullable=True),
        sa.Column("to_value", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.Column("job_id", sa.UUID(), nullable=True),
        sa.Column("detail", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_audit_log_job_id_jobs"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name=op.f("fk_audit_log_seller_id_sellers"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_audit_log_user_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_seller_created", "audit_log", ["seller_id", "created_at"], unique=False)
    op.create_index(op.f("ix_audit_log_seller_id"), "audit_log", ["seller_id"], unique=False)
    op.create_table(
        "job_items",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("job_id", sa.UUID(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("entity_id", sa.UUID(), nullable=False),
        sa.Column("meta_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=400), nullable=False),
        sa.Column("from_status", sa.String(length=32), nullable=False),
        sa.Column("to_status", sa.String(length=32), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "pending",
                "applied",
                "failed",
                "skipped",
                name="job_item_outcome",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["ad_account_id"],
            ["ad_accounts.id"],
            name=op.f("fk_job_items_ad_account_id_ad_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_job_items_job_id_jobs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name=op.f("fk_job_items_seller_id_sellers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_items")),
        sa.UniqueConstraint("job_id", "entity_id", name=op.f("uq_job_items_job_id_entity_id")),
    )
    op.create_index(op.f("ix_job_items_job_id"), "job_items", ["job_id"], unique=False)
    op.create_index(op.f("ix_job_items_seller_id"), "job_items", ["seller_id"], unique=False)
    op.create_table(
        "ads",
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("campaign_id", sa.UUID(), nullable=False),
        sa.Column("adset_id", sa.UUID(), nullable=False),
        sa.Column("link_url", sa.String(length=2048), nullable=True),
        sa.Column("issues", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("meta_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=400), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "ACTIVE",
                "PAUSED",
                "ARCHIVED",
                "DELETED",
                name="entity_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "delivery_status",
            sa.Enum(
                "ACTIVE",
                "INACTIVE",
                "LEARNING",
                "ERROR",
                "LIMITED",
                "NOT_DELIVERING",
                name="delivery_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("effective_status", sa.String(length=64), nullable=False),
        sa.Column("daily_budget", sa.BigInteger(), nullable=True),
        sa.Column("lifetime_budget", sa.BigInteger(), nullable=True),
        sa.Column("meta_updated_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("synced_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["ad_account_id"],
            ["ad_accounts.id"],
            name=op.f("fk_ads_ad_account_id_ad_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["adset_id"], ["adsets.id"], name=op.f("fk_ads_adset_id_adsets"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_ads_campaign_id_campaigns"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name=op.f("fk_ads_seller_id_sellers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ads")),
        sa.UniqueConstraint("ad_account_id", "meta_id", name=op.f("uq_ads_ad_account_id_meta_id")),
    )
    op.create_index(op.f("ix_ads_adset_id"), "ads", ["adset_id"], unique=False)
    op.create_index(op.f("ix_ads_campaign_id"), "ads", ["campaign_id"], unique=False)
    op.create_index("ix_ads_seller_account", "ads", ["seller_id", "ad_account_id"], unique=False)
    op.create_index(op.f("ix_ads_seller_id"), "ads", ["seller_id"], unique=False)
    op.create_table(
        "ad_stats_daily",
        sa.Column("ad_id", sa.UUID(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("campaign_id", sa.UUID(), nullable=False),
        sa.Column("adset_id", sa.UUID(), nullable=False),
        sa.Column("spend", sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column("impressions", sa.BigInteger(), nullable=False),
        sa.Column("reach", sa.BigInteger(), nullable=True),
        sa.Column("clicks", sa.BigInteger(), nullable=False),
        sa.Column("link_clicks", sa.BigInteger(), nullable=False),
        sa.Column("content_views", sa.BigInteger(), nullable=False),
        sa.Column("add_to_cart", sa.BigInteger(), nullable=False),
        sa.Column("initiate_checkout", sa.BigInteger(), nullable=False),
        sa.Column("purchases", sa.BigInteger(), nullable=False),
        sa.Column("purchase_value", sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column("results", sa.BigInteger(), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["ad_account_id"],
            ["ad_accounts.id"],
            name=op.f("fk_ad_stats_daily_ad_account_id_ad_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["ad_id"], ["ads.id"], name=op.f("fk_ad_stats_daily_ad_id_ads"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["adset_id"], ["adsets.id"], name=op.f("fk_ad_stats_daily_adset_id_adsets"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_ad_stats_daily_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"],
            ["sellers.id"],
            name=op.f("fk_ad_stats_daily_seller_id_sellers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("ad_id", "date", name=op.f("pk_ad_stats_daily")),
    )
    op.create_index(
        "ix_ad_stats_daily_account_date", "ad_stats_daily", ["ad_account_id", "date"], unique=False
    )
    op.create_index("ix_ad_stats_daily_adset_date", "ad_stats_daily", ["adset_id", "date"], unique=False)
    op.create_index(
        "ix_ad_stats_daily_campaign_date", "ad_stats_daily", ["campaign_id", "date"], unique=False
    )
    op.create_index("ix_ad_stats_daily_seller_date", "ad_stats_daily", ["seller_id", "date"], unique=False)


def downgrade() -> None:

    op.drop_index("ix_ad_stats_daily_seller_date", table_name="ad_stats_daily")
    op.drop_index("ix_ad_stats_daily_campaign_date", table_name="ad_stats_daily")
    op.drop_index("ix_ad_stats_daily_adset_date", table_name="ad_stats_daily")
    op.drop_index("ix_ad_stats_daily_account_date", table_name="ad_stats_daily")
    op.drop_table("ad_stats_daily")
    op.drop_index(op.f("ix_ads_seller_id"), table_name="ads")
    op.drop_index("ix_ads_seller_account", table_name="ads")
    op.drop_index(op.f("ix_ads_campaign_id"), table_name="ads")
    op.drop_index(op.f("ix_ads_adset_id"), table_name="ads")
    op.drop_table("ads")
    op.drop_index(op.f("ix_job_items_seller_id"), table_name="job_items")
    op.drop_index(op.f("ix_job_items_job_id"), table_name="job_items")
    op.drop_table("job_items")
    op.drop_index(op.f("ix_audit_log_seller_id"), table_name="audit_log")
    op.drop_index("ix_audit_log_seller_created", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index(op.f("ix_adsets_seller_id"), table_name="adsets")
    op.drop_index("ix_adsets_seller_account", table_name="adsets")
    op.drop_index(op.f("ix_adsets_campaign_id"), table_name="adsets")
    op.drop_table("adsets")
    op.drop_index(op.f("ix_sync_runs_seller_id"), table_name="sync_runs")
    op.drop_index("ix_sync_runs_account_kind_started", table_name="sync_runs")
    op.drop_table("sync_runs")
    op.drop_index(op.f("ix_refresh_tokens_user_id"), table_name="refresh_tokens")
    op.drop_index(op.f("ix_refresh_tokens_seller_id"), table_name="refresh_tokens")
    op.drop_index(op.f("ix_refresh_tokens_family_id"), table_name="refresh_tokens")
    op.drop_table("refresh_tokens")
    op.drop_index(op.f("ix_jobs_seller_id"), table_name="jobs")
    op.drop_index("ix_jobs_seller_created", table_name="jobs")
    op.drop_table("jobs")
    op.drop_index(op.f("ix_campaigns_sellpage_id"), table_name="campaigns")
    op.drop_index(op.f("ix_campaigns_seller_id"), table_name="campaigns")
    op.drop_index("ix_campaigns_seller_account", table_name="campaigns")
    op.drop_table("campaigns")
    op.drop_index(op.f("ix_users_seller_id"), table_name="users")
    op.drop_table("users")
    op.drop_index(op.f("ix_sellpages_seller_id"), table_name="sellpages")
    op.drop_table("sellpages")
    op.drop_index(op.f("ix_ad_accounts_seller_id"), table_name="ad_accounts")
    op.drop_table("ad_accounts")
    op.drop_table("sellers")
    op.drop_index("ix_login_attempts_ip_time", table_name="login_attempts")
    op.drop_index("ix_login_attempts_email_time", table_name="login_attempts")
    op.drop_table("login_attempts")
