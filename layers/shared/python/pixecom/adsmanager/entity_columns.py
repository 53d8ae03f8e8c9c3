"""What a list row says about its entity beyond identity and statuses, in one place: campaigns and
ad sets carry their budget (where it lives, daily or lifetime, the amount and what is left), bid
strategy (bid amount, ROAS floor), objective and spend cap; ad sets and ads name their parents
and every row its ad account.

`extra_json_sql` is ONE SQL expression over the page row (`e`: the entity, `p.mu`: the
currency's decimals), built as JSON by Postgres and spliced into the row as is (`payload`); the
CSV flattens it (`csv_columns`, `csv_values`). Money is text with the currency's decimals, as in
`metrics`. A read path only has to select `CAST(<extra_json_sql> AS text)` for its page rows.
"""

from __future__ import annotations

import json
from typing import Any

from pixecom.adsmanager.params import Level


def _money(column: str) -> str:
    return f"CAST(round({column}, p.mu) AS text)"


def _spending(holder: str, level: str) -> str:
    """The budget object of `holder` (an alias with budget columns), or NULL when it has none."""
    return (
        f"CASE WHEN {holder}.daily_budget IS NOT NULL OR {holder}.lifetime_budget IS NOT NULL "
        "THEN json_build_object("
        f"'type', CASE WHEN {holder}.daily_budget IS NOT NULL THEN 'daily' ELSE 'lifetime' END, "
        f"'amount', {_money(f'coalesce({holder}.daily_budget, {holder}.lifetime_budget)')}, "
        f"'level', '{level}', 'remaining', {_money(f'{holder}.budget_remaining')}) END"
    )


def _bids(alias: str) -> str:
    return (
        f"'bid_strategy', {alias}.bid_strategy, 'bid_amount', {_money(f'{alias}.bid_amount')}, "
        f"'roas_average_floor', CAST({alias}.roas_average_floor AS text)"
    )


def _name_of(table: str, id_expr: str) -> str:
    return f"(SELECT x.name FROM {table} x WHERE x.id = {id_expr})"  # noqa: S608 (our constants)


_ACCOUNT = f"'ad_account_name', {_name_of('ad_accounts', 'e.ad_account_id')}"

_SQL: dict[Level, str] = {
    Level.CAMPAIGNS: (
        f"json_build_object('budget', {_spending('e', 'campaign')}, {_bids('e')}, "
        f"'objective', e.objective, 'spend_cap', {_money('e.spend_cap')}, {_ACCOUNT})"
    ),
    # An ad set under an Advantage campaign budget shows its campaign's budget, level `campaign`.
    Level.ADSETS: (
        "(SELECT json_build_object('budget', coalesce("  # noqa: S608 (only this module's constants)
        f"{_spending('e', 'adset')}, {_spending('c', 'campaign')}), {_bids('e')}, "
        f"'objective', c.objective, 'spend_cap', {_money('c.spend_cap')}, "
        f"'campaign_name', c.name, {_ACCOUNT}) FROM campaigns c WHERE c.id = e.campaign_id)"
    ),
    Level.ADS: (
        f"json_build_object('campaign_name', {_name_of('campaigns', 'e.campaign_id')}, "
        f"'adset_name', {_name_of('adsets', 'e.adset_id')}, {_ACCOUNT})"
    ),
}


def extra_json_sql(level: Level) -> str:
    """The level's entity columns as one JSON object expression (see the module doc)."""
    return _SQL[level]


_SPENDING_COLUMNS = [
    "budget_type",
    "budget_amount",
    "budget_level",
    "budget_remaining",
    "bid_strategy",
    "bid_amount",
    "roas_average_floor",
    "objective",
    "spend_cap",
]
_CSV: dict[Level, list[str]] = {
    Level.CAMPAIGNS: ["ad_account_name", *_SPENDING_COLUMNS],
    Level.ADSETS: ["ad_account_name", "campaign_name", *_SPENDING_COLUMNS],
    Level.ADS: ["ad_account_name", "campaign_name", "adset_name"],
}


def csv_columns(level: Level) -> list[str]:
    return list(_CSV[level])


def csv_values(extra_json: str) -> dict[str, Any]:
    """The entity columns of one row, flat (the budget object as budget_* cells)."""
    extra: dict[str, Any] = json.loads(extra_json)
    budget = extra.pop("budget", None) or {}
    extra.update({f"budget_{key}": value for key, value in budget.items()})
    return extra
