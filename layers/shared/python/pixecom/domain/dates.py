"""Date presets, custom ranges and sync windows: pure, no clock reads (callers pass `today`/`now`).

Every range is inclusive on both ends and lives in an ad account's own timezone: Meta's insight
days are the account's local days, so "today" is computed per account with `local_today`.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

MAX_RANGE_MONTHS = 37  # Meta keeps insights for 37 months; older ranges are a 400 there.


class InvalidDateRange(ValueError):
    """Bad date input, naming the query parameter at fault (the API turns it into a 422)."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


class DatePreset(StrEnum):
    """The presets the Ads Manager offers (a subset of Meta's `date_preset`)."""

    TODAY = "today"
    YESTERDAY = "yesterday"
    LAST_7D = "last_7d"
    LAST_14D = "last_14d"
    LAST_30D = "last_30d"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"


DEFAULT_PRESET = DatePreset.LAST_7D


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of local days; `since` after `until` is refused at construction."""

    since: date
    until: date

    def __post_init__(self) -> None:
        if self.since > self.until:
            raise InvalidDateRange("since", f"since {self.since} is after until {self.until}")

    @classmethod
    def single(cls, day: date) -> DateRange:
        """The one-day range [day, day]."""
        return cls(day, day)

    @property
    def days(self) -> int:
        """Number of days in the range, both ends counted (a one-day range has 1)."""
        return (self.until - self.since).days + 1

    def contains(self, day: date) -> bool:
        """True when `day` falls inside the range (ends included)."""
        return self.since <= day <= self.until

    def iter_days(self) -> Iterator[date]:
        """Each day of the range in ascending order (for daily chart series with gaps filled)."""
        for offset in range(self.days):
            yield self.since + timedelta(days=offset)

    def as_meta_time_range(self) -> dict[str, str]:
        """The Graph API `time_range` map: {"since": "YYYY-MM-DD", "until": "YYYY-MM-DD"}."""
        return {"since": self.since.isoformat(), "until": self.until.isoformat()}


def local_today(now: datetime, timezone_name: str) -> date:
    """The calendar day it is at instant `now` in `timezone_name` (an IANA name, e.g. an account's).

    `now` must be timezone-aware (a naive datetime is ambiguous and raises ValueError); an unknown
    zone name raises zoneinfo.ZoneInfoNotFoundError.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(ZoneInfo(timezone_name)).date()


def add_months(day: date, months: int) -> date:
    """`day` moved by whole calendar months, clamped to that month's end (Mar 31 - 1 -> Feb 28/29)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def parse_date_preset(value: str) -> DatePreset:
    """A `date_preset` query value as a DatePreset; InvalidDateRange("date_preset") otherwise."""
    try:
        return DatePreset(value)
    except ValueError:
        allowed = ", ".join(p.value for p in DatePreset)
        raise InvalidDateRange("date_preset", f"unknown preset {value!r}; use one of {allowed}") from None


def parse_iso_date(value: str, param: str) -> date:
    """A strict YYYY-MM-DD query value; InvalidDateRange(param) when malformed or impossible."""
    try:
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidDateRange(param, f"expected a date as YYYY-MM-DD, got {value!r}") from None


def resolve_date_preset(preset: DatePreset | str, today: date) -> DateRange:
    """The inclusive range a preset means on local day `today`, with Meta's semantics.

    last_Nd is the N full days ending YESTERDAY (today is excluded, as in Meta); this_month runs
    from the 1st to today; last_month is the whole previous calendar month.
    """
    preset = parse_date_preset(str(preset))
    yesterday = today - timedelta(days=1)
    if preset is DatePreset.TODAY:
        return DateRange.single(today)
    if preset is DatePreset.YESTERDAY:
        return DateRange.single(yesterday)
    if preset is DatePreset.THIS_MONTH:
        return DateRange(today.replace(day=1), today)
    if preset is DatePreset.LAST_MONTH:
        last_of_previous = today.replace(day=1) - timedelta(days=1)
        return DateRange(last_of_previous.replace(day=1), last_of_previous)
    span = {DatePreset.LAST_7D: 7, DatePreset.LAST_14D: 14, DatePreset.LAST_30D: 30}[preset]
    return DateRange(yesterday - timedelta(days=span - 1), yesterday)


def validate_custom_range(since: date, until: date, max_months: int = MAX_RANGE_MONTHS) -> DateRange:
    """A `since`..`until` request as a DateRange, refusing since > until and spans over `max_months`.

    The span rule: `since` may be at most `max_months` calendar months before `until`
    (until 2026-11-25 allows since >= 2023-10-25 for 37 months).
    """
    if since > until:
        raise InvalidDateRange("since", f"since {since} is after until {until}")
    if since < add_months(until, -max_months):
        raise InvalidDateRange("since", f"the range is longer than {max_months} months")
    return DateRange(since, until)


FULL_STATS_WINDOW_DAYS = 28  # Meta restates recent days as late conversions arrive (docs/architecture.md).


def stats_window(today: date, full: bool) -> DateRange:
    """The days a stats sync fetches: yesterday and today, or when `full` the 28 days ending today."""
    days = FULL_STATS_WINDOW_DAYS if full else 2
    return DateRange(today - timedelta(days=days - 1), today)


def backfill_chunks(since: date, until: date, chunk_days: int) -> list[DateRange]:
    """[since, until] cut into consecutive ranges of at most `chunk_days` days, oldest first."""
    if chunk_days < 1:
        raise ValueError("chunk_days must be at least 1")
    whole = DateRange(since, until)
    chunks: list[DateRange] = []
    start = whole.since
    while start <= whole.until:
        end = min(start + timedelta(days=chunk_days - 1), whole.until)
        chunks.append(DateRange(start, end))
        start = end + timedelta(days=1)
    return chunks


class CompareMode(StrEnum):
    """What a list's numbers are compared with (`compare=`)."""

    PREVIOUS_PERIOD = "previous_period"  # the same number of days just before the range
    PREVIOUS_YEAR = "previous_year"  # the same dates one year earlier


def one_year_earlier(day: date) -> date:
    """The same date a year before; Feb 29 becomes Feb 28 (the year before has no Feb 29)."""
    return add_months(day, -12)


def previous_range(rng: DateRange, mode: CompareMode) -> DateRange:
    """The range `rng` is compared with: the `rng.days` days just before it, or the same dates one
    year earlier (each end moved by `one_year_earlier`: an end on Feb 29 moves to Feb 28). Being
    the same dates, a year-earlier range can hold a day fewer or more than `rng` when one of the
    two spans a Feb 29 (Feb 20..Mar 5 2028 holds 15 days, Feb 20..Mar 5 2027 14)."""
    if mode is CompareMode.PREVIOUS_PERIOD:
        return DateRange(rng.since - timedelta(days=rng.days), rng.since - timedelta(days=1))
    return DateRange(one_year_earlier(rng.since), one_year_earlier(rng.until))
