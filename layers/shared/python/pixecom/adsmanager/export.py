"""CSV export of a list: a header, every matching row (no paging), one summary row per currency.

Two header forms (`csv_header=`):

- `readable` (the default, for people): Meta-like headers ("Campaign name", "Amount spent (USD)",
  "Cost per purchase"), names instead of our ids (the ad account's, the campaign's and the ad
  set's names; Meta's own id of the row is kept as "Campaign ID", "Ad set ID" or "Ad ID");
- `machine` (for scripts): the JSON API's field names as headers (`spend`, `campaign_id`) and
  our ids, a stable form whatever the labels become.

The first column is the row type (`entity`, `summary`, then `converted_total`), so a spreadsheet
can filter either. The metric columns are `columns=`'s, in its order (default every metric); with
`compare=` each metric is followed by its previous value and its relative change. Metric cells
hold exactly what the JSON API shows (money in the currency's minor units, ratios 4 decimals),
empty = undefined or, for results and cost per result, a `mixed` result type.

With `breakdown=`, an entity's `breakdown` lines (its buckets) follow its entity line, their
bucket in one column per dimension after the others.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pixecom.adsmanager.compare import changes
from pixecom.adsmanager.entity_columns import csv_columns, csv_values
from pixecom.adsmanager.list_rows import ListResult
from pixecom.adsmanager.params import InvalidParam, Level, ListQuery
from pixecom.adsmanager.payload import entity_fields
from pixecom.domain.catalogue import REACH_METRIC_NAMES, STORE_METRICS, Metric
from pixecom.domain.metrics import METRIC_BY_NAME, METRIC_NAMES, Kind

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PREVIOUS, CHANGE = "previous_", "_change"
STORE_COLUMNS: tuple[str, ...] = tuple(m.name for m in STORE_METRICS)  # after Meta's metrics


class CsvHeader(StrEnum):
    READABLE = "readable"
    MACHINE = "machine"


def parse_csv_header(value: str | None) -> CsvHeader:
    """`csv_header=readable|machine`; default readable."""
    if not value:
        return CsvHeader.READABLE
    try:
        return CsvHeader(value)
    except ValueError:
        raise InvalidParam(
            "csv_header", f"unknown header form {value[:64]!r}; use readable or machine"
        ) from None


def metric_columns(query: ListQuery) -> list[str]:
    """The metric columns (machine names): `columns=` or every metric; with a comparison each is
    followed by `previous_<metric>` and `<metric>_change`."""
    names = list(query.columns or METRIC_NAMES)
    if query.compare is None:
        return names
    return [column for name in names for column in (name, PREVIOUS + name, name + CHANGE)]


def columns(query: ListQuery) -> list[str]:
    """Every column of the machine form, in order."""
    level = query.level
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
        *metric_columns(query),
        # columns= chooses Meta's summed metrics alone; else reach, frequency and the store's follow
        *(REACH_METRIC_NAMES + STORE_COLUMNS if query.columns is None else ()),
    ]


# The readable form leaves out our own ids: names stand for them (Meta's id stays as "<level> ID").
_OUR_IDS = frozenset({"id", "ad_account_id", "campaign_id", "adset_id", "sellpage_id"})
_LEVEL_WORD = {Level.CAMPAIGNS: "Campaign", Level.ADSETS: "Ad set", Level.ADS: "Ad"}
_FIELD_LABELS = {
    "row_type": "Row type",
    "status": "Status",
    "delivery_status": "Delivery",
    "effective_status": "Effective status",
    "ad_account_name": "Ad account name",
    "campaign_name": "Campaign name",
    "adset_name": "Ad set name",
    "budget_type": "Budget type",
    "budget_amount": "Budget",
    "budget_level": "Budget level",
    "budget_remaining": "Budget remaining",
    "bid_strategy": "Bid strategy",
    "bid_amount": "Bid amount",
    "roas_average_floor": "Minimum ROAS",
    "objective": "Objective",
    "spend_cap": "Spend cap",
    "currency": "Currency",
    "result_type": "Result type",
    "attribution_setting": "Attribution setting",
}
# Meta-like names of the metrics; a metric without one reads as its catalogue description.
METRIC_LABELS = {
    "spend": "Amount spent",
    "impressions": "Impressions",
    "reach": "Reach",
    "clicks": "Clicks (all)",
    "link_clicks": "Link clicks",
    "content_views": "Content views",
    "add_to_cart": "Adds to cart",
    "initiate_checkout": "Checkouts initiated",
    "purchases": "Purchases",
    "landing_page_views": "Landing page views",
    "purchase_value": "Purchases conversion value",
    "results": "Results",
    "cpm": "CPM (cost per 1,000 impressions)",
    "ctr": "CTR (link click-through rate, %)",
    "ctr_all": "CTR (all, %)",
    "cpc": "CPC (cost per link click)",
    "cpv": "Cost per content view",
    "cost_per_add_to_cart": "Cost per add to cart",
    "cost_per_checkout": "Cost per checkout initiated",
    "cost_per_purchase": "Cost per purchase",
    "cr": "Conversion rate (purchases / content views, %)",
    "cr1": "CR1 (adds to cart / content views, %)",
    "cr2": "CR2 (checkouts / adds to cart, %)",
    "cr3": "CR3 (purchases / checkouts, %)",
    "cost_per_result": "Cost per result",
    "roas": "Purchase ROAS (return on ad spend)",
    "aov": "Average order value",
    "cost_per_landing_page_view": "Cost per landing page view",
}
_MONEY_FIELDS = frozenset({"budget_amount", "budget_remaining", "bid_amount", "spend_cap"})


def metric_label(name: str, currency: str | None) -> str:
    """A metric's header: its Meta-like name, money with the currency when the export has one."""
    metric = METRIC_BY_NAME[name]
    label = METRIC_LABELS.get(name) or metric.description[:1].upper() + metric.description[1:]
    return f"{label} ({currency})" if currency and metric.kind is Kind.MONEY else label


