"""The JSON bodies of the Ads Manager read API (issue 6), built from typed results. Pure.

Each row's, summary's and daily point's `metrics` object arrives as JSON text built by Postgres
(`sql.metrics_json`); it is spliced in as is, so the API never parses or re-formats a number.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from pixecom.adsmanager.compare import changes
from pixecom.adsmanager.daily import DailySeries
from pixecom.adsmanager.list_rows import Comparison, CurrencyTotals, EntityRow, ListResult
from pixecom.adsmanager.params import Level, encode_cursor
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


def _with_metrics(
    fields: dict[str, Any],
    metrics_json: str,
    extra_json: str = "{}",
    previous_json: str | None = None,
    store_json: str | None = None,
) -> str:
    extra = extra_json.strip()[1:-1].strip()  # Postgres's JSON object, spliced as is
    store = "" if store_json is None else ',"store":' + store_json
    compared = ""
    if previous_json is not None:  # compare=: the previous period's metrics and each one's change
        change = _dumps(changes(metrics_json, previous_json))
        compared = ',"previous_metrics":' + previous_json + ',"change":' + change
    return (
        _dumps(fields)[:-1]
        + ("," + extra if extra else "")
        + store
        + ',"metrics":'
        + metrics_json
        + compared
        + "}"
    )


def entity_json(
    row: EntityRow, level: Level, comparison: Comparison | None = None, breakdowns_json: str = "null"
) -> str:
    previous = None if comparison is None else comparison.rows.get(row.id, _NO_METRICS)
    fields = entity_fields(row, level)
    body = _with_metrics(fields, row.metrics_json, row.extra_json, previous, row.store_json)
    return body[:-1] + ',"breakdowns":' + breakdowns_json + "}"  # adsmanager.breakdowns, as Postgres built it


def summary_json(total: CurrencyTotals, comparison: Comparison | None = None) -> str:
    previous = None if comparison is None else comparison.summary.get(total.currency, _NO_METRICS)
    fields = {"currency": total.currency, "result_type": total.result_type}
    fields["reach_unavailable"] = total.reach_unavailable
    return _with_metrics(fields, total.metrics_json, previous_json=previous, store_json=total.store_json)


_NO_METRICS = "{}"  # never: the comparison reads the same rows (a row missing there compares with nothing)


def date_range_payload(r: DateRange) -> dict[str, str]:
    return {"since": r.since.isoformat(), "until": r.until.isoformat()}


def _breakdowns(breakdowns: Mapping[uuid.UUID, str] | None, row_id: uuid.UUID) -> str:
    return "null" if breakdowns is None else breakdowns.get(row_id, "[]")


def list_json(
    result: ListResult,
    level: Level,
    breakdowns: Mapping[uuid.UUID, str] | None = None,
    breakdown_info: Mapping[str, Any] | None = None,
) -> bytes:
    """`{"data", "summary", "paging": {"next_cursor"}, "date_range", "breakdown"}` (and
    `compare_range` with `compare=`) as UTF-8 JSON; with `breakdowns` (entity id -> JSON array)
    each row has its `breakdowns` (else null)."""
    cursor = encode_cursor(result.next_cursor) if result.next_cursor else None
    comparison = result.comparison
    tail: dict[str, Any] = {
        "paging": {"next_cursor": cursor},
        "date_range": date_range_payload(result.date_range),
        "breakdown": breakdown_info,
    }
    if comparison is not None:
        tail["compare_range"] = date_range_payload(comparison.date_range)
    body = (
        '{"data":['
        + ",".join(
            entity_json(row, level, comparison, _breakdowns(breakdowns, row.id))
            for row in result.rows
        )
        + '],"summary":['
        + ",".join(summary_json(total, comparison) for total in result.summary)
        + "],"
        + _dumps(tail)[1:]
    )
    return body.encode()


def daily_json(series: DailySeries) -> bytes:
    """`{"id", "currency", "result_type", "attribution_setting", "date_range", "data"}` (and
    `compare_range` with compare=): each day's `metrics` spliced in as Postgres built it."""
    head = _dumps(
        {
            "id": str(series.entity_id),
            "currency": series.currency,
            "result_type": series.result_type,
            "attribution_setting": series.attribution_setting,
            "date_range": date_range_payload(series.date_range),
        }
    )
    previous = series.previous or [None] * len(series.points)
    notes = series.reach_unavailable
    points = ",".join(
        _daily_point(day, metrics, earlier, notes.get(day), compared=series.previous is not None)
        for (day, metrics), earlier in zip(series.points, previous, strict=True)
    )
    tail = ""
    if series.compare_range is not None:
        tail = ',"compare_range":' + _dumps(date_range_payload(series.compare_range))
    return (head[:-1] + ',"data":[' + points + "]" + tail + "}").encode()


def _daily_point(
    day: date, metrics: str, earlier: tuple[date, str] | None, no_reach: str | None, *, compared: bool
) -> str:
    """One day's point (`no_reach`: why the day has no reach); with compare=, the day it is
    compared with, its metrics and the change (null past the end of a shorter comparison range)."""
    if not compared:
        return _with_metrics({"date": day.isoformat(), "reach_unavailable": no_reach}, metrics)
    if earlier is None:
        fields = {"date": day.isoformat(), "reach_unavailable": no_reach, "previous_date": None}
        return _with_metrics(fields, metrics)[:-1] + ',"previous_metrics":null,"change":null}'
    fields = {"date": day.isoformat(), "reach_unavailable": no_reach, "previous_date": earlier[0].isoformat()}
    return _with_metrics(fields, metrics, previous_json=earlier[1])
