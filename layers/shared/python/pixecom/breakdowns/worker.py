"""One step of a breakdown report, as the ControlWorker runs it for each message.

`queued`: start Meta's async report run (`running`) and look again after a short delay.
`running`: poll the run once; still running: look again later (the delay grows with each poll,
capped); failed or skipped: start it once more, then fail the report with Meta's words;
complete: read its rows, replace the report's stored rows, `done`. No step waits for Meta: a
worker spends one Graph call or one read per message, and a report Meta takes an hour over
costs a few dozen short invocations. Each step holds the report's row lock (FOR UPDATE SKIP
LOCKED), so a duplicate message does nothing while another copy works.

A token Meta refuses, a permission it denies or a request it rejects fails the report with a
reason a seller can act on; a transient error or a rate limit leaves the report as it was and
asks again later. A report left without a message (a worker died, a send failed) is found by the
sweep (`sweep.py`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pixecom.adsmanager.breakdowns import Breakdown
from pixecom.breakdown_message import send_breakdown_message
from pixecom.breakdowns.jobs import DONE, FAILED, QUEUED, RUNNING
from pixecom.clock import Clock, utc_now
from pixecom.crypto import TokenDecryptionError, decrypt_token
from pixecom.db.breakdown_models import BreakdownJob, BreakdownStat
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount
from pixecom.domain.catalogue import SUMMED_COUNTERS
from pixecom.meta.breakdowns import BreakdownRow, read_report, report_status, start_report
from pixecom.meta.client import GraphClient
from pixecom.meta.errors import GraphError, InvalidRequest, PermissionDenied, TokenInvalid
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.observability import logger
from pixecom.sync.stats import load_ad_index

REPORT_ATTEMPTS = 2  # runs per report before it fails
FIRST_POLL_SECONDS, MAX_POLL_SECONDS = 2, 60
RETRY_SECONDS = 30  # after a transient error or a rate limit


def poll_delay(polls: int) -> int:
    """Seconds before the next poll: 2, 4, 8, ... capped at a minute."""
    return int(min(MAX_POLL_SECONDS, FIRST_POLL_SECONDS * 2 ** max(polls - 1, 0)))


def advance_job(
    job_id: uuid.UUID,
    *,
    clock: Clock = utc_now,
    graph: GraphFactory = default_graph,
    send: Callable[..., None] = send_breakdown_message,
) -> str | None:
    """Do the one step report `job_id` is at; its status after it (None: unknown or locked)."""
    delay: int | None = None
    now = clock()
    with session_scope() as session:
        job = session.scalars(
            select(BreakdownJob).where(BreakdownJob.id == job_id).with_for_update(skip_locked=True)
        ).one_or_none()
        if job is None or job.status in (DONE, FAILED):
            return None if job is None else job.status
        account = session.get(AdAccount, job.ad_account_id)
        assert account is not None  # the job's foreign key
        try:
            token = decrypt_token(bytes(account.access_token_encrypted))
        except TokenDecryptionError:
            _fail(job, now, "The stored access token is unreadable; reconnect the ad account")
            return job.status
        with graph(token) as client:
            try:
                delay = _step(session, client, job, account, now)
            except (TokenInvalid, PermissionDenied) as exc:
                _fail(job, now, "Meta refused this ad account's access token; reconnect the ad account")
                logger.warning(
                    "breakdown report failed", extra={"job_id": str(job.id), "error": type(exc).__name__}
                )
            except InvalidRequest as exc:
                _fail(job, now, f"Meta refused the report: {exc.message}")
            except GraphError as exc:  # transient, rate limited: the same step again later
                delay = RETRY_SECONDS
                logger.info(
                    "breakdown report step deferred",
                    extra={"job_id": str(job.id), "error": type(exc).__name__},
                )
            finally:
                job.graph_calls += client.calls
        status = job.status
    if delay is not None:
        send(job_id, delay_seconds=delay)
    return status


def _step(
    session: Session, client: GraphClient, job: BreakdownJob, account: AdAccount, now: datetime
) -> int | None:
    """The step itself; seconds until the next one (None: the report is finished)."""
    breakdown = Breakdown(job.breakdown)
    meta_account = account.meta_account_id
    if job.status == QUEUED or job.report_run_id is None:
        job.report_run_id = start_report(client, meta_account, job.since, job.until, breakdown.dimensions)
        job.status, job.attempts, job.percent_complete, job.progressed_at = RUNNING, job.attempts + 1, 0, now
        return poll_delay(1)
    run = report_status(client, meta_account, job.report_run_id)
    job.progressed_at = now
    if run.completed:
        result_actions = load_ad_index(session, account.id).result_actions  # as the stats sync counts results
        rows = read_report(client, meta_account, job.report_run_id, breakdown.dimensions, result_actions)
        _store(session, job, rows)
        job.status, job.percent_complete, job.finished_at, job.row_count = DONE, 100, now, len(rows)
        return None
    if run.failed:
        if job.attempts < REPORT_ATTEMPTS:
            job.report_run_id = None
            return 0
        _fail(
            job, now, f"Meta could not produce the report ({run.status}): {run.error_message or 'no detail'}"
        )
        return None
    job.percent_complete = max(0, min(99, run.percent))
    return poll_delay(job.graph_calls + 1)


def _fail(job: BreakdownJob, now: datetime, reason: str) -> None:
    job.status, job.error, job.finished_at, job.progressed_at = FAILED, reason, now, now


def _store(session: Session, job: BreakdownJob, rows: list[BreakdownRow]) -> None:
    """The report's rows in place of the ones it had (a refreshed report replaces them whole):
    each ad's, and each ad set's and campaign's summed per bucket, written with COPY."""
    session.execute(delete(BreakdownStat).where(BreakdownStat.job_id == job.id))
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    columns = ", ".join(("job_id", "level", "meta_id", "bucket", *SUMMED_COUNTERS))
    with cursor, cursor.copy(f"COPY breakdown_stats ({columns}) FROM STDIN") as copy:  # our own names
        for level, meta_id, bucket, counters in level_rows(rows):
            copy.write_row((job.id, level, meta_id, list(bucket), *counters))


def level_rows(rows: list[BreakdownRow]) -> Iterator[tuple[str, str, tuple[str, ...], list[Any]]]:
    """(level, Meta id, bucket, counters in SUMMED_COUNTERS order): every ad row as read, then the
    ad sets' and campaigns' sums of them. Pure."""
    parents: dict[tuple[str, str, tuple[str, ...]], list[Any]] = {}
    for r in rows:
        counters = [getattr(r.row, name) for name in SUMMED_COUNTERS]
        yield "ad", r.row.ad_id, r.bucket, counters
        for level, meta_id in (("adset", r.row.adset_id), ("campaign", r.row.campaign_id)):
            sums = parents.get((level, meta_id, r.bucket))
            if sums is None:
                parents[(level, meta_id, r.bucket)] = list(counters)
            else:
                for i, value in enumerate(counters):
                    sums[i] += value
    for (level, meta_id, bucket), sums in parents.items():
        yield level, meta_id, bucket, sums
