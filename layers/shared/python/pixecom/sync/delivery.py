"""Delivery sync: campaigns, ad sets and ads with statuses, budgets, bids, learning stage and
links, the ads' creatives (from the ads' `creative{...}` expansion: no extra call), and the
account's minimum daily budgets.

Budgets, caps and bid amounts come from Meta in offset units and are stored as money in the
account currency's units (`pixecom.domain.budgets`); "0" (not set) is stored as null.

Entities are upserted by (ad_account_id, meta_id); a row whose values did not change is not
rewritten (its `synced_at` says when it last changed), so a repeated sync changes nothing. We ask
Meta for every effective status, including ARCHIVED and DELETED: by default Meta leaves those out,
and an ad archived on Meta would otherwise stay ACTIVE here forever. Entities Meta no longer lists
at all are kept (their stats still refer to them).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, or_, select, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from pixecom.clock import Clock, utc_now
from pixecom.db.creative_models import Creative
from pixecom.db.engine import session_scope
from pixecom.db.models import Ad, AdSet, Campaign
from pixecom.domain.budgets import money_from_meta
from pixecom.domain.creatives import asset_values, thumbnail_expiry, version_keys
from pixecom.domain.delivery import UnknownEntityStatus, map_delivery_status, map_entity_status
from pixecom.domain.enums import CampaignStatus
from pixecom.meta.client import GraphClient
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.meta.models import AdNode, AdSetNode, CampaignNode, CreativeNode
from pixecom.observability import logger
from pixecom.sellpages.linking import link_campaigns_to_sellpages
from pixecom.sync.recording import AccountRef, lock_account
from pixecom.sync.runs import RunContext, RunReport, run_sync
from pixecom.sync_message import SyncMessage

_CAMPAIGN_STATUSES = ("ACTIVE", "PAUSED", "DELETED", "ARCHIVED", "IN_PROCESS", "WITH_ISSUES")
_ADSET_STATUSES = (*_CAMPAIGN_STATUSES, "CAMPAIGN_PAUSED")
_AD_STATUSES = (
    *_ADSET_STATUSES,
    "ADSET_PAUSED",
    "PENDING_REVIEW",
    "DISAPPROVED",
    "PREAPPROVED",
    "PENDING_BILLING_INFO",
)
_COMMON = (
    "name",
    "status",
    "delivery_status",
    "effective_status",
    "daily_budget",
    "lifetime_budget",
    "meta_updated_time",
)
_BIDS = ("budget_remaining", "bid_strategy", "bid_amount", "roas_average_floor", "start_time", "end_time")
_ROAS_FLOOR_SCALE = Decimal(10_000)  # bid_constraints.roas_average_floor: 15000 is a ROAS of 1.5


@dataclass(frozen=True)
class Entities:
    campaigns: list[CampaignNode]
    adsets: list[AdSetNode]
    ads: list[AdNode]


@dataclass
class EntityCounts:
    written: int = 0
    skipped: int = 0
    sellpages_linked: int = 0
    warnings: list[str] | None = None


def fetch_entities(client: GraphClient, meta_account_id: str) -> Entities:
    """Every campaign, ad set and ad of the account, whatever its status."""
    return Entities(
        campaigns=client.get_campaigns(meta_account_id, effective_status=_CAMPAIGN_STATUSES),
        adsets=client.get_adsets(meta_account_id, effective_status=_ADSET_STATUSES),
        ads=client.get_ads(meta_account_id, effective_status=_AD_STATUSES),
    )


def sync_account_delivery(
    message: SyncMessage, *, graph: GraphFactory = default_graph, clock: Clock = utc_now
) -> RunReport:
    """The delivery worker's unit of work for one SQS message (failure policy in sync.runs)."""
    return run_sync(message, _delivery_body, graph=graph, clock=clock)


def _delivery_body(ctx: RunContext, client: GraphClient) -> None:
    entities = fetch_entities(client, ctx.account.meta_account_id)
    minimums = client.get_minimum_budgets(ctx.account.meta_account_id)
    with session_scope() as session:
        account = lock_account(session, ctx.account.id)
        if account is None:
            return  # disconnected while we were fetching
        if account.minimum_budgets != (minimums or None):
            account.minimum_budgets = minimums or None
        counts = apply_entities(session, ctx.account, entities, ctx.clock())
        ctx.stats.rows_written = counts.written
        ctx.stats.warnings.extend(counts.warnings or [])
        ctx.finish(session, account)


def apply_entities(session: Session, account: AccountRef, entities: Entities, now: datetime) -> EntityCounts:
    """Upsert the three levels (parents first) and re-infer campaign sellpages, in `session`."""
    counts = EntityCounts(warnings=[])
    campaign_ids = _upsert_campaigns(session, account, entities.campaigns, counts, now)
    adset_ids, learning = _upsert_adsets(session, account, entities.adsets, campaign_ids, counts, now)
    _upsert_ads(session, account, entities.ads, campaign_ids, adset_ids, learning, counts, now)
    counts.sellpages_linked = link_campaigns_to_sellpages(session, account.seller_id, account.id)
    if counts.skipped:
        assert counts.warnings is not None
        counts.warnings.append(f"skipped {counts.skipped} entities (unknown status or missing parent)")
    return counts


