"""Stats sync: make an account's ad_stats_daily rows inside a window exactly what Meta answers.

Meta's answer is the truth for the window: rows are upserted (an unchanged row is not rewritten)
and rows Meta no longer returns are deleted, all in ONE transaction together with the run's
sync_runs row, so a worker that dies halfway leaves the previous data, and a repeat changes
nothing. The write is two statements whatever the row count: an `INSERT ... SELECT FROM unnest()`
upsert and an anti-join DELETE, both taking whole columns as arrays (no temp table: temp tables
pin RDS Proxy connections).

Unknown ads: insights can name an ad created since the last delivery sync. Then the worker runs
the entity sync inline (3 more Graph calls) and, if that brought new ad sets whose result action
matters, reads the insights once more. Ads still unknown after that (Meta lists every status, so
this should not happen) are skipped with a counted warning on the run rather than failing it.

Deleted and archived ads: the ad-level read filters on every ad effective status (meta.insights),
since Meta leaves those ads out by default; their rows are kept and restated like any other.
Then one more call reads Meta's account totals, and the write's transaction compares them with
our rows per day (sync.reconcile).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import exists, select, text
from sqlalchemy.orm import Session

from pixecom.automation_message import queue_automation
from pixecom.clock import Clock, utc_now
from pixecom.db.engine import session_scope
from pixecom.db.models import Ad, AdAccount, AdSet, SyncRun
from pixecom.db.reach_store import store_reach
from pixecom.db.rollup_models import AdPresetStatsState
from pixecom.db.rollups import refresh_preset_stats
from pixecom.domain.catalogue import COUNTERS, META_COUNTERS
from pixecom.domain.dates import DateRange, stats_window
from pixecom.domain.enums import SyncOutcome
from pixecom.meta.client import GraphClient
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.meta.models import InsightRow
from pixecom.meta.normalize import result_action_type
from pixecom.observability import logger
from pixecom.sync import backfill
from pixecom.sync.delivery import apply_entities, fetch_entities
from pixecom.sync.dispatch import account_today
from pixecom.sync.reach import sync_reach
from pixecom.sync.reconcile import fetch_totals, reconcile
from pixecom.sync.recording import AccountRef, lock_account
from pixecom.sync.runs import RunContext, RunReport, run_sync
from pixecom.sync_message import SyncMessage

UPSERT_CHUNK_ROWS = 20_000  # bounds one statement's parameter size; 2,000 ads x 28 days is 3 of them
# Every counter Meta reports is stored (reach too: per ad-day, never summed); counters of other
# sources are theirs to write.
_COUNTERS = tuple(c.name for c in META_COUNTERS)
_ARRAY_TYPES = {
    "ad_id": "uuid[]",
    "date": "date[]",
    "campaign_id": "uuid[]",
    "adset_id": "uuid[]",
    **{c.name: "numeric[]" for c in COUNTERS if c.money},
}
_COLUMNS = ("ad_id", "date", "campaign_id", "adset_id", *_COUNTERS)

_UPSERT_SQL = text(
    f"""
    INSERT INTO ad_stats_daily (seller_id, ad_account_id, {", ".join(_COLUMNS)}, synced_at)
    SELECT :seller_id, :account_id, u.*, now()
    FROM unnest({", ".join(f"CAST(:{c} AS {_ARRAY_TYPES.get(c, 'bigint[]')})" for c in _COLUMNS)})
         AS u({", ".join(_COLUMNS)})
    ON CONFLICT (ad_id, date) DO UPDATE SET
        {", ".join(f"{c} = EXCLUDED.{c}" for c in _COLUMNS[2:])}, synced_at = EXCLUDED.synced_at
    WHERE ({", ".join(f"ad_stats_daily.{c}" for c in _COLUMNS[2:])})
          IS DISTINCT FROM ({", ".join(f"EXCLUDED.{c}" for c in _COLUMNS[2:])})
    """  # noqa: S608 - column names are constants, values are bound
)
_DELETE_SQL = text(
    """
    DELETE FROM ad_stats_daily d
    WHERE d.ad_account_id = :account_id AND d.date BETWEEN :since AND :until
      AND NOT EXISTS (
          SELECT 1 FROM unnest(CAST(:ad_ids AS uuid[]), CAST(:dates AS date[])) AS k(ad_id, date)
          WHERE k.ad_id = d.ad_id AND k.date = d.date)
    """
)


@dataclass(frozen=True)
class AdKeys:
    """Our ids for one Meta ad: the row's key and the parents copied onto it."""

    ad_id: uuid.UUID
    adset_id: uuid.UUID
    campaign_id: uuid.UUID


