"""The creative level: GET /api/ads-manager/creatives (version groups with metrics and fatigue),
its CSV export and a group's daily series; GET /api/ads-manager/ads/{ad_id}/creative (the drill
from an ad to its creative). A group's ads are the ads list with the group's key as a version
filter (`/ads?media_version=<key>`)."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response
from sqlalchemy import Connection

from pixecom.adsmanager.creative_reads import ad_creative, group_daily
from pixecom.adsmanager.creatives import CreativeQuery, GroupList, list_groups, parse_creative_query
from pixecom.adsmanager.fatigue import ads_fatigue, groups_fatigue, seller_fatigue_thresholds
from pixecom.adsmanager.params import Level, encode_cursor
from pixecom.adsmanager.payload import date_range_payload, summary_json
from pixecom.api.deps import CurrentSeller, Now
from pixecom.api.errors import NotFound
from pixecom.api.narrowing import narrowed
from pixecom.api.permits import requires
from pixecom.api.routers.ads_manager import CsvResponse, RawParams
from pixecom.api.schemas.creatives import AdCreativeOut, CreativeDailySeries, CreativeGroupList
from pixecom.api.schemas.errors import error_responses
from pixecom.db.engine import session_scope
from pixecom.db.reader import lag_tolerant
from pixecom.domain.fatigue import Fatigue, FatigueThresholds
from pixecom.domain.metrics import METRIC_NAMES
from pixecom.domain.permissions import Permission
from pixecom.domain.results import MIXED

router = APIRouter(prefix="/ads-manager", tags=["ads-manager"])
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

GroupByParam = Annotated[
    str | None,
    Query(
        description="what the ads of a row share: media (video or image), ad_text, thumbnail or post; "
        "default media"
    ),
    # Documented as the enum the parser accepts (an unknown value is a 422 naming group_by).
]


def fatigue_payload(f: Fatigue) -> dict[str, Any]:
    def text(value: object) -> str | None:
        return None if value is None else str(value)

    return {
        "state": f.state.value,
        "signals": list(f.signals),
        "delivery_days": f.delivery_days,
        "ctr_change_pct": text(f.ctr_change_pct),
        "cpm_change_pct": text(f.cpm_change_pct),
        "cost_per_result_change_pct": text(f.cost_per_result_change_pct),
        "frequency": text(f.frequency),
    }


def _fatigue_thresholds(seller_id: uuid.UUID) -> FatigueThresholds:
    with session_scope() as session:
        return seller_fatigue_thresholds(session, seller_id)


def _read_groups(
    conn: Connection, seller_id: uuid.UUID, query: CreativeQuery, now: Any, thresholds: FatigueThresholds
) -> tuple[GroupList, dict[tuple[str, str], Fatigue]]:
    driver = conn.connection.driver_connection
    groups = list_groups(driver, seller_id, query, now)
    asked = [(r.key, r.currency, r.result_type != MIXED) for r in groups.rows]
    accounts = query.ads.filters.ad_account_ids
    return groups, groups_fatigue(driver, seller_id, query.group_by, asked, accounts, thresholds)


def _row_fatigue(found: dict[tuple[str, str], Fatigue], key: str, currency: str) -> dict[str, Any]:
    fatigue = found.get((key, currency))
    if fatigue is None:
        return {
            "state": "fresh",
            "signals": ["no delivery yet"],
            "delivery_days": 0,
            "ctr_change_pct": None,
            "cpm_change_pct": None,
            "cost_per_result_change_pct": None,
            "frequency": None,
        }
    return fatigue_payload(fatigue)


def groups_json(query: CreativeQuery, groups: GroupList, found: dict[tuple[str, str], Fatigue]) -> bytes:
    rows = []
    for r in groups.rows:
        head = _dumps(
            {
                "key": r.key,
                "group_by": query.group_by.value,
                "currency": r.currency,
                "ads": r.ads,
                "adsets": r.adsets,
                "result_type": r.result_type,
            }
        )
        fatigue = _dumps(_row_fatigue(found, r.key, r.currency))
        rows.append(
            f'{head[:-1]},"creative":{r.creative_json},"fatigue":{fatigue},"metrics":{r.metrics_json}}}'
        )
    summary = ",".join(summary_json(t) for t in groups.summary)
    cursor = encode_cursor(groups.next_cursor) if groups.next_cursor else None
    tail = _dumps({"paging": {"next_cursor": cursor}, "date_range": date_range_payload(groups.date_range)})
    return ('{"data":[' + ",".join(rows) + '],"summary":[' + summary + "]," + tail[1:]).encode()


@router.get(
    "/creatives",
    dependencies=[requires(Permission.READ)],
    response_model=None,
    responses={200: {"model": CreativeGroupList, "description": "The groups"}, **error_responses(401, 422)},
)
def list_creatives(
    caller: CurrentSeller, raw: RawParams, now: Now, group_by: GroupByParam = None
) -> Response:
    """One row per creative version group (the ads sharing a media, an ad text, a thumbnail or a
    post) and currency, every metric summed over its ads, with its fatigue; the ads list's
    filters, plus the version filters. Sorted by `sort`, `limit` groups a page (default 50, at
    most 500), `paging.next_cursor` for the next one; the summary is over every page's groups."""
    query = parse_creative_query(group_by, raw, paged=True)
    query = CreativeQuery(query.group_by, narrowed(query.ads, caller))
    thresholds = _fatigue_thresholds(caller.seller_id)
    groups, found = lag_tolerant(
        caller.seller_id, lambda conn: _read_groups(conn, caller.seller_id, query, now, thresholds)
    )
    return Response(groups_json(query, groups, found), media_type="application/json")


