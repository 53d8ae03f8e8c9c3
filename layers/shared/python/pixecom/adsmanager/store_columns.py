"""The store's numbers on campaign, ad set and ad rows: the `store` part of the list statement.

What the store sold (`store_stats_daily`, `store_orders`: docs/store.md) beside what Meta claims,
per row where attribution allows (the catalogue's `STORE_METRICS`):

- **by ids** (every level): an order whose landing URL named an ad counts for that ad, its ad set
  and its campaign as our copy of Meta's objects has them; one that named only an ad set or a
  campaign counts for those. Ids are looked up among the seller's own objects only.
- **by sellpage link** (campaigns only): an order that came from Meta (an `fbclid`, or a Meta
  `utm_source`) but carries no ids counts for the campaign linked to its sellpage, when exactly one
  campaign of the seller links to it. Several campaigns: it counts for none (no split is a fact).
- a row whose campaign links to no sellpage and that no order names has no store numbers: `null`,
  with the reason (its ads send shoppers somewhere the store does not see).

Days: an order counts in its row's account's range (the order's day in that account's timezone,
as Meta's days). Money: net of refunds, in the row's currency: an order in another currency is
converted at its day's reference rate (or the last one published before it, at most
`MAX_RATE_AGE_DAYS` old, as `pixecom.domain.money.RateBook` converts), and the row's `conversion`
names the currencies, the rates' source and their dates; without a rate the revenue is `null` and
`null_reason` names the currency. Nothing here holds a client value but the seller's id.
"""

from __future__ import annotations

import uuid
from functools import lru_cache

from pixecom.adsmanager.params import Level
from pixecom.adsmanager.ranges import RangePlan
from pixecom.adsmanager.sql import LEVELS
from pixecom.adsmanager.statement import Fragment, Param, ident, join, lit, q
from pixecom.domain.money import EURO, MAX_RATE_AGE_DAYS

# `utm_source` values that say a shopper came from a Meta ad (Facebook, Instagram).
META_SOURCES = ("facebook", "fb", "instagram", "ig", "meta")

# How an order's Meta ids reach the level's entity: the ad's own parents first (our copy of
# Meta's objects), then the ad set's, then the ids the URL carried.
_ENTITY: dict[Level, Fragment] = {
    Level.ADS: q("xa.id"),
    Level.ADSETS: q("coalesce(xa.adset_id, xs.id)"),
    Level.CAMPAIGNS: q("coalesce(xa.campaign_id, xs.campaign_id, xc.id)"),
}
# The entity's ad account, from the same object (one account holds an ad and its parents).
_ACCOUNT: dict[Level, Fragment] = {
    Level.ADS: q("xa.ad_account_id"),
    Level.ADSETS: q("coalesce(xa.ad_account_id, xs.ad_account_id)"),
    Level.CAMPAIGNS: q("coalesce(xa.ad_account_id, xs.ad_account_id, xc.ad_account_id)"),
}


def _by_ids(level: Level, seller: Param, plan: RangePlan) -> Fragment:
    """Rows of `store_stats_daily` that named an entity of the level, as (entity, day, currency)."""
    joins = [
        q(
            "LEFT JOIN ads xa ON xa.seller_id = {} AND xa.meta_id = ss.ad_meta_id AND ss.ad_meta_id <> ''",
            seller,
        )
    ]
    if level is not Level.ADS:
        joins.append(
            q(
                "LEFT JOIN adsets xs ON xs.seller_id = {} AND xs.meta_id = ss.adset_meta_id "
                "AND ss.adset_meta_id <> ''",
                seller,
            )
        )
    if level is Level.CAMPAIGNS:
        joins.append(
            q(
                "LEFT JOIN campaigns xc ON xc.seller_id = {} AND xc.meta_id = ss.campaign_meta_id "
                "AND ss.campaign_meta_id <> ''",
                seller,
            )
        )
    return q(
        "SELECT {} AS entity_id, {} AS account_id, ss.date, ss.currency, ss.orders, "
        "ss.gross_revenue - ss.refunds AS revenue, "
        "0 AS via_page FROM store_stats_daily ss {} "
        "WHERE ss.seller_id = {} AND ss.date BETWEEN {} AND {} "
        "AND (ss.ad_meta_id <> '' OR ss.adset_meta_id <> '' OR ss.campaign_meta_id <> '')",
        _ENTITY[level],
        _ACCOUNT[level],
        join(" ", joins),
        seller,
        Param(plan.envelope.since),
        Param(plan.envelope.until),
    )


