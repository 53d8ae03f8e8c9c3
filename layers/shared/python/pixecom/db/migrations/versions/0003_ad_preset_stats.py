"""per-ad sums for each date preset (a snapshot per ad account and local day), kept exact by trigger

The ads list for a preset must sum ~30 days x every ad of a seller (150k rows for 5,000 ads);
no per-day rollup shrinks that. `ad_preset_stats` holds, per ad and preset, the sums over the
preset's range (`ad_preset_ranges`) for the local day recorded in `ad_preset_stats_state`.

- `refresh_preset_stats` (pixecom.db.rollups) rebuilds an account's snapshot when its local day
  has changed (the stats sync calls it after each run: a no-op the rest of the day).
- Between rebuilds, a statement-level trigger on ad_stats_daily applies each write's net delta
  to the snapshot rows whose range contains the written day (INSERT ... ON CONFLICT DO UPDATE
  SET x = x + delta, as the per-day rollups of 0002 do), so the snapshot stays exact.
- The read query uses the snapshot only for accounts whose state is for their current local
  day; otherwise it aggregates ad_stats_daily: a stale or missing snapshot is slower, never wrong.

Only the account FK: the rebuild writes ~7 rows per ad and a per-row FK check on ad_id cost more
than the aggregate. Rows of ads deleted since the last rebuild are harmless (reads start from
`ads`) and go at the next rebuild.

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
KEYS = ("ad_id", "seller_id", "ad_account_id", "campaign_id", "adset_id")


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", ondelete="CASCADE"
    )


def _signed(table: str, sign: str) -> str:
    values = ", ".join(f"{sign}{c} AS {c}" for c in SUMS)
    return f"SELECT {', '.join(KEYS)}, date, {values} FROM {table}"  # noqa: S608


def _apply(source: str) -> str:
    """Upsert the delta of `source` (signed stats rows) into every preset range containing its day."""
    group = ", ".join(f"d.{k}" for k in KEYS)
    updates = ", ".join(f"{c} = r.{c} + EXCLUDED.{c}" for c in SUMS)
    return (
        f"INSERT INTO ad_preset_stats AS r (preset, {', '.join(KEYS)}, {', '.join(SUMS)}) "  # noqa: S608
        f"SELECT g.preset, {group}, {', '.join(f'sum(d.{c})' for c in SUMS)} "
        f"FROM ({source}) AS d JOIN ad_preset_ranges g "
        "ON g.ad_account_id = d.ad_account_id AND d.date BETWEEN g.since AND g.until "
        f"GROUP BY g.preset, {group} ORDER BY d.ad_id, g.preset "
        f"ON CONFLICT (ad_id, preset) DO UPDATE SET {updates};"
    )


def _function_sql() -> str:
    both = f"{_signed('new_rows', '')} UNION ALL {_signed('old_rows', '-')}"
    return f"""
CREATE FUNCTION ad_preset_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    {_apply(_signed("new_rows", ""))}
  ELSIF TG_OP = 'DELETE' THEN
    {_apply(_signed("old_rows", "-"))}
  ELSE
    {_apply(both)}
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
            sa.Column(
                c, sa.Numeric(20, 4) if c in ("spend", "purchase_value") else sa.BigInteger(), nullable=False
            )
            for c in SUMS
        ],
        _fk("ad_preset_stats", "ad_account_id", "ad_accounts"),
        sa.PrimaryKeyConstraint("ad_id", "preset", name=op.f("pk_ad_preset_stats")),
        # Room for HOT updates: each sync's trigger updates ~5 rows per ad in place.
        postgresql_with={"fillfactor": 60},
    )
    op.create_index("ix_ad_preset_stats_seller_preset", "ad_preset_stats", ["seller_id", "preset"])
    op.create_index("ix_ad_preset_stats_account", "ad_preset_stats", ["ad_account_id"])
    op.create_table(
        "ad_preset_ranges",
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("preset", sa.String(length=16), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        _fk("ad_preset_ranges", "ad_account_id", "ad_accounts"),
        sa.PrimaryKeyConstraint("ad_account_id", "preset", name=op.f("pk_ad_preset_ranges")),
    )
    op.create_table(
        "ad_preset_stats_state",
        sa.Column("ad_account_id", sa.UUID(), nullable=False),
        sa.Column("local_day", sa.Date(), nullable=False),
        sa.Column("refreshed_at", sa.DateTime(timezone=True), nullable=False),
        _fk("ad_preset_stats_state", "ad_account_id", "ad_accounts"),
        sa.PrimaryKeyConstraint("ad_account_id", name=op.f("pk_ad_preset_stats_state")),
    )
    op.execute(_function_sql())
    for event, tables in (
        ("INSERT", "NEW TABLE AS new_rows"),
        ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ("DELETE", "OLD TABLE AS old_rows"),
    ):
        op.execute(
            f"CREATE TRIGGER ad_preset_stats_apply_{event.lower()} AFTER {event} ON ad_stats_daily "
            f"REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION ad_preset_stats_apply()"
        )


def downgrade() -> None:
    for event in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS ad_preset_stats_apply_{event} ON ad_stats_daily")
    op.execute("DROP FUNCTION IF EXISTS ad_preset_stats_apply()")
    op.drop_table("ad_preset_stats_state")
    op.drop_table("ad_preset_ranges")
    op.drop_index("ix_ad_preset_stats_account", table_name="ad_preset_stats")
    op.drop_index("ix_ad_preset_stats_seller_preset", table_name="ad_preset_stats")
    op.drop_table("ad_preset_stats")
