"""per-ad sums for each date preset (a snapshot per ad account), invalidated by any stats write

The ads list for a preset must sum ~30 days x every ad of a seller (150k rows for 5,000 ads);
no per-day rollup shrinks that. `ad_preset_stats` holds, per ad and preset, the sums for the
preset's range on the account's local day recorded in `ad_preset_stats_state`. The read query
uses it only for accounts whose state row is for the account's current local day; otherwise it
aggregates ad_stats_daily as before, so a missing or stale snapshot is slower, never wrong.

Any write to ad_stats_daily deletes the state row of the accounts it touched (the trigger from
0002, extended here), so a snapshot never outlives the rows it summed. `refresh_preset_stats`
(pixecom.db.rollups) rebuilds an account's snapshot; the stats sync calls it after writing.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 22:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SUMS = (
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


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", ondelete="CASCADE"
    )


INVALIDATE = """
CREATE FUNCTION ad_preset_stats_invalidate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    DELETE FROM ad_preset_stats_state WHERE ad_account_id IN (SELECT ad_account_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM ad_preset_stats_state WHERE ad_account_id IN (SELECT ad_account_id FROM old_rows);
  ELSE
    DELETE FROM ad_preset_stats_state WHERE ad_account_id IN (
      SELECT ad_account_id FROM new_rows UNION SELECT ad_account_id FROM old_rows);
  END IF;
  RETURN NULL;
END
$$;
"""


def upgrade() -> None:
    op.create_table(
        "ad_preset_stats",
        sa.Column("ad_id", sa.UUID(), nullable=False),
        sa.Column("preset", sa.String(length=16), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("campaign_id", sa.UUID(), nullable=False),
        sa.Column("adset_id", sa.UUID(), nullable=False),
        *[
            sa.Column(c, sa.Numeric(20, 4) if c in ("spend", "purchase_value") else sa.BigInteger(), nullable=False)
            for c in SUMS
        ],
        _fk("ad_preset_stats", "ad_id", "ads"),
        _fk("ad_preset_stats", "seller_id", "sellers"),
        _fk("ad_preset_stats", "ad_account_id", "ad_accounts"),
        sa.PrimaryKeyConstraint("ad_id", "preset", name=op.f("pk_ad_preset_stats")),
    )
    op.create_index("ix_ad_preset_stats_seller_preset", "ad_preset_stats", ["seller_id", "preset"])
    op.create_index("ix_ad_preset_stats_account", "ad_preset_stats", ["ad_account_id"])
    op.create_table(
        "ad_preset_stats_state",
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("local_day", sa.Date(), nullable=False),
        sa.Column("refreshed_at", sa.DateTime(timezone=True), nullable=False),
        _fk("ad_preset_stats_state", "ad_account_id", "ad_accounts"),
        sa.PrimaryKeyConstraint("ad_account_id", name=op.f("pk_ad_preset_stats_state")),
    )
    op.execute(INVALIDATE)
    for event, tables in (
        ("INSERT", "NEW TABLE AS new_rows"),
        ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ("DELETE", "OLD TABLE AS old_rows"),
    ):
        op.execute(
            f"CREATE TRIGGER ad_preset_stats_invalidate_{event.lower()} AFTER {event} ON ad_stats_daily "
            f"REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION ad_preset_stats_invalidate()"
        )


def downgrade() -> None:
    for event in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS ad_preset_stats_invalidate_{event} ON ad_stats_daily")
    op.execute("DROP FUNCTION IF EXISTS ad_preset_stats_invalidate()")
    op.drop_table("ad_preset_stats_state")
    op.drop_index("ix_ad_preset_stats_account", table_name="ad_preset_stats")
    op.drop_index("ix_ad_preset_stats_seller_preset", table_name="ad_preset_stats")
    op.drop_table("ad_preset_stats")
