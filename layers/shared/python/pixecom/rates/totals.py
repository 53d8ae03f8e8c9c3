"""The converted grand total of an Ads Manager list: every matching row's money in the seller's
reporting currency, for "what did I spend this week?" across accounts in several currencies.

Each day's amounts of each currency are converted at THAT day's reference rate (or the last one
published before it, and the total says which days were carried forward), then summed; the
total is labelled with the rates' sources and dates. A currency with no rate is left out of the
total and named, never guessed. The list's own rows and per-currency summaries are untouched.

It reads the seller's reporting currency (a primary-key read: all a seller without one pays), then
the level's daily stats itself (one statement: the money summed per currency and day over the
rows the list's filters match, each account over its own date range) and the rates of those
days, so it depends on the list's parameters only, not on how the list is read.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from pixecom.adsmanager.params import Level, ListQuery
from pixecom.adsmanager.ranges import plan_ranges
from pixecom.domain.currency import minor_units
from pixecom.domain.metrics import format_money, format_ratio, ratio
from pixecom.domain.money import RateBook
from pixecom.rates.store import load_book

Reader = Session | Connection  # a session, or the list's own autocommit connection

LABEL = "converted"
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

# Per level: the daily sums it reads (the campaign and ad set rollups hold ~50x / ~10x fewer rows
# than ad_stats_daily, and every one of them has campaign_id), the entity table and its key.
_LEVEL_TABLES: dict[Level, tuple[str, str, str]] = {
    Level.CAMPAIGNS: ("campaign_stats_daily", "campaigns", "s.campaign_id"),
    Level.ADSETS: ("adset_stats_daily", "adsets", "s.adset_id"),
    Level.ADS: ("ad_stats_daily", "ads", "s.ad_id"),
}


@dataclass(frozen=True)
class DayAmounts:
    """One currency's money on one day (as summed over the matching rows)."""

    currency: str
    day: date
    spend: Decimal
    purchase_value: Decimal


@dataclass
class RatesUsed:
    """The rates one currency was converted with: sources, the first and last rate dates, and
    how many of its days had no rate of their own (the last published one was used)."""

    currency: str
    sources: set[str] = field(default_factory=set)
    first_rate_date: date | None = None
    last_rate_date: date | None = None
    days_carried_forward: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "currency": self.currency,
            "source": "+".join(sorted(self.sources)),
            "first_rate_date": None if self.first_rate_date is None else self.first_rate_date.isoformat(),
            "last_rate_date": None if self.last_rate_date is None else self.last_rate_date.isoformat(),
            "days_carried_forward": self.days_carried_forward,
        }


@dataclass
class ConvertedTotal:
    currency: str
    spend: Decimal = Decimal(0)
    purchase_value: Decimal = Decimal(0)
    rates: dict[str, RatesUsed] = field(default_factory=dict)
    left_out: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        places = minor_units(self.currency)
        return {
            "label": LABEL,
            "currency": self.currency,
            "spend": format_money(self.spend, places),
            "purchase_value": format_money(self.purchase_value, places),
            "roas": format_ratio(ratio(self.purchase_value, self.spend)),
            "rates": [self.rates[c].as_json() for c in sorted(self.rates)],
            "left_out": [{"currency": c, "reason": self.left_out[c]} for c in sorted(self.left_out)],
        }


def convert_days(reporting: str, days: Iterable[DayAmounts], book: RateBook) -> ConvertedTotal:
    """Each day's amounts at that day's rate into `reporting`, summed at full precision. A
    currency without a rate on any of its days is left out entirely (part of a currency's days
    would make a total that looks whole and is not). Pure."""
    listed = list(days)
    total = ConvertedTotal(reporting)
    for d in listed:
        if (
            d.currency != reporting
            and d.currency not in total.left_out
            and book.rate(d.currency, reporting, d.day) is None
        ):
            total.left_out[d.currency] = (
                f"no exchange rate between {d.currency} and {reporting} for {d.day.isoformat()}: "
                f"its amounts are not in this total"
            )
    for d in listed:
        if d.currency in total.left_out:
            continue
        spend = book.convert(d.spend, d.currency, reporting, d.day)
        value = book.convert(d.purchase_value, d.currency, reporting, d.day)
        assert spend is not None and value is not None  # every currency left has its rates
        total.spend += spend.amount
        total.purchase_value += value.amount
        if d.currency == reporting:
            continue
        used = total.rates.setdefault(d.currency, RatesUsed(d.currency))
        used.sources.update(spend.source.split("+"))
        used.first_rate_date = min(filter(None, (used.first_rate_date, spend.rate_date)))
        used.last_rate_date = max(filter(None, (used.last_rate_date, spend.rate_date)))
        used.days_carried_forward += spend.carried_forward
    return total


def converted_total(
    session: Reader, seller_id: uuid.UUID, query: ListQuery, now: datetime
) -> ConvertedTotal | None:
    """The list's converted grand total; None when the seller has no reporting currency."""
    reporting = reporting_currency(session, seller_id)
    if reporting is None:
        return None
    days = read_day_amounts(session, seller_id, query, now)
    if not days:
        return ConvertedTotal(reporting)
    book = load_book(session, min(d.day for d in days), max(d.day for d in days))
    return convert_days(reporting, days, book)


def with_converted_total(
    body: bytes, conn: Reader, seller_id: uuid.UUID, query: ListQuery, now: datetime
) -> bytes:
    """A list's JSON body (an object) with `converted_total` added (null without a reporting
    currency), read on the list's own connection: the one hook the list routes call."""
    return add_converted_total(body, converted_total(conn, seller_id, query, now))


