"""The Ads Manager's rows of one ad account with the metrics rules and alerts decide on.

The statement is built from the parts of the list statement (`pixecom.adsmanager.query`): the
same account and date range (`acct`: a preset resolves in the account's timezone), the same
stats sums (`stats`: the preset snapshot or the live daily rows), the same result types
(`types`), and each metric by the very expression behind the lists' JSON
(`pixecom.adsmanager.sql.shown_metric`). So each row's numbers are exactly those the seller
reads; only the shape differs:

- rows carry the metrics a caller reads (`metrics`: names), as numbers: money a Decimal rounded
  to the currency's minor units, ratios a Decimal rounded to 4 decimals, counts ints, None
  where undefined (or, for a metric reading `results`, summed over mixed result types);
- only the rows a caller can act on come back: those of the given statuses whose spend over the
  window, as shown (rounded to the currency's minor units), is at least a minimum (rules never
  act below their minimum spend, alerts below theirs);
- `totals`: the same metrics over every entity of the account in the window, whatever its
  status (never `mixed`: the totals are read for their spend).

Rows come in no particular order (sorting thousands of rows costs the statement ~15-25 ms; a
caller sorts the few it acts on: `by_spend`).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Sequence
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
from pixecom.adsmanager.sql import LEVELS, shown_metric, sum_list
from pixecom.adsmanager.statement import EMPTY, Fragment, Param, join, lit, q, run_tuples
from pixecom.adsmanager.stats import stats_cte
from pixecom.adsmanager.values import MetricValue
from pixecom.domain.catalogue import METRIC_BY_NAME, Kind
from pixecom.domain.currency import DEFAULT_MINOR_UNITS
from pixecom.domain.enums import CampaignStatus
from pixecom.domain.results import MIXED

Metrics = dict[str, MetricValue]  # metric name -> its value as shown


class SummedRow(NamedTuple):
    """One entity of the list, its spend summed over the window (full precision: the Ads
    Manager's order) and the metrics read (`metrics`: as shown)."""

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
    spend: Decimal
    metrics: Metrics

    @classmethod
    def of(cls, result_row: Sequence[Any], names: Sequence[str]) -> SummedRow:
        """From a result row: the entity's columns, its summed spend, then `names`' values."""
        return cls._make(
            (*result_row[:_ENTITY_COLUMNS], dict(zip(names, result_row[_ENTITY_COLUMNS:], strict=True)))
        )


def by_spend(row: SummedRow) -> tuple[Decimal, uuid.UUID]:
    """Sort key of the Ads Manager's default order: spend descending, then id."""
    return (-row.spend, row.id)


@dataclass(frozen=True)
class AccountSums:
    rows: list[SummedRow]
    totals: Metrics  # every entity of the account, whatever the status and spend
    currency: str | None  # None when the account is not the seller's


_ENTITY_COLUMNS = len(SummedRow._fields) - 1  # id .. spend


def metric_names(metrics: Iterable[str]) -> tuple[str, ...]:
    """The metrics a read selects, in a stable order: spend (every reader's minimum) first."""
    return ("spend", *sorted(set(metrics) - {"spend"}))


def shown_values(names: Sequence[str], alias: str, minor_units: Fragment, mixed: Fragment) -> Fragment:
    """`names`' values over the summed columns of `alias`, as the lists show them, as numbers."""
    return join(", ", (_typed(name, shown_metric(name, alias, minor_units, mixed)) for name in names))


def _typed(name: str, value: Fragment) -> Fragment:
    """Counts as bigint, so they load as ints (money and ratios load as Decimals)."""
    return q("CAST({} AS bigint)", value) if METRIC_BY_NAME[name].kind is Kind.COUNT else value


def sums_statement(
    seller_id: uuid.UUID,
    account_id: uuid.UUID,
    level: Level,
    dates: DateSpec,
    statuses: Collection[CampaignStatus] | None,
    min_spend: Decimal,
    now: datetime,
    metrics: Sequence[str] = ("spend",),
) -> Fragment:
    """The statement of `list_account_sums`: the list statement's `acct`, `stats` and `types`,
    and `metrics` (names, `metric_names` order) by the lists' own expressions."""
    lv = LEVELS[level]
    query = ListQuery(level=level, dates=dates, filters=Filters(ad_account_ids=(account_id,)), limit=None)
    plan = plan_ranges(dates, now)
    status_filter = EMPTY
    if statuses is not None:
        status_filter = q(" AND e.status = ANY({})", Param(sorted(s.value for s in statuses)))
    return q(
        "WITH acct AS MATERIALIZED ({}), stats AS MATERIALIZED ({}), types AS MATERIALIZED ({}), "
        "found AS (SELECT e.id, e.meta_id, e.name, e.status, e.delivery_status, e.ad_account_id, "
        "{} AS campaign_id, {} AS adset_id, {} AS sellpage_id, acct.currency, acct.mu, t.rt, {} "
        "FROM {} e JOIN acct ON acct.id = e.ad_account_id {} "
        "LEFT JOIN stats st ON st.entity_id = e.id LEFT JOIN types t ON t.key = {} "
        "WHERE e.seller_id = {}{} AND round(COALESCE(st.spend, 0), acct.mu) >= {}) "
        "SELECT f.id, f.meta_id, f.name, f.status, f.delivery_status, f.ad_account_id, f.campaign_id, "
        "f.adset_id, f.sellpage_id, f.currency, f.rt, f.spend, {} FROM found f "
        "UNION ALL "
        "SELECT {}, acct.currency, NULL, NULL, {} "
        "FROM (SELECT {} FROM (SELECT {} FROM stats st) y) z LEFT JOIN acct ON true",
        acct_cte(plan, query, seller_id),
        stats_cte(lv, query, plan, seller_id),
        types_cte(query, seller_id),
        lv.campaign_expr,
        lv.adset_expr,
        lv.sellpage_expr,
        sum_list("st", coalesce=True, cast=True),
        lv.table,
        lv.parent_join,
        lv.result_type_key,
        Param(seller_id),
        status_filter,
        Param(min_spend),
        shown_values(metrics, "f", q("f.mu"), _ROW_MIXED),
        _NO_ENTITY,
        shown_values(metrics, "z", _TOTALS_MU, q("false")),
        sum_list("y", coalesce=True, cast=True),
        sum_list("st"),
    )


_ROW_MIXED = q("coalesce(f.rt = {}, false)", lit(MIXED))
_TOTALS_MU = q("COALESCE(acct.mu, {})", lit(DEFAULT_MINOR_UNITS))
_NO_ENTITY = sql.SQL(", ").join([sql.SQL("NULL")] * (_ENTITY_COLUMNS - 3))  # the totals' id .. sellpage_id


def list_account_sums(
    session: Session | Connection,
    seller_id: uuid.UUID,
    account_id: uuid.UUID,
    level: Level,
    dates: DateSpec,
    *,
    statuses: Collection[CampaignStatus] | None = None,
    min_spend: Decimal = Decimal(0),
    metrics: Iterable[str] = ("spend",),
    now: datetime,
) -> AccountSums:
    """The account's entities of `level` with one of `statuses` (None: any) whose spend over
    `dates` is at least `min_spend`, with `metrics` (names; spend always) as shown; and the
    account's totals of those metrics."""
    names = metric_names(metrics)
    statement = sums_statement(seller_id, account_id, level, dates, statuses, min_spend, now, names)
    rows = [SummedRow.of(r, names) for r in run_tuples(session, statement)]
    total = rows.pop(next(i for i, row in enumerate(rows) if row.id is None))  # no entity: totals
    return AccountSums(rows, total.metrics, total.currency)
