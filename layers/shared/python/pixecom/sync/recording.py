"""Run recording: the `sync_runs` rows and the account's attempt, success and error stamps.

The run lifecycle (sync/runs.py) decides what happened; this module writes it down. What a
seller may read about a failure (`last_*_error`) is chosen from the exception's type: Meta's
errors as they are (already free of tokens), anything else as a generic sentence, since a
database or network message can name hosts.
(Moved from sync/runs.py.)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aws_lambda_powertools.metrics import MetricUnit
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pixecom.crypto import TokenDecryptionError
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount, SyncRun
from pixecom.domain.enums import ConnectionStatus, SyncKind, SyncOutcome
from pixecom.meta.errors import GraphError
from pixecom.observability import metrics
from pixecom.settings import get_settings
from pixecom.sync import leases
from pixecom.sync_message import SyncMessage

MAX_ERROR_CHARS = 1000
GENERIC_SYNC_ERROR = "Internal error while syncing; the sync will be retried"


@dataclass(frozen=True)
class AccountRef:
    """The parts of an ad account a worker needs, read once at the start of a run."""

    id: uuid.UUID
    seller_id: uuid.UUID
    meta_account_id: str
    timezone_name: str
    currency: str


@dataclass
class RunStats:
    """Counters a run reports into its sync_runs row."""

    rows_written: int = 0
    rows_deleted: int = 0
    graph_calls: int = 0
    warnings: list[str] = field(default_factory=list)


def account_ref(account: AdAccount) -> AccountRef:
    return AccountRef(
        account.id, account.seller_id, account.meta_account_id, account.timezone_name, account.currency
    )


def set_attempt(account: AdAccount, kind: SyncKind, now: datetime) -> None:
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
    run = new_run(message, account_ref(account), started, SyncOutcome.SUCCEEDED)
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
    prune_runs(session, account.id, message.kind, finished - run_retention())
    return run


def hold_throttle(account: AdAccount, until: datetime) -> None:
    """Keep the later of the stored and the new `throttled_until`."""
    current = account.throttled_until
    account.throttled_until = until if current is None else max(current, until)


def run_retention() -> timedelta:
    """How long runs are kept: backfill chunks are counted once via runs younger than this."""
    return timedelta(days=get_settings().sync_run_retention_days)


def prune_runs(session: Session, account_id: uuid.UUID, kind: SyncKind, before: datetime) -> int:
    """Forget the account's runs of `kind` started before `before` (index range on
    (ad_account_id, kind, started_at)): ~400 runs a day per account would otherwise pile up."""
    result = session.execute(
        delete(SyncRun).where(
            SyncRun.ad_account_id == account_id, SyncRun.kind == kind, SyncRun.started_at < before
        )
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def record_failure(
    message: SyncMessage,
    started: datetime,
    finished: datetime,
    outcome: SyncOutcome,
    exc: BaseException,
    stats: RunStats,
    *,
    throttled_until: datetime | None = None,
    lease: uuid.UUID | None = None,
) -> None:
    """In its own transaction: the failed run, the account's last error, throttle or re-auth flag,
    and the run's lease released. The run keeps `describe(exc)`; the seller sees `public_error(exc)`.
    """
    error = describe(exc)
    with session_scope() as session:
        account = lock_account(session, message.account_id)
        if account is None:
            return
        run = new_run(message, account_ref(account), started, outcome)
        run.finished_at, run.error, run.graph_calls = finished, error[:MAX_ERROR_CHARS], stats.graph_calls
        run.duration_ms = int((finished - started).total_seconds() * 1000)
        session.add(run)
        _set_result(account, message.kind, finished, public_error(exc)[:MAX_ERROR_CHARS])
        if lease is not None:
            leases.release(session, lease)
        if throttled_until is not None:
            hold_throttle(account, throttled_until)
        if outcome is SyncOutcome.NEEDS_REAUTH:
            account.connection_status = ConnectionStatus.NEEDS_REAUTH
            account.connection_error = error[:MAX_ERROR_CHARS]


def public_error(exc: BaseException) -> str:
    """What a seller may read about a failed sync, chosen by the exception's type: Meta's errors
    and an undecryptable token as they are (token-free), anything else generically."""
    if isinstance(exc, GraphError | TokenDecryptionError):
        return describe(exc)
    return GENERIC_SYNC_ERROR


def describe(exc: BaseException) -> str:
    """A loggable description: GraphError messages are already free of tokens."""
    if isinstance(exc, GraphError):
        return f"{type(exc).__name__}: {exc}"
    return f"{type(exc).__name__}: {str(exc)[:MAX_ERROR_CHARS]}"


def emit_success_metrics(kind: SyncKind, stats: RunStats, seconds: float) -> None:
    prefix = "Stats" if kind is SyncKind.STATS else "Delivery"
    metrics.add_metric(name=f"{prefix}RowsWritten", unit=MetricUnit.Count, value=stats.rows_written)
    metrics.add_metric(name=f"{prefix}GraphCalls", unit=MetricUnit.Count, value=stats.graph_calls)
    metrics.add_metric(name=f"{prefix}Seconds", unit=MetricUnit.Seconds, value=seconds)
