"""Linking campaigns to sellpages: each campaign follows the sellpage its ads' URLs point at."""

from __future__ import annotations

import uuid
from collections import defaultdict

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from pixecom.db.models import Ad, Campaign, Sellpage
from pixecom.domain.sellpages import match_sellpage


def link_campaigns_to_sellpages(
    session: Session, seller_id: uuid.UUID, account_id: uuid.UUID | None = None
) -> int:
    """Infer each campaign's sellpage from its ads' link URLs; returns how many campaigns changed.

    Campaigns whose sellpage was set by hand are never touched. An inferred link is recomputed
    every time (a campaign whose ads moved to another page follows them; none matching -> NULL).
    Also callable after a seller adds or edits a sellpage.
    """
    sellpages = {
        key: sp_id
        for key, sp_id in session.execute(
            select(Sellpage.url_key, Sellpage.id).where(Sellpage.seller_id == seller_id)
        ).all()
    }
    campaigns = select(Campaign.id, Campaign.sellpage_id).where(
        Campaign.seller_id == seller_id, Campaign.sellpage_set_manually.is_(False)
    )
    links = select(Ad.campaign_id, Ad.link_url).where(Ad.seller_id == seller_id, Ad.link_url.is_not(None))
    if account_id is not None:
        campaigns = campaigns.where(Campaign.ad_account_id == account_id)
        links = links.where(Ad.ad_account_id == account_id)
    by_campaign: dict[uuid.UUID, list[str]] = defaultdict(list)
    for campaign_id, link in session.execute(links).all():
        if link:
            by_campaign[campaign_id].append(link)
    changes = []
    for campaign_id, current in session.execute(campaigns).all():
        target = match_sellpage(by_campaign.get(campaign_id, []), sellpages) if sellpages else None
        if target != current:
            changes.append({"b_id": campaign_id, "b_sellpage": target})
    if changes:
        table = Campaign.__table__
        assert isinstance(table, Table)
        stmt = (
            update(table)
            .where(table.c.id == bindparam("b_id"), table.c.sellpage_set_manually.is_(False))
            .values(sellpage_id=bindparam("b_sellpage"))
        )
        session.execute(stmt, changes)
    return len(changes)
