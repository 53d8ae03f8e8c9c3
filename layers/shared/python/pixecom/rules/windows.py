"""Rule windows as date ranges, and the Ads Manager read every rule and alert evaluates on.

Evaluation reads one ad account at a time (the one just synced), so each window resolves in that
account's own timezone. The numbers come from `pixecom.adsmanager.sums` (the parts of the very
statement behind the Ads Manager lists, selecting the metrics its readers read by the lists' own
expressions): a rule sees the metrics the seller reads, as shown.

`Candidates` makes ONE read per (level, window) for an evaluation of an account, shared by all
the rules and alerts that need it. It reads only the rows some reader can act on: the union of
their `Need`s (statuses, the lowest minimum spend, the metrics read), gathered before the
first read. Each
reader then keeps its own rows with `AccountRead.where`, the Ads Manager's filters applied in
Python (`AccountRead.where`). A row's numbers do not depend on the filters (they only narrow which rows the
statement returns), so a filtered read and the filtered shared read are the same rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from operator import attrgetter

from sqlalchemy.orm import Session

from pixecom.adsmanager.params import DateSpec, Filters, Level
from pixecom.adsmanager.sums import Metrics, SummedRow, list_account_sums
from pixecom.db.models import AdAccount
from pixecom.domain.automation import RuleWindow
from pixecom.domain.dates import DatePreset, DateRange, local_today, resolve_date_preset
from pixecom.domain.enums import CampaignStatus, EntityLevel

LIST_LEVEL: dict[EntityLevel, Level] = {
    EntityLevel.CAMPAIGN: Level.CAMPAIGNS,
    EntityLevel.ADSET: Level.ADSETS,
    EntityLevel.AD: Level.ADS,
}


def window_range(window: RuleWindow, today: date) -> DateRange:
    """The local days a window covers on `today`; last_Nd are the N full days ending yesterday,
    as Meta's and the Ads Manager's presets."""
    if window is RuleWindow.TODAY:
        return resolve_date_preset(DatePreset.TODAY, today)
    if window is RuleWindow.YESTERDAY:
        return resolve_date_preset(DatePreset.YESTERDAY, today)
    if window is RuleWindow.LAST_7D:
        return resolve_date_preset(DatePreset.LAST_7D, today)
    yesterday = today - timedelta(days=1)
    return DateRange(yesterday - timedelta(days=2), yesterday)


def account_window(window: RuleWindow, now: datetime, timezone_name: str) -> DateRange:
    """`window_range` on the account's local day at `now`."""
    return window_range(window, local_today(now, timezone_name))


# Windows that are Ads Manager presets read exactly like the preset (and its per-ad snapshot).
_PRESETS: dict[RuleWindow, DatePreset] = {
    RuleWindow.TODAY: DatePreset.TODAY,
    RuleWindow.YESTERDAY: DatePreset.YESTERDAY,
    RuleWindow.LAST_7D: DatePreset.LAST_7D,
}


def window_dates(window: RuleWindow, days: DateRange) -> DateSpec:
    """The Ads Manager date parameter for a window: its preset where there is one, else `days`
    (the window resolved in the account's timezone)."""
    preset = _PRESETS.get(window)
    return DateSpec(preset=preset) if preset is not None else DateSpec(custom=days)


def _checks(f: Filters) -> list[Callable[[SummedRow], bool]]:
    """One test per filter `f` sets (only those: they run on thousands of rows)."""
    checks: list[Callable[[SummedRow], bool]] = []
    for allowed, column in (
        (f.ad_account_ids, "ad_account_id"),
        (f.sellpage_ids, "sellpage_id"),
        (f.statuses, "status"),
        (f.delivery_statuses, "delivery_status"),
        (f.campaign_ids, "campaign_id"),
        (f.adset_ids, "adset_id"),
    ):
        if allowed:
            checks.append(_one_of(column, frozenset(allowed)))
    if f.q:
        needle = f.q.lower()
        checks.append(lambda row: needle in row.name.lower())
    return checks


def _one_of(column: str, values: frozenset[object]) -> Callable[[SummedRow], bool]:
    get = attrgetter(column)
    return lambda row: get(row) in values


class Candidate:
    """One row of a read and the metrics its readers read, as the Ads Manager shows them."""

    __slots__ = ("metrics", "row")

    def __init__(self, row: SummedRow) -> None:
        self.row = row
        self.metrics = row.metrics


