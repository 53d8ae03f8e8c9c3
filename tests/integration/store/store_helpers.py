"""Store test helpers: a seller with an ad account, a campaign tree with numeric Meta ids (as the
landing URLs carry them), sellpages, and a store API key."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Tree:
    account_id: uuid.UUID
    campaign_id: uuid.UUID
    campaign: str  # Meta ids
    adset: str
    ad: str


@dataclass(frozen=True)
class Shop:
    seller_id: uuid.UUID
    headers: dict[str, str]  # the seller's bearer token
    key_headers: dict[str, str]  # the store API key
    page_id: uuid.UUID
    page_url: str
    other_page_id: uuid.UUID
    tree: Tree


_counter = iter(range(10_000, 10**9, 7))


def add_tree(
    seller_id: uuid.UUID,
    sellpage_id: uuid.UUID | None,
    currency: str = "USD",
    tz: str = "UTC",
    n: int | None = None,
) -> Tree:
    from pixecom.db.engine import session_scope
    from pixecom.db.models import Ad, AdAccount, AdSet, Campaign

    n = next(_counter) if n is None else n
    common = {"status": "ACTIVE", "delivery_status": "ACTIVE", "effective_status": "ACTIVE"}
    with session_scope() as s:
        acc = AdAccount(
            seller_id=seller_id,
            meta_account_id=f"act_{n}",
            name=f"Account {n}",
            currency=currency,
            timezone_name=tz,
            access_token_encrypted=b"x",
        )
        s.add(acc)
        s.flush()
        c = Campaign(
            seller_id=seller_id,
            ad_account_id=acc.id,
            meta_id=f"{n}1",
            name="C",
            sellpage_id=sellpage_id,
            **common,
        )
        s.add(c)
        s.flush()
        st = AdSet(
            seller_id=seller_id, ad_account_id=acc.id, campaign_id=c.id, meta_id=f"{n}2", name="S", **common
        )
        s.add(st)
        s.flush()
        ad = Ad(
            seller_id=seller_id,
            ad_account_id=acc.id,
            campaign_id=c.id,
            adset_id=st.id,
            meta_id=f"{n}3",
            name="A",
            **common,
        )
        s.add(ad)
        s.flush()
        return Tree(acc.id, c.id, c.meta_id, st.meta_id, ad.meta_id)


def add_sellpage(seller_id: uuid.UUID, name: str, url: str) -> uuid.UUID:
    from pixecom.db.engine import session_scope
    from pixecom.sellpages.service import create_sellpage

    with session_scope() as s:
        return create_sellpage(s, seller_id, name, url).id


def event(order_id: str, version: int, kind: str, **fields: Any) -> dict[str, Any]:
    """An order event with defaults: 40.00 USD on 2026-11-20 12:00 UTC."""
    body: dict[str, Any] = {
        "order_id": order_id,
        "version": version,
        "type": f"order.{kind}",
        "amount": "40.00",
        "currency": "USD",
        "ordered_at": "2026-11-20T12:00:00+00:00",
    }
    body.update(fields)
    return body


def add_stats(tree_campaign_id: Any, day: date, spend: str, purchases: int, value: str) -> None:
    """Meta's numbers of the campaign's one ad on `day` (a tree has one ad per campaign)."""
    from sqlalchemy import select

    from pixecom.db.engine import session_scope
    from pixecom.db.models import Ad, AdStatsDaily

    with session_scope() as s:
        ad = s.scalars(select(Ad).where(Ad.campaign_id == tree_campaign_id)).one()
        s.add(
            AdStatsDaily(
                ad_id=ad.id,
                date=day,
                seller_id=ad.seller_id,
                ad_account_id=ad.ad_account_id,
                campaign_id=ad.campaign_id,
                adset_id=ad.adset_id,
                spend=Decimal(spend),
                purchases=purchases,
                purchase_value=Decimal(value),
                impressions=1000,
                clicks=10,
            )
        )