def _entity_status(node: CampaignNode | AdSetNode | AdNode, counts: EntityCounts) -> CampaignStatus | None:
    try:
        return map_entity_status(node.configured_status or node.status)
    except UnknownEntityStatus:
        logger.warning(
            "entity with unknown status skipped", extra={"meta_id": node.id, "status": node.status}
        )
        counts.skipped += 1
        return None


def _missing_parent(meta_id: str, parent: uuid.UUID | None, counts: EntityCounts) -> bool:
    """True (and counted) when Meta listed a child whose parent it did not list."""
    if parent is not None:
        return False
    logger.warning("entity without a known parent skipped", extra={"meta_id": meta_id})
    counts.skipped += 1
    return True


def _common(
    account: AccountRef,
    node: CampaignNode | AdSetNode | AdNode,
    status: CampaignStatus,
    learning_stage: str | None,
) -> dict[str, Any]:
    currency = account.currency
    budgets = {
        "daily_budget": money_from_meta(getattr(node, "daily_budget", None), currency),
        "lifetime_budget": money_from_meta(getattr(node, "lifetime_budget", None), currency),
    }
    return {
        "seller_id": account.seller_id,
        "ad_account_id": account.id,
        "meta_id": node.id,
        "name": node.name[:400],
        "status": status,
        "delivery_status": map_delivery_status(node.effective_status, learning_stage),
        "effective_status": node.effective_status[:64],
        "meta_updated_time": node.updated_time,
        **budgets,
    }


def _bids(account: AccountRef, node: CampaignNode | AdSetNode) -> dict[str, Any]:
    """Budget left and bid of a campaign or ad set, as money (and the ROAS floor as a ratio)."""
    floor = getattr(node, "roas_average_floor", None)
    return {
        "budget_remaining": money_from_meta(node.budget_remaining, account.currency),
        "bid_strategy": node.bid_strategy[:64] if node.bid_strategy else None,
        "bid_amount": money_from_meta(getattr(node, "bid_amount", None), account.currency),
        "roas_average_floor": Decimal(floor) / _ROAS_FLOOR_SCALE if floor else None,
        "start_time": node.start_time,
        "end_time": node.end_time,
    }


def _upsert(
    session: Session,
    model: Any,
    rows: list[dict[str, Any]],
    now: datetime,
    columns: Sequence[str],
    *,
    volatile: Sequence[str] = (),
    stale: Any = None,
) -> dict[str, uuid.UUID]:
    """INSERT ... ON CONFLICT (ad_account_id, meta_id) DO UPDATE only when a value changed; meta_id -> id.
    `volatile` columns (written with the others) alone rewrite a row only where `stale` holds."""
    if not rows:
        return {}
    stmt = pg_insert(model)
    compared = [c for c in columns if c not in volatile]
    changed = tuple_(*[getattr(model, c) for c in compared]).is_distinct_from(
        tuple_(*[stmt.excluded[c] for c in compared])
    )
    if volatile:
        moved = tuple_(*[getattr(model, c) for c in volatile]).is_distinct_from(
            tuple_(*[stmt.excluded[c] for c in volatile])
        )
        changed = or_(changed, and_(moved, stale))
    stmt = stmt.on_conflict_do_update(
        index_elements=[model.ad_account_id, model.meta_id],
        set_={**{c: stmt.excluded[c] for c in columns}, "synced_at": stmt.excluded.synced_at},
        where=changed,
    )
    session.execute(stmt, [{**row, "synced_at": now, "created_at": now} for row in rows])
    query = select(model.meta_id, model.id).where(model.ad_account_id == rows[0]["ad_account_id"])
    return {str(meta_id): entity_id for meta_id, entity_id in session.execute(query).all()}


def _upsert_campaigns(
    session: Session, account: AccountRef, nodes: Sequence[CampaignNode], counts: EntityCounts, now: datetime
) -> dict[str, uuid.UUID]:
    rows = []
    for node in nodes:
        status = _entity_status(node, counts)
        if status is not None:
            rows.append(
                {
                    **_common(account, node, status, None),
                    **_bids(account, node),
                    "objective": node.objective,
                    "spend_cap": money_from_meta(node.spend_cap, account.currency),
                    "advantage_state": node.advantage_state[:64] if node.advantage_state else None,
                }
            )
    counts.written += len(rows)
    columns = (*_COMMON, *_BIDS, "objective", "spend_cap", "advantage_state")
    return _upsert(session, Campaign, rows, now, columns)


