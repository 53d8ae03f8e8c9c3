"""ad_preset_stats read by (ad_account_id, preset): the Ads Manager's snapshot read

The /ads statement reads one preset of each fresh account's snapshot. With an index on
ad_account_id alone Postgres walked every preset of the account (~20x the rows) and ANDed it
with the (seller_id, preset) bitmap; (ad_account_id, preset) finds exactly the rows it needs and
still serves the refresh's DELETE by account.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 19:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_ad_preset_stats_account", table_name="ad_preset_stats")
    op.create_index("ix_ad_preset_stats_account_preset", "ad_preset_stats", ["ad_account_id", "preset"])


def downgrade() -> None:
    op.drop_index("ix_ad_preset_stats_account_preset", table_name="ad_preset_stats")
    op.create_index("ix_ad_preset_stats_account", "ad_preset_stats", ["ad_account_id"])
