"""Budgets and bids as Meta has them, and budget change jobs

- campaigns, ad sets (and ads, which share the columns): `daily_budget`/`lifetime_budget` become
  money in the account currency's units (they held Meta's offset units: cents, or the unit itself
  for currencies without decimals); new `budget_remaining`, `bid_strategy`, `bid_amount`,
  `roas_average_floor`; campaigns also `spend_cap` and `advantage_state`.
- ad_accounts: `minimum_budgets` (Meta's minimum daily budgets, offset units, by kind).
- jobs: `target_status` is only for status jobs now; `budget` holds a budget job's request.
- job_items: `from_budget`/`to_budget` (money) for a budget job's items.

Revision ID: 0024
Revises: 0011
Create Date: 2026-12-06 10:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0024"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONEY = sa.Numeric(20, 4)
_ENTITIES = ("campaigns", "adsets", "ads")
# Currencies Meta counts budgets in whole units of (no cents); the rest are counted in 1/100.
_WHOLE_UNIT_CURRENCIES = (
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
    "VUV", "XAF", "XOF", "XPF",
)  # fmt: skip


def upgrade() -> None:
    whole = ", ".join(f"'{c}'" for c in _WHOLE_UNIT_CURRENCIES)
    for table in _ENTITIES:
        for column in ("daily_budget", "lifetime_budget"):
            op.alter_column(table, column, type_=MONEY, existing_type=sa.BigInteger())
        # Table names and currency codes are this module's constants, nothing from outside.
        op.execute(f"UPDATE {table} t SET daily_budget = t.daily_budget / 100, lifetime_budget = t.lifetime_budget / 100 FROM ad_accounts a WHERE a.id = t.ad_account_id AND upper(a.currency) NOT IN ({whole}) AND (t.daily_budget IS NOT NULL OR t.lifetime_budget IS NOT NULL)")  # noqa: S608
    for table in ("campaigns", "adsets"):
        op.add_column(table, sa.Column("budget_remaining", MONEY))
        op.add_column(table, sa.Column("bid_strategy", sa.String(64)))
        op.add_column(table, sa.Column("bid_amount", MONEY))
        op.add_column(table, sa.Column("roas_average_floor", sa.Numeric(12, 4)))
    op.add_column("campaigns", sa.Column("spend_cap", MONEY))
    op.add_column("campaigns", sa.Column("advantage_state", sa.String(64)))
    op.add_column("ad_accounts", sa.Column("minimum_budgets", postgresql.JSONB()))
    op.alter_column("jobs", "target_status", nullable=True)
    op.add_column("jobs", sa.Column("budget", postgresql.JSONB()))
    op.add_column("job_items", sa.Column("from_budget", MONEY))
    op.add_column("job_items", sa.Column("to_budget", MONEY))


def downgrade() -> None:
    op.drop_column("job_items", "to_budget")
    op.drop_column("job_items", "from_budget")
    op.execute("DELETE FROM jobs WHERE target_status IS NULL")
    op.drop_column("jobs", "budget")
    op.alter_column("jobs", "target_status", nullable=False)
    op.drop_column("ad_accounts", "minimum_budgets")
    op.drop_column("campaigns", "advantage_state")
    op.drop_column("campaigns", "spend_cap")
    for table in ("campaigns", "adsets"):
        for column in ("roas_average_floor", "bid_amount", "bid_strategy", "budget_remaining"):
            op.drop_column(table, column)
    whole = ", ".join(f"'{c}'" for c in _WHOLE_UNIT_CURRENCIES)
    for table in _ENTITIES:
        op.execute(f"UPDATE {table} t SET daily_budget = t.daily_budget * 100, lifetime_budget = t.lifetime_budget * 100 FROM ad_accounts a WHERE a.id = t.ad_account_id AND upper(a.currency) NOT IN ({whole})")  # noqa: S608
        for column in ("daily_budget", "lifetime_budget"):
            op.alter_column(
                table, column, type_=sa.BigInteger(), existing_type=MONEY,
                postgresql_using=f"round({column})::bigint",
            )
