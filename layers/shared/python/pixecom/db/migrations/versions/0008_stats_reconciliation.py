"""stats_reconciliation: Meta's account totals against the sum of our ad rows, per account-day

The stats sync writes one row per day of each run's window (the last check wins): Meta's spend,
impressions, link clicks, purchases and purchase value, ours, and whether any differ.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONEY = sa.Numeric(20, 4)


def upgrade() -> None:
    op.create_table(
        "stats_reconciliation",
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("meta_spend", MONEY, nullable=False),
        sa.Column("our_spend", MONEY, nullable=False),
        sa.Column("meta_impressions", sa.BigInteger(), nullable=False),
        sa.Column("our_impressions", sa.BigInteger(), nullable=False),
        sa.Column("meta_link_clicks", sa.BigInteger(), nullable=False),
        sa.Column("our_link_clicks", sa.BigInteger(), nullable=False),
        sa.Column("meta_purchases", sa.BigInteger(), nullable=False),
        sa.Column("our_purchases", sa.BigInteger(), nullable=False),
        sa.Column("meta_purchase_value", MONEY, nullable=False),
        sa.Column("our_purchase_value", MONEY, nullable=False),
        sa.Column("differs", sa.Boolean(), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ad_account_id"],
            ["ad_accounts.id"],
            name="fk_stats_reconciliation_ad_account_id_ad_accounts",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"],
            ["sellers.id"],
            name="fk_stats_reconciliation_seller_id_sellers",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("ad_account_id", "date", name="pk_stats_reconciliation"),
    )
    op.create_index("ix_stats_reconciliation_seller_id", "stats_reconciliation", ["seller_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_stats_reconciliation_seller_id", table_name="stats_reconciliation")
    op.drop_table("stats_reconciliation")
