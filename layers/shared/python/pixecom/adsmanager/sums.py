"""The Ads Manager's rows of one ad account as summed counters: what rules and alerts decide on.

The statement is built from the parts of the list statement (`pixecom.adsmanager.query`): the
same account and date range (`acct`: a preset resolves in the account's timezone), the same
stats sums (`stats`: the preset snapshot or the live daily rows), the same result types
(`types`). So each row's counters are exactly those behind the numbers the seller reads; only
the shape differs:

- rows carry their summed counters, not formatted metrics: the caller computes the few metrics
  it reads from them, as shown (`pixecom.domain.metrics.shown_value`, equal to the list's JSON);
- only the rows a caller can act on come back: those of the given statuses whose spend over the
  window, as shown (rounded to the currency's minor units), is at least a minimum (rules never
  act below their minimum spend, alerts below theirs);
- `totals`: the sums over every entity of the account in the window, whatever its status.

Rows come in no particular order (sorting thousands of rows costs the statement ~15-25 ms; a
caller sorts the few it acts on: `by_spend`).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from pixecom.adsmanager.params import DateSpec, Filters, Level, ListQuery
from pixecom.adsmanager.query import RT_KEY, acct_cte, types_cte
from pixecom.adsmanager.ranges import plan_ranges
from pixecom.adsmanager.sql import LEVELS, SUM_COLUMNS
from pixecom.adsmanager.stats import stats_cte
from pixecom.domain.enums import CampaignStatus
from pixecom.domain.metrics import MONEY_METRICS

Sums = tuple[Decimal | int, ...]  # in SUM_COLUMNS order: money as Decimal, counts as int


class SummedRow(NamedTuple):
    """One entity of the list and its counters summed over the window (`sums`)."""

    id: uuid.UUID
    meta_id: str
    name: str
    status: str
    delivery_status: str
    ad_account_id: uuid.UUID
    campaign_id: uuid.UUID | None
    adset_id: uuid.UUID | None
    sellpage_id: uuid.UUID | None
    currency: str
    result_type: str | None
    sums: Sums  # every summed counter of the catalogue, in SUM_COLUMNS order

    @property
    def spend(self) -> Decimal:
        return self.sums[_SPEND]  # type: ignore[return-value]  # money: a Decimal

    @classmethod
    def of(cls, result_row: Sequence[Any]) -> SummedRow:
        """From a result row: the entity's columns, then its counters."""
        return cls(*result_row[:_ENTITY_COLUMNS], tuple(result_row[_ENTITY_COLUMNS:]))


_SPEND = SUM_COLUMNS.index("spend")


def by_spend(row: SummedRow) -> tuple[Decimal, uuid.UUID]:
    """Sort key of the Ads Manager's default order: spend descending, then id."""
    return (-row.spend, row.id)


@dataclass(frozen=True)
class AccountSums:
    rows: list[SummedRow]
    totals: Sums  # every entity of the account, whatever the status and spend
    currency: str | None  # None when the account is not the seller's


_ENTITY_COLUMNS = len(SummedRow._fields) - 1  # id .. result_type


def _sum_columns(source: str, *, summed: bool) -> str:
    """The counters of `source`, NULL (no stats) as 0; counts as bigint so they load as ints."""
    parts = []
    for col in SUM_COLUMNS:
        value = f"sum({source}.{col})" if summed else f"{source}.{col}"
        kind = "numeric" if col in MONEY_METRICS else "bigint"
        parts.append(f"CAST(COALESCE({value}, 0) AS {kind}) AS {col}")
    return ", ".join(parts)


def build_sums_sql(
    seller_id: uuid.UUID,
    account_id: uuid.UUID,
    level: Level,
    dates: DateSpec,
    statuses: Collection[CampaignStatus] | None,
    min_spend: Decimal,
    now: datetime,
) -> tuple[str, dict[str, Any]]:
    """The statement of `list_account_sums` and its bind parameters."""
    lv = LEVELS[level]
    query = ListQuery(level=level, dates=dates, filters=Filters(ad_account_ids=(account_id,)), limit=None)
    plan = plan_ranges(dates, now)
    params: dict[str, Any] = {
        "seller_id": seller_id,
        "lo": plan.envelope.since,
        "hi": plan.envelope.until,
        "min_spend": min_spend,
    }
    acct = acct_cte(plan, query, params)
    stats = stats_cte(lv, query, plan, params)
    types = types_cte(query, params)
    status_filter = ""
    if statuses is not None:
        params["statuses"] = sorted(s.value for s in statuses)
        status_filter = " AND e.status = ANY(:statuses)"
    no_entity = ", ".join(["NULL"] * (_ENTITY_COLUMNS - 2))  # the totals' id .. sellpage_id
    sql = f"""
WITH acct AS MATERIALIZED ({acct}),
stats AS MATERIALIZED ({stats}),
types AS MATERIALIZED ({types})
SELECT e.id, e.meta_id, e.name, e.status, e.delivery_status, e.ad_account_id,
       {lv.campaign_expr} AS campaign_id, {lv.adset_expr} AS adset_id, {lv.sellpage_expr} AS sellpage_id,
       acct.currency, t.rt AS result_type, {_sum_columns("st", summed=False)}
FROM {lv.table} e JOIN acct ON acct.id = e.ad_account_id {lv.parent_join}
LEFT JOIN stats st ON st.entity_id = e.id
LEFT JOIN types t ON t.key = {RT_KEY[level]}
WHERE e.seller_id = :seller_id{status_filter} AND round(COALESCE(st.spend, 0), acct.mu) >= :min_spend
UNION ALL
SELECT {no_entity}, (SELECT currency FROM acct), NULL, {_sum_columns("st", summed=True)}
FROM stats st
"""  # noqa: S608 (only fixed fragments are interpolated: LEVELS, the domain's tables)
    return sql, params


def list_account_sums(
    session: Session | Connection,
    seller_id: uuid.UUID,
    account_id: uuid.UUID,
    level: Level,
    dates: DateSpec,
    *,
    statuses: Collection[CampaignStatus] | None = None,
    min_spend: Decimal = Decimal(0),
    now: datetime,
) -> AccountSums:
    """The account's entities of `level` with one of `statuses` (None: any) whose spend over
    `dates` is at least `min_spend`, with their summed counters; and the account's totals."""
    sql, params = build_sums_sql(seller_id, account_id, level, dates, statuses, min_spend, now)
    rows = [SummedRow.of(r) for r in session.execute(text(sql), params)]
    total = rows.pop(next(i for i, row in enumerate(rows) if row.id is None))  # no entity: totals
    return AccountSums(rows, total.sums, total.currency)
