"""Sellpages CRUD (/api/sellpages) and a campaign's hand-set sellpage (PATCH /api/campaigns/{id})."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Response

from pixecom.api.deps import Caller, CurrentSeller, DbSession, Now
from pixecom.api.errors import NotFound
from pixecom.api.narrowing import check_entities
from pixecom.api.permits import requires
from pixecom.api.schemas.errors import error_responses
from pixecom.api.schemas.sellpages import (
    CampaignSellpageOut,
    CampaignUpdate,
    SellpageCreate,
    SellpageList,
    SellpageOut,
    SellpageUpdate,
)
from pixecom.control.audit import record_write
from pixecom.db.models import Sellpage
from pixecom.domain.enums import EntityLevel
from pixecom.domain.permissions import Permission
from pixecom.sellpages import service
from pixecom.sellpages.linking import link_campaigns_to_sellpages

router = APIRouter(tags=["sellpages"])


def _payload(page: Sellpage) -> dict[str, Any]:
    return {
        "id": str(page.id),
        "name": page.name,
        "url": page.url,
        "url_key": page.url_key,
        "created_at": page.created_at.isoformat() if page.created_at else None,
    }


def _audit(
    db: DbSession,
    caller: Caller,
    action: str,
    entity_id: uuid.UUID,
    name: str | None,
    subject: str = "sellpage",
    *,
    now: datetime,
) -> None:
    record_write(
        db, caller.seller_id, caller.user_id, action, subject, entity_id=entity_id, entity_name=name, now=now
    )


@router.get(
    "/sellpages",
    dependencies=[requires(Permission.READ)],
    response_model=SellpageList,
    responses=error_responses(401),
)
def list_sellpages(caller: CurrentSeller, db: DbSession) -> dict[str, Any]:
    return {"data": [_payload(p) for p in service.list_sellpages(db, caller.seller_id)]}


@router.post(
    "/sellpages",
    dependencies=[requires(Permission.ADS_WRITE, seller_wide=True)],
    status_code=201,
    response_model=SellpageOut,
    responses=error_responses(400, 401, 409, 422),
)
def create_sellpage(body: SellpageCreate, caller: CurrentSeller, db: DbSession, now: Now) -> dict[str, Any]:
    page = service.create_sellpage(db, caller.seller_id, body.name, body.url)
    # Campaigns whose ads point at the new page link to it now, not at the next delivery sync.
    link_campaigns_to_sellpages(db, caller.seller_id)
    db.refresh(page)
    _audit(db, caller, "sellpage_created", page.id, page.name, now=now)
    return _payload(page)


@router.patch(
    "/sellpages/{sellpage_id}",
    dependencies=[requires(Permission.ADS_WRITE, seller_wide=True)],
    response_model=SellpageOut,
    responses=error_responses(400, 401, 404, 409, 422),
)
def update_sellpage(
    sellpage_id: uuid.UUID, body: SellpageUpdate, caller: CurrentSeller, db: DbSession, now: Now
) -> dict[str, Any]:
    page = service.update_sellpage(db, caller.seller_id, sellpage_id, name=body.name, url=body.url)
    if page is None:
        raise NotFound("No such sellpage")
    if body.url is not None:
        link_campaigns_to_sellpages(db, caller.seller_id)
    _audit(db, caller, "sellpage_changed", page.id, page.name, now=now)
    return _payload(page)


@router.delete(
    "/sellpages/{sellpage_id}",
    dependencies=[requires(Permission.ADS_WRITE, seller_wide=True)],
    status_code=204,
    responses=error_responses(401, 404, 422),
)
def delete_sellpage(sellpage_id: uuid.UUID, caller: CurrentSeller, db: DbSession, now: Now) -> Response:
    if not service.delete_sellpage(db, caller.seller_id, sellpage_id):
        raise NotFound("No such sellpage")
    link_campaigns_to_sellpages(db, caller.seller_id)
    _audit(db, caller, "sellpage_deleted", sellpage_id, None, now=now)
    return Response(status_code=204)


@router.patch(
    "/campaigns/{campaign_id}",
    dependencies=[requires(Permission.ADS_WRITE)],
    response_model=CampaignSellpageOut,
    responses=error_responses(400, 401, 404, 422),
)
def update_campaign(
    campaign_id: uuid.UUID, body: CampaignUpdate, caller: CurrentSeller, db: DbSession, now: Now
) -> dict[str, Any]:
    check_entities(caller, EntityLevel.CAMPAIGN, [campaign_id])
    result = service.set_campaign_sellpage(db, caller.seller_id, campaign_id, body.sellpage_id)
    if result is None:
        raise NotFound("No such campaign")
    _audit(db, caller, "campaign_sellpage_set", campaign_id, None, "campaign", now=now)
    return {
        "id": str(result.campaign_id),
        "sellpage_id": str(result.sellpage_id) if result.sellpage_id else None,
        "sellpage_set_manually": result.sellpage_set_manually,
    }
