"""Sellpages CRUD and a campaign's hand-set sellpage. Every function is sealed to one seller."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pixecom.db.models import Campaign, Sellpage
from pixecom.domain.sellpages import InvalidSellpageUrl, url_key

MAX_NAME = 200
MAX_URL = 2048


class SellpageError(ValueError):
    """Bad sellpage input; `field` names the body field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class DuplicateSellpage(Exception):
    """The seller already has a sellpage with the same normalised URL."""

    def __init__(self, key: str) -> None:
        super().__init__(f"a sellpage for {key} already exists")
        self.key = key


@dataclass(frozen=True)
class CampaignSellpage:
    campaign_id: uuid.UUID
    sellpage_id: uuid.UUID | None
    sellpage_set_manually: bool


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise SellpageError("name", f"must be 1 to {MAX_NAME} characters")
    return name


def _clean_url(url: str) -> tuple[str, str]:
    url = url.strip()
    if not url or len(url) > MAX_URL:
        raise SellpageError("url", f"must be 1 to {MAX_URL} characters")
    try:
        return url, url_key(url)
    except InvalidSellpageUrl:
        raise SellpageError("url", "not a URL with a host") from None


def list_sellpages(session: Session, seller_id: uuid.UUID) -> list[Sellpage]:
    stmt = select(Sellpage).where(Sellpage.seller_id == seller_id).order_by(Sellpage.name, Sellpage.id)
    return list(session.scalars(stmt))


def get_sellpage(session: Session, seller_id: uuid.UUID, sellpage_id: uuid.UUID) -> Sellpage | None:
    return session.scalars(
        select(Sellpage).where(Sellpage.id == sellpage_id, Sellpage.seller_id == seller_id)
    ).one_or_none()


def _flush_unique(session: Session, key: str) -> None:
    # A savepoint, so a duplicate leaves the request's transaction usable.
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise DuplicateSellpage(key) from None


def create_sellpage(session: Session, seller_id: uuid.UUID, name: str, url: str) -> Sellpage:
    clean_url, key = _clean_url(url)
    page = Sellpage(seller_id=seller_id, name=_clean_name(name), url=clean_url, url_key=key)
    session.add(page)
    _flush_unique(session, key)
    return page


def update_sellpage(
    session: Session, seller_id: uuid.UUID, sellpage_id: uuid.UUID, *, name: str | None, url: str | None
) -> Sellpage | None:
    page = get_sellpage(session, seller_id, sellpage_id)
    if page is None:
        return None
    if name is not None:
        page.name = _clean_name(name)
    if url is not None:
        page.url, page.url_key = _clean_url(url)
    _flush_unique(session, page.url_key)
    return page


def delete_sellpage(session: Session, seller_id: uuid.UUID, sellpage_id: uuid.UUID) -> bool:
    """Delete it; its campaigns lose the sellpage and go back to automatic matching."""
    page = get_sellpage(session, seller_id, sellpage_id)
    if page is None:
        return False
    session.execute(
        update(Campaign)
        .where(Campaign.seller_id == seller_id, Campaign.sellpage_id == sellpage_id)
        .values(sellpage_id=None, sellpage_set_manually=False)
    )
    session.delete(page)
    session.flush()
    return True


class UnknownSellpage(Exception):
    """The sellpage id is not one of the seller's."""


def set_campaign_sellpage(
    session: Session, seller_id: uuid.UUID, campaign_id: uuid.UUID, sellpage_id: uuid.UUID | None
) -> CampaignSellpage | None:
    """Set a campaign's sellpage by hand (the sync then never overrides it); None returns the
    campaign to automatic matching. None if the seller has no such campaign."""
    campaign = session.scalars(
        select(Campaign).where(Campaign.id == campaign_id, Campaign.seller_id == seller_id)
    ).one_or_none()
    if campaign is None:
        return None
    if sellpage_id is not None and get_sellpage(session, seller_id, sellpage_id) is None:
        raise UnknownSellpage(str(sellpage_id))
    campaign.sellpage_id = sellpage_id
    campaign.sellpage_set_manually = sellpage_id is not None
    session.flush()
    return CampaignSellpage(campaign.id, campaign.sellpage_id, campaign.sellpage_set_manually)
