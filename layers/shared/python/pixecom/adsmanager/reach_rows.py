"""Reach and frequency added to a list's rows and summaries and to a daily series' points. The
values and their rules: `adsmanager.reach` (creative fatigue reads the stored ones itself:
`adsmanager.fatigue`)."""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from pixecom.adsmanager.daily import DailySeries
from pixecom.adsmanager.list_rows import ListResult, StoredReach
from pixecom.adsmanager.params import Level, ListQuery
from pixecom.adsmanager.reach import (
    FILTERED,
    LEVEL_NAMES,
    SEVERAL_ACCOUNTS,
    Reach,
    ReachKey,
    Resolution,
    Wanted,
    resolve,
    splice,
    with_reason,
)
from pixecom.adsmanager.sql import LEVELS
from pixecom.adsmanager.statement import Conn, Fragment, Param, q, run
from pixecom.domain.dates import DateRange
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.meta.params import act_id


def _impressions(metrics_json: str, known: int | None = None) -> int:
    """Our impressions of a row (0: it reached nobody, no lookup): as its read gave them, else
    from its metrics; 1 where `columns=` left them out of those: unknown here, so its reach is
    looked up like any other."""
    if known is not None:
        return known
    metrics = json.loads(metrics_json)
    return int(metrics.get("impressions") or 0) if "impressions" in metrics else 1


def _reach(stored: StoredReach | None) -> Reach | None:
    return None if stored is None else Reach(stored.reach, stored.impressions, fetched_at=stored.fetched_at)


def _one_entity(
    conn: Conn, seller_id: uuid.UUID, table: str, entity_id: uuid.UUID
) -> tuple[uuid.UUID, str] | None:
    statement: Fragment = (
        q(
            "SELECT ad_account_id, meta_id FROM campaigns WHERE id = {} AND seller_id = {}",
            Param(entity_id),
            Param(seller_id),
        )
        if table == "campaigns"
        else q(
            "SELECT ad_account_id, meta_id FROM adsets WHERE id = {} AND seller_id = {}",
            Param(entity_id),
            Param(seller_id),
        )
    )
    rows = run(conn, statement)
    return (rows[0]["ad_account_id"], rows[0]["meta_id"]) if rows else None


_OBJECT_FILTERS = frozenset({"ad_account_ids", "campaign_ids", "adset_ids"})


def summary_subject(
    conn: Conn, seller_id: uuid.UUID, query: ListQuery, accounts: Mapping[uuid.UUID, tuple[str, str]]
) -> tuple[uuid.UUID, str, str] | str:
    """The one object whose reach is the summary's (account id, level, Meta id), or why none is."""
    f = query.filters
    # Any filter but the account, campaign and ad set ids narrows the rows below one object's.
    others = any(
        getattr(f, name.name) for name in dataclasses.fields(f) if name.name not in _OBJECT_FILTERS
    )
    if not others and len(f.campaign_ids) == 1 and not f.adset_ids:
        found = _one_entity(conn, seller_id, "campaigns", f.campaign_ids[0])
        return (found[0], "campaign", found[1]) if found else FILTERED
    if not others and len(f.adset_ids) == 1 and not f.campaign_ids:
        found = _one_entity(conn, seller_id, "adsets", f.adset_ids[0])
        return (found[0], "adset", found[1]) if found else FILTERED
    if len(accounts) > 1:
        return SEVERAL_ACCOUNTS
    if others or f.campaign_ids or f.adset_ids or not accounts:
        return FILTERED
    account_id, (meta_account_id, _) = next(iter(accounts.items()))
    return account_id, "account", act_id(meta_account_id)


@dataclass(frozen=True)
class PendingReach:
    """A list's rows and summary with the reach keys they need, resolved from the database; the
    on-demand reads and the splicing happen in `finish` (no pooled connection held)."""

    result: ListResult
    row_keys: tuple[ReachKey | None, ...]
    summary_key: ReachKey | None
    summary_reason: str | None
    resolution: Resolution
    columns: tuple[str, ...] | None = None  # `columns=`: the metrics shown, in their order

    def _spliced(self, metrics_json: str, value: Reach) -> str:
        spliced = splice(metrics_json, value)
        if self.columns is None:
            return spliced
        shown = json.loads(spliced)  # the chosen metrics only, in the chosen order
        chosen = {name: shown[name] for name in self.columns if name in shown}
        return json.dumps(chosen, separators=(",", ":"))

    def finish(self, now: datetime, graph: GraphFactory | None = default_graph) -> ListResult:
        """The result with reach and frequency in every row's and summary's metrics (and, where
        reach is null for a reason, `reach_unavailable`)."""
        values = self.resolution.complete(now, graph)
        rows = []
        for row, key in zip(self.result.rows, self.row_keys, strict=True):
            value = (values.get(key) if key else None) or Reach(None, reason=FILTERED)
            rows.append(
                replace(
                    row,
                    metrics_json=self._spliced(row.metrics_json, value),
                    extra_json=with_reason(row.extra_json, value),
                )
            )
        summary_value = (
            values[self.summary_key] if self.summary_key else Reach(None, reason=self.summary_reason)
        )
        summary = [
            replace(
                t,
                metrics_json=self._spliced(t.metrics_json, summary_value),
                reach_unavailable=summary_value.reason,
            )
            for t in self.result.summary
        ]
        return replace(self.result, rows=rows, summary=summary)


