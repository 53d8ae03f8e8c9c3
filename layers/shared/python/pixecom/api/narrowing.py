"""A member limited to some ad accounts sees only those, as a seller sees only its own.

One seam for the Ads Manager reads: the query's `ad_account_id` filter becomes the caller's
accounts (or their intersection with the filter asked for), so the read path needs no change.
For single objects (an entity's daily series, an alert, a job, a rule) the routes ask
`account_visible` / `accounts_visible`; a hidden one is a 404, exactly like another seller's.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixecom.adsmanager.params import Level, ListQuery
from pixecom.api.deps import Caller
from pixecom.control.jobs import EntitiesNotFound
from pixecom.db.engine import session_scope
from pixecom.db.models import Ad, AdSet, Campaign
from pixecom.domain.enums import EntityLevel

# Matches no ad account: the filter of a member limited to none.
NO_ACCOUNT = uuid.UUID(int=0)

_ENTITY_MODELS: dict[EntityLevel, type[Campaign] | type[AdSet] | type[Ad]] = {
    EntityLevel.CAMPAIGN: Campaign,
    EntityLevel.ADSET: AdSet,
    EntityLevel.AD: Ad,
}
_ENTITY_LEVEL = {
    Level.CAMPAIGNS: EntityLevel.CAMPAIGN,
    Level.ADSETS: EntityLevel.ADSET,
    Level.ADS: EntityLevel.AD,
}


def narrowed(query: ListQuery, caller: Caller) -> ListQuery:
    """`query` with its ad-account filter limited to what the caller may see."""
    allowed = caller.ad_account_ids
    if allowed is None:
        return query
    asked = query.filters.ad_account_ids
    ids = tuple(i for i in asked if i in allowed) if asked else tuple(sorted(allowed, key=str))
    filters = dataclasses.replace(query.filters, ad_account_ids=ids or (NO_ACCOUNT,))
    return dataclasses.replace(query, filters=filters)


def accounts_visible(caller: Caller, account_ids: Iterable[uuid.UUID]) -> bool:
    """Every one of `account_ids` is the caller's to see."""
    return caller.ad_account_ids is None or all(a in caller.ad_account_ids for a in account_ids)


def entity_visible(session: Session, caller: Caller, level: Level, entity_id: uuid.UUID) -> bool:
    """The caller may see this campaign / ad set / ad (False also when it is not the seller's)."""
    return caller.ad_account_ids is None or _all_visible(session, caller, _ENTITY_LEVEL[level], [entity_id])


def check_entities(caller: Caller, level: EntityLevel, ids: Iterable[uuid.UUID]) -> None:
    """EntitiesNotFound (404, naming none) unless the caller may see every one of `ids`; reads
    only for a limited member."""
    if caller.ad_account_ids is None:
        return
    with session_scope() as session:
        if not _all_visible(session, caller, level, ids):
            raise EntitiesNotFound(f"One or more {level.value} ids were not found")


def _all_visible(session: Session, caller: Caller, level: EntityLevel, ids: Iterable[uuid.UUID]) -> bool:
    wanted = set(ids)
    model = _ENTITY_MODELS[level]
    accounts = session.execute(
        select(model.id, model.ad_account_id).where(model.id.in_(wanted), model.seller_id == caller.seller_id)
    ).all()
    allowed = caller.ad_account_ids
    return len(accounts) == len(wanted) and (allowed is None or all(a in allowed for _, a in accounts))
