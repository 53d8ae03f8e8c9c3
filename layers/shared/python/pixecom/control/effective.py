"""After a status change applied on Meta: the entities' effective and delivery statuses follow at
once, derived as Meta derives them (domain.delivery), for the changed entities and everything
under them (a paused campaign's ad sets and ads become CAMPAIGN_PAUSED). The delivery sync that
the worker queues afterwards confirms them from Meta's own answer."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from pixecom.db.models import Ad, AdSet, Campaign
from pixecom.domain.delivery import effective_status_after, map_delivery_status
from pixecom.domain.enums import EntityLevel


def follow_status_change(
    session: Session, seller_id: uuid.UUID, level: EntityLevel, ids: Sequence[uuid.UUID]
) -> int:
    """Re-derive effective_status and delivery_status of `ids` (at `level`) and their children,
    after their `status` was updated in this session; returns how many rows changed."""
    if not ids:
        return 0
    changed = 0
    if level is EntityLevel.CAMPAIGN:
        campaigns = session.execute(
            select(Campaign.id, Campaign.status, Campaign.effective_status).where(
                Campaign.seller_id == seller_id, Campaign.id.in_(ids)
            )
        ).all()
        changed += _apply(session, Campaign, [(i, s, e, None, None, None) for i, s, e in campaigns])
    adset_scope: ColumnElement[bool] | None = {
        EntityLevel.CAMPAIGN: AdSet.campaign_id.in_(ids),
        EntityLevel.ADSET: AdSet.id.in_(ids),
    }.get(level)
    if adset_scope is not None:
        adsets = session.execute(
            select(AdSet.id, AdSet.status, AdSet.effective_status, Campaign.status, AdSet.learning_stage)
            .join(Campaign, Campaign.id == AdSet.campaign_id)
            .where(AdSet.seller_id == seller_id, adset_scope)
        ).all()
        changed += _apply(session, AdSet, [(i, s, e, c, None, ls) for i, s, e, c, ls in adsets])
    ad_scope = {
        EntityLevel.CAMPAIGN: Ad.campaign_id.in_(ids),
        EntityLevel.ADSET: Ad.adset_id.in_(ids),
        EntityLevel.AD: Ad.id.in_(ids),
    }[level]
    ads = session.execute(
        select(Ad.id, Ad.status, Ad.effective_status, Campaign.status, AdSet.status, AdSet.learning_stage)
        .join(AdSet, AdSet.id == Ad.adset_id)
        .join(Campaign, Campaign.id == Ad.campaign_id)
        .where(Ad.seller_id == seller_id, ad_scope)
    ).all()
    changed += _apply(session, Ad, [tuple(r) for r in ads])
    return changed


def _apply(session: Session, model: Any, rows: Sequence[tuple[Any, ...]]) -> int:
    """rows: (id, status, effective_status, campaign status, ad set status, learning stage)."""
    updates = []
    for entity_id, status, effective, campaign_status, adset_status, learning in rows:
        new = effective_status_after(status, effective, campaign_status, adset_status)
        if new != effective:
            updates.append(
                {
                    "id": entity_id,
                    "effective_status": new,
                    "delivery_status": map_delivery_status(new, learning),
                }
            )
    if updates:
        session.execute(update(model), updates)
    return len(updates)
