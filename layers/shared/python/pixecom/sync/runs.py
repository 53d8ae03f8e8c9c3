"""The run lifecycle: one sync of one account: load it, call Graph, hand the outcome to
sync/recording.py (the sync_runs row, the account's stamps). The failure policy lives here.

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
from datetime import datetime

from aws_lambda_powertools.metrics import MetricUnit
from sqlalchemy.orm import Session

from pixecom.clock import Clock, utc_now
from pixecom.crypto import TokenDecryptionError, decrypt_token
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount, SyncRun
from pixecom.domain.enums import ConnectionStatus, SyncKind, SyncOutcome
from pixecom.meta.client import GraphClient
from pixecom.meta.errors import InvalidRequest, PermissionDenied, RateLimited, TokenInvalid
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.observability import logger, metrics
from pixecom.sync import backfill, leases
from pixecom.sync.recording import (
    AccountRef,
    RunStats,
    account_ref,
    describe,
    emit_success_metrics,
    lock_account,
    record_failure,
    record_success,
    set_attempt,
)
from pixecom.sync_message import SyncMessage


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
        set_attempt(account, message.kind, now)
        return _Loaded(account_ref(account), bytes(account.access_token_encrypted), lease)


def _put_back(message: SyncMessage) -> None:
    """A consumed message that did not finish its backfill chunk: the chunk is pending again."""
    if not message.backfill:
        return
    with session_scope() as session:
        backfill.mark_pending(session, message)


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
    emit_success_metrics(message.kind, stats, seconds)
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
        _record_quietly(message, started, finished, outcome, exc, stats, log_keys, lease)
        logger.warning("sync failed, message will be retried", extra={**log_keys, "error": describe(exc)})
        raise exc
    record_failure(message, started, finished, outcome, exc, stats, throttled_until=throttle, lease=lease)
    _put_back(message)
    logger.warning("sync not completed", extra={**log_keys, "outcome": outcome.value, "error": describe(exc)})
    metrics.add_metric(name=f"Sync{outcome.value.title().replace('_', '')}", unit=MetricUnit.Count, value=1)
    return outcome


def _record_quietly(
    message: SyncMessage,
    started: datetime,
    finished: datetime,
    outcome: SyncOutcome,
    exc: Exception,
    stats: RunStats,
    log_keys: dict[str, str],
    lease: uuid.UUID | None = None,
) -> None:
    """Best effort: the database may be what failed; the retry matters more than this row.
    (If it did, the lease is left to expire: the retry comes after the visibility timeout.)"""
    try:
        record_failure(message, started, finished, outcome, exc, stats, lease=lease)
    except Exception as failure:
        logger.warning("could not record failed run", extra={**log_keys, "error": describe(failure)})
