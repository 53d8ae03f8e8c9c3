"""Bulk status control: POST /ads-manager/status (202, a job), GET /jobs, GET /jobs/{id}, GET /audit.

Every query is sealed to the caller's seller; another seller's job is simply not found (404).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from pixecom.api.deps import CurrentSeller, DbSession
from pixecom.api.errors import InvalidInput, NotFound
from pixecom.api.narrowing import check_entities
from pixecom.api.permits import requires
from pixecom.api.schemas.base import OutModel
from pixecom.api.schemas.errors import error_responses
from pixecom.api.schemas.paging import Paging
from pixecom.control import audit as audit_log
from pixecom.control import queries
from pixecom.control.jobs import StatusChange, enqueue_status_change
from pixecom.control.rules import MAX_IDS_PER_REQUEST
from pixecom.domain.enums import CampaignStatus, EntityLevel, JobItemOutcome, JobStatus
from pixecom.domain.permissions import Permission

router = APIRouter(tags=["control"])


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
    # team changes (pixecom.auth.team): entity_level "member", from/to the role
    MEMBER_INVITED = "member_invited"
    INVITATION_CANCELLED = "invitation_cancelled"
    MEMBER_JOINED = "member_joined"
    MEMBER_CHANGED = "member_changed"
    MEMBER_REMOVED = "member_removed"
    OWNERSHIP_TRANSFERRED = "ownership_transferred"
    # other writes through the API (pixecom.control.audit.record_write)
    RULE_CREATED = "rule_created"
    RULE_CHANGED = "rule_changed"
    RULE_DELETED = "rule_deleted"
    RULE_ENABLED = "rule_enabled"
    RULE_DISABLED = "rule_disabled"
    ALERT_ACKNOWLEDGED = "alert_acknowledged"
    ALERT_SETTINGS_CHANGED = "alert_settings_changed"
    WEBHOOK_SET = "webhook_set"
    WEBHOOK_DELETED = "webhook_deleted"
    SELLPAGE_CREATED = "sellpage_created"
    SELLPAGE_CHANGED = "sellpage_changed"
    SELLPAGE_DELETED = "sellpage_deleted"
    CAMPAIGN_SELLPAGE_SET = "campaign_sellpage_set"
    AD_ACCOUNT_CONNECTED = "ad_account_connected"
    AD_ACCOUNT_TOKEN_REPLACED = "ad_account_token_replaced"
    AD_ACCOUNT_DISCONNECTED = "ad_account_disconnected"


class AuditDetail(OutModel):
    """What else the entry records: `items` for a request; `meta_id`, `attempts`, `error` for an item."""

    items: int | None = None
    meta_id: str | None = None
    attempts: int | None = None
    error: str | None = None
    ad_account_ids: list[str] | None = None  # member_changed: the member's ad accounts (null: all)


class AuditEntryOut(OutModel):
    id: int
    at: datetime
    user_id: uuid.UUID | None
    user_email: str | None = Field(description="The person who acted (or joined), when one did")
    rule_id: uuid.UUID | None = Field(default=None, description="Set when an automated rule acted")
    rule_name: str | None = Field(description="The rule that acted")
    rule_created_by: uuid.UUID | None = Field(description="Who made the rule that acted")
    rule_created_by_email: str | None
    action: AuditAction
    entity_level: (
        EntityLevel
        | Literal["member", "rule", "alert", "alert_settings", "webhook", "sellpage", "ad_account"]
        | None
    ) = Field(description="What the entry is about: an Ads Manager level, or another kind of object")
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


IdempotencyKey = Annotated[
    str | None,
    Header(alias="Idempotency-Key", min_length=1, max_length=200, pattern=r"^[\x21-\x7e]+$"),
]


@router.post(
    "/ads-manager/status",
    dependencies=[requires(Permission.ADS_WRITE)],
    status_code=202,
    response_model=JobAccepted,
    responses=error_responses(400, 401, 404, 409, 422, 503),
)
def change_status(body: StatusChangeIn, caller: CurrentSeller, idempotency_key: IdempotencyKey = None) -> Any:
    """Queue a pause/activate of up to 500 campaigns, ad sets or ads; answers with the job id."""
    change = StatusChange(body.level, CampaignStatus(body.status), body.ids, idempotency_key)
    check_entities(caller, body.level, body.ids)
    result = enqueue_status_change(caller.seller_id, caller.user_id, change)
    headers = {"Idempotent-Replayed": "true"} if result.replayed else None
    return JSONResponse({"job_id": str(result.job_id)}, status_code=202, headers=headers)


@router.get(
    "/jobs",
    dependencies=[requires(Permission.READ)],
    response_model=JobListOut,
    responses=error_responses(401, 422),
)
def list_jobs(
    caller: CurrentSeller,
    session: DbSession,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_JOBS_PAGE)] = 20,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> JobListOut:
    """The seller's recent jobs, newest first, with item counts per outcome."""
    try:
        page = queries.list_jobs(
            session, caller.seller_id, limit=limit, cursor=cursor, accounts=caller.ad_account_ids
        )
    except ValueError:
        raise InvalidInput("cursor: not a cursor from this API", field="cursor") from None
    return JobListOut(
        data=[JobSummaryOut.model_validate(j, from_attributes=True) for j in page.jobs],
        paging=Paging(next_cursor=page.next_cursor),
    )


@router.get(
    "/jobs/{job_id}",
    dependencies=[requires(Permission.READ)],
    response_model=JobOut,
    responses=error_responses(401, 404, 422),
)
def get_job(job_id: uuid.UUID, caller: CurrentSeller, session: DbSession) -> JobOut:
    """One job with what happened to each item."""
    view = queries.get_job(session, caller.seller_id, job_id, accounts=caller.ad_account_ids)
    if view is None:
        raise NotFound("Job not found")
    return JobOut.model_validate(view, from_attributes=True)


@router.get(
    "/audit",
    dependencies=[requires(Permission.READ)],
    response_model=AuditListOut,
    responses=error_responses(401, 422),
)
def list_audit(
    caller: CurrentSeller,
    session: DbSession,
    limit: Annotated[int, Query(ge=1, le=audit_log.MAX_AUDIT_PAGE)] = 50,
    cursor: Annotated[str | None, Query(max_length=40)] = None,
    job_id: uuid.UUID | None = None,
    entity_id: uuid.UUID | None = None,
) -> AuditListOut:
    """The seller's audit log, newest first; `cursor` continues where the last page ended."""
    try:
        page = audit_log.list_audit(
            session,
            caller.seller_id,
            limit=limit,
            cursor=cursor,
            job_id=job_id,
            entity_id=entity_id,
            accounts=caller.ad_account_ids,
        )
    except ValueError:
        raise InvalidInput("cursor: not a cursor from this API", field="cursor") from None
    return AuditListOut(
        data=[
            AuditEntryOut.model_validate(
                {
                    "id": e.id,
                    "at": e.at,
                    "user_id": e.user_id,
                    "user_email": e.user_email,
                    "rule_id": e.rule_id,
                    "rule_name": e.rule_name,
                    "rule_created_by": e.rule_created_by,
                    "rule_created_by_email": e.rule_created_by_email,
                    "action": e.action,
                    "entity_level": e.entity_level,
                    "entity_id": e.entity_id,
                    "entity_name": e.entity_name,
                    "from_status": e.from_value,
                    "to_status": e.to_value,
                    "outcome": e.outcome,
                    "job_id": e.job_id,
                    "detail": e.detail,
                }
            )
            for e in page.entries
        ],
        paging=Paging(next_cursor=page.next_cursor),
    )
