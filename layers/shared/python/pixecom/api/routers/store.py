"""The PixEcom store's routes: store API keys (the seller's bearer token), order events (a store
API key in X-PixEcom-Store-Key), and the sellpage level of the Ads Manager."""

from __future__ import annotations

import uuid
from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response
from fastapi.security import APIKeyHeader

from pixecom.adsmanager.params import Cursor, Sort, decode_cursor, encode_cursor, parse_dates, parse_limit
from pixecom.api.deps import CurrentSeller, DbSession, Now
from pixecom.api.errors import NotFound
from pixecom.api.permits import PUBLIC, requires
from pixecom.api.routers.ads_manager import DateText, LimitParam, PresetParam
from pixecom.api.schemas.errors import error_responses
from pixecom.api.schemas.store import (
    OrderBatch,
    OrderBatchResult,
    OrderResult,
    SellpageLevelList,
    StoreKeyCreate,
    StoreKeyCreated,
    StoreKeyList,
)
from pixecom.control.audit import record_write
from pixecom.db.store_models import StoreApiKey
from pixecom.domain.currency import minor_units
from pixecom.domain.metrics import format_money, format_ratio
from pixecom.domain.permissions import Permission
from pixecom.rates.store import load_book
from pixecom.settings import get_settings
from pixecom.store import keys
from pixecom.store.conversion import BookConverter
from pixecom.store.events import OrderEvent
from pixecom.store.ingest import ItemResult, Outcome, ingest_events, ingest_one
from pixecom.store.sellpage_level import (
    CurrencySums,
    SellpageRatios,
    read_sellpage_level,
    sellpage_fingerprint,
    sort_key,
)

router = APIRouter(tags=["store"])

_store_key = APIKeyHeader(
    name="X-PixEcom-Store-Key",
    auto_error=False,
    description="A store API key (POST /api/store/keys); scoped to its seller",
)


def get_store_caller(key: Annotated[str | None, Depends(_store_key)], now: Now) -> keys.StoreCaller:
    """The seller a store API key stands for (its request counted against its rate limit)."""
    limit = get_settings().store_key_requests_per_minute
    return keys.authenticate(key, keys.KeyScope.ORDERS_WRITE, now, limit)


StoreSeller = Annotated[keys.StoreCaller, Depends(get_store_caller)]


def _key_payload(row: StoreApiKey) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "name": row.name,
        "scope": row.scope,
        "key_prefix": row.key_prefix,
        "created_at": row.created_at.isoformat(),
        "last_used_at": row.last_used_at.isoformat() if row.last_used_at else None,
        "revoked_at": row.revoked_at.isoformat() if row.revoked_at else None,
    }


@router.post(
    "/store/keys",
    dependencies=[requires(Permission.STORE_KEYS_MANAGE)],
    status_code=201,
    response_model=StoreKeyCreated,
    responses=error_responses(400, 401, 422),
)
def create_key(body: StoreKeyCreate, caller: CurrentSeller, db: DbSession, now: Now) -> dict[str, Any]:
    """A new store API key; the key itself is in this answer only."""
    row, key = keys.create_key(db, caller.seller_id, caller.user_id, body.name, body.scope)
    record_write(db, caller.seller_id, caller.user_id, "store_key_created", "store_key",
                 entity_id=row.id, entity_name=row.name, now=now)  # fmt: skip
    return {**_key_payload(row), "key": key}


@router.get(
    "/store/keys",
    dependencies=[requires(Permission.STORE_KEYS_MANAGE)],
    response_model=StoreKeyList,
    responses=error_responses(401),
)
def list_keys(caller: CurrentSeller, db: DbSession) -> dict[str, Any]:
    """The seller's store API keys, revoked ones included (never the keys themselves)."""
    return {"data": [_key_payload(row) for row in keys.list_keys(db, caller.seller_id)]}


@router.delete(
    "/store/keys/{key_id}",
    dependencies=[requires(Permission.STORE_KEYS_MANAGE)],
    status_code=204,
    responses=error_responses(401, 404, 422),
)
def revoke_key(key_id: uuid.UUID, caller: CurrentSeller, db: DbSession, now: Now) -> Response:
    """Revoke a key: from now on it is refused (401 api_key_revoked). Revoking twice is no change."""
    row = keys.revoke_key(db, caller.seller_id, key_id, now)
    if row is None:
        raise NotFound("No such store API key")
    record_write(db, caller.seller_id, caller.user_id, "store_key_revoked", "store_key",
                 entity_id=row.id, entity_name=row.name, now=now)  # fmt: skip
    return Response(status_code=204)


def _result_payload(result: ItemResult) -> dict[str, Any]:
    error = result.error
    return {
        "index": result.index,
        "order_id": result.order_id,
        "version": result.version,
        "outcome": result.outcome.value,
        "error": None
        if error is None
        else {"code": error.code, "message": error.message, "field": error.field},
    }


