"""The creative level: one row per creative version group (media, ad text, thumbnail or post),
every metric summed over the ads in it. ONE statement per request, built from the ads level's
parts (`query.acct_cte`, `stats.stats_cte`, `query.entity_filters`, `query.types_cte`), so the
filters, date ranges, snapshots and metrics are the ads list's exactly:

- `members`: every ad the filters match that has a creative with a key of the chosen kind,
  with its sums (no stats: zeros) and its ad set's result type;
- `grouped`: the members summed per (key, currency): money is never summed across currencies,
  so a video used by a USD and a JPY account is two rows; the number of ads and ad sets in it,
  the result type they share (else `mixed`), and the creative that spent most (its thumbnail,
  title and text show the group);
- the page (sorted by a metric or the group's name, ties by key then currency; a money sort
  by currency first), after the cursor as the ads list pages (`query.keyset`: the group's key
  and currency in place of an id), one more than `limit` (says whether there is a next page);
  the summary per currency over every member (every page's the same), and the date range
  envelope, as one result set.

Drilling into a group is the ads list with the group's key as a version filter
(`?media_version=<key>`, ...).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pixecom.adsmanager.list_rows import CurrencyTotals
from pixecom.adsmanager.params import (
    STORE_SORT_KEYS,
    Cursor,
    InvalidParam,
    Level,
    ListQuery,
    RawListParams,
    decode_cursor,
    parse_list_query,
    query_fingerprint,
)
from pixecom.adsmanager.query import (
    acct_cte,
    by_currency_first,
    combined_type,
    entity_filters,
    keyset,
    types_cte,
)
from pixecom.adsmanager.ranges import RangePlan, plan_ranges
from pixecom.adsmanager.sql import LEVELS, metric_expr, metrics_json, sum_list
from pixecom.adsmanager.statement import Fragment, Param, ident, lit, q, run
from pixecom.adsmanager.stats import stats_cte
from pixecom.domain.creatives import KEY_COLUMNS, VersionKind
from pixecom.domain.dates import DateRange
from pixecom.domain.metrics import METRIC_BY_NAME
from pixecom.domain.results import MIXED

_ADS = LEVELS[Level.ADS]


def parse_group_by(value: str | None) -> VersionKind:
    """`group_by=media|ad_text|thumbnail|post` (default media)."""
    try:
        return VersionKind((value or VersionKind.MEDIA.value).strip().lower())
    except ValueError:
        allowed = ", ".join(k.value for k in VersionKind)
        raise InvalidParam("group_by", f"unknown value {str(value)[:64]!r}; use {allowed}") from None


def parse_creative_query(group_by: str | None, raw: RawListParams, *, paged: bool) -> CreativeQuery:
    """The creative level takes the ads list's parameters; its cursor names a group (its key
    and currency) and is bound to this level and grouping (`CreativeQuery.fingerprint`), so an
    ads list's cursor, or another grouping's, is refused."""
    if raw.sort and raw.sort.strip().removeprefix("-") in STORE_SORT_KEYS:
        raise InvalidParam("sort", "the creative level has no store numbers to sort by")
    kind = parse_group_by(group_by)
    ads = parse_list_query(Level.ADS, dataclasses.replace(raw, cursor=None), paged=paged)
    query = CreativeQuery(kind, ads)
    if not paged or not raw.cursor:
        return query
    cursor = decode_cursor(raw.cursor, query.ads.sort, query.fingerprint, keyed=True)
    if cursor.currency is None:
        raise InvalidParam("cursor", "malformed cursor")
    return CreativeQuery(kind, dataclasses.replace(query.ads, cursor=cursor))


@dataclass(frozen=True)
class CreativeQuery:
    """The ads list's query (level ads: its filters, dates, sort, limit) and what groups the ads."""

    group_by: VersionKind
    ads: ListQuery

    @property
    def fingerprint(self) -> str:
        """What this level's cursors are bound to: the ads list's query and the grouping."""
        a = self.ads
        return query_fingerprint(a.level, a.filters, a.dates, a.sort, group_by=self.group_by)


