"""store orders: per-seller store API keys, the orders the PixEcom store sends, and their daily sums
(store_stats_daily) kept exact by statement triggers on store_orders

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 10:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONEY = sa.Numeric(20, 4)

# What one order adds to its day's sums: a paid order counts once unless fully refunded or
# cancelled; its gross is the amount paid, its refunds what was given back. Pending (created,
# unpaid) and cancelled orders add nothing. `sign` is +1 for the new state, -1 for the old one.
_CONTRIBUTION = """
    SELECT seller_id, sellpage_id, campaign_meta_id, adset_meta_id, ad_meta_id, local_date, currency,
           {sign} * CASE WHEN status IN ('paid', 'partly_refunded') THEN 1 ELSE 0 END AS orders,
           {sign} * amount AS gross,
           {sign} * refunded_amount AS refunds
    FROM {rows}
    WHERE status IN ('paid', 'partly_refunded', 'refunded')
"""


def _apply(contributions: str) -> str:
    """Add the signed contributions to their keys: one upsert, so every key is found through the
    primary key whatever the planner knows about the tables (an UPDATE ... FROM planned on a
    freshly filled table once chose a sequential scan per subtracted key). A key whose orders all
    moved away stays, at zero: sums stay exact and no statement has to look for it."""
    return f"""
        INSERT INTO store_stats_daily AS s (
            seller_id, sellpage_id, campaign_meta_id, adset_meta_id, ad_meta_id, date, currency,
            orders, gross_revenue, refunds)
        SELECT seller_id, sellpage_id, campaign_meta_id, adset_meta_id, ad_meta_id, local_date, currency,
               sum(orders), sum(gross), sum(refunds)
        FROM ({contributions}) AS delta
        GROUP BY 1, 2, 3, 4, 5, 6, 7
        ORDER BY 1, 2, 3, 4, 5, 6, 7  -- one lock order for every writer: concurrent batches never deadlock
        ON CONFLICT (seller_id, sellpage_id, campaign_meta_id, adset_meta_id, ad_meta_id, date, currency)
        DO UPDATE SET orders = s.orders + excluded.orders,
                      gross_revenue = s.gross_revenue + excluded.gross_revenue,
                      refunds = s.refunds + excluded.refunds;
    """  # noqa: S608 (only the fixed fragments above are interpolated)


_ADDED = _CONTRIBUTION.format(sign=1, rows="new_rows")
_REMOVED = _CONTRIBUTION.format(sign=-1, rows="old_rows")
_FUNCTION = f"""
CREATE OR REPLACE FUNCTION store_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {_apply(_ADDED)}
    ELSIF TG_OP = 'UPDATE' THEN
        {_apply(_ADDED + " UNION ALL " + _REMOVED)}
    ELSE
        {_apply(_REMOVED)}
    END IF;
    RETURN NULL;
END;
$$;
"""


def upgrade() -> None:
    op.create_table(
        "store_api_keys",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("key_prefix", sa.String(length=16), nullable=False),
        sa.Column("key_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("created_by", sa.UUID(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("window_started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("window_requests", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name="fk_store_api_keys_seller_id_sellers", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name="fk_store_api_keys_created_by_users", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_store_api_keys"),
        sa.UniqueConstraint("key_hash", name="uq_store_api_keys_key_hash"),
    )
    op.create_index("ix_store_api_keys_seller_id", "store_api_keys", ["seller_id"])
    op.create_table(
        "store_orders",
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("order_id", sa.String(length=128), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("event_type", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("event_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("sellpage_id", sa.UUID(), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("refunded_amount", MONEY, nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("ordered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("campaign_meta_id", sa.String(length=32), nullable=False),
        sa.Column("adset_meta_id", sa.String(length=32), nullable=False),
        sa.Column("ad_meta_id", sa.String(length=32), nullable=False),
        sa.Column("landing_params", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name="fk_store_orders_seller_id_sellers", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["sellpage_id"],
            ["sellpages.id"],
            name="fk_store_orders_sellpage_id_sellpages",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seller_id", "order_id", name="pk_store_orders"),
        sa.CheckConstraint(
            "amount >= 0 AND refunded_amount >= 0 AND refunded_amount <= amount",
            name="ck_store_orders_amounts",
        ),
        sa.CheckConstraint("version >= 1", name="ck_store_orders_version"),
    )
    op.create_index("ix_store_orders_sellpage_id", "store_orders", ["sellpage_id"])
    op.create_table(
        "store_stats_daily",
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("sellpage_id", sa.UUID(), nullable=False),
        sa.Column("campaign_meta_id", sa.String(length=32), nullable=False),
        sa.Column("adset_meta_id", sa.String(length=32), nullable=False),
        sa.Column("ad_meta_id", sa.String(length=32), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("orders", sa.BigInteger(), nullable=False),
        sa.Column("gross_revenue", MONEY, nullable=False),
        sa.Column("refunds", MONEY, nullable=False),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["sellers.id"], name="fk_store_stats_daily_seller_id_sellers", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["sellpage_id"],
            ["sellpages.id"],
            name="fk_store_stats_daily_sellpage_id_sellpages",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "seller_id",
            "sellpage_id",
            "campaign_meta_id",
            "adset_meta_id",
            "ad_meta_id",
            "date",
            "currency",
            name="pk_store_stats_daily",
        ),
        postgresql_with={"fillfactor": 70},
    )
    op.create_index("ix_store_stats_daily_seller_date", "store_stats_daily", ["seller_id", "date"])
    op.execute(_FUNCTION)
    for event, tables in (
        ("INSERT", "NEW TABLE AS new_rows"),
        ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ("DELETE", "OLD TABLE AS old_rows"),
    ):
        op.execute(
            f"CREATE TRIGGER store_orders_stats_{event.lower()} AFTER {event} ON store_orders "
            f"REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION store_stats_apply()"
        )


def downgrade() -> None:
    op.drop_table("store_stats_daily")
    op.drop_table("store_orders")
    op.execute("DROP FUNCTION IF EXISTS store_stats_apply()")
    op.drop_table("store_api_keys")
