"""seller_write_marks: when a seller last wrote an ad account's entities (read-your-writes)

Statement triggers with transition tables stamp one row per (seller, ad account) with the
statement's clock time when a statement connects or removes an account, adds or removes an
entity, or changes what a seller sees of one (name, statuses, budgets, a campaign's sellpage):
a bulk job, a budget change, a new account. A sync that rewrites equal values, or stamps its own
times on the account, marks nothing. A row another transaction holds is skipped (it stamps it
itself), so a mark never waits. The
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

ENTITY_SHOWN = ("name", "status", "delivery_status", "effective_status", "daily_budget", "lifetime_budget")
# table -> (the column naming its ad account, the columns whose change a seller must see at once;
# empty: only inserts and deletes mark)
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "ad_accounts": ("id", ()),
    "campaigns": ("ad_account_id", (*ENTITY_SHOWN, "sellpage_id")),
    "adsets": ("ad_account_id", ENTITY_SHOWN),
    "ads": ("ad_account_id", ENTITY_SHOWN),
}


def _mark(touched: str) -> str:
    """Stamp the (seller, account) marks `touched` selects, skipping a mark another transaction
    holds: that one is writing the same account now and stamps it itself (a mark never makes
    anyone wait, so it adds no lock order and no deadlock). A first mark is inserted."""
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


def _rows(rows: str, account: str) -> str:
    return f"SELECT DISTINCT seller_id, {account} AS ad_account_id FROM {rows}"  # noqa: S608


def _changed(account: str, shown: tuple[str, ...]) -> str:
    """The updated rows whose shown columns changed (a sync rewriting equal values marks nothing)."""
    old = ", ".join(f"o.{c}" for c in shown)
    new = ", ".join(f"n.{c}" for c in shown)
    return (
        f"SELECT DISTINCT n.seller_id, n.{account} AS ad_account_id FROM new_rows n "  # noqa: S608
        f"JOIN old_rows o ON o.id = n.id WHERE ({old}) IS DISTINCT FROM ({new})"
    )


def _function(table: str, account: str, shown: tuple[str, ...]) -> str:
    on_update = f"ELSIF TG_OP = 'UPDATE' THEN\n    {_mark(_changed(account, shown))}" if shown else ""
    return f"""
CREATE FUNCTION {table}_mark_seller_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    {_mark(_rows("old_rows", account))}
  {on_update}
  ELSE
    {_mark(_rows("new_rows", account))}
  END IF;
  RETURN NULL;
END
$$;
"""


def _events(shown: tuple[str, ...]) -> list[tuple[str, str]]:
    events = [("INSERT", "NEW TABLE AS new_rows"), ("DELETE", "OLD TABLE AS old_rows")]
    return [*events, ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows")] if shown else events


def upgrade() -> None:
    op.create_table(
        "seller_write_marks",
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seller_id", "ad_account_id", name=op.f("pk_seller_write_marks")),
    )
    for table, (account, shown) in TABLES.items():
        op.execute(_function(table, account, shown))
        for event, tables in _events(shown):
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