def add_converted_total(body: bytes, total: ConvertedTotal | None) -> bytes:
    """A list's JSON body (an object) with `converted_total` added (null without one)."""
    added = _dumps(None if total is None else total.as_json()).encode()
    return body[:-1] + b',"converted_total":' + added + b"}"


def csv_total_lines(total: ConvertedTotal | None, header: list[str]) -> list[str]:
    """The CSV's `converted_total` row in `header`'s columns (no line without a total): money in
    the reporting currency, the rates' sources and dates (and any currency left out) in `name`."""
    if total is None:
        return []
    shown = total.as_json()
    rates = "; ".join(
        f"{r['currency']} at {r['source']} rates of {r['first_rate_date']}..{r['last_rate_date']}"
        for r in shown["rates"]
    )
    left_out = "; ".join(f"{x['currency']} left out (no rate)" for x in shown["left_out"])
    name = (
        "Total converted to "
        + total.currency
        + (f" ({rates})" if rates else "")
        + (f"; {left_out}" if left_out else "")
    )
    cells = {
        "row_type": "converted_total",
        "name": name,
        "currency": total.currency,
        "spend": shown["spend"],
        "purchase_value": shown["purchase_value"],
        "roas": shown["roas"],
    }
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(
        ["" if cells.get(column) is None else str(cells[column]) for column in header]
    )
    return [buffer.getvalue()]


def reporting_currency(session: Reader, seller_id: uuid.UUID) -> str | None:
    """The seller's reporting currency (None: not chosen). A primary-key read: what every list
    request of a seller without one pays for the converted total."""
    found: str | None = session.execute(
        text("SELECT reporting_currency FROM sellers WHERE id = :s"), {"s": seller_id}
    ).scalar()
    return found


def read_day_amounts(
    session: Reader, seller_id: uuid.UUID, query: ListQuery, now: datetime
) -> list[DayAmounts]:
    """The money of the rows `query` matches, summed per currency and day, each account over its
    own range (its timezone's preset, or the custom range). One statement over the level's daily
    stats (the rollups for campaigns and ad sets)."""
    plan = plan_ranges(query.dates, now)
    envelope = plan.envelope
    params: dict[str, Any] = {
        "seller_id": seller_id,
        "env_since": envelope.since,
        "env_until": envelope.until,
    }
    if plan.custom is not None:
        ranges = "SELECT CAST(NULL AS date), CAST(:env_since AS date), CAST(:env_until AS date)"
        on_day = "TRUE"
    else:
        parts = []
        for i, (day, rng) in enumerate(plan.by_local_day):
            params[f"d{i}"], params[f"s{i}"], params[f"u{i}"] = day, rng.since, rng.until
            parts.append(f"SELECT CAST(:d{i} AS date), CAST(:s{i} AS date), CAST(:u{i} AS date)")
        ranges = " UNION ALL ".join(parts)
        params["now"] = plan.now
        on_day = "r.local_day = CAST(CAST(:now AS timestamptz) AT TIME ZONE a.timezone_name AS date)"
    f = query.filters
    where = ["s.seller_id = :seller_id", "s.date BETWEEN :env_since AND :env_until"]
    joins = []
    stats_table, table, entity_id = _LEVEL_TABLES[query.level]
    if f.statuses or f.delivery_statuses or f.q:
        joins.append(f"JOIN {table} e ON e.id = {entity_id}")
    if f.sellpage_ids:
        joins.append("JOIN campaigns c ON c.id = s.campaign_id")
        where.append("c.sellpage_id IN :sellpage_ids")
        params["sellpage_ids"] = list(f.sellpage_ids)
    if f.statuses:
        where.append("e.status IN :statuses")
        params["statuses"] = [v.value for v in f.statuses]
    if f.delivery_statuses:
        where.append("e.delivery_status IN :delivery_statuses")
        params["delivery_statuses"] = [v.value for v in f.delivery_statuses]
    if f.campaign_ids:
        where.append("s.campaign_id IN :campaign_ids")
        params["campaign_ids"] = list(f.campaign_ids)
    if f.adset_ids:
        where.append("s.adset_id IN :adset_ids")
        params["adset_ids"] = list(f.adset_ids)
    if f.q:
        where.append("e.name ILIKE :q ESCAPE '\\'")
        params["q"] = "%" + f.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    account_filter = ""
    if f.ad_account_ids:
        account_filter = " AND a.id IN :ad_account_ids"
        params["ad_account_ids"] = list(f.ad_account_ids)
    statement = text(
        f"WITH r(local_day, since, until) AS ({ranges}), "  # noqa: S608 (fixed fragments, bound values)
        "acct AS (SELECT a.id, a.currency, r.since, r.until FROM ad_accounts a JOIN r ON "
        f"{on_day} WHERE a.seller_id = :seller_id{account_filter}) "
        "SELECT acct.currency, s.date, sum(s.spend) AS spend, sum(s.purchase_value) AS purchase_value "
        f"FROM {stats_table} s "
        "JOIN acct ON acct.id = s.ad_account_id AND s.date BETWEEN acct.since AND acct.until "
        + " ".join(joins)
        + " WHERE "
        + " AND ".join(where)
        + " GROUP BY acct.currency, s.date"
    )
    for name in (
        "sellpage_ids",
        "statuses",
        "delivery_statuses",
        "campaign_ids",
        "adset_ids",
        "ad_account_ids",
    ):
        if name in params:
            statement = statement.bindparams(bindparam(name, expanding=True))
    rows = session.execute(statement, params).all()
    return [DayAmounts(r.currency, r.date, r.spend, r.purchase_value) for r in rows]
