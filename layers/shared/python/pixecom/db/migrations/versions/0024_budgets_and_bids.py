"""Budgets and bids as Meta has them, and budget change jobs

- campaigns, ad sets (and ads, which share the columns): `daily_budget`/`lifetime_budget` become
  money in the account currency's units (they held Meta's offset units: cents, or the unit itself
  for currencies without decimals); new `budget_remaining`, `bid_strategy`, `bid_amount`,
  `roas_average_floor`; campaigns also `spend_cap` and `advantage_state`.
- ad_accounts: `minimum_budgets` (Meta's minimum daily budgets, offset units, by kind).
- jobs: `target_status` is only for status jobs now; `budget` holds a budget job's request.
- job_items: `from_budget`/`to_budget` (money) for a budget job's items.
- What rules recorded of their budget changes so far (rule runs' `daily_budget_from`/`to`, the
  rules' direct `budget_change` audit rows) becomes money in the account's currency too.

Revision ID: 0024
Revises: 0011
Create Date: 2026-12-06 10:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0024"
down_revision: str | None = "0023"
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
    _recorded_budgets(whole, to_money=True)


def _recorded_budgets(whole: str, *, to_money: bool) -> None:
    """Rule runs' budgets (JSON numbers of offset units <-> decimal strings of money) and the
    audit rows of rules' budget changes made before budget jobs (no job_id)."""
    offset = f"(CASE WHEN upper(a.currency) IN ({whole}) THEN 1 ELSE 100 END)"
    if to_money:
        shown = {k: f"to_jsonb(round((e->>'{k}')::numeric / {offset}, CASE {offset} WHEN 1 THEN 0 ELSE 2 END)::text)" for k in _RUN_BUDGETS}
        audit = {k: f"trim_scale(t.{k}::numeric / {offset})::text" for k in ("from_value", "to_value")}
        kind = "number"
    else:
        shown = {k: f"to_jsonb(round((e->>'{k}')::numeric * {offset})::bigint)" for k in _RUN_BUDGETS}
        audit = {k: f"round(t.{k}::numeric * {offset})::bigint::text" for k in ("from_value", "to_value")}
        kind = "string"
    changed = " || ".join(f"jsonb_build_object('{k}', {v})" for k, v in shown.items())
    # Only this module's constants go into the statements.
    op.execute(
        f"UPDATE rule_runs r SET entities = (SELECT jsonb_agg(CASE WHEN jsonb_typeof(e->'daily_budget_from') = '{kind}' THEN e || {changed} ELSE e END ORDER BY i) FROM jsonb_array_elements(r.entities) WITH ORDINALITY x(e, i)) FROM ad_accounts a WHERE a.id = r.ad_account_id AND jsonb_array_length(r.entities) > 0"  # noqa: S608
    )
    op.execute(
        f"UPDATE audit_log t SET from_value = {audit['from_value']}, to_value = {audit['to_value']} FROM campaigns c JOIN ad_accounts a ON a.id = c.ad_account_id WHERE t.action = 'budget_change' AND t.job_id IS NULL AND t.entity_id = c.id AND t.from_value ~ '^[0-9.]+$' AND t.to_value ~ '^[0-9.]+$'"  # noqa: S608
    )
    op.execute(
        f"UPDATE audit_log t SET from_value = {audit['from_value']}, to_value = {audit['to_value']} FROM adsets s JOIN ad_accounts a ON a.id = s.ad_account_id WHERE t.action = 'budget_change' AND t.job_id IS NULL AND t.entity_id = s.id AND t.from_value ~ '^[0-9.]+$' AND t.to_value ~ '^[0-9.]+$'"  # noqa: S608
    )


_RUN_BUDGETS = ("daily_budget_from", "daily_budget_to")


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
    _recorded_budgets(whole, to_money=False)
    for table in _ENTITIES:
        op.execute(f"UPDATE {table} t SET daily_budget = t.daily_budget * 100, lifetime_budget = t.lifetime_budget * 100 FROM ad_accounts a WHERE a.id = t.ad_account_id AND upper(a.currency) NOT IN ({whole})")  # noqa: S608
        for column in ("daily_budget", "lifetime_budget"):
            op.alter_column(
                table, column, type_=sa.BigInteger(), existing_type=MONEY,
                postgresql_using=f"round({column})::bigint",
            )
