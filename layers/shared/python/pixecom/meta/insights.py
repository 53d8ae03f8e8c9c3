"""Ad-level daily insights: a synchronous read for small requests, async report runs for big ones.

Async flow (Meta's asynchronous insights jobs): POST /act_x/insights -> report_run_id; poll
GET /{run} until `Job Completed` with growing waits through the client's `sleep`; read
GET /{run}/insights pages. A failed or skipped run is started once more; if that fails too the
date range is split in halves, down to single days.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pixecom.domain.catalogue import META_COUNTERS
from pixecom.meta.errors import TransientError, malformed_body
from pixecom.meta.models import DailyTotals
from pixecom.meta.normalize import daily_totals_from_graph
from pixecom.meta.transport import GraphTransport

log = logging.getLogger(__name__)

INSIGHT_FIELDS = ",".join(
    (
        "account_id,campaign_id,adset_id,ad_id,date_start,date_stop,spend,impressions,reach,clicks,"
        "inline_link_clicks,actions,action_values,results",
        *(c.listed for c in META_COUNTERS if c.listed is not None),  # the video counts' fields
    )
)
REPORT_FIELDS = "id,async_status,async_percent_completion,error_code,error_subcode,error_message"
COMPLETED = "Job Completed"
FAILED = frozenset({"Job Failed", "Job Skipped"})


@dataclass(frozen=True)
class InsightsPolicy:
    """When to go async and how patiently to wait for a report run."""

    async_min_days: int = 8  # ranges this long always use a report run
    async_min_ad_days: int = 10_000  # as do ones expected to return this many rows (ads x days)
    report_attempts: int = 2  # runs per date range before it is split
    poll_first_delay: float = 1.0
    poll_max_delay: float = 30.0
    poll_timeout: float = 3600.0  # Meta: "can take up to an hour"


@dataclass(frozen=True)
class _RunOutcome:
    run_id: str
    completed: bool
    status: str
    error_code: int | None = None
    error_subcode: int | None = None
    error_message: str | None = None


# Every ad effective status Meta knows: at level=ad Meta leaves DELETED and ARCHIVED ads out
# unless a filter names them, yet their spend counts in the account's totals and a deleted ad
# keeps collecting conversions for 28 days. Asking for all keeps their rows, restated like any.
AD_EFFECTIVE_STATUSES = (
    "ACTIVE",
    "PAUSED",
    "DELETED",
    "ARCHIVED",
    "PENDING_REVIEW",
    "DISAPPROVED",
    "PREAPPROVED",
    "PENDING_BILLING_INFO",
    "CAMPAIGN_PAUSED",
    "ADSET_PAUSED",
    "IN_PROCESS",
    "WITH_ISSUES",
)
EVERY_AD_STATUS = ({"field": "ad.effective_status", "operator": "IN", "value": list(AD_EFFECTIVE_STATUSES)},)


def _base_params(since: date, until: date) -> dict[str, Any]:
    return {
        "level": "ad",
        "filtering": list(EVERY_AD_STATUS),
        "time_increment": 1,
        "time_range": {"since": since.isoformat(), "until": until.isoformat()},
        "fields": INSIGHT_FIELDS,
        # Results follow each ad set's own attribution setting, as in Ads Manager.
        # No action_attribution_windows: 7d_view/28d_view are gone since 2026-01-12.
        "use_unified_attribution_setting": True,
    }


TOTALS_FIELDS = "date_start,date_stop,spend,impressions,inline_link_clicks,actions,action_values"


def read_account_daily_totals(
    client: GraphTransport, account: str, since: date, until: date
) -> list[DailyTotals]:
    """Meta's own per-day totals of the account (level=account, time_increment=1): one small call
    (a row per day), deleted and archived ads included, same attribution as the ad rows."""
    params = {
        "level": "account",
        "time_increment": 1,
        "time_range": {"since": since.isoformat(), "until": until.isoformat()},
        "fields": TOTALS_FIELDS,
        "use_unified_attribution_setting": True,
    }
    return [
        daily_totals_from_graph(raw)
        for raw in client.iter_pages(f"{account}/insights", params, account_id=account)
    ]


def should_go_async(policy: InsightsPolicy, since: date, until: date, estimated_ads: int | None) -> bool:
    """Big requests go straight to a report run instead of timing out synchronously first."""
    days = (until - since).days + 1
    if days >= policy.async_min_days:
        return True
    return estimated_ads is not None and estimated_ads * days >= policy.async_min_ad_days


def read_daily_insights(
    client: GraphTransport,
    account: str,
    since: date,
    until: date,
    *,
    policy: InsightsPolicy,
    estimated_ads: int | None,
) -> list[dict[str, Any]]:
    """Raw insight elements for every ad and day in [since, until]."""
    if until < since:
        return []
    if not should_go_async(policy, since, until, estimated_ads):
        try:
            return list(
                client.iter_pages(
                    f"{account}/insights",
                    _base_params(since, until),
                    account_id=account,
                    shrink_on_too_much_data=False,
                )
            )
        except TransientError as exc:
            if not exc.too_much_data:
                raise
            log.info(
                "insights too large for a synchronous read, using a report run",
                extra={"account_id": account, "since": str(since), "until": str(until)},
            )
    return _read_async(client, policy, account, since, until)


def _read_async(
    client: GraphTransport, policy: InsightsPolicy, account: str, since: date, until: date
) -> list[dict[str, Any]]:
    outcome: _RunOutcome | None = None
    for _attempt in range(policy.report_attempts):
        client.ensure_not_throttled(account)
        outcome = _run_report(client, policy, account, _base_params(since, until))
        if outcome.completed:
            return list(
                client.iter_pages(
                    f"{outcome.run_id}/insights", {"limit": client.page_size}, account_id=account
                )
            )
        log.warning(
            "insights report run did not complete",
            extra={
                "account_id": account,
                "run_id": outcome.run_id,
                "status": outcome.status,
                "error_code": outcome.error_code,
                "since": str(since),
                "until": str(until),
            },
        )
    assert outcome is not None  # report_attempts >= 1
    if since == until:
        raise TransientError(
            f"insights report for {since} ended as {outcome.status}: {outcome.error_message or 'no detail'}",
            code=outcome.error_code,
            subcode=outcome.error_subcode,
        )
    middle = since + timedelta(days=(until - since).days // 2)
    return _read_async(client, policy, account, since, middle) + _read_async(
        client, policy, account, middle + timedelta(days=1), until
    )


def run_report(client: GraphTransport, policy: InsightsPolicy, account: str, params: dict[str, Any]) -> str:
    """A report run of any insights query, started again once if it fails (never split): its id
    once completed; TransientError when it does not complete."""
    outcome: _RunOutcome | None = None
    for _attempt in range(policy.report_attempts):
        client.ensure_not_throttled(account)
        outcome = _run_report(client, policy, account, params)
        if outcome.completed:
            return outcome.run_id
    assert outcome is not None  # report_attempts >= 1
    raise TransientError(
        f"insights report ended as {outcome.status}: {outcome.error_message or 'no detail'}",
        code=outcome.error_code,
        subcode=outcome.error_subcode,
    )


def _run_report(
    client: GraphTransport, policy: InsightsPolicy, account: str, params: dict[str, Any]
) -> _RunOutcome:
    started = client.request("POST", f"{account}/insights", data=params, account_id=account)
    run_id = (started.get("report_run_id") or started.get("id")) if isinstance(started, dict) else None
    if not run_id:
        raise malformed_body(200, "report run answer without report_run_id")
    return _wait_for_run(client, policy, account, str(run_id))


def _wait_for_run(client: GraphTransport, policy: InsightsPolicy, account: str, run_id: str) -> _RunOutcome:
    """Poll the run with doubling waits (capped) until it ends or the patience runs out."""
    delay, waited = policy.poll_first_delay, 0.0
    while True:
        run = client.request("GET", run_id, params={"fields": REPORT_FIELDS}, account_id=account)
        status = str(run.get("async_status") or "") if isinstance(run, dict) else ""
        if status == COMPLETED:
            return _RunOutcome(run_id, True, status)
        if status in FAILED:
            return _RunOutcome(
                run_id,
                False,
                status,
                error_code=maybe_int(run.get("error_code")),
                error_subcode=maybe_int(run.get("error_subcode")),
                error_message=str(run.get("error_message") or "") or None,
            )
        if waited >= policy.poll_timeout:
            return _RunOutcome(run_id, False, f"{status or 'unknown'} (timed out)")
        client.sleep(delay)
        waited += delay
        delay = min(delay * 2, policy.poll_max_delay)


def maybe_int(value: object) -> int | None:
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None