def _by_sellpage(seller: Param, plan: RangePlan) -> Fragment:
    """Orders from Meta without ids on a sellpage exactly one campaign links to, dated in that
    campaign's account's timezone (a day either side of the envelope: every timezone's day)."""
    return q(
        "SELECT one.campaign_id AS entity_id, one.account_id, "
        "CAST(o.ordered_at AT TIME ZONE acc.timezone_name AS date) AS date, o.currency, "
        "1 AS orders, o.amount - o.refunded_amount AS revenue, 1 AS via_page "
        "FROM store_orders o "
        "JOIN (SELECT sellpage_id, (array_agg(id))[1] AS campaign_id, "
        "(array_agg(ad_account_id))[1] AS account_id "
        "FROM campaigns WHERE seller_id = {} AND sellpage_id IS NOT NULL GROUP BY sellpage_id "
        "HAVING count(*) = 1) one ON one.sellpage_id = o.sellpage_id "
        "JOIN ad_accounts acc ON acc.id = one.account_id "
        "WHERE o.seller_id = {} AND o.status IN ('paid', 'partly_refunded') "
        "AND o.campaign_meta_id = '' AND o.adset_meta_id = '' AND o.ad_meta_id = '' "
        "AND (o.landing_params ->> 'fbclid' IS NOT NULL OR lower(o.landing_params ->> 'utm_source') IN ({})) "
        "AND o.ordered_at >= CAST({} AS date) - 1 AND o.ordered_at < CAST({} AS date) + 2",
        seller,
        seller,
        join(", ", (lit(s) for s in META_SOURCES)),
        Param(plan.envelope.since),
        Param(plan.envelope.until),
    )


_FOREIGN = q("(d.currency <> d.target AND d.revenue <> 0)")  # to convert (zero needs no rate)
_FROM_RATE = q("CASE WHEN d.currency = {} THEN 1 ELSE r.from_per_eur END", lit(EURO))
_TO_RATE = q("CASE WHEN d.target = {} THEN 1 ELSE r.to_per_eur END", lit(EURO))
_MISSING = q("({} AND ({} IS NULL OR {} IS NULL))", _FOREIGN, _FROM_RATE, _TO_RATE)
_CONVERTED = q("({} AND NOT {})", _FOREIGN, _MISSING)
# The rates' source: each leg's that is not the euro, `+` between two.
_SOURCE = q(
    "concat_ws('+', CASE WHEN d.currency <> {} THEN r.from_source END, "
    "CASE WHEN d.target <> {} THEN r.to_source END)",
    lit(EURO),
    lit(EURO),
)
_RATE_DAY = q("LEAST(r.from_day, r.to_day)")


def _rate(currency: str, alias: str) -> Fragment:
    """LATERAL: the rate (units per euro) of `currency` (a column of `k`) on the day `k.date`, or
    the last one before it within the maximum age."""
    return q(
        "LEFT JOIN LATERAL (SELECT x.per_eur, x.source, x.day FROM exchange_rates x "
        "WHERE x.currency = {} AND x.day <= k.date AND x.day >= k.date - {} "
        "ORDER BY x.day DESC LIMIT 1) AS {} ON true",
        ident("k", currency),
        lit(MAX_RATE_AGE_DAYS),
        ident(alias),
    )


@lru_cache(maxsize=8)  # fixed text: built once per process
def _rates_sql() -> Fragment:
    """`store_rates`: both legs' rates of each (currency, row currency, day) to convert: looked
    up once per key, and only where an amount is in another currency (usually none)."""
    return q(
        "SELECT k.currency, k.target, k.date, rf.per_eur AS from_per_eur, rf.source AS from_source, "
        "rf.day AS from_day, rt.per_eur AS to_per_eur, rt.source AS to_source, rt.day AS to_day "
        "FROM (SELECT DISTINCT d.currency, d.target, d.date FROM store_days d WHERE {}) AS k {} {}",
        _FOREIGN,
        _rate("currency", "rf"),
        _rate("target", "rt"),
    )