def prepare_reach(
    conn: Conn, seller_id: uuid.UUID, query: ListQuery, result: ListResult, now: datetime
) -> PendingReach:
    """The reach a list needs (each row's object over its account's range; the summary's one
    object, if any), resolved from what is stored, on the list's own connection."""
    level = LEVEL_NAMES[query.level]
    # The accounts the list's own statement read, each with its range (its timezone's days), and
    # the reach it found stored for them and for the rows.
    accounts = {a.id: (a.meta_account_id, a.timezone_name) for a in result.accounts}
    ranges = {a.id: DateRange(a.since, a.until) for a in result.accounts}
    read_already: dict[ReachKey, Reach | None] = {
        ReachKey(a.id, "account", act_id(a.meta_account_id), a.since, a.until): _reach(a.stored_reach)
        for a in result.accounts
    }
    wanted: list[Wanted] = []
    row_keys: list[ReachKey | None] = []
    for row in result.rows:
        r = ranges.get(row.ad_account_id)
        key = ReachKey(row.ad_account_id, level, row.meta_id, r.since, r.until) if r else None
        row_keys.append(key)
        if key is not None:
            wanted.append(Wanted(key, _impressions(row.metrics_json, row.impressions)))
            if not (key.level == "ad" and key.since == key.until):  # an ad's day: ad_stats_daily's
                read_already[key] = _reach(row.stored_reach)
    subject = summary_subject(conn, seller_id, query, accounts)
    summary_key: ReachKey | None = None
    reason: str | None = subject if isinstance(subject, str) else None
    if not isinstance(subject, str):
        r = ranges.get(subject[0])
        if r is None:
            reason = FILTERED
        else:
            summary_key = ReachKey(subject[0], subject[1], subject[2], r.since, r.until)
            wanted.append(
                Wanted(summary_key, sum(_impressions(t.metrics_json, t.impressions) for t in result.summary))
            )
    timezones = {a: tz for a, (_, tz) in accounts.items()}
    resolution = resolve(conn, wanted, now, timezones, read_already)
    return PendingReach(result, tuple(row_keys), summary_key, reason, resolution, query.columns)


def add_daily_reach(
    conn: Conn, seller_id: uuid.UUID, level: Level, series: DailySeries, now: datetime
) -> DailySeries:
    """`series` with each day's own reach (Meta's daily reach at the entity's level: stored by the
    stats sync, never a sum of its children's)."""
    lv = LEVELS[level]
    rows = run(
        conn,
        q(
            "SELECT e.ad_account_id, e.meta_id, a.timezone_name FROM {} e JOIN ad_accounts a "
            "ON a.id = e.ad_account_id WHERE e.id = {} AND e.seller_id = {}",
            lv.table,
            Param(series.entity_id),
            Param(seller_id),
        ),
    )
    if not rows:
        return series
    account_id, meta_id, tz = rows[0]["ad_account_id"], rows[0]["meta_id"], rows[0]["timezone_name"]
    keys = [ReachKey(account_id, LEVEL_NAMES[level], meta_id, day, day) for day, _ in series.points]
    wanted = [Wanted(k, _impressions(m)) for k, (_, m) in zip(keys, series.points, strict=True)]
    # Days are read by the stats sync only: a series never waits on Meta (no on-demand read).
    values = resolve(conn, wanted, now, {account_id: tz}).complete(now, graph=None)
    points = [(day, splice(m, values[k])) for k, (day, m) in zip(keys, series.points, strict=True)]
    notes = {k.since: reason for k in keys if (reason := values[k].reason) is not None}
    return replace(series, points=points, reach_unavailable=notes)
