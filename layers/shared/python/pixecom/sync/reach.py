"""Reach at each stats run: Meta's unique people for the standard presets and each day, stored.

Reach cannot be summed (over days, ads, ad sets or campaigns), so the Ads Manager can only show
what Meta answered for exactly that object and range. Each stats run, after the daily ad rows
and before its write, reads:

- each day of its window at the account, campaign and ad set levels (`time_increment=1`: each
  day's own reach; an ad's days come with the daily ad rows, `ad_stats_daily.reach`);
- each standard preset's range (last 7, 14, 30 days, this month, last month, in the account's
  timezone) at the four levels, when it is due (`ranges_due`): a range holding today at every
  run, the others when never read or last read more than SETTLED_REFRESH ago (their days are
  still restated by the stats sync for a day, so they are re-read a few times, not every run).

Reach never starves the stats: it is read only while Meta's usage of the account stays under
MAX_USAGE_PCT, stops at the first refusal or throttle (the rest waits for a later run, a warning
on the run says so), and its calls are counted in the run's `graph_calls`, which is what the
dispatch's fairness expects of the account's next run. The write is in the stats run's
transaction: each read's scope is replaced by Meta's answer (objects Meta no longer lists for
it are deleted), as the daily rows are.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from pixecom.db.reach_store import ReachRead, last_reads
from pixecom.domain.dates import DatePreset, DateRange, resolve_date_preset
from pixecom.meta.errors import GraphError
from pixecom.meta.params import act_id
from pixecom.meta.reach import LEVELS, ReachRow, read_reach
from pixecom.meta.transport import GraphTransport
from pixecom.sync.recording import AccountRef

# The presets read as ranges; today and yesterday are single days, read with the window's days.
RANGE_PRESETS = (
    DatePreset.LAST_7D,
    DatePreset.LAST_14D,
    DatePreset.LAST_30D,
    DatePreset.THIS_MONTH,
    DatePreset.LAST_MONTH,
)
DAILY_LEVELS = ("account", "campaign", "adset")
SETTLED_REFRESH = timedelta(hours=6)
MAX_USAGE_PCT = 60.0  # above this share of Meta's budget, reach waits: the stats come first
# Wall time a run gives reach reads (report runs wait on Meta's queue): the stats' own write, the
# 900 s worker timeout and the window's lease never wait on reach; what is left is due next run.
TIME_BUDGET_SECONDS = 180.0


@dataclass
class ReachOutcome:
    """What a run read: each completed read with its rows; why it stopped early, if it did."""

    answers: list[tuple[ReachRead, list[ReachRow]]] = field(default_factory=list)
    stopped: str | None = None


def preset_ranges(today: date) -> list[DateRange]:
    """The standard presets' ranges on local day `today` (distinct; single days left out)."""
    ranges: list[DateRange] = []
    for preset in RANGE_PRESETS:
        r = resolve_date_preset(preset, today)
        if r.since < r.until and r not in ranges:
            ranges.append(r)
    return ranges


def ranges_due(today: date, read_at: Mapping[tuple[date, date], datetime], now: datetime) -> list[DateRange]:
    """The preset ranges to read this run: never read, holding today, or read SETTLED_REFRESH ago."""
    due = []
    for r in preset_ranges(today):
        last = read_at.get((r.since, r.until))
        if last is None or r.until >= today or now - last >= SETTLED_REFRESH:
            due.append(r)
    return due


def planned_reads(window: DateRange, ranges: Sequence[DateRange]) -> list[ReachRead]:
    """Every read of a run, the days first (the charts of the window), then each range's levels."""
    reads = [ReachRead(level, window.since, window.until, daily=True) for level in DAILY_LEVELS]
    reads += [ReachRead(level, r.since, r.until) for r in ranges for level in LEVELS]
    return reads


def read_all(
    client: GraphTransport,
    account: AccountRef,
    reads: Sequence[ReachRead],
    estimated_ads: int | None,
    *,
    time_budget: float = TIME_BUDGET_SECONDS,
    monotonic: Callable[[], float] = time.monotonic,
) -> ReachOutcome:
    """Read in order while Meta's usage of the account and the run's time allow; stop at the
    first refusal."""
    outcome = ReachOutcome()
    deadline = monotonic() + time_budget
    for read in reads:
        if monotonic() >= deadline:
            outcome.stopped = f"the run's {time_budget:.0f} s for reach were used"
            break
        usage = client.usage(account.meta_account_id)
        if usage is not None and usage.max_pct >= MAX_USAGE_PCT:
            outcome.stopped = f"Meta's usage of the account is at {usage.max_pct:.0f}%"
            break
        try:
            rows = read_reach(
                client,
                account.meta_account_id,
                read.level,
                read.since,
                read.until,
                daily=read.daily,
                estimated_ads=estimated_ads,
            )
        except GraphError as exc:
            outcome.stopped = f"Meta refused a reach read ({type(exc).__name__})"
            break
        if read.level == "account" and not read.daily and not rows:
            # No delivery: the account reached nobody. Kept as a 0 so the range counts as read.
            rows = [ReachRow("account", act_id(account.meta_account_id), read.since, read.until, 0, 0)]
        outcome.answers.append((read, rows))
    return outcome


def sync_reach(
    client: GraphTransport,
    session: Session,
    account: AccountRef,
    window: DateRange,
    today: date,
    now: datetime,
    *,
    estimated_ads: int | None,
    with_presets: bool = True,
) -> ReachOutcome:
    """Read the run's due reach (`session` only reads here; `store_reach` writes it later)."""
    ranges = ranges_due(today, last_reads(session, account.id), now) if with_presets else []
    return read_all(client, account, planned_reads(window, ranges), estimated_ads)
