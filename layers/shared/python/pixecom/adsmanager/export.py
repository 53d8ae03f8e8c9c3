"""CSV export of a list: a header, every matching row (no paging), one summary row per currency.

The first column, `row_type`, is `entity`, `breakdown` (with `breakdown=`: an entity's bucket, right
after its entity line) or `summary`, so a spreadsheet can filter any.
Metric cells hold exactly what the JSON API shows (money in the currency's minor units, ratios
4 decimals), empty = undefined or, for results and cost per result, a `mixed` result type.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from pixecom.adsmanager.entity_columns import csv_columns, csv_values
from pixecom.adsmanager.params import Level
from pixecom.adsmanager.payload import entity_fields
from pixecom.adsmanager.query import ListResult
from pixecom.domain.metrics import METRIC_NAMES

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def columns(level: Level) -> list[str]:
    parents = {Level.CAMPAIGNS: [], Level.ADSETS: ["campaign_id"], Level.ADS: ["campaign_id", "adset_id"]}
    identity = ["row_type", "id", "meta_id", "name", "status", "delivery_status", "effective_status"]
    return [
        *identity,
        "ad_account_id",
        *parents[level],
        "sellpage_id",
        *csv_columns(level),
        "currency",
        "result_type",
        "attribution_setting",
        *METRIC_NAMES,
    ]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    # Names come from sellers and Meta: never let a spreadsheet run one as a formula.
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def csv_lines(
    result: ListResult,
    level: Level,
    breakdowns: Mapping[uuid.UUID, str] | None = None,
    dimensions: Sequence[str] = (),
) -> Iterator[str]:
    """The CSV document, one encoded line at a time (streamable). With `breakdowns` (entity id ->
    JSON array, adsmanager.breakdowns) each entity line is followed by its `breakdown` lines,
    their bucket in one column per dimension (after the header's other columns)."""
    header = columns(level) + list(dimensions)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def line(values: list[Any]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_cell(v) for v in values])
        return buffer.getvalue()

    yield line(header)
    for row in result.rows:
        flat = {"row_type": "entity", **entity_fields(row, level), **csv_values(row.extra_json)}
        flat.update(_metrics(row.metrics_json))
        yield line([flat.get(name) for name in header])
        for bucket in json.loads(breakdowns.get(row.id, "[]")) if breakdowns is not None else ():
            part = {**flat, "row_type": "breakdown", **bucket["values"], **bucket["metrics"]}
            yield line([part.get(name) for name in header])
    for total in result.summary:
        flat = {"row_type": "summary", "name": "Total", "currency": total.currency}
        flat.update(result_type=total.result_type, **_metrics(total.metrics_json))
        yield line([flat.get(name) for name in header])


def _metrics(metrics_json: str) -> dict[str, Any]:
    """The JSON `metrics` object as a client parses it (ratios as floats: "50.0", as before)."""
    parsed: dict[str, Any] = json.loads(metrics_json)
    return parsed
