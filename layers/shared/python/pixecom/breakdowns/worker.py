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

from sqlalchemy import delete, select, text
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
from pixecom.meta.breakdowns import BreakdownRow, read_report_pages, report_status, start_report
from pixecom.meta.client import GraphClient
from pixecom.meta.errors import GraphError, InvalidRequest, PermissionDenied, TokenInvalid
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.observability import logger
from pixecom.sync.stats import load_ad_index

REPORT_ATTEMPTS = 2  # runs per report before it fails
FIRST_POLL_SECONDS, MAX_POLL_SECONDS = 2, 60
RETRY_SECONDS = 30  # after a transient error or a rate limit
PAGES_PER_STEP = 40  # 20,000 rows of 500: a few seconds of a worker's 120


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
    job.progressed_at = now
    if job.next_page is not None:  # reading a complete run, page by page
        return _read_pages(session, client, job, account, now)
    run = report_status(client, meta_account, job.report_run_id)
    if run.completed:
        job.percent_complete, job.row_count = 100, 0
        session.execute(delete(BreakdownStat).where(BreakdownStat.job_id == job.id))  # a rerun's old rows
        return _read_pages(session, client, job, account, now)
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


def _read_pages(
    session: Session, client: GraphClient, job: BreakdownJob, account: AdAccount, now: datetime
) -> int | None:
    """Up to PAGES_PER_STEP pages of the complete run's ad rows, stored; the rest in the next step
    (a worker invocation stays well inside its timeout whatever the report's size). After the
    last page the ad sets' and campaigns' rows are summed from the ads' and the job is done."""
    result_actions = load_ad_index(session, account.id).result_actions  # as the stats sync counts results
    assert job.report_run_id is not None
    rows, after = read_report_pages(
        client,
        account.meta_account_id,
        job.report_run_id,
        Breakdown(job.breakdown).dimensions,
        result_actions,
        after=job.next_page or None,
        max_pages=PAGES_PER_STEP,
    )
    _copy_rows(session, job, ad_rows(rows))
    job.row_count = (job.row_count or 0) + len(rows)
    if after is not None:
        job.next_page = after
        return 0
    session.execute(_PARENT_SUMS, {"job": job.id, "account": account.id})
    job.status, job.finished_at, job.next_page = DONE, now, None
    return None


def _copy_rows(
    session: Session, job: BreakdownJob, rows: Iterator[tuple[str, str, tuple[str, ...], list[Any]]]
) -> None:
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    columns = ", ".join(("job_id", "level", "meta_id", "bucket", *SUMMED_COUNTERS))
    with cursor, cursor.copy(f"COPY breakdown_stats ({columns}) FROM STDIN") as copy:  # our own names
        for level, meta_id, bucket, counters in rows:
            copy.write_row((job.id, level, meta_id, list(bucket), *counters))


_SUMS = ", ".join(f"sum(b.{name})" for name in SUMMED_COUNTERS)
_COLUMNS = ", ".join(SUMMED_COUNTERS)
# Each ad set's and campaign's rows: its ads' rows summed per bucket (ads by their Meta id in the
# account; the entity sync knows every ad the stats sync has seen).
_PARENT_SUMS = text(
    f"INSERT INTO breakdown_stats (job_id, level, meta_id, bucket, {_COLUMNS}) "  # noqa: S608 (our own names)
    f"SELECT b.job_id, p.level, p.meta_id, b.bucket, {_SUMS} FROM breakdown_stats b "
    "JOIN ads a ON a.meta_id = b.meta_id AND a.ad_account_id = :account "
    "JOIN adsets s ON s.id = a.adset_id JOIN campaigns c ON c.id = a.campaign_id "
    "CROSS JOIN LATERAL (VALUES ('adset', s.meta_id), ('campaign', c.meta_id)) AS p(level, meta_id) "
    "WHERE b.job_id = :job AND b.level = 'ad' GROUP BY b.job_id, p.level, p.meta_id, b.bucket"
)


def ad_rows(rows: list[BreakdownRow]) -> Iterator[tuple[str, str, tuple[str, ...], list[Any]]]:
    """(level `ad`, Meta id, bucket, counters in SUMMED_COUNTERS order) of each row read. Pure."""
    for r in rows:
        yield "ad", r.row.ad_id, r.bucket, [getattr(r.row, name) for name in SUMMED_COUNTERS]
