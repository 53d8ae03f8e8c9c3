"""List bodies kept in memory and served again while nothing they were read from has changed.

A seller's console asks for the same list again and again (back from an ad set, a second tab, a
refresh) between syncs. The API keeps each list body it answered, with the database snapshot its
read started from, and serves it again only when all of this holds:

- no transaction that snapshot did not see has changed the seller's listed data, or data every
  seller sees (exchange rates): `pixecom.db.data_changes`, asked on the primary at every reuse;
- the request's instant lies between the read's instant and the body's `stands_until`: the
  first local midnight of any of its ad accounts (presets, the snapshots' day), the moment the
  first stored reach it shows stops standing (`adsmanager.reach`), and `LIST_CACHE_SECONDS`
  after the read, whichever comes first;
- it is the same database, seller and parsed query (filters, narrowing to a member's accounts,
  sort, page, columns, comparison): equal queries are equal keys.

Not kept: a body whose reach Meta still had to be asked for (that answer came from Meta, not
from the database), and a body read on a replica (a standby's snapshot does not name the
primary's running transactions, so it cannot be checked against the primary's log). Bodies are
kept per process, least recently used dropped first, within `LIST_CACHE_MB`; 0 turns keeping off.
"""

from __future__ import annotations

import uuid
from collections import Counter, OrderedDict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from threading import Lock
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from pixecom.adsmanager.list_rows import ListResult
from pixecom.adsmanager.params import ListQuery
from pixecom.adsmanager.reach_rows import PendingReach
from pixecom.db.data_changes import unchanged_since
from pixecom.db.engine import get_engine
from pixecom.db.reader import on_primary
from pixecom.settings import get_settings


@dataclass(frozen=True)
class KeptList:
    body: bytes
    snapshot: str  # pg_current_snapshot() of the read's first statement (the list's own)
    read_at: datetime  # the request's instant when it was read
    stands_until: datetime


def next_local_midnight(now: datetime, timezone_name: str) -> datetime:
    """The first instant after `now` at which `timezone_name`'s calendar day changes. Where a
    clock change skips or repeats midnight, the earlier of its readings (never too late)."""
    zone = ZoneInfo(timezone_name)
    tomorrow: date = now.astimezone(zone).date() + timedelta(days=1)
    readings = (datetime.combine(tomorrow, time(0), tzinfo=zone).replace(fold=f) for f in (0, 1))
    return min(r.astimezone(UTC) for r in readings)


def stands_until(
    read_at: datetime, timezones: Iterable[str], reach_until: datetime | None, longest: timedelta
) -> datetime:
    """Until when a body read at `read_at` may be served again, data unchanged."""
    ends = [read_at + longest, *(next_local_midnight(read_at, tz) for tz in set(timezones))]
    if reach_until is not None:
        ends.append(reach_until)
    return min(ends)


class ListCache:
    """Kept bodies by key, least recently used first out, at most `max_bytes` of bodies."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, KeptList] = OrderedDict()
        self._bytes = 0
        self._lock = Lock()  # the API may serve requests on several threads

    def get(self, key: Hashable, now: datetime) -> KeptList | None:
        """The body kept under `key` if `now` lies in its time window (else dropped)."""
        with self._lock:
            kept = self._entries.get(key)
            if kept is None:
                return None
            if not kept.read_at <= now < kept.stands_until:
                self._remove(key)
                return None
            self._entries.move_to_end(key)
            return kept

    def put(self, key: Hashable, kept: KeptList) -> None:
        if len(kept.body) > self.max_bytes:
            return
        with self._lock:
            self._remove(key)
            self._entries[key] = kept
            self._bytes += len(kept.body)
            while self._bytes > self.max_bytes:
                self._remove(next(iter(self._entries)))

    def drop(self, key: Hashable) -> None:
        with self._lock:
            self._remove(key)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def _remove(self, key: Hashable) -> None:
        kept = self._entries.pop(key, None)
        if kept is not None:
            self._bytes -= len(kept.body)


_cache: ListCache | None = None
# Per process, for tests and logs: bodies served again, reads done, bodies kept.
kept_counts: Counter[str] = Counter()


def list_cache() -> ListCache | None:
    """The process's kept bodies (None when LIST_CACHE_MB is 0)."""
    global _cache
    max_bytes = int(get_settings().list_cache_mb * 1024 * 1024)
    if max_bytes <= 0:
        return None
    if _cache is None or _cache.max_bytes != max_bytes:
        _cache = ListCache(max_bytes)
    return _cache


def reset_list_cache() -> None:
    global _cache
    _cache = None
    kept_counts.clear()


def list_key(seller_id: uuid.UUID, query: ListQuery) -> Hashable:
    """Which body a request may be served: the database (a process may be pointed at another),
    the seller, the parsed query."""
    return (get_engine().url, seller_id, query)


def served_again(cache: ListCache, key: Hashable, seller_id: uuid.UUID, now: datetime) -> bytes | None:
    """The kept body for `key` if it still stands at `now` and its seller's data is unchanged
    since its read (asked on the primary); else None, and the body is dropped."""
    kept = cache.get(key, now)
    if kept is None:
        return None

    def unchanged(conn: Connection) -> bool:
        return unchanged_since(conn.connection.driver_connection, seller_id, kept.snapshot)

    # On the primary (it must see every commit); on a new connection if the pooled one turns out
    # dead, as the list's own read would.
    if not on_primary(unchanged):
        cache.drop(key)
        return None
    kept_counts["served_again"] += 1
    return kept.body


def keep(
    cache: ListCache,
    key: Hashable,
    body: bytes,
    now: datetime,
    result: ListResult,
    pending: PendingReach | None,
) -> None:
    """Keep a body just read, unless it was read on a replica (no snapshot the primary can
    check) or holds reach Meta was asked for."""
    kept_counts["read"] += 1
    if result.snapshot is None or (pending is not None and pending.resolution.missing):
        return
    longest = timedelta(seconds=get_settings().list_cache_seconds)
    reach_until = pending.resolution.stands_until if pending is not None else None
    until = stands_until(now, (a.timezone_name for a in result.accounts), reach_until, longest)
    cache.put(key, KeptList(body, result.snapshot, now, until))
    kept_counts["kept"] += 1
