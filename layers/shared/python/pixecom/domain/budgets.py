"""Meta's budget rules, pure: money <-> Meta's budget units, a percent change, the minimum daily
budget an ad set must keep, and the limit of budget changes per ad set per hour.

Meta sends and takes budgets (`daily_budget`, `lifetime_budget`, `budget_remaining`,
`spend_cap`, `minimum_budgets`) as whole numbers of the currency's "offset" unit: cents for most
currencies (offset 100), the unit itself for currencies without decimals (JPY, KRW, VND, ...:
offset 1). We keep budgets as Decimal money in the currency's own units.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from pixecom.domain.currency import minor_units

# Meta: an ad set's budget may change 4 times per hour; the fifth blocks its budget for an hour.
BUDGET_CHANGES_PER_HOUR = 4
BUDGET_CHANGE_WINDOW = timedelta(hours=1)


class BudgetType(StrEnum):
    DAILY = "daily"
    LIFETIME = "lifetime"

    @property
    def field(self) -> str:
        """Meta's field for this budget: `daily_budget` or `lifetime_budget`."""
        return f"{self.value}_budget"


class BudgetLevel(StrEnum):
    CAMPAIGN = "campaign"  # Advantage campaign budget: the campaign holds it for its ad sets
    ADSET = "adset"


def budget_offset(currency: str) -> int:
    """How many of Meta's budget units make one unit of `currency`: 1 without decimals, else 100."""
    return 1 if minor_units(currency) == 0 else 100


def money_from_meta(value: int | None, currency: str) -> Decimal | None:
    """A Meta budget number (offset units) as money in the currency's units; None stays None."""
    if value is None:
        return None
    return Decimal(value) / budget_offset(currency)


def money_to_meta(amount: Decimal, currency: str) -> int:
    """Money as Meta's budget number: offset units, rounded half-up to a whole unit."""
    return int((amount * budget_offset(currency)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def budget_unit(currency: str) -> Decimal:
    """The smallest budget step Meta takes in `currency` (0.01 USD, 1 VND)."""
    return Decimal(1) / budget_offset(currency)


def changed_by_percent(current: Decimal, percent: Decimal, currency: str) -> Decimal:
    """`current` changed by `percent`, rounded half-up to Meta's budget unit, never below one unit."""
    unit = budget_unit(currency)
    raw = current * (Decimal(100) + percent) / Decimal(100)
    return max(unit, raw.quantize(unit, rounding=ROUND_HALF_UP))


# What an ad set optimises for -> which of the account's `minimum_budgets` applies to it.
# Impression-billed goals take the impressions minimum; frequent events (clicks, views) the
# high-frequency one; rarer conversions the low-frequency one; video views their own.
_IMPRESSION_GOALS = frozenset({"IMPRESSIONS", "REACH", "AD_RECALL_LIFT"})
_HIGH_FREQUENCY_GOALS = frozenset(
    {"LINK_CLICKS", "LANDING_PAGE_VIEWS", "POST_ENGAGEMENT", "PAGE_LIKES", "ENGAGED_USERS"}
)
_VIDEO_GOALS = frozenset({"THRUPLAY", "VIDEO_VIEWS", "TWO_SECOND_CONTINUOUS_VIDEO_VIEWS"})


def minimum_key(optimization_goal: str | None) -> str:
    """The `minimum_budgets` field that bounds a daily budget for this optimization goal."""
    goal = (optimization_goal or "").upper()
    if goal in _IMPRESSION_GOALS:
        return "min_daily_budget_imp"
    if goal in _HIGH_FREQUENCY_GOALS:
        return "min_daily_budget_high_freq"
    if goal in _VIDEO_GOALS:
        return "min_daily_budget_video_views"
    return "min_daily_budget_low_freq"


def minimum_daily_budget(minimums: Mapping[str, int], goals: Iterable[str | None]) -> int | None:
    """The minimum daily budget (Meta units) for a budget serving ad sets with these goals: the
    largest of theirs (a campaign budget must fund each of its ad sets). None if Meta gave none."""
    found = [minimums[key] for key in {minimum_key(goal) for goal in goals} if key in minimums]
    return max(found) if found else None


def schedule_days(start: datetime | None, end: datetime | None) -> int | None:
    """The days of a schedule as Meta counts them against a lifetime budget: its length in 24-hour
    days, a part day counting whole (Mon 10:00 to Wed 09:00 is 2). None without both ends (a
    schedule without an end has no lifetime minimum to check)."""
    if start is None or end is None or end <= start:
        return None
    return math.ceil((end - start) / timedelta(days=1))


def minimum_lifetime_budget(minimum_daily: int | None, days: int | None) -> int | None:
    """Meta's minimum lifetime budget (Meta units): the minimum daily budget for each day of the
    schedule. None when either is unknown."""
    if minimum_daily is None or days is None:
        return None
    return minimum_daily * days


@dataclass(frozen=True)
class ChangeSlot:
    """Whether an ad set's budget may change now, and if not, from when."""

    allowed: bool
    next_at: datetime | None = None


def budget_change_slot(recent_changes: Iterable[datetime], now: datetime) -> ChangeSlot:
    """Meta's limit from the times of an ad set's budget changes: a fifth within an hour is
    refused (and blocks the ad set for an hour), so we wait until the oldest of the last four
    leaves the hour."""
    within = sorted(t for t in recent_changes if now - t < BUDGET_CHANGE_WINDOW)
    if len(within) < BUDGET_CHANGES_PER_HOUR:
        return ChangeSlot(True)
    return ChangeSlot(False, within[-BUDGET_CHANGES_PER_HOUR] + BUDGET_CHANGE_WINDOW)