@dataclass(frozen=True)
class AdIndex:
    """The account's known ads by Meta id, and each ad set's result action (Meta id -> action_type)."""

    ads: dict[str, AdKeys]
    result_actions: dict[str, str]


@dataclass
class ReplaceResult:
    written: int = 0  # inserted or changed
    deleted: int = 0
    skipped: int = 0  # rows for unknown ads, outside the window, or repeated
    unknown_ads: set[str] = field(default_factory=set)


def load_ad_index(session: Session, account_id: uuid.UUID) -> AdIndex:
    ads = {
        meta_id: AdKeys(ad_id, adset_id, campaign_id)
        for meta_id, ad_id, adset_id, campaign_id in session.execute(
            select(Ad.meta_id, Ad.id, Ad.adset_id, Ad.campaign_id).where(Ad.ad_account_id == account_id)
        ).all()
    }
    actions: dict[str, str] = {}
    for meta_id, goal, promoted in session.execute(
        select(AdSet.meta_id, AdSet.optimization_goal, AdSet.promoted_object).where(
            AdSet.ad_account_id == account_id
        )
    ).all():
        action = result_action_type(goal, promoted)
        if action:
            actions[meta_id] = action
    return AdIndex(ads, actions)


def replace_daily_stats(
    session: Session,
    account: AccountRef,
    window: DateRange,
    rows: Sequence[InsightRow],
    ads: Mapping[str, AdKeys],
) -> ReplaceResult:
    """Make the account's stats inside `window` exactly `rows`: upsert them, delete the rest."""
    result = ReplaceResult()
    columns: dict[str, list[object]] = {c: [] for c in _COLUMNS}
    seen: set[tuple[uuid.UUID, object]] = set()
    for row in rows:
        keys = ads.get(row.ad_id)
        if keys is None or not window.contains(row.date) or (keys.ad_id, row.date) in seen:
            result.skipped += 1
            if keys is None:
                result.unknown_ads.add(row.ad_id)
            continue
        seen.add((keys.ad_id, row.date))
        _append(columns, keys, row)
    count = len(columns["ad_id"])
    for start in range(0, count, UPSERT_CHUNK_ROWS):
        chunk = {c: values[start : start + UPSERT_CHUNK_ROWS] for c, values in columns.items()}
        outcome = session.execute(
            _UPSERT_SQL, {"seller_id": account.seller_id, "account_id": account.id, **chunk}
        )
        result.written += outcome.rowcount  # type: ignore[attr-defined]
    deleted = session.execute(
        _DELETE_SQL,
        {
            "account_id": account.id,
            "since": window.since,
            "until": window.until,
            "ad_ids": columns["ad_id"],
            "dates": columns["date"],
        },
    )
    result.deleted = deleted.rowcount  # type: ignore[attr-defined]
    return result


def _append(columns: dict[str, list[object]], keys: AdKeys, row: InsightRow) -> None:
    columns["ad_id"].append(keys.ad_id)
    columns["date"].append(row.date)
    columns["campaign_id"].append(keys.campaign_id)
    columns["adset_id"].append(keys.adset_id)
    for counter in _COUNTERS:
        columns[counter].append(getattr(row, counter))


def sync_account_stats(
    message: SyncMessage, *, graph: GraphFactory = default_graph, clock: Clock = utc_now
) -> RunReport:
    """The stats worker's unit of work for one SQS message (failure policy in sync.runs).

    After a successful (not backfill) run, alerts and rules are queued for the account: their own
    worker evaluates them, off this sync's path."""
    report = run_sync(message, _stats_body, graph=graph, clock=clock)
    if report.outcome is SyncOutcome.SUCCEEDED and not message.backfill:
        queue_automation(message.account_id, f"stats:{message.run_id}")
    return report


