"""GET /api/ads-manager/breakdown-jobs/{id}: a breakdown report a list answered 202 with, polled
until Meta has computed it (pixecom.breakdowns)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from pixecom.api.deps import CurrentSeller, DbSession
from pixecom.api.errors import NotFound
from pixecom.api.permits import requires
from pixecom.api.schemas.breakdowns import BreakdownJob
from pixecom.api.schemas.errors import error_responses
from pixecom.breakdowns.jobs import job_view
from pixecom.domain.permissions import Permission

router = APIRouter(prefix="/ads-manager", tags=["ads-manager"])


@router.get(
    "/breakdown-jobs/{job_id}",
    dependencies=[requires(Permission.READ)],
    response_model=BreakdownJob,
    responses=error_responses(401, 404, 422),
)
def get_breakdown_job(job_id: uuid.UUID, caller: CurrentSeller, session: DbSession) -> BreakdownJob:
    """One breakdown report: `done` means the list asked for again now carries its breakdown rows."""
    allowed = caller.ad_account_ids
    view = job_view(session, caller.seller_id, job_id, lambda account: allowed is None or account in allowed)
    if view is None:
        raise NotFound("No such breakdown job")
    return BreakdownJob.model_validate(view.as_json())
