"""Writing the store's order events: validate each, resolve its sellpage and Meta ids within the
seller, keep the newest version of each order. The daily sums follow by trigger (migration 0021).

One function for one event and for a backfill batch: every event is answered on its own
(applied, duplicate, stale or rejected with the reason), good ones are written in one statement,
bad ones write nothing. Per order, only a higher version replaces what is stored, so events
arriving twice, late or out of order leave exactly the newest state.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from pixecom.db.models import Sellpage
from pixecom.db.store_models import StoreOrder
from pixecom.domain.sellpages import match_link
from pixecom.domain.store_orders import (
    Attribution,
    OrderProblem,
    attribution_of,
    check_currency,
    check_money,
    event_hash,
    landing_params,
    order_day,
    order_status,
)
from pixecom.store.events import OrderEvent


class Outcome(StrEnum):
    APPLIED = "applied"  # written: the order's newest state now
    DUPLICATE = "duplicate"  # this version was already stored with the same content
    STALE = "stale"  # a newer version of the order is already stored (or later in the batch)
    REJECTED = "rejected"  # not written: see error


@dataclass(frozen=True)
class ItemError:
    code: str  # invalid_input, unknown_currency, unknown_sellpage, version_conflict
    message: str
    field: str | None = None


@dataclass(frozen=True)
class ItemResult:
    index: int
    order_id: str | None
    version: int | None
    outcome: Outcome
    error: ItemError | None = None


@dataclass
class _Candidate:
    index: int
    event: OrderEvent
    row: dict[str, Any]


def _validation_problem(exc: ValidationError) -> ItemError:
    first = exc.errors()[0]
    field = ".".join(str(p) for p in first.get("loc", ())) or "body"
    return ItemError("invalid_input", f"{field}: {first.get('msg', 'invalid')}", field)


def _parse(raw: object) -> OrderEvent | ItemError:
    if isinstance(raw, OrderEvent):
        return raw
    if not isinstance(raw, Mapping):
        return ItemError("invalid_input", "each order event must be a JSON object", "body")
    try:
        return OrderEvent.model_validate(raw)
    except ValidationError as exc:
        return _validation_problem(exc)


class _Lookups:
    """The seller's sellpages and the Meta ids the batch names, read once per batch."""

    def __init__(self, session: Session, seller_id: uuid.UUID) -> None:
        pages = session.execute(select(Sellpage.id, Sellpage.url_key).where(Sellpage.seller_id == seller_id))
        self.page_by_key: dict[str, uuid.UUID] = {key: page_id for page_id, key in pages}
        self.page_ids = set(self.page_by_key.values())
        self.ads: dict[str, tuple[str, str, str]] = {}
        self.campaign_tz: dict[str, str] = {}
        self.session, self.seller_id = session, seller_id

    def load_meta(self, found: Iterable[Attribution]) -> None:
        attributions = list(found)
        ad_ids = sorted({a.ad_meta_id for a in attributions if a.ad_meta_id})
        campaign_ids = sorted({a.campaign_meta_id for a in attributions if a.campaign_meta_id})
        if ad_ids:
            rows = self.session.execute(_ADS_SQL, {"seller_id": self.seller_id, "ids": ad_ids})
            self.ads = {ad: (adset, campaign, tz) for ad, adset, campaign, tz in rows}
        if campaign_ids:
            rows = self.session.execute(_CAMPAIGNS_SQL, {"seller_id": self.seller_id, "ids": campaign_ids})
            self.campaign_tz = {campaign: tz for campaign, tz in rows}

    def sellpage(self, event: OrderEvent) -> uuid.UUID:
        if event.sellpage_id is not None:
            if event.sellpage_id not in self.page_ids:
                raise OrderProblem("sellpage_id", "no such sellpage", code="unknown_sellpage")
            return event.sellpage_id
        key = match_link(event.sellpage_url or "", list(self.page_by_key))
        if key is None:
            raise OrderProblem("sellpage_url", "matches none of your sellpages", code="unknown_sellpage")
        return self.page_by_key[key]

    def complete(self, found: Attribution) -> tuple[Attribution, str | None]:
        """The ids with what the seller's synced ads add (an ad id alone names its ad set and
        campaign), and the timezone of the account the order's day is counted in."""
        known_ad = self.ads.get(found.ad_meta_id)
        if known_ad is not None:
            adset, campaign, tz = known_ad
            filled = Attribution(
                found.campaign_meta_id or campaign, found.adset_meta_id or adset, found.ad_meta_id
            )
            if filled.campaign_meta_id == campaign:
                return filled, tz
            return filled, self.campaign_tz.get(filled.campaign_meta_id)
        return found, self.campaign_tz.get(found.campaign_meta_id)


