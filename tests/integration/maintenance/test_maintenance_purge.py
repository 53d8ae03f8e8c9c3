"""The daily maintenance run: each purge removes exactly the rows past their retention and keeps
the recent ones; the Lambda handler runs with its sample event."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from maintenance_helpers import NOW, ad_account, days_ago, digest, job_with_items
from sqlalchemy import func, select

from lambda_support import load_event, load_handler
from pixecom.db.engine import session_scope
from pixecom.db.login_models import MetaOAuthState
from pixecom.db.models import Job, JobItem, LoginAttempt, RefreshToken, SyncRun
from pixecom.domain.enums import JobStatus, SyncKind, SyncOutcome
from pixecom.maintenance.purge import (
    Retentions,
    purge_expired_oauth_states,
    purge_expired_refresh_families,
    purge_finished_job_items,
    purge_login_attempts,
    purge_sync_runs,
)
from pixecom.maintenance.run import run_maintenance
from pixecom.settings import Settings, SettingsError

KEEP = Retentions(
    login_attempts=timedelta(days=30),
    refresh_families=timedelta(days=7),
    job_items=timedelta(days=90),
    sync_runs=timedelta(days=14),
)


def _login_attempts(*ages: float) -> None:
    with session_scope() as s:
        for age in ages:
            s.add(
                LoginAttempt(
                    email=f"{age}@x.com", client_ip="10.0.0.1", succeeded=False, attempted_at=days_ago(age)
                )
            )


def _remaining_attempt_ages() -> list[float]:
    with session_scope() as s:
        times = s.scalars(select(LoginAttempt.attempted_at).order_by(LoginAttempt.attempted_at)).all()
    return [round((NOW - t) / timedelta(days=1), 1) for t in times]


def test_login_attempts_older_than_their_retention_are_purged(db_url):
    _login_attempts(45, 30.5, 29.5, 1)

    assert purge_login_attempts(NOW, KEEP.login_attempts) == 2
    assert _remaining_attempt_ages() == [29.5, 1.0]


def _refresh_family(
    user_id: uuid.UUID, seller_id: uuid.UUID, expired_days_ago: float, tokens: int = 2
) -> uuid.UUID:
    family = uuid.uuid4()
    with session_scope() as s:
        for n in range(tokens):
            s.add(
                RefreshToken(
                    seller_id=seller_id,
                    user_id=user_id,
                    family_id=family,
                    token_hash=digest(f"{family}-{n}"),
                    issued_at=days_ago(expired_days_ago + 30),
                    family_expires_at=days_ago(expired_days_ago),
                )
            )
    return family


def test_refresh_families_expired_longer_than_the_retention_are_purged(make_seller):
    seller = make_seller()
    old = _refresh_family(seller.user_id, seller.seller_id, expired_days_ago=8)
    recently_expired = _refresh_family(seller.user_id, seller.seller_id, expired_days_ago=6)
    live = _refresh_family(seller.user_id, seller.seller_id, expired_days_ago=-20)

    assert purge_expired_refresh_families(NOW, KEEP.refresh_families) == 2
    with session_scope() as s:
        families = set(s.scalars(select(RefreshToken.family_id)).all())
    assert old not in families and families == {recently_expired, live}


def test_oauth_states_expired_over_a_day_ago_are_purged(make_seller):
    seller = make_seller()
    with session_scope() as s:
        for name, expired_days_ago in (("old", 2), ("just-expired", 0.5), ("live", -0.005)):
            s.add(
                MetaOAuthState(
                    seller_id=seller.seller_id,
                    user_id=seller.user_id,
                    state_hash=digest(name),
                    created_at=days_ago(expired_days_ago + 0.007),
                    expires_at=days_ago(expired_days_ago),
                )
            )

    assert purge_expired_oauth_states(NOW) == 1
    with session_scope() as s:
        left = set(s.scalars(select(MetaOAuthState.state_hash)).all())
    assert left == {digest("just-expired"), digest("live")}


def _items_per_job() -> dict[uuid.UUID, int]:
    with session_scope() as s:
        counts = dict(s.execute(select(JobItem.job_id, func.count()).group_by(JobItem.job_id)).all())
        return {job_id: counts.get(job_id, 0) for job_id in s.scalars(select(Job.id)).all()}


def test_items_of_jobs_finished_before_the_retention_are_purged_and_the_jobs_stay(make_seller):
    seller = make_seller()
    account = ad_account(seller.seller_id)
    old = job_with_items(seller.seller_id, account, finished_at=days_ago(91), items=3)
    recent = job_with_items(seller.seller_id, account, finished_at=days_ago(89))
    unfinished = job_with_items(seller.seller_id, account, finished_at=None, status=JobStatus.RUNNING)

    assert purge_finished_job_items(NOW, KEEP.job_items) == 3
    assert _items_per_job() == {old: 0, recent: 2, unfinished: 2}


def _runs(account_id: uuid.UUID, seller_id: uuid.UUID, kind: SyncKind, *ages: float) -> None:
    with session_scope() as s:
        for age in ages:
            s.add(
                SyncRun(
                    seller_id=seller_id,
                    ad_account_id=account_id,
                    kind=kind,
                    started_at=days_ago(age),
                    finished_at=days_ago(age),
                    outcome=SyncOutcome.SUCCEEDED,
                )
            )


def test_sync_runs_beyond_their_retention_are_purged_for_every_account_and_kind(make_seller):
    seller = make_seller()
    first, second = ad_account(seller.seller_id, "act_1"), ad_account(seller.seller_id, "act_2")
    _runs(first, seller.seller_id, SyncKind.STATS, 20, 15, 13, 0.1)
    _runs(first, seller.seller_id, SyncKind.DELIVERY, 14.5, 2)
    _runs(second, seller.seller_id, SyncKind.STATS, 30)

    assert purge_sync_runs(NOW, KEEP.sync_runs) == 4
    with session_scope() as s:
        left = s.execute(select(SyncRun.ad_account_id, SyncRun.kind, SyncRun.started_at)).all()
    assert sorted((a == first, k.value, round((NOW - t) / timedelta(days=1), 1)) for a, k, t in left) == [
        (True, "delivery", 2.0),
        (True, "stats", 0.1),
        (True, "stats", 13.0),
    ]


def test_the_run_reports_a_count_per_table(make_seller):
    seller = make_seller()
    _login_attempts(31, 1)
    _refresh_family(seller.user_id, seller.seller_id, expired_days_ago=10, tokens=3)
    account = ad_account(seller.seller_id)
    job_with_items(seller.seller_id, account, finished_at=days_ago(100), items=4)
    _runs(account, seller.seller_id, SyncKind.STATS, 15, 16)

    result = run_maintenance(NOW, KEEP)

    assert result["purged"] == {
        "login_attempts": 1,
        "refresh_tokens": 3,
        "oauth_states": 0,
        "job_items": 4,
        "sync_runs": 2,
    }
    assert result["tokens"]["tables"]["ad_accounts"] == {"reencrypted": 0, "current": 1, "unreadable": 0}


def test_the_handler_runs_with_its_scheduled_event(make_seller, lambda_context):
    _login_attempts(40, 2)  # the event's time is NOW; the default retention is 30 days

    result = load_handler("maintenance").handler(load_event("schedule/maintenance.json"), lambda_context)

    assert result["purged"]["login_attempts"] == 1
    assert _remaining_attempt_ages() == [2.0]


def test_sync_runs_cannot_be_kept_for_less_than_the_backfill_needs(monkeypatch):
    monkeypatch.setenv("SYNC_RUN_RETENTION_DAYS", "7")
    with pytest.raises(SettingsError, match="SYNC_RUN_RETENTION_DAYS"):
        Settings.from_env()


def test_the_local_command_runs_the_maintenance_and_prints_the_counts(db_url, capsys):
    from local.command import main

    _login_attempts(400, 0)

    assert main(["maintenance"]) == 0
    assert json.loads(capsys.readouterr().out)["purged"]["login_attempts"] == 1
