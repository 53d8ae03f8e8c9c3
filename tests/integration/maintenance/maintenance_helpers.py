"""Rows of every kind the maintenance run purges, dated relative to a fixed `NOW`."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta

from pixecom.crypto import encrypt_token
from pixecom.db.engine import session_scope
from pixecom.db.models import AdAccount, Job, JobItem
from pixecom.domain.enums import (
    CampaignStatus,
    ConnectionStatus,
    EntityLevel,
    JobItemOutcome,
    JobStatus,
)

NOW = datetime(2026, 11, 26, 4, 0, tzinfo=UTC)  # the time of events/schedule/maintenance.json


def days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def digest(text: str) -> bytes:
    return hashlib.sha256(text.encode()).digest()


def ad_account(seller_id: uuid.UUID, meta_id: str = "act_1", token: str = "tok-1") -> uuid.UUID:
    with session_scope() as s:
        account = AdAccount(
            seller_id=seller_id,
            meta_account_id=meta_id,
            name=f"Shop {meta_id}",
            currency="USD",
            timezone_name="UTC",
            access_token_encrypted=encrypt_token(token),
            connection_status=ConnectionStatus.ACTIVE,
        )
        s.add(account)
        s.flush()
        return account.id


def job_with_items(
    seller_id: uuid.UUID,
    account_id: uuid.UUID,
    *,
    finished_at: datetime | None,
    status: JobStatus = JobStatus.SUCCEEDED,
    items: int = 2,
) -> uuid.UUID:
    with session_scope() as s:
        job = Job(
            seller_id=seller_id,
            kind="status_change",
            level=EntityLevel.AD,
            target_status=CampaignStatus.PAUSED,
            status=status,
            created_at=(finished_at or NOW) - timedelta(minutes=1),
            finished_at=finished_at,
        )
        s.add(job)
        s.flush()
        for n in range(items):
            s.add(
                JobItem(
                    job_id=job.id,
                    seller_id=seller_id,
                    ad_account_id=account_id,
                    entity_id=uuid.uuid4(),
                    meta_id=f"9{n}",
                    name=f"Ad {n}",
                    from_status="ACTIVE",
                    to_status="PAUSED",
                    outcome=JobItemOutcome.APPLIED if finished_at else JobItemOutcome.PENDING,
                    attempts=1,
                )
            )
        return job.id
