"""Breakdown report bodies: the 202 of a list whose breakdown Meta still has to compute, and the
report a client polls (`GET /api/ads-manager/breakdown-jobs/{id}`)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import Field

from pixecom.adsmanager.breakdowns import Breakdown
from pixecom.api.schemas.base import OutModel


class BreakdownJob(OutModel):
    """One Meta report: an ad account's breakdown over its own date range."""

    id: uuid.UUID
    ad_account_id: uuid.UUID
    breakdown: Breakdown
    since: date
    until: date
    status: Literal["queued", "running", "done", "failed"] = Field(
        description="`done`: ask for the list again; `failed`: `error` says why (asking again retries)"
    )
    percent_complete: int = Field(ge=0, le=100, description="Meta's own estimate while it runs")
    error: str | None
    created_at: datetime
    finished_at: datetime | None


class BreakdownPending(OutModel):
    """The list's breakdown is being computed by Meta: poll the jobs, then ask for the list again."""

    breakdown: Breakdown
    jobs: list[BreakdownJob] = Field(description="the reports not ready yet, one per ad account")
    retry_after_seconds: int = Field(description="a sensible wait before polling (also `Retry-After`)")
