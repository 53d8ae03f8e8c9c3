"""Reach and frequency of the Ads Manager's rows, summaries and daily points, as Meta counts them.

Reach is unique people over exactly the range and the object asked: never a sum over days, ads,
ad sets or campaigns. So every value here is one Meta answered for that object and range:

- stored by the stats sync (`reach_stats`: the standard presets and each day of its window at
  every level; an ad's single days are `ad_stats_daily.reach`);
- else, for a list's page rows and summary, read from Meta on demand (a custom range, or a preset
  the sync has not read yet) and kept in `reach_stats` as a cache: fresh for CACHE_TODAY when the
  range holds the account's today, CACHE_SETTLED otherwise. On-demand reads are bounded
  (MAX_READS_PER_REQUEST, synchronous only, only while Meta's usage of the account is under
  ON_DEMAND_MAX_USAGE_PCT and the account is not throttled), so they never eat the stats sync's
  budget; when they cannot run, reach is null and `reach_unavailable` says why.

`frequency` = impressions / reach of the same Meta answer (4 decimals), null when reach is null
or 0. An object without impressions in the range reached nobody: reach 0, frequency null.
A summary has reach only where Meta has it: one ad account and no filter other than the account
(the account's reach), one campaign, or one ad set; otherwise null with the reason.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pixecom.adsmanager.sql import LEVELS
from pixecom.adsmanager.statement import Conn, Fragment, Param, q, run
from pixecom.crypto import TokenDecryptionError, decrypt_token
from pixecom.db.engine import session_scope
from pixecom.db.reach_store import ReachRead, store_reach
from pixecom.domain.dates import local_today
from pixecom.meta.errors import GraphError, RateLimited, TransientError
from pixecom.meta.factory import GraphFactory, default_graph
from pixecom.meta.reach import ReachRow, read_reach

LEVEL_NAMES = {level: lv.level_name for level, lv in LEVELS.items()}
CACHE_TODAY = timedelta(minutes=30)
CACHE_SETTLED = timedelta(hours=12)
MAX_READS_PER_REQUEST = 4
ON_DEMAND_MAX_USAGE_PCT = 40.0  # the stats sync reads reach up to 60%: on-demand stops first
MAX_IDS_PER_READ = 500

NOT_READ = "Meta's reach for this range has not been read yet; a later stats run reads it"
THROTTLED = "Meta's rate limit for this ad account is reached; reach is read again once it resets"
TOO_BIG = "Meta answers this range's reach only through a report run, which is not awaited here"
REFUSED = "Meta did not answer the reach read"
SEVERAL_ACCOUNTS = (
    "reach counts unique people per ad account: people reached by several accounts cannot be told "
    "apart, so no total reach is given across accounts"
)
FILTERED = (
    "reach of a filtered selection is not a sum of its rows and Meta has no single value for it; "
    "it is given for one account unfiltered, one campaign or one ad set"
)
_RATIO = Decimal("0.0001")


@dataclass(frozen=True)
class Reach:
    """Meta's unique people for one object and range, the impressions of the same answer, or
    why it is not known."""

    reach: int | None
    impressions: int = 0
    reason: str | None = None
    fetched_at: datetime | None = None

    @property
    def frequency(self) -> Decimal | None:
        if not self.reach:
            return None
        return (Decimal(self.impressions) / Decimal(self.reach)).quantize(_RATIO, rounding=ROUND_HALF_UP)

    def metrics_json(self) -> str:
        """`"reach":..,"frequency":..` for a `metrics` object (frequency a number, like ratios)."""
        freq = self.frequency
        return f'"reach":{json.dumps(self.reach)},"frequency":{"null" if freq is None else str(freq)}'


@dataclass(frozen=True)
class ReachKey:
    account_id: uuid.UUID
    level: str  # account | campaign | adset | ad
    object_id: str  # Meta's id (`act_<id>` for the account)
    since: date
    until: date


def splice(metrics_json: str, value: Reach) -> str:
    """`metrics_json` (a JSON object's text) with reach and frequency added at its end."""
    body = metrics_json.rstrip()[:-1].rstrip()
    return body + ("," if body != "{" else "") + value.metrics_json() + "}"


def with_reason(extra_json: str, value: Reach) -> str:
    """A row's extra fields (a JSON object's text) with `reach_unavailable`."""
    body = extra_json.rstrip()[:-1].rstrip()
    return body + ("," if body != "{" else "") + '"reach_unavailable":' + json.dumps(value.reason) + "}"


def fresh(value: Reach, key: ReachKey, today: date, now: datetime) -> bool:
    """Whether a stored value still stands at `now`."""
    ends_at = stands_until(value, key, today)
    return ends_at is None or now < ends_at


def stands_until(value: Reach, key: ReachKey, today: date) -> datetime | None:
    """When a stored value stops standing: a range holding today ages fast, a settled one slowly
    (None: an ad's day from ad_stats_daily, as fresh as the stats)."""
    if value.fetched_at is None:
        return None
    return value.fetched_at + (CACHE_TODAY if key.until >= today else CACHE_SETTLED)


def stored_reach(conn: Conn, keys: Iterable[ReachKey]) -> dict[ReachKey, Reach]:
    """What is stored for `keys`: reach_stats, and ad_stats_daily for an ad's single day."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return {}
    statement = q("SELECT {}", _stored_ranges(keys))
    ad_days = [k for k in keys if k.level == "ad" and k.since == k.until]
    if ad_days:  # only then: the ad-day part plans partitions of ad_stats_daily
        statement = q("{} UNION ALL {}", statement, _stored_ad_days(ad_days))
    rows = run(conn, statement)
    return {
        ReachKey(m["acct"], m["level"], m["obj"], m["since"], m["until"]): Reach(
            int(m["reach"]), int(m["impressions"] or 0), fetched_at=m["fetched_at"]
        )
        for m in rows
    }


def _unnested(keys: Sequence[ReachKey]) -> Fragment:
    return q(
        "unnest(CAST({} AS uuid[]), CAST({} AS text[]), CAST({} AS text[]), CAST({} AS date[]), "
        "CAST({} AS date[])) AS k(acct, level, obj, since, until)",
        Param([k.account_id for k in keys]),
        Param([k.level for k in keys]),
        Param([k.object_id for k in keys]),
        Param([k.since for k in keys]),
        Param([k.until for k in keys]),
    )


def _stored_ranges(keys: Sequence[ReachKey]) -> Fragment:
    """The select list and FROM of reach_stats' rows for `keys` (the table's primary key)."""
    return q(
        "k.acct, k.level, k.obj, k.since, k.until, r.reach, r.impressions, r.fetched_at FROM {} "
        "JOIN reach_stats r ON r.ad_account_id = k.acct AND r.level = k.level AND r.object_id = k.obj "
        "AND r.since = k.since AND r.until = k.until",
        _unnested(keys),
    )


def _stored_ad_days(keys: Sequence[ReachKey]) -> Fragment:
    """An ad's reach on one day, as the stats sync stored it in ad_stats_daily. The days' bounds
    are values the planner sees: it reads only their partitions (planning the table's every
    monthly partition cost ~2.5 ms a statement)."""
    return q(
        "SELECT k.acct, k.level, k.obj, k.since, k.until, s.reach, s.impressions, NULL AS fetched_at "
        "FROM {} JOIN ads a ON a.ad_account_id = k.acct AND a.meta_id = k.obj "
        "JOIN ad_stats_daily s ON s.ad_id = a.id AND s.date = k.since "
        "WHERE s.date BETWEEN {} AND {} AND s.reach IS NOT NULL",
        _unnested(keys),
        Param(min(k.since for k in keys)),
        Param(max(k.since for k in keys)),
    )


@dataclass(frozen=True)
class Wanted:
    """A value the response needs: its key and our impressions for it (0: it reached nobody)."""

    key: ReachKey
    impressions: int


@dataclass(frozen=True)
class Resolution:
    """What the database holds for the wanted keys (read on the request's connection), and what
    is left to read from Meta (`complete`, once that connection is back in the pool: an
    on-demand read opens its own sessions)."""

    known: dict[ReachKey, Reach]
    missing: tuple[ReachKey, ...]
    stale: dict[ReachKey, Reach]  # stored values older than their cache time
    stands_until: datetime | None = None  # when the first known stored value stops standing

    def complete(self, now: datetime, graph: GraphFactory | None = default_graph) -> dict[ReachKey, Reach]:
        """Every key's value: known; else read from Meta now (when `graph` is given); else the
        stored one however old; else null with the reason."""
        read = fetch_on_demand(self.missing, now, graph) if graph is not None and self.missing else {}
        out = dict(self.known)
        for key in self.missing:
            got = read.get(key)
            if got is not None and got.reach is not None:
                out[key] = got
            elif key in self.stale:
                out[key] = self.stale[key]  # older than we would like, but Meta's
            else:
                out[key] = got or Reach(None, reason=NOT_READ)
        return out


def resolve(
    conn: Conn,
    wanted: Sequence[Wanted],
    now: datetime,
    timezones: Mapping[uuid.UUID, str],
    read_already: Mapping[ReachKey, Reach | None] | None = None,
) -> Resolution:
    """The stored values of the wanted keys that still stand, and the keys to read from Meta.
    `read_already`: keys whose stored value (None: none stored) a statement already read."""
    read_already = read_already or {}
    stored = {k: v for k, v in read_already.items() if v is not None}
    stored |= stored_reach(conn, (w.key for w in wanted if w.impressions and w.key not in read_already))
    known: dict[ReachKey, Reach] = {}
    missing: list[ReachKey] = []
    ends: list[datetime] = []
    for w in wanted:
        value = stored.get(w.key)
        if not w.impressions:
            known[w.key] = Reach(0)
            continue
        if value is None:
            missing.append(w.key)
            continue
        today = local_today(now, timezones[w.key.account_id])
        if not fresh(value, w.key, today, now):
            missing.append(w.key)
            continue
        known[w.key] = value
        ends_at = stands_until(value, w.key, today)
        if ends_at is not None:
            ends.append(ends_at)
    stale = {k: stored[k] for k in missing if k in stored}
    return Resolution(known, tuple(dict.fromkeys(missing)), stale, min(ends, default=None))


def fetch_on_demand(keys: Sequence[ReachKey], now: datetime, graph: GraphFactory) -> dict[ReachKey, Reach]:
    """Read `keys` from Meta (grouped: one read per account, level and range, ids filtered) and
    cache the answers; bounded by MAX_READS_PER_REQUEST and the account's usage."""
    groups: dict[tuple[uuid.UUID, str, date, date], list[str]] = {}
    for k in keys:
        groups.setdefault((k.account_id, k.level, k.since, k.until), []).append(k.object_id)
    out: dict[ReachKey, Reach] = {}
    reads = 0
    account_ids = list(dict.fromkeys(g[0] for g in groups))
    with session_scope() as session:  # one statement for every account, whatever the page size
        accounts = _account_rows(session, account_ids)
    for account_id in account_ids:
        mine = {g: ids for g, ids in groups.items() if g[0] == account_id}
        allowance = MAX_READS_PER_REQUEST - reads
        reads += _read_account(account_id, accounts.get(account_id), mine, now, graph, allowance, out)
    return out


def _read_account(
    account_id: uuid.UUID,
    account: Mapping[str, Any] | None,
    groups: Mapping[tuple[uuid.UUID, str, date, date], list[str]],
    now: datetime,
    graph: GraphFactory,
    allowance: int,
    out: dict[ReachKey, Reach],
) -> int:
    """One account's on-demand reads; every key of `groups` gets a value or a reason in `out`."""
    reads = 0

    def fail(group: tuple[uuid.UUID, str, date, date], reason: str) -> None:
        for object_id in groups[group]:
            out[ReachKey(*group[:2], object_id, *group[2:])] = Reach(None, reason=reason)

    if account is None or (account["throttled_until"] is not None and account["throttled_until"] > now):
        for group in groups:
            fail(group, THROTTLED)
        return 0
    try:
        token = decrypt_token(account["access_token_encrypted"])
    except TokenDecryptionError:
        for group in groups:
            fail(group, REFUSED)
        return 0
    answers: list[tuple[ReachRead, list[ReachRow]]] = []
    with graph(token) as client:
        stop: str | None = None
        for group, ids in groups.items():
            usage = client.usage(account["meta_account_id"])
            if stop is None and reads >= allowance:
                stop = NOT_READ
            if stop is None and usage is not None and usage.max_pct >= ON_DEMAND_MAX_USAGE_PCT:
                stop = THROTTLED
            if stop is not None:
                fail(group, stop)
                continue
            _, level, since, until = group
            try:
                reads += 1
                rows = read_reach(
                    client,
                    account["meta_account_id"],
                    level,
                    since,
                    until,
                    object_ids=[] if level == "account" else ids[:MAX_IDS_PER_READ],
                    allow_async=False,
                )
            except RateLimited:
                stop = THROTTLED
                fail(group, stop)
                continue
            except TransientError as exc:
                fail(group, TOO_BIG if exc.too_much_data else REFUSED)
                continue
            except GraphError:
                fail(group, REFUSED)
                continue
            answers.append((ReachRead(level, since, until), rows))
            answered = {r.object_id: r for r in rows if r.since == since and r.until == until}
            for object_id in ids:
                row = answered.get(object_id)
                # Meta lists only objects with delivery: one it leaves out reached nobody.
                value = Reach(row.reach, row.impressions, fetched_at=now) if row else Reach(0)
                out[ReachKey(account_id, level, object_id, since, until)] = value
    if answers:
        with session_scope() as session:
            store_reach(session, account_id, account["seller_id"], answers, now, replace=False)
    return reads


def _account_rows(session: Conn, account_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Mapping[str, Any]]:
    rows = run(
        session,
        q(
            "SELECT id, seller_id, meta_account_id, access_token_encrypted, throttled_until "
            "FROM ad_accounts WHERE id = ANY({})",
            Param(list(account_ids)),
        ),
    )
    return {m["id"]: m for m in rows}
