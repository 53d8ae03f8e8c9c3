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

from psycopg import sql
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from pixecom.adsmanager.params import DateSpec, Filters, Level, ListQuery
from pixecom.adsmanager.query import acct_cte, types_cte
from pixecom.adsmanager.ranges import plan_ranges
from pixecom.adsmanager.sql import LEVELS, SUM_COLUMNS, typed_sums
from pixecom.adsmanager.statement import EMPTY, Fragment, Param, q, run_tuples
from pixecom.adsmanager.stats import stats_cte
from pixecom.domain.enums import CampaignStatus

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
        return cls._make((*result_row[:_ENTITY_COLUMNS], tuple(result_row[_ENTITY_COLUMNS:])))


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


def sums_statement(
    seller_id: uuid.UUID,
    account_id: uuid.UUID,
    level: Level,
    dates: DateSpec,
    statuses: Collection[CampaignStatus] | None,
    min_spend: Decimal,
    now: datetime,
) -> Fragment:
    """The statement of `list_account_sums`: the list statement's `acct`, `stats` and `types`."""
    lv = LEVELS[level]
    query = ListQuery(level=level, dates=dates, filters=Filters(ad_account_ids=(account_id,)), limit=None)
    plan = plan_ranges(dates, now)
    status_filter = EMPTY
    if statuses is not None:
        status_filter = q(" AND e.status = ANY({})", Param(sorted(s.value for s in statuses)))
    return q(
        "WITH acct AS MATERIALIZED ({}), stats AS MATERIALIZED ({}), types AS MATERIALIZED ({}) "
        "SELECT e.id, e.meta_id, e.name, e.status, e.delivery_status, e.ad_account_id, "
        "{} AS campaign_id, {} AS adset_id, {} AS sellpage_id, acct.currency, t.rt AS result_type, {} "
        "FROM {} e JOIN acct ON acct.id = e.ad_account_id {} "
        "LEFT JOIN stats st ON st.entity_id = e.id LEFT JOIN types t ON t.key = {} "
        "WHERE e.seller_id = {}{} AND round(COALESCE(st.spend, 0), acct.mu) >= {} "
        "UNION ALL "
        "SELECT {}, (SELECT currency FROM acct), NULL, {} FROM stats st",
        acct_cte(plan, query, seller_id),
        stats_cte(lv, query, plan, seller_id),
        types_cte(query, seller_id),
        lv.campaign_expr,
        lv.adset_expr,
        lv.sellpage_expr,
        typed_sums("st", summed=False),
        lv.table,
        lv.parent_join,
        lv.result_type_key,
        Param(seller_id),
        status_filter,
        Param(min_spend),
        _NO_ENTITY,
        typed_sums("st", summed=True),
    )


_NO_ENTITY = sql.SQL(", ").join([sql.SQL("NULL")] * (_ENTITY_COLUMNS - 2))  # the totals' id .. sellpage_id


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
    statement = sums_statement(seller_id, account_id, level, dates, statuses, min_spend, now)
    rows = [SummedRow.of(r) for r in run_tuples(session, statement)]
    total = rows.pop(next(i for i, row in enumerate(rows) if row.id is None))  # no entity: totals
    return AccountSums(rows, total.sums, total.currency)
