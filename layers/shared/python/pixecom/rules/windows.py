"""Rule windows as date ranges, and the Ads Manager read every rule and alert evaluates on.

Evaluation reads one ad account at a time (the one just synced), so each window resolves in that
account's own timezone. The numbers come from `pixecom.adsmanager.query.list_entities` (the very
statement behind the Ads Manager lists) with the account as a filter: a rule sees the metrics the
seller reads, formatted as shown (`pixecom.rules.values.parse_metrics`).

`Candidates` makes that ONE read per (level, window) for an evaluation of an account: the whole
list of the account (every status, no scope), shared by all the rules and alerts that need it;
each then keeps its own rows with `AccountRead.where`, the Ads Manager's filters applied in
Python (`row_in`). A row's numbers do not depend on the filters (they only narrow which rows the
statement returns), so a filtered read and the filtered whole read are the same rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from operator import attrgetter

from sqlalchemy.orm import Session

from pixecom.adsmanager.params import DateSpec, Filters, Level, ListQuery
from pixecom.adsmanager.query import CurrencyTotals, EntityRow, ListResult, list_entities
from pixecom.db.models import AdAccount
from pixecom.domain.automation import RuleWindow
from pixecom.domain.dates import DatePreset, DateRange, local_today, resolve_date_preset
from pixecom.domain.enums import EntityLevel
from pixecom.rules.values import ShownMetrics, parse_metrics

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


def read_entities(
    session: Session,
    seller_id: uuid.UUID,
    level: EntityLevel,
    dates: DateRange | DateSpec,
    filters: Filters,
    now: datetime,
) -> list[EntityRow]:
    """Every entity of `level` the filters match, with its summed counters over `dates`: the Ads
    Manager list without paging (`filters` should name the ad account being evaluated)."""
    return read_list(session, seller_id, level, dates, filters, now).rows


def read_list(
    session: Session,
    seller_id: uuid.UUID,
    level: EntityLevel,
    dates: DateRange | DateSpec,
    filters: Filters,
    now: datetime,
) -> ListResult:
    """The whole Ads Manager list (rows and per-currency summary) without paging."""
    spec = dates if isinstance(dates, DateSpec) else DateSpec(custom=dates)
    query = ListQuery(level=LIST_LEVEL[level], dates=spec, filters=filters, limit=None)
    return list_entities(session, seller_id, query, now)


def row_in(row: EntityRow, f: Filters) -> bool:
    """Whether the Ads Manager's `f` keeps `row` (`pixecom.adsmanager.query._entity_filters` in
    Python): each non-empty filter must hold; `q` is a case-insensitive "name contains"."""
    return _keeps(f)(row)


def _keeps(f: Filters) -> Callable[[EntityRow], bool]:
    """`row_in` for one `f`, checking only the filters it sets (it runs on thousands of rows)."""
    checks: list[Callable[[EntityRow], bool]] = []
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
    if len(checks) == 1:
        return checks[0]
    return lambda row: all(check(row) for check in checks)


def _one_of(column: str, values: frozenset[object]) -> Callable[[EntityRow], bool]:
    get = attrgetter(column)
    return lambda row: get(row) in values


class Candidate:
    """One row of a read; its metrics are parsed when first asked for (rows no rule's filters
    keep are never parsed)."""

    __slots__ = ("_metrics", "row")

    def __init__(self, row: EntityRow) -> None:
        self.row = row
        self._metrics: ShownMetrics | None = None

    @property
    def metrics(self) -> ShownMetrics:
        if self._metrics is None:
            self._metrics = parse_metrics(self.row.metrics_json)
        return self._metrics


@dataclass(frozen=True)
class AccountRead:
    """The Ads Manager list of one level of one ad account over one window, in its order
    (spend descending, then id), and its per-currency summary row."""

    rows: list[Candidate]
    summary: list[CurrencyTotals]
    _kept: dict[Filters, list[Candidate]] = field(default_factory=dict, compare=False)

    def where(self, filters: Filters) -> list[Candidate]:
        """The rows `filters` keep, in order (rules with the same filters share the list)."""
        if filters not in self._kept:
            keeps = _keeps(filters)
            self._kept[filters] = [c for c in self.rows if keeps(c.row)]
        return self._kept[filters]


@dataclass
class Candidates:
    """The reads of one evaluation: one Ads Manager statement per (account, level, window)."""

    reads: dict[tuple[uuid.UUID, EntityLevel, RuleWindow, DateRange], AccountRead] = field(
        default_factory=dict
    )

    def read(
        self, session: Session, account: AdAccount, level: EntityLevel, window: RuleWindow, now: datetime
    ) -> AccountRead:
        days = account_window(window, now, account.timezone_name)
        key = (account.id, level, window, days)
        if key not in self.reads:
            filters = Filters(ad_account_ids=(account.id,))
            result = read_list(session, account.seller_id, level, window_dates(window, days), filters, now)
            rows = [Candidate(row) for row in result.rows]
            self.reads[key] = AccountRead(rows, result.summary)
        return self.reads[key]
