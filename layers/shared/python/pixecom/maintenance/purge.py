"""Purges of rows past their retention, one transaction per table, each returning its count.

- login attempts older than LOGIN_ATTEMPT_RETENTION_DAYS (throttling reads 15 minutes of them);
- refresh tokens of families that expired more than REFRESH_TOKEN_RETENTION_DAYS ago (an expired
  family is refused whether its rows exist or not);
- Meta Login `state` rows that expired more than a day ago (single use, 10 minutes);
- the items of jobs that finished more than JOB_ITEM_RETENTION_DAYS ago (the job row and the
  audit log stay: the history keeps what was done, the job keeps its counts);
- sync runs older than SYNC_RUN_RETENTION_DAYS, per account and kind with the sync's own
  `prune_runs` (the worker prunes only the accounts that still sync; this catches the rest).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from pixecom.auth.throttle import purge_old_attempts
from pixecom.db.engine import session_scope
from pixecom.db.login_models import MetaOAuthState
from pixecom.db.models import AdAccount, Job, JobItem, RefreshToken
from pixecom.domain.enums import JobStatus, SyncKind
from pixecom.settings import Settings, get_settings
from pixecom.sync.recording import prune_runs

OAUTH_STATE_GRACE = timedelta(days=1)
UNFINISHED = (JobStatus.QUEUED, JobStatus.RUNNING)


@dataclass(frozen=True)
class Retentions:
    login_attempts: timedelta
    refresh_families: timedelta
    job_items: timedelta
    sync_runs: timedelta

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Retentions:
        s = settings or get_settings()
        return cls(
            login_attempts=timedelta(days=s.login_attempt_retention_days),
            refresh_families=timedelta(days=s.refresh_token_retention_days),
            job_items=timedelta(days=s.job_item_retention_days),
            sync_runs=timedelta(days=s.sync_run_retention_days),
        )


@dataclass(frozen=True)
class PurgeCounts:
    login_attempts: int
    refresh_tokens: int
    oauth_states: int
    job_items: int
    sync_runs: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def purge_all(now: datetime, retentions: Retentions | None = None) -> PurgeCounts:
    keep = retentions or Retentions.from_settings()
    return PurgeCounts(
        login_attempts=purge_login_attempts(now, keep.login_attempts),
        refresh_tokens=purge_expired_refresh_families(now, keep.refresh_families),
        oauth_states=purge_expired_oauth_states(now),
        job_items=purge_finished_job_items(now, keep.job_items),
        sync_runs=purge_sync_runs(now, keep.sync_runs),
    )


def purge_login_attempts(now: datetime, keep: timedelta) -> int:
    with session_scope() as session:
        return purge_old_attempts(session, now=now, keep=keep)


def purge_expired_refresh_families(now: datetime, keep: timedelta) -> int:
    with session_scope() as session:
        result = session.execute(delete(RefreshToken).where(RefreshToken.family_expires_at < now - keep))
        return _count(result)


def purge_expired_oauth_states(now: datetime) -> int:
    with session_scope() as session:
        result = session.execute(
            delete(MetaOAuthState).where(MetaOAuthState.expires_at < now - OAUTH_STATE_GRACE)
        )
        return _count(result)


def purge_finished_job_items(now: datetime, keep: timedelta) -> int:
    finished_long_ago = select(Job.id).where(
        Job.status.not_in(UNFINISHED), Job.finished_at.is_not(None), Job.finished_at < now - keep
    )
    with session_scope() as session:
        return _count(session.execute(delete(JobItem).where(JobItem.job_id.in_(finished_long_ago))))


def purge_sync_runs(now: datetime, keep: timedelta) -> int:
    with session_scope() as session:
        account_ids = session.scalars(select(AdAccount.id).order_by(AdAccount.id)).all()
    removed = 0
    for account_id in account_ids:
        with session_scope() as session:
            removed += sum(prune_runs(session, account_id, kind, now - keep) for kind in SyncKind)
    return removed


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)
