"""data_changes: which transactions changed what a seller's Ads Manager lists read

Statement triggers with transition tables log one row per (seller, writing transaction) on every
insert, update or delete of a table the lists read; a change every seller sees (exchange rates,
a truncate) is logged under the all-zero seller id. The row holds the transaction's id, so a
reader that kept a list body with the snapshot it was read in can ask "did any transaction this
snapshot does not see change my data?" (pixecom.db.data_changes). Keyed by (seller, transaction):
a transaction logs a seller once, and no two transactions ever write one key, so a log never
waits on another writer and adds no lock order.

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-06 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0032"
down_revision: str | None = "0031"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVERY_SELLER = "00000000-0000-0000-0000-000000000000"
BY_ACCOUNT = "(SELECT a.seller_id FROM ad_accounts a WHERE a.id = t.ad_account_id)"
# table -> the SQL naming a changed row's seller (alias t), as the tables were at this revision.
# `ad_stats_daily` is not here: every row a statement writes there is upserted into
# `campaign_stats_daily` and `adset_stats_daily` by its rollup triggers, which log it.
WATCHED: dict[str, str] = {
    "sellers": "t.id",
    "ad_accounts": "t.seller_id",
    "campaigns": "t.seller_id",
    "adsets": "t.seller_id",
    "ads": "t.seller_id",
    "adset_stats_daily": "t.seller_id",
    "campaign_stats_daily": "t.seller_id",
    "ad_preset_stats": "t.seller_id",
    "adset_preset_stats": "t.seller_id",
    "campaign_preset_stats": "t.seller_id",
    "ad_preset_stats_state": BY_ACCOUNT,
    "ad_preset_ranges": BY_ACCOUNT,
    "reach_stats": "t.seller_id",
    "store_orders": "t.seller_id",
    "store_stats_daily": "t.seller_id",
    "sellpages": "t.seller_id",
    "creatives": "t.seller_id",
    "exchange_rates": f"CAST('{EVERY_SELLER}' AS uuid)",
}


XID = "CAST(CAST(pg_current_xact_id() AS text) AS bigint)"


def _log(rows: str, seller: str) -> str:
    # A row whose seller is no longer found (a deleted account's cascade) was logged by
    # ad_accounts' own trigger in the same statement.
    return (
        f"INSERT INTO data_changes (seller_id, xid) SELECT DISTINCT s.seller_id, {XID} "  # noqa: S608
        f"FROM (SELECT {seller} AS seller_id FROM {rows} t) s WHERE s.seller_id IS NOT NULL "
        "ON CONFLICT (seller_id, xid) DO NOTHING;"
    )


def _function(table: str, seller: str) -> str:
    # Table names and seller expressions are this module's constants, nothing from outside.
    return f"""
CREATE FUNCTION {table}_log_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO data_changes (seller_id, xid) VALUES ('{EVERY_SELLER}', {XID})
    ON CONFLICT (seller_id, xid) DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    {_log("old_rows", seller)}
  ELSE
    {_log("new_rows", seller)}
  END IF;
  RETURN NULL;
END
$$;
"""  # noqa: S608


EVENTS = (
    ("insert", "INSERT", "REFERENCING NEW TABLE AS new_rows"),
    ("update", "UPDATE", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    ("delete", "DELETE", "REFERENCING OLD TABLE AS old_rows"),
    ("truncate", "TRUNCATE", ""),
)


def upgrade() -> None:
    op.create_table(
        "data_changes",
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("xid", sa.BigInteger(), nullable=False),
        sa.Column(
            "logged_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("clock_timestamp()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("seller_id", "xid", name=op.f("pk_data_changes")),
    )
    op.create_index("ix_data_changes_logged_at", "data_changes", ["logged_at"])
    for table, seller in WATCHED.items():
        op.execute(_function(table, seller))
        for name, event, tables in EVENTS:
            op.execute(
                f"CREATE TRIGGER {table}_log_data_change_{name} AFTER {event} ON {table} "
                f"{tables} FOR EACH STATEMENT EXECUTE FUNCTION {table}_log_data_change()"
            )


def downgrade() -> None:
    for table in WATCHED:
        for name, _, _ in EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_log_data_change_{name} ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS {table}_log_data_change()")
    op.drop_table("data_changes")
