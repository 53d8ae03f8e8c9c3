"""per-campaign and per-ad-set daily stats rollups, kept exact by a trigger on ad_stats_daily

The Ads Manager campaigns/adsets lists sum a seller's stats for a date range; reading
ad_stats_daily means ~50x (campaigns) / ~10x (ad sets) more rows than reading these rollups.

The rollups are maintained ONLY by statement-level triggers on ad_stats_daily, so every writer
(stats sync, backfill, tests, manual fixes) keeps them exact without knowing they exist. Each
trigger applies the statement's net delta (NEW rows minus OLD rows, from the transition tables)
with INSERT ... ON CONFLICT DO UPDATE SET x = x + delta: deltas commute and the upsert locks the
rollup row, so concurrent writers to the same campaign-day stay exact. Rows are upserted in key
order so concurrent writers lock in the same order. A rollup row whose ad rows were all deleted
stays, holding zeros (same sums as no row). Deltas of campaigns/ad sets deleted by the same
statement (cascades) are skipped: their rollup rows are gone with them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
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
MONEY = sa.Numeric(20, 4)


def _sum_columns() -> list[sa.Column]:
    return [
        sa.Column(name, MONEY if name in ("spend", "purchase_value") else sa.BigInteger(), nullable=False)
        for name in SUMS
    ]


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", ondelete="CASCADE"
    )


def _apply_sql(rollup: str, key: str, extra: tuple[str, ...], parent: str, source: str) -> str:
    """Upsert the summed delta of `source` (a subquery of signed rows) into one rollup table."""
    cols = ", ".join((key, "date", "seller_id", "ad_account_id", *extra, *SUMS))
    group = ", ".join((f"d.{key}", "d.date", "d.seller_id", "d.ad_account_id", *(f"d.{c}" for c in extra)))
    sums = ", ".join(f"sum(d.{c})" for c in SUMS)
    updates = ", ".join(f"{c} = r.{c} + EXCLUDED.{c}" for c in SUMS)
    # Fixed identifiers only, never input.
    return (
        f"INSERT INTO {rollup} AS r ({cols}) "  # noqa: S608
        f"SELECT {group}, {sums} FROM ({source}) AS d "
        f"WHERE EXISTS (SELECT 1 FROM {parent} p WHERE p.id = d.{key}) "
        f"GROUP BY {group} ORDER BY d.{key}, d.date "
        f"ON CONFLICT ({key}, date) DO UPDATE SET {updates};"
    )


def _signed(table: str, sign: str) -> str:
    values = ", ".join(f"{sign}{c} AS {c}" for c in SUMS)
    return f"SELECT campaign_id, adset_id, date, seller_id, ad_account_id, {values} FROM {table}"  # noqa: S608


def _function_sql() -> str:
    def both(source: str) -> str:
        return "\n    ".join(
            (
                _apply_sql("campaign_stats_daily", "campaign_id", (), "campaigns", source),
                _apply_sql("adset_stats_daily", "adset_id", ("campaign_id",), "adsets", source),
            )
        )

    changed = f"{_signed('new_rows', '')} UNION ALL {_signed('old_rows', '-')}"
    return f"""
CREATE FUNCTION ad_stats_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    {both(_signed("new_rows", ""))}
  ELSIF TG_OP = 'DELETE' THEN
    {both(_signed("old_rows", "-"))}
  ELSE
    {both(changed)}
  END IF;
  RETURN NULL;
END
$$;
"""


def upgrade() -> None:
    op.create_table(
        "campaign_stats_daily",
        sa.Column("campaign_id", sa.UUID(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        *_sum_columns(),
        _fk("campaign_stats_daily", "campaign_id", "campaigns"),
        _fk("campaign_stats_daily", "seller_id", "sellers"),
        _fk("campaign_stats_daily", "ad_account_id", "ad_accounts"),
        sa.PrimaryKeyConstraint("campaign_id", "date", name=op.f("pk_campaign_stats_daily")),
        postgresql_with={"fillfactor": 70},  # room for HOT updates: the trigger updates rows in place
    )
    op.create_index("ix_campaign_stats_daily_seller_date", "campaign_stats_daily", ["seller_id", "date"])
    op.create_table(
        "adset_stats_daily",
        sa.Column("adset_id", sa.UUID(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("seller_id", sa.UUID(), nullable=False),
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("campaign_id", sa.UUID(), nullable=False),
        *_sum_columns(),
        _fk("adset_stats_daily", "adset_id", "adsets"),
        _fk("adset_stats_daily", "seller_id", "sellers"),
        _fk("adset_stats_daily", "ad_account_id", "ad_accounts"),
        _fk("adset_stats_daily", "campaign_id", "campaigns"),
        sa.PrimaryKeyConstraint("adset_id", "date", name=op.f("pk_adset_stats_daily")),
        postgresql_with={"fillfactor": 70},
    )
    op.create_index("ix_adset_stats_daily_seller_date", "adset_stats_daily", ["seller_id", "date"])
    op.execute(_function_sql())
    for event, tables in (
        ("INSERT", "NEW TABLE AS new_rows"),
        ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ("DELETE", "OLD TABLE AS old_rows"),
    ):
        op.execute(
            f"CREATE TRIGGER ad_stats_rollup_{event.lower()} AFTER {event} ON ad_stats_daily "
            f"REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION ad_stats_rollup_apply()"
        )
    # Existing stats (if any) into the rollups.
    op.execute(
        _apply_sql("campaign_stats_daily", "campaign_id", (), "campaigns", _signed("ad_stats_daily", ""))
    )
    op.execute(
        _apply_sql("adset_stats_daily", "adset_id", ("campaign_id",), "adsets", _signed("ad_stats_daily", ""))
    )


def downgrade() -> None:
    for event in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS ad_stats_rollup_{event} ON ad_stats_daily")
    op.execute("DROP FUNCTION IF EXISTS ad_stats_rollup_apply()")
    op.drop_index("ix_adset_stats_daily_seller_date", table_name="adset_stats_daily")
    op.drop_table("adset_stats_daily")
    op.drop_index("ix_campaign_stats_daily_seller_date", table_name="campaign_stats_daily")
    op.drop_table("campaign_stats_daily")
