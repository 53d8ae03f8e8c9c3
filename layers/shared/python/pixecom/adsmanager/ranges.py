"""Which days a request covers, per ad account: pure, `now` is passed in.

A preset means different days in different timezones (at 03:00 UTC it is already tomorrow in
UTC+7 and still yesterday in UTC-8). Every IANA zone is within -12h..+14h of UTC, so at any
instant an account's local day is one of three: UTC's day, the day before, or the day after.
`plan_ranges` resolves the preset for each of those three with the domain's own
`resolve_date_preset`; the SQL then picks, per account, the candidate matching the account's
local day at `now` (computed by Postgres from `timezone_name`), so every account gets its own
range in the same single statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from pixecom.adsmanager.params import CompareSpec, DateSpec
from pixecom.domain.dates import DateRange, local_today, previous_range, resolve_date_preset


@dataclass(frozen=True)
class RangePlan:
    """Either one custom range for every account, or candidate ranges keyed by local day."""

    now: datetime
    custom: DateRange | None
    by_local_day: tuple[tuple[date, DateRange], ...] = ()

    @property
    def envelope(self) -> DateRange:
        """The smallest range covering every account's range (lets SQL use the date index)."""
        if self.custom is not None:
            return self.custom
        ranges = [r for _, r in self.by_local_day]
        return DateRange(min(r.since for r in ranges), max(r.until for r in ranges))

    def split(self) -> tuple[DateRange | None, tuple[DateRange, ...]]:
        """The envelope cut into its core (the days inside EVERY candidate range: they count for
        every account, whatever its timezone; None when the candidates share no day, as `today`
        does) and the edges around it (days only some candidates hold; none when the candidates
        are one range)."""
        envelope = self.envelope
        ranges = [self.custom] if self.custom is not None else [r for _, r in self.by_local_day]
        since, until = max(r.since for r in ranges), min(r.until for r in ranges)
        if since > until:
            return None, (envelope,)
        one_day = timedelta(days=1)
        edges = tuple(
            DateRange(lo, hi)
            for lo, hi in ((envelope.since, since - one_day), (until + one_day, envelope.until))
            if lo <= hi
        )
        return DateRange(since, until), edges

    def utc_range(self) -> DateRange:
        """The range in UTC: what `date_range` says when the seller has no ad account."""
        if self.custom is not None:
            return self.custom
        utc_day = self.now.astimezone(UTC).date()
        return dict(self.by_local_day)[utc_day]


def plan_ranges(dates: DateSpec, now: datetime) -> RangePlan:
    """The range plan of a request at instant `now` (timezone-aware)."""
    if dates.custom is not None:
        return RangePlan(now=now, custom=dates.custom)
    assert dates.preset is not None
    utc_day = local_today(now, "UTC")
    days = (utc_day - timedelta(days=1), utc_day, utc_day + timedelta(days=1))
    return RangePlan(
        now=now,
        custom=None,
        by_local_day=tuple((day, resolve_date_preset(dates.preset, day)) for day in days),
    )


def range_for_timezone(dates: DateSpec, now: datetime, timezone_name: str) -> DateRange:
    """The range one account (in `timezone_name`) sees at `now`."""
    if dates.custom is not None:
        return dates.custom
    assert dates.preset is not None
    return resolve_date_preset(dates.preset, local_today(now, timezone_name))


def compare_plan(plan: RangePlan, compare: CompareSpec) -> RangePlan:
    """The plan of the comparison range: each candidate range (so each account's own range, in
    its timezone) moved to its previous period or year, or the explicit range for every account."""
    if compare.custom is not None:
        return RangePlan(now=plan.now, custom=compare.custom)
    assert compare.mode is not None
    if plan.custom is not None:
        return RangePlan(now=plan.now, custom=previous_range(plan.custom, compare.mode))
    return RangePlan(
        now=plan.now,
        custom=None,
        by_local_day=tuple((day, previous_range(r, compare.mode)) for day, r in plan.by_local_day),
    )
