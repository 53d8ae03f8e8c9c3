"""The sellpage level of the Ads Manager: per sellpage, what Meta says (spend, purchases, purchase
value of the campaigns linked to it) beside what the store knows (orders and revenue net of
refunds), and the ratios between them where they compare like with like.

Days: Meta's sums use each ad account's own range (a preset resolves in the account's timezone);
store orders attributed to a synced campaign use that campaign's account's range (they were
dated in its timezone), other orders the envelope of the ranges of the accounts whose campaigns
link to the sellpage, or UTC for a sellpage no campaign links to.

Money stays per currency. Ratios are given in the spend's currency only when the sellpage's
spend is in one currency and every store amount is in it or converted into it through the
`RevenueConverter` seam; otherwise they are null and `null_reason` says why.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import TextClause, text
from sqlalchemy.orm import Session

from pixecom.adsmanager.params import DateSpec
from pixecom.domain.dates import DateRange, local_today, resolve_date_preset
from pixecom.domain.metrics import ratio
from pixecom.store.conversion import NO_RATES, Converted, DatedAmount, RevenueConverter


@dataclass
class CurrencySums:
    """One sellpage's sums in one currency (Meta's from spend in it, the store's from orders in it)."""

    currency: str
    spend: Decimal = Decimal(0)
    meta_purchases: int = 0
    meta_purchase_value: Decimal = Decimal(0)
    store_orders: int = 0
    store_gross_revenue: Decimal = Decimal(0)
    store_refunds: Decimal = Decimal(0)
    store_attributed_orders: int = 0
    store_attributed_revenue: Decimal = Decimal(0)
    has_spend: bool = False
    has_store: bool = False

    @property
    def store_revenue(self) -> Decimal:
        return self.store_gross_revenue - self.store_refunds


@dataclass(frozen=True)
class SellpageRatios:
    """In `currency` (the spend's): null each where the sums would mix currencies, with the reason."""

    currency: str | None
    meta_roas: Decimal | None
    store_roas: Decimal | None  # store revenue from the sellpage's Meta campaigns / spend
    mer: Decimal | None  # all store revenue of the sellpage / spend
    purchase_value_gap: Decimal | None  # Meta's purchase value - store revenue from its campaigns
    null_reason: str | None
    conversion: Converted | None = None


@dataclass
class SellpageRow:
    id: uuid.UUID
    name: str
    url: str
    linked_campaigns: int
    sums: list[CurrencySums] = field(default_factory=list)
    ratios: SellpageRatios | None = None


@dataclass(frozen=True)
class SellpageLevel:
    date_range: DateRange  # the envelope of every range used
    rows: list[SellpageRow]
    more: bool = False  # a page was asked for and more sellpages follow its last row


def sort_key(row: SellpageRow) -> str:
    """What a cursor keeps of its last row: the name (the list orders by it case-folded, then id)."""
    return row.name