@dataclass(frozen=True)
class GroupRow:
    key: str
    currency: str
    ads: int
    adsets: int
    result_type: str | None
    creative_json: str  # the group's face: format, thumbnail, title, text, media ids (Postgres JSON)
    metrics_json: str


@dataclass(frozen=True)
class GroupList:
    rows: list[GroupRow]
    summary: list[CurrencyTotals]
    date_range: DateRange
    next_cursor: Cursor[str] | None = None


def _members_cte(query: CreativeQuery, seller_id: uuid.UUID) -> Fragment:
    key = ident("cr", KEY_COLUMNS[query.group_by])
    return q(
        "SELECT {} AS gkey, e.id AS ad_id, e.adset_id, e.creative_id, acct.currency, acct.mu, t.rt, {} "
        "FROM ads e JOIN acct ON acct.id = e.ad_account_id {} "
        "JOIN creatives cr ON cr.id = e.creative_id "
        "LEFT JOIN stats st ON st.entity_id = e.id LEFT JOIN types t ON t.key = e.adset_id "
        "WHERE {} AND {} IS NOT NULL",
        key,
        sum_list("st", coalesce=True, cast=True),
        _ADS.parent_join,
        entity_filters(_ADS, query.ads, seller_id),
        key,
    )


def _grouped_cte() -> Fragment:
    return q(
        "SELECT m.gkey, m.currency, max(m.mu) AS mu, count(*) AS ads, count(DISTINCT m.adset_id) AS adsets, "
        "{} AS rt, (array_agg(m.creative_id ORDER BY m.spend DESC, m.ad_id))[1] AS face, {} "
        "FROM members m GROUP BY m.gkey, m.currency",
        combined_type(q("m.rt")),
        sum_list("m"),
    )


def _sort_value(query: CreativeQuery) -> Fragment:
    if query.ads.sort.key == "name":
        # The first 400 characters, as long as an entity's name: an ad text runs to thousands, and
        # the sort value travels in the cursor (groups alike that far tie, ordered by key).
        return q("left(coalesce(cr.title, cr.body, cr.name, g.gkey), 400)")
    value = metric_expr(query.ads.sort.key, "g")
    if METRIC_BY_NAME[query.ads.sort.key].counts_results:
        return q("CASE WHEN g.rt = {} THEN NULL ELSE {} END", lit(MIXED), value)
    return value


def _face(now: datetime) -> Fragment:
    """The face creative's columns as JSON; a thumbnail past its expiry is left out (null)."""
    return q(
        "json_build_object('format', cr.format, 'thumbnail_url', CASE WHEN cr.thumbnail_expires_at IS NULL "
        "OR cr.thumbnail_expires_at > {} THEN cr.thumbnail_url END, 'title', cr.title, 'body', cr.body, "
        "'video_id', cr.video_id, 'image_hash', cr.image_hash, 'post_id', cr.story_id, "
        "'call_to_action', cr.call_to_action, 'creative_id', cr.id, 'creative_meta_id', cr.meta_id)",
        Param(now),
    )


