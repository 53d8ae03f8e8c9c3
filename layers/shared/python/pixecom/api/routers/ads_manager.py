"""GET /api/ads-manager/{campaigns|adsets|ads}: lists with metrics, per-day series, CSV export.

Routes are registered once per level with literal paths (not `/{level}`), so they never shadow
other /ads-manager routes such as bulk status jobs.

The list routes are the hot path: async, their dependencies pure, and the database work done in
ONE call on an autocommit psycopg connection (no BEGIN/COMMIT, no SQLAlchemy statement layer):
in the threadpool, or on the event loop itself where the process serves one request at a time
(`api_reads_inline`, set in the API Lambda); Postgres formats the metrics and the route sends the
bytes it assembles (`payload.list_json`).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from itertools import chain
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, WithJsonSchema
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool

from pixecom.adsmanager.daily import daily_series
from pixecom.adsmanager.export import columns, csv_lines
from pixecom.adsmanager.params import (
    DEFAULT_LIMIT,
    DEFAULT_SORT,
    MAX_IDS_PER_FILTER,
    MAX_LIMIT,
    MAX_Q_LENGTH,
    MAX_VERSION_KEY_LENGTH,
    SORT_KEYS,
    Level,
    ListQuery,
    RawListParams,
    parse_dates,
    parse_list_query,
)
from pixecom.adsmanager.payload import daily_json, list_json
from pixecom.adsmanager.query import list_entities
from pixecom.api.deps import CurrentSeller, Now
from pixecom.api.errors import NotFound
from pixecom.api.narrowing import entity_visible, narrowed
from pixecom.api.permits import requires
from pixecom.api.schemas.ads_manager import AdList, AdsetList, CampaignList, DailySeries
from pixecom.api.schemas.errors import error_responses
from pixecom.db.engine import session_scope
from pixecom.db.reader import lag_tolerant
from pixecom.domain.creatives import VersionKind
from pixecom.domain.dates import DEFAULT_PRESET
from pixecom.domain.permissions import Permission
from pixecom.rates.totals import converted_total, csv_total_lines, with_converted_total
from pixecom.settings import get_settings

router = APIRouter(prefix="/ads-manager", tags=["ads-manager"])

# The query string is parsed by hand (pixecom.adsmanager.params: one clear 422 per parameter); the
# schemas below document what that parser accepts, so generated clients send well-typed values.
_LIST_HELP = "Repeat the parameter or separate values with commas; several values = any of them"


def _values(items: dict[str, Any]) -> WithJsonSchema:
    return WithJsonSchema({"type": "array", "items": items, "maxItems": MAX_IDS_PER_FILTER})


_UUID = {"type": "string", "format": "uuid"}
IdList = Annotated[list[str], Query(description=_LIST_HELP), _values(_UUID)]
StatusList = Annotated[
    list[str], Query(description=_LIST_HELP), _values({"$ref": "#/components/schemas/CampaignStatus"})
]
DeliveryList = Annotated[
    list[str], Query(description=_LIST_HELP), _values({"$ref": "#/components/schemas/DeliveryStatus"})
]
Text = Annotated[str | None, Query()]
# Creative version keys as the creative level returns them (ads and creatives only).
VersionList = Annotated[
    list[str],
    Query(description="ads and creatives only: ads whose creative has this version key. " + _LIST_HELP),
    _values({"type": "string", "maxLength": MAX_VERSION_KEY_LENGTH}),
]
DateText = Annotated[
    str | None,
    Query(description="YYYY-MM-DD; give since and until together, instead of date_preset"),
    WithJsonSchema({"type": "string", "format": "date"}),
]
PresetParam = Annotated[
    str | None,
    Query(description=f"default {DEFAULT_PRESET.value}; resolved in each ad account's timezone"),
    WithJsonSchema({"$ref": "#/components/schemas/DatePreset"}),
]
SortParam = Annotated[
    str | None,
    Query(description=f"name or a metric; '-' prefix = descending; default {DEFAULT_SORT}"),
    WithJsonSchema({"type": "string", "enum": [p + k for k in SORT_KEYS for p in ("", "-")]}),
]
LimitParam = Annotated[
    str | None,
    Query(description=f"rows per page, default {DEFAULT_LIMIT}"),
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}),
]
QParam = Annotated[
    str | None,
    Query(description="name contains (case-insensitive)"),
    WithJsonSchema({"type": "string", "maxLength": MAX_Q_LENGTH}),
]


async def raw_list_params(
    date_preset: PresetParam = None,
    since: DateText = None,
    until: DateText = None,
    sellpage_id: IdList = [],  # noqa: B006 (FastAPI copies defaults per request)
    status: StatusList = [],  # noqa: B006
    delivery_status: DeliveryList = [],  # noqa: B006
    ad_account_id: IdList = [],  # noqa: B006
    campaign_id: IdList = [],  # noqa: B006
    adset_id: IdList = [],  # noqa: B006
    q: QParam = None,
    sort: SortParam = None,
    limit: LimitParam = None,
    cursor: Annotated[str | None, Query(description="paging.next_cursor of the previous page")] = None,
    media_version: VersionList = [],  # noqa: B006
    ad_text_version: VersionList = [],  # noqa: B006
    thumbnail_version: VersionList = [],  # noqa: B006
    post_version: VersionList = [],  # noqa: B006
) -> RawListParams:
    return RawListParams(
        date_preset=date_preset,
        since=since,
        until=until,
        sellpage_id=sellpage_id,
        status=status,
        delivery_status=delivery_status,
        ad_account_id=ad_account_id,
        campaign_id=campaign_id,
        adset_id=adset_id,
        q=q,
        sort=sort,
        limit=limit,
        cursor=cursor,
        versions={
            VersionKind.MEDIA: media_version,
            VersionKind.AD_TEXT: ad_text_version,
            VersionKind.THUMBNAIL: thumbnail_version,
            VersionKind.POST: post_version,
        },
    )


RawParams = Annotated[RawListParams, Depends(raw_list_params)]


def read_list(seller_id: uuid.UUID, query: ListQuery, now: datetime) -> bytes:
    """The list's JSON body: one statement on a read-only (autocommit) psycopg connection, then
    the converted grand total's on the same connection; on the reader when it is fresh enough for
    this seller (pixecom.db.reader), else both on the primary."""

    def read(conn: Connection) -> bytes:
        result = list_entities(conn.connection.driver_connection, seller_id, query, now)
        return with_converted_total(list_json(result, query.level), conn, seller_id, query, now)

    return lag_tolerant(seller_id, read)


def _list_route(level: Level) -> Callable[..., Awaitable[Response]]:
    async def list_level(caller: CurrentSeller, raw: RawParams, now: Now) -> Response:
        query = narrowed(parse_list_query(level, raw, paged=True), caller)
        if get_settings().api_reads_inline:  # one request at a time (Lambda): no hop to pay for
            body = read_list(caller.seller_id, query, now)
        else:
            body = await run_in_threadpool(read_list, caller.seller_id, query, now)
        return Response(body, media_type="application/json")

    list_level.__doc__ = (
        f"{level.value} with metrics for the date range, a summary per currency over every matching "
        "row, a grand total converted into the seller's reporting currency, and a keyset cursor. "
        "A preset resolves in each ad account's own timezone; "
        "`date_range` is then the envelope (earliest since, latest until) of those accounts' ranges."
    )
    return list_level


class CsvResponse(StreamingResponse):
    media_type = "text/csv"  # Starlette adds "; charset=utf-8"


def _export_route(level: Level) -> Callable[..., CsvResponse]:
    def export_level(caller: CurrentSeller, raw: RawParams, now: Now) -> CsvResponse:
        query = narrowed(parse_list_query(level, raw, paged=False), caller)
        # The rows and the converted total from one connection: both on the reader or both on
        # the primary, never a total from one server under rows from the other.
        result, total = lag_tolerant(
            caller.seller_id,
            lambda conn: (
                list_entities(conn, caller.seller_id, query, now),
                converted_total(conn, caller.seller_id, query, now),
            ),
        )
        name = f"{level.value}_{result.date_range.since}_{result.date_range.until}.csv"
        return CsvResponse(
            chain(csv_lines(result, level), csv_total_lines(total, columns(level))),
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    export_level.__doc__ = f"Every matching {level.value} row as CSV, then one summary row per currency."
    return export_level


def _daily_route(level: Level) -> Callable[..., Response]:
    def daily(
        entity_id: uuid.UUID,
        caller: CurrentSeller,
        now: Now,
        date_preset: PresetParam = None,
        since: DateText = None,
        until: DateText = None,
    ) -> Response:
        dates = parse_dates(date_preset, since, until)
        # A limited member's visibility is checked on the primary (membership is never stale), in
        # its own short transaction: its connection is back in the pool before the series' read
        # takes one (a request holding two at once waits on itself with a pool of one).
        if caller.ad_account_ids is not None:
            with session_scope() as session:
                visible = entity_visible(session, caller, level, entity_id)
            if not visible:
                raise NotFound(f"No such {level.value[:-1]}")
        series = lag_tolerant(
            caller.seller_id, lambda conn: daily_series(conn, caller.seller_id, level, entity_id, dates, now)
        )
        if series is None:
            raise NotFound(f"No such {level.value[:-1]}")
        return Response(daily_json(series), media_type="application/json")

    daily.__doc__ = f"One point per day of the range for one of {level.value}, for charts."
    return daily


_LIST_MODELS: dict[Level, type[BaseModel]] = {
    Level.CAMPAIGNS: CampaignList,
    Level.ADSETS: AdsetList,
    Level.ADS: AdList,
}
_CSV_OK: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "CSV (UTF-8), header row first",
        "content": {"text/csv": {"schema": {"type": "string"}}},
        "headers": {
            "Content-Disposition": {
                "description": 'attachment; filename="<level>_<since>_<until>.csv"',
                "schema": {"type": "string"},
            }
        },
    }
}

for _level in Level:
    _path = f"/{_level.value}"
    router.add_api_route(
        _path,
        _list_route(_level),
        methods=["GET"],
        dependencies=[requires(Permission.READ)],
        name=f"list_{_level.value}",
        response_model=None,
        responses={
            200: {"model": _LIST_MODELS[_level], "description": "One page"},
            **error_responses(401, 422),
        },
    )
    router.add_api_route(
        f"{_path}/export.csv",
        _export_route(_level),
        methods=["GET"],
        dependencies=[requires(Permission.READ)],
        name=f"export_{_level.value}",
        response_model=None,
        response_class=CsvResponse,
        responses={**_CSV_OK, **error_responses(401, 422)},
    )
    router.add_api_route(
        _path + "/{entity_id}/daily",
        _daily_route(_level),
        methods=["GET"],
        dependencies=[requires(Permission.READ)],
        name=f"daily_{_level.value}",
        response_model=None,
        responses={
            200: {"model": DailySeries, "description": "One point per day"},
            **error_responses(401, 404, 422),
        },
    )
