"""Reach for exact ranges: `reach_stats`

Meta's reach (unique people) per ad account, level (account, campaign, ad set, ad), Meta object
and exact local range, with the impressions of the same answer; written by the stats sync for
the standard presets and the days of its window, and by the Ads Manager read as a cache of the
custom ranges it fetched. Never summed.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reach_stats",
        sa.Column("ad_account_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("object_id", sa.String(length=64), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.Column("seller_id", sa.Uuid(), nullable=False),
        sa.Column("reach", sa.BigInteger(), nullable=False),
        sa.Column("impressions", sa.BigInteger(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "level IN ('account', 'campaign', 'adset', 'ad')", name=op.f("ck_reach_stats_level")
        ),
        sa.CheckConstraint("since <= until", name=op.f("ck_reach_stats_range")),
        sa.ForeignKeyConstraint(
            ["ad_account_id"],
            ["ad_accounts.id"],
            name=op.f("fk_reach_stats_ad_account_id_ad_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name=op.f("fk_reach_stats_seller_id_sellers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint(
            "ad_account_id", "level", "object_id", "since", "until", name=op.f("pk_reach_stats")
        ),
    )
    op.create_index(op.f("ix_reach_stats_seller_id"), "reach_stats", ["seller_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_reach_stats_seller_id"), table_name="reach_stats")
    op.drop_table("reach_stats")
