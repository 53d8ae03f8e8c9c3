"""The JSON shapes of the Ads Manager read API (issue 6), built from typed results. Pure."""

from __future__ import annotations

from typing import Any

from pixecom.adsmanager.params import Level, encode_cursor
from pixecom.adsmanager.query import CurrencyTotals, EntityRow, ListResult
from pixecom.domain.dates import DateRange
from pixecom.domain.metrics import metrics_payload


def _id(value: object) -> str | None:
    return None if value is None else str(value)


def entity_payload(row: EntityRow, level: Level) -> dict[str, Any]:
    """One list row: identity, statuses, parents (adsets: campaign_id; ads: + adset_id), metrics."""
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
    out["metrics"] = metrics_payload(row.totals)
    return out


def summary_payload(summary: list[CurrencyTotals]) -> list[dict[str, Any]]:
    return [{"currency": s.currency, "metrics": metrics_payload(s.totals)} for s in summary]


def date_range_payload(r: DateRange) -> dict[str, str]:
    return {"since": r.since.isoformat(), "until": r.until.isoformat()}


def list_payload(result: ListResult, level: Level) -> dict[str, Any]:
    """`{"data", "summary", "paging": {"next_cursor"}, "date_range"}`."""
    return {
        "data": [entity_payload(row, level) for row in result.rows],
        "summary": summary_payload(result.summary),
        "paging": {"next_cursor": encode_cursor(result.next_cursor) if result.next_cursor else None},
        "date_range": date_range_payload(result.date_range),
    }
