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
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, WithJsonSchema
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool

from pixecom.adsmanager.breakdowns import Breakdown, parse_breakdown, read_breakdown_rows
from pixecom.adsmanager.compare import list_compared
from pixecom.adsmanager.daily import daily_series
from pixecom.adsmanager.export import CsvHeader, csv_lines, export_keys, parse_csv_header
from pixecom.adsmanager.kept_lists import keep, list_cache, list_key, served_again
from pixecom.adsmanager.list_rows import ListResult
from pixecom.adsmanager.params import (
    DEFAULT_LIMIT,
    DEFAULT_SORT,
    MAX_IDS_PER_FILTER,
    MAX_LIMIT,
    MAX_Q_LENGTH,
    MAX_VERSION_KEY_LENGTH,
    SORT_KEYS,
    DateSpec,
    Level,
    ListQuery,
    RawListParams,
    parse_compare,
    parse_dates,
    parse_list_query,
)
from pixecom.adsmanager.payload import daily_json, list_json
from pixecom.adsmanager.reach_rows import PendingReach, add_daily_reach, prepare_reach
from pixecom.api.deps import CurrentSeller, Now
from pixecom.api.errors import NotFound
from pixecom.api.narrowing import entity_visible, narrowed
from pixecom.api.permits import requires
from pixecom.api.schemas.ads_manager import AdList, AdsetList, CampaignList, DailySeries
from pixecom.api.schemas.breakdowns import BreakdownPending
from pixecom.api.schemas.errors import error_responses
from pixecom.breakdowns.jobs import Reports, ensure_reports, send_queued
from pixecom.breakdowns.worker import FIRST_POLL_SECONDS
from pixecom.db.engine import session_scope
from pixecom.db.reader import lag_tolerant
from pixecom.domain.catalogue import REACH_METRIC_NAMES
from pixecom.domain.column_presets import PRESETS
from pixecom.domain.creatives import VersionKind
from pixecom.domain.dates import DEFAULT_PRESET, CompareMode
from pixecom.domain.metrics import METRIC_NAMES
from pixecom.domain.permissions import Permission
from pixecom.rates.totals import ConvertedTotal, add_converted_total, converted_total, csv_total_lines
from pixecom.settings import get_settings

router = APIRouter(prefix="/ads-manager", tags=["ads-manager"])

# The query string is parsed by hand (pixecom.adsmanager.params: one clear 422 per parameter); the
# schemas below document what that parser accepts, so generated clients send well-typed values.
_LIST_HELP = "Repeat the parameter or separate values with commas; several values = any of them"


def _values(items: dict[str, Any]) -> WithJsonSchema:
    return WithJsonSchema({"type": "array", "items": items, "maxItems": MAX_IDS_PER_FILTER})