@lru_cache(maxsize=8)  # fixed text: built once per process
def _converted_sql() -> Fragment:
    """`store` from `store_days` (entity, date, currency, target, orders, revenue, via_page)."""
    return q(
        "SELECT d.entity_id, sum(d.orders) AS orders, sum(d.via_page) AS via_page, "
        "CASE WHEN bool_or({}) THEN NULL "
        "ELSE sum(CASE WHEN {} THEN d.revenue * ({} / {}) ELSE d.revenue END) END AS revenue, "
        "string_agg(DISTINCT d.currency, ', ' ORDER BY d.currency) FILTER (WHERE {}) AS missing, "
        "array_agg(DISTINCT d.currency) FILTER (WHERE {}) AS converted_from, "
        "string_agg(DISTINCT {}, ', ' ORDER BY {}) FILTER (WHERE {}) AS sources, "
        "min({}) FILTER (WHERE {}) AS first_rate_date, "
        "max({}) FILTER (WHERE {}) AS last_rate_date "
        "FROM store_days d LEFT JOIN store_rates r "
        "ON r.currency = d.currency AND r.target = d.target AND r.date = d.date GROUP BY d.entity_id",
        _MISSING,
        _FOREIGN,
        _TO_RATE,
        _FROM_RATE,
        _MISSING,
        _CONVERTED,
        _SOURCE,
        _SOURCE,
        _CONVERTED,
        _RATE_DAY,
        _CONVERTED,
        _RATE_DAY,
        _CONVERTED,
    )


def store_ctes(level: Level, plan: RangePlan, seller_id: uuid.UUID) -> Fragment:
    """`store_days, store_rates, store`: the CTEs (after `acct`) giving each entity of the level with store
    orders in its account's range: orders, revenue in the account's currency (NULL when a rate is
    missing), orders counted by sellpage link, and what was converted with which rates."""
    seller = Param(seller_id)
    sources = [_by_ids(level, seller, plan)]
    if level is Level.CAMPAIGNS:
        sources.append(_by_sellpage(seller, plan))
    return q(
        "store_days AS MATERIALIZED (SELECT u.entity_id, u.date, u.currency, acct.currency AS target, "
        "sum(u.orders) AS orders, sum(u.revenue) AS revenue, sum(u.via_page) AS via_page "
        "FROM ({}) AS u JOIN acct ON acct.id = u.account_id AND u.date BETWEEN acct.since AND acct.until "
        "GROUP BY u.entity_id, u.date, u.currency, acct.currency), "
        "store_rates AS MATERIALIZED ({}), store AS MATERIALIZED ({})",
        join(" UNION ALL ", sources),
        _rates_sql(),
        _converted_sql(),
    )


NO_SELLPAGE = "its campaign links to no sellpage and no store order names it"
NO_STORE_ROWS = "no row of this currency has store numbers: none links to a sellpage or is named by an order"


def _missing_reason(missing: Fragment, currency: Fragment) -> Fragment:
    """Why the revenue is null: its currencies without a rate, named."""
    return q(
        "'store revenue in ' || {} || ' is not converted to ' || {} || ' (no exchange rate on some day)'",
        missing,
        currency,
    )


# A row's store revenue from its `store` row `so` (no row: nothing sold, 0; NULL: a rate missing).
_REVENUE = q("CASE WHEN so.entity_id IS NULL THEN 0 ELSE so.revenue END")


def store_sort_value(name: str, sellpage: Fragment) -> Fragment:
    """The store number `name` of a matched row `m` (its `store` row `so`, its campaign's
    `sellpage`) as a sort value, unrounded; NULL where the row has no store numbers."""
    value = {
        "store_orders": q("coalesce(so.orders, 0)"),
        "store_revenue": _REVENUE,
        "store_roas": q("{} / NULLIF(m.spend, 0)", _REVENUE),
        "purchase_value_gap": q("m.purchase_value - {}", _REVENUE),
    }[name]
    return q("CASE WHEN so.entity_id IS NULL AND {} IS NULL THEN NULL ELSE {} END", sellpage, value)


