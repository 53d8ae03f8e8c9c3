"""Bulk control: POST /ads-manager/status and /ads-manager/budgets (202, a job), GET /jobs,
GET /jobs/{id}, GET /audit.

Every query is sealed to the caller's seller; another seller's job is simply not found (404).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query
from fastapi.responses import JSONResponse

from pixecom.api.deps import CurrentSeller, DbSession, Now
from pixecom.api.errors import InvalidInput, NotFound
from pixecom.api.narrowing import check_entities
from pixecom.api.permits import requires
from pixecom.api.schemas.control import (
    AuditEntryOut,
    AuditListOut,
    BudgetChangeIn,
    JobAccepted,
    JobListOut,
    JobOut,
    JobSummaryOut,
    StatusChangeIn,
)
from pixecom.api.schemas.errors import error_responses
from pixecom.api.schemas.paging import Paging
from pixecom.control import audit as audit_log
from pixecom.control import queries
from pixecom.control.budgets import BudgetChange, BudgetTarget, enqueue_budget_change
from pixecom.control.jobs import StatusChange, enqueue_status_change
from pixecom.domain.budgets import BudgetType
from pixecom.domain.enums import CampaignStatus, EntityLevel
from pixecom.domain.permissions import Permission

router = APIRouter(tags=["control"])


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
def change_status(
    body: StatusChangeIn, caller: CurrentSeller, now: Now, idempotency_key: IdempotencyKey = None
) -> Any:
    """Queue a pause/activate of up to 500 campaigns, ad sets or ads; answers with the job id."""
    change = StatusChange(body.level, CampaignStatus(body.status), body.ids, idempotency_key)
    check_entities(caller, body.level, body.ids)
    result = enqueue_status_change(caller.seller_id, caller.user_id, change, now=now)
    headers = {"Idempotent-Replayed": "true"} if result.replayed else None
    return JSONResponse({"job_id": str(result.job_id)}, status_code=202, headers=headers)


@router.post(
    "/ads-manager/budgets",
    dependencies=[requires(Permission.ADS_WRITE)],
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
    level = EntityLevel(body.level)
    check_entities(caller, level, body.ids)
    change = BudgetChange(level, target, body.ids, idempotency_key)
    result = enqueue_budget_change(caller.seller_id, caller.user_id, change, now=now)
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
