"""An index for the store columns' sellpage-link attribution

The campaigns list reads a seller's paid orders without Meta ids over its date range
(`pixecom.adsmanager.store_columns`, orders from Meta counted by their sellpage's only campaign).
Without an index that is every order the seller ever sent; this partial index holds only those
orders, by seller and time.

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-06 13:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0030"
down_revision: str | None = "0029"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WITHOUT_IDS = (
    "campaign_meta_id = '' AND adset_meta_id = '' AND ad_meta_id = '' "
    "AND status IN ('paid', 'partly_refunded')"
)


def upgrade() -> None:
    op.create_index(
        "ix_store_orders_without_ids",
        "store_orders",
        ["seller_id", "ordered_at"],
        postgresql_where=sa.text(WITHOUT_IDS),
    )


def downgrade() -> None:
    op.drop_index("ix_store_orders_without_ids", table_name="store_orders")
