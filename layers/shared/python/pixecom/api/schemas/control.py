"""Request and response bodies of the control routes (`api/routers/control.py`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pixecom.api.schemas.base import OutModel
from pixecom.api.schemas.paging import Paging
from pixecom.control.rules import MAX_IDS_PER_REQUEST
from pixecom.domain.enums import CampaignStatus, EntityLevel, JobItemOutcome, JobStatus


class StatusChangeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    level: EntityLevel
    ids: list[uuid.UUID] = Field(min_length=1, max_length=MAX_IDS_PER_REQUEST)
    status: Literal["ACTIVE", "PAUSED"]


JobKind = Literal["status_change"]


class JobAccepted(OutModel):
    job_id: uuid.UUID


class JobItemOut(OutModel):
    id: uuid.UUID = Field(description="the campaign, ad set or ad")
    name: str
    from_status: CampaignStatus
    to_status: CampaignStatus
    outcome: JobItemOutcome
    error: str | None


class JobOut(OutModel):
    id: uuid.UUID
    kind: JobKind
    status: JobStatus
    created_at: datetime
    finished_at: datetime | None
    items: list[JobItemOut]


class JobCounts(OutModel):
    """Items per outcome."""

    pending: int = 0
    applied: int = 0
    failed: int = 0
    skipped: int = 0


class JobSummaryOut(OutModel):
    id: uuid.UUID
    kind: JobKind
    level: EntityLevel
    target_status: CampaignStatus
    status: JobStatus
    created_at: datetime
    finished_at: datetime | None
    counts: JobCounts


class JobListOut(OutModel):
    data: list[JobSummaryOut]
    paging: Paging


class AuditAction(StrEnum):
    STATUS_CHANGE_REQUESTED = "status_change_requested"
    STATUS_CHANGE = "status_change"
    BUDGET_CHANGE = "budget_change"  # an automated rule's daily_budget change (minor units)


class AuditDetail(OutModel):
    """What else the entry records: `items` for a request; `meta_id`, `attempts`, `error` for an item."""

    items: int | None = None
    meta_id: str | None = None
    attempts: int | None = None
    error: str | None = None


class AuditEntryOut(OutModel):
    id: int
    at: datetime
    user_id: uuid.UUID | None
    rule_id: uuid.UUID | None = Field(default=None, description="Set when an automated rule acted")
    action: AuditAction
    entity_level: EntityLevel | None
    entity_id: uuid.UUID | None
    entity_name: str | None
    from_status: CampaignStatus | str | None = Field(description="A status, or a daily budget in minor units")
    to_status: CampaignStatus | str | None = Field(description="A status, or a daily budget in minor units")
    outcome: Literal["accepted", "applied", "failed", "skipped"] | None
    job_id: uuid.UUID | None
    detail: AuditDetail | None


class AuditListOut(OutModel):
    data: list[AuditEntryOut]
    paging: Paging