_SPEND = frozenset({"spend"})


@dataclass(frozen=True)
class Need:
    """The rows a reader of a (level, window) acts on: those of `statuses` (None: any status)
    whose spend is at least `min_spend`, and the metrics it reads of them and of the totals
    (`metrics`: names; spend always). Readers filter further themselves."""

    statuses: frozenset[CampaignStatus] | None = None
    min_spend: Decimal = Decimal(0)
    metrics: frozenset[str] = _SPEND

    @property
    def no_rows(self) -> bool:
        return self.statuses == frozenset()

    def covers(self, other: Need) -> bool:
        if not other.metrics <= self.metrics:
            return False
        if other.no_rows:
            return True
        statuses_covered = self.statuses is None or (
            other.statuses is not None and other.statuses <= self.statuses
        )
        return statuses_covered and self.min_spend <= other.min_spend

    def __or__(self, other: Need) -> Need:
        metrics = self.metrics | other.metrics
        if self.no_rows or other.no_rows:  # its minimum spend bounds no row
            rows = other if self.no_rows else self
            return replace(rows, metrics=metrics)
        statuses = None if self.statuses is None or other.statuses is None else self.statuses | other.statuses
        return Need(statuses, min(self.min_spend, other.min_spend), metrics)


TOTALS_ONLY = Need(statuses=frozenset())  # no rows: the account's totals (spend) only

Needs = dict[tuple[EntityLevel, RuleWindow], Need]


def merge_needs(*groups: Needs) -> Needs:
    """Every reader's needs, one per (level, window): what covers them all."""
    merged: Needs = {}
    for group in groups:
        for key, need in group.items():
            merged[key] = merged[key] | need if key in merged else need
    return merged


@dataclass(frozen=True)
class AccountRead:
    """The Ads Manager rows of one level of one ad account over one window that `need` asks
    for (in no particular order), and the account's totals over the window."""

    account_id: uuid.UUID
    rows: list[Candidate]
    totals: Metrics
    need: Need
    _kept: dict[Filters, list[Candidate]] = field(default_factory=dict, compare=False)

    def _in_accounts(self, filters: Filters) -> bool:
        """Every row is the account's: an account filter keeps all of them or none."""
        return not filters.ad_account_ids or self.account_id in filters.ad_account_ids

    def where(self, filters: Filters) -> list[Candidate]:
        """The rows `filters` keep (rules with the same filters share the list)."""
        if filters not in self._kept:
            kept = self.rows if self._in_accounts(filters) else []
            for check in _checks(replace(filters, ad_account_ids=())):  # one pass per filter
                kept = [c for c in kept if check(c.row)]
            self._kept[filters] = kept
        return self._kept[filters]


@dataclass
class Candidates:
    """The reads of one evaluation: one statement per (account, level, window), reading what
    every reader of it needs (`needs`, known before the first read: alerts' and rules'). A
    reader asking for more than was read (one not planned for) gets a new, wider read."""

    needs: Needs = field(default_factory=dict)
    reads: dict[tuple[uuid.UUID, EntityLevel, RuleWindow, DateRange], AccountRead] = field(
        default_factory=dict
    )

    def read(
        self,
        session: Session,
        account: AdAccount,
        level: EntityLevel,
        window: RuleWindow,
        now: datetime,
        need: Need = Need(),
    ) -> AccountRead:
        days = account_window(window, now, account.timezone_name)
        key = (account.id, level, window, days)
        done = self.reads.get(key)
        if done is None or not done.need.covers(need):
            wanted = self.needs.get((level, window), need) | need
            if done is not None:
                wanted = wanted | done.need
            self.reads[key] = read_account(session, account, level, window_dates(window, days), wanted, now)
        return self.reads[key]


def read_account(
    session: Session, account: AdAccount, level: EntityLevel, dates: DateSpec, need: Need, now: datetime
) -> AccountRead:
    """One statement: the account's rows of `level` that `need` asks for, and its totals."""
    result = list_account_sums(
        session,
        account.seller_id,
        account.id,
        LIST_LEVEL[level],
        dates,
        statuses=need.statuses,
        min_spend=need.min_spend,
        metrics=need.metrics | _SPEND,
        now=now,
    )
    return AccountRead(account.id, [Candidate(row) for row in result.rows], result.totals, need)