@router.post(
    "/store/orders",
    dependencies=[PUBLIC],
    response_model=OrderResult,
    responses=error_responses(400, 401, 403, 409, 413, 422, 429),
)
def send_order_event(event: OrderEvent, store: StoreSeller, db: DbSession, now: Now) -> dict[str, Any]:
    """One order event. Sending it again answers `duplicate`, an older version `stale`; neither
    changes anything. A refused event (422, or 409 version_conflict) writes nothing."""
    return _result_payload(ingest_one(db, store.seller_id, event, now))


@router.post(
    "/store/orders/batch",
    dependencies=[PUBLIC],
    response_model=OrderBatchResult,
    responses=error_responses(400, 401, 403, 413, 422, 429),
)
def send_order_batch(body: OrderBatch, store: StoreSeller, db: DbSession, now: Now) -> dict[str, Any]:
    """Up to 1,000 order events (a store's history): the good ones are written, each is answered."""
    results = ingest_events(db, store.seller_id, body.events, now)
    counts = Counter(r.outcome for r in results)
    return {
        "data": [_result_payload(r) for r in results],
        "counts": {outcome.value: counts.get(outcome, 0) for outcome in Outcome},
    }


def _sums_payload(s: CurrencySums) -> dict[str, Any]:
    places = minor_units(s.currency)

    def money(value: Any) -> str | None:
        return format_money(value, places)

    return {
        "currency": s.currency,
        "spend": money(s.spend),
        "meta_purchases": s.meta_purchases,
        "meta_purchase_value": money(s.meta_purchase_value),
        "store_orders": s.store_orders,
        "store_gross_revenue": money(s.store_gross_revenue),
        "store_refunds": money(s.store_refunds),
        "store_revenue": money(s.store_revenue),
        "store_attributed_orders": s.store_attributed_orders,
        "store_attributed_revenue": money(s.store_attributed_revenue),
    }


def _ratios_payload(r: SellpageRatios) -> dict[str, Any]:
    places = minor_units(r.currency) if r.currency else 2
    conversion = r.conversion
    return {
        "currency": r.currency,
        "meta_roas": format_ratio(r.meta_roas),
        "store_roas": format_ratio(r.store_roas),
        "mer": format_ratio(r.mer),
        "purchase_value_gap": format_money(r.purchase_value_gap, places),
        "null_reason": r.null_reason,
        "conversion": None
        if conversion is None or conversion.source == "none"
        else {"source": conversion.source, "rate_dates": [d.isoformat() for d in conversion.rate_dates]},
    }


_BY_NAME = Sort("name", descending=False)


@router.get(
    "/ads-manager/sellpages",
    tags=["ads-manager"],
    # The store's orders and revenue are the seller's, not an ad account's: not narrowable.
    dependencies=[requires(Permission.READ, seller_wide=True)],
    response_model=SellpageLevelList,
    responses=error_responses(401, 422),
)
def list_sellpages(
    caller: CurrentSeller,
    db: DbSession,
    now: Now,
    date_preset: PresetParam = None,
    since: DateText = None,
    until: DateText = None,
    limit: LimitParam = None,
    cursor: Annotated[str | None, Query(description="paging.next_cursor of the previous page")] = None,
) -> dict[str, Any]:
    """Each sellpage: spend, purchases and purchase value of the campaigns linked to it beside the
    store's orders and revenue, per currency; store ROAS, MER and the gap where one currency allows.
    By name, `limit` per page (default 50), `paging.next_cursor` for the next one."""
    dates = parse_dates(date_preset, since, until)
    rows_per_page, fingerprint = parse_limit(limit), sellpage_fingerprint(dates)
    after = None
    if cursor:
        position = decode_cursor(cursor, _BY_NAME, fingerprint)
        after = (position.value or "", position.last_id)
    rates = BookConverter(lambda first, last: load_book(db, first, last))
    level = read_sellpage_level(db, caller.seller_id, dates, now, rates, limit=rows_per_page, after=after)
    next_cursor = None
    if level.more:
        last = level.rows[-1]
        next_cursor = encode_cursor(Cursor(_BY_NAME.token, sort_key(last), last.id, fingerprint))
    return {
        "paging": {"next_cursor": next_cursor},
        "date_range": {
            "since": level.date_range.since.isoformat(),
            "until": level.date_range.until.isoformat(),
        },
        "data": [
            {
                "id": str(row.id),
                "name": row.name,
                "url": row.url,
                "linked_campaigns": row.linked_campaigns,
                "sums": [_sums_payload(s) for s in row.sums],
                "ratios": _ratios_payload(row.ratios) if row.ratios else None,
            }
            for row in level.rows
        ],
    }
