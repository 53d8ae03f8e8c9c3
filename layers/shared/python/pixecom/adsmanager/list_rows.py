"""What an Ads Manager list read gives back (`query.list_entities`): its page rows, summary per
currency, date range, the accounts with their ranges and stored reach, and the comparison; and
how the list statement's one result set (a `kind` column tells its parts apart) becomes them."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from pixecom.adsmanager.params import Cursor, ListQuery
from pixecom.adsmanager.ranges import RangePlan
from pixecom.domain.attribution import attribution_label, combined_label
from pixecom.domain.dates import DateRange


@dataclass(frozen=True)
class EntityRow:
    id: uuid.UUID
    meta_id: str
    name: str
    status: str
    delivery_status: str
    effective_status: str
    ad_account_id: uuid.UUID
    campaign_id: uuid.UUID | None
    adset_id: uuid.UUID | None
    sellpage_id: uuid.UUID | None
    currency: str
    result_type: str | None
    attribution_setting: str | None
    metrics_json: str  # the formatted `metrics` object, as Postgres built it
    extra_json: str = "{}"  # budget, bids, parents' names: adsmanager.entity_columns
    store_json: str = "null"  # the store's numbers: adsmanager.store_columns
    # Our impressions (whatever `columns=` shows): reach is looked up only where some were made.
    impressions: int | None = None
    # Meta's reach of the row's object over its account's range as stored (reach_stats), read by
    # the same statement; None: none stored (or not looked up).
    stored_reach: StoredReach | None = None


@dataclass(frozen=True)
class CurrencyTotals:
    currency: str
    result_type: str | None
    metrics_json: str
    store_json: str = "null"  # the store's numbers: adsmanager.store_columns
    reach_unavailable: str | None = None  # why the summary has no reach (adsmanager.reach_rows)
    impressions: int | None = None  # our impressions, as on EntityRow


@dataclass(frozen=True)
class Comparison:
    """The previous period's `metrics` (JSON text, as Postgres built it) of each page row and each
    summary currency, and the envelope of the accounts' comparison ranges (`compare.py`)."""

    rows: dict[uuid.UUID, str]
    summary: dict[str, str]
    date_range: DateRange


@dataclass(frozen=True)
class StoredReach:
    """A reach_stats row as read: Meta's people, the impressions of that answer, when read."""

    reach: int
    impressions: int
    fetched_at: datetime


@dataclass(frozen=True)
class AccountRange:
    """One listed ad account and its own range (its timezone's days): what reach is keyed by."""

    id: uuid.UUID
    meta_account_id: str
    timezone_name: str
    since: date
    until: date
    stored_reach: StoredReach | None = None  # the account's reach over its range, as stored


@dataclass(frozen=True)
class ListResult:
    rows: list[EntityRow]
    summary: list[CurrencyTotals]
    next_cursor: Cursor | None
    date_range: DateRange
    comparison: Comparison | None = None
    # The seller's reporting currency (None: not chosen), read by the same statement: the list's
    # converted total needs it (`pixecom.rates.totals`), and it costs no round trip of its own.
    reporting_currency: str | None = None
    # The accounts the list read (all the seller's, or those `ad_account_id` names), each with
    # its range, from the same statement: reach needs them and they cost no round trip.
    accounts: tuple[AccountRange, ...] = ()
    # The database snapshot the statement read (pg_current_snapshot() as text); None on a replica.
    snapshot: str | None = None


@lru_cache(maxsize=1024)
def attribution_setting(specs_json: str | None) -> str | None:
    """The row's attribution setting in words from the JSON list of its ad sets' distinct specs:
    "7-day click or 1-day view", `mixed` when they differ, None when none is known."""
    if specs_json is None:
        return None
    specs = json.loads(specs_json)
    return combined_label(attribution_label(spec) for spec in specs)


def _entity_row(m: Mapping[Any, Any]) -> EntityRow:
    return EntityRow(
        id=m["id"],
        meta_id=m["meta_id"],
        name=m["name"],
        status=m["status"],
        delivery_status=m["delivery_status"],
        effective_status=m["effective_status"],
        ad_account_id=m["ad_account_id"],
        campaign_id=m["campaign_id"],
        adset_id=m["adset_id"],
        sellpage_id=m["sellpage_id"],
        currency=m["currency"],
        result_type=m["result_type"],
        attribution_setting=attribution_setting(m["attr"]),
        metrics_json=m["metrics"],
        extra_json=m["extra"],
        store_json=m["store"],
        impressions=int(m["impressions"]),
        stored_reach=_stored_reach(m),
    )


def _stored_reach(m: Mapping[Any, Any]) -> StoredReach | None:
    if m["reach"] is None:
        return None
    return StoredReach(int(m["reach"]), int(m["reach_impressions"] or 0), m["reach_fetched_at"])


def split_result(
    query: ListQuery, plan: RangePlan, result: Sequence[Mapping[Any, Any]], currency_first: bool
) -> ListResult:
    """The list statement's result set (`kind` tells its parts apart) as a `ListResult`; the
    next cursor names the last row's currency where the sort orders by currency first."""
    page = [m for m in result if m["kind"] == "row"]
    next_cursor = None
    if query.limit is not None and len(page) > query.limit:
        page = page[: query.limit]
        last = page[-1]
        next_cursor = Cursor(
            sort=query.sort.token,
            value=last["sort_text"],
            last_id=last["id"],
            query=query.fingerprint,
            currency=last["currency"] if currency_first else None,
        )
    summary = [
        CurrencyTotals(
            m["currency"], m["result_type"], m["metrics"], m["store"], impressions=int(m["impressions"])
        )
        for m in result
        if m["kind"] == "summary"
    ]
    envelope = next(m for m in result if m["kind"] == "srange")
    since: date | None = envelope["since"]
    until: date | None = envelope["until"]
    date_range = DateRange(since, until) if since and until else plan.utc_range()
    rows = [_entity_row(m) for m in page]
    accounts = tuple(
        AccountRange(m["id"], m["meta_id"], m["name"], m["since"], m["until"], _stored_reach(m))
        for m in result
        if m["kind"] == "account"
    )
    return ListResult(
        rows,
        summary,
        next_cursor,
        date_range,
        reporting_currency=envelope["currency"],
        accounts=accounts,
        snapshot=envelope["extra"],
    )
