"""What a list row says about its entity beyond identity and statuses, in one place: campaigns and
ad sets carry their budget (where it lives, daily or lifetime, the amount and what is left), bid
strategy (bid amount, ROAS floor), objective and spend cap; ad sets and ads name their parents
and every row its ad account.

`COLUMNS` declares each field once: its name (the API field and the CSV column; an object's
fields become `<name>_<field>` cells) and its SQL value at each level that has it, over the page
row (`e`: the entity, `c`: its campaign for ad sets and ads, `p.mu`: the currency's decimals).
`entity_columns_json` builds them into ONE JSON object expression that Postgres fills and the
API splices into the row as is (`payload`); the CSV flattens it (`csv_columns`, `csv_values`).
Money is text with the currency's decimals, as in `metrics`. The fragments are fixed: no client
value reaches them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pixecom.adsmanager.params import Level
from pixecom.adsmanager.statement import Fragment, ident, join, lit, q


@dataclass(frozen=True)
class EntityColumn:
    """One field of a list row about its entity."""

    name: str
    values: Mapping[Level, Fragment]  # its SQL value at each level that has it
    fields: tuple[str, ...] = ()  # an object's fields: the CSV cells `<name>_<field>`


def _money(value: Fragment) -> Fragment:
    return q("CAST(round({}, p.mu) AS text)", value)


def _budget(holder: str, level: str) -> Fragment:
    """The budget object of `holder` (an alias with budget columns), or NULL when it has none."""
    daily, lifetime = ident(holder, "daily_budget"), ident(holder, "lifetime_budget")
    return q(
        "CASE WHEN {} IS NOT NULL OR {} IS NOT NULL THEN json_build_object("
        "'type', CASE WHEN {} IS NOT NULL THEN 'daily' ELSE 'lifetime' END, "
        "'amount', {}, 'level', {}, 'remaining', {}) END",
        daily,
        lifetime,
        daily,
        _money(q("coalesce({}, {})", daily, lifetime)),
        lit(level),
        _money(ident(holder, "budget_remaining")),
    )


def _spending(value: Fragment) -> dict[Level, Fragment]:
    """A value campaigns and ad sets both have, read from the entity itself."""
    return {Level.CAMPAIGNS: value, Level.ADSETS: value}


def _of_campaign(column: str, money: bool = False) -> dict[Level, Fragment]:
    """A campaign's column: the entity's own on campaigns, its campaign's (`c`) on ad sets."""
    own, parent = ident("e", column), ident("c", column)
    if money:
        own, parent = _money(own), _money(parent)
    return {Level.CAMPAIGNS: own, Level.ADSETS: parent}


COLUMNS: tuple[EntityColumn, ...] = (
    EntityColumn(
        "ad_account_name",
        dict.fromkeys(Level, q("(SELECT a.name FROM ad_accounts a WHERE a.id = e.ad_account_id)")),
    ),
    EntityColumn("campaign_name", {Level.ADSETS: q("c.name"), Level.ADS: q("c.name")}),
    EntityColumn("adset_name", {Level.ADS: q("(SELECT s.name FROM adsets s WHERE s.id = e.adset_id)")}),
    # An ad set under an Advantage campaign budget shows its campaign's budget, level `campaign`.
    EntityColumn(
        "budget",
        {
            Level.CAMPAIGNS: _budget("e", "campaign"),
            Level.ADSETS: q("coalesce({}, {})", _budget("e", "adset"), _budget("c", "campaign")),
        },
        fields=("type", "amount", "level", "remaining"),
    ),
    EntityColumn("bid_strategy", _spending(q("e.bid_strategy"))),
    EntityColumn("bid_amount", _spending(_money(q("e.bid_amount")))),
    EntityColumn("roas_average_floor", _spending(q("CAST(e.roas_average_floor AS text)"))),
    EntityColumn("objective", _of_campaign("objective")),
    EntityColumn("spend_cap", _of_campaign("spend_cap", money=True)),
)


def _at(level: Level) -> list[EntityColumn]:
    return [column for column in COLUMNS if level in column.values]


@lru_cache(maxsize=8)  # fixed fragments: built once per process
def entity_columns_json(level: Level) -> Fragment:
    """The level's entity columns as one JSON object expression (see the module doc)."""
    pairs = (q("{}, {}", lit(column.name), column.values[level]) for column in _at(level))
    return q("json_build_object({})", join(", ", pairs))


def csv_columns(level: Level) -> list[str]:
    """The CSV columns of the level's entity columns, in declaration order."""
    names: list[str] = []
    for column in _at(level):
        names.extend([f"{column.name}_{field}" for field in column.fields] or [column.name])
    return names


def csv_values(extra_json: str) -> dict[str, Any]:
    """The entity columns of one row, flat (an object's fields as `<name>_<field>` cells)."""
    extra: dict[str, Any] = json.loads(extra_json)
    for column in COLUMNS:
        if column.fields and column.name in extra:
            value = extra.pop(column.name) or {}
            extra.update({f"{column.name}_{field}": value.get(field) for field in column.fields})
    return extra
