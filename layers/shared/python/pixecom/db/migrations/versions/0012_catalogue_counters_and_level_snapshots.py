"""landing_page_views counter; per-campaign and per-ad-set preset snapshots; triggers from the catalogue

- `landing_page_views` (Meta's `landing_page_view` action) on ad_stats_daily and every rollup and
  snapshot: the catalogue's new counter (`pixecom.domain.catalogue`); 0 for the rows already
  there, refilled by the next syncs' restatement window.
- `adset_preset_stats` and `campaign_preset_stats`: the per-ad preset snapshot of 0003 summed per
  ad set and per campaign, so the campaigns and ad sets lists for a preset read one row per
  entity, as the ads list does. Rebuilt with the ad snapshot (`refresh_preset_stats`), kept
  exact by the same trigger between rebuilds.
- Both trigger functions rewritten for the current catalogue (`pixecom.db.stats_schema`).
- Every account's snapshot state is dropped: the new tables are empty, so no snapshot may read
  as fresh until the next sync rebuilds all three (until then the lists aggregate live).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 10:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pixecom.db.stats_schema import SNAPSHOTS, add_counter_columns, counter_columns, trigger_functions_sql

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_COUNTERS = (
    "spend",
    "impressions",
    "clicks",
    "link_clicks",
    "content_views",
    "add_to_cart",
    "initiate_checkout",
    "purchases",
    "purchase_value",
    "results",
)


def _snapshot_table(table: str, key: str, copied: tuple[str, ...]) -> None:
    op.create_table(
        table,
        sa.Column(key, sa.UUID(), nullable=False),
        sa.Column("preset", sa.String(length=16), nullable=False),
        *(sa.Column(c, sa.UUID(), nullable=False) for c in copied),
        *counter_columns(OLD_COUNTERS),
        sa.ForeignKeyConstraint(
            ["ad_account_id"],
            ["ad_accounts.id"],
            name=f"fk_{table}_ad_account_id_ad_accounts",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(key, "preset", name=op.f(f"pk_{table}")),
        postgresql_with={"fillfactor": 60},
    )
    op.create_index(f"ix_{table}_seller_preset", table, ["seller_id", "preset"])
    op.create_index(f"ix_{table}_account_preset", table, ["ad_account_id", "preset"])


def upgrade() -> None:
    _snapshot_table("adset_preset_stats", "adset_id", ("seller_id", "ad_account_id", "campaign_id"))
    _snapshot_table("campaign_preset_stats", "campaign_id", ("seller_id", "ad_account_id"))
    add_counter_columns(op, ("landing_page_views",))
    for function in trigger_functions_sql():
        op.execute(function)
    op.execute("DELETE FROM ad_preset_stats_state")


def downgrade() -> None:
    for function in trigger_functions_sql(OLD_COUNTERS, SNAPSHOTS[:1]):  # as 0002/0003 wrote them
        op.execute(function)
    op.execute("DELETE FROM ad_preset_stats_state")
    op.drop_table("campaign_preset_stats")
    op.drop_table("adset_preset_stats")
    for table in ("ad_stats_daily", "campaign_stats_daily", "adset_stats_daily", "ad_preset_stats"):
        op.drop_column(table, "landing_page_views")
