"""Breakdown reports: Meta's async insights reports by age, gender, country, placement, ...
kept per ad account, breakdown and date range (`breakdown_jobs`), with each ad's counters per
bucket over the range, and each ad set's and campaign's summed from its ads (`breakdown_stats`).

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-06 13:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from pixecom.db.stats_schema import counter_columns

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The additive counters as of this revision (a later counter adds its column in its own revision).
COUNTERS = (
    "spend", "impressions", "clicks", "link_clicks", "content_views", "add_to_cart", "initiate_checkout",
    "purchases", "purchase_value", "results", "landing_page_views",
)  # fmt: skip
_TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "breakdown_jobs",
        sa.Column("id", sa.UUID(), primary_key=True),
        sa.Column("seller_id", sa.UUID(), sa.ForeignKey("sellers.id", ondelete="CASCADE"), nullable=False),
        sa.Column(
            "ad_account_id", sa.UUID(), sa.ForeignKey("ad_accounts.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("breakdown", sa.String(64), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("report_run_id", sa.String(64)),
        sa.Column("next_page", sa.Text()),
        sa.Column("percent_complete", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("row_count", sa.Integer()),
        sa.Column("graph_calls", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text()),
        sa.Column("created_at", _TZ, nullable=False),
        sa.Column("progressed_at", _TZ, nullable=False),
        sa.Column("finished_at", _TZ),
        sa.UniqueConstraint("ad_account_id", "breakdown", "since", "until"),
    )
    op.create_index("ix_breakdown_jobs_seller_id", "breakdown_jobs", ["seller_id"])
    op.create_table(
        "breakdown_stats",
        sa.Column(
            "job_id", sa.UUID(), sa.ForeignKey("breakdown_jobs.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("level", sa.String(8), primary_key=True),
        sa.Column("meta_id", sa.String(32), primary_key=True),
        sa.Column("bucket", postgresql.ARRAY(sa.Text()), primary_key=True),
        *counter_columns(COUNTERS),
    )


def downgrade() -> None:
    op.drop_table("breakdown_stats")
    op.drop_table("breakdown_jobs")