_UUID = {"type": "string", "format": "uuid"}
IdList = Annotated[list[str], Query(description=_LIST_HELP), _values(_UUID)]
_STATUS = {"$ref": "#/components/schemas/CampaignStatus"}
_DELIVERY = {"$ref": "#/components/schemas/DeliveryStatus"}
StatusList = Annotated[list[str], Query(description=_LIST_HELP), _values(_STATUS)]
DeliveryList = Annotated[list[str], Query(description=_LIST_HELP), _values(_DELIVERY)]
_PARENT_HELP = "ad sets and ads: their campaign's {} (a 422 on campaigns). " + _LIST_HELP
_ADSET_HELP = "ads: their ad set's {} (a 422 on campaigns and ad sets). " + _LIST_HELP
CampaignStatusList = Annotated[list[str], Query(description=_PARENT_HELP.format("status")), _values(_STATUS)]
CampaignDeliveryList = Annotated[
    list[str], Query(description=_PARENT_HELP.format("delivery status")), _values(_DELIVERY)
]
AdsetStatusList = Annotated[list[str], Query(description=_ADSET_HELP.format("status")), _values(_STATUS)]
AdsetDeliveryList = Annotated[
    list[str], Query(description=_ADSET_HELP.format("delivery status")), _values(_DELIVERY)
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
BreakdownParam = Annotated[
    str | None,
    Query(
        description="each row also carries its `breakdowns` by these dimensions (Meta's); when Meta "
        "still has to compute them the answer is 202 with the reports to poll (docs/breakdowns.md)"
    ),
    WithJsonSchema({"$ref": "#/components/schemas/Breakdown"}),
]
QParam = Annotated[
    str | None,
    Query(description="name contains (case-insensitive)"),
    WithJsonSchema({"type": "string", "maxLength": MAX_Q_LENGTH}),
]

CompareParam = Annotated[
    str | None,
    Query(
        description="add each row's and summary's previous_metrics and change: previous_period "
        "(the same number of days just before), previous_year (the same dates a year earlier; "
        "Feb 29 -> Feb 28); each account's own range, in its timezone"
    ),
    WithJsonSchema({"type": "string", "enum": [m.value for m in CompareMode]}),
]
CompareDate = Annotated[
    str | None,
    Query(
        description="YYYY-MM-DD; an explicit comparison range (give both, with since and until, "
        "not overlapping them), instead of compare"
    ),
    WithJsonSchema({"type": "string", "format": "date"}),
]
_MAX_COLUMNS = len(METRIC_NAMES) + len(PRESETS)
ColumnsParam = Annotated[
    list[str],
    Query(
        description="the metrics each row, summary and CSV carry, in this order: metric names, or "
        f"a preset ({', '.join('preset:' + p.id for p in PRESETS)}); default every metric. " + _LIST_HELP
    ),
    WithJsonSchema(
        {"type": "array", "items": {"type": "string"}, "maxItems": len(METRIC_NAMES) + len(PRESETS)}
    ),
]

CsvHeaderParam = Annotated[
    str | None,
    Query(
        description="readable (default): Meta-like headers, names instead of our ids; machine: the "
        "API's field names and our ids, a form scripts can rely on"
    ),
    WithJsonSchema({"type": "string", "enum": [h.value for h in CsvHeader]}),
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
    campaign_status: CampaignStatusList = [],  # noqa: B006
    campaign_delivery: CampaignDeliveryList = [],  # noqa: B006
    adset_status: AdsetStatusList = [],  # noqa: B006
    adset_delivery: AdsetDeliveryList = [],  # noqa: B006
    q: QParam = None,
    sort: SortParam = None,
    limit: LimitParam = None,
    cursor: Annotated[str | None, Query(description="paging.next_cursor of the previous page")] = None,
    compare: CompareParam = None,
    compare_since: CompareDate = None,
    compare_until: CompareDate = None,
    columns: ColumnsParam = [],  # noqa: B006
    breakdown: BreakdownParam = None,
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
        campaign_status=campaign_status,
        campaign_delivery=campaign_delivery,
        adset_status=adset_status,
        adset_delivery=adset_delivery,
        q=q,
        sort=sort,
        limit=limit,
        cursor=cursor,
        compare=compare,
        compare_since=compare_since,
        compare_until=compare_until,
        columns=columns,
        breakdown=breakdown,
        versions={
            VersionKind.MEDIA: media_version,
            VersionKind.AD_TEXT: ad_text_version,
            VersionKind.THUMBNAIL: thumbnail_version,
            VersionKind.POST: post_version,
        },
    )


RawParams = Annotated[RawListParams, Depends(raw_list_params)]


def read_list(seller_id: uuid.UUID, query: ListQuery, now: datetime) -> bytes:
    """The list's JSON body: served again when this process keeps it and nothing it was read
    from changed (pixecom.adsmanager.kept_lists); else its statement (and the comparison's) on a
    read-only (autocommit) psycopg connection, then the converted grand total and the stored
    reach on the same connection; on the reader when it is fresh enough for this seller
    (pixecom.db.reader), else all on the primary. Reach Meta must still be asked for is read
    after, connection returned."""
    cache, key = list_cache(), list_key(seller_id, query)
    if cache is not None:
        body = served_again(cache, key, seller_id, now)
        if body is not None:
            return body

    def read(conn: Connection) -> tuple[ListResult, PendingReach | None, ConvertedTotal | None]:
        return _list_parts(conn, conn.connection.driver_connection, seller_id, query, now)

    result, pending, total = lag_tolerant(seller_id, read)
    # Reach Meta must still be asked for is read with the connection back in the pool.
    body = add_converted_total(list_json(_finished(result, pending, now), query.level), total)
    if cache is not None:
        keep(cache, key, body, now, result, pending)
    return body


def _list_parts(
    conn: Connection, driver: Any, seller_id: uuid.UUID, query: ListQuery, now: datetime
) -> tuple[ListResult, PendingReach | None, ConvertedTotal | None]:
    """A list's rows (and comparison), the reach they need, and the converted total, on one
    connection. A `columns=` choice without reach or frequency needs no reach resolved."""
    result = list_compared(driver, seller_id, query, now)
    total = converted_total(conn, seller_id, query, now, result.reporting_currency)
    wants_reach = query.columns is None or not set(query.columns).isdisjoint(REACH_METRIC_NAMES)
    pending = prepare_reach(conn, seller_id, query, result, now) if wants_reach else None
    return result, pending, total


def _finished(result: ListResult, pending: PendingReach | None, now: datetime) -> ListResult:
    return result if pending is None else pending.finish(now)


def read_broken_down(seller_id: uuid.UUID, query: ListQuery, breakdown: Breakdown, now: datetime) -> Response:
    """The list with each row's breakdown rows when the reports of its rows' ad accounts are
    ready; else 202 with the reports queued (pixecom.breakdowns.jobs). The rows and the converted
    total on one read connection, then the reports on the primary (never two connections held)."""
    parts, pending, total = lag_tolerant(
        seller_id, lambda conn: _list_parts(conn, conn.connection.driver_connection, seller_id, query, now)
    )
    rows, reports = breakdown_rows(seller_id, query, breakdown, parts, now)
    if rows is None:
        return _pending(breakdown, reports)  # no rows yet: no reach to read from Meta either
    result = _finished(parts, pending, now)
    info = {
        "breakdown": breakdown.value,
        "dimensions": list(breakdown.dimensions),
        "not_broken_down": list(breakdown.not_broken_down),
        "as_of": reports.as_of.isoformat() if reports.as_of else None,
    }
    body = add_converted_total(list_json(result, query.level, rows, info), total)
    return Response(body, media_type="application/json")


def breakdown_rows(
    seller_id: uuid.UUID, query: ListQuery, breakdown: Breakdown, result: ListResult, now: datetime
) -> tuple[dict[uuid.UUID, str] | None, Reports]:
    """Each listed row's breakdown rows (JSON) when the reports of the rows' ad accounts are
    ready, else None and the reports queued (their messages sent once committed)."""
    with session_scope() as session:
        accounts = {row.ad_account_id for row in result.rows}
        reports = ensure_reports(session, seller_id, accounts, breakdown, query.dates, now)
        rows = None
        if not reports.pending:
            rows = read_breakdown_rows(
                session, seller_id, query.level, breakdown, reports.ready_ids, result.rows
            )
    if rows is None:
        send_queued(reports)
    return rows, reports


def _pending(breakdown: Breakdown, reports: Reports) -> JSONResponse:
    wait = FIRST_POLL_SECONDS * 2
    body = {
        "breakdown": breakdown.value,
        "jobs": [j.as_json() for j in reports.pending],
        "retry_after_seconds": wait,
    }
    return JSONResponse(body, status_code=202, headers={"Retry-After": str(wait)})


def _list_route(level: Level) -> Callable[..., Awaitable[Response]]:
    async def list_level(caller: CurrentSeller, raw: RawParams, now: Now) -> Response:
        query = narrowed(parse_list_query(level, raw, paged=True), caller)
        breakdown = parse_breakdown(raw.breakdown)
        if breakdown is not None:
            return await run_in_threadpool(read_broken_down, caller.seller_id, query, breakdown, now)
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


def _export_route(level: Level) -> Callable[..., Response]:
    def export_level(
        caller: CurrentSeller, raw: RawParams, now: Now, csv_header: CsvHeaderParam = None
    ) -> Response:
        query = narrowed(parse_list_query(level, raw, paged=False), caller)
        header = parse_csv_header(csv_header)
        breakdown = parse_breakdown(raw.breakdown)

        # The rows and the converted total from one connection: both on the reader or both on
        # the primary, never a total from one server under rows from the other.
        def read(conn: Connection) -> tuple[ListResult, PendingReach | None, ConvertedTotal | None]:
            return _list_parts(conn, conn, caller.seller_id, query, now)

        parts, pending, total = lag_tolerant(caller.seller_id, read)
        result = _finished(parts, pending, now)  # reach still to read from Meta: connection returned
        rows, dimensions = None, breakdown.dimensions if breakdown else ()
        if breakdown is not None:
            rows, reports = breakdown_rows(caller.seller_id, query, breakdown, result, now)
            if rows is None:
                return _pending(breakdown, reports)
        name = f"{level.value}_{result.date_range.since}_{result.date_range.until}.csv"
        keys = export_keys(query, header) + list(dimensions)
        return CsvResponse(
            chain(csv_lines(result, query, header, rows, dimensions), csv_total_lines(total, keys)),
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    export_level.__doc__ = (
        f"Every matching {level.value} row as CSV, then one summary row per currency (and the "
        "converted total). The same filters, `columns` and `compare` as the list."
    )
    return export_level


def _daily_with_reach(
    conn: Connection,
    seller_id: uuid.UUID,
    level: Level,
    entity_id: uuid.UUID,
    dates: DateSpec,
    now: datetime,
    comparison: Any,
) -> Any:
    """The entity's daily series with each day's own reach (Meta's, at the entity's level)."""
    series = daily_series(conn, seller_id, level, entity_id, dates, now, comparison)
    return None if series is None else add_daily_reach(conn, seller_id, level, series, now)


def _daily_route(level: Level) -> Callable[..., Response]:
    def daily(
        entity_id: uuid.UUID,
        caller: CurrentSeller,
        now: Now,
        date_preset: PresetParam = None,
        since: DateText = None,
        until: DateText = None,
        compare: CompareParam = None,
        compare_since: CompareDate = None,
        compare_until: CompareDate = None,
    ) -> Response:
        dates = parse_dates(date_preset, since, until)
        comparison = parse_compare(compare, compare_since, compare_until, dates)
        # A limited member's visibility is checked on the primary (membership is never stale), in
        # its own short transaction: its connection is back in the pool before the series' read
        # takes one (a request holding two at once waits on itself with a pool of one).
        if caller.ad_account_ids is not None:
            with session_scope() as session:
                visible = entity_visible(session, caller, level, entity_id)
            if not visible:
                raise NotFound(f"No such {level.value[:-1]}")
        series = lag_tolerant(
            caller.seller_id,
            lambda conn: _daily_with_reach(conn, caller.seller_id, level, entity_id, dates, now, comparison),
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

_BREAKDOWN_PENDING: dict[int | str, dict[str, Any]] = {
    202: {"model": BreakdownPending, "description": "With `breakdown=`: Meta is computing it; poll the jobs"}
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
            **_BREAKDOWN_PENDING,
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
        responses={**_CSV_OK, **_BREAKDOWN_PENDING, **error_responses(401, 422)},
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
