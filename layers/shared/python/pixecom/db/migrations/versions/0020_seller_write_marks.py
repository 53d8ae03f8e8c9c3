"""seller_write_marks: when a seller last wrote an ad account's entities (read-your-writes)

Statement triggers with transition tables on ad_accounts, campaigns, adsets and ads stamp one
row per (seller, ad account) a statement touched with the statement's clock time, skipping a row
another transaction holds (it stamps it itself), so a mark never waits. The
key is per account, not per seller, so two workers syncing two accounts of one seller never wait
on one row. pixecom.db.reader reads it on the primary before sending a read to the replica.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 10:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table -> the column naming its ad account
TABLES = {
    "ad_accounts": "id",
    "campaigns": "ad_account_id",
    "adsets": "ad_account_id",
    "ads": "ad_account_id",
}


def _mark(rows: str, account: str) -> str:
    """Stamp the touched (seller, account) marks, skipping a mark another transaction holds: that
    one is writing the same account now and stamps it itself (a mark never makes anyone wait,
    so it adds no lock order and no deadlock). A first mark is inserted."""
    touched = f"SELECT DISTINCT seller_id, {account} AS ad_account_id FROM {rows}"  # noqa: S608
    return (
        f"WITH touched AS ({touched}), free AS (SELECT m.seller_id, m.ad_account_id "  # noqa: S608
        "FROM seller_write_marks m JOIN touched t USING (seller_id, ad_account_id) "
        "FOR UPDATE OF m SKIP LOCKED) "
        "UPDATE seller_write_marks m SET written_at = clock_timestamp() FROM free f "
        "WHERE m.seller_id = f.seller_id AND m.ad_account_id = f.ad_account_id; "
        "INSERT INTO seller_write_marks (seller_id, ad_account_id, written_at) "
        f"SELECT seller_id, ad_account_id, clock_timestamp() FROM ({touched}) t "
        "ON CONFLICT (seller_id, ad_account_id) DO NOTHING;"
    )


def _function(table: str, account: str) -> str:
    return f"""
CREATE FUNCTION {table}_mark_seller_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    {_mark("old_rows", account)}
  ELSE
    {_mark("new_rows", account)}
  END IF;
  RETURN NULL;
END
$$;
"""


def upgrade() -> None:
    op.create_table(
        "seller_write_marks",
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seller_id", "ad_account_id", name=op.f("pk_seller_write_marks")),
    )
    for table, account in TABLES.items():
        op.execute(_function(table, account))
        for event, tables in (
            ("INSERT", "NEW TABLE AS new_rows"),
            ("UPDATE", "NEW TABLE AS new_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
        ):
            op.execute(
                f"CREATE TRIGGER {table}_mark_seller_write_{event.lower()} AFTER {event} ON {table} "
                f"REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION {table}_mark_seller_write()"
            )


def downgrade() -> None:
    for table in TABLES:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_mark_seller_write_{event} ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS {table}_mark_seller_write()")
    op.drop_table("seller_write_marks")
