"""money amounts with their currency; daily exchange rates; a seller's reporting currency

Rules and alert settings stated money amounts without a currency, and evaluation applied them
to every account in its own currency (20 meant 20 USD and 20 JPY alike). Each amount now states
its currency: the existing ones are given the currency they were written for, the currency of
the seller's first ad account (USD for a seller without one). `exchange_rates` holds the daily
reference rates (units per euro) that convert between currencies; `sellers.reporting_currency`
the currency a seller's converted totals are shown in.

Revision ID: 0015
Revises: 0012
Create Date: 2026-12-06 10:30:00
"""

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The money metrics and alert thresholds as of this revision (a migration never reads the
# application's catalogue, which moves on).
MONEY_METRICS = frozenset(
    {
        "spend",
        "purchase_value",
        "cpm",
        "cpc",
        "cpv",
        "cost_per_add_to_cart",
        "cost_per_checkout",
        "cost_per_purchase",
        "cost_per_result",
        "aov",
    }
)
MONEY_THRESHOLDS = ("spend_without_purchase", "target_cost_per_purchase", "min_spend")
FALLBACK = "USD"

_FIRST_CURRENCY = sa.text(
    "SELECT DISTINCT ON (seller_id) seller_id, currency FROM ad_accounts ORDER BY seller_id, created_at, id"
)


def _money(value: Any, currency: str) -> Any:
    if value is None or isinstance(value, dict):
        return value
    return {"amount": str(value), "currency": currency}


def upgrade() -> None:
    op.create_table(
        "exchange_rates",
        sa.Column("currency", sa.String(3), primary_key=True),
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("per_eur", sa.Numeric(24, 10), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.add_column("sellers", sa.Column("reporting_currency", sa.String(3)))
    op.add_column("rules", sa.Column("min_spend_currency", sa.String(3)))

    bind = op.get_bind()
    first = {row.seller_id: row.currency for row in bind.execute(_FIRST_CURRENCY)}
    rules = bind.execute(sa.text("SELECT id, seller_id, conditions FROM rules")).all()
    for rule in rules:
        currency = first.get(rule.seller_id, FALLBACK)
        conditions = [
            {**c, "value": _money(c["value"], currency)} if c.get("metric") in MONEY_METRICS else c
            for c in rule.conditions
        ]
        bind.execute(
            sa.text(
                "UPDATE rules SET min_spend_currency = :c, conditions = CAST(:j AS jsonb) WHERE id = :id"
            ),
            {"c": currency, "j": _dumps(conditions), "id": rule.id},
        )
    settings = bind.execute(sa.text("SELECT seller_id, values FROM alert_settings")).all()
    for row in settings:
        currency = first.get(row.seller_id, FALLBACK)
        values = {k: _money(v, currency) if k in MONEY_THRESHOLDS else v for k, v in row.values.items()}
        bind.execute(
            sa.text("UPDATE alert_settings SET values = CAST(:j AS jsonb) WHERE seller_id = :id"),
            {"j": _dumps(values), "id": row.seller_id},
        )
    op.alter_column("rules", "min_spend_currency", nullable=False)
    # Alerts and rule runs recorded so far state their account's currency too.
    op.execute(
        "UPDATE alerts a SET detail = a.detail || jsonb_build_object('currency', acc.currency) "
        "FROM ad_accounts acc WHERE acc.id = a.ad_account_id"
    )
    op.execute(
        "UPDATE rule_runs r SET entities = (SELECT jsonb_agg(e || jsonb_build_object('currency', acc.currency)) "
        "FROM jsonb_array_elements(r.entities) e) "
        "FROM ad_accounts acc WHERE acc.id = r.ad_account_id AND jsonb_array_length(r.entities) > 0"
    )


def _dumps(value: Any) -> str:
    return json.dumps(value)


def downgrade() -> None:
    bind = op.get_bind()
    for rule in bind.execute(sa.text("SELECT id, conditions FROM rules")).all():
        conditions = [
            {**c, "value": c["value"]["amount"]} if isinstance(c.get("value"), dict) else c
            for c in rule.conditions
        ]
        bind.execute(
            sa.text("UPDATE rules SET conditions = CAST(:j AS jsonb) WHERE id = :id"),
            {"j": _dumps(conditions), "id": rule.id},
        )
    for row in bind.execute(sa.text("SELECT seller_id, values FROM alert_settings")).all():
        values = {k: v["amount"] if isinstance(v, dict) else v for k, v in row.values.items()}
        bind.execute(
            sa.text("UPDATE alert_settings SET values = CAST(:j AS jsonb) WHERE seller_id = :id"),
            {"j": _dumps(values), "id": row.seller_id},
        )
    op.drop_column("rules", "min_spend_currency")
    op.drop_column("sellers", "reporting_currency")
    op.drop_table("exchange_rates")
