"""Rule windows as date ranges, and the Ads Manager read every rule and alert evaluates on.

Evaluation reads one ad account at a time (the one just synced), so each window resolves in that
account's own timezone. The numbers come from `pixecom.adsmanager.query.list_entities` (the very
statement behind the Ads Manager lists) with the account as a filter: a rule sees the metrics the
seller reads, formatted as shown (`pixecom.rules.values.parse_metrics`).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from pixecom.adsmanager.params import DateSpec, Filters, Level, ListQuery
from pixecom.adsmanager.query import EntityRow, ListResult, list_entities
from pixecom.domain.automation import RuleWindow
from pixecom.domain.dates import DatePreset, DateRange, local_today, resolve_date_preset
from pixecom.domain.enums import EntityLevel

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