def _stats_body(ctx: RunContext, client: GraphClient) -> None:
    message, account = ctx.message, ctx.account
    assert message.since is not None and message.until is not None
    window = DateRange(message.since, message.until)
    with session_scope() as session:
        index = load_ad_index(session, account.id)
    rows = _fetch(client, account, window, index)
    unknown = {row.ad_id for row in rows} - index.ads.keys()
    if unknown:
        index, rows = _refresh_entities(client, account, window, index, rows, len(unknown), ctx.clock())
    totals = fetch_totals(client, account, window)  # Meta's own account totals (sync.reconcile)
    with session_scope() as session:  # Meta's reach for the window's days and due presets (sync.reach)
        reach = sync_reach(
            client,
            session,
            account,
            window,
            account_today(account.timezone_name, ctx.clock()),
            ctx.clock(),
            estimated_ads=len(index.ads) or None,
            with_presets=not message.backfill,
        )
    with session_scope() as session:
        locked = lock_account(session, account.id)
        if locked is None:
            return  # disconnected while we were fetching: nothing to write
        result = replace_daily_stats(session, account, window, rows, index.ads)
        store_reach(session, account.id, account.seller_id, reach.answers, ctx.clock())
        if reach.stopped:
            ctx.stats.warnings.append(f"reach: {reach.stopped}; the rest is read by a later run")
        if totals is not None:
            reconcile(session, account, window, totals, ctx.clock())
        else:
            ctx.stats.warnings.append("Meta's account totals were not read: reconciliation skipped")
        # The Ads Manager's per-ad preset sums for this account (db/rollups.py; read side only).
        refresh_snapshot_if_stale(session, account, ctx.clock())
        _note(ctx, result)
        _advance_account(session, locked, message, ctx.clock())
        ctx.finish(session, locked)


def refresh_snapshot_if_stale(session: Session, account: AccountRef, now: datetime) -> bool:
    """Rebuild the account's preset snapshot only when its local day moved on: between rebuilds a
    trigger on ad_stats_daily applies every write to it (migration 0003), so a state row for today
    means it is exact. The usual 15-minute run then skips ~ads x presets rows of work."""
    current = session.scalar(
        select(AdPresetStatsState.local_day).where(AdPresetStatsState.ad_account_id == account.id)
    )
    if current == account_today(account.timezone_name, now):
        return False
    return refresh_preset_stats(session, account.id, now)


def _fetch(client: GraphClient, account: AccountRef, window: DateRange, index: AdIndex) -> list[InsightRow]:
    return client.get_daily_insights(
        account.meta_account_id,
        window.since,
        window.until,
        index.result_actions,
        estimated_ads=len(index.ads) or None,
    )


def _refresh_entities(
    client: GraphClient,
    account: AccountRef,
    window: DateRange,
    index: AdIndex,
    rows: list[InsightRow],
    unknown: int,
    now: datetime,
) -> tuple[AdIndex, list[InsightRow]]:
    """Run the entity sync for ads insights named before delivery did; re-read if result actions grew."""
    logger.info(
        "insights name unknown ads, syncing entities first",
        extra={"account_id": str(account.id), "unknown_ads": unknown},
    )
    entities = fetch_entities(client, account.meta_account_id)
    with session_scope() as session:
        locked = lock_account(session, account.id)
        if locked is None:
            return index, rows
        apply_entities(session, account, entities, now)
        locked.last_delivery_success_at, locked.last_delivery_error = now, None
        fresh = load_ad_index(session, account.id)
    if fresh.result_actions != index.result_actions:
        rows = _fetch(client, account, window, fresh)
    return fresh, rows


def _note(ctx: RunContext, result: ReplaceResult) -> None:
    ctx.stats.rows_written, ctx.stats.rows_deleted = result.written, result.deleted
    if result.unknown_ads:
        ctx.stats.warnings.append(
            f"skipped {result.skipped} rows of {len(result.unknown_ads)} ads Meta did not list"
        )
        logger.warning(
            "insight rows skipped",
            extra={"account_id": str(ctx.account.id), "rows": result.skipped, "ads": len(result.unknown_ads)},
        )


def _advance_account(session: Session, account: AdAccount, message: SyncMessage, now: datetime) -> None:
    """Stamp the daily full window (also when a backfill chunk covered it); count a backfill chunk
    once, however often it is delivered."""
    assert message.since is not None and message.until is not None
    today = account_today(account.timezone_name, now)
    full = stats_window(today, True)
    if message.full_window or (message.since <= full.since and message.until >= full.until):
        current = account.last_full_window_on
        account.last_full_window_on = message.until if current is None else max(current, message.until)
    if message.backfill and backfill.mark_done(session, account, message, now) is None:
        _count_legacy_chunk(session, account, message)


def _count_legacy_chunk(session: Session, account: AdAccount, message: SyncMessage) -> None:
    """Accounts connected before chunk rows existed: count via this run id's earlier successes."""
    done_before = session.scalar(
        select(
            exists().where(
                SyncRun.ad_account_id == account.id,
                SyncRun.dispatch_id == message.run_id,
                SyncRun.outcome == SyncOutcome.SUCCEEDED,
            )
        )
    )
    if not done_before:
        account.backfill_chunks_done = min(account.backfill_chunks_total, account.backfill_chunks_done + 1)