_ADS_SQL = text(
    """
    SELECT a.meta_id, s.meta_id, c.meta_id, acc.timezone_name
    FROM ads a
    JOIN adsets s ON s.id = a.adset_id
    JOIN campaigns c ON c.id = a.campaign_id
    JOIN ad_accounts acc ON acc.id = a.ad_account_id
    WHERE a.seller_id = :seller_id AND a.meta_id = ANY(:ids)
    """
)
_CAMPAIGNS_SQL = text(
    """
    SELECT c.meta_id, acc.timezone_name
    FROM campaigns c JOIN ad_accounts acc ON acc.id = c.ad_account_id
    WHERE c.seller_id = :seller_id AND c.meta_id = ANY(:ids)
    """
)


def _order_row(
    seller_id: uuid.UUID, event: OrderEvent, lookups: _Lookups, params: dict[str, str], found: Attribution
) -> dict[str, Any]:
    currency = check_currency(event.currency)
    amount = check_money(event.amount, currency, "amount")
    refunded = check_money(event.refunded_amount, currency, "refunded_amount")
    status = order_status(event.type, amount, refunded)
    sellpage_id = lookups.sellpage(event)
    attribution, timezone_name = lookups.complete(found)
    return {
        "seller_id": seller_id,
        "order_id": event.order_id,
        "version": event.version,
        "event_type": event.type.value,
        "status": status.value,
        "event_hash": event_hash(event.model_dump(mode="json")),
        "sellpage_id": sellpage_id,
        "amount": amount,
        "refunded_amount": refunded,
        "currency": currency,
        "ordered_at": event.ordered_at,
        "local_date": order_day(event.ordered_at, timezone_name),
        "campaign_meta_id": attribution.campaign_meta_id,
        "adset_meta_id": attribution.adset_meta_id,
        "ad_meta_id": attribution.ad_meta_id,
        "landing_params": params,
    }


def _newest_per_order(candidates: Sequence[_Candidate], results: dict[int, ItemResult]) -> list[_Candidate]:
    """One candidate per order id (the highest version); the others answered here."""
    by_order: dict[str, _Candidate] = {}
    for cand in candidates:
        kept = by_order.get(cand.event.order_id)
        if kept is None or cand.event.version > kept.event.version:
            if kept is not None:
                results[kept.index] = _result(kept, Outcome.STALE)
            by_order[cand.event.order_id] = cand
        elif cand.event.version < kept.event.version:
            results[cand.index] = _result(cand, Outcome.STALE)
        elif cand.row["event_hash"] == kept.row["event_hash"]:
            results[cand.index] = _result(cand, Outcome.DUPLICATE)
        else:
            results[cand.index] = _conflict(cand)
    return list(by_order.values())


def _result(cand: _Candidate, outcome: Outcome) -> ItemResult:
    return ItemResult(cand.index, cand.event.order_id, cand.event.version, outcome)


def _conflict(cand: _Candidate) -> ItemResult:
    message = (
        f"version {cand.event.version} of order {cand.event.order_id} was already sent with other content"
    )
    return ItemResult(
        cand.index,
        cand.event.order_id,
        cand.event.version,
        Outcome.REJECTED,
        ItemError("version_conflict", message, "version"),
    )


# The columns an event writes, with their array types: a batch goes in as one array per column
# (constant SQL, 16 parameters whatever the batch size; a multi-row VALUES of 1,000 rows cost
# more to compile and parse than the database took to write it).
_COLUMNS = (
    ("seller_id", "uuid"), ("order_id", "text"), ("version", "bigint"), ("event_type", "text"),
    ("status", "text"), ("event_hash", "bytea"), ("sellpage_id", "uuid"), ("amount", "numeric"),
    ("refunded_amount", "numeric"), ("currency", "text"), ("ordered_at", "timestamptz"),
    ("local_date", "date"), ("campaign_meta_id", "text"), ("adset_meta_id", "text"),
    ("ad_meta_id", "text"), ("landing_params", "text"),
)  # fmt: skip
_UPSERT = text(
    f"""
    INSERT INTO store_orders ({", ".join(name for name, _ in _COLUMNS)}, updated_at)
    SELECT {", ".join(f"{name}::jsonb" if name == "landing_params" else name for name, _ in _COLUMNS)}, :now
    FROM unnest({", ".join(f"CAST(:{name} AS {kind}[])" for name, kind in _COLUMNS)})
        AS batch({", ".join(name for name, _ in _COLUMNS)})
    ON CONFLICT (seller_id, order_id) DO UPDATE SET
        {", ".join(f"{name} = excluded.{name}" for name, _ in _COLUMNS[2:])}, updated_at = excluded.updated_at
    WHERE store_orders.version < excluded.version
    RETURNING order_id
    """  # noqa: S608 (only the fixed column list is interpolated)
)


