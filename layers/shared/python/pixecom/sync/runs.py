"""One sync of one account: load it, call Graph, record the run; the failure policy lives here.

- Transient (TransientError, a database hiccup, anything unexpected): a FAILED run is recorded
  and the exception re-raised, so the SQS message comes back (DLQ after the redrive limit).
- RateLimited: `throttled_until` is set from Meta's answer, a THROTTLED run recorded, the message
  consumed; dispatch skips the account until then.
- TokenInvalid (or a stored token that no longer decrypts): NEEDS_REAUTH, run recorded, consumed.
- PermissionDenied / InvalidRequest: permanent; FAILED run recorded, consumed (no endless retries).
- Stats runs hold a lease on their window from before the first Graph call to the commit
  (sync.leases): a run whose days another live run is fetching is skipped, and a run whose lease
  was taken over (it outlived LEASE_SECONDS) discards its older answer. A backfill chunk that a
  run consumed without finishing goes back to pending (sync.backfill) for the next dispatch.
- A run that succeeds while Meta's usage crossed the hold-back line stores `throttled_until`
  like a throttled run, so the next run does not spend its first call finding out.
Every write is keyed by the account, so one account's failure never touches another's rows.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aws_lambda_powertools.metrics import MetricUnit
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pixecom.accounts.crypto import TokenDecryptionError, decrypt_token
from pixecom.clock import Clock, utc_now
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount, SyncRun
from pixecom.domain.enums import ConnectionStatus, SyncKind, SyncOutcome
from pixecom.meta.client import GraphClient
from pixecom.meta.errors import GraphError, InvalidRequest, PermissionDenied, RateLimited, TokenInvalid
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.observability import logger, metrics
from pixecom.sync import backfill, leases
from pixecom.sync.messages import SyncMessage

MAX_ERROR_CHARS = 1000
RUN_RETENTION = timedelta(days=14)  # backfill chunks are counted once via runs younger than this


@dataclass(frozen=True)
class AccountRef:
    """The parts of an ad account a worker needs, read once at the start of a run."""

    id: uuid.UUID
    seller_id: uuid.UUID
    meta_account_id: str
    timezone_name: str


@dataclass
class RunStats:
    """Counters a run reports into its sync_runs row."""

    rows_written: int = 0
    rows_deleted: int = 0
    graph_calls: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RunReport:
    """What happened to one message (returned for logs and tests)."""

    account_id: uuid.UUID
    kind: SyncKind
    outcome: SyncOutcome | None  # None: skipped (account gone, not ACTIVE, or throttled)
    rows_written: int = 0
    rows_deleted: int = 0
    graph_calls: int = 0


class _Skip(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class _Loaded:
    account: AccountRef
    ciphertext: bytes
    lease: uuid.UUID | None


def _load(message: SyncMessage, now: datetime) -> _Loaded:
    """The account, its encrypted token and (stats) a lease on the window; stamps the attempt.
    Raises _Skip when not syncable now. The account row lock serialises lease takers."""
    with session_scope() as session:
        account = lock_account(session, message.account_id)
        if account is None:
            raise _Skip("account no longer connected")
        if account.connection_status is not ConnectionStatus.ACTIVE:
            raise _Skip(f"connection status {account.connection_status.value}")
        if account.throttled_until is not None and account.throttled_until > now:
            raise _Skip("throttled")
        if message.backfill and backfill.is_done(session, message):
            raise _Skip("backfill chunk already done")
        lease = None
        if message.kind is SyncKind.STATS and message.since is not None and message.until is not None:
            try:
                lease = leases.acquire(session, account.id, leases.Window(message.since, message.until), now)
            except leases.LeaseBusy as busy:
                raise _Skip(str(busy)) from None
        _set_attempt(account, message.kind, now)
        ref = AccountRef(account.id, account.seller_id, account.meta_account_id, account.timezone_name)
        return _Loaded(ref, bytes(account.access_token_encrypted), lease)


def _put_back(message: SyncMessage) -> None:
    """A consumed message that did not finish its backfill chunk: the chunk is pending again."""
    if not message.backfill:
        return
    with session_scope() as session:
        backfill.mark_pending(session, message)


def _set_attempt(account: AdAccount, kind: SyncKind, now: datetime) -> None:
    if kind is SyncKind.STATS:
        account.last_stats_attempt_at = now
    else:
        account.last_delivery_attempt_at = now


def _set_result(account: AdAccount, kind: SyncKind, now: datetime, error: str | None) -> None:
    if kind is SyncKind.STATS:
        account.last_stats_error = error
        if error is None:
            account.last_stats_success_at = now
    else:
        account.last_delivery_error = error
        if error is None:
            account.last_delivery_success_at = now


def new_run(message: SyncMessage, account: AccountRef, started: datetime, outcome: SyncOutcome) -> SyncRun:
    return SyncRun(
        seller_id=account.seller_id,
        ad_account_id=account.id,
        kind=message.kind,
        dispatch_id=message.run_id,
        window_since=message.since,
        window_until=message.until,
        is_backfill=message.backfill,
        started_at=started,
        outcome=outcome,
    )


def lock_account(session: Session, account_id: uuid.UUID) -> AdAccount | None:
    """The account row, locked for this transaction (serialises writers of one account)."""
    return session.scalars(select(AdAccount).where(AdAccount.id == account_id).with_for_update()).first()


def record_success(
    session: Session,
    message: SyncMessage,
    account: AdAccount,
    started: datetime,
    finished: datetime,
    stats: RunStats,
    hold_back_until: datetime | None = None,
) -> SyncRun:
    """Inside the data transaction: the SUCCEEDED run and the account's last-success stamp (and
    `throttled_until` when the client is holding back from the account after this run)."""
    run = new_run(message, _ref(account), started, SyncOutcome.SUCCEEDED)
    run.finished_at = finished
    run.rows_written, run.rows_deleted, run.graph_calls = (
        stats.rows_written,
        stats.rows_deleted,
        stats.graph_calls,
    )
    run.duration_ms = int((finished - started).total_seconds() * 1000)
    run.error = ("warning: " + "; ".join(stats.warnings))[:MAX_ERROR_CHARS] if stats.warnings else None
    session.add(run)
    _set_result(account, message.kind, finished, None)
    if hold_back_until is not None:
        hold_throttle(account, hold_back_until)
    prune_runs(session, account.id, message.kind, finished - RUN_RETENTION)
    return run


def hold_throttle(account: AdAccount, until: datetime) -> None:
    """Keep the later of the stored and the new `throttled_until`."""
    current = account.throttled_until
    account.throttled_until = until if current is None else max(current, until)


def prune_runs(session: Session, account_id: uuid.UUID, kind: SyncKind, before: datetime) -> int:
    """Forget the account's runs of `kind` started before `before` (index range on
    (ad_account_id, kind, started_at)): ~400 runs a day per account would otherwise pile up."""
    result = session.execute(
        delete(SyncRun).where(
            SyncRun.ad_account_id == account_id, SyncRun.kind == kind, SyncRun.started_at < before
        )
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def _ref(account: AdAccount) -> AccountRef:
    return AccountRef(account.id, account.seller_id, account.meta_account_id, account.timezone_name)


def record_failure(
    message: SyncMessage,
    started: datetime,
    finished: datetime,
    outcome: SyncOutcome,
    error: str,
    stats: RunStats,
    *,
    throttled_until: datetime | None = None,
    public_error: str | None = None,
    lease: uuid.UUID | None = None,
) -> None:
    """In its own transaction: the failed run, the account's last error, throttle or re-auth flag.

    `public_error` (what the seller sees on the account) defaults to `error` (kept on the run).
    """
    with session_scope() as session:
        account = lock_account(session, message.account_id)
        if account is None:
            return
        run = new_run(message, _ref(account), started, outcome)
        run.finished_at, run.error, run.graph_calls = finished, error[:MAX_ERROR_CHARS], stats.graph_calls
        run.duration_ms = int((finished - started).total_seconds() * 1000)
        session.add(run)
        _set_result(account, message.kind, finished, (public_error or error)[:MAX_ERROR_CHARS])
        if lease is not None:
            leases.release(session, lease)
        if throttled_until is not None:
            hold_throttle(account, throttled_until)
        if outcome is SyncOutcome.NEEDS_REAUTH:
            account.connection_status = ConnectionStatus.NEEDS_REAUTH
            account.connection_error = error[:MAX_ERROR_CHARS]


@dataclass
class RunContext:
    """One run in progress: the body fetches, writes, and calls `finish` inside its transaction."""

    message: SyncMessage
    account: AccountRef
    started: datetime
    clock: Clock
    graph: GraphFactory
    stats: RunStats = field(default_factory=RunStats)
    client: GraphClient | None = None
    lease: uuid.UUID | None = None

    def finish(self, session: Session, account: AdAccount) -> SyncRun:
        """Record the SUCCEEDED run in the caller's (the data's) transaction; releases the lease
        (LeaseLost, rolling the transaction back, if a newer run took it over)."""
        if self.lease is not None:
            leases.commit_check(session, self.lease)
        hold_back = None
        if self.client is not None:
            self.stats.graph_calls = self.client.calls
            hold_back = self.client.throttled_until(self.account.meta_account_id)
        return record_success(
            session, self.message, account, self.started, self.clock(), self.stats, hold_back
        )


SyncBody = Callable[[RunContext, GraphClient], None]


def run_sync(
    message: SyncMessage, body: SyncBody, *, graph: GraphFactory = default_graph, clock: Clock = utc_now
) -> RunReport:
    """Run `body` for the message's account under the failure policy (see module docstring).

    `body` fetches from Graph, then writes its data and `ctx.finish(...)` in one transaction.
    """
    started = clock()
    log_keys = {"account_id": str(message.account_id), "run_id": message.run_id, "kind": message.kind.value}
    try:
        loaded = _load(message, started)
    except _Skip as skip:
        logger.info("sync skipped", extra={**log_keys, "reason": skip.reason})
        _put_back(message)
        return RunReport(message.account_id, message.kind, None)
    ctx = RunContext(message, loaded.account, started, clock, graph, lease=loaded.lease)
    stats = ctx.stats
    tick = time.perf_counter()
    try:
        with graph(decrypt_token(loaded.ciphertext)) as client:
            ctx.client = client
            try:
                body(ctx, client)
            finally:
                stats.graph_calls = client.calls
    except leases.LeaseLost:
        logger.warning("sync answer discarded: a newer run took over its days", extra=log_keys)
        _put_back(message)
        return RunReport(message.account_id, message.kind, None, graph_calls=stats.graph_calls)
    except Exception as exc:
        outcome = _handle_failure(message, started, clock(), exc, stats, log_keys, loaded.lease)
        return RunReport(message.account_id, message.kind, outcome, graph_calls=stats.graph_calls)
    return _succeeded(message, stats, time.perf_counter() - tick, log_keys)


def _succeeded(message: SyncMessage, stats: RunStats, seconds: float, log_keys: dict[str, str]) -> RunReport:
    _emit_metrics(message.kind, stats, seconds)
    counts = {
        "rows_written": stats.rows_written,
        "rows_deleted": stats.rows_deleted,
        "graph_calls": stats.graph_calls,
    }
    logger.info("sync succeeded", extra={**log_keys, **counts})
    return RunReport(message.account_id, message.kind, SyncOutcome.SUCCEEDED, **counts)


def _handle_failure(
    message: SyncMessage,
    started: datetime,
    finished: datetime,
    exc: Exception,
    stats: RunStats,
    log_keys: dict[str, str],
    lease: uuid.UUID | None = None,
) -> SyncOutcome:
    """Record the failure; return the outcome for consumed messages, re-raise transient ones."""
    if isinstance(exc, RateLimited):
        outcome, throttle = SyncOutcome.THROTTLED, exc.until
    elif isinstance(exc, TokenInvalid | TokenDecryptionError):
        outcome, throttle = SyncOutcome.NEEDS_REAUTH, None
    elif isinstance(exc, PermissionDenied | InvalidRequest):
        outcome, throttle = SyncOutcome.FAILED, None
    else:
        outcome, throttle = SyncOutcome.FAILED, None
        _record_quietly(message, started, finished, outcome, describe(exc), stats, log_keys, lease)
        logger.warning("sync failed, message will be retried", extra={**log_keys, "error": describe(exc)})
        raise exc
    record_failure(
        message, started, finished, outcome, describe(exc), stats, throttled_until=throttle, lease=lease
    )
    _put_back(message)
    logger.warning("sync not completed", extra={**log_keys, "outcome": outcome.value, "error": describe(exc)})
    metrics.add_metric(name=f"Sync{outcome.value.title().replace('_', '')}", unit=MetricUnit.Count, value=1)
    return outcome


def _record_quietly(
    message: SyncMessage,
    started: datetime,
    finished: datetime,
    outcome: SyncOutcome,
    error: str,
    stats: RunStats,
    log_keys: dict[str, str],
    lease: uuid.UUID | None = None,
) -> None:
    """Best effort: the database may be what failed; the retry matters more than this row.
    (If it did, the lease is left to expire: the retry comes after the visibility timeout.)"""
    try:
        record_failure(
            message,
            started,
            finished,
            outcome,
            error,
            stats,
            public_error=public_description(error),
            lease=lease,
        )
    except Exception as exc:
        logger.warning("could not record failed run", extra={**log_keys, "error": describe(exc)})


def public_description(error: str) -> str:
    """What a seller may read: Graph errors as they are (token-free), anything else generically
    (a database or network message can name hosts)."""
    graph_kinds = (
        "TransientError",
        "RateLimited",
        "TokenInvalid",
        "PermissionDenied",
        "InvalidRequest",
        "GraphError",
        "TokenDecryptionError",
    )
    if error.split(":", 1)[0] in graph_kinds:
        return error
    return "Internal error while syncing; the sync will be retried"


def describe(exc: BaseException) -> str:
    """A loggable description: GraphError messages are already free of tokens."""
    if isinstance(exc, GraphError):
        return f"{type(exc).__name__}: {exc}"
    return f"{type(exc).__name__}: {str(exc)[:MAX_ERROR_CHARS]}"


def _emit_metrics(kind: SyncKind, stats: RunStats, seconds: float) -> None:
    prefix = "Stats" if kind is SyncKind.STATS else "Delivery"
    metrics.add_metric(name=f"{prefix}RowsWritten", unit=MetricUnit.Count, value=stats.rows_written)
    metrics.add_metric(name=f"{prefix}GraphCalls", unit=MetricUnit.Count, value=stats.graph_calls)
    metrics.add_metric(name=f"{prefix}Seconds", unit=MetricUnit.Seconds, value=seconds)
