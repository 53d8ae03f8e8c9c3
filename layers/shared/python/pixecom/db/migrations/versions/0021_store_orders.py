"""store orders: per-seller store API keys, the orders the PixEcom store sends, and their daily sums
(store_stats_daily) kept exact by statement triggers on store_orders

Revision ID: 0021
Revises: 0011
Create Date: 2026-12-06 10:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0021"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONEY = sa.Numeric(20, 4)

# What one order adds to its day's sums: a paid order counts once unless fully refunded or
# cancelled; its gross is the amount paid, its refunds what was given back. Pending (created,
# unpaid) and cancelled orders add nothing.
_CONTRIBUTION = """
    SELECT seller_id, sellpage_id, campaign_meta_id, adset_meta_id, ad_meta_id, local_date, currency,
           CASE WHEN status IN ('paid', 'partly_refunded') THEN 1 ELSE 0 END AS orders,
           CASE WHEN status IN ('paid', 'partly_refunded', 'refunded') THEN amount ELSE 0 END AS gross,
           CASE WHEN status IN ('paid', 'partly_refunded', 'refunded') THEN refunded_amount ELSE 0 END
               AS refunds
    FROM {rows}
    WHERE status IN ('paid', 'partly_refunded', 'refunded')
"""

_FUNCTION = f"""
CREATE OR REPLACE FUNCTION store_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO store_stats_daily AS s (
            seller_id, sellpage_id, campaign_meta_id, adset_meta_id, ad_meta_id, date, currency,
            orders, gross_revenue, refunds)
        SELECT seller_id, sellpage_id, campaign_meta_id, adset_meta_id, ad_meta_id, local_date, currency,
               sum(orders), sum(gross), sum(refunds)
        FROM ({_CONTRIBUTION.format(rows="new_rows")}) AS added
        GROUP BY 1, 2, 3, 4, 5, 6, 7
        ON CONFLICT (seller_id, sellpage_id, campaign_meta_id, adset_meta_id, ad_meta_id, date, currency)
        DO UPDATE SET orders = s.orders + excluded.orders,
                      gross_revenue = s.gross_revenue + excluded.gross_revenue,
                      refunds = s.refunds + excluded.refunds;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        WITH removed AS (
            SELECT seller_id, sellpage_id, campaign_meta_id, adset_meta_id, ad_meta_id, local_date, currency,
                   sum(orders) AS orders, sum(gross) AS gross, sum(refunds) AS refunds
            FROM ({_CONTRIBUTION.format(rows="old_rows")}) AS subtracted
            GROUP BY 1, 2, 3, 4, 5, 6, 7
        )
        UPDATE store_stats_daily AS s
        SET orders = s.orders - r.orders,
            gross_revenue = s.gross_revenue - r.gross,
            refunds = s.refunds - r.refunds
        FROM removed AS r
        WHERE (s.seller_id, s.sellpage_id, s.campaign_meta_id, s.adset_meta_id, s.ad_meta_id, s.date, s.currency)
            = (r.seller_id, r.sellpage_id, r.campaign_meta_id, r.adset_meta_id, r.ad_meta_id, r.local_date,
               r.currency);
        -- A key with nothing left is no row at all (an order moved away, cancelled, ...); matched
        -- on the whole primary key, so only the rows just subtracted from are looked at.
        DELETE FROM store_stats_daily AS s
        USING (
            SELECT DISTINCT seller_id, sellpage_id, campaign_meta_id, adset_meta_id, ad_meta_id, local_date,
                            currency
            FROM old_rows
        ) AS o
        WHERE (s.seller_id, s.sellpage_id, s.campaign_meta_id, s.adset_meta_id, s.ad_meta_id, s.date, s.currency)
            = (o.seller_id, o.sellpage_id, o.campaign_meta_id, o.adset_meta_id, o.ad_meta_id, o.local_date,
               o.currency)
          AND s.orders = 0 AND s.gross_revenue = 0 AND s.refunds = 0;
    END IF;
    RETURN NULL;
END;
$$;
"""  # noqa: S608 (only the fixed fragment above is interpolated)


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