def _write(session: Session, rows: list[dict[str, Any]], now: datetime) -> set[str]:
    """Insert new orders, replace stored ones whose version is lower; the order ids written.

    Rows go in by order id: concurrent batches lock the orders they share in the same order."""
    if not rows:
        return set()
    rows = sorted(rows, key=lambda row: str(row["order_id"]))
    params: dict[str, Any] = {name: [row[name] for row in rows] for name, _ in _COLUMNS}
    params["landing_params"] = [json.dumps(row["landing_params"]) for row in rows]
    return set(session.scalars(_UPSERT, {**params, "now": now}))


def ingest_events(
    session: Session, seller_id: uuid.UUID, raw_events: Sequence[object], now: datetime
) -> list[ItemResult]:
    """Every event answered, in the order given; the good ones written in the caller's transaction."""
    results: dict[int, ItemResult] = {}
    parsed: list[tuple[int, OrderEvent]] = []
    for index, raw in enumerate(raw_events):
        event = _parse(raw)
        if isinstance(event, ItemError):
            order_id = raw.get("order_id") if isinstance(raw, Mapping) else None
            results[index] = ItemResult(
                index, order_id if isinstance(order_id, str) else None, None, Outcome.REJECTED, event
            )
        else:
            parsed.append((index, event))
    lookups = _Lookups(session, seller_id)
    landing: dict[int, tuple[dict[str, str], Attribution]] = {}
    for index, event in list(parsed):
        try:
            params = landing_params(event.landing_url, event.landing_params)
        except OrderProblem as problem:
            results[index] = _rejected(index, event, problem)
            continue
        landing[index] = (params, attribution_of(params))
    lookups.load_meta(a for _, a in landing.values())
    candidates: list[_Candidate] = []
    for index, event in parsed:
        if index not in landing:
            continue
        try:
            row = _order_row(seller_id, event, lookups, *landing[index])
        except OrderProblem as problem:
            results[index] = _rejected(index, event, problem)
            continue
        candidates.append(_Candidate(index, event, row))
    newest = _newest_per_order(candidates, results)
    written = _write(session, [c.row for c in newest], now)
    unwritten = [c for c in newest if c.event.order_id not in written]
    stored = _stored_versions(session, seller_id, [c.event.order_id for c in unwritten])
    for cand in newest:
        if cand.event.order_id in written:
            results[cand.index] = _result(cand, Outcome.APPLIED)
            continue
        version, digest = stored[cand.event.order_id]
        if version > cand.event.version:
            results[cand.index] = _result(cand, Outcome.STALE)
        elif digest == cand.row["event_hash"]:
            results[cand.index] = _result(cand, Outcome.DUPLICATE)
        else:
            results[cand.index] = _conflict(cand)
    return [results[i] for i in range(len(raw_events))]


def _rejected(index: int, event: OrderEvent, problem: OrderProblem) -> ItemResult:
    error = ItemError(problem.code, f"{problem.field}: {problem.message}", problem.field)
    return ItemResult(index, event.order_id, event.version, Outcome.REJECTED, error)


def _stored_versions(
    session: Session, seller_id: uuid.UUID, order_ids: list[str]
) -> dict[str, tuple[int, bytes]]:
    if not order_ids:
        return {}
    rows = session.execute(
        select(StoreOrder.order_id, StoreOrder.version, StoreOrder.event_hash).where(
            StoreOrder.seller_id == seller_id, StoreOrder.order_id.in_(order_ids)
        )
    )
    return {order_id: (version, digest) for order_id, version, digest in rows}


class OrderRejected(Exception):
    """The one event of a single-event request was refused (nothing written)."""

    def __init__(self, error: ItemError) -> None:
        super().__init__(error.message)
        self.error = error


def ingest_one(session: Session, seller_id: uuid.UUID, event: OrderEvent, now: datetime) -> ItemResult:
    """One event: its result, or OrderRejected."""
    (result,) = ingest_events(session, seller_id, [event], now)
    if result.error is not None:
        raise OrderRejected(result.error)
    return result