_STORE_BY_NAME = {m.name: m for m in STORE_METRICS}


def _store_label(metric: Metric, currency: str | None) -> str:
    label = {"store_roas": "Store ROAS", "purchase_value_gap": "Purchase value gap"}.get(
        metric.name, metric.name.replace("_", " ").capitalize()
    )
    return f"{label} ({currency})" if currency and metric.kind is Kind.MONEY else label


def readable_header(keys: Sequence[str], level: Level, currency: str | None) -> list[str]:
    """The readable header of the machine `keys` (`currency`: the export's one currency, or None)."""
    labels = []
    for key in keys:
        if key == "meta_id":
            labels.append(f"{_LEVEL_WORD[level]} ID")
        elif key == "name":
            labels.append(f"{_LEVEL_WORD[level]} name")
        elif key.startswith(PREVIOUS):
            labels.append(metric_label(key.removeprefix(PREVIOUS), currency) + " (previous period)")
        elif key.endswith(CHANGE) and key.removesuffix(CHANGE) in METRIC_BY_NAME:
            labels.append(metric_label(key.removesuffix(CHANGE), None) + " change")
        elif key in METRIC_BY_NAME:
            labels.append(metric_label(key, currency))
        elif key in _STORE_BY_NAME:
            labels.append(_store_label(_STORE_BY_NAME[key], currency))
        else:
            label = _FIELD_LABELS.get(key, key.replace("_", " ").capitalize())
            labels.append(f"{label} ({currency})" if currency and key in _MONEY_FIELDS else label)
    return labels


def export_keys(query: ListQuery, header: CsvHeader) -> list[str]:
    """The machine names of the export's columns in that header form (the readable form without
    our ids)."""
    keys = columns(query)
    return keys if header is CsvHeader.MACHINE else [k for k in keys if k not in _OUR_IDS]


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
    query: ListQuery,
    header: CsvHeader,
    breakdowns: Mapping[uuid.UUID, str] | None = None,
    dimensions: Sequence[str] = (),
) -> Iterator[str]:
    """The CSV document, one encoded line at a time (streamable). With `breakdowns` (entity id ->
    JSON array, adsmanager.breakdowns) each entity line is followed by its `breakdown` lines,
    their bucket in one column per dimension (after the header's other columns)."""
    level = query.level
    keys = export_keys(query, header) + list(dimensions)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def line(values: list[Any]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_cell(v) for v in values])
        return buffer.getvalue()

    if header is CsvHeader.MACHINE:
        yield line(keys)
    else:
        currencies = {total.currency for total in result.summary}
        yield line(readable_header(keys, level, next(iter(currencies)) if len(currencies) == 1 else None))
    comparison = result.comparison
    for row in result.rows:
        flat = {"row_type": "entity", **entity_fields(row, level), **csv_values(row.extra_json)}
        flat.update(_metrics(row.metrics_json, None if comparison is None else comparison.rows.get(row.id)))
        flat.update(_store(row.store_json))
        yield line([flat.get(name) for name in keys])
        for bucket in json.loads(breakdowns.get(row.id, "[]")) if breakdowns is not None else ():
            part = {**flat, "row_type": "breakdown", **bucket["values"], **bucket["metrics"]}
            yield line([part.get(name) for name in keys])
    for total in result.summary:
        flat = {"row_type": "summary", "name": "Total", "currency": total.currency}
        previous = None if comparison is None else comparison.summary.get(total.currency)
        flat.update(result_type=total.result_type, **_metrics(total.metrics_json, previous))
        flat.update(_store(total.store_json))
        yield line([flat.get(name) for name in keys])


def _store(store_json: str) -> dict[str, Any]:
    """The row's store numbers (`store` in the JSON API), the catalogue's STORE_METRICS."""
    store: dict[str, Any] = json.loads(store_json) or {}
    # Money as a number, not text: a negative gap is a value, not a formula to neutralise.
    return {
        name: Decimal(v) if isinstance(v, str) else v
        for name, v in ((n, store.get(n)) for n in STORE_COLUMNS)
    }


def _metrics(metrics_json: str, previous_json: str | None) -> dict[str, Any]:
    """The JSON `metrics` object as a client parses it (ratios as floats: "50.0", as before), and
    with a comparison each metric's previous value and change."""
    parsed: dict[str, Any] = json.loads(metrics_json)
    if previous_json is None:
        return parsed
    previous: dict[str, Any] = json.loads(previous_json)
    parsed.update({PREVIOUS + name: value for name, value in previous.items()})
    parsed.update({name + CHANGE: value for name, value in changes(metrics_json, previous_json).items()})
    return parsed