def sellpage_fingerprint(spec: DateSpec) -> str:
    """What a cursor of the sellpage list is valid for: the same date range."""
    dates = spec.preset.value if spec.preset is not None else str(spec.custom)
    return hashlib.sha256(f"sellpages|{dates}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class _Ranges:
    accounts: dict[uuid.UUID, DateRange]
    sellpages: dict[uuid.UUID, DateRange]


def _range_in(spec: DateSpec, now: datetime, timezone_name: str) -> DateRange:
    if spec.custom is not None:
        return spec.custom
    assert spec.preset is not None
    return resolve_date_preset(spec.preset, local_today(now, timezone_name))


def _envelope(ranges: Sequence[DateRange]) -> DateRange:
    return DateRange(min(r.since for r in ranges), max(r.until for r in ranges))


_ACCOUNTS_SQL = text("SELECT id, timezone_name FROM ad_accounts WHERE seller_id = :seller_id")
# The page of sellpages: by name (case-folded, code point order) then id, after the cursor's.
_SELLPAGES_SQL = text(
    """
    WITH page AS (
        SELECT p.id, p.name, p.url, p.seller_id FROM sellpages p
        WHERE p.seller_id = :seller_id
          AND (CAST(:after_name AS text) IS NULL
               OR (lower(p.name) COLLATE "C", p.id)
                  > (lower(CAST(:after_name AS text)) COLLATE "C", CAST(:after_id AS uuid)))
        ORDER BY lower(p.name) COLLATE "C", p.id
        LIMIT :limit
    )
    SELECT p.id, p.name, p.url, c.ad_account_id, count(c.id)
    FROM page p LEFT JOIN campaigns c ON c.sellpage_id = p.id AND c.seller_id = p.seller_id
    GROUP BY p.id, p.name, p.url, c.ad_account_id
    ORDER BY lower(p.name) COLLATE "C", p.id
    """
)
_RANGES_CTE = """
    WITH account_range(account_id, since, until) AS (
        SELECT * FROM unnest(CAST(:account_ids AS uuid[]), CAST(:account_since AS date[]),
                             CAST(:account_until AS date[]))
    ), ad_only AS MATERIALIZED (
        -- the few ads that orders named without their campaign (usually none): looked up alone,
        -- not by hashing every ad of the seller
        SELECT a.meta_id, a.campaign_id FROM ads a
        WHERE a.seller_id = :seller_id AND a.meta_id IN (
            SELECT DISTINCT ad_meta_id FROM store_stats_daily
            WHERE seller_id = :seller_id AND campaign_meta_id = '' AND ad_meta_id <> ''
              AND date BETWEEN :since AND :until)
    ), page_range(sellpage_id, since, until) AS (
        SELECT * FROM unnest(CAST(:page_ids AS uuid[]), CAST(:page_since AS date[]),
                             CAST(:page_until AS date[]))
    )
"""


def _with_ranges(body: str) -> TextClause:
    """A statement reading the accounts' and sellpages' ranges (given as arrays) as tables."""
    return text(_RANGES_CTE + body)


_SPEND_SQL = _with_ranges(
    """
    SELECT c.sellpage_id, acc.currency, sum(s.spend), sum(s.purchases), sum(s.purchase_value)
    FROM campaigns c
    JOIN account_range r ON r.account_id = c.ad_account_id
    JOIN ad_accounts acc ON acc.id = c.ad_account_id
    JOIN campaign_stats_daily s ON s.campaign_id = c.id AND s.date BETWEEN r.since AND r.until
    WHERE c.seller_id = :seller_id AND c.sellpage_id = ANY(CAST(:page_ids AS uuid[]))
    GROUP BY c.sellpage_id, acc.currency
    """
)
# The store's rows in their own range; `attributed`: the order's campaign links to this sellpage.
_STORE_ROWS = """
    FROM store_stats_daily st
    JOIN page_range p ON p.sellpage_id = st.sellpage_id
    LEFT JOIN campaigns named
        ON st.campaign_meta_id <> '' AND named.seller_id = st.seller_id
       AND named.meta_id = st.campaign_meta_id
    -- an ad id alone, sent before the ad was synced: its campaign is known by now
    LEFT JOIN ad_only by_ad ON st.campaign_meta_id = '' AND by_ad.meta_id = st.ad_meta_id
    LEFT JOIN campaigns c ON c.id = coalesce(named.id, by_ad.campaign_id)
    LEFT JOIN account_range r ON r.account_id = c.ad_account_id
    WHERE st.seller_id = :seller_id AND st.date BETWEEN :since AND :until
      AND st.date BETWEEN coalesce(r.since, p.since) AND coalesce(r.until, p.until)
"""
_STORE_SQL = _with_ranges(
    """
    SELECT st.sellpage_id, st.currency, sum(st.orders), sum(st.gross_revenue), sum(st.refunds),
           coalesce(sum(st.orders) FILTER (WHERE c.sellpage_id = st.sellpage_id), 0),
           coalesce(sum(st.gross_revenue - st.refunds) FILTER (WHERE c.sellpage_id = st.sellpage_id), 0)
    """
    + _STORE_ROWS
    + " GROUP BY st.sellpage_id, st.currency"
)
# Day by day, for the converter: (sellpage, currency, day, all revenue, attributed revenue).
_STORE_DAYS_SQL = _with_ranges(
    """
    SELECT st.sellpage_id, st.currency, st.date, sum(st.gross_revenue - st.refunds),
           coalesce(sum(st.gross_revenue - st.refunds) FILTER (WHERE c.sellpage_id = st.sellpage_id), 0)
    """
    + _STORE_ROWS
    + " AND st.sellpage_id = ANY(CAST(:mixed AS uuid[])) GROUP BY st.sellpage_id, st.currency, st.date"
)


def read_sellpage_level(
    session: Session,
    seller_id: uuid.UUID,
    spec: DateSpec,
    now: datetime,
    converter: RevenueConverter = NO_RATES,
    *,
    limit: int | None = None,
    after: tuple[str, uuid.UUID] | None = None,
) -> SellpageLevel:
    """The seller's sellpages by name (then id), with their sums per currency and their ratios:
    `limit` of them (None: all) after `after` (the last row's name and id), read for
    those sellpages only."""
    account_tz: dict[uuid.UUID, str] = {
        account_id: tz for account_id, tz in session.execute(_ACCOUNTS_SQL, {"seller_id": seller_id})
    }
    account_ranges = {acc: _range_in(spec, now, tz) for acc, tz in account_tz.items()}
    rows: dict[uuid.UUID, SellpageRow] = {}
    page_accounts: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    listed = {
        "seller_id": seller_id,
        "after_name": after[0] if after else None,
        "after_id": after[1] if after else None,
        "limit": None if limit is None else limit + 1,  # one more: is there a next page?
    }
    for page_id, name, url, account_id, campaigns in session.execute(_SELLPAGES_SQL, listed):
        row = rows.setdefault(page_id, SellpageRow(page_id, name, url, 0))
        if account_id is not None:
            row.linked_campaigns += campaigns
            page_accounts[page_id].append(account_id)
    more = limit is not None and len(rows) > limit
    if more:
        rows.pop(list(rows)[-1])
    utc_range = _range_in(spec, now, "UTC")
    page_ranges = {
        page: _envelope([account_ranges[a] for a in page_accounts[page]])
        if page_accounts[page]
        else utc_range
        for page in rows
    }
    ranges = _Ranges(account_ranges, page_ranges)
    whole = _envelope([*account_ranges.values(), *page_ranges.values()])
    params = _params(seller_id, ranges, whole)
    sums: dict[tuple[uuid.UUID, str], CurrencySums] = {}
    for page, currency, spend, purchases, value in session.execute(_SPEND_SQL, params):
        s = sums.setdefault((page, currency), CurrencySums(currency))
        s.spend, s.meta_purchases, s.meta_purchase_value, s.has_spend = spend, purchases, value, True
    for page, currency, orders, gross, refunds, att_orders, att_revenue in session.execute(
        _STORE_SQL, params
    ):
        s = sums.setdefault((page, currency), CurrencySums(currency))
        s.store_orders, s.store_gross_revenue, s.store_refunds = orders, gross, refunds
        s.store_attributed_orders, s.store_attributed_revenue, s.has_store = att_orders, att_revenue, True
    for (page, _currency), s in sorted(sums.items(), key=lambda item: item[0][1]):
        rows[page].sums.append(s)
    mixed = [page for page, row in rows.items() if _needs_conversion(row.sums)]
    days = _store_days(session, params, mixed) if mixed else {}
    for page, row in rows.items():
        row.ratios = sellpage_ratios(row.sums, days.get(page, ([], [])), converter)
    return SellpageLevel(whole, list(rows.values()), more)  # in the statement's order


def _params(seller_id: uuid.UUID, ranges: _Ranges, whole: DateRange) -> dict[str, object]:
    accounts = list(ranges.accounts.items())
    pages = list(ranges.sellpages.items())
    return {
        "seller_id": seller_id,
        "since": whole.since,
        "until": whole.until,
        "account_ids": [a for a, _ in accounts],
        "account_since": [r.since for _, r in accounts],
        "account_until": [r.until for _, r in accounts],
        "page_ids": [p for p, _ in pages],
        "page_since": [r.since for _, r in pages],
        "page_until": [r.until for _, r in pages],
    }


def _spend_currencies(sums: Sequence[CurrencySums]) -> list[str]:
    return [s.currency for s in sums if s.has_spend]


def _needs_conversion(sums: Sequence[CurrencySums]) -> bool:
    spend = _spend_currencies(sums)
    return len(spend) == 1 and any(s.has_store and s.currency != spend[0] for s in sums)


_Days = tuple[list[DatedAmount], list[DatedAmount]]


def _store_days(
    session: Session, params: dict[str, object], mixed: list[uuid.UUID]
) -> dict[uuid.UUID, _Days]:
    days: dict[uuid.UUID, _Days] = defaultdict(lambda: ([], []))
    for page, currency, day, revenue, attributed in session.execute(
        _STORE_DAYS_SQL, {**params, "mixed": mixed}
    ):
        every, from_meta = days[page]
        every.append(DatedAmount(day, currency, revenue))
        from_meta.append(DatedAmount(day, currency, attributed))
    return days


def sellpage_ratios(sums: Sequence[CurrencySums], days: _Days, converter: RevenueConverter) -> SellpageRatios:
    """Meta ROAS, store ROAS, MER and the purchase-value gap in the spend's currency, or null with why."""
    spend_currencies = _spend_currencies(sums)
    if not spend_currencies:
        return SellpageRatios(None, None, None, None, None, "no spend in the range")
    if len(spend_currencies) > 1:
        reason = f"spend is in several currencies ({', '.join(spend_currencies)}): ratios need one currency"
        return SellpageRatios(None, None, None, None, None, reason)
    currency = spend_currencies[0]
    home = next(s for s in sums if s.currency == currency)
    foreign = sorted(s.currency for s in sums if s.has_store and s.currency != currency)
    meta_roas = ratio(home.meta_purchase_value, home.spend)
    revenue, attributed, conversion = home.store_revenue, home.store_attributed_revenue, None
    if foreign:
        every, from_meta = days
        all_converted = converter.convert(every, currency)
        meta_converted = converter.convert(from_meta, currency)
        if all_converted is None or meta_converted is None:
            unconverted = ", ".join(foreign)
            reason = (
                f"store revenue in {unconverted} is not converted to {currency} "
                "(no exchange rate on some day)"
            )
            return SellpageRatios(currency, meta_roas, None, None, None, reason)
        revenue, attributed, conversion = all_converted.amount, meta_converted.amount, all_converted
    return SellpageRatios(
        currency=currency,
        meta_roas=meta_roas,
        store_roas=ratio(attributed, home.spend),
        mer=ratio(revenue, home.spend),
        purchase_value_gap=home.meta_purchase_value - attributed,
        null_reason=None,
        conversion=conversion,
    )
