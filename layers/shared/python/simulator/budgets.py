"""Budgets as Meta handles them: the account's minimum daily budgets, where a budget may be set
(the campaign with an Advantage campaign budget, else each ad set, never both), the budget type
an object keeps, and the limit of 4 budget changes per ad set per hour (a fifth is answered with
code 17 and blocks that ad set's budget changes for an hour). Amounts are Meta's offset units:
cents, or whole units for currencies without decimals."""

from __future__ import annotations

import json
import math
from datetime import datetime, timedelta

from pixecom.domain.budgets import budget_offset, minimum_key, schedule_days
from simulator.scenario import AdAccountSpec
from simulator.wire import SimError

CHANGES_PER_HOUR = 4
BLOCK = timedelta(hours=1)
BUDGET_FIELDS = ("daily_budget", "lifetime_budget")
# Meta's usual minimums in US cents, and about how many units of a whole-unit currency a dollar is.
_USD_MINIMUMS = {"min_daily_budget_imp": 100, "min_daily_budget_high_freq": 500,
                 "min_daily_budget_low_freq": 1000, "min_daily_budget_video_views": 100}
_PER_DOLLAR = {"JPY": 150, "KRW": 1400, "VND": 25000, "CLP": 950, "ISK": 140, "PYG": 7500}


def offset(currency: str) -> int:
    """Meta's budget units per currency unit (the same table our client uses)."""
    return budget_offset(currency)


def minimum_budgets(account: AdAccountSpec) -> dict[str, int]:
    """The account's minimum daily budgets (the scenario's, else Meta's usual ones)."""
    if account.minimum_budgets is not None:
        return dict(account.minimum_budgets)
    if offset(account.currency) == 100:
        return dict(_USD_MINIMUMS)
    per_dollar = _PER_DOLLAR.get(account.currency.upper(), 100)
    return {key: math.ceil(cents * per_dollar / 100) for key, cents in _USD_MINIMUMS.items()}


def minimum_for(account: AdAccountSpec, optimization_goals: list[str | None]) -> int:
    """The minimum daily budget for a budget that funds ad sets with these goals."""
    minimums = minimum_budgets(account)
    keys = {minimum_key(goal) for goal in optimization_goals} or {"min_daily_budget_imp"}
    return max(minimums.get(key, 0) for key in keys)


def render_minimums(account: AdAccountSpec) -> dict[str, object]:
    row: dict[str, object] = {"currency": account.currency, **minimum_budgets(account)}
    return {"data": [row]}


def amount(raw: str, field: str) -> int:
    if not raw.isdigit() or int(raw) <= 0:
        raise SimError(100, f"(#100) Param {field} must be a positive integer (the currency's offset units)")
    return int(raw)


def wrong_level(message: str) -> SimError:
    return SimError(100, "(#100) Invalid parameter", subcode=1885621, user_title="Budget Level Mismatch",
                    user_msg=message)


def too_low(account: AdAccountSpec, minimum: int) -> SimError:
    shown = f"{minimum / offset(account.currency):.{0 if offset(account.currency) == 1 else 2}f}"
    return SimError(100, "(#100) Invalid parameter", subcode=1885272, user_title="Your Budget Is Too Low",
                    user_msg=f"The minimum daily budget for this ad set is {shown} {account.currency}.")


def schedule_minimum(minimum_daily: int, start: datetime, end: datetime | None) -> int | None:
    """Meta's minimum lifetime budget: the minimum daily budget for each day of the schedule
    (a part day counts whole); None for a schedule without an end."""
    days = schedule_days(start, end)
    return None if days is None else minimum_daily * days


def lifetime_too_low(account: AdAccountSpec, minimum: int, minimum_daily: int) -> SimError:
    places = 0 if offset(account.currency) == 1 else 2
    shown = f"{minimum / offset(account.currency):.{places}f}"
    daily = f"{minimum_daily / offset(account.currency):.{places}f}"
    return SimError(100, "(#100) Invalid parameter", subcode=1885272, user_title="Your Budget Is Too Low",
                    user_msg=f"The minimum lifetime budget for this schedule is {shown} {account.currency} "
                             f"({daily} {account.currency} for each day it runs).")


def limit_reached(account: AdAccountSpec, blocked_until: datetime, now: datetime) -> SimError:
    """Code 17 with the usage header saying when the ad set's budget may change again."""
    minutes = max(1, math.ceil((blocked_until - now).total_seconds() / 60))
    buc = {"type": "ads_management", "call_count": 100, "total_cputime": 0, "total_time": 0,
           "estimated_time_to_regain_access": minutes, "ads_api_access_tier": "standard_access"}
    header = json.dumps({account.account_id: [buc]}, separators=(",", ":"))
    return SimError(17, "(#17) User request limit reached", subcode=2446079,
                    user_title="Budget change limit reached",
                    user_msg="This ad set's budget was changed too many times in the last hour. "
                             "Try again later.",
                    headers={"x-business-use-case-usage": header})


class ChangeLimiter:
    """Budget changes per ad set: at most 4 an hour; the fifth blocks the ad set for an hour."""

    def __init__(self) -> None:
        self.changes: dict[str, list[datetime]] = {}
        self.blocked_until: dict[str, datetime] = {}

    def check(self, account: AdAccountSpec, adset_id: str, now: datetime) -> None:
        blocked = self.blocked_until.get(adset_id)
        if blocked is not None and blocked > now:
            raise limit_reached(account, blocked, now)
        recent = [t for t in self.changes.get(adset_id, []) if now - t < BLOCK]
        self.changes[adset_id] = recent
        if len(recent) >= CHANGES_PER_HOUR:
            self.blocked_until[adset_id] = now + BLOCK
            raise limit_reached(account, now + BLOCK, now)

    def record(self, adset_id: str, now: datetime) -> None:
        self.changes.setdefault(adset_id, []).append(now)