_CSV_HEAD = ["row_type", "group_by", "key", "currency", "ads", "adsets", "result_type", "format", "title",
             "body", "thumbnail_url", "fatigue", "fatigue_signals", *METRIC_NAMES]  # fmt: skip


def groups_csv(
    query: CreativeQuery, groups: GroupList, found: dict[tuple[str, str], Fatigue]
) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def line(values: dict[str, Any]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_cell(values.get(name)) for name in _CSV_HEAD])
        return buffer.getvalue()

    yield line({name: name for name in _CSV_HEAD})
    for r in groups.rows:
        face = json.loads(r.creative_json)
        fatigue = _row_fatigue(found, r.key, r.currency)
        yield line(
            {
                "row_type": "group",
                "group_by": query.group_by.value,
                "key": r.key,
                "currency": r.currency,
                "ads": r.ads,
                "adsets": r.adsets,
                "result_type": r.result_type,
                **{k: face.get(k) for k in ("format", "title", "body", "thumbnail_url")},
                "fatigue": fatigue["state"],
                "fatigue_signals": "; ".join(fatigue["signals"]),
                **json.loads(r.metrics_json),
            }
        )
    for t in groups.summary:
        yield line({"row_type": "summary", "currency": t.currency, "result_type": t.result_type,
                    **json.loads(t.metrics_json)})  # fmt: skip


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    # Texts come from sellers and Meta: never let a spreadsheet run one as a formula.
    return (
        "'" + text if isinstance(value, str) and text.startswith(("=", "+", "-", "@", "\t", "\r")) else text
    )


@router.get(
    "/creatives/export.csv",
    dependencies=[requires(Permission.READ)],
    response_model=None,
    response_class=CsvResponse,
    responses={
        200: {
            "description": "CSV (UTF-8), header row first",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        },
        **error_responses(401, 422),
    },
)
def export_creatives(
    caller: CurrentSeller, raw: RawParams, now: Now, group_by: GroupByParam = None
) -> CsvResponse:
    """Every matching creative version group as CSV, then one summary row per currency."""
    query = parse_creative_query(group_by, raw, paged=False)
    query = CreativeQuery(query.group_by, narrowed(query.ads, caller))
    thresholds = _fatigue_thresholds(caller.seller_id)
    groups, found = lag_tolerant(
        caller.seller_id, lambda conn: _read_groups(conn, caller.seller_id, query, now, thresholds)
    )
    name = f"creatives_{query.group_by.value}_{groups.date_range.since}_{groups.date_range.until}.csv"
    return CsvResponse(
        groups_csv(query, groups, found), headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.get(
    "/creatives/daily",
    dependencies=[requires(Permission.READ)],
    response_model=None,
    responses={
        200: {"model": CreativeDailySeries, "description": "One point per day"},
        **error_responses(401, 404, 422),
    },
)
def creative_daily(
    caller: CurrentSeller,
    raw: RawParams,
    now: Now,
    key: Annotated[str, Query(max_length=200, description="the group's key, as its row gives it")],
    currency: Annotated[str, Query(pattern=r"^[A-Z]{3}$", description="the group's currency")],
    group_by: GroupByParam = None,
) -> Response:
    """One point per day for one creative version group (its ads in that currency): gaps as zeros."""
    query = parse_creative_query(group_by, raw, paged=False)
    query = CreativeQuery(query.group_by, narrowed(query.ads, caller))
    series = lag_tolerant(
        caller.seller_id,
        lambda conn: group_daily(
            conn.connection.driver_connection, caller.seller_id, query, key, currency, now
        ),
    )
    if series is None:
        raise NotFound("No such creative group")
    head = _dumps(
        {
            "key": series.key,
            "group_by": query.group_by.value,
            "currency": series.currency,
            "ads": series.ads,
            "result_type": series.result_type,
            "date_range": date_range_payload(series.date_range),
        }
    )
    points = ",".join(f'{{"date":"{day.isoformat()}","metrics":{metrics}}}' for day, metrics in series.points)
    return Response((head[:-1] + ',"data":[' + points + "]}").encode(), media_type="application/json")


@router.get(
    "/ads/{ad_id}/creative",
    dependencies=[requires(Permission.READ)],
    response_model=AdCreativeOut,
    responses=error_responses(401, 404, 422),
)
def get_ad_creative(ad_id: uuid.UUID, caller: CurrentSeller, now: Now) -> dict[str, Any]:
    """The ad's creative (media, text, thumbnail, post, each asset), its version keys (to list
    the ads sharing each: `/ads?media_version=<key>`, ...) and the ad's fatigue."""
    thresholds = _fatigue_thresholds(caller.seller_id)

    def read(conn: Connection) -> tuple[bool, dict[str, Any] | None, Fatigue | None]:
        driver = conn.connection.driver_connection
        found, creative = ad_creative(driver, caller.seller_id, ad_id, caller.ad_account_ids)
        fatigue = None
        if creative:
            fatigue = ads_fatigue(driver, caller.seller_id, [ad_id], thresholds, now).get(ad_id)
        return found, creative, fatigue

    found, creative, fatigue = lag_tolerant(caller.seller_id, read)
    if not found:
        raise NotFound(f"No such {Level.ADS.value[:-1]}")
    if creative is None:
        raise NotFound("This ad's creative is not synced yet")
    expired = creative["thumbnail_expires_at"] is not None and creative["thumbnail_expires_at"] <= now
    return {
        **{k: creative[k] for k in AdCreativeOut.model_fields if k in creative},
        "post_id": creative["story_id"],
        "thumbnail_url": None if expired else creative["thumbnail_url"],
        "fatigue": fatigue_payload(fatigue) if fatigue is not None else None,
    }