def _upsert_adsets(
    session: Session,
    account: AccountRef,
    nodes: Sequence[AdSetNode],
    campaign_ids: Mapping[str, uuid.UUID],
    counts: EntityCounts,
    now: datetime,
) -> tuple[dict[str, uuid.UUID], dict[str, str | None]]:
    rows, learning = [], {}
    for node in nodes:
        status = _entity_status(node, counts)
        campaign_id = campaign_ids.get(node.campaign_id)
        if status is None or _missing_parent(node.id, campaign_id, counts):
            continue
        assert campaign_id is not None
        learning[node.id] = node.learning_stage
        promoted = node.promoted_object or None
        event = promoted.get("custom_event_type") if promoted else None
        rows.append(
            {
                **_common(account, node, status, node.learning_stage),
                **_bids(account, node),
                "campaign_id": campaign_id,
                "optimization_goal": node.optimization_goal,
                "promoted_object": promoted,
                "promoted_event": str(event)[:64] if event else None,
                "learning_stage": node.learning_stage,
                "attribution_spec": node.attribution_spec,
            }
        )
    counts.written += len(rows)
    columns = (
        *_COMMON,
        *_BIDS,
        "campaign_id",
        "optimization_goal",
        "promoted_object",
        "promoted_event",
        "learning_stage",
        "attribution_spec",
    )
    return _upsert(session, AdSet, rows, now, columns), learning


def _upsert_ads(
    session: Session,
    account: AccountRef,
    nodes: Sequence[AdNode],
    campaign_ids: Mapping[str, uuid.UUID],
    adset_ids: Mapping[str, uuid.UUID],
    learning: Mapping[str, str | None],
    counts: EntityCounts,
    now: datetime,
) -> None:
    creative_ids = _upsert_creatives(session, account, nodes, counts, now)
    rows = []
    for node in nodes:
        status = _entity_status(node, counts)
        adset_id, campaign_id = adset_ids.get(node.adset_id), campaign_ids.get(node.campaign_id)
        if status is None or _missing_parent(node.id, adset_id and campaign_id, counts):
            continue
        rows.append(
            {
                **_common(account, node, status, learning.get(node.adset_id)),
                "campaign_id": campaign_id,
                "adset_id": adset_id,
                "link_url": node.link_url[:2048] if node.link_url else None,
                "issues": node.issues or None,
                "creative_id": creative_ids.get(node.creative.id) if node.creative else None,
            }
        )
    counts.written += len(rows)
    columns = (*_COMMON, "campaign_id", "adset_id", "link_url", "issues", "creative_id")
    _upsert(session, Ad, rows, now, columns)


THUMBNAIL_REFRESH = timedelta(days=1)
_THUMBNAIL_COLUMNS = ("thumbnail_url", "thumbnail_expires_at")
_CREATIVE_COLUMNS = (
    "name", "format", "object_type", "image_hash", "video_id", "thumbnail_url", "thumbnail_expires_at",
    "title", "body", "call_to_action", "link_url", "story_id", "assets", "media_key", "text_key",
    "thumbnail_key", "post_key",
)  # fmt: skip


def _upsert_creatives(
    session: Session, account: AccountRef, nodes: Sequence[AdNode], counts: EntityCounts, now: datetime
) -> dict[str, uuid.UUID]:
    """The ads' creatives, once each (several ads may share one), with their version keys. A
    changed thumbnail URL (Meta re-signs them) rewrites the row: the stored URL stays loadable."""
    creatives = {n.creative.id: n.creative for n in nodes if n.creative is not None}
    rows = [creative_row(account, c) for c in creatives.values()]
    counts.written += len(rows)
    # Meta re-signs thumbnail URLs: a new signature alone rewrites the row only when the stored
    # URL expires within a day (or its expiry is unknown), not on every 5-minute sync.
    stale = or_(
        Creative.thumbnail_expires_at.is_(None), Creative.thumbnail_expires_at < now + THUMBNAIL_REFRESH
    )
    return _upsert(session, Creative, rows, now, _CREATIVE_COLUMNS, volatile=_THUMBNAIL_COLUMNS, stale=stale)


def creative_row(account: AccountRef, c: CreativeNode) -> dict[str, Any]:
    assets = c.assets or []
    keys = version_keys(
        video_ids=[c.video_id] if c.video_id else asset_values(assets, "video", "video_id"),
        image_hashes=[c.image_hash]
        if c.image_hash
        else (asset_values(assets, "image", "hash") + asset_values(assets, "card", "hash")),
        bodies=[c.body] if c.body else asset_values(assets, "body", "text"),
        thumbnail_url=c.thumbnail_url,
        story_id=c.story_id,
    )
    return {
        "seller_id": account.seller_id,
        "ad_account_id": account.id,
        "meta_id": c.id,
        "name": c.name[:400] if c.name else None,
        "format": c.format,
        "object_type": c.object_type[:32] if c.object_type else None,
        "image_hash": c.image_hash[:128] if c.image_hash else None,
        "video_id": c.video_id[:64] if c.video_id else None,
        "thumbnail_url": c.thumbnail_url,
        "thumbnail_expires_at": thumbnail_expiry(c.thumbnail_url),
        "title": c.title,
        "body": c.body,
        "call_to_action": c.call_to_action[:64] if c.call_to_action else None,
        "link_url": c.link_url[:2048] if c.link_url else None,
        "story_id": c.story_id[:128] if c.story_id else None,
        "assets": c.assets,
        "media_key": keys.media,
        "text_key": keys.text,
        "thumbnail_key": keys.thumbnail,
        "post_key": keys.post,
    }