def row_store_json(sellpage: Fragment) -> Fragment:
    """The `store` object of a page row (`p`: its sums and `mu`; `so`: its `store` row, if any;
    `sellpage`: its campaign's sellpage)."""
    revenue = _REVENUE
    return q(
        "CASE WHEN so.entity_id IS NULL AND {} IS NULL THEN json_build_object("
        "'store_orders', NULL, 'store_revenue', NULL, 'store_roas', NULL, 'purchase_value_gap', NULL, "
        "'orders_via_sellpage', NULL, 'null_reason', {}, 'conversion', NULL) "
        "ELSE json_build_object("
        "'store_orders', coalesce(so.orders, 0), "
        "'store_revenue', CAST(round({}, p.mu) AS text), "
        "'store_roas', round({} / NULLIF(p.spend, 0), 4), "
        "'purchase_value_gap', CAST(round(p.purchase_value - {}, p.mu) AS text), "
        "'orders_via_sellpage', coalesce(so.via_page, 0), "
        "'null_reason', CASE WHEN so.missing IS NOT NULL THEN {} END, "
        "'conversion', CASE WHEN so.converted_from IS NOT NULL THEN json_build_object("
        "'from', so.converted_from, 'source', so.sources, "
        "'first_rate_date', so.first_rate_date, 'last_rate_date', so.last_rate_date) END) END",
        sellpage,
        lit(NO_SELLPAGE),
        revenue,
        revenue,
        revenue,
        _missing_reason(q("so.missing"), q("p.currency")),
    )


def summed_store_cte(
    level: Level, sellpage: Fragment, parent_join: Fragment, seller_id: uuid.UUID
) -> Fragment:
    """`summed_store`: per currency, the store's numbers over every matched row that has them
    (its campaign links to a sellpage, or an order names it), with the spend and Meta's purchase
    value of those rows: the summary's store ROAS and gap compare like with like. The rows linked
    to a sellpage are found among the seller's linked entities (usually all or none of them), not
    by joining every matched row to its entity: thousands of ads without a sellpage cost ~4 ms."""
    return q(
        "SELECT m.currency, max(m.mu) AS mu, count(*) AS rows_with, sum(coalesce(so.orders, 0)) AS orders, "
        "sum(coalesce(so.via_page, 0)) AS via_page, "
        "CASE WHEN bool_or(so.missing IS NOT NULL) THEN NULL "
        "ELSE sum(coalesce(so.revenue, 0)) END AS revenue, "
        "string_agg(DISTINCT so.missing, ', ') AS missing, "
        "sum(m.spend) AS spend, sum(m.purchase_value) AS purchase_value, "
        "(SELECT array_agg(DISTINCT c ORDER BY c) FROM matched m2 JOIN store s2 ON s2.entity_id = m2.id, "
        "unnest(s2.converted_from) AS c WHERE m2.currency = m.currency) AS converted_from, "
        "string_agg(DISTINCT so.sources, ', ' ORDER BY so.sources) AS sources, "
        "min(so.first_rate_date) AS first_rate_date, "
        "max(so.last_rate_date) AS last_rate_date "
        "FROM matched m LEFT JOIN store so ON so.entity_id = m.id "
        "WHERE so.entity_id IS NOT NULL OR m.id IN "
        "(SELECT e.id FROM {} e {} WHERE e.seller_id = {} AND {} IS NOT NULL) GROUP BY m.currency",
        LEVELS[level].table,
        parent_join,
        Param(seller_id),
        sellpage,
    )


def summary_store_json() -> Fragment:
    """The `store` object of a summary entry (`s`: its currency's sums; `ss`: `summed_store`)."""
    return q(
        "CASE WHEN ss.currency IS NULL THEN json_build_object("
        "'store_orders', NULL, 'store_revenue', NULL, 'store_roas', NULL, 'purchase_value_gap', NULL, "
        "'orders_via_sellpage', NULL, 'null_reason', {}, 'conversion', NULL) "
        "ELSE json_build_object("
        "'store_orders', ss.orders, "
        "'store_revenue', CAST(round(ss.revenue, ss.mu) AS text), "
        "'store_roas', round(ss.revenue / NULLIF(ss.spend, 0), 4), "
        "'purchase_value_gap', CAST(round(ss.purchase_value - ss.revenue, ss.mu) AS text), "
        "'orders_via_sellpage', ss.via_page, "
        "'null_reason', CASE WHEN ss.missing IS NOT NULL THEN {} END, "
        "'conversion', CASE WHEN ss.converted_from IS NOT NULL THEN json_build_object("
        "'from', ss.converted_from, 'source', ss.sources, "
        "'first_rate_date', ss.first_rate_date, 'last_rate_date', ss.last_rate_date) END) END",
        lit(NO_STORE_ROWS),
        _missing_reason(q("ss.missing"), q("ss.currency")),
    )
