"""backfill chunks with their own state, per-window stats leases, the queued 28-day window stamp

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 15:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _account_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["ad_account_id"],
        ["ad_accounts.id"],
        ondelete="CASCADE",
        name=op.f(f"fk_{table}_ad_account_id_ad_accounts"),
    )


def upgrade() -> None:
    op.add_column("ad_accounts", sa.Column("full_window_queued_at", sa.DateTime(timezone=True)))
    op.create_table(
        "backfill_chunks",
        sa.Column("ad_account_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("chunk", sa.Integer, nullable=False),
        sa.Column("since", sa.Date, nullable=False),
        sa.Column("until", sa.Date, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("queued_at", sa.DateTime(timezone=True)),
        sa.Column("done_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("ad_account_id", "chunk", name=op.f("pk_backfill_chunks")),
        _account_fk("backfill_chunks"),
    )
    op.create_table(
        "stats_leases",
        sa.Column("token", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("ad_account_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("since", sa.Date, nullable=False),
        sa.Column("until", sa.Date, nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_stats_leases")),
        _account_fk("stats_leases"),
    )
    op.create_index("ix_stats_leases_ad_account_id", "stats_leases", ["ad_account_id"])


def downgrade() -> None:
    op.drop_table("stats_leases")
    op.drop_table("backfill_chunks")
    op.drop_column("ad_accounts", "full_window_queued_at")
