"""The JSON bodies of the Ads Manager read API (issue 6), built from typed results. Pure.

Each row's, summary's and daily point's `metrics` object arrives as JSON text built by Postgres
(`sql.metrics_json`); it is spliced in as is, so the API never parses or re-formats a number.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

from pixecom.adsmanager.daily import DailySeries
from pixecom.adsmanager.params import Level, encode_cursor
from pixecom.adsmanager.query import CurrencyTotals, EntityRow, ListResult
from pixecom.domain.dates import DateRange

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _id(value: object) -> str | None:
    return None if value is None else str(value)


def entity_fields(row: EntityRow, level: Level) -> dict[str, Any]:
    """One list row without its metrics: identity, statuses, parents (adsets: campaign_id; ads:
    + adset_id), currency, result type and attribution setting (in words, or `mixed`)."""
    out: dict[str, Any] = {
        "id": str(row.id),
        "meta_id": row.meta_id,
        "name": row.name,
        "status": row.status,
        "delivery_status": row.delivery_status,
        "effective_status": row.effective_status,
        "ad_account_id": str(row.ad_account_id),
    }
    if level is not Level.CAMPAIGNS:
        out["campaign_id"] = _id(row.campaign_id)
    if level is Level.ADS:
        out["adset_id"] = _id(row.adset_id)
    out["sellpage_id"] = _id(row.sellpage_id)
    out["currency"] = row.currency
    out["result_type"] = row.result_type
    out["attribution_setting"] = row.attribution_setting
    return out


def _with_metrics(fields: dict[str, Any], metrics_json: str, extra_json: str = "{}") -> str:
    extra = extra_json.strip()[1:-1].strip()  # Postgres's JSON object, spliced as is
    return _dumps(fields)[:-1] + ("," + extra if extra else "") + ',"metrics":' + metrics_json + "}"


def entity_json(row: EntityRow, level: Level, breakdowns_json: str = "null") -> str:
    body = _with_metrics(entity_fields(row, level), row.metrics_json, row.extra_json)
    return body[:-1] + ',"breakdowns":' + breakdowns_json + "}"  # adsmanager.breakdowns, as Postgres built it


def summary_json(total: CurrencyTotals) -> str:
    return _with_metrics({"currency": total.currency, "result_type": total.result_type}, total.metrics_json)


def date_range_payload(r: DateRange) -> dict[str, str]:
    return {"since": r.since.isoformat(), "until": r.until.isoformat()}


def list_json(
    result: ListResult,
    level: Level,
    breakdowns: Mapping[uuid.UUID, str] | None = None,
    breakdown_info: Mapping[str, Any] | None = None,
) -> bytes:
    """`{"data", "summary", "paging": {"next_cursor"}, "date_range", "breakdown"}` as UTF-8 JSON;
    with `breakdowns` (entity id -> JSON array) each row has its `breakdowns` (else null)."""
    cursor = encode_cursor(result.next_cursor) if result.next_cursor else None
    tail = _dumps(
        {
            "paging": {"next_cursor": cursor},
            "date_range": date_range_payload(result.date_range),
            "breakdown": breakdown_info,
        }
    )
    body = (
        '{"data":['
        + ",".join(
            entity_json(row, level, "null" if breakdowns is None else breakdowns.get(row.id, "[]"))
            for row in result.rows
        )
        + '],"summary":['
        + ",".join(summary_json(total) for total in result.summary)
        + "],"
        + tail[1:]
    )
    return body.encode()


def daily_json(series: DailySeries) -> bytes:
    """`{"id", "currency", "result_type", "attribution_setting", "date_range", "data"}`: each
    day's `metrics` spliced in as Postgres built it."""
    head = _dumps(
        {
            "id": str(series.entity_id),
            "currency": series.currency,
            "result_type": series.result_type,
            "attribution_setting": series.attribution_setting,
            "date_range": date_range_payload(series.date_range),
        }
    )
    points = ",".join(_with_metrics({"date": day.isoformat()}, metrics) for day, metrics in series.points)
    return (head[:-1] + ',"data":[' + points + "]}").encode()
