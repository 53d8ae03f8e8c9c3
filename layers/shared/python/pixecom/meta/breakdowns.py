"""Breakdown reports: one Meta async insights report per ad account, breakdown and date range, read
at ad level over the whole range (no time increment), one step at a time.

`start_report` creates the run (POST /act_x/insights -> report_run_id), `report_status` polls it
once (GET /{run}), `read_report_pages` reads some pages of its rows when complete (GET
/{run}/insights), from a cursor. Nothing
here waits: the caller decides when to poll again, so no worker holds an invocation open while
Meta computes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pixecom.domain.catalogue import META_COUNTERS
from pixecom.meta.errors import malformed_body
from pixecom.meta.insights import COMPLETED, EVERY_AD_STATUS, FAILED, REPORT_FIELDS, maybe_int
from pixecom.meta.models import InsightRow
from pixecom.meta.normalize import insight_row_from_graph
from pixecom.meta.params import act_id, next_page_query
from pixecom.meta.transport import GraphTransport

REPORT_ROW_FIELDS = ",".join(
    (
        "account_id,campaign_id,adset_id,ad_id,date_start,date_stop,spend,impressions,clicks,"
        "inline_link_clicks,actions,action_values,results",
        *(c.listed for c in META_COUNTERS if c.listed is not None),  # the video counts' fields
    )
)
UNKNOWN_BUCKET = "unknown"  # a row that leaves a dimension's field out is counted here


@dataclass(frozen=True)
class ReportStatus:
    status: str  # Meta's async_status
    percent: int
    error_code: int | None = None
    error_message: str | None = None

    @property
    def completed(self) -> bool:
        return self.status == COMPLETED

    @property
    def failed(self) -> bool:
        return self.status in FAILED


@dataclass(frozen=True)
class BreakdownRow:
    """One ad's counters in one bucket over the report's range."""

    row: InsightRow
    bucket: tuple[str, ...]


def report_params(since: date, until: date, breakdowns: Sequence[str]) -> dict[str, Any]:
    return {
        "level": "ad",
        "filtering": list(EVERY_AD_STATUS),
        "time_range": {"since": since.isoformat(), "until": until.isoformat()},
        "breakdowns": ",".join(breakdowns),
        "fields": REPORT_ROW_FIELDS,
        "use_unified_attribution_setting": True,
    }


def start_report(
    client: GraphTransport, account: str, since: date, until: date, breakdowns: Sequence[str]
) -> str:
    """Create the report run; its id."""
    client.ensure_not_throttled(account)
    started = client.request(
        "POST",
        f"{act_id(account)}/insights",
        data=report_params(since, until, breakdowns),
        account_id=account,
    )
    run_id = (started.get("report_run_id") or started.get("id")) if isinstance(started, dict) else None
    if not run_id:
        raise malformed_body(200, "report run answer without report_run_id")
    return str(run_id)


def report_status(client: GraphTransport, account: str, run_id: str) -> ReportStatus:
    """One poll of the run."""
    run = client.request("GET", run_id, params={"fields": REPORT_FIELDS}, account_id=account)
    if not isinstance(run, dict):
        raise malformed_body(200, "report run answer is not an object")
    return ReportStatus(
        status=str(run.get("async_status") or ""),
        percent=maybe_int(run.get("async_percent_completion")) or 0,
        error_code=maybe_int(run.get("error_code")),
        error_message=str(run.get("error_message") or "") or None,
    )


def read_report_pages(
    client: GraphTransport,
    account: str,
    run_id: str,
    breakdowns: Sequence[str],
    result_actions: Mapping[str, str] | None,
    *,
    after: str | None,
    max_pages: int,
) -> tuple[list[BreakdownRow], str | None]:
    """Up to `max_pages` pages of a completed run's rows from cursor `after` (None: the first),
    de-aliased as the daily sync reads ad rows; and the cursor of the next page (None: all read)."""
    query: dict[str, Any] | None = {"limit": client.page_size, **({"after": after} if after else {})}
    rows: list[BreakdownRow] = []
    for _ in range(max_pages):
        assert query is not None
        body = client.request("GET", f"{run_id}/insights", params=query, account_id=account)
        if not isinstance(body, Mapping) or not isinstance(body.get("data"), list):
            raise malformed_body(200, "paged answer without a data list")
        rows.extend(
            BreakdownRow(
                insight_row_from_graph(raw, result_actions),
                tuple(str(raw.get(name) or UNKNOWN_BUCKET) for name in breakdowns),
            )
            for raw in body["data"]
            if isinstance(raw, dict)
        )
        query = next_page_query(body.get("paging"), query)
        if query is None:
            return rows, None
    assert query is not None
    return rows, str(query.get("after") or "") or None
