"""Bulk control: POST /ads-manager/status and /ads-manager/budgets (202, a job), GET /jobs,
GET /jobs/{id}, GET /audit.

Every query is sealed to the caller's seller; another seller's job is simply not found (404).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator

from pixecom.api.deps import CurrentSeller, DbSession, Now
from pixecom.api.errors import InvalidInput, NotFound
from pixecom.api.schemas.ads_manager import Currency, MoneyString
from pixecom.api.schemas.base import OutModel
from pixecom.api.schemas.errors import error_responses
from pixecom.api.schemas.paging import Paging
from pixecom.control import audit as audit_log
from pixecom.control import queries
from pixecom.control.budgets import BudgetChange, BudgetTarget, enqueue_budget_change
from pixecom.control.jobs import StatusChange, enqueue_status_change
from pixecom.control.rules import MAX_IDS_PER_REQUEST
from pixecom.domain.budgets import BudgetType
from pixecom.domain.enums import CampaignStatus, EntityLevel, JobItemOutcome, JobStatus

router = APIRouter(tags=["control"])


class StatusChangeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    level: EntityLevel
    ids: list[uuid.UUID] = Field(min_length=1, max_length=MAX_IDS_PER_REQUEST)
    status: Literal["ACTIVE", "PAUSED"]


class BudgetAmountIn(BaseModel):
    """Money: an amount in a currency's units, with that currency (it must be the ad account's)."""

    model_config = ConfigDict(extra="forbid")

    amount: Annotated[Decimal, Field(gt=0, max_digits=18, decimal_places=4, examples=["50.00"])]
    currency: Currency


class BudgetIn(BaseModel):
    """The budget to set: `amount`, or `percent` (a change of the current budget: 10 is +10%)."""

    model_config = ConfigDict(extra="forbid")

    type: BudgetType
    amount: BudgetAmountIn | None = None
    percent: Annotated[Decimal | None, Field(ge=-90, le=1000, decimal_places=2, examples=["10"])] = None

    @model_validator(mode="after")
    def _one_of(self) -> BudgetIn:
        if (self.amount is None) == (self.percent is None):
            raise ValueError("give either amount or percent")
        if self.percent == 0:
            raise ValueError("percent must not be 0")
        return self


class BudgetChangeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    level: Literal["campaign", "adset"]
    ids: list[uuid.UUID] = Field(min_length=1, max_length=MAX_IDS_PER_REQUEST)
    budget: BudgetIn


JobKind = Literal["status_change", "budget_change"]


class BudgetRequestOut(OutModel):
    """What a budget job asked for."""

    type: BudgetType
    amount: MoneyString | None = None
    currency: Currency | None = None
    percent: str | None = Field(default=None, description="a change in percent, e.g. '10' or '-15'")


class JobAccepted(OutModel):
    job_id: uuid.UUID


class JobItemOut(OutModel):
    id: uuid.UUID = Field(description="the campaign, ad set or ad")
    name: str
    from_status: CampaignStatus
    to_status: CampaignStatus
    outcome: JobItemOutcome
    error: str | None
    from_budget: MoneyString | None = Field(
        default=None, description="a budget job's: the budget before, in the ad account's currency"
    )
    to_budget: MoneyString | None = Field(default=None, description="a budget job's: the budget asked for")


class JobOut(OutModel):
    id: uuid.UUID
    kind: JobKind
    status: JobStatus
    created_at: datetime
    finished_at: datetime | None
    budget: BudgetRequestOut | None = None
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
    target_status: CampaignStatus | None = Field(description="a status job's target; null for a budget job")
    budget: BudgetRequestOut | None = None
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
    BUDGET_CHANGE_REQUESTED = "budget_change_requested"
    BUDGET_CHANGE = "budget_change"  # from and to: budgets as money in the account's currency


class AuditDetail(OutModel):
    """What else the entry records: `items` for a request; `meta_id`, `attempts`, `error` for an item."""

    items: int | None = None
    meta_id: str | None = None
    attempts: int | None = None
    error: str | None = None
    budget_type: BudgetType | None = None
    budget: BudgetRequestOut | None = None


class AuditEntryOut(OutModel):
    id: int
    at: datetime
    user_id: uuid.UUID | None
    rule_id: uuid.UUID | None = Field(default=None, description="Set when an automated rule acted")
    action: AuditAction
    entity_level: EntityLevel | None
    entity_id: uuid.UUID | None
    entity_name: str | None
    from_status: CampaignStatus | str | None = Field(
        description="A status, or a budget as money in the ad account's currency"
    )
    to_status: CampaignStatus | str | None = Field(
        description="A status, or a budget as money in the ad account's currency"
    )
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
    status_code=202,
    response_model=JobAccepted,
    responses=error_responses(400, 401, 404, 409, 422, 503),
)
def change_status(body: StatusChangeIn, caller: CurrentSeller, idempotency_key: IdempotencyKey = None) -> Any:
    """Queue a pause/activate of up to 500 campaigns, ad sets or ads; answers with the job id."""
    change = StatusChange(body.level, CampaignStatus(body.status), body.ids, idempotency_key)
    result = enqueue_status_change(caller.seller_id, caller.user_id, change)
    headers = {"Idempotent-Replayed": "true"} if result.replayed else None
    return JSONResponse({"job_id": str(result.job_id)}, status_code=202, headers=headers)


@router.post(
    "/ads-manager/budgets",
    status_code=202,
    response_model=JobAccepted,
    responses=error_responses(400, 401, 404, 409, 422, 503),
)
def change_budgets(
    body: BudgetChangeIn, caller: CurrentSeller, now: Now, idempotency_key: IdempotencyKey = None
) -> Any:
    """Queue a daily or lifetime budget (an amount, or a change in percent) on up to 500 campaigns
    or ad sets; answers with the job id. Each item that Meta would refuse (the budget lives on the
    other level, the other budget type, another currency, below the account's minimum daily
    budget, a fifth change of an ad set within the hour) fails at once with the reason."""
    budget = body.budget
    target = BudgetTarget(
        BudgetType(budget.type),
        amount=budget.amount.amount if budget.amount is not None else None,
        currency=budget.amount.currency if budget.amount is not None else None,
        percent=budget.percent,
    )
    change = BudgetChange(EntityLevel(body.level), target, body.ids, idempotency_key)
    result = enqueue_budget_change(caller.seller_id, caller.user_id, change, now=lambda: now)
    headers = {"Idempotent-Replayed": "true"} if result.replayed else None
    return JSONResponse({"job_id": str(result.job_id)}, status_code=202, headers=headers)


@router.get("/jobs", response_model=JobListOut, responses=error_responses(401, 422))
def list_jobs(
    caller: CurrentSeller,
    session: DbSession,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_JOBS_PAGE)] = 20,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> JobListOut:
    """The seller's recent jobs, newest first, with item counts per outcome."""
    try:
        page = queries.list_jobs(session, caller.seller_id, limit=limit, cursor=cursor)
    except ValueError:
        raise InvalidInput("cursor: not a cursor from this API", field="cursor") from None
    return JobListOut(
        data=[JobSummaryOut.model_validate(j, from_attributes=True) for j in page.jobs],
        paging=Paging(next_cursor=page.next_cursor),
    )


@router.get("/jobs/{job_id}", response_model=JobOut, responses=error_responses(401, 404, 422))
def get_job(job_id: uuid.UUID, caller: CurrentSeller, session: DbSession) -> JobOut:
    """One job with what happened to each item."""
    view = queries.get_job(session, caller.seller_id, job_id)
    if view is None:
        raise NotFound("Job not found")
    return JobOut.model_validate(view, from_attributes=True)


@router.get("/audit", response_model=AuditListOut, responses=error_responses(401, 422))
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
            session, caller.seller_id, limit=limit, cursor=cursor, job_id=job_id, entity_id=entity_id
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
                    "rule_id": e.rule_id,
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