def group_statement(query: CreativeQuery, plan: RangePlan, seller_id: uuid.UUID, now: datetime) -> Fragment:
    mixed = q("coalesce(p.rt = {}, false)", lit(MIXED))
    summary_mixed = q("coalesce(t.rt = {}, false)", lit(MIXED))
    currency_first = q("currency, ") if by_currency_first(query.ads) else q("")
    direction = q("DESC" if query.ads.sort.descending else "ASC")
    # One more than the page: says whether there is a next one.
    limit = q("") if query.ads.limit is None else q(" LIMIT {}", Param(query.ads.limit + 1))
    # A key in two currencies is two groups: the currency breaks the key's tie.
    order = q("{}sort_value {} NULLS LAST, gkey, currency", currency_first, direction)
    after = keyset(query.ads, q("(r.gkey, r.currency)"), _cursor_position(query.ads.cursor))
    return q(
        "WITH acct AS MATERIALIZED ({}), stats AS ({}), types AS MATERIALIZED ({}), "
        "members AS MATERIALIZED ({}), grouped AS ({}), "
        "ranked AS (SELECT g.*, {} AS sort_value FROM grouped g JOIN creatives cr ON cr.id = g.face), "
        "page AS (SELECT r.* FROM ranked r WHERE {} ORDER BY {}{}), "
        "summed AS (SELECT currency, max(mu) AS mu, {} FROM members GROUP BY currency), "
        "summed_types AS (SELECT currency, {} AS rt FROM members GROUP BY currency) "
        "SELECT * FROM ("
        "SELECT 'row' AS kind, row_number() OVER (ORDER BY {}) AS ord, "
        "p.gkey, p.currency, p.ads, p.adsets, p.rt, CAST({} AS text) AS metrics, CAST({} AS text) AS face, "
        "CAST(p.sort_value AS text) AS sort_text, CAST(NULL AS date) AS since, CAST(NULL AS date) AS until "
        "FROM page p JOIN creatives cr ON cr.id = p.face "
        "UNION ALL "
        "SELECT 'summary', row_number() OVER (ORDER BY s.currency), NULL, s.currency, NULL, NULL, t.rt, "
        "CAST({} AS text), NULL, NULL, NULL, NULL "
        "FROM summed s JOIN summed_types t ON t.currency = s.currency "
        "UNION ALL "
        "SELECT 'srange', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, min(since), max(until) FROM acct"
        ") AS result ORDER BY kind, ord",
        acct_cte(plan, query.ads, seller_id),
        stats_cte(_ADS, query.ads, plan, seller_id),
        types_cte(query.ads, seller_id),
        _members_cte(query, seller_id),
        _grouped_cte(),
        _sort_value(query),
        after,
        order,
        limit,
        sum_list("members"),
        combined_type(q("rt")),
        order,
        metrics_json("p", q("p.mu"), mixed),
        _face(now),
        metrics_json("s", q("s.mu"), summary_mixed),
    )


def _cursor_position(cursor: Cursor[Any] | None) -> Fragment | None:
    """The cursor's group as the `(gkey, currency)` it ties on (`parse_creative_query` requires
    its currency)."""
    return None if cursor is None else q("({}, {})", Param(cursor.last_id), Param(cursor.currency))


def _split(rows: Sequence[Mapping[str, Any]], plan: RangePlan, query: CreativeQuery) -> GroupList:
    found = [m for m in rows if m["kind"] == "row"]
    next_cursor = None
    limit = query.ads.limit
    if limit is not None and len(found) > limit:
        found = found[:limit]
        last = found[-1]
        next_cursor = Cursor(
            query.ads.sort.token, last["sort_text"], str(last["gkey"]), query.fingerprint, last["currency"]
        )
    page = [
        GroupRow(m["gkey"], m["currency"], m["ads"], m["adsets"], m["rt"], m["face"], m["metrics"])
        for m in found
    ]
    summary = [CurrencyTotals(m["currency"], m["rt"], m["metrics"]) for m in rows if m["kind"] == "summary"]
    envelope = next(m for m in rows if m["kind"] == "srange")
    since: date | None = envelope["since"]
    until: date | None = envelope["until"]
    date_range = DateRange(since, until) if since and until else plan.utc_range()
    return GroupList(page, summary, date_range, next_cursor)


def list_groups(conn: Any, seller_id: uuid.UUID, query: CreativeQuery, now: datetime) -> GroupList:
    """The version groups of the seller's ads the query matches (a page of `limit` of them,
    sorted, after the cursor; every one without a limit), the cursor of the next page, their
    summary per currency and the date range; on a psycopg connection or a session's."""
    plan = plan_ranges(query.ads.dates, now)
    return _split(run(conn, group_statement(query, plan, seller_id, now)), plan, query)
